"""Store connection settings, the DB worker thread and the write lock (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from sqlalchemy import event
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import update

from epay_desktop.store.db import Store
from epay_desktop.store.db import StoreError
from epay_desktop.store.db import make_engine
from epay_desktop.store.db import verify_sqlite_pragmas
from epay_desktop.store.models import CounterRow


def test_sqlite_connections_have_the_safe_pragmas(sqlite_url):
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        got = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    engine.dispose()
    assert got == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 10_000}
    verify_sqlite_pragmas(make_engine(sqlite_url))


@pytest.mark.parametrize(
    ("pragma", "shown"),
    [
        ("synchronous=NORMAL", "synchronous=1"),
        ("journal_mode=DELETE", "journal_mode=delete"),
        ("foreign_keys=OFF", "foreign_keys=0"),
        ("busy_timeout=100", "busy_timeout=100"),
    ],
)
def test_a_weaker_pragma_is_detected(sqlite_url, pragma, shown):
    engine = make_engine(sqlite_url)

    @event.listens_for(engine, "connect")
    def _weaken(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA {pragma}")

    with pytest.raises(StoreError, match=rf"unsafe settings \({shown}\).*synchronous=2 \(FULL\)"):
        verify_sqlite_pragmas(engine)
    engine.dispose()


def test_in_memory_sqlite_is_refused():
    with pytest.raises(StoreError, match="journal_mode=memory"):
        verify_sqlite_pragmas(make_engine("sqlite://"))


def test_run_executes_on_the_one_db_thread(db_store):
    caller = threading.current_thread().name

    async def main():
        names = [await db_store.run(lambda: threading.current_thread().name) for _ in range(3)]
        names.append(await db_store.run_read(lambda tx: threading.current_thread().name))
        names.append(await db_store.run_write(lambda tx: threading.current_thread().name))
        return names

    names = asyncio.run(main())
    assert len(set(names)) == 1
    assert names[0].startswith("epay-db")
    assert names[0] != caller


def test_run_write_commits_and_errors_roll_back(db_store):
    def bump(tx):
        return tx.counters.next("x")

    def bump_then_fail(tx):
        tx.counters.next("x")
        raise RuntimeError("boom")

    async def main():
        assert await db_store.run_write(bump) == 1
        with pytest.raises(RuntimeError, match="boom"):
            await db_store.run_write(bump_then_fail)
        return await db_store.run_read(lambda tx: tx.counters.current("x"))

    assert asyncio.run(main()) == 1


def test_write_transactions_never_interleave(db_store):
    """Two threads doing read-check-write inside write() serialise (BEGIN IMMEDIATE / FOR UPDATE)."""
    rounds = 40
    with db_store.write() as tx:
        tx.session.add(CounterRow(name="rcw", value=0))
    log: list[tuple[str, str]] = []
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            for _ in range(rounds):
                with db_store.write() as tx:
                    query = select(CounterRow.value).where(CounterRow.name == "rcw")
                    if tx.dialect == "postgresql":
                        query = query.with_for_update()
                    seen = tx.session.execute(query).scalar_one()
                    log.append(("in", name))
                    time.sleep(0.001)  # invite the other thread in; the lock must keep it out
                    tx.session.execute(
                        update(CounterRow).where(CounterRow.name == "rcw").values(value=seen + 1)
                    )
                    log.append(("out", name))
        except BaseException as exc:  # surfaced below with the thread's own traceback
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    with db_store.read() as tx:
        assert (
            tx.session.execute(text("SELECT value FROM counters WHERE name = 'rcw'")).scalar_one()
            == 2 * rounds
        )
    # every "in" is followed by the same thread's "out": no transaction saw another one's middle
    pairs = list(zip(log[::2], log[1::2], strict=True))
    assert all(a == ("in", b[1]) and b[0] == "out" for a, b in pairs)
    assert {name for _, name in log} == {"a", "b"}


def test_a_closed_store_refuses_work(sqlite_url):
    store = Store(make_engine(sqlite_url))
    asyncio.run(store.run(lambda: None))
    store.close()
    with pytest.raises(RuntimeError):
        asyncio.run(store.run(lambda: None))


def test_a_new_file_is_put_in_wal_mode_even_while_another_connection_writes_it(tmp_path, monkeypatch):
    """Two counters opening a new database together: one is already migrating it (a write in the old
    journal mode) while the other connects. SQLite refuses the WAL switch at once, without its busy
    wait; the connection tries again until the writer is done (it failed ~1 start in 10)."""
    import sqlite3

    from epay_desktop.store import db as db_module

    path = tmp_path / "new.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("CREATE TABLE first_write (x INTEGER)")
    refused: list[int] = []

    def writer_finishes() -> None:  # the first refusal: the other counter's migration then commits
        refused.append(1)
        if writer.in_transaction:
            writer.execute("COMMIT")

    monkeypatch.setattr(db_module, "_busy_pause", writer_finishes)
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("SELECT count(*) FROM first_write").scalar() == 0
    finally:
        engine.dispose()
        writer.close()
    assert refused  # it was refused while the other wrote, and waited instead of failing
