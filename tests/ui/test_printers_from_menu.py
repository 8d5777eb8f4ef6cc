"""Thermal printing reached the way a person does (issue 13 items 1, 2 and 6; decision 0109), on the
REAL console (open_app + AppController + MainWindow, real services on a fresh SQLite database) and
the sandbox's fake network printer (a TCP server printing through the ESC/POS interpreter):

* Settings > Receipt printers…: a manager adds a network printer (bad addresses are said first),
  the test page arrives at the printer; a cashier sees the command disabled with the reason;
* Calibrate…: the page's line 1 comes out right on a KZ-1048 printer, the manager picks it, and the
  printer prints in kz1048 from then on;
* Ctrl+P on a paid sale prints on the register's thermal printer; out of paper is said before
  anything is issued (and said again in the language the console switches to while the dialog is open);
  paper running out mid-receipt keeps the receipt, and "Print again" prints a whole duplicate once a roll
  is loaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts.calibration import CANDIDATES
from epay_desktop.receipts.calibration import candidate_line
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.printers import make_profile
from epay_desktop.sandbox.printer.server import FakePrinter
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.receipts.preview import ReceiptDialog
from epay_desktop.ui.settings.printer_form import PrinterForm
from epay_desktop.ui.settings.printers_dialog import CalibrationQuestion
from epay_desktop.ui.settings.printers_dialog import PrintersDialog
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import sale_row
from tests.support.live_console import trigger
from tests.support.windows import shown
from tests.support.windows import wait_shown

LEFT = Qt.MouseButton.LeftButton
SLOW = 15_000
INVOICE = InvoiceId("000555001")


@pytest.fixture
def fake() -> Iterator[FakePrinter]:
    """A 58 mm printer on 127.0.0.1 with Epson's code page slots (53 is KZ-1048)."""
    with FakePrinter(384).start_in_thread() as printer:
        yield printer


@pytest.fixture
def console(real_console: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    # a loaded test machine may answer a status request later than a printer's half second
    monkeypatch.setattr(real_console.ctx.printing, "_probe_seconds", 10.0)
    return real_console


def printed_jobs(fake: FakePrinter) -> list[Any]:
    """The connections that ended (a status request before a print is one of its own)."""
    return [job for job in fake.jobs if job.printout is not None]


def printed(qtbot: Any, fake: FakePrinter, count: int = 1, since: int = 0) -> list[Any]:
    """The jobs that printed lines (after the first ``since`` ended connections), once ``count`` of them
    have ended: the printer finishes reading a job a moment after the console has said it was sent."""

    def ended() -> list[Any]:
        return [job for job in printed_jobs(fake)[since:] if job.printout.lines]

    qtbot.waitUntil(lambda: len(ended()) >= count, timeout=SLOW)
    return ended()


def open_printers(qtbot: Any, console: Any) -> PrintersDialog:
    window = console.window
    trigger(qtbot, window, window.commands.printers)  # Settings > Receipt printers…
    return wait_shown(qtbot, PrintersDialog)


def test_a_manager_adds_a_network_printer_and_its_test_page_arrives(
    console: Any, qtbot: Any, arun: Any, fake: FakePrinter
) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_printers(qtbot, console)
    assert dialog.table.rowCount() == 0 and not dialog.test_button.isEnabled()
    qtbot.mouseClick(dialog.add_button, LEFT)
    form = wait_shown(qtbot, PrinterForm)
    assert not form.ok_button.isEnabled() and "name" in form.hint_label.text()
    form.name_edit.setText("Касса 1")  # QTest types ASCII only
    assert "network address" in form.hint_label.text()  # no host yet
    qtbot.keyClicks(form.host_edit, "192.168.1.500")
    assert "192.168.1.500 is not an IP address" in form.hint_label.text()
    assert not form.ok_button.isEnabled()
    form.host_edit.setText("127.0.0.1:9100")
    assert "port in its own field" in form.hint_label.text()
    form.host_edit.setText("127.0.0.1")
    form.port_spin.setValue(fake.port)
    form.paper_combo.setCurrentIndex(form.paper_combo.findData("58"))
    assert form.mode_combo.currentData() == "raster"  # until calibrated: always right
    form.mode_combo.setCurrentIndex(form.mode_combo.findData("kz1048"))  # its text can be read back
    assert form.default_check.isChecked()  # the shop's first printer is this register's default
    assert form.ok_button.isEnabled() and form.hint_label.isHidden()
    qtbot.mouseClick(form.ok_button, LEFT)
    qtbot.waitUntil(lambda: not shown(PrinterForm), timeout=SLOW)

    book = arun(console.ctx.printing.book())
    [printer] = book.printers
    assert (printer.name, str(printer.transport)) == ("Касса 1", f"network:127.0.0.1:{fake.port}")
    assert printer.render.head_dots == 384 and book.defaults == {console.ctx.printing.register_id: "Касса 1"}
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 5).text() == "yes"
    assert dialog.table.verticalHeader().isHidden()  # a row is a printer, not a number

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.test_button, LEFT)
    qtbot.waitUntil(lambda: "test page was printed on Касса 1" in dialog.status_label.text(), timeout=SLOW)
    assert dialog.test_button.isEnabled()  # given back once the print ended
    [job] = printed(qtbot, fake)
    assert job.error is None and job.printout.cuts and "Ққ Әә Іі Ңң Ғғ Үү Ұұ Өө Һһ" in job.printout.text
    dialog.reject()


