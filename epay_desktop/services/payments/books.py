"""Books that agree with the bank: compare each payment's totals with check-status (issue 8, point 4).

After every reconciliation refreshed a payment from check-status, :func:`compare` sets what the
console's books say against what the bank says:

* refunded: the console's SUCCEEDED refunds plus the refunds made outside the console that it
  recorded (``payment_events`` EXTERNAL_REFUND) against the gateway's ``payoutAmount``;
* charged: the console's SUCCEEDED charge (a one-step payment: the paid amount; a cancelled or held
  one: nothing) against the gateway's ``amount + payoutAmount`` while it is charged (else nothing).

A difference is recorded as a discrepancy (``tx.discrepancies``: one open per payment and kind) that
stays in Needs attention, in ``reconcile``'s output and in its exit code until a manager resolves it
(:meth:`Books.resolve`, audited). Refunds the bank shows and the console did not make (decision 0038):

* no console refund open: the whole rise is recorded as an EXTERNAL_REFUND payment event (shown on
  the payment's timeline) and an ``external_refund`` discrepancy for a manager to acknowledge; it is
  never credited to a console operation;
* a console refund of X open: a rise of exactly X is left to that operation (check-status credits
  it: the one documented rule for the ambiguous case); a rise below X cannot be that refund (the
  gateway applies a refund whole) and is recorded as external; any other rise is only recorded as
  a ``refunded`` discrepancy, nothing is credited, and the operation waits for a manager.

Nothing is compared while a console operation is being sent (its sender decides) or while the
bank may still show one late (``gateway.status_lag_max_seconds``, decision 0039): the next run does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Final

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Discrepancy
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentEventKind
from epay_desktop.domain import RuleViolation
from epay_desktop.domain import User
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.text import FIELD_NOTE
from epay_desktop.domain.text import check_text
from epay_desktop.services.events import DiscrepancyResolved
from epay_desktop.services.events import EventBus
from epay_desktop.services.people.login import require_manager
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = [
    "BOOKS_EVERY",
    "BOOKS_LIMIT",
    "BOOKS_WINDOW",
    "KIND_CHARGED",
    "KIND_EXTERNAL_REFUND",
    "KIND_REFUNDED",
    "Books",
    "BooksResult",
    "OpenDiscrepancy",
    "bank_totals",
    "compare",
    "console_totals",
]

log = logging.getLogger(__name__)

#: Decision 0037: besides every payment with an unresolved operation or an open discrepancy, each run
#: checks at most :data:`BOOKS_LIMIT` charged/held/refunded payments created or changed in the last
#: :data:`BOOKS_WINDOW`, least recently checked first. Older payments: issue 10 (a full scan).
BOOKS_WINDOW: Final = timedelta(days=7)
BOOKS_LIMIT: Final = 100
#: ... and a long-running console walks that window at most this often (the first run always does).
BOOKS_EVERY: Final = timedelta(minutes=5)

KIND_EXTERNAL_REFUND: Final = "external_refund"
KIND_REFUNDED: Final = "refunded"
KIND_CHARGED: Final = "charged"

_CHARGED_STATUSES: Final = (ConsoleStatus.CHARGE, ConsoleStatus.REFUND)
_COMPARABLE: Final = (
    ConsoleStatus.CHARGE,
    ConsoleStatus.REFUND,
    ConsoleStatus.AUTH,
    ConsoleStatus.CANCEL,
    ConsoleStatus.CANCEL_OLD,
)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def console_totals(payment: Payment, ops: list[MoneyOp], external_minor: int) -> tuple[int, int]:
    """(charged, refunded) in tiyn by the console's books. Pure.

    Charged: the SUCCEEDED charge's amount (two-step); nothing when the console worked on the hold
    without a SUCCEEDED charge (cancelled, or its charge failed or was abandoned) or knows the payment only
    held, cancelled or unpaid; otherwise (a one-step payment) the paid amount.
    Refunded: SUCCEEDED refunds plus the recorded external refunds.
    """
    succeeded = [o for o in ops if o.state is OpState.SUCCEEDED]
    charges = [o.amount.minor for o in succeeded if o.kind is OpKind.CHARGE]
    two_step = any(o.kind in (OpKind.CHARGE, OpKind.CANCEL) for o in ops)  # a hold the console worked on
    if charges:
        charged = charges[-1]
    elif two_step or payment.status not in _CHARGED_STATUSES:
        charged = 0  # held, cancelled, or a charge that failed / was abandoned: the console took nothing
    else:
        charged = payment.amount.minor
    refunded = sum(o.amount.minor for o in succeeded if o.kind is OpKind.REFUND) + external_minor
    return charged, refunded


def bank_totals(payment: Payment) -> tuple[int, int]:
    """(charged, refunded) in tiyn as the gateway's last answer stored on ``payment`` says. Pure.

    Charged = ``amount + payoutAmount`` while the status is CHARGE/REFUND (refunds move money from one
    to the other), else 0; refunded = ``payoutAmount``.
    """
    payout = payment.payout_amount.minor if payment.payout_amount is not None else 0
    amount = payment.gateway_amount.minor if payment.gateway_amount is not None else 0
    charged = amount + payout if payment.status in _CHARGED_STATUSES else 0
    return charged, payout


@dataclass
class BooksResult:
    """What :func:`compare` found for one payment: plain lines, and whether anything was recorded."""

    invoice_id: InvoiceId
    lines: list[str] = field(default_factory=list)
    waiting: str | None = None  # not compared this time, and why
    recorded: bool = False  # a discrepancy or an external refund was written
    external_refund: Money | None = None  # a refund made outside the console, recorded now
    opened: int = 0  # discrepancies opened now (an external refund's included)


def compare(tx: Tx, invoice_id: InvoiceId, *, now: datetime, status_lag: timedelta) -> BooksResult:
    """Compare one payment's books with the gateway answer stored on it; record what differs.

    Call inside a write transaction right after the payment was refreshed from check-status. Locks the
    payment. Writes EXTERNAL_REFUND events, discrepancies and their audit entries (actor None,
    ``books.external_refund`` / ``books.discrepancy``). See the module docstring for the rules.
    """
    payment = tx.payments.lock_by_invoice(invoice_id)
    result = BooksResult(invoice_id)
    if payment.transaction_id is None or payment.gateway_amount is None or payment.status not in _COMPARABLE:
        return result  # the bank has not told the amounts (yet): nothing to compare
    ops = tx.operations.list_for_payment(payment.id)
    unresolved = [o for o in ops if o.state.is_unresolved]
    recent = [o for o in ops if _last_touched(o) > now - status_lag]
    if recent:
        result.waiting = (
            f"invoice {invoice_id}: a console operation was sent less than "
            f"{int(status_lag.total_seconds())} s ago; the bank may show it late, compared at a later run"
        )
        return result
    if any(o.kind is not OpKind.REFUND for o in unresolved):
        return result  # an unresolved charge/cancel: check-status settles it first
    currency = payment.amount.currency
    external = tx.payment_events.external_refunded_minor(payment.id)
    console_charged, console_refunded = console_totals(payment, ops, external)
    bank_charged, bank_refunded = bank_totals(payment)
    rise = bank_refunded - console_refunded
    open_refund = next((o for o in unresolved if o.kind is OpKind.REFUND), None)
    if rise > 0 and (open_refund is None or rise < open_refund.amount.minor):
        _record_external(tx, payment, Money(rise, currency), open_refund, ops, now, result)
        console_refunded += rise
    elif rise and not (open_refund is not None and rise == open_refund.amount.minor):
        detail = (
            f"the bank shows {Money(bank_refunded, currency).format()} refunded, the console "
            f"{Money(console_refunded, currency).format()}"
        )
        if open_refund is not None:
            detail += (
                f"; the console's refund of {open_refund.amount.format()} (operation {open_refund.id}) "
                "is open and does not explain it: compare with the bank's merchant cabinet"
            )
        _record(tx, payment, KIND_REFUNDED, console_refunded, bank_refunded, detail, now, result)
    if open_refund is None and console_charged != bank_charged:
        detail = (
            f"the bank shows {Money(bank_charged, currency).format()} charged, the console "
            f"{Money(console_charged, currency).format()}"
        )
        _record(tx, payment, KIND_CHARGED, console_charged, bank_charged, detail, now, result)
    return result


def _last_touched(op: MoneyOp) -> datetime:
    """When the operation was last sent or settled (whichever is later)."""
    moments = [m for m in (op.created_at, op.sent_at, op.resolved_at) if m is not None]
    return max(moments)


def _record_external(
    tx: Tx,
    payment: Payment,
    amount: Money,
    open_refund: MoneyOp | None,
    ops: list[MoneyOp],
    now: datetime,
    result: BooksResult,
) -> None:
    note = "refunded outside this console (e.g. the bank's merchant cabinet); not credited to any operation"
    event = tx.payment_events.add(
        payment.id,
        PaymentEventKind.EXTERNAL_REFUND,
        at=now,
        status=payment.status.value,
        amount=amount,
        note=note,
    )
    tx.audit.append(
        None,
        "books.external_refund",
        f"payment:{payment.invoice_id.value}",
        {
            "event_id": event.id,
            "amount_minor": amount.minor,
            "open_op": open_refund.id if open_refund else "",
        },
        at=now,
    )
    result.lines.append(
        f"invoice {payment.invoice_id}: a refund of {amount.format()} made outside the console"
    )
    result.external_refund = amount
    detail = (
        f"the bank refunded {amount.format()} that no console refund explains (made outside the console, "
        "e.g. in the bank's merchant cabinet): acknowledge it once checked"
    )
    abandoned = [
        o for o in ops if o.kind is OpKind.REFUND and o.state is OpState.FAILED and o.amount == amount
    ]
    if abandoned:  # a refund marked failed that the bank applied after all: say so, still not credited
        detail += (
            f"; it equals the failed console refund {abandoned[-1].id}: ask the bank whether that one landed"
        )
    _record(tx, payment, KIND_EXTERNAL_REFUND, None, amount.minor, detail, now, result, announce=False)


def _record(
    tx: Tx,
    payment: Payment,
    kind: str,
    console_minor: int | None,
    bank_minor: int,
    detail: str,
    now: datetime,
    result: BooksResult,
    *,
    announce: bool = True,
) -> None:
    currency = payment.amount.currency
    if kind == KIND_EXTERNAL_REFUND:  # add to an open acknowledgement of the same payment
        previous = next((d for d in tx.discrepancies.open(payment.id) if d.kind == kind), None)
        if previous is not None and previous.bank is not None:
            bank_minor += previous.bank.minor
            detail = (
                f"the bank refunded {Money(bank_minor, currency).format()} in all that no console refund "
                "explains (made outside the console, e.g. in the bank's merchant cabinet): acknowledge it "
                "once checked"
            )
    console = Money(console_minor, currency) if console_minor is not None else None
    if kind != KIND_EXTERNAL_REFUND and _acknowledged(
        tx, payment, kind, console, Money(bank_minor, currency)
    ):
        return
    discrepancy, is_new = tx.discrepancies.record(
        payment.id, kind, console=console, bank=Money(bank_minor, currency), detail=detail, now=now
    )
    result.recorded = True
    result.opened += int(is_new)
    if is_new or kind == KIND_EXTERNAL_REFUND:
        tx.audit.append(
            None,
            "books.discrepancy",
            f"payment:{payment.invoice_id.value}",
            {"discrepancy_id": discrepancy.id, "kind": kind, "detail": discrepancy.detail},
            at=now,
        )
    if announce and is_new:  # an open one is listed by whoever shows the open discrepancies
        result.lines.append(f"invoice {payment.invoice_id}: books and bank disagree: {detail}")
    log.warning(
        "event=books_discrepancy invoice=%s kind=%s id=%s new=%s",
        payment.invoice_id,
        kind,
        discrepancy.id,
        is_new,
    )


def _acknowledged(tx: Tx, payment: Payment, kind: str, console: Money | None, bank: Money) -> bool:
    """A manager already resolved exactly this difference (same kind, same two amounts) and none of
    this kind is open: it stays resolved. Any change in either amount opens a new one."""
    if any(d.kind == kind for d in tx.discrepancies.open(payment.id)):
        return False
    last = tx.discrepancies.last_resolved(payment.id, kind)
    return last is not None and last.console == console and last.bank == bank


@dataclass(frozen=True, slots=True)
class OpenDiscrepancy:
    """An open discrepancy with its payment's invoice (for lists)."""

    discrepancy: Discrepancy
    invoice_id: InvoiceId


