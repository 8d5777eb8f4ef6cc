"""The status bar's fiscal shift badge (decisions 0127, 0131): hidden far from the 24 hours; amber "Close
fiscal shift by HH:MM" (Kazakhstan time) in the last hour; red once past them; a click asks for the fiscal
register. Its words are whole at a 1280 px wide window in Russian and Kazakh, beside the rest of the bar as
the demo shows it; short of room, the quiet words give way first (decision 0149). On the real console and the
fiscal sandbox, the badge follows the console's clock and the register is asked seldom (decision 0141)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.shifts import Shift
from epay_desktop.fiscal.webkassa import WebkassaClient
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.services.fiscal.shift_watch import RECHECK
from epay_desktop.services.fiscal.shift_watch import Deadline
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.window.status_bar import ConsoleStatusBar
from tests.support.clock import Clock
from tests.support.fiscal_register import fiscal_register  # noqa: F401  (fixtures)
from tests.support.fiscal_register import module_fiscal_sandbox  # noqa: F401  (fixtures)
from tests.support.fiscal_register import sale
from tests.support.fiscal_register import set_up
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN

CLOSE_BY = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)  # 14:30 in Almaty
SLOW = 15_000


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
    """Its words fit the room it was given (the row never gives a widget less than its words)."""
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
    window.resize(1100, 720)  # short of room: the badge keeps its words, the quiet ones give way (0149)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert window.width() == 1100
    shift = bar.shift_label  # whole in one of its forms ("Shift 1" in short), never cut mid-word
    assert _whole(badge) and not bar.last_poll_label.isVisible()
    assert shift.isVisible() and _whole(shift) and shift.text() in bar.row.said(shift)


@pytest.fixture
def real_console_clock() -> Clock:
    return Clock()  # the real console's: moved by the minute below


def test_the_badge_follows_the_clock_and_the_register_is_asked_seldom(
    real_console: Any,
    qtbot: Any,
    arun: Any,
    memory: Any,
    fiscal: RunningFiscalSandbox,
    real_console_clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Signed in at the 22nd hour of the register's shift, the console sits for two hours and a half, a
    minute at a time (the shift timer's tick): amber at the 23rd hour, red at the 24th, on time; the
    provider's X report (its shift state) far fewer than once a minute; a Z at another counter seen within
    RECHECK; and the shift timer itself drives it."""
    console, clock, screens = real_console, real_console_clock, real_console.controller.fiscal
    set_up(console, arun, fiscal)
    sale(console, arun, 500_000_201, "Торт")  # opens the register's shift
    opened = arun(console.ctx.fiscal.shift_state(), timeout=SLOW).opened_at
    asked: list[datetime] = []
    x_report = WebkassaClient.x_report

    async def counted(client: WebkassaClient) -> Any:
        asked.append(clock())
        return await x_report(client)

    monkeypatch.setattr(WebkassaClient, "x_report", counted)
    clock.now = opened + timedelta(hours=22)
    console.log_in(MANAGER, MANAGER_PIN)
    qtbot.waitUntil(lambda: screens.reads >= 1, timeout=SLOW)
    badge = console.window.status_bar.fiscal_badge
    first: dict[str, datetime] = {}

    def minutes(count: int) -> None:
        for _ in range(count):
            clock.advance(minutes=1)
            done = screens.reads
            screens.tick()
            if screens.watch.asked_at == clock():  # read: the badge after its answer
                qtbot.waitUntil(lambda done=done: screens.reads > done, timeout=SLOW)  # type: ignore[misc]
            first.setdefault(badge.text() if badge.isVisible() else "", clock())

    minutes(150)
    amber = [text for text in first if text.startswith("Close fiscal shift by ")]
    assert len(amber) == 1 and first[amber[0]] == opened + timedelta(hours=23)  # on time
    assert first["⚠ Fiscal shift over 24 hours"] == opened + timedelta(hours=24)
    assert len(asked) <= 1 + 150 // 15 + 2, asked  # sign-in, every RECHECK, each step: not 150

    arun(console.ctx.fiscal.close_shift(), timeout=SLOW)  # another counter's Z: nothing on this one says so
    z_at, read = clock(), len(asked)
    first.clear()
    minutes(RECHECK // timedelta(minutes=1))
    assert not badge.isVisible() and first[""] - z_at <= RECHECK
    assert len(asked) - read <= 1

    console.controller.shifts.refresh_timer.setInterval(50)  # the shift's minute timer drives the tick
    clock.advance(RECHECK)
    qtbot.waitUntil(lambda: len(asked) > read + 1, timeout=SLOW)
