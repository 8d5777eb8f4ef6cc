"""The tests' PostgreSQL: one throwaway server per test process, a fresh schema per test, and the
migration to head run once per process and replayed instead of run again for every test.

``PgServer`` is the server the session fixture ``pg_server`` (tests/conftest.py) starts with
``benchmarks.pg_server`` (it stops when the test process dies, even by SIGKILL). ``pg_url`` is a
fresh, EMPTY schema of the shared ``epay_tests`` database (``create_schema``), as the migration tests
need it. A store opened on it (``tests.support.database.open_store``, hence ``db_store`` and every
world of the service tests) must start at head: :func:`start_at_head` replays into it the statements
``store.migrations.migrate`` sent when this process migrated one empty schema to head with the
shipped migrations (the same SQL with the same parameters, in the same order, in one transaction
under the migration's own advisory lock: the same schema, without alembic loading every revision
and building every operation again); ``migrate`` then finds it current. Only a schema still empty
is replayed into: one a test already wrote to (an old revision it stamped, tables of its own) is
left to ``migrate`` as before. About 0.6 s of a migration becomes about 0.25 s (decision 0135).
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import Final

import psycopg

from epay_desktop.store.db import make_engine
from epay_desktop.store.migrations import migrate
from epay_desktop.store.migrations.runner import _PG_MIGRATION_LOCK  # the lock two counters migrate under

__all__ = ["DATABASE", "PgServer", "start_at_head"]

#: The database holding the tests' schemas (created by the session fixture).
DATABASE: Final = "epay_tests"
#: The schema migrated once per process, its statements recorded.
HEAD_SCHEMA: Final = "epay_migrated_head"


@dataclass
class PgServer:
    """A throwaway PostgreSQL server on loopback with trust auth (user ``postgres``)."""

    port: int
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _sent: list[tuple[str, Any, bool]] = field(default_factory=list)  # the migration's SQL (first need)

    def url(self, database: str, schema: str | None = None) -> str:
        options = f"?options=-csearch_path%3D{schema}" if schema else ""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}{options}"

    def _connect(self, database: str = "postgres", *, schema: str | None = None) -> psycopg.Connection:
        """Autocommit, or one transaction on ``schema`` (the ``search_path`` its URL sets)."""
        if schema is None:
            return psycopg.connect(
                host="127.0.0.1", port=self.port, user="postgres", dbname=database, autocommit=True
            )
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="postgres",
            dbname=database,
            options=f"-csearch_path={schema}",
        )

    def _admin(self, sql: str, database: str = "postgres") -> None:
        with self._connect(database) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self) -> str:
        """A new empty database (about 0.5 s); returns its SQLAlchemy URL."""
        name = f"t{os.getpid()}_{next(self._names)}"
        self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def create_schema(self) -> str:
        """A new empty schema in the shared ``epay_tests`` database (milliseconds); its URL sets
        ``search_path`` to it, so tables, ``alembic_version`` and reflection all live there. A store
        opened on it first gets the migration replayed into it (:func:`start_at_head`)."""
        name = f"s{os.getpid()}_{next(self._names)}"
        self._admin(f'CREATE SCHEMA "{name}"', database=DATABASE)
        url = self.url(DATABASE, schema=name)
        _FRESH[url] = (self, name)
        return url

    def start_at_head(self, schema: str) -> bool:
        """Replay the migration to head into ``schema`` when it is empty; False (nothing changed) when
        it is not."""
        statements = self._migration()
        with self._connect(DATABASE, schema=schema) as conn:  # one transaction, committed at the end
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_MIGRATION_LOCK,))
            if conn.execute(_HOLDS_ANYTHING, {"schema": schema}).fetchone() != (False,):
                conn.rollback()
                return False
            cursor = conn.cursor()
            for statement, parameters, many in statements:
                (cursor.executemany if many else cursor.execute)(statement, parameters)
        return True

    def _migration(self) -> list[tuple[str, Any, bool]]:
        """What ``migrate`` sent (statement, parameters, executemany) migrating an empty schema to head:
        made once, on :data:`HEAD_SCHEMA`. No statement names that schema (they work on the
        ``search_path``), so they replay into any other."""
        if not self._sent:
            from sqlalchemy import event

            self._admin(f'CREATE SCHEMA "{HEAD_SCHEMA}"', database=DATABASE)
            engine = make_engine(self.url(DATABASE, schema=HEAD_SCHEMA))
            sent: list[tuple[str, Any, bool]] = []

            def record(
                conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
            ) -> None:
                sent.append((statement, parameters, many))

            try:
                engine.connect().close()  # the dialect's first-connect queries are not the migration's
                event.listen(engine, "before_cursor_execute", record)
                migrate(engine)
            finally:
                engine.dispose()
            assert not [s for s, p, _ in sent if HEAD_SCHEMA in s or HEAD_SCHEMA in repr(p)]
            self._sent.extend(sent)
        return self._sent


#: Whether a schema holds a table (view, sequence, index), a type or a function: (False,) when empty.
_HOLDS_ANYTHING: Final = (
    "SELECT EXISTS (SELECT FROM pg_class WHERE relnamespace = s.oid)"
    " OR EXISTS (SELECT FROM pg_type WHERE typnamespace = s.oid)"
    " OR EXISTS (SELECT FROM pg_proc WHERE pronamespace = s.oid)"
    " FROM pg_namespace s WHERE s.nspname = %(schema)s"
)


#: URL -> (its server, its schema) of the schemas ``create_schema`` made that no store opened yet.
_FRESH: dict[str, tuple[PgServer, str]] = {}


def start_at_head(url: str) -> bool:
    """When ``url`` is a schema ``PgServer.create_schema`` made and nothing wrote to it yet, make it
    the migrated copy at head (once: later calls return False). True when it did."""
    made = _FRESH.pop(url, None)
    return made is not None and made[0].start_at_head(made[1])
