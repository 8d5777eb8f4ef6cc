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

The bank's totals for the shift (:class:`~epay_desktop.domain.shifts.BankFigures`, decision 0118) are
summed from the answers: each payment's charged and refunded as the bank has them; of a payment begun
before the shift, only what the bank did beyond what the console had counted by the shift's opening
(a hold charged during the shift; refunds beyond those made or recorded before it). With several
counters (decision 0119) what another counter did is left out as what was done before is: a sale
refunded at counter B gives B's shift only B's refunds (no more than the bank shows), and the sale's
counter the rest (its own refunds, the ones made in the bank's cabinet). Every difference
found is handed to ``found`` in a write transaction as soon as its payment is checked, so a check that
is stopped halfway still keeps what it found.

Progress is reported after each payment (``progress(done, total)``); the check is cancelled by
cancelling the task that awaits it (the window's Cancel, Ctrl+C): what was refreshed stays refreshed
(the normal refresh path wrote it), nothing else is written, and a shift being closed stays open.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentEventKind
from epay_desktop.domain.shifts import BankCheck
from epay_desktop.domain.shifts import BankDifference
from epay_desktop.domain.shifts import BankFigures
from epay_desktop.domain.shifts import Note
from epay_desktop.services.payments.books import bank_totals
from epay_desktop.services.payments.books import console_totals
from epay_desktop.services.payments.reconcile import Reconciler
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = ["CHECKS_AT_ONCE", "Found", "Progress", "check_with_bank"]

#: ``progress(done, total)``: called after each payment's check (and once with ``done == 0``).
Progress = Callable[[int, int], None]
#: ``found(tx, payment, differences)``: keeps what the check found about one payment (a write).
Found = Callable[[Tx, Payment, list[BankDifference]], None]

#: Payments asked about at once (each a few check-status calls).
CHECKS_AT_ONCE: Final = 4


@dataclass(frozen=True, slots=True)
class _Books:
    """One payment as its books stand: status and (charged, refunded) in tiyn."""

    status: str
    charged: int
    refunded: int
    amounts_known: bool  # the bank told its amounts (only then are they compared)


@dataclass(frozen=True, slots=True)
class _Before:
    """What the shift's share of a payment leaves out of the bank's answer (decisions 0118, 0119): a
    payment begun before the shift, or at another counter, or worked on at another counter."""

    whole: bool  # begun here in the shift and no other counter worked on it: all of it counts
    charged_in_shift: bool = False  # its charge counts here (begun here, or charged here in the shift)
    refunded: int = 0  # tiyn of refunds the console counted elsewhere: before the shift, at another
    # counter, or (at another counter's sale) recorded as made outside the console
    at_most: int | None = None  # at another counter's sale: no more than this counter's own refunds


def _console_books(
    tx: Tx, payment: Payment, since: datetime | None, register_id: str | None
) -> tuple[_Books, _Before]:
    ops = tx.operations.list_for_payment(payment.id)
    external = tx.payment_events.external_refunded_minor(payment.id)
    charged, refunded = console_totals(payment, ops, external)
    books = _Books(payment.status.value, charged, refunded, True)
    if since is None:
        return books, _Before(True)
    register = register_id or payment.register_id
    home = payment.register_id == register

    def here(o: MoneyOp) -> bool:  # counted in this shift: asked at this counter since the opening
        return (o.register_id or payment.register_id) == register and o.created_at >= since

    begun_here = home and payment.created_at >= since
    if begun_here and all(here(o) for o in ops):
        return books, _Before(True)
    outside = tx.payment_events.for_payment(payment.id, PaymentEventKind.EXTERNAL_REFUND)
    elsewhere = sum(e.amount.minor for e in outside if e.amount is not None and (not home or e.at < since))
    elsewhere += sum(o.amount.minor for o in _succeeded(ops, OpKind.REFUND) if not here(o))
    charges = _succeeded(ops, OpKind.CHARGE)
    charged_here = any(here(o) for o in charges) or (begun_here and not charges)
    own = sum(o.amount.minor for o in _succeeded(ops, OpKind.REFUND) if here(o))
    return books, _Before(False, charged_here, elsewhere, None if home else own)


def _succeeded(ops: list[MoneyOp], kind: OpKind) -> list[MoneyOp]:
    return [o for o in ops if o.kind is kind and o.state is OpState.SUCCEEDED]


def _bank_share(after: Payment, before: _Before) -> tuple[int, int]:
    """(charged, refunded) in tiyn the bank's answer about ``after`` gives the shift."""
    charged, refunded = bank_totals(after)
    if before.whole:
        return charged, refunded
    share = refunded - before.refunded
    if before.at_most is not None:
        share = min(share, before.at_most)
    return (charged if before.charged_in_shift else 0), share


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


@dataclass(frozen=True, slots=True)
class _Checked:
    """One payment's check: its differences, or (the bank could not be asked) why not; what stays
    open in its books; the bank's (charged, refunded) for the shift (None: not asked)."""

    differences: list[BankDifference]
    unchecked: list[Note]
    still_open: list[BankDifference]
    share: tuple[int, int] | None = None


async def check_with_bank(
    store: Store,
    reconciler: Reconciler,
    payments: list[Payment],
    progress: Progress | None = None,
    *,
    since: datetime | None = None,
    found: Found | None = None,
    register_id: str | None = None,
) -> BankCheck:
    """Check-status for each of ``payments`` (:data:`CHECKS_AT_ONCE` at a time), every difference
    between the console's figures before the check and the bank's listed in the payments' order,
    and the bank's totals for a shift opened at ``since`` at ``register_id`` (None: all of each
    payment counts; no register: each payment's own).
    A payment the bank could not be asked about is listed in ``unchecked``. ``found`` keeps each
    payment's differences as they are found. Cancellable."""
    total = len(payments)
    done = 0
    if progress is not None:
        progress(0, total)
    gate = asyncio.Semaphore(CHECKS_AT_ONCE)

    async def one(payment: Payment) -> _Checked:
        nonlocal done
        async with gate:
            console, before = await store.run_read(lambda tx: _console_books(tx, payment, since, register_id))
            report = await reconciler.check_payment(payment.invoice_id)
            after, still_open = await store.run_read(lambda tx: _after(tx, payment))
            differences = _differences(payment, console, _bank_books(after))
            asked = not report.problems and not report.in_flight and bool(report.payments_checked)
            if asked and differences and found is not None:
                await store.run_write(lambda tx: found(tx, payment, differences))
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
        if not asked:
            never = Note.of("not_checked", "payment {invoice}: not checked", invoice=invoice)
            return _Checked([], unchecked or [never], still_open)
        return _Checked(differences, [], still_open, _bank_share(after, before))

    tasks = [asyncio.ensure_future(one(payment)) for payment in payments]
    try:
        results = await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    shares = [r.share for r in results if r.share is not None]
    figures = BankFigures(sum(c for c, _ in shares), sum(r for _, r in shares), len(shares))
    return BankCheck(
        total,
        len(shares),
        tuple(d for r in results for d in r.differences),
        tuple(line for r in results for line in r.unchecked),
        tuple(d for r in results for d in r.still_open),
        figures,
    )
