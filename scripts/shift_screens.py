# ruff: noqa: S108  (a developer tool: writes into the folder it is given)
"""The shift screenshots, taken of the REAL demo console offscreen (``SHOTS=shifts`` of screenshots.py).

Runs the console in-process (``run_gui(demo=True)``, Russian, QT_QPA_PLATFORM=offscreen) on a fresh demo
folder and drives it as the cashier and the manager do, through the main window's commands:
Айгерим takes the demo shift's X report with the bank check (its seeded differences show), then asks
to close the shift with Данияр's name and PIN typed in place; the Z report is shown in Kazakh; Данияр
opens Settings > Shifts. The Z report's three-way check with the demo's fiscal register is shot in
Russian (decision 0126). Then, as the printer sandbox prints them on a 58 mm roll in hybrid mode: the
Z report in Kazakh and a Kazakh sale receipt of the demo shop. Saves the PNGs into the folder given::

    QT_QPA_PLATFORM=offscreen .venv-dev/bin/python scripts/shift_screens.py docs/screenshots

Look at every picture before committing it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from collections.abc import Coroutine
from pathlib import Path
from typing import Any
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget

from epay_desktop.app import AppContext
from epay_desktop.app import store_of
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts.escpos import escpos_renderer
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.escpos_profile import render_profile
from epay_desktop.receipts.shift_layout import render_shift_escpos
from epay_desktop.sandbox.printer.interpreter import Printout
from epay_desktop.sandbox.printer.interpreter import render_escpos
from epay_desktop.store.models import PaymentRow
from epay_desktop.ui.app import main as gui
from epay_desktop.ui.app.controller import AppController
from epay_desktop.ui.app.main import make_application
from epay_desktop.ui.app.main import run_gui
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.session.lock_screen import LockScreen
from epay_desktop.ui.settings.settings_dialog import SettingsDialog
from epay_desktop.ui.shifts.close_dialog import CloseShiftDialog
from epay_desktop.ui.shifts.report_view import ShiftReportDialog
from epay_desktop.ui.window.main_window import MainWindow

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots").resolve()
W = TypeVar("W", bound=QWidget)
ON_58MM = render_profile(ReceiptWidth.MM58, TextMode.HYBRID)  # cp866 text, Kazakh lines as images
CONTROLLERS: list[AppController] = []


class _Seen(AppController):
    """The console's own controller, kept where the script can reach its services."""

    def __init__(self, ctx: AppContext, *args: Any, **kwargs: Any) -> None:
        super().__init__(ctx, *args, **kwargs)
        CONTROLLERS.append(self)


async def until(found: Callable[[], Any], what: str, timeout: float = 90) -> Any:
    """``found()`` once it is truthy (the console works on its own loop meanwhile)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        value = found()
        if value:
            return value
        await asyncio.sleep(0.2)
    raise SystemExit(f"shift_screens: no {what} after {timeout} s")


def shown(kind: type[W]) -> W | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


async def settle() -> None:
    """Time for the layout and the paint events of what just changed."""
    await asyncio.sleep(0.8)  # never processEvents() here: it would run the console's tasks inside this one


async def shot(widget: QWidget, name: str) -> None:
    await settle()
    widget.grab().save(str(OUT / f"{name}.png"))
    print("shot", name, flush=True)


async def log_in(window: MainWindow, name: str, pin: str) -> None:
    lock = await until(lambda: window.findChild(LockScreen), "lock screen")
    form = lock.form
    await until(form.isVisible, "login form")
    form.name_edit.setText(name)
    form.secret_edit.setText(pin)
    QTest.keyClick(form.secret_edit, Qt.Key.Key_Return)
    await until(lambda: not lock.isVisible(), f"{name} logged in")
    await settle()


async def answer_box(button: QMessageBox.StandardButton) -> None:
    box = await until(lambda: shown(QMessageBox), "question")
    box.button(button).click()


def save_paper(printed: Printout, name: str) -> None:
    printed.image.save(OUT / f"{name}.png")
    print("shot", name, flush=True)


async def sale_receipt_on_58mm(ctx: AppContext, window: MainWindow) -> None:
    """The newest paid demo sale's receipt in Kazakh, as the printer sandbox prints it on 58 mm."""
    with store_of(ctx).read() as tx:
        row = (
            tx.session.query(PaymentRow)
            .filter(PaymentRow.status == ConsoleStatus.CHARGE.value)
            .order_by(PaymentRow.created_at.desc())
            .first()
        )
        assert row is not None, "the demo has no paid sale"
        invoice = InvoiceId(row.invoice_id)
    user = CONTROLLERS[0].session.user
    assert user is not None
    request = ReceiptRequest.of(invoice, ReceiptKind.SALE, ReceiptWidth.MM58, ReceiptLanguage.KK)
    _record, job = await ctx.receipts.issue_receipt(user, request, render=escpos_renderer(lambda _w: ON_58MM))
    save_paper(render_escpos(job, ON_58MM.head_dots), "thermal-58mm-kk-hybrid")


