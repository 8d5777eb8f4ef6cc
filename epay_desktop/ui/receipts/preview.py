"""Receipt preview (QtPdf), printing through the system print dialog, and "Save as PDF".

The preview comes from ``ReceiptService.preview_receipt`` (nothing recorded); the first Print or
Save issues the receipt with ``ReceiptService.issue_receipt``, which decides whether it is a
duplicate (the slip then says so), and this module prints or saves exactly the issued bytes.
Printing renders each PDF page to an image at the printer's resolution (capped: a thermal head
has about 203 dpi) on a page of the receipt's own size: 80 mm or 58 mm wide rolls (height from
the PDF) or A4. Print goes straight to the receipt printer chosen in Settings when it is installed
(decision 0016); otherwise, or with "Other printer…", the system print dialog asks.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QBuffer
from PySide6.QtCore import QByteArray
from PySide6.QtCore import QIODevice
from PySide6.QtCore import QMarginsF
from PySide6.QtCore import QObject
from PySide6.QtCore import QRect
from PySide6.QtCore import QSize
from PySide6.QtCore import QSizeF
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtGui import QPageLayout
from PySide6.QtGui import QPageSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import User
from epay_desktop.domain.receipts import ReceiptDraft
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRecord
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts.printers import Outcome
from epay_desktop.receipts.printers import PrinterError
from epay_desktop.safe_files import UnsafeFilePath
from epay_desktop.safe_files import check_target
from epay_desktop.services.printing import paper_width
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import action_slot
from epay_desktop.ui.common.asyncqt import message_text
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import start_action
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.save_dialog import ask_save_path
from epay_desktop.ui.common.save_dialog import save_file
from epay_desktop.ui.common.save_dialog import why_not_saved
from epay_desktop.ui.receipts.thermal import ThermalPrinting
from epay_desktop.ui.receipts.thermal import outcome_text
from epay_desktop.ui.receipts.thermal import register_printer

if TYPE_CHECKING:
    from epay_desktop.domain.i18n import Message
    from epay_desktop.receipts.printers import PrinterProfile
    from epay_desktop.services.receipts import ReceiptService

__all__ = [
    "LANGUAGES",
    "ReceiptDialog",
    "ReceiptPreview",
    "installed_printers",
    "load_pdf",
    "page_size_for",
    "print_document",
]

log = logging.getLogger(__name__)

_MM_PER_POINT = 25.4 / 72
_MAX_RENDER_DPI = 300


def load_pdf(pdf: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument over ``pdf`` (read from a QBuffer owned by the document). Raises ValueError."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)  # must live as long as the document reads from it
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise ValueError(f"the receipt PDF could not be read ({document.error()})")
    return document


def page_size_for(width: ReceiptWidth | str, document: QPdfDocument) -> QPageSize:
    """The paper for a receipt: A4, or a roll as wide as the receipt and as long as its first page."""
    if ReceiptWidth(width) is ReceiptWidth.A4:
        return QPageSize(QPageSize.PageSizeId.A4)
    points = document.pagePointSize(0)
    size_mm = QSizeF(points.width() * _MM_PER_POINT, points.height() * _MM_PER_POINT)
    name = "Receipt 80 mm" if ReceiptWidth(width) is ReceiptWidth.MM80 else "Receipt 58 mm"
    return QPageSize(size_mm, QPageSize.Unit.Millimeter, name, QPageSize.SizeMatchPolicy.ExactMatch)


def prepare_printer(printer: QPrinter, width: ReceiptWidth | str, document: QPdfDocument) -> None:
    """Set the paper to the receipt's size, portrait, no margins (the PDF has its own)."""
    layout = QPageLayout(
        page_size_for(width, document), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )
    printer.setPageLayout(layout)
    printer.setFullPage(True)
    printer.setDocName("receipt")


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Render every page onto ``printer`` (one PDF page per paper page); returns the pages printed."""
    res = printer.resolution()
    dpi = min(res, _MAX_RENDER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            image = document.render(
                index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            )
            # true size on paper (an 80 mm slip stays 80 mm wide on A4), shrunk only if it does not fit
            natural = QSize(round(points.width() * res / 72), round(points.height() * res / 72))
            target = printer.pageLayout().paintRectPixels(res)
            if natural.width() > target.width() or natural.height() > target.height():
                natural = natural.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            left = target.left() + (target.width() - natural.width()) // 2
            painter.drawImage(QRect(left, target.top(), natural.width(), natural.height()), image)
    finally:
        painter.end()
    return document.pageCount()


def installed_printers() -> list[str]:
    """The printers this computer has now (a receipt printer may have been unplugged or removed)."""
    return list(QPrinterInfo.availablePrinterNames())


class SystemPrintDialog(QPrintDialog):
    """QPrintDialog whose ``open()`` is QDialog's: PySide6 only exposes ``open(receiver, member)`` on it."""

    def open(self, *args: object) -> None:
        if args:
            super().open(*args)  # type: ignore[arg-type]
        else:
            QDialog.open(self)


