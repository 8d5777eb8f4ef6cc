"""payment_status_counts: how many payments each status has, kept by triggers on payments, so the
list's count of every payment is a read of a handful of rows, not a count of a million (issue 10;
decision 0056)

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-06 15:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TRIGGERS = ("payments_count_insert", "payments_count_update", "payments_count_delete")

# SQLite: one writer at a time, so each trigger just moves the counts of the statuses it touches.
_SQLITE = (
    """
    CREATE TRIGGER payments_count_insert AFTER INSERT ON payments
    BEGIN
        INSERT INTO payment_status_counts (status, payments) VALUES (NEW.status, 1)
            ON CONFLICT (status) DO UPDATE SET payments = payments + 1;
    END
    """,
    """
    CREATE TRIGGER payments_count_update AFTER UPDATE OF status ON payments
    WHEN OLD.status IS NOT NEW.status
    BEGIN
        UPDATE payment_status_counts SET payments = payments - 1 WHERE status = OLD.status;
        INSERT INTO payment_status_counts (status, payments) VALUES (NEW.status, 1)
            ON CONFLICT (status) DO UPDATE SET payments = payments + 1;
    END
    """,
    """
    CREATE TRIGGER payments_count_delete AFTER DELETE ON payments
    BEGIN
        UPDATE payment_status_counts SET payments = payments - 1 WHERE status = OLD.status;
    END
    """,
)

# PostgreSQL: several counters may write at once. A status change locks both rows it moves in one
# order (by status) before touching them, so two changes never wait on each other in a circle.
_POSTGRESQL = (
    """
    CREATE FUNCTION payment_status_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            INSERT INTO payment_status_counts (status, payments) VALUES (NEW.status, 0)
                ON CONFLICT (status) DO NOTHING;
            PERFORM 1 FROM payment_status_counts WHERE status IN (OLD.status, NEW.status)
                ORDER BY status FOR UPDATE;
        END IF;
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
    """
    CREATE TRIGGER payments_count_insert AFTER INSERT ON payments
    FOR EACH ROW EXECUTE FUNCTION payment_status_counts_follow()
    """,
    """
    CREATE TRIGGER payments_count_update AFTER UPDATE OF status ON payments
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION payment_status_counts_follow()
    """,
    """
    CREATE TRIGGER payments_count_delete AFTER DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION payment_status_counts_follow()
    """,
)


def upgrade() -> None:
    op.create_table(
        "payment_status_counts",
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("payments", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("status", name=op.f("pk_payment_status_counts")),
    )
    # the counts of the payments already there, then the triggers (the migration holds the
    # console's lock: nothing writes payments in between)
    op.execute(
        "INSERT INTO payment_status_counts (status, payments) "
        "SELECT status, COUNT(*) FROM payments GROUP BY status"
    )
    for statement in _SQLITE if op.get_bind().dialect.name == "sqlite" else _POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    for trigger in _TRIGGERS:
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON payments")
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS payment_status_counts_follow()")
    op.drop_table("payment_status_counts")
