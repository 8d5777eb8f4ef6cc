"""Does every text of a shown window get the room it needs? (issue 9 point 4, decision 0049)

``clipped(window, screen)`` lists each visible text widget of a shown top-level that is cut:

- a QLabel without word wrap narrower (or lower) than its size hint; a word-wrapped QLabel lower
  than ``heightForWidth(width)``, or narrower than its minimum size hint (its widest piece that
  cannot be wrapped: a long word, a path, an id);
- a button, check box, radio button or combo box narrower than its text needs (a combo box: the
  widest of its items, since a person may choose any of them); a group box narrower than its title;
- a tab whose text does not fit its tab or that lies behind the tab bar's scroll buttons;
- a header section narrower than its text, a cell in sight narrower than its delegate's size hint (in a
  tree that wraps its words, lower than it too: a row one line high cuts what wraps to two);
  a menu bar title pushed into the "»" extension; an empty field's placeholder cut;
- a widget that lies (partly) outside its parent (the content of a scroll area excepted: it scrolls);
- the window itself larger than a 1024x768 screen less the window manager's frame
  (``screen_fit.FRAME_ALLOWANCE``).

Parts of a widget that lays out its own children (spin box, combo box, calendar, a tab bar's scroll
buttons) are left to it. A widget that shortens its text on purpose says so in the code:
``screen_fit.declare_elides(widget)`` (the dynamic property ``elides``). Nothing else is excused;
there is no list of exceptions here.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QAbstractScrollArea
from PySide6.QtWidgets import QAbstractSpinBox
from PySide6.QtWidgets import QCalendarWidget
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMenuBar
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QStyleOptionComboBox
from PySide6.QtWidgets import QStyleOptionFrame
from PySide6.QtWidgets import QStyleOptionViewItem
from PySide6.QtWidgets import QTabBar
from PySide6.QtWidgets import QTreeView
from PySide6.QtWidgets import QWidget

from epay_desktop.ui.common.screen_fit import ELIDES
from epay_desktop.ui.common.screen_fit import FRAME_ALLOWANCE

__all__ = ["SCREEN", "Clip", "clipped", "describe", "room", "settled_clips"]

#: The smallest counter screen the console must fit (issue 7 point 8, issue 9 point 4).
SCREEN = QSize(1024, 768)


def room(screen: QSize = SCREEN) -> QSize:
    """The most a top-level window may take on ``screen``: the window manager's frame comes around it."""
    return screen - FRAME_ALLOWANCE


@dataclass(frozen=True)
class Clip:
    """One text that does not get the room it needs."""

    screen: str
    path: str
    text: str
    given: QSize
    needed: QSize
    why: str

    def __str__(self) -> str:
        return (
            f"{self.screen}: {self.path} {self.text!r} {self.why}: "
            f"given {self.given.width()}x{self.given.height()}, "
            f"needs {self.needed.width()}x{self.needed.height()}"
        )


def describe(clips: list[Clip]) -> str:
    """A failure message: one line per clipped text."""
    return "\n".join(str(c) for c in clips)


def path_of(widget: QWidget, top: QWidget) -> str:
    """``MainWindow/payments_view/QLabel#3``: object names where there are, class[index] elsewhere."""
    parts: list[str] = []
    w: QWidget | None = widget
    while w is not None and w is not top:
        parent = w.parentWidget()
        name = w.objectName()
        if not name or name.startswith("qt_"):
            siblings = [c for c in (parent.children() if parent else []) if type(c) is type(w)]
            index = siblings.index(w) if w in siblings else 0
            name = f"{type(w).__name__}[{index}]"
        parts.append(name)
        w = parent
    parts.append(top.objectName() or type(top).__name__)
    return "/".join(reversed(parts))


