"""The shift report window and the shift history (issue 13 item 4; decision 0113) on the REAL services
(``open_app`` on a fresh SQLite database) against the loopback sandbox: a shift with two sales, a refund
and a refund made in the bank's cabinet, closed with the bank check; the Z report's figures as the
window shows them, Save as PDF/CSV through the save dialog, Print on the register's receipt printer
(the sandbox's fake network printer) and, without one, through the system print dialog; the history
opens a closed shift's stored Z report and offers the open one's X report, which shows a refund made
between the shifts apart from its own figures (decision 0145)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QWidget

from epay_desktop.app import open_app
from epay_desktop.demo import demo_environ
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.shifts import SHIFT_WARN_AFTER
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.domain.shifts import chain_note
from epay_desktop.domain.shifts import overdue_warning
from epay_desktop.receipts.printers import make_profile
from epay_desktop.sandbox.printer.server import FakePrinter
from epay_desktop.ui.common import language
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.shifts.history import ShiftHistoryDialog
from epay_desktop.ui.shifts.report_view import ShiftReportDialog
from tests.support.catalogue import compile_catalogue
from tests.support.file_dialogs import print_to_pdf
from tests.support.file_dialogs import wait_file_dialog
from tests.support.live_console import add_people
from tests.support.pdf import pdf_text
from tests.support.sandbox import APPROVED_CARD
from tests.support.sandbox import SandboxControl
from tests.support.windows import SLOW_MS
from tests.support.windows import wait_shown

LEFT = Qt.MouseButton.LeftButton


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def shop(qtbot: Any, aloop: Any, arun: Any, tmp_path: Path, sandbox: Any) -> Iterator[SimpleNamespace]:
    """The console's services on the sandbox, a manager and a cashier; a window to open dialogs over."""
    ctx = arun(open_app(demo_environ(tmp_path / "home", sandbox.base_url)), timeout=SLOW_MS)
    manager, cashier = add_people(arun, ctx)
    parent = QWidget()
    parent.resize(1280, 800)
    qtbot.addWidget(parent)
    parent.show()
    try:
        yield SimpleNamespace(
            ctx=ctx, manager=manager, cashier=cashier, base=sandbox.base_url, parent=parent, home=tmp_path
        )
    finally:
        arun(ctx.aclose(), timeout=SLOW_MS)
        executor = getattr(aloop, "_QEventLoop__default_executor", None)  # qasync's QThreadExecutor
        if executor is not None:  # its QThreads would outlive the test ("QThread: Destroyed while running")
            executor.shutdown(wait=True)
            aloop.set_default_executor(None)


def paid(arun: Any, shop: SimpleNamespace, amount: str) -> InvoiceId:
    """A sale the cashier takes and the customer pays with a test card; the console learns it."""
    request = CheckoutRequest(Money.parse(amount), description="Торт")
    invoice: InvoiceId = arun(shop.ctx.payments.create_payment(shop.cashier, request)).payment.invoice_id
    with SandboxControl(shop.base) as control:
        control.customer_pays(invoice.value, APPROVED_CARD)
        arun(shop.ctx.payments.refresh_status(invoice))
    return invoice


def closed_shift(arun: Any, shop: SimpleNamespace) -> tuple[ShiftReport, InvoiceId]:
    """A shift of two sales (1 500 and 2 500), a 500 refund of the second by the manager and a 300 refund
    of the first made in the bank's cabinet (the console does not know), closed with the bank check:
    the Z report, and the invoice refunded at the bank."""
    ctx = shop.ctx
    arun(ctx.shifts.open(shop.cashier))
    first, second = paid(arun, shop, "1500"), paid(arun, shop, "2500")
    arun(ctx.operations.refund(shop.manager, second, Money.parse("500"), reason="customer_request"))
    with SandboxControl(shop.base) as control:
        answer = control.call("POST", f"/sandbox/invoices/{first.value}/refund", params={"amount": "300"})
        assert answer.status_code == 200, answer.text
    return arun(ctx.shifts.close(shop.manager), timeout=SLOW_MS), first


def save_new(box: QFileDialog, folder: Path, name: str) -> None:
    """Type a new file's name in ``folder`` into the save dialog and press Save (nothing to replace)."""
    box.setDirectory(str(folder))
    edit = box.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None
    edit.setText(name)
    box.accept()


def text_of(page: QWidget, name: str) -> str:
    label = page.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def table_of(page: QWidget, name: str) -> QTableWidget:
    table = page.findChild(QTableWidget, name)
    assert table is not None, name
    return table


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [_plain(table.item(r, c).text()) for c in range(table.columnCount())] for r in range(table.rowCount())
    ]


