"""A shift's X or Z report in a window, readable at the counter (issue 13, item 4; decision 0113).

The window shows the report as :class:`~epay_desktop.ui.shifts.report_page.ReportPage` draws it (in the
reader's language) in a scroll area, with the report's paper language beside Print, Save as PDF…, Save as
CSV… and Close.

Print goes to this register's receipt printer (``PrintingService.print_shift_report``); without one
the system print dialog prints the A4 report (the same PDF as Save as PDF…). Save as PDF… and Save as
CSV… write through ``ShiftService.save_pdf`` / ``save_csv`` to a file chosen in the save dialog
(which starts where a shift report was saved last).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.receipts.printers import Outcome
from epay_desktop.receipts.printers import PrinterProfile
from epay_desktop.safe_files import UnsafeFilePath
from epay_desktop.safe_files import check_target
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import action_slot
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.labels import ui_language
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.save_dialog import ask_save_path
from epay_desktop.ui.common.save_dialog import save_file
from epay_desktop.ui.common.save_dialog import why_not_saved
from epay_desktop.ui.common.screen_fit import size_for_screen
from epay_desktop.ui.receipts.preview import LANGUAGES
from epay_desktop.ui.receipts.preview import SystemPrintDialog
from epay_desktop.ui.receipts.preview import load_pdf
from epay_desktop.ui.receipts.preview import prepare_printer
from epay_desktop.ui.receipts.preview import print_document
from epay_desktop.ui.receipts.thermal import outcome_text
from epay_desktop.ui.receipts.thermal import register_printer
from epay_desktop.ui.widgets.form_parts import text_label

if TYPE_CHECKING:
    from epay_desktop.services.printing import PrintingService
    from epay_desktop.services.shifts.service import ShiftService
from epay_desktop.ui.shifts.report_page import ReportPage

__all__ = ["ShiftReportDialog"]

log = logging.getLogger(__name__)

_SAVE_KIND = "shift_reports"  # the folder a shift report was saved to last (file_places)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShiftReportDialog", text)


# -- the window ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _FileKind:
    """One way to save the report: the save dialog's words and the service's writer."""

    title: str
    name_filter: str
    suffix: str
    write: _Writer


class _Writer(Protocol):
    """``ShiftService.save_pdf`` / ``save_csv``: the report in ``language`` written to ``path``."""

    def __call__(
        self, path: Path, report: ShiftReport, *, language: ReceiptLanguage | str = ...
    ) -> Awaitable[Path]: ...


class ShiftReportDialog(QDialog):
    """One shift's X or Z report with Print, Save as PDF…, Save as CSV… and Close.

    ``ShiftReportDialog(report, shifts, printing=None, parent=None)``:

    * ``report``: what ``ctx.shifts.x_report()``, ``close()`` or ``report(shift_id)`` returned;
    * ``shifts``: ``ctx.shifts`` (Save as PDF/CSV, and the A4 PDF an office printer prints);
    * ``printing``: ``ctx.printing``: Print sends the report to this register's receipt printer;
      without one (or None) the system print dialog prints the A4 report.

    ``await ShiftReportDialog.show_report(parent, report, shifts, printing)`` shows it until it is
    closed (``open()`` + ``finished``, never ``exec()``) and deletes it after. Nothing in it changes the
    shift: it only shows, prints and saves the report it was given.
    """

    def __init__(
        self,
        report: ShiftReport,
        shifts: ShiftService,
        printing: PrintingService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shift_report_dialog")
        self.report = report
        self._shifts, self._printing = shifts, printing
        self.printer: QPrinter | None = None  # kept: a collected QPrinter crashes its dialog (stack-notes 10)
        self._documents: list[QPdfDocument] = []  # a printed PDF stays alive until the window goes
        self.page_scroll = named(QScrollArea(), "shift_report_scroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page = ReportPage(report)
        self.page_scroll.setWidget(self.page)
        self.page_scroll.viewport().installEventFilter(self)
        self.status_label = text_label("shift_report_status")
        self.language_combo = named(QComboBox(), "shift_report_language")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code.value)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(ui_language())))
        self.language_combo.setToolTip(
            _tr("The language of the printed report and of its PDF and CSV files.")
        )
        language_label = QLabel(_tr("Report &language:"))
        language_label.setBuddy(self.language_combo)
        self.print_button = named(QPushButton(_tr("&Print\u2026")), "shift_report_print")
        self.print_button.setDefault(True)
        self.save_pdf_button = named(QPushButton(_tr("Save as P&DF\u2026")), "shift_report_save_pdf")
        self.save_csv_button = named(QPushButton(_tr("Save as &CSV\u2026")), "shift_report_save_csv")
        self.close_button = named(QPushButton(_tr("Close")), "shift_report_close")
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()  # the language sits with the print controls, as on the receipt window
        buttons.addWidget(language_label)
        buttons.addWidget(self.language_combo)
        buttons.addStretch(1)
        for button in (self.save_pdf_button, self.save_csv_button, self.close_button, self.print_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_scroll, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.save_pdf_button.clicked.connect(self.on_save_pdf_button_clicked)
        self.save_csv_button.clicked.connect(self.on_save_csv_button_clicked)
        self.close_button.clicked.connect(self.accept)
        self._retitle()
        on_language_change(self, self._retranslate)
        self.resize(size_for_screen(self, QSize(1100, 780)))

    @classmethod
    async def show_report(
        cls,
        parent: QWidget | None,
        report: ShiftReport,
        shifts: ShiftService,
        printing: PrintingService | None = None,
    ) -> None:
        """Show ``report`` until it is closed; the window is deleted after. Print says whether it goes
        straight to this register's receipt printer (no ellipsis: nothing more is asked)."""
        dialog = cls(report, shifts, printing, parent)
        dialog.set_thermal(await register_printer(printing) is not None)
        await run_dialog_once(dialog)

    def set_thermal(self, thermal: bool) -> None:
        """Print goes to the register's receipt printer (``thermal``) or through the system dialog."""
        self.print_button.setText(_tr("&Print") if thermal else _tr("&Print\u2026"))

    def _retitle(self) -> None:
        title = (
            _tr("Z report \u2014 shift {shift}")
            if self.report.kind is ReportKind.Z
            else _tr("X report \u2014 shift {shift}")
        )
        self.setWindowTitle(title.format(shift=self.report.shift.label))

    def _retranslate(self) -> None:
        """After a language switch: the page is drawn again in the new language (where it was scrolled)."""
        self._retitle()
        where = self.page_scroll.verticalScrollBar().value()
        old = self.page_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.page = ReportPage(self.report)
        self.page.fit(self.page_scroll.viewport().width())
        self.page_scroll.setWidget(self.page)
        self.page_scroll.verticalScrollBar().setValue(where)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The page's viewport was resized (the window was, or its scroll bar came or went): the
        figures side by side or stacked to fit it."""
        if event.type() == QEvent.Type.Resize and watched is self.page_scroll.viewport():
            self.page.fit(self.page_scroll.viewport().width())
        return super().eventFilter(watched, event)

    def _say(self, text: str, *, trouble: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(theme.style("error_label") if trouble else "")

    @property
    def paper_language(self) -> ReceiptLanguage:
        """The language chosen for the printed report and its PDF."""
        return ReceiptLanguage(str(self.language_combo.currentData()))

    def _file_name(self, suffix: str) -> str:
        shift = self.report.shift
        return f"shift-{shift.register_id}-{shift.number}-{self.report.kind.value}.{suffix}"

    # -- what the buttons ask (tests may replace choose_printer, as for receipts) ------------------

    async def choose_printer(self) -> QPrinter | None:
        """The system print dialog for the A4 report (this register has no receipt printer)."""
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(self._file_name("pdf"))
        result = await run_dialog_once(SystemPrintDialog(self.printer, self))
        return self.printer if result == QDialog.DialogCode.Accepted else None

    async def choose_save_path(self, kind: _FileKind) -> Path | None:
        """Qt's save dialog, starting where a shift report was saved last, else Documents."""
        return await ask_save_path(
            self,
            title=kind.title,
            name="save_shift_report_dialog",
            name_filter=kind.name_filter,
            suffix=kind.suffix,
            kind=_SAVE_KIND,
            file_name=self._file_name(kind.suffix),
        )

    # -- printing ---------------------------------------------------------------------------------

    @action_slot(busy=("save_pdf_button", "save_csv_button"))
    async def on_print_button_clicked(self) -> None:
        printer = await register_printer(self._printing)
        if not shiboken6.isValid(self):
            return
        if printer is not None and self._printing is not None:
            await self._print_thermal(self._printing, printer)
        else:
            await self._print_on_paper()

    async def _print_thermal(self, printing: PrintingService, printer: PrinterProfile) -> None:
        """On this register's receipt printer; what the printer did is said (out of paper, cover open...)."""
        self._say(_tr("Printing on {printer}\u2026").format(printer=printer.name))
        outcome = await printing.print_shift_report(self.report, lang=self.paper_language, name=printer.name)
        if not shiboken6.isValid(self):
            return
        said = outcome_text(outcome)
        log.info(
            "event=shift_report_printed shift=%s kind=%s outcome=%s",
            self.report.shift.label,
            self.report.kind.value,
            outcome.outcome.value,
        )
        if outcome.outcome is Outcome.PRINTED:
            done = _tr("Printed on {printer}.").format(printer=printer.name)
            self._say(" ".join(t for t in (done, said) if t))
            self.set_thermal(True)
        else:
            self._say(
                said or _tr("The printer did not say whether it printed."),
                trouble=outcome.outcome is Outcome.FAILED,
            )
            self.print_button.setText(_tr("Print &again"))

    async def _print_on_paper(self) -> None:
        """No receipt printer here: the A4 report through the system print dialog."""
        self._say(
            _tr(
                "This register has no receipt printer (a manager adds one in Settings > Receipt printers): "
                "choose a printer for the A4 report, or save it as PDF."
            )
        )
        pdf = await asyncio.to_thread(_render_pdf, self.report, self.paper_language)
        if not shiboken6.isValid(self):
            return
        document = load_pdf(pdf)
        self._documents.append(document)
        printer = await self.choose_printer()
        if printer is None or not shiboken6.isValid(self):
            return
        prepare_printer(printer, ReceiptWidth.A4, document)
        pages = print_document(document, printer)
        log.info(
            "event=shift_report_printed shift=%s kind=%s pages=%d",
            self.report.shift.label,
            self.report.kind.value,
            pages,
        )
        self._say(_tr("Sent to the printer."))

    # -- saving -----------------------------------------------------------------------------------

    @action_slot(busy=("print_button", "save_csv_button"))
    async def on_save_pdf_button_clicked(self) -> None:
        await self._save(
            _FileKind(
                _tr("Save the shift report as PDF"), _tr("PDF files (*.pdf)"), "pdf", self._shifts.save_pdf
            )
        )

    @action_slot(busy=("print_button", "save_pdf_button"))
    async def on_save_csv_button_clicked(self) -> None:
        await self._save(
            _FileKind(
                _tr("Save the shift report as CSV"), _tr("CSV files (*.csv)"), "csv", self._shifts.save_csv
            )
        )

    async def _save(self, kind: _FileKind) -> None:
        path = await self.choose_save_path(kind)
        if path is None or not shiboken6.isValid(self):
            return
        saved = await save_file(self, self._write(kind, path), self._not_saved)
        if saved is None:
            return
        log.info(
            "event=shift_report_saved shift=%s kind=%s format=%s",
            self.report.shift.label,
            self.report.kind.value,
            kind.suffix,
        )
        if shiboken6.isValid(self):
            self._say(_tr("Saved to {path}").format(path=str(saved)))

    async def _write(self, kind: _FileKind, path: Path) -> Path:
        """The report in the paper's language at ``path``; a link, pipe, device or folder there is refused
        before anything is drawn or written (decision 0069)."""
        check_target(path)
        return await kind.write(path, self.report, language=self.paper_language)

    def _not_saved(self, exc: UnsafeFilePath | OSError) -> None:
        self._say(_tr("Could not save: {why}").format(why=why_not_saved(exc)), trouble=True)


def _render_pdf(report: ShiftReport, language: ReceiptLanguage) -> bytes:
    """The A4 report (what Save as PDF… writes) for the system print dialog; reportlab loads now."""
    from epay_desktop.receipts.shift_pdf import render_shift_pdf

    return render_shift_pdf(report, language)
