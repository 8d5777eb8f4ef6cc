"""Charge, cancel and refund exactly once (docs/reliability.md rules 1-7).

Every operation goes through the same steps:

1. one write transaction (:func:`journal.begin_intent`): lock the payment, permission (a
   manager, or a cashier whose manager approval is consumed right here), an open shift where the
   shop works in shifts (:meth:`MoneyOperations.require_shift`), the money rules, the intent row in
   state SENDING, the audit entry -- committed before any byte leaves;
2. the request, sent once (a refund's externalID is the operation id);
3. its outcome, recorded in a NEW transaction: 2xx -> SUCCEEDED (then the payment is refreshed
   from check-status, best effort); a proven refusal -> FAILED; anything unclear -> UNKNOWN, then
   check-status is asked a couple of times at once (:meth:`MoneyOperations.resolve`).

While an operation is being sent (from inside step 1's transaction until its outcome is
recorded) its id is in :attr:`MoneyOperations.in_flight`; :meth:`MoneyOperations.resolve` and the
reconciler leave it alone then. A SENDING operation not in flight here (a crashed process's, or
another counter's on a shared database) only moves on "applied" until the quiet period since it
was sent has passed.

An UNKNOWN operation is never re-sent automatically. It becomes SUCCEEDED when check-status shows
its effect, and NEEDS_REVIEW when the gateway shows nothing after a quiet period or something we
cannot attribute. A manager then reviews it: "retry" re-sends with the same externalID (only after
check-status proves it was not applied), "abandon" marks it FAILED. Both are audited.

:class:`~epay_desktop.services.events.OperationUpdated` is published after every committed change.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Literal

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import RuleViolation
from epay_desktop.domain import User
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.rules import check_cancel
from epay_desktop.domain.rules import check_charge
from epay_desktop.domain.rules import check_refund
from epay_desktop.domain.rules import op_state_words
from epay_desktop.domain.rules import status_words
from epay_desktop.domain.settings_catalog import REFUND_WINDOW_DAYS
from epay_desktop.domain.text import FIELD_REASON
from epay_desktop.domain.text import check_text
from epay_desktop.gateway import EpayClient
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import OperationUpdated
from epay_desktop.services.money_ops import journal
from epay_desktop.services.money_ops.crash_points import FaultPoints
from epay_desktop.services.money_ops.engine import IN_FLIGHT_NOTE
from epay_desktop.services.money_ops.engine import OpEngine
from epay_desktop.services.money_ops.engine import Resolution
from epay_desktop.services.money_ops.engine import StatusRefresher
from epay_desktop.services.money_ops.journal import OpRequest
from epay_desktop.services.money_ops.outcomes import Verdict
from epay_desktop.services.money_ops.outcomes import refund_base_minor
from epay_desktop.services.money_ops.outcomes import shows_effect
from epay_desktop.services.payments.queries import payment_by_invoice
from epay_desktop.services.shifts.required import require_open_shift
from epay_desktop.services.shifts.required import told_when_refused
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = ["IN_FLIGHT_NOTE", "MoneyOperations", "Resolution", "StatusRefresher"]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class MoneyOperations:
    """Charge, cancel, refund, resolve and review. Create it inside the running event loop.

    ``quiet_period``: how long after sending a "not applied" answer is still not trusted.
    ``resolve_tries`` / ``resolve_delay``: the quick check-status tries right after an unclear answer.
    ``register_id``: this counter's register (``EPAYMENT_REGISTER``), recorded on every operation it
    asks so the operation counts in that register's shift (decision 0119); None: at the payment's.
    """

    def __init__(
        self,
        store: Store,
        gateway: EpayClient,
        payments: StatusRefresher,
        events: EventBus,
        clock: Callable[[], datetime] = _utcnow,
        faults: FaultPoints | None = None,
        *,
        quiet_period: timedelta = timedelta(seconds=60),
        resolve_tries: int = 2,
        resolve_delay: float = 0.5,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        register_id: str | None = None,
    ) -> None:
        self._store = store
        self._register_id = register_id
        self._clock = clock
        self._events = events
        self._engine = OpEngine(
            _store=store,
            _gateway=gateway,
            _payments=payments,
            _events=events,
            _clock=clock,
            _faults=faults if faults is not None else FaultPoints(),
            quiet_period=quiet_period,
            resolve_tries=resolve_tries,
            resolve_delay=resolve_delay,
            sleep=sleep,
        )

    @property
    def events(self) -> EventBus:
        """The bus this object publishes on (the reconciler's books check publishes there too)."""
        return self._events

    @property
    def register_id(self) -> str | None:
        """The register every operation asked here is recorded at (None: at the payment's)."""
        return self._register_id

    @property
    def quiet_period(self) -> timedelta:
        """How long after sending a "not applied" answer is still not trusted."""
        return self._engine.quiet_period

    @property
    def in_flight(self) -> frozenset[str]:
        """The ids of the operations this object is sending right now (a snapshot)."""
        return self._engine.in_flight.snapshot()

    def is_in_flight(self, op_id: str) -> bool:
        """Whether this object is sending operation ``op_id`` right now."""
        return op_id in self._engine.in_flight

    async def require_shift(self, invoice_id: InvoiceId, kind: OpKind) -> None:
        """ShiftRequired when the shop works in shifts and the register that would count a ``kind`` of
        ``invoice_id`` (this one; None: the payment's) has none open. The front ends ask it before a
        manager approves a cashier's operation, so no approval is given for an operation refused for
        want of a shift (decision 0132); the intent's own transaction checks again. NotFoundError. A
        refusal is told on the bus (``ShiftFoundClosed``, decision 0167)."""

        def check(tx: Tx) -> None:
            register = self._register_id or payment_by_invoice(tx, invoice_id).register_id
            require_open_shift(tx, register, kind)

        with told_when_refused(self._events):
            await self._store.run_read(check)

    async def _start(self, actor_id: int, work: Callable[[Tx], tuple[MoneyOp, Payment]]) -> MoneyOp:
        """Commit ``work`` (writes a SENDING operation), then send it with the engine.

        The operation is put in flight inside the transaction, so no resolve() of this process can
        see it SENDING without it being in flight. If the commit fails or the caller is cancelled
        while it runs, the id is taken out again (a committed but unsent intent is then settled by
        the reconciler like a crashed process's).
        """
        in_flight = self._engine.in_flight
        lock = threading.Lock()
        claimed: list[str] = []
        given_up = False

        def begin(tx: Tx) -> tuple[MoneyOp, Payment]:
            op, payment = work(tx)
            with lock:
                if not given_up:
                    in_flight.add(op.id)
                    claimed.append(op.id)
            return op, payment

        try:
            started = await self._store.run_write(begin)
        except BaseException:
            with lock:
                given_up = True
                for op_id in claimed:
                    in_flight.discard(op_id)
            raise
        return await self._engine.execute(actor_id, started)

    async def _send_once(
        self, actor: User, request: OpRequest, decide: Callable[[Tx], journal.Decide], *, now: datetime
    ) -> MoneyOp:
        """Write the intent ``request`` asks for (:func:`journal.begin_intent`, whose rule check is
        ``decide(tx)``) and send it with :meth:`_start`: the one way refund, charge and cancel go. A
        refusal for want of a shift is told on the bus (``ShiftFoundClosed``, decision 0167)."""

        def begin(tx: Tx) -> tuple[MoneyOp, Payment]:
            return journal.begin_intent(
                tx, request, actor=actor, decide=decide(tx), now=now, register_id=self._register_id
            )

        with told_when_refused(self._events):
            return await self._start(actor.id, begin)

    # -- the three operations --------------------------------------------------------------------

    async def refund(
        self,
        actor: User,
        invoice_id: InvoiceId,
        amount: Money | None = None,
        *,
        reason: str,
        expected_remaining: Money | None = None,
        approval_id: str | None = None,
    ) -> MoneyOp:
        """Refund ``amount`` (None: all that remains) of a charged payment, exactly once.

        Side effects: intent + audit committed, ``POST /operation/{id}/refund?amount=&externalID=<op id>``,
        outcome committed, payment refreshed, events published. Returns the operation as it stands
        (SUCCEEDED, FAILED with the reason in ``gateway_message``, UNKNOWN or NEEDS_REVIEW). Raises
        before sending: NotFoundError, PermissionDenied, ShiftRequired (the shop works in shifts and
        none is open at the register: :meth:`require_shift`), ApprovalError, RuleViolation, StaleRemaining
        (``expected_remaining`` is not the current remainder), OperationInProgress; TextError (a reason
        too long or with control or text-direction characters).
        """
        check_text(reason, FIELD_REASON)
        now = self._clock()

        def decide(tx: Tx) -> journal.Decide:
            window = _window_days(tx)

            def refundable(p: Payment, ops: list[MoneyOp]) -> Money:
                external = tx.payment_events.external_refunded_minor(p.id)
                return check_refund(p, ops, amount, expected_remaining, now, window, external)

            return refundable

        request = OpRequest(OpKind.REFUND, invoice_id, reason, expected_remaining, approval_id)
        return await self._send_once(actor, request, decide, now=now)

    async def charge(
        self,
        actor: User,
        invoice_id: InvoiceId,
        amount: Money | None = None,
        *,
        approval_id: str | None = None,
    ) -> MoneyOp:
        """Capture a held (AUTH) payment, fully (None) or in part, exactly once.

        ``POST /operation/{id}/charge?amount=``. Side effects, result and errors as for :meth:`refund`.
        """
        return await self._send_once(
            actor,
            OpRequest(OpKind.CHARGE, invoice_id, approval_id=approval_id),
            lambda _tx: lambda p, ops: check_charge(p, ops, amount),
            now=self._clock(),
        )

    async def cancel(self, actor: User, invoice_id: InvoiceId, *, approval_id: str | None = None) -> MoneyOp:
        """Release a held (AUTH) payment in full, exactly once.

        ``POST /operation/{id}/cancel``. Side effects, result and errors as for :meth:`refund`.
        """
        return await self._send_once(
            actor,
            OpRequest(OpKind.CANCEL, invoice_id, approval_id=approval_id),
            lambda _tx: check_cancel,
            now=self._clock(),
        )

    # -- resolution and review -------------------------------------------------------------------

    async def resolve(self, op_id: str) -> MoneyOp:
        """Ask check-status now and move the operation if the answer allows (see outcomes).

        Side effects: the payment's stored gateway fields follow the answer; state change audited;
        events published. A final operation, and one this object is sending right now
        (:meth:`is_in_flight`), is returned unchanged without a request. A SENDING operation sent
        less than the quiet period ago only moves on "applied" (someone may still be sending it).
        Gateway errors are not raised: the operation stays as it is (NEEDS_REVIEW once the quiet
        period is over). Raises NotFoundError for an unknown id.
        """
        return (await self.resolve_verbose(op_id)).op

    async def resolve_verbose(self, op_id: str) -> Resolution:
        """:meth:`resolve`, also telling the verdict, a note and ``in_flight`` (for the reconciler)."""
        return await self._engine.resolve(op_id)

    async def review(
        self, actor: User, op_id: str, decision: Literal["retry", "abandon", "applied"]
    ) -> MoneyOp:
        """A manager's decision on a NEEDS_REVIEW operation (check-status is asked first).

        If the gateway now shows the operation applied, it becomes SUCCEEDED whatever the decision.
        "retry": only when check-status proves it was not applied AND the status lag the shop allows
        for (setting ``gateway.status_lag_max_seconds``, decision 0039) has passed since it was last
        sent; re-sent with the same id (same externalID), then handled like a new request.
        "abandon": FAILED, refused while check-status cannot answer, while the bank shows an effect
        that may be this operation's, and inside the status-lag window. "applied": the manager found
        the operation in the bank's records (merchant cabinet) while check-status shows an effect that
        may be it but cannot be attributed (e.g. the refunded total rose by more than this refund):
        SUCCEEDED; any rest is then found by the books check as an outside refund (decision 0038).
        All audited with the manager's id. Raises PermissionDenied (not an active manager as stored now:
        the decision's own transaction checks, as refund, charge and cancel do), RuleViolation
        (not under review, or the bank's answer does not allow the decision: the message says why
        and what to do), ValueError (unknown decision).
        """
        if decision not in ("retry", "abandon", "applied"):
            raise ValueError(f"unknown review decision {decision!r}")
        if not actor.role.can_move_money:  # before asking the bank; the decision's transaction checks again
            raise PermissionDenied(journal.REVIEW_REFUSAL)
        resolution = await self.resolve_verbose(op_id)
        op = resolution.op
        if op.state is not OpState.NEEDS_REVIEW:
            if op.state is OpState.SUCCEEDED and resolution.changed:
                return op
            raise RuleViolation(
                msg(
                    "operations",
                    QT_TRANSLATE_NOOP(
                        "operations", "This operation is {op_state}, not waiting for a review."
                    ),
                    op_state=op_state_words(op.state),
                )
            )
        now = self._clock()
        lag = await self._store.run_read(self._engine.status_lag)
        ready_at = (op.sent_at or op.created_at) + lag
        if decision == "applied":
            if not shows_effect(op, resolution.snapshot, resolution.known_refunded_minor):
                raise RuleViolation(
                    msg(
                        "operations",
                        QT_TRANSLATE_NOOP(
                            "operations",
                            "The bank's answer does not show this {kind} applied, so it cannot be marked "
                            "done. If the bank shows nothing of it, choose abandon (or retry once the bank "
                            "proves it was not applied).",
                        ),
                        kind=journal.KIND_WORD[op.kind],
                    )
                )
            note = "Marked applied by a manager after checking the bank's records."
            op = await self._store.run_write(
                lambda tx: journal.confirm_applied(tx, op_id, actor=actor, now=now, note=note)
            )
            self._events.publish(OperationUpdated(op))
            return op
        if decision == "abandon":
            _check_abandon(op, resolution, now, ready_at, lag)
            note = f"Abandoned by a manager after review ({resolution.verdict.value} at the gateway)."
            op = await self._store.run_write(
                lambda tx: journal.abandon(tx, op_id, actor=actor, now=now, note=note)
            )
            self._events.publish(OperationUpdated(op))
            return op
        if resolution.verdict is not Verdict.NOT_APPLIED:
            raise RuleViolation(
                msg(
                    "operations",
                    QT_TRANSLATE_NOOP(
                        "operations",
                        "The gateway cannot confirm that this operation was not applied, so sending it "
                        "again could move the money twice. Check the payment in the bank's merchant "
                        "cabinet; if nothing happened there, choose abandon and start a new operation.",
                    ),
                )
            )
        if now < ready_at:
            raise _lag_refusal(op, now, ready_at, lag)
        return await self._start(
            actor.id, lambda tx: journal.reopen_for_retry(tx, op_id, actor=actor, now=now)
        )


def _lag_refusal(op: MoneyOp, now: datetime, ready_at: datetime, lag: timedelta) -> RuleViolation:
    """The bank may still show ``op`` late: no decision before ``ready_at`` (decision 0039)."""
    wait = max(int((ready_at - now).total_seconds() + 0.999), 1)
    return RuleViolation(
        msg(
            "operations",
            QT_TRANSLATE_NOOP(
                "operations",
                "The bank may show a {kind} up to {lag_seconds} seconds late, and this one was sent "
                'less than that ago: "not applied" cannot be trusted yet. Decide again in '
                "{wait_seconds} seconds.",
            ),
            kind=journal.KIND_WORD[op.kind],
            lag_seconds=int(lag.total_seconds()),
            wait_seconds=wait,
        )
    )


def _check_abandon(
    op: MoneyOp, resolution: Resolution, now: datetime, ready_at: datetime, lag: timedelta
) -> None:
    """Refuse "abandon" unless the bank answered and shows nothing that may be this operation's
    effect, and the status lag since it was sent has passed. Raises RuleViolation saying why."""
    kind = journal.KIND_WORD[op.kind]
    if resolution.verdict is Verdict.PENDING:
        raise RuleViolation(
            msg(
                "operations",
                QT_TRANSLATE_NOOP(
                    "operations",
                    "The bank cannot say now whether this {kind} was applied ({why}), so abandoning it "
                    "could hide money that moved. Try again once the bank answers (it is asked again "
                    "at every reconciliation), or check the payment in the bank's merchant cabinet.",
                ),
                kind=kind,
                why=resolution.note or "no answer",
            )
        )
    if shows_effect(op, resolution.snapshot, resolution.known_refunded_minor):
        snapshot = resolution.snapshot
        assert snapshot is not None  # shows_effect is False without one
        if op.kind is OpKind.REFUND:
            payout = snapshot.payout_amount or Money.zero(op.amount.currency)
            base = Money(refund_base_minor(op, resolution.known_refunded_minor), op.amount.currency)
            raise RuleViolation(
                msg(
                    "operations",
                    QT_TRANSLATE_NOOP(
                        "operations",
                        "The bank shows {bank_refunded} refunded on this payment, at least this refund "
                        "of {amount} more than the {base} refunded before it: the refund may have been "
                        "applied, so it cannot be abandoned. Compare the payment with the bank's merchant "
                        "cabinet: if it lists this refund, mark it applied; the difference stays in Needs "
                        "attention until a manager resolves it.",
                    ),
                    bank_refunded=payout.format(),
                    amount=op.amount.format(),
                    base=base.format(),
                )
            )
        raise RuleViolation(
            msg(
                "operations",
                QT_TRANSLATE_NOOP(
                    "operations",
                    "The bank shows this payment {payment_status}: the {kind} may have been applied, so "
                    "it cannot be abandoned. Check the payment in the bank's merchant cabinet.",
                ),
                payment_status=status_words(snapshot.status),
                kind=kind,
            )
        )
    if now < ready_at:
        raise _lag_refusal(op, now, ready_at, lag)


def _window_days(tx: Tx) -> int:
    """The shop's refund window (setting ``refund.window_days``, default 180)."""
    return REFUND_WINDOW_DAYS.read_from(tx.settings)
