"""Item data roles shared by the console's models and delegates.

``Qt.UserRole`` is the row's key (a payment's InvoiceId, an operation's id).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt

__all__ = ["BadgeRole", "KeyRole", "RecordRole", "SortRole"]

KeyRole: Final = int(Qt.ItemDataRole.UserRole)
#: Raw value to sort by (datetime, int minor units, str), for a QSortFilterProxyModel's sortRole.
SortRole: Final = KeyRole + 1
#: A :class:`epay_desktop.ui.widgets.status_badge.Badge` for the badge delegate (status columns only).
BadgeRole: Final = KeyRole + 2
#: The whole frozen record of the row (Payment, MoneyOp).
RecordRole: Final = KeyRole + 3
