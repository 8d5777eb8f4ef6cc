"""Receipt preview, printing and saving, with real PDFs from the receipts renderer (no print dialogs).

The dialog opens on a preview (nothing issued); the first Print or Save issues the receipt (one
call to ``issue_receipt``), and prints or saves the issued PDF; the language combo re-renders the
preview; "Save as PDF" starts in Documents, then in the last folder used.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QLineEdit

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.receipts import ReceiptDraft
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRecord
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts import ReceiptData
from epay_desktop.receipts import render_pdf
from epay_desktop.services.receipts import save_pdf
from epay_desktop.ui.receipts.preview import ReceiptDialog
from epay_desktop.ui.receipts.preview import load_pdf
from epay_desktop.ui.receipts.preview import page_size_for
from epay_desktop.ui.receipts.preview import prepare_printer
from epay_desktop.ui.receipts.preview import print_document
from tests.support.pdf import pdf_text

# Screenshots go to EPAY_SCREENSHOTS when set (to refresh docs/screenshots on purpose), else to the
# temp folder: a test run must never rewrite the documentation's pictures.
SHOTS = Path(os.environ.get("EPAY_SCREENSHOTS") or tempfile.gettempdir())
WHEN = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


CASHIER = User(7, "Айгерим", Role.CASHIER, True, 0, None, WHEN)
INVOICE = InvoiceId("000500001")


def receipt_data(kind: ReceiptKind = ReceiptKind.SALE, **changes: Any) -> ReceiptData:
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
    return replace(data, **changes)


def receipt_pdf(width: str = "80", kind: ReceiptKind = ReceiptKind.SALE) -> bytes:
    return render_pdf(receipt_data(kind), width)


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


@dataclass
class FakeReceipts:
    """The ReceiptPort over real PDFs: previews record nothing, each issue takes the next number
    (a second issue for the same payment is a DUPLICATE, as the service decides)."""

    issued: list[tuple[User, ReceiptRequest]] = field(default_factory=list)
    previews: list[tuple[User, ReceiptRequest]] = field(default_factory=list)
    saved: list[tuple[Path, bytes]] = field(default_factory=list)
    printed_before: int = 0
    gate: asyncio.Event | None = None  # set: issue_receipt waits for it
    preview_error: BaseException | None = None

    def _data(self, number: int | None, language: ReceiptLanguage | None) -> ReceiptData:
        kind = ReceiptKind.DUPLICATE if self.printed_before else ReceiptKind.SALE
        return receipt_data(kind, number=number, language=language or ReceiptLanguage.RU)

    async def preview_receipt(self, actor: User, request: ReceiptRequest) -> ReceiptDraft:
        self.previews.append((actor, request))
        if self.preview_error is not None:
            raise self.preview_error
        data = self._data(None, request.language)
        width = request.width or ReceiptWidth.MM80
        return ReceiptDraft(INVOICE, data.kind, data.content_kind, Money(150_000), data.language, width,
                            41 if self.printed_before else None, render_pdf(data, width))  # fmt: skip

    async def issue_receipt(self, actor: User, request: ReceiptRequest) -> tuple[ReceiptRecord, bytes]:
        self.issued.append((actor, request))
        if self.gate is not None:
            await self.gate.wait()
        number = 41 + len(self.issued)
        data = self._data(number, request.language)
        self.printed_before += 1
        width = request.width or ReceiptWidth.MM80
        rec = ReceiptRecord(number, "R1", number, data.kind, 1, None, 41 if data.kind is ReceiptKind.DUPLICATE
                            else None, Money(150_000), data.language, width, 7, WHEN)  # fmt: skip
        return rec, render_pdf(data, width)

    async def receipts_for(self, invoice_id: InvoiceId) -> list[ReceiptRecord]:
        return []

    async def save_pdf(self, path: str | Path, pdf: bytes) -> Path:
        self.saved.append((Path(path), pdf))
        return save_pdf(path, pdf)  # the real atomic writer; inline (qasync's executor threads outlive tests)


@pytest.fixture
def receipts() -> FakeReceipts:
    return FakeReceipts()


def open_dialog(qtbot, receipts: FakeReceipts, arun) -> ReceiptDialog:
    draft = arun(receipts.preview_receipt(CASHIER, ReceiptRequest(INVOICE)))
    widget = ReceiptDialog(CASHIER, ReceiptRequest(INVOICE), draft, receipts)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def dialog(qtbot, aloop, arun, receipts):
    return open_dialog(qtbot, receipts, arun)


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """A home folder of our own with a Documents folder; the remembered folder lives under it too."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)  # "the program's folder": never where the dialog starts
    return home / "Documents"


