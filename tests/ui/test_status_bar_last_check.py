"""The status bar's "Last check" on the real console follows every successful status check, not only the
poller's: the checkout's own checks, money operations and the reconciler go through PaymentService (seen
in the demo: "Last check: 14:59:01" while the payment in the detail had been checked at 15:00:13)."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from typing import Any

import pytest

from epay_desktop.ui.common.formatting import KAZAKHSTAN
from tests.support.clock import Clock

CHECKED = datetime(2026, 12, 6, 10, 0, 13, tzinfo=UTC)


@pytest.fixture
def real_console_clock() -> Clock:
    return Clock(CHECKED)


def test_last_check_shows_a_status_check_made_outside_the_poller(real_console: Any, qtbot: Any) -> None:
    console = real_console
    bar = console.window.status_bar
    checked = CHECKED
    console.ctx.poller.last_success_at = datetime(2026, 12, 6, 9, 59, 1, tzinfo=UTC)
    console.ctx.payments.report_gateway(None)  # what a successful check-status outside the poller does
    bar.refresh_last_poll()
    expected = checked.astimezone(KAZAKHSTAN).strftime("%H:%M:%S")
    qtbot.waitUntil(lambda: bar.last_poll_label.text() == f"Last check: {expected}")
