"""On a 1280x800 counter screen the payment list shows every column whole, in Russian and Kazakh, as
the console opens after sign-in: no amount is cut at the list's right edge ("27 000," found walking
the demo, with a horizontal scroll bar beside an empty detail pane). The walk's way: English, then
Қазақша chosen at login, then Русский switched live (lock, the language, unlock), with a list long
enough for its vertical scroll bar (in Kazakh it pushed Refunded under it); the status bar follows each
switch (its SANDBOX badge stayed in English, found walking the demo)."""

from __future__ import annotations

# QtWebEngineWidgets must be imported before pytest-qt creates the QApplication (stack-notes 14).
import PySide6.QtWebEngineWidgets  # noqa: F401  isort: skip

import random
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from epay_desktop.demo import DEMO_USERS
from epay_desktop.domain import Money
from epay_desktop.ui.common import screen_fit
from epay_desktop.ui.payments.columns import PaymentColumn
from epay_desktop.ui.window.status_bar import ConsoleStatusBar
from epay_desktop.ui.window.status_bar import environment_badge
from tests.i18n.fit import room
from tests.i18n.screens import MANAGER
from tests.i18n.screens import MANAGER_PIN
from tests.i18n.screens import choose_language_at_login
from tests.i18n.screens import switch_language
from tests.i18n.test_every_text_translated import is_data

SCREEN_1280 = QSize(1280, 800)


@pytest.fixture(autouse=True)
def _counter_screen(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows open on a 1280x800 screen (the offscreen platform has none of its own)."""
    monkeypatch.setattr(screen_fit, "HEADLESS_SCREEN", SCREEN_1280)


def _cut_columns(window: Any) -> list[str]:
    """Every column whose header word or a shown cell's text does not fit inside the list's viewport."""
    view = window.payments_view
    table, model = view.table, view.model
    header, viewport = table.horizontalHeader(), table.viewport()
    metrics = table.fontMetrics()
    cut = []
    for column in PaymentColumn:
        x, width = table.columnViewportPosition(column), table.columnWidth(column)
        word = str(model.headerData(column, header.orientation()))
        if x < 0 or x + width > viewport.width() or header.sectionSizeFromContents(column).width() > width:
            cut.append(f"{word}: {x}+{width} in {viewport.width()}")
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            if metrics.horizontalAdvance(text) >= width:
                cut.append(f"{word}: {text!r} in {width}")
    return cut


def _bar_not_in_the_language(bar: ConsoleStatusBar) -> list[str]:
    """Every word of the status bar's row (each widget's forms, the short ones too, and its tooltip) left
    in English, the environment's badge not as it says now, a widget showing a form it does not say."""
    wrong = []
    text, tip, _colour = environment_badge("sandbox")
    if (bar.environment_label.text(), bar.environment_label.toolTip()) != (text, tip):
        wrong.append(f"environment: {bar.environment_label.text()!r}")
    for widget in bar.row.findChildren(QWidget):
        if widget.parentWidget() is not bar.row:
            continue
        said = bar.row.said(widget)
        english = [words for words in (*said, widget.toolTip()) if not is_data(words)]
        wrong += [f"{widget.objectName()}: {words!r}" for words in english]
        if widget.isVisible() and widget.text() not in said:
            wrong.append(f"{widget.objectName()} shows {widget.text()!r}, not one of {said}")
    return wrong


def test_every_column_of_the_list_is_whole_at_1280_in_russian_and_kazakh(
    screens_console: Any, qtbot: Any
) -> None:
    console = screens_console
    console.arun(console.ctx.demo_shop.seed(DEMO_USERS, random.Random(7), 40))  # the walk's long list
    choose_language_at_login(console, qtbot, "en")
    choose_language_at_login(console, qtbot, "kk")
    console.log_in(MANAGER, MANAGER_PIN)
    manager = console.session.user
    refunded = console.paid(Money(1_234_567_00))
    console.arun(console.ctx.operations.charge(manager, refunded))
    console.arun(
        console.ctx.operations.refund(manager, refunded, Money(1_043_210_00), reason="customer_request")
    )
    window = console.window
    window.refresh()
    view = window.payments_view
    qtbot.waitUntil(
        lambda: (
            view.model.row_of(refunded) is not None
            and bool(view.model.index(0, PaymentColumn.REFUNDED).data())
        )
    )
    assert window.width() == room(SCREEN_1280).width()
    for lang in ("kk", "ru"):
        if lang != "kk":
            switch_language(console, qtbot, lang)
        qtbot.waitUntil(view.table.isVisible)  # the list after sign-in, before any click
        qtbot.waitUntil(view.table.verticalScrollBar().isVisible)
        assert _cut_columns(window) == [], lang
        assert not view.table.horizontalScrollBar().isVisible(), lang
        assert window.detail_view.width() >= 400, (lang, window.detail_view.width())
        assert _bar_not_in_the_language(window.status_bar) == [], lang
