"""The steps of a money operation after its intent is committed: send once, record, resolve.

:class:`OpEngine` is the machinery under :class:`~epay_desktop.services.money_ops.operations.MoneyOperations`
(which decides *whether* an operation may start). Here: the request is sent exactly once; its
outcome is recorded in a new transaction; an unclear outcome is settled by check-status only
(never by re-sending); OperationUpdated/PaymentUpdated are published after every commit.

:class:`InFlight` holds the ids of the operations this process is sending right now (from inside
the intent's transaction until the outcome is recorded). :meth:`OpEngine.resolve` -- and so the
reconciler -- leaves those alone: only their owner records their outcome.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from typing import Protocol

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain.changes import NO_ANSWER
from epay_desktop.domain.changes import GatewayAnswer
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Word
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.settings_catalog import STATUS_LAG_SECONDS
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import EpayError
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import StatusInProgress
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import OperationUpdated
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.services.money_ops import journal
from epay_desktop.services.money_ops.crash_points import FaultPoints
from epay_desktop.services.money_ops.outcomes import Verdict
from epay_desktop.services.money_ops.outcomes import classify_send_error
from epay_desktop.services.money_ops.outcomes import judge
from epay_desktop.services.payments.gateway_map import snapshot_from_status
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = [
    "IN_FLIGHT_NOTE",
    "InFlight",
    "OpEngine",
    "OutcomeNotRecorded",
    "Resolution",
    "StatusRefresher",
    "known_refunded_minor",
]

log = logging.getLogger(__name__)

IN_FLIGHT_NOTE = "being sent by this console right now: left to its sender"


class OutcomeNotRecorded(ConsoleError):
    """The request left for the bank, but its answer could not be recorded: the outcome is unknown.

    ``op`` stays SENDING in the journal; check-status settles it (``epay-desktop reconcile``)."""

    def __init__(self, op: MoneyOp, cause: BaseException) -> None:
        reason = getattr(cause, "reason", None) or _STORE_FAILED
        super().__init__(
            msg(
                "operations",
                QT_TRANSLATE_NOOP(
                    "operations",
                    "The {kind} of {amount} may have reached the bank, but its answer could not be recorded "
                    "({reason}). The outcome is unknown: fix that, then run {command} "
                    "(nothing is sent again; the bank is asked what it did).",
                ),
                kind=journal.KIND_WORD[op.kind],
                amount=op.amount.format(),
                reason=reason,
                command="`epay-desktop reconcile`",
            )
        )
        self.op = op


_STORE_FAILED = Word("operations", QT_TRANSLATE_NOOP("operations", "the database failed"))


class InFlight:
    """The ids of the operations this process is sending right now. Thread-safe: ids are added on
    the database thread (inside the intent's transaction), checked and removed on the loop."""

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self._lock = threading.Lock()

    def add(self, op_id: str) -> None:
        with self._lock:
            self._ids.add(op_id)

    def discard(self, op_id: str) -> None:
        with self._lock:
            self._ids.discard(op_id)

    def __contains__(self, op_id: object) -> bool:
        with self._lock:
            return op_id in self._ids

    def snapshot(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._ids)


class StatusRefresher(Protocol):
    """What money operations need from PaymentService: refresh one payment from check-status."""

    async def refresh_status(
        self, invoice_id: InvoiceId, *, known: Payment | None = None, gate: asyncio.Semaphore | None = None
    ) -> Payment: ...


@dataclass(frozen=True, slots=True)
class Resolution:
    """The result of asking check-status about one operation.

    ``in_flight``: this process is sending the operation right now; it was returned unchanged,
    without asking the gateway (``verdict`` is then PENDING and ``note`` is :data:`IN_FLIGHT_NOTE`).
    """

    op: MoneyOp
    verdict: Verdict
    changed: bool
    note: str = ""
    in_flight: bool = False
    #: what check-status showed (None: no answer, or no transaction) and the console's other refunds
    snapshot: GatewaySnapshot | None = None
    known_refunded_minor: int = 0


@dataclass
class OpEngine:
    """Sends, records and resolves operations. See MoneyOperations for the parameters' meaning."""

    _store: Store
    _gateway: EpayClient
    _payments: StatusRefresher
    _events: EventBus
    _clock: Callable[[], datetime]
    _faults: FaultPoints
    quiet_period: timedelta
    resolve_tries: int
    resolve_delay: float
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    in_flight: InFlight = field(default_factory=InFlight)

    async def execute(self, actor_id: int, started: tuple[MoneyOp, Payment]) -> MoneyOp:
        """Send the committed intent once and follow it to SUCCEEDED, FAILED, UNKNOWN or NEEDS_REVIEW.

        The caller has put the operation in :attr:`in_flight` inside the intent's transaction; it is
        removed here (finally) once the outcome is recorded, before the quick check-status tries.
        Side effects: the request; outcome transaction + audit; payment refresh after success;
        quick check-status tries after an unclear answer; events. A non-gateway exception during
        the send is recorded as UNKNOWN and then re-raised.
        """
        op, payment = started
        try:
            self._events.publish(OperationUpdated(op))
            self._faults.hit("after_intent_commit")
            self._faults.hit("before_send")
            try:
                await self._send(op, payment)
            except Exception as exc:
                outcome = classify_send_error(exc)
                log.warning(
                    "event=money_op_send_failed op=%s kind=%s error=%s", op.id, op.kind, type(exc).__name__
                )
                op = await self._record(op, outcome.state, actor_id, outcome.answer)
                if not isinstance(exc, EpayError):
                    raise
                self._report_gateway(exc)
            else:
                self._faults.hit("after_gateway_ok_before_commit")
                op = await self._record(op, OpState.SUCCEEDED, actor_id, NO_ANSWER)
                self._report_gateway(None)
        finally:
            self.in_flight.discard(op.id)
        log.info("event=money_op_sent op=%s kind=%s state=%s", op.id, op.kind, op.state)
        if op.state is OpState.SUCCEEDED:
            await self._refresh(payment.invoice_id)
        elif op.state is OpState.UNKNOWN:
            op = await self._settle(op)
        return op

    def _report_gateway(self, error: EpayError | None) -> None:
        """Feed the status bar's bank health (PaymentService.report_gateway), where there is one."""
        report = getattr(self._payments, "report_gateway", None)
        if report is not None:
            report(error)

    async def resolve(self, op_id: str) -> Resolution:
        """Ask check-status about ``op_id`` and apply the verdict (see MoneyOperations.resolve).

        An operation in :attr:`in_flight` is returned unchanged without asking (checked again
        inside the write transaction: a manager's retry may have started meanwhile).
        """
        op, payment, known = await self._store.run_read(lambda tx: _op_and_payment(tx, op_id))
        if not op.state.is_unresolved:
            return Resolution(
                op, Verdict.APPLIED if op.state is OpState.SUCCEEDED else Verdict.UNCLEAR, False
            )
        if op_id in self.in_flight:
            return Resolution(op, Verdict.PENDING, False, IN_FLIGHT_NOTE, in_flight=True)
        verdict, snapshot, note = await self._ask_gateway(op, payment, known)
        now = self._clock()

        def apply(tx: Tx) -> tuple[MoneyOp, Payment | None, bool] | MoneyOp:
            if op_id in self.in_flight:
                return tx.operations.get(op_id)
            return journal.apply_verdict(
                tx,
                op_id,
                payment.invoice_id,
                verdict,
                snapshot,
                now=now,
                quiet_period=self.effective_quiet_period(tx),
                note=note,
            )

        applied = await self._store.run_write(apply)
        if isinstance(applied, MoneyOp):
            return Resolution(applied, Verdict.PENDING, False, IN_FLIGHT_NOTE, in_flight=True)
        new_op, new_payment, changed = applied
        if new_payment is not None:
            self._events.publish(PaymentUpdated(new_payment))
        if changed:
            self._events.publish(OperationUpdated(new_op))
        return Resolution(new_op, verdict, changed, note, snapshot=snapshot, known_refunded_minor=known)

    def status_lag(self, tx: Tx) -> timedelta:
        """How late check-status may show an applied operation (shop setting
        ``gateway.status_lag_max_seconds``, decision 0039)."""
        return timedelta(seconds=STATUS_LAG_SECONDS.read_from(tx.settings))

    def effective_quiet_period(self, tx: Tx) -> timedelta:
        """The quiet period before "not applied" leads to NEEDS_REVIEW: never shorter than the
        status lag the shop allows for (decision 0039)."""
        return max(self.quiet_period, self.status_lag(tx))

    # -- steps ---------------------------------------------------------------------------------

    async def _send(self, op: MoneyOp, payment: Payment) -> None:
        transaction_id = payment.transaction_id or ""
        if op.kind is OpKind.REFUND:
            await self._gateway.refund(transaction_id, op.amount, external_id=op.id)
        elif op.kind is OpKind.CHARGE:
            await self._gateway.charge(transaction_id, op.amount)
        else:
            await self._gateway.cancel(transaction_id)

    async def _record(
        self, op: MoneyOp, state: OpState, actor_id: int | None, answer: GatewayAnswer
    ) -> MoneyOp:
        """Record the answer. The request has left: if the store fails now (disk full, read-only, busy,
        damaged), the bank may have applied it, so the outcome is unknown (:class:`OutcomeNotRecorded`,
        exit 3), never a bug; the operation stays SENDING in the journal and check-status settles it
        once (the reconciler, or the next start: docs/reliability.md rule 3; decision 0070)."""
        now = self._clock()
        try:
            new_op, changed = await self._store.run_write(
                lambda tx: journal.record_outcome(tx, op.id, state, now=now, actor_id=actor_id, answer=answer)
            )
        except Exception as exc:
            log.error(
                "event=money_op_outcome_not_recorded op=%s kind=%s answer=%s error=%s",
                op.id,
                op.kind,
                state,
                type(exc).__name__,
                exc_info=exc,
            )
            raise OutcomeNotRecorded(op, exc) from exc
        if changed:
            self._events.publish(OperationUpdated(new_op))
        return new_op

    async def _settle(self, op: MoneyOp) -> MoneyOp:
        """A few quick check-status tries right after an unclear answer."""
        for attempt in range(self.resolve_tries):
            if attempt:
                await self.sleep(self.resolve_delay)
            op = (await self.resolve(op.id)).op
            if op.state is not OpState.UNKNOWN:
                break
        return op

    async def _refresh(self, invoice_id: InvoiceId) -> None:
        try:
            await self._payments.refresh_status(invoice_id)
        except (EpayError, ConsoleError) as exc:
            log.warning("event=refresh_after_op_failed invoice=%s error=%s", invoice_id, type(exc).__name__)

    async def _ask_gateway(
        self, op: MoneyOp, payment: Payment, known_refunded_minor: int = 0
    ) -> tuple[Verdict, GatewaySnapshot | None, str]:
        try:
            result = await self._gateway.check_status(payment.invoice_id)
        except EpayError as exc:
            return Verdict.PENDING, None, _status_check_failed(exc)
        if isinstance(result, StatusInProgress):
            return Verdict.PENDING, None, "the gateway says an operation is still in progress"
        if not isinstance(result, StatusFound):
            return Verdict.UNCLEAR, None, "the gateway has no transaction for this invoice"
        snapshot = snapshot_from_status(result, self._clock())
        return judge(op, snapshot, known_refunded_minor), snapshot, ""


def known_refunded_minor(tx: Tx, payment_id: int, except_op: str | None = None) -> int:
    """What the console's books hold as refunded on a payment besides ``except_op``: its succeeded
    refunds plus the refunds made outside the console that it recorded (payment_events)."""
    succeeded = sum(
        o.amount.minor
        for o in tx.operations.list_for_payment(payment_id)
        if o.kind is OpKind.REFUND and o.state is OpState.SUCCEEDED and o.id != except_op
    )
    return succeeded + tx.payment_events.external_refunded_minor(payment_id)


def _op_and_payment(tx: Tx, op_id: str) -> tuple[MoneyOp, Payment, int]:
    op = tx.operations.get(op_id)
    return op, tx.payments.get(op.payment_id), known_refunded_minor(tx, op.payment_id, op.id)


def _status_check_failed(exc: EpayError) -> str:
    """Why check-status gave no verdict, in words about the check alone: the error's own message speaks
    of the request it failed ("nothing was changed"), which read here as if the operation did nothing."""
    if isinstance(exc, GatewayUnavailable):
        return "check-status failed: the bank could not be reached; the console asks again"
    if exc.http_status is not None:
        return f"check-status failed: the bank answered HTTP {exc.http_status}; the console asks again"
    return "check-status failed: the bank's answer could not be read; the console asks again"
