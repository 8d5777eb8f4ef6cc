"""The status bar's fiscal shift badge (decision 0127): hidden far from the 24 hours; amber "must be closed
by HH:MM" (Kazakhstan time) in the last hour; red once past them; a click asks for the fiscal register."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from epay_desktop.services.fiscal.shift_watch import Deadline
from epay_desktop.ui.window.status_bar import ConsoleStatusBar

CLOSE_BY = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)  # 14:30 in Almaty


def test_the_badge_says_when_to_close_the_fiscal_shift_and_opens_the_register(qtbot: Any) -> None:
    bar = ConsoleStatusBar("prod")
    qtbot.addWidget(bar)
    bar.resize(1200, 30)
    bar.show()
    badge = bar.fiscal_badge
    assert not badge.isVisible()

    badge.set_deadline(Deadline.SOON, CLOSE_BY)
    assert badge.isVisible() and badge.text() == "Fiscal shift must be closed by 14:30"
    assert "07.12.2026 14:30 (Kazakhstan time)" in badge.toolTip()
    qtbot.waitUntil(lambda: badge.width() > 100)
    with qtbot.waitSignal(bar.fiscal_clicked, timeout=2000):
        qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)

    badge.set_deadline(Deadline.OVER, CLOSE_BY)
    assert badge.text() == "⚠ Fiscal shift is over 24 hours: close it"
    assert "refuses every receipt" in badge.toolTip()

    badge.set_deadline(Deadline.NONE, CLOSE_BY)
    assert not badge.isVisible()
