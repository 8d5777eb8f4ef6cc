"""benchmarks/bench_memory.py (P5) in its smoke run: the console started the real way on a generated
database, logged in, the list opened and scrolled, beside a bare Qt process; both figures are printed
with their floor (not timed and not judged: the figures are the benchmark's)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIELDS = {"id", "name", "unit", "runs", "value", "floor", "ratio", "goal", "ok"}
STATS = {"min", "median", "p95", "max"}


@pytest.mark.timeout(600)
def test_the_memory_benchmark_prints_rss_and_peak_beside_a_bare_qt_process(smoke_figures) -> None:
    records = smoke_figures("benchmarks.bench_memory")
    assert [r["name"] for r in records] == ["rss_list_open", "rss_peak"]
    for record in records:
        assert set(record) >= FIELDS | {"rows", "loaded_rows", "webengine_loaded", "stages_kb"}
        assert (record["id"], record["unit"], record["runs"], record["via"]) == ("P5", "MB", 1, "console")
        assert record["goal"]["ratio"] == 1.5
        assert record["rows"] == 300  # the list's true count: it was opened, logged in as a manager
        assert 0 < record["loaded_rows"] <= 300
        assert record["webengine_loaded"] is False  # no payment window, no web view
        assert list(record["stages_kb"]) == ["qapplication", "login_form", "list_first_page", "list_scrolled"]
        for key in ("value", "floor"):
            assert set(record[key]) == STATS and record[key]["min"] > 0
    rss = records[0]
    assert set(rss["console_kb"]) == set(rss["floor_kb"]) == {"RssAnon", "RssFile", "RssShmem"}


def test_a_missing_database_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_memory"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "--db is required" in done.stderr
