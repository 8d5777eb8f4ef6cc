"""``./scripts/bench.sh`` (``benchmarks.run``): every figure of issue 10 in one run. The smoke run is
what CI does so the benchmarks never rot: tiny data, the same code paths, nothing timed or judged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.figures import Goal
from benchmarks.figures import figure
from benchmarks.figures import summary
from benchmarks.run import IDS

# one worker builds the session-wide smoke run (tests/benchmarks/conftest.py) and runs every test of it
pytestmark = pytest.mark.xdist_group("benchmark_runner")

ROOT = Path(__file__).resolve().parents[2]
FIELDS = {"id", "name", "unit", "runs", "value", "floor", "ratio", "goal", "ok"}


def test_a_summary_is_min_median_p95_max():
    assert summary([5.0, 1.0, 3.0]) == {"min": 1.0, "median": 3.0, "p95": 5.0, "max": 5.0}
    twenty = [float(i) for i in range(1, 21)]
    assert summary(twenty)["p95"] == 19.0  # nearest rank: the 19th of 20
    with pytest.raises(ValueError):
        summary([])


def test_a_figure_is_judged_by_its_ratio_and_its_limit():
    both = Goal(ratio=3.0, limit=50, stat="p95")
    fast = figure("P2", "first_page", [10.0, 12.0, 11.0], [4.0, 4.0, 5.0], goal=both, via="service")
    assert (fast["ratio"], fast["ok"], fast["via"]) == (2.75, True, "service")
    assert set(fast) >= FIELDS
    slow_ratio = figure("P2", "x", [13.0], [4.0], goal=both)
    assert (slow_ratio["ratio"], slow_ratio["ok"]) == (3.25, False)
    over_limit = figure("P2", "x", [40.0, 40.0, 60.0], [30.0], goal=both)
    assert over_limit["ok"] is False  # ratio 1.33 but p95 60 ms > 50
    no_floor = figure("P6", "stall", [20.0], goal=Goal(limit=50, stat="max"))
    assert (no_floor["floor"], no_floor["ratio"], no_floor["ok"]) == (None, None, True)


def test_an_unknown_figure_id_is_refused_with_the_known_ones():
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--only", "P9"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "unknown figure id(s): P9" in done.stderr and "P1, P2" in done.stderr


@pytest.mark.skipif(
    not (ROOT / ".venv-dev" / ".epay-stamp").is_file(),
    reason="scripts/bench.sh would first build .venv-dev (scripts/test.sh makes it)",
)
def test_the_readme_command_reaches_the_runner_with_its_arguments():
    """``./scripts/bench.sh`` itself: the venv it keeps, the headless Qt it sets, its arguments passed on."""
    done = subprocess.run(
        [str(ROOT / "scripts" / "bench.sh"), "--only", "P9"],
        cwd="/", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr[-2000:]
    assert "unknown figure id(s): P9" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.timeout(900)
def test_the_smoke_run_prints_every_figure_with_its_floor_and_goal(runner_smoke):
    lines = runner_smoke.figures
    assert runner_smoke.document["figures"] == lines and runner_smoke.document["smoke"] is True
    assert {f["id"] for f in lines} == set(IDS)
    for f in lines:
        assert set(f) >= FIELDS, f
        assert f["runs"] >= 1 and f["value"]["min"] <= f["value"]["median"] <= f["value"]["max"]
        assert (f["floor"] is None) == (f["ratio"] is None), f
    day = {f["name"] for f in lines if f["id"] == "P7"}  # issue 13's day at a glance and shift report
    assert day == {"day_at_a_glance", "day_window", "shift_x_report"}
    table = runner_smoke.table
    for fig_id in IDS:
        assert f"\n{fig_id} " in table or table.startswith(f"{fig_id} ")


def test_the_report_puts_sizes_side_by_side_and_says_which_goals_the_largest_met():
    from benchmarks.report import table

    def document(size: int, first_page: list[float]) -> dict[str, object]:
        goal = Goal(ratio=3.0, limit=50, stat="p95")
        return {
            "size": size,
            "figures": [
                figure("P2", "first_page", first_page, [1.0], goal=goal, via="service", backend="sqlite"),
                {"id": "P7", "name": "day", "status": "not_built", "goal": {"ratio": 2.0}},
            ],
        }

    text = table([document(10_000, [2.0]), document(1_000_000, [4.0])])
    lines = text.splitlines()
    assert lines[0].startswith("| id | figure | via | 10,000: value | floor | ratio | 1,000,000: value")
    row = "| P2 | first_page | service/sqlite | 2 ms (p95) | 1 | 2 | 4 ms (p95) | 1 | 4 |"
    assert row + " <= 3x, p95 <= 50 ms | **no** |" in lines  # 4x at the largest size
    assert any(line.startswith("| P7 | day |  | not built |") for line in lines)
