"""Issue 14, item 3: a card sale's fiscal receipt exactly once, after the bank confirmed it, and a refund's
return naming it; on the gateway sandbox and the fiscal sandbox together, on SQLite and PostgreSQL
(decision 0124). A lost fiscal answer, a crash between the bank step and the fiscal step, two counters at
once: one receipt each time. A shift past 24 hours: the sale stays charged and needs a person. No
provider: nothing is written."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import update

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.services.fiscal import journal
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.store.models import PaymentRow
from epay_desktop.ui.app.main import start_background
from tests.support import ops_harness as h
from tests.support.fiscal_counter import Counter
from tests.support.fiscal_sandbox import registered as _registered
from tests.support.fiscal_sandbox import webkassa_connect as _connect


@pytest.fixture
def fiscal(fiscal_sandbox: RunningFiscalSandbox) -> RunningFiscalSandbox:
    """The session's fiscal sandbox, emptied (tests/conftest.py)."""
    return fiscal_sandbox


async def _no_provider() -> None:
    return None


def _fault(running: RunningFiscalSandbox, path: str, body: object = None) -> None:
    httpx.post(f"{running.base_url}{path}", json=body).raise_for_status()


def test_a_sale_then_a_partial_refund_register_a_receipt_and_a_return_naming_it(world, fiscal):
    counter = Counter(world, _connect(fiscal.base_url))

    async def scenario(svc: h.Services, service: FiscalService) -> tuple[list[FiscalRecord], OpState]:
        payment, _ = await counter.sell(svc, service, "1000")
        op = await svc.ops.refund(world.manager, payment.invoice_id, Money.parse("300"), reason="t")
        await service.drain()
        await svc.payments.refresh_status(payment.invoice_id)  # a later poll: nothing registered again
        await service.reconcile()
        await service.drain()
        return await service.records_of(payment.id), op.state

    records, refund_state = counter.run(scenario)

    assert refund_state is OpState.SUCCEEDED
    sale, ret = records
    assert (sale.kind, sale.state, sale.amount) == (FiscalKind.SALE, FiscalState.REGISTERED, Money(100000))
    assert (ret.kind, ret.state, ret.amount) == (FiscalKind.RETURN, FiscalState.REGISTERED, Money(30000))
    assert sale.receipt is not None and sale.receipt.ticket_url and sale.receipt.registration_number
    receipts = _registered(fiscal)
    assert [(r.external, r.operation) for r in receipts] == [
        (sale.external_number, 2),
        (ret.external_number, 3),
    ]
    basis = receipts[1].basis
    assert basis is not None and basis.fiscal_sign == sale.receipt.check_number == receipts[0].fiscal_sign
    assert basis.registration_number == sale.receipt.registration_number
    assert basis.total == receipts[0].total and not basis.offline


def test_a_lost_fiscal_answer_is_asked_again_with_the_same_number_and_registered_once(world, fiscal):
    counter = Counter(world, _connect(fiscal.base_url, attempts=1))
    _fault(fiscal, "/sandbox/faults", {"operation": "check", "kind": "drop_after_apply", "times": 1})

    async def scenario(
        svc: h.Services, service: FiscalService
    ) -> tuple[list[FiscalRecord], list[FiscalRecord]]:
        payment, lost = await counter.sell(svc, service, "250")
        await service.reconcile()
        return lost, await service.records_of(payment.id)

    (lost,), (after,) = counter.run(scenario)

    assert lost.state is FiscalState.UNKNOWN and lost.attempts == 1 and lost.receipt is None
    assert after.state is FiscalState.REGISTERED and after.external_number == lost.external_number
    assert after.attempts == 2
    assert [r.external for r in _registered(fiscal)] == [lost.external_number]


