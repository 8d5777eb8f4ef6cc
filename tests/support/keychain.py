"""The system keychain, faked: what ``services.secret_store`` talks to through ``keyring``.

``MemoryKeyring`` keeps items in a dict and claims to be a real (trusted) keychain; ``LockedKeyring``
refuses to store (a locked collection); ``PlaintextKeyring`` is named like keyrings.alt's file backend,
which the console never trusts. ``installed`` swaps the process's keychain for the length of a block;
the ``memory`` fixture (tests/conftest.py) uses it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError
from keyring.errors import PasswordDeleteError

__all__ = ["LockedKeyring", "MemoryKeyring", "PlaintextKeyring", "installed"]


class MemoryKeyring(KeyringBackend):
    """A keychain that keeps its items in a dict (``items``): what the console sees on a desktop."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LockedKeyring(MemoryKeyring):
    """A keychain whose collection is locked: it refuses to store anything."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("the collection is locked")


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's file backend: never trusted."""


@contextmanager
def installed(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """``backend`` is the process's keychain inside the block; the previous one comes back after it."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
