"""The fiscal side of a shift's report: the console, the bank and the fiscal register, per receipt
(issue 14, item 5; decision 0126).

After the bank check (the console's books then hold what the bank confirmed), each sale and refund of
the shift the bank confirmed should have one fiscal receipt at the register under the number the fiscal
journal derives (``epd-sale-<invoice>``, ``epd-ret-<refund id>``, decision 0124) for the same amount.
:func:`fiscal_check` sets them against the receipts the register holds (``Check/History`` of the register's
shifts this shift overlaps) and lists every mismatch with what to do:

* ``missing``: confirmed at the bank, no receipt at the register, the journal asks nothing (none written,
  or it says registered and the register does not have it); ``pending``: the journal is asking (asked again
  by itself, never twice); ``needs_person``: the register refused it for a reason a person removes;
* ``unexplained``: a receipt the register holds in the shift's time that no confirmed bank operation
  explains (typed at the register by hand, or a sale the bank never charged) registered since the shift
  opened (the register's later receipts are the shift's too: it is closed now); a receipt of another
  counter's confirmed sale or refund is explained (it is that counter's);
* ``amount``: the receipt's total is not what the bank took.

At a close (``close``) the register's shift is closed too (its Z report) when no other counter has a shift
open, else its X report is shown and the register's shift is left to the last counter's close. A register
that cannot be asked never stops the console's close: the report says the fiscal part was not checked.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.shifts import FiscalCheck
from epay_desktop.domain.shifts import FiscalMismatch
from epay_desktop.domain.shifts import MismatchKind
from epay_desktop.domain.shifts import Note
from epay_desktop.domain.shifts import RegisterFigures
from epay_desktop.domain.shifts import Shift
from epay_desktop.fiscal.errors import FiscalError
from epay_desktop.fiscal.errors import FiscalNotFound
from epay_desktop.fiscal.errors import ShiftAlreadyClosed
from epay_desktop.fiscal.models import FiscalOperation
from epay_desktop.fiscal.models import RegisterReceipt
from epay_desktop.fiscal.models import ShiftReport
from epay_desktop.fiscal.provider import FiscalProvider
from epay_desktop.services.fiscal import journal
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = ["MOST_REGISTER_SHIFTS", "WHAT_TO_DO", "ExpectedReceipt", "expected_receipts", "fiscal_check"]

log = logging.getLogger(__name__)

#: How many of the register's shifts, newest first, a check reads at most (a console shift rarely spans
#: more than two: the register's own, and one a 24-hour close began).
MOST_REGISTER_SHIFTS: Final = 5

#: What to do, per kind (English: the note's text; kk/ru in ``receipts.shift_texts.NOTES``).
WHAT_TO_DO: Final = {
    MismatchKind.MISSING: Note.of(
        "fiscal_missing",
        "no receipt at the register: the console asks for it by itself (sales of the last 72 hours since "
        "fiscal receipts were switched on); if it stays missing, check the fiscal settings and connection",
    ),
    MismatchKind.PENDING: Note.of(
        "fiscal_pending", "being registered: asked again by itself with the same number (never twice)"
    ),
    MismatchKind.NEEDS_PERSON: Note.of(
        "fiscal_needs_person",
        "the fiscal register refused it: see Needs attention for why; once that is put right it is "
        "registered by itself",
    ),
    MismatchKind.UNEXPLAINED: Note.of(
        "fiscal_unexplained",
        "no card payment explains this receipt (typed at the register, or a sale the bank never "
        "charged): if the customer did not pay, register a return at the register",
    ),
    MismatchKind.AMOUNT: Note.of(
        "fiscal_amount",
        "the receipt's total is not what the bank took: correct it at the register (a return for an "
        "excess, a sale for a shortfall) and tell the accountant",
    ),
}


@dataclass(frozen=True, slots=True)
class ExpectedReceipt:
    """A sale or refund of the shift the bank confirmed, and its journal record (None: none written)."""

    number: str
    invoice_id: str
    operation: FiscalKind
    amount_minor: int
    record: FiscalRecord | None
    payment_id: int
    money_op_id: str | None = None  # the refund a return is for


def _here(op: MoneyOp, payment: Payment, shift: Shift, until: datetime) -> bool:
    """Counted in ``shift``: asked at its register in its time (decision 0119)."""
    register = op.register_id or payment.register_id
    return register == shift.register_id and shift.opened_at <= op.created_at < until


def _succeeded(ops: Iterable[MoneyOp], kind: OpKind) -> list[MoneyOp]:
    return [o for o in ops if o.kind is kind and o.state is OpState.SUCCEEDED]


def expected_receipts(tx: Tx, shift: Shift, until: datetime) -> list[ExpectedReceipt]:
    """The shift's confirmed sales (its own one-step sales, the charges made here) and refunds made here."""
    found: list[ExpectedReceipt] = []
    for payment in tx.shifts.payments(shift.register_id, shift.opened_at, until):
        ops = tx.operations.list_for_payment(payment.id)
        records = {r.external_number: r for r in tx.fiscal.list_for_payment(payment.id)}
        invoice = payment.invoice_id.value
        charges = _succeeded(ops, OpKind.CHARGE)
        begun_here = (
            payment.register_id == shift.register_id and shift.opened_at <= payment.created_at < until
        )
        sold_here = _here(charges[-1], payment, shift, until) if charges else begun_here
        if sold_here and (charges or payment.status in journal.CHARGED):
            amount = charges[-1].amount if charges else payment.amount
            number = journal.sale_number(payment.invoice_id)
            record = records.get(number)
            found.append(ExpectedReceipt(number, invoice, FiscalKind.SALE, amount.minor, record, payment.id))
        for refund in _succeeded(ops, OpKind.REFUND):
            if _here(refund, payment, shift, until):
                number = journal.return_number(refund.id)
                back, record = refund.amount.minor, records.get(number)
                found.append(
                    ExpectedReceipt(number, invoice, FiscalKind.RETURN, back, record, payment.id, refund.id)
                )
    return found


