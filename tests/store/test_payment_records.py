"""The list's fast read (issue 10, P2; decision 0064): records made straight from the row tuples of
``PAYMENT_COLUMNS`` (``payment_rows.payments_of``) equal ``to_payment`` of the ORM row, field by field
(values, their types, the datetimes' UTC zone), for every payment of a generated database on SQLite
and on PostgreSQL; ``read_page`` / ``read_page_at`` give the same payments as ``fetch_page`` /
``fetch_page_at`` (the ORM rows) for every sort, both orders, with and without a filter, and flag
exactly the payments with an open operation (UNKNOWN / NEEDS_REVIEW) in the page's own query; and
datetimes stored as other text than SQLAlchemy writes are read as the ORM reads them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Payment
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.repos.payment_list import ListCursor
from epay_desktop.store.repos.payment_list import ListQuery
from epay_desktop.store.repos.payment_list import ListSort
from epay_desktop.store.repos.payment_list import PageRequest
from epay_desktop.store.repos.payment_list import fetch_page
from epay_desktop.store.repos.payment_list import fetch_page_at
from epay_desktop.store.repos.payment_list import read_page
from epay_desktop.store.repos.payment_list import read_page_at
from epay_desktop.store.repos.payment_rows import PAYMENT_COLUMNS
from epay_desktop.store.repos.payment_rows import payments_of
from epay_desktop.store.repos.payment_rows import to_payment


def _same(fast: Payment, orm: Payment) -> None:
    for f in fields(Payment):
        a, b = getattr(fast, f.name), getattr(orm, f.name)
        assert a == b, (orm.id, f.name, a, b)
        assert type(a) is type(b), (orm.id, f.name, type(a), type(b))
        if isinstance(a, datetime):
            assert a.tzinfo is UTC and b.tzinfo is UTC, (orm.id, f.name, a.tzinfo, b.tzinfo)


def _every_payment_equal(engine: Engine) -> int:
    with Session(engine) as s:
        conn = s.connection()
        fast = payments_of(conn.execute(select(*PAYMENT_COLUMNS).order_by(PaymentRow.id)).all(), conn.dialect)
        orm = [to_payment(row) for row in s.scalars(select(PaymentRow).order_by(PaymentRow.id))]
    assert len(fast) == len(orm)
    for a, b in zip(fast, orm, strict=True):
        _same(a, b)
    return len(orm)


def _queries(engine: Engine) -> list[ListQuery]:
    with Session(engine) as s:
        middle = s.scalar(select(PaymentRow.created_at).order_by(PaymentRow.id).offset(100).limit(1))
    assert middle is not None
    queries = [ListQuery(sort=sort, descending=d) for sort in ListSort for d in (True, False)]
    queries += [
        ListQuery(PaymentFilter(frozenset({ConsoleStatus.CHARGE}), since=middle), ListSort.AMOUNT),
        ListQuery(PaymentFilter(search="12"), ListSort.STATUS, descending=False),
        ListQuery(PaymentFilter(needs_attention=True)),
    ]
    return queries


def _pages_equal(engine: Engine, limit: int) -> None:
    with Session(engine) as s:
        states = ("UNKNOWN", "NEEDS_REVIEW")
        open_ids = set(s.scalars(select(MoneyOpRow.payment_id).where(MoneyOpRow.state.in_(states))))
        assert open_ids  # build_list_db leaves two open operations
        seen_flagged: set[int] = set()
        for query in _queries(engine):
            orm, more = fetch_page(s, query, PageRequest(limit))
            fast, fast_more = read_page(s, query, PageRequest(limit))
            assert fast_more == more, query
            for a, b in zip(fast, orm, strict=True):
                _same(a, to_payment(b))
            flagged: set[int] = set()
            with_flags, _ = read_page(s, query, PageRequest(limit), open_operations=flagged)
            assert with_flags == fast
            assert flagged == {p.id for p in fast} & open_ids, query
            at: set[int] = set()
            found_at, _ = read_page_at(s, query, 0, limit, open_operations=at)
            assert found_at == fast and at == flagged, query
            seen_flagged |= flagged
            asks = [PageRequest(limit, from_end=True)]
            if orm:
                cursor = ListCursor.of(query.sort, to_payment(orm[-1]))
                asks += [PageRequest(limit, after=cursor), PageRequest(limit, before=cursor)]
            for ask in asks:
                rows, _ = fetch_page(s, query, ask)
                assert [p.id for p in read_page(s, query, ask)[0]] == [r.id for r in rows], (query, ask)
            for offset in (0, 1, 250, 599, 1_500, 1_999, 5_000):
                rows, more = fetch_page_at(s, query, offset, limit)
                found, found_more = read_page_at(s, query, offset, limit)
                assert ([p.id for p in found], found_more) == ([r.id for r in rows], more), (query, offset)
        assert seen_flagged == open_ids  # the needs-attention page holds them all


@pytest.mark.parametrize(
    ("database", "payments", "limit"),
    [
        pytest.param("list_db_url", 2_000, 41, id="sqlite"),
        pytest.param("pg_list_db_url", 600, 29, id="postgresql"),
    ],
)
def test_records_equal_the_orm_rows(
    database: str,
    payments: int,
    limit: int,
    request: pytest.FixtureRequest,
    engine_for: Callable[[str], Engine],
) -> None:
    """On SQLite and PostgreSQL (skipped with the reason when no server binaries are installed)."""
    engine = engine_for(request.getfixturevalue(database))
    assert _every_payment_equal(engine) == payments
    _pages_equal(engine, limit)


def test_datetimes_stored_as_other_text_are_read_as_the_orm_reads_them(
    tmp_path: Path, engine_for: Callable[[str], Engine]
) -> None:
    """SQLite keeps datetimes as text. SQLAlchemy writes ``YYYY-MM-DD HH:MM:SS.ffffff`` (the fast case);
    text written another way (no fraction, a ``T``, an offset, even one of the same length) must come
    out as ``to_payment`` makes it: aware UTC."""
    from benchmarks.generate import generate

    url = f"sqlite:///{tmp_path / 'epay-desktop.db'}"
    generate(url, 40, seed=3, pepper_file=tmp_path / "pepper.key")
    engine = engine_for(url)
    stored: dict[int, dict[str, Any]] = {
        1: {"created_at": "2025-03-04 05:06:07", "next_poll_at": "2025-03-04T05:06:07.5"},
        2: {"created_at": "2025-03-04 05:06:07.123+05", "updated_at": "2025-03-04 05:06:07.123456+05:00"},
        3: {"created_at": "2025-03-04T05:06:07.123456", "bank_time": "2025-03-04 05:06:07-01:30"},
    }
    assert len(stored[2]["created_at"]) == len("2025-03-04 05:06:07.123456")  # the fast path's length
    with engine.begin() as conn:
        for pid, values in stored.items():
            sets = ", ".join(f"{column} = :{column}" for column in values)
            update = f"UPDATE payments SET {sets} WHERE id = :id"  # noqa: S608 (this test's own column names)
            conn.execute(text(update), {**values, "id": pid})
    assert _every_payment_equal(engine) == 40
    with Session(engine) as s:
        conn = s.connection()
        first = payments_of(
            conn.execute(select(*PAYMENT_COLUMNS).where(PaymentRow.id == 2)).all(), conn.dialect
        )
    assert first[0].created_at == datetime(2025, 3, 4, 0, 6, 7, 123000, tzinfo=UTC)
