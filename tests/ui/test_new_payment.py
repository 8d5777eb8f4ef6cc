"""The new-payment form: refuses nonsense, says what to fix, Enter submits; card saving needs an id."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QLabel

from epay_desktop.domain import Money
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.ui.checkout.form import NewPaymentForm
from epay_desktop.ui.checkout.form import normal_phone


@pytest.fixture
def form(qtbot):
    widget = NewPaymentForm()
    qtbot.addWidget(widget)
    widget.resize(560, 520)
    widget.show()
    widget.activateWindow()  # on a real display (Xvfb + a window manager) focus needs an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def submitted(qtbot, form, action):
    got: list[CheckoutRequest] = []
    form.submitted.connect(got.append)
    action()
    return got


def test_enter_in_the_amount_submits_a_request(qtbot, form):
    qtbot.keyClicks(form.amount_edit, "1500,50")
    form.description_edit.setText("  Tea   and coffee ")
    got = submitted(qtbot, form, lambda: qtbot.keyClick(form.amount_edit, Qt.Key.Key_Return))
    assert got == [CheckoutRequest(Money(150_050), "Tea and coffee", None, None, None, False, "rus")]


def test_amount_field_refuses_letters_and_an_empty_amount_is_explained(qtbot, form):
    qtbot.keyClicks(form.amount_edit, "12a-3")
    assert form.amount_edit.text() == "123"
    form.amount_edit.clear()
    got = submitted(qtbot, form, form.submit_button.click)
    assert got == []
    assert "1500" in form.error_label.text()
    qtbot.waitUntil(form.amount_edit.hasFocus)


@pytest.mark.parametrize(
    ("field", "text", "says"),
    [
        ("phone_edit", "12345", "+7 777 123 45 67"),
        ("email_edit", "not-an-email", "name@example.kz"),
        ("account_edit", "иван", "Latin letters"),
    ],
)
def test_bad_optional_fields_are_named(qtbot, form, field, text, says):
    form.amount_edit.setText("100")
    getattr(form, field).setText(text)
    assert submitted(qtbot, form, form.submit_button.click) == []
    assert says in form.error_label.text()
    qtbot.waitUntil(getattr(form, field).hasFocus)


def test_phone_is_normalised_and_all_fields_reach_the_request(qtbot, form):
    form.amount_edit.setText("2 000")
    form.phone_edit.setText("8 (777) 123-45-67")
    form.email_edit.setText("buyer@example.kz")
    form.account_edit.setText("cust-42")
    form.save_card_box.setChecked(True)
    form.language_box.setCurrentIndex(form.language_box.findData("kaz"))
    got = submitted(qtbot, form, lambda: qtbot.keyClick(form.email_edit, Qt.Key.Key_Enter))
    assert got == [
        CheckoutRequest(Money(200_000), "", "buyer@example.kz", "77771234567", "cust-42", True, "kaz")
    ]


def test_save_card_needs_a_customer_id_and_says_so(qtbot, form):
    assert not form.save_card_box.isEnabled()
    assert "customer id" in form.save_card_hint.text()
    form.account_edit.setText("cust-1")
    assert form.save_card_box.isEnabled() and form.save_card_hint.text() == ""
    form.save_card_box.setChecked(True)
    form.account_edit.clear()
    assert not form.save_card_box.isChecked() and not form.save_card_box.isEnabled()


def test_blocked_form_refuses_with_the_reason(qtbot, form):
    form.amount_edit.setText("100")
    form.set_blocked("Checking with the bank")
    assert not form.submit_button.isEnabled()
    assert submitted(qtbot, form, lambda: qtbot.keyClick(form.amount_edit, Qt.Key.Key_Return)) == []
    assert form.error_label.text() == "Checking with the bank"
    form.set_blocked("")
    assert len(submitted(qtbot, form, form.submit_button.click)) == 1


def test_set_request_round_trips(qtbot, form):
    request = CheckoutRequest(Money(99_900), "Order 7", "a@b.kz", "77011234567", "c1", True, "eng")
    form.set_request(request)
    assert form.request() == request
    form.set_request(None)
    assert form.amount_edit.text() == "" and form.account_edit.text() == ""


def test_normal_phone():
    assert normal_phone("+7 701 123 45 67") == "77011234567"
    assert normal_phone("87011234567") == "77011234567"
    assert normal_phone("+1 555 0100") is None


def test_screenshot(qtbot, form, tmp_path):
    form.amount_edit.setText("12 500,00")
    form.description_edit.setText("Заказ №1042: чай и кофе")
    form.phone_edit.setText("+7 777 123 45 67")
    form.account_edit.setText("cust-42")
    form.save_card_box.setChecked(True)
    # Not into docs/screenshots: a test run must not rewrite the documentation's pictures
    # (they come from the real demo console, see docs/user-guide.md).
    assert form.grab().save(str(tmp_path / "new-payment.png"))


def test_the_big_amount_keeps_its_tenge_sign_clear_of_the_digits(qtbot, form):
    """The field's font is enlarged here; MoneyEdit itself keeps the ₸ in that font and out of the way."""
    form.amount_edit.setText("88 888 888,88")
    sign = form.amount_edit.findChild(QLabel, "currency_sign")
    assert sign is not None
    assert sign.font().pointSize() == form.amount_edit.font().pointSize() > form.font().pointSize()

    def clear() -> bool:
        form.amount_edit.end(False)
        return form.amount_edit.cursorRect().center().x() < sign.geometry().left()

    qtbot.waitUntil(clear)


def test_what_esc_would_lose_and_whose_saved_cards_to_look_for(qtbot, form):
    assert not form.has_input()
    form.email_edit.setText("  ")
    assert not form.has_input()  # blanks are nothing to lose
    qtbot.keyClicks(form.amount_edit, "5")
    assert form.has_input()
    form.set_request(None)
    assert not form.has_input()

    assert form.card_owner() is None
    form.phone_edit.setText("8 (777) 123-45-67")
    assert form.card_owner() == "77771234567"  # no customer id: the phone, normalised
    form.account_edit.setText("cust-1")
    assert form.card_owner() == "cust-1"  # the customer id wins
    form.account_edit.setText("кириллица")
    assert form.card_owner() is None  # not a valid id: nothing to look up


def test_the_saved_card_offer_shows_the_count_or_says_why_not(qtbot, form):
    assert form.saved_card_button.isHidden() and form.saved_cards_note.isHidden()
    form.show_saved_cards(2)
    assert (
        form.saved_card_button.isVisible()
        and form.saved_card_button.text() == "Pay with a saved card (2)\u2026"
    )
    form.show_saved_cards(0, "No saved cards for this customer.")
    assert form.saved_card_button.isHidden()
    assert (
        form.saved_cards_note.isVisible()
        and form.saved_cards_note.text() == "No saved cards for this customer."
    )
