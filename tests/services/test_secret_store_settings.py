"""Where settings go: console.json (never the secret), the keychain, the shop settings in the database."""

from __future__ import annotations

import asyncio
import json
import os
import stat
from datetime import UTC
from datetime import datetime

import pytest

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.domain.text import TextError
from epay_desktop.services.secret_store import SecretStore
from epay_desktop.services.shop_settings import LocalConfig
from epay_desktop.services.shop_settings import LocalConfigStore
from epay_desktop.services.shop_settings import ShopProfile
from epay_desktop.services.shop_settings import ShopSettingsService
from epay_desktop.services.shop_settings import default_urls
from epay_desktop.services.shop_settings import effective_environ
from epay_desktop.store.repos.settings import InvalidShopSetting
from tests.support.merchant import TERMINAL_ID

SECRET = "s3cr3t-VALUE-do-not-leak"
TERMINAL = TERMINAL_ID
T0 = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


def test_local_config_round_trip_private_file(tmp_path):
    store = LocalConfigStore(tmp_path)
    assert store.read() == LocalConfig()
    saved = store.write(
        LocalConfig(environment=" PROD ", client_id=" merchant ", terminal=TERMINAL, idle_lock_minutes=5)
    )
    assert saved.environment == "prod" and saved.client_id == "merchant"
    assert store.read() == saved
    if os.name == "posix":
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert "secret" not in json.loads(store.path.read_text())
    assert saved.as_environ() == {
        "EPAYMENT_ENV": "prod",
        "EPAYMENT_CLIENT_ID": "merchant",
        "EPAYMENT_TERMINAL": TERMINAL,
    }


@pytest.mark.parametrize(
    ("config", "words"),
    [
        (LocalConfig(environment="staging"), "unknown gateway environment"),
        (LocalConfig(api_url="ftp://x"), "not an http(s) URL"),
        (LocalConfig(terminal="12345678"), "UUID"),
        (LocalConfig(database_url="mysql://x/y"), "not supported"),
        (LocalConfig(idle_lock_minutes=0), "1 to 240"),
    ],
)
def test_bad_local_values_are_refused_in_plain_words(tmp_path, config, words):
    with pytest.raises(ConsoleError) as refused:
        LocalConfigStore(tmp_path).write(config)
    assert words in refused.value.user_message
    assert not (tmp_path / "console.json").exists()


def test_default_urls_follow_the_environment():
    assert default_urls("sandbox")[1].startswith("http://127.0.0.1")
    assert default_urls("prod")[1] == "https://epay-api.homebank.kz"


def test_effective_environ_merges_file_keychain_and_environment(tmp_path, memory):
    LocalConfigStore(tmp_path).write(LocalConfig(environment="test", client_id="merchant", terminal=TERMINAL))
    SecretStore().save("test", "merchant", SECRET)
    env = effective_environ({"EPAYMENT_HOME": str(tmp_path)})
    assert env["EPAYMENT_ENV"] == "test"
    assert env["EPAYMENT_CLIENT_SECRET"] == SECRET
    override = effective_environ(
        {"EPAYMENT_HOME": str(tmp_path), "EPAYMENT_ENV": "sandbox", "EPAYMENT_CLIENT_SECRET": "from-env"}
    )
    assert override["EPAYMENT_ENV"] == "sandbox"  # the real environment wins
    assert override["EPAYMENT_CLIENT_SECRET"] == "from-env"
    assert all(SECRET.encode() not in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())


# -- shop settings in the database ----------------------------------------------------------------


def _add_user(store, name: str, role: Role):
    def add(tx):  # with its audited creation: the role is checked against the log (decision 0075)
        user = tx.users.add(name, role, "x", T0)
        tx.audit.append(None, "user.added", f"user:{user.id}", {"name": name, "role": role.value}, at=T0)
        return user

    return asyncio.run(store.run_write(add))


def test_shop_settings_saved_audited_and_checked(db_store):
    service = ShopSettingsService(db_store, clock=lambda: T0)
    manager = _add_user(db_store, "Данияр", Role.MANAGER)
    cashier = _add_user(db_store, "Айгерим", Role.CASHIER)
    assert asyncio.run(service.load()) == ShopProfile()
    wanted = ShopProfile(name="ТОО Ромашка", bin="123456789012", address="Алматы", receipt_width="58")
    assert asyncio.run(service.save(manager, wanted)) == wanted
    assert asyncio.run(service.load()) == wanted
    entries = asyncio.run(db_store.run_read(lambda tx: list(tx.audit.entries())))
    changed = [e for e in entries if e.action == "settings.changed"]
    assert len(changed) == 1 and changed[0].actor_id == manager.id
    with pytest.raises(PermissionDenied):
        asyncio.run(service.save(cashier, ShopProfile(name="x")))
    with pytest.raises(InvalidShopSetting) as bad:
        asyncio.run(service.save(manager, ShopProfile(bin="12345")))
    assert "12 digits" in bad.value.user_message
    assert asyncio.run(service.load()) == wanted
    for text in ("ТОО\x1b[2J Ромашка", "Алматы\u202e"):  # printed on receipts: refused (decision 0073)
        with pytest.raises(TextError, match="The shop name or address contains"):
            asyncio.run(service.save(manager, ShopProfile(name=text)))
        with pytest.raises(TextError):
            asyncio.run(service.save(manager, ShopProfile(name="ТОО Ромашка", address=text)))
    assert asyncio.run(service.load()) == wanted