class _PaperInRussian(QTranslator):
    """Only the Paper column's words, as the Russian translation has them."""

    def translate(self, context: str, source: str, disambiguation: Any = None, n: int = -1) -> str:
        return "{width} мм" if (context, source) == ("PrintersDialog", "{width} mm") else ""


def test_the_printers_window_opens_on_the_default_printer_and_says_the_paper_in_words(
    console: Any, qtbot: Any, arun: Any
) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    manager = console.controller.session.user
    for name, width in (("back", "80"), ("front", "58")):
        printer = make_profile(name, "network:127.0.0.1:9100", width)
        arun(console.ctx.printing.save_printer(manager, printer, default=name == "front"))
    dialog = open_printers(qtbot, console)
    assert dialog.selected_name() == "front"  # this register's default, ready to test or calibrate
    assert dialog.edit_button.isEnabled() and dialog.test_button.isEnabled()
    assert dialog.calibrate_button.isEnabled()
    assert [dialog.table.item(row, 2).text() for row in range(2)] == ["80 mm", "58 mm"]
    russian = _PaperInRussian()
    QApplication.installTranslator(russian)
    try:
        translations().switch("ru")  # a live switch: the table is made again in the language
        qtbot.waitUntil(lambda: dialog.table.item(1, 2).text() == "58 мм")
        assert dialog.selected_name() == "front"
    finally:
        translations().switch("en")
        QApplication.removeTranslator(russian)
    dialog.reject()


def test_the_printer_form_lines_its_rows_up_and_leaves_no_gap(console: Any, qtbot: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_printers(qtbot, console)
    assert dialog.table.rowCount() == 0 and not dialog.edit_button.isEnabled()  # nothing to select
    qtbot.mouseClick(dialog.add_button, LEFT)
    form = wait_shown(qtbot, PrinterForm)
    fields = (form.name_edit, form.kind_combo, form.host_edit, form.port_spin, form.paper_combo)
    assert len({field.mapTo(form, QPoint(0, 0)).x() for field in fields}) == 1  # one column of fields
    assert form.hint_label.isVisible()
    asking = form.height()
    form.name_edit.setText("front")
    qtbot.keyClicks(form.host_edit, "192.168.1.50")
    assert form.hint_label.isHidden() and form.ok_button.isEnabled()
    qtbot.waitUntil(lambda: form.height() < asking)  # the line that said what was wrong is gone
    gap = form.ok_button.mapTo(form, QPoint(0, 0)).y() - form.default_check.geometry().bottom()
    assert gap <= 3 * form.layout().spacing()  # the buttons sit under the last row
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("cups"))  # one row instead of two
    assert form.queue_edit.isVisible() and not form.host_edit.isVisible()
    assert form.queue_edit.mapTo(form, QPoint(0, 0)).x() == form.name_edit.mapTo(form, QPoint(0, 0)).x()
    form.reject()
    dialog.reject()


def test_a_usb_printer_with_a_bad_id_is_refused_in_words(console: Any, qtbot: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_printers(qtbot, console)
    qtbot.mouseClick(dialog.add_button, LEFT)
    form = wait_shown(qtbot, PrinterForm)
    qtbot.keyClicks(form.name_edit, "Bar")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("usb"))
    qtbot.keyClicks(form.vendor_edit, "416")
    qtbot.keyClicks(form.product_edit, "5011")
    assert "four hexadecimal digits" in form.hint_label.text() and not form.ok_button.isEnabled()
    qtbot.keyClicks(form.vendor_edit, "g")  # not a hexadecimal digit: the field takes none
    assert form.vendor_edit.text() == "416"
    form.vendor_edit.setText("0416")
    assert form.ok_button.isEnabled() and form.address() == "0416:5011"
    form.reject()
    dialog.reject()


