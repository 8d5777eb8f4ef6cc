"""What the benchmarks' smoke tests share: run one benchmark module with ``--smoke`` in its own process
and read its figure lines (the benchmarks print nothing else on stdout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

Figures = list[dict[str, Any]]


@pytest.fixture
def smoke_figures() -> Callable[..., Figures]:
    """``smoke_figures("benchmarks.bench_receipt", timeout=240)``: the module's ``--smoke`` run (offscreen,
    the repository on PYTHONPATH), which must exit 0; returns its figures, one dict per stdout line."""

    def run(module: str, *args: str, timeout: float = 240) -> Figures:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-m", module, "--smoke", *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        return [json.loads(line) for line in done.stdout.splitlines()]  # nothing but figures on stdout

    return run
