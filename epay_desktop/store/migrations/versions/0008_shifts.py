"""shifts: one open shift per register at a time (a partial unique index), numbered per register, the
Z report and audit anchor kept with the closed shift; indexes for a shift's payments and operations
(issue 13; decisions 0107, 0108)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"


def upgrade() -> None:
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.String(length=32), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("close_requested_by", sa.Integer(), nullable=True),
        sa.Column("audit_count", sa.BigInteger(), nullable=True),
        sa.Column("audit_hash", sa.String(length=64), nullable=True),
        sa.Column("z_report", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "closed_at IS NULL OR closed_by IS NOT NULL", name=op.f("ck_shifts_closed_by_someone")
        ),
        sa.ForeignKeyConstraint(["opened_by"], ["users.id"], name=op.f("fk_shifts_opened_by_users")),
        sa.ForeignKeyConstraint(["closed_by"], ["users.id"], name=op.f("fk_shifts_closed_by_users")),
        sa.ForeignKeyConstraint(
            ["close_requested_by"], ["users.id"], name=op.f("fk_shifts_close_requested_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shifts")),
        sa.UniqueConstraint("register_id", "number", name="uq_shifts_register_number"),
    )
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.create_index("ix_shifts_closed_at", ["closed_at"], unique=False)
        batch_op.create_index(
            "uq_shifts_one_open",
            ["register_id"],
            unique=True,
            sqlite_where=sa.text("closed_at IS NULL"),
            postgresql_where=sa.text("closed_at IS NULL"),
        )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index("ix_payments_register_created", ["register_id", "created_at"], unique=False)
    with op.batch_alter_table("money_ops", schema=None) as batch_op:
        batch_op.create_index("ix_money_ops_created_at", ["created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("money_ops", schema=None) as batch_op:
        batch_op.drop_index("ix_money_ops_created_at")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index("ix_payments_register_created")
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_index("uq_shifts_one_open")
        batch_op.drop_index("ix_shifts_closed_at")

    op.drop_table("shifts")