class Books:
    """Discrepancies for people: list, count and resolve (a manager, audited; told on ``events`` once
    committed)."""

    def __init__(
        self, store: Store, clock: Callable[[], datetime] = _utcnow, *, events: EventBus | None = None
    ) -> None:
        self._store = store
        self._clock = clock
        self._events = events

    async def open_discrepancies(self) -> list[OpenDiscrepancy]:
        """Every open discrepancy, oldest first, with its invoice."""

        def work(tx: Tx) -> list[OpenDiscrepancy]:
            return [
                OpenDiscrepancy(d, tx.payments.get(d.payment_id).invoice_id) for d in tx.discrepancies.open()
            ]

        return await self._store.run_read(work)

    async def count_open(self) -> int:
        return await self._store.run_read(lambda tx: tx.discrepancies.count_open())

    async def resolve(self, actor: User, discrepancy_id: int, note: str) -> Discrepancy:
        """A manager closes an open discrepancy with what was found (``note``, required); audited as
        ``discrepancy.resolved`` with the manager's id. Raises PermissionDenied (not an active
        manager), RuleViolation (no note), NotFoundError (no such open discrepancy)."""
        note = note.strip()
        if not note:
            raise RuleViolation(
                msg(
                    "books",
                    QT_TRANSLATE_NOOP(
                        "books",
                        "Say what was found (for example what the bank's merchant cabinet shows) to "
                        "resolve a discrepancy.",
                    ),
                )
            )
        check_text(note, FIELD_NOTE)
        now = self._clock()

        def work(tx: Tx) -> Discrepancy:
            refusal = QT_TRANSLATE_NOOP(
                "books", "Only a manager can resolve a difference between the books and the bank."
            )
            current = require_manager(tx, actor, msg("books", refusal))
            resolved = tx.discrepancies.resolve(discrepancy_id, actor_id=current.id, resolution=note, now=now)
            invoice = tx.payments.get(resolved.payment_id).invoice_id
            tx.audit.append(
                current.id,
                "discrepancy.resolved",
                f"payment:{invoice.value}",
                {
                    "discrepancy_id": resolved.id,
                    "kind": resolved.kind,
                    "resolution": resolved.resolution or "",
                },
                at=now,
            )
            return resolved

        resolved = await self._store.run_write(work)
        if self._events is not None:
            self._events.publish(DiscrepancyResolved(resolved))
        return resolved
