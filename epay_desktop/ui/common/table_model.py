"""What the console's tables share: one column per member of an ``IntEnum``, the header's words
(and row numbers), no children under a row, and money right-aligned in its cells."""

from __future__ import annotations

from enum import IntEnum
from typing import Any
from typing import ClassVar

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt

__all__ = ["MONEY_ALIGNMENT", "ROOT", "ColumnsModel", "Index", "cell_alignment"]

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
#: Amounts line up on their last digit.
MONEY_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TEXT_ALIGNMENT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def cell_alignment(money: bool) -> Qt.AlignmentFlag:
    """A cell's alignment: money right, everything else left (both centred in the row's height)."""
    return MONEY_ALIGNMENT if money else _TEXT_ALIGNMENT


class ColumnsModel(QAbstractTableModel):
    """Subclasses name their ``columns`` and define :meth:`row_total`, :meth:`header_text` and ``data``."""

    columns: ClassVar[type[IntEnum]]
    #: The vertical header numbers the rows from 1 (False: it says nothing).
    row_numbers: ClassVar[bool] = True

    def row_total(self) -> int:
        """How many rows the table has."""
        raise NotImplementedError

    def header_text(self, section: int) -> str:
        """The words over column ``section``, in the language now."""
        raise NotImplementedError

    def header_alignment(self, section: int) -> Qt.AlignmentFlag | None:
        """How the words over column ``section`` are aligned (None: the style's)."""
        return None

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.header_text(section)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self.header_alignment(section)
            return None
        if (
            self.row_numbers
            and orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return section + 1
        # Not super().headerData(): in PySide6 6.12 it over-releases None for invalid results
        # and the process dies later with "none_dealloc" (reproduced with a 20-line script).
        return None
