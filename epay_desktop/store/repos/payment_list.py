"""The payment list in SQL, whatever its sort: keyset pages both ways, a jump to any row, counts.

Every sort the list offers (its columns: time, invoice, amount, status, card, cashier, refunded;
both orders) is a total order over the payments that ends in the row id, so ties never reorder
or repeat rows between pages (decision 0050):

=========  ============================================  ===============================
sort       order (ascending; descending is its reverse)  index
=========  ============================================  ===============================
time       ``created_at, id``                            ``ix_payments_created``
invoice    ``invoice_id`` (unique)                       ``uq_payments_invoice_id``
amount     ``list_amount_minor, id`` (the shown amount)  ``ix_payments_list_amount``
refunded   ``list_refunded_minor, id``                   ``ix_payments_list_refunded``
card       ``card_last4, id``                            ``ix_payments_card_last4``
status     status in ``ConsoleStatus`` order, then       ``ix_payments_status_created``
           ``created_at, id``
cashier    cashier by name (no cashier last), then       ``ix_payments_cashier_created``
           ``created_at, id``
=========  ============================================  ===============================

A page continues from a cursor with a row-value comparison ``(key, id) < (?, ?)``, which SQLite and
PostgreSQL both answer by seeking into the index. Status and cashier orders are walked group by
group (a handful of statuses, a few dozen cashiers), each group one seek on its index, because the
group order (status declaration order, cashier names) is not a column's order.
Filters (statuses, date range, search, needs attention) are SQL too; counts are ``COUNT(*)``, or
for the whole list the per-status summary kept by triggers (decision 0056).
On SQLite a filter matching many rows is tested while walking the sort's index rather than found
and sorted (:func:`_walks`, decision 0051).
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import func
from sqlalchemy import literal
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import tuple_
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Payment
from epay_desktop.domain.payment_filter import EVERY_PAYMENT
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.store.list_keys import list_keys_of
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.models import PaymentStatusCountRow
from epay_desktop.store.models import UserRow
from epay_desktop.store.repos.payment_rows import OPEN_OPERATION_FLAG
from epay_desktop.store.repos.payment_rows import PAYMENT_COLUMNS
from epay_desktop.store.repos.payment_rows import attention_filter
from epay_desktop.store.repos.payment_rows import payments_flagged
from epay_desktop.store.repos.payment_rows import payments_of
from epay_desktop.store.repos.payment_rows import text_filter
from epay_desktop.store.repos.payment_rows import to_payment

__all__ = [
    "SORT_FOUND_LIMIT",
    "ListCounts",
    "ListCursor",
    "ListQuery",
    "ListSort",
    "PageRequest",
    "count_rows",
    "cursor_at",
    "fetch_page",
    "fetch_page_at",
    "read_page",
    "read_page_at",
    "row_index",
    "unseekable",
]


class ListSort(StrEnum):
    """What the payment list is sorted by (one per column of the list)."""

    TIME = "time"
    INVOICE = "invoice"
    AMOUNT = "amount"
    STATUS = "status"
    CARD = "card"
    CASHIER = "cashier"
    REFUNDED = "refunded"


@dataclass(frozen=True, slots=True)
class ListQuery:
    """Which payments (``filter``: statuses, ``since`` inclusive, ``until`` exclusive, search text,
    needs attention), in which order. The default is the console's list: every payment, newest first."""

    filter: PaymentFilter = EVERY_PAYMENT
    sort: ListSort = ListSort.TIME
    descending: bool = True


