"""The fiscal register's settings and the provider they build (decision 0123).

Where each value is kept: the provider, its address, the cashier's login, the cash register's unique
number, the VAT rate and whether the shop pays VAT in the shop database (``fiscal.*``, declared in
:mod:`epay_desktop.domain.settings_catalog`; managers only, audited as ``settings.changed``); the API key
and the cashier's password in the system keychain only
(:class:`~epay_desktop.services.secret_store.SecretStore`, accounts
:func:`~epay_desktop.domain.settings_catalog.fiscal_keychain_account`), never a file, the database or a log.
The demo hands its sandbox's credentials for the session only
(:meth:`FiscalSetup.use_for_session`): in memory, like the gateway's published test secret.

:func:`build_provider` is what the fiscal services call: a :class:`FiscalProvider` for the saved settings,
or None when no provider is chosen or something it needs is missing (the console then works as before and
every receipt says it is not fiscal).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime

from epay_desktop.domain import User
from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.fiscal.errors import FiscalAuthError
from epay_desktop.fiscal.errors import FiscalConfigError
from epay_desktop.fiscal.errors import FiscalError
from epay_desktop.fiscal.errors import FiscalNotFound
from epay_desktop.fiscal.errors import FiscalProtocolError
from epay_desktop.fiscal.errors import FiscalUnavailable
from epay_desktop.fiscal.provider import FiscalProvider
from epay_desktop.fiscal.webkassa import WebkassaClient
from epay_desktop.fiscal.webkassa import WebkassaConfig
from epay_desktop.gateway.config import Secret
from epay_desktop.services.people.login import require_manager
from epay_desktop.services.secret_store import KeychainUnavailable
from epay_desktop.services.secret_store import SecretStore
from epay_desktop.services.shop_settings import checked_shop_value
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = [
    "NO_KEYCHAIN",
    "NO_PROVIDER",
    "WEBKASSA",
    "ConnectionResult",
    "FiscalSecrets",
    "FiscalSettings",
    "FiscalSetup",
    "build_provider",
    "settings_revision",
]

log = logging.getLogger(__name__)

NO_PROVIDER = "none"
WEBKASSA = "webkassa"
_API_KEY, _PASSWORD = "api-key", "password"
_C = "fiscal"
#: The fiscal page's words when the keychain cannot keep its secrets (not the gateway's client secret's).
NO_KEYCHAIN = QT_TRANSLATE_NOOP(
    "fiscal",
    "No secure keychain on this computer: the fiscal API key and password cannot be saved. Install a "
    "keychain (GNOME Keyring / KWallet / Windows Credential Manager / macOS Keychain).",
)
_KEYCHAIN_REFUSED = QT_TRANSLATE_NOOP(
    "fiscal", "The keychain refused to save the fiscal API key or password; unlock it and try again."
)


@dataclass(frozen=True, slots=True)
class FiscalSettings:
    """The fiscal register's settings as the shop database keeps them (text, like ``ShopProfile``);
    :meth:`defaults` the declared ones."""

    provider: str
    url: str
    login: str
    cashbox: str
    vat_rate: str
    vat_payer: str

    @classmethod
    def defaults(cls) -> FiscalSettings:
        """The declared defaults (no provider: receipts are not fiscal; VAT 16 %, a VAT payer)."""
        return cls(**{attr: s.default for attr, s in _FIELDS.items()})

    @property
    def configured(self) -> bool:
        """A provider is chosen and its address, login and cash register are filled in."""
        return self.provider != NO_PROVIDER and all((self.url, self.login, self.cashbox))

    @property
    def vat_percent(self) -> int:
        """The VAT rate on receipts: the chosen rate for a VAT payer, 0 otherwise."""
        return int(self.vat_rate) if self.vat_payer == "yes" else 0

    @property
    def register(self) -> str:
        """The cash register these settings name, ``provider:cash register number`` (decision 0129): a
        receipt asked at one is never sent to another by itself. No secret, no address (the same register
        reached at another address is the same register)."""
        return f"{self.provider}:{self.cashbox.strip()}"


#: FiscalSettings field -> the declared shop setting it holds.
_FIELDS: dict[str, catalog.Setting[str]] = {
    "provider": catalog.FISCAL_PROVIDER,
    "url": catalog.FISCAL_URL,
    "login": catalog.FISCAL_LOGIN,
    "cashbox": catalog.FISCAL_CASHBOX,
    "vat_rate": catalog.FISCAL_VAT_RATE,
    "vat_payer": catalog.FISCAL_VAT_PAYER,
}


@dataclass(frozen=True, slots=True)
class FiscalSecrets:
    """The integrator's API key and the cashier's password (never in ``repr``)."""

    api_key: str = field(default="", repr=False)
    password: str = field(default="", repr=False)

    def complete(self) -> bool:
        return bool(self.api_key.strip() and self.password.strip())


@dataclass(frozen=True, slots=True)
class ConnectionResult:
    """What a connection test found, in plain words (``message`` the GUI translates)."""

    ok: bool
    message: Message


def build_provider(settings: FiscalSettings, secrets: FiscalSecrets) -> FiscalProvider | None:
    """The provider adapter for ``settings`` and ``secrets``; None when no provider is chosen or the
    address, login, cash register, API key or password is missing. Close it with ``aclose()``."""
    if settings.provider != WEBKASSA or not settings.configured or not secrets.complete():
        return None
    config = WebkassaConfig(
        url=settings.url,
        api_key=Secret(secrets.api_key.strip()),
        login=settings.login,
        password=Secret(secrets.password),
        cashbox=settings.cashbox,
    )
    return WebkassaClient(config)


def _stored(tx: Tx) -> FiscalSettings:
    values = tx.settings.all()  # one query, not one per setting: read before each receipt (decision 0152)
    return FiscalSettings(**{attr: s.read(values.get(s.name)) for attr, s in _FIELDS.items()})


def settings_revision(tx: Tx) -> FiscalSettings:
    """The fiscal settings as the shop database holds them now, what ``FiscalService`` compares before
    each use of its kept connection (decision 0129): another counter's save, the CLI's or a Settings
    dialog's, is seen by every console at its next receipt."""
    return _stored(tx)


