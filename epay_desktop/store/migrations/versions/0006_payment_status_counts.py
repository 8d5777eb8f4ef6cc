"""payment_status_counts: how many payments each status has, kept by triggers on payments, so the
list's count of every payment is a read of a handful of rows, not a count of a million (issue 10;
decision 0056)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from epay_desktop.store.status_counts import create_statements
from epay_desktop.store.status_counts import drop_statements
from epay_desktop.store.status_counts import seed_statement

revision: str = "0006"
down_revision: str | None = "0005"


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
    op.execute(seed_statement())  # the statuses no payment has yet, at 0
    for statement in create_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_table("payment_status_counts")
