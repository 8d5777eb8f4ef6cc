"""The payment list's test database and its reference reading (tests/store/test_payment_list*.py,
test_payment_records.py): ``build_list_db`` generates it, ``ordered_ids`` orders it by a plain
``ORDER BY`` over the whole table, ``list_filters``/``matching_ids`` say which payments each filter
keeps by the list's own Python filter; ``every_listing`` walks every sort, direction and filter with
the ids each must list; ``read_another_way`` says whether a patched ``SORT_FOUND_LIMIT`` changes the
SQL of a list."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Payment
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.store.db import make_engine
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.repos import payment_list
from epay_desktop.store.repos.payment_list import ListQuery
from epay_desktop.store.repos.payment_list import ListSort
from epay_desktop.store.repos.payment_rows import to_payment


def build_list_db(url: str, size: int, seed: int, tmp: Path) -> None:
    """``benchmarks.generate`` at ``url``, then the awkward cases a list must survive: a dozen payments
    sharing one second (ties in the time key), payments with no cashier, two whose outcome is UNKNOWN
    and two with an open operation (needs attention). Changed through the ORM, so the stored list
    keys follow; statistics gathered again afterwards, as at a start-up."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from benchmarks.generate import generate
    from epay_desktop.store.models import MoneyOpRow
    from epay_desktop.store.models import PaymentRow
    from epay_desktop.store.stats import refresh_statistics

    generate(url, size, seed=seed, pepper_file=tmp / "pepper.key")
    engine = make_engine(url)
    try:
        with Session(engine) as s, s.begin():
            third = size // 3
            tied = s.get(PaymentRow, third)
            assert tied is not None
            for pid in range(third + 1, third + 12):
                row = s.get(PaymentRow, pid)
                assert row is not None
                row.created_at = tied.created_at
            for pid in (5, size // 2, size // 2 + 1):
                row = s.get(PaymentRow, pid)
                assert row is not None
                row.created_by = None
            for pid in (20, size - 1):
                row = s.get(PaymentRow, pid)
                assert row is not None
                row.status = "UNKNOWN"
            ops = s.scalars(
                select(MoneyOpRow).where(MoneyOpRow.kind == "REFUND").order_by(MoneyOpRow.id)
            ).all()
            seen: set[int] = set()
            states = iter(("UNKNOWN", "NEEDS_REVIEW"))
            for op in ops:
                if op.payment_id in seen:
                    continue
                state = next(states, None)
                if state is None:
                    break
                op.state = state
                seen.add(op.payment_id)
        refresh_statistics(engine, migrated=True)
    finally:
        engine.dispose()


#: ``payment_list.SORT_FOUND_LIMIT`` as shipped (tests patch it)
SHIPPED_FOUND_LIMIT = payment_list.SORT_FOUND_LIMIT

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


def ordered_ids(engine: Engine, sort: ListSort, descending: bool) -> list[int]:
    order = REFERENCE[sort].format(d="DESC" if descending else "ASC")
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text(f"SELECT id FROM payments ORDER BY {order}"))]  # noqa: S608


def list_filters(engine: Engine) -> dict[str, PaymentFilter]:
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
    month = PaymentFilter(since=middle - timedelta(days=30), until=middle + timedelta(days=30))
    return {
        "none": PaymentFilter(),
        "refunded": PaymentFilter(frozenset({ConsoleStatus.REFUND})),
        "paid-held-cancelled": PaymentFilter(
            frozenset({ConsoleStatus.CHARGE, ConsoleStatus.AUTH, ConsoleStatus.CANCEL})
        ),
        "two months": month,
        "paid in two months": replace(month, statuses=frozenset({ConsoleStatus.CHARGE})),
        "invoice prefix": PaymentFilter(search=invoice[:7]),
        "last 4": PaymentFilter(search=last4),
        "amount": PaymentFilter(search=str(amount // 100)),
        "rrn": PaymentFilter(search=rrn),
        "needs attention": PaymentFilter(needs_attention=True),
    }


def every_payment(engine: Engine) -> list[tuple[int, Payment, bool]]:
    """Every payment as the console reads it, with whether an operation on it is still open."""
    with Session(engine) as s:
        open_ops = set(
            s.scalars(select(MoneyOpRow.payment_id).where(MoneyOpRow.state.in_(("UNKNOWN", "NEEDS_REVIEW"))))
        )
        return [(row.id, to_payment(row), row.id in open_ops) for row in s.scalars(select(PaymentRow))]


def matching_ids(
    engine: Engine, query: ListQuery, everything: list[tuple[int, Payment, bool]] | None = None
) -> set[int]:
    """Ids the console's own reading of the filter keeps: the list's ``PaymentFilter.matches`` (which
    live updates use to decide whether a payment joins the list), over every payment (``everything``:
    read once by the caller when it asks many times of the same data)."""
    rows = every_payment(engine) if everything is None else everything
    return {pid for pid, payment, open_op in rows if query.filter.matches(payment, open_operation=open_op)}


def read_another_way(session: Session, query: ListQuery, found_limit: int) -> bool:
    """Whether the list reads ``query`` with other SQL when ``SORT_FOUND_LIMIT`` is ``found_limit`` than
    with the shipped limit: it walks the sort's index under one and lets SQLite find the filter's
    matches under the other (``payment_list._walks`` makes that choice for every page and jump of a
    query; nothing else depends on the limit). The same SQL on the same data gives the same rows, so a
    test run under both limits need check such a query under one of them only."""
    patched = payment_list.SORT_FOUND_LIMIT
    try:
        payment_list.SORT_FOUND_LIMIT = found_limit
        walks = payment_list._walks(session, query)
        payment_list.SORT_FOUND_LIMIT = SHIPPED_FOUND_LIMIT
        return walks != payment_list._walks(session, query)
    finally:
        payment_list.SORT_FOUND_LIMIT = patched


def every_listing(engine: Engine) -> Iterator[tuple[ListQuery, list[int], str]]:
    """For every sort, both directions and every filter of ``list_filters``: the list's query, the ids
    it must show in order (by the reference reading) and a label for a failure. Every filter keeps
    some payments (else the walk would prove nothing about it)."""
    filters = list_filters(engine)
    everything = every_payment(engine)
    matching = {name: matching_ids(engine, ListQuery(f), everything) for name, f in filters.items()}
    assert all(matching.values()), {k: len(v) for k, v in matching.items()}
    for sort in ListSort:
        for descending in (True, False):
            whole = ordered_ids(engine, sort, descending)
            for name, wanted in filters.items():
                query = ListQuery(wanted, sort, descending)
                expected = [pid for pid in whole if pid in matching[name]]
                yield query, expected, f"{sort} {'desc' if descending else 'asc'} / {name}"
