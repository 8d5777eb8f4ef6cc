"""Migration 0013 (decisions 0129, 0130): a fiscal record keeps the cash register it was asked at and the
VAT rate sent. A database at 0012 upgrades with its records as they were: nothing bound yet, no rate kept
(a registered one is drawn with the settings' rate as before; an open one is bound at its next ask)."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from sqlalchemy import text

from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.store.migrations import head_revision
from epay_desktop.store.migrations import migrate
from epay_desktop.store.migrations.runner import alembic_config
from tests.support.database import open_store

NOW = datetime(2026, 3, 2, 9, 0)  # naive: what a 0012 row holds whatever the dialect's text form

_PAYMENT = (
    "INSERT INTO payments (id, invoice_id, invoice_tail, amount_minor, currency, status, description, "
    "save_card, language, register_id, created_at, updated_at, poll_count, version, transaction_id) "
    "VALUES (1, '000000001', '000001', 100000, 'KZT', 'CHARGE', '', false, 'rus', 'till-A', :t, :t, 0, 1, "
    "'tx-1')"
)
_RECORD = (
    "INSERT INTO fiscal_records (id, payment_id, money_op_id, kind, external_number, amount_minor, state, "
    "attempts, check_number, registered_at, registration_number, cashbox_number, shift_number, "
    "order_number, ofd_name, ticket_url, offline, created_at, updated_at) VALUES (:id, 1, NULL, 'sale', "
    ":number, 100000, :state, 1, :sign, :at, :rnm, :znm, :shift, NULL, :ofd, :url, :offline, :t, :t)"
)


def test_a_database_at_0012_keeps_its_fiscal_records_unbound(engine_for, db_url):
    engine = engine_for(db_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(connection=conn), "0012")
        conn.execute(text(_PAYMENT), {"t": NOW})
        registered = {
            "id": 1,
            "number": "epd-sale-000000001",
            "state": "registered",
            "sign": "2026000011",
            "at": "2026-03-02T14:00:00+05:00",
            "rnm": "032600000001",
            "znm": "SWK00000001",
            "shift": 4,
            "ofd": "WOFD",
            "url": "http://ctest.wofd.kz/consumer?i=2026000011",
            "offline": False,
            "t": NOW,
        }
        conn.execute(text(_RECORD), registered)
    result = migrate(engine)
    assert (result.before, result.after) == ("0012", head_revision())
    store = open_store(db_url)
    try:
        with store.read() as tx:
            record = tx.fiscal.get("epd-sale-000000001")
        assert record is not None and record.state is FiscalState.REGISTERED
        assert record.receipt is not None and record.receipt.check_number == "2026000011"
        assert (record.asked_at_register, record.vat_percent, record.keeps_vat) == (None, None, False)
        with store.write() as tx:  # a registered record is never bound afterwards
            after = tx.fiscal.bind("epd-sale-000000001", "webkassa:SWK00000001", 12)
        assert after is not None and not after.keeps_vat
    finally:
        store.close()
