"""The differences a shift's bank checks found, kept for the shift's later reports (decision 0118).

A bank check takes the bank's answer (the payment refreshed, its books compared), so a later check no
longer finds what an earlier one did: a sale the console called EXPIRED that the bank charged is a
CHARGE after the X report's check, and the Z report's own check sees nothing wrong with it. So each
difference a check finds is appended to the audit log as it is found (``shift.bank_difference``,
subject ``shift:<id>``, no actor: the bank said it), by :func:`keep_found`; every later report of the
shift lists the ones its own check did not find again, with when they were found
(:func:`found_earlier`). The audit log keeps them tamper-evident, and the Z report's anchor covers them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Final

from epay_desktop.domain import Payment
from epay_desktop.domain.shifts import BankCheck
from epay_desktop.domain.shifts import BankDifference
from epay_desktop.domain.shifts import FoundEarlier
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import Shift
from epay_desktop.store.tx import Tx

__all__ = ["FOUND_ACTION", "found_earlier", "keep_found"]

#: The audit action of one difference a shift's bank check found.
FOUND_ACTION: Final = "shift.bank_difference"


def _subject(shift: Shift) -> str:
    return f"shift:{shift.id}"


def keep_found(
    shift: Shift,
    by: ReportKind,
    clock: Callable[[], datetime],
    tx: Tx,
    payment: Payment,
    differences: list[BankDifference],
) -> None:
    """Append each of ``differences`` (about ``payment``, found by ``by``'s bank check of ``shift``)
    to the audit log, in the caller's write transaction."""
    now = clock()
    for diff in differences:
        details = {
            "payment_id": payment.id,
            "what": diff.what,
            "console": diff.console,
            "bank": diff.bank,
            "by": by.value,
        }
        tx.audit.append(None, FOUND_ACTION, _subject(shift), details, at=now)


def found_earlier(tx: Tx, shift: Shift, bank: BankCheck | None) -> tuple[FoundEarlier, ...]:
    """Every difference the shift's bank checks found, the first time each was found (a payment and
    what differs), but those ``bank`` (this report's own check) found again: it lists them itself."""
    again = {(d.invoice_id, d.what) for d in bank.differences} if bank is not None else set()
    invoices: dict[int, str] = {}
    seen: set[tuple[str, str]] = set()
    found: list[FoundEarlier] = []
    for entry in tx.audit.about(_subject(shift), FOUND_ACTION):
        details = json.loads(entry.details)
        payment_id = int(details["payment_id"])
        if payment_id not in invoices:
            invoices[payment_id] = tx.payments.get(payment_id).invoice_id.value
        diff = BankDifference(invoices[payment_id], details["what"], details["console"], details["bank"])
        key = (diff.invoice_id, diff.what)
        if key in again or key in seen:
            continue
        seen.add(key)
        found.append(FoundEarlier(diff, entry.at, details.get("by", ReportKind.X.value)))
    return tuple(found)
