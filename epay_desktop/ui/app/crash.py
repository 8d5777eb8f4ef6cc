"""The last line of defence: an unexpected exception is logged and the cashier sees calm words.

Every path an unhandled error can take ends here: ``sys.excepthook`` (Qt virtual overrides and
qasync slot tasks report there), the asyncio loop's exception handler (callbacks, forgotten tasks)
and ``threading.excepthook`` (worker threads). The traceback goes to the log, which the app
redacts; the screen shows one friendly dialog, never a stack trace. The dialog is raised through a
queued signal, so it appears on the GUI thread after the failing code has unwound.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget

__all__ = ["CrashHandler", "crash_message", "install_crash_handler"]

log = logging.getLogger(__name__)

ParentGetter = Callable[[], QWidget | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


def crash_message(log_path: Path | str | None) -> str:
    """The dialog's text, naming the log file when known."""
    if log_path is None:
        where = _tr("Something went wrong. The details are saved in the application's log.")
    else:
        where = _tr("Something went wrong. The details are saved in the log at {path}.").format(path=log_path)
    safe = _tr("Your payments are safe: the console checks every unfinished operation with the bank.")
    return f"{where}\n\n{safe}"


class CrashHandler(QObject):
    """Installed hooks plus the dialog; ``uninstall()`` puts the previous hooks back."""

    crashed = Signal()  # emitted from any thread; shown on the GUI thread (queued)

    def __init__(
        self,
        parent_getter: ParentGetter,
        *,
        log_path: Path | str | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__()
        self._parent_getter = parent_getter
        self.log_path = log_path
        self._loop = loop
        self._previous_excepthook: Callable[..., Any] | None = None
        self._previous_threading_hook: Callable[..., Any] | None = None
        self._previous_loop_handler: Any = None
        self.dialog: QMessageBox | None = None
        self.suppressed = 0  # crashes while the dialog was already open: logged, not shown again
        self.crashed.connect(self._show_dialog, Qt.ConnectionType.QueuedConnection)

    # -- hooks -----------------------------------------------------------------------------------

    def install(self) -> CrashHandler:
        self._previous_excepthook = sys.excepthook
        sys.excepthook = self.excepthook
        self._previous_threading_hook = threading.excepthook
        threading.excepthook = self._thread_hook
        if self._loop is not None:
            self._previous_loop_handler = self._loop.get_exception_handler()
            self._loop.set_exception_handler(self.loop_exception_handler)
        return self

    def uninstall(self) -> None:
        if self._previous_excepthook is not None and sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_excepthook
        if self._previous_threading_hook is not None and threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous_threading_hook
        if self._loop is not None and not self._loop.is_closed():
            self._loop.set_exception_handler(self._previous_loop_handler)

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous_excepthook is not None:
            self._previous_excepthook(exc_type, exc, tb)
            return
        log.critical("event=unhandled_exception type=%s", exc_type.__name__, exc_info=(exc_type, exc, tb))
        self.crashed.emit()

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        thread = args.thread.name if args.thread is not None else "?"
        exc_info = (args.exc_type, args.exc_value, args.exc_traceback)
        log.critical("event=unhandled_thread_exception thread=%s", thread, exc_info=exc_info)  # type: ignore[arg-type]
        self.crashed.emit()

    def loop_exception_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = context.get("message", "")
        if exc is None:  # a complaint without an exception (unclosed resources): log, no dialog
            log.error("event=event_loop_error message=%s", message)
            return
        if isinstance(exc, asyncio.CancelledError):
            return
        log.critical("event=unhandled_loop_exception message=%s", message, exc_info=exc)
        self.crashed.emit()

    # -- the dialog ------------------------------------------------------------------------------

    @Slot()
    def _show_dialog(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.suppressed += 1
            return
        if QApplication.instance() is None:
            return
        parent = self._parent_getter()
        if parent is not None and not shiboken6.isValid(parent):
            parent = None
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            _tr("Something went wrong"),
            crash_message(self.log_path),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("crash_dialog")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()


def install_crash_handler(
    parent_getter: ParentGetter,
    *,
    log_path: Path | str | None = None,
    loop: asyncio.AbstractEventLoop | None = None,
) -> CrashHandler:
    """Route every unhandled exception to the log and a friendly dialog; returns the handler.

    ``parent_getter`` returns the window to centre the dialog on (the main window, or None).
    ``loop`` defaults to the running loop, if any. Keep the returned object alive for the app's
    lifetime; call ``uninstall()`` to restore the previous hooks (tests).
    """
    if loop is None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
    return CrashHandler(parent_getter, log_path=log_path, loop=loop).install()
