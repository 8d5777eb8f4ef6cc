"""What the detail panel says about one payment: its fields, its banner and its timeline.

The timeline is built from the payment record, its money operations and its receipts: created ->
payment page (token) -> the customer's result -> each charge/cancel/refund with its state and who
asked and approved -> receipts printed -> its fiscal receipts (the sale's, each refund's return) where
they stand: registered at the register's own time, pending, or what a person must do (decision 0128).
The customer's result is shown at the bank's own time
(check-status ``createdDate``) once the bank has said it; before that, at the payment's last update
when nothing happened after it, else without a time. Every other time is this console's clock: the
gateway's operation answers carry no time (decision 0025). ``TimelineEntry.bank`` tells them apart.
Refunded and refundable amounts follow the domain rules the refund itself is checked against.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from typing import Final

from PySide6.QtCore import QCoreApplication

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentEvent
from epay_desktop.domain import PaymentEventKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptRecord
from epay_desktop.domain.rules import refund_remaining
from epay_desktop.domain.rules import refund_status_allows
from epay_desktop.domain.rules import refunded_amount
from epay_desktop.services.fiscal.standing import standing_of
from epay_desktop.services.payments.payment_service import CASHIER_CANCEL_REASON
from epay_desktop.services.payments.payment_service import PAGE_FAILED_REASON
from epay_desktop.ui.common.amounts import charge_split
from epay_desktop.ui.common.asyncqt import message_text
from epay_desktop.ui.common.formatting import KAZAKHSTAN
from epay_desktop.ui.common.formatting import card_text
from epay_desktop.ui.common.labels import bank_reason_text
from epay_desktop.ui.common.labels import decline_text
from epay_desktop.ui.common.labels import refund_reason_label
from epay_desktop.ui.payments.operations_model import op_kind_label
from epay_desktop.ui.payments.operations_model import op_state_badge
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP
from epay_desktop.ui.widgets.status_badge import Tone
from epay_desktop.ui.widgets.status_badge import status_badge
from epay_desktop.ui.widgets.status_badge import status_label

__all__ = [
    "ALWAYS_SHOWN",
    "FIELDS",
    "TimelineEntry",
    "bank_words",
    "banner_for",
    "build_timeline",
    "checked_text",
    "counter_mark_text",
    "field_values",
    "receipt_kind_label",
    "time_text",
]

_CONTEXT = "PaymentTimeline"
UserName = Callable[[int | None], str]
_N = QT_TRANSLATE_NOOP

#: The detail panel's rows: key and label (context "PaymentDetailView").
FIELDS: Final = (
    ("amount", _N("PaymentDetailView", "Amount")), ("charged", _N("PaymentDetailView", "Charged")),
    ("refunded", _N("PaymentDetailView", "Refunded")),
    ("remaining", _N("PaymentDetailView", "Can be refunded")), ("card", _N("PaymentDetailView", "Card")),
    ("reason", _N("PaymentDetailView", "Bank's reason")),
    ("bank_status", _N("PaymentDetailView", "Bank status")),
    ("reason_code", _N("PaymentDetailView", "Bank's reason code")),
    ("approval", _N("PaymentDetailView", "Approval code")), ("rrn", _N("PaymentDetailView", "RRN")),
    ("transaction", _N("PaymentDetailView", "Transaction ID")),
    ("description", _N("PaymentDetailView", "Description")), ("contact", _N("PaymentDetailView", "Customer")),
    ("cashier", _N("PaymentDetailView", "Cashier")), ("created", _N("PaymentDetailView", "Created")),
    ("checked", _N("PaymentDetailView", "Last checked")),
)  # fmt: skip
#: Rows shown even when empty (as a dash); the others hide when they have nothing to say.
ALWAYS_SHOWN: Final = frozenset({"amount", "card", "cashier", "created"})


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def time_text(when: datetime | None) -> str:
    """``15.01.2026 14:30:05`` in Kazakhstan time; '' for None (a naive value is taken as UTC)."""
    if when is None:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(KAZAKHSTAN).strftime("%d.%m.%Y %H:%M:%S")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    when: datetime | None
    text: str
    tone: Tone
    detail: str = ""
    bank: bool = False  # ``when`` is the bank's own time, not this console's clock
    register: bool = False  # ``when`` is the fiscal register's time on the receipt


_WAITING = (ConsoleStatus.NEW, ConsoleStatus.PENDING, ConsoleStatus.FINGERPRINT)
#: Outcomes the console concluded by itself: no bank answer dates them.
_NOT_THE_BANKS = (ConsoleStatus.UNKNOWN, ConsoleStatus.EXPIRED)


def _card(payment: Payment) -> str:
    """``VISA •••• 5096``, as the result screen says it; '' when the bank has not named the card."""
    return " ".join(p for p in (payment.card_type or "", card_text(payment.card_mask)) if p)


def _customer_status(payment: Payment, ops: Sequence[MoneyOp]) -> ConsoleStatus:
    """What the customer's attempt ended in, before any later charge, cancel or refund."""
    if any(op.kind in (OpKind.CHARGE, OpKind.CANCEL) for op in ops) or payment.status in (
        ConsoleStatus.CANCEL,
        ConsoleStatus.CANCEL_OLD,
    ):
        return ConsoleStatus.AUTH
    if payment.status is ConsoleStatus.REFUND:
        return ConsoleStatus.CHARGE
    return payment.status


