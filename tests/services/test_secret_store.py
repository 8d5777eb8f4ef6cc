"""SecretStore: a real keychain only; the secret never reaches a file or a log."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend

from epay_desktop.services.secret_store import NO_KEYCHAIN
from epay_desktop.services.secret_store import KeychainUnavailable
from epay_desktop.services.secret_store import SecretStore
from epay_desktop.services.secret_store import is_secure_backend
from tests.support.keychain import LockedKeyring
from tests.support.keychain import MemoryKeyring
from tests.support.keychain import PlaintextKeyring
from tests.support.keychain import installed

SECRET = "s3cr3t-VALUE-do-not-leak"


@pytest.fixture
def no_keychain() -> Iterator[None]:
    with installed(keyring.backends.fail.Keyring()):
        yield


def test_save_and_load_through_the_keychain(memory, caplog, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    caplog.set_level(logging.DEBUG)
    store = SecretStore()
    assert store.is_available()
    assert not store.has_secret("prod", "merchant")
    store.save("prod", "merchant", f"  {SECRET} ")
    assert store.load("prod", "merchant") == SECRET
    assert store.load("test", "merchant") is None  # per environment
    assert store.has_secret("prod", "merchant")
    assert list(memory.items) == [("epay-desktop", "client-secret:prod:merchant")]
    assert store.delete("prod", "merchant") is True
    assert store.delete("prod", "merchant") is False
    assert SECRET not in caplog.text
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "backend", [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring(), PlaintextKeyring()]
)
def test_insecure_backends_are_refused_with_the_clear_message(backend, caplog):
    store = SecretStore(backend=backend)
    assert not is_secure_backend(backend)
    assert not store.is_available()
    with pytest.raises(KeychainUnavailable) as refused:
        store.save("prod", "merchant", SECRET)
    assert refused.value.user_message == NO_KEYCHAIN
    assert "EPAYMENT_CLIENT_SECRET" in NO_KEYCHAIN and "GNOME Keyring" in NO_KEYCHAIN
    assert store.load("prod", "merchant") is None
    assert SECRET not in caplog.text


def test_the_default_backend_is_refused_when_keyring_fails(no_keychain):
    with pytest.raises(KeychainUnavailable):
        SecretStore().save("prod", "merchant", SECRET)


def test_a_keychain_that_refuses_gives_plain_words(caplog):
    store = SecretStore(backend=LockedKeyring())
    with pytest.raises(KeychainUnavailable) as refused:
        store.save("prod", "merchant", SECRET)
    assert "unlock" in refused.value.user_message
    assert SECRET not in caplog.text


def test_empty_values_are_refused(memory):
    from epay_desktop.domain import ConsoleError

    with pytest.raises(ConsoleError):
        SecretStore().save("prod", " ", SECRET)
    with pytest.raises(ConsoleError):
        SecretStore().save("prod", "merchant", "   ")
    assert memory.items == {}


def test_a_chain_is_judged_by_its_first_backend():
    class Chain(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self, backends: list[KeyringBackend]) -> None:
            super().__init__()
            self.backends = backends

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise NotImplementedError

        def delete_password(self, service: str, username: str) -> None:
            raise NotImplementedError

    assert is_secure_backend(Chain([MemoryKeyring(), PlaintextKeyring()]))
    assert not is_secure_backend(Chain([PlaintextKeyring(), MemoryKeyring()]))
    assert not is_secure_backend(Chain([]))
