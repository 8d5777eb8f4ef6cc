"""The list's stored sort keys (migration 0005, decision 0050): equal to what the list shows, kept
by every write of a payment row, filled in for payments made before the migration; statistics."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from alembic import command
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain.checkout import CheckoutInput
from epay_desktop.store.db import Store
from epay_desktop.store.list_keys import card_last4
from epay_desktop.store.list_keys import list_keys_of
from epay_desktop.store.migrations import head_revision
from epay_desktop.store.migrations import migrate
from epay_desktop.store.migrations.runner import alembic_config
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.repos.payment_rows import to_payment
from epay_desktop.store.stats import refresh_statistics

#: A paid payment as a 0004 database stores it (before 0005 added the list keys).
INSERT_0004_PAID = (
    "INSERT INTO payments (id, invoice_id, invoice_tail, amount_minor, currency, status, "
    "description, save_card, language, register_id, created_at, updated_at, poll_count, version, "
    "gateway_amount_minor, org_amount_minor, payout_amount_minor, card_mask) VALUES "
)

T0 = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


def test_stored_keys_are_what_the_list_shows_for_every_generated_payment(list_db_url, engine_for):
    """The Amount cell (ui.common.amounts.shown_amount: a hold charged in part shows what was
    charged), the Refunded cell and the card's last 4 (ui.common.formatting.card_last4)."""
    from epay_desktop.ui.common.amounts import shown_amount
    from epay_desktop.ui.common.formatting import card_last4 as shown_last4

    engine = engine_for(list_db_url)
    partly_charged = 0
    with Session(engine) as s:
        for row in s.scalars(select(PaymentRow)):
            payment = to_payment(row)
            shown = shown_amount(payment)
            assert row.list_amount_minor == shown.minor, row.id
            assert row.list_refunded_minor == (payment.payout_amount.minor if payment.payout_amount else 0)
            assert row.card_last4 == shown_last4(payment.card_mask)
            assert list_keys_of(payment) == (row.list_amount_minor, row.list_refunded_minor, row.card_last4)
            partly_charged += shown.minor < payment.amount.minor
    assert partly_charged > 0  # the generated set holds holds charged in part


def test_every_write_keeps_the_keys(db_store: Store):
    """insert -> hold charged in part -> refunded in part: the keys follow each write."""
    with db_store.write() as tx:
        p = tx.payments.insert(
            InvoiceId("000000042"), CheckoutInput(Money(1_000_000)), description="", register_id="r",
            created_by=None, now=T0,
        )  # fmt: skip

    def keys() -> tuple[object, ...]:
        with db_store.engine.connect() as conn:
            found = conn.execute(
                text("SELECT list_amount_minor, list_refunded_minor, card_last4 FROM payments")
            )
            return tuple(found.one())

    assert tuple(keys()) == (1_000_000, 0, "")
    charged = GatewaySnapshot(
        status=ConsoleStatus.CHARGE, observed_at=T0 + timedelta(minutes=1), transaction_id="t-1",
        amount=Money(600_000), org_amount=Money(1_000_000), payout_amount=Money(0),
        card_mask="440563...5096", card_type="VISA",
    )  # fmt: skip
    with db_store.write() as tx:
        tx.payments.apply_snapshot(p.id, charged, next_poll_at=None)
    assert tuple(keys()) == (600_000, 0, "5096")
    refunded = GatewaySnapshot(
        status=ConsoleStatus.CHARGE, observed_at=T0 + timedelta(hours=1), amount=Money(450_000),
        org_amount=Money(1_000_000), payout_amount=Money(150_000),
    )  # fmt: skip
    with db_store.write() as tx:
        tx.payments.apply_snapshot(p.id, refunded, next_poll_at=None)
    assert tuple(keys()) == (600_000, 150_000, "5096")


