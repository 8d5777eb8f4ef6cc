"""Settings read from the environment: the gateway connection and where the data lives.

Each variable's name, default, meaning and bounds are declared once in
:mod:`epay_desktop.domain.settings_catalog` (decision 0083); this module reads and checks them.
Names follow the seed integration (``EPAYMENT_*``) so an operator who knows that backend knows these.
Every value is checked when read; a wrong one stops start-up with a message that
names the variable, says what is wrong and what would be accepted.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.gateway.config import Credentials
from epay_desktop.gateway.config import Endpoints
from epay_desktop.gateway.config import Environment
from epay_desktop.gateway.config import Secret
from epay_desktop.gateway.config import endpoints_for

__all__ = [
    "ENV_VARS",
    "GatewaySettings",
    "SettingsError",
    "StoreSettings",
    "load_gateway_settings",
    "load_store_settings",
    "settings_kept_elsewhere",
]

#: The published test merchant (docs/epay-api.md section 13), declared in the settings catalog.
TEST_CLIENT_ID = catalog.TEST_CLIENT_ID
TEST_CLIENT_SECRET = catalog.TEST_CLIENT_SECRET
TEST_TERMINAL_ID = catalog.TEST_TERMINAL_ID

#: EPAYMENT_DB_LOCK_WAIT: seconds; at least 5, the busy timeout the crash-safety checks require (T15).
LOCK_WAIT_DEFAULT_S = catalog.DB_LOCK_WAIT.default
LOCK_WAIT_MIN_S = catalog.DB_LOCK_WAIT.low or 0
LOCK_WAIT_MAX_S = catalog.DB_LOCK_WAIT.high or 0

#: name -> what it means (shown by ``epay-desktop config`` and the README), from the settings catalog.
ENV_VARS: Mapping[str, str] = {setting.name: setting.doc for setting in catalog.environment_variables()}


class SettingsError(ValueError):
    """A setting has a value the console cannot use. The message is for the operator."""


@dataclass(frozen=True, slots=True)
class GatewaySettings:
    environment: Environment
    endpoints: Endpoints
    credentials: Credentials

    def describe(self) -> dict[str, str]:
        """What an operator may see: everything but the secret's value."""
        return {
            "environment": self.environment.value,
            "oauth_url": self.endpoints.oauth_url,
            "api_url": self.endpoints.api_url,
            "widget_url": self.endpoints.widget_url,
            "client_id": self.credentials.client_id,
            "terminal": self.credentials.terminal_id,
            "client_secret": "set" if self.credentials.client_secret else "not set",
        }


def settings_kept_elsewhere() -> str:
    """The settings not read from the environment, by where they are kept (``epay-desktop config``)."""
    places = (
        (catalog.Kept.COMPUTER, f"This computer's {catalog.COMPUTER_FILE} (Settings; the environment wins)"),
        (catalog.Kept.SHOP, "The shop database (Settings; shared by every counter)"),
    )
    blocks = []
    for place, title in places:
        rows = [f"  {s.name:30} {_described(s)}" for s in catalog.ALL if s.kept == (place,)]
        if place is catalog.Kept.COMPUTER:
            rows = [f"  {s.file_key:30} as {s.name}" for s in catalog.ALL if s.file_key] + rows
        blocks.append(f"{title}:\n" + "\n".join(rows))
    return "\n\n".join(blocks)


def _described(setting: catalog.Setting[int] | catalog.Setting[str]) -> str:
    if setting.low is None and not setting.choices:
        return setting.doc
    return f"{setting.doc} ({setting.accepts()}; default {setting.default})"


def load_gateway_settings(environ: Mapping[str, str] | None = None) -> GatewaySettings:
    """Read and check the gateway settings; raises :class:`SettingsError` naming the bad variable."""
    env = os.environ if environ is None else environ

    def get(name: str) -> str | None:
        value = env.get(name)
        if value is None:
            return None
        value = value.strip()
        return value or None

    raw_env = get(catalog.ENV.name) or catalog.ENV.default
    try:
        environment = Environment.parse(raw_env)
    except ValueError as exc:
        raise SettingsError(f"{catalog.ENV.name}: {exc}") from None

    try:
        endpoints = endpoints_for(environment).with_overrides(
            oauth_url=get(catalog.OAUTH_URL.name),
            api_url=get(catalog.API_URL.name),
            widget_url=get(catalog.WIDGET_URL.name),
        )
    except ValueError as exc:
        raise SettingsError(f"gateway URL override: {exc}") from None

    client_id = get(catalog.CLIENT_ID.name)
    secret = get(catalog.CLIENT_SECRET.name)
    terminal = get(catalog.TERMINAL.name)
    if environment is Environment.PROD:
        missing = [
            name
            for name, value in (
                (catalog.CLIENT_ID.name, client_id),
                (catalog.CLIENT_SECRET.name, secret),
                (catalog.TERMINAL.name, terminal),
            )
            if value is None
        ]
        if missing:
            raise SettingsError(
                "production needs your merchant credentials from the ePay cabinet; set " + ", ".join(missing)
            )
        if client_id == TEST_CLIENT_ID:
            raise SettingsError(
                f"{catalog.CLIENT_ID.name}: the public test client cannot be used in production"
            )
    client_id = client_id or TEST_CLIENT_ID
    secret = secret or TEST_CLIENT_SECRET
    terminal = terminal or TEST_TERMINAL_ID
    try:
        catalog.TERMINAL.parse(terminal)
    except ValueError:
        raise SettingsError(
            f"{catalog.TERMINAL.name}: {terminal!r} is not a terminal UUID (like {TEST_TERMINAL_ID}); "
            "copy it from the ePay cabinet, not the 8-digit POS number"
        ) from None
    return GatewaySettings(
        environment=environment,
        endpoints=endpoints,
        credentials=Credentials(client_id=client_id, client_secret=Secret(secret), terminal_id=terminal),
    )


