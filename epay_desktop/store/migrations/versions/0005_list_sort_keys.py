"""the payment list sorts and filters in SQL on any size: stored sort keys (shown amount, refunded,
card last 4) and one index per sort, each ending in id for keyset paging (issue 10; decisions 0050, 0051)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from epay_desktop.store.list_keys import card_last4
from epay_desktop.store.list_keys import list_amount_minor
from epay_desktop.store.list_keys import list_refunded_minor

revision: str = "0005"
down_revision: str | None = "0004"

_BATCH = 5_000


def upgrade() -> None:
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("list_amount_minor", sa.BigInteger(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("list_refunded_minor", sa.BigInteger(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("card_last4", sa.String(length=4), server_default="", nullable=False))
    _fill_keys()
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_status"))
        batch_op.create_index("ix_payments_status_created", ["status", "created_at", "id"], unique=False)
        batch_op.create_index("ix_payments_cashier_created", ["created_by", "created_at", "id"], unique=False)
        batch_op.create_index("ix_payments_list_amount", ["list_amount_minor", "id"], unique=False)
        batch_op.create_index("ix_payments_list_refunded", ["list_refunded_minor", "id"], unique=False)
        batch_op.create_index("ix_payments_card_last4", ["card_last4", "id"], unique=False)
        batch_op.create_index("ix_payments_amount", ["amount_minor"], unique=False)


def _fill_keys() -> None:
    """The new keys of every existing payment, by the same functions the store writes them with."""
    conn = op.get_bind()
    payments = sa.table(
        "payments",
        sa.column("id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("amount_minor", sa.BigInteger),
        sa.column("gateway_amount_minor", sa.BigInteger),
        sa.column("org_amount_minor", sa.BigInteger),
        sa.column("payout_amount_minor", sa.BigInteger),
        sa.column("card_mask", sa.String),
        sa.column("list_amount_minor", sa.BigInteger),
        sa.column("list_refunded_minor", sa.BigInteger),
        sa.column("card_last4", sa.String),
    )
    update = (
        payments.update()
        .where(payments.c.id == sa.bindparam("row_id"))
        .values(
            list_amount_minor=sa.bindparam("amount_key"),
            list_refunded_minor=sa.bindparam("refunded_key"),
            card_last4=sa.bindparam("last4_key"),
        )
    )
    columns = (
        payments.c.id,
        payments.c.status,
        payments.c.amount_minor,
        payments.c.gateway_amount_minor,
        payments.c.org_amount_minor,
        payments.c.payout_amount_minor,
        payments.c.card_mask,
    )
    # Keyset chunks by id: memory stays one batch however many payments the shop has (a million
    # rows read at once held ~1 GB of row objects).
    last_id = 0
    while True:
        rows = conn.execute(
            sa.select(*columns).where(payments.c.id > last_id).order_by(payments.c.id).limit(_BATCH)
        ).all()
        if not rows:
            return
        conn.execute(
            update,
            [
                {
                    "row_id": r.id,
                    "amount_key": list_amount_minor(
                        r.status,
                        r.amount_minor,
                        r.gateway_amount_minor,
                        r.org_amount_minor,
                        r.payout_amount_minor,
                    ),
                    "refunded_key": list_refunded_minor(r.payout_amount_minor),
                    "last4_key": card_last4(r.card_mask),
                }
                for r in rows
            ],
        )
        last_id = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index("ix_payments_amount")
        batch_op.drop_index("ix_payments_card_last4")
        batch_op.drop_index("ix_payments_list_refunded")
        batch_op.drop_index("ix_payments_list_amount")
        batch_op.drop_index("ix_payments_cashier_created")
        batch_op.drop_index("ix_payments_status_created")
        batch_op.create_index(batch_op.f("ix_payments_status"), ["status"], unique=False)
        batch_op.drop_column("card_last4")
        batch_op.drop_column("list_refunded_minor")
        batch_op.drop_column("list_amount_minor")