def test_payments_made_before_0005_get_their_keys(engine_for, db_url):
    engine = engine_for(db_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(connection=conn), "0004")
        conn.execute(
            text(
                INSERT_0004_PAID
                + "(1, '000000001', '000001', 500000, 'KZT', 'CHARGE', '', false, 'rus', 'r', :t, :t, 0, 1, "
                "200000, 500000, 100000, '400303...0042'), "
                "(2, '000000002', '000002', 70000, 'KZT', 'NEW', '', false, 'rus', 'r', :t, :t, 0, 1, "
                "NULL, NULL, NULL, NULL)"
            ),
            {"t": T0.replace(tzinfo=None)},
        )
    result = migrate(engine)
    assert (result.before, result.after) == ("0004", head_revision())
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, list_amount_minor, list_refunded_minor, card_last4 FROM payments ORDER BY id")
        ).all()
    assert [tuple(r) for r in rows] == [(1, 300_000, 100_000, "0042"), (2, 70_000, 0, "")]


def test_card_last4_is_the_card_cells_rule():
    """The same last 4 the list's Card cell shows, odd masks included (search and sort match it)."""
    from epay_desktop.ui.common.formatting import card_last4 as shown_last4

    assert card_last4("440563...5096") == "5096"
    for mask in ("4405-63XX-XXXX-5096 ", "440563******", "**12", "", None):
        assert card_last4(mask) == shown_last4(mask), mask


def test_statistics_are_gathered_when_missing_or_stale_and_not_otherwise(engine_for, sqlite_url):
    engine = engine_for(sqlite_url)
    migrate(engine)
    assert refresh_statistics(engine, migrated=False)  # none yet
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO payments (id, invoice_id, invoice_tail, amount_minor, currency, status, "
                "description, save_card, language, register_id, created_at, updated_at, poll_count, version) "
                "SELECT value, printf('%09d', value), printf('%06d', value), 100, 'KZT', 'CHARGE', '', 0, "
                "'rus', 'r', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0, 1 "
                "FROM (WITH RECURSIVE n(value) AS "
                "(SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 3000) "
                "SELECT value FROM n)"
            )
        )
    assert refresh_statistics(engine, migrated=False)  # grown from nothing to 3,000 payments
    assert not refresh_statistics(engine, migrated=False)  # fresh: nothing to do
    assert refresh_statistics(engine, migrated=True)  # a migration changes indexes: always
    with engine.connect() as conn:
        stat = conn.execute(
            text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'payments' AND idx = 'ix_payments_list_amount'")
        ).scalar_one()
    assert int(stat.split()[0]) > 0


def test_the_keys_are_filled_in_chunks_past_the_first_batch(engine_for, db_url):
    """0005 reads the payments in keyset chunks of 5,000 (a million rows at once held ~1 GB): every
    chunk is filled, the last one short, none twice."""
    engine = engine_for(db_url)
    count = 2 * 5_000 + 3
    with engine.begin() as conn:
        command.upgrade(alembic_config(connection=conn), "0004")
        conn.execute(
            text(
                INSERT_0004_PAID
                + "(:id, :inv, :tail, :amount, 'KZT', 'CHARGE', '', false, 'rus', 'r', :t, :t, 0, 1, "
                ":amount, :amount, :payout, :mask)"
            ),
            [
                {
                    "id": i,
                    "inv": f"{i:09d}",
                    "tail": f"{i:06d}",
                    "amount": 1_000 + i,
                    "payout": i % 7,
                    "mask": f"440563...{i % 10_000:04d}",
                    "t": T0.replace(tzinfo=None),
                }
                for i in range(1, count + 1)
            ],
        )
    migrate(engine)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, list_amount_minor, list_refunded_minor, card_last4 FROM payments ORDER BY id")
        ).all()
    assert len(rows) == count
    assert [tuple(r) for r in rows] == [
        (i, 1_000 + i, i % 7, f"{i % 10_000:04d}") for i in range(1, count + 1)
    ]
