"""Money operations table (charge, cancel, refund): intents, outcomes and the sums the rules need.

Every method works inside the caller's transaction (``tx``) and returns frozen
:class:`~epay_desktop.domain.MoneyOp` records. The database itself allows at most one unresolved
operation (SENDING, UNKNOWN, NEEDS_REVIEW) per payment (partial unique index
``uq_money_ops_one_unresolved``); a second intent is reported as :class:`OperationInProgress`.
State changes follow :data:`epay_desktop.domain.rules.ALLOWED_TRANSITIONS`; anything else raises
:class:`IllegalTransition` (a bug or a lost race, never a user error).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OperationInProgress
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain.changes import NO_ANSWER
from epay_desktop.domain.changes import GatewayAnswer
from epay_desktop.domain.changes import OpIntent
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.rules import transition_allowed
from epay_desktop.store.models import UNRESOLVED_OP_STATES
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.repos.repo import Repo
from epay_desktop.store.repos.repo import not_found
from epay_desktop.store.repos.repo import record_of
from epay_desktop.store.repos.repo import with_currency

__all__ = ["IllegalTransition", "OperationRepo", "RefundSums"]

_MAX_MESSAGE = 500
_ONE_UNRESOLVED_MARKERS = ("uq_money_ops_one_unresolved", "money_ops.payment_id")
_OPS = with_currency(MoneyOpRow)


class IllegalTransition(RuntimeError):
    """A state change the operation's life does not allow (e.g. FAILED -> SUCCEEDED)."""


@dataclass(frozen=True, slots=True)
class RefundSums:
    """Refunds of one payment in minor units: succeeded, and unresolved (may still be applied)."""

    succeeded_minor: int
    in_flight_minor: int


