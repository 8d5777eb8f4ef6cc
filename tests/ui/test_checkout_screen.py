"""The checkout screen with fake services and a fake page: form -> page -> status polling -> result.

The fake page has CheckoutView's signals and records start()/stop(); the fake PaymentService returns a
new invoice per create_payment and whatever status the test sets for refresh_status.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import tempfile
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.services.payments.card_attempts import CardAttempts
from epay_desktop.services.payments.checkout import CheckoutSession
from epay_desktop.services.payments.saved_cards import SavedCardCharge
from epay_desktop.ui.checkout.result import Outcome
from epay_desktop.ui.checkout.screen import CheckoutScreen

# Screenshots go to EPAY_SCREENSHOTS when set (to refresh docs/screenshots on purpose), else to the
# temp folder: a test run must never rewrite the documentation's pictures.
SHOTS = Path(os.environ.get("EPAY_SCREENSHOTS") or tempfile.gettempdir())
S = ConsoleStatus
CASHIER = User(7, "aigerim", Role.CASHIER, True, 0, None, datetime(2026, 1, 1, tzinfo=UTC))


class FakePage(QWidget):
    """CheckoutView's surface: the four signals, start() and stop()."""

    customer_finished = Signal(str, bool)
    load_failed = Signal(str)
    expired = Signal()
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.started: list[tuple[dict[str, Any], str, datetime]] = []
        self.stopped: list[tuple[str, str]] = []

    def start(self, payment_object: dict[str, Any], widget_url: str, token_expires_at: datetime) -> None:
        self.started.append((payment_object, widget_url, token_expires_at))

    def stop(self, title: str = "", text: str = "") -> None:
        self.stopped.append((title, text))


@dataclass
class FakePayments:
    make_payment: Any
    status: ConsoleStatus = S.PENDING
    fields: dict[str, Any] = field(default_factory=dict)
    error: BaseException | None = None  # raised once by the next refresh_status
    created: list[tuple[User, CheckoutRequest]] = field(default_factory=list)
    refreshed: list[InvoiceId] = field(default_factory=list)
    marked: list[tuple[InvoiceId, ConsoleStatus, str]] = field(default_factory=list)
    gate: asyncio.Event | None = None
    payments: dict[InvoiceId, Payment] = field(default_factory=dict)
    #: What card_attempts answers (decision 0035); by default a decline is final (attempts used up).
    attempts: CardAttempts = field(default_factory=lambda: CardAttempts(3, 0, False))
    _numbers: Any = field(default_factory=lambda: itertools.count(500_001))

    async def create_payment(self, actor: User, request: CheckoutRequest) -> CheckoutSession:
        self.created.append((actor, request))
        amount = request.amount
        invoice = InvoiceId(f"{next(self._numbers):09d}")
        payment = self.make_payment(
            invoice_id=invoice, amount=amount, status=S.PENDING, card_mask=None, approval_code=None,
            card_type=None, description=request.description,
        )  # fmt: skip
        self.payments[invoice] = payment
        obj = {"invoiceId": invoice.value, "amount": amount.to_decimal(), "auth": {"access_token": "secret"}}
        expires = datetime.now(UTC) + timedelta(minutes=20)
        return CheckoutSession(payment, expires, obj, "https://epay.test/payform/payment-api.js")

    async def refresh_status(self, invoice_id: InvoiceId) -> Payment:
        self.refreshed.append(invoice_id)
        if self.gate is not None:  # a check still on its way to the bank
            await self.gate.wait()
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        return replace(self.payments[invoice_id], status=self.status, **self.fields)

    async def card_attempts(self, invoice_id: InvoiceId) -> CardAttempts:
        return self.attempts

    async def stop_at_counter(
        self, actor: User, invoice_id: InvoiceId, status: ConsoleStatus, detail: str = ""
    ) -> Payment:
        """Like the service: marks only a payment still waiting (or a decline that may still be paid),
        and the next check keeps the mark."""
        self.marked.append((invoice_id, status, detail))
        if self.status in (S.NEW, S.PENDING) or (self.status is S.REJECT and self.attempts.open):
            self.status = status
        return replace(self.payments[invoice_id], status=self.status)


