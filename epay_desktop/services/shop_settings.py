"""Settings a manager edits in the console: the shop's (in the database) and this computer's (a file).

Every key, default and bound comes from :mod:`epay_desktop.domain.settings_catalog` (decision 0083).

* :class:`ShopSettingsService`: the receipt header and receipt defaults, the bank's status lag
  the console allows for (decision 0039) and the shift rules (decision 0117), shared by every counter
  (``tx.settings``); managers and admins only; every change audited as ``settings.changed``.
* :class:`LocalConfigStore`: the gateway environment, URLs, client id, terminal, default printer,
  database URL and idle-lock minutes of THIS computer, in ``console.json`` under EPAYMENT_HOME
  (mode 0600). Never the client secret: that lives in the keychain (``secret_store.py``), and
  :meth:`LocalConfig.as_environ` + :func:`effective_environ` bring both back at start-up.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import fields
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from pathlib import Path

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import User
from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.text import FIELD_SHOP_TEXT
from epay_desktop.domain.text import check_text
from epay_desktop.gateway.config import Environment
from epay_desktop.gateway.config import endpoints_for
from epay_desktop.services.people.login import require_manager
from epay_desktop.services.secret_store import SecretStore
from epay_desktop.settings import SettingsError
from epay_desktop.settings import load_store_settings
from epay_desktop.store.db import Store
from epay_desktop.store.repos.settings import InvalidShopSetting
from epay_desktop.store.tx import Tx

__all__ = [
    "CONFIG_FILE",
    "InvalidShopSetting",
    "LocalConfig",
    "LocalConfigStore",
    "ShopProfile",
    "ShopSettingsService",
    "checked_shop_value",
    "default_urls",
    "effective_environ",
]

log = logging.getLogger(__name__)

CONFIG_FILE = catalog.COMPUTER_FILE


@dataclass(frozen=True, slots=True)
class ShopProfile:
    """The receipt header and defaults (``shop.*``, ``receipt.*`` keys of the shop settings), the
    status lag the console allows for (``gateway.status_lag_max_seconds``, decision 0039) and the
    shift rules (``shift.*``, decision 0117)."""

    name: str = catalog.SHOP_NAME.default
    bin: str = catalog.SHOP_BIN.default
    address: str = catalog.SHOP_ADDRESS.default
    receipt_width: str = catalog.RECEIPT_WIDTH.default  # 80, 58 or a4
    receipt_language: str = catalog.RECEIPT_LANGUAGE.default  # kk, ru or en
    #: how late check-status may show an applied operation, in seconds (decision 0039)
    status_lag_seconds: str = str(catalog.STATUS_LAG_SECONDS.default)
    #: the shift rules (decision 0117; read typed as ``domain.shifts.ShiftRules``): hours, then yes/no
    shift_warn_hours: str = str(catalog.SHIFT_WARN_HOURS.default)
    shift_cashier_close: str = catalog.SHIFT_CASHIER_CLOSE.default
    shift_bank_check: str = catalog.SHIFT_BANK_CHECK.default
    shift_for_payment: str = catalog.SHIFT_FOR_PAYMENT.default


#: ShopProfile field -> the declared shop setting it shows.
_FIELDS: Mapping[str, catalog.Setting[int] | catalog.Setting[str]] = {
    "name": catalog.SHOP_NAME,
    "bin": catalog.SHOP_BIN,
    "address": catalog.SHOP_ADDRESS,
    "receipt_width": catalog.RECEIPT_WIDTH,
    "receipt_language": catalog.RECEIPT_LANGUAGE,
    "status_lag_seconds": catalog.STATUS_LAG_SECONDS,
    "shift_warn_hours": catalog.SHIFT_WARN_HOURS,
    "shift_cashier_close": catalog.SHIFT_CASHIER_CLOSE,
    "shift_bank_check": catalog.SHIFT_BANK_CHECK,
    "shift_for_payment": catalog.SHIFT_FOR_PAYMENT,
}


def checked_shop_value(setting: catalog.Setting[int] | catalog.Setting[str], value: str) -> str:
    """``value`` normalised as the shop database keeps it, or InvalidShopSetting saying what
    ``setting`` accepts (e.g. a BIN is 12 digits)."""
    try:
        return str(setting.parse(value))
    except ValueError as exc:
        raise InvalidShopSetting(
            msg(
                "store",  # the sentence's translations were made when the store checked the values
                QT_TRANSLATE_NOOP("store", "{known_meaning}: {value} is not valid; use {exc}"),
                known_meaning=setting.doc,
                value=repr(value),
                exc=exc,
            )
        ) from None


def _shown(tx: Tx) -> ShopProfile:
    """The profile as stored, a declared default where nothing is stored."""
    values = {attr: tx.settings.get(s.name) for attr, s in _FIELDS.items()}
    return ShopProfile(
        **{attr: str(_FIELDS[attr].default) if value is None else value for attr, value in values.items()}
    )


class ShopSettingsService:
    """Read and change the shop settings. Coroutines; DB work runs on the store's thread."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._store = store
        self._clock = clock

    async def load(self) -> ShopProfile:
        """The current profile (stored values, else the declared defaults)."""

        return await self._store.run_read(_shown)

    async def save(self, actor: User, profile: ShopProfile) -> ShopProfile:
        """Store every field that changed and audit ``settings.changed`` with the changed keys.

        Raises PermissionDenied (not an active manager/admin) or InvalidShopSetting (a
        ConsoleError naming what is accepted, e.g. a BIN is 12 digits) or TextError (a control or
        text-direction character in the shop's name or address); nothing is stored then.
        """
        check_text(profile.name, FIELD_SHOP_TEXT, max_chars=None)  # the store checks the lengths
        check_text(profile.address, FIELD_SHOP_TEXT, max_chars=None)
        now = self._clock()

        def work(tx: Tx) -> ShopProfile:
            refusal = QT_TRANSLATE_NOOP(
                "settings", "Only a manager or an administrator can change the shop settings."
            )
            current = require_manager(tx, actor, msg("settings", refusal))
            changed: dict[str, str] = {}
            shown = _shown(tx)
            for attr, setting in _FIELDS.items():
                wanted = getattr(profile, attr)
                if wanted != getattr(shown, attr):
                    changed[setting.name] = tx.settings.set(setting.name, checked_shop_value(setting, wanted))
            if changed:
                tx.audit.append(current.id, "settings.changed", "shop", changed, at=now)
            return _shown(tx)

        return await self._store.run_write(work)