@dataclass(frozen=True, slots=True)
class ListCursor:
    """A row's place in the ``sort`` order: its group (the status value for the status sort, the
    cashier's user id or None for the cashier sort, None otherwise) and its key within the group."""

    sort: ListSort
    group: str | int | None
    key: tuple[Any, ...]

    @classmethod
    def of(cls, sort: ListSort, payment: Payment) -> ListCursor:
        """The cursor at ``payment`` (continue after or before it)."""
        amount, refunded, last4 = list_keys_of(payment)
        match sort:
            case ListSort.TIME:
                return cls(sort, None, (payment.created_at, payment.id))
            case ListSort.INVOICE:
                return cls(sort, None, (payment.invoice_id.value,))
            case ListSort.AMOUNT:
                return cls(sort, None, (amount, payment.id))
            case ListSort.REFUNDED:
                return cls(sort, None, (refunded, payment.id))
            case ListSort.CARD:
                return cls(sort, None, (last4, payment.id))
            case ListSort.STATUS:
                return cls(sort, payment.status.value, (payment.created_at, payment.id))
            case ListSort.CASHIER:
                return cls(sort, payment.created_by, (payment.created_at, payment.id))
        raise ValueError(f"unknown sort {sort!r}")


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Which page of the list: up to ``limit`` rows. No cursor: the first page (``from_end``: the last
    page). ``after``: the rows following that cursor; ``before``: the ``limit`` rows preceding it.
    Raises ValueError for a limit below 1 or both cursors."""

    limit: int
    after: ListCursor | None = None
    before: ListCursor | None = None
    from_end: bool = False

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ValueError("limit must be positive")
        if self.after is not None and self.before is not None:
            raise ValueError("give after or before, not both")


@dataclass(frozen=True, slots=True)
class ListCounts:
    """``total``: payments matching the whole query. ``by_status``: for each status, the payments
    matching every filter but the status choice (what a status picker shows beside each status);
    statuses with none are left out."""

    total: int
    by_status: Mapping[ConsoleStatus, int]


_Column = InstrumentedAttribute[Any]

_KEYS: Mapping[ListSort, tuple[_Column, ...]] = {
    ListSort.TIME: (PaymentRow.created_at, PaymentRow.id),
    ListSort.INVOICE: (PaymentRow.invoice_id,),
    ListSort.AMOUNT: (PaymentRow.list_amount_minor, PaymentRow.id),
    ListSort.REFUNDED: (PaymentRow.list_refunded_minor, PaymentRow.id),
    ListSort.CARD: (PaymentRow.card_last4, PaymentRow.id),
    ListSort.STATUS: (PaymentRow.created_at, PaymentRow.id),
    ListSort.CASHIER: (PaymentRow.created_at, PaymentRow.id),
}
_GROUPS: Mapping[ListSort, _Column] = {
    ListSort.STATUS: PaymentRow.status,
    ListSort.CASHIER: PaymentRow.created_by,
}
#: the columns of each sort's index: filters on them keep their seek when the list walks that index
_INDEX_COLUMNS: Mapping[ListSort, frozenset[Any]] = {
    sort: frozenset(c for c in (*_KEYS[sort], _GROUPS.get(sort)) if c is not None and c is not PaymentRow.id)
    for sort in ListSort
}

#: A filter matching at most this many payments is found by its own index and sorted (a few ms);
#: one matching more is tested while walking the sort's index (see ``_walks``; decision 0051).
SORT_FOUND_LIMIT = 5_000


def _filters(
    wanted: PaymentFilter,
    *,
    with_statuses: bool = True,
    keep: frozenset[Any] = frozenset(),
    walk: bool = False,
) -> list[ColumnElement[bool]]:
    """The filter in SQL. ``walk``: wrap every filter column not in ``keep`` (the sort's index
    columns) so SQLite cannot use its index and walks the sort's index instead (see :func:`_walks`)."""

    def column(c: Any) -> Any:
        return unseekable(c) if walk and c not in keep else c

    found: list[ColumnElement[bool]] = []
    if with_statuses and wanted.statuses is not None:
        found.append(column(PaymentRow.status).in_(sorted(s.value for s in wanted.statuses)))
    if wanted.since is not None:
        found.append(column(PaymentRow.created_at) >= wanted.since)
    if wanted.until is not None:
        found.append(column(PaymentRow.created_at) < wanted.until)
    text = (wanted.search or "").strip()
    if text:
        found.append(text_filter(text, column))
    if wanted.needs_attention:
        found.append(attention_filter())
    return found


def unseekable(column: Any) -> Any:
    """``(+ column)``: the same value, which SQLite will not look up in an index (its documented way to
    keep the planner off an index); typed like the column, so binds are stored-format."""
    return UnaryExpression(column.expression, operator=operators.custom_op("+"), type_=column.type)


