"""One row of the status bar's widgets that gives way by priority when the bar is too narrow (decision 0149).

Each widget says its words in one or more forms, widest first, each with how much it is worth keeping
(``keep``: the higher, the longer it stays). Short of room, the form worth least gives way first: its
widget takes its next, shorter form, or, with none left, is hidden whole. A widget is never squeezed
below its words, so nothing shows cut mid-word or as an empty box. Room wanted beside the row (the
bar's one-line message) takes part with its own worth: once everything worth less has given way, it
shrinks (the bar then shows the message to its last whole word) rather than go.

:func:`give_way` is the rule alone (widths in, the form of each out); :class:`GiveWay` is the widget.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final
from typing import TypeAlias

from PySide6.QtCore import QEvent
from PySide6.QtCore import QRect
from PySide6.QtCore import QSize
from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

__all__ = ["ELASTIC", "Form", "GiveWay", "give_way"]

#: The worth of a room that shrinks to nothing rather than go (the message's last form).
ELASTIC: Final = sys.maxsize


@dataclass(frozen=True, slots=True)
class Form:
    """One way of saying a widget's words: ``width`` px, worth ``keep``."""

    width: int
    keep: int


def give_way(items: Sequence[Sequence[Form]], room: int, gap: int) -> list[int | None]:
    """For each item (its forms, widest first; none: not shown), the form it shows, or None where it
    gives way, so that the shown forms and the gaps between them fit ``room``. The shown form worth
    least steps down first (its next form, else hidden); of two worth the same, the right one."""
    chosen: list[int | None] = [0 if forms else None for forms in items]

    def width() -> int:
        shown = [items[i][form].width for i, form in enumerate(chosen) if form is not None]
        return sum(shown) + gap * len([w for w in shown if w > 0][1:])

    while width() > room:
        shown = [i for i, form in enumerate(chosen) if form is not None]
        if not shown:
            break
        least = min(shown, key=lambda i: (items[i][chosen[i] or 0].keep, -i))
        step = (chosen[least] or 0) + 1
        chosen[least] = step if step < len(items[least]) else None
    return chosen


Worded: TypeAlias = QLabel | QAbstractButton


class GiveWay(QWidget):
    """The row: ``add`` its widgets left to right, then ``say(widget, (text, keep), ...)`` their words
    (no form: hidden); the row alone sets their text and shows or hides them. ``set_room`` is the width
    the row and its lead may take (None, before the row is laid out: no limit), ``set_lead`` the room
    wanted left of the row (0: none) and its worth; ``placed`` after the row has laid its widgets out."""

    GAP: Final = 6  # px between two widgets, as a status bar leaves
    placed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widgets: list[Worded] = []
        self._said: dict[Worded, tuple[tuple[str, int], ...]] = {}
        self._room: int | None = None  # not laid out yet: every widget whole
        self._lead = (0, 0)
        self._width = 0  # what the shown widgets take: the row's size hint

    def add(self, widget: Worded) -> None:
        widget.setParent(self)
        widget.hide()
        self._widgets.append(widget)
        self._said[widget] = ()

    def say(self, widget: Worded, *forms: tuple[str, int]) -> None:
        """``widget``'s words, widest first, each with its worth; none: it is not shown."""
        self._said[widget] = forms
        self._plan()

    def said(self, widget: Worded) -> tuple[str, ...]:
        """Every form ``widget`` says now, widest first (the one shown is its ``text()``)."""
        return tuple(text for text, _keep in self._said[widget])

    def set_room(self, room: int | None) -> None:
        if room != self._room:
            self._room = room
            self._plan()

    def set_lead(self, width: int, keep: int) -> None:
        if (width, keep) != self._lead:
            self._lead = (width, keep)
            self._plan()

    def _forms(self, widget: Worded) -> list[Form]:
        """Each form's width: the widget's size for its words now, less theirs, plus the form's."""
        widget.ensurePolished()
        metrics = widget.fontMetrics()
        frame = widget.sizeHint().width() - metrics.size(0, widget.text()).width()
        return [Form(frame + metrics.size(0, text).width(), keep) for text, keep in self._said[widget]]

    def _plan(self) -> None:
        lead, keep = self._lead
        items = [[Form(lead, keep), Form(0, ELASTIC)] if lead else []]
        items += [self._forms(widget) for widget in self._widgets]
        chosen = give_way(items, sys.maxsize if self._room is None else self._room, self.GAP)[1:]
        for widget, form in zip(self._widgets, chosen, strict=True):
            said = self._said[widget]
            if said:  # a widget given way keeps its whole words (its tooltip's, its text's)
                widget.setText(said[form or 0][0])
            widget.setVisible(form is not None)
        shown = [w.sizeHint().width() for w in self._widgets if not w.isHidden()]
        width = sum(shown) + self.GAP * max(0, len(shown) - 1)
        if width != self._width:
            self._width = width
            self.updateGeometry()
        self._place()

    def sizeHint(self) -> QSize:
        height = max((w.sizeHint().height() for w in self._widgets if self._said[w]), default=0)
        return QSize(self._width, height)

    def minimumSizeHint(self) -> QSize:
        """No width of its own: it gives way before it pushes the window wider."""
        return QSize(0, self.sizeHint().height())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a shown widget's size changed (its style)
            self._plan()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        """Right-aligned, each widget as wide as its words, as tall as the row."""
        x = self.width() - self._width
        for widget in self._widgets:
            if widget.isHidden():
                continue
            width = widget.sizeHint().width()
            widget.setGeometry(QRect(x, 0, width, self.height()))
            x += width + self.GAP
        self.placed.emit()