def _explained(tx: Tx, receipt: RegisterReceipt) -> bool:
    """A receipt of ours (its number in the journal) whose sale the bank charged or whose refund it
    confirmed: another counter's, or another shift's."""
    record = tx.fiscal.get(receipt.external_number) if receipt.external_number else None
    if record is None:
        return False
    if record.kind is FiscalKind.RETURN:
        return (
            record.money_op_id is not None
            and tx.operations.get(record.money_op_id).state is OpState.SUCCEEDED
        )
    return tx.payments.get(record.payment_id).status in journal.CHARGED


def _mismatch(
    kind: MismatchKind, expected: ExpectedReceipt | None, receipt: RegisterReceipt | None
) -> FiscalMismatch:
    number = expected.number if expected is not None else (receipt.external_number if receipt else "")
    if expected is not None:
        operation = expected.operation.value
    else:
        returned = receipt is not None and receipt.operation == FiscalOperation.SALE_RETURN
        operation = FiscalKind.RETURN.value if returned else FiscalKind.SALE.value
    return FiscalMismatch(
        kind=kind.value,
        external_number=number,
        invoice_id=expected.invoice_id if expected is not None else "",
        operation=operation,
        bank=Money(expected.amount_minor).plain() if expected is not None else "-",
        fiscal=receipt.total.plain() if receipt is not None else "-",
        todo=WHAT_TO_DO[kind],
        check_number=receipt.check_number if receipt is not None else "",
    )


def _compare(
    expected: list[ExpectedReceipt], held: list[RegisterReceipt], explained: set[str]
) -> tuple[FiscalMismatch, ...]:
    """Every mismatch: the expected receipts in the shift's order, then the receipts nobody explains."""
    by_number = {r.external_number: r for r in held if r.external_number}
    found = []
    for item in expected:
        receipt = by_number.get(item.number)
        if receipt is None:
            state = item.record.state if item.record is not None else FiscalState.REGISTERED
            kind = {
                FiscalState.NEEDS_PERSON: MismatchKind.NEEDS_PERSON,
                FiscalState.INTENT: MismatchKind.PENDING,
                FiscalState.UNKNOWN: MismatchKind.PENDING,
            }.get(state, MismatchKind.MISSING)
            found.append(_mismatch(kind, item, None))
        elif receipt.total.minor != item.amount_minor:
            found.append(_mismatch(MismatchKind.AMOUNT, item, receipt))
    ours = {item.number for item in expected}
    for receipt in held:
        if receipt.external_number not in ours and receipt.external_number not in explained:
            found.append(_mismatch(MismatchKind.UNEXPLAINED, None, receipt))
    return tuple(found)


def _figures(report: ShiftReport, *, closed: bool) -> RegisterFigures:
    return RegisterFigures(
        shift_number=report.shift_number,
        closed=closed,
        documents=report.documents,
        sales_count=report.sales.count,
        sales_minor=report.sales.total.minor,
        returns_count=report.returns.count,
        returns_minor=report.returns.total.minor,
    )


def _when(receipt: RegisterReceipt) -> datetime:
    return receipt.registered_at


