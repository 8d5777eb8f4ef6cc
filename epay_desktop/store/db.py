"""Opening the database and running work on it.

SQLite (the default) gets WAL, ``synchronous=FULL``, foreign keys and a busy timeout on
every connection. Write transactions that check limits use ``BEGIN IMMEDIATE`` on SQLite
(the write lock is taken at the start, so two counters cannot both read the old
remainder) and row locks (``SELECT ... FOR UPDATE``) on PostgreSQL.

All database work of the running app goes through :meth:`Store.run`, which executes a
function on one dedicated worker thread, so the GUI thread never blocks on I/O. Small writes that
are safe to repeat (status answers) may share a transaction: :meth:`Store.run_write_grouped`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker

from epay_desktop.domain.errors import ConsoleError
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.store.tx import Tx

__all__ = ["REQUIRED_SQLITE_PRAGMAS", "Store", "StoreError", "make_engine", "verify_sqlite_pragmas"]

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 10_000
#: At most this many grouped writes share one transaction (:meth:`Store.run_write_grouped`).
GROUP_LIMIT = 50
SQLITE_MIN_BUSY_TIMEOUT_MS = 5_000
_LOCK_WAIT_ATTR = "_epay_lock_wait_ms"

#: What every SQLite connection must report before the console trusts it with money
#: (docs/reliability.md T15): WAL, fsync on every commit, foreign keys, a busy timeout.
REQUIRED_SQLITE_PRAGMAS = "journal_mode=wal, synchronous=2 (FULL), foreign_keys=1, busy_timeout>=5000"


class StoreError(ConsoleError):
    """The database cannot be used safely: wrong settings, unknown schema, broken key file, exhausted ids."""


def make_engine(url: str, *, lock_wait_ms: int = SQLITE_BUSY_TIMEOUT_MS, **kwargs: Any) -> Engine:
    """An engine for ``url`` with the console's connection settings applied.

    ``lock_wait_ms``: how long a SQLite connection waits for another one's write lock (busy timeout)
    before the database counts as busy (the setting EPAYMENT_DB_LOCK_WAIT, decision 0071)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": lock_wait_ms / 1000}, **kwargs)
        _configure_sqlite(engine, lock_wait_ms)
        setattr(engine, _LOCK_WAIT_ATTR, lock_wait_ms)  # the Store says it in a busy database's sentence
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _busy_pause() -> None:
    """The wait between two tries of a change SQLite refuses at once while another connection writes."""
    time.sleep(0.02)


