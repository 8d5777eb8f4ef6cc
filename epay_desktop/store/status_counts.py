"""The triggers that keep ``payment_status_counts`` (payments per status) exact (decision 0056).

Migration 0006 creates them; a schema made with ``Base.metadata.create_all`` (tests) gets them too
(``store.models``), so the whole list's counts are right whichever way the schema was made. Shop
databases already ran 0006: a change to the statements here needs a new migration that drops and creates
the triggers again (tests/store/test_migration_history_inputs.py fails until it is written).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

__all__ = ["TRIGGERS", "create_statements", "drop_statements", "recount", "seed_statement", "suspend"]

TRIGGERS = ("payments_count_insert", "payments_count_update", "payments_count_delete")
_FUNCTION = "payment_status_counts_follow"

# SQLite: one writer at a time, so each trigger just moves the counts of the statuses it touches.
_SQLITE = (
    """
    CREATE TRIGGER IF NOT EXISTS payments_count_insert AFTER INSERT ON payments
    BEGIN
        INSERT INTO payment_status_counts (status, payments) VALUES (NEW.status, 1)
            ON CONFLICT (status) DO UPDATE SET payments = payments + 1;
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS payments_count_update AFTER UPDATE OF status ON payments
    WHEN OLD.status IS NOT NEW.status
    BEGIN
        UPDATE payment_status_counts SET payments = payments - 1 WHERE status = OLD.status;
        INSERT INTO payment_status_counts (status, payments) VALUES (NEW.status, 1)
            ON CONFLICT (status) DO UPDATE SET payments = payments + 1;
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS payments_count_delete AFTER DELETE ON payments
    BEGIN
        UPDATE payment_status_counts SET payments = payments - 1 WHERE status = OLD.status;
    END
    """,
)

# PostgreSQL: several counters may write at once, and a grouped status commit changes many payments in
# one transaction. The triggers are deferred to the commit (constraint triggers), and the first one
# of a transaction locks every summary row in one order (by status): the summary is touched only after
# every payment row the transaction locks, and always whole, so no two commits wait on each other in a
# circle (a plain row trigger would lock a status between two payment rows and could).
_POSTGRESQL = (
    """
    CREATE OR REPLACE FUNCTION payment_status_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM 1 FROM payment_status_counts ORDER BY status FOR UPDATE;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            UPDATE payment_status_counts SET payments = payments - 1 WHERE status = OLD.status;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO payment_status_counts AS c (status, payments) VALUES (NEW.status, 1)
                ON CONFLICT (status) DO UPDATE SET payments = c.payments + 1;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    "DROP TRIGGER IF EXISTS payments_count_insert ON payments",
    f"""
    CREATE CONSTRAINT TRIGGER payments_count_insert AFTER INSERT ON payments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}()
    """,
    "DROP TRIGGER IF EXISTS payments_count_update ON payments",
    f"""
    CREATE CONSTRAINT TRIGGER payments_count_update AFTER UPDATE OF status ON payments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION {_FUNCTION}()
    """,
    "DROP TRIGGER IF EXISTS payments_count_delete ON payments",
    f"""
    CREATE CONSTRAINT TRIGGER payments_count_delete AFTER DELETE ON payments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}()
    """,
)

#: Every status the console knows has its row from the start (count 0), so the PostgreSQL triggers
#: lock rows that exist rather than racing to insert one.
SEED = "INSERT INTO payment_status_counts (status, payments) VALUES {rows} ON CONFLICT (status) DO NOTHING"


def seed_statement() -> str:
    from epay_desktop.domain import ConsoleStatus

    return SEED.format(rows=", ".join(f"('{s.value}', 0)" for s in ConsoleStatus))


def create_statements(dialect: str) -> tuple[str, ...]:
    """The statements creating the triggers on ``dialect`` (``sqlite`` or ``postgresql``);
    running them again is harmless."""
    return _SQLITE if dialect == "sqlite" else _POSTGRESQL


def drop_statements(dialect: str) -> tuple[str, ...]:
    if dialect == "sqlite":
        return tuple(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS)
    return (
        *(f"DROP TRIGGER IF EXISTS {name} ON payments" for name in TRIGGERS),
        f"DROP FUNCTION IF EXISTS {_FUNCTION}()",
    )


def suspend(conn: Connection) -> None:
    """A bulk load (``benchmarks.generate``: a million payments in one transaction) drops the triggers
    inside its transaction: on PostgreSQL a million updates of the same few rows in one transaction
    pile up row versions that every next update walks. :func:`recount` puts them back before the
    commit, so no other transaction ever sees the table without them."""
    for statement in drop_statements(conn.dialect.name):
        conn.exec_driver_sql(statement)


def recount(conn: Connection) -> None:
    """The summary counted again from the payments and the triggers created (after :func:`suspend`)."""
    conn.exec_driver_sql("DELETE FROM payment_status_counts")
    conn.exec_driver_sql(
        "INSERT INTO payment_status_counts (status, payments) "
        "SELECT status, COUNT(*) FROM payments GROUP BY status"
    )
    conn.exec_driver_sql(seed_statement())
    for statement in create_statements(conn.dialect.name):
        conn.exec_driver_sql(statement)