def _attempt_entries(
    payment: Payment, ops: Sequence[MoneyOp], attempts: Sequence[PaymentEvent]
) -> list[TimelineEntry]:
    """Every card attempt the console saw end (decision 0035), oldest first, then the result now.

    A declined attempt reads "Declined: <reason>" with its card; the last attempt, when it is still
    the customer's result (paid, or the final decline), is the usual result entry. Each attempt is
    dated by the bank's createdDate when that changed since the attempt before (the bank dates the
    invoice's transaction, not each attempt), else by this console's clock when it was seen.
    """
    status = _customer_status(payment, ops)
    entries: list[TimelineEntry] = []
    previous_bank: datetime | None = None
    for number, attempt in enumerate(attempts, start=1):
        bank = attempt.bank_time is not None and attempt.bank_time != previous_bank
        when = attempt.bank_time if bank else attempt.at
        previous_bank = attempt.bank_time or previous_bank
        attempt_status = _status_of(attempt.status)
        if number == len(attempts) and attempt_status is status:
            entry = _customer_result(payment, status, when)
            entries.append(replace(entry, when=when, bank=bank))
            return entries
        card = card_text(attempt.card_mask)
        if attempt_status in (ConsoleStatus.AUTH, ConsoleStatus.CHARGE):
            text = _tr("Card attempt approved: {status}").format(status=status_label(attempt_status))
            tone = status_badge(attempt_status).tone
        else:
            reason = decline_text(attempt.reason_code, attempt_status, attempt.reason).rstrip(".")
            text = _tr("Declined: {reason}").format(reason=reason)
            tone = Tone.RED
        if card:
            detail = _tr("attempt {number}, card {card}").format(number=number, card=card)
        else:
            detail = _tr("attempt {number}").format(number=number)
        entries.append(TimelineEntry(when, text, tone, detail, bank))
    if status is ConsoleStatus.CASHIER_CANCEL:  # the cashier cancelled after a decline (decision 0035)
        text = _tr("Sale cancelled by the cashier after a declined attempt")
        entries.append(
            TimelineEntry(None, text, status_badge(status).tone, counter_mark_text(payment.reason))
        )
    elif status in _WAITING:
        entries.append(
            TimelineEntry(None, _tr("The customer is trying again on the payment page"), Tone.GREY)
        )
    else:
        entries.append(_customer_entry(payment, ops, dated=False))
    return entries


def _status_of(value: str | None) -> ConsoleStatus:
    try:
        return ConsoleStatus(value or "")
    except ValueError:  # an odd word the bank sent: shown as a decline with its own words
        return ConsoleStatus.REJECT


def _external_refund_entry(event: PaymentEvent) -> TimelineEntry:
    amount = event.amount.format() if event.amount is not None else "—"
    text = _tr("Refund made outside this console: {amount}").format(amount=amount)  # seen at ``event.at``
    detail = _tr("not credited to any operation of this console; a manager compares it with the bank")
    return TimelineEntry(event.at, text, Tone.DEEP_ORANGE, detail)


def _event_entry(event: PaymentEvent) -> TimelineEntry:
    """An event that is not a card attempt (a refund made outside this console, or a kind added later)."""
    if event.kind is PaymentEventKind.EXTERNAL_REFUND:
        return _external_refund_entry(event)
    amount = f" {event.amount.format()}" if event.amount is not None else ""
    text = _tr("The bank reported: {what}").format(what=f"{event.kind.value}{amount}")
    return TimelineEntry(event.at, text, Tone.GREY, event.note or "")


def _customer_entry(payment: Payment, ops: Sequence[MoneyOp], *, dated: bool = True) -> TimelineEntry:
    status = _customer_status(payment, ops)
    when = payment.updated_at if not ops and status is payment.status else None
    entry = _customer_result(payment, status, when)
    told = status not in _WAITING and status not in _NOT_THE_BANKS and not status.stopped_at_counter
    if payment.bank_time is not None and told and dated:  # the bank's answer dates the customer's result
        return replace(entry, when=payment.bank_time, bank=True)
    return entry


