"""The two pieces the console's windows share for files and tables: a save that is refused or fails is
said in the window (a refusal in a message box too) and nothing else happens; a read-only table is
never edited in place and picks whole rows."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QWidget

from epay_desktop.safe_files import UnsafeFilePath
from epay_desktop.safe_files import check_target
from epay_desktop.ui.common.save_dialog import save_file
from epay_desktop.ui.common.save_dialog import why_not_saved
from epay_desktop.ui.widgets.read_only_table import read_only
from epay_desktop.ui.widgets.read_only_table import read_only_table
from tests.support.file_dialogs import refusal


async def _refused(path: Path) -> Path:
    return check_target(path)  # a folder at the path: refused


async def _disk_full() -> Path:
    raise OSError(errno.ENOSPC, "No space left on device")


async def _written(path: Path) -> Path:
    return path


def test_a_refused_save_is_said_in_the_window_and_in_a_box(qtbot: Any, arun: Any, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    said: list[str] = []
    assert arun(save_file(window, _refused(tmp_path), lambda exc: said.append(why_not_saved(exc)))) is None
    box = refusal(window)
    assert box is not None and "is a folder" in box.text() and "nothing was written" in box.text()
    assert said == [box.text()]  # the same sentence under the form
    box.accept()


def test_a_failed_save_is_said_in_the_system_words_only(qtbot: Any, arun: Any, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    said: list[UnsafeFilePath | OSError] = []
    assert arun(save_file(window, _disk_full(), said.append)) is None
    assert [why_not_saved(exc) for exc in said] == ["No space left on device"]
    assert refusal(window) is None
    assert arun(save_file(window, _written(tmp_path / "a.txt"), said.append)) == tmp_path / "a.txt"
    assert len(said) == 1  # a save that worked says nothing here


def test_a_read_only_table_picks_whole_rows_and_edits_nothing(qtbot: Any) -> None:
    table = read_only_table("figures", ["Cashier", "Takings"], rows=2)
    qtbot.addWidget(table)
    assert (table.objectName(), table.rowCount(), table.columnCount()) == ("figures", 2, 2)
    assert table.horizontalHeaderItem(1).text() == "Takings" and table.verticalHeader().isHidden()
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.selectionBehavior() is QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() is QAbstractItemView.SelectionMode.SingleSelection
    view = read_only(QTableView(), QAbstractItemView.SelectionMode.NoSelection)
    qtbot.addWidget(view)
    assert view.selectionMode() is QAbstractItemView.SelectionMode.NoSelection
