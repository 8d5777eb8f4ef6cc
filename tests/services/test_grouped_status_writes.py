"""Status answers stored in grouped transactions (decision 0058): atomic per answer, few commits, one token.

``Store.run_write_grouped``: writes submitted while the database thread is busy commit together, each
in its own savepoint (one failing call rolls back alone, its caller alone sees the error). The
reconciler and the poller keep ``concurrency`` check-status calls in flight, store every answer right
and ask the sandbox for one service token; answers arriving together share a transaction.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from sqlalchemy import event

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.gateway import StatusResult
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.services.payments.poller import Poller
from epay_desktop.store.db import Store
from epay_desktop.store.models import UserRow
from epay_desktop.store.tx import Tx
from tests.support import ops_harness as h
from tests.support.sandbox import DECLINED_CARD


class Commits:
    """Counts the transactions committed on the store's engine."""

    def __init__(self, store: Store) -> None:
        self.count = 0
        self._engine = store.engine
        event.listen(self._engine, "commit", self._on_commit)

    def _on_commit(self, _conn: Any) -> None:
        self.count += 1

    def close(self) -> None:
        event.remove(self._engine, "commit", self._on_commit)


def _rename(user_id: int, name: str, *, then_fail: bool = False) -> Any:
    def work(tx: Tx) -> int:
        row = tx.session.get(UserRow, user_id)
        assert row is not None
        row.name = name
        tx.session.flush()
        if then_fail:
            raise RuntimeError("a bug after the write")
        return row.id

    return work


def test_writes_waiting_for_the_thread_commit_together_and_a_failing_one_alone_is_undone(
    world: h.World,
) -> None:
    store = world.store
    busy = threading.Event()
    commits = Commits(store)

    user = world.cashier.id

    async def scenario() -> list[Any]:
        blocker = asyncio.ensure_future(store.run(busy.wait))  # the database thread is busy meanwhile
        await asyncio.sleep(0)
        writes = [
            asyncio.ensure_future(store.run_write_grouped(_rename(user, "Cashier 2"), order="2")),
            asyncio.ensure_future(
                store.run_write_grouped(_rename(user, "Broken", then_fail=True), order="9")
            ),
            asyncio.ensure_future(store.run_write_grouped(_rename(user, "Cashier 1"), order="1")),
        ]
        for _ in range(20):  # turns of the loop, no clock: the writes queue, their group waits for the thread
            await asyncio.sleep(0)
        assert not any(w.done() for w in writes)  # nothing stored while the thread is busy
        busy.set()
        await blocker
        return list(await asyncio.gather(*writes, return_exceptions=True))

    try:
        groups_before = store.group_commits
        renamed, failed, renamed_again = asyncio.run(scenario())
        assert store.group_commits - groups_before == 1
        assert commits.count == 1  # three writes, one transaction
    finally:
        commits.close()
    assert renamed == renamed_again == world.cashier.id
    assert isinstance(failed, RuntimeError)  # its caller alone sees it
    with store.read() as tx:  # run in ``order``: "1", "2", then "9", whose savepoint was rolled back
        assert tx.users.get(world.cashier.id).name == "Cashier 2"


def test_a_failed_commit_reaches_every_caller_of_the_group(world: h.World) -> None:
    store = world.store

    async def scenario() -> list[Any]:
        busy = threading.Event()
        blocker = asyncio.ensure_future(store.run(busy.wait))
        await asyncio.sleep(0)
        real_write = store.write

        def failing_write() -> Any:  # the group's transaction cannot commit
            raise OSError("database or disk is full")

        store.write = failing_write  # type: ignore[method-assign]
        try:
            writes = [
                asyncio.ensure_future(store.run_write_grouped(_rename(world.cashier.id, f"x{n}")))
                for n in range(3)
            ]
            busy.set()
            await blocker
            return list(await asyncio.gather(*writes, return_exceptions=True))
        finally:
            store.write = real_write  # type: ignore[method-assign]

    outcomes = asyncio.run(scenario())
    assert all(isinstance(o, OSError) for o in outcomes)
    with store.read() as tx:
        assert tx.users.get(world.cashier.id).name == "Cashier"


class Together:
    """Wraps the gateway's check-status: answers are held until ``size`` calls are in flight (or the
    rest of them), then released together, as a burst of answers arriving at once."""

    def __init__(self, real: Any, size: int, total: int) -> None:
        self.real, self.size, self.left = real, size, total
        self.waiting: list[asyncio.Future[None]] = []
        self.in_flight = 0
        self.peak = 0

    async def check_status(self, invoice_id: InvoiceId) -> StatusResult:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        result = await self.real(invoice_id)
        release = asyncio.get_running_loop().create_future()
        self.waiting.append(release)
        if len(self.waiting) >= min(self.size, self.left):
            self.left -= len(self.waiting)
            for each in self.waiting:
                each.set_result(None)
            self.waiting = []
        await release
        self.in_flight -= 1
        return result


