"""fiscal_records: the fiscal journal, one row per fiscal registration of a card sale or of a refund's
return, its intent committed before the provider is asked; one sale receipt per payment and one return per
refund, enforced by the database (issue 14; decision 0124)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"


def upgrade() -> None:
    op.create_table(
        "fiscal_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("money_op_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("external_number", sa.String(length=50), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("check_number", sa.String(length=64), nullable=True),
        sa.Column("registered_at", sa.String(length=40), nullable=True),
        sa.Column("registration_number", sa.String(length=32), nullable=True),
        sa.Column("cashbox_number", sa.String(length=32), nullable=True),
        sa.Column("shift_number", sa.Integer(), nullable=True),
        sa.Column("order_number", sa.Integer(), nullable=True),
        sa.Column("ofd_name", sa.String(length=128), nullable=True),
        sa.Column("ticket_url", sa.Text(), nullable=True),
        sa.Column("offline", sa.Boolean(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('sale', 'return')", name=op.f("ck_fiscal_records_kind")),
        sa.CheckConstraint(
            "state IN ('intent', 'registered', 'unknown', 'needs_person')",
            name=op.f("ck_fiscal_records_state"),
        ),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_fiscal_records_amount_positive")),
        sa.CheckConstraint(
            "(kind = 'sale') = (money_op_id IS NULL)", name=op.f("ck_fiscal_records_return_names_its_refund")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_fiscal_records_payment_id_payments")
        ),
        sa.ForeignKeyConstraint(
            ["money_op_id"], ["money_ops.id"], name=op.f("fk_fiscal_records_money_op_id_money_ops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_records")),
        sa.UniqueConstraint("external_number", name=op.f("uq_fiscal_records_external_number")),
        sa.UniqueConstraint("money_op_id", name=op.f("uq_fiscal_records_money_op_id")),
    )
    with op.batch_alter_table("fiscal_records", schema=None) as batch_op:
        batch_op.create_index("ix_fiscal_records_payment_id", ["payment_id"], unique=False)
        batch_op.create_index("ix_fiscal_records_state", ["state"], unique=False)
        batch_op.create_index(
            "uq_fiscal_records_one_sale",
            ["payment_id"],
            unique=True,
            sqlite_where=sa.text("kind = 'sale'"),
            postgresql_where=sa.text("kind = 'sale'"),
        )


def downgrade() -> None:
    op.drop_table("fiscal_records")