@pytest.fixture
def fakes(make_payment, async_stub):
    payments = FakePayments(make_payment)
    receipts = SimpleNamespace(issue_receipt=async_stub(result=("record", b"%PDF")), save_pdf=async_stub())
    return SimpleNamespace(payments=payments, receipts=receipts)


@pytest.fixture
def screen(qtbot, aloop, fakes):
    page = FakePage()
    widget = CheckoutScreen(fakes.payments, fakes.receipts, lambda: CASHIER, page, poll_interval=0.02)
    qtbot.addWidget(widget)
    widget.resize(720, 520)
    widget.show()
    yield widget
    widget.close()


def pay(qtbot, screen, amount="1500", description="Tea"):
    screen.form.amount_edit.setText(amount)
    screen.form.description_edit.setText(description)
    qtbot.keyClick(screen.form.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.view)


def wait_outcome(qtbot, screen, outcome):
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.result and screen.result.outcome is outcome)


def test_submit_creates_the_payment_and_starts_the_page_with_the_session(qtbot, screen, fakes):
    blocked: list[str] = []
    screen.sale_blocked.connect(blocked.append)
    pay(qtbot, screen, "1 500,50", "Tea")
    (actor, request) = fakes.payments.created[0]
    assert actor == CASHIER and request.amount == Money(150_050)
    assert request.description == "Tea" and request.save_card is False
    payment_object, url, expires = screen.view.started[0]
    assert payment_object["invoiceId"] == screen.payment.invoice_id.value
    assert url.endswith("payment-api.js") and expires.tzinfo is not None
    assert blocked and blocked[-1]  # no second sale while this one is being paid


