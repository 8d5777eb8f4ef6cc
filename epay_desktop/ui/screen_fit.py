"""A window's first size: what it prefers on a large screen, all the screen has on a small one.

A counter's screen can be as small as 1024x768. A window larger than the free area of its screen
(the task bar taken off) shows its buttons under the screen's edge, where nobody can reach them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = ["FRAME_ALLOWANCE", "fitted_size", "size_for_screen"]

#: Room left for the window's title bar and frame, which the window manager adds around it.
FRAME_ALLOWANCE = QSize(16, 40)


def fitted_size(preferred: QSize, available: QSize) -> QSize:
    """``preferred``, bounded by a screen whose free area is ``available`` (less the frame)."""
    room = available - FRAME_ALLOWANCE
    return preferred.boundedTo(room) if room.isValid() and not room.isEmpty() else preferred


def size_for_screen(widget: QWidget, preferred: QSize) -> QSize:
    """The size ``widget`` should open with on its own screen (``preferred`` when there is none)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() == "offscreen":
        return preferred  # no real screen to fit (headless tests)
    return fitted_size(preferred, screen.availableGeometry().size())
