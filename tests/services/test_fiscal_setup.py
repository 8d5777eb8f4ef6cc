"""The fiscal register's settings (decision 0123): the shop database for the values, the keychain for the
API key and password (never the database or a log), the provider built from them, and the connection test
against the fiscal sandbox in plain words."""

from __future__ import annotations

import asyncio
import logging
import socket
from dataclasses import replace
from datetime import UTC
from datetime import datetime

import pytest

from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.fiscal.webkassa import WebkassaClient
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.services.fiscal.setup import FiscalSecrets
from epay_desktop.services.fiscal.setup import FiscalSettings
from epay_desktop.services.fiscal.setup import FiscalSetup
from epay_desktop.services.fiscal.setup import build_provider
from epay_desktop.services.secret_store import KeychainUnavailable
from epay_desktop.services.secret_store import SecretStore
from epay_desktop.store.repos.settings import InvalidShopSetting
from tests.support.fiscal_sandbox import running_fiscal_sandbox
from tests.support.keychain import PlaintextKeyring
from tests.support.keychain import installed
from tests.support.ops_harness import add_user

T0 = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
KEY = "fiscal-KEY-do-not-leak"
WORD = "fiscal-PASS-do-not-leak"


def _webkassa(url: str, **changes: str) -> FiscalSettings:
    values = {"provider": "webkassa", "url": url, "login": LOGIN, "cashbox": CASHBOX, **changes}
    return replace(FiscalSettings.defaults(), **values)


def test_not_configured_by_default_and_no_provider(db_store, memory):
    setup = FiscalSetup(db_store, SecretStore(), lambda: T0)
    saved = asyncio.run(setup.load())
    assert saved == FiscalSettings.defaults()
    assert saved.provider == "none" and saved.vat_rate == "16" and saved.vat_payer == "yes"
    assert asyncio.run(setup.provider()) is None
    assert build_provider(_webkassa("https://kkm.webkassa.kz"), FiscalSecrets(KEY, "")) is None
    assert build_provider(FiscalSettings.defaults(), FiscalSecrets(KEY, WORD)) is None


def test_settings_saved_audited_secrets_only_in_the_keychain(db_store, memory, caplog):
    caplog.set_level(logging.DEBUG)
    setup = FiscalSetup(db_store, SecretStore(), lambda: T0)
    manager = add_user(db_store, "Данияр", Role.MANAGER)
    wanted = _webkassa("https://devkkm.webkassa.kz", vat_rate="12", vat_payer="no")
    assert asyncio.run(setup.save(manager, wanted, api_key=f" {KEY} ", password=WORD)) == wanted
    assert asyncio.run(setup.load()) == wanted
    assert wanted.vat_percent == 0 and _webkassa("x").vat_percent == 16
    assert memory.items == {
        ("epay-desktop", "fiscal-api-key:https://devkkm.webkassa.kz"): KEY,
        ("epay-desktop", f"fiscal-password:{LOGIN}"): WORD,
    }
    assert asyncio.run(setup.stored_secrets(wanted)) == (True, True)
    assert asyncio.run(setup.stored_secrets(_webkassa("https://kkm.webkassa.kz"))) == (False, True)
    rows = asyncio.run(db_store.run_read(lambda tx: (tx.settings.all(), list(tx.audit.entries()))))
    settings, entries = rows
    assert settings["fiscal.cashbox"] == CASHBOX
    assert KEY not in repr(rows) and WORD not in repr(rows)
    assert [e.action for e in entries].count("settings.changed") == 1
    assert KEY not in caplog.text and WORD not in caplog.text
    provider = asyncio.run(setup.provider())
    assert isinstance(provider, WebkassaClient)
    asyncio.run(provider.aclose())


def test_a_cashier_or_a_bad_value_changes_nothing(db_store, memory):
    setup = FiscalSetup(db_store, SecretStore(), lambda: T0)
    cashier = add_user(db_store, "Айгерим", Role.CASHIER)
    manager = add_user(db_store, "Данияр", Role.MANAGER)
    with pytest.raises(PermissionDenied):
        asyncio.run(setup.save(cashier, _webkassa("https://kkm.webkassa.kz"), api_key=KEY, password=WORD))
    assert memory.items == {}
    with pytest.raises(InvalidShopSetting) as bad:
        asyncio.run(setup.save(manager, _webkassa("https://kkm.webkassa.kz", cashbox="SWK 1"), api_key=KEY))
    assert "Latin letters and digits" in bad.value.user_message
    with pytest.raises(InvalidShopSetting):
        asyncio.run(setup.save(manager, _webkassa("kkm.webkassa.kz")))
    assert memory.items == {} and asyncio.run(setup.load()) == FiscalSettings.defaults()


def test_no_secure_keychain_refuses_the_secrets_and_stores_nothing(db_store):
    setup = FiscalSetup(db_store, SecretStore(), lambda: T0)
    manager = add_user(db_store, "Данияр", Role.MANAGER)
    with installed(PlaintextKeyring()), pytest.raises(KeychainUnavailable):
        asyncio.run(setup.save(manager, _webkassa("https://kkm.webkassa.kz"), api_key=KEY, password=WORD))
    assert asyncio.run(setup.load()) == FiscalSettings.defaults()


def test_connection_to_the_fiscal_sandbox_in_plain_words(db_store, memory):
    setup = FiscalSetup(db_store, SecretStore(), lambda: T0)
    with running_fiscal_sandbox() as (sandbox, _client):
        url = sandbox.base_url
        good = asyncio.run(setup.test_connection(_webkassa(url), api_key=API_KEY, password=PASSWORD))
        assert good.ok, good.message.text()
        assert good.message.text() == "Connected to Webkassa: no shift is open; the next receipt opens one."
        wrong = asyncio.run(setup.test_connection(_webkassa(url), api_key="wrong-key", password=PASSWORD))
        assert not wrong.ok
        assert "did not accept the API key, login or password" in wrong.message.text()
        unknown = asyncio.run(
            setup.test_connection(_webkassa(url, cashbox="SWK99999999"), api_key=API_KEY, password=PASSWORD)
        )
        assert not unknown.ok and "does not know the cash register SWK99999999" in unknown.message.text()
        missing = asyncio.run(setup.test_connection(_webkassa(url)))
        assert not missing.ok and "Fill in the address" in missing.message.text()
        setup.use_for_session(FiscalSecrets(API_KEY, PASSWORD))  # the demo's way: in memory only
        assert asyncio.run(setup.test_connection(_webkassa(url))).ok
        assert memory.items == {}


def test_an_unreachable_provider_is_said_so(db_store, memory):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    setup = FiscalSetup(db_store, SecretStore(), lambda: T0)
    result = asyncio.run(setup.test_connection(_webkassa(url), api_key=API_KEY, password=PASSWORD))
    assert not result.ok and f"Could not reach the fiscal provider at {url}" in result.message.text()
    none = asyncio.run(setup.test_connection(FiscalSettings.defaults()))
    assert not none.ok and none.message.text() == "Choose a fiscal provider first."
