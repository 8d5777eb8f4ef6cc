"""Async building blocks for widgets on the qasync loop: dialogs, message boxes, guarded actions.

Rules they enforce (docs/architecture.md "One loop, no freezes"):

* a dialog is shown with ``open()`` and awaited through ``finished``; ``exec()`` inside a
  coroutine re-enters the loop and kills the task ("Cannot enter into task");
* an action slot catches anything carrying a ``user_message`` (the console's ``ConsoleError``
  and the gateway's ``EpayError``, detected structurally so ui never imports the gateway) and
  shows that sentence; anything else is a bug and goes to ``sys.excepthook`` (the crash handler);
* a second trigger of an action that is still running does nothing, and the button or menu
  action that started it is disabled until it ends (no double refunds from a bouncy touch screen);
* an action still working after ``BUSY_AFTER_MS`` shows it (busy cursor, "Working…" in the window's
  status bar) until it ends; not while it waits for a person in a dialog (decision 0015).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import logging
import sys
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Iterable
from typing import Any
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtGui import QCursor
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QStatusBar
from PySide6.QtWidgets import QWidget

from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import Word

__all__ = [
    "BUSY_AFTER_MS",
    "BusyIndicator",
    "NewestWins",
    "action_slot",
    "ask_message",
    "busy_indicator",
    "end_live_tasks",
    "is_busy",
    "message_text",
    "report_task_exception",
    "run_dialog",
    "run_dialog_once",
    "show_error",
    "spawn",
    "start_action",
    "user_message_of",
]

log = logging.getLogger(__name__)

T = TypeVar("T")
StandardButton = QMessageBox.StandardButton

#: Strong references to tasks started with :func:`spawn` until they finish (asyncio keeps weak ones).
_live_tasks: set[asyncio.Task[Any]] = set()

#: A wait longer than this shows the busy indicator (issue 7: "a busy indicator on every wait > 300 ms").
BUSY_AFTER_MS = 300

#: Quitting: how long the console's own tasks may take to finish before they are cancelled.
QUIT_GRACE_S = 3.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("asyncqt", text)


def user_message_of(exc: BaseException) -> str | None:
    """The plain-words sentence an error carries for the cashier, or None when it is a bug.

    Errors raised with a :class:`~epay_desktop.domain.i18n.Message` are shown translated: the template is
    looked up with ``QCoreApplication.translate(context, template)`` and then filled with its arguments.
    """
    message = getattr(exc, "user_message", None)
    if not (isinstance(message, str) and message.strip()):
        return None
    template = getattr(exc, "message", None)
    if isinstance(template, Message):
        return message_text(template, message)
    return message


def message_text(template: Message, fallback: str | None = None) -> str:
    """``template`` in the reader's language (its English text, or ``fallback``, when the translation
    is broken)."""
    translated = QCoreApplication.translate(template.context, template.template)
    args = {  # the words filled in (roles, kinds, statuses) in the reader's language too
        k: QCoreApplication.translate(v.context, v) if isinstance(v, Word) else v
        for k, v in template.args.items()
    }
    try:
        return translated.format(**args)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
        log.warning("event=bad_translation context=%s", template.context)
        return fallback if fallback is not None else template.text()


def report_task_exception(task: asyncio.Future[Any]) -> None:
    """Done-callback: hand a task's unexpected exception to ``sys.excepthook`` (the crash handler)."""
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def spawn(
    coro: Coroutine[Any, Any, T], *, name: str | None = None, busy: QObject | None = None
) -> asyncio.Task[T]:
    """Run ``coro`` as a task that is kept alive and whose unexpected errors reach the crash handler.

    ``busy``: the widget the cashier waits on (a dialog sending an operation); past ``BUSY_AFTER_MS``
    the busy indicator shows (:class:`BusyIndicator`). Leave it out for background work.
    """
    task = asyncio.ensure_future(coro)
    if name:
        task.set_name(name)
    _live_tasks.add(task)
    task.add_done_callback(_live_tasks.discard)
    task.add_done_callback(report_task_exception)
    if busy is not None:
        busy_indicator().track(task, busy)
    return task


