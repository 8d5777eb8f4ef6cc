"""Print (Ctrl+P) from the real main window, with the real AppController and services on a real store.

A paid payment is in the database (written as the payment service would have); nothing talks to a
gateway. The cashier selects it in the list and presses Ctrl+P:

* the receipt dialog opens on a preview whose title names the invoice and amount; closing it
  issues nothing (no receipt row, no audit entry), however often it is opened;
* Print issues exactly one numbered receipt; a later preview is marked as a duplicate but
  still issues nothing until printed or saved;
* the language chosen in the dialog is the receipt's language (the PDF saved is in it), the
  default is the shop's receipt language, and sandbox receipts say NOT A REAL PAYMENT;
* "Save as PDF" opens in the user's Documents folder, then in the folder used last.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func
from sqlalchemy import select

from epay_desktop.app import AppContext
from epay_desktop.app import open_app
from epay_desktop.app import store_of
from epay_desktop.demo import demo_environ
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.store.models import AuditRow
from epay_desktop.ui.app.controller import AppController
from epay_desktop.ui.receipts import preview as receipts_ui
from epay_desktop.ui.receipts.preview import ReceiptDialog
from tests.support.file_dialogs import fifo_or_link_at
from tests.support.file_dialogs import print_to_pdf
from tests.support.file_dialogs import refusal
from tests.support.file_dialogs import save_under
from tests.support.file_dialogs import wait_file_dialog
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import add_people
from tests.support.live_console import controller_running
from tests.support.live_console import sale_row
from tests.support.pdf import pdf_text
from tests.support.windows import log_in

INVOICE = InvoiceId("000777001")
DEAD_GATEWAY = "http://127.0.0.1:9"  # nothing listens: this test never reaches a gateway


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's home (Documents, config) in tmp; the working directory is elsewhere."""
    home = tmp_path / "user"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)
    return home / "Documents"


class Counter:
    """The console at the counter: the real controller and window over a real AppContext."""

    def __init__(self, ctx: AppContext, controller: AppController, qtbot: Any, arun: Any) -> None:
        self.ctx, self.controller, self.qtbot, self.arun = ctx, controller, qtbot, arun

    @property
    def window(self) -> Any:
        return self.controller.window

    def receipt_dialog(self) -> ReceiptDialog:
        def shown() -> list[ReceiptDialog]:
            return [
                w for w in QApplication.topLevelWidgets() if isinstance(w, ReceiptDialog) and w.isVisible()
            ]

        self.qtbot.waitUntil(lambda: bool(shown()), timeout=10_000)
        return shown()[0]

    def press_ctrl_p(self) -> ReceiptDialog:
        """Select the payment in the list and press Ctrl+P, as the cashier does."""
        w = self.window
        self.qtbot.waitUntil(lambda: w.payments_view.select_invoice(INVOICE), timeout=10_000)
        self.qtbot.waitUntil(
            lambda: w.detail_view.view is not None and w.detail_view.view.payment.invoice_id == INVOICE,
            timeout=10_000,
        )
        self.qtbot.waitUntil(w.commands.print_receipt.isEnabled, timeout=10_000)
        w.activateWindow()  # shortcuts reach the active window only
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
        table = w.payments_view.table
        table.setFocus()
        self.qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        return self.receipt_dialog()

    def close(self, dialog: ReceiptDialog) -> None:
        dialog.reject()  # Esc / the window's close button
        self.qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=5000)
        self.qtbot.waitUntil(lambda: not self.busy(), timeout=10_000)

    def busy(self) -> bool:
        tasks = getattr(self.window, "_epay_action_tasks", {})
        return any(not t.done() for t in tasks.values())

    def receipts(self) -> list[Any]:
        return list(self.arun(self.ctx.receipts.receipts_for(INVOICE)))

    def issued_audits(self) -> int:
        with store_of(self.ctx).read() as tx:
            return int(
                tx.session.scalar(
                    select(func.count()).select_from(AuditRow).where(AuditRow.action == "receipt.issued")
                )
            )


@pytest.fixture
def counter(
    qtbot: Any, aloop: Any, arun: Any, tmp_path: Path, profile: QWebEngineProfile
) -> Iterator[Counter]:
    ctx: AppContext = arun(open_app(demo_environ(tmp_path / "home", DEAD_GATEWAY)))
    _manager, cashier = add_people(arun, ctx)
    sale_row(  # a sale the bank approved, recorded as the payment service does
        ctx,
        cashier,
        INVOICE,
        ConsoleStatus.CHARGE,
        transaction_id="txn-777001",
        org_amount_minor=250_000,
        gateway_amount_minor=250_000,
        card_mask="440563...5096",
        card_type="VISA",
        reference="406112345678",
        approval_code="A1B2C3",
    )
    with controller_running(arun, qtbot, ctx, profile) as controller:
        log_in(qtbot, controller, CASHIER, CASHIER_PIN)
        yield Counter(ctx, controller, qtbot, arun)