def test_a_crash_between_the_bank_and_the_fiscal_step_is_completed_by_the_reconcile(world, fiscal):
    crashed_after_intent = world.paid("200")
    now = world.clock()
    with world.store.write() as tx:  # the intent committed, then the process died before asking
        journal.sale_intent(tx, crashed_after_intent.id, now=now)
    world.clock.advance(5)
    crashed_before_intent = world.paid("100")  # the bank charged; the process died before any fiscal row
    refunded = world.paid("300")
    refund = world.run(
        lambda svc: svc.ops.refund(world.manager, refunded.invoice_id, Money.parse("50"), reason="t")
    )
    counter = Counter(world, _connect(fiscal.base_url))

    async def scenario(svc: h.Services, service: FiscalService) -> list[list[FiscalRecord]]:
        await service.reconcile()
        return [
            await service.records_of(p.id) for p in (crashed_before_intent, crashed_after_intent, refunded)
        ]

    before, after, with_refund = counter.run(scenario)

    assert [r.state for r in before] == [FiscalState.REGISTERED]
    assert [r.state for r in after] == [FiscalState.REGISTERED] and after[0].attempts == 1
    assert [(r.kind, r.state) for r in with_refund] == [
        (FiscalKind.SALE, FiscalState.REGISTERED),
        (FiscalKind.RETURN, FiscalState.REGISTERED),
    ]
    assert with_refund[1].money_op_id == refund.id
    assert len(_registered(fiscal)) == 4
    assert counter.run(lambda svc, service: service.reconcile()) == []  # nothing left, nothing again
    assert len(_registered(fiscal)) == 4


def test_two_counters_racing_the_same_sale_register_it_once(world, fiscal, db_url):
    payment = world.paid("400")
    other = h.open_store(db_url)
    try:

        async def race() -> tuple[FiscalRecord | None, FiscalRecord | None]:
            one = FiscalService(world.store, _connect(fiscal.base_url), world.clock)
            two = FiscalService(other, _connect(fiscal.base_url), world.clock)
            try:
                return await asyncio.gather(one.fiscalise_sale(payment.id), two.fiscalise_sale(payment.id))
            finally:
                await one.aclose()
                await two.aclose()

        first, second = asyncio.run(race())
    finally:
        other.close()

    assert first is not None and second is not None and first.id == second.id
    assert first.state is second.state is FiscalState.REGISTERED
    assert [r.external for r in _registered(fiscal)] == [first.external_number]


def test_a_shift_past_24_hours_needs_a_person_and_leaves_the_bank_operation_alone(world, fiscal):
    counter = Counter(world, _connect(fiscal.base_url))

    async def scenario(
        svc: h.Services, service: FiscalService
    ) -> tuple[list[FiscalRecord], ConsoleStatus, int]:
        await counter.sell(svc, service, "100")  # opens the fiscal shift
        await asyncio.to_thread(_fault, fiscal, "/sandbox/shift/expire")
        payment, _ = await counter.sell(svc, service, "700")
        await service.reconcile()  # refused for a person's reason: not asked again by itself
        stored = await svc.payments.refresh_status(payment.invoice_id)
        attention = await world.store.run_read(
            lambda tx: tx.payments.search(PaymentFilter(needs_attention=True), limit=10)
        )
        return await service.records_of(payment.id), stored.status, len(attention)

    (record,), status, attention = counter.run(scenario)

    assert record.state is FiscalState.NEEDS_PERSON and record.last_error == "ShiftOver24Hours"
    assert record.attempts == 1
    assert status is ConsoleStatus.CHARGE  # the sale stands at the bank
    assert attention == 1  # in Needs attention
    assert len(_registered(fiscal)) == 1


def test_without_a_fiscal_provider_nothing_is_written_or_asked(world, fiscal):
    counter = Counter(world, _no_provider)

    async def scenario(
        svc: h.Services, service: FiscalService
    ) -> tuple[list[FiscalRecord], list[FiscalRecord]]:
        payment = await h.paid_payment(svc, world.control, world.cashier, "100")
        await svc.ops.refund(world.manager, payment.invoice_id, Money.parse("10"), reason="t")
        await service.drain()
        return await service.reconcile(), await service.records_of(payment.id)

    assert counter.run(scenario) == ([], [])
    assert _registered(fiscal) == []


