"""ShopSettingsRepo: text values, declared keys with defaults and checks, typed accessors."""

from __future__ import annotations

import pytest

from epay_desktop.store.repos.settings import SHOP_SETTINGS, InvalidShopSetting


def test_known_keys_have_their_defaults(db_store):
    with db_store.read() as tx:
        s = tx.settings
        assert (s.shop_name(), s.shop_bin(), s.shop_address()) == ("", "", "")
        assert s.refund_window_days() == 180
        assert (s.receipt_width(), s.receipt_language()) == ("80", "ru")
        assert s.all() == {key.name: key.default for key in SHOP_SETTINGS.values()}


def test_set_get_and_all(db_store):
    with db_store.write() as tx:
        assert tx.settings.set("shop.name", "  ТОО «Ромашка»  ") == "ТОО «Ромашка»"
        tx.settings.set("refund.window_days", "030")
        tx.settings.set("receipt.width", "A4")
        tx.settings.set("custom.note", "anything")
    with db_store.write() as tx:
        tx.settings.set("shop.name", "ИП Ромашка")  # overwrite
    with db_store.read() as tx:
        s = tx.settings
        assert s.shop_name() == "ИП Ромашка"
        assert s.refund_window_days() == 30
        assert s.receipt_width() == "a4"
        assert s.get("custom.note") == "anything"
        assert s.get("missing") is None
        assert s.get("missing", "fallback") == "fallback"
        assert s.all()["custom.note"] == "anything"
        assert s.all()["shop.name"] == "ИП Ромашка"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("shop.bin", "12345", "12 digits"),
        ("refund.window_days", "0", "from 1 to 3650"),
        ("refund.window_days", "-5", "from 1 to 3650"),
        ("refund.window_days", "1.5", "from 1 to 3650"),
        ("receipt.width", "72", "one of 80, 58, a4"),
        ("receipt.language", "de", "one of kk, ru, en"),
        ("shop.name", "x" * 129, "at most 128 characters"),
        ("", "x", "must be 1 to 64 characters"),
    ],
)
def test_bad_values_are_refused_and_not_stored(db_store, key, value, message):
    with pytest.raises(InvalidShopSetting, match=message), db_store.write() as tx:
        tx.settings.set(key, value)
    with db_store.read() as tx:
        assert tx.settings.all() == {k.name: k.default for k in SHOP_SETTINGS.values()}


def test_every_known_key_is_documented_and_its_default_passes_its_own_check():
    for key in SHOP_SETTINGS.values():
        assert key.meaning
        assert key.check(key.default) == key.default


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_receipt_language_accepts_the_three_receipt_languages(db_store, language):
    with db_store.write() as tx:
        tx.settings.set("receipt.language", language)
    with db_store.read() as tx:
        assert tx.settings.receipt_language() == language
