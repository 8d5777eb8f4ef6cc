"""The crash handler: every route logs the traceback and shows one calm dialog, never the traceback."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from epay_desktop.ui.app.crash import crash_message
from epay_desktop.ui.app.crash import install_crash_handler
from epay_desktop.ui.common.asyncqt import action_slot

LOG_PATH = "/home/cashier/.local/state/epay-desktop/log/epay-desktop.log"


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def handler(window, aloop):
    installed = install_crash_handler(lambda: window, log_path=LOG_PATH)
    yield installed
    installed.uninstall()


def _raise_and_report(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        sys.excepthook(*sys.exc_info())


def test_excepthook_logs_traceback_and_shows_a_friendly_dialog(qtbot, handler, window, caplog):
    _raise_and_report(ZeroDivisionError("card 4405639704015096 broke the maths"))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    dialog = handler.dialog
    assert dialog.parent() is window
    assert dialog.text() == crash_message(LOG_PATH)
    assert dialog.text().startswith(f"Something went wrong. The details are saved in the log at {LOG_PATH}.")
    assert (
        "Your payments are safe: the console checks every unfinished operation with the bank."
        in dialog.text()
    )
    shown = dialog.text() + dialog.informativeText() + dialog.detailedText()
    assert "Traceback" not in shown and "ZeroDivisionError" not in shown and "4405" not in shown
    record = next(r for r in caplog.records if r.name == "epay_desktop.ui.app.crash")
    assert record.levelno == logging.CRITICAL
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError
    assert "ZeroDivisionError" in caplog.text and "Traceback" in caplog.text


def test_a_second_crash_while_the_dialog_is_open_is_logged_not_stacked(qtbot, handler, caplog):
    _raise_and_report(RuntimeError("first"))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    first = handler.dialog
    _raise_and_report(RuntimeError("second"))
    qtbot.waitUntil(lambda: handler.suppressed == 1)
    assert handler.dialog is first
    assert caplog.text.count("event=unhandled_exception") == 2


def test_loop_exception_handler(qtbot, handler, aloop, caplog):
    aloop.call_exception_handler(
        {"message": "Task exception was never retrieved", "exception": ValueError("x")}
    )
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "event=unhandled_loop_exception" in caplog.text


def test_loop_complaint_without_exception_is_only_logged(qtbot, handler, aloop, caplog):
    aloop.call_exception_handler({"message": "Unclosed client session"})
    assert "event=event_loop_error message=Unclosed client session" in caplog.text
    assert handler.dialog is None


def test_thread_exception(qtbot, handler, caplog):
    def work() -> None:
        raise OSError("printer gone")

    thread = threading.Thread(target=work, name="printer")
    thread.start()
    thread.join(5)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "thread=printer" in caplog.text


def test_unexpected_error_in_an_action_slot_reaches_the_dialog(qtbot, handler, window, async_stub):
    class Screen(QWidget):
        def __init__(self) -> None:
            super().__init__(window)
            self.button = QPushButton("Go", self)
            self.button.clicked.connect(self.on_button_clicked)

        @action_slot()
        async def on_button_clicked(self) -> None:
            await async_stub(error=AttributeError("'NoneType' object has no attribute 'minor'"))()

    screen = Screen()
    screen.show()
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "NoneType" not in handler.dialog.text()
    assert window.findChildren(QMessageBox, "user_error_box") == []


def test_uninstall_restores_the_previous_hooks(aloop, window, caplog):
    before_sys, before_thread = sys.excepthook, threading.excepthook
    handler = install_crash_handler(lambda: window)
    assert sys.excepthook == handler.excepthook
    assert threading.excepthook == handler._thread_hook
    handler.uninstall()
    assert sys.excepthook is before_sys
    assert threading.excepthook is before_thread
    # qasync keeps its handler privately: check the behaviour instead of get_exception_handler()
    aloop.call_exception_handler({"message": "after uninstall"})
    assert "event=event_loop_error" not in caplog.text


def test_message_without_a_known_log_path():
    text = crash_message(None)
    assert "application's log" in text and "Your payments are safe" in text
