"""``--demo`` data: users, a few hundred past payments, the sandbox ledger and the store agreeing.

No Qt: the demo module is driven with plain ``asyncio.run`` against a sandbox on loopback.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest

from epay_desktop.app import store_of
from epay_desktop.demo import DEMO_USERS
from epay_desktop.demo import bank_only
from epay_desktop.demo import demo_home
from epay_desktop.demo import prepare_demo
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import PaymentStatus
from epay_desktop.domain import Role
from epay_desktop.sandbox import SandboxState
from epay_desktop.services.demo_shift import PAID_LATE
from tests.support.demo_app import demo_app

pytestmark = pytest.mark.timeout(180)


def _everything(app):  # type: ignore[no-untyped-def]
    def read(tx):  # type: ignore[no-untyped-def]
        payments = tx.payments.search(limit=10_000)
        return [(p, tx.operations.list_for_payment(p.id)) for p in payments], tx.users.list()

    return store_of(app).run_read(read)


def test_demo_home_defaults_to_the_user_data_folder(tmp_path: Path) -> None:
    assert demo_home(tmp_path / "x") == (tmp_path / "x").absolute()
    assert demo_home(None).name == "demo"


def test_demo_seeds_once_and_the_ledger_matches_the_store(tmp_path: Path) -> None:
    home = tmp_path / "demo"

    async def first_start():  # type: ignore[no-untyped-def]
        async with demo_app(home) as (app, sandbox):
            summary = await prepare_demo(app, sandbox.state, seed=7)
            everything, users = await _everything(app)
            shift = await app.shifts.current()
            assert shift is not None
            # the history; today's open shift has tests of its own (tests/e2e/test_demo_shift.py)
            stored = [(p, ops) for p, ops in everything if p.created_at < shift.opened_at]
            assert all(op.created_at < shift.opened_at for _, ops in stored for op in ops)
            # real calls through the gateway client, on seeded payments
            charged = next(
                p for p, _ in stored if p.status is ConsoleStatus.CHARGE and p.amount.minor >= 5_000
            )
            refreshed = await app.payments.refresh_status(charged.invoice_id)
            manager = await app.users.authenticate("Данияр", "2222")
            refund = await app.operations.refund(manager, charged.invoice_id, Money(1_000), reason="demo")
            login = await app.users.authenticate("Айгерим", "1111")
        return summary, stored, users, sandbox.state, refreshed, charged, refund, login

    summary, stored, users, state, refreshed, charged, refund, cashier = asyncio.run(first_start())
    assert summary.seeded_now and 300 <= len(stored) <= 500 and summary.payments > len(stored)
    assert {(u.name, u.role) for u in users} == {(d.name, d.role) for d in DEMO_USERS}
    assert cashier.role is Role.CASHIER
    statuses = Counter(p.status for p, _ in stored)
    assert statuses[ConsoleStatus.CHARGE] > 200
    assert statuses[ConsoleStatus.REFUND] >= 1 and statuses[ConsoleStatus.REJECT] >= 10
    assert statuses[ConsoleStatus.AUTH] == 2 and statuses[ConsoleStatus.CANCEL] == 1
    partly = [p for p, _ in stored if p.status is ConsoleStatus.CHARGE and p.payout_amount]
    assert partly, "some payments are refunded in part"
    assert len({p.created_at.date() for p, _ in stored}) > 40  # spread over the last 60 days
    assert len({p.created_by for p, _ in stored}) == 3
    assert any(any(ch in p.description for ch in "әқңөұүі") for p, _ in stored)  # Kazakh
    assert any("Молоко" in p.description or "Кофе" in p.description for p, _ in stored)  # Russian

    # the sandbox ledger says what the store says, payment by payment
    ledger = {t.invoice_id: t for t in state.ledger.all()}
    with_txn = [(p, ops) for p, ops in stored if p.transaction_id]
    assert len(with_txn) < len(ledger)  # and the shift's, one the console does not know was paid
    for payment, ops in with_txn:
        txn = ledger[payment.invoice_id.value]
        assert txn.id == payment.transaction_id
        assert txn.status is PaymentStatus(payment.status.value)
        assert txn.org_amount == payment.amount.minor
        if payment.invoice_id == charged.invoice_id:
            continue  # refunded live below, after `stored` was read
        succeeded = [op for op in ops if op.state is OpState.SUCCEEDED]
        refunds = [op for op in succeeded if op.kind is OpKind.REFUND]
        assert txn.payout_amount == sum(op.amount.minor for op in refunds)
        assert txn.payout_amount == (payment.payout_amount or Money(0)).minor
        assert txn.amount == (payment.gateway_amount or Money(0)).minor
        assert [o.external_id for o in txn.operations if o.kind == "refund"] == [op.id for op in refunds]
    assert refreshed.status is ConsoleStatus.CHARGE and refreshed.gateway_amount == charged.gateway_amount
    assert refund.state is OpState.SUCCEEDED
    assert ledger[charged.invoice_id.value].payout_amount == 1_000

    async def second_start():  # type: ignore[no-untyped-def]
        async with demo_app(home) as (app, sandbox):
            again = await prepare_demo(app, sandbox.state, seed=8)
            after = await app.payments.refresh_status(charged.invoice_id)
        return again, after, sandbox.state

    again, after, state2 = asyncio.run(second_start())
    assert not again.seeded_now and again.payments == summary.payments  # seeded once per folder
    assert after.payout_amount == Money(1_000)  # the refund made last time is in the rebuilt ledger
    txn = {t.invoice_id: t for t in state2.ledger.all()}[charged.invoice_id.value]
    assert [o.external_id for o in txn.operations if o.kind == "refund"] == [refund.id]


def test_mirror_skips_payments_the_gateway_never_saw(tmp_path: Path) -> None:
    async def go():  # type: ignore[no-untyped-def]
        async with demo_app(tmp_path / "d") as (app, sandbox):
            await prepare_demo(app, sandbox.state, count=40, seed=3)
            stored, _ = await _everything(app)
        return stored, sandbox.state

    stored, state = asyncio.run(go())
    assert isinstance(state, SandboxState)
    expired = [p for p, _ in stored if p.status is ConsoleStatus.EXPIRED]
    known = {t.invoice_id for t in state.ledger.all()}
    paid_late = {e.invoice_id for e in bank_only(tmp_path / "d") if e.kind == PAID_LATE}
    assert len(paid_late) == 1 and paid_late <= known  # the bank's side of today's shift: it was paid
    assert all(p.invoice_id.value not in known for p in expired if p.invoice_id.value not in paid_late)
