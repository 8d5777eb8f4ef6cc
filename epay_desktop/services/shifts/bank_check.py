"""The bank's figures beside the console's for every payment of a shift (decision 0108).

Each payment goes through the console's one way of asking the bank about a payment,
:meth:`Reconciler.check_payment` ("Check with the bank": its unresolved operations settled by
check-status, the payment refreshed, its books compared and any difference recorded for a manager).
What the console believed before the check is set against what the bank said:

* ``status``: the console's status against the bank's;
* ``charged`` / ``refunded``: the console's own books (its operations, :func:`console_totals`)
  against the bank's amounts (:func:`bank_totals`), once the bank has told them.

Beside them, the discrepancies the books hold open for those payments after the check (recorded by
this check or an earlier one, e.g. an X report's): a difference found once stays on every report
until a manager resolves it.

Progress is reported after each payment (``progress(done, total)``); the check is cancelled by
cancelling the task that awaits it (the window's Cancel, Ctrl+C): what was refreshed stays refreshed
(the normal refresh path wrote it), nothing else is written, and a shift being closed stays open.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from epay_desktop.domain import Money, Payment
from epay_desktop.domain.shifts import BankCheck, BankDifference, Note
from epay_desktop.services.payments.books import bank_totals, console_totals
from epay_desktop.services.payments.reconcile import Reconciler
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = ["CHECKS_AT_ONCE", "Progress", "check_with_bank"]

#: ``progress(done, total)``: called after each payment's check (and once with ``done == 0``).
Progress = Callable[[int, int], None]

#: Payments asked about at once (each a few check-status calls).
CHECKS_AT_ONCE: Final = 4


@dataclass(frozen=True, slots=True)
class _Books:
    """One payment as its books stand: status and (charged, refunded) in tiyn."""

    status: str
    charged: int
    refunded: int
    amounts_known: bool  # the bank told its amounts (only then are they compared)


def _console_books(tx: Tx, payment: Payment) -> _Books:
    ops = tx.operations.list_for_payment(payment.id)
    external = tx.payment_events.external_refunded_minor(payment.id)
    charged, refunded = console_totals(payment, ops, external)
    return _Books(payment.status.value, charged, refunded, True)


def _bank_books(payment: Payment) -> _Books:
    charged, refunded = bank_totals(payment)
    known = payment.transaction_id is not None and payment.gateway_amount is not None
    return _Books(payment.status.value, charged, refunded, known)


def _amount(value: Money | None) -> str:
    return value.plain() if value is not None else "-"


def _after(tx: Tx, payment: Payment) -> tuple[Payment, list[BankDifference]]:
    """The payment as the check left it, and its discrepancies still open."""
    invoice = payment.invoice_id.value
    still_open = [
        BankDifference(invoice, d.kind, _amount(d.console), _amount(d.bank))
        for d in tx.discrepancies.open(payment.id)
    ]
    return tx.payments.get(payment.id), still_open


def _differences(payment: Payment, console: _Books, bank: _Books) -> list[BankDifference]:
    invoice = payment.invoice_id.value
    currency = payment.amount.currency
    found = []
    if console.status != bank.status:
        found.append(BankDifference(invoice, "status", console.status, bank.status))
    if bank.amounts_known:
        for what, mine, theirs in (
            ("charged", console.charged, bank.charged),
            ("refunded", console.refunded, bank.refunded),
        ):
            if mine != theirs:
                found.append(
                    BankDifference(
                        invoice, what, Money(mine, currency).plain(), Money(theirs, currency).plain()
                    )
                )
    return found


async def check_with_bank(
    store: Store, reconciler: Reconciler, payments: list[Payment], progress: Progress | None = None
) -> BankCheck:
    """Check-status for each of ``payments`` (:data:`CHECKS_AT_ONCE` at a time), every difference
    between the console's figures before the check and the bank's listed in the payments' order.
    A payment the bank could not be asked about is listed in ``unchecked``. Cancellable."""
    total = len(payments)
    done = 0
    if progress is not None:
        progress(0, total)
    gate = asyncio.Semaphore(CHECKS_AT_ONCE)

    async def one(payment: Payment) -> tuple[list[BankDifference], list[Note], list[BankDifference]]:
        """The payment's differences, or (when the bank could not be asked) why not; what stays open."""
        nonlocal done
        async with gate:
            console = await store.run_read(lambda tx: _console_books(tx, payment))
            report = await reconciler.check_payment(payment.invoice_id)
            after, still_open = await store.run_read(lambda tx: _after(tx, payment))
        done += 1
        if progress is not None:
            progress(done, total)
        invoice = payment.invoice_id
        unchecked = [
            Note.of("bank_problem", "payment {invoice}: {detail}", invoice=invoice, detail=p)
            for p in report.problems
        ]
        if report.in_flight:
            unchecked.append(
                Note.of(
                    "in_flight",
                    "payment {invoice}: an operation is being sent; checked later",
                    invoice=invoice,
                )
            )
        if unchecked or not report.payments_checked:
            never = Note.of("not_checked", "payment {invoice}: not checked", invoice=invoice)
            return [], unchecked or [never], still_open
        return _differences(payment, console, _bank_books(after)), [], still_open

    tasks = [asyncio.ensure_future(one(payment)) for payment in payments]
    try:
        results = await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    differences = tuple(d for found, _, _ in results for d in found)
    unchecked = tuple(line for _, lines, _ in results for line in lines)
    checked = sum(1 for _, lines, _ in results if not lines)
    still_open = tuple(d for _, _, kept in results for d in kept)
    return BankCheck(total, checked, differences, unchecked, still_open)
