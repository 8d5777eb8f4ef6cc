"""The write transactions of a money operation. Each function runs inside ONE ``Store.write()``.

The flow (docs/reliability.md rules 1-3) is: :func:`begin_intent` (lock the payment, permission,
rules, intent row SENDING, approval consumed, audit -- one commit, before anything is sent), then
the request, then :func:`record_outcome` in a new transaction. check-status answers go through
:func:`apply_verdict`; a manager's decision through :func:`reopen_for_retry` / :func:`abandon`.
Every state change writes one audit entry (action ``<kind>.<event>``, subject ``payment:<invoice>``,
details with the operation id, amount and both user ids) in the same transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import Final

from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import RuleViolation
from epay_desktop.domain import User
from epay_desktop.domain.changes import NO_ANSWER
from epay_desktop.domain.changes import GatewayAnswer
from epay_desktop.domain.changes import OpIntent
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.words import KIND_WORDS
from epay_desktop.services.money_ops.outcomes import Verdict
from epay_desktop.services.money_ops.outcomes import next_state
from epay_desktop.services.people.login import require_audited
from epay_desktop.services.people.login import require_manager
from epay_desktop.services.shifts.required import require_open_shift
from epay_desktop.store.tx import Tx

__all__ = [
    "KIND_WORD",
    "OpRequest",
    "abandon",
    "apply_verdict",
    "begin_intent",
    "confirm_applied",
    "record_outcome",
    "reopen_for_retry",
]

log = logging.getLogger(__name__)

KIND_WORD: Final = KIND_WORDS  # words translated where shown (domain/words.py)
_EVENT: Final = {
    OpState.SUCCEEDED: "succeeded",
    OpState.FAILED: "failed",
    OpState.UNKNOWN: "unknown",
    OpState.NEEDS_REVIEW: "needs_review",
    OpState.SENDING: "retried",
}

_APPLIED_AFTER_ABANDON: Final = (
    "The gateway accepted this request after the operation had been marked failed: "
    "check the payment with the bank."
)

#: ``decide(payment, ops) -> amount``: the rules for one kind (raises ConsoleError to refuse).
Decide = Callable[[Payment, list[MoneyOp]], Money]


def _audit(
    tx: Tx, actor_id: int | None, op: MoneyOp, event: str, invoice: InvoiceId, now: datetime, **extra: Any
) -> None:
    details: dict[str, Any] = {
        "op_id": op.id,
        "kind": op.kind.value,
        "amount_minor": op.amount.minor,
        "state": op.state.value,
        "requested_by": op.requested_by,
        "approved_by": op.approved_by,
        **extra,
    }
    action = f"{op.kind.value.lower()}.{event}"
    tx.audit.append(actor_id, action, f"payment:{invoice.value}", details, at=now)


@dataclass(frozen=True, slots=True)
class OpRequest:
    """What a person asked for: a charge, cancel or refund of one invoice, before the rules decide it.

    ``reason``: a refund's reason; ``expected_remaining``: the remainder the refund screen showed
    (StaleRemaining when it is no longer so); ``approval_id``: the manager approval a cashier needs.
    """

    kind: OpKind
    invoice_id: InvoiceId
    reason: str | None = None
    expected_remaining: Money | None = None
    approval_id: str | None = None


def begin_intent(
    tx: Tx, request: OpRequest, *, actor: User, decide: Decide, now: datetime, register_id: str | None
) -> tuple[MoneyOp, Payment]:
    """Lock the payment, check permission and rules, write the SENDING intent; returns it and the payment.

    ``register_id``: the register (counter) asking, recorded on the intent: the operation counts in
    that register's shift (decision 0119; None: at the payment's register). When the shop works in
    shifts that register must have one open (decision 0132), its row held until the intent commits.

    A cashier needs ``request.approval_id``, consumed here (single use, bound to payment, kind, amount
    and requester). Raises NotFoundError, PermissionDenied, ShiftRequired, ApprovalError,
    RuleViolation, StaleRemaining, OperationInProgress; nothing is written then (the transaction rolls
    back, an approval stays unused).
    """
    kind, reason, approval_id = request.kind, request.reason, request.approval_id
    payment = tx.payments.lock_by_invoice(request.invoice_id)
    current = tx.users.get(actor.id)  # the role and status as stored now, not as when the screen opened
    if not current.active:
        raise PermissionDenied(
            msg("operations", QT_TRANSLATE_NOOP("operations", "This user account is deactivated."))
        )
    require_open_shift(tx, register_id or payment.register_id, kind, lock=True)
    if current.role.can_move_money:
        require_audited(tx, current)  # a manager made in the file moves no money (decision 0075)
    if not current.role.can_move_money and approval_id is None:
        raise PermissionDenied(
            msg(
                "operations",
                QT_TRANSLATE_NOOP("operations", "A manager must approve this {kind}."),
                kind=KIND_WORD[kind],
            )
        )
    ops = tx.operations.list_for_payment(payment.id)
    amount = decide(payment, ops)
    if payment.transaction_id is None:
        raise RuleViolation(
            msg(
                "operations",
                QT_TRANSLATE_NOOP(
                    "operations",
                    "The gateway's transaction for this payment is not known yet: refresh its status first.",
                ),
            )
        )
    succeeded_refunds = sum(
        o.amount.minor for o in ops if o.kind is OpKind.REFUND and o.state is OpState.SUCCEEDED
    ) + tx.payment_events.external_refunded_minor(payment.id)
    payout = payment.payout_amount.minor if payment.payout_amount is not None else 0
    intent = OpIntent(
        kind,
        amount,
        requested_by=actor.id,
        # the freshest refunded total we know: the gateway's last answer, or our own succeeded refunds
        # plus the refunds made outside the console that we recorded
        base_payout=Money(max(payout, succeeded_refunds), amount.currency),
        base_status=payment.status,
        reason=reason,
        expected_remaining=request.expected_remaining,
        register_id=register_id,
    )
    op = tx.operations.insert_intent(payment, intent, now=now)
    if approval_id is not None:
        manager_id = tx.users.consume_approval(
            approval_id,
            payment_id=payment.id,
            kind=kind,
            amount_minor=amount.minor,
            requested_by=actor.id,
            now=now,
            op_id=op.id,
        )
        op = tx.operations.set_approver(op.id, manager_id)
    _audit(tx, actor.id, op, "requested", payment.invoice_id, now, reason=reason or "")
    return op, payment


def record_outcome(
    tx: Tx,
    op_id: str,
    state: OpState,
    *,
    now: datetime,
    actor_id: int | None,
    answer: GatewayAnswer = NO_ANSWER,
) -> tuple[MoneyOp, bool]:
    """Record what the request's answer said; returns the operation and whether it changed.

    From SENDING the answer decides (``state``). If someone moved the operation meanwhile (a
    reconciler of another process after the quiet period, or a crash-restart):

    * SUCCEEDED (the gateway confirmed it) still settles an UNKNOWN/NEEDS_REVIEW operation;
      SUCCEEDED again is a no-op;
    * any other answer -- a definite refusal included -- no longer decides: UNKNOWN never becomes
      FAILED, so the state stands for check-status or a manager. The gateway's code/message are
      stored on the operation and audited (``<kind>.late_answer``), and a warning is logged.
    """
    current = tx.operations.get(op_id, for_update=True)
    if current.state is OpState.SENDING or (state is OpState.SUCCEEDED and current.state.is_unresolved):
        op = tx.operations.mark(op_id, state, now=now, answer=answer)
        invoice = tx.payments.get(op.payment_id).invoice_id
        _audit(tx, actor_id, op, _EVENT[state], invoice, now, message=answer.message or "")
        return op, True
    if state is current.state and state is OpState.SUCCEEDED:
        return current, False
    # a late answer: the operation is no longer SENDING and this answer cannot move it
    level = logging.WARNING
    if state is OpState.SUCCEEDED:  # current is FAILED: a manager abandoned it, yet the gateway applied it
        level = logging.ERROR
        answer = GatewayAnswer(answer.code, _APPLIED_AFTER_ABANDON)
    log.log(
        level,
        "event=money_op_late_answer op=%s kind=%s state=%s answer=%s code=%s",
        op_id,
        current.kind,
        current.state,
        state,
        answer.code,
    )
    if answer.empty:
        return current, False
    op = tx.operations.note_answer(op_id, answer)
    invoice = tx.payments.get(op.payment_id).invoice_id
    code, message = answer.code, answer.message or ""
    _audit(tx, actor_id, op, "late_answer", invoice, now, answer=state.value, code=code, message=message)
    return op, True


def apply_verdict(
    tx: Tx,
    op_id: str,
    invoice_id: InvoiceId,
    verdict: Verdict,
    snapshot: GatewaySnapshot | None,
    *,
    now: datetime,
    quiet_period: timedelta,
    note: str = "",
) -> tuple[MoneyOp, Payment | None, bool]:
    """Store check-status's snapshot on the payment and move the operation as :func:`next_state` says.

    Locks the payment first (``invoice_id``: the operation's payment). Returns the operation, the
    updated payment (None without a snapshot) and whether the operation changed. An operation
    already resolved by someone else is left alone.
    """
    stored = tx.payments.lock_by_invoice(invoice_id)  # the poller may be updating it too
    current = tx.operations.get(op_id, for_update=True)
    payment: Payment | None = None
    if snapshot is not None:
        follow_up = (stored.next_poll_at or now) if snapshot.status.needs_polling else None
        payment = tx.payments.apply_snapshot(stored.id, snapshot, next_poll_at=follow_up)
    target = next_state(current, verdict, now, quiet_period)
    if target is None:
        return current, payment, False
    op = tx.operations.mark(op_id, target, now=now, answer=GatewayAnswer(message=note or None))
    _audit(tx, None, op, _EVENT[target], stored.invoice_id, now, verdict=verdict.value, note=note)
    return op, payment, True


def _under_review(tx: Tx, op_id: str) -> MoneyOp:
    """The operation, row-locked; RuleViolation if it is no longer waiting for a manager's review."""
    current = tx.operations.get(op_id, for_update=True)
    if current.state is not OpState.NEEDS_REVIEW:
        raise RuleViolation(
            msg(
                "operations",
                QT_TRANSLATE_NOOP(
                    "operations", "This operation is {current_state}, not waiting for a review."
                ),
                current_state=current.state.value,
            )
        )
    return current


#: A review decision by someone who is not (or no longer, as stored now) an active manager.
REVIEW_REFUSAL = msg(
    "operations",
    QT_TRANSLATE_NOOP("operations", "Only a manager can decide about an operation whose outcome is unclear."),
)


def reopen_for_retry(tx: Tx, op_id: str, *, actor: User, now: datetime) -> tuple[MoneyOp, Payment]:
    """A manager's "retry": NEEDS_REVIEW -> SENDING (same id, so the same externalID), audited.

    The caller has just proven non-application with check-status. Raises RuleViolation if the
    operation is no longer waiting for review.
    """
    current = _under_review(tx, op_id)
    require_manager(tx, actor, REVIEW_REFUSAL)
    payment = tx.payments.get(current.payment_id)
    op = tx.operations.mark(op_id, OpState.SENDING, now=now)
    _audit(tx, actor.id, op, "retried", payment.invoice_id, now, decided_by=actor.id)
    return op, payment


def abandon(tx: Tx, op_id: str, *, actor: User, now: datetime, note: str) -> MoneyOp:
    """A manager's "abandon": NEEDS_REVIEW -> FAILED, audited. RuleViolation if not under review."""
    return _close_review(tx, op_id, OpState.FAILED, "abandoned", actor=actor, now=now, note=note)


def confirm_applied(tx: Tx, op_id: str, *, actor: User, now: datetime, note: str) -> MoneyOp:
    """A manager's "applied": NEEDS_REVIEW -> SUCCEEDED on the bank's records (the merchant cabinet shows
    this operation; check-status shows an effect that may be it), audited as ``<kind>.confirmed``.
    RuleViolation if not under review."""
    return _close_review(
        tx, op_id, OpState.SUCCEEDED, "confirmed", actor=actor, now=now, note=note, audit_note=True
    )


def _close_review(
    tx: Tx,
    op_id: str,
    state: OpState,
    event: str,
    *,
    actor: User,
    now: datetime,
    note: str,
    audit_note: bool = False,
) -> MoneyOp:
    _under_review(tx, op_id)
    require_manager(tx, actor, REVIEW_REFUSAL)
    op = tx.operations.mark(op_id, state, now=now, answer=GatewayAnswer(message=note))
    invoice = tx.payments.get(op.payment_id).invoice_id
    extra = {"note": note} if audit_note else {}
    _audit(tx, actor.id, op, event, invoice, now, decided_by=actor.id, **extra)
    return op