def _walks(session: Session, query: ListQuery) -> bool:
    """Whether to walk the sort's own index (filters tested on the way) rather than let SQLite find
    the filter's matches by their index and sort them: yes when they are more than
    :data:`SORT_FOUND_LIMIT` (then the walk reaches a page within a few thousand rows, while sorting
    them all would cost more every page). Counted with ``LIMIT``: never more than that many index
    entries. SQLite only: its planner cannot weigh ``LIMIT`` against a filter's selectivity (no
    histograms); PostgreSQL's can, and ``+`` is not an operator on its text."""
    wanted = query.filter
    if session.get_bind().dialect.name != "sqlite" or wanted.needs_attention:
        return False  # attention: the few payments that need a person, by primary key
    if wanted.statuses is None and not (wanted.search or "").strip():
        if wanted.since is None and wanted.until is None:
            return False
        if query.sort in (ListSort.TIME, ListSort.STATUS, ListSort.CASHIER):
            return False  # the date range is in the sort's own index
    matches = select(literal(1)).where(*_filters(wanted)).limit(SORT_FOUND_LIMIT).subquery()
    return int(session.scalar(select(func.count()).select_from(matches)) or 0) >= SORT_FOUND_LIMIT


def _beyond(columns: Sequence[_Column], values: Sequence[Any], ascending: bool) -> ColumnElement[bool]:
    """``(k1, k2) > (?, ?)`` (or ``<``): rows past ``values`` in the scan order. Typed binds, so a
    datetime is stored-format on every backend."""
    if len(columns) != len(values):
        raise ValueError("the cursor does not belong to this sort")
    binds = [literal(v, c.type) for c, v in zip(columns, values, strict=True)]
    if len(columns) == 1:
        return columns[0] > binds[0] if ascending else columns[0] < binds[0]
    row, at = tuple_(*columns), tuple_(*binds)
    return row > at if ascending else row < at


def _order(columns: Sequence[_Column], ascending: bool) -> list[Any]:
    return [c.asc() if ascending else c.desc() for c in columns]


def _ordered(stmt: Select[Any], columns: Sequence[_Column], ascending: bool) -> Select[Any]:
    return stmt.order_by(*_order(columns, ascending))


def _group_order(session: Session, query: ListQuery) -> list[str | int | None]:
    """The groups of a status / cashier sort in ascending list order."""
    if query.sort is ListSort.STATUS:
        chosen = query.filter.statuses
        return [s.value for s in ConsoleStatus if chosen is None or s in chosen]
    users = session.scalars(select(UserRow.id).order_by(UserRow.name_key, UserRow.id)).all()
    return [*users, None]


def _in_group(column: _Column, group: str | int | None) -> ColumnElement[bool]:
    return column.is_(None) if group is None else column == group


def fetch_page(session: Session, query: ListQuery, page: PageRequest) -> tuple[list[PaymentRow], bool]:
    """The rows of ``page`` in list order (a ``before`` page too), and whether more lie beyond them
    in the direction read: True when rows follow the page (``after`` / first page) or precede it
    (``before`` / last page). ORM rows; the list reads records with :func:`read_page` (the same
    rows, faster).
    """
    rows, more = _page(session, query, page, _orm_rows)
    return rows, more


def read_page(
    session: Session, query: ListQuery, page: PageRequest, *, open_operations: set[int] | None = None
) -> tuple[list[Payment], bool]:
    """:func:`fetch_page` as frozen records: the same rows, read as plain columns on the session's
    connection and made into :class:`Payment` records straight from the row tuples (no ORM
    objects; ``payment_rows.record_maker``, decision 0064). ``open_operations``: a set to which the
    ids of the page's payments with an open operation (UNKNOWN / NEEDS_REVIEW) are added, found by
    the page's own query (``payment_rows.OPEN_OPERATION_FLAG``)."""
    read = _records if open_operations is None else _flagged_records(open_operations)
    return _page(session, query, page, read)


def _orm_rows(
    session: Session, where: Sequence[ColumnElement[bool]], order: Sequence[Any], limit: int
) -> list[Any]:
    return list(session.scalars(select(PaymentRow).where(*where).order_by(*order).limit(limit)))


def _records(
    session: Session, where: Sequence[ColumnElement[bool]], order: Sequence[Any], limit: int
) -> list[Any]:
    conn = session.connection()
    found = conn.execute(select(*PAYMENT_COLUMNS).where(*where).order_by(*order).limit(limit)).all()
    return payments_of(found, conn.dialect)