# --- the local store: where the data lives ----------------------------------------------------------------

_POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """Where this counter keeps its data and which register it is."""

    home: Path  # absolute; database (SQLite), logs, receipts and audit.key live here
    database_url: str  # sqlite:///<absolute file> or postgresql+psycopg://...
    register_id: str  # receipt numbers are per register
    lock_wait_seconds: int = LOCK_WAIT_DEFAULT_S  # SQLite busy timeout (EPAYMENT_DB_LOCK_WAIT, decision 0071)
    backup_days: int = (
        catalog.BACKUP_DAYS.default
    )  # SQLite: days of daily copies kept in backups/ (decision 0067)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def audit_key_path(self) -> Path:
        """The audit chain's HMAC key: a file next to the data, never inside the database."""
        return self.home / catalog.AUDIT_KEY_FILE

    @property
    def pepper_path(self) -> Path:
        """The PIN pepper: a file next to the data, never inside the database."""
        return self.home / catalog.PEPPER_FILE

    def describe(self) -> dict[str, str]:
        """What an operator may see: the database URL without its password."""
        return {
            "home": str(self.home),
            "database": _hide_password(self.database_url),
            "register": self.register_id,
        }


def load_store_settings(
    environ: Mapping[str, str] | None = None, *, hostname: str | None = None
) -> StoreSettings:
    """Read and check where the store lives; no side effects (nothing is created).

    Raises :class:`SettingsError` naming the variable: an unsupported database URL scheme,
    an in-memory SQLite database, a home that is not a writable folder (or cannot be
    created), or a register id with characters other than letters, digits, ``.``, ``_``, ``-``.
    """
    env = os.environ if environ is None else environ
    raw_home = (env.get(catalog.HOME.name) or "").strip()
    home = (
        Path(raw_home).expanduser() if raw_home else Path(platformdirs.user_data_dir("epay-desktop", False))
    )
    home = home.absolute()
    _check_writable_home(home)

    raw_url = (env.get(catalog.DATABASE_URL.name) or "").strip()
    url = _check_database_url(raw_url) if raw_url else f"sqlite:///{home / catalog.DATABASE_FILE}"

    raw_register = (env.get(catalog.REGISTER.name) or "").strip()
    if raw_register:
        try:
            register = catalog.REGISTER.parse(raw_register)
        except ValueError:
            raise SettingsError(
                f"{catalog.REGISTER.name}: {raw_register!r} is not a register id; use "
                f"{catalog.REGISTER.pattern_hint} "
                f"(e.g. {catalog.REGISTER.example})"
            ) from None
    else:
        register = default_register_id(socket.gethostname() if hostname is None else hostname)
    return StoreSettings(
        home=home,
        database_url=url,
        register_id=register,
        backup_days=_whole_number(env, catalog.BACKUP_DAYS),
        lock_wait_seconds=_whole_number(env, catalog.DB_LOCK_WAIT),
    )


def _whole_number(env: Mapping[str, str], setting: catalog.Setting[int]) -> int:
    """The variable's number, its default when unset; SettingsError naming it and its bounds."""
    raw = (env.get(setting.name) or "").strip()
    if not raw:
        return setting.default
    try:
        return setting.parse(raw)
    except ValueError:
        raise SettingsError(
            f"{setting.name}: {raw!r} is not a number of {setting.unit} from {setting.low} to "
            f"{setting.high} (default {setting.default})"
        ) from None


def default_register_id(hostname: str) -> str:
    """A register id from a host name: other characters become ``-``, at most 32 characters."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", hostname.split(".")[0] if hostname else "")
    cleaned = cleaned.strip("-._")[:32].rstrip("-._")
    return cleaned or "register-1"


def _check_writable_home(home: Path) -> None:
    # Walk up to the first folder that exists: that is where mkdir will have to write.
    probe = home
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        what = "is a file" if probe == home else f"cannot be created: {probe} is a file, not a folder"
        raise SettingsError(f"{catalog.HOME.name}: {home} {what}; choose a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        where = "" if probe == home else f" (its parent {probe} is not writable)"
        raise SettingsError(
            f"{catalog.HOME.name}: {home} is not writable by this user{where}; choose another folder"
        )


def _check_database_url(raw: str) -> str:
    scheme, sep, rest = raw.partition("://")
    if not sep:
        raise SettingsError(f"{catalog.DATABASE_URL.name}: {_hide_password(raw)!r} is not a URL; {_URL_HELP}")
    scheme = scheme.lower()
    if scheme in ("sqlite", "sqlite+pysqlite"):
        if rest in ("", "/", "/:memory:") or ":memory:" in rest or "mode=memory" in rest:
            raise SettingsError(
                f"{catalog.DATABASE_URL.name}: an in-memory SQLite database loses every payment on exit; "
                "give a file, e.g. sqlite:////var/lib/epay/epay-desktop.db"
            )
        path, qmark, query = rest.removeprefix("/").partition("?")
        return f"sqlite:///{Path(path).expanduser().absolute()}{qmark}{query}"
    if scheme in _POSTGRES_SCHEMES:
        return f"postgresql+psycopg://{rest}"
    raise SettingsError(f"{catalog.DATABASE_URL.name}: scheme {scheme!r} is not supported; {_URL_HELP}")


_URL_HELP = "use sqlite:////absolute/path/file.db or postgresql+psycopg://user:password@host:5432/dbname"


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)
