"""A throwaway PostgreSQL server for the benchmarks (not timed; the P2 figures on PostgreSQL use it).

    python -m benchmarks.pg_server [--root DIR] [--size N] [--seed S]

``initdb`` in a folder (a temporary one, removed at the end, unless ``--root`` names one to keep: a
second run with the same ``--root`` starts the same cluster again, data and all), then ``postgres``
on loopback with trust auth as a child that stops when the process that started it dies (even by
SIGKILL; Linux), as ``tests/conftest.py`` does for the tests. As root the server runs as Debian's
``postgres`` system user (initdb refuses root). Binaries: ``pg_config --bindir``, then
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
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from pathlib import Path

__all__ = ["bindir", "pg_server", "remove_orphaned_folders"]

DATABASE = "bench"


def bindir() -> Path:
    """The folder holding ``initdb`` and ``postgres``. Raises RuntimeError when there is none."""
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
        if (folder / "initdb").is_file() and (folder / "postgres").is_file():
            return folder
    raise RuntimeError("PostgreSQL server binaries (initdb, postgres) not found; apt-get install postgresql")


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
    ``stop_mode``: pg_ctl's names (``immediate`` when nothing is kept). The tests' session server
    (tests/conftest.py) is this one.

    The server is ``postgres`` itself, a child of the calling thread (pg_ctl would daemonise it):
    on Linux it gets ``stop_mode``'s signal when that thread's process dies, even by SIGKILL, so a
    killed run leaves no server behind. A temporary folder such a run leaves is removed by the next
    start (:func:`remove_orphaned_folders`)."""
    folder = bindir()
    keep = root is not None
    if not keep:
        remove_orphaned_folders()
    root = Path(root) if root is not None else Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    root.mkdir(parents=True, exist_ok=True)
    if not keep:
        (root / STARTER_FILE).write_text(f"{os.getpid()}\n")
    as_user: list[str] = []
    server_user: tuple[int, int] | None = None  # the server's user and group (None: this process's)
    if os.geteuid() == 0:  # initdb refuses root: run the server as Debian's postgres system user
        import pwd

        pw = pwd.getpwnam("postgres")  # KeyError: no such user (install the postgresql package)
        os.chown(root, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
        server_user = (pw.pw_uid, pw.pw_gid)
    data, log = root / "data", root / "server.log"
    server: subprocess.Popen[bytes] | None = None
    try:
        if not (data / "PG_VERSION").is_file():
            initdb = [str(folder / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]
            subprocess.run(  # noqa: S603 (the server's own binaries)
                [*as_user, *initdb, "--locale=C", "--no-sync"],
                cwd=root,
                check=True,
                capture_output=True,
                timeout=300,
            )
        port = 0
        for _attempt in range(5):  # another process may take the free port between probe and bind
            port = _free_port()
            server = _start(folder, data, root, log, port, settings, _STOP_SIGNALS[stop_mode], server_user)
            if server is not None:
                break
        if server is None:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start:\n{tail}")
        if not _has_database(port, database):
            _admin(port, f'CREATE DATABASE "{database}"')
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{database}"
    finally:
        if server is not None:
            _stop(server, _STOP_SIGNALS[stop_mode])
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


FOLDER_PREFIX = "epay-bench-pg-"
#: In a temporary folder: the id of the process that started its server (:func:`remove_orphaned_folders`).
STARTER_FILE = "starter.pid"
#: pg_ctl's stop modes as the signals the postmaster reads them from.
_STOP_SIGNALS = {"smart": signal.SIGTERM, "fast": signal.SIGINT, "immediate": signal.SIGQUIT}
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _start(
    folder: Path,
    data: Path,
    root: Path,
    log: Path,
    port: int,
    settings: Sequence[str],
    stop_signal: int,
    server_user: tuple[int, int] | None,
) -> subprocess.Popen[bytes] | None:
    """``postgres`` on ``port`` as a child of this thread, once it accepts connections; None when it
    ended first (the port was taken: the log says so)."""
    options = ["listen_addresses=127.0.0.1", "fsync=off", "synchronous_commit=off", "full_page_writes=off"]
    argv = [str(folder / "postgres"), "-D", str(data), "-p", str(port), "-k", str(root)]
    for option in [*options, *settings]:
        argv += ["-c", option]
    user, group = server_user or (None, None)
    with log.open("ab") as out:
        server = subprocess.Popen(  # noqa: S603 (the server's own binary)
            argv,
            cwd=root,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a terminal's Ctrl+C reaches the starter, which stops it in order
            preexec_fn=_dies_with(os.getpid(), stop_signal),
            user=user,
            group=group,
            extra_groups=None if user is None else [],
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if _ready(data / "postmaster.pid", server.pid):
            return server
        try:
            server.wait(timeout=0.05)  # returns at once when it ends (its port taken)
        except subprocess.TimeoutExpired:
            continue
        return None
    _stop(server, signal.SIGQUIT)
    return None


def _ready(pid_file: Path, pid: int) -> bool:
    """What ``pg_ctl -w`` waits for: the postmaster's pid file names it and says ``ready``."""
    try:
        lines = pid_file.read_text().splitlines()
    except OSError:
        return False
    return len(lines) >= 8 and lines[0].strip() == str(pid) and lines[7].strip() == "ready"


def _stop(server: subprocess.Popen[bytes], stop_signal: int) -> None:
    """Stop the postmaster with ``stop_signal`` (pg_ctl's ``-m`` mode) and wait for it."""
    if server.poll() is None:
        server.send_signal(stop_signal)
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _dies_with(parent: int, stop_signal: int) -> Callable[[], None] | None:
    """A ``preexec_fn`` giving the child ``stop_signal`` when ``parent`` dies (Linux's
    PR_SET_PDEATHSIG, set after the child took the ``postgres`` user: a change of user clears it);
    None elsewhere. The child ends at once when ``parent`` died before the call."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int

    def die_with_parent() -> None:
        if prctl(_PR_SET_PDEATHSIG, stop_signal, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
        if os.getppid() != parent:  # the starter is already gone: no server for nobody
            os._exit(1)

    return die_with_parent


def remove_orphaned_folders(tmp: Path | None = None) -> list[Path]:
    """Remove the temporary server folders (``epay-bench-pg-*`` in ``tmp``, the system's temporary
    folder by default) whose starting process is gone and whose server has stopped: what a run
    killed by SIGKILL leaves (its server stops with it, see :func:`pg_server`). A folder without
    :data:`STARTER_FILE` is never touched. Returns the folders removed."""
    removed: list[Path] = []
    for root in Path(tmp or tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
        starter = _pid_in(root / STARTER_FILE)
        if starter is None or _alive(starter):
            continue
        server = _pid_in(root / "data" / "postmaster.pid")
        if server is not None and _alive(server):
            continue
        shutil.rmtree(root, ignore_errors=True)
        removed.append(root)
    return removed


def _pid_in(path: Path) -> int | None:
    """The process id on the first line of ``path``; None when there is none."""
    try:
        first = path.read_text().split("\n", 1)[0].strip()
    except OSError:
        return None
    return int(first) if first.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def payments_in(url: str) -> int:
    """How many payments the database holds (0 when it has no schema yet)."""
    from sqlalchemy import create_engine
    from sqlalchemy import inspect
    from sqlalchemy import text

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
