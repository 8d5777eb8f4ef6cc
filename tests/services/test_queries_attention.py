"""PaymentQueries.list_payments(needs_attention=True): an UNKNOWN outcome, or a money operation
whose outcome is UNKNOWN or waits for a manager's review (NEEDS_REVIEW), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from epay_desktop.domain import ConsoleStatus, GatewaySnapshot, InvoiceId, Money, OpKind, OpState, Payment
from epay_desktop.services.payments.queries import PaymentQueries
from epay_desktop.store.db import Store, make_engine
from epay_desktop.store.models import Base, UserRow

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    engine = make_engine(db_url)
    Base.metadata.create_all(engine)
    store = Store(engine, audit_key=os.urandom(32))
    with store.write() as tx:
        tx.session.add(
            UserRow(
                id=1, name="M", name_key="m", role="manager", password_hash="x", created_at=T0, updated_at=T0
            )
        )
    yield store
    store.close()


def _add(
    store: Store, number: int, amount: str, *, at: datetime, status: ConsoleStatus = ConsoleStatus.CHARGE
) -> Payment:
    with store.write() as tx:
        p = tx.payments.insert(
            InvoiceId.from_number(number),
            Money.parse(amount),
            description="Заказ",
            email=None,
            phone=None,
            account_id=None,
            save_card=False,
            language="rus",
            register_id="till-1",
            created_by=1,
            now=at,
        )
        snapshot = GatewaySnapshot(
            status=status,
            observed_at=at,
            transaction_id=f"tx-{number}",
            amount=Money.parse(amount),
            org_amount=Money.parse(amount),
            payout_amount=Money(0),
        )
        return tx.payments.apply_snapshot(p.id, snapshot, next_poll_at=None)


def _run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def _op(store: Store, payment: Payment, state: OpState, minute: int) -> None:
    with store.write() as tx:
        at = T0 + timedelta(minutes=minute)
        op = tx.operations.insert_intent(payment, OpKind.REFUND, Money.parse("100"), requested_by=1, now=at)
        if state is not OpState.SENDING:
            tx.operations.mark(op.id, state, now=at)


def test_needs_attention_finds_unknown_payments_and_unresolved_operations(store: Store) -> None:
    at = [T0 + timedelta(minutes=n) for n in range(7)]
    unknown = _add(store, 400_000_001, "1000", at=at[0], status=ConsoleStatus.UNKNOWN)
    op_unknown = _add(store, 400_000_002, "1000", at=at[1])
    op_review = _add(store, 400_000_003, "1000", at=at[2])
    settled = _add(store, 400_000_004, "1000", at=at[3])
    failed = _add(store, 400_000_005, "1000", at=at[4])
    _add(store, 400_000_006, "1000", at=at[5], status=ConsoleStatus.REJECT)
    _op(store, op_unknown, OpState.UNKNOWN, 1)
    _op(store, op_review, OpState.NEEDS_REVIEW, 2)
    _op(store, settled, OpState.SUCCEEDED, 3)
    _op(store, failed, OpState.FAILED, 4)
    queries = PaymentQueries(store)

    page = _run(queries.list_payments(needs_attention=True))
    assert [p.id for p in page.payments] == [op_review.id, op_unknown.id, unknown.id]  # newest first

    # combined with the other filters, and paged like any list
    charged = _run(queries.list_payments(needs_attention=True, status={ConsoleStatus.CHARGE}))
    assert {p.id for p in charged.payments} == {op_review.id, op_unknown.id}
    assert [p.id for p in _run(queries.list_payments(needs_attention=True, search="400000001")).payments] == [
        unknown.id
    ]
    first = _run(queries.list_payments(needs_attention=True, limit=2))
    assert len(first.payments) == 2 and first.next_cursor is not None
    rest = _run(queries.list_payments(needs_attention=True, limit=2, after=first.next_cursor))
    assert [p.id for p in rest.payments] == [unknown.id] and rest.next_cursor is None

    # once the review is settled the payment leaves the list
    with store.write() as tx:
        waiting = [
            op for op in tx.operations.list_for_payment(op_review.id) if op.state is OpState.NEEDS_REVIEW
        ]
        tx.operations.mark(waiting[0].id, OpState.FAILED, now=at[6])
    after = _run(queries.list_payments(needs_attention=True))
    assert [p.id for p in after.payments] == [op_unknown.id, unknown.id]
    # without the flag nothing changes
    assert len(_run(queries.list_payments()).payments) == 6


def test_attention_count_follows_the_list_and_is_capped(store: Store) -> None:
    queries = PaymentQueries(store)
    assert _run(queries.attention_count()) == 0
    first = _add(store, 400_000_011, "1000", at=T0, status=ConsoleStatus.UNKNOWN)
    second = _add(store, 400_000_012, "1000", at=T0 + timedelta(minutes=1))
    _add(store, 400_000_013, "1000", at=T0 + timedelta(minutes=2))
    _op(store, second, OpState.NEEDS_REVIEW, 1)
    assert _run(queries.attention_count()) == 2
    assert _run(queries.attention_count(cap=1)) == 1  # "1 or more"
    assert first.status is ConsoleStatus.UNKNOWN
    with pytest.raises(ValueError):
        _run(queries.attention_count(cap=0))
