"""The stress suites print their figures as one JSON line each, past pytest's output capture."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support import stress_harness as sh


@pytest.fixture
def emit(capsys: pytest.CaptureFixture[str]) -> Callable[[dict[str, Any]], str]:
    """Print a suite's figures as ONE JSON line on the terminal (and to ``EPAY_STRESS_FIGURES``)."""

    def emit_line(figures: dict[str, Any]) -> str:
        with capsys.disabled():
            return sh.emit(figures)

    return emit_line
