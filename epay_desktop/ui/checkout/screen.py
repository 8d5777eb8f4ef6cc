"""Taking a payment end to end: form -> the gateway's page (CheckoutView) -> result -> receipt.

The screen owns one status loop per sale: it calls ``PaymentService.refresh_status`` every
``poll_interval`` seconds, and at once when the page says the customer finished (a hint only).
The outcome shown comes only from the stored status. While the outcome is unknown, a second charge
of the same sale is refused: the form and "Try again" are disabled and :attr:`sale_blocked` carries
the reason, so the main window can disable its "New payment" action with the same words.

A declined attempt on an invoice that takes another (decision 0035) keeps the customer's page open and
:attr:`CheckoutScreen.attempt_note` says so ("... can try again on this page (N attempts left) or you can
cancel the sale"); only the last decline closes the page (decision 0036). "New sale" and "Try again"
always start a new invoice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING
from typing import Literal

from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Payment
from epay_desktop.domain import User
from epay_desktop.domain.shifts import ShiftRequired
from epay_desktop.services.payments.card_attempts import DECLINED
from epay_desktop.services.payments.card_attempts import CardAttempts
from epay_desktop.ui.checkout.form import NewPaymentForm
from epay_desktop.ui.checkout.result import Outcome
from epay_desktop.ui.checkout.result import ResultView
from epay_desktop.ui.checkout.result import outcome_of
from epay_desktop.ui.checkout.saved_card import SavedCardPanel
from epay_desktop.ui.checkout.view import CheckoutView
from epay_desktop.ui.common.asyncqt import action_slot
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.labels import decline_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.receipts.preview import ReceiptDialog

if TYPE_CHECKING:
    from epay_desktop.domain.checkout import CheckoutRequest
    from epay_desktop.services.payments.payment_service import PaymentService
    from epay_desktop.services.payments.saved_cards import SavedCardService
    from epay_desktop.services.payments.saved_cards import Secure3DForm
    from epay_desktop.services.receipts import ReceiptService
    from epay_desktop.ui.receipts.thermal import ThermalPrinting

__all__ = ["CheckoutScreen"]

log = logging.getLogger(__name__)


#: Why the page stopped: "paying" (still open), or what the customer/cashier/timer did.
Stage = Literal["paying", "finished", "expired", "cancelled", "failed"]
_FINAL = {Outcome.APPROVED, Outcome.DECLINED, Outcome.EXPIRED, Outcome.OTHER}
#: The customer has not paid (as far as the console knows): waiting, or a mark the counter set.
_UNPAID = {Outcome.WAITING, Outcome.CANCELLED, Outcome.PAGE_FAILED}


class CheckoutScreen(QStackedWidget):
    """Pages: the form, the checkout browser, the saved-card panel and the result."""

    sale_blocked = Signal(str)  # why a new payment cannot start now; "" when it can
    payment_finished = Signal(object)  # Payment with a final status
    #: The result's receipt preview closed (InvoiceId): a receipt may have been issued in it, so a screen
    #: listing the payment's receipts reads them again.
    receipt_closed = Signal(object)
    #: The customer's attempt was declined and the page stays open for another (decision 0035): what the
    #: cashier should know; "" once it no longer applies.
    attempt_note = Signal(str)

    def __init__(
        self,
        payments: PaymentService,
        receipts: ReceiptService,
        user: Callable[[], User],
        checkout_view: CheckoutView,
        *,
        saved_cards: SavedCardService | None = None,
        receipt_printer: Callable[[], Awaitable[str]] | None = None,
        printing: ThermalPrinting | None = None,
        poll_interval: float = 2.5,
        card_lookup_ms: int = 500,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._payments, self._receipts, self._user = payments, receipts, user
        self._interval = poll_interval
        self._receipt_printer = receipt_printer  # the printer saved in Settings, read at each Print
        self._printing = printing  # the register's thermal printer, when it has one (decision 0109)
        self.form = NewPaymentForm()
        self.view = checkout_view
        self.result = ResultView()
        self.print_button, self.try_again_button = self.result.print_button, self.result.try_again_button
        self.saved_panel = SavedCardPanel(saved_cards, user) if saved_cards is not None else None
        for page in (self.form, self.view, self.result, self.saved_panel):
            if page is not None:
                self.addWidget(page)
        self._cards = saved_cards
        #: Looks the customer's saved cards up a moment after the customer id / phone stops changing.
        self._card_lookup = QTimer(self)
        self._card_lookup.setSingleShot(True)
        self._card_lookup.setInterval(card_lookup_ms)
        self._card_lookup.timeout.connect(self._look_up_cards)
        self._card_task: asyncio.Task[None] | None = None
        self.request: CheckoutRequest | None = None
        self.payment: Payment | None = None
        self._receipt_issued = False  # the result's receipt window issued one (decision 0142)
        self.blocked_reason = ""
        self._stage: Stage = "paying"
        self._saved = False  # the sale is paid with a saved card: "Try again" goes back to that panel
        self._poke = asyncio.Event()
        self._watch: asyncio.Task[None] | None = None
        self._mark: tuple[ConsoleStatus, str] | None = None  # to store before the next status check
        self.attempt_note_text = ""  # the note about a declined attempt while the page stays open
        self._note_maker: Callable[[], str] | None = None  # makes it again after a language switch
        on_language_change(self, self._retranslate_note)

        self.form.submitted.connect(self.on_form_submitted)
        self.form.saved_card_requested.connect(self._on_saved_card_requested)
        self.view.customer_finished.connect(lambda _invoice, _hint: self._stopped("finished"))
        self.view.expired.connect(lambda: self._stopped("expired"))
        self.view.cancelled.connect(lambda: self._stopped("cancelled"))
        self.view.load_failed.connect(lambda _message: self._stopped("failed"))
        self.result.print_requested.connect(self.on_result_print_requested)
        self.result.try_again_requested.connect(self.on_result_try_again_requested)
        self.result.done_requested.connect(self.new_sale)
        if self.saved_panel is not None:
            self.saved_panel.paid.connect(self._on_saved_card_paid)
            self.saved_panel.issuer_check_needed.connect(self._on_saved_card_issuer_check)
            self.saved_panel.back_requested.connect(self._back_to_form)
            self.saved_panel.deactivated.connect(lambda _account: self._card_lookup.start())
            self.form.account_edit.textChanged.connect(self._on_customer_changed)
            self.form.phone_edit.textChanged.connect(self._on_customer_changed)

    # -- starting a payment -----------------------------------------------------------------------

    @action_slot(object)
    async def on_form_submitted(self, request: CheckoutRequest) -> None:
        await self._start(request)

    @action_slot(busy=("try_again_button",))
    async def on_result_try_again_requested(self) -> None:
        if self.request is None or self.blocked_reason:
            return
        if self._saved and self.saved_panel is not None:
            self.saved_panel.start(self.request)
            self.setCurrentWidget(self.saved_panel)
            return
        await self._start(self.request)  # a NEW payment: the service allocates a new invoice id

    async def _start(self, request: CheckoutRequest) -> None:
        self.request, self._saved = request, False
        try:
            session = await self._payments.create_payment(self._user(), request)
        except ShiftRequired as exc:  # the shop's rules (decision 0117): said under the form, sale kept
            self.form.error_label.setText(user_message_of(exc) or "")
            self.form.focus_amount()
            return
        except ConsoleError:  # refused before anything was stored: the message box says why
            raise
        except Exception as exc:
            reason = user_message_of(exc)
            if reason is None:
                raise
            self._token_refused(request, reason)  # the gateway refused the token: the attempt EXPIRED
            return
        self.payment, self._stage = session.payment, "paying"
        self.view.start(session.payment_object, session.widget_url, session.token_expires_at)
        self.setCurrentWidget(self.view)
        self._block(self.tr("A payment is in progress at this counter."))
        self._start_watch()

    def _token_refused(self, request: CheckoutRequest, reason: str) -> None:
        """Back to the form with the sale kept, saying truly what happened to the attempt."""
        first = reason.split(". ")[0].rstrip(".")
        first = first[:1].lower() + first[1:]
        self.payment = None
        self.form.set_request(request)
        self.setCurrentWidget(self.form)
        self.form.error_label.setText(
            self.tr(
                "The bank did not open this payment ({reason}). No money was taken. The attempt stays "
                "in the list as Expired; start a new payment."
            ).format(reason=first)
        )
        self.form.focus_amount()

    # -- the customer's saved cards (docs/decisions/0019) --------------------------------------------

    @Slot()
    def _on_customer_changed(self) -> None:
        self.form.show_saved_cards(0)  # until the new customer's cards are known
        self._card_lookup.start()

    @Slot()
    def _back_to_form(self) -> None:
        self.setCurrentWidget(self.form)
        self._card_lookup.start()  # a card may have been deactivated meanwhile

    @Slot()
    def _look_up_cards(self) -> None:
        owner = self.form.card_owner()
        if self._card_task is not None and not self._card_task.done():
            self._card_task.cancel()
        if self._cards is None or owner is None:
            self.form.show_saved_cards(0)
            return
        self._card_task = spawn(self._count_cards(self._cards, owner), name="checkout-saved-cards")

    async def _count_cards(self, cards: SavedCardService, owner: str) -> None:
        try:
            found = await cards.list_cards(owner)
        except Exception as exc:  # the gateway did not answer: say so, the card page still works
            reason = user_message_of(exc)
            if reason is None:
                raise
            if self.form.card_owner() == owner:
                self.form.show_saved_cards(
                    0, self.tr("The customer's saved cards could not be checked: %1").replace("%1", reason)
                )
            return
        if self.form.card_owner() != owner:  # typed on meanwhile: a newer lookup follows
            return
        usable = sum(1 for card in found if card.payment_available)
        note = "" if usable else self.tr("No saved cards for this customer.")
        self.form.show_saved_cards(usable, note)

    @Slot(object)
    def _on_saved_card_requested(self, request: CheckoutRequest) -> None:
        if self.saved_panel is not None and not self.blocked_reason:
            if request.account_id is None:  # found by the phone: the phone is the customer id
                request = replace(request, account_id=self.form.card_owner())
            self.request = request
            self.saved_panel.start(request)
            self.setCurrentWidget(self.saved_panel)

    @Slot(object)
    def _on_saved_card_paid(self, payment: Payment) -> None:
        self.payment, self._stage, self._saved = payment, "finished", True
        if not self._apply(payment):
            self._start_watch()

    @Slot(object, object)
    def _on_saved_card_issuer_check(self, payment: Payment, form: Secure3DForm) -> None:
        """3-D Secure for a saved card: the customer confirms on the issuer's page (decision 0040)."""
        self.payment, self._stage, self._saved = payment, "paying", True
        expires = payment.token_expires_at or payment.created_at
        self.view.start_issuer_check(payment.invoice_id.value, form, expires)
        self.setCurrentWidget(self.view)
        self._block(self.tr("A payment is in progress at this counter."))
        self._start_watch()

    # -- learning the outcome ---------------------------------------------------------------------

    def _stopped(self, stage: Stage) -> None:
        """The page stopped (customer finished, time ran out, cashier cancelled, page failed): ask now."""
        if self._stage != "paying":
            return
        self._stage = stage
        self._note("")  # the page is gone: no more "the customer can try again on this page"
        if stage == "cancelled":
            self._mark = (ConsoleStatus.CASHIER_CANCEL, "")
        elif stage == "failed":
            self._mark = (ConsoleStatus.PAGE_FAILED, str(getattr(self.view, "failure_detail", "")))
        if stage == "expired":
            self.view.stop(self.tr("Time is over"), self.tr("Checking the payment with the bank\u2026"))
        if stage == "finished" and self.payment is not None:
            self._show(self.payment, Outcome.CHECKING)
        self._poke.set()

    def _start_watch(self) -> None:
        self.stop_watching()
        self._poke = asyncio.Event()
        self._watch = spawn(self._watch_status(), name="checkout-status")

    def stop_watching(self) -> None:
        if self._watch is not None and not self._watch.done():
            self._watch.cancel()
        self._watch = None

    async def _watch_status(self) -> None:
        while self.payment is not None:
            with contextlib.suppress(TimeoutError):  # no hint in time: it is simply time to ask
                await asyncio.wait_for(self._poke.wait(), self._interval)
            self._poke.clear()
            if self._mark is not None:
                await self._store_mark(self.payment, *self._mark)
            asked_at = self._stage
            try:
                payment = await self._payments.refresh_status(self.payment.invoice_id)
            except Exception as exc:  # a gateway hiccup: ask again next time, never give up on the sale
                if user_message_of(exc) is None:
                    raise
                log.info(
                    "event=checkout_poll_failed invoice=%s error=%s",
                    self.payment.invoice_id,
                    type(exc).__name__,
                )
                continue
            attempts = (
                await self._attempts(payment) if outcome_of(payment.status) is Outcome.DECLINED else None
            )
            if self._stage != asked_at:  # the page stopped meanwhile: the answer may predate what the
                continue  # customer did there (a decline, then another card that paid); asked again now
            if self._apply(payment, attempts):
                return

    async def _attempts(self, payment: Payment) -> CardAttempts | None:
        """What the console saw of the invoice's card attempts; None when it could not be read."""
        try:
            return await self._payments.card_attempts(payment.invoice_id)
        except Exception as exc:  # the stored status still decides; only the count is missing
            if user_message_of(exc) is None:
                raise
            log.warning("event=checkout_attempts_failed invoice=%s", payment.invoice_id)
            return None

    async def _store_mark(self, payment: Payment, status: ConsoleStatus, detail: str) -> None:
        """Say in the database why the page stopped, so the list does not show "Waiting" (decision 0018)."""
        self._mark = None
        try:
            await self._payments.stop_at_counter(self._user(), payment.invoice_id, status, detail)
        except Exception as exc:  # the status check that follows still tells the truth
            if user_message_of(exc) is None:
                raise
            log.warning(
                "event=checkout_mark_failed invoice=%s error=%s", payment.invoice_id, type(exc).__name__
            )

    def _apply(self, payment: Payment, attempts: CardAttempts | None = None) -> bool:
        """Show what the stored status means at this stage; True when the sale is settled.

        A declined attempt on an invoice that takes another (``attempts.open``, decision 0035) while the
        customer's page is open keeps the page: the customer may press the page's "back to the payment
        form" and try another card; :attr:`attempt_note` tells the cashier so. Once the invoice cannot be
        paid any more the decline is final and the result says to start a new sale.
        """
        self.payment = payment
        outcome = outcome_of(payment.status)
        may_retry = outcome is Outcome.DECLINED and self._may_retry(payment, attempts)
        if outcome is Outcome.DECLINED and may_retry and self._stage == "paying":

            def attempt_note() -> str:  # made again after a language switch (_retranslate_note)
                reason = self._decline_words(payment)
                if attempts is None:
                    return self.tr(
                        "Declined: %1. The customer can try again on this page or you can cancel the sale."
                    ).replace("%1", reason)
                note = self.tr(
                    "Declined: %1. The customer can try again on this page (%n attempt(s) left) or you "
                    "can cancel the sale.",
                    "",
                    attempts.left,
                )  # kk/ru give the plural; untranslated English gets it here
                return note.replace("(s)", "" if attempts.left == 1 else "s").replace("%1", reason)

            self._note_maker = attempt_note
            self._note(attempt_note())
            return False
        self._note_maker = None
        self._note("")
        if outcome in _UNPAID:
            if self._stage == "paying" or self._mark is not None:
                return False  # still paying, or the page stopped during this check: mark, then ask again
            if payment.status is ConsoleStatus.FINGERPRINT or self._stage == "finished":
                outcome = Outcome.CHECKING  # the customer acted: only the bank can say what happened
            elif self._stage == "cancelled":
                self._settle(payment)
                self.form.set_request(self.request)
                self.setCurrentWidget(self.form)
                return True
            else:
                outcome = Outcome.EXPIRED if self._stage == "expired" else Outcome.PAGE_FAILED
        if outcome is Outcome.CHECKING:
            if self._stage != "paying":  # never pull the page away from a customer who is paying
                self._show(payment, outcome)
            return False
        if self._stage == "paying":  # settled without a back link (e.g. the widget closed itself)
            self._stage = "finished"
            self.view.stop(self.tr("Thank you"), "")

        def declined_note() -> str:  # made again by the result view after a language switch
            reason = self._decline_words(payment)
            if may_retry:  # the invoice could still be paid, but the customer's page is gone
                return self.tr(
                    "Declined: %1. The payment page is closed; start a new sale to try again."
                ).replace("%1", reason)
            return self.tr("Declined: %1. This invoice cannot be paid any more; start a new sale.").replace(
                "%1", reason
            )

        declined = outcome is Outcome.DECLINED and not self._saved
        self._show(payment, outcome, declined_note if declined else "")
        self._settle(payment)
        return True

    @staticmethod
    def _may_retry(payment: Payment, attempts: CardAttempts | None) -> bool:
        if attempts is not None:
            return attempts.open
        # the count could not be read: the service still polls a decline only while it may be paid
        return payment.status in DECLINED and payment.next_poll_at is not None

    @staticmethod
    def _decline_words(payment: Payment) -> str:
        return decline_text(payment.reason_code, payment.status, payment.reason).rstrip(". ")

    def _note(self, text: str) -> None:
        if text != self.attempt_note_text:
            self.attempt_note_text = text
            self.attempt_note.emit(text)

    def _retranslate_note(self) -> None:
        """After a language switch: the note about a declined attempt, in the new words."""
        if self.attempt_note_text and self._note_maker is not None:
            self._note(self._note_maker())

    def _show(self, payment: Payment, outcome: Outcome, note: str | Callable[[], str] = "") -> None:
        if outcome is Outcome.CHECKING:
            self._block(
                self.tr("Checking with the bank\u2026 Wait for the answer before charging this sale again.")
            )
        self.result.show_payment(payment, outcome, note)
        self.setCurrentWidget(self.result)

    def _settle(self, payment: Payment) -> None:
        self._block("")
        if outcome_of(payment.status) in _FINAL:
            self.payment_finished.emit(payment)

    def _block(self, reason: str) -> None:
        if reason != self.blocked_reason:
            self.blocked_reason = reason
            self.form.set_blocked(reason)
            self.sale_blocked.emit(reason)

    # -- after the result ---------------------------------------------------------------------------

    @action_slot(busy=("print_button",), after="_after_receipt")
    async def on_result_print_requested(self) -> None:
        self._receipt_issued = False
        if self.payment is None:
            return
        invoice = self.payment.invoice_id
        # a preview: numbered only when printed or saved in the dialog (decision 0022)
        printer = await self._receipt_printer() if self._receipt_printer is not None else ""
        issued = await ReceiptDialog.ask(
            self, self._receipts, self._user(), invoice, "sale", printer_name=printer, printing=self._printing
        )
        self._receipt_issued = issued is not None
        self.receipt_closed.emit(invoice)

    def _after_receipt(self) -> None:
        """Print enabled again: Enter starts the next sale once a receipt was issued, else prints (0142)."""
        if self.payment is not None and self.currentWidget() is self.result:
            self.result.receipt_closed(self._receipt_issued)

    @Slot()
    def new_sale(self) -> None:
        """Clear the form for the next customer (refused while this sale's outcome is unknown)."""
        if self.blocked_reason:
            return
        self.stop_watching()
        self.request, self.payment = None, None  # the next sale gets a new invoice from create_payment
        self._note("")
        self.form.set_request(None)
        self.setCurrentWidget(self.form)
        self.form.focus_amount()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_watching()
        super().closeEvent(event)
