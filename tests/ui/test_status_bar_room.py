"""The status bar gives way by priority (decision 0149): one row of its widgets, each word worth what
``status_bar.Keep`` says; short of room the least worth goes first, to a shorter form or whole, never cut
mid-word, never an empty box. Checked at 1024 and 1280 px in Russian and Kazakh with the widest bar (the
bank down, a long name, the fiscal badge red, a shift open too long, 150 payments waiting) and a command's
long one-line result, and the rule itself on plain widths."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QRect
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.shifts import Shift
from epay_desktop.services.fiscal.shift_watch import Deadline
from epay_desktop.services.payments.reconcile import ReconcileReport
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.common.screen_fit import whole_words
from epay_desktop.ui.payments.check_bank import check_summary
from epay_desktop.ui.window.give_way import ELASTIC
from epay_desktop.ui.window.give_way import Form
from epay_desktop.ui.window.give_way import give_way
from epay_desktop.ui.window.main_window import default_size
from epay_desktop.ui.window.status_bar import ConsoleStatusBar

WHEN = datetime(2026, 12, 6, 13, 17, 4, tzinfo=UTC)
LONG_NAME = "Нұрсұлтан Әбдіқадырұлы Жақсыбеков"


# -- the rule ------------------------------------------------------------------------------------------


def test_the_least_worth_gives_way_first_to_its_short_form_then_whole() -> None:
    quiet = [Form(100, 10), Form(40, 30)]  # long worth 10, short worth 30
    loud = [Form(120, 20)]
    assert give_way([quiet, loud], room=300, gap=5) == [0, 0]  # 100 + 5 + 120: both whole
    assert give_way([quiet, loud], room=200, gap=5) == [1, 0]  # the quiet one in short: 40 + 5 + 120
    assert give_way([quiet, loud], room=150, gap=5) == [1, None]  # the loud one, worth 20 < 30, goes whole
    assert give_way([quiet, loud], room=30, gap=5) == [None, None]  # nothing is squeezed below its words
    assert give_way([[], loud], room=120, gap=5) == [None, 0]  # an item with nothing to say takes nothing
    assert give_way([[Form(50, 7)], [Form(50, 7)]], room=60, gap=0) == [0, None]  # a tie: the right one


def test_a_lead_shrinks_to_nothing_after_what_is_worth_less_has_gone() -> None:
    lead = [Form(500, 50), Form(0, ELASTIC)]
    items = [lead, [Form(100, 10)], [Form(200, 60)]]
    assert give_way(items, room=900, gap=6) == [0, 0, 0]
    assert give_way(items, room=750, gap=6) == [0, None, 0]  # worth 10 went, the lead is whole
    assert give_way(items, room=600, gap=6) == [1, None, 0]  # worth 60 stays: the lead takes the rest


def test_whole_words_never_cuts_a_word_without_need(qapp: Any) -> None:
    metrics = QFontMetrics(QFont())
    line = "Checked with the bank: nothing changed."
    assert whole_words(metrics, line, 10_000) == line
    shown = whole_words(metrics, line, metrics.horizontalAdvance("Checked with the bank: nothi"))
    assert shown == "Checked with the bank\u2026"  # the colon goes with the words cut off
    assert (
        whole_words(metrics, line, metrics.horizontalAdvance("Checked with the ba"))
        == "Checked with the\u2026"
    )
    word = "Жақсыбеков"
    cut = whole_words(metrics, word, metrics.horizontalAdvance(word) // 2)
    assert cut.endswith("\u2026") and word.startswith(cut[:-1])  # one word too long: cut, but said so


# -- the bar at its widest -----------------------------------------------------------------------------


@pytest.fixture
def in_language(qapp: Any) -> Iterator[None]:
    yield
    translations().reset()


def _at_its_widest(bar: ConsoleStatusBar, overdue_hours: int | None = 168) -> None:
    """The bank down, 150 payments waiting, a long name, a shift open a week, the fiscal badge red."""
    bar.set_health(False, WHEN, "timeout")
    bar.set_attention(150, cap=100)
    bar.set_user(User(1, LONG_NAME, Role.MANAGER, True, 0, None, WHEN))
    bar.set_shift(Shift(1, "till-1", 1234, WHEN, 1, None, None, None), overdue_hours=overdue_hours)
    bar.fiscal_badge.set_deadline(Deadline.OVER, WHEN)


def _settle(window: QWidget, width: int) -> None:
    window.resize(width, 700)
    for _ in range(3):  # the row's width follows the bar's, then the bar lays the row out again
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert window.width() == width


def _cut(bar: Any) -> list[str]:
    """Every shown word of the bar that is not whole, overlaps another, or leaves the bar."""
    row = bar.row
    found, right = [], -1
    for widget in row.findChildren(QWidget):
        if widget.parentWidget() is not row or not widget.isVisible():
            continue
        text = widget.text()
        room = widget.contentsRect().width() if hasattr(widget, "contentsRect") else widget.width()
        if widget.width() < widget.sizeHint().width() or widget.fontMetrics().horizontalAdvance(text) > room:
            found.append(f"{widget.objectName()} {text!r} cut to {widget.width()} px")
        place = QRect(widget.mapTo(bar, widget.rect().topLeft()), widget.size())
        if place.left() <= right or not bar.rect().contains(place):
            found.append(
                f"{widget.objectName()} at {place.left()}..{place.right()} overlaps or leaves the bar"
            )
        right = place.right()
    message, line = bar.currentMessage(), bar.message_line()
    if message:
        room = row.x() - 8  # Qt's message rect: 6 px in, 2 px before the row
        if bar.fontMetrics().horizontalAdvance(line) > room:
            found.append(f"message {line!r} wider than its {room} px")
        kept, rest = line[:-1], message[len(line) - 1 :]
        if line != message and not (
            line.endswith("\u2026") and message.startswith(kept) and rest[:1] in " ,;:"
        ):
            found.append(f"message {line!r} not cut at a word")
    return found


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_at_its_widest_the_bar_gives_way_whole_at_1024_and_1280_px(
    qtbot: Any, in_language: None, open_main_window: Any, lang: str
) -> None:
    """Found at 1024 px (decision 0131 left it): the red fiscal badge squeezed to a 14 px red box, the
    counter's shift words to nothing. Now every word shown is whole: the fiscal badge, the environment
    and the user always; the quiet words give way, the counter's shift whole, in short or not at all."""
    translations().switch(lang)
    window = open_main_window(0)
    bar = window.status_bar
    _at_its_widest(bar)
    line = check_summary(ReconcileReport(external_refunds=[(InvoiceId("000000123"), Money(100_000))]))
    shift, said = bar.shift_label, bar.row.said
    for width in (default_size(QSize(1024, 738)).width(), 1264):
        _settle(window, width)
        seen = f"{lang} {width} px"
        assert _cut(bar) == [], seen
        for always in (bar.environment_label, bar.fiscal_badge, bar.user_label, bar.health_label):
            assert always.isVisible(), (seen, always.objectName())
        assert bar.attention_badge.isVisible() and bar.attention_badge.text() in said(bar.attention_badge)
        assert not shift.isVisible() or shift.text() in said(shift), seen
        if width < 1100:  # the quiet last check went first; the badge's count stays ("⚠ 99+")
            assert not bar.last_poll_label.isVisible() and bar.attention_badge.text() == "⚠ 99+", seen
        else:  # at 1280 px the counter's shift is still there; the badge's words whole in Russian (the
            # Kazakh «Назар аудару керек: 99+» is longer: the badge may say its count only)
            assert shift.isVisible(), seen
            if lang == "ru":
                assert bar.attention_badge.text() == said(bar.attention_badge)[0], seen
        before = {w.objectName(): (w.isVisible(), w.text()) for w in bar.row.findChildren(QWidget)}

        bar.showMessage(line)  # Check with the bank's answer: the quiet words give way while it shows
        _settle(window, width)
        assert _cut(bar) == [], f"{seen}, message"
        assert not shift.isVisible() and not bar.last_poll_label.isVisible(), seen
        assert bar.fiscal_badge.isVisible() and bar.environment_label.isVisible(), seen
        if bar.message_line() != line:  # too long even so: to its last whole word, whole in the tooltip
            assert bar.toolTip() == line, seen
        else:
            assert bar.toolTip() == "", seen
        bar.clearMessage()
        _settle(window, width)
        assert {w.objectName(): (w.isVisible(), w.text()) for w in bar.row.findChildren(QWidget)} == before
        assert bar.toolTip() == ""