def test_a_preview_closed_issues_nothing_and_print_issues_one_numbered_receipt(
    counter: Counter, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):  # opened and closed again and again: nothing issued
        dialog = counter.press_ctrl_p()
        title = " ".join(dialog.windowTitle().replace("\u202f", " ").split())
        assert INVOICE.value in title and "2 500,00" in title  # the dialog names invoice and amount
        assert dialog.record is None and not dialog.duplicate_label.isVisible()
        counter.close(dialog)
    assert counter.receipts() == [] and counter.issued_audits() == 0
    assert counter.window.commands.print_receipt.text() == "&Print receipt"  # not "Reprint": none issued

    printed = tmp_path / "printed.pdf"

    print_to_pdf(monkeypatch, ReceiptDialog, printed)
    dialog = counter.press_ctrl_p()
    assert dialog.print_button.isDefault()  # Enter anywhere in the window prints
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Sent to the printer.", timeout=10_000)
    [receipt] = counter.receipts()
    assert (receipt.number, receipt.kind) == (1, ReceiptKind.SALE) and counter.issued_audits() == 1
    assert printed.stat().st_size > 0 and dialog.title.text() == "Receipt No. 000001"
    counter.close(dialog)
    reprint = counter.window.commands.print_receipt
    qtbot.waitUntil(lambda: reprint.text() == "Re&print receipt", timeout=10_000)

    again = counter.press_ctrl_p()  # a reprint: marked as a duplicate, still not issued
    assert again.duplicate_label.isVisible() and again.record is None
    assert "ДУБЛИКАТ" in pdf_text(again.pdf)
    counter.close(again)
    assert len(counter.receipts()) == 1 and counter.issued_audits() == 1


def test_the_language_chosen_in_the_dialog_is_saved_and_save_starts_in_documents_then_the_last_folder(
    counter: Counter, qtbot: Any, tmp_path: Path, documents: Path
) -> None:
    with store_of(counter.ctx).write() as tx:
        tx.settings.set("receipt.language", "kk")
    dialog = counter.press_ctrl_p()
    combo = dialog.language_combo
    assert combo.currentData() == "kk" and "САТУ" in pdf_text(dialog.pdf)  # the shop's default
    combo.setCurrentIndex(combo.findData("en"))  # the customer reads English
    qtbot.waitUntil(lambda: "SALE" in pdf_text(dialog.pdf) and dialog.save_button.isEnabled(), timeout=10_000)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = wait_file_dialog(qtbot, dialog)
    assert Path(box.directory().absolutePath()) == documents  # not the program's folder
    folder = tmp_path / "receipts-for-customers"
    folder.mkdir()
    box.setDirectory(str(folder))
    box.findChild(QLineEdit, "fileNameEdit").setText("customer.pdf")
    box.accept()
    saved = folder / "customer.pdf"
    qtbot.waitUntil(lambda: saved.exists() and "Saved to" in dialog.status_label.text(), timeout=10_000)
    text = pdf_text(saved.read_bytes())
    assert "SALE" in text and "Thank you for your purchase!" in text and "САТУ" not in text
    assert "SANDBOX — NOT A REAL PAYMENT" in text  # the console runs on the sandbox gateway
    [receipt] = counter.receipts()
    assert receipt.language is ReceiptLanguage.EN and receipt.number == 1
    assert receipt.amount == Money(250_000)
    counter.close(dialog)

    again = counter.press_ctrl_p()
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    box = wait_file_dialog(qtbot, again)
    assert Path(box.directory().absolutePath()) == folder  # the last folder used, remembered
    box.reject()
    qtbot.waitUntil(again.save_button.isEnabled, timeout=5000)
    counter.close(again)
    assert len(counter.receipts()) == 1  # the cancelled save issued nothing


@pytest.mark.parametrize("kind", ["fifo"])  # a link: the same path, tested in tests/cli and tests/unit
def test_save_as_pdf_over_a_named_pipe_or_a_link_is_refused_in_a_message_box_before_a_number_is_used(
    counter: Counter, qtbot: Any, tmp_path: Path, documents: Path, kind: str
) -> None:
    """Issue 11: "Save as PDF" replaced a FIFO or a symbolic link at the chosen path; now it refuses in a
    message box in words, before the receipt is issued, and leaves what is there untouched."""
    victim, target = tmp_path / "victim.txt", documents / "customer.pdf"
    fifo_or_link_at(target, kind, victim)
    dialog = counter.press_ctrl_p()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = wait_file_dialog(qtbot, dialog)
    save_under(box, "customer.pdf")  # the name exists: Qt asks whether to replace it
    qtbot.waitUntil(lambda: refusal(dialog) is not None, timeout=10_000)
    said = "is a named pipe" if kind == "fifo" else "is a symbolic link"
    shown = refusal(dialog)
    assert shown is not None and said in shown.text() and "nothing was written" in shown.text()
    assert dialog.status_label.text().startswith("Could not save") and said in dialog.status_label.text()
    shown.accept()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5000)
    counter.close(dialog)
    assert counter.receipts() == [] and counter.issued_audits() == 0  # no number used up
    assert stat.S_ISFIFO(os.lstat(target).st_mode) if kind == "fifo" else target.is_symlink()
    assert victim.read_text(encoding="utf-8") == "keep me"


