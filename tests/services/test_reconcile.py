"""T13: the start-up reconciler against scripted check-status answers, on SQLite and PostgreSQL.

Operations are seeded in every unresolved state, for every kind, and check-status answers each
possible way (applied, not applied, no transaction, in progress, error). Afterwards every operation
is final or NEEDS_REVIEW -- except one sent moments ago, which stays SENDING during the quiet
period (another process may still be sending it) -- nothing is ever FAILED because time passed,
nothing is re-sent, and NEEDS_REVIEW blocks new operations on its payment.

Also: a young SENDING operation of "another process" only moves on "applied" until the quiet
period has passed; an answer arriving after someone else moved the operation is recorded without
deciding it (a refusal never turns UNKNOWN into FAILED; a 2xx still settles it).
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import OperationInProgress
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.changes import OpIntent
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import InvalidRequest
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import StatusInProgress
from epay_desktop.gateway import StatusNotFound
from epay_desktop.gateway import StatusResult
from epay_desktop.gateway.status import parse_transaction
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import OperationUpdated
from epay_desktop.services.money_ops import journal
from epay_desktop.services.money_ops.crash_points import FaultPoints
from epay_desktop.services.money_ops.operations import MoneyOperations
from epay_desktop.services.payments.payment_service import PaymentService
from epay_desktop.services.payments.reconcile import Reconciler
from epay_desktop.store.db import Store
from tests.support import ops_harness as h
from tests.support.builders import new_payment

OUTCOMES = ("applied", "not_applied", "not_found", "in_progress", "error")
STATES = (OpState.SENDING, OpState.UNKNOWN, OpState.NEEDS_REVIEW)
KINDS = (OpKind.REFUND, OpKind.CHARGE, OpKind.CANCEL)


def transaction(invoice: str, status: str, amount: str, payout: str) -> StatusFound:
    data = {
        "id": f"tx-{invoice}",
        "invoiceID": invoice,
        "currency": "KZT",
        "statusName": status,
        "amount": Decimal(amount),
        "orgAmount": Decimal("100"),
        "payoutAmount": Decimal(payout),
    }
    return StatusFound(parse_transaction(data))


def answer_for(kind: OpKind, outcome: str, invoice: str) -> Callable[[], StatusResult]:
    """check-status as the gateway would answer after (not) applying a 30.00 ``kind``."""
    found = {
        (OpKind.REFUND, "applied"): ("CHARGE", "50", "50"),  # base payout 20 + 30
        (OpKind.REFUND, "not_applied"): ("CHARGE", "80", "20"),
        (OpKind.CHARGE, "applied"): ("CHARGE", "30", "0"),
        (OpKind.CHARGE, "not_applied"): ("AUTH", "100", "0"),
        (OpKind.CANCEL, "applied"): ("CANCEL", "100", "0"),
        (OpKind.CANCEL, "not_applied"): ("AUTH", "100", "0"),
    }

    def answer() -> StatusResult:
        if outcome == "not_found":
            return StatusNotFound(invoice)
        if outcome == "in_progress":
            return StatusInProgress(invoice)
        if outcome == "error":
            raise GatewayUnavailable("scripted", operation="check_status", invoice_id=invoice)
        return transaction(invoice, *found[(kind, outcome)])

    return answer


class ScriptedGateway:
    """check-status from a script; any money request is a test failure (the reconciler never sends)."""

    def __init__(self) -> None:
        self.answers: dict[str, Callable[[], StatusResult]] = {}
        self.money_requests: list[str] = []

    async def check_status(self, invoice_id: InvoiceId) -> StatusResult:
        return self.answers[invoice_id.value]()

    async def refund(self, *args: Any, **kwargs: Any) -> None:
        self.money_requests.append("refund")
        raise AssertionError("the reconciler must never send a refund")

    async def charge(self, *args: Any, **kwargs: Any) -> None:
        self.money_requests.append("charge")
        raise AssertionError("the reconciler must never send a charge")

    async def cancel(self, *args: Any, **kwargs: Any) -> None:
        self.money_requests.append("cancel")
        raise AssertionError("the reconciler must never send a cancel")


_numbers = itertools.count(200_001)


def seed(store: Store, user: User, kind: OpKind, state: OpState, sent_at: datetime) -> tuple[Payment, str]:
    """A paid payment (CHARGE with 20.00 refunded for refunds, AUTH otherwise) and a 30.00 op in ``state``."""
    payment = seed_payment(store, user, kind, sent_at)
    with store.write() as tx:
        intent = OpIntent(
            kind,
            Money.parse("30"),
            requested_by=user.id,
            base_payout=payment.payout_amount or Money(0),
            base_status=payment.status,
        )
        op = tx.operations.insert_intent(payment, intent, now=sent_at)
        if state is not OpState.SENDING:
            tx.operations.mark(op.id, state, now=sent_at)
    return payment, op.id


def seed_payment(store: Store, user: User, kind: OpKind, at: datetime) -> Payment:
    """The payment of :func:`seed`, without an operation."""
    invoice = InvoiceId.from_number(next(_numbers))
    refund = kind is OpKind.REFUND
    snapshot = GatewaySnapshot(
        status=ConsoleStatus.CHARGE if refund else ConsoleStatus.AUTH,
        observed_at=at,
        transaction_id=f"tx-{invoice}",
        amount=Money.parse("80" if refund else "100"),
        org_amount=Money.parse("100"),
        payout_amount=Money.parse("20" if refund else "0"),
    )
    with store.write() as tx:
        payment = new_payment(tx, invoice, at=at, created_by=user.id, description="seeded")
        return tx.payments.apply_snapshot(payment.id, snapshot, next_poll_at=None)


def test_every_unresolved_operation_ends_final_or_needs_review(store: Store) -> None:
    """reliability.md T13."""
    manager = h.add_user(store, "Manager", Role.MANAGER)
    clock = h.Clock()
    gateway = ScriptedGateway()
    seeded: dict[tuple[OpKind, OpState, str], tuple[Payment, str]] = {}
    for kind, state, outcome in itertools.product(KINDS, STATES, OUTCOMES):
        payment, op_id = seed(store, manager, kind, state, clock() - timedelta(minutes=5))
        gateway.answers[payment.invoice_id.value] = answer_for(kind, outcome, payment.invoice_id.value)
        seeded[(kind, state, outcome)] = (payment, op_id)
    fresh, fresh_op = seed(store, manager, OpKind.REFUND, OpState.SENDING, clock())  # sent just now
    gateway.answers[fresh.invoice_id.value] = answer_for(OpKind.REFUND, "not_applied", fresh.invoice_id.value)
    bus = EventBus()
    published: list[OpState] = []
    bus.subscribe(OperationUpdated, lambda e: published.append(e.op.state))

    async def main() -> Any:
        payments = PaymentService(store, gateway, bus, clock, register_id="till-1", terminal_id=h.TERMINAL)  # type: ignore[arg-type]
        ops = MoneyOperations(store, gateway, payments, bus, clock, FaultPoints({}), sleep=h.no_sleep)  # type: ignore[arg-type]
        reconciler = Reconciler(store, payments, ops, clock)
        first = await reconciler.reconcile_all()
        second = await reconciler.reconcile_all()
        blocked = seeded[(OpKind.REFUND, OpState.UNKNOWN, "not_applied")][0]
        with pytest.raises(OperationInProgress, match="needs a manager's review"):
            await ops.refund(manager, blocked.invoice_id, Money.parse("10"), reason="blocked")
        return first, second

    first, second = asyncio.run(main())

    with store.read() as tx:
        states = {key: tx.operations.get(op_id).state for key, (_p, op_id) in seeded.items()}
        fresh_state = tx.operations.get(fresh_op).state
        applied_refund = tx.payments.get(seeded[(OpKind.REFUND, OpState.SENDING, "applied")][0].id)
    expected = {
        (kind, state, outcome): OpState.SUCCEEDED if outcome == "applied" else OpState.NEEDS_REVIEW
        for kind, state, outcome in seeded
    }
    assert states == expected
    # "not applied" moments after sending: the request may still be on its way (another process may be
    # sending it), so a young SENDING operation only moves on "applied" (was: SENDING -> UNKNOWN)
    assert fresh_state is OpState.SENDING
    assert gateway.money_requests == []
    assert applied_refund.payout_amount == Money.parse("50")  # the payment follows the gateway

    changed = len([k for k in seeded if k[1] is not OpState.NEEDS_REVIEW or k[2] == "applied"])
    assert len(first.changes) >= changed
    assert f"op:{fresh_op}" not in {c.subject for c in first.changes}
    assert len(first.waiting) == 1 and fresh_op in first.waiting[0]
    assert first.ops_checked == len(seeded) + 1
    assert sorted(published) == sorted(c.after for c in first.changes if c.subject.startswith("op:"))
    line = next(c.line for c in first.changes if c.before == "SENDING" and c.after == "SUCCEEDED")
    assert line.startswith("refund of 30,00") or line.startswith(("charge of 30,00", "cancellation of 30,00"))
    assert any("check-status failed" in p for p in first.problems)
    # a second run changes no operation: NEEDS_REVIEW waits for a manager
    assert [c for c in second.changes if c.subject.startswith("op:")] == []
    assert second.ops_checked == len([s for s in states.values() if s is OpState.NEEDS_REVIEW]) + 1


def test_reconcile_with_nothing_to_do_says_so(store: Store) -> None:
    clock = h.Clock()
    gateway = ScriptedGateway()

    async def main() -> Any:
        bus = EventBus()
        payments = PaymentService(store, gateway, bus, clock, register_id="till-1", terminal_id=h.TERMINAL)  # type: ignore[arg-type]
        ops = MoneyOperations(store, gateway, payments, bus, clock, FaultPoints({}))  # type: ignore[arg-type]
        return await Reconciler(store, payments, ops, clock).reconcile_all()

    report = asyncio.run(main())
    assert report.lines == ["Nothing changed (0 operations and 0 payments checked)."]


# -- live operations and the reconciler -------------------------------------------------------------


def _wire(store: Store, gateway: ScriptedGateway, clock: h.Clock, bus: EventBus | None = None) -> Any:
    """MoneyOperations (quiet period 60 s) and a Reconciler on the scripted gateway; call inside the loop."""
    bus = bus or EventBus()
    payments = PaymentService(store, gateway, bus, clock, register_id="till-1", terminal_id=h.TERMINAL)  # type: ignore[arg-type]
    ops = MoneyOperations(store, gateway, payments, bus, clock, FaultPoints({}), sleep=h.no_sleep)  # type: ignore[arg-type]
    return ops, Reconciler(store, payments, ops, clock)


def _audit_actions(store: Store) -> list[str]:
    with store.read() as tx:
        return [e.action for e in tx.audit.entries()]


@pytest.mark.parametrize("outcome", ["not_applied", "in_progress", "error", "not_found"])
def test_young_sending_op_of_another_process_stays_sending_until_the_quiet_period_has_passed(
    store: Store, outcome: str
) -> None:
    manager = h.add_user(store, "Manager", Role.MANAGER)
    clock = h.Clock()
    gateway = ScriptedGateway()
    # another process committed this intent a moment ago and may be sending it now: nothing sent here
    payment, op_id = seed(store, manager, OpKind.REFUND, OpState.SENDING, clock())
    gateway.answers[payment.invoice_id.value] = answer_for(OpKind.REFUND, outcome, payment.invoice_id.value)

    async def main() -> Any:
        ops, reconciler = _wire(store, gateway, clock)
        first = await reconciler.reconcile_all()
        clock.advance(seconds=119)  # the quiet period (60 s) is stretched to the status lag (120 s)
        second = await reconciler.reconcile_all()
        direct = await ops.resolve(op_id)
        clock.advance(seconds=2)  # now past the quiet period: the usual rules
        third = await reconciler.reconcile_all()
        return first, second, direct, third

    first, second, direct, third = asyncio.run(main())
    for report in (first, second):
        assert report.changes == [] and report.ops_checked == 1 and report.in_flight == []
        assert len(report.waiting) == 1 and op_id in report.waiting[0]
        assert any(line.startswith("left for now: ") for line in report.lines)
    assert direct.state is OpState.SENDING
    assert [(c.subject, c.before, c.after) for c in third.changes] == [
        (f"op:{op_id}", "SENDING", "NEEDS_REVIEW")
    ]
    assert third.waiting == []
    assert gateway.money_requests == []
    assert "refund.unknown" not in _audit_actions(store)


def test_young_sending_op_shown_applied_is_settled_at_once(store: Store) -> None:
    """A crashed process's applied refund does not wait for the quiet period (cf. CLI "done when" (c))."""
    manager = h.add_user(store, "Manager", Role.MANAGER)
    clock = h.Clock()
    gateway = ScriptedGateway()
    payment, op_id = seed(store, manager, OpKind.REFUND, OpState.SENDING, clock())
    gateway.answers[payment.invoice_id.value] = answer_for(OpKind.REFUND, "applied", payment.invoice_id.value)

    async def main() -> Any:
        _ops, reconciler = _wire(store, gateway, clock)
        return await reconciler.reconcile_all()

    report = asyncio.run(main())
    assert [(c.before, c.after) for c in report.changes] == [("SENDING", "SUCCEEDED")]
    assert report.waiting == []
    with store.read() as tx:
        assert tx.operations.get(op_id).state is OpState.SUCCEEDED


