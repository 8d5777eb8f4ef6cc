"""Every setting of the console, declared once: its name, type, default, meaning, where it is kept and
what it accepts (decision 0083). Standard library only, so every layer may read it.

Four places keep settings (:class:`Kept`):

* the environment: ``EPAYMENT_*`` variables, read at start-up by :mod:`epay_desktop.settings`;
* this computer's file: :data:`COMPUTER_FILE` in the console's home, written by the Settings dialog
  (``services/shop_settings.py``); an environment variable with a ``file_key`` may be saved there too,
  and the real environment wins over it;
* the shop database: the ``shop_settings`` table (plain key/values), shared by every counter;
* the keychain: only the gateway's client secret (:data:`KEYCHAIN_SERVICE`,
  :func:`keychain_account`) and the fiscal provider's API key and cashier password
  (:func:`fiscal_keychain_account`, decision 0123); never a file, the database or a log.

A module that needs a setting reads it from here (``ENV.name``, ``RECEIPT_WIDTH.default``,
``IDLE_LOCK_MINUTES.high``); tests/unit/test_settings_catalog.py fails when a declared key is written
anywhere else in ``epay_desktop/``. The models were Electrum's ``simple_config.ConfigVar`` (one object
per setting, the default and the type next to the key) and Vorta's settings list (the dialog built
from the declaration).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic
from typing import Protocol
from typing import TypeVar

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptWidth

__all__ = [
    "ALL",
    "AUDIT_KEY_FILE",
    "COMPUTER_FILE",
    "DATABASE_FILE",
    "KEYCHAIN_SERVICE",
    "PEPPER_FILE",
    "SHOP",
    "TEST_CLIENT_ID",
    "TEST_CLIENT_SECRET",
    "TEST_TERMINAL_ID",
    "Kept",
    "KeyValues",
    "Setting",
    "fiscal_keychain_account",
    "keychain_account",
]

T = TypeVar("T", int, str)


class Kept(StrEnum):
    """Where a setting's value is kept."""

    ENVIRONMENT = "environment"
    COMPUTER = "this computer's file"
    SHOP = "shop database"
    KEYCHAIN = "keychain"


class KeyValues(Protocol):
    """Plain text values by key (the shop database's ``tx.settings``)."""

    def get(self, key: str, default: str | None = None) -> str | None: ...


#: This computer's settings file, in the console's home folder (mode 0600).
COMPUTER_FILE = "console.json"
#: The other files of the home folder (EPAYMENT_HOME) a setting decides: the SQLite database unless
#: EPAYMENT_DATABASE_URL names another, and the two keys that must never be in the database
#: (store/keyfile.py): the audit chain's HMAC key and the PIN pepper.
DATABASE_FILE = "epay-desktop.db"
AUDIT_KEY_FILE = "audit.key"
PEPPER_FILE = "pepper.key"
#: The keychain service the client secret is kept under.
KEYCHAIN_SERVICE = "epay-desktop"


#: The published test merchant (docs/epay-api.md section 13): the credentials the test environments
#: default to. It works on the bank's test hosts and on the built-in sandbox, never in production.
TEST_CLIENT_ID = "test"
TEST_CLIENT_SECRET = "yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG"  # noqa: S105 - public test credential
TEST_TERMINAL_ID = "67e34d63-102f-4bd1-898e-370781d0074d"


def keychain_account(environment: str, client_id: str) -> str:
    """The keychain account of the client secret of one gateway environment and client id."""
    return f"client-secret:{environment.strip().lower()}:{client_id.strip()}"