def _plain(text: str) -> str:
    """What a person reads (for the messages): rich text without its tags."""
    if re.search(r"<[a-zA-Z/!][^>]*>", text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _declared(widget: QWidget) -> bool:
    return bool(widget.property(ELIDES))


def _inside_complex(widget: QWidget) -> bool:
    """Part of a widget that lays out its own children (spin box, combo box, calendar)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QCalendarWidget)):
            return True
        parent = parent.parentWidget()
    return False


def _scrolls(widget: QWidget) -> bool:
    """The content of a scroll area (or a scroll area's own viewport): it may be larger than what shows."""
    parent = widget.parentWidget()
    if parent is None:
        return False
    area = parent.parentWidget()
    return isinstance(area, QAbstractScrollArea) and parent is area.viewport()


def _shown(top: QWidget) -> Iterator[QWidget]:
    for widget in top.findChildren(QWidget):
        if widget.isVisible() and not widget.isWindow() and widget.window() is top:
            yield widget


class _Checker:
    def __init__(self, top: QWidget, screen: str) -> None:
        self.top, self.screen = top, screen
        self.found: list[Clip] = []

    def add(self, widget: QWidget, text: str, given: QSize, needed: QSize, why: str) -> None:
        self.found.append(Clip(self.screen, path_of(widget, self.top), _plain(text), given, needed, why))

    # -- the kinds of text widget ----------------------------------------------------------------------

    def label(self, label: QLabel) -> None:
        text = label.text()
        if not text.strip() or _declared(label):
            return
        size = label.size()
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > size.height():
                self.add(label, text, size, QSize(size.width(), need), "wrapped text cut at the bottom")
            least = label.minimumSizeHint()  # its widest piece that cannot be wrapped (a name, a path)
            if least.width() > size.width():
                self.add(label, text, size, least, "a word too wide for the wrapped label")
            return
        hint = label.sizeHint()
        if hint.width() > size.width() or label.minimumSizeHint().height() > size.height():
            self.add(label, text, size, hint, "cut")

    def button(self, button: QAbstractButton) -> None:
        text = button.text()
        if not text.strip() or _declared(button):
            return
        hint = button.sizeHint()
        if hint.width() > button.width() or button.minimumSizeHint().height() > button.height():
            self.add(button, text, button.size(), hint, "cut")

    def line_edit(self, edit: QLineEdit) -> None:
        """An empty field shows its placeholder ("Invoice, card last 4, amount, RRN…"): whole."""
        hint = edit.placeholderText()
        if edit.text() or not hint.strip() or _declared(edit) or _inside_complex(edit):
            return
        option = QStyleOptionFrame()
        edit.initStyleOption(option)
        room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
        margins = edit.textMargins()
        width = room.width() - margins.left() - margins.right() - 4  # Qt keeps 2 px on each side
        need = edit.fontMetrics().horizontalAdvance(hint)
        if need > width:
            self.add(edit, hint, QSize(width, room.height()), QSize(need, room.height()), "placeholder cut")

    def combo(self, combo: QComboBox) -> None:
        if combo.isEditable() or combo.count() == 0 or _declared(combo):
            return
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        metrics = combo.fontMetrics()
        icons = any(not combo.itemIcon(i).isNull() for i in range(combo.count()))
        icon = combo.iconSize().width() + 4 if icons else 0
        texts = [combo.itemText(i) for i in range(combo.count())]
        widest = max(texts, key=metrics.horizontalAdvance)
        need = metrics.horizontalAdvance(widest) + icon
        if need > field.width():
            self.add(
                combo, widest, field.size(), QSize(need, field.height()), "an item is cut in the closed box"
            )

    def group(self, box: QGroupBox) -> None:
        if not box.title().strip() or _declared(box):
            return
        hint = box.minimumSizeHint()
        if hint.width() > box.width():
            self.add(box, box.title(), box.size(), hint, "title or contents cut")

    def tabs(self, bar: QTabBar) -> None:
        if _declared(bar):
            return
        whole = bar.rect()
        for i in range(bar.count()):
            if not bar.isTabVisible(i):
                continue
            rect, hint = bar.tabRect(i), bar.tabSizeHint(i)
            if rect.width() < hint.width():
                self.add(bar, bar.tabText(i), rect.size(), hint, f"tab {i} elided")
            elif not whole.contains(rect):
                self.add(bar, bar.tabText(i), rect.size(), hint, f"tab {i} behind the scroll buttons")

    def header(self, header: QHeaderView) -> None:
        model = header.model()
        if model is None or _declared(header) or not header.isVisible():
            return
        horizontal = header.orientation() == Qt.Orientation.Horizontal
        for logical in range(header.count()):
            if header.isSectionHidden(logical):
                continue
            text = str(model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
            if not text.strip():
                continue
            need = header.sectionSizeFromContents(logical)
            given = header.sectionSize(logical)
            needed = need.width() if horizontal else need.height()
            if given < needed:
                size = QSize(given, header.height()) if horizontal else QSize(header.width(), given)
                self.add(header, text, size, need, f"column {logical} header cut")

    def cells(self, view: QAbstractItemView) -> None:
        """The rows in sight: a cell narrower than its text (a view that elides on purpose says so)."""
        model = view.model()
        if model is None or _declared(view) or isinstance(view, QHeaderView):
            return
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        # a tree that wraps its words must give each row their wrapped height (a table's rows are the
        # height it sets them; it says nothing of its cells' words)
        wraps = isinstance(view, QTreeView) and view.wordWrap()
        margins = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
        viewport = view.viewport().rect()
        top = view.indexAt(viewport.topLeft())
        try:
            columns = model.columnCount(top.parent())
        except TypeError:  # a list model: one column (its columnCount is private)
            columns = 1
        for row in range(max(top.row(), 0), model.rowCount(top.parent())):
            for column in range(columns):
                index = model.index(row, column, top.parent())
                rect = view.visualRect(index)
                if rect.isEmpty() or not viewport.intersects(rect):
                    continue
                delegate = view.itemDelegateForIndex(index)
                if delegate is None:
                    continue
                option.rect = rect
                need = delegate.sizeHint(option, index)
                text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                if need.width() > rect.width() + 1 and text.strip():
                    self.add(view, text, rect.size(), need, f"cell ({row}, {column}) cut")
                elif wraps and text.strip():
                    words = QRect(0, 0, max(rect.width() - margins, 1), 100_000)
                    tall = option.fontMetrics.boundingRect(words, int(Qt.TextFlag.TextWordWrap), text)
                    if tall.height() > rect.height():
                        given, wanted = rect.size(), QSize(rect.width(), tall.height())
                        self.add(view, text, given, wanted, f"cell ({row}, {column}) cut at the bottom")
            if view.visualRect(model.index(row, 0, top.parent())).top() > viewport.bottom():
                break

    def menubar(self, bar: QMenuBar) -> None:
        whole = bar.rect()
        for action in bar.actions():
            if not action.isVisible() or action.isSeparator():
                continue
            rect = bar.actionGeometry(action)
            if rect.isEmpty() or not whole.contains(rect):
                self.add(bar, action.text(), rect.size(), rect.size(), "menu title pushed into '»'")

    def placement(self, widget: QWidget) -> None:
        """A widget (partly) outside its parent is cut by it."""
        parent = widget.parentWidget()
        if parent is None or _scrolls(widget) or _inside_complex(widget) or _declared(widget):
            return
        if isinstance(parent, QTabBar):
            return  # the tab bar's own scroll buttons
        if widget.geometry().isEmpty():
            return  # shows nothing (a dock's hidden title bar); a text squeezed to nothing is a clip above
        if not parent.rect().contains(widget.geometry()):
            text = _text_of(widget)
            self.add(
                widget, text, widget.size(), widget.size(),
                f"outside its parent ({_rect(widget.geometry())} in {_rect(parent.rect())})",
            )  # fmt: skip

    def run(self, limit: QSize) -> list[Clip]:
        top = self.top
        if top.width() > limit.width() or top.height() > limit.height():
            why = f"the window is larger than the screen allows (the widest minimum: {_widest(top)})"
            self.add(top, top.windowTitle(), top.size(), limit, why)
        for widget in _shown(top):
            self.placement(widget)
            if isinstance(widget, QLabel):
                self.label(widget)
            elif isinstance(widget, QAbstractButton) and not _inside_complex(widget):
                if not isinstance(widget.parentWidget(), QTabBar):
                    self.button(widget)
            elif isinstance(widget, QComboBox):
                self.combo(widget)
            elif isinstance(widget, QLineEdit):
                self.line_edit(widget)
            elif isinstance(widget, QTabBar):
                self.tabs(widget)
            elif isinstance(widget, QHeaderView):
                self.header(widget)
            elif isinstance(widget, QAbstractItemView):
                self.cells(widget)
            elif isinstance(widget, QMenuBar):
                self.menubar(widget)
            if isinstance(widget, QGroupBox):
                self.group(widget)
        return self.found


def _widest(top: QWidget) -> str:
    """Where a window's minimum width comes from: the child with the widest minimum, level by level."""
    steps: list[str] = []
    widget = top
    while True:
        children = [c for c in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                    if c.isVisible() and not c.isWindow()]  # fmt: skip
        if not children:
            break
        widget = max(children, key=lambda c: c.minimumSizeHint().width())
        text = _text_of(widget)
        steps.append(f"{path_of(widget, top).rsplit('/', 1)[-1]} {widget.minimumSizeHint().width()} px"
                     + (f" {text[:40]!r}" if text != widget.objectName() else ""))  # fmt: skip
    return " > ".join(steps)


def _rect(r: QRect) -> str:
    return f"{r.width()}x{r.height()}+{r.x()}+{r.y()}"


def _text_of(widget: QWidget) -> str:
    for getter in ("text", "title", "currentText", "placeholderText"):
        method = getattr(widget, getter, None)
        if callable(method):
            try:
                value = method()
            except TypeError:
                continue
            if isinstance(value, str) and value:
                return value
    return widget.objectName() or type(widget).__name__


def clipped(top: QWidget, screen: str, limit: QSize | None = None) -> list[Clip]:
    """Every visible text of the shown top-level ``top`` that is cut; [] when everything fits.

    ``screen`` names the window in the messages; ``limit`` is the most the window may take
    (``room()``: a 1024x768 screen less the frame).
    """
    assert top.isWindow() and top.isVisible(), f"{screen}: show the window first"
    top.ensurePolished()
    layout = top.layout()
    if layout is not None:
        layout.activate()
    return _Checker(top, screen).run(limit or room())


def settled_clips(qtbot: Any, window: QWidget, name: str) -> list[Clip]:
    """What is cut in ``window`` once it has laid itself out (a language switch, a message just shown
    may still be settling): [] as soon as everything fits, else what is still cut after a second."""
    now: list[Clip] = []

    def fits() -> bool:
        now[:] = clipped(window, name)
        return not now

    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(fits, timeout=1000)
    return now
