"""Benchmark: the payment list model over a million payments (a benchmark, not a test).

Measures, with a QTableView on the offscreen platform and the qasync loop:
  first_page_shown     model + view created -> first page inserted and painted
  scroll_to_100k       repeated fetchMore until 100,000 rows are loaded, then scrollToBottom + paint
  apply_update_in_place  mean latency of apply_update for a loaded row (dataChanged)
  apply_update_insert    mean latency of apply_update inserting a new payment on top
Prints one JSON object per line: {"name": ..., "ms": ..., plus context}.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_payments_model.py [--rows 1000000]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import asyncio
import json
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import qasync
from PySide6.QtWidgets import QApplication, QTableView

import epay_desktop.ui  # noqa: F401  (QtWebEngine first, as in the app)
from epay_desktop.domain import ConsoleStatus, InvoiceId, Money, Payment
from epay_desktop.ui.models.payments_model import PaymentColumn, PaymentsTableModel
from epay_desktop.ui.widgets.status_badge import BadgeDelegate

BASE = datetime(2026, 1, 1, tzinfo=UTC)
STATUSES = (ConsoleStatus.CHARGE, ConsoleStatus.CHARGE, ConsoleStatus.REFUND, ConsoleStatus.REJECT)


def payment(i: int, total: int) -> Payment:
    """Row ``i`` of the newest-first list, computed on demand (nothing is stored)."""
    created = BASE - timedelta(seconds=7 * i)
    return Payment(
        id=total - i,
        invoice_id=InvoiceId(f"{100_000_000 + i:09d}"),
        amount=Money(100_000 + (i % 997) * 50),
        status=STATUSES[i % len(STATUSES)],
        description=f"Order {i}",
        email=None,
        phone=None,
        account_id=None,
        save_card=False,
        language="rus",
        register_id="R1",
        created_by=1 + i % 3,
        created_at=created,
        updated_at=created,
        transaction_id=f"txn-{i}",
        gateway_amount=None,
        org_amount=None,
        payout_amount=None,
        card_mask=f"440563...{i % 10_000:04d}",
        card_type="VISA",
        card_id=None,
        reference=None,
        approval_code=None,
        reason=None,
        reason_code=None,
        token_expires_at=None,
        next_poll_at=None,
        last_polled_at=None,
        version=1,
    )


class LazySource:
    """A PaymentListSource over ``total`` generated rows; the cursor is the next row's index."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.calls = 0

    async def list_payments(self, *, limit: int = 50, after: Any = None, **_filters: Any) -> SimpleNamespace:
        self.calls += 1
        start = int(after or 0)
        end = min(start + limit, self.total)
        rows = [payment(i, self.total) for i in range(start, end)]
        await asyncio.sleep(0)  # a real source hands over to the DB thread and back
        return SimpleNamespace(payments=rows, next_cursor=end if end < self.total else None)


def emit(name: str, ms: float, **extra: Any) -> None:
    print(json.dumps({"name": name, "ms": round(ms, 3), **extra}), flush=True)


async def main(app: QApplication, total: int, page_size: int, target: int) -> None:
    source = LazySource(total)
    started = time.perf_counter()
    model = PaymentsTableModel(source, page_size=page_size)
    view = QTableView()
    view.setModel(model)
    view.setItemDelegateForColumn(PaymentColumn.STATUS, BadgeDelegate(view))
    view.resize(1000, 600)
    view.show()
    await model.load_more()
    await asyncio.sleep(0)  # never app.processEvents() inside a coroutine: it re-enters the loop
    view.viewport().repaint()
    emit("first_page_shown", (time.perf_counter() - started) * 1000, rows=model.rowCount(), source_rows=total)

    started = time.perf_counter()
    while model.rowCount() < target and model.canFetchMore():
        model.fetchMore()
        await model.load_more()
    view.scrollToBottom()
    await asyncio.sleep(0)
    view.viewport().repaint()
    emit("scroll_to_100k", (time.perf_counter() - started) * 1000, rows=model.rowCount(), pages=source.calls)

    view.scrollToTop()
    while model.is_loading:  # the view may have asked for one more page at the bottom
        await model.load_more()
    n = 2_000
    rows = [model.payment_at(model.rowCount() // 2 + k) for k in range(n)]
    started = time.perf_counter()
    for p in rows:
        model.apply_update(replace(p, status=ConsoleStatus.REFUND, version=p.version + 1))
    emit(
        "apply_update_in_place", (time.perf_counter() - started) * 1000 / n, updates=n, rows=model.rowCount()
    )

    newest = model.payment_at(0)
    started = time.perf_counter()
    before = model.rowCount()
    for k in range(1, n + 1):
        model.apply_update(replace(newest, id=total + k, created_at=newest.created_at + timedelta(seconds=k)))
    assert model.rowCount() == before + n, "every new payment must have been inserted"
    emit("apply_update_insert", (time.perf_counter() - started) * 1000 / n, updates=n, rows=model.rowCount())
    view.close()


def run() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000, help="payments in the fake source")
    parser.add_argument("--page-size", type=int, default=200)
    parser.add_argument("--target", type=int, default=100_000, help="rows to load by fetchMore")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["bench_payments_model"])
    assert isinstance(app, QApplication)
    qasync.run(main(app, args.rows, args.page_size, args.target))


if __name__ == "__main__":
    run()
