"""Export payments to CSV (managers and admins): a period of Kazakhstan days, the columns, a file.

The file is chosen with a Save dialog that starts in the last folder used, else the user's
Documents (``file_places``, kind ``exports``). Writing goes through ``PaymentQueries.export_csv``
(the CLI's ``export`` uses the same): amounts as decimal tenge text, a temporary file renamed into
place, so a failure leaves the old file (or none) and never half a file. The columns chosen are
remembered in the console's ``ui.ini`` (``file_places.ui_settings``; docs/decisions/0017).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.domain.bounds import EARLIEST_DATE
from epay_desktop.safe_files import UnsafeFilePath
from epay_desktop.services.payments.queries import CSV_COLUMNS
from epay_desktop.ui.common.asyncqt import show_error
from epay_desktop.ui.common.buttons import dialog_buttons
from epay_desktop.ui.common.file_places import remember_folder
from epay_desktop.ui.common.file_places import start_folder
from epay_desktop.ui.common.formatting import KAZAKHSTAN
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.save_dialog import ask_save_path
from epay_desktop.ui.common.save_dialog import save_file
from epay_desktop.ui.common.save_dialog import why_not_saved
from epay_desktop.ui.common.work_dialog import WorkDialog
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from epay_desktop.services.payments.queries import PaymentQueries

__all__ = ["COLUMN_LABELS", "ExportDialog", "ExportResult", "export_error_text"]

_C = "ExportDialog"
COLUMNS_KEY = "export/columns"
FOLDER_KIND = "exports"

#: What each CSV column is called on screen (the file keeps the stable names of CSV_COLUMNS).
COLUMN_LABELS: dict[str, str] = {
    "invoice_id": QT_TRANSLATE_NOOP("ExportDialog", "Invoice"),
    "created_at_utc": QT_TRANSLATE_NOOP("ExportDialog", "Created (UTC)"),
    "status": QT_TRANSLATE_NOOP("ExportDialog", "Status"),
    "amount": QT_TRANSLATE_NOOP("ExportDialog", "Amount"),
    "gateway_amount": QT_TRANSLATE_NOOP("ExportDialog", "Amount at the bank"),
    "refunded": QT_TRANSLATE_NOOP("ExportDialog", "Refunded"),
    "currency": QT_TRANSLATE_NOOP("ExportDialog", "Currency"),
    "card_mask": QT_TRANSLATE_NOOP("ExportDialog", "Card (masked)"),
    "card_type": QT_TRANSLATE_NOOP("ExportDialog", "Card type"),
    "rrn": QT_TRANSLATE_NOOP("ExportDialog", "RRN"),
    "approval_code": QT_TRANSLATE_NOOP("ExportDialog", "Approval code"),
    "reason_code": QT_TRANSLATE_NOOP("ExportDialog", "Decline code"),
    "reason": QT_TRANSLATE_NOOP("ExportDialog", "Decline reason"),
    "description": QT_TRANSLATE_NOOP("ExportDialog", "Description"),
    "transaction_id": QT_TRANSLATE_NOOP("ExportDialog", "Bank transaction id"),
    "register_id": QT_TRANSLATE_NOOP("ExportDialog", "Counter"),
    "cashier": QT_TRANSLATE_NOOP("ExportDialog", "Cashier"),
}
_PERIODS = (
    ("today", QT_TRANSLATE_NOOP("ExportDialog", "Today")),
    ("yesterday", QT_TRANSLATE_NOOP("ExportDialog", "Yesterday")),
    ("month", QT_TRANSLATE_NOOP("ExportDialog", "This month")),
    ("last_month", QT_TRANSLATE_NOOP("ExportDialog", "Last month")),
    ("custom", QT_TRANSLATE_NOOP("ExportDialog", "Chosen days")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int
    first_day: date
    last_day: date


def export_error_text(exc: OSError, path: Path) -> str:
    """What went wrong writing ``path``, in words that say what to do; nothing was written."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _tr("The disk is full: the file was not written. Free some space or choose another drive.")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _tr(
            "The console may not write in {folder}: the file was not written. Choose another folder."
        ).format(folder=path.parent)
    if code == errno.ENOENT:
        return _tr("The folder {folder} does not exist: choose another one.").format(folder=path.parent)
    if code == errno.EISDIR:
        return _tr("{path} is a folder: give the file a name.").format(path=path)
    return _tr("The file {path} could not be written ({reason}); nothing was written.").format(
        path=path, reason=exc.strerror or type(exc).__name__
    )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def _day_start(day: date) -> datetime:
    """Midnight starting ``day`` in Kazakhstan, as aware UTC."""
    return datetime.combine(day, time(), KAZAKHSTAN).astimezone(UTC)


def period_days(key: str, today: date) -> tuple[date, date] | None:
    """(first, last) day of a preset period (both inclusive); None for "custom"."""
    if key == "today":
        return today, today
    if key == "yesterday":
        day = today - timedelta(days=1)
        return day, day
    first = today.replace(day=1)
    if key == "month":
        return first, today
    if key == "last_month":
        last = first - timedelta(days=1)
        return last.replace(day=1), last
    return None