def _flagged_records(flagged: set[int]) -> _Reader:
    def read(
        session: Session, where: Sequence[ColumnElement[bool]], order: Sequence[Any], limit: int
    ) -> list[Any]:
        conn = session.connection()
        stmt = select(*PAYMENT_COLUMNS, OPEN_OPERATION_FLAG).where(*where).order_by(*order).limit(limit)
        return payments_flagged(conn.execute(stmt).all(), conn.dialect, flagged)

    return read


_Reader = Callable[[Session, Sequence[ColumnElement[bool]], Sequence[Any], int], list[Any]]


def _page(session: Session, query: ListQuery, page: PageRequest, read: _Reader) -> tuple[list[Any], bool]:
    """:func:`fetch_page`, each query's rows read by ``read`` (ORM rows or records)."""
    limit, before = page.limit, page.before
    backwards = before is not None or page.from_end
    cursor = before if before is not None else page.after
    if cursor is not None and cursor.sort is not query.sort:
        raise ValueError(f"a cursor of the {cursor.sort} sort cannot page the {query.sort} sort")
    ascending = query.descending == backwards  # the direction the SQL reads the index
    columns = _KEYS[query.sort]
    wanted = limit + 1
    rows: list[Any] = []
    group_column = _GROUPS.get(query.sort)
    filters = _filters(query.filter, keep=_INDEX_COLUMNS[query.sort], walk=_walks(session, query))
    order = _order(columns, ascending)
    if group_column is None:
        where = [*filters, _beyond(columns, cursor.key, ascending)] if cursor is not None else filters
        rows = read(session, where, order, wanted)
    else:
        groups = _group_order(session, query)
        if not ascending:
            groups.reverse()
        start = 0
        if cursor is not None:
            if cursor.group not in groups:
                raise ValueError(f"the cursor's group {cursor.group!r} is not in this list")
            start = groups.index(cursor.group)
        for i, group in enumerate(groups[start:]):
            where = [*filters, _in_group(group_column, group)]
            if cursor is not None and i == 0:
                where.append(_beyond(columns, cursor.key, ascending))
            rows.extend(read(session, where, order, wanted - len(rows)))
            if len(rows) >= wanted:
                break
    more = len(rows) > limit
    rows = rows[:limit]
    if backwards:
        rows.reverse()
    return rows, more


def _whole_list(wanted: PaymentFilter) -> bool:
    """No filter but (maybe) a status choice: the counts are the maintained summary's."""
    return (
        wanted.since is None
        and wanted.until is None
        and not (wanted.search or "").strip()
        and not (wanted.needs_attention)
    )


def _summary(session: Session) -> dict[ConsoleStatus, int]:
    """Payments per status from ``payment_status_counts`` (kept by triggers; decision 0056)."""
    stmt = select(PaymentStatusCountRow.status, PaymentStatusCountRow.payments).where(
        PaymentStatusCountRow.payments > 0
    )
    return {ConsoleStatus(status): int(n) for status, n in session.execute(stmt)}


def count_rows(session: Session, query: ListQuery) -> ListCounts:
    """The query's count, and per status under every other filter: for the whole list (or a status
    choice alone) the maintained summary, a few rows; else ``COUNT(*)`` in one grouped query."""
    if _whole_list(query.filter):
        by_status = _summary(session)
        chosen = query.filter.statuses
        return ListCounts(sum(n for s, n in by_status.items() if chosen is None or s in chosen), by_status)
    stmt = (
        select(PaymentRow.status, func.count())
        .where(*_filters(query.filter, with_statuses=False))
        .group_by(PaymentRow.status)
    )
    by_status = {ConsoleStatus(status): int(n) for status, n in session.execute(stmt)}
    chosen = query.filter.statuses
    total = sum(n for s, n in by_status.items() if chosen is None or s in chosen)
    return ListCounts(total, by_status)