def test_editing_a_calibrated_printer_keeps_its_code_page_until_the_roll_or_mode_changes(qtbot: Any) -> None:
    calibrated = make_profile("front", "serial:/dev/ttyUSB0@115200", "80", "hybrid", code_page=46)
    calibrated = replace(calibrated, render=replace(calibrated.render, codec="cp1251"))
    form = PrinterForm(None, calibrated, is_default=False, save=_never_saved)
    qtbot.addWidget(form)
    assert (form.serial_edit.text(), form.baud_combo.currentData()) == ("/dev/ttyUSB0", 115200)
    assert form.name_edit.isReadOnly() and form.mode_combo.currentData() == "hybrid"
    form.cutter_combo.setCurrentIndex(form.cutter_combo.findData("full"))
    kept = form.profile()
    assert (kept.render.codec, kept.render.code_page, kept.render.cutter.value) == ("cp1251", 46, "full")
    assert str(kept.transport) == "serial:/dev/ttyUSB0@115200"
    form.paper_combo.setCurrentIndex(form.paper_combo.findData("58"))
    fresh = form.profile()  # another roll: the defaults of that roll and mode (calibrate it again)
    assert (fresh.render.head_dots, fresh.render.codec, fresh.render.code_page) == (384, "cp866", 17)
    form.serial_edit.clear()
    assert "serial port" in form.hint_label.text() and not form.ok_button.isEnabled()


async def _never_saved(printer: Any, default: bool) -> None:
    raise AssertionError("not saved in this test")


def test_a_cashier_sees_receipt_printers_disabled_with_the_reason(console: Any, qtbot: Any) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    action = console.window.commands.printers
    assert not action.isEnabled()
    assert "Only a manager or an administrator can change the printers" in action.toolTip()
    action.trigger()
    assert not shown(PrintersDialog)


def test_calibration_picks_kz1048_when_the_manager_chooses_line_1(
    console: Any, qtbot: Any, arun: Any, fake: FakePrinter
) -> None:
    manager = console.manager
    raster = make_profile("front", f"network:{fake.host}:{fake.port}", "58", "raster")
    arun(console.ctx.printing.save_printer(manager, raster, default=True))
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_printers(qtbot, console)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.calibrate_button, LEFT)
    question = wait_shown(qtbot, CalibrationQuestion)
    # the page came out: on this printer every candidate line is right, line 1 with every Kazakh letter
    [job] = printed(qtbot, fake)
    assert job.printout.lines == [candidate_line(c) for c in CANDIDATES]
    assert not question.ok_button.isEnabled()  # a line must be chosen
    qtbot.mouseClick(question.choices.button(1), LEFT)  # "1 ӘәҒғ…": line 1 printed right
    qtbot.mouseClick(question.ok_button, LEFT)
    qtbot.waitUntil(lambda: "now prints" in dialog.status_label.text(), timeout=SLOW)
    [front] = arun(console.ctx.printing.book()).printers
    assert (front.render.mode, front.render.codec, front.render.code_page) == (TextMode.KZ1048, "kz1048", 53)
    assert arun(console.ctx.printing.book()).defaults  # still this register's default
    dialog.reject()


# -- printing a receipt from the main window ------------------------------------------------------------


def receipt_dialog(qtbot: Any) -> ReceiptDialog:
    def open_ones() -> list[ReceiptDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, ReceiptDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(open_ones()), timeout=SLOW)
    return open_ones()[0]