async def fiscal_part(z: ShiftReportDialog) -> None:
    """The Z report's three-way check in Russian (decision 0126): the demo's fiscal mismatches with what to
    do, and the fiscal register's own Z report, scrolled into view."""
    translations().switch("ru")
    await settle()
    box = await until(lambda: z.page.findChild(QGroupBox, "report_fiscal"), "the fiscal register's part")
    z.resize(1100, 760)
    await settle()
    z.page_scroll.verticalScrollBar().setValue(box.y() - 8)
    await shot(z, "shift-z-report-fiscal-ru")
    translations().switch("kk")


async def drive() -> None:
    window = await until(lambda: shown(MainWindow), "main window")
    window.resize(1280, 760)
    commands = window.commands
    await log_in(window, "Айгерим", "1111")
    await until(commands.shift_x.isEnabled, "X report enabled")
    commands.shift_x.trigger()
    await answer_box(QMessageBox.StandardButton.Yes)  # with the bank check
    report = await until(lambda: shown(ShiftReportDialog), "X report")
    report.resize(1100, 880)  # whole, no scrolling
    await shot(report, "shift-x-report-ru")
    report.accept()

    await until(commands.shift_close.isEnabled, "Close shift enabled")
    commands.shift_close.trigger()
    close = await until(lambda: shown(CloseShiftDialog), "close step")
    close.approval.manager_edit.setText("Данияр")
    close.approval.pin_edit.setText("2222")
    await shot(close, "shift-close-ru")
    translations().switch("kk")  # the Z report opens in Kazakh
    close.ok_button.click()
    z = await until(lambda: shown(ShiftReportDialog), "Z report", 180)
    z.resize(1100, 1130)  # whole, no scrolling
    await shot(z, "shift-z-report-kk")
    job = render_shift_escpos(z.report, ON_58MM, ReceiptLanguage.KK)
    save_paper(render_escpos(job, ON_58MM.head_dots), "shift-z-58mm-kk")
    await fiscal_part(z)
    z.accept()
    await sale_receipt_on_58mm(CONTROLLERS[0].ctx, window)
    translations().switch("ru")

    commands.switch_user.trigger()
    await log_in(window, "Данияр", "2222")
    commands.settings.trigger()
    settings = await until(lambda: shown(SettingsDialog), "settings")
    settings.tabs.setCurrentWidget(settings.shifts_page)
    await shot(settings, "settings-shifts-ru")
    settings.reject()
    await settle()
    window.close()


def run_demo(drive: Callable[[], Coroutine[Any, Any, None]], name: str) -> int:
    """The demo console offscreen, in Russian, on a fresh folder (``name`` in the temp folder), while
    ``drive()`` works it; its failure is raised once the console has closed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    OUT.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.gettempdir()) / f"{name}-demo"
    shutil.rmtree(home, ignore_errors=True)
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix=f"{name}-config-")
    qapp = make_application()
    gui.AppController = _Seen  # type: ignore[misc]
    failure: list[BaseException] = []

    def start() -> None:
        task = asyncio.ensure_future(drive())

        def done(t: asyncio.Future[None]) -> None:
            if t.exception() is not None:
                failure.append(t.exception())  # type: ignore[arg-type]
                for widget in QApplication.topLevelWidgets():
                    if isinstance(widget, QDialog):
                        widget.reject()
                    if isinstance(widget, MainWindow):
                        widget.close()

        task.add_done_callback(done)

    QTimer.singleShot(0, qapp, start)
    code = run_gui(demo=True, demo_home=str(home), language="ru")
    if failure:
        raise failure[0]
    return code


def main() -> int:
    return run_demo(drive, "epay-shift-shots")


if __name__ == "__main__":
    sys.exit(main())
