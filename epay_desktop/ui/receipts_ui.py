"""Receipt preview (QtPdf), printing through the system print dialog, and "Save as PDF".

The PDF comes from ``ReceiptService.issue_receipt``; the service decides whether it is a duplicate
(the slip then says so), this module only shows and prints the bytes. Printing renders each PDF page
to an image at the printer's resolution (capped: a thermal head has about 203 dpi) on a page of the
receipt's own size: 80 mm or 58 mm wide rolls (height from the PDF) or A4.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QObject, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from epay_desktop.domain.receipts import ReceiptKind, ReceiptRecord, ReceiptWidth

from .asyncqt import action_slot, run_dialog

__all__ = ["ReceiptDialog", "ReceiptPreview", "load_pdf", "page_size_for", "print_document"]

log = logging.getLogger(__name__)

_MM_PER_POINT = 25.4 / 72
_MAX_RENDER_DPI = 300
SavePdf = Callable[[Path, bytes], Awaitable[Path]]


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
        self.setStyleSheet("QPdfView { background: #cbd5e1; }")

    def show_pdf(self, pdf: bytes) -> QPdfDocument:
        # Not a child of the view: Qt 6.12 crashes deleting a QPdfView whose document is its own child.
        # Python owns it (kept here) and it outlives the view.
        document = load_pdf(pdf)
        self.setDocument(document)
        self._document = document
        return document


class ReceiptDialog(QDialog):
    """Preview of one issued receipt with Print (default: Enter prints), Save as PDF and Close."""

    def __init__(
        self, record: ReceiptRecord, pdf: bytes, save_pdf: SavePdf, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.record, self.pdf, self._save_pdf = record, pdf, save_pdf
        self.printer: QPrinter | None = None  # kept: a collected QPrinter crashes its dialog (stack-notes 10)
        self.setWindowTitle(self.tr("Receipt %1").replace("%1", record.display_number))
        self.preview = ReceiptPreview()
        self.document = self.preview.show_pdf(pdf)
        title = QLabel(self.tr("Receipt No. %1").replace("%1", record.display_number))
        title.setFont(QFont(self.font().family(), self.font().pointSize() + 4, QFont.Weight.Bold))
        self.duplicate_label = QLabel(self.tr("DUPLICATE (reprint)"))
        self.duplicate_label.setObjectName("duplicate")
        self.duplicate_label.setStyleSheet(
            "QLabel { background: #ffc107; color: #3e2723; border-radius: 8px; "
            "padding: 2px 10px; font-weight: 700; }"
        )
        self.duplicate_label.setVisible(record.kind is ReceiptKind.DUPLICATE)
        self.status_label = QLabel()
        self.status_label.setObjectName("receipt_status")
        self.print_button = QPushButton(self.tr("Print\u2026"))
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as PDF\u2026"))
        close = QPushButton(self.tr("Close"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.duplicate_label)
        head.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.resize(460, 680)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        close.clicked.connect(self.accept)

    @classmethod
    async def ask(cls, parent: QWidget | None, record: ReceiptRecord, pdf: bytes, save_pdf: SavePdf) -> None:
        """Show the receipt until the cashier closes it (``open()`` + ``finished``, never ``exec()``)."""
        dialog = cls(record, pdf, save_pdf, parent)
        try:
            await run_dialog(dialog)
        finally:
            dialog.deleteLater()

    # -- what the buttons ask (tests replace these two) ------------------------------------------

    async def choose_printer(self) -> QPrinter | None:
        """The system print dialog, pre-set to the receipt's paper; None when cancelled."""
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(self.printer, self.record.width, self.document)
        dialog = SystemPrintDialog(self.printer, self)
        result = await run_dialog(dialog)
        dialog.deleteLater()
        return self.printer if result == QDialog.DialogCode.Accepted else None

    async def choose_save_path(self) -> Path | None:
        dialog = QFileDialog(self, self.tr("Save the receipt as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"receipt-{self.record.register_id}-{self.record.display_number}.pdf")
        result = await run_dialog(dialog)
        files = dialog.selectedFiles()
        dialog.deleteLater()
        return Path(files[0]) if result == QDialog.DialogCode.Accepted and files else None

    # -- slots -------------------------------------------------------------------------------------

    @action_slot(busy=("save_button",))
    async def on_print_button_clicked(self) -> None:
        printer = await self.choose_printer()
        if printer is None:
            return  # the paper chosen in the dialog wins (a receipt may go to an A4 printer)
        pages = print_document(self.document, printer)
        log.info("event=receipt_printed number=%s pages=%d", self.record.display_number, pages)
        self.status_label.setText(self.tr("Sent to the printer."))

    @action_slot(busy=("print_button",))
    async def on_save_button_clicked(self) -> None:
        path = await self.choose_save_path()
        if path is None:
            return
        try:
            saved = await self._save_pdf(path, self.pdf)
        except OSError as exc:
            self.status_label.setText(self.tr("Could not save: %1").replace("%1", exc.strerror or str(exc)))
            return
        self.status_label.setText(self.tr("Saved to %1").replace("%1", str(saved)))