class OperationRepo(Repo):
    """``tx.operations``."""

    # -- intents -----------------------------------------------------------------------------

    def insert_intent(self, payment: Payment, intent: OpIntent, *, now: datetime) -> MoneyOp:
        """Add ``intent`` on ``payment`` in state SENDING with a new uuid4 id (the refund's externalID).

        ``sent_at`` is ``now``: the request leaves right after this transaction commits. Raises
        OperationInProgress if the payment already has an unresolved operation (the database's
        partial unique index says so even when two counters race).
        """
        expected, base_payout = intent.expected_remaining, intent.base_payout
        row = MoneyOpRow(
            id=str(uuid.uuid4()),
            payment_id=payment.id,
            kind=intent.kind.value,
            amount_minor=intent.amount.minor,
            state=OpState.SENDING.value,
            expected_remaining_minor=expected.minor if expected is not None else None,
            base_payout_minor=base_payout.minor if base_payout is not None else None,
            base_status=intent.base_status.value if intent.base_status is not None else None,
            requested_by=intent.requested_by,
            approved_by=intent.approved_by,
            register_id=intent.register_id,
            reason=intent.reason[:255] if intent.reason else None,
            attempts=1,
            created_at=now,
            sent_at=now,
        )
        self._s.add(row)
        try:
            self._s.flush()
        except IntegrityError as exc:
            if any(marker in str(exc.orig) for marker in _ONE_UNRESOLVED_MARKERS):
                raise OperationInProgress(
                    msg(
                        "store",
                        QT_TRANSLATE_NOOP(
                            "store",
                            "Another operation on this payment is still being processed: "
                            "wait for its result.",
                        ),
                    )
                ) from None
            raise
        return to_op(row, payment.amount.currency)

    def set_approver(self, op_id: str, approved_by: int) -> MoneyOp:
        """Record the manager whose approval this operation consumed."""
        row = self._row(op_id)
        row.approved_by = approved_by
        self._s.flush()
        return self._op(row)

    # -- reads -------------------------------------------------------------------------------

    def get(self, op_id: str, *, for_update: bool = False) -> MoneyOp:
        """The operation with this id; NotFoundError if there is none. ``for_update`` locks the row
        on PostgreSQL (SQLite write transactions already hold the database lock)."""
        return self._op(self._row(op_id, for_update=for_update))

    def list_for_payment(self, payment_id: int) -> list[MoneyOp]:
        """Every operation of the payment, oldest first."""
        stmt = _OPS.where(MoneyOpRow.payment_id == payment_id).order_by(MoneyOpRow.created_at, MoneyOpRow.id)
        return [to_op(row, currency) for row, currency in self._s.execute(stmt)]

    def list_for_payments(self, payment_ids: Collection[int]) -> dict[int, list[MoneyOp]]:
        """Every operation of each payment, oldest first, in one query (``list_for_payment`` for many)."""
        found: dict[int, list[MoneyOp]] = {payment_id: [] for payment_id in payment_ids}
        if not found:
            return found
        stmt = _OPS.where(MoneyOpRow.payment_id.in_(list(found))).order_by(
            MoneyOpRow.created_at, MoneyOpRow.id
        )
        for row, currency in self._s.execute(stmt):
            found[row.payment_id].append(to_op(row, currency))
        return found

    def unresolved_for_payment(self, payment_id: int) -> MoneyOp | None:
        """The payment's SENDING/UNKNOWN/NEEDS_REVIEW operation, if any (there is at most one)."""
        stmt = _OPS.where(MoneyOpRow.payment_id == payment_id, MoneyOpRow.state.in_(UNRESOLVED_OP_STATES))
        found = self._s.execute(stmt).first()
        return to_op(found[0], found[1]) if found is not None else None

    def all_unresolved(self) -> list[MoneyOp]:
        """Every unresolved operation, oldest first (what the reconciler works through)."""
        stmt = _OPS.where(MoneyOpRow.state.in_(UNRESOLVED_OP_STATES)).order_by(
            MoneyOpRow.created_at, MoneyOpRow.id
        )
        return [to_op(row, currency) for row, currency in self._s.execute(stmt)]

    def refund_sums(self, payment_id: int) -> RefundSums:
        """Succeeded and unresolved refund totals of the payment, in minor units."""
        stmt = (
            select(MoneyOpRow.state, func.coalesce(func.sum(MoneyOpRow.amount_minor), 0))
            .where(MoneyOpRow.payment_id == payment_id, MoneyOpRow.kind == OpKind.REFUND.value)
            .group_by(MoneyOpRow.state)
        )
        totals = {state: int(total) for state, total in self._s.execute(stmt)}
        return RefundSums(
            succeeded_minor=totals.get(OpState.SUCCEEDED.value, 0),
            in_flight_minor=sum(totals.get(state, 0) for state in UNRESOLVED_OP_STATES),
        )

    # -- state changes -------------------------------------------------------------------------

    def mark(
        self,
        op_id: str,
        state: OpState,
        *,
        now: datetime,
        answer: GatewayAnswer = NO_ANSWER,
        sent_at: datetime | None = None,
    ) -> MoneyOp:
        """Move the operation to ``state``; IllegalTransition if its life does not allow that.

        SUCCEEDED/FAILED set ``resolved_at``. SENDING again (a manager's retry) counts one more
        attempt and sets ``sent_at`` (default ``now``). The answer's code/message change only when given.
        """
        row = self._row(op_id, for_update=True)
        current = OpState(row.state)
        if not transition_allowed(current, state):
            raise IllegalTransition(f"money op {op_id}: {current.value} -> {state.value} is not allowed")
        row.state = state.value
        if state is OpState.SENDING:
            row.attempts = (row.attempts or 0) + 1
            row.sent_at = sent_at or now
            row.resolved_at = None
        elif sent_at is not None:
            row.sent_at = sent_at
        if state in (OpState.SUCCEEDED, OpState.FAILED):
            row.resolved_at = now
        return self._answered(row, answer)

    def note_answer(self, op_id: str, answer: GatewayAnswer) -> MoneyOp:
        """Store a gateway answer on the operation without changing its state (a late answer that
        no longer decides it). Code/message change only when given."""
        return self._answered(self._row(op_id, for_update=True), answer)

    # -- helpers -------------------------------------------------------------------------------

    def _answered(self, row: MoneyOpRow, answer: GatewayAnswer) -> MoneyOp:
        """The answer's code and message set on the row (each only when given), flushed, as a record."""
        if answer.code is not None:
            row.gateway_code = answer.code
        if answer.message is not None:
            row.gateway_message = answer.message[:_MAX_MESSAGE]
        self._s.flush()
        return self._op(row)

    def _row(self, op_id: str, *, for_update: bool = False) -> MoneyOpRow:
        stmt = select(MoneyOpRow).where(MoneyOpRow.id == op_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = self._s.scalars(stmt).first()
        if row is None:
            raise not_found(QT_TRANSLATE_NOOP("store", "There is no money operation {op_id}."), op_id=op_id)
        return row

    def _op(self, row: MoneyOpRow) -> MoneyOp:
        return to_op(row, self._currency(row.payment_id))


def to_op(row: MoneyOpRow, currency: str) -> MoneyOp:
    """The frozen record of a row (no session attached)."""
    return record_of(MoneyOp, row, currency, attempts=row.attempts or 0)