def test_a_widget_given_way_comes_back_with_its_new_words(qtbot: Any, open_main_window: Any) -> None:
    """The row alone shows and hides: a badge hidden for room and then told it has nothing to say stays
    hidden when the room comes back; told again, it comes back with its words of now."""
    window = open_main_window(0)
    bar = window.status_bar
    badge = bar.fiscal_badge
    badge.set_deadline(Deadline.OVER, WHEN)
    _settle(window, default_size(QSize(1024, 738)).width())
    bar.row.set_room(150)  # a bar with room for the environment only
    assert not badge.isVisible() and bar.environment_label.isVisible()
    badge.set_deadline(Deadline.NONE, None)
    bar.row.set_room(bar.width() - 2)  # the room back
    assert not badge.isVisible()
    badge.set_deadline(Deadline.SOON, WHEN)
    assert badge.isVisible() and badge.text().startswith("Close fiscal shift by ")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    with qtbot.waitSignal(bar.fiscal_clicked, timeout=2000):  # still the fiscal register's button
        qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)


def _words(bar: ConsoleStatusBar) -> dict[str, tuple[tuple[str, ...], str, str | None]]:
    """Each widget of the row: every form it says (the short ones too), its tooltip, the form shown."""
    return {
        widget.objectName(): (
            bar.row.said(widget),
            widget.toolTip(),
            widget.text() if widget.isVisibleTo(bar) else None,
        )
        for widget in bar.row.findChildren(QWidget)
        if widget.parentWidget() is bar.row
    }


def test_after_a_live_language_switch_every_word_of_the_bar_is_in_the_new_language(
    qtbot: Any, in_language: None
) -> None:
    """Found walking the demo: since the row says the words (decision 0149) the SANDBOX badge and its
    tooltip stayed in the language the console started in. After each switch every widget says, in all
    its forms and its tooltip, what a bar made in that language says, and shows the same form as it at
    every width: the shift's words whole and in short ("Shift 2") among them."""
    for overdue in (None, 168):  # the shift's quiet words and its loud ones
        bar = ConsoleStatusBar("demo")
        qtbot.addWidget(bar)
        _at_its_widest(bar, overdue)
        for lang in ("ru", "kk", "en"):
            translations().switch(lang)
            fresh = ConsoleStatusBar("demo")
            qtbot.addWidget(fresh)
            _at_its_widest(fresh, overdue)
            shift_forms = set()
            for room in range(1500, 600, -50):
                bar.row.set_room(room)
                fresh.row.set_room(room)
                assert _words(bar) == _words(fresh), (lang, overdue, room)
                if bar.shift_label.isVisibleTo(bar):
                    shift_forms.add(bar.row.said(bar.shift_label).index(bar.shift_label.text()))
            assert shift_forms == {0, 1}, (lang, overdue)  # whole, then in short