def shown_report(qtbot: Any, shop: SimpleNamespace, report: ShiftReport) -> ShiftReportDialog:
    dialog = ShiftReportDialog(report, shop.ctx.shifts, shop.ctx.printing, shop.parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_z_report_shows_the_services_figures_the_bank_check_and_the_anchor(
    qtbot: Any, arun: Any, shop: SimpleNamespace
) -> None:
    z, refunded_at_bank = closed_shift(arun, shop)
    dialog = shown_report(qtbot, shop, z)
    page = dialog.page
    assert dialog.windowTitle() == f"Z report \u2014 shift {z.shift.label}"
    assert text_of(page, "report_title") == f"Z report \u2014 shift 1, register {z.shift.register_id}"
    assert text_of(page, "report_closed").endswith(", Данияр")
    assert text_of(page, "report_opened").endswith(", Айгерим")
    totals = cells(table_of(page, "totals"))
    assert totals == [
        ["Sales", "2", "4 000,00 ₸"],
        ["Holds", "0", "0,00 ₸"],
        ["Charges", "0", "0,00 ₸"],
        ["Cancellations", "0", "0,00 ₸"],
        ["Refunds", "1", "500,00 ₸"],
        ["Net taken", "", "3 500,00 ₸"],
    ]
    assert z.totals.net_minor == 350_000  # the same figure, from the service
    by_cashier = cells(table_of(page, "by_cashier"))
    assert by_cashier == [
        ["Айгерим", "4 000,00 ₸ (2)", "—", "—", "—", "—", "4 000,00 ₸"],
        ["Данияр", "—", "—", "—", "—", "500,00 ₸ (1)", "−500,00 ₸"],  # a refund alone: below zero
    ]
    assert [row[0] for row in cells(table_of(page, "by_brand"))] == [g.name for g in z.by_brand]
    bank = text_of(page, "bank_summary")
    assert bank.startswith("Payments checked with the bank: 2 of 2.")
    differences = cells(table_of(page, "bank_differences"))
    assert differences == [[refunded_at_bank.value, "Refunded amounts differ", "0,00 ₸", "300,00 ₸"]]
    books = cells(table_of(page, "bank_open_in_books"))
    assert books == [[refunded_at_bank.value, "Refund made outside the console", "—", "300,00 ₸"]]
    anchor = page.findChild(QLineEdit, "anchor_line")  # data: selected and copied as printed
    assert z.anchor is not None and anchor is not None and anchor.text() == z.anchor and anchor.isReadOnly()
    assert page.findChild(QLabel, "anchor_problem") is None
    dialog.resize(1280, 800)
    qtbot.waitUntil(lambda: dialog.page.side_by_side)  # the totals beside the tables on a wide screen
    dialog.resize(700, 700)  # a narrow one: above them, and the page never scrolls sideways
    qtbot.waitUntil(lambda: not dialog.page.side_by_side)
    qtbot.waitUntil(lambda: page.minimumSizeHint().width() <= dialog.page_scroll.viewport().width())
    dialog.reject()


def test_save_as_csv_and_pdf_write_the_report_where_the_save_dialog_says(
    qtbot: Any, arun: Any, shop: SimpleNamespace
) -> None:
    z, _ = closed_shift(arun, shop)
    dialog = shown_report(qtbot, shop, z)
    folder = shop.home / "reports"
    folder.mkdir()
    qtbot.mouseClick(dialog.save_csv_button, LEFT)
    box = wait_file_dialog(qtbot, dialog, "save_shift_report_dialog")
    assert box.selectedFiles()[0].endswith(f"shift-{z.shift.register_id}-1-Z.csv")  # offered name
    save_new(box, folder, "z.csv")
    qtbot.waitUntil(lambda: "Saved to" in dialog.status_label.text(), timeout=SLOW_MS)
    csv_text = (folder / "z.csv").read_text(encoding="utf-8")
    assert "total,,sales,2,4000.00" in csv_text and "total,,net,,3500.00" in csv_text
    assert f"audit,,anchor,,{z.anchor}" in csv_text

    qtbot.waitUntil(dialog.save_pdf_button.isEnabled, timeout=SLOW_MS)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("kk"))  # the shop keeps it in Kazakh
    qtbot.mouseClick(dialog.save_pdf_button, LEFT)
    box = wait_file_dialog(qtbot, dialog, "save_shift_report_dialog")
    save_new(box, folder, "z.pdf")
    qtbot.waitUntil(lambda: "z.pdf" in dialog.status_label.text(), timeout=SLOW_MS)
    text = pdf_text((folder / "z.pdf").read_bytes())
    assert z.anchor is not None and z.anchor in text and "Айгерим" in text and "Z-ЕСЕП" in text
    dialog.reject()


