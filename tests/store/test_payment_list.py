"""The payment list in SQL (issue 10, decision 0050): every sort, both orders, both paging directions,
a jump to any row and the counts give exactly what a plain query over the whole table gives.

The reference order is a plain ``ORDER BY`` over the whole table written out here by hand; which
payments a filter keeps comes from the list's own filter test in Python (``PaymentFilter.matches``).
SQLite runs both ways a filtered page can be read (the filter's index then a sort, or a walk of the
sort's index when the filter matches many rows: ``SORT_FOUND_LIMIT``). On SQLite (a generated
2,000-payment file) and on PostgreSQL (the same generator, a smaller set) when a server is available.
Each list is read once per distinct SQL: a patched limit walks only the lists it reads another way, and
the jumps under the shipped limit are test_payment_list_at.py's (the same reads, at more rows).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from epay_desktop.domain import ConsoleStatus
from epay_desktop.store.db import make_engine
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.repos import payment_list
from epay_desktop.store.repos.payment_list import ListCursor
from epay_desktop.store.repos.payment_list import ListQuery
from epay_desktop.store.repos.payment_list import ListSort
from epay_desktop.store.repos.payment_list import PageRequest
from epay_desktop.store.repos.payment_list import count_rows
from epay_desktop.store.repos.payment_list import cursor_at
from epay_desktop.store.repos.payment_list import fetch_page
from epay_desktop.store.repos.payment_rows import to_payment
from tests.store.list_db import SHIPPED_FOUND_LIMIT
from tests.store.list_db import every_listing
from tests.store.list_db import every_payment
from tests.store.list_db import list_filters
from tests.store.list_db import matching_ids
from tests.store.list_db import read_another_way


def _walk(s: Session, query: ListQuery, limit: int, *, backwards: bool) -> list[int]:
    """Every row of the list, page by page (from the top down, or from the end up)."""
    seen: list[list[int]] = []
    rows, more = fetch_page(s, query, PageRequest(limit, from_end=backwards))
    seen.append([r.id for r in rows])
    while more:
        edge = rows[0] if backwards else rows[-1]
        cursor = ListCursor.of(query.sort, to_payment(edge))
        page = PageRequest(limit, before=cursor) if backwards else PageRequest(limit, after=cursor)
        rows, more = fetch_page(s, query, page)
        assert rows, "a page said more rows follow, then none came"
        seen.append([r.id for r in rows])
    if backwards:
        seen.reverse()
    return [pid for page in seen for pid in page]


def _check_all(engine: Engine, limit: int, found_limit: int = SHIPPED_FOUND_LIMIT) -> None:
    """Every listing walked down and up, its edges, and jumps into it. Under a patched
    ``SORT_FOUND_LIMIT`` only the listings it reads with other SQL than the shipped limit does (the
    others are checked by the shipped limit's run: same SQL, same rows). Under the shipped limit the
    jumps are test_payment_list_at's: its old way is this ``cursor_at`` + ``fetch_page`` at these rows
    (and more), on the same database with the same page size."""
    shipped = found_limit == SHIPPED_FOUND_LIMIT
    with Session(engine) as s:
        for query, expected, where in every_listing(engine):
            if not shipped and not read_another_way(s, query, found_limit):
                continue
            assert _walk(s, query, limit, backwards=False) == expected, f"down: {where}"
            assert _walk(s, query, limit, backwards=True) == expected, f"up: {where}"
            for offset in [] if shipped else sorted({1, limit, len(expected) // 2, len(expected) - 1}):
                if offset < 1 or offset >= len(expected):
                    continue
                cursor = cursor_at(s, query, offset)
                assert cursor is not None, f"jump {offset}: {where}"
                rows, _ = fetch_page(s, query, PageRequest(limit, after=cursor))
                assert [r.id for r in rows] == expected[offset : offset + limit], f"jump {offset}: {where}"
            assert cursor_at(s, query, 0) is None
            assert cursor_at(s, query, len(expected) + 1) is None, where
            at_end = cursor_at(s, query, len(expected))
            assert at_end is not None
            assert fetch_page(s, query, PageRequest(limit, after=at_end)) == ([], False)


@pytest.fixture
def engine_of() -> Iterator[list[Engine]]:
    made: list[Engine] = []
    yield made
    for engine in made:
        engine.dispose()


@pytest.mark.parametrize("found_limit", [payment_list.SORT_FOUND_LIMIT, 40])
def test_every_sort_both_orders_pages_like_a_plain_order_by_on_sqlite(
    list_db_url, engine_of, found_limit, monkeypatch
):
    """2,000 generated payments with ties in every key; pages of 37 down and up, and jumps."""
    monkeypatch.setattr(payment_list, "SORT_FOUND_LIMIT", found_limit)
    engine = make_engine(list_db_url)
    engine_of.append(engine)
    _check_all(engine, 37, found_limit)


def test_every_sort_both_orders_pages_like_a_plain_order_by_on_postgresql(pg_list_db_url, engine_of):
    """The same queries on PostgreSQL (skipped with the reason when no server binaries are installed)."""
    engine = make_engine(pg_list_db_url)
    engine_of.append(engine)
    _check_all(engine, 29)


def test_sorting_by_amount_shows_the_true_largest_first(list_db_url, engine_of):
    """Issue 10: the list sorted only the loaded rows, so its top was not the largest payment."""
    engine = make_engine(list_db_url)
    engine_of.append(engine)
    with Session(engine) as s:
        largest = s.scalar(select(func.max(PaymentRow.list_amount_minor)))
        smallest = s.scalar(select(func.min(PaymentRow.list_amount_minor)))
        top, _ = fetch_page(s, ListQuery(sort=ListSort.AMOUNT, descending=True), PageRequest(50))
        bottom, _ = fetch_page(s, ListQuery(sort=ListSort.AMOUNT, descending=False), PageRequest(50))
        newest, _ = fetch_page(s, ListQuery(), PageRequest(50))
    assert top[0].list_amount_minor == largest
    assert bottom[0].list_amount_minor == smallest
    # the case of the issue: the largest payment is not among the newest page the list loads first
    assert largest not in {r.list_amount_minor for r in newest}


def test_counts_equal_a_plain_count(list_db_url, engine_of):
    """Total and per status under each filter kind equal COUNT(*) (the per-status figures ignore the
    status choice itself, so a status picker can show them)."""
    engine = make_engine(list_db_url)
    engine_of.append(engine)
    everything = every_payment(engine)
    with Session(engine) as s:
        for name, wanted in list_filters(engine).items():
            query = ListQuery(wanted)
            counts = count_rows(s, query)
            assert counts.total == len(matching_ids(engine, query, everything)), name
            unfiltered = ListQuery(replace(wanted, statuses=None))
            for status in ConsoleStatus:
                one = ListQuery(replace(wanted, statuses=frozenset({status})))
                found = len(matching_ids(engine, one, everything))
                assert counts.by_status.get(status, 0) == found, (name, status)
            assert sum(counts.by_status.values()) == len(matching_ids(engine, unfiltered, everything)), name
        plain = s.scalar(select(func.count()).select_from(PaymentRow))
        assert count_rows(s, ListQuery()).total == plain == 2_000


def test_a_cursor_of_another_sort_is_refused(list_db_url, engine_of):
    engine = make_engine(list_db_url)
    engine_of.append(engine)
    with Session(engine) as s:
        rows, _ = fetch_page(s, ListQuery(), PageRequest(1))
        cursor = ListCursor.of(ListSort.TIME, to_payment(rows[0]))
        with pytest.raises(ValueError, match="cannot page"):
            fetch_page(s, ListQuery(sort=ListSort.AMOUNT), PageRequest(10, after=cursor))
        with pytest.raises(ValueError, match="not both"):
            fetch_page(s, ListQuery(), PageRequest(10, after=cursor, before=cursor))
        with pytest.raises(ValueError, match="positive"):
            fetch_page(s, ListQuery(), PageRequest(0))
