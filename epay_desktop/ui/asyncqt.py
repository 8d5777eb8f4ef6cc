"""Async building blocks for widgets on the qasync loop: dialogs, message boxes, guarded actions.

Rules they enforce (docs/architecture.md "One loop, no freezes"):

* a dialog is shown with ``open()`` and awaited through ``finished``; ``exec()`` inside a
  coroutine re-enters the loop and kills the task ("Cannot enter into task");
* an action slot catches anything carrying a ``user_message`` (the console's ``ConsoleError``
  and the gateway's ``EpayError``, detected structurally so ui never imports the gateway) and
  shows that sentence; anything else is a bug and goes to ``sys.excepthook`` (the crash handler);
* a second trigger of an action that is still running does nothing, and the button or menu
  action that started it is disabled until it ends (no double refunds from a bouncy touch screen).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import logging
import sys
from collections.abc import Callable, Coroutine, Iterable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox, QWidget

from epay_desktop.domain.i18n import Message

__all__ = [
    "action_slot",
    "ask_message",
    "is_busy",
    "report_task_exception",
    "run_dialog",
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
        translated = QCoreApplication.translate(template.context, template.template)
        try:
            return translated.format(**template.args)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
            log.warning("event=bad_translation context=%s", template.context)
            return message
    return message


def report_task_exception(task: asyncio.Future[Any]) -> None:
    """Done-callback: hand a task's unexpected exception to ``sys.excepthook`` (the crash handler)."""
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def spawn(coro: Coroutine[Any, Any, T], *, name: str | None = None) -> asyncio.Task[T]:
    """Run ``coro`` as a task that is kept alive and whose unexpected errors reach the crash handler."""
    task = asyncio.ensure_future(coro)
    if name:
        task.set_name(name)
    _live_tasks.add(task)
    task.add_done_callback(_live_tasks.discard)
    task.add_done_callback(report_task_exception)
    return task


async def run_dialog(dialog: QDialog) -> int:
    """Show ``dialog`` window-modally with ``open()`` and return its result code when it finishes.

    Never calls ``exec()``. If the awaiting task is cancelled the dialog is rejected.
    """
    future: asyncio.Future[int] = asyncio.get_event_loop().create_future()

    def on_finished(result: int) -> None:
        if not future.done():
            future.set_result(int(result))

    dialog.finished.connect(on_finished)
    dialog.open()
    try:
        return await future
    except asyncio.CancelledError:
        if shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.reject()
        raise
    finally:
        if shiboken6.isValid(dialog):
            with contextlib.suppress(RuntimeError, RuntimeWarning, TypeError):
                dialog.finished.disconnect(on_finished)


async def ask_message(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: StandardButton = StandardButton.Ok,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    default: StandardButton = StandardButton.NoButton,
) -> StandardButton:
    """Ask with a message box (via ``open()``); returns the standard button pressed.

    Closing the box (Esc, window close) counts as its escape button, e.g. No or Cancel.

    ``text`` is shown as plain text, never HTML, so a message from the gateway cannot inject markup.
    """
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != StandardButton.NoButton:
        box.setDefaultButton(default)
    chosen: list[StandardButton] = []
    box.finished.connect(lambda _result: chosen.append(_clicked_standard_button(box)))
    try:
        await run_dialog(box)
    finally:
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


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> QMessageBox:
    """Show ``message`` in a warning box without waiting for it (window-modal, deletes itself on close)."""
    if parent is not None and not shiboken6.isValid(parent):
        parent = None
    box = QMessageBox(
        QMessageBox.Icon.Warning, title or _tr("Not completed"), message, StandardButton.Ok, parent
    )
    box.setObjectName("user_error_box")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


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
        message = user_message_of(exc)
        if message is None:
            raise
        log.info("event=action_refused action=%s error=%s", action, type(exc).__name__)
        parent = owner if isinstance(owner, QWidget) and shiboken6.isValid(owner) else None
        show_error(parent, message)
    finally:
        for widget, was_enabled in toggles:
            if shiboken6.isValid(widget):
                widget.setEnabled(was_enabled)
        if after is not None and shiboken6.isValid(owner):
            after()


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
