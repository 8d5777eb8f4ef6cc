"""ShopSettingsRepo keeps plain text values by key: it neither knows the shop's keys nor checks values.

The keys, defaults and checks are the settings catalog's (tests/unit/test_settings_catalog.py); the
shop settings service checks a value before it is stored (tests/services/test_secret_store_settings.py).
"""

from __future__ import annotations

import pytest

from epay_desktop.domain.settings_catalog import REFUND_WINDOW_DAYS
from epay_desktop.domain.settings_catalog import STATUS_LAG_SECONDS
from epay_desktop.store.repos.settings import InvalidShopSetting


def test_nothing_stored_reads_as_nothing(db_store):
    with db_store.read() as tx:
        assert tx.settings.all() == {}
        assert tx.settings.get("shop.name") is None
        assert tx.settings.get("missing", "fallback") == "fallback"


def test_values_are_stored_as_given_and_overwritten(db_store):
    with db_store.write() as tx:
        assert tx.settings.set("shop.name", "  ТОО «Ромашка»  ") == "  ТОО «Ромашка»  "
        tx.settings.set("custom.note", "anything")
    with db_store.write() as tx:
        tx.settings.set("shop.name", "ИП Ромашка")  # overwrite
    with db_store.read() as tx:
        assert tx.settings.get("shop.name") == "ИП Ромашка"
        assert tx.settings.all() == {"shop.name": "ИП Ромашка", "custom.note": "anything"}


@pytest.mark.parametrize("key", ["", "k" * 65])
def test_a_key_the_column_cannot_hold_is_refused_and_nothing_stored(db_store, key):
    with pytest.raises(InvalidShopSetting, match="must be 1 to 64 characters"), db_store.write() as tx:
        tx.settings.set(key, "x")
    with db_store.read() as tx:
        assert tx.settings.all() == {}


def test_a_declared_setting_reads_its_stored_value_or_its_default(db_store):
    with db_store.read() as tx:
        assert REFUND_WINDOW_DAYS.read_from(tx.settings) == 180
    with db_store.write() as tx:
        tx.settings.set(REFUND_WINDOW_DAYS.name, "30")
        tx.settings.set(STATUS_LAG_SECONDS.name, "an hour")  # e.g. set with SQL: counts as the default
    with db_store.read() as tx:
        assert REFUND_WINDOW_DAYS.read_from(tx.settings) == 30
        assert STATUS_LAG_SECONDS.read_from(tx.settings) == 120
