"""A throwaway PostgreSQL server for the benchmarks (not timed; the P2 figures on PostgreSQL use it).

    python -m benchmarks.pg_server [--root DIR] [--size N] [--seed S]

``initdb`` + ``pg_ctl`` in a folder (a temporary one, removed at the end, unless ``--root`` names one
to keep: a second run with the same ``--root`` starts the same cluster again, data and all), on
loopback with trust auth, as ``tests/conftest.py`` does for the tests. As root the server runs as
Debian's ``postgres`` system user (initdb refuses root). Binaries: ``pg_config --bindir``, then
/usr/local/bin, then /usr/lib/postgresql/*/bin.

The CLI starts the server, creates the database ``bench``, generates ``--size`` payments into it
with ``benchmarks.generate`` when it holds none yet (the time it took goes to stderr), prints
``{"url": ..., "generate_s": ...}`` on stdout and keeps the server running until interrupted
(Ctrl+C / SIGTERM), then stops it. In Python: ``with pg_server() as url: ...``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["bindir", "pg_server"]

DATABASE = "bench"


def bindir() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``. Raises RuntimeError when there is none."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True)  # noqa: S603
            candidates.append(Path(out.stdout.strip()))
    candidates.append(Path("/usr/local/bin"))
    candidates.extend(
        sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name, reverse=True)
    )
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found; apt-get install postgresql")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _admin(port: int, sql: str) -> None:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=port, user="postgres", dbname="postgres", autocommit=True
    ) as c:
        c.execute(sql)  # type: ignore[arg-type]


def _has_database(port: int, name: str) -> bool:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=port, user="postgres", dbname="postgres", autocommit=True
    ) as c:
        return c.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


@contextlib.contextmanager
def pg_server(
    root: Path | None = None,
    database: str = DATABASE,
    *,
    settings: Sequence[str] = ("max_wal_size=4GB",),
    stop_mode: str = "fast",
) -> Iterator[str]:
    """Start a PostgreSQL server and yield the SQLAlchemy URL of ``database`` on it (created if
    missing); stop the server at the end. ``root``: keep the cluster in that folder (reused when it
    already holds one); None: a temporary folder, removed at the end. ``settings``: more ``-c``
    options (the benchmarks' default suits a bulk load; the test suite asks for more connections);
    ``stop_mode``: pg_ctl's (``immediate`` when nothing is kept). The tests' session server
    (tests/conftest.py) is this one."""
    folder = bindir()
    keep = root is not None
    root = Path(root) if root is not None else Path(tempfile.mkdtemp(prefix="epay-bench-pg-"))
    root.mkdir(parents=True, exist_ok=True)
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as Debian's postgres system user
        import pwd

        pw = pwd.getpwnam("postgres")  # KeyError: no such user (install the postgresql package)
        os.chown(root, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log = root / "data", root / "server.log"

    def run(*args: str | Path) -> None:
        subprocess.run(  # noqa: S603 (the server's own binaries)
            [*as_user, *map(str, args)], cwd=root, check=True, capture_output=True, timeout=300
        )

    started = False
    try:
        if not (data / "PG_VERSION").is_file():
            run(
                folder / "initdb",
                "-D",
                data,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            )
        port = 0
        for _attempt in range(5):  # another process may take the free port between probe and bind
            port = _free_port()
            options = (
                f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off"
                + "".join(f" -c {setting}" for setting in settings)
            )
            try:
                run(folder / "pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "-t", "120", "start")
                started = True
                break
            except subprocess.CalledProcessError:
                continue
        if not started:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start:\n{tail}")
        if not _has_database(port, database):
            _admin(port, f'CREATE DATABASE "{database}"')
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{database}"
    finally:
        if started:
            with contextlib.suppress(subprocess.SubprocessError):
                run(folder / "pg_ctl", "-D", data, "-m", stop_mode, "-w", "stop")
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


def payments_in(url: str) -> int:
    """How many payments the database holds (0 when it has no schema yet)."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("payments"):
                return 0
            return int(conn.execute(text("SELECT COUNT(*) FROM payments")).scalar_one())
    finally:
        engine.dispose()


def generate_into(url: str, size: int, seed: int = 1) -> float:
    """Generate ``size`` payments into ``url`` with ``benchmarks.generate`` (its own process, as the
    README runs it); returns the seconds it took."""
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 (this interpreter, the generator)
        [sys.executable, "-m", "benchmarks.generate", "--size", str(size), "--url", url, "--seed", str(seed)],
        check=True,
        stdout=sys.stderr,
    )
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, help="keep the cluster in this folder (reused next time)")
    parser.add_argument("--size", type=int, default=0, help="payments to generate when the database has none")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with pg_server(args.root) as url:
        seconds = None
        if args.size and payments_in(url) == 0:
            print(f"generating {args.size} payments into {url}", file=sys.stderr, flush=True)
            seconds = round(generate_into(url, args.size, args.seed), 1)
            print(f"generated in {seconds} s", file=sys.stderr, flush=True)
        print(json.dumps({"url": url, "payments": payments_in(url), "generate_s": seconds}), flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while not stop.wait(1.0):
                pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