def cursor_at(session: Session, query: ListQuery, offset: int) -> ListCursor | None:
    """The cursor just before row ``offset`` (0-based) of the list: a page ``after`` it starts
    at that row (a scrollbar dragged to it). None for offset 0 (read the first page) and past the
    end (``offset`` > rows); at ``offset`` == rows the page after it is empty.

    Reads only the key columns of ``offset`` index entries (no rows), then one page seeks from there.
    """
    if offset <= 0:
        return None
    columns = _KEYS[query.sort]
    ascending = not query.descending
    group_column = _GROUPS.get(query.sort)
    filters = _filters(query.filter, keep=_INDEX_COLUMNS[query.sort], walk=_walks(session, query))
    if group_column is None:
        stmt = select(*columns).where(*filters)
        found = session.execute(_ordered(stmt, columns, ascending).offset(offset - 1).limit(1)).first()
        return ListCursor(query.sort, None, tuple(found)) if found is not None else None
    sizes_stmt = select(group_column, func.count()).where(*_filters(query.filter)).group_by(group_column)
    sizes: dict[Any, int] = {group: int(n) for group, n in session.execute(sizes_stmt)}
    groups = _group_order(session, query)
    if not ascending:
        groups.reverse()
    skip = offset - 1  # rows before the cursor row
    for group in groups:
        size = sizes.get(group, 0)
        if skip < size:
            stmt = select(*columns).where(*filters, _in_group(group_column, group))
            found = session.execute(_ordered(stmt, columns, ascending).offset(skip).limit(1)).first()
            return ListCursor(query.sort, group, tuple(found)) if found is not None else None
        skip -= size
    return None


def fetch_page_at(
    session: Session, query: ListQuery, offset: int, limit: int
) -> tuple[list[PaymentRow], bool]:
    """:func:`read_page_at` as ORM rows."""
    rows, more = _page_at(session, query, offset, limit, _orm_rows)
    return rows, more


def read_page_at(
    session: Session, query: ListQuery, offset: int, limit: int, *, open_operations: set[int] | None = None
) -> tuple[list[Payment], bool]:
    """Rows ``offset`` .. ``offset + limit - 1`` (0-based) of the list in list order, and whether rows
    follow them: a scrollbar dragged to any row. Empty past the end.

    Skipping ``offset`` rows walks that many entries of the sort's index (:func:`cursor_at`). When
    the list's length is known without counting (the whole list or a status choice: the summary,
    decision 0056) and the row is nearer the end, the walk starts from the end instead, in the
    reverse order (decision 0057): the last page is as quick as the first, the middle the slowest.
    Records and ``open_operations`` as in :func:`read_page`.
    """
    read = _records if open_operations is None else _flagged_records(open_operations)
    return _page_at(session, query, offset, limit, read)


def _page_at(
    session: Session, query: ListQuery, offset: int, limit: int, read: _Reader
) -> tuple[list[Any], bool]:
    if offset < 0:
        raise ValueError("offset must not be negative")
    if limit < 1:
        raise ValueError("limit must be positive")
    total = count_rows(session, query).total if _whole_list(query.filter) else None
    if total is not None and offset > total // 2:
        if offset >= total:
            return [], False
        end = min(offset + limit, total)
        backwards = replace(query, descending=not query.descending)
        after = cursor_at(session, backwards, total - end)
        rows, _ = _page(session, backwards, PageRequest(end - offset, after), read)
        rows.reverse()
        return rows, end < total
    after = cursor_at(session, query, offset) if offset else None
    if offset and after is None:
        return [], False
    return _page(session, query, PageRequest(limit, after), read)


def row_index(session: Session, query: ListQuery, payment_id: int) -> int | None:
    """The 0-based row of payment ``payment_id`` in the list (None: the list does not hold it): a
    ``COUNT(*)`` of the rows before it, on the sort's index (a selection found again after a re-sort)."""
    row = session.get(PaymentRow, payment_id)
    if row is None:
        return None
    cursor = ListCursor.of(query.sort, to_payment(row))
    filters = _filters(query.filter)
    if session.scalar(select(func.count()).where(PaymentRow.id == payment_id, *filters)) == 0:
        return None
    columns = _KEYS[query.sort]
    # rows before it in list order: greater keys in a descending list, smaller in an ascending one
    before = _beyond(columns, cursor.key, query.descending)
    group_column = _GROUPS.get(query.sort)
    if group_column is None:
        return int(session.scalar(select(func.count()).where(*filters, before)) or 0)
    groups = _group_order(session, query)
    if query.descending:
        groups.reverse()
    earlier = groups[: groups.index(cursor.group)] if cursor.group in groups else []
    count = 0
    if earlier:
        in_earlier = [_in_group(group_column, g) for g in earlier]
        count += int(session.scalar(select(func.count()).where(*filters, or_(*in_earlier))) or 0)
    same = _in_group(group_column, cursor.group)
    return count + int(session.scalar(select(func.count()).where(*filters, same, before)) or 0)
