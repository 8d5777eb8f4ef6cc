"""money_ops.register_id: the register (counter) where a charge, cancel or refund was asked, so it
counts in that register's shift; rows made before stay NULL and count at their payment's register
(issue 13; decision 0119)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0008"


def upgrade() -> None:
    op.add_column("money_ops", sa.Column("register_id", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("money_ops", schema=None) as batch_op:
        batch_op.drop_column("register_id")