async def _held(provider: FiscalProvider, top: int, shift: Shift, lowest: int) -> list[RegisterReceipt]:
    """The receipts of the register's shifts from ``top`` down while they reach into ``shift`` (and at
    least down to ``lowest``, the oldest register shift the journal kept one of its receipts in)."""
    held: list[RegisterReceipt] = []
    for number in range(top, max(0, top - MOST_REGISTER_SHIFTS), -1):
        try:
            receipts = await provider.receipts(number)
        except FiscalNotFound:  # no such shift at the register
            break
        held += receipts
        began_before = not receipts or not _since_opening(min(receipts, key=_when), shift)
        if number <= lowest and began_before:
            break
    return held


def _since_opening(receipt: RegisterReceipt, shift: Shift) -> bool:
    """Registered since ``shift`` opened (the register's times are to the second)."""
    return shift.opened_at.replace(microsecond=0) <= receipt.registered_at


async def fiscal_check(
    store: Store, fiscal: FiscalService, shift: Shift, until: datetime, *, close: bool
) -> FiscalCheck | None:
    """The three-way check of ``shift`` up to ``until`` (see the module docstring); with ``close`` the
    register's shift closed too when this is the last counter open. None: no fiscal register is
    configured (the report is as it always was)."""
    connection = await fiscal.connection()
    if connection is None:
        return None
    provider = connection.provider
    await fiscal.drain()  # the receipts the bank check's news started are registered (or refused) first
    expected = await store.run_read(lambda tx: expected_receipts(tx, shift, until))
    try:
        register = await fiscal.x_report()
    except FiscalNotFound:  # the register has never had a shift: it holds nothing
        register = None
    except FiscalError as exc:
        return _unreachable(provider.name, len(expected), exc)
    try:
        held: list[RegisterReceipt] = []
        if register is not None:
            kept = [e.record.receipt.shift_number for e in expected if e.record and e.record.receipt]
            lowest = min(kept, default=register.shift_number)
            held = await _held(provider, register.shift_number, shift, lowest)
    except FiscalError as exc:
        return _unreachable(provider.name, len(expected), exc)
    ours = {e.number for e in expected}
    strangers = [r for r in held if r.external_number not in ours and _since_opening(r, shift)]
    explained = await store.run_read(lambda tx: {r.external_number for r in strangers if _explained(tx, r)})
    mine = [r for r in held if r.external_number in ours]
    mismatches = _compare(expected, mine + strangers, explained)
    figures, notes = await _register_report(store, fiscal, shift, register, close=close)
    log.info(
        "event=shift_fiscal_check register=%s shift=%s expected=%d receipts=%d mismatches=%d z=%s",
        shift.register_id,
        shift.number,
        len(expected),
        len(mine) + len(strangers),
        len(mismatches),
        figures.closed if figures is not None else None,
    )
    return FiscalCheck(
        provider.name, len(expected), len(mine) + len(strangers), mismatches, figures, None, notes
    )


async def _register_report(
    store: Store, fiscal: FiscalService, shift: Shift, x: ShiftReport | None, *, close: bool
) -> tuple[RegisterFigures | None, tuple[Note, ...]]:
    """The register's report for the console's: its Z (this close closed the register's shift) or its X."""
    if not close or x is None:
        return (_figures(x, closed=False) if x is not None else None), ()
    others = await store.run_read(lambda tx: tx.shifts.open_elsewhere(shift.register_id))
    if others:
        left = Note.of(
            "fiscal_left_open",
            "the fiscal register's shift stays open: the counters {registers} still have shifts open, "
            "and the last of them to close closes it",
            registers=", ".join(others),
        )
        return _figures(x, closed=False), (left,)
    try:
        z = await fiscal.close_shift()
    except ShiftAlreadyClosed:  # closed meanwhile (its 24 hours, another close): the last one stands
        said = Note.of("fiscal_already_closed", "the fiscal register's shift was already closed")
        return _figures(x, closed=x.closed_at is not None), (said,)
    except FiscalError as exc:
        log.warning("event=shift_fiscal_z_failed error=%s", type(exc).__name__)
        failed = Note.of(
            "fiscal_not_closed",
            "the fiscal register's shift could not be closed ({error}): close it with its Z report later",
            error=type(exc).__name__,
        )
        return _figures(x, closed=False), (failed,)
    return (_figures(z, closed=True) if z is not None else None), ()


def _unreachable(provider: str, expected: int, exc: FiscalError) -> FiscalCheck:
    """The register could not be asked: the console's report says the fiscal part was not checked."""
    log.warning("event=shift_fiscal_check_failed error=%s", type(exc).__name__)
    problem = Note.of(
        "fiscal_unreachable",
        "the fiscal register could not be asked ({error}): its receipts were not checked and its shift "
        "was not closed; check them later with an X report",
        error=type(exc).__name__,
    )
    return FiscalCheck(provider, expected, 0, problem=problem)
