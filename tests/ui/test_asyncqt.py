"""run_dialog / ask_message without exec(), and action_slot: busy guard, plain-words errors, crashes."""

from __future__ import annotations

import asyncio

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import RuleViolation
from epay_desktop.ui.common.asyncqt import action_slot
from epay_desktop.ui.common.asyncqt import ask_message
from epay_desktop.ui.common.asyncqt import is_busy
from epay_desktop.ui.common.asyncqt import run_dialog
from epay_desktop.ui.common.asyncqt import show_error
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.asyncqt import start_action
from epay_desktop.ui.common.asyncqt import user_message_of

LEFT = Qt.MouseButton.LeftButton


class NoExecDialog(QDialog):
    def exec(self) -> int:  # the helpers must never call it
        raise AssertionError("exec() called inside a coroutine")


def test_run_dialog_opens_window_modal_and_returns_the_result(qtbot, aloop):
    owner = QWidget()
    qtbot.addWidget(owner)
    dialog = NoExecDialog(owner)
    task = asyncio.ensure_future(run_dialog(dialog))
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.isModal()
    dialog.accept()
    qtbot.waitUntil(task.done)
    assert task.result() == QDialog.DialogCode.Accepted


def test_run_dialog_rejected_and_reusable(qtbot, aloop):
    dialog = NoExecDialog()
    qtbot.addWidget(dialog)
    for _ in range(2):
        task = asyncio.ensure_future(run_dialog(dialog))
        qtbot.waitUntil(dialog.isVisible)
        dialog.reject()
        qtbot.waitUntil(task.done)
        assert task.result() == QDialog.DialogCode.Rejected


def test_cancelling_the_waiting_task_closes_the_dialog(qtbot, aloop):
    dialog = NoExecDialog()
    qtbot.addWidget(dialog)
    task = asyncio.ensure_future(run_dialog(dialog))
    qtbot.waitUntil(dialog.isVisible)
    task.cancel()
    qtbot.waitUntil(task.done)
    assert task.cancelled()
    assert not dialog.isVisible()


def test_ask_message_returns_the_button_pressed(qtbot, aloop):
    owner = QWidget()
    qtbot.addWidget(owner)
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    task = asyncio.ensure_future(ask_message(owner, "Refund", "Refund 500,00 ₸?", buttons))
    qtbot.waitUntil(lambda: bool(owner.findChildren(QMessageBox)))
    box = owner.findChildren(QMessageBox)[0]
    assert box.text() == "Refund 500,00 ₸?"
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(task.done)
    assert task.result() == QMessageBox.StandardButton.Yes


def test_ask_message_escape_means_no(qtbot, aloop):
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    task = asyncio.ensure_future(ask_message(None, "t", "<b>not html</b>", buttons))
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert box.textFormat() == box.textFormat().PlainText
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(task.done)
    assert task.result() == QMessageBox.StandardButton.No


def test_ask_message_closed_without_a_button_counts_as_escape(qtbot, aloop):
    buttons = QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
    task = asyncio.ensure_future(ask_message(None, "t", "Print the receipt?", buttons))
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    QApplication.activeModalWidget().reject()
    qtbot.waitUntil(task.done)
    assert task.result() == QMessageBox.StandardButton.Cancel


def test_user_message_is_detected_structurally():
    class GatewaySaysNo(Exception):  # like EpayError, which ui must not import
        user_message = "The bank did not answer. Nothing was charged; try again."

    assert user_message_of(GatewaySaysNo()) == GatewaySaysNo.user_message
    assert (
        user_message_of(RuleViolation("A refund must be at least 10 ₸.")) == "A refund must be at least 10 ₸."
    )
    assert user_message_of(ValueError("bug")) is None
    assert user_message_of(type("E", (Exception,), {"user_message": "  "})()) is None


# -- action_slot -----------------------------------------------------------------------------------


