"""A page at any row (``fetch_page_at``, decision 0057): the same rows as the walk from the top it
replaced (``cursor_at`` + ``fetch_page``) and as a plain ``ORDER BY`` over the whole table, for every
sort, both orders and every filter kind, at rows near the top, the middle and the end (where the
whole list and a status choice are walked from the end instead); and the whole list's counts come
from the summary kept by triggers (decision 0056) and equal ``COUNT(*)`` as payments change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy import event
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from epay_desktop.store.db import make_engine
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.repos.payment_list import ListQuery
from epay_desktop.store.repos.payment_list import PageRequest
from epay_desktop.store.repos.payment_list import count_rows
from epay_desktop.store.repos.payment_list import cursor_at
from epay_desktop.store.repos.payment_list import fetch_page
from epay_desktop.store.repos.payment_list import fetch_page_at
from tests.store.list_db import build_list_db
from tests.store.list_db import every_listing


def _old_way(s: Session, query: ListQuery, offset: int, limit: int) -> list[int]:
    """The page at ``offset`` as the list read it before: the cursor from the top, then a page."""
    after = cursor_at(s, query, offset) if offset else None
    if offset and after is None:
        return []
    rows, _ = fetch_page(s, query, PageRequest(limit, after=after))
    return [r.id for r in rows]


def _check(engine: Engine, limit: int) -> None:
    with Session(engine) as s:
        for query, expected, where in every_listing(engine):
            n = len(expected)
            offsets = {
                0,
                1,
                limit,
                n // 2,
                n // 2 + 1,
                n - limit - 1,
                n - limit,
                n - 3,
                n - 1,
                n,
                n + 5,
            }
            for offset in sorted(o for o in offsets if o >= 0):
                rows, more = fetch_page_at(s, query, offset, limit)
                ids = [r.id for r in rows]
                assert ids == expected[offset : offset + limit], f"row {offset}: {where}"
                assert more == (offset + limit < n), f"more at row {offset}: {where}"
                assert ids == _old_way(s, query, offset, limit), f"old way, row {offset}: {where}"


@pytest.mark.parametrize(
    ("database", "limit"),
    [pytest.param("list_db_url", 37, id="sqlite"), pytest.param("pg_list_db_url", 29, id="postgresql")],
)
def test_a_page_at_any_row_is_the_same_as_before(
    database: str, limit: int, request: pytest.FixtureRequest
) -> None:
    """On SQLite (2,000 payments) and PostgreSQL (600; skipped with the reason when no server binaries
    are installed), each a shared database the tests only read."""
    engine = make_engine(request.getfixturevalue(database))
    try:
        _check(engine, limit)
    finally:
        engine.dispose()


def test_the_last_page_of_the_whole_list_is_read_from_the_end(list_db_url: str) -> None:
    """Structural: the jump to the last page skips no rows from the top (no ``OFFSET`` near the
    list's length); the middle of a filtered list still walks from the top (its length unknown)."""
    engine = make_engine(list_db_url)
    offsets: list[int] = []

    def keep(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        if "OFFSET" in statement.upper():  # SQLite binds LIMIT ? OFFSET ? last
            offsets.append(int(parameters[-1]))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        with Session(engine) as s:
            total = count_rows(s, ListQuery()).total
            rows, more = fetch_page_at(s, ListQuery(), total - 10, 100)
            assert len(rows) == 10 and not more
            assert max(offsets, default=0) < 100, offsets
    finally:
        event.remove(engine, "before_cursor_execute", keep)
        engine.dispose()


def _summary_matches(engine: Engine) -> None:
    with Session(engine) as s:
        plain = dict(s.execute(select(PaymentRow.status, func.count()).group_by(PaymentRow.status)).all())
        counts = count_rows(s, ListQuery())
    assert {k.value: v for k, v in counts.by_status.items()} == plain
    assert counts.total == sum(plain.values())


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_status_summary_follows_inserts_changes_and_deletes(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    build_list_db(url, 300, 5, tmp_path)  # generated rows (inserts) and ORM changes of status
    engine = make_engine(url)
    try:
        _summary_matches(engine)
        with Session(engine) as s, s.begin():
            paid = s.scalars(select(PaymentRow).where(PaymentRow.status == "CHARGE").limit(3)).all()
            for row in paid:
                row.status = "REFUND"
            row = paid[0]
            row.description = "no status change"  # an update that leaves the status moves nothing
        _summary_matches(engine)
        with Session(engine) as s, s.begin():
            template = s.scalars(select(PaymentRow).where(PaymentRow.status == "REJECT").limit(1)).one()
            copy = {c.key: getattr(template, c.key) for c in PaymentRow.__table__.columns if c.key != "id"}
            copy.update(
                invoice_id="999999999999", invoice_tail="999999", transaction_id=None, status="PENDING"
            )
            s.add(PaymentRow(**copy))
        _summary_matches(engine)
        with Session(engine) as s, s.begin():
            new = s.scalars(select(PaymentRow).where(PaymentRow.invoice_id == "999999999999")).one()
            s.delete(new)
        _summary_matches(engine)
        with Session(engine) as s:  # a rolled back change leaves the counts as they were
            row = s.scalars(select(PaymentRow).where(PaymentRow.status == "CHARGE").limit(1)).one()
            row.status = "CANCEL"
            s.flush()
            s.rollback()
        _summary_matches(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_schema_made_by_create_all_keeps_the_summary_too(
    backend: str, request: pytest.FixtureRequest
) -> None:
    """Tests make schemas with ``Base.metadata.create_all``: the triggers come with it (else the
    whole list would count 0 there)."""
    from datetime import UTC
    from datetime import datetime

    from epay_desktop.store.models import Base

    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    engine = make_engine(url)
    try:
        Base.metadata.create_all(engine)
        Base.metadata.create_all(engine)  # again: nothing doubles
        now = datetime(2026, 12, 1, tzinfo=UTC)
        with Session(engine) as s, s.begin():
            for n, status in enumerate(("PENDING", "CHARGE", "CHARGE")):
                s.add(
                    PaymentRow(
                        invoice_id=f"70000000{n}", invoice_tail=f"00000{n}", amount_minor=100_00,
                        status=status, register_id="r1", created_at=now, updated_at=now,
                    )
                )  # fmt: skip
        _summary_matches(engine)
        with Session(engine) as s:
            assert count_rows(s, ListQuery()).total == 3
    finally:
        engine.dispose()


def test_on_postgresql_the_summary_is_locked_only_at_commit(pg_url: str, tmp_path: Path) -> None:
    """Decision 0056: a transaction changing a payment's status does not hold the summary while it
    goes on (the triggers run at its commit), so another counter's change commits meanwhile; with a
    row trigger it would wait (here: fail on the lock timeout). Both changes are counted."""
    from sqlalchemy import text

    build_list_db(pg_url, 120, 6, tmp_path)
    engine = make_engine(pg_url)
    try:
        with engine.connect() as conn:
            x, y = conn.execute(
                text("SELECT id FROM payments WHERE status = 'CHARGE' ORDER BY id LIMIT 2")
            ).scalars()
        first, second = engine.connect(), engine.connect()
        try:
            first.execute(text("UPDATE payments SET status = 'REFUND' WHERE id = :x"), {"x": x})  # open
            second.execute(text("SET lock_timeout = '2s'"))
            second.execute(text("UPDATE payments SET status = 'REFUND' WHERE id = :y"), {"y": y})
            second.commit()  # does not wait for the first transaction
            first.commit()
        finally:
            first.close()
            second.close()
        _summary_matches(engine)
    finally:
        engine.dispose()