def _pending_payments(world: h.World, count: int) -> list[Payment]:
    async def create(svc: h.Services) -> list[Payment]:
        return [
            (
                await svc.payments.create_payment(world.cashier, CheckoutRequest(Money.parse(str(100 + n))))
            ).payment
            for n in range(count)
        ]

    return world.run(create)


def test_reconcile_of_many_pending_payments_stores_each_answer_with_one_token_and_grouped_commits(
    world: h.World, sandbox: RunningSandbox
) -> None:
    payments = _pending_payments(world, 24)
    for p in payments[:10]:
        world.control.customer_pays(p.invoice_id)
    for p in payments[10:16]:
        world.control.customer_pays(p.invoice_id, DECLINED_CARD)
    tokens_before = sandbox.state.tokens.issued("service")
    commits = Commits(world.store)

    async def scenario(svc: h.Services) -> Any:
        together = Together(svc.client.check_status, 4, len(payments))
        svc.client.check_status = together.check_status  # type: ignore[method-assign]
        svc.reconciler.concurrency = 4
        groups = world.store.group_commits
        report = await svc.reconciler.reconcile_all()
        return report, together.peak, world.store.group_commits - groups

    try:
        report, peak, groups = world.run(scenario)
    finally:
        commits.close()
    assert sandbox.state.tokens.issued("service") - tokens_before == 1  # one service token for the run
    assert peak == 4  # four check-status calls in flight, never more
    assert report.payments_checked == 24 and not report.problems
    # the answers came in bursts of four: at most 6 transactions for 24 answers, then the books of the
    # paid ten (at most one each); before decision 0058 a read and a write per payment (48 and more)
    assert groups <= 6 + 10
    assert commits.count < 2 * len(payments)
    with world.store.read() as tx:
        statuses = [tx.payments.get(p.id).status for p in payments]
    assert statuses[:10] == [ConsoleStatus.CHARGE] * 10
    assert statuses[10:16] == [ConsoleStatus.REJECT] * 6
    assert statuses[16:] == [ConsoleStatus.PENDING] * 8
    assert len([c for c in report.changes if c.after == "CHARGE"]) == 10


def test_poller_keeps_its_bound_on_the_network_and_stores_every_answer_in_grouped_commits(
    world: h.World,
) -> None:
    payments = _pending_payments(world, 12)
    for p in payments[:6]:
        world.control.customer_pays(p.invoice_id)
    world.clock.advance(seconds=10)  # every first check (3 s after creation) is due

    async def scenario(svc: h.Services) -> Any:
        together = Together(svc.client.check_status, 3, len(payments))
        svc.client.check_status = together.check_status  # type: ignore[method-assign]
        poller = Poller(world.store, svc.payments, svc.bus, world.clock, concurrency=3)
        groups = world.store.group_commits
        changed = await poller.run_once()
        return changed, together.peak, world.store.group_commits - groups

    changed, peak, groups = world.run(scenario)
    assert peak == 3
    assert groups <= 4  # twelve answers in bursts of three (two bursts may share one)
    assert {p.invoice_id for p in changed} == {p.invoice_id for p in payments[:6]}
    with world.store.read() as tx:
        stored = [tx.payments.get(p.id) for p in payments]
    assert all(p.last_polled_at == world.clock.now for p in stored)
    assert [p.status for p in stored] == [ConsoleStatus.CHARGE] * 6 + [ConsoleStatus.PENDING] * 6
    assert all(p.next_poll_at is not None and p.next_poll_at > world.clock.now for p in stored[6:])


def test_each_stored_answer_reads_its_payment_once_and_no_currency(world: h.World) -> None:
    """Statements for a poll round (issue 10, P3; decision 0063): the poller's read, then per answer the
    lock (one read of the payment), its attempts, at most one new attempt and one update; the payment is
    not read again for the update, nor its currency for attempts (which carry no amount)."""
    payments = _pending_payments(world, 8)
    for p in payments[:4]:
        world.control.customer_pays(p.invoice_id)
    world.clock.advance(seconds=10)
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(" ".join(statement.split()))

    async def scenario(svc: h.Services) -> Any:
        poller = Poller(world.store, svc.payments, svc.bus, world.clock, concurrency=4)
        event.listen(world.store.engine, "before_cursor_execute", record)
        try:
            return await poller.run_once()
        finally:
            event.remove(world.store.engine, "before_cursor_execute", record)

    changed = world.run(scenario)
    assert len(changed) == 4
    payment_reads = [s for s in seen if s.startswith("SELECT payments.id, payments.invoice_id,")]
    # the poller's due list, then one locked read per answer (before decision 0063: two, and the currency)
    assert len(payment_reads) == 1 + 8
    assert not [s for s in seen if s.startswith("SELECT payments.currency")]
    assert len([s for s in seen if s.startswith("UPDATE payments")]) == 8
    assert len([s for s in seen if s.startswith("INSERT INTO payment_events")]) == 4  # the four charges
    with world.store.read() as tx:
        stored = [tx.payments.get(p.id) for p in payments]
    assert [p.status for p in stored] == [ConsoleStatus.CHARGE] * 4 + [ConsoleStatus.PENDING] * 4
