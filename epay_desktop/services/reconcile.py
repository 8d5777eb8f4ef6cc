"""Put the console's books in line with the gateway: at start-up (before new work) and on demand.

Two passes, both through check-status and never through a money request:

1. every unresolved money operation. A SENDING one found at start-up means the process died
   between committing the intent and recording the outcome: it is resolved like an UNKNOWN one
   (:meth:`MoneyOperations.resolve`), never re-sent. Applied -> SUCCEEDED; nothing at the gateway
   -> UNKNOWN during the quiet period, NEEDS_REVIEW after it; unexplained -> NEEDS_REVIEW.
2. every payment whose status may still change by itself (pending checkouts, holds):
   :meth:`PaymentService.refresh_status`.

The report lists what changed in plain lines (for the CLI's ``reconcile`` and the start-up log)
and what could not be checked. Gateway errors never stop the run: the next run tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from epay_desktop.domain import ConsoleError, InvoiceId, MoneyOp, Payment
from epay_desktop.gateway import EpayError
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

from .op_journal import KIND_WORD
from .operations import MoneyOperations, StatusRefresher

__all__ = ["ReconcileChange", "ReconcileReport", "Reconciler"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReconcileChange:
    """One thing the reconciler changed: ``subject`` is ``op:<id>`` or ``payment:<invoice>``."""

    subject: str
    before: str
    after: str
    line: str


@dataclass
class ReconcileReport:
    """What a run looked at, what it changed, and what it could not check."""

    started_at: datetime | None = None
    ops_checked: int = 0
    payments_checked: int = 0
    changes: list[ReconcileChange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        """Human-readable lines: changes first, then problems, or a single "nothing to do" line."""
        lines = [c.line for c in self.changes] + [f"could not check: {p}" for p in self.problems]
        if not lines:
            checked = f"{self.ops_checked} operations and {self.payments_checked} payments checked"
            lines.append(f"Nothing changed ({checked}).")
        return lines


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Reconciler:
    """Runs :meth:`reconcile_all`; meant for start-up (before new work) and the CLI's ``reconcile``."""

    def __init__(
        self,
        store: Store,
        payments: StatusRefresher,
        operations: MoneyOperations,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._store = store
        self._payments = payments
        self._operations = operations
        self._clock = clock

    async def reconcile_all(self) -> ReconcileReport:
        """Resolve every unresolved operation, then refresh every payment that needs polling.

        Side effects: check-status calls; operations and payments updated and audited as
        :meth:`MoneyOperations.resolve` and ``PaymentService.refresh_status`` do; events published.
        Never sends charge, cancel or refund. Errors per item are reported, not raised.
        """
        report = ReconcileReport(started_at=self._clock())
        pending = await self._store.run_read(_unresolved_with_invoices)
        for op, invoice in pending:
            report.ops_checked += 1
            try:
                resolution = await self._operations.resolve_verbose(op.id)
            except (EpayError, ConsoleError) as exc:
                report.problems.append(f"{_describe(op, invoice)}: {exc.user_message}")
                continue
            after = resolution.op
            if after.state is not op.state:
                line = f"{_describe(op, invoice)}: {op.state.value} -> {after.state.value}"
                report.changes.append(ReconcileChange(f"op:{op.id}", op.state.value, after.state.value, line))
            if resolution.note and after.state.is_unresolved:
                report.problems.append(f"{_describe(op, invoice)}: {resolution.note}")
        for payment in await self._store.run_read(lambda tx: tx.payments.needing_poll()):
            report.payments_checked += 1
            await self._refresh(payment, report)
        for line in report.lines:
            log.info("event=reconcile line=%r", line)
        return report

    async def _refresh(self, payment: Payment, report: ReconcileReport) -> None:
        try:
            updated = await self._payments.refresh_status(payment.invoice_id)
        except (EpayError, ConsoleError) as exc:
            report.problems.append(f"payment {payment.invoice_id}: {exc.user_message}")
            return
        if updated.status is not payment.status:
            before, after = payment.status.value, updated.status.value
            line = f"payment {payment.invoice_id}: {before} -> {after}"
            report.changes.append(ReconcileChange(f"payment:{payment.invoice_id}", before, after, line))


def _unresolved_with_invoices(tx: Tx) -> list[tuple[MoneyOp, InvoiceId]]:
    return [(op, tx.payments.get(op.payment_id).invoice_id) for op in tx.operations.all_unresolved()]


def _describe(op: MoneyOp, invoice: InvoiceId) -> str:
    return f"{KIND_WORD[op.kind]} of {op.amount.format()} on invoice {invoice} (operation {op.id})"