def pdf_printer(dialog: ReceiptDialog, out: Path):
    async def choose_printer():
        dialog.printer = QPrinter()
        dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer.setOutputFileName(str(out))
        return dialog.printer

    return choose_printer


def test_the_preview_issues_nothing_and_enter_prints_one_numbered_receipt(qtbot, dialog, receipts, tmp_path):
    assert dialog.document.pageCount() == 1 and dialog.preview.document() is dialog.document
    assert not dialog.duplicate_label.isVisible() and dialog.print_button.isDefault()
    assert dialog.windowTitle() == "Sale receipt \u2014 invoice 000500001, " + Money(150_000).format()
    assert dialog.title.text() == "Receipt preview" and dialog.record is None
    assert "Чек № при печати" in pdf_text(dialog.pdf)
    assert receipts.issued == []
    out = tmp_path / "printed.pdf"
    dialog.choose_printer = pdf_printer(dialog, out)
    dialog.print_button.setFocus()
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Sent to the printer.")
    assert len(receipts.issued) == 1 and pages_in(out) == 1
    actor, request = receipts.issued[0]
    assert actor == CASHIER and request == ReceiptRequest(
        INVOICE, width=ReceiptWidth.MM80, language=ReceiptLanguage.RU
    )
    assert dialog.record is not None and dialog.title.text() == "Receipt No. 000042"
    assert "000042" in pdf_text(dialog.pdf) and not dialog.language_combo.isEnabled()


def test_cancelled_print_dialog_prints_and_issues_nothing(qtbot, dialog, receipts):
    async def cancelled():
        return None

    dialog.choose_printer = cancelled
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled())
    assert dialog.status_label.text() == "" and receipts.issued == [] and dialog.record is None


def save_as_pdf(qtbot, dialog, target):
    """Save as PDF with ``target`` chosen in the file dialog; wait until it is written and said."""

    async def choose():
        return target

    dialog.choose_save_path = choose
    dialog.save_button.click()
    qtbot.waitUntil(lambda: target.exists() and "Saved to" in dialog.status_label.text())
    return target


def test_print_then_save_outputs_the_same_single_receipt(qtbot, dialog, receipts, tmp_path):
    dialog.choose_printer = pdf_printer(dialog, tmp_path / "printed.pdf")
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Sent to the printer.")
    target = save_as_pdf(qtbot, dialog, tmp_path / "receipt.pdf")
    assert len(receipts.issued) == 1  # one dialog, one receipt
    assert target.read_bytes() == dialog.pdf and "000042" in pdf_text(target.read_bytes())


def test_save_as_pdf_issues_and_writes_the_issued_bytes(qtbot, dialog, receipts, tmp_path):
    target = save_as_pdf(qtbot, dialog, tmp_path / "receipt.pdf")
    assert len(receipts.issued) == 1 and target.read_bytes() == dialog.pdf
    assert [p for p in tmp_path.iterdir() if p.name != "receipt.pdf"] == []  # no temp file left


def test_a_folder_that_cannot_be_written_is_said_in_words_before_anything_is_issued(
    qtbot, dialog, receipts, tmp_path
):
    async def choose():
        return tmp_path / "no-such-folder" / "receipt.pdf"

    dialog.choose_save_path = choose
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Could not save"))
    assert "does not exist" in dialog.status_label.text() and receipts.issued == []


def test_changing_the_language_re_renders_the_preview_and_prints_in_it(qtbot, dialog, receipts, tmp_path):
    combo = dialog.language_combo
    assert combo.currentData() == "ru" and [combo.itemData(i) for i in range(3)] == ["kk", "ru", "en"]
    combo.setCurrentIndex(combo.findData("en"))
    qtbot.waitUntil(lambda: "Receipt No. on printing" in pdf_text(dialog.pdf))
    assert receipts.previews[-1][1].language is ReceiptLanguage.EN and receipts.issued == []
    combo.setCurrentIndex(combo.findData("kk"))
    qtbot.waitUntil(lambda: "САТУ" in pdf_text(dialog.pdf) and dialog.print_button.isEnabled())
    out = tmp_path / "printed.pdf"
    dialog.choose_printer = pdf_printer(dialog, out)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Sent to the printer.")
    assert receipts.issued[0][1].language is ReceiptLanguage.KK and "САТУ" in pdf_text(dialog.pdf)