def test_approved_shows_card_and_code_and_enter_prints(qtbot, screen, fakes, monkeypatch):
    shown: list[tuple[Any, ...]] = []

    async def fake_ask(
        parent, receipts, actor, invoice, kind="sale", money_op_id=None, printer_name="", printing=None
    ):
        shown.append((actor, invoice, kind))  # the preview; it issues only on Print/Save

    monkeypatch.setattr("epay_desktop.ui.checkout.screen.ReceiptDialog.ask", fake_ask)
    finished: list[Payment] = []
    screen.payment_finished.connect(finished.append)
    pay(qtbot, screen)
    fakes.payments.fields = {"card_mask": "440563...5096", "card_type": "VISA", "approval_code": "170243"}
    fakes.payments.status = S.CHARGE
    wait_outcome(qtbot, screen, Outcome.APPROVED)
    result = screen.result
    assert result.title.text().endswith("Payment approved")
    assert result.card.text() == "VISA \u2022\u2022\u2022\u2022 5096"
    assert result.approval.text() == "170243"
    assert result.print_button.isVisible() and result.print_button.isDefault()
    assert not result.try_again_button.isVisible()
    assert screen.blocked_reason == "" and finished[0].status is S.CHARGE
    assert screen.view.stopped  # the page was replaced: nothing more to type there
    qtbot.keyClick(result, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [(CASHIER, screen.payment.invoice_id, "sale")]
    assert fakes.receipts.issue_receipt.calls == []  # opening the preview issued nothing
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert screen.grab().save(str(SHOTS / "result-approved.png"))


def test_the_page_hint_is_not_the_outcome(qtbot, screen, fakes):
    pay(qtbot, screen)
    fakes.payments.status = S.PENDING
    screen.view.customer_finished.emit(screen.payment.invoice_id.value, True)  # "success" from the page
    wait_outcome(qtbot, screen, Outcome.CHECKING)
    assert screen.blocked_reason
    fakes.payments.status, fakes.payments.fields = S.REJECT, {"reason_code": 484}
    wait_outcome(qtbot, screen, Outcome.DECLINED)


def test_declined_explains_and_try_again_uses_a_new_invoice(qtbot, screen, fakes):
    pay(qtbot, screen, "2500", "Coffee")
    first = screen.payment.invoice_id
    fakes.payments.status, fakes.payments.fields = S.REJECT, {"reason_code": 484, "reason": "Insufficient"}
    wait_outcome(qtbot, screen, Outcome.DECLINED)
    assert screen.result.title.text().endswith("Payment declined")
    assert screen.result.message.text() == (
        "Declined: Not enough money on the card. Ask for another card. This invoice cannot be paid any more; "
        "start a new sale."
    )
    assert screen.result.try_again_button.isVisible() and not screen.result.print_button.isVisible()
    assert not screen.result.card.isVisible()  # nothing to show: the row is hidden
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert screen.grab().save(str(SHOTS / "result-declined.png"))
    fakes.payments.status, fakes.payments.fields = S.PENDING, {}
    qtbot.keyClick(screen.result, Qt.Key.Key_Return)  # Enter = Try again here
    qtbot.waitUntil(lambda: len(fakes.payments.created) == 2 and screen.currentWidget() is screen.view)
    request = fakes.payments.created[1][1]
    assert request == fakes.payments.created[0][1]  # "Try again" sends the same request
    assert request.amount == Money(250_000) and request.description == "Coffee"
    assert screen.payment.invoice_id != first
    assert screen.view.started[1][0]["invoiceId"] == screen.payment.invoice_id.value


def test_unknown_keeps_checking_and_blocks_a_second_charge(qtbot, screen, fakes):
    blocked: list[str] = []
    screen.sale_blocked.connect(blocked.append)
    pay(qtbot, screen)
    fakes.payments.status = S.UNKNOWN
    screen.view.customer_finished.emit(screen.payment.invoice_id.value, True)
    wait_outcome(qtbot, screen, Outcome.CHECKING)
    polls = len(fakes.payments.refreshed)
    qtbot.waitUntil(lambda: len(fakes.payments.refreshed) > polls + 2)  # still asking
    result = screen.result
    assert result.title.text() == "Checking with the bank\u2026"
    assert not result.try_again_button.isVisible() and not result.done_button.isVisible()
    assert result.blocked_note.isVisible()
    assert "Checking with the bank" in blocked[-1] and not screen.form.submit_button.isEnabled()
    screen.new_sale()  # refused while unknown
    assert screen.currentWidget() is screen.result
    fakes.payments.status = S.CHARGE
    wait_outcome(qtbot, screen, Outcome.APPROVED)
    assert blocked[-1] == "" and screen.form.submit_button.isEnabled()


def test_token_expiry_shows_expired_with_try_again(qtbot, screen, fakes):
    pay(qtbot, screen)
    screen.view.expired.emit()
    wait_outcome(qtbot, screen, Outcome.EXPIRED)
    assert screen.result.title.text() == "The payment window expired"
    assert screen.result.try_again_button.isVisible() and screen.view.stopped
    assert screen.blocked_reason == ""


def test_failed_status_checks_are_retried(qtbot, screen, fakes):
    pay(qtbot, screen)
    fakes.payments.error = ConsoleError("Could not reach the gateway.")
    fakes.payments.status = S.CHARGE
    wait_outcome(qtbot, screen, Outcome.APPROVED)
    assert len(fakes.payments.refreshed) >= 2


def test_cancel_goes_back_to_the_filled_form(qtbot, screen, fakes):
    pay(qtbot, screen, "700", "Bun")
    screen.view.cancelled.emit()
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.form)
    assert screen.form.amount_edit.value() == Money(70_000)
    assert screen.form.description_edit.text() == "Bun" and screen.blocked_reason == ""
    # the sale is marked cancelled by the cashier before the last check (not left "Waiting")
    assert fakes.payments.marked == [(screen.payment.invoice_id, S.CASHIER_CANCEL, "")]
    assert screen.payment.status is S.CASHIER_CANCEL


def test_a_cancel_while_a_status_check_is_on_its_way_is_still_recorded(qtbot, screen, fakes):
    pay(qtbot, screen, "700", "Bun")
    fakes.payments.gate = asyncio.Event()
    asked = len(fakes.payments.refreshed)
    qtbot.waitUntil(lambda: len(fakes.payments.refreshed) > asked)  # a check is in flight
    screen.view.cancelled.emit()
    fakes.payments.gate.set()  # it answers "still waiting": the mark must be stored all the same
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.form)
    assert [m[1] for m in fakes.payments.marked] == [S.CASHIER_CANCEL]
    assert screen.payment.status is S.CASHIER_CANCEL