class Panel(QWidget):
    """A screen with a thin async slot, the way the console's widgets are written."""

    def __init__(self, service) -> None:
        super().__init__()
        self.service = service
        self.refund_button = QPushButton("Refund", self)
        self.print_button = QPushButton("Print", self)
        self.refund_action = QAction("Refund", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.refund_button)
        layout.addWidget(self.print_button)
        self.refund_button.clicked.connect(self.on_refund_button_clicked)
        self.refund_action.triggered.connect(self.on_refund_button_clicked)
        self.shown: list[str] = []
        self.after_calls = 0

    @action_slot(busy=("print_button",), after="update_actions")
    async def on_refund_button_clicked(self) -> None:
        result = await self.service("invoice-1")
        self.shown.append(result)

    def update_actions(self) -> None:
        self.after_calls += 1


@pytest.fixture
def panel(qtbot, aloop, async_stub):
    widget = Panel(async_stub(result="done"))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_double_click_runs_the_action_once(qtbot, panel):
    panel.service.hold()
    qtbot.mouseClick(panel.refund_button, LEFT)
    qtbot.waitUntil(lambda: len(panel.service.calls) == 1)
    assert not panel.refund_button.isEnabled()  # the sender is disabled while it runs
    assert not panel.print_button.isEnabled()  # and what busy= names
    qtbot.mouseClick(panel.refund_button, LEFT)  # clicking a disabled button: nothing
    assert panel.on_refund_button_clicked() is None  # a queued second trigger: ignored
    assert is_busy(panel, "on_refund_button_clicked")
    panel.service.release()
    qtbot.waitUntil(lambda: panel.shown == ["done"])
    qtbot.waitUntil(panel.refund_button.isEnabled)
    assert panel.print_button.isEnabled()
    assert len(panel.service.calls) == 1
    assert panel.after_calls == 1
    assert not is_busy(panel, "on_refund_button_clicked")


def test_action_can_run_again_after_it_finished(qtbot, panel):
    for expected in (1, 2):
        qtbot.mouseClick(panel.refund_button, LEFT)
        qtbot.waitUntil(lambda n=expected: panel.after_calls == n)
    assert len(panel.service.calls) == 2


def test_menu_action_is_disabled_while_running(qtbot, panel):
    panel.service.hold()
    panel.refund_action.trigger()
    qtbot.waitUntil(lambda: len(panel.service.calls) == 1)
    assert not panel.refund_action.isEnabled()
    panel.refund_action.trigger()  # disabled QAction: Qt does not emit
    panel.service.release()
    qtbot.waitUntil(panel.refund_action.isEnabled)
    assert len(panel.service.calls) == 1


def test_disabled_state_before_the_action_is_kept(qtbot, panel):
    panel.print_button.setEnabled(False)  # e.g. nothing to print yet
    qtbot.mouseClick(panel.refund_button, LEFT)
    qtbot.waitUntil(lambda: panel.after_calls == 1)
    assert not panel.print_button.isEnabled()


def test_error_with_user_message_is_shown_in_plain_words(qtbot, panel):
    panel.service.error = RuleViolation("The refund is more than what remains (500,00 ₸).")
    qtbot.mouseClick(panel.refund_button, LEFT)
    qtbot.waitUntil(lambda: bool(panel.findChildren(QMessageBox, "user_error_box")))
    box = panel.findChildren(QMessageBox, "user_error_box")[0]
    assert box.text() == "The refund is more than what remains (500,00 ₸)."
    assert "Traceback" not in box.text() + box.informativeText() + box.detailedText()
    assert box.isVisible() and box.isModal()
    qtbot.waitUntil(panel.refund_button.isEnabled)
    assert panel.shown == []


def test_gateway_style_error_is_shown_too(qtbot, panel):
    class OutcomeUnknown(Exception):
        def __init__(self) -> None:
            super().__init__("POST /operation/refund timed out after 30 s")
            self.user_message = "The bank did not answer in time. The console is checking the result."

    panel.service.error = OutcomeUnknown()
    qtbot.mouseClick(panel.refund_button, LEFT)
    qtbot.waitUntil(lambda: bool(panel.findChildren(QMessageBox, "user_error_box")))
    text = panel.findChildren(QMessageBox, "user_error_box")[0].text()
    assert text == "The bank did not answer in time. The console is checking the result."
    assert "POST" not in text