def _refusal() -> Message:
    return msg(
        "settings",
        QT_TRANSLATE_NOOP("settings", "Only a manager or an administrator can change the shop settings."),
    )


class FiscalSetup:
    """Read and change the fiscal settings and secrets, build the provider, test a connection."""

    def __init__(
        self, store: Store, secrets: SecretStore, clock: Callable[[], datetime], *, on_sandbox: bool = False
    ) -> None:
        self._store = store
        self._secrets = secrets
        self._clock = clock
        self._on_sandbox = on_sandbox  # the gateway is the sandbox: the demo may point at the fiscal one
        self._session: FiscalSecrets | None = None

    def use_for_session(self, secrets: FiscalSecrets) -> None:
        """Use these secrets instead of the keychain's until the console closes (the demo's sandbox)."""
        self._session = secrets

    async def use_sandbox(self, url: str, login: str, cashbox: str, secrets: FiscalSecrets) -> FiscalSettings:
        """The demo (``--demo``): the shop's fiscal register is the fiscal sandbox at ``url`` (a new port at
        every start), with its credentials for this session only. The VAT settings stay the shop's. Refused
        unless the gateway is the sandbox too (a real shop's settings are never rewritten)."""
        if not self._on_sandbox:
            raise RuntimeError("the fiscal sandbox is for a console on the gateway's sandbox only")
        self.use_for_session(secrets)

        def work(tx: Tx) -> FiscalSettings:
            wanted = {"provider": WEBKASSA, "url": url, "login": login, "cashbox": cashbox}
            for attr, value in wanted.items():
                _FIELDS[attr].parse(value)  # the sandbox's own values: a bug if refused
                tx.settings.set(_FIELDS[attr].name, value)
            return _stored(tx)

        settings = await self._store.run_write(work)
        log.info("event=fiscal_sandbox_configured url=%s", url)
        return settings

    async def load(self) -> FiscalSettings:
        """The saved settings (the declared defaults where nothing is saved)."""
        return await self._store.run_read(_stored)

    async def save(
        self, actor: User, settings: FiscalSettings, *, api_key: str = "", password: str = ""
    ) -> FiscalSettings:
        """Store the changed settings (audited) and, when given, the API key and password in the keychain.

        Raises PermissionDenied (not a manager), InvalidShopSetting (a value the setting does not accept,
        nothing stored) or KeychainUnavailable (no secure keychain; the settings are not stored either).
        """
        checked = FiscalSettings(
            **{attr: checked_shop_value(s, getattr(settings, attr)) for attr, s in _FIELDS.items()}
        )
        now = self._clock()

        def work(tx: Tx) -> FiscalSettings:
            current = require_manager(tx, actor, _refusal())
            shown = _stored(tx)
            changed = {
                s.name: tx.settings.set(s.name, getattr(checked, attr))
                for attr, s in _FIELDS.items()
                if getattr(checked, attr) != getattr(shown, attr)
            }
            if changed:
                tx.audit.append(current.id, "settings.changed", "shop", changed, at=now)
            return _stored(tx)

        await self._store.run_read(lambda tx: require_manager(tx, actor, _refusal()))
        await asyncio.to_thread(self._save_secrets, checked, api_key, password)
        return await self._store.run_write(work)

    def _save_secrets(self, settings: FiscalSettings, api_key: str, password: str) -> None:
        try:
            if api_key.strip():
                self._secrets.save_account(
                    catalog.fiscal_keychain_account(_API_KEY, settings.url), api_key.strip()
                )
            if password:
                self._secrets.save_account(
                    catalog.fiscal_keychain_account(_PASSWORD, settings.login), password
                )
        except KeychainUnavailable:  # the store's words name the gateway's client secret
            words = _KEYCHAIN_REFUSED if self._secrets.is_available() else NO_KEYCHAIN
            raise KeychainUnavailable(msg(_C, words)) from None

    def _load_secrets(self, settings: FiscalSettings) -> FiscalSecrets:
        if self._session is not None:
            return self._session
        key = self._secrets.load_account(catalog.fiscal_keychain_account(_API_KEY, settings.url))
        password = self._secrets.load_account(catalog.fiscal_keychain_account(_PASSWORD, settings.login))
        return FiscalSecrets(key or "", password or "")

    async def stored_secrets(self, settings: FiscalSettings) -> tuple[bool, bool]:
        """Whether an API key and a password are kept for ``settings`` (never the values)."""
        found = await asyncio.to_thread(self._load_secrets, settings)
        return bool(found.api_key), bool(found.password)

    async def provider(self) -> FiscalProvider | None:
        """The provider of the saved settings and secrets, or None when it is not configured."""
        settings = await self.load()
        if not settings.configured:
            return None
        return build_provider(settings, await asyncio.to_thread(self._load_secrets, settings))

    async def test_connection(
        self, settings: FiscalSettings, *, api_key: str = "", password: str = ""
    ) -> ConnectionResult:
        """Log in with ``settings`` (the typed secrets, else the kept ones) and read the cash register's
        shift. Never raises for what the provider or the network did: the result says it."""
        if settings.provider == NO_PROVIDER:
            choose = QT_TRANSLATE_NOOP(_C, "Choose a fiscal provider first.")
            return ConnectionResult(False, msg(_C, choose))
        kept = await asyncio.to_thread(self._load_secrets, settings)
        secrets = FiscalSecrets(api_key.strip() or kept.api_key, password or kept.password)
        try:
            provider = build_provider(settings, secrets)
        except ValueError:
            provider = None
        if provider is None:
            missing = QT_TRANSLATE_NOOP(
                _C, "Fill in the address, login, cash register number, API key and password first."
            )
            return ConnectionResult(False, msg(_C, missing))
        try:
            state = await provider.shift_state()
        except FiscalError as exc:
            log.info("event=fiscal_test_failed error=%s", type(exc).__name__)
            return ConnectionResult(False, _failure(exc, settings))
        finally:
            await provider.aclose()
        log.info("event=fiscal_test_passed shift=%s", state.shift_number)
        if state.shift_number is None:
            text = QT_TRANSLATE_NOOP(
                _C, "Connected to {provider}: no shift is open; the next receipt opens one."
            )
        elif state.closed:
            text = QT_TRANSLATE_NOOP(_C, "Connected to {provider}: shift {number} is closed.")
        else:
            text = QT_TRANSLATE_NOOP(_C, "Connected to {provider}: shift {number} is open.")
        return ConnectionResult(True, msg(_C, text, provider=provider.name, number=state.shift_number))


def _failure(exc: FiscalError, settings: FiscalSettings) -> Message:
    """A failed test in plain words: what is wrong and what to check."""
    if isinstance(exc, FiscalAuthError):
        text = QT_TRANSLATE_NOOP(
            _C, "The fiscal provider did not accept the API key, login or password: check them and try again."
        )
    elif isinstance(exc, FiscalConfigError | FiscalNotFound):
        text = QT_TRANSLATE_NOOP(
            _C,
            "The fiscal provider does not know the cash register {cashbox}, or this login may not use it: "
            "check the cash register's unique number.",
        )
    elif isinstance(exc, FiscalUnavailable | FiscalProtocolError):
        text = QT_TRANSLATE_NOOP(
            _C, "Could not reach the fiscal provider at {url}: check the address and the internet connection."
        )
    else:
        return exc.message or msg(_C, exc.default_user_message)
    return msg(_C, text, cashbox=settings.cashbox, url=settings.url)
