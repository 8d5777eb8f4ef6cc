"""A test's PostgreSQL store starts at head from the migration replayed (tests.support.postgres).

The replay of what ``migrate`` sent once replaces running every migration for each of several hundred
PostgreSQL cases; it must make the very schema the shipped migrations make (every table, column,
index, constraint, sequence, trigger and seeded row: ``pg_dump`` of the two, names aside, are equal),
it must be what ``open_store`` (hence ``db_store`` and the service tests' worlds) starts from, and it
must never touch a schema a test already wrote to (a test that stamps an old revision migrates it
itself).
"""

from __future__ import annotations

import logging
import subprocess
from contextlib import closing

import pytest
from alembic import command
from sqlalchemy import inspect
from sqlalchemy import text
from sqlalchemy.engine import make_url

from epay_desktop.store.db import make_engine
from epay_desktop.store.migrations import alembic_config
from epay_desktop.store.migrations import head_revision
from epay_desktop.store.migrations import migrate
from tests.support.database import open_store
from tests.support.postgres import DATABASE
from tests.support.postgres import PgServer
from tests.support.postgres import start_at_head


def _schema_of(url: str) -> str:
    return str(make_url(url).query["options"]).removeprefix("-csearch_path=")


def _dump(pg_server: PgServer, url: str) -> str:
    """The schema of ``url`` as ``pg_dump`` writes it (rows as INSERTs), its name written ``S``."""
    from benchmarks.pg_server import bindir

    schema = _schema_of(url)
    server = ["-h", "127.0.0.1", "-p", str(pg_server.port), "-U", "postgres", DATABASE]
    dump = subprocess.run(
        [str(bindir() / "pg_dump"), "--schema", schema, "--inserts", "--no-owner", *server],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    lines = [line for line in dump.splitlines() if not line.startswith("\\")]  # psql's \restrict key
    return "\n".join(lines).replace(schema, "S")


def test_a_store_on_a_fresh_schema_starts_from_the_replay_which_is_the_migrated_schema(
    pg_server: PgServer, pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    migrated = pg_server.create_schema()
    engine = make_engine(migrated)
    try:
        assert migrate(engine).before is None  # the shipped migrations, from an empty schema
    finally:
        engine.dispose()
    with closing(open_store(pg_server.create_schema())):
        pass  # the process's first store on PostgreSQL records the migration (maybe here)
    caplog.clear()
    with (
        caplog.at_level(logging.INFO, logger="epay_desktop.store.migrations"),
        closing(open_store(pg_url)) as store,
        store.engine.connect() as conn,
    ):
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert revision == head_revision()
    ran = [r.getMessage() for r in caplog.records if "event=migrate" in r.getMessage()]
    assert ran == []  # the store found its schema at head: no migration ran on it
    assert _dump(pg_server, pg_url) == _dump(pg_server, migrated)


def test_a_schema_a_test_already_wrote_to_is_migrated_not_replayed_into(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(connection=conn), "0001")  # an old console's database
            conn.execute(text("CREATE TABLE mine (id integer PRIMARY KEY)"))
            conn.execute(text("INSERT INTO mine VALUES (7)"))
        assert not start_at_head(pg_url)  # not empty: left alone
        with closing(open_store(pg_url)) as store, store.engine.connect() as conn:
            assert conn.execute(text("SELECT id FROM mine")).scalar_one() == 7
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            assert revision == head_revision()
            assert {"payments", "alembic_version"} <= set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
