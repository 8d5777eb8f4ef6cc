"""Receipt preview, printing and saving, with real PDFs from the receipts renderer (no print dialogs)."""

from __future__ import annotations

import asyncio
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from epay_desktop.domain import ConsoleStatus, InvoiceId, Money
from epay_desktop.domain.receipts import ReceiptKind, ReceiptLanguage, ReceiptRecord, ReceiptWidth
from epay_desktop.receipts import ReceiptData, render_pdf
from epay_desktop.services.receipts import save_pdf
from epay_desktop.ui.receipts_ui import (
    ReceiptDialog,
    load_pdf,
    page_size_for,
    prepare_printer,
    print_document,
)

# Screenshots go to EPAY_SCREENSHOTS when set (to refresh docs/screenshots on purpose), else to the
# temp folder: a test run must never rewrite the documentation's pictures.
SHOTS = Path(os.environ.get("EPAY_SCREENSHOTS") or tempfile.gettempdir())
WHEN = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


def receipt_pdf(width: str = "80", kind: ReceiptKind = ReceiptKind.SALE) -> bytes:
    data = ReceiptData(
        shop_name="ТОО «Шай мен Кофе»",
        shop_bin="123456789012",
        shop_address="Алматы, пр. Абая 10",
        register_id="R1",
        number=42,
        kind=kind,
        cashier="Айгерим",
        when=WHEN,
        invoice_id=InvoiceId("000500001"),
        paid=Money(150_000),
        status=ConsoleStatus.CHARGE,
        language=ReceiptLanguage.RU,
        card_mask="440563...5096",
        card_type="VISA",
        approval_code="170243",
        rrn="027980238029",
        original_number=41 if kind is ReceiptKind.DUPLICATE else None,
        original_kind=ReceiptKind.SALE if kind is ReceiptKind.DUPLICATE else None,
    )
    return render_pdf(data, width)


def record(kind: ReceiptKind = ReceiptKind.SALE, width: ReceiptWidth = ReceiptWidth.MM80) -> ReceiptRecord:
    return ReceiptRecord(42, "R1", 42, kind, 1, None, 41 if kind is ReceiptKind.DUPLICATE else None,
                         Money(150_000), ReceiptLanguage.RU, width, 7, WHEN)  # fmt: skip


def has_ink(widget) -> bool:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    return sum(1 for value in bytes(image.constBits()) if value < 90) > 5000


def pages_in(path: Path) -> int:
    owner = QObject()
    document = QPdfDocument(owner)
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document.pageCount()


@pytest.mark.parametrize(("width", "mm"), [("80", 80), ("58", 58)])
def test_roll_paper_is_as_wide_as_the_receipt(qapp, width, mm):
    document = load_pdf(receipt_pdf(width))
    size = page_size_for(width, document).size(QPageSize.Unit.Millimeter)
    assert round(size.width()) == mm and size.height() > 50


def test_a4_receipt_uses_a4_paper(qapp):
    assert page_size_for("a4", load_pdf(receipt_pdf("a4"))).id() == QPageSize.PageSizeId.A4


def test_unreadable_pdf_is_refused(qapp):
    with pytest.raises(ValueError, match="could not be read"):
        load_pdf(b"not a pdf")


@pytest.mark.parametrize("width", ["80", "58", "a4"])
def test_print_to_a_pdf_file_has_the_page(qapp, tmp_path, width):
    document = load_pdf(receipt_pdf(width))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, width, document)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / f"printed-{width}.pdf"
    printer.setOutputFileName(str(out))
    assert print_document(document, printer) == 1
    assert out.stat().st_size > 1000 and pages_in(out) == 1


@pytest.fixture
def dialog(qtbot, aloop):
    saved: list[tuple[Path, bytes]] = []

    async def saver(path: Path, pdf: bytes) -> Path:
        saved.append((path, pdf))
        return save_pdf(path, pdf)  # the real atomic writer; inline (qasync's executor threads outlive tests)

    pdf = receipt_pdf()
    widget = ReceiptDialog(record(), pdf, saver)
    widget.saved = saved
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_preview_shows_the_pdf_and_enter_prints(qtbot, dialog, tmp_path):
    assert dialog.document.pageCount() == 1 and dialog.preview.document() is dialog.document
    assert not dialog.duplicate_label.isVisible() and dialog.print_button.isDefault()
    out = tmp_path / "printed.pdf"

    async def choose_printer():
        dialog.printer = QPrinter()
        dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer.setOutputFileName(str(out))
        return dialog.printer

    dialog.choose_printer = choose_printer
    dialog.print_button.setFocus()
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Sent to the printer.")
    assert pages_in(out) == 1


def test_cancelled_print_dialog_prints_nothing(qtbot, dialog):
    async def cancelled():
        return None

    dialog.choose_printer = cancelled
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled())
    assert dialog.status_label.text() == ""


def test_save_as_pdf_writes_the_bytes(qtbot, dialog, tmp_path):
    target = tmp_path / "receipt.pdf"

    async def choose():
        return target

    dialog.choose_save_path = choose
    dialog.save_button.click()
    qtbot.waitUntil(lambda: target.exists() and "Saved to" in dialog.status_label.text())
    assert target.read_bytes() == dialog.pdf
    assert [p for p in tmp_path.iterdir() if p.name != "receipt.pdf"] == []  # no temp file left


def test_save_failure_is_said_in_words(qtbot, dialog, tmp_path):
    async def choose():
        return tmp_path / "no-such-folder" / "receipt.pdf"

    dialog.choose_save_path = choose
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Could not save"))


def test_the_real_print_dialog_opens_without_exec_and_keeps_its_printer(qtbot, dialog):
    from PySide6.QtPrintSupport import QPrintDialog

    task = asyncio.ensure_future(dialog.choose_printer())
    qtbot.waitUntil(
        lambda: dialog.findChild(QPrintDialog) is not None and dialog.findChild(QPrintDialog).isVisible()
    )
    assert dialog.printer is not None
    assert round(dialog.printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter).width()) == 80
    dialog.findChild(QPrintDialog).reject()
    qtbot.waitUntil(task.done)
    assert task.result() is None


def test_duplicate_is_marked_and_screenshot(qtbot, aloop):
    async def saver(path: Path, pdf: bytes) -> Path:
        return path

    widget = ReceiptDialog(record(ReceiptKind.DUPLICATE), receipt_pdf(kind=ReceiptKind.DUPLICATE), saver)
    qtbot.addWidget(widget)
    widget.resize(460, 720)
    widget.show()
    assert widget.duplicate_label.isVisible()
    qtbot.waitUntil(lambda: has_ink(widget.preview))  # QPdfView renders pages in a thread
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / "receipt-preview.png"))