def press_ctrl_p(qtbot: Any, window: Any) -> ReceiptDialog:
    """Select the sale in the list and press Ctrl+P, as the cashier does."""
    qtbot.waitUntil(lambda: window.payments_view.select_invoice(INVOICE), timeout=SLOW)
    qtbot.waitUntil(
        lambda: window.detail_view.view is not None and window.detail_view.view.payment.invoice_id == INVOICE,
        timeout=SLOW,
    )
    qtbot.waitUntil(window.commands.print_receipt.isEnabled, timeout=SLOW)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.payments_view.table.setFocus()
    qtbot.keyClick(window.payments_view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    return receipt_dialog(qtbot)


@pytest.fixture
def counter(console: Any, arun: Any, fake: FakePrinter) -> Any:
    """A paid sale, the register's default printer "front" (58 mm, KZ-1048), the cashier logged in."""
    ctx = console.ctx
    cashier = arun(ctx.users.list_users(console.manager))
    sale_row(ctx, next(u for u in cashier if u.name == CASHIER), INVOICE, ConsoleStatus.CHARGE)
    front = make_profile("front", f"network:{fake.host}:{fake.port}", "58", "kz1048")
    arun(ctx.printing.save_printer(console.manager, front, default=True))
    console.log_in(CASHIER, CASHIER_PIN)
    return console


def test_ctrl_p_prints_the_receipt_on_the_registers_thermal_printer(
    counter: Any, qtbot: Any, arun: Any, fake: FakePrinter
) -> None:
    dialog = press_ctrl_p(qtbot, counter.window)
    assert dialog.thermal is not None and dialog.print_button.toolTip() == "Print on front."
    assert dialog.print_button.text() == "Print"  # straight to the printer: no dialog follows, no "…"
    # the shop's receipts are 80 mm; the preview shows the 58 mm roll this printer prints on
    assert dialog.draft.width is ReceiptWidth.MM58
    draft_text = shown_text(dialog)
    qtbot.mouseClick(dialog.print_button, LEFT)
    qtbot.waitUntil(lambda: "Printed on front." in dialog.status_label.text(), timeout=SLOW)
    [job] = printed(qtbot, fake)
    assert job.error is None and len(job.printout.cuts) == 1 and job.printout.lost_bytes == 0
    assert INVOICE.value in job.printout.text
    [receipt] = arun(counter.ctx.receipts.receipts_for(INVOICE))
    assert receipt.kind is ReceiptKind.SALE and dialog.record == receipt
    assert receipt.display_number in dialog.title.text()
    # the preview now shows the slip that was printed, with its number, not the draft
    assert receipt.display_number not in draft_text and receipt.display_number in shown_text(dialog)
    assert dialog.print_button.text() == "Print"
    dialog.reject()


def shown_text(dialog: ReceiptDialog) -> str:
    """The text of the receipt the dialog's preview shows."""
    document = dialog.preview.document()
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def test_out_of_paper_is_said_and_print_again_prints_a_duplicate_after_a_new_roll(
    counter: Any, qtbot: Any, arun: Any, fake: FakePrinter
) -> None:
    dialog = press_ctrl_p(qtbot, counter.window)
    status = dialog.status_label

    # out of paper before the print: said plainly, nothing sent, no receipt number used
    fake.set_trouble(paper_out=True)
    qtbot.mouseClick(dialog.print_button, LEFT)
    qtbot.waitUntil(lambda: "no receipt was issued" in status.text(), timeout=SLOW)
    assert status.text().startswith("The printer is out of paper: load a new roll.")
    assert dialog.print_button.text() == "Print again" and dialog.print_button.isEnabled()
    assert arun(counter.ctx.receipts.receipts_for(INVOICE)) == []
    said_in_english = status.text()
    try:  # the console switched to Russian while the dialog is open: the status line follows, still red
        translations().switch("ru")
        assert status.text().startswith("В принтере закончилась бумага: вставьте новую ленту. Ничего не")
        assert dialog.print_button.text() == "Напечатать снова"
        assert status.styleSheet() == theme.style("error_label")
    finally:
        translations().switch("en")
    assert status.text() == said_in_english and dialog.print_button.text() == "Print again"
    assert all(not job.printout.lines for job in printed_jobs(fake))  # status requests only

    fake.set_trouble(cover_open=True)
    qtbot.mouseClick(dialog.print_button, LEFT)
    qtbot.waitUntil(lambda: status.text().startswith("The printer's cover is open: close it."), timeout=SLOW)
    assert arun(counter.ctx.receipts.receipts_for(INVOICE)) == []

    # the paper runs out under the receipt: kept, said, and Print again is offered
    fake.set_trouble(paper_out_after_bytes=400)
    qtbot.mouseClick(dialog.print_button, LEFT)
    qtbot.waitUntil(lambda: "may be incomplete" in status.text(), timeout=SLOW)
    assert "out of paper" in status.text() and dialog.print_button.text() == "Print again"
    [kept] = arun(counter.ctx.receipts.receipts_for(INVOICE))
    assert kept.kind is ReceiptKind.SALE

    fake.load_paper()
    before = len(printed_jobs(fake))
    qtbot.mouseClick(dialog.print_button, LEFT)
    qtbot.waitUntil(lambda: "Printed on front." in status.text(), timeout=SLOW)
    first, again = arun(counter.ctx.receipts.receipts_for(INVOICE))
    assert first == kept and again.kind is ReceiptKind.DUPLICATE
    whole = [job for job in printed(qtbot, fake, since=before) if job.printout.cuts]
    assert len(whole) == 1 and whole[0].printout.lost_bytes == 0
    assert dialog.duplicate_label.isVisible() and dialog.record == again
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=5000)