def test_unexpected_error_goes_to_the_crash_handler(qtbot, panel):
    panel.service.error = KeyError("bug")
    with qtbot.capture_exceptions() as captured:
        qtbot.mouseClick(panel.refund_button, LEFT)
        qtbot.waitUntil(lambda: len(captured) == 1)
    assert captured[0][0] is KeyError
    assert panel.findChildren(QMessageBox, "user_error_box") == []
    qtbot.waitUntil(panel.refund_button.isEnabled)  # the button comes back even after a bug


def test_start_action_without_a_decorator(qtbot, aloop, async_stub):
    owner = QWidget()
    qtbot.addWidget(owner)
    button = QPushButton(owner)
    stub = async_stub(result=1)
    stub.hold()
    first = start_action(owner, "print", lambda: stub(), disable=[button])
    assert first is not None and not button.isEnabled()
    assert start_action(owner, "print", lambda: stub()) is None
    assert start_action(owner, "other", lambda: stub()) is not None  # a different action may run
    stub.release()
    qtbot.waitUntil(first.done)
    assert button.isEnabled()


def test_spawn_reports_unexpected_errors(qtbot, aloop):
    async def broken() -> None:
        raise RuntimeError("bug")

    with qtbot.capture_exceptions() as captured:
        task = spawn(broken(), name="broken")
        qtbot.waitUntil(lambda: len(captured) == 1)
    assert task.get_name() == "broken"
    assert isinstance(captured[0][1], RuntimeError)


def test_show_error_survives_a_deleted_parent(qtbot, aloop):
    owner = QWidget()
    box = show_error(owner, "x")
    box.close()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    box = show_error(owner, "Still shown")
    qtbot.addWidget(box)
    assert box.parent() is None and box.text() == "Still shown"


def test_an_action_that_outlives_its_closed_dialog_is_not_a_crash(qtbot, aloop, async_stub):
    """Esc while a save runs: the file is written, the status line has no window left to show in."""
    owner = QWidget()
    label = QLabel(owner)
    stub = async_stub(result="saved.pdf")
    stub.hold()
    shown: list[str] = []

    async def save() -> None:
        saved = await stub()
        shown.append(saved)
        label.setText(f"Saved to {saved}")  # the dialog's last line, as receipts_ui writes it

    owner.show()
    with qtbot.capture_exceptions() as captured:
        task = start_action(owner, "on_save_button_clicked", save)
        assert task is not None
        owner.close()
        owner.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(label))
        stub.release()
        qtbot.waitUntil(task.done)
    assert shown == ["saved.pdf"]  # the work itself ran to the end
    assert captured == []  # and nothing reached the crash handler


def test_a_deleted_widget_in_an_open_window_is_still_a_bug(qtbot, aloop):
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    label = QLabel(owner)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))

    async def stale() -> None:
        label.setText("x")

    with qtbot.capture_exceptions() as captured:
        start_action(owner, "stale", stale)
        qtbot.waitUntil(lambda: len(captured) == 1)
    assert captured[0][0] is RuntimeError


def test_a_dialog_deleted_with_its_window_ends_the_wait_as_rejected(qtbot, aloop):
    """Quitting deletes the main window with any dialog still open in it: the flow waiting on that
    dialog ends at once (rejected), not after the quit's grace (asyncqt.end_live_tasks)."""
    owner = QWidget()
    owner.show()
    dialog = NoExecDialog(owner)
    task = asyncio.ensure_future(run_dialog(dialog))
    qtbot.waitUntil(dialog.isVisible)
    shiboken6.delete(owner)
    qtbot.waitUntil(task.done, timeout=1000)
    assert task.result() == QDialog.DialogCode.Rejected
