"""Shop-wide settings kept in the database (``shop_settings``), shared by every counter.

Values are text. Each known key is declared once in :data:`SHOP_SETTINGS` with its default,
meaning and check; :meth:`ShopSettingsRepo.set` refuses a value its check rejects. Unknown
keys may be stored too (plain text, no check). Per-machine settings live in the environment
(``epay_desktop.settings``) instead, and secrets in neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from epay_desktop.domain import ConsoleError
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP, msg
from epay_desktop.store.models import ShopSettingRow

if TYPE_CHECKING:
    from epay_desktop.store.tx import Tx

__all__ = [
    "DEFAULT_STATUS_LAG_MAX_SECONDS",
    "MAX_STATUS_LAG_SECONDS",
    "SHOP_SETTINGS",
    "InvalidShopSetting",
    "SettingKey",
    "ShopSettingsRepo",
]


class InvalidShopSetting(ConsoleError):
    """A shop setting was given a value it cannot take; the message says what would be accepted."""


@dataclass(frozen=True, slots=True)
class SettingKey:
    name: str
    default: str
    meaning: str
    check: Callable[[str], str]  # returns the normalised value or raises ValueError with the reason


def _free_text(limit: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = value.strip()
        if len(value) > limit:
            raise ValueError(f"at most {limit} characters")
        return value

    return check


def _bin(value: str) -> str:
    value = value.strip()
    if value and not re.fullmatch(r"[0-9]{12}", value):
        raise ValueError("a BIN is 12 digits")
    return value


def _days(value: str) -> str:
    if not re.fullmatch(r"[0-9]{1,4}", value.strip()) or not 1 <= int(value) <= 3650:
        raise ValueError("a whole number of days from 1 to 3650")
    return str(int(value))


def _seconds(limit: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if not re.fullmatch(r"[0-9]{1,5}", value.strip()) or not 0 <= int(value) <= limit:
            raise ValueError(f"a whole number of seconds from 0 to {limit}")
        return str(int(value))

    return check


#: The default of ``gateway.status_lag_max_seconds`` (decision 0039).
DEFAULT_STATUS_LAG_MAX_SECONDS = 120
#: Its largest accepted value: an hour (a longer lag blocks a manager's retry for longer).
MAX_STATUS_LAG_SECONDS = 3600


def _one_of(*choices: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = value.strip().lower()
        if value not in choices:
            raise ValueError("one of " + ", ".join(choices))
        return value

    return check


#: Every known key, declared once.
SHOP_SETTINGS: Mapping[str, SettingKey] = {
    key.name: key
    for key in (
        SettingKey("shop.name", "", "shop name printed at the top of receipts", _free_text(128)),
        SettingKey("shop.bin", "", "the shop's 12-digit BIN (business identification number)", _bin),
        SettingKey("shop.address", "", "shop address printed on receipts", _free_text(255)),
        SettingKey(
            "refund.window_days", "180", "refunds are refused this many days after the payment", _days
        ),
        SettingKey(
            "gateway.status_lag_max_seconds",
            str(DEFAULT_STATUS_LAG_MAX_SECONDS),
            "how late the bank's check-status may show a refund, charge or cancellation",
            _seconds(MAX_STATUS_LAG_SECONDS),
        ),
        SettingKey(
            "receipt.width",
            "80",
            "default receipt format: 80 or 58 mm roll, or a4",
            _one_of("80", "58", "a4"),
        ),
        SettingKey(
            "receipt.language", "ru", "default receipt language: kk, ru or en", _one_of("kk", "ru", "en")
        ),
    )
}

_UPSERT = text(
    "INSERT INTO shop_settings (key, value) VALUES (:key, :value) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


class ShopSettingsRepo:
    """``tx.settings``."""

    def __init__(self, tx: Tx) -> None:
        self._s = tx.session

    def get(self, key: str, default: str | None = None) -> str | None:
        """The stored value of ``key``; else ``default``; else the declared default of a known key."""
        stored = self._s.execute(
            select(ShopSettingRow.value).where(ShopSettingRow.key == key)
        ).scalar_one_or_none()
        if stored is not None:
            return stored
        if default is not None:
            return default
        known = SHOP_SETTINGS.get(key)
        return known.default if known else None

    def set(self, key: str, value: str) -> str:
        """Store ``value`` under ``key`` (in the caller's transaction) and return what was stored.

        Known keys are checked and normalised first; raises :class:`InvalidShopSetting` naming
        the key and what it accepts. The caller writes the audit entry.
        """
        if not 1 <= len(key) <= 64:
            raise InvalidShopSetting(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP("store", "setting name {key} must be 1 to 64 characters"),
                    key=repr(key),
                )
            )
        known = SHOP_SETTINGS.get(key)
        if known is not None:
            try:
                value = known.check(value)
            except ValueError as exc:
                raise InvalidShopSetting(
                    msg(
                        "store",
                        QT_TRANSLATE_NOOP("store", "{known_meaning}: {value} is not valid; use {exc}"),
                        known_meaning=known.meaning,
                        value=repr(value),
                        exc=exc,
                    )
                ) from None
        self._s.execute(_UPSERT, {"key": key, "value": value})
        return value

    def all(self) -> dict[str, str]:
        """Every known key with its value (stored or default), plus any other stored key."""
        values = {key.name: key.default for key in SHOP_SETTINGS.values()}
        rows = self._s.execute(select(ShopSettingRow.key, ShopSettingRow.value))
        values.update((key, value) for key, value in rows)
        return values

    # -- typed accessors for the known keys ---------------------------------------------------

    def shop_name(self) -> str:
        return self._known("shop.name")

    def shop_bin(self) -> str:
        return self._known("shop.bin")

    def shop_address(self) -> str:
        return self._known("shop.address")

    def refund_window_days(self) -> int:
        return int(self._known("refund.window_days"))

    def status_lag_max_seconds(self) -> int:
        """How late check-status may show an applied operation (decision 0039); a stored value that
        no longer passes the check counts as the default."""
        value = self._known("gateway.status_lag_max_seconds")
        try:
            return int(_seconds(MAX_STATUS_LAG_SECONDS)(value))
        except ValueError:
            return DEFAULT_STATUS_LAG_MAX_SECONDS

    def receipt_width(self) -> str:
        return self._known("receipt.width")

    def receipt_language(self) -> str:
        return self._known("receipt.language")

    def _known(self, key: str) -> str:
        value = self.get(key)
        assert value is not None  # known keys always have a default
        return value
