"""Is someone using the console? Input watched on chosen top-level windows, never application-wide.

An application-wide Python event filter makes PySide wrap every object any event reaches, including
QtWebEngine's and QtQuick's internal objects while they are still being built, and that segfaults
the process as soon as a checkout page loads (shiboken ``findDerivedType`` on a half-built object).

So :class:`InputWatcher` filters only our own top-level ``QWindow``\\ s. Qt hands every key, mouse,
wheel and touch event of a window to that ``QWindow`` before it reaches a child widget (the embedded
browser included), so nothing is missed, and the only object ever wrapped is the window itself.
Dialogs of a watched window are watched as soon as they get the focus (``focusWindowChanged``).
Qt may replace a widget's ``QWindow`` (on X11, adding a QtWebEngine view to a window recreates its
native window): the top-level widget then gets ``WinIdChange`` and its new window is watched.

Never call ``QWindow.transientParent()`` from Python here: PySide6 records the window it returns as
a child of the dialog's window wrapper, and when that dialog (an About box, deleted on close) goes,
shiboken marks the *main* window's wrapper as deleted too. The main window then dropped out of the
watched set (input there no longer kept the idle lock away) and the next use of that wrapper raised
``RuntimeError: Internal C++ object (QWindow) already deleted``. Dialogs are related to their window
through the widgets' own parents instead.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QWidget

__all__ = ["InputWatcher"]

#: Input that counts as "someone is using the console".
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


class InputWatcher(QObject):
    """Calls ``on_input()`` for each key, mouse, wheel or touch input in a watched window.

    While ``block_shortcuts()`` is true no key of a watched window triggers a shortcut (menu
    actions, F2...): the key reaches the focused widget as plain input instead.
    """

    def __init__(
        self, parent: QObject, on_input: Callable[[], None], block_shortcuts: Callable[[], bool]
    ) -> None:
        super().__init__(parent)
        self._on_input = on_input
        self._block_shortcuts = block_shortcuts
        self._windows: list[QWindow] = []
        self._tops: list[QWidget] = []  # the top-level widgets given to watch()
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication), "create the QApplication first"
        app.focusWindowChanged.connect(self._on_focus_window_changed)  # dropped when we are deleted

    def watch(self, widget: QWidget) -> None:
        """Watch ``widget``'s top-level window (created now if it was never shown); twice is harmless."""
        top = widget.window()
        if top.windowHandle() is None:
            top.winId()  # creates the platform window, as show() would
        if not any(t is top for t in self._tops):
            top.installEventFilter(self)  # only for WinIdChange: a new QWindow for the same widget
            self._tops.append(top)
        handle = top.windowHandle()
        if handle is not None:
            self._watch_window(handle)

    def watches(self, widget: QWidget) -> bool:
        handle = widget.window().windowHandle()
        return handle is not None and any(w is handle for w in self._live())

    def _live(self) -> list[QWindow]:
        self._windows = [w for w in self._windows if shiboken6.isValid(w)]
        return self._windows

    def _watch_window(self, handle: QWindow) -> None:
        if not any(w is handle for w in self._live()):
            handle.installEventFilter(self)  # Qt drops it when the window or this watcher is deleted
            self._windows.append(handle)

    @Slot(QWindow)
    def _on_focus_window_changed(self, window: QWindow | None) -> None:
        """A dialog (or a dialog's dialog) of a watched window got the focus: watch it too."""
        if not shiboken6.isValid(self) or window is None or not shiboken6.isValid(window):
            return
        watched = self._live()
        if any(w is window for w in watched):
            return
        widget = _top_level_widget_of(window)
        parent = widget.parentWidget() if widget is not None else None
        while parent is not None:
            top = parent.window()
            handle = top.windowHandle()
            if handle is not None and any(w is handle for w in watched):
                self._watch_window(window)
                return
            parent = top.parentWidget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.WinIdChange:
            top = next((t for t in self._tops if t is watched), None)
            handle = top.windowHandle() if top is not None and shiboken6.isValid(top) else None
            if handle is not None:
                self._watch_window(handle)  # the widget got a new QWindow: watch that one
            return False
        if kind in ACTIVITY:
            self._on_input()
        elif kind == QEvent.Type.ShortcutOverride and self._block_shortcuts():
            # Accepted, the key is not matched against any shortcut and is delivered as a plain
            # key press to the focused widget (on a covered window: the lock screen's form).
            event.accept()
            return True
        return False


def _top_level_widget_of(window: QWindow) -> QWidget | None:
    """The top-level widget shown in ``window`` (None for a window that is not a widget's)."""
    for widget in QApplication.topLevelWidgets():
        if widget.windowHandle() is window:
            return widget
    return None
