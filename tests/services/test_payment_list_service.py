"""PaymentQueries' list calls for the Qt model (issue 10): list_page (down, up, from the end),
list_position (a jump to any row), list_counts (the true row count); beside today's list_payments,
which keeps working and agrees with them. On SQLite and PostgreSQL, on a generated data set."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.generate import generate
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import OpState
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.services.payments.queries import ListPage
from epay_desktop.services.payments.queries import ListQuery
from epay_desktop.services.payments.queries import ListSort
from epay_desktop.services.payments.queries import PaymentQueries
from epay_desktop.store.db import Store
from epay_desktop.store.db import make_engine
from epay_desktop.store.models import MoneyOpRow

SIZE = 300


@pytest.fixture
def queries(db_url: str, tmp_path: Path) -> Iterator[PaymentQueries]:
    generate(db_url, SIZE, seed=21, pepper_file=tmp_path / "pepper.key")
    store = Store(make_engine(db_url))
    with store.write() as tx:  # one refund whose answer was lost: the list marks it
        op = tx.session.query(MoneyOpRow).filter(MoneyOpRow.kind == "REFUND").first()
        assert op is not None
        op.state = OpState.UNKNOWN.value
    yield PaymentQueries(store)
    store.close()


def test_pages_down_up_and_jumps_agree_with_todays_list(queries: PaymentQueries):
    async def run() -> None:
        today, cursor = [], None
        while True:
            old = await queries.list_payments(limit=70, after=cursor)
            today += [p.id for p in old.payments]
            if old.next_cursor is None:
                break
            cursor = old.next_cursor
        query = ListQuery()  # the default: newest first, like today's list
        down: list[int] = []
        page: ListPage = await queries.list_page(query, limit=64)
        down += [p.id for p in page.payments]
        while page.more:
            page = await queries.list_page(query, limit=64, after=page.last)
            down += [p.id for p in page.payments]
        assert down == today
        up: list[int] = []
        page = await queries.list_page(query, limit=64, from_end=True)
        up = [p.id for p in page.payments]
        while page.more:
            page = await queries.list_page(query, limit=64, before=page.first)
            up = [p.id for p in page.payments] + up
        assert up == today
        for offset in (0, 1, 150, SIZE - 1):
            cursor_at = await queries.list_position(query, offset)
            jumped = await queries.list_page(query, limit=10, after=cursor_at)
            assert [p.id for p in jumped.payments] == today[offset : offset + 10]
        assert await queries.list_position(query, SIZE + 1) is None
        counts = await queries.list_counts(query)
        assert counts.total == SIZE == sum(counts.by_status.values())
        with pytest.raises(ValueError, match="negative"):
            await queries.list_position(query, -1)

    asyncio.run(run())


def test_a_sorted_filtered_page_carries_the_open_operations_and_its_count(queries: PaymentQueries):
    async def run() -> None:
        attention = ListQuery(PaymentFilter(needs_attention=True), ListSort.AMOUNT, descending=True)
        page = await queries.list_page(attention, limit=50)
        assert len(page.payments) == 1 and not page.more
        (payment,) = page.payments
        assert page.open_operations[payment.id].state is OpState.UNKNOWN
        assert (await queries.list_counts(attention)).total == 1
        charged = ListQuery(PaymentFilter(frozenset({ConsoleStatus.REFUND})), ListSort.REFUNDED)
        page = await queries.list_page(charged, limit=500)
        refunded = [p.payout_amount.minor for p in page.payments if p.payout_amount]
        assert refunded == sorted(refunded, reverse=True) and len(refunded) == len(page.payments)
        assert (await queries.list_counts(charged)).total == len(page.payments)

    asyncio.run(run())


def test_page_at_a_row_and_the_row_of_a_payment_agree_with_walking_the_list(queries: PaymentQueries):
    """list_page_at (one read) starts at the row asked; list_row_of finds any payment's row, in every
    sort both ways and under a filter; a payment the filter hides has no row."""

    async def walk(query: ListQuery) -> list[int]:
        ids: list[int] = []
        page = await queries.list_page(query, limit=500)
        ids += [p.id for p in page.payments]
        while page.more:
            page = await queries.list_page(query, limit=500, after=page.last)
            ids += [p.id for p in page.payments]
        return ids

    async def run() -> None:
        charged = frozenset({ConsoleStatus.CHARGE})
        for sort in ListSort:
            for descending in (True, False):
                for statuses in (None, charged):
                    query = ListQuery(PaymentFilter(statuses), sort, descending)
                    ids = await walk(query)
                    for offset in (0, 1, len(ids) // 2, len(ids) - 1):
                        page = await queries.list_page_at(query, offset, limit=7)
                        assert [p.id for p in page.payments] == ids[offset : offset + 7], (query, offset)
                    assert (await queries.list_page_at(query, len(ids) + 5, limit=7)).payments == []
                    for row in (0, 3, len(ids) // 3, len(ids) - 1):
                        assert await queries.list_row_of(query, ids[row]) == row, (query, row)
        everything = await walk(ListQuery())
        charged_ids = set(await walk(ListQuery(PaymentFilter(charged))))
        hidden = next(i for i in everything if i not in charged_ids)
        assert await queries.list_row_of(ListQuery(PaymentFilter(charged)), hidden) is None
        assert await queries.list_row_of(ListQuery(), 10**9) is None

    asyncio.run(run())
