"""Storing a check-status answer reads its payment once (issue 10, P3; decision 0063).

``PaymentRepo.lock_by_invoice`` keeps the row it locked for the transaction, so the update that follows
(``apply_snapshot``, ``record_poll``) finds it in the session instead of reading it again, and it reads
the database every time (a change made in the transaction meanwhile is seen). ``PaymentEventRepo``
reads the payment's currency only for events that carry an amount.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy import update

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentEventKind
from epay_desktop.domain.checkout import CheckoutInput
from epay_desktop.store.db import Store
from epay_desktop.store.models import PaymentRow
from tests.support.builders import add_account_row

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
INVOICE = InvoiceId("100000001")
KZT_500 = Money(50_000)


@pytest.fixture
def store(db_store: Store) -> Store:
    add_account_row(db_store, T0)
    return db_store


def _payment(store: Store, amount: Money = KZT_500, invoice: InvoiceId = INVOICE) -> int:
    with store.write() as tx:
        payment = tx.payments.insert(
            invoice, CheckoutInput(amount), description="d", register_id="r1", created_by=1, now=T0
        )
        return payment.id


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    """The SQL statements the store's engine runs inside the block, whitespace folded."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(re.sub(r"\s+", " ", statement).strip())

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def _reads_of_payments(seen: list[str]) -> list[str]:
    return [s for s in seen if s.startswith("SELECT") and re.search(r"\bFROM payments\b", s)]


def test_an_answer_stored_after_the_lock_reads_the_payment_once_and_stores_every_field(store: Store) -> None:
    pid = _payment(store)
    snapshot = GatewaySnapshot(
        status=ConsoleStatus.CHARGE,
        observed_at=T0 + timedelta(minutes=1),
        transaction_id="tx-1",
        card_mask="440563...5096",
        reference="123456789012",
        approval_code="A1",
        amount=Money(50_000),
    )
    with statements(store) as seen, store.write() as tx:
        locked = tx.payments.lock_by_invoice(INVOICE)
        stored = tx.payments.apply_snapshot(pid, snapshot, next_poll_at=None)
    assert len(_reads_of_payments(seen)) == 1  # the lock; the update found the row in the session
    assert len([s for s in seen if s.startswith("UPDATE payments")]) == 1
    with store.read() as tx:
        fresh = tx.payments.get(pid)
    assert stored == fresh  # what the update returned is what is stored
    assert fresh.version == locked.version + 1
    assert (fresh.status, fresh.transaction_id, fresh.card_mask, fresh.reference, fresh.approval_code) == (
        ConsoleStatus.CHARGE, "tx-1", "440563...5096", "123456789012", "A1",
    )  # fmt: skip
    assert fresh.gateway_amount == Money(50_000) and fresh.last_polled_at == snapshot.observed_at


def test_a_poll_without_a_transaction_reads_the_payment_once(store: Store) -> None:
    pid = _payment(store)
    now = T0 + timedelta(seconds=5)
    with statements(store) as seen, store.write() as tx:
        tx.payments.lock_by_invoice(INVOICE)
        tx.payments.record_poll(pid, ConsoleStatus.PENDING, now=now, next_poll_at=now + timedelta(seconds=3))
    assert len(_reads_of_payments(seen)) == 1
    with store.read() as tx:
        fresh = tx.payments.get(pid)
    assert (fresh.status, fresh.last_polled_at) == (ConsoleStatus.PENDING, now)
    assert fresh.next_poll_at == now + timedelta(seconds=3)


def test_the_lock_reads_the_database_even_when_the_row_is_kept(store: Store) -> None:
    pid = _payment(store)
    with store.write() as tx:
        tx.payments.lock_by_invoice(INVOICE)
        # a change the session did not make (a statement of its own) in the same transaction
        tx.session.execute(update(PaymentRow).where(PaymentRow.id == pid).values(reason="changed"))
        again = tx.payments.lock_by_invoice(INVOICE)
        assert again.reason == "changed"
        assert tx.payments.get(pid).reason == "changed"


def test_events_read_the_payments_currency_only_for_an_amount(store: Store) -> None:
    usd = _payment(store, Money(10_000, "USD"), InvoiceId("100000002"))
    with store.write() as tx:
        tx.payment_events.add(usd, PaymentEventKind.ATTEMPT, at=T0, status="REJECT", reason_code=484)
    with statements(store) as seen, store.read() as tx:
        attempts = tx.payment_events.for_payment(usd, PaymentEventKind.ATTEMPT)
    assert [a.status for a in attempts] == ["REJECT"] and attempts[0].amount is None
    assert _reads_of_payments(seen) == []  # no amount, no currency to read
    with store.write() as tx:
        added = tx.payment_events.add(
            usd, PaymentEventKind.EXTERNAL_REFUND, at=T0, amount=Money(2_500, "USD")
        )
    assert added.amount == Money(2_500, "USD")
    with store.read() as tx:
        events = tx.payment_events.for_payment(usd)
        refunds = tx.payment_events.for_payment(usd, PaymentEventKind.EXTERNAL_REFUND)
    assert [e.kind for e in events] == ["attempt", "external_refund"]
    assert events[1].amount == Money(2_500, "USD") and refunds == events[1:]
