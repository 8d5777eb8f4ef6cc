"""The new-payment form: refuses nonsense, says what to fix, Enter submits; card saving needs an id."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from epay_desktop.domain import Money
from epay_desktop.ui.new_payment import NewPaymentForm, PaymentRequest, normal_phone

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def form(qtbot):
    widget = NewPaymentForm()
    qtbot.addWidget(widget)
    widget.resize(560, 520)
    widget.show()
    return widget


def submitted(qtbot, form, action):
    got: list[PaymentRequest] = []
    form.submitted.connect(got.append)
    action()
    return got


def test_enter_in_the_amount_submits_a_request(qtbot, form):
    qtbot.keyClicks(form.amount_edit, "1500,50")
    form.description_edit.setText("  Tea   and coffee ")
    got = submitted(qtbot, form, lambda: qtbot.keyClick(form.amount_edit, Qt.Key.Key_Return))
    assert got == [PaymentRequest(Money(150_050), "Tea and coffee", None, None, None, False, "rus")]


def test_amount_field_refuses_letters_and_an_empty_amount_is_explained(qtbot, form):
    qtbot.keyClicks(form.amount_edit, "12a-3")
    assert form.amount_edit.text() == "123"
    form.amount_edit.clear()
    got = submitted(qtbot, form, form.submit_button.click)
    assert got == []
    assert "1500" in form.error_label.text()
    assert form.amount_edit.hasFocus()


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
    assert getattr(form, field).hasFocus()


def test_phone_is_normalised_and_all_fields_reach_the_request(qtbot, form):
    form.amount_edit.setText("2 000")
    form.phone_edit.setText("8 (777) 123-45-67")
    form.email_edit.setText("buyer@example.kz")
    form.account_edit.setText("cust-42")
    form.save_card_box.setChecked(True)
    form.language_box.setCurrentIndex(form.language_box.findData("kaz"))
    got = submitted(qtbot, form, lambda: qtbot.keyClick(form.email_edit, Qt.Key.Key_Enter))
    assert got == [
        PaymentRequest(Money(200_000), "", "77771234567", "buyer@example.kz", "cust-42", True, "kaz")
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
    request = PaymentRequest(Money(99_900), "Order 7", "77011234567", "a@b.kz", "c1", True, "eng")
    form.set_request(request)
    assert form.request() == request
    form.set_request(None)
    assert form.amount_edit.text() == "" and form.account_edit.text() == ""


def test_normal_phone():
    assert normal_phone("+7 701 123 45 67") == "77011234567"
    assert normal_phone("87011234567") == "77011234567"
    assert normal_phone("+1 555 0100") is None


def test_screenshot(qtbot, form):
    form.amount_edit.setText("12 500,00")
    form.description_edit.setText("Заказ №1042: чай и кофе")
    form.phone_edit.setText("+7 777 123 45 67")
    form.account_edit.setText("cust-42")
    form.save_card_box.setChecked(True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert form.grab().save(str(SHOTS / "new-payment.png"))
