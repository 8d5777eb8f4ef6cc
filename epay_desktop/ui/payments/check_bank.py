"""Payment → Check with the bank (Shift+F5): compare the selected payment with the bank now (decision 0041).

The periodic reconcile notices a refund made in the bank's merchant cabinet within minutes (decision
0037); a cashier who suspects the console is out of date need not wait. :func:`check_bank_flow` runs
``Reconciler.check_payment`` for one payment (check-status only: nothing is ever sent again), and
:func:`check_summary` turns its report into the one line shown in the status bar. The detail panel and
the list follow the PaymentUpdated events the check publishes; the controller reloads the detail and
recounts the Needs attention badge after it anyway.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.services.payments.reconcile import ReconcileReport
from epay_desktop.ui.widgets.status_badge import status_label

__all__ = ["RESULT_SHOWN_MS", "PaymentChecker", "check_bank_flow", "check_summary"]

#: How long the result stays in the status bar.
RESULT_SHOWN_MS = 30_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckWithBank", text)


class PaymentChecker(Protocol):
    """``Reconciler.check_payment``."""

    async def check_payment(self, invoice_id: InvoiceId) -> ReconcileReport: ...


def _status_after(report: ReconcileReport) -> str | None:
    for change in report.changes:
        if change.subject.startswith("payment:"):
            return change.after
    return None


def check_summary(report: ReconcileReport) -> str:
    """One line for the status bar: what the check recorded, what it left for later, or what went wrong."""
    if report.external_refunds:
        minors = [amount.minor for _invoice, amount in report.external_refunds]
        total = Money(sum(minors), report.external_refunds[0][1].currency)
        text = _tr(
            "Checked with the bank: {amount} refunded outside the console (see Needs attention)."
        ).format(amount=total.format())
    elif report.discrepancies_opened:
        text = _tr(
            "Checked with the bank: the console's books and the bank's differ; a manager should look "
            "at it in Needs attention."
        )
    elif report.in_flight:
        text = _tr(
            "Checked with the bank: an operation on this payment is being sent right now; "
            "its result shows when it ends."
        )
    elif (status := _status_after(report)) is not None:
        try:
            label = status_label(ConsoleStatus(status))
        except ValueError:
            label = status
        text = _tr("Checked with the bank: the payment is now “{status}”.").format(status=label)
    elif report.changes:
        text = _tr("Checked with the bank: an unfinished operation was settled (see the timeline).")
    elif report.waiting or report.books_waiting:
        text = _tr(
            "Checked with the bank: an operation was made moments ago and the bank may show it late; "
            "check again in a minute."
        )
    elif not report.problems:
        text = _tr("Checked with the bank: nothing changed.")
    else:
        text = ""
    if report.problems:
        problem = _tr("Could not check with the bank: {problem}").format(problem=report.problems[0])
        text = f"{text} {problem}" if text else problem
    return text


async def check_bank_flow(checker: PaymentChecker, invoice: InvoiceId) -> str:
    """Check ``invoice`` with the bank now; returns the status bar line. Never raises for the gateway:
    the check reports its problems."""
    report = await checker.check_payment(invoice)
    return check_summary(report)