class ExportDialog(WorkDialog[ExportResult]):
    """Period, columns, then "Export…" asks for the file and writes it. :meth:`ask` is the entry point."""

    def __init__(
        self,
        parent: QWidget | None,
        exporter: PaymentQueries,
        *,
        today: date,
        settings: QSettings,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(_tr("Export payments to CSV"))
        self._exporter = exporter
        self._settings = settings
        self._today = today
        self.period_combo = named(QComboBox(), "period_combo")
        for key, label in _PERIODS:
            self.period_combo.addItem(_tr(label), key)
        self.since_edit = named(QDateEdit(), "since_edit")
        self.until_edit = named(QDateEdit(), "until_edit")
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setMaximumDate(_qdate(today))
            edit.setMinimumDate(_qdate(EARLIEST_DATE))  # as on the command line (decision 0074)
            edit.dateChanged.connect(self._on_date_edited)
        dates = QHBoxLayout()
        dates.addWidget(self.since_edit)
        dates.addWidget(QLabel("—"))
        dates.addWidget(self.until_edit)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(_tr("Period"), self.period_combo)
        form.addRow(_tr("Days (Kazakhstan time)"), dates)
        remembered = self._remembered_columns()
        self.column_boxes: dict[str, QCheckBox] = {}
        box = QGroupBox(_tr("Columns"))
        grid = QGridLayout(box)
        for n, name in enumerate(CSV_COLUMNS):
            check = named(QCheckBox(_tr(COLUMN_LABELS[name])), f"column_{name}")
            check.setChecked(name in remembered)
            check.toggled.connect(self.update_state)
            self.column_boxes[name] = check
            grid.addWidget(check, n // 2, n % 2)
        self.buttons, self.export_button = dialog_buttons(
            self, QDialogButtonBox.StandardButton.Cancel, _tr("Export…"), "export_button", self.submit
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.period_combo.currentIndexChanged.connect(self._on_period_changed)
        self._on_period_changed()
        self.update_state()

    # -- state -----------------------------------------------------------------------------------

    def columns(self) -> list[str]:
        return [name for name in CSV_COLUMNS if self.column_boxes[name].isChecked()]

    def days(self) -> tuple[date, date]:
        first, last = _pydate(self.since_edit.date()), _pydate(self.until_edit.date())
        return min(first, last), max(first, last)

    def problem(self) -> str:
        if not self.columns():
            return _tr("Tick at least one column.")
        return ""

    def update_state(self) -> None:
        problem = self.problem()
        self.export_button.setEnabled(not problem and not self.busy)
        self.hint_label.setText(problem)
        self.hint_label.setVisible(bool(problem))

    def _remembered_columns(self) -> set[str]:
        saved = self._settings.value(COLUMNS_KEY, "")
        names = {n for n in str(saved or "").split(",") if n in CSV_COLUMNS}
        return names or set(CSV_COLUMNS)

    def _on_period_changed(self, _index: int = 0) -> None:
        days = period_days(str(self.period_combo.currentData()), self._today)
        if days is None:
            return
        for edit, day in zip((self.since_edit, self.until_edit), days, strict=True):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _on_date_edited(self, _date: QDate) -> None:
        custom = self.period_combo.findData("custom")
        if self.period_combo.currentIndex() != custom:
            self.period_combo.blockSignals(True)
            self.period_combo.setCurrentIndex(custom)
            self.period_combo.blockSignals(False)

    def suggested_path(self) -> Path:
        first, last = self.days()
        name = f"payments-{first.isoformat()}.csv" if first == last else f"payments-{first}_{last}.csv"
        return start_folder(FOLDER_KIND) / name

    # -- export ----------------------------------------------------------------------------------

    async def work(self) -> None:
        """Ask for the file, then write it (once: :meth:`submit`)."""
        try:
            path = await ask_save_path(
                self,
                title=_tr("Save the CSV file"),
                name="export_file_dialog",
                name_filter=_tr("CSV files (*.csv)"),
                suffix="csv",
                kind=FOLDER_KIND,
                file_name=self.suggested_path().name,
                remember=False,  # only once the file is written (below)
            )
            if path is None or not shiboken6.isValid(self):
                return
            await self._export(path)
        finally:
            self.work_ended()

    async def _export(self, path: Path) -> None:
        first, last = self.days()
        columns = self.columns()
        rows = await save_file(
            self, self._write(path, first, last, columns), lambda exc: self._not_saved(exc, path)
        )
        if rows is None:
            return
        self._settings.setValue(COLUMNS_KEY, ",".join(columns))
        self._settings.sync()
        remember_folder(FOLDER_KIND, path.parent)
        self.close_with(ExportResult(path, rows, first, last))

    async def _write(self, path: Path, first: date, last: date, columns: list[str]) -> int:
        """The payments of the days ``first`` to ``last`` at ``path`` (the rows written); the service
        refuses a link, pipe or device there (decision 0069), a folder is said in this window's words."""
        if path.is_dir() and not path.is_symlink():
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        return await self._exporter.export_csv(
            path, _day_start(first), _day_start(last + timedelta(days=1)), columns=columns
        )

    def _not_saved(self, exc: UnsafeFilePath | OSError, path: Path) -> None:
        self.show_error(
            why_not_saved(exc) if isinstance(exc, UnsafeFilePath) else export_error_text(exc, path)
        )

    @classmethod
    async def ask(
        cls,
        parent: QWidget | None,
        actor: User,
        exporter: PaymentQueries,
        *,
        clock: Callable[[], datetime],
        settings: QSettings,
    ) -> ExportResult | None:
        """Show the dialog; what was written, or None (cancelled, or a cashier, who is refused)."""
        if not actor.role.can_move_money:
            show_error(parent, _tr("Only a manager or an administrator can export payments."))
            return None
        today = clock().astimezone(KAZAKHSTAN).date()
        dialog = cls(parent, exporter, today=today, settings=settings)
        return await dialog.answer()