def test_a_customer_who_paid_just_before_the_cancel_is_shown_approved(qtbot, screen, fakes):
    pay(qtbot, screen, "700", "Bun")
    fakes.payments.status = S.CHARGE  # the bank already has the payment: the mark does not apply
    screen.view.cancelled.emit()
    wait_outcome(qtbot, screen, Outcome.APPROVED)
    assert fakes.payments.marked and screen.payment.status is S.CHARGE


def test_a_page_that_cannot_load_marks_the_sale_and_offers_try_again(qtbot, screen, fakes):
    pay(qtbot, screen, "900", "Cake")
    screen.view.failure_detail = "ConnectionErrorDomain: net::ERR_CONNECTION_REFUSED"
    screen.view.load_failed.emit("The payment page could not be loaded.")
    wait_outcome(qtbot, screen, Outcome.PAGE_FAILED)
    [(_invoice, status, detail)] = fakes.payments.marked
    assert status is S.PAGE_FAILED and "ERR_CONNECTION_REFUSED" in detail
    assert screen.result.badge.text() == "Page failed"
    assert screen.result.try_again_button.isVisible() and screen.blocked_reason == ""


def test_a_refused_payment_is_shown_in_plain_words(qtbot, screen, fakes, monkeypatch):
    async def refuse(*args, **kwargs):
        raise ConsoleError("The amount is more than 10 000 000,00 \u20b8; check it and try again.")

    monkeypatch.setattr(fakes.payments, "create_payment", refuse)
    screen.form.amount_edit.setText("99999999")
    screen.form.submit_button.click()
    qtbot.waitUntil(
        lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "check it and try again" in box.text() and "Traceback" not in box.text()
    assert screen.currentWidget() is screen.form


def test_a_token_the_bank_refuses_says_the_attempt_stays_expired_and_keeps_the_form(
    qtbot, screen, fakes, monkeypatch
):
    from epay_desktop.gateway import GatewayUnavailable

    async def refuse(*args, **kwargs):
        raise GatewayUnavailable("connect failed", operation="payment_token")

    monkeypatch.setattr(fakes.payments, "create_payment", refuse)
    screen.form.amount_edit.setText("1 500")
    screen.form.description_edit.setText("Tea")
    screen.form.submit_button.click()
    error = screen.form.error_label
    qtbot.waitUntil(lambda: "did not open this payment" in error.text())
    text = error.text()
    assert "(could not reach the ePay gateway)" in text
    assert "No money was taken" in text and "stays in the list as Expired" in text
    assert "Nothing was changed" not in text
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert screen.currentWidget() is screen.form and screen.form.submit_button.isEnabled()
    assert screen.form.amount_edit.value() == Money(150_000)
    assert screen.form.description_edit.text() == "Tea" and not screen.blocked_reason
    assert screen.grab().save(str(SHOTS / "checkout-token-refused.png"))
    monkeypatch.undo()  # the bank is back: the same form starts the next attempt
    screen.form.submit_button.click()
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.view)
    assert fakes.payments.created[-1][1].amount == Money(150_000)


def test_try_again_refused_by_the_bank_returns_to_the_form_with_the_sale(qtbot, screen, fakes, monkeypatch):
    from epay_desktop.gateway import ServerError

    pay(qtbot, screen, "2500", "Coffee")
    fakes.payments.status, fakes.payments.fields = S.REJECT, {"reason_code": 484}
    wait_outcome(qtbot, screen, Outcome.DECLINED)

    async def refuse(*args, **kwargs):
        raise ServerError("503", operation="payment_token")

    monkeypatch.setattr(fakes.payments, "create_payment", refuse)
    screen.result.try_again_button.click()
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.form)
    assert "did not open this payment" in screen.form.error_label.text()
    assert screen.form.amount_edit.value() == Money(250_000) and screen.form.submit_button.isEnabled()