# -- this computer ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LocalConfig:
    """This computer's console settings; empty strings mean "the default"."""

    # the field names are the file's keys: each is a declared setting's ``file_key`` or name
    environment: str = catalog.ENV.default
    oauth_url: str = catalog.OAUTH_URL.default
    api_url: str = catalog.API_URL.default
    widget_url: str = catalog.WIDGET_URL.default
    client_id: str = catalog.CLIENT_ID.default
    terminal: str = catalog.TERMINAL.default
    printer: str = catalog.PRINTER.default  # "" = ask every time
    database_url: str = catalog.DATABASE_URL.default
    idle_lock_minutes: int = catalog.IDLE_LOCK_MINUTES.default

    def checked(self, home: Path) -> LocalConfig:
        """A normalised copy, or ConsoleError saying which value is wrong and what is accepted."""
        try:
            env = Environment.parse(self.environment)
            endpoints_for(env).with_overrides(self.oauth_url, self.api_url, self.widget_url)
        except ValueError as exc:
            raise ConsoleError(
                msg("settings", QT_TRANSLATE_NOOP("settings", "Gateway: {exc}."), exc=exc)
            ) from None
        try:
            catalog.TERMINAL.parse(self.terminal)
        except ValueError:
            raise ConsoleError(
                msg(
                    "settings",
                    QT_TRANSLATE_NOOP(
                        "settings",
                        "The terminal is a UUID like 67e34d63-102f-4bd1-898e-370781d0074d (from the ePay "
                        "cabinet).",
                    ),
                )
            ) from None
        if self.database_url.strip():
            try:
                load_store_settings(
                    {catalog.HOME.name: str(home), catalog.DATABASE_URL.name: self.database_url}
                )
            except SettingsError as exc:
                raise ConsoleError(str(exc).removeprefix(f"{catalog.DATABASE_URL.name}: ")) from None
        minutes, idle = self.idle_lock_minutes, catalog.IDLE_LOCK_MINUTES
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not idle.within(minutes):
            # the sentence names the declared bounds (tests/unit/test_settings_catalog.py checks it)
            raise ConsoleError(
                msg(
                    "settings",
                    QT_TRANSLATE_NOOP(
                        "settings", "The idle lock is a whole number of minutes from 1 to 240."
                    ),
                )
            )
        strip = {f.name: getattr(self, f.name).strip() for f in fields(self) if f.type == "str"}
        return replace(self, **{**strip, "environment": env.value})

    def as_environ(self) -> dict[str, str]:
        """The EPAYMENT_* variables these settings stand for (empty values left out)."""
        names = {s.name: getattr(self, s.file_key) for s in catalog.ALL if s.file_key}
        return {name: value for name, value in names.items() if value}