def test_print_sends_the_report_to_the_registers_receipt_printer_in_the_language_chosen(
    qtbot: Any, arun: Any, shop: SimpleNamespace
) -> None:
    z, _ = closed_shift(arun, shop)
    with FakePrinter(576).start_in_thread() as fake:
        front = make_profile("front", f"network:{fake.host}:{fake.port}", "80", "kz1048", code_page=53)
        arun(shop.ctx.printing.save_printer(shop.manager, front, default=True))
        dialog = shown_report(qtbot, shop, z)
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
        qtbot.mouseClick(dialog.print_button, LEFT)
        qtbot.waitUntil(lambda: "Printed on front" in dialog.status_label.text(), timeout=SLOW_MS)

        def printed() -> list[Any]:
            return [job for job in fake.jobs if job.printout is not None and job.printout.lines]

        qtbot.waitUntil(lambda: bool(printed()), timeout=SLOW_MS)
        paper = printed()[0].printout.text
        assert "Z-ОТЧЁТ" in paper and z.anchor is not None and z.anchor.split()[-1] in paper
    dialog.reject()


def test_print_has_no_ellipsis_when_it_goes_straight_to_the_receipt_printer(
    qtbot: Any, arun: Any, shop: SimpleNamespace, open_dialog: Any
) -> None:
    z, _ = closed_shift(arun, shop)
    task, dialog = open_dialog(
        ShiftReportDialog.show_report(shop.parent, z, shop.ctx.shifts, shop.ctx.printing), ShiftReportDialog
    )
    assert dialog.print_button.text() == "&Print\u2026"  # no receipt printer: the system dialog follows
    dialog.reject()
    qtbot.waitUntil(task.done, timeout=SLOW_MS)
    with FakePrinter(576).start_in_thread() as fake:
        front = make_profile("front", f"network:{fake.host}:{fake.port}", "80", "kz1048", code_page=53)
        arun(shop.ctx.printing.save_printer(shop.manager, front, default=True))
        task, dialog = open_dialog(
            ShiftReportDialog.show_report(shop.parent, z, shop.ctx.shifts, shop.ctx.printing),
            ShiftReportDialog,
        )
        assert dialog.print_button.text() == "&Print"  # straight to "front": nothing more is asked
        dialog.reject()
        qtbot.waitUntil(task.done, timeout=SLOW_MS)


def test_without_a_receipt_printer_print_asks_the_system_print_dialog(
    qtbot: Any, arun: Any, shop: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    z, _ = closed_shift(arun, shop)
    target = shop.home / "printed.pdf"
    print_to_pdf(monkeypatch, ShiftReportDialog, target)  # what the system dialog would give
    dialog = shown_report(qtbot, shop, z)
    qtbot.mouseClick(dialog.print_button, LEFT)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Sent to the printer.", timeout=SLOW_MS)
    assert target.stat().st_size > 1000
    dialog.reject()


def test_the_history_opens_a_closed_shifts_stored_z_and_offers_the_open_ones_x(
    qtbot: Any, arun: Any, shop: SimpleNamespace, open_dialog: Any
) -> None:
    z, first = closed_shift(arun, shop)
    # between the shifts (the shop's rule off: allowed): a refund the next shift's reports show apart
    outside = arun(
        shop.ctx.operations.refund(shop.manager, first, Money.parse("200"), reason="customer_request")
    )
    arun(shop.ctx.shifts.open(shop.manager))  # shift 2, open now
    task, history = open_dialog(
        ShiftHistoryDialog.show_history(shop.parent, shop.ctx.shifts, shop.ctx.printing), ShiftHistoryDialog
    )
    rows = cells(history.table)
    assert [row[0] for row in rows] == ["2", "1"]  # the newest first
    assert rows[0][2:5] == ["Данияр", "open now", ""] and _plain(rows[0][5]) == "0,00 ₸ so far"
    assert rows[1][2] == "Айгерим" and rows[1][4] == "Данияр" and rows[1][5] == "3 500,00 ₸"

    history.table.selectRow(1)
    assert history.row_note.isHidden() and history.open_button.text() == "&Open report"
    qtbot.mouseClick(history.open_button, LEFT)
    report = wait_shown(qtbot, ShiftReportDialog)
    assert report.report == z == arun(shop.ctx.shifts.report(z.shift.id))  # the one kept at the close
    report.reject()
    qtbot.waitUntil(history.open_button.isEnabled, timeout=SLOW_MS)

    history.table.selectRow(0)  # the open shift: no Z report yet, said under the list; its X is offered
    assert history.row_note.isVisible() and "Shift 2 is still open" in history.row_note.text()
    assert history.open_button.text() == "Show the &X report"
    qtbot.mouseClick(history.open_button, LEFT)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, ShiftReportDialog) and w.isVisible() and w.report.kind is ReportKind.X
            for w in QApplication.topLevelWidgets()
        ),
        timeout=SLOW_MS,
    )
    x = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShiftReportDialog) and w.isVisible())
    assert x.report.shift.number == 2 and x.report.shift.is_open
    assert x.report.totals.net_minor == 0  # decision 0145: not in the shift's own figures, beside them
    box = x.page.findChild(QGroupBox, "report_outside")
    assert box is not None and box.title() == "Outside any shift"
    assert "while it had no shift open" in text_of(x.page, "outside_summary")
    assert cells(table_of(x.page, "outside_totals")) == [
        ["Refunds", "1", "200,00 ₸"],
        ["Net taken", "", "−200,00 ₸"],
    ]
    [row] = cells(table_of(x.page, "outside_operations"))
    assert (
        row[1:] == [first.value, "Refund", "200,00 ₸", "Данияр"]
        and outside.register_id == z.shift.register_id
    )
    x.reject()
    history.reject()
    qtbot.waitUntil(task.done, timeout=SLOW_MS)