def counter_mark_text(reason: str | None) -> str:
    """The reason stored with a counter's mark ("cancelled at the counter by Айгерим", decision 0018; in
    English in the database) in the console's language, with what followed its ": " as it was."""
    name_at = CASHIER_CANCEL_REASON.index("{name}")
    reason = reason or ""
    if reason.startswith(CASHIER_CANCEL_REASON[:name_at]):
        name, _, detail = reason[name_at:].partition(": ")
        text = QCoreApplication.translate("payments", CASHIER_CANCEL_REASON).format(name=name)
    elif reason.startswith(PAGE_FAILED_REASON):
        detail = reason.removeprefix(PAGE_FAILED_REASON).removeprefix(": ")
        text = QCoreApplication.translate("payments", PAGE_FAILED_REASON)
    else:
        return reason
    return f"{text}: {detail}" if detail else text


def _customer_result(payment: Payment, status: ConsoleStatus, when: datetime | None) -> TimelineEntry:
    badge = status_badge(status)
    if status in _WAITING:
        return TimelineEntry(None, _tr("Waiting for the customer to pay"), Tone.GREY)
    if status is ConsoleStatus.UNKNOWN:
        return TimelineEntry(when, _tr("Result not known yet: checking with the bank"), Tone.PURPLE)
    if status is ConsoleStatus.EXPIRED:
        return TimelineEntry(when, _tr("The payment page expired; the customer did not pay"), badge.tone)
    if status.stopped_at_counter:  # decision 0018: the counter's mark, with its reason
        text = (
            _tr("Cancelled by the cashier before the customer paid")
            if status is ConsoleStatus.CASHIER_CANCEL
            else _tr("The payment page could not be loaded; the customer could not pay")
        )
        return TimelineEntry(when, text, badge.tone, counter_mark_text(payment.reason))
    parts = [_card(payment)]
    if payment.approval_code:
        parts.append(_tr("approval {code}").format(code=payment.approval_code))
    if badge.tone is Tone.RED:
        parts.append(decline_text(payment.reason_code, status, payment.reason))
    text = _tr("Customer's result: {status}").format(status=status_label(status))
    return TimelineEntry(when, text, badge.tone, " · ".join(p for p in parts if p))


def _op_entry(op: MoneyOp, user_name: UserName) -> TimelineEntry:
    badge = op_state_badge(op.state)
    text = _tr("{operation} {amount}: {state}").format(
        operation=op_kind_label(op.kind), amount=op.amount.format(), state=badge.text
    )
    who = _tr("asked by {name}").format(name=user_name(op.requested_by) or "—")
    if op.approved_by is not None:
        who += ", " + _tr("approved by {name}").format(name=user_name(op.approved_by) or "—")
    lines = [who]
    if op.reason:
        reason = refund_reason_label(op.reason) if op.kind is OpKind.REFUND else op.reason
        lines.append(_tr("reason: {reason}").format(reason=reason))
    if op.gateway_message and op.state is not OpState.SUCCEEDED:
        lines.append(_tr("bank: {message}").format(message=op.gateway_message))
    return TimelineEntry(op.created_at, text, badge.tone, "\n".join(lines))


def receipt_kind_label(kind: ReceiptKind | str) -> str:
    labels = {
        ReceiptKind.SALE: _tr("Sale receipt"),
        ReceiptKind.REFUND: _tr("Refund receipt"),
        ReceiptKind.DUPLICATE: _tr("Duplicate"),
    }
    return labels.get(ReceiptKind(kind), str(kind))


def _receipt_entry(receipt: ReceiptRecord, user_name: UserName) -> TimelineEntry:
    text = _tr("{kind} No. {number} issued").format(
        kind=receipt_kind_label(receipt.kind), number=receipt.display_number
    )
    detail = _tr("by {name}").format(name=user_name(receipt.created_by) or "—")
    return TimelineEntry(receipt.created_at, text, Tone.GREY, detail)


def _fiscal_entry(record: FiscalRecord) -> TimelineEntry:
    """A fiscal receipt where it stands (decision 0128): its amount and OFD, and what a person must do."""
    standing = standing_of(record)
    kept = record.receipt
    first = " · ".join(p for p in (record.amount.format(), kept.ofd_name if kept else "") if p)
    said = [message_text(m) for m in (standing.note, standing.reason) if m is not None]
    if record.state is FiscalState.REGISTERED:
        tone = Tone.GREEN
    else:
        tone = Tone.DEEP_ORANGE if standing.reason is not None else Tone.PURPLE
    detail = "\n".join([first, *said])
    return TimelineEntry(
        standing.when, message_text(standing.headline), tone, detail, register=standing.register_time
    )


