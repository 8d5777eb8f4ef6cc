"""The payment list in SQL (issue 10, decision 0050): every sort, both orders, both paging directions,
a jump to any row and the counts give exactly what a plain query over the whole table gives.

The reference order is a plain ``ORDER BY`` over the whole table written out here by hand; which
payments a filter keeps comes from the list's own filter test in Python (``PaymentFilter.matches``).
SQLite runs both ways a filtered page can be read (the filter's index then a sort, or a walk of the
sort's index when the filter matches many rows: ``SORT_FOUND_LIMIT``). On SQLite (a generated
2,000-payment file) and on PostgreSQL (the same generator, a smaller set) when a server is available.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from epay_desktop.domain import ConsoleStatus, Payment
from epay_desktop.store.db import make_engine
from epay_desktop.store.models import MoneyOpRow, PaymentRow
from epay_desktop.store.repos import payment_list
from epay_desktop.store.repos.payment_list import (
    ListCursor,
    ListQuery,
    ListSort,
    count_rows,
    cursor_at,
    fetch_page,
)
from epay_desktop.store.repos.payment_rows import to_payment

from .conftest import build_list_db

_STATUS_RANK = " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(ConsoleStatus))
#: the reference: each sort as a plain ORDER BY over the whole table ({d}: ASC or DESC)
REFERENCE = {
    ListSort.TIME: "created_at {d}, id {d}",
    ListSort.INVOICE: "invoice_id {d}",
    ListSort.AMOUNT: "list_amount_minor {d}, id {d}",
    ListSort.REFUNDED: "coalesce(payout_amount_minor, 0) {d}, id {d}",
    ListSort.CARD: "card_last4 {d}, id {d}",
    ListSort.STATUS: f"CASE status {_STATUS_RANK} END {{d}}, created_at {{d}}, id {{d}}",
    ListSort.CASHIER: (
        "CASE WHEN created_by IS NULL THEN 1 ELSE 0 END {d}, "
        "(SELECT name_key FROM users WHERE users.id = payments.created_by) {d}, "
        "created_by {d}, created_at {d}, id {d}"
    ),
}


def _ordered_ids(engine: Engine, sort: ListSort, descending: bool) -> list[int]:
    order = REFERENCE[sort].format(d="DESC" if descending else "ASC")
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text(f"SELECT id FROM payments ORDER BY {order}"))]  # noqa: S608


def _filters(engine: Engine) -> dict[str, dict[str, object]]:
    """One query of each filter kind the list offers, with values taken from the data."""
    with Session(engine) as s:
        size = s.scalar(select(func.count()).select_from(PaymentRow)) or 0
        middle = s.scalar(select(PaymentRow.created_at).where(PaymentRow.id == size // 2))
        invoice = s.scalar(select(PaymentRow.invoice_id).where(PaymentRow.id == size // 3))
        last4 = s.scalar(
            select(PaymentRow.card_last4)
            .where(PaymentRow.card_last4 != "")
            .group_by(PaymentRow.card_last4)
            .order_by(func.count().desc(), PaymentRow.card_last4)
            .limit(1)
        )
        amount = s.scalar(
            select(PaymentRow.amount_minor)
            .group_by(PaymentRow.amount_minor)
            .order_by(func.count().desc(), PaymentRow.amount_minor)
            .limit(1)
        )
        rrn = s.scalar(select(PaymentRow.reference).where(PaymentRow.reference.is_not(None)).limit(1))
    assert middle is not None and invoice and last4 and amount and rrn
    month = {"since": middle - timedelta(days=30), "until": middle + timedelta(days=30)}
    return {
        "none": {},
        "refunded": {"statuses": frozenset({ConsoleStatus.REFUND})},
        "paid-held-cancelled": {
            "statuses": frozenset({ConsoleStatus.CHARGE, ConsoleStatus.AUTH, ConsoleStatus.CANCEL})
        },
        "two months": month,
        "paid in two months": {"statuses": frozenset({ConsoleStatus.CHARGE}), **month},
        "invoice prefix": {"search": invoice[:7]},
        "last 4": {"search": last4},
        "amount": {"search": str(amount // 100)},
        "rrn": {"search": rrn},
        "needs attention": {"needs_attention": True},
    }


def _everything(engine: Engine) -> list[tuple[int, Payment, bool]]:
    """Every payment as the console reads it, with whether an operation on it is still open."""
    with Session(engine) as s:
        open_ops = set(
            s.scalars(select(MoneyOpRow.payment_id).where(MoneyOpRow.state.in_(("UNKNOWN", "NEEDS_REVIEW"))))
        )
        return [(row.id, to_payment(row), row.id in open_ops) for row in s.scalars(select(PaymentRow))]


def _matching(
    engine: Engine, query: ListQuery, everything: list[tuple[int, Payment, bool]] | None = None
) -> set[int]:
    """Ids the console's own reading of the filter keeps: the list's ``PaymentFilter.matches`` (which
    live updates use to decide whether a payment joins the list), over every payment (``everything``:
    read once by the caller when it asks many times of the same data)."""
    from epay_desktop.ui.payments.list_filter import PaymentFilter

    wanted = PaymentFilter.of(
        query.statuses, query.since, query.until, query.search, needs_attention=query.needs_attention
    )
    rows = _everything(engine) if everything is None else everything
    return {pid for pid, payment, open_op in rows if wanted.matches(payment, open_operation=open_op)}


def _walk(s: Session, query: ListQuery, limit: int, *, backwards: bool) -> list[int]:
    """Every row of the list, page by page (from the top down, or from the end up)."""
    seen: list[list[int]] = []
    rows, more = fetch_page(s, query, limit, from_end=backwards)
    seen.append([r.id for r in rows])
    while more:
        edge = rows[0] if backwards else rows[-1]
        cursor = ListCursor.of(query.sort, to_payment(edge))
        rows, more = fetch_page(s, query, limit, **{"before" if backwards else "after": cursor})
        assert rows, "a page said more rows follow, then none came"
        seen.append([r.id for r in rows])
    if backwards:
        seen.reverse()
    return [pid for page in seen for pid in page]


def _check_all(engine: Engine, limit: int) -> None:
    filters = _filters(engine)
    matching = {name: _matching(engine, ListQuery(**f)) for name, f in filters.items()}  # type: ignore[arg-type]
    assert all(matching.values()), {k: len(v) for k, v in matching.items()}
    with Session(engine) as s:
        for sort in ListSort:
            for descending in (True, False):
                whole = _ordered_ids(engine, sort, descending)
                for name, args in filters.items():
                    query = ListQuery(sort=sort, descending=descending, **args)  # type: ignore[arg-type]
                    expected = [pid for pid in whole if pid in matching[name]]
                    where = f"{sort} {'desc' if descending else 'asc'} / {name}"
                    assert _walk(s, query, limit, backwards=False) == expected, f"down: {where}"
                    assert _walk(s, query, limit, backwards=True) == expected, f"up: {where}"
                    for offset in sorted({1, limit, len(expected) // 2, len(expected) - 1}):
                        if offset < 1 or offset >= len(expected):
                            continue
                        cursor = cursor_at(s, query, offset)
                        assert cursor is not None, f"jump {offset}: {where}"
                        rows, _ = fetch_page(s, query, limit, after=cursor)
                        assert [r.id for r in rows] == expected[offset : offset + limit], (
                            f"jump {offset}: {where}"
                        )
                    assert cursor_at(s, query, 0) is None
                    assert cursor_at(s, query, len(expected) + 1) is None, where
                    at_end = cursor_at(s, query, len(expected))
                    assert at_end is not None and fetch_page(s, query, limit, after=at_end) == ([], False)


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
    _check_all(engine, 37)


def test_every_sort_both_orders_pages_like_a_plain_order_by_on_postgresql(pg_url, tmp_path: Path, engine_of):
    """The same queries on PostgreSQL (skipped with the reason when no server binaries are installed)."""
    build_list_db(pg_url, 600, 12, tmp_path)
    engine = make_engine(pg_url)
    engine_of.append(engine)
    _check_all(engine, 29)


def test_sorting_by_amount_shows_the_true_largest_first(list_db_url, engine_of):
    """Issue 10: the list sorted only the loaded rows, so its top was not the largest payment."""
    engine = make_engine(list_db_url)
    engine_of.append(engine)
    with Session(engine) as s:
        largest = s.scalar(select(func.max(PaymentRow.list_amount_minor)))
        smallest = s.scalar(select(func.min(PaymentRow.list_amount_minor)))
        top, _ = fetch_page(s, ListQuery(sort=ListSort.AMOUNT, descending=True), 50)
        bottom, _ = fetch_page(s, ListQuery(sort=ListSort.AMOUNT, descending=False), 50)
        newest, _ = fetch_page(s, ListQuery(), 50)
    assert top[0].list_amount_minor == largest
    assert bottom[0].list_amount_minor == smallest
    # the case of the issue: the largest payment is not among the newest page the list loads first
    assert largest not in {r.list_amount_minor for r in newest}


def test_counts_equal_a_plain_count(list_db_url, engine_of):
    """Total and per status under each filter kind equal COUNT(*) (the per-status figures ignore the
    status choice itself, so a status picker can show them)."""
    engine = make_engine(list_db_url)
    engine_of.append(engine)
    everything = _everything(engine)
    with Session(engine) as s:
        for name, args in _filters(engine).items():
            query = ListQuery(**args)  # type: ignore[arg-type]
            counts = count_rows(s, query)
            assert counts.total == len(_matching(engine, query, everything)), name
            unfiltered = ListQuery(**{**args, "statuses": None})  # type: ignore[arg-type]
            for status in ConsoleStatus:
                one = ListQuery(**{**args, "statuses": frozenset({status})})  # type: ignore[arg-type]
                found = len(_matching(engine, one, everything))
                assert counts.by_status.get(status, 0) == found, (name, status)
            assert sum(counts.by_status.values()) == len(_matching(engine, unfiltered, everything)), name
        plain = s.scalar(select(func.count()).select_from(PaymentRow))
        assert count_rows(s, ListQuery()).total == plain == 2_000


def test_a_cursor_of_another_sort_is_refused(list_db_url, engine_of):
    engine = make_engine(list_db_url)
    engine_of.append(engine)
    with Session(engine) as s:
        rows, _ = fetch_page(s, ListQuery(), 1)
        cursor = ListCursor.of(ListSort.TIME, to_payment(rows[0]))
        with pytest.raises(ValueError, match="cannot page"):
            fetch_page(s, ListQuery(sort=ListSort.AMOUNT), 10, after=cursor)
        with pytest.raises(ValueError, match="not both"):
            fetch_page(s, ListQuery(), 10, after=cursor, before=cursor)
        with pytest.raises(ValueError, match="positive"):
            fetch_page(s, ListQuery(), 0)