@dataclass
class FakeCards:
    payment: Payment
    cards: list[Any] = field(default_factory=list)
    paid: list[tuple[tuple[Any, ...], dict[str, Any]]] = field(default_factory=list)

    owners: list[str] = field(default_factory=list)
    deactivated: list[tuple[Any, ...]] = field(default_factory=list)

    async def list_cards(self, account_id: str) -> list[Any]:
        self.owners.append(account_id)
        return self.cards if account_id in ("cust-9", "77771234567") else []

    async def charge_saved_card(self, *args: Any, **kwargs: Any) -> SavedCardCharge:
        self.paid.append((args, kwargs))
        return SavedCardCharge(self.payment)

    async def deactivate_card(self, actor: User, account_id: str, card_id: str) -> None:
        self.deactivated.append((actor, account_id, card_id))
        self.cards = [c for c in self.cards if c.id != card_id]


def test_saved_card_payment(qtbot, aloop, fakes, make_payment):
    card = SimpleNamespace(id="card-1", mask="440563...5096", payer_name="TEST BUYER", payment_available=True)
    blocked = SimpleNamespace(id="card-2", mask="552204...6736", payer_name="", payment_available=False)
    cards = FakeCards(make_payment(status=S.CHARGE, approval_code="111222"), [blocked, card])
    screen = CheckoutScreen(fakes.payments, fakes.receipts, lambda: CASHIER, FakePage(), saved_cards=cards)
    qtbot.addWidget(screen)
    screen.show()
    screen.form.amount_edit.setText("3000")
    assert not screen.form.saved_card_button.isVisible()  # no customer, no offer
    screen.form.account_edit.setText("cust-9")
    qtbot.waitUntil(screen.form.saved_card_button.isVisible)  # the customer has a usable card
    assert screen.form.saved_card_button.text() == "Pay with a saved card (1)\u2026"
    qtbot.mouseClick(screen.form.saved_card_button, Qt.MouseButton.LeftButton)
    panel = screen.saved_panel
    qtbot.waitUntil(lambda: panel.card_list.count() == 2 and panel.pay_button.isEnabled())
    assert panel.card_list.currentRow() == 1  # the first usable card
    assert "5096" in panel.card_list.item(1).text() and "6736" in panel.card_list.item(0).text()
    panel.pay_button.click()
    wait_outcome(qtbot, screen, Outcome.APPROVED)
    ((actor, card_id, request), kwargs) = cards.paid[0]
    assert (actor, card_id, kwargs) == (CASHIER, "card-1", {})
    assert (request.amount, request.account_id, request.language) == (Money(300_000), "cust-9", "rus")
    assert screen.result.approval.text() == "111222"


MANAGER = User(8, "daniyar", Role.MANAGER, True, 0, None, datetime(2026, 1, 1, tzinfo=UTC))


def _cards_screen(qtbot, fakes, make_payment, user):
    card = SimpleNamespace(id="card-1", mask="440563...5096", payer_name="TEST BUYER", payment_available=True)
    cards = FakeCards(make_payment(status=S.CHARGE), [card])
    screen = CheckoutScreen(
        fakes.payments, fakes.receipts, lambda: user, FakePage(), saved_cards=cards, card_lookup_ms=10
    )
    qtbot.addWidget(screen)
    screen.show()
    return screen, cards


def test_a_customer_without_cards_gets_no_offer_and_the_phone_finds_cards(qtbot, aloop, fakes, make_payment):
    screen, cards = _cards_screen(qtbot, fakes, make_payment, CASHIER)
    form = screen.form
    form.account_edit.setText("nobody")
    qtbot.waitUntil(lambda: form.saved_cards_note.text() == "No saved cards for this customer.")
    assert not form.saved_card_button.isVisible()
    form.account_edit.clear()
    form.phone_edit.setText("+7 777 123 45 67")  # no customer id: the phone is the key
    qtbot.waitUntil(form.saved_card_button.isVisible)
    assert cards.owners[-1] == "77771234567" and form.saved_cards_note.isHidden()
    form.amount_edit.setText("1000")
    qtbot.mouseClick(form.saved_card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved_panel.pay_button.isEnabled())
    assert screen.saved_panel.account_edit.text() == "77771234567"