def test_a_language_switch_draws_the_report_again_in_the_new_language(
    qtbot: Any, arun: Any, shop: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = shop.home / "i18n"
    folder.mkdir()
    words = [
        ("Language", "en", "kk"),  # the catalogue says which language it is (ui_language)
        ("ShiftReportDialog", "Totals", "Жиынтық"),
        ("ShiftReportDialog", "X report \u2014 shift {shift}", "X-есеп \u2014 {shift} ауысымы"),
    ]
    compile_catalogue(folder, "kk", words)
    monkeypatch.setattr(language, "translations_dir", lambda: folder)
    arun(shop.ctx.shifts.open(shop.cashier))
    x = arun(shop.ctx.shifts.x_report())
    day_later = x.made_at + timedelta(hours=25)  # the service's own warning, made as if a day later
    warning = overdue_warning(x.shift, day_later, SHIFT_WARN_AFTER)
    assert warning is not None
    dialog = shown_report(qtbot, shop, replace(x, warnings=(warning,)))
    assert "has been open for 25 hours" in text_of(dialog.page, "report_warning_0")
    try:
        translations().switch("kk")
        qtbot.waitUntil(lambda: dialog.windowTitle() == f"X-есеп \u2014 {x.shift.label} ауысымы")
        page = dialog.page  # drawn again: the composed texts and the service's notes in Kazakh
        assert (
            text_of(page, "report_warning_0")
            == f"{x.shift.label} ауысымы 25 сағат бойы ашық: оны Z-есеппен жабыңыз."
        )
        totals = page.findChild(QGroupBox, "report_totals")
        assert totals is not None and totals.title() == "Жиынтық"
    finally:
        translations().reset()
    dialog.reject()


def test_an_empty_shift_closed_without_the_check_and_a_broken_audit_log_are_said_plainly(
    qtbot: Any, arun: Any, real_console: Any
) -> None:
    ctx, manager = real_console.ctx, real_console.manager
    arun(ctx.shifts.open(manager))
    z = arun(ctx.shifts.close(manager), timeout=SLOW_MS)
    broken = replace(z, bank=None, anchor=None, anchor_problem=chain_note("entry 3 was changed", 3))
    dialog = ShiftReportDialog(broken, ctx.shifts, ctx.printing, real_console.window)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.page
    assert text_of(page, "by_cashier_none") == text_of(page, "by_brand_none") == "Nothing in this shift."
    assert text_of(page, "report_unresolved") == "Every operation's outcome is known."
    assert text_of(page, "bank_summary") == (
        "The payments were not checked with the bank: the check was skipped at the close."
    )
    assert text_of(page, "anchor_problem") == (
        "The audit log is NOT intact, so this report has no anchor.\nEntry 3 was changed"
    )
    assert page.findChild(QLineEdit, "anchor_line") is None
    dialog.reject()
