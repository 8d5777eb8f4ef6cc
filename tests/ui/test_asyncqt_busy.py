"""A busy indicator on every wait longer than 300 ms (issue 7, point 8), on the real MainWindow.

Ctrl+R runs the refund flow as a guarded action; the service it asks first (``get_view``) is held
open. After 300 ms the cursor is the busy cursor and the status bar says "Working…"; when the
answer comes the refund dialog opens and the indicator goes (a person is awaited now, not the
console). An action that ends sooner never shows it.
"""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.app.flows import money_flow
from epay_desktop.ui.common import asyncqt
from epay_desktop.ui.common.asyncqt import busy_indicator
from epay_desktop.ui.common.asyncqt import start_action
from epay_desktop.ui.money.refund_dialog import RefundDialog
from epay_desktop.ui.session.login import LoginForm
from epay_desktop.ui.window.main_window import MainWindow

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
MANAGER = User(1, "Daniyar", Role.MANAGER, True, 0, None, NOW)


@pytest.fixture
def window(qtbot, aloop, fake_services, make_payment):
    fake_services.queries.add(make_payment(status=S.CHARGE))
    w = MainWindow(fake_services.queries, fake_services.receipts, environment="sandbox", user=MANAGER)
    qtbot.addWidget(w)
    w.refund_requested.connect(
        lambda invoice: start_action(
            w, "money:refund", lambda: money_flow("refund", w, fake_services, MANAGER, invoice)
        )
    )
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)  # shortcuts need an active window (a WM)
    qtbot.waitUntil(lambda: w.payments_view.model.rowCount() == 1)
    w.payments_view.table.setFocus()
    w.payments_view.table.setCurrentIndex(w.payments_view.model.index(0, 0))
    qtbot.waitUntil(w.commands.refund.isEnabled)
    return w


def cursor_is_busy() -> bool:
    cursor = QApplication.overrideCursor()
    return cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor


def test_a_slow_answer_shows_the_busy_cursor_and_text_until_it_comes(qtbot, window, fake_services):
    busy = busy_indicator()
    assert not busy.active and not cursor_is_busy()
    original = fake_services.queries.get_view
    fake_services.queries.hold()  # the service does not answer yet
    held = fake_services.queries.gate

    async def slow_get_view(invoice):
        await held.wait()
        return await original(invoice)

    fake_services.queries.get_view = slow_get_view
    fake_services.queries.gate = None  # only get_view waits
    qtbot.keyClick(window.payments_view.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert not busy.active  # not before 300 ms
    qtbot.waitUntil(lambda: busy.active, timeout=3000)
    assert cursor_is_busy()
    assert window.statusBar().currentMessage() == "Working… please wait"

    held.set()  # the answer comes: the dialog waits for a person, the console is not busy
    qtbot.waitUntil(
        lambda: any(isinstance(w, RefundDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    assert not busy.active and not cursor_is_busy()
    assert window.statusBar().currentMessage() == ""
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RefundDialog))
    dialog.reject()


def test_a_quick_action_never_shows_it(qtbot, aloop, window, monkeypatch, async_stub):
    monkeypatch.setattr(asyncqt, "BUSY_AFTER_MS", 50)
    busy = busy_indicator()
    shown: list[bool] = []
    busy.changed.connect(shown.append)
    checks = busy.checks
    task = start_action(window, "quick", async_stub(result=None))
    qtbot.waitUntil(lambda: task.done() and busy.checks > checks)
    assert shown == [] and not cursor_is_busy()


def test_a_slow_pin_check_at_login_shows_it_too(qtbot, aloop, fake_services):
    auth = fake_services.users.authenticate
    auth.result = MANAGER
    auth.hold()  # the PIN check takes its time (key stretching)
    form = LoginForm(fake_services.users)
    qtbot.addWidget(form)
    form.show()
    form.fill("Daniyar", "2222")
    qtbot.mouseClick(form.login_button, Qt.MouseButton.LeftButton)
    busy = busy_indicator()
    qtbot.waitUntil(lambda: busy.active, timeout=3000)
    assert cursor_is_busy()
    with qtbot.waitSignal(form.logged_in):
        auth.release()
    qtbot.waitUntil(lambda: not busy.active)
    assert not cursor_is_busy()