def _saved_cards_of_cust9(qtbot, screen):
    """A 1 000 tenge sale for the customer ``cust-9``: the cashier opens the customer's saved cards."""
    screen.form.amount_edit.setText("1000")
    screen.form.account_edit.setText("cust-9")
    qtbot.waitUntil(screen.form.saved_card_button.isVisible)
    qtbot.mouseClick(screen.form.saved_card_button, Qt.MouseButton.LeftButton)
    return screen.saved_panel


def test_a_cashier_sees_deactivate_disabled_with_the_reason(qtbot, aloop, fakes, make_payment):
    screen, cards = _cards_screen(qtbot, fakes, make_payment, CASHIER)
    panel = _saved_cards_of_cust9(qtbot, screen)
    qtbot.waitUntil(panel.pay_button.isEnabled)
    assert not panel.deactivate_button.isEnabled()
    assert "Only a manager" in panel.deactivate_button.toolTip()
    assert panel.deactivate_note.isVisible() and "Only a manager" in panel.deactivate_note.text()
    panel.on_deactivate_button_clicked()
    assert cards.deactivated == []


def test_a_manager_deactivates_a_card_after_confirming(qtbot, aloop, fakes, make_payment):
    screen, cards = _cards_screen(qtbot, fakes, make_payment, MANAGER)
    panel = _saved_cards_of_cust9(qtbot, screen)
    qtbot.waitUntil(panel.deactivate_button.isEnabled)
    assert not panel.deactivate_note.isVisible()
    qtbot.mouseClick(panel.deactivate_button, Qt.MouseButton.LeftButton)
    box = wait_box(qtbot)
    assert box.windowTitle() == "Deactivate the saved card?" and "5096" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: bool(cards.deactivated))
    assert cards.deactivated == [(MANAGER, "cust-9", "card-1")]
    qtbot.waitUntil(lambda: panel.info_label.text().startswith("The card "))
    assert panel.card_list.count() == 0 and not panel.pay_button.isEnabled()
    panel.back_requested.emit()  # Back: the form no longer offers the card
    qtbot.waitUntil(lambda: not screen.form.saved_card_button.isVisible())
    qtbot.waitUntil(lambda: screen.form.saved_cards_note.text() == "No saved cards for this customer.")


def wait_box(qtbot) -> QMessageBox:
    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(boxes()))
    return boxes()[0]


# -- a declined attempt the customer may follow with another on the same page (decision 0035) --------


def test_a_declined_attempt_with_attempts_left_keeps_the_page_and_a_later_approval_ends_paid(
    qtbot, screen, fakes
):
    notes: list[str] = []
    screen.attempt_note.connect(notes.append)
    pay(qtbot, screen, "2500", "Coffee")
    invoice = screen.payment.invoice_id
    fakes.payments.attempts = CardAttempts(1, 2, True)
    fakes.payments.status, fakes.payments.fields = S.REJECT, {"reason_code": 484, "reason": "Insufficient"}
    qtbot.waitUntil(lambda: bool(screen.attempt_note_text))
    assert screen.attempt_note_text == (
        "Declined: Not enough money on the card. Ask for another card. The customer can try again on this "
        "page (2 attempts left) or you can cancel the sale."
    )
    polls = len(fakes.payments.refreshed)
    qtbot.waitUntil(lambda: len(fakes.payments.refreshed) > polls + 2)  # still asking the bank
    assert screen.currentWidget() is screen.view and screen.view.stopped == []  # the page stays
    assert screen.blocked_reason  # no second sale meanwhile

    fakes.payments.attempts = CardAttempts(1, 0, False)
    fakes.payments.status, fakes.payments.fields = S.CHARGE, {"card_mask": "440563...5096", "reason": ""}
    wait_outcome(qtbot, screen, Outcome.APPROVED)
    assert screen.payment.invoice_id == invoice and len(fakes.payments.created) == 1  # the same invoice
    assert screen.attempt_note_text == "" and notes[-1] == ""
    assert screen.view.stopped and not screen.blocked_reason


def test_one_attempt_left_is_said_in_the_singular(qtbot, screen, fakes):
    pay(qtbot, screen)
    fakes.payments.attempts = CardAttempts(2, 1, True)
    fakes.payments.status, fakes.payments.fields = S.REJECT, {"reason_code": 484}
    qtbot.waitUntil(lambda: "(1 attempt left)" in screen.attempt_note_text)