class ReceiptPreview(QPdfView):
    """A scrollable preview of a receipt PDF, the whole slip in view (pages render in a Qt thread)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent) if parent is not None else super().__init__()
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.setStyleSheet(theme.style("pdf_preview"))

    def show_pdf(self, pdf: bytes) -> QPdfDocument:
        # Not a child of the view: Qt 6.12 crashes deleting a QPdfView whose document is its own child.
        # Python owns it (kept here) and it outlives the view.
        document = load_pdf(pdf)
        self.setDocument(document)
        self._document = document
        return document


#: The receipt languages offered, each named in itself (as language pickers do; not translated).
LANGUAGES: tuple[tuple[ReceiptLanguage, str], ...] = (
    (ReceiptLanguage.KK, "Қазақша"),
    (ReceiptLanguage.RU, "Русский"),
    (ReceiptLanguage.EN, "English"),
)


class ReceiptDialog(QDialog):
    """Preview of a receipt with its language, Print (default: Enter prints), Save as PDF and Close.

    Opening it records nothing: the preview comes from ``ReceiptService.preview_receipt`` and has
    no number. The first Print or Save issues the receipt (``issue_receipt``: its number, and
    DUPLICATE when one was printed before), shows the issued slip and prints or saves exactly
    that; later Print/Save in the same dialog output the same issued receipt. Closing without
    either leaves no trace (decision 0022). The language can be changed until the receipt is issued.
    """

    def __init__(
        self,
        actor: User,
        request: ReceiptRequest,
        draft: ReceiptDraft,
        receipts: ReceiptService,
        parent: QWidget | None = None,
        printer_name: str = "",
        thermal: tuple[ThermalPrinting, PrinterProfile] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receipt_dialog")
        #: who prints, and which receipt (the language and width follow the preview shown)
        self.actor, self.request, self.draft, self._receipts = actor, request, draft, receipts
        #: This register's thermal printer (decision 0109): Print sends the receipt to it, not to a dialog.
        self.thermal = thermal
        self._pdf_issued = False  # whether ``pdf`` is the issued receipt's (a thermal print has none)
        #: The receipt printer chosen in Settings ("" = ask every time): Print goes straight to it.
        self.printer_name = printer_name.strip()
        self._ask_printer = False  # "Other printer…": the print dialog asks this time
        self.sent_to = ""  # the Settings printer the last Print went to ("" = the one the dialog chose)
        self.record: ReceiptRecord | None = None
        self.pdf = draft.pdf  # the PDF on screen: the preview until issued, then the issued one
        self.printer: QPrinter | None = None  # kept: a collected QPrinter crashes its dialog (stack-notes 10)
        self._documents: list[QPdfDocument] = []  # every document shown stays alive until the dialog goes
        self._issuing = False
        self.preview = ReceiptPreview()
        self.document = self._show(draft.pdf)
        self.title = QLabel()
        self.title.setObjectName("receipt_title")
        self.title.setFont(QFont(self.font().family(), self.font().pointSize() + 4, QFont.Weight.Bold))
        self.duplicate_label = QLabel(self.tr("DUPLICATE (reprint)"))
        self.duplicate_label.setObjectName("duplicate")
        self.duplicate_label.setStyleSheet(theme.style("duplicate_stamp"))
        self.note_label = QLabel()
        self.note_label.setObjectName("receipt_note")
        self.note_label.setWordWrap(True)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("receipt_language")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code.value)
        self.language_combo.setCurrentIndex(self.language_combo.findData(draft.language.value))
        language_label = QLabel(self.tr("Receipt &language:"))
        language_label.setBuddy(self.language_combo)
        self.status_label = QLabel()
        self.status_label.setObjectName("receipt_status")
        self.status_label.setWordWrap(True)
        self._said: Callable[[], str] | None = None  # what the status line says, made again after a switch
        self.print_button = QPushButton()
        self._print_text()
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as PDF\u2026"))
        self.other_printer_button = QPushButton(self.tr("Other printer\u2026"))
        self.other_printer_button.setObjectName("other_printer")
        self._printer_tips()
        self.other_printer_button.setVisible(bool(self.printer_name) or thermal is not None)
        close = QPushButton(self.tr("Close"))
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.duplicate_label)
        head.addStretch(1)
        buttons = QHBoxLayout()  # the language sits with the print controls, like a print option
        buttons.addWidget(language_label)
        buttons.addWidget(self.language_combo)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.other_printer_button)
        buttons.addWidget(close)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.note_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.resize(560, 720)
        self._show_state()
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.other_printer_button.clicked.connect(self.on_other_printer_clicked)
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        close.clicked.connect(self.accept)
        on_language_change(self, self._retranslate)  # a switch while it is open

    def _print_text(self) -> None:
        """Print on the register's thermal printer asks nothing more (no ellipsis); else a print
        dialog may follow (always, or when the printer chosen in Settings is not installed)."""
        self.print_button.setText(self.tr("Print") if self.thermal is not None else self.tr("Print\u2026"))

    def _printer_tips(self) -> None:
        name = self.thermal[1].name if self.thermal is not None else self.printer_name
        self.other_printer_button.setToolTip(
            self.tr("Print on another printer than %1 (the receipt printer chosen in Settings).").replace(
                "%1", name
            )
        )
        if name:
            self.print_button.setToolTip(self.tr("Print on %1.").replace("%1", name))

    def _retranslate(self) -> None:
        """After a language switch: the texts composed with the printer, the invoice and the amount, and
        the status line (what the printer said, where the receipt was saved)."""
        self._printer_tips()
        self._show_state()
        if self._said is not None:
            self.status_label.setText(self._said())

    @classmethod
    async def ask(
        cls,
        parent: QWidget | None,
        receipts: ReceiptService,
        actor: User,
        invoice_id: InvoiceId,
        kind: str = "sale",
        money_op_id: str | None = None,
        printer_name: str = "",
        printing: ThermalPrinting | None = None,
    ) -> ReceiptRecord | None:
        """Preview the receipt until the cashier closes it (``open()`` + ``finished``, never ``exec()``).

        Returns the receipt issued by Print/Save, or None when it was closed without either.
        Refusals (not paid, no such refund) are raised before the dialog opens. ``printer_name`` is
        the receipt printer saved in Settings ("" = ask every time). ``printing``: the printing service;
        when this register has a default thermal printer, Print sends the receipt to it.
        """
        request = ReceiptRequest.of(invoice_id, kind, money_op_id=money_op_id)
        printer = await register_printer(printing)
        thermal = (printing, printer) if printing is not None and printer is not None else None
        if printer is not None:  # the preview shows the roll Print sends it to, line for line (0104)
            request = replace(request, width=paper_width(printer))
        draft = await receipts.preview_receipt(actor, request)
        dialog = cls(actor, request, draft, receipts, parent, printer_name=printer_name, thermal=thermal)
        await run_dialog_once(dialog)
        return dialog.record

    def done(self, result: int) -> None:
        """Close, except while a receipt is being issued (a moment): it is then shown and output."""
        if self._issuing:
            return
        super().done(result)

    # -- what is shown ---------------------------------------------------------------------------

    def _show(self, pdf: bytes) -> QPdfDocument:
        document = self.preview.show_pdf(pdf)
        self._documents.append(document)
        return document

    def _show_state(self) -> None:
        draft, record = self.draft, self.record
        refund = draft.content_kind is ReceiptKind.REFUND
        what = self.tr("Refund receipt") if refund else self.tr("Sale receipt")
        self.setWindowTitle(
            self.tr("%1 \u2014 invoice %2, %3")
            .replace("%1", what)
            .replace("%2", draft.invoice_id.value)
            .replace("%3", draft.amount.format())
        )
        duplicate = (record.kind if record is not None else draft.kind) is ReceiptKind.DUPLICATE
        self.duplicate_label.setVisible(duplicate)
        if record is None:
            self.title.setText(self.tr("Receipt preview"))
            if duplicate:
                note = self.tr(
                    "Printed before: printing or saving issues a numbered duplicate. Closing issues nothing."
                )
            else:
                note = self.tr(
                    "The receipt gets its number when you print or save it. Closing issues nothing."
                )
        else:
            self.title.setText(self.tr("Receipt No. %1").replace("%1", record.display_number))
            note = self.tr("Issued. Print or save again here to output this same receipt.")
        self.note_label.setText(note)
        self._lock_language()

    def _lock_language(self) -> None:
        """The language can change until the receipt is issued (busy buttons give it back after)."""
        if self.record is not None:
            self.language_combo.setEnabled(False)
            self.language_combo.setToolTip(
                self.tr("The receipt is issued in this language; print it again for a copy in another one.")
            )

    # -- the language -------------------------------------------------------------------------------

    def _on_language_changed(self, _index: int) -> None:
        start_action(self, "language", self._follow_language, disable=(self.print_button, self.save_button))

    async def _follow_language(self) -> None:
        """Re-render the preview until it matches the language chosen (it may change meanwhile)."""
        while self.record is None:
            wanted = str(self.language_combo.currentData())
            if wanted == self.draft.language.value:
                return
            request = replace(self.request, width=self.draft.width, language=ReceiptLanguage(wanted))
            try:
                draft = await self._receipts.preview_receipt(self.actor, request)
            except Exception:
                if shiboken6.isValid(self):  # the combo says what the preview shows (and would print)
                    self.language_combo.blockSignals(True)
                    self.language_combo.setCurrentIndex(
                        self.language_combo.findData(self.draft.language.value)
                    )
                    self.language_combo.blockSignals(False)
                raise  # shown in words by start_action (or to the crash handler if a bug)
            if not shiboken6.isValid(self):  # closed meanwhile: nothing to show it in
                return
            self.draft, self.pdf = draft, draft.pdf
            self.document = self._show(self.draft.pdf)
            self._show_state()

    # -- issuing ------------------------------------------------------------------------------------

    async def _ensure_issued(self) -> ReceiptRecord:
        """Issue the receipt on the first Print/Save (number, duplicate marking, audit); once per dialog."""
        if self.record is not None and self._pdf_issued:
            return self.record
        request = replace(self.request, width=self.draft.width, language=self.draft.language)
        self._issuing = True  # Esc waits for it: an issued receipt is always shown and output
        try:
            record, pdf = await self._receipts.issue_receipt(self.actor, request)
        finally:
            self._issuing = False
        if not shiboken6.isValid(self):  # the console itself was closed (its window deleted)
            raise asyncio.CancelledError
        self.record, self.pdf, self._pdf_issued = record, pdf, True
        self.document = self._show(pdf)
        self._show_state()
        return record

    # -- what the buttons ask (tests replace these two) ------------------------------------------

    async def choose_printer(self) -> QPrinter | None:
        """The receipt printer chosen in Settings when it is installed (nothing asked); else the
        system print dialog, pre-set to the receipt's paper. None when the dialog is cancelled."""
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name, ask = self.printer_name, self._ask_printer
        missing = bool(name) and not ask and name not in installed_printers()
        self.sent_to = ""
        if name and not ask and not missing:
            self.printer.setPrinterName(name)
            prepare_printer(self.printer, self.draft.width, self.document)
            self.sent_to = name
            return self.printer
        prepare_printer(self.printer, self.draft.width, self.document)
        dialog = SystemPrintDialog(self.printer, self)
        if missing:  # unplugged or removed since Settings: say so, and let the cashier choose
            log.warning("event=receipt_printer_missing")
            self._say(lambda: self._not_installed(name))
            dialog.setWindowTitle(self.tr("Print \u2014 %1 is not installed").replace("%1", name))
        result = await run_dialog_once(dialog)
        return self.printer if result == QDialog.DialogCode.Accepted else None

    async def choose_save_path(self) -> Path | None:
        """The save dialog, starting in the folder receipts were last saved to, else Documents."""
        return await ask_save_path(
            self,
            title=self.tr("Save the receipt as PDF"),
            name="save_receipt_dialog",
            name_filter=self.tr("PDF files (*.pdf)"),
            suffix="pdf",
            kind=_SAVE_KIND,
            file_name=self._file_name(),
        )

    def _file_name(self) -> str:
        if self.record is not None:
            return f"receipt-{self.record.register_id}-{self.record.display_number}.pdf"
        return f"receipt-{self.draft.invoice_id.value}.pdf"

    # -- slots -------------------------------------------------------------------------------------

    @action_slot(busy=("save_button", "language_combo", "other_printer_button"), after="_lock_language")
    async def on_print_button_clicked(self) -> None:
        if self.thermal is not None:
            await self._print_thermal(*self.thermal)
        else:
            await self._print()

    @action_slot(busy=("print_button", "save_button", "language_combo"), after="_lock_language")
    async def on_other_printer_clicked(self) -> None:
        """The system print dialog this once, whatever printer Settings chose."""
        self._ask_printer = True
        try:
            await self._print()
        finally:
            self._ask_printer = False

    async def _print(self) -> None:
        printer = await self.choose_printer()
        if printer is None:
            return  # cancelled: nothing issued, nothing printed
        record = await self._ensure_issued()
        pages = print_document(self.document, printer)  # the paper chosen in the dialog wins
        log.info("event=receipt_printed number=%s pages=%d", record.display_number, pages)
        if self.sent_to:
            sent_to = self.sent_to
            self._say(lambda: self.tr("Sent to %1.").replace("%1", sent_to))
        else:
            self._say(lambda: self.tr("Sent to the printer."))

    async def _print_thermal(self, printing: ThermalPrinting, printer: PrinterProfile) -> None:
        """Ask the printer first: out of paper, cover open or offline is said and nothing is issued.
        Then issue and print (a second print is a duplicate); what the printer did is said, and after
        a failure Print reads "Print again": the receipt stays issued, nothing is lost."""
        name = printer.name
        self._say(lambda: self.tr("Asking %1…").replace("%1", name))
        failure: PrinterError | None = None
        problems: list[Message] = []
        try:
            problems = (await printing.status(name)).problems(warnings=False)
        except PrinterError as exc:  # not reachable: said like any other trouble
            failure = exc

        def trouble() -> str:
            """What stops the print, in the language now."""
            if failure is not None:
                return user_message_of(failure) or str(failure)
            return " ".join(message_text(m) for m in problems)

        if not shiboken6.isValid(self):
            return
        if trouble():
            self._say(lambda: self._not_printed(trouble()), trouble=True)
            self.print_button.setText(self.tr("Print again"))
            return
        self._say(lambda: self.tr("Printing on %1…").replace("%1", name))
        request = replace(self.request, language=self.draft.language)
        self._issuing = True  # Esc waits: an issued receipt is always shown with what the printer did
        try:
            printed = await printing.print_receipt(self.actor, request, printer=printer.name, with_pdf=True)
        finally:
            self._issuing = False
        if not shiboken6.isValid(self):
            return
        self.record, self._pdf_issued = printed.record, printed.pdf is not None
        if printed.pdf is not None:  # the issued slip, as printed on this roll, replaces the draft
            self.pdf = printed.pdf
            self.document = self._show(printed.pdf)
        self._show_state()
        outcome = printed.outcome
        log.info("event=receipt_thermal number=%s outcome=%s", printed.record.display_number, outcome.outcome)
        if outcome.outcome is Outcome.PRINTED:
            self._say(lambda: " ".join(t for t in (self._printed_on(name), outcome_text(outcome)) if t))
            self._print_text()
        else:
            self._say(lambda: outcome_text(outcome), trouble=outcome.outcome is Outcome.FAILED)
            self.print_button.setText(self.tr("Print again"))

    def _say(self, text: Callable[[], str], *, trouble: bool = False) -> None:
        """The status line says ``text()`` (made again after a language switch), red for ``trouble``."""
        self._said = text
        self.status_label.setText(text())
        self.status_label.setStyleSheet(theme.style("error_label") if trouble else "")

    def _not_printed(self, trouble: str) -> str:
        return self.tr(
            "%1 Nothing was printed and no receipt was issued: press Print again when ready."
        ).replace("%1", trouble)

    def _printed_on(self, name: str) -> str:
        return self.tr("Printed on %1.").replace("%1", name)

    def _not_installed(self, name: str) -> str:
        return self.tr(
            "The receipt printer chosen in Settings, %1, is not installed on this computer: "
            "choose a printer (a manager can change the receipt printer in Settings)."
        ).replace("%1", name)

    @action_slot(busy=("print_button", "language_combo"), after="_lock_language")
    async def on_save_button_clicked(self) -> None:
        path = await self.choose_save_path()
        if path is None:
            return
        saved = await save_file(self, self._issue_and_save(path), self._not_saved)
        if saved is None:
            return
        self._say(lambda: self.tr("Saved to %1").replace("%1", str(saved)))

    async def _issue_and_save(self, path: Path) -> Path:
        """The receipt issued and its PDF at ``path``; a link, pipe, device or folder there, or no folder,
        is refused before the receipt is issued: a wrong place must not use up a number (decision 0069)."""
        check_target(path)
        await self._ensure_issued()
        return await self._receipts.save_pdf(path, self.pdf)

    def _not_saved(self, exc: UnsafeFilePath | OSError) -> None:
        self._say(lambda: self.tr("Could not save: %1").replace("%1", why_not_saved(exc)), trouble=True)


_SAVE_KIND = "receipts"
