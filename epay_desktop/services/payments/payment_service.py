"""Taking a payment and learning what happened to it.

:meth:`PaymentService.start_payment` runs three committed steps, so a crash at any point
leaves an honest record: (1) allocate the invoice id, committed before use, so it is never
reused; (2) save the payment as NEW with an audit entry; (3) ask the gateway for the
invoice-bound payment token, then mark the payment PENDING (or EXPIRED if no token was
issued). It is the one way a payment starts: the hosted page (:meth:`PaymentService.create_payment`)
and a saved card (``saved_cards.SavedCardService``) both call it, and the saved-card charge stores
what followed through the public ``mark_*`` methods. :meth:`PaymentService.refresh_status` asks
check-status and stores the answer in its own short write transaction. Neither holds a database
transaction across a network call.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import datetime
from datetime import timedelta

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentEvent
from epay_desktop.domain import PaymentEventKind
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import User
from epay_desktop.domain.changes import StatusChange
from epay_desktop.domain.checkout import CheckoutInput
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.checkout import validate_checkout
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.gateway import AuthError
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import EpayError
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import PaymentToken
from epay_desktop.gateway import ServerError
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import StatusInProgress
from epay_desktop.gateway import StatusResult
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import GatewayHealthChanged
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.services.payments.card_attempts import APPROVED
from epay_desktop.services.payments.card_attempts import DECLINED
from epay_desktop.services.payments.card_attempts import CardAttempts
from epay_desktop.services.payments.card_attempts import card_attempts
from epay_desktop.services.payments.card_attempts import is_new_attempt
from epay_desktop.services.payments.checkout import CheckoutSession
from epay_desktop.services.payments.checkout import build_payment_object
from epay_desktop.services.payments.gateway_map import snapshot_from_status
from epay_desktop.services.payments.poll_schedule import PollSchedule
from epay_desktop.services.payments.queries import payment_by_invoice
from epay_desktop.services.shifts.required import require_open_shift
from epay_desktop.services.shifts.required import told_when_refused
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = ["CASHIER_CANCEL_REASON", "GATEWAY_WIDE", "PAGE_FAILED_REASON", "PaymentService", "StartedPayment"]

log = logging.getLogger(__name__)

#: Errors that say the bank as a whole is unreachable or failing (not this one payment).
GATEWAY_WIDE = (GatewayUnavailable, ServerError, AuthError)

#: The reasons stored with the counter's marks (decision 0018), in English in the database, the CLI and
#: the log; the console's detail says them in its language (``ui.payments.detail_content``).
CASHIER_CANCEL_REASON = QT_TRANSLATE_NOOP("payments", "cancelled at the counter by {name}")
PAGE_FAILED_REASON = QT_TRANSLATE_NOOP("payments", "the payment page could not be loaded")


@dataclass(frozen=True, slots=True)
class StartedPayment:
    """A payment :meth:`PaymentService.start_payment` saved PENDING, with its token (memory only)."""

    payment: Payment
    token: PaymentToken = field(repr=False)
    token_expires_at: datetime


#: Statuses a 102 ("no attempt for this invoice") may confirm or turn into EXPIRED.
_UNPAID = frozenset({ConsoleStatus.NEW, ConsoleStatus.PENDING, ConsoleStatus.UNKNOWN, ConsoleStatus.EXPIRED})


class PaymentService:
    """Checkout and status of payments. ``clock`` returns aware UTC datetimes."""

    def __init__(
        self,
        store: Store,
        gateway: EpayClient,
        events: EventBus,
        clock: Callable[[], datetime],
        *,
        register_id: str,
        terminal_id: str,
        schedule: PollSchedule | None = None,
    ) -> None:
        self._store = store
        self._gateway = gateway
        self._events = events
        self._clock = clock
        self._register_id = register_id
        self._terminal_id = terminal_id
        self._schedule = schedule or PollSchedule()
        self.last_gateway_success_at: datetime | None = None

    # -- taking a payment --------------------------------------------------------------------

    async def create_payment(self, actor: User, request: CheckoutRequest) -> CheckoutSession:
        """Start a card payment for ``request`` and return what the widget needs.

        Side effects: commits an invoice id allocation, a NEW payment + audit ``payment.created``,
        then PENDING with the token's expiry and first poll time; publishes PaymentUpdated after
        each status. Calls the gateway's token endpoint (no money moves). Raises
        RuleViolation/ConsoleError on bad input (nothing allocated), PermissionDenied for an
        inactive user, and the gateway's EpayError when no token was issued (the payment is then
        EXPIRED with the reason). The steps are :meth:`start_payment`'s.
        """
        data = validate_checkout(request)
        started = await self.start_payment(actor, data)
        obj = build_payment_object(
            started.payment,
            started.token.auth_object(),
            terminal_id=self._terminal_id,
            name=data.name,
        )
        return CheckoutSession(
            started.payment, started.token_expires_at, obj, self._gateway.endpoints.widget_url
        )

    async def start_payment(
        self, actor: User, data: CheckoutInput, *, saved_card: bool = False
    ) -> StartedPayment:
        """The one way a payment starts, on the hosted page (:meth:`create_payment`) or with a saved card.

        Intent before effect (docs/reliability.md), three committed steps: (1) allocate the invoice id,
        committed before use so it is never reused; (2) save the payment NEW with audit
        ``payment.created`` (``saved_card`` in its details for a saved-card charge) and publish it;
        (3) ask the gateway for the invoice-bound payment token (no money moves), then mark the payment
        PENDING with the token's expiry and first poll time and publish it. ``data`` is checkout input
        :func:`validate_checkout` already accepted. Raises PermissionDenied for an inactive user,
        ShiftRequired when the shop takes payments only during a shift and none is open at the
        register (decision 0117; nothing allocated either way), and the gateway's EpayError when no
        token was issued: the payment is then EXPIRED with the reason and audit
        ``payment.token_failed``. The token is returned in memory only: nothing here stores or logs it.
        """
        if not actor.active:
            raise PermissionDenied(
                msg("payments", QT_TRANSLATE_NOOP("payments", "This user account is deactivated."))
            )
        with told_when_refused(self._events):  # the screens read the shift again (decision 0167)
            await self._store.run_read(lambda tx: require_open_shift(tx, self._register_id))
        invoice = await self._store.run_write(lambda tx: tx.counters.allocate_invoice_id())
        text = data.description_for(invoice)

        def insert(tx: Tx) -> Payment:
            payment = tx.payments.insert(
                invoice,
                data,
                description=text,
                register_id=self._register_id,
                created_by=actor.id,
                now=self._clock(),
            )
            details: dict[str, object] = {"amount": data.amount.plain()}
            if saved_card:
                details["saved_card"] = True
            tx.audit.append(actor.id, "payment.created", f"payment:{invoice}", details, at=self._clock())
            return payment

        payment = await self._store.run_write(insert)
        self._events.publish(PaymentUpdated(payment))
        log.info("event=payment_created invoice=%s amount=%s", invoice, data.amount.iso())
        try:
            token = await self._gateway.get_payment_token(invoice, data.amount)
        except EpayError as exc:
            self.report_gateway(exc)
            await self._token_failed(actor, payment, exc)
            raise
        self.report_gateway(None)
        now = self._clock()
        expires_at = now + timedelta(seconds=token.expires_in)
        next_poll = self._schedule.next_poll_at(
            ConsoleStatus.PENDING, created_at=payment.created_at, token_expires_at=expires_at, now=now
        )
        pending = StatusChange(ConsoleStatus.PENDING, next_poll_at=next_poll, token_expires_at=expires_at)
        payment = await self._set_status(payment.invoice_id, pending)
        return StartedPayment(payment, token, expires_at)

    async def mark_unknown(self, invoice_id: InvoiceId) -> Payment:
        """The answer to a call that may have moved money was lost: UNKNOWN, polled again soon.

        Nothing is re-sent: the poller asks check-status until the bank says what happened. One write
        transaction and a PaymentUpdated event. Raises NotFoundError.
        """
        unknown = StatusChange(ConsoleStatus.UNKNOWN, next_poll_at=self._clock() + self._schedule.unknown)
        return await self._set_status(invoice_id, unknown)

    async def mark_not_made(self, invoice_id: InvoiceId, reason: str) -> Payment:
        """The gateway certainly did not take the payment (it refused the call): EXPIRED with ``reason``.

        One write transaction and a PaymentUpdated event; the payment is no longer polled. Raises
        NotFoundError.
        """
        return await self._set_status(invoice_id, StatusChange(ConsoleStatus.EXPIRED, reason=reason))

    async def mark_declined(self, invoice_id: InvoiceId, reason: str) -> Payment:
        """The gateway declined the charge but check-status does not list it yet: REJECT with ``reason``.

        One write transaction and a PaymentUpdated event. Raises NotFoundError.
        """
        return await self._set_status(invoice_id, StatusChange(ConsoleStatus.REJECT, reason=reason))

    async def _set_status(self, invoice_id: InvoiceId, change: StatusChange) -> Payment:
        """Store a status the console decided (the payment read and locked in the same transaction)."""
        now = self._clock()

        def write(tx: Tx) -> Payment:
            current = tx.payments.lock_by_invoice(invoice_id)
            return tx.payments.set_status(current.id, change, now=now)

        payment = await self._store.run_write(write)
        self._events.publish(PaymentUpdated(payment))
        return payment

    def report_gateway(self, error: EpayError | None) -> None:
        """Tell the status bar how the last gateway call went (the bus drops repeats).

        ``None`` is a successful call: publishes ``ok=True`` only if the bank was marked down. A
        gateway-wide error (GATEWAY_WIDE) publishes ``ok=False``; other errors say nothing about it.
        """
        if error is None:
            self.last_gateway_success_at = self._clock()
            if self._events.gateway_down:
                log.info("event=gateway_healthy")
                message = "The gateway answers again."
                self._events.publish(GatewayHealthChanged(True, self.last_gateway_success_at, message))
        elif isinstance(error, GATEWAY_WIDE):
            message = error.user_message
            self._events.publish(GatewayHealthChanged(False, self.last_gateway_success_at, message))

    async def _token_failed(self, actor: User, payment: Payment, exc: EpayError) -> None:
        reason = f"payment token not issued: {exc.user_message}"
        log.warning("event=payment_token_failed invoice=%s error=%s", payment.invoice_id, exc)

        def expire(tx: Tx) -> Payment:
            expired = tx.payments.set_status(
                payment.id, StatusChange(ConsoleStatus.EXPIRED, reason=reason), now=self._clock()
            )
            details = {"error": type(exc).__name__}
            subject = f"payment:{payment.invoice_id}"
            tx.audit.append(actor.id, "payment.token_failed", subject, details, at=self._clock())
            return expired

        self._events.publish(PaymentUpdated(await self._store.run_write(expire)))

    # -- the counter stopped the page ---------------------------------------------------------

    async def stop_at_counter(
        self, actor: User, invoice_id: InvoiceId, status: ConsoleStatus, detail: str = ""
    ) -> Payment:
        """Mark an unpaid payment CASHIER_CANCEL or PAGE_FAILED (docs/decisions/0018) and return it.

        Only a payment still NEW or PENDING is marked, or a declined one whose invoice still takes
        another card attempt (decision 0035: the customer could still pay it on the gateway's page):
        anything else the bank already said (3-D Secure in progress, CHARGE, UNKNOWN, a final decline)
        is kept as it is. The mark keeps the payment checked with the bank until its token expires; a
        late CHARGE/AUTH (or a new declined attempt) replaces it. Side effects: one write
        transaction (status, reason, next poll), audit ``payment.cancelled_by_cashier`` or
        ``payment.page_failed``, a PaymentUpdated event. No gateway call.
        """
        if not status.stopped_at_counter:
            raise ValueError(f"{status} is not a mark the counter sets")
        if status is ConsoleStatus.CASHIER_CANCEL:
            action, reason = "payment.cancelled_by_cashier", CASHIER_CANCEL_REASON.format(name=actor.name)
        else:
            action, reason = "payment.page_failed", PAGE_FAILED_REASON
        if detail:
            reason = f"{reason}: {detail}"

        def mark(tx: Tx) -> tuple[Payment, bool]:
            current = tx.payments.lock_by_invoice(invoice_id)
            retryable = current.status in DECLINED and current.next_poll_at is not None
            if current.status not in (ConsoleStatus.NEW, ConsoleStatus.PENDING) and not retryable:
                return current, False
            now = self._clock()
            next_at = self._schedule.next_poll_at(
                status, created_at=current.created_at, token_expires_at=current.token_expires_at, now=now
            )
            change = StatusChange(status, next_poll_at=next_at, reason=reason)
            marked = tx.payments.set_status(current.id, change, now=now)
            details = {"detail": detail[:200]} if detail else {}
            tx.audit.append(actor.id, action, f"payment:{invoice_id}", details, at=now)
            return marked, True

        payment, changed = await self._store.run_write(mark)
        if changed:
            log.info("event=payment_stopped_at_counter invoice=%s status=%s", invoice_id, status)
            self._events.publish(PaymentUpdated(payment))
        return payment

    # -- status ------------------------------------------------------------------------------

    async def refresh_status(
        self,
        invoice_id: InvoiceId,
        *,
        known: Payment | None = None,
        gate: asyncio.Semaphore | None = None,
    ) -> Payment:
        """Ask check-status now and store the answer; returns the stored payment.

        ``GET /check-status/payment/transaction/{invoiceId}``, read-only at the gateway. Side
        effects: one short write (status, gateway fields, next poll time) and a PaymentUpdated event.
        The write is grouped with the other status answers arriving meanwhile (one transaction and
        one fsync for a burst of them, each in its own savepoint: ``Store.run_write_grouped``), so
        the poller and the reconciler keep the network busy instead of queueing transactions.
        ``known``: the payment as the caller just read it (the poller, the reconciler), which spares
        the read that checks it exists; the stored row is locked and read again when the answer is
        stored either way. ``gate``: held while check-status is asked and released before the answer
        is stored, so a caller bounding its calls in flight (the poller, the reconciler) bounds the
        network, not the queue of answers waiting for the database (decision 0058).
        102 -> PENDING, or EXPIRED once the payment token expired more than the grace period ago;
        107 -> status unchanged, next poll soon. A card attempt the answer shows ending for the first
        time is added as a payment_events ATTEMPT row in the same transaction; a REJECT/3D stays
        polled while the invoice takes another attempt (services/payments/card_attempts.py). Raises
        NotFoundError (no such payment here) and re-raises any EpayError, leaving the payment
        unchanged.
        """
        if known is None:
            known = await self._store.run_read(lambda tx: payment_by_invoice(tx, invoice_id))
        try:
            async with gate or contextlib.nullcontext():
                result = await self._gateway.check_status(invoice_id)
        except EpayError as exc:
            self.report_gateway(exc)
            raise
        self.report_gateway(None)
        now = self._clock()

        def store(tx: Tx) -> tuple[ConsoleStatus, Payment]:
            current = tx.payments.lock_by_invoice(invoice_id)  # a mark set meanwhile counts
            return current.status, self._store_result(tx, current, result, now)

        previous, payment = await self._store.run_write_grouped(store, order=invoice_id.value)
        self._events.publish(PaymentUpdated(payment, previous))
        return payment

    def _store_result(self, tx: Tx, current: Payment, result: StatusResult, now: datetime) -> Payment:
        """Store one check-status answer about ``current`` (locked by the caller's transaction)."""
        invoice_id = current.invoice_id
        created, token = current.created_at, current.token_expires_at
        if isinstance(result, StatusFound):
            snapshot = snapshot_from_status(result, now)
            if snapshot.status is ConsoleStatus.NEW:  # gateway NEW: the customer has not finished
                snapshot = replace(snapshot, status=ConsoleStatus.PENDING)
            attempts = tx.payment_events.for_payment(current.id, PaymentEventKind.ATTEMPT)
            new_attempt = is_new_attempt(current, snapshot, attempts)
            if new_attempt:  # the latest attempt ended and the console had not seen it: one row
                if snapshot.reason is None:  # an approval after a decline must not keep its words
                    snapshot = replace(snapshot, reason="")
                attempts.append(self._record_attempt(tx, current, snapshot, now))
            if current.status.stopped_at_counter:
                if snapshot.status is ConsoleStatus.PENDING or (
                    snapshot.status in DECLINED and not new_attempt
                ):  # nothing new happened (or the decline the cashier cancelled after): the mark stays
                    snapshot = replace(snapshot, status=current.status, reason=None, reason_code=None)
                else:  # the bank's word wins over the counter's mark (a customer paid just before)
                    log.warning(
                        "event=bank_status_over_counter_mark invoice=%s mark=%s status=%s",
                        invoice_id,
                        current.status,
                        snapshot.status,
                    )
                    snapshot = replace(snapshot, reason=snapshot.reason or "")
            gone = self._schedule.token_gone(created, token, now)
            state = card_attempts(
                snapshot.status, attempts, token_gone=gone, reason_code=snapshot.reason_code
            )
            if snapshot.status in DECLINED:
                log.info(
                    "event=payment_declined invoice=%s attempts_seen=%d may_retry=%s",
                    invoice_id,
                    state.seen,
                    state.open,
                )
            next_at = self._schedule.next_poll_at(
                snapshot.status, created_at=created, token_expires_at=token, now=now, may_retry=state.open
            )
            return tx.payments.apply_snapshot(current.id, snapshot, next_poll_at=next_at)
        if isinstance(result, StatusInProgress):
            next_at = now + self._schedule.in_progress
            return tx.payments.record_poll(current.id, current.status, now=now, next_poll_at=next_at)
        status = self._status_for_not_found(current, now)
        next_at = self._schedule.next_poll_at(status, created_at=created, token_expires_at=token, now=now)
        return tx.payments.record_poll(current.id, status, now=now, next_poll_at=next_at)

    @staticmethod
    def _record_attempt(tx: Tx, current: Payment, snapshot: GatewaySnapshot, now: datetime) -> PaymentEvent:
        """One ATTEMPT row for the attempt the answer describes (in the caller's write transaction)."""
        reason_code = snapshot.reason_code if snapshot.reason_code is not None else None
        declined = snapshot.status not in APPROVED
        event = tx.payment_events.add(
            current.id,
            PaymentEventKind.ATTEMPT,
            at=now,
            bank_time=snapshot.bank_time,
            status=snapshot.status.value,
            reason_code=reason_code if declined else None,
            reason=(snapshot.reason or None) if declined else None,
            card_mask=snapshot.card_mask or current.card_mask,
        )
        log.info(
            "event=card_attempt_seen invoice=%s status=%s reason_code=%s",
            current.invoice_id,
            snapshot.status,
            reason_code,
        )
        return event

    async def card_attempts(self, invoice_id: InvoiceId) -> CardAttempts:
        """The invoice's card attempts as the console saw them, and whether another may still pay it.

        Read-only (no gateway call): what the last check-status answers stored. Raises NotFoundError.
        """
        now = self._clock()

        def read(tx: Tx) -> CardAttempts:
            payment = payment_by_invoice(tx, invoice_id)
            attempts = tx.payment_events.for_payment(payment.id, PaymentEventKind.ATTEMPT)
            gone = self._schedule.token_gone(payment.created_at, payment.token_expires_at, now)
            return card_attempts(payment.status, attempts, token_gone=gone, reason_code=payment.reason_code)

        return await self._store.run_read(read)

    def _status_for_not_found(self, payment: Payment, now: datetime) -> ConsoleStatus:
        if payment.status.stopped_at_counter:  # no attempt: the mark stays (and ends with the token)
            return payment.status
        if payment.status not in _UNPAID:
            # The gateway forgot a payment it reported earlier: keep what we know, flag it in the log.
            log.warning(
                "event=status_not_found_for_known invoice=%s status=%s", payment.invoice_id, payment.status
            )
            return payment.status
        if self._schedule.token_gone(payment.created_at, payment.token_expires_at, now):
            return ConsoleStatus.EXPIRED
        return ConsoleStatus.NEW if payment.token_expires_at is None else ConsoleStatus.PENDING
