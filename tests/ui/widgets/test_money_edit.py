"""MoneyEdit: what typing, pasting and leaving the field do, and what value() and error_text() say."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Money
from epay_desktop.ui.widgets.money_edit import MAX_INPUT
from epay_desktop.ui.widgets.money_edit import MoneyEdit
from epay_desktop.ui.widgets.money_edit import format_amount_input
from epay_desktop.ui.widgets.money_edit import parse_amount_input

ASK = "Enter an amount like 1500 or 1500,50."


@pytest.fixture
def edit(qtbot):
    widget = MoneyEdit()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(
    ("typed", "text", "minor"),
    [
        ("1500", "1500", 150_000),
        ("1500,5", "1500,5", 150_050),
        ("1500.50", "1500.50", 150_050),
        ("1 500,50", "1 500,50", 150_050),
        ("0,01", "0,01", 1),
        (",5", ",5", 50),
        ("007", "007", 700),
        ("12a3", "123", 12_300),  # letters never get in
        ("-5", "5", 500),  # no minus
        ("+5", "5", 500),
        ("1e5", "15", 1_500),
        ("1,2,3", "1,23", 123),  # a second separator is refused
        ("1,2.3", "1,23", 123),
        ("1,234", "1,23", 123),  # a third decimal is refused
        ("1, 5", "1,5", 150),  # no spaces among the decimals
        ("100000000000", "100000000000", MAX_INPUT.minor),
        ("1000000000000", "100000000000", MAX_INPUT.minor),  # above 100 000 000 000 ₸: refused
        ("100000000000,01", "100000000000,0", MAX_INPUT.minor),
    ],
)
def test_typing(qtbot, edit, typed, text, minor):
    qtbot.keyClicks(edit, typed)
    assert edit.text() == text
    assert edit.value() == Money(minor)
    assert edit.error_text() == ""


@pytest.mark.parametrize(("typed", "text"), [("", ""), ("abc", ""), ("1500,", "1500,"), (",", ",")])
def test_incomplete_or_empty(qtbot, edit, typed, text):
    if typed:  # QTest aborts the process on an empty key sequence (and on non-Latin-1 keys)
        qtbot.keyClicks(edit, typed)
    assert edit.text() == text
    assert edit.value() is None
    assert edit.error_text() == ASK


def test_zero_is_not_an_amount(qtbot, edit):
    qtbot.keyClicks(edit, "0,00")
    assert edit.value() is None
    assert edit.amount() == Money(0)
    assert edit.error_text() == "Enter an amount greater than zero."


@pytest.mark.parametrize(
    ("pasted", "text", "minor"),
    [
        ("1 500,00 ₸", "1 500,00", 150_000),
        ("1\u202f500,00\u00a0₸", "1 500,00", 150_000),  # as Money.format() writes it
        ("2055.00", "2055.00", 205_500),
    ],
)
def test_paste_of_a_formatted_amount(edit, pasted, text, minor):
    edit.insert(pasted)  # QLineEdit.insert validates, like a paste
    assert edit.text() == text
    assert edit.value() == Money(minor)


@pytest.mark.parametrize("pasted", ["12,345", "1 500 KZT", "-100", "1.000.000", "4405 6397 0401 5096 1"])
def test_paste_of_nonsense_is_refused(edit, pasted):
    edit.insert(pasted)
    assert edit.text() == ""


def test_grouping_when_focus_leaves(qtbot):
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    edit, other = MoneyEdit(), QLineEdit()
    layout.addWidget(edit)
    layout.addWidget(other)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "1500,5")
    other.setFocus()
    qtbot.waitUntil(lambda: edit.text() == "1 500,50")
    assert edit.value() == Money(150_050)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    qtbot.keyClicks(edit, "1234567")
    other.setFocus()
    qtbot.waitUntil(lambda: edit.text() == "1 234 567,00")
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.end(False)
    qtbot.keyClicks(edit, "9")  # grouped text stays editable: a third decimal is still refused
    assert edit.text() == "1 234 567,00"


def test_minimum_and_maximum(qtbot):
    edit = MoneyEdit(minimum=Money(1_000), maximum=Money(500_000))  # a refund: 10 ₸ .. what remains
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "5")
    assert edit.value() is None
    assert edit.error_text() == f"The amount must be at least {Money(1_000).format()}."
    edit.clear()
    qtbot.keyClicks(edit, "5000,01")
    assert edit.value() is None
    assert edit.amount() == Money(500_001)
    assert edit.error_text() == f"The amount must not be more than {Money(500_000).format()}."
    edit.set_maximum(None)
    assert edit.value() == Money(500_001)
    edit.set_minimum(None)
    assert edit.minimum() is None and edit.maximum() is None


def test_value_changed_signal_and_set_value(qtbot, edit):
    seen: list[object] = []
    edit.value_changed.connect(seen.append)
    qtbot.keyClicks(edit, "12")
    assert seen == [Money(100), Money(1_200)]
    edit.set_value(Money(123_456_789))
    assert edit.text() == "1 234 567,89"
    assert seen[-1] == Money(123_456_789)
    edit.set_value(None)
    assert edit.text() == "" and seen[-1] is None


def test_parse_and_format_helpers():
    assert parse_amount_input(" 1 500,5 ") == 150_050
    assert parse_amount_input("1,") == 100
    assert parse_amount_input("") is None
    assert parse_amount_input("x") is None
    assert format_amount_input(0) == "0,00"
    assert format_amount_input(100_000_000_000_00) == "100 000 000 000,00"


def test_screenshot(qtbot, edit, tmp_path):
    edit.set_value(Money(150_050))
    edit.resize(220, 32)
    edit.show()
    qtbot.waitExposed(edit)
    assert edit.grab().save(str(tmp_path / "money_edit.png"))


def _sign(edit: MoneyEdit) -> QLabel:
    sign = edit.findChild(QLabel, "currency_sign")
    assert sign is not None
    return sign


def _sign_clear_of_digits(edit: MoneyEdit) -> bool:
    """The end of the (right-aligned) text is left of the ₸, which sits inside the field in its font.

    A bool for qtbot.waitUntil: the line edit scrolls its text when it next paints.
    """
    sign = _sign(edit)
    edit.end(False)
    return (
        edit.cursorRect().center().x() < sign.geometry().left()
        and sign.geometry().right() < edit.width()
        and sign.fontMetrics().height() == edit.fontMetrics().height()  # the sign grew with the digits
    )


@pytest.mark.parametrize("grow", ["font", "style_sheet"])
def test_the_sign_never_covers_the_digits_when_the_font_grows(qtbot, edit, grow):
    edit.set_value(Money(8_888_888_888))
    edit.resize(320, 60)
    edit.show()
    qtbot.waitExposed(edit)
    qtbot.waitUntil(lambda: _sign_clear_of_digits(edit))
    small = _sign(edit).geometry().width()
    if grow == "font":
        big = QFont(edit.font())
        big.setPointSize(big.pointSize() + 12)
        edit.setFont(big)
    else:
        edit.setStyleSheet("QLineEdit { font-size: 26pt; }")
    qtbot.waitUntil(lambda: _sign(edit).geometry().width() > small and _sign_clear_of_digits(edit))
    edit.resize(200, 60)  # narrower than the digits: they scroll, the sign stays clear of them
    qtbot.waitUntil(lambda: _sign_clear_of_digits(edit))