@pytest.fixture
def two_step_world(two_step_sandbox: RunningSandbox, db_url: str) -> Iterator[h.World]:
    with h.world_parts(two_step_sandbox.base_url, db_url) as (store, control, manager, cashier):
        yield h.World(store, control, h.Clock(), manager, cashier)


def test_a_two_step_sale_is_fiscalised_at_its_charge_not_at_its_authorisation(two_step_world, fiscal):
    world = two_step_world
    counter = Counter(world, _connect(fiscal.base_url))

    async def scenario(
        svc: h.Services, service: FiscalService
    ) -> tuple[list[FiscalRecord], list[FiscalRecord]]:
        payment, authorised = await counter.sell(svc, service, "600")
        await svc.ops.charge(world.manager, payment.invoice_id)
        await service.drain()
        return authorised, await service.records_of(payment.id)

    authorised, charged = counter.run(scenario)

    assert authorised == []
    assert [(r.kind, r.state, r.amount) for r in charged] == [
        (FiscalKind.SALE, FiscalState.REGISTERED, Money(60000))
    ]
    assert len(_registered(fiscal)) == 1


def test_the_consoles_background_reconcile_registers_what_a_crash_left(world, fiscal):
    """The console's periodic round (``start_background`` of ui/app/main.py, the one the GUI runs) settles
    the fiscal receipts after the bank's operations: a sale charged with no fiscal step is registered."""
    counter = Counter(world, _connect(fiscal.base_url))
    counter.run(lambda svc, service: counter.sell(svc, service, "90"))  # fiscal receipts have begun
    payment = world.paid("150")  # charged at the bank; the process died before the fiscal step

    class Settled(FiscalService):
        rounds = asyncio.Event()

        async def reconcile(self, *, needing_person: bool = False) -> list[FiscalRecord]:
            done = await super().reconcile(needing_person=needing_person)
            self.rounds.set()
            return done

    class Bank:
        last_success_at = None

        async def reconcile_all(self) -> SimpleNamespace:
            return SimpleNamespace(changes=[], problems=[], payments_checked=0)

        async def run_forever(self, stop: asyncio.Event) -> None:
            await stop.wait()

    async def main() -> list[FiscalRecord]:
        service = Settled(world.store, _connect(fiscal.base_url), world.clock)
        bank = Bank()
        ctx = SimpleNamespace(reconciler=bank, poller=bank, fiscal=service, clock=world.clock)
        stop, background = start_background(ctx, reconcile_every=0)  # type: ignore[arg-type]
        try:
            await asyncio.wait_for(service.rounds.wait(), 30)
        finally:
            stop.set()
            await background
            await service.aclose()
        return await service.records_of(payment.id)

    (record,) = asyncio.run(main())
    assert record.state is FiscalState.REGISTERED
    assert [r.external for r in _registered(fiscal)][1:] == [record.external_number]


def test_sales_made_before_fiscal_receipts_began_are_not_registered_afterwards(world, fiscal):
    before = world.paid("100")  # no provider then
    world.clock.advance(5)
    counter = Counter(world, _connect(fiscal.base_url))

    assert counter.run(lambda svc, service: service.reconcile()) == []
    assert _registered(fiscal) == []
    _, (record,) = counter.run(lambda svc, service: counter.sell(svc, service, "200"))
    world.clock.advance(5)
    # a status check (or a refund) touches the older sale after fiscal receipts began: still outside
    touched = update(PaymentRow).where(PaymentRow.id == before.id).values(updated_at=world.clock())
    with world.store.write() as tx:
        tx.session.execute(touched)
    assert counter.run(lambda svc, service: service.reconcile()) == []  # the older sale stays outside
    assert [r.external for r in _registered(fiscal)] == [record.external_number]
    assert before.id != record.payment_id
