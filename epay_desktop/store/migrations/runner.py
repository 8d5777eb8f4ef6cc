"""Bring the database to the schema this program knows, or refuse to start.

Fail closed: a database stamped with a revision this program does not know (a newer
console wrote it), with several heads, or with tables but no revision at all is never
touched. Before upgrading an existing SQLite file, a consistent copy is made in its backups
folder with the SQLite backup API and checked (``integrity_check`` and its revision;
``store.backup.pre_migration_backup``, decision 0067). On
PostgreSQL nothing is copied (the operator's ``pg_dump`` schedule covers it; a log line
says so). The whole upgrade runs in one transaction under the write lock (``BEGIN
IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so two counters starting at once
migrate only once, and a migration killed half-way leaves the old schema behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import inspect
from sqlalchemy import text

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.store.db import StoreError

__all__ = ["MIGRATIONS_DIR", "MigrationResult", "alembic_config", "head_revision", "migrate"]

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent
_PG_MIGRATION_LOCK = 0x6570_6179  # "epay": pg_advisory_xact_lock key shared by every counter


@dataclass(frozen=True, slots=True)
class MigrationResult:
    """What :func:`migrate` did: revisions before/after and the backup file, if one was made."""

    before: str | None
    after: str
    backup: Path | None


def alembic_config(
    *, connection: Connection | None = None, url: str | None = None, script_location: Path | None = None
) -> Config:
    """An Alembic configuration built in code (no alembic.ini); pass a connection or a URL."""
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision(script_location: Path | None = None) -> str:
    """The newest schema revision this program ships; raises StoreError if there is not exactly one."""
    heads = ScriptDirectory.from_config(alembic_config(script_location=script_location)).get_heads()
    if len(heads) != 1:
        raise StoreError(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "This program's migrations have {heads_count} heads ({heads}); it is built wrongly.",
                ),
                heads_count=len(heads),
                heads=heads,
            )
        )
    return heads[0]


def migrate(
    engine: Engine,
    *,
    script_location: Path | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    copy_first: bool = True,
) -> MigrationResult:
    """Upgrade the database to :func:`head_revision`, backing up an existing SQLite file first.

    Side effects: writes the schema; may create ``backups/pre-migration-<rev>-<date>T<time>.db``
    beside the database (mode 0600; ``copy_first=False``: none, for a restore's staged copy of a
    backup, which is itself that copy).
    Raises :class:`StoreError` when the database's revision is unknown (newer program), when it
    has tables but no revision, when the backup cannot be made or verified, or when the
    upgrade does not end at the head.
    """
    script = ScriptDirectory.from_config(alembic_config(script_location=script_location))
    head = head_revision(script_location)
    known = {rev.revision for rev in script.walk_revisions()}
    locked = engine.execution_options(sqlite_immediate=True)  # BEGIN IMMEDIATE on SQLite
    with locked.connect() as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        current = _current_revision(conn, known, head)
        if current == head:
            return MigrationResult(before=current, after=head, backup=None)
        backup = None
        if current is not None and conn.dialect.name == "sqlite" and copy_first:
            backup = _backup_sqlite(conn, current, clock())
        elif current is not None:
            log.warning(
                "event=migrate_without_backup dialect=%s from=%s to=%s reason=server_database; "
                "make sure the server is backed up (pg_dump)",
                conn.dialect.name,
                current,
                head,
            )
        log.info("event=migrate from=%s to=%s", current or "empty", head)
        try:
            command.upgrade(alembic_config(connection=conn, script_location=script_location), "head")
        except Exception as exc:  # the transaction rolls back: the schema stays at `current`
            kept = f" A backup made before it is at {backup}." if backup else ""
            raise StoreError(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store",
                        "Upgrading the database from schema {current} to {head} failed ({exc}). "
                        "Nothing was changed.{kept} Ask support; the console will not start on it.",
                    ),
                    current=current or "empty",
                    head=head,
                    exc=exc,
                    kept=kept,
                )
            ) from exc
        after = MigrationContext.configure(conn).get_current_revision()
        if after != head:
            raise StoreError(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store", "Database migration stopped at {after}, not at {head}; nothing was changed."
                    ),
                    after=after,
                    head=head,
                )
            )
    return MigrationResult(before=current, after=head, backup=backup)


def _current_revision(conn: Connection, known: set[str], head: str) -> str | None:
    revisions = MigrationContext.configure(conn).get_current_heads()
    if len(revisions) > 1:
        raise StoreError(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The database has several schema revisions ({revisions}); restore a backup "
                    "or ask support. The console will not start on it.",
                ),
                revisions=", ".join(revisions),
            )
        )
    if not revisions:
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
        if tables:
            raise StoreError(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store",
                        "The database has tables but no schema revision, so it was not created by "
                        "epay-desktop (found {tables}). Point EPAYMENT_DATABASE_URL at a "
                        "new or epay-desktop database.",
                    ),
                    tables=", ".join(sorted(tables)[:5]),
                )
            )
        return None
    current = revisions[0]
    if current not in known:
        raise StoreError(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The database has schema revision {current}, which this program does not know "
                    "(it knows up to {head}): a newer epay-desktop has used it. Install that "
                    "version, or restore a backup made before the upgrade. Nothing was changed.",
                ),
                current=current,
                head=head,
            )
        )
    return current


def _backup_sqlite(conn: Connection, revision: str, now: datetime) -> Path:
    """A checked copy of the database in its backups folder (``store.backup.pre_migration_backup``).

    ``conn`` holds the write lock, so nothing changes during the copy. The copy is read
    through a second, read-only connection: SQLite refuses to back up from a connection
    that has a write transaction open, and WAL lets readers in while a writer waits.
    """
    from epay_desktop.store.backup import pre_migration_backup

    db_file = conn.engine.url.database
    if not db_file:
        raise StoreError(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store", "Cannot back up this SQLite database before migrating it (no file)."
                ),
            )
        )
    try:
        target = pre_migration_backup(Path(db_file).absolute(), revision, now)
    except StoreError as exc:
        raise StoreError(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store", "Backup before migration failed ({exc}); the database was not changed."
                ),
                exc=exc,
            )
        ) from exc
    log.info("event=backup_before_migration file=%s revision=%s", target, revision)
    return target
