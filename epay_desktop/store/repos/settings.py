"""Shop-wide settings kept in the database (``shop_settings``), shared by every counter: plain text
values by key.

The store neither knows the keys nor checks the values: each setting's key, type, default and
bounds are declared once in :mod:`epay_desktop.domain.settings_catalog`, and the shop settings
service (``services/shop_settings.py``) checks a value before it is stored and reads it back typed.
Per-machine settings live in the environment and this computer's file instead, and secrets in neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy import text

from epay_desktop.domain import ConsoleError
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.store.models import ShopSettingRow

if TYPE_CHECKING:
    from epay_desktop.store.tx import Tx

__all__ = ["InvalidShopSetting", "ShopSettingsRepo"]


class InvalidShopSetting(ConsoleError):
    """A shop setting was given a value it cannot take; the message says what would be accepted."""


_UPSERT = text(
    "INSERT INTO shop_settings (key, value) VALUES (:key, :value) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


class ShopSettingsRepo:
    """``tx.settings``."""

    def __init__(self, tx: Tx) -> None:
        self._s = tx.session

    def get(self, key: str, default: str | None = None) -> str | None:
        """The stored value of ``key``, else ``default``."""
        stored = self._s.execute(
            select(ShopSettingRow.value).where(ShopSettingRow.key == key)
        ).scalar_one_or_none()
        return default if stored is None else stored

    def set(self, key: str, value: str) -> str:
        """Store ``value`` under ``key`` (in the caller's transaction) and return it.

        Raises :class:`InvalidShopSetting` for a key that is not 1 to 64 characters (the column).
        The caller checks the value against its declaration and writes the audit entry.
        """
        if not 1 <= len(key) <= 64:
            raise InvalidShopSetting(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP("store", "setting name {key} must be 1 to 64 characters"),
                    key=repr(key),
                )
            )
        self._s.execute(_UPSERT, {"key": key, "value": value})
        return value

    def all(self) -> dict[str, str]:
        """Every stored key and its value."""
        rows = self._s.execute(select(ShopSettingRow.key, ShopSettingRow.value))
        return {key: value for key, value in rows}  # noqa: C416 - rows, not pairs, to a type checker
