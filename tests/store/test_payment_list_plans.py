"""No list query plans a full scan of the payments (issue 10, decision 0051).

Every SELECT the list runs (each sort x order x filter kind; first page, page after, page before,
last page, jump to a row, counts; and today's ``search`` the UI still uses) is captured as SQLite
runs it on a generated, ANALYZEd database and explained with ``EXPLAIN QUERY PLAN``. Allowed:

- ``SEARCH payments ...``: a seek by an index (equality, range, row-value, rowid list, multi-index OR);
- ``SCAN payments USING INDEX <the sort's own index>`` in a page query: the index IS the list's order,
  so the walk stops after ``LIMIT`` rows (with a filter it skips the rows the filter drops);
- ``SCAN payments USING COVERING INDEX ...`` in a count or a jump to a row: counting, or skipping N
  rows, must visit every entry of the range, and a covering index visits them without reading rows;
- ``SCAN payments USING INDEX <the sort's own index>`` in a jump to row N under a filter the index
  does not hold (a status choice with the amount sort): the first N rows in the list's order must be
  tested against the filter; the walk stops at row N;
- ``USE TEMP B-TREE FOR ORDER BY`` only after a SEARCH, and only when the filter matches at most
  ``SORT_FOUND_LIMIT`` rows (sorting the few rows a search or date range found; a filter matching
  more is tested while walking the sort's index instead).

Never: ``SCAN payments`` without an index, or a scan of ``money_ops``.
On PostgreSQL the same statements must be answerable by index alone (``enable_seqscan=off`` leaves
no ``Seq Scan on payments``): the indexes fit the queries there too; which plan PostgreSQL picks on a
small test table is its cost model's business.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy import event
from sqlalchemy import text
from sqlalchemy.orm import Session

from epay_desktop.store.db import make_engine
from epay_desktop.store.repos import payment_list
from epay_desktop.store.repos.payment_list import ListCursor
from epay_desktop.store.repos.payment_list import ListQuery
from epay_desktop.store.repos.payment_list import ListSort
from epay_desktop.store.repos.payment_list import PageRequest
from epay_desktop.store.repos.payment_list import count_rows
from epay_desktop.store.repos.payment_list import cursor_at
from epay_desktop.store.repos.payment_list import fetch_page
from epay_desktop.store.repos.payment_list import fetch_page_at
from epay_desktop.store.repos.payment_list import read_page
from epay_desktop.store.repos.payment_list import read_page_at
from epay_desktop.store.repos.payment_list import row_index
from epay_desktop.store.repos.payment_rows import PaymentCursor
from epay_desktop.store.repos.payment_rows import to_payment
from epay_desktop.store.tx import Tx
from tests.store.list_db import SHIPPED_FOUND_LIMIT
from tests.store.list_db import list_filters
from tests.store.list_db import read_another_way

SORT_INDEX = {
    ListSort.TIME: "ix_payments_created",
    ListSort.INVOICE: "sqlite_autoindex_payments_",  # the unique invoice_id constraint
    ListSort.AMOUNT: "ix_payments_list_amount",
    ListSort.REFUNDED: "ix_payments_list_refunded",
    ListSort.CARD: "ix_payments_card_last4",
    ListSort.STATUS: "ix_payments_status_created",
    ListSort.CASHIER: "ix_payments_cashier_created",
}


@contextmanager
def captured(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    found: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM payments" in statement:
            found.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", keep)


def _every_list_query(
    engine: Engine, keep: Callable[[Session, ListQuery], bool] = lambda _s, _q: True
) -> Iterator[tuple[str, str, ListQuery, str, Any]]:
    """(label, kind, query, statement, parameters) of every statement the list runs (for the queries
    ``keep`` keeps)."""
    filters = list_filters(engine)
    with Session(engine) as s:
        for sort in ListSort:
            for descending in (True, False):
                for name, wanted in filters.items():
                    query = ListQuery(wanted, sort, descending)
                    if not keep(s, query):
                        continue
                    label = f"{sort} {'desc' if descending else 'asc'} / {name}"
                    with captured(engine) as pages:
                        rows, _ = fetch_page(s, query, PageRequest(50))
                        fetch_page(s, query, PageRequest(50, from_end=True))
                        if rows:
                            cursor = ListCursor.of(sort, to_payment(rows[-1]))
                            fetch_page(s, query, PageRequest(50, after=cursor))
                            fetch_page(s, query, PageRequest(50, before=cursor))
                            # the service's reads: the same rows as records, open operations flagged
                            read_page(s, query, PageRequest(50, after=cursor), open_operations=set())
                            read_page(s, query, PageRequest(50, before=cursor), open_operations=set())
                    with captured(engine) as counts:
                        count_rows(s, query)
                    near_end = max(count_rows(s, query).total - 30, 0)
                    with captured(engine) as jumps:
                        cursor_at(s, query, 25)
                        # a page at a row near the top and near the end (walked from the end when
                        # the list's length is known: fetch_page_at, decision 0057)
                        fetch_page_at(s, query, 25, 50)
                        fetch_page_at(s, query, near_end, 50)
                        read_page_at(s, query, near_end, 50, open_operations=set())
                    with captured(engine) as finds:  # the row of a selected payment (a count)
                        if rows:
                            row_index(s, query, rows[-1].id)
                    for kind, statements in (("page", pages), ("count", counts + finds), ("jump", jumps)):
                        for statement, params in statements:
                            yield label, kind, query, statement, params
        for name, wanted in filters.items():  # today's list and CSV export (newest / oldest first)
            with captured(engine) as old, Session(engine) as other, other.begin():
                tx = Tx(other, locking=False)
                for oldest_first in (False, True):
                    if not keep(s, ListQuery(wanted, ListSort.TIME, descending=not oldest_first)):
                        continue
                    rows = tx.payments.search(wanted, oldest_first=oldest_first)
                    if rows:
                        after = PaymentCursor.after(rows[-1])
                        tx.payments.search(wanted, after=after, oldest_first=oldest_first)
            for statement, params in old:
                yield f"search() / {name}", "page", ListQuery(wanted), statement, params


def _problems(plan: list[str], kind: str, sort: ListSort, found: int) -> list[str]:
    """What is wrong with ``plan`` (see the module docstring); ``found``: rows the query matches."""
    wrong = []
    for line in plan:
        if re.fullmatch(r"SCAN payments( AS \w+)?", line) or re.match(r"SCAN payments (?!USING)", line):
            wrong.append(f"full table scan: {line}")
        if line.startswith("SCAN money_ops"):
            wrong.append(f"scan of the operations: {line}")
        walk = re.match(r"SCAN payments USING (COVERING )?INDEX (\w+)", line)
        own = walk is not None and walk.group(2).startswith(SORT_INDEX[sort])
        covering = walk is not None and walk.group(1) is not None
        allowed = {"page": own, "count": covering, "jump": own or covering}[kind]
        if walk and not allowed:
            wrong.append(f"index walk that is not the list's order: {line}")
    if any("TEMP B-TREE FOR ORDER BY" in line for line in plan):
        if not any(line.startswith(("SEARCH payments", "MULTI-INDEX OR")) for line in plan):
            wrong.append("sorts rows it did not find by a search")
        if found > payment_list.SORT_FOUND_LIMIT:
            wrong.append(f"sorts the {found} rows the filter matches instead of walking the sort's index")
    return wrong


#: a ``SORT_FOUND_LIMIT`` under which the filters matching many of the 2,000 payments walk the sort's index
SMALL_FOUND_LIMIT = 40


@pytest.mark.parametrize("found_limit", [SHIPPED_FOUND_LIMIT, SMALL_FOUND_LIMIT])
def test_no_list_query_scans_the_payments_on_sqlite(list_db_url, found_limit, monkeypatch):
    """Also with a small ``SORT_FOUND_LIMIT``, so that on 2,000 payments the filters that match many
    rows take the walk of the sort's index, as they do on a big database. The shipped limit's run
    explains only the queries the small limit reads with other SQL: the small limit's run explains
    the others, the same statements with the same plans, under the same rules and a stricter one
    (more than ``SMALL_FOUND_LIMIT`` rows found are never sorted)."""
    monkeypatch.setattr(payment_list, "SORT_FOUND_LIMIT", found_limit)
    engine = make_engine(list_db_url)

    def keep(s: Session, query: ListQuery) -> bool:
        return found_limit != SHIPPED_FOUND_LIMIT or read_another_way(s, query, SMALL_FOUND_LIMIT)

    try:
        seen = 0
        failures: list[str] = []
        found: dict[ListQuery, int] = {}
        with engine.connect() as conn, Session(engine) as s:
            raw = conn.connection.driver_connection
            assert raw is not None
            for label, kind, query, statement, params in _every_list_query(engine, keep):
                if query not in found:
                    found[query] = count_rows(s, query).total
                plan = [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, params)]
                seen += 1
                failures.extend(
                    f"{label} [{kind}]: {p}\n  {' | '.join(plan)}"
                    for p in _problems(plan, kind, query.sort, found[query])
                )
        assert seen > 1_000  # every sort x order x filter x page kind was explained
        assert not failures, "\n".join(failures[:20])
    finally:
        engine.dispose()


def test_every_list_query_has_an_index_path_on_postgresql(pg_plans_db_url):
    engine = make_engine(pg_plans_db_url)
    try:
        statements = list(_every_list_query(engine))
        failures = []
        with engine.connect() as conn:
            conn.execute(text("SET enable_seqscan = off"))
            raw = conn.connection.driver_connection
            assert raw is not None
            for label, kind, _query, statement, params in statements:
                if kind == "count":  # counting the whole table may read it all; counts are COUNT(*)
                    continue
                plan = "\n".join(row[0] for row in raw.execute("EXPLAIN " + statement, params))
                if "Seq Scan on payments" in plan or "Seq Scan on money_ops" in plan:
                    failures.append(f"{label}:\n{plan}")
        assert statements and not failures, "\n\n".join(failures[:5])
    finally:
        engine.dispose()
