"""What the store and PaymentQueries give the list and the detail (issue 7 point 6): the bank's own
time of a payment (check-status ``createdDate``) is kept, and a page of the list carries the
payments' operations that wait for the bank or a manager."""

from __future__ import annotations

import asyncio
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway.status import interpret_status
from epay_desktop.services.payments.gateway_map import snapshot_from_status
from epay_desktop.services.payments.queries import PaymentQueries
from epay_desktop.store.db import Store
from tests.support.builders import add_account_row
from tests.support.builders import op_intent
from tests.support.builders import stored_payment

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
BANK_TIME = datetime(2025, 3, 1, 14, 0, 5, tzinfo=timezone(timedelta(hours=5)))  # 09:00:05 UTC


@pytest.fixture
def store(db_store: Store) -> Store:
    """A fresh store with account 1 (a manager), who takes the payments."""
    add_account_row(db_store, T0)
    return db_store


def _paid(store: Store, number: int, bank_time: datetime | None = None) -> Payment:
    observed = T0 + timedelta(seconds=30)
    return stored_payment(
        store, number, "1500", at=T0, description="", observed_at=observed, bank_time=bank_time
    )


def test_check_status_created_date_becomes_the_bank_time(store: Store) -> None:
    body = {
        "resultCode": "100",
        "resultMessage": "SUCCESS",
        "transaction": {
            "id": "tx-1", "createdDate": "2025-03-01T14:00:05.000000+05:00", "invoiceID": "100000001",
            "amount": 1500, "payoutAmount": 0, "orgAmount": 1500, "amountBonus": 0, "currency": "KZT",
            "statusName": "CHARGE", "reasonCode": "0",
        },
    }  # fmt: skip
    result = interpret_status(body, invoice_id="100000001", http_status=200)
    assert isinstance(result, StatusFound)
    snapshot = snapshot_from_status(result, T0 + timedelta(minutes=1))
    assert snapshot.bank_time == BANK_TIME
    stored = _paid(store, 100_000_001, snapshot.bank_time)
    assert stored.bank_time == BANK_TIME
    view = asyncio.run(PaymentQueries(store).get_view(stored.invoice_id))
    assert view.payment.bank_time == BANK_TIME
    # a later answer without the field keeps it
    with store.write() as tx:
        later = GatewaySnapshot(status=ConsoleStatus.CHARGE, observed_at=T0 + timedelta(hours=1))
        assert tx.payments.apply_snapshot(stored.id, later, next_poll_at=None).bank_time == BANK_TIME


def test_a_page_carries_the_operations_that_wait(store: Store) -> None:
    lost, review, calm = (_paid(store, n) for n in (100_000_011, 100_000_012, 100_000_013))
    with store.write() as tx:
        a = tx.operations.insert_intent(lost, op_intent("100"), now=T0)
        tx.operations.mark(a.id, OpState.UNKNOWN, now=T0)
        b = tx.operations.insert_intent(review, op_intent("200"), now=T0)
        tx.operations.mark(b.id, OpState.UNKNOWN, now=T0)
        tx.operations.mark(b.id, OpState.NEEDS_REVIEW, now=T0)
        c = tx.operations.insert_intent(calm, op_intent("300"), now=T0)
        tx.operations.mark(c.id, OpState.SUCCEEDED, now=T0)
    page = asyncio.run(PaymentQueries(store).list_payments(limit=2))
    shown = {p.id for p in page.payments}
    assert page.next_cursor is not None and len(shown) == 2
    expected = {lost.id: (a.id, OpState.UNKNOWN), review.id: (b.id, OpState.NEEDS_REVIEW)}
    assert {pid: (op.id, op.state) for pid, op in page.open_operations.items()} == {
        pid: v for pid, v in expected.items() if pid in shown
    }
    everything = asyncio.run(PaymentQueries(store).list_payments(limit=10))
    assert {pid: op.state for pid, op in everything.open_operations.items()} == {
        lost.id: OpState.UNKNOWN,
        review.id: OpState.NEEDS_REVIEW,
    }
    assert everything.open_operations[review.id].amount == Money.parse("200")
