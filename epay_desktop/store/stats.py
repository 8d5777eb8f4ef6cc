"""Planner statistics: the payment list's queries pick the right index only when the database knows
how its tables look (``ANALYZE``). Decision 0051.

SQLite never gathers statistics by itself. :func:`refresh_statistics` runs at every start (from
``open_store``): when the schema was just migrated, when there are none for the payments, or when
the payments have more than doubled since they were gathered, it runs ``ANALYZE`` with
``PRAGMA analysis_limit`` so it samples each index instead of reading it whole (milliseconds on a
million payments). PostgreSQL's autovacuum keeps its own statistics; after a migration (new
columns and indexes) the payments and operations are analysed at once rather than whenever
autovacuum comes by.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import text

__all__ = ["ANALYSIS_LIMIT", "refresh_statistics"]

log = logging.getLogger(__name__)

#: rows SQLite reads per index when analysing (its documented range for a quick ANALYZE: 100-1000)
ANALYSIS_LIMIT = 1000


def refresh_statistics(engine: Engine, *, migrated: bool) -> bool:
    """Gather planner statistics if they are missing or stale; True when it did (see the module)."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn, conn.begin():
            payments = int(conn.execute(text("SELECT coalesce(max(id), 0) FROM payments")).scalar_one())
            analysed = _sqlite_analysed_rows(conn)
            if not migrated and analysed is not None and payments <= 2 * max(analysed, 1000):
                return False
            conn.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
            conn.exec_driver_sql("ANALYZE")
        log.info(
            "event=statistics_refreshed dialect=sqlite payments=%s analysed_before=%s", payments, analysed
        )
        return True
    if engine.dialect.name == "postgresql" and migrated:
        with engine.connect() as conn, conn.begin():
            conn.execute(text("ANALYZE payments"))
            conn.execute(text("ANALYZE money_ops"))
        log.info("event=statistics_refreshed dialect=postgresql")
        return True
    return False


def _sqlite_analysed_rows(conn: Connection) -> int | None:
    """Payments counted by the last ANALYZE (sqlite_stat1 of the time index), or None if none."""
    exists = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"))
    if exists.first() is None:
        return None
    stat = conn.execute(
        text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'payments' AND idx = 'ix_payments_created'")
    ).scalar_one_or_none()
    return int(str(stat).split()[0]) if stat else None