def _in_order(entry: TimelineEntry, payment: Payment) -> datetime:
    when = entry.when or payment.created_at
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def build_timeline(
    payment: Payment,
    ops: Sequence[MoneyOp],
    receipts: Sequence[ReceiptRecord],
    user_name: UserName,
    events: Sequence[PaymentEvent] = (),
    fiscal: Sequence[FiscalRecord] = (),
) -> list[TimelineEntry]:
    """The payment's story, oldest first.

    ``events``: the payment's payment_events rows. Card attempts replace the single customer's result
    when there are any (each attempt the console saw, decision 0035); other events (a refund made outside
    this console) take their place among the operations by time. ``fiscal``: its fiscal records, each
    at its receipt's time (registered) or its last try.
    """
    created = TimelineEntry(
        payment.created_at,
        _tr("Payment of {amount} created").format(amount=payment.amount.format()),
        Tone.GREY,
        _tr("by {name}").format(name=user_name(payment.created_by) or "—"),
    )
    entries = [created]
    if payment.token_expires_at is not None:
        entries.append(
            TimelineEntry(
                None,
                _tr("Payment page opened for the customer"),
                Tone.GREY,
                _tr("valid until {time}").format(time=time_text(payment.token_expires_at)),
            )
        )
    attempts = [e for e in events if e.kind is PaymentEventKind.ATTEMPT]
    entries.extend(_attempt_entries(payment, ops, attempts) if attempts else [_customer_entry(payment, ops)])
    later = [_op_entry(op, user_name) for op in ops] + [_receipt_entry(r, user_name) for r in receipts]
    later += [_event_entry(e) for e in events if e.kind is not PaymentEventKind.ATTEMPT]
    later += [_fiscal_entry(record) for record in fiscal]
    later.sort(key=lambda e: _in_order(e, payment))
    return entries + later


def field_values(payment: Payment, ops: Sequence[MoneyOp], user_name: UserName) -> dict[str, str]:
    """Text of every detail row ('' when there is nothing to show)."""
    refunded = refunded_amount(payment, [op for op in ops if op.state is OpState.SUCCEEDED])
    remaining = refund_remaining(payment, ops) if refund_status_allows(payment) else None
    contact = (payment.phone, payment.email, payment.account_id)
    split = charge_split(payment)
    return {
        "amount": payment.amount.format(),
        "charged": split.text() if split is not None else "",
        "refunded": refunded.format() if refunded else "",
        "remaining": remaining.format() if remaining is not None else "",
        "card": _card(payment),
        "approval": payment.approval_code or "",
        "rrn": payment.reference or "",
        "transaction": payment.transaction_id or "",
        "description": payment.description,
        "contact": ", ".join(c for c in contact if c),
        "cashier": user_name(payment.created_by),
        "created": time_text(payment.created_at),
        "checked": checked_text(payment),
        "reason": bank_reason_text(payment),
        # odd values the bank sent (decision 0034), shown as they came
        "bank_status": (
            QCoreApplication.translate("PaymentDetailView", "{name} (not known to this console)").format(
                name=payment.bank_status
            )
            if payment.bank_status
            else ""
        ),
        "reason_code": payment.reason_code_text or "",
    }


def checked_text(payment: Payment) -> str:
    """When the console last had the bank's answer about the payment ('' if never).

    No "next check" time: a failed check moves it without telling the screens, so it could lie.
    """
    return time_text(payment.last_polled_at)


def bank_words(payment: Payment) -> str:
    """The gateway's own words and code for a decline (for support), shown as the reason's tooltip."""
    code = f"[{payment.reason_code}]" if payment.reason_code else ""
    words = " ".join(p for p in (payment.reason or "", code) if p)
    return _tr("The bank's own words: {text}").format(text=words) if words else ""


def banner_for(status: ConsoleStatus, ops: Sequence[MoneyOp]) -> tuple[str, Tone] | None:
    """The warning over the fields while an operation (or the payment) waits for an answer."""
    states = {op.state for op in ops}
    if OpState.NEEDS_REVIEW in states:
        return _tr("A manager must review this operation: the bank could not confirm it."), Tone.PINK
    if states & {OpState.UNKNOWN, OpState.SENDING} or status is ConsoleStatus.UNKNOWN:
        text = _tr("Checking with the bank… The result is not known yet; do not repeat the operation.")
        return text, Tone.PURPLE
    return None
