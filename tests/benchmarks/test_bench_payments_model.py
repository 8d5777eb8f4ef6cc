"""benchmarks/bench_payments_model.py runs on a small generated database and prints every figure
with its floor (not timed: the figures are the benchmark's to judge, this keeps it from rotting)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["first_page", "drag_middle", "drag_end", "page_down_keyset", "sort_amount_desc"]


@pytest.mark.timeout(300)
def test_the_list_model_benchmark_prints_every_figure_with_its_floor(tmp_path: Path):
    db = tmp_path / "epay-desktop.db"
    generate(f"sqlite:///{db}", 300, seed=3)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_payments_model", "--db", str(db), "--repeat", "2"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    figures = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [f["name"] for f in figures] == NAMES
    for figure in figures:
        assert figure["rows"] == 300
        for key in ("ms", "floor_ms"):
            assert set(figure[key]) == {"min", "median", "max"}
            assert 0 < figure[key]["min"] <= figure[key]["median"] <= figure[key]["max"]
        assert figure["ratio"] is not None and figure["ratio"] > 0
