"""The gateway client secret, kept in the operating system's keychain through ``keyring``.

The secret is never written to a file, the database or a log (docs/architecture.md, house
style rule 12). Only a real keychain counts: GNOME Keyring / KWallet (Secret Service), the
Windows Credential Manager or the macOS Keychain. keyring's fail and null backends, and the
plain-text/"encrypted file" backends of ``keyrings.alt``, are refused with
:data:`NO_KEYCHAIN`; the operator can still set ``EPAYMENT_CLIENT_SECRET`` for one session.

Keychain calls may block (D-Bus, an unlock prompt), so the async methods run them in a thread.
"""

from __future__ import annotations

import asyncio
import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from epay_desktop.domain import ConsoleError
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.settings_catalog import KEYCHAIN_SERVICE
from epay_desktop.domain.settings_catalog import keychain_account

__all__ = ["NO_KEYCHAIN", "SERVICE_NAME", "KeychainUnavailable", "SecretStore", "is_secure_backend"]

log = logging.getLogger(__name__)

SERVICE_NAME = KEYCHAIN_SERVICE  # the keychain's names are declared in domain/settings_catalog.py

NO_KEYCHAIN = QT_TRANSLATE_NOOP(
    "settings",
    "No secure keychain on this computer: the client secret cannot be saved. Set "
    "EPAYMENT_CLIENT_SECRET for this session or install a keychain (GNOME Keyring / KWallet / "
    "Windows Credential Manager / macOS Keychain)",
)

#: Modules whose backends keep secrets in ordinary files or nowhere at all.
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_INSECURE_NAMES = ("plaintext", "encrypted", "uncrypted", "null", "fail")


class KeychainUnavailable(ConsoleError):
    """There is no secure keychain, or it refused to store or read the secret."""


def _leaves(backend: KeyringBackend) -> list[KeyringBackend]:
    """The real backends behind keyring's chainer (it tries several in priority order)."""
    chained = getattr(backend, "backends", None)
    if isinstance(chained, list | tuple):
        return [leaf for b in chained for leaf in _leaves(b)]
    return [backend]


def _leaf_is_secure(backend: KeyringBackend) -> bool:
    cls = type(backend)
    module, name = cls.__module__, cls.__name__.lower()
    if module.startswith(_INSECURE_MODULES) or any(word in name for word in _INSECURE_NAMES):
        return False
    try:
        return bool(cls.priority > 0)
    except Exception:  # keyring raises from ``priority`` when a backend cannot run here
        return False


def is_secure_backend(backend: KeyringBackend) -> bool:
    """True when ``backend`` (or the first backend of a chain) is a real system keychain."""
    leaves = _leaves(backend)
    return bool(leaves) and _leaf_is_secure(leaves[0])


class SecretStore:
    """Save, read and forget the client secret of one environment + client id.

    ``backend`` defaults to whatever ``keyring.get_keyring()`` returns at call time (tests set
    it with ``keyring.set_keyring``).
    """

    def __init__(self, service: str = SERVICE_NAME, backend: KeyringBackend | None = None) -> None:
        self._service = service
        self._backend = backend

    def backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def is_available(self) -> bool:
        """Whether a secure keychain can keep the secret on this computer (no side effects)."""
        return is_secure_backend(self.backend())

    def _secure_backend(self) -> KeyringBackend:
        backend = self.backend()
        if not is_secure_backend(backend):
            log.warning("event=keychain_unavailable backend=%s", type(backend).__name__)
            raise KeychainUnavailable(msg("settings", NO_KEYCHAIN))
        return backend

    def save(self, environment: str, client_id: str, secret: str) -> None:
        """Store ``secret`` in the keychain. Raises KeychainUnavailable (no keychain, or it refused)
        or ConsoleError (empty secret or client id). Logs the event, never the value."""
        if not client_id.strip():
            raise ConsoleError(
                msg(
                    "settings", QT_TRANSLATE_NOOP("settings", "Enter the client id before saving its secret.")
                )
            )
        if not secret.strip():
            raise ConsoleError(msg("settings", QT_TRANSLATE_NOOP("settings", "The client secret is empty.")))
        self.save_account(keychain_account(environment, client_id), secret.strip())
        log.info("event=client_secret_saved environment=%s client_id=%s", environment, client_id)

    def save_account(self, account: str, secret: str) -> None:
        """Store ``secret`` under ``account`` (a name from the settings catalog). Raises
        KeychainUnavailable (no keychain, or it refused). Never logs the value."""
        backend = self._secure_backend()
        try:
            backend.set_password(self._service, account, secret)
        except keyring.errors.KeyringError as exc:
            log.warning("event=keychain_refused action=save error=%s", type(exc).__name__)
            raise KeychainUnavailable(
                msg(
                    "settings",
                    QT_TRANSLATE_NOOP(
                        "settings", "The keychain refused to save the client secret; unlock it and try again."
                    ),
                )
            ) from None

    def load(self, environment: str, client_id: str) -> str | None:
        """The stored secret, or None when none is stored or there is no secure keychain."""
        return self.load_account(keychain_account(environment, client_id))

    def load_account(self, account: str) -> str | None:
        """The secret stored under ``account``, or None when none is or there is no secure keychain."""
        backend = self.backend()
        if not is_secure_backend(backend):
            return None
        try:
            return backend.get_password(self._service, account)
        except keyring.errors.KeyringError as exc:
            log.warning("event=keychain_refused action=load error=%s", type(exc).__name__)
            return None

    def has_secret(self, environment: str, client_id: str) -> bool:
        return bool(client_id.strip()) and self.load(environment, client_id) is not None

    def delete(self, environment: str, client_id: str) -> bool:
        """Forget the stored secret; False when there was none. Raises KeychainUnavailable."""
        backend = self._secure_backend()
        try:
            backend.delete_password(self._service, keychain_account(environment, client_id))
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as exc:
            log.warning("event=keychain_refused action=delete error=%s", type(exc).__name__)
            raise KeychainUnavailable(
                msg(
                    "settings",
                    QT_TRANSLATE_NOOP("settings", "The keychain refused to delete the client secret."),
                )
            ) from None
        log.info("event=client_secret_deleted environment=%s client_id=%s", environment, client_id)
        return True

    # -- async twins: the GUI thread never waits on the keychain ----------------------------------

    async def save_async(self, environment: str, client_id: str, secret: str) -> None:
        # a closure, not arguments: qasync's executor logs a callback's arguments at DEBUG level
        await asyncio.to_thread(lambda: self.save(environment, client_id, secret))

    async def has_secret_async(self, environment: str, client_id: str) -> bool:
        return await asyncio.to_thread(self.has_secret, environment, client_id)

    async def available_async(self) -> bool:
        return await asyncio.to_thread(self.is_available)