def test_save_dialog_starts_in_documents_then_in_the_last_folder(
    qtbot, dialog, receipts, documents, tmp_path
):
    def save_dialog() -> QFileDialog:
        qtbot.waitUntil(
            lambda: dialog.findChild(QFileDialog) is not None and dialog.findChild(QFileDialog).isVisible()
        )
        return dialog.findChild(QFileDialog)

    dialog.save_button.click()
    box = save_dialog()
    assert Path(box.directory().absolutePath()) == documents
    assert Path(box.directory().absolutePath()) != Path.cwd()
    elsewhere = tmp_path / "shop-receipts"
    elsewhere.mkdir()
    assert box.selectedFiles() == [str(documents / "receipt-000500001.pdf")]  # a name is proposed
    box.setDirectory(str(elsewhere))  # the cashier goes to another folder and types a name
    box.findChild(QLineEdit, "fileNameEdit").setText("first.pdf")
    box.accept()
    qtbot.waitUntil(lambda: (elsewhere / "first.pdf").exists() and dialog.save_button.isEnabled())
    dialog.save_button.click()
    box = save_dialog()
    assert Path(box.directory().absolutePath()) == elsewhere  # remembered
    box.reject()
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert len(receipts.issued) == 1


def test_closing_the_preview_issues_nothing(qtbot, aloop, receipts):
    task = asyncio.ensure_future(ReceiptDialog.ask(None, receipts, CASHIER, INVOICE, "sale"))
    qtbot.waitUntil(lambda: any(isinstance(w, ReceiptDialog) and w.isVisible() for w in qapp_widgets()))
    shown = next(w for w in qapp_widgets() if isinstance(w, ReceiptDialog) and w.isVisible())
    shown.reject()  # Esc
    qtbot.waitUntil(task.done)
    assert task.result() is None and receipts.issued == [] and len(receipts.previews) == 1


def qapp_widgets():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()


def test_the_real_print_dialog_opens_without_exec_and_keeps_its_printer(qtbot, dialog, receipts):
    from PySide6.QtPrintSupport import QPrintDialog

    task = asyncio.ensure_future(dialog.choose_printer())
    qtbot.waitUntil(
        lambda: dialog.findChild(QPrintDialog) is not None and dialog.findChild(QPrintDialog).isVisible()
    )
    assert dialog.printer is not None
    assert round(dialog.printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter).width()) == 80
    dialog.findChild(QPrintDialog).reject()
    qtbot.waitUntil(task.done)
    assert task.result() is None and receipts.issued == []


def test_a_reprint_is_marked_before_it_is_issued_and_screenshot(qtbot, aloop, arun, receipts):
    receipts.printed_before = 1
    widget = open_dialog(qtbot, receipts, arun)
    widget.resize(560, 720)
    assert widget.duplicate_label.isVisible() and "duplicate" in widget.note_label.text()
    assert "ДУБЛИКАТ" in pdf_text(widget.pdf) and receipts.issued == []
    qtbot.waitUntil(lambda: has_ink(widget.preview))  # QPdfView renders pages in a thread
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / "receipt-preview.png"))


def test_esc_while_the_receipt_is_being_issued_waits_for_it(qtbot, dialog, receipts, tmp_path):
    receipts.gate = asyncio.Event()
    target = tmp_path / "receipt.pdf"

    async def choose():
        return target

    dialog.choose_save_path = choose
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(receipts.issued) == 1)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the number is being taken: the dialog stays
    assert dialog.isVisible()
    receipts.gate.set()
    qtbot.waitUntil(lambda: target.exists() and dialog.record is not None)
    assert dialog.title.text() == "Receipt No. 000042"
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_refused_language_change_puts_the_combo_back_and_says_why(qtbot, dialog, receipts):
    from PySide6.QtWidgets import QMessageBox

    from epay_desktop.domain import RuleViolation

    receipts.preview_error = RuleViolation("The payment is no longer paid.")
    combo = dialog.language_combo
    combo.setCurrentIndex(combo.findData("en"))

    def box():
        found = [w for w in qapp_widgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: box() is not None)
    assert "no longer paid" in box().text()
    assert combo.currentData() == "ru" and dialog.draft.language is ReceiptLanguage.RU
    box().accept()
    qtbot.waitUntil(dialog.print_button.isEnabled)
    assert receipts.issued == []