# -- the receipt printer chosen in Settings (decision 0016) -----------------------------------------


class PrintedOn:
    """Stands in for ``print_document``: no printer is installed on the test machine (Qt forgets a
    name it does not know), so it records the printer the dialog chose; the choice is under test."""

    def __init__(self) -> None:
        self.printers: list[str] = []

    def __call__(self, document: Any, printer: QPrinter) -> int:
        dialog = next(w for w in QApplication.topLevelWidgets() if getattr(w, "printer", None) is printer)
        self.printers.append(dialog.sent_to or "(chosen in the print dialog)")
        return int(document.pageCount())


def save_receipt_printer(counter: Counter, name: str) -> None:
    """What Settings › Receipts › Receipt printer saves (console.json ``printer``)."""
    config = counter.arun(counter.ctx.local_config.load())
    counter.arun(counter.ctx.local_config.save(replace(config, printer=name)))


def print_dialog_shown(parent: QDialog) -> QPrintDialog | None:
    box = parent.findChild(QPrintDialog)
    return box if box is not None and box.isVisible() else None


def wait_print_dialog(qtbot: Any, dialog: Any) -> Any:
    """The system print dialog ``dialog`` opened, once it shows."""
    qtbot.waitUntil(lambda: print_dialog_shown(dialog) is not None, timeout=5000)
    box = print_dialog_shown(dialog)
    assert box is not None
    return box


def test_print_goes_straight_to_the_receipt_printer_chosen_in_settings(
    counter: Counter, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_receipt_printer(counter, "Receipts-80")
    monkeypatch.setattr(receipts_ui, "installed_printers", lambda: ["Office A4", "Receipts-80"])
    printed = PrintedOn()
    monkeypatch.setattr(receipts_ui, "print_document", printed)

    dialog = counter.press_ctrl_p()
    assert dialog.other_printer_button.isVisible()  # another printer stays one click away
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Return)  # Enter prints, nothing asked
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Sent to Receipts-80.", timeout=10_000)
    assert printed.printers == ["Receipts-80"] and print_dialog_shown(dialog) is None
    assert len(counter.receipts()) == 1
    counter.close(dialog)

    save_receipt_printer(counter, "")  # "Ask every time": read at each Print, no restart
    again = counter.press_ctrl_p()
    assert not again.other_printer_button.isVisible()
    qtbot.mouseClick(again.print_button, Qt.MouseButton.LeftButton)
    wait_print_dialog(qtbot, again).reject()
    qtbot.waitUntil(again.print_button.isEnabled, timeout=5000)
    assert printed.printers == ["Receipts-80"] and len(counter.receipts()) == 1
    counter.close(again)


def test_a_receipt_printer_no_longer_installed_is_said_and_the_print_dialog_asks(
    counter: Counter, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_receipt_printer(counter, "Receipts-80")
    monkeypatch.setattr(receipts_ui, "installed_printers", lambda: ["Office A4"])  # unplugged
    printed = PrintedOn()
    monkeypatch.setattr(receipts_ui, "print_document", printed)

    dialog = counter.press_ctrl_p()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    box = wait_print_dialog(qtbot, dialog)
    assert "Receipts-80 is not installed" in box.windowTitle()
    said = dialog.status_label.text()
    assert "Receipts-80" in said and "not installed" in said and "choose a printer" in said
    box.reject()  # the cashier gives up: nothing issued, nothing printed
    qtbot.waitUntil(dialog.print_button.isEnabled, timeout=5000)
    assert printed.printers == [] and counter.receipts() == []
    counter.close(dialog)


def test_other_printer_asks_this_once_whatever_settings_chose(
    counter: Counter, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_receipt_printer(counter, "Receipts-80")
    monkeypatch.setattr(receipts_ui, "installed_printers", lambda: ["Office A4", "Receipts-80"])
    dialog = counter.press_ctrl_p()
    qtbot.mouseClick(dialog.other_printer_button, Qt.MouseButton.LeftButton)
    wait_print_dialog(qtbot, dialog).reject()
    qtbot.waitUntil(dialog.other_printer_button.isEnabled, timeout=5000)
    assert counter.receipts() == [] and dialog.print_button.isEnabled()
    counter.close(dialog)


def test_the_result_screens_print_uses_the_receipt_printer_chosen_in_settings(
    counter: Counter, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_receipt_printer(counter, "Receipts-80")
    monkeypatch.setattr(receipts_ui, "installed_printers", lambda: ["Receipts-80"])
    printed = PrintedOn()
    monkeypatch.setattr(receipts_ui, "print_document", printed)
    screen = counter.controller.checkout
    screen.payment = counter.arun(counter.ctx.queries.get_view(INVOICE)).payment  # a sale just paid
    screen.setCurrentWidget(screen.result)
    counter.controller.checkout_window.show()
    qtbot.waitUntil(screen.print_button.isVisible, timeout=5000)
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    dialog = counter.receipt_dialog()
    assert dialog.printer_name == "Receipts-80"
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Sent to Receipts-80.", timeout=10_000)
    assert printed.printers == ["Receipts-80"] and len(counter.receipts()) == 1
    counter.close(dialog)
