"""Put the console's books in line with the gateway: at start-up, periodically and on demand.

It is safe to run while money operations are being sent, by this process or by another one on
the same database. Two passes, both through check-status and never through a money request:

1. every unresolved money operation, through :meth:`MoneyOperations.resolve` (never re-sent):

   * one this process is sending right now (:attr:`MoneyOperations.in_flight`) is left alone
     without asking the gateway -- its sender records the outcome -- and reported as such;
   * a SENDING one not in flight here was left by a process that died between committing the
     intent and recording the outcome, or is being sent by another process (another counter on
     a shared PostgreSQL). Applied -> SUCCEEDED at once (the crashed process's refund is settled).
     Anything else leaves it SENDING until the quiet period since it was sent has passed; after
     that the rules for UNKNOWN apply;
   * UNKNOWN: applied -> SUCCEEDED; nothing at the gateway -> UNKNOWN during the quiet period,
     NEEDS_REVIEW after it; unexplained -> NEEDS_REVIEW. NEEDS_REVIEW leaves only on "applied"
     (or by a manager). Nothing ever becomes FAILED because time passed.
2. every payment whose status may still change by itself (pending checkouts, holds):
   :meth:`PaymentService.refresh_status`;
3. the books (``books.py``): every payment with an unresolved operation or an open discrepancy, and
   a bounded number of recently created or changed charged/held/refunded payments (decision 0037),
   is refreshed from check-status (unless pass 2 just did) and its charged/refunded totals are
   compared with the bank's. A difference becomes a discrepancy for a manager; a refund the bank
   shows and no console operation explains becomes an EXTERNAL_REFUND event (decision 0038).

The report lists what this run changed, what it left alone for now (in flight here, or sent
moments ago) and what could not be checked, in plain lines (for the CLI's ``reconcile`` and the
log). Gateway errors never stop the run: the next run tries again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Final
from typing import TypeVar

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain.settings_catalog import STATUS_LAG_SECONDS
from epay_desktop.gateway import EpayError
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.services.money_ops.journal import KIND_WORD
from epay_desktop.services.money_ops.operations import MoneyOperations
from epay_desktop.services.money_ops.operations import StatusRefresher
from epay_desktop.services.payments.books import BOOKS_EVERY
from epay_desktop.services.payments.books import BOOKS_LIMIT
from epay_desktop.services.payments.books import BOOKS_WINDOW
from epay_desktop.services.payments.books import Books
from epay_desktop.services.payments.books import BooksResult
from epay_desktop.services.payments.books import compare
from epay_desktop.services.payments.queries import payment_by_invoice
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = ["ReconcileChange", "ReconcileReport", "Reconciler"]

log = logging.getLogger(__name__)

#: Payments refreshed at once per check-status call in flight (:meth:`Reconciler._in_turn`).
ALIVE_PER_CALL: Final = 8

_I = TypeVar("_I")
_R = TypeVar("_R")


@dataclass(frozen=True, slots=True)
class ReconcileChange:
    """One thing the reconciler changed: ``subject`` is ``op:<id>`` or ``payment:<invoice>``."""

    subject: str
    before: str
    after: str
    line: str


@dataclass
class ReconcileReport:
    """What a run looked at, what it changed, what it left alone for now and what it could not check.

    ``ops_checked`` counts the operations asked about at the gateway; ``in_flight`` lists the op ids
    this process was sending (not asked about); ``waiting`` describes SENDING operations sent less
    than the quiet period ago that the gateway does not show applied (left SENDING).
    """

    started_at: datetime | None = None
    ops_checked: int = 0
    payments_checked: int = 0
    changes: list[ReconcileChange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    in_flight: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    #: what the books check recorded this run (external refunds, new or still open differences)
    books: list[str] = field(default_factory=list)
    books_checked: int = 0
    #: payments whose books were not compared this run (an operation the bank may still show late)
    books_waiting: list[str] = field(default_factory=list)
    #: refunds made outside the console that this run recorded (EXTERNAL_REFUND events), per invoice
    external_refunds: list[tuple[InvoiceId, Money]] = field(default_factory=list)
    #: discrepancies this run opened (a refund made outside the console's included)
    discrepancies_opened: int = 0

    @property
    def lines(self) -> list[str]:
        """Human-readable lines: changes, books, then what was left for now, then problems -- or a
        single "nothing changed" line."""
        lines = [c.line for c in self.changes] + self.books
        lines += [f"left for now: {w}" for w in [*self.waiting, *self.books_waiting]]
        lines += [f"left for now: operation {i} is being sent by this console" for i in self.in_flight]
        lines += [f"could not check: {p}" for p in self.problems]
        if not lines:
            checked = f"{self.ops_checked} operations and {self.payments_checked} payments checked"
            if self.books_checked:
                checked += f"; the books of {self.books_checked} payments compared with the bank"
            lines.append(f"Nothing changed ({checked}).")
        return lines


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Reconciler:
    """Runs :meth:`reconcile_all`: at start-up, periodically, on demand, or from the CLI's ``reconcile``;
    and :meth:`check_payment`, one payment's share of it ("Check with the bank" in the console).

    Runs may overlap with money operations of the same :class:`MoneyOperations` and with each
    other; each operation's change is made under its row lock.
    """

    def __init__(
        self,
        store: Store,
        payments: StatusRefresher,
        operations: MoneyOperations,
        clock: Callable[[], datetime] = _utcnow,
        *,
        books_every: timedelta = BOOKS_EVERY,
        concurrency: int = 4,
    ) -> None:
        """``concurrency``: check-status calls in flight while payments are refreshed (pass 2 and the
        books' refreshes), as many as the poller's."""
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.concurrency = concurrency
        self._store = store
        self._payments = payments
        self._operations = operations
        self._clock = clock
        self.books = Books(store, clock, events=operations.events)
        self._books_every = books_every
        self._window_checked_at: datetime | None = None

    async def reconcile_all(self) -> ReconcileReport:
        """Resolve every unresolved operation, then refresh every payment that needs polling.

        Operations this process is sending are skipped (listed in ``report.in_flight``); a young
        SENDING operation stays SENDING unless the gateway shows it applied (``report.waiting``).
        Side effects: check-status calls; operations and payments updated and audited as
        :meth:`MoneyOperations.resolve` and ``PaymentService.refresh_status`` do; events published.
        Never sends charge, cancel or refund. Errors per item are reported, not raised.
        """
        report = ReconcileReport(started_at=self._clock())
        await self._resolve_ops(await self._store.run_read(_unresolved_with_invoices), report)
        refreshed: dict[str, Payment] = {}
        polled = await self._store.run_read(lambda tx: tx.payments.needing_poll())
        # ``concurrency`` checks in flight; each answer is stored as it comes (grouped writes,
        # PaymentService.refresh_status); the report lists them in the payments' order
        gate = asyncio.Semaphore(self.concurrency)
        parts = await self._in_turn(polled, lambda payment: self._refresh_one(payment, gate))
        for payment, (updated, part) in zip(polled, parts, strict=True):
            report.payments_checked += 1
            report.changes.extend(part.changes)
            report.problems.extend(part.problems)
            if updated is not None:
                refreshed[payment.invoice_id.value] = updated
        await self._check_books(report, refreshed)
        _log_report(report)
        return report

    async def unresolved_operations(self) -> list[MoneyOp]:
        """The money operations still unresolved (their outcome not yet known), oldest first."""
        return await self._store.run_read(lambda tx: tx.operations.all_unresolved())

    async def check_payment(self, invoice_id: InvoiceId) -> ReconcileReport:
        """Check one payment with the bank now ("Check with the bank" in the console, decision 0041).

        That payment's share of :meth:`reconcile_all`, whatever the time and the recent window: its
        unresolved operations through :meth:`MoneyOperations.resolve_verbose` (never re-sent; one
        being sent is left to its sender, and then nothing else is asked), a refresh from check-status,
        and its books compared with the bank's (a refund made outside the console is recorded at once).
        Never sends charge, cancel or refund. Errors (no such payment, the gateway) are in
        ``report.problems``, never raised.
        """
        report = ReconcileReport(started_at=self._clock())

        def read(tx: Tx) -> tuple[Payment, list[tuple[MoneyOp, InvoiceId]]]:
            payment = payment_by_invoice(tx, invoice_id)
            ops = tx.operations.list_for_payment(payment.id)
            return payment, [(op, invoice_id) for op in ops if op.state.is_unresolved]

        try:
            payment, pending = await self._store.run_read(read)
        except ConsoleError as exc:
            report.problems.append(f"payment {invoice_id}: {exc.user_message}")
            return report
        await self._resolve_ops(pending, report)
        if not report.in_flight:  # else its sender records the outcome: nothing more to ask now
            report.payments_checked += 1
            updated = await self._refresh(payment, report)
            if updated is not None:
                await self._books_of(updated, report, refreshed=True)
        _log_report(report)
        return report

    async def _resolve_ops(self, pending: list[tuple[MoneyOp, InvoiceId]], report: ReconcileReport) -> None:
        """Pass 1 for ``pending``: each through check-status, never re-sent; one in flight left alone."""
        for op, invoice in pending:
            if self._operations.is_in_flight(op.id):
                report.in_flight.append(op.id)
                continue
            try:
                resolution = await self._operations.resolve_verbose(op.id)
            except (EpayError, ConsoleError) as exc:
                report.ops_checked += 1
                report.problems.append(f"{_describe(op, invoice)}: {exc.user_message}")
                continue
            if resolution.in_flight:  # a manager's retry started meanwhile
                report.in_flight.append(op.id)
                continue
            report.ops_checked += 1
            after = resolution.op
            if resolution.changed and after.state is not op.state:
                line = f"{_describe(op, invoice)}: {op.state.value} -> {after.state.value}"
                report.changes.append(ReconcileChange(f"op:{op.id}", op.state.value, after.state.value, line))
            if after.state is OpState.SENDING and not resolution.changed:
                report.waiting.append(
                    f"{_describe(op, invoice)}: sent moments ago, perhaps by another console; "
                    "checked again later"
                )
            if resolution.note and after.state.is_unresolved:
                report.problems.append(f"{_describe(op, invoice)}: {resolution.note}")

    async def _in_turn(self, items: list[_I], work: Callable[[_I], Awaitable[_R]]) -> list[_R]:
        """``work(item)`` for every item, the results in the items' order. At most ``concurrency`` times
        :data:`ALIVE_PER_CALL` of them are started and unfinished at once: enough for the answers waiting
        for the database to form groups, few enough that starting them is not one long step of the GUI
        thread (1,000 tasks made at once stalled it ~100 ms; issue 10, P6)."""
        alive = asyncio.Semaphore(self.concurrency * ALIVE_PER_CALL)

        async def run(item: _I) -> _R:
            try:
                return await work(item)
            finally:
                alive.release()

        tasks: list[asyncio.Future[_R]] = []
        try:
            for item in items:
                await alive.acquire()
                tasks.append(asyncio.ensure_future(run(item)))
            return list(await asyncio.gather(*tasks))
        except BaseException:
            for task in tasks:
                task.cancel()
            raise

    async def _refresh_one(
        self, payment: Payment, gate: asyncio.Semaphore
    ) -> tuple[Payment | None, ReconcileReport]:
        part = ReconcileReport()
        return await self._refresh(payment, part, gate), part

    async def _refresh(
        self, payment: Payment, report: ReconcileReport, gate: asyncio.Semaphore | None = None
    ) -> Payment | None:
        try:
            updated = await self._payments.refresh_status(payment.invoice_id, known=payment, gate=gate)
        except (EpayError, ConsoleError) as exc:
            report.problems.append(f"payment {payment.invoice_id}: {exc.user_message}")
            return None
        if updated.status is not payment.status:
            before, after = payment.status.value, updated.status.value
            line = f"payment {payment.invoice_id}: {before} -> {after}"
            report.changes.append(ReconcileChange(f"payment:{payment.invoice_id}", before, after, line))
        return updated

    async def _check_books(self, report: ReconcileReport, refreshed: dict[str, Payment]) -> None:
        """Pass 3: refresh each payment to check (decision 0037) and compare its books with the bank's."""
        now = self._clock()
        # the recent window (decision 0037) at most every ``books_every``: a periodic run every 20 s
        # must not ask the bank about 100 payments each time; the first run (start-up, CLI) always does
        window = self._window_checked_at is None or now - self._window_checked_at >= self._books_every
        if window:
            self._window_checked_at = now
        limit = BOOKS_LIMIT if window else 0
        candidates = await self._store.run_read(
            lambda tx: [
                tx.payments.get(pid)
                for pid in tx.discrepancies.payments_to_check(since=now - BOOKS_WINDOW, limit=limit)
            ]
        )
        gate = asyncio.Semaphore(self.concurrency)

        async def one(payment: Payment) -> ReconcileReport:
            part = ReconcileReport()
            await self._books_of(payment, part, refreshed=payment.invoice_id.value in refreshed, gate=gate)
            return part

        # ``concurrency`` at a time (each compare a grouped write); merged in the candidates' order
        for part in await self._in_turn(candidates, one):
            _merge(report, part)

    async def _books_of(
        self,
        payment: Payment,
        report: ReconcileReport,
        *,
        refreshed: bool,
        gate: asyncio.Semaphore | None = None,
    ) -> None:
        """One payment's share of pass 3: refreshed from check-status unless it just was (``refreshed``),
        then its books compared with the bank's (:func:`compare`, allowing for the status lag)."""
        if payment.transaction_id is None:
            return
        if any(self._operations.is_in_flight(op_id) for op_id in await self._ops_of(payment)):
            return  # its sender records the outcome; compared at a later run
        if not refreshed:
            report.payments_checked += 1
            if await self._refresh(payment, report, gate) is None:
                return
        report.books_checked += 1
        invoice = payment.invoice_id

        def work(tx: Tx) -> tuple[BooksResult, Payment]:
            lag = timedelta(seconds=STATUS_LAG_SECONDS.read_from(tx.settings))
            result = compare(tx, invoice, now=self._clock(), status_lag=lag)
            return result, tx.payments.lock_by_invoice(invoice)

        # one payment's compare is atomic (its own savepoint) and safe to repeat (it runs at every
        # reconcile): it may share a transaction with the others' (decision 0058)
        result, stored = await self._store.run_write_grouped(work, order=invoice.value)
        report.books.extend(result.lines)
        if result.external_refund is not None:
            report.external_refunds.append((invoice, result.external_refund))
        report.discrepancies_opened += result.opened
        if result.waiting:
            report.books_waiting.append(result.waiting)
        if result.recorded:
            self._operations.events.publish(PaymentUpdated(stored))

    async def _ops_of(self, payment: Payment) -> list[str]:
        return await self._store.run_read(
            lambda tx: [o.id for o in tx.operations.list_for_payment(payment.id) if o.state.is_unresolved]
        )


def _merge(report: ReconcileReport, part: ReconcileReport) -> None:
    """Add what one payment's share of a run found (``part``) to the run's report."""
    report.payments_checked += part.payments_checked
    report.books_checked += part.books_checked
    report.changes.extend(part.changes)
    report.problems.extend(part.problems)
    report.books.extend(part.books)
    report.books_waiting.extend(part.books_waiting)
    report.external_refunds.extend(part.external_refunds)
    report.discrepancies_opened += part.discrepancies_opened


def _log_report(report: ReconcileReport) -> None:
    for line in report.lines:
        log.info("event=reconcile line=%r", line)


def _unresolved_with_invoices(tx: Tx) -> list[tuple[MoneyOp, InvoiceId]]:
    return [(op, tx.payments.get(op.payment_id).invoice_id) for op in tx.operations.all_unresolved()]


def _describe(op: MoneyOp, invoice: InvoiceId) -> str:
    return f"{KIND_WORD[op.kind]} of {op.amount.format()} on invoice {invoice} (operation {op.id})"
