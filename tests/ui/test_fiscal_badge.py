"""The status bar's fiscal shift badge (decisions 0127, 0131): hidden far from the 24 hours; amber "Close
fiscal shift by HH:MM" (Kazakhstan time) in the last hour; red once past them; a click asks for the fiscal
register. Its words are whole at a 1280 px wide window in Russian and Kazakh, beside the rest of the bar as
the demo shows it; short of room, the counter's shift's words give way first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from epay_desktop.domain import Role, User
from epay_desktop.domain.shifts import Shift
from epay_desktop.services.fiscal.shift_watch import Deadline
from epay_desktop.ui.common.language import translations
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
    assert badge.isVisible() and badge.text() == "Close fiscal shift by 14:30"
    assert "07.12.2026 14:30 (Kazakhstan time)" in badge.toolTip()
    qtbot.waitUntil(lambda: badge.width() > 100)
    with qtbot.waitSignal(bar.fiscal_clicked, timeout=2000):
        qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)

    badge.set_deadline(Deadline.OVER, CLOSE_BY)
    assert badge.text() == "⚠ Fiscal shift over 24 hours"
    assert "refuses every receipt until it is closed with a Z report" in badge.toolTip()  # said whole

    badge.set_deadline(Deadline.NONE, CLOSE_BY)
    assert not badge.isVisible()


@pytest.fixture
def in_language(qapp: Any) -> Iterator[None]:
    yield
    translations().reset()


def _whole(label: QLabel) -> bool:
    """Its words fit the room it was given (a ShiftLabel paints them shortened with "…" when not)."""
    room = label.contentsRect().width()
    return label.fontMetrics().elidedText(label.text(), Qt.TextElideMode.ElideRight, room) == label.text()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_badges_words_are_whole_at_1280_px_beside_the_demos_status_bar(
    qtbot: Any, in_language: None, lang: str
) -> None:
    """Seen in the demo at 1280 px in Russian: the red badge ended in "…". The bar as the demo shows it
    (SANDBOX, three payments needing attention, the counter's shift, the bank not checked yet or OK at a
    time, the manager): each badge, amber and red, is whole, and so are the shift's words beside it."""
    translations().switch(lang)  # the shipped catalogues
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    bar = ConsoleStatusBar("demo")
    window.setStatusBar(bar)
    qtbot.addWidget(window)
    opened = datetime(2026, 12, 6, 8, 56, tzinfo=UTC)
    bar.set_attention(3)
    bar.set_user(User(1, "Данияр", Role.MANAGER, True, 0, None, opened))
    bar.set_shift(Shift(1, "till-1", 1, opened, 1, None, None, None))
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    badge = bar.fiscal_badge
    for checked in (None, datetime(2026, 12, 7, 8, 27, 4, tzinfo=UTC)):
        if checked is not None:
            bar.set_health(True, checked)  # "Bank: OK" and the time of the last check: wider
        for deadline in (Deadline.SOON, Deadline.OVER):
            badge.set_deadline(deadline, CLOSE_BY)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the bar laid out again
            assert window.width() == 1280 and badge.isVisible()
            said = f"{lang}, {deadline.name}, bank {'OK' if checked else 'not checked'}"
            assert _whole(badge), f"{said}: {badge.text()!r} cut to {badge.contentsRect().width()} px"
            assert _whole(bar.shift_label), f"{said}: {bar.shift_label.text()!r} cut"
    window.resize(1100, 720)  # short of room: the badge keeps its words, the shift's words give way
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert window.width() == 1100
    assert _whole(badge) and not _whole(bar.shift_label) and bar.shift_label.width() > 0
