"""Every figure of issue 10 in one run: what ``./scripts/bench.sh`` calls.

    python -m benchmarks.run [--size 1000000] [--runs N] [--only P1,P2,...] [--postgres] [--smoke]
                             [--data DIR] [--out FILE]

Generates the data set once per size and seed (``benchmarks.generate``, kept under ``--data``,
default ``~/.cache/epay-desktop-bench``), then runs each benchmark module in its own process, one
after the other (never two at once: they would time each other). Each module prints one JSON line
per figure (``benchmarks.figures``); this runner passes them to stdout as they come and at the end
prints a table of every figure against its goal on stderr. ``--out`` also writes all the figures as
one JSON document (what docs/performance.md is made from).

``--smoke`` is what CI runs: tiny data sets, one or two runs, the same code paths, nothing judged.
A module that fails makes the run exit 1 after the others have run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

#: the figures' ids, in the issue's order
IDS = ("P1", "P2", "P2s", "P3", "P4", "P5", "P6", "P7")
SEED = 1


@dataclass
class Step:
    """One benchmark module and the figure ids it prints."""

    ids: tuple[str, ...]
    module: str
    args: list[str] = field(default_factory=list)
    needs_db: bool = False
    postgres: bool = False


def _steps(args: argparse.Namespace) -> list[Step]:
    runs = [] if args.runs is None else ["--runs", str(args.runs)]
    smoke = ["--smoke"] if args.smoke else []
    steps = [
        Step(("P1",), "benchmarks.startup", [*runs, *smoke]),
        Step(("P2", "P2s"), "benchmarks.bench_list", [*runs, *smoke], needs_db=not args.smoke),
        Step(("P3", "P6"), "benchmarks.bench_reconcile", [*runs, *smoke]),
        Step(("P4",), "benchmarks.bench_receipt", [*runs, *smoke]),
        Step(("P5",), "benchmarks.bench_memory", [*runs, *smoke], needs_db=not args.smoke),
        Step(("P7",), "benchmarks.bench_day", [*runs, *smoke], needs_db=not args.smoke),
    ]
    if args.postgres and not args.smoke:
        steps.insert(2, Step(("P2", "P2s"), "benchmarks.bench_list", [*runs], postgres=True))
    return [s for s in steps if not args.only or set(s.ids) & args.only]


def _say(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)


def _sqlite_data(data: Path, size: int) -> Path:
    """The generated SQLite file for ``size`` payments (seed 1), made once and kept."""
    folder = data / f"sqlite-{size}-seed{SEED}"
    db = folder / "epay-desktop.db"
    done = folder / "generated.json"
    if done.exists() and db.exists():
        return db
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        stale.unlink()
    _say(f"generating {size:,} payments into {db} (once; kept for later runs)")
    started = time.monotonic()
    summary = subprocess.run(  # noqa: S603  (our own module)
        [
            sys.executable,
            "-m",
            "benchmarks.generate",
            "--size",
            str(size),
            "--db",
            str(db),
            "--seed",
            str(SEED),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    done.write_text(summary, encoding="utf-8")
    _say(f"generated in {time.monotonic() - started:.0f} s")
    return db


def _postgres_home(data: Path) -> Path:
    """Where the kept PostgreSQL cluster lives. As root the server runs as the ``postgres`` user,
    who cannot enter root's home (0700): then a folder under /var/tmp, kept across runs too."""
    if os.geteuid() != 0 or not str(data.resolve()).startswith(str(Path.home().resolve())):
        return data
    return Path("/var/tmp") / "epay-desktop-bench"  # noqa: S108  (root only: a benchmark cluster)


def _run(step: Step, extra: list[str]) -> tuple[list[dict[str, Any]], bool]:
    command = [sys.executable, "-m", step.module, *step.args, *extra]
    _say(" ".join(command[2:]))
    # a crash (a Qt object used after its deletion, say) prints every thread's stack on stderr
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)  # noqa: S603  (our own)
    figures: list[dict[str, Any]] = []
    assert process.stdout is not None
    for line in process.stdout:
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            _say(f"{step.module}: not a figure: {line[:200]}")
            continue
        print(json.dumps(record, ensure_ascii=False), flush=True)
        figures.append(record)
    ok = process.wait() == 0 and bool(figures)
    if not ok:
        _say(f"{step.module} failed (exit {process.returncode}, {len(figures)} figures)")
    return figures, ok


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _table(figures: list[dict[str, Any]]) -> str:
    lines = [f"{'id':<4} {'figure':<34} {'via':<14} {'median':>9} {'p95':>9} {'floor':>9} {'ratio':>6}  goal"]
    for f in figures:
        via = "/".join(str(f[k]) for k in ("via", "backend") if f.get(k))
        goal = f["goal"]
        wanted = []
        if goal.get("ratio") is not None:
            wanted.append(f"<={goal['ratio']:g}x")
        if goal.get("limit") is not None:
            wanted.append(f"{goal['stat']}<={goal['limit']:g}{f['unit']}")
        floor = f.get("floor") or {}
        lines.append(
            f"{f['id']:<4} {f['name'][:34]:<34} {via[:14]:<14} {_cell(f['value']['median']):>9} "
            f"{_cell(f['value']['p95']):>9} {_cell(floor.get('median')):>9} {_cell(f.get('ratio')):>6}  "
            f"{' '.join(wanted)} {'ok' if f.get('ok') else 'MISSED'}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench.sh", description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="payments in the data set (1,000,000)")
    parser.add_argument("--runs", type=int, default=None, help="repeats per figure (each module's own)")
    parser.add_argument("--only", default="", help="comma-separated figure ids, e.g. P2,P4")
    parser.add_argument("--postgres", action="store_true", help="P2 on a throwaway PostgreSQL server too")
    parser.add_argument("--smoke", action="store_true", help="tiny and untimed: they still run (CI)")
    parser.add_argument("--data", type=Path, default=Path.home() / ".cache" / "epay-desktop-bench")
    parser.add_argument("--out", type=Path, help="also write every figure to this JSON file")
    args = parser.parse_args(argv)
    args.only = {i.strip() for i in args.only.split(",") if i.strip()}
    unknown = args.only - set(IDS)
    if unknown:
        parser.error(f"unknown figure id(s): {', '.join(sorted(unknown))}; known: {', '.join(IDS)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    figures: list[dict[str, Any]] = []
    failed: list[str] = []
    for step in _steps(args):
        extra: list[str] = []
        if step.postgres:
            # the cluster is kept beside the SQLite files: generated once per size, started per run
            pg_root = _postgres_home(args.data) / f"postgres-{args.size}-seed{SEED}"
            extra = ["--postgres", "--size", str(args.size), "--pg-root", str(pg_root)]
        elif step.needs_db:
            extra = ["--db", str(_sqlite_data(args.data, args.size))]
        found, ok = _run(step, extra)
        figures += found
        if not ok:
            failed.append(step.module + (" (postgresql)" if step.postgres else ""))
    print(_table(figures), file=sys.stderr, flush=True)
    if args.out:
        document = {
            "size": None if args.smoke else args.size,  # a smoke run's data sets are its modules' own
            "smoke": args.smoke,
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "system": platform.platform(),
            },
            "seconds": round(time.monotonic() - started, 1),
            "figures": figures,
        }
        args.out.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    if failed:
        _say("failed: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