def fiscal_keychain_account(secret: str, key: str) -> str:
    """The keychain account of a fiscal provider's secret: ``api-key`` by the provider's URL,
    ``password`` by the cashier's login (decision 0123)."""
    return f"fiscal-{secret}:{key.strip().lower()}"


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """One setting. ``name`` is its key where it is kept first (the variable, the file's key or the
    shop key); its type is the default's (``int`` or ``str``; an empty text means "not set")."""

    name: str
    default: T
    doc: str  # one line an operator reads (``epay-desktop config``, the README's table)
    kept: tuple[Kept, ...]
    choices: tuple[str, ...] = ()  # the accepted values, lower case
    low: int | None = None  # whole numbers: the bounds, inclusive
    high: int | None = None
    unit: str = ""  # whole numbers: "days", "seconds", "minutes"
    max_chars: int | None = None  # text: at most this many characters
    pattern: str = ""  # text: a non-empty value matches this regular expression whole
    pattern_hint: str = ""  # what the pattern means, for the message
    file_key: str = ""  # an environment variable also saved in this computer's file under this key
    example: str = ""  # a value as the operator would type it

    def parse(self, raw: str) -> T:
        """The value ``raw`` stands for, or ValueError saying what is accepted (no key in it)."""
        if isinstance(self.default, int):
            return self._whole_number(raw)
        value = raw.strip()
        if self.choices:
            value = value.lower()
            if value not in self.choices:
                raise ValueError("one of " + ", ".join(self.choices))
        if self.max_chars is not None and len(value) > self.max_chars:
            raise ValueError(f"at most {self.max_chars} characters")
        if self.pattern and value and not re.fullmatch(self.pattern, value):
            raise ValueError(self.pattern_hint)
        return value

    def _whole_number(self, raw: str) -> int:
        text = raw.strip()
        # a length cap before int(): no huge numbers to convert
        if not (text.isascii() and text.isdigit() and len(text) <= len(str(self.high)) + 1):
            raise ValueError(self.accepts())
        if not self.within(int(text)):
            raise ValueError(self.accepts())
        return int(text)

    def within(self, value: int) -> bool:
        """Whether a whole number is within the declared bounds."""
        return self.low is not None and self.high is not None and self.low <= value <= self.high

    def accepts(self) -> str:
        """What the setting accepts, in words: "a whole number of days from 1 to 3650"."""
        if self.low is not None:
            return f"a whole number of {self.unit} from {self.low} to {self.high}"
        if self.choices:
            return "one of " + ", ".join(self.choices)
        return self.pattern_hint or (f"at most {self.max_chars} characters" if self.max_chars else "any text")

    def read(self, stored: str | None) -> T:
        """The value of a stored text: the default when nothing is stored or it no longer passes."""
        if stored is None:
            return self.default
        try:
            return self.parse(stored)
        except ValueError:
            return self.default

    def read_from(self, values: KeyValues) -> T:
        """This setting's value in ``values`` (e.g. the shop database's ``tx.settings``)."""
        return self.read(values.get(self.name))


_ENV = (Kept.ENVIRONMENT,)
_ENV_AND_FILE = (Kept.ENVIRONMENT, Kept.COMPUTER)
_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

# -- the environment (EPAYMENT_*) and this computer's file ------------------------------------------