class NewestWins:
    """Background reads where only the newest counts (a status bar's state read again): :meth:`start`
    cancels the run still under way, whose answer would be older."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._task: asyncio.Task[Any] | None = None

    def start(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = spawn(coro, name=self._name)
        return self._task


async def end_live_tasks(grace_s: float = QUIT_GRACE_S) -> None:
    """Quitting: the tasks started with :func:`spawn` end before the store and the gateway they use close.

    Each gets ``grace_s`` to finish (a detail loading, the badge's count, a receipt being written); the rest
    (a flow waiting for a person in a window that is gone) are cancelled and awaited. A money operation cut
    there is one its journal answers for, as after a power cut (docs/reliability.md)."""
    running = {task for task in _live_tasks if not task.done() and task is not asyncio.current_task()}
    if not running:
        return
    _ended, pending = await asyncio.wait(running, timeout=grace_s)
    for task in pending:
        log.info("event=task_cancelled_at_quit task=%s", task.get_name())
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=grace_s)


async def run_dialog(dialog: QDialog) -> int:
    """Show ``dialog`` window-modally with ``open()`` and return its result code when it finishes.

    Never calls ``exec()``. If the awaiting task is cancelled the dialog is rejected. A dialog deleted
    while open (its window went, the console quitting) counts as rejected: the wait ends then.
    """
    future: asyncio.Future[int] = asyncio.get_event_loop().create_future()

    def on_finished(result: int) -> None:
        if not future.done():
            future.set_result(int(result))

    def on_destroyed(*_gone: object) -> None:
        on_finished(QDialog.DialogCode.Rejected.value)

    dialog.finished.connect(on_finished)
    dialog.destroyed.connect(on_destroyed)
    waiting = asyncio.current_task()
    busy = busy_indicator()
    busy.pause(waiting)  # waiting for a person is not "the console is busy"
    dialog.open()
    try:
        return await future
    except asyncio.CancelledError:
        if shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.reject()
        raise
    finally:
        busy.resume(waiting)
        if shiboken6.isValid(dialog):
            with contextlib.suppress(RuntimeError, RuntimeWarning, TypeError):
                dialog.finished.disconnect(on_finished)
                dialog.destroyed.disconnect(on_destroyed)


async def run_dialog_once(dialog: QDialog) -> int:
    """:func:`run_dialog`, then ``dialog`` deleted (``deleteLater``) however it ended: for a dialog made
    for one showing. What it holds can still be read right after: the deletion waits for the loop."""
    try:
        return await run_dialog(dialog)
    finally:
        if shiboken6.isValid(dialog):
            dialog.deleteLater()


async def ask_message(
    parent: QWidget | None,
    title: str,
    text: str | Callable[[], str],
    buttons: StandardButton = StandardButton.Ok,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    default: StandardButton = StandardButton.NoButton,
    labels: dict[StandardButton, str] | None = None,
) -> StandardButton:
    """Ask with a message box (via ``open()``); returns the standard button pressed.

    Closing the box (Esc, window close) counts as its escape button, e.g. No or Cancel. ``labels``
    renames standard buttons (their role and return value stay), so a button says what it does; the
    box's buttons then show no standard icon (the style's Cancel cross would contradict "Keep the sale").

    ``text`` is shown as plain text, never HTML, so a message from the gateway cannot inject markup.
    A ``text`` composed with ``.format`` is given as a function: it is made again after a language
    switch while the box is open (the title and ``labels`` are translated again by themselves).
    """
    from epay_desktop.ui.common.language import on_language_change
    from epay_desktop.ui.common.language import translations

    box = QMessageBox(icon, title, text() if callable(text) else text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)

    def relabel() -> None:  # Qt's own LanguageChange gives standard buttons their standard words back
        for standard, label in (labels or {}).items():
            button = box.button(standard)
            if button is not None:
                button.setText(translations().translated(label) or label)
        if callable(text):
            box.setText(text())

    for standard, label in (labels or {}).items():
        button = box.button(standard)
        if button is not None:
            button.setText(label)
    if labels:  # a style's standard icons name the standard meaning: a red cross on "Keep the sale"
        for button in box.buttons():  # (Cancel's), a "No" mark on "Figures only"; words only, alike
            button.setIcon(QIcon())
    on_language_change(box, relabel)
    if default != StandardButton.NoButton:
        box.setDefaultButton(default)
    chosen: list[StandardButton] = []
    box.finished.connect(lambda _result: chosen.append(_clicked_standard_button(box)))
    try:
        await run_dialog(box)
    finally:
        if shiboken6.isValid(box):  # gone with its window when the console closed meanwhile
            box.deleteLater()
    return chosen[0] if chosen else StandardButton.NoButton


def _clicked_standard_button(box: QMessageBox) -> StandardButton:
    """The button pressed; a box closed another way counts as its escape button (No / Cancel)."""
    clicked = box.clickedButton() or box.escapeButton()
    if clicked is not None:
        return box.standardButton(clicked)
    for button in (StandardButton.Cancel, StandardButton.No, StandardButton.Close, StandardButton.Abort):
        if box.button(button) is not None:
            return button
    only = box.buttons()
    return box.standardButton(only[0]) if len(only) == 1 else StandardButton.NoButton


def show_error(
    parent: QWidget | None, message: str | Callable[[], str], title: str | None = None
) -> QMessageBox:
    """Show ``message`` in a warning box without waiting for it (window-modal, deletes itself on close).
    A function is asked again after a language switch while the box is open (a refusal's sentence)."""
    from epay_desktop.ui.common.language import on_language_change

    if parent is not None and not shiboken6.isValid(parent):
        parent = None
    text = message() if callable(message) else message
    box = QMessageBox(
        QMessageBox.Icon.Warning, title or _tr("Not completed"), text, StandardButton.Ok, parent
    )
    if callable(message):
        on_language_change(box, lambda: box.setText(message()))
    box.setObjectName("user_error_box")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


# -- the busy indicator -----------------------------------------------------------------------------


class BusyIndicator(QObject):
    """Shows that the console is working on something the cashier asked for.

    :meth:`track` a task: if it still runs after ``BUSY_AFTER_MS`` the cursor becomes the busy
    cursor and the status bar of the window it belongs to says "Working…", until every late task
    has ended. A task awaiting a dialog (:func:`run_dialog`) is paused meanwhile: a person is being
    waited for, not the console. One instance per application (:func:`busy_indicator`).
    """

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._late: dict[asyncio.Task[Any], QObject | None] = {}  # running longer than the delay
        self._paused: dict[asyncio.Task[Any], int] = {}
        self._cursor = False
        self._bars: list[QStatusBar] = []
        self._message = ""
        self.checks = 0  # how many tracked tasks reached the delay (done or not): tests wait on it

    @property
    def active(self) -> bool:
        return self._cursor

    def track(self, task: asyncio.Task[Any], owner: QObject | None = None) -> None:
        QTimer.singleShot(BUSY_AFTER_MS, self, lambda: self._due(task, owner))
        task.add_done_callback(self._finished)

    def pause(self, task: asyncio.Task[Any] | None) -> None:
        if task is not None:
            self._paused[task] = self._paused.get(task, 0) + 1
            self._update()

    def resume(self, task: asyncio.Task[Any] | None) -> None:
        if task is not None and task in self._paused:
            self._paused[task] -= 1
            if self._paused[task] <= 0:
                del self._paused[task]
            if shiboken6.isValid(self):
                self._update()

    def _due(self, task: asyncio.Task[Any], owner: QObject | None) -> None:
        self.checks += 1
        if not task.done():
            self._late[task] = owner if owner is not None and shiboken6.isValid(owner) else None
            self._update()

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._paused.pop(task, None)
        self._late.pop(task, None)
        if shiboken6.isValid(self):
            self._update()

    def _update(self) -> None:
        working = [owner for task, owner in self._late.items() if task not in self._paused]
        if working and not self._cursor:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
            self._cursor = True
            self._message = _tr("Working… please wait")
            self._bars = _status_bars(working)
            for bar in self._bars:
                bar.showMessage(self._message)
            self.changed.emit(True)
        elif not working and self._cursor:
            QGuiApplication.restoreOverrideCursor()
            self._cursor = False
            for bar in self._bars:
                if shiboken6.isValid(bar) and bar.currentMessage() == self._message:
                    bar.clearMessage()
            self._bars = []
            self.changed.emit(False)


def _status_bars(owners: Iterable[QObject | None]) -> list[QStatusBar]:
    """The status bars of the main windows the owners belong to."""
    bars: list[QStatusBar] = []
    for owner in owners:
        widget = owner if isinstance(owner, QWidget) and shiboken6.isValid(owner) else None
        while widget is not None:
            if isinstance(widget, QMainWindow):
                bar = widget.statusBar()
                if bar not in bars:
                    bars.append(bar)
                break
            widget = widget.parentWidget()
    return bars


_busy: BusyIndicator | None = None


def busy_indicator() -> BusyIndicator:
    """The application's busy indicator (created on first use, owned by the QApplication)."""
    global _busy
    if _busy is None or not shiboken6.isValid(_busy):
        _busy = BusyIndicator(QCoreApplication.instance())
    return _busy


# -- guarded actions --------------------------------------------------------------------------------

_TASKS_ATTR = "_epay_action_tasks"
Toggle = QWidget | QAction


def is_busy(owner: object, action: str) -> bool:
    """Whether ``owner``'s action (the slot method's name) is still running."""
    task = getattr(owner, _TASKS_ATTR, {}).get(action)
    return task is not None and not task.done()


def start_action(
    owner: QObject,
    action: str,
    make_coro: Callable[[], Coroutine[Any, Any, Any]],
    *,
    disable: Iterable[Toggle] = (),
    after: Callable[[], None] | None = None,
) -> asyncio.Task[None] | None:
    """Run ``make_coro()`` as ``owner``'s action ``action`` unless that action is already running.

    Returns None (and does nothing) for a second trigger while the first runs. ``disable`` widgets
    or QActions are disabled now and given back their previous enabled state when it ends; then
    ``after()`` runs (recompute enabled states there). Errors with a ``user_message`` are shown in
    a message box over ``owner``; any other exception goes to the crash handler.
    """
    tasks: dict[str, asyncio.Task[None]] = getattr(owner, _TASKS_ATTR, None) or {}
    setattr(owner, _TASKS_ATTR, tasks)
    running = tasks.get(action)
    if running is not None and not running.done():
        log.debug("event=action_ignored action=%s reason=already_running", action)
        return None
    toggles = [(w, w.isEnabled()) for w in dict.fromkeys(disable) if w is not None]
    for widget, _was in toggles:
        widget.setEnabled(False)
    task = spawn(_guarded(owner, action, make_coro, toggles, after), name=action)
    tasks[action] = task
    busy_indicator().track(task, owner)
    return task


async def _guarded(
    owner: QObject,
    action: str,
    make_coro: Callable[[], Coroutine[Any, Any, Any]],
    toggles: list[tuple[Toggle, bool]],
    after: Callable[[], None] | None,
) -> None:
    try:
        await make_coro()
    except Exception as exc:
        if _outlived_its_window(owner, exc):
            # the work is done (or refused by the service); only its words had no window left
            log.info("event=action_outlived_window action=%s", action)
            return
        message = user_message_of(exc)
        if message is None:
            raise
        log.info("event=action_refused action=%s error=%s", action, type(exc).__name__)
        parent = owner if isinstance(owner, QWidget) and shiboken6.isValid(owner) else None
        refused, said = exc, message
        show_error(parent, lambda: user_message_of(refused) or said)  # said again after a switch
    finally:
        for widget, was_enabled in toggles:
            if shiboken6.isValid(widget):
                widget.setEnabled(was_enabled)
        if after is not None and shiboken6.isValid(owner):
            after()


def _outlived_its_window(owner: QObject, exc: Exception) -> bool:
    """Whether ``exc`` is Qt saying a widget of ``owner`` is gone because ``owner`` itself was closed.

    A dialog closed while its action still ran (Esc during a save, the window torn down) deletes
    its labels; the action's last line, a status text, then meets a deleted C++ object. That is
    not a bug to report: the money and the files were handled before the words.
    """
    return (
        isinstance(exc, RuntimeError)
        and "already deleted" in str(exc)
        and isinstance(owner, QWidget)
        and (not shiboken6.isValid(owner) or not owner.isVisible())
    )


def _fit_args(fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop trailing signal arguments the slot does not take (``clicked(bool)`` -> ``on_x_clicked(self)``)."""
    signature = inspect.signature(fn)
    while args:
        try:
            signature.bind(*args)
        except TypeError:
            args = args[:-1]
        else:
            break
    return args


def action_slot(
    *slot_types: type, busy: Iterable[str] = (), after: str | None = None
) -> Callable[[Callable[..., Coroutine[Any, Any, None]]], Callable[..., asyncio.Task[None] | None]]:
    """Decorate an ``async def on_<object>_<signal>(self, ...)`` method as a thin, guarded Qt slot.

    ``busy`` names attributes of ``self`` (buttons, QActions) to disable while it runs; the button
    or QAction that sent the signal is disabled too. ``after`` names a method of ``self`` called
    when it ends (after enabled states are restored). See :func:`start_action`.
    """

    def decorate(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., asyncio.Task[None] | None]:
        action = fn.__name__

        @Slot(*slot_types)
        @functools.wraps(fn)
        def wrapper(self: QObject, *args: Any) -> asyncio.Task[None] | None:
            call_args = _fit_args(functools.partial(fn, self), args)
            toggles: list[Toggle] = [getattr(self, name) for name in busy]
            sender = self.sender()
            if isinstance(sender, (QAbstractButton, QAction)):
                toggles.append(sender)
            hook = getattr(self, after) if after else None
            return start_action(self, action, lambda: fn(self, *call_args), disable=toggles, after=hook)

        return wrapper

    return decorate
