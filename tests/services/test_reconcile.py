"""T13: the start-up reconciler against scripted check-status answers, on SQLite and PostgreSQL.

Operations are seeded in every unresolved state, for every kind, and check-status answers each
possible way (applied, not applied, no transaction, in progress, error). Afterwards every operation
is final or NEEDS_REVIEW -- except one sent moments ago, which stays UNKNOWN during the quiet
period -- nothing is ever FAILED because time passed, nothing is re-sent, and NEEDS_REVIEW blocks
new operations on its payment.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from epay_desktop.domain import (
    ConsoleStatus,
    GatewaySnapshot,
    InvoiceId,
    Money,
    OperationInProgress,
    OpKind,
    OpState,
    Payment,
    Role,
    User,
)
from epay_desktop.gateway import (
    GatewayUnavailable,
    StatusFound,
    StatusInProgress,
    StatusNotFound,
    StatusResult,
)
from epay_desktop.gateway.status import parse_transaction
from epay_desktop.services.events import EventBus, OperationUpdated
from epay_desktop.services.faultpoints import FaultPoints
from epay_desktop.services.operations import MoneyOperations
from epay_desktop.services.payments import PaymentService
from epay_desktop.services.reconcile import Reconciler
from epay_desktop.store.db import Store

sys.path.insert(0, str(Path(__file__).parent / "drivers"))
import ops_harness as h

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
    invoice = InvoiceId.from_number(next(_numbers))
    refund = kind is OpKind.REFUND
    snapshot = GatewaySnapshot(
        status=ConsoleStatus.CHARGE if refund else ConsoleStatus.AUTH,
        observed_at=sent_at,
        transaction_id=f"tx-{invoice}",
        amount=Money.parse("80" if refund else "100"),
        org_amount=Money.parse("100"),
        payout_amount=Money.parse("20" if refund else "0"),
    )
    with store.write() as tx:
        payment = tx.payments.insert(
            invoice,
            Money.parse("100"),
            description="seeded",
            email=None,
            phone=None,
            account_id=None,
            save_card=False,
            language="rus",
            register_id="till-1",
            created_by=user.id,
            now=sent_at,
        )
        payment = tx.payments.apply_snapshot(payment.id, snapshot, next_poll_at=None)
        op = tx.operations.insert_intent(
            payment,
            kind,
            Money.parse("30"),
            requested_by=user.id,
            now=sent_at,
            base_payout_minor=payment.payout_amount.minor if payment.payout_amount else 0,
            base_status=payment.status,
        )
        if state is not OpState.SENDING:
            tx.operations.mark(op.id, state, now=sent_at)
    return payment, op.id


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    store = h.open_store(db_url)
    yield store
    store.close()


def test_T13_every_unresolved_operation_ends_final_or_needs_review(store: Store) -> None:
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
    assert fresh_state is OpState.UNKNOWN  # "not applied" moments after sending: a delayed request may land
    assert gateway.money_requests == []
    assert applied_refund.payout_amount == Money.parse("50")  # the payment follows the gateway

    changed = len([k for k in seeded if k[1] is not OpState.NEEDS_REVIEW or k[2] == "applied"]) + 1
    assert len(first.changes) >= changed
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
