"""The payment list's Cashier column is sized for a name about as long as "Cashier name" (decision 0140):
a much longer one shows its first whole words and "…", and the cell's tooltip says it whole; a name that
fits shows whole, with no tooltip (decision 0150). Qt's own elision cut it mid-word ("Нұрсұлта…") with
nothing to read it by. At 1280 and 1024 px, in Russian and Kazakh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QSize
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QStyleOptionViewItem
from PySide6.QtWidgets import QToolTip

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.payments.columns import PaymentColumn as C
from epay_desktop.ui.window.main_window import MainWindow
from epay_desktop.ui.window.main_window import default_size

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
LONG = "Нұрсұлтан Әбдіқадырұлы Жақсыбеков"
SHORT = "Ержан"


@pytest.fixture
def in_language(qapp: Any) -> Iterator[None]:
    yield
    translations().reset()


def _hover(qtbot: Any, table: Any, row: int) -> str:
    """The tooltip a person reads resting the mouse on the row's Cashier cell ("" for none)."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    viewport = table.viewport()
    point = table.visualRect(table.model().index(row, C.CASHIER)).center()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def _shown(table: Any, row: int) -> tuple[str, int]:
    """What the row's Cashier cell paints, and the width of its cell."""
    index = table.model().index(row, C.CASHIER)
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = table.visualRect(index)
    return table.itemDelegateForColumn(C.CASHIER).shown(option, index).text, option.rect.width()


def test_a_long_cashier_name_shows_whole_words_and_its_tooltip_the_whole_name(
    qtbot: Any, aloop: Any, fake_services: Any, make_payment: Any, in_language: None
) -> None:
    fake_services.queries.add(
        make_payment(status=S.CHARGE, amount=Money(1_314_00), created_by=2),
        make_payment(status=S.CHARGE, amount=Money(27_000_00), created_by=3),
    )  # listed newest first: the short name's row, then the long name's
    manager = User(1, "Данияр", Role.MANAGER, True, 0, None, NOW)
    window = MainWindow(
        fake_services.queries, fake_services.receipts, environment="sandbox", user=manager,
        user_name={1: manager.name, 2: LONG, 3: SHORT}.get, clock=lambda: NOW,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    table = window.payments_view.table
    qtbot.waitUntil(lambda: window.payments_view.model.rowCount() == 2)
    for lang in ("ru", "kk"):
        translations().switch(lang)
        for width in (1264, default_size(QSize(1024, 738)).width()):  # 1280 and 1024 px less the frame
            window.resize(width, 700)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            table.scrollTo(table.model().index(0, C.CASHIER))  # at 1024 px the column may be scrolled to
            seen = f"{lang} {width} px"
            assert table.model().index(1, C.CASHIER).data() == LONG
            shown, cell = _shown(table, 1)
            metrics = table.fontMetrics()
            assert shown.endswith("\u2026") and LONG.startswith(shown[:-1]), (seen, shown)
            assert metrics.horizontalAdvance(shown) < cell, (seen, shown, cell)
            if metrics.horizontalAdvance("Нұрсұлтан\u2026") < cell - 6:  # room for the first name and "…"
                assert shown == "Нұрсұлтан\u2026", (seen, shown)  # whole words, never "Нұрсұлта…"
            assert _hover(qtbot, table, 1) == LONG, seen
            assert _shown(table, 0)[0] == SHORT, seen
            assert _hover(qtbot, table, 0) == "", seen  # shown whole: no tooltip to add