ENV = Setting(
    "EPAYMENT_ENV",
    "sandbox",
    "gateway: prod, test (epayment.kz test hosts), test-homebank (old test hosts), "
    "sandbox (built-in emulator; the default)",
    _ENV_AND_FILE,
    choices=("prod", "test", "test-homebank", "sandbox"),
    file_key="environment",
)
CLIENT_ID = Setting(
    "EPAYMENT_CLIENT_ID",
    "",
    "OAuth client id (test environments default to the published test merchant)",
    _ENV_AND_FILE,
    file_key="client_id",
)
CLIENT_SECRET = Setting(
    "EPAYMENT_CLIENT_SECRET",
    "",
    "OAuth client secret (never written to a file, the database or a log)",
    (Kept.ENVIRONMENT, Kept.KEYCHAIN),
)
TERMINAL = Setting(
    "EPAYMENT_TERMINAL",
    "",
    "terminal UUID from the ePay cabinet",
    _ENV_AND_FILE,
    pattern=_UUID,
    pattern_hint="a terminal UUID",
    file_key="terminal",
    example=TEST_TERMINAL_ID,
)
OAUTH_URL = Setting(
    "EPAYMENT_OAUTH_URL",
    "",
    "override: full token URL, e.g. https://epay-oauth.homebank.kz/oauth2/token",
    _ENV_AND_FILE,
    file_key="oauth_url",
)
API_URL = Setting(
    "EPAYMENT_API_URL",
    "",
    "override: REST API base URL, e.g. https://epay-api.homebank.kz",
    _ENV_AND_FILE,
    file_key="api_url",
)
WIDGET_URL = Setting(
    "EPAYMENT_WIDGET_URL", "", "override: full URL of payment-api.js", _ENV_AND_FILE, file_key="widget_url"
)
HOME = Setting(
    "EPAYMENT_HOME",
    "",
    "folder for the database, logs, receipts and the audit key "
    "(default: the user data folder, e.g. ~/.local/share/epay-desktop)",
    _ENV,
)
DATABASE_URL = Setting(
    "EPAYMENT_DATABASE_URL",
    "",
    "database: sqlite:///path/file.db (default {home}/epay-desktop.db) or "
    "postgresql+psycopg://user:password@host/db when several counters share one database",
    _ENV_AND_FILE,
    file_key="database_url",
)
REGISTER = Setting(
    "EPAYMENT_REGISTER",
    "",
    "this counter's register id for receipt numbering, up to 32 letters, digits, '.', "
    "'_' or '-' (default: the host name)",
    _ENV,
    pattern=r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}",
    pattern_hint="1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit",
    example="counter-1",
)
DB_LOCK_WAIT = Setting(
    "EPAYMENT_DB_LOCK_WAIT",
    10,
    "SQLite: seconds a change waits while another counter or process writes, "
    "5 to 600 (default 10); then it stops and says who has the database open",
    _ENV,
    low=5,  # the busy timeout the crash-safety checks require (T15, decision 0071)
    high=600,
    unit="seconds",
)
BACKUP_DAYS = Setting(
    "EPAYMENT_BACKUP_DAYS",
    14,
    "SQLite: days of daily database copies kept in the database's backups folder, 1 to 3650 (default 14)",
    _ENV,
    low=1,
    high=3650,
    unit="days",
)
PRINTER = Setting(
    "printer", "", "the receipt printer of this computer (empty: ask every time)", (Kept.COMPUTER,)
)
IDLE_LOCK_MINUTES = Setting(
    "idle_lock_minutes",
    15,
    "minutes without input after which the console locks",
    (Kept.COMPUTER,),
    low=1,
    high=240,
    unit="minutes",
)

# -- the shop database (shared by every counter) ----------------------------------------------------

SHOP_NAME = Setting("shop.name", "", "shop name printed at the top of receipts", (Kept.SHOP,), max_chars=128)
SHOP_BIN = Setting(
    "shop.bin",
    "",
    "the shop's 12-digit BIN (business identification number)",
    (Kept.SHOP,),
    max_chars=12,
    pattern=r"[0-9]{12}",
    pattern_hint="a BIN is 12 digits",
)
SHOP_ADDRESS = Setting("shop.address", "", "shop address printed on receipts", (Kept.SHOP,), max_chars=255)
REFUND_WINDOW_DAYS = Setting(
    "refund.window_days",
    180,
    "refunds are refused this many days after the payment",
    (Kept.SHOP,),
    low=1,
    high=3650,
    unit="days",
)
STATUS_LAG_SECONDS = Setting(
    "gateway.status_lag_max_seconds",
    120,  # decision 0039
    "how late the bank's check-status may show a refund, charge or cancellation",
    (Kept.SHOP,),
    low=0,
    high=3600,  # an hour: a longer lag blocks a manager's retry for longer
    unit="seconds",
)
RECEIPT_WIDTH = Setting(
    "receipt.width",
    ReceiptWidth.MM80.value,
    "default receipt format: 80 or 58 mm roll, or a4",
    (Kept.SHOP,),
    choices=tuple(width.value for width in ReceiptWidth),
)
RECEIPT_LANGUAGE = Setting(
    "receipt.language",
    ReceiptLanguage.RU.value,
    "default receipt language: kk, ru or en",
    (Kept.SHOP,),
    choices=tuple(language.value for language in ReceiptLanguage),  # decision 0084
)
RECEIPT_PRINTERS = Setting(
    "receipt.printers",
    "",
    "the shop's receipt printers and each register's default, as JSON (decision 0105); "
    "change them with epay-desktop printer add|remove|default",
    (Kept.SHOP,),
    max_chars=65536,
)

#: A yes/no rule of the shop's: its two choices.
YES_NO = ("yes", "no")


def _shop_rule(name: str, default: str, doc: str) -> Setting[str]:
    """A yes/no rule kept in the shop database."""
    return Setting(name, default, doc, (Kept.SHOP,), choices=YES_NO)


