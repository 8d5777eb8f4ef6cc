"""P2 and P2s of issue 10: the payment list on a big database, through the service and the Qt model.

    python -m benchmarks.bench_list --db PATH [--runs 21]             # a generated SQLite file
    python -m benchmarks.bench_list --url postgresql+psycopg://...    # a generated PostgreSQL database
    python -m benchmarks.bench_list --postgres --size 300000          # a throwaway server, generated
    python -m benchmarks.bench_list --smoke                           # 600 payments, 2 runs (CI)

What is timed (``via``):

- ``service``: the ``PaymentQueries`` call awaited on the qasync loop (the store's worker thread
  and back, rows turned into records, the page's open operations read);
- ``model``: the console's ``PaymentsView`` (its ``PaymentsTableModel``) offscreen on the qasync
  loop, from the action (F5, a header click, a filter, the scrollbar moved) until every row under
  the viewport is in the model and the viewport is painted.

The floor of each figure is the raw SQL for the same rows on the same database, through a plain
DB-API connection of the same kind (``sqlite3`` / ``psycopg``), rows fetched: the query the store
runs, written by hand (a page: ``SELECT * ... ORDER BY <sort key>, id LIMIT 101`` from the sort's
first row or after a key; a row in the middle: the key at ``OFFSET`` on the sort's index, then the
page after it; a search: the same readings of the text OR'ed; the model's floors add the count
the model asks for, as the store answers it). Samples alternate with their floor
(``figures.interleaved``), ``--runs`` each after one warm-up.

P2 names: first_page, next_page, middle_page, last_page, sort_amount_desc / _asc,
sort_time_desc / _asc, filter_status_date (paid in the last 7 days), search_invoice, search_last4,
search_amount, search_rrn, count_by_status (the whole list's count per status) and
count_filtered (the status + 7-day filter's counts). Goal: ratio <= 3 and p95 < 50 ms.

P2s (model only, no floor): the view's vertical scrollbar dragged as a mouse drag moves it (slider
held down, 12 positions 16 ms apart, released) to row 500,000 (the middle on smaller lists) and
to the end: ``drag_middle_shown`` / ``drag_end_shown`` = from the slider reaching the row (then
released 16 ms later) until the rows under the viewport are shown (goal: max < 100 ms);
``drag_middle_stall`` / ``drag_end_stall`` = the longest gap between the ticks of a 5 ms QTimer on
the GUI thread from the press until shown (max <= 50 ms). "Shown": every row under the viewport is
in the model and a paint of the viewport followed (its paint events are counted).

Prints one JSON line per figure (``benchmarks.figures``); progress goes to stderr.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import asyncio
import itertools
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from decimal import InvalidOperation
from pathlib import Path
from typing import Any

from benchmarks.figures import Goal
from benchmarks.figures import emit
from benchmarks.figures import figure

PAGE = 100
P2_GOAL = Goal(ratio=3.0, limit=50, stat="p95")
SHOWN_GOAL = Goal(limit=100, stat="max")
STALL_GOAL = Goal(limit=50, stat="max")
DEEP_ROW = 500_000
SMOKE_SIZE = 600
#: A page and its keyset continuation in the list's default order (newest first).
TIME_DESC = "ORDER BY created_at DESC, id DESC"


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- the floor: raw SQL on a plain DB-API connection --------------------------------------------


class Raw:
    """A plain ``sqlite3`` / ``psycopg`` connection to the same database; SQL written with ``?``."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        self.backend = "sqlite" if parsed.get_backend_name() == "sqlite" else "postgresql"
        if self.backend == "sqlite":
            self._conn: Any = sqlite3.connect(parsed.database or "", check_same_thread=False)
        else:
            import psycopg

            self._conn = psycopg.connect(
                host=parsed.host,
                port=parsed.port,
                user=parsed.username,
                password=parsed.password,
                dbname=parsed.database,
                autocommit=True,
            )
        found = self.rows(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'payment_status_counts'"
            if self.backend == "sqlite"
            else "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'payment_status_counts'"
        )
        self.summary = bool(found[0][0])  # the store keeps the per-status counts (migration 0006)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        if self.backend == "postgresql":
            sql = sql.replace("?", "%s")
        return list(self._conn.execute(sql, tuple(params)).fetchall())

    def when(self, moment: datetime) -> Any:
        """A time as the column stores it (SQLite: naive UTC text; PostgreSQL: the aware datetime)."""
        if self.backend == "sqlite":
            return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        return moment

    def close(self) -> None:
        self._conn.close()


