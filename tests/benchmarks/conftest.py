"""What the benchmarks' smoke tests share: one ``benchmarks.run --smoke`` for the session (every module
with ``--smoke`` in its own process) and each module's figure lines read from it (the benchmarks print
nothing else on stdout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

Figures = list[dict[str, Any]]


#: Which figures each benchmark module prints (benchmarks/run.py runs them in this order).
MODULE_IDS = {
    "benchmarks.startup": ("P1",),
    "benchmarks.bench_list": ("P2", "P2s"),
    "benchmarks.bench_reconcile": ("P3", "P6"),
    "benchmarks.bench_receipt": ("P4",),
    "benchmarks.bench_memory": ("P5",),
    "benchmarks.bench_day": ("P7",),
}


@dataclass(frozen=True)
class SmokeRun:
    """``./scripts/bench.sh --smoke`` (``benchmarks.run``) once for the whole session: its figure lines,
    its table (stderr) and the document ``--out`` wrote."""

    figures: Figures
    table: str
    document: dict[str, Any]


#: The xdist group of every test reading the runner's smoke run (tests/benchmarks/test_bench_run.py's too):
#: one worker runs it once; spread over two workers, each would run it.
RUNNER_GROUP = "benchmark_runner"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that takes ``runner_smoke`` (directly or through ``smoke_figures``) joins ``RUNNER_GROUP``."""
    for item in items:
        if "runner_smoke" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group(RUNNER_GROUP))


@pytest.fixture
def pg_binaries() -> Path:
    """The folder of PostgreSQL's server binaries (``benchmarks.pg_server.bindir``); without them the
    test is skipped, and fails in CI (CI=true), where they must be."""
    from benchmarks import pg_server

    try:
        return pg_server.bindir()
    except RuntimeError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL must be there in CI: {exc}", pytrace=False)
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def runner_smoke(tmp_path_factory: pytest.TempPathFactory) -> SmokeRun:
    """The runner's ``--smoke`` (each module with ``--smoke`` in its own process, as CI and a person run
    it), made once: every benchmark's smoke test reads its own figures from it, so nothing runs twice."""
    folder = tmp_path_factory.mktemp("bench-smoke")
    out = folder / "figures.json"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(folder / "home"),
    }
    command = [sys.executable, "-m", "benchmarks.run", "--smoke", "--data", str(folder / "data")]
    done = subprocess.run(
        [*command, "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=840, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    figures = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return SmokeRun(figures, done.stderr, json.loads(out.read_text(encoding="utf-8")))


@pytest.fixture
def smoke_figures(runner_smoke: SmokeRun) -> Callable[[str], Figures]:
    """``smoke_figures("benchmarks.bench_receipt")``: that module's figures from the runner's smoke run, in
    the order it printed them (the runner passes ``--smoke`` on, so they are the module's own lines)."""

    def of(module: str) -> Figures:
        ids = MODULE_IDS[module]
        return [f for f in runner_smoke.figures if f["id"] in ids]

    return of
