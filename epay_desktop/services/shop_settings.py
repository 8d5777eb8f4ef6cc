"""Settings a manager edits in the console: the shop's (in the database) and this computer's (a file).

* :class:`ShopSettingsService`: the receipt header and receipt defaults, and the bank's status lag
  the console allows for (decision 0039), shared by every counter
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
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path

from epay_desktop.domain import ConsoleError, PermissionDenied, User
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP, msg
from epay_desktop.domain.text import FIELD_SHOP_TEXT, check_text
from epay_desktop.gateway.config import Environment, endpoints_for
from epay_desktop.services.people.login import require_audited
from epay_desktop.services.secret_store import SecretStore
from epay_desktop.settings import SettingsError, load_store_settings
from epay_desktop.store.db import Store
from epay_desktop.store.repos.settings import DEFAULT_STATUS_LAG_MAX_SECONDS, MAX_STATUS_LAG_SECONDS
from epay_desktop.store.tx import Tx

__all__ = [
    "CONFIG_FILE",
    "DEFAULT_STATUS_LAG_MAX_SECONDS",
    "MAX_STATUS_LAG_SECONDS",
    "LocalConfig",
    "LocalConfigStore",
    "ShopProfile",
    "ShopSettingsService",
    "default_urls",
    "effective_environ",
]

log = logging.getLogger(__name__)

CONFIG_FILE = "console.json"
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


@dataclass(frozen=True, slots=True)
class ShopProfile:
    """The receipt header and defaults (``shop.*``, ``receipt.*`` keys of the shop settings) and the
    status lag the console allows for (``gateway.status_lag_max_seconds``, decision 0039)."""

    name: str = ""
    bin: str = ""
    address: str = ""
    receipt_width: str = "80"  # 80, 58 or a4
    receipt_language: str = "ru"  # ru or kk
    #: how late check-status may show an applied operation, in seconds (decision 0039)
    status_lag_seconds: str = str(DEFAULT_STATUS_LAG_MAX_SECONDS)


_KEYS = {
    "name": "shop.name",
    "bin": "shop.bin",
    "address": "shop.address",
    "receipt_width": "receipt.width",
    "receipt_language": "receipt.language",
    "status_lag_seconds": "gateway.status_lag_max_seconds",
}


class ShopSettingsService:
    """Read and change the shop settings. Coroutines; DB work runs on the store's thread."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._store = store
        self._clock = clock

    async def load(self) -> ShopProfile:
        """The current profile (stored values, else the declared defaults)."""

        def work(tx: Tx) -> ShopProfile:
            return ShopProfile(**{attr: tx.settings.get(key) or "" for attr, key in _KEYS.items()})

        return await self._store.run_read(work)

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
            current = require_audited(tx, tx.users.get(actor.id))  # decision 0075
            if not current.active or not current.role.can_move_money:
                raise PermissionDenied(
                    msg(
                        "settings",
                        QT_TRANSLATE_NOOP(
                            "settings", "Only a manager or an administrator can change the shop settings."
                        ),
                    )
                )
            changed: dict[str, str] = {}
            for attr, key in _KEYS.items():
                wanted = getattr(profile, attr)
                if wanted != (tx.settings.get(key) or ""):
                    changed[key] = tx.settings.set(key, wanted)
            if changed:
                tx.audit.append(current.id, "settings.changed", "shop", changed, at=now)
            return ShopProfile(**{attr: tx.settings.get(key) or "" for attr, key in _KEYS.items()})

        return await self._store.run_write(work)


# -- this computer ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LocalConfig:
    """This computer's console settings; empty strings mean "the default"."""

    environment: str = Environment.SANDBOX.value
    oauth_url: str = ""
    api_url: str = ""
    widget_url: str = ""
    client_id: str = ""
    terminal: str = ""
    printer: str = ""  # "" = ask every time
    database_url: str = ""
    idle_lock_minutes: int = 15

    def checked(self, home: Path) -> LocalConfig:
        """A normalised copy, or ConsoleError saying which value is wrong and what is accepted."""
        try:
            env = Environment.parse(self.environment)
            endpoints_for(env).with_overrides(self.oauth_url, self.api_url, self.widget_url)
        except ValueError as exc:
            raise ConsoleError(
                msg("settings", QT_TRANSLATE_NOOP("settings", "Gateway: {exc}."), exc=exc)
            ) from None
        if self.terminal.strip() and not _UUID.match(self.terminal.strip()):
            raise ConsoleError(
                msg(
                    "settings",
                    QT_TRANSLATE_NOOP(
                        "settings",
                        "The terminal is a UUID like 67e34d63-102f-4bd1-898e-370781d0074d (from the ePay "
                        "cabinet).",
                    ),
                )
            )
        if self.database_url.strip():
            try:
                load_store_settings({"EPAYMENT_HOME": str(home), "EPAYMENT_DATABASE_URL": self.database_url})
            except SettingsError as exc:
                raise ConsoleError(str(exc).removeprefix("EPAYMENT_DATABASE_URL: ")) from None
        minutes = self.idle_lock_minutes
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 240:
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
        names = {
            "EPAYMENT_ENV": self.environment,
            "EPAYMENT_OAUTH_URL": self.oauth_url,
            "EPAYMENT_API_URL": self.api_url,
            "EPAYMENT_WIDGET_URL": self.widget_url,
            "EPAYMENT_CLIENT_ID": self.client_id,
            "EPAYMENT_TERMINAL": self.terminal,
            "EPAYMENT_DATABASE_URL": self.database_url,
        }
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
    if not merged.get("EPAYMENT_CLIENT_SECRET") and merged.get("EPAYMENT_CLIENT_ID"):
        secret = (secrets or SecretStore()).load(
            merged.get("EPAYMENT_ENV", "sandbox"), merged["EPAYMENT_CLIENT_ID"]
        )
        if secret:
            merged["EPAYMENT_CLIENT_SECRET"] = secret
    return merged
