"""PaymentQueries.list_payments of the attention filter: an UNKNOWN outcome, a money operation
whose outcome is UNKNOWN or waits for a manager's review (NEEDS_REVIEW), or an open discrepancy
between the books and the bank (decision 0137), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.services.payments.queries import PaymentFilter
from epay_desktop.services.payments.queries import PaymentQueries
from epay_desktop.store.db import Store
from tests.support.builders import add_account_row
from tests.support.builders import stored_operation
from tests.support.builders import stored_payment

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
ATTENTION = PaymentFilter(needs_attention=True)


@pytest.fixture
def store(db_store: Store) -> Store:
    """A fresh store with account 1 (a manager), who takes the payments."""
    add_account_row(db_store, T0)
    return db_store


def _add(
    store: Store, number: int, amount: str, *, at: datetime, status: ConsoleStatus = ConsoleStatus.CHARGE
) -> Payment:
    return stored_payment(store, number, amount, at=at, status=status)


def _run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def _op(store: Store, payment: Payment, state: OpState, minute: int) -> None:
    stored_operation(store, payment, state, T0 + timedelta(minutes=minute))


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

    page = _run(queries.list_payments(ATTENTION))
    assert [p.id for p in page.payments] == [op_review.id, op_unknown.id, unknown.id]  # newest first

    # combined with the other filters, and paged like any list
    charged = _run(queries.list_payments(replace(ATTENTION, statuses=frozenset({ConsoleStatus.CHARGE}))))
    assert {p.id for p in charged.payments} == {op_review.id, op_unknown.id}
    assert [p.id for p in _run(queries.list_payments(replace(ATTENTION, search="400000001"))).payments] == [
        unknown.id
    ]
    first = _run(queries.list_payments(ATTENTION, limit=2))
    assert len(first.payments) == 2 and first.next_cursor is not None
    rest = _run(queries.list_payments(ATTENTION, limit=2, after=first.next_cursor))
    assert [p.id for p in rest.payments] == [unknown.id] and rest.next_cursor is None

    # once the review is settled the payment leaves the list
    with store.write() as tx:
        waiting = [
            op for op in tx.operations.list_for_payment(op_review.id) if op.state is OpState.NEEDS_REVIEW
        ]
        tx.operations.mark(waiting[0].id, OpState.FAILED, now=at[6])
    after = _run(queries.list_payments(ATTENTION))
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


def test_an_open_discrepancy_needs_attention_counted_once_until_it_is_resolved(store: Store) -> None:
    """Decision 0137: the badge counts what the list's filter shows; a payment the books and the bank
    disagree about is in both, once however many reasons it has, and leaves both once resolved."""
    queries = PaymentQueries(store)
    disputed = _add(store, 400_000_021, "1000", at=T0)
    _add(store, 400_000_022, "1000", at=T0 + timedelta(minutes=1))
    with store.write() as tx:
        refund, _new = tx.discrepancies.record(
            disputed.id, "external_refund", console=None, bank=Money.parse("250"), detail="seen", now=T0
        )
        tx.discrepancies.record(
            disputed.id, "charged", console=Money.parse("1000"), bank=Money.parse("750"), detail="", now=T0
        )
    _op(store, disputed, OpState.UNKNOWN, 2)  # a second reason, the same payment

    assert [p.id for p in _run(queries.list_payments(ATTENTION)).payments] == [disputed.id]
    assert _run(queries.attention_count()) == 1  # one payment to act on, not three reasons

    with store.write() as tx:
        [op] = [o for o in tx.operations.list_for_payment(disputed.id) if o.state is OpState.UNKNOWN]
        tx.operations.mark(op.id, OpState.SUCCEEDED, now=T0 + timedelta(minutes=3))
        for d in tx.discrepancies.open(disputed.id):
            if d.id != refund.id:
                tx.discrepancies.resolve(d.id, actor_id=1, resolution="checked", now=T0)
    assert _run(queries.attention_count()) == 1  # the refund made outside the console is still open
    with store.write() as tx:
        tx.discrepancies.resolve(refund.id, actor_id=1, resolution="checked", now=T0)
    assert _run(queries.list_payments(ATTENTION)).payments == []
    assert _run(queries.attention_count()) == 0