class MovedMeanwhile(ScriptedGateway):
    """A refund whose operation another console's reconciler moves while the request is out; then the
    request's answer arrives: ``error`` raised, or a 2xx when it is None."""

    def __init__(self, store: Store, clock: h.Clock, moved_to: OpState, error: Exception | None) -> None:
        super().__init__()
        self.store, self.clock, self.moved_to, self.error = store, clock, moved_to, error

    async def refund(
        self, transaction_id: str, amount: Money | None = None, external_id: str | None = None
    ) -> None:
        self.money_requests.append("refund")
        assert external_id is not None
        with self.store.write() as tx:  # another process, past its quiet period
            tx.operations.mark(external_id, OpState.UNKNOWN, now=self.clock())
            if self.moved_to is OpState.NEEDS_REVIEW:
                tx.operations.mark(external_id, OpState.NEEDS_REVIEW, now=self.clock())
        if self.error is not None:
            raise self.error


def _refusal() -> Exception:
    return InvalidRequest(
        "amount is more than what remains",
        operation="refund",
        http_status=400,
        gateway_code=828,
        user_message="The gateway refused the refund: amount too large.",
    )


@pytest.mark.parametrize("moved_to", [OpState.UNKNOWN, OpState.NEEDS_REVIEW])
def test_definite_refusal_after_someone_moved_the_op_is_recorded_without_deciding_it(
    store: Store, moved_to: OpState, caplog: pytest.LogCaptureFixture
) -> None:
    manager = h.add_user(store, "Manager", Role.MANAGER)
    clock = h.Clock()
    gateway = MovedMeanwhile(store, clock, moved_to, _refusal())
    payment = seed_payment(store, manager, OpKind.REFUND, clock())
    gateway.answers[payment.invoice_id.value] = answer_for(
        OpKind.REFUND, "not_applied", payment.invoice_id.value
    )
    bus = EventBus()
    published: list[OpState] = []
    bus.subscribe(OperationUpdated, lambda e: published.append(e.op.state))

    async def main() -> Any:
        ops, _reconciler = _wire(store, gateway, clock, bus)
        op = await ops.refund(manager, payment.invoice_id, Money.parse("30"), reason="late refusal")
        return op, ops.in_flight

    with caplog.at_level("WARNING", logger="epay_desktop.services.money_ops.journal"):
        op, in_flight = asyncio.run(main())
    assert op.state is moved_to  # never FAILED from UNKNOWN/NEEDS_REVIEW: check-status or a manager decides
    assert op.gateway_code == 828
    assert op.gateway_message is not None and "refused the refund" in op.gateway_message
    assert in_flight == frozenset()
    assert gateway.money_requests == ["refund"]
    actions = _audit_actions(store)
    assert "refund.late_answer" in actions and "refund.failed" not in actions
    assert any("money_op_late_answer" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)
    assert published[0] is OpState.SENDING and OpState.FAILED not in published
    with pytest.raises(OperationInProgress):  # still blocks the payment
        asyncio.run(_refund_again(store, gateway, clock, manager, payment))