SHIFT_WARN_HOURS = Setting(
    "shift.warn_after_hours",
    24,  # decision 0107
    "a shift open this many hours or longer is warned about (the X report, shift list, the console)",
    (Kept.SHOP,),
    low=1,
    high=72,  # three days: a shift longer than that is a shift someone forgot
    unit="hours",
)
SHIFT_CASHIER_CLOSE = _shop_rule(
    "shift.cashier_close",
    "yes",
    "yes: a cashier closes a shift with a manager signing in; no: only a manager closes it",
)
SHIFT_BANK_CHECK = _shop_rule(
    "shift.bank_check",
    "yes",
    "yes: the Z report's bank check runs at every close; no: the one closing may skip it",
)
SHIFT_FOR_PAYMENT = _shop_rule(
    "shift.for_payment",
    "no",
    "yes: a new payment, a refund and a hold's charge or cancel need an open shift at the register "
    "(decision 0132); no: they are made outside a shift too",
)

FISCAL_PROVIDER = Setting(
    "fiscal.provider",
    "none",
    "fiscal receipts: none (receipts say they are not fiscal) or webkassa (decision 0123)",
    (Kept.SHOP,),
    choices=("none", "webkassa"),
)
FISCAL_URL = Setting(
    "fiscal.url",
    "https://kkm.webkassa.kz",
    "the fiscal provider's address: https://kkm.webkassa.kz (Webkassa), https://devkkm.webkassa.kz (test)",
    (Kept.SHOP,),
    max_chars=255,
    pattern=r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?",
    pattern_hint="an address like https://kkm.webkassa.kz",
)
FISCAL_LOGIN = Setting(
    "fiscal.login",
    "",
    "the cashier's login at the fiscal provider (its password: the keychain)",
    (Kept.SHOP,),
    max_chars=128,
)
FISCAL_CASHBOX = Setting(
    "fiscal.cashbox",
    "",
    "the cash register's unique (factory) number at the fiscal provider, e.g. SWK00000001",
    (Kept.SHOP,),
    pattern=r"[A-Za-z0-9]{1,32}",
    pattern_hint="1 to 32 Latin letters and digits, e.g. SWK00000001",
)
FISCAL_VAT_RATE = Setting(
    "fiscal.vat_rate",
    "16",  # the base rate from 2026-01-01 (fiscal.md 1.13)
    "VAT rate in percent included in the price on fiscal receipts: 16, 12, 10, 5 or 0",
    (Kept.SHOP,),
    choices=("16", "12", "10", "5", "0"),
)
FISCAL_VAT_PAYER = _shop_rule(
    "fiscal.vat_payer", "yes", "yes: the shop is a VAT payer (receipts carry VAT); no: receipts carry no tax"
)

#: Every setting, in the order the README's table and ``epay-desktop config`` list them.
ALL: tuple[Setting[int] | Setting[str], ...] = (
    ENV,
    CLIENT_ID,
    CLIENT_SECRET,
    TERMINAL,
    OAUTH_URL,
    API_URL,
    WIDGET_URL,
    HOME,
    DATABASE_URL,
    REGISTER,
    DB_LOCK_WAIT,
    BACKUP_DAYS,
    PRINTER,
    IDLE_LOCK_MINUTES,
    SHOP_NAME,
    SHOP_BIN,
    SHOP_ADDRESS,
    REFUND_WINDOW_DAYS,
    STATUS_LAG_SECONDS,
    RECEIPT_WIDTH,
    RECEIPT_LANGUAGE,
    RECEIPT_PRINTERS,
    SHIFT_WARN_HOURS,
    SHIFT_CASHIER_CLOSE,
    SHIFT_BANK_CHECK,
    SHIFT_FOR_PAYMENT,
    FISCAL_PROVIDER,
    FISCAL_URL,
    FISCAL_LOGIN,
    FISCAL_CASHBOX,
    FISCAL_VAT_RATE,
    FISCAL_VAT_PAYER,
)

#: The shop database's settings by key.
SHOP: Mapping[str, Setting[int] | Setting[str]] = {s.name: s for s in ALL if Kept.SHOP in s.kept}


def environment_variables() -> tuple[Setting[int] | Setting[str], ...]:
    """The settings read from the environment, in declaration order."""
    return tuple(s for s in ALL if Kept.ENVIRONMENT in s.kept)