def default_urls(environment: str) -> tuple[str, str, str]:
    """(token URL, API URL, widget URL) of a named environment, for placeholders."""
    e = endpoints_for(Environment.parse(environment))
    return e.oauth_url, e.api_url, e.widget_url


class LocalConfigStore:
    """``console.json`` in the console's home folder; written atomically, readable by its owner only."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.path = self.home / CONFIG_FILE

    def read(self) -> LocalConfig:
        """The saved settings, or the defaults when there is no file. Unknown keys are ignored."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return LocalConfig()
        except (OSError, ValueError) as exc:
            raise ConsoleError(
                msg(
                    "settings",
                    QT_TRANSLATE_NOOP("settings", "The settings file {path} cannot be read ({exc})."),
                    path=self.path,
                    exc=exc,
                )
            ) from None
        known = {f.name for f in fields(LocalConfig)}
        return (
            LocalConfig(**{k: v for k, v in raw.items() if k in known})
            if isinstance(raw, dict)
            else LocalConfig()
        )

    def write(self, config: LocalConfig) -> LocalConfig:
        """Check and save ``config``; returns what was saved. Raises ConsoleError."""
        config = config.checked(self.home)
        self.home.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{CONFIG_FILE}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(asdict(config), out, ensure_ascii=False, indent=2)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)
        log.info("event=local_config_saved environment=%s", config.environment)
        return config

    async def load(self) -> LocalConfig:
        return await asyncio.to_thread(self.read)

    async def save(self, config: LocalConfig) -> LocalConfig:
        return await asyncio.to_thread(self.write, config)


def effective_environ(
    environ: Mapping[str, str] | None = None, secrets: SecretStore | None = None
) -> dict[str, str]:
    """The environment to start with: ``console.json`` values under the real environment (which
    wins), and the keychain's client secret when EPAYMENT_CLIENT_SECRET is not set. Blocking
    (file and keychain); call before the GUI loop or in a thread. Never logs the secret."""
    env = dict(os.environ if environ is None else environ)
    try:
        home = load_store_settings(env).home
        config = LocalConfigStore(home).read()
    except (SettingsError, ConsoleError) as exc:
        log.warning("event=local_config_ignored reason=%s", exc)
        return env
    merged = {**config.as_environ(), **{k: v for k, v in env.items() if v.strip()}}
    secret_name, client_id = catalog.CLIENT_SECRET.name, merged.get(catalog.CLIENT_ID.name)
    if not merged.get(secret_name) and client_id:
        secret = (secrets or SecretStore()).load(merged.get(catalog.ENV.name, catalog.ENV.default), client_id)
        if secret:
            merged[secret_name] = secret
    return merged