def raw_page(raw: Raw, order: str, where: str = "", params: Sequence[Any] = ()) -> list[Any]:
    clause = f"WHERE {where} " if where else ""
    sql = f"SELECT * FROM payments {clause}{order} LIMIT {PAGE + 1}"  # noqa: S608 (this module's SQL)
    return raw.rows(sql, params)


def raw_counts(raw: Raw, where: str = "", params: Sequence[Any] = ()) -> list[Any]:
    """The per-status counts as the store answers them: the maintained summary for the whole list,
    else ``GROUP BY status`` under the filter."""
    if not where and raw.summary:
        return raw.rows("SELECT status, payments FROM payment_status_counts WHERE payments > 0")
    clause = f"WHERE {where} " if where else ""
    sql = f"SELECT status, COUNT(*) FROM payments {clause}GROUP BY status"  # noqa: S608 (this module's SQL)
    return raw.rows(sql, params)


def raw_search(text: str) -> tuple[str, list[Any]]:
    """The readings of a search text the list means (RRN, approval code, invoice prefix, last 4,
    amount in tenge), OR'ed by hand."""
    from epay_desktop.domain.invoice import INVOICE_MAX_DIGITS

    clauses, params = ["reference = ?", "approval_code = ?"], [text, text]
    if text.isascii() and text.isdigit():
        if len(text) <= INVOICE_MAX_DIGITS:
            clauses.append("(invoice_id >= ? AND invoice_id <= ?)")
            params += [text, text + "9" * (INVOICE_MAX_DIGITS - len(text))]
        if len(text) == 4:
            clauses.append("card_last4 = ?")
            params.append(text)
    try:
        tenge = Decimal(text)
    except InvalidOperation:
        tenge = None
    if tenge is not None and tenge > 0 and tenge == tenge.quantize(Decimal("0.01")):
        clauses.append("amount_minor = ?")
        params.append(int(tenge * 100))
    return "(" + " OR ".join(clauses) + ")", params


# -- the data a run looks for ---------------------------------------------------------------------


@dataclass(frozen=True)
class Targets:
    size: int
    newest: datetime  # the newest payment's time (aware UTC)
    invoice: str
    last4: str
    amount: str  # "1234.56"
    rrn: str