def _journal_to_wal(cursor: Any, lock_wait_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> None:
    """Put the file in WAL mode (a property of the file: set once, kept by it).

    The change needs the file to itself, and SQLite answers "database is locked" at once, without
    its busy wait, while another connection writes: two counters opening a new database together
    (one already migrating it) did. So the mode is read first, and the change tried again until the
    busy timeout."""
    deadline = time.monotonic() + lock_wait_ms / 1000
    while True:
        if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            return
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except Exception as exc:  # sqlite3.OperationalError; the driver is not imported here
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        _busy_pause()


def _configure_sqlite(engine: Engine, lock_wait_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module: we emit BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            _journal_to_wal(cursor, lock_wait_ms)
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(lock_wait_ms)}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def verify_sqlite_pragmas(engine: Engine) -> None:
    """Check on a fresh connection that SQLite runs with the settings our crash safety relies on.

    Does nothing for other databases. Raises :class:`StoreError` naming each wrong setting
    (e.g. ``journal_mode=delete``), so the console refuses to start instead of losing
    acknowledged refunds on a power cut.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        found = {
            name: raw.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    wrong = []
    if str(found["journal_mode"]).lower() != "wal":
        wrong.append(f"journal_mode={found['journal_mode']}")
    if found["synchronous"] != 2:
        wrong.append(f"synchronous={found['synchronous']}")
    if found["foreign_keys"] != 1:
        wrong.append(f"foreign_keys={found['foreign_keys']}")
    if found["busy_timeout"] < SQLITE_MIN_BUSY_TIMEOUT_MS:
        wrong.append(f"busy_timeout={found['busy_timeout']}")
    if wrong:
        raise StoreError(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The database {database} runs with unsafe settings ({wrong}); "
                    "the console needs {required_sqlite_pragmas}. Is the file on a network drive or "
                    "in memory? Move it to a local disk.",
                ),
                database=engine.url.database,
                wrong=", ".join(wrong),
                required_sqlite_pragmas=REQUIRED_SQLITE_PRAGMAS,
            )
        )


class Store:
    """The database, and the one worker thread that talks to it."""

    def __init__(self, engine: Engine, *, audit_key: bytes = b"") -> None:
        self.engine = engine
        self.audit_key = audit_key  # HMAC key of the audit chain; kept out of the database
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._locking_sessions = sessionmaker(
            engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )
        self._worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="epay-db")
        #: grouped writes waiting for the thread (:meth:`run_write_grouped`) and the task committing them
        self._grouped: list[tuple[str, Callable[[Tx], Any], asyncio.Future[Any]]] = []
        self._group_task: asyncio.Task[None] | None = None
        self.group_commits = 0  # transactions :meth:`run_write_grouped` committed (tests count them)
        #: how long a write waits for another connection's lock (EPAYMENT_DB_LOCK_WAIT, via make_engine)
        self.lock_wait_s: float = getattr(engine, _LOCK_WAIT_ATTR, SQLITE_BUSY_TIMEOUT_MS) / 1000

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """A transaction for reading (and harmless writes). Commits on success, rolls back on error."""
        with self._sessions.begin() as session:
            yield Tx(session, locking=False, audit_key=self.audit_key)

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A transaction that takes the write lock first (``BEGIN IMMEDIATE`` on SQLite).

        On PostgreSQL, repositories lock the rows they check with ``SELECT ... FOR UPDATE``.
        """
        with self._locking_sessions.begin() as session:
            yield Tx(session, locking=True, audit_key=self.audit_key)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` on the database thread and await its result.

        A failure that is the database's state (read-only, full, damaged, busy, out of reach) is raised
        as the :class:`StoreError` of ``store.faults`` that says so, with the driver's error as its cause.
        """
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, self._call, fn, args)

    def _call(self, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
        try:
            return fn(*args)
        except Exception as exc:  # SQLAlchemy's DBAPIError, or the driver's own (a raw connection's)
            fault = self.fault_of(exc)
            if fault is None:
                raise
            raise fault from exc

    def fault_of(self, exc: BaseException) -> StoreError | None:
        """The person's sentence for a database failure (``store.faults.database_fault``), or None."""
        from epay_desktop.store.faults import database_fault  # its sentences load when something fails

        return database_fault(exc, database=self.database_name, lock_wait_s=self.lock_wait_s)

    @property
    def database_name(self) -> str:
        """The SQLite file, or the server's URL without its password."""
        url = self.engine.url
        if self.is_sqlite:
            return str(url.database or "")
        return url.render_as_string(hide_password=True)

    async def run_read(self, fn: Callable[[Tx], T]) -> T:
        """Run ``fn(tx)`` inside :meth:`read` on the database thread."""

        def work() -> T:
            with self.read() as tx:
                return fn(tx)

        return await self.run(work)

    async def run_write(self, fn: Callable[[Tx], T]) -> T:
        """Run ``fn(tx)`` inside :meth:`write` on the database thread; commits when it returns."""

        def work() -> T:
            with self.write() as tx:
                return fn(tx)

        return await self.run(work)

    async def run_write_grouped(self, fn: Callable[[Tx], T], *, order: str = "") -> T:
        """Run ``fn(tx)`` in a write transaction shared with the other grouped writes submitted while
        the database thread was busy (group commit), each in its own savepoint.

        Each call is atomic on its own (its savepoint is rolled back if ``fn`` raises, and only that
        call sees the exception) and the group commits at once: one ``BEGIN IMMEDIATE`` and one fsync
        for many small writes, so a burst of status answers does not queue one transaction each behind
        the single worker thread. Within a group, calls run sorted by ``order`` (the rows they lock,
        e.g. the invoice: two processes' groups then take row locks in the same order on PostgreSQL).
        Meant for writes that are safe to repeat (a status answer; never a money intent or outcome,
        which keep their own transactions, docs/reliability.md rules 1-2). If the group's commit
        fails, every call of the group raises that error (nothing of the group is stored).
        """
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        self._grouped.append((order, fn, future))
        task = self._group_task
        if task is None or task.done() or task.get_loop() is not loop:
            self._group_task = loop.create_task(self._commit_groups(loop))
        return await future  # type: ignore[no-any-return]

    async def _commit_groups(self, loop: asyncio.AbstractEventLoop) -> None:
        """Drain the grouped writes: whatever waits when the thread gets free goes in the next group."""
        while self._grouped:
            group = [item for item in self._grouped[:GROUP_LIMIT] if item[2].get_loop() is loop]
            del self._grouped[:GROUP_LIMIT]
            group = [item for item in group if not item[2].done()]  # a caller cancelled meanwhile
            if not group:
                continue
            group.sort(key=lambda item: item[0])

            def work(group: list[tuple[str, Callable[[Tx], Any], asyncio.Future[Any]]] = group) -> list[Any]:
                outcomes: list[tuple[bool, Any]] = []
                with self.write() as tx:
                    self.group_commits += 1
                    for _order, fn, _future in group:
                        try:
                            with tx.session.begin_nested():
                                outcomes.append((True, fn(tx)))
                        except Exception as exc:  # this call's savepoint is rolled back; the rest stay
                            fault = self.fault_of(exc)
                            if fault is not None:
                                fault.__cause__ = exc
                            outcomes.append((False, fault or exc))
                        time.sleep(0)  # let the GUI thread have the GIL between calls (issue 10, P6)
                return outcomes

            try:
                outcomes = await self.run(work)
            except BaseException as exc:
                for _order, _fn, future in group:
                    if not future.done():
                        future.set_exception(exc)
                if not isinstance(exc, Exception):
                    raise
                continue
            for (_order, _fn, future), (ok, value) in zip(group, outcomes, strict=True):
                if future.done():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)

    def close(self) -> None:
        self._worker.shutdown(wait=True)
        self.engine.dispose()
