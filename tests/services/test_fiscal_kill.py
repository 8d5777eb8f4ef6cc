"""Issue 14's exactly-once fiscal receipts under a real kill -9 (docs/stress.md, "Fiscal receipts under
kill -9", F1-F4), on SQLite and PostgreSQL, with the gateway sandbox and the fiscal sandbox in this process.

A counter (a child process forked from the preloaded forkserver, tests/support/fiscal_kill_driver.py)
registers a fiscal receipt with a named crash point armed and SIGKILLs itself there: after the intent is
committed and before the provider is asked, or after the provider registered the receipt and before its
answer is recorded (a lost answer in its hardest form). The next start (a new store, new services) runs
the fiscal reconcile: the fiscal register holds ONE receipt with that ExternalCheckNumber, the journal says
registered with that receipt's fiscal sign, and a partial refund afterwards registers a return naming the
sale. Two counters reconciling the same killed sale at the same instant still make one receipt.
"""

from __future__ import annotations

import signal
import sys
from contextlib import closing
from typing import Any

import pytest

from epay_desktop.domain import Money
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.services.fiscal import journal
from tests.support import ops_harness as h
from tests.support.fiscal_counter import Counter
from tests.support.fiscal_kill_driver import fiscalise
from tests.support.fiscal_kill_driver import reconcile_together
from tests.support.fiscal_sandbox import registered
from tests.support.fiscal_sandbox import webkassa_connect
from tests.support.forkserver import forkserver as preloaded_forkserver

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="forkserver and SIGKILL are POSIX")

KILLED = -getattr(signal, "SIGKILL", signal.SIGTERM)
#: The longest a child may run (it takes well under a second): longer is a hang, and the test fails.
CHILD_LIMIT = 120.0
BEFORE_ASKING = "fiscal_after_intent_commit"
AFTER_REGISTERING = "fiscal_after_registered_before_commit"


@pytest.fixture(scope="module")
def forkserver() -> Any:
    return preloaded_forkserver()


class Counters:
    """Children forked from the preloaded forkserver on the test's database, and the next start."""

    def __init__(self, world: h.World, fiscal: RunningFiscalSandbox, context: Any, db_url: str) -> None:
        self.world, self.fiscal, self.context, self.db_url = world, fiscal, context, db_url

    def run(self, *children: tuple[Any, tuple[Any, ...]]) -> list[int | None]:
        """Start every ``(target, args)`` child at once and wait for each to end; their exit codes."""
        started = [self.context.Process(target=t, args=args, daemon=True) for t, args in children]
        for child in started:
            child.start()
        for child in started:
            child.join(CHILD_LIMIT)
            if child.is_alive():
                child.kill()
                child.join()
                pytest.fail(f"a counter was still running {CHILD_LIMIT:.0f} s after it started (a hang?)")
        return [child.exitcode for child in started]

    def killed_while_fiscalising(self, kind: str, key: int | str, fault: str) -> FiscalRecord:
        """A counter registering the ``kind`` receipt of ``key`` killed at ``fault``: the record it left."""
        args = (self.db_url, self.fiscal.base_url, kind, key, fault)
        assert self.run((fiscalise, args)) == [KILLED]
        with self.world.store.read() as tx:
            records = tx.fiscal.list_for_payment(self.payment_of(kind, key))
        [left] = [r for r in records if r.kind is FiscalKind(kind)]
        return left

    def payment_of(self, kind: str, key: int | str) -> int:
        if kind == "sale":
            return int(key)
        with self.world.store.read() as tx:
            return tx.operations.get(str(key)).payment_id

    def next_start(self, scenario: Any) -> Any:
        """``scenario(svc, service)`` on a new store on the same database: the console started again."""
        with closing(h.open_store(self.db_url)) as store:
            return Counter(self.world, webkassa_connect(self.fiscal.base_url), store).run(scenario)


@pytest.fixture
def counters(world: h.World, fiscal_sandbox: RunningFiscalSandbox, forkserver: Any, db_url: str) -> Counters:
    return Counters(world, fiscal_sandbox, forkserver, db_url)


def _only(running: RunningFiscalSandbox, number: str) -> Any:
    """The fiscal register's one receipt with the ExternalCheckNumber ``number`` (fails on none or two)."""
    [receipt] = [r for r in registered(running) if r.external == number]
    return receipt


