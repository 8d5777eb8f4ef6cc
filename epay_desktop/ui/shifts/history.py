"""Shift > Shift history…: this register's recent shifts, and each one's report (decision 0113).

The list (newest first, ``ShiftService.recent``): the shift's number, when and by whom it was opened
and closed, and its net. A closed shift's net and names are its Z report's, as kept with it at the
close; the open shift's are its figures so far (an X report: nothing is changed). Open report (Enter,
a double click) shows a closed shift's stored Z report in :class:`ShiftReportDialog`, to read, print
or save again; the open shift has no Z report yet, which is said, and its X report is offered.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain.shifts import Shift
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.ui.common.asyncqt import action_slot
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.screen_fit import size_for_screen
from epay_desktop.ui.common.table_model import cell_alignment
from epay_desktop.ui.shifts.report_page import NOTHING
from epay_desktop.ui.shifts.report_page import signed_money_text
from epay_desktop.ui.shifts.report_view import ShiftReportDialog
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.widgets.read_only_table import read_only

if TYPE_CHECKING:
    from epay_desktop.services.printing import PrintingService
    from epay_desktop.services.shifts.service import ShiftService

__all__ = ["HistoryRow", "OpenReport", "ShiftHistoryDialog", "load_history"]

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShiftHistoryDialog", text)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One shift of the list and the report its names and net come from: the Z report kept with a
    closed shift, the figures so far of the open one (an X report); None when it could not be read
    (the row then shows the shift's own times and no names)."""

    shift: Shift
    report: ShiftReport | None


async def _report_of(shifts: ShiftService, shift: Shift) -> ShiftReport | None:
    try:
        return await (shifts.x_report() if shift.is_open else shifts.report(shift.id))
    except Exception as exc:  # closed at another counter meanwhile, a report unreadable: a row says less
        if user_message_of(exc) is None:
            raise  # a bug: the crash handler
        log.warning(
            "event=shift_history_report_unreadable shift=%s error=%s", shift.label, type(exc).__name__
        )
        return None


async def load_history(shifts: ShiftService) -> list[HistoryRow]:
    """This register's recent shifts (newest first), each with the report its row is read from."""
    return [HistoryRow(shift, await _report_of(shifts, shift)) for shift in await shifts.recent()]


def _cells(row: HistoryRow) -> list[str]:
    """Shift | Opened | Opened by | Closed | Closed by | Net."""
    shift, report = row.shift, row.report
    opened_by = report.opened_by_name if report is not None else NOTHING
    if shift.closed_at is None:
        closed, closed_by = _tr("open now"), ""
    else:
        closed = local_time_text(shift.closed_at)
        closed_by = (report.closed_by_name if report is not None else None) or NOTHING
    if report is None:
        net = NOTHING
    elif shift.is_open:
        net = _tr("{net} so far").format(net=signed_money_text(report.totals.net_minor))
    else:
        net = signed_money_text(report.totals.net_minor)
    return [str(shift.number), local_time_text(shift.opened_at), opened_by, closed, closed_by, net]


_MONEY_COLUMN = 5


#: Shows a report over the list: ``opens(list_window, report)`` (the report window, to print or save it).
OpenReport = Callable[[QWidget, ShiftReport], Awaitable[object]]


class ShiftHistoryDialog(QDialog):
    """The register's recent shifts; Open report shows a closed one's Z report (the open one: its X).

    ``ShiftHistoryDialog(rows, shifts, opens, parent=None)``: ``rows`` from :func:`load_history`;
    ``shifts`` (``ctx.shifts``) makes the open shift's X report; ``opens`` shows a report over the list.
    ``await ShiftHistoryDialog.show_history(parent, shifts, printing)`` reads the list and shows it
    until it is closed (``open()`` + ``finished``), then deletes it; its reports open in
    :class:`ShiftReportDialog` with ``printing`` (``ctx.printing``) for Print.
    """

    def __init__(
        self, rows: list[HistoryRow], shifts: ShiftService, opens: OpenReport, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shift_history_dialog")
        self.rows, self._shifts, self._opens = rows, shifts, opens
        self.note_label = text_label("shift_history_note", "hint_text")
        self.table = read_only(named(QTableWidget(len(rows), 6), "shift_history_table"))  # heads: _fill
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.row_note = text_label("shift_history_row_note", "note_text", hidden=True)  # the open shift's
        self.open_button = named(QPushButton(_tr("&Open report")), "shift_history_open")
        self.open_button.setDefault(True)
        close = named(QPushButton(_tr("Close")), "shift_history_close")
        close.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.row_note)
        layout.addLayout(buttons)
        self._fill()
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_button.click())
        self.table.itemSelectionChanged.connect(self._follow_selection)
        close.clicked.connect(self.accept)
        on_language_change(self, self._fill)
        if rows:
            self.table.selectRow(0)
        self._follow_selection()
        self.resize(size_for_screen(self, QSize(900, 520)))

    @classmethod
    async def show_history(
        cls, parent: QWidget | None, shifts: ShiftService, printing: PrintingService | None = None
    ) -> None:
        """Read the register's recent shifts, then show them until the list is closed."""
        rows = await load_history(shifts)
        if parent is not None and not shiboken6.isValid(parent):
            return

        async def opens(over: QWidget, report: ShiftReport) -> None:
            await ShiftReportDialog.show_report(over, report, shifts, printing)

        await run_dialog_once(cls(rows, shifts, opens, parent))

    def _fill(self) -> None:
        """The title, the notes, the column heads and the rows, in the language now."""
        register = self._shifts.register_id
        self.setWindowTitle(_tr("Shift history \u2014 register {register}").format(register=register))
        if self.rows:
            note = _tr("The newest first. Open a closed shift to read, print or save its Z report again.")
        else:
            note = _tr("No shift has been opened at this register yet (Shift > Open shift).")
        self.note_label.setText(note)
        heads = [_tr("Shift"), _tr("Opened"), _tr("Opened by"), _tr("Closed"), _tr("Closed by"), _tr("Net")]
        self.table.setHorizontalHeaderLabels(heads)
        head = self.table.horizontalHeaderItem(_MONEY_COLUMN)
        if head is not None:
            head.setTextAlignment(cell_alignment(True))
        for r, row in enumerate(self.rows):
            for c, text in enumerate(_cells(row)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(cell_alignment(c == _MONEY_COLUMN))
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for stretched in (2, 4):  # the names take the room left
            header.setSectionResizeMode(stretched, QHeaderView.ResizeMode.Stretch)
        self._follow_selection()

    def selected(self) -> HistoryRow | None:
        """The shift chosen in the list, if any."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.rows[index.row()]

    def _follow_selection(self) -> None:
        """The open shift has no Z report yet: said under the list, and the button offers its X report."""
        row = self.selected()
        self.open_button.setEnabled(row is not None)
        still_open = row is not None and row.shift.is_open
        self.open_button.setText(_tr("Show the &X report") if still_open else _tr("&Open report"))
        self.row_note.setVisible(still_open)
        if row is not None and still_open:
            self.row_note.setText(
                _tr(
                    "Shift {number} is still open: it gets its Z report when it is closed (Shift > Close "
                    "shift). Its X report shows the figures so far and changes nothing."
                ).format(number=row.shift.number)
            )

    @action_slot(busy=("table",))
    async def on_open_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        shift = row.shift
        if shift.is_open:  # its figures now, not when the list was read
            report = await self._shifts.x_report()
        else:
            report = row.report if row.report is not None else await self._shifts.report(shift.id)
        if shiboken6.isValid(self):
            await self._opens(self, report)
