"""A window's first size: what it prefers on a large screen, all the screen has on a small one.

A counter's screen can be as small as 1024x768. A window larger than the free area of its screen
(the task bar taken off) shows its buttons under the screen's edge, where nobody can reach them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QListView
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QStyleOptionComboBox
from PySide6.QtWidgets import QStylePainter
from PySide6.QtWidgets import QWidget

__all__ = [
    "ELIDES",
    "FRAME_ALLOWANCE",
    "HEADLESS_SCREEN",
    "ElidingComboBox",
    "available_size",
    "declare_elides",
    "fit_file_dialog_columns",
    "fitted_size",
    "needed_height",
    "size_for_screen",
    "whole_words",
]

#: Room left for the window's title bar and frame, which the window manager adds around it.
FRAME_ALLOWANCE = QSize(16, 40)

#: Dynamic property of a widget that shortens its text on purpose (with "…") when it has too little
#: room, the whole text being shown elsewhere (a tooltip, the window title). The 1024x768 fit test
#: (tests/i18n/fit.py, decision 0049) accepts such a widget being narrower than its text.
ELIDES = "elides"


def declare_elides(widget: QWidget) -> None:
    """Say that ``widget`` elides its text on purpose (see ``ELIDES``)."""
    widget.setProperty(ELIDES, True)


def whole_words(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` as it fits ``width`` px: whole, or its first whole words and "…" (a name or a line is
    never cut mid-word); when not even the first word fits, cut with "…" wherever it must."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split(" ")
    for count in range(len(words) - 1, 0, -1):
        shown = " ".join(words[:count]).rstrip(" ,;:—–-") + "\u2026"
        if metrics.horizontalAdvance(shown) <= width:
            return shown
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class ElidingComboBox(QComboBox):
    """A combo box sized for its usual choices that shows a longer one cut with "…" (Qt's styles clip
    it mid-letter: "Требует внима"); its open list shows every choice whole. Declared (``ELIDES``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        declare_elides(self)

    def shown_text(self) -> str:
        """The current choice as the closed box shows it: whole, or cut with "…" to its room."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self._elided(option)

    def _elided(self, option: QStyleOptionComboBox) -> str:
        complex_control, field = QStyle.ComplexControl.CC_ComboBox, QStyle.SubControl.SC_ComboBoxEditField
        room = self.style().subControlRect(complex_control, option, field, self).width()
        if not option.currentIcon.isNull():
            room -= option.iconSize.width() + 4  # the icon and its gap, as the style lays them out
        return self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight, max(room, 0))

    def paintEvent(self, _event: QPaintEvent) -> None:  # QComboBox's own, with the label elided
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self._elided(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def fitted_size(preferred: QSize, available: QSize) -> QSize:
    """``preferred``, bounded by a screen whose free area is ``available`` (less the frame)."""
    room = available - FRAME_ALLOWANCE
    return preferred.boundedTo(room) if room.isValid() and not room.isEmpty() else preferred


#: The free area assumed where the platform has no real screen (offscreen: tests, screenshots). None
#: opens windows at their preferred size; the fit test sets a 1024x768 counter screen (decision 0049).
HEADLESS_SCREEN: QSize | None = None


def available_size(widget: QWidget) -> QSize | None:
    """The free area of ``widget``'s screen (the task bar taken off); None when there is no screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() == "offscreen":
        return HEADLESS_SCREEN
    return screen.availableGeometry().size()


def size_for_screen(widget: QWidget, preferred: QSize) -> QSize:
    """The size ``widget`` should open with on its own screen (``preferred`` when there is none)."""
    available = available_size(widget)
    return preferred if available is None else fitted_size(preferred, available)


def fit_file_dialog_columns(dialog: QFileDialog) -> None:
    """Qt's own file dialog sizes its Name/Size/Type/Date columns for English samples ("128.88 GB"),
    which cut the Kazakh and Russian headers ("Өзгертілген күні"): widen each to its header's text,
    and the places list to its widest place. A native dialog (no widgets) is left alone."""
    for header in dialog.findChildren(QHeaderView):
        for section in range(header.count()):
            need = header.sectionSizeFromContents(section).width()
            if header.sectionSize(section) < need:
                header.resizeSection(section, need)
    # its list of places ("Компьютер") opens as narrow as it was last left, or as Qt's default
    sidebar = dialog.findChild(QListView, "sidebar")
    if sidebar is not None and sidebar.model() is not None:
        need = sidebar.sizeHintForColumn(0) + 2 * sidebar.frameWidth() + 4
        sidebar.setMinimumWidth(max(sidebar.minimumWidth(), need))
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    if look_in is not None:  # a folder's path is as long as it is: the box shortens it, its list has it whole
        declare_elides(look_in)


def needed_height(widget: QWidget) -> int | None:
    """The height ``widget``'s layout needs at its current width (wrapped texts get every line); None
    while it has no layout yet."""
    layout = widget.layout()
    if layout is None:
        return None
    layout.activate()
    if layout.hasHeightForWidth():
        need = layout.totalHeightForWidth(widget.width())
    else:
        need = layout.totalSizeHint().height()
    return max(need, layout.totalMinimumSize().height())