async def _refund_again(
    store: Store, gateway: ScriptedGateway, clock: h.Clock, user: User, payment: Payment
) -> Any:
    ops, _reconciler = _wire(store, gateway, clock)
    return await ops.refund(user, payment.invoice_id, Money.parse("10"), reason="again")


@pytest.mark.parametrize("moved_to", [OpState.UNKNOWN, OpState.NEEDS_REVIEW])
def test_owners_success_still_settles_an_op_someone_moved_meanwhile(store: Store, moved_to: OpState) -> None:
    manager = h.add_user(store, "Manager", Role.MANAGER)
    clock = h.Clock()
    gateway = MovedMeanwhile(store, clock, moved_to, None)
    payment = seed_payment(store, manager, OpKind.REFUND, clock())
    gateway.answers[payment.invoice_id.value] = answer_for(OpKind.REFUND, "applied", payment.invoice_id.value)

    async def main() -> Any:
        ops, _reconciler = _wire(store, gateway, clock)
        return await ops.refund(manager, payment.invoice_id, Money.parse("30"), reason="late 2xx")

    op = asyncio.run(main())
    assert op.state is OpState.SUCCEEDED
    assert _audit_actions(store).count("refund.succeeded") == 1


def test_record_outcome_when_the_state_moved_meanwhile(store: Store) -> None:
    manager = h.add_user(store, "Manager", Role.MANAGER)
    clock = h.Clock()
    _payment, op_id = seed(store, manager, OpKind.REFUND, OpState.SENDING, clock())
    now = clock()
    with store.write() as tx:
        op, changed = journal.record_outcome(tx, op_id, OpState.SUCCEEDED, now=now, actor_id=manager.id)
        assert (op.state, changed) == (OpState.SUCCEEDED, True)
        again, changed = journal.record_outcome(tx, op_id, OpState.SUCCEEDED, now=now, actor_id=manager.id)
        assert (again.state, changed) == (OpState.SUCCEEDED, False)  # SUCCEEDED -> SUCCEEDED: a no-op
        late, changed = journal.record_outcome(  # an unclear answer without details: nothing to note
            tx, op_id, OpState.UNKNOWN, now=now, actor_id=manager.id
        )
        assert (late.state, changed) == (OpState.SUCCEEDED, False)
    assert _audit_actions(store).count("refund.succeeded") == 1