def test_the_last_decline_is_final_and_new_sale_uses_a_new_invoice(qtbot, screen, fakes):
    pay(qtbot, screen, "900", "Tea")
    first = screen.payment.invoice_id
    fakes.payments.attempts = CardAttempts(1, 2, True)
    fakes.payments.status, fakes.payments.fields = S.REJECT, {"reason_code": 484}
    qtbot.waitUntil(lambda: bool(screen.attempt_note_text))
    fakes.payments.attempts = CardAttempts(3, 0, False)  # the customer used the other two attempts
    wait_outcome(qtbot, screen, Outcome.DECLINED)
    assert screen.result.message.text().endswith("This invoice cannot be paid any more; start a new sale.")
    assert screen.attempt_note_text == "" and screen.view.stopped
    fakes.payments.status, fakes.payments.fields = S.PENDING, {}
    screen.result.done_button.click()  # New sale
    assert screen.currentWidget() is screen.form and screen.payment is None
    pay(qtbot, screen, "900", "Tea")
    assert len(fakes.payments.created) == 2 and screen.payment.invoice_id != first
    assert screen.view.started[1][0]["invoiceId"] == screen.payment.invoice_id.value != first.value


def test_a_cancel_after_a_decline_marks_the_sale_and_goes_back_to_the_form(qtbot, screen, fakes):
    pay(qtbot, screen)
    invoice = screen.payment.invoice_id
    fakes.payments.attempts = CardAttempts(1, 2, True)
    fakes.payments.status, fakes.payments.fields = S.REJECT, {"reason_code": 484}
    qtbot.waitUntil(lambda: bool(screen.attempt_note_text))
    screen.view.cancelled.emit()  # "or you can cancel the sale"
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.form)
    assert fakes.payments.marked == [(invoice, S.CASHIER_CANCEL, "")]
    assert screen.attempt_note_text == "" and not screen.blocked_reason


def test_a_decline_after_the_customer_left_the_page_says_the_page_is_closed(qtbot, screen, fakes):
    pay(qtbot, screen)
    fakes.payments.attempts = CardAttempts(1, 2, True)
    fakes.payments.status, fakes.payments.fields = S.REJECT, {"reason_code": 484}
    screen.view.customer_finished.emit(screen.payment.invoice_id.value, False)  # the page's "Finish"
    wait_outcome(qtbot, screen, Outcome.DECLINED)
    assert screen.result.message.text().endswith("The payment page is closed; start a new sale to try again.")
    assert screen.result.try_again_button.isVisible()


def test_a_decline_answered_before_the_customer_paid_with_another_card_is_not_the_outcome(
    qtbot, screen, fakes
):
    """The bank's "declined" (the first card) still on its way when the customer pays with another card and
    the page finishes: that answer is older than the page's end, so the bank is asked again (CI flake of
    tests/e2e/test_console_attempts.py: the sale was shown declined, then never followed)."""
    pay(qtbot, screen)
    fakes.payments.attempts = CardAttempts(1, 2, True)
    fakes.payments.status, fakes.payments.fields = S.REJECT, {"reason_code": 484}
    qtbot.waitUntil(lambda: bool(screen.attempt_note_text))
    real, late, answered = fakes.payments.refresh_status, asyncio.Event(), []

    async def answered_before_the_page_finished(invoice_id: InvoiceId) -> Payment:
        answer = await real(invoice_id)
        answered.append(answer.status)
        if len(answered) == 1:
            await late.wait()
        return answer

    fakes.payments.refresh_status = answered_before_the_page_finished
    qtbot.waitUntil(lambda: answered == [S.REJECT])  # the bank said "declined", the answer not back yet
    fakes.payments.attempts = CardAttempts(2, 0, False)
    fakes.payments.status, fakes.payments.fields = S.CHARGE, {"card_mask": "440563...5096", "reason": ""}
    screen.view.customer_finished.emit(screen.payment.invoice_id.value, True)  # the second card paid
    late.set()
    wait_outcome(qtbot, screen, Outcome.APPROVED)
    assert answered[-1] is S.CHARGE and screen.payment.status is S.CHARGE