def targets(raw: Raw, newest: datetime) -> Targets:
    size = int(raw.rows("SELECT COUNT(*) FROM payments")[0][0])
    found = raw.rows(
        "SELECT invoice_id, card_last4, amount_minor, reference FROM payments "
        "WHERE reference IS NOT NULL AND card_last4 <> '' ORDER BY id LIMIT 1 OFFSET ?",
        (size // 3,),
    )
    if not found:
        found = raw.rows(
            "SELECT invoice_id, card_last4, amount_minor, reference FROM payments "
            "WHERE reference IS NOT NULL AND card_last4 <> '' ORDER BY id LIMIT 1"
        )
    invoice, last4, minor, rrn = found[0]
    return Targets(size, newest, str(invoice), str(last4), f"{minor // 100}.{minor % 100:02d}", str(rrn))


# -- one figure ----------------------------------------------------------------------------------


async def interleaved(
    action: Callable[[], Awaitable[object]],
    floor: Callable[[], object],
    runs: int,
    reset: Callable[[], Awaitable[object]] | None = None,
) -> tuple[list[float], list[float]]:
    """``figures.interleaved`` for an awaited action: action and floor alternately, one warm-up round;
    ``reset`` (untimed) runs before each action."""
    values: list[float] = []
    floors: list[float] = []
    for i in range(runs + 1):
        if reset is not None:
            await reset()
        started = time.perf_counter()
        await action()
        value = (time.perf_counter() - started) * 1000.0
        started = time.perf_counter()
        floor()
        floored = (time.perf_counter() - started) * 1000.0
        if i:  # the first round warms caches up
            values.append(value)
            floors.append(floored)
    return values, floors


class Bench:
    def __init__(self, queries: Any, raw: Raw, runs: int) -> None:
        self.queries = queries
        self.raw = raw
        self.runs = runs
        self.t: Targets | None = None

    def emit(self, name: str, via: str, samples: list[float], floor: list[float] | None, goal: Goal) -> None:
        assert self.t is not None
        fig_id = "P2" if floor is not None else "P2s"
        emit(
            figure(
                fig_id, name, samples, floor, goal=goal, via=via, backend=self.raw.backend, size=self.t.size
            )
        )
        progress(f"  {fig_id} {name} via {via} done")

    # the cases: name -> (ListQuery and how to read it, the raw floor)
    def cases(self) -> list[tuple[str, Any, Callable[[], object]]]:
        from epay_desktop.domain import ConsoleStatus
        from epay_desktop.services.payments.queries import ListQuery
        from epay_desktop.services.payments.queries import ListSort
        from epay_desktop.services.payments.queries import PaymentFilter

        assert self.t is not None
        raw, t = self.raw, self.t
        since, until = t.newest - timedelta(days=7), t.newest + timedelta(seconds=1)
        paid = frozenset({ConsoleStatus.CHARGE})
        window = "status IN (?) AND created_at >= ? AND created_at < ?"
        window_params = ["CHARGE", raw.when(since), raw.when(until)]
        cases: list[tuple[str, Any, Callable[[], object]]] = [
            ("first_page", ListQuery(), lambda: raw_page(raw, TIME_DESC)),
            ("sort_time_desc", ListQuery(), lambda: raw_page(raw, TIME_DESC)),
            (
                "sort_time_asc",
                ListQuery(descending=False),
                lambda: raw_page(raw, "ORDER BY created_at ASC, id ASC"),
            ),
            (
                "sort_amount_desc",
                ListQuery(sort=ListSort.AMOUNT),
                lambda: raw_page(raw, "ORDER BY list_amount_minor DESC, id DESC"),
            ),
            (
                "sort_amount_asc",
                ListQuery(sort=ListSort.AMOUNT, descending=False),
                lambda: raw_page(raw, "ORDER BY list_amount_minor ASC, id ASC"),
            ),
            (
                "filter_status_date",
                ListQuery(PaymentFilter(paid, since, until)),
                lambda: raw_page(raw, TIME_DESC, window, window_params),
            ),
        ]
        for name, text in (
            ("search_invoice", t.invoice),
            ("search_last4", t.last4),
            ("search_amount", t.amount),
            ("search_rrn", t.rrn),
        ):
            where, params = raw_search(text)
            found = ListQuery(PaymentFilter(search=text))
            cases.append((name, found, lambda w=where, p=params: raw_page(raw, TIME_DESC, w, p)))
        return cases

    def count_floor(self, query: Any) -> Callable[[], object]:
        """The raw counts the model asks for with ``query`` (its filters but the status choice)."""
        assert self.t is not None
        raw = self.raw
        wanted = query.filter
        if wanted.search:
            where, params = raw_search(wanted.search)
            return lambda: raw_counts(raw, where, params)
        if wanted.since is not None:
            where = "created_at >= ? AND created_at < ?"
            params = [raw.when(wanted.since), raw.when(wanted.until)]
            return lambda: raw_counts(raw, where, params)
        return lambda: raw_counts(raw)

    # -- the deep rows' floors ------------------------------------------------------------------

    def raw_at(self, offset: int) -> list[Any]:
        """The page starting at row ``offset`` of the newest-first list: the key of the row before
        it on the covering index, then the page after that key (what the store runs)."""
        if offset <= 0:
            return raw_page(self.raw, TIME_DESC)
        sql = f"SELECT created_at, id FROM payments {TIME_DESC} LIMIT 1 OFFSET ?"  # noqa: S608
        key = self.raw.rows(sql, (offset - 1,))
        return raw_page(self.raw, TIME_DESC, "(created_at, id) < (?, ?)", key[0])

    def raw_last(self, rows: int = PAGE) -> list[Any]:
        return self.raw.rows(f"SELECT * FROM payments ORDER BY created_at ASC, id ASC LIMIT {rows + 1}")  # noqa: S608

    # -- through the service --------------------------------------------------------------------

    async def service(self) -> None:
        from epay_desktop.services.payments.queries import ListQuery

        assert self.t is not None
        q, runs, raw = self.queries, self.runs, self.raw
        newest = ListQuery()
        for name, query, floor in self.cases():
            samples, floors = await interleaved(
                lambda query=query: q.list_page(query, limit=PAGE), floor, runs
            )
            self.emit(name, "service", samples, floors, P2_GOAL)

        first = await q.list_page(newest, limit=PAGE)
        key = raw_page(raw, TIME_DESC)[PAGE - 1]
        key_params = (key[_column(raw, "created_at")], key[_column(raw, "id")])
        samples, floors = await interleaved(
            lambda: q.list_page(newest, limit=PAGE, after=first.last),
            lambda: raw_page(raw, TIME_DESC, "(created_at, id) < (?, ?)", key_params),
            runs,
        )
        self.emit("next_page", "service", samples, floors, P2_GOAL)

        middle = self.middle_row()
        samples, floors = await interleaved(
            lambda: q.list_page_at(newest, middle, limit=PAGE), lambda: self.raw_at(middle), runs
        )
        self.emit("middle_page", "service", samples, floors, P2_GOAL)

        samples, floors = await interleaved(
            lambda: q.list_page(newest, limit=PAGE, from_end=True), self.raw_last, runs
        )
        self.emit("last_page", "service", samples, floors, P2_GOAL)

        samples, floors = await interleaved(lambda: q.list_counts(newest), lambda: raw_counts(raw), runs)
        self.emit("count_by_status", "service", samples, floors, P2_GOAL)
        filtered = next(query for name, query, _ in self.cases() if name == "filter_status_date")
        samples, floors = await interleaved(lambda: q.list_counts(filtered), self.count_floor(filtered), runs)
        self.emit("count_filtered", "service", samples, floors, P2_GOAL)

    def middle_row(self) -> int:
        assert self.t is not None
        row = DEEP_ROW if self.t.size > 2 * DEEP_ROW else self.t.size // 2
        return row - row % PAGE

    # -- through the Qt model -------------------------------------------------------------------

    async def model(self) -> None:
        from PySide6.QtCore import Qt

        from epay_desktop.services.payments.queries import ListQuery
        from epay_desktop.services.payments.queries import ListSort
        from epay_desktop.ui.payments.list_model import PaymentColumn
        from epay_desktop.ui.payments.list_model import PaymentFilter
        from epay_desktop.ui.payments.list_view import PaymentsView

        assert self.t is not None
        view = PaymentsView(self.queries, page_size=PAGE)
        view.resize(1000, 600)
        view.show()
        model, table = view.model, view.table
        bar = table.verticalScrollBar()
        runs, raw = self.runs, self.raw
        await shown(view)

        async def opened() -> None:
            view.refresh()
            await shown(view)

        async def at_top() -> None:  # the list as opened: only its first page in memory
            await opened()

        count_all = self.count_floor(ListQuery())

        samples, floors = await interleaved(opened, lambda: (count_all(), raw_page(raw, TIME_DESC)), runs)
        self.emit("first_page", "model", samples, floors, P2_GOAL)

        async def page_down() -> None:
            bar.setValue(PAGE)
            await shown(view)

        key = raw_page(raw, TIME_DESC)[PAGE - 1]
        key_params = (key[_column(raw, "created_at")], key[_column(raw, "id")])
        samples, floors = await interleaved(
            page_down, lambda: raw_page(raw, TIME_DESC, "(created_at, id) < (?, ?)", key_params), runs, at_top
        )
        self.emit("next_page", "model", samples, floors, P2_GOAL)

        middle = self.middle_row()

        async def to_middle() -> None:
            bar.setValue(middle)
            await shown(view)

        samples, floors = await interleaved(to_middle, lambda: self.raw_at(middle), runs, at_top)
        self.emit("middle_page", "model", samples, floors, P2_GOAL)

        async def to_end() -> None:
            bar.setValue(bar.maximum())
            await shown(view)

        tail = self.t.size % PAGE or PAGE
        samples, floors = await interleaved(to_end, lambda: self.raw_last(tail), runs, at_top)
        self.emit("last_page", "model", samples, floors, P2_GOAL)

        # a header clicked: the list is counted and its first page read in the new order
        sorts = {
            "sort_time_desc": (PaymentColumn.TIME, Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder),
            "sort_time_asc": (PaymentColumn.TIME, Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder),
            "sort_amount_desc": (
                PaymentColumn.AMOUNT,
                Qt.SortOrder.DescendingOrder,
                Qt.SortOrder.AscendingOrder,
            ),
            "sort_amount_asc": (
                PaymentColumn.AMOUNT,
                Qt.SortOrder.AscendingOrder,
                Qt.SortOrder.DescendingOrder,
            ),
        }
        for name, query, floor in self.cases():
            if name in sorts:
                column, order, other = sorts[name]

                async def away(column: PaymentColumn = column, other: Qt.SortOrder = other) -> None:
                    table.sortByColumn(column, other)
                    await shown(view)

                async def click(column: PaymentColumn = column, order: Qt.SortOrder = order) -> None:
                    table.sortByColumn(column, order)
                    await shown(view)

                samples, floors = await interleaved(click, lambda f=floor: (count_all(), f()), runs, away)
                self.emit(name, "model", samples, floors, P2_GOAL)
            elif name != "first_page":
                chosen = query.filter
                counted = self.count_floor(query)

                async def unfiltered() -> None:
                    if table.horizontalHeader().sortIndicatorSection() != PaymentColumn.TIME or (
                        table.horizontalHeader().sortIndicatorOrder() != Qt.SortOrder.DescendingOrder
                    ):
                        table.sortByColumn(PaymentColumn.TIME, Qt.SortOrder.DescendingOrder)
                    model.set_filter(PaymentFilter())
                    await shown(view)

                async def filtered(chosen: PaymentFilter = chosen) -> None:
                    model.set_filter(chosen)
                    await shown(view)

                samples, floors = await interleaved(
                    filtered, lambda f=floor, c=counted: (c(), f()), runs, unfiltered
                )
                self.emit(name, "model", samples, floors, P2_GOAL)
        model.set_filter(PaymentFilter())
        table.sortByColumn(PaymentColumn.TIME, Qt.SortOrder.DescendingOrder)
        await shown(view)
        _ = ListSort  # the sorts above are the model's columns; ListSort names them in the service

        # P2s: the scrollbar dragged as a mouse drags it
        for label, target in (("middle", self.middle_row()), ("end", None)):
            shown_ms: list[float] = []
            stalls: list[float] = []
            for i in range(runs + 1):
                await at_top()
                goal_row = bar.maximum() if target is None else target
                took, stall = await drag(view, goal_row)
                if i:
                    shown_ms.append(took)
                    stalls.append(stall)
            self.emit(f"drag_{label}_shown", "model", shown_ms, None, SHOWN_GOAL)
            self.emit(f"drag_{label}_stall", "model", stalls, None, STALL_GOAL)
        while model.is_loading:  # a page still on its way would outlive the loop
            await asyncio.sleep(0.01)
        view.close()


def _column(raw: Raw, name: str) -> int:
    """Where ``name`` is in ``SELECT * FROM payments`` (the schema's column order)."""
    if raw.backend == "sqlite":
        names = [row[1] for row in raw.rows("PRAGMA table_info(payments)")]
    else:
        names = [
            row[0]
            for row in raw.rows(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'payments' AND table_schema = current_schema() ORDER BY ordinal_position"
            )
        ]
    return names.index(name)


# -- the view: rows under the viewport, a drag, the heartbeat ----------------------------------------


def rows_in_view(view: Any) -> range:
    table = view.table
    count = view.model.rowCount()
    if count == 0:
        return range(0)
    top = table.rowAt(0)
    if top < 0:
        return range(0)
    bottom = table.rowAt(table.viewport().height() - 1)
    return range(top, (bottom if bottom >= 0 else count - 1) + 1)


class _PaintWatch:
    """Counts the viewport's paint events; ``marked``: the count when the list last changed (an
    action, a page arriving), so a paint after it is one that showed the change."""

    def __init__(self, view: Any) -> None:
        from PySide6.QtCore import QEvent
        from PySide6.QtCore import QObject

        paint = QEvent.Type.Paint
        watch = self

        class Filter(QObject):
            def eventFilter(self, _obj: Any, event: Any) -> bool:
                if event.type() == paint:
                    watch.count += 1
                return False

        self.count = 0
        self.marked = 0
        self._filter = Filter(view)
        view.table.viewport().installEventFilter(self._filter)
        view.model.page_loaded.connect(lambda _rows: self.mark())

    def mark(self) -> None:
        self.marked = self.count


_WATCHES: dict[int, _PaintWatch] = {}


def _watch(view: Any) -> _PaintWatch:
    watch = _WATCHES.get(id(view))
    if watch is None:
        watch = _WATCHES[id(view)] = _PaintWatch(view)
    return watch


async def shown(view: Any, timeout: float = 120.0, *, marked: bool = False) -> None:
    """Until the list is counted, every row under the viewport is in the model and the viewport has
    been painted since the action (or since the last page arrived): what a person sees.
    ``marked``: the caller marked the action's moment itself (:func:`drag`)."""
    watch = _watch(view)
    if not marked:
        watch.mark()
    model = view.model
    deadline = time.monotonic() + timeout
    while True:
        if model.counted and not (model.is_loading and model.rowCount() == 0):
            rows = rows_in_view(view)
            if all(model.payment_at(r) is not None for r in rows) and watch.count > watch.marked:
                break
        if time.monotonic() > deadline:
            raise TimeoutError("the rows under the viewport were never shown")
        await asyncio.sleep(0.001)  # the qasync loop runs Qt's events (paints ask for pages) meanwhile


async def drag(view: Any, row: int, steps: int = 12, interval: float = 0.016) -> tuple[float, float]:
    """Drag the view's scrollbar from where it is to ``row`` as a mouse does (slider held down,
    ``steps`` positions ``interval`` s apart, then released). Returns (ms from the slider reaching
    ``row`` until the rows under the viewport are shown, the longest gap in ms between 5 ms
    heartbeat ticks from the press until then)."""
    from PySide6.QtCore import QTimer

    bar = view.table.verticalScrollBar()
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    start = bar.value()
    heartbeat.start()
    ticks.append(time.perf_counter())
    bar.setSliderDown(True)
    for k in range(1, steps):
        bar.setSliderPosition(start + (row - start) * k // steps)
        await asyncio.sleep(interval)
    _watch(view).mark()
    arrived = time.perf_counter()  # the slider reaches the row; then the mouse is released
    bar.setSliderPosition(row)
    await asyncio.sleep(interval)
    bar.setSliderDown(False)
    await shown(view, marked=True)
    done = time.perf_counter()
    ticks.append(done)
    heartbeat.stop()
    gaps = [(b - a) * 1000.0 for a, b in itertools.pairwise(ticks)]
    return (done - arrived) * 1000.0, max(gaps, default=0.0)


# -- running ---------------------------------------------------------------------------------------


async def run_all(url: str, runs: int, vias: Sequence[str]) -> None:
    from epay_desktop.services.payments.queries import ListQuery
    from epay_desktop.services.payments.queries import PaymentQueries
    from epay_desktop.store.db import Store
    from epay_desktop.store.db import make_engine

    store = Store(make_engine(url))
    raw = Raw(url)
    try:
        queries = PaymentQueries(store)
        bench = Bench(queries, raw, runs)
        newest = (await queries.list_page(ListQuery(), limit=1)).payments
        moment = newest[0].created_at if newest else datetime.now(UTC)
        bench.t = targets(raw, moment)
        progress(f"{raw.backend}: {bench.t.size} payments; {runs} runs each")
        if "service" in vias:
            await bench.service()
        if "model" in vias:
            await bench.model()
    finally:
        raw.close()
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, help="a generated SQLite file (benchmarks.generate)")
    where.add_argument("--url", help="a generated database's SQLAlchemy URL (postgresql+psycopg://...)")
    where.add_argument(
        "--postgres",
        action="store_true",
        help="a throwaway PostgreSQL server (benchmarks.pg_server) with --size generated payments",
    )
    parser.add_argument("--size", type=int, default=100_000, help="payments to generate for --postgres")
    parser.add_argument("--pg-root", type=Path, help="keep --postgres's cluster here (reused next time)")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--via", choices=("service", "model", "both"), default="both")
    parser.add_argument("--smoke", action="store_true", help=f"generate {SMOKE_SIZE} payments, 2 runs")
    args = parser.parse_args(argv)
    if args.db is None and args.url is None and not args.smoke and not args.postgres:
        parser.error("give --db, --url, --postgres or --smoke")
    vias = ("service", "model") if args.via == "both" else (args.via,)

    import qasync
    from PySide6.QtWidgets import QApplication

    import epay_desktop.ui  # noqa: F401  (the Qt package's set-up, as in the app)

    app = QApplication.instance() or QApplication(["bench_list"])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="bench-list-") as folder:
        url = args.url
        runs = args.runs
        if args.postgres:
            return _on_postgres(args.size, args.pg_root, runs, vias)
        if args.db is not None:
            url = f"sqlite:///{args.db}"
        elif url is None:  # --smoke
            from benchmarks.generate import generate_quietly

            db = Path(folder) / "epay-desktop.db"
            generate_quietly(f"sqlite:///{db}", SMOKE_SIZE)
            url, runs = f"sqlite:///{db}", min(runs, 2)
        qasync.run(run_all(url, runs, vias))
    return 0


def _on_postgres(size: int, root: Path | None, runs: int, vias: Sequence[str]) -> int:
    """P2 on a throwaway PostgreSQL server: ``size`` payments generated into it unless a kept cluster
    (``root``) has them already; the time the generator took goes to stderr."""
    import qasync

    from benchmarks.pg_server import generate_into
    from benchmarks.pg_server import payments_in
    from benchmarks.pg_server import pg_server

    with pg_server(root) as url:
        if payments_in(url) == 0:
            progress(f"generating {size} payments into PostgreSQL")
            progress(f"generated in {generate_into(url, size):.1f} s")
        qasync.run(run_all(url, runs, vias))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