@pytest.mark.parametrize("fault", [BEFORE_ASKING, AFTER_REGISTERING])
def test_a_sale_killed_at_a_fiscal_point_is_registered_once_by_the_next_start_and_a_refund_names_it(
    world: h.World, fiscal_sandbox: RunningFiscalSandbox, counters: Counters, fault: str
) -> None:
    """docs/stress.md F1 and F2."""
    payment = world.paid("1000")  # the bank charged it; the fiscal step runs in the counter below
    number = journal.sale_number(payment.invoice_id)

    left = counters.killed_while_fiscalising("sale", payment.id, fault)

    assert (left.external_number, left.state, left.attempts, left.receipt) == (
        number,
        FiscalState.INTENT,
        0,
        None,
    )
    asked = fault == AFTER_REGISTERING  # the provider registered it; the answer died with the process
    assert [r.external for r in registered(fiscal_sandbox)] == ([number] if asked else [])

    async def restart(svc: h.Services, service: Any) -> tuple[list[FiscalRecord], Any, list[FiscalRecord]]:
        touched = await service.reconcile()
        refund = await svc.ops.refund(world.manager, payment.invoice_id, Money.parse("300"), reason="t")
        await service.drain()
        return touched, refund, await service.records_of(payment.id)

    touched, refund, (sale, ret) = counters.next_start(restart)

    receipt = _only(fiscal_sandbox, number)
    assert [r.external_number for r in touched] == [number]
    assert (sale.state, sale.attempts, sale.amount) == (FiscalState.REGISTERED, 1, Money(100000))
    assert sale.receipt is not None and sale.receipt.check_number == receipt.fiscal_sign
    assert (ret.kind, ret.state, ret.money_op_id, ret.amount) == (
        FiscalKind.RETURN,
        FiscalState.REGISTERED,
        refund.id,
        Money(30000),
    )
    returned = _only(fiscal_sandbox, journal.return_number(refund.id))
    assert returned.operation == 3 and ret.receipt is not None
    assert ret.receipt.check_number == returned.fiscal_sign
    assert returned.basis is not None and returned.basis.fiscal_sign == receipt.fiscal_sign
    assert len(registered(fiscal_sandbox)) == 2
    assert counters.next_start(lambda svc, service: service.reconcile()) == []  # nothing left, nothing again
    assert len(registered(fiscal_sandbox)) == 2


def test_a_return_killed_after_the_provider_registered_it_is_recorded_once_naming_the_sale(
    world: h.World, fiscal_sandbox: RunningFiscalSandbox, counters: Counters
) -> None:
    """docs/stress.md F3."""
    counter = Counter(world, webkassa_connect(fiscal_sandbox.base_url))
    payment, (sale,) = counter.run(lambda svc, service: counter.sell(svc, service, "500"))
    refund = world.run(  # the bank refunded; the fiscal step runs in the counter below
        lambda svc: svc.ops.refund(world.manager, payment.invoice_id, Money.parse("120"), reason="t")
    )
    number = journal.return_number(refund.id)

    left = counters.killed_while_fiscalising("return", refund.id, AFTER_REGISTERING)

    assert (left.external_number, left.state, left.receipt) == (number, FiscalState.INTENT, None)
    assert [r.external for r in registered(fiscal_sandbox)] == [sale.external_number, number]

    touched = counters.next_start(lambda svc, service: service.reconcile())

    [ret] = touched
    returned = _only(fiscal_sandbox, number)
    assert (ret.external_number, ret.state, ret.attempts) == (number, FiscalState.REGISTERED, 1)
    assert ret.receipt is not None and ret.receipt.check_number == returned.fiscal_sign
    assert sale.receipt is not None and returned.basis is not None
    assert returned.basis.fiscal_sign == sale.receipt.check_number
    assert len(registered(fiscal_sandbox)) == 2


@pytest.mark.parametrize("fault", [BEFORE_ASKING, AFTER_REGISTERING])
def test_two_counters_reconciling_the_same_killed_sale_at_once_register_one_receipt(
    world: h.World, fiscal_sandbox: RunningFiscalSandbox, counters: Counters, forkserver: Any, fault: str
) -> None:
    """docs/stress.md F4."""
    payment = world.paid("400")
    number = journal.sale_number(payment.invoice_id)
    counters.killed_while_fiscalising("sale", payment.id, fault)
    barrier, answers = forkserver.Barrier(2), forkserver.SimpleQueue()

    args = (counters.db_url, fiscal_sandbox.base_url, barrier, answers)
    assert counters.run((reconcile_together, args), (reconcile_together, args)) == [0, 0]

    receipt = _only(fiscal_sandbox, number)
    assert len(registered(fiscal_sandbox)) == 1
    told = [answers.get(), answers.get()]
    # each counter found the record open and answered it registered (or found it registered already)
    assert [(number, FiscalState.REGISTERED.value, receipt.fiscal_sign)] in told
    assert all(t in ([], [(number, FiscalState.REGISTERED.value, receipt.fiscal_sign)]) for t in told)
    with world.store.read() as tx:
        record = tx.fiscal.get(number)
    assert record is not None and record.state is FiscalState.REGISTERED
    assert record.receipt is not None and record.receipt.check_number == receipt.fiscal_sign


def test_a_counter_with_no_point_armed_registers_the_sale_and_lives(
    world: h.World, fiscal_sandbox: RunningFiscalSandbox, counters: Counters
) -> None:
    payment = world.paid("100")
    args = (counters.db_url, fiscal_sandbox.base_url, "sale", payment.id, "")
    assert counters.run((fiscalise, args)) == [0]
    with world.store.read() as tx:
        [record] = tx.fiscal.list_for_payment(payment.id)
    assert record.state is FiscalState.REGISTERED
    assert [r.external for r in registered(fiscal_sandbox)] == [record.external_number]
