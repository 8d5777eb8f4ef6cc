"""A table to read, not to type in: the lists and figures the console shows in rows (users, printers,
shifts, a report's figures), each window keeping its own column sizes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QTableWidget

from epay_desktop.ui.common.naming import named

__all__ = ["read_only", "read_only_table"]

_View = TypeVar("_View", bound=QTableView)
_Selection = QAbstractItemView.SelectionMode


def read_only(view: _View, selection: _Selection = _Selection.SingleSelection) -> _View:
    """``view`` as a table to read: no cell is edited in place, rows carry no numbers, and a click picks a
    whole row (``selection``: one row, several, or ``NoSelection``: none)."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.verticalHeader().hide()
    return view


def read_only_table(
    name: str, heads: Sequence[str], *, rows: int = 0, selection: _Selection = _Selection.SingleSelection
) -> QTableWidget:
    """A :func:`read_only` table named ``name`` with ``rows`` empty rows under the column ``heads``
    (translated by the caller, in its own context)."""
    table = read_only(named(QTableWidget(rows, len(heads)), name), selection)
    table.setHorizontalHeaderLabels(list(heads))
    return table
