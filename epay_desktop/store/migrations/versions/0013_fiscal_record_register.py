"""fiscal_records.asked_at_register and vat_percent: the cash register a receipt was asked at (never
sent to another one by itself while its outcome there is not known: decision 0129) and the VAT rate it
was registered with (a reprint shows it, not the shop's rate of today: decision 0130). Rows made before
stay NULL: bound to the register of the next ask; a registered one is drawn with the settings' VAT as
before (issue 14)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"


def upgrade() -> None:
    with op.batch_alter_table("fiscal_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("asked_at_register", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("vat_percent", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("fiscal_records", schema=None) as batch_op:
        batch_op.drop_column("vat_percent")
        batch_op.drop_column("asked_at_register")
