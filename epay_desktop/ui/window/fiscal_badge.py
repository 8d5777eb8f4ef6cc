"""The status bar's fiscal shift badge (decisions 0127, 0131): hidden while the fiscal register's shift is far
from its 24 hours (or no register is set up); amber "Close fiscal shift by HH:MM" within the last hour, red
"⚠ Fiscal shift over 24 hours" once the register refuses receipts. Its words are short, so that they are
whole at a 1280 px wide window in Russian and Kazakh beside the rest of the bar; the tooltip and the window
a click opens (Shift > Fiscal register…) explain it in full. In the bar's row it is worth more than
everything but who is signed in and the environment: it is whole, or (on a bar too narrow for even
those) gone whole, never cut (decision 0149)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from epay_desktop.services.fiscal.shift_watch import Deadline
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.formatting import local_time_text

__all__ = ["FiscalBadge"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("FiscalBadge", text)


class FiscalBadge(QLabel):
    """``set_deadline(deadline, close_by)``; ``clicked`` when a person clicks it. Its ``words`` (None:
    nothing to say) are shown by the status bar's row, told by ``changed``."""

    clicked = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fiscal_badge")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.deadline = Deadline.NONE
        self._close_by: datetime | None = None
        self.words: str | None = None
        self.retranslate()

    def set_deadline(self, deadline: Deadline, close_by: datetime | None) -> None:
        """Where the register's open shift stands (``close_by``: when its 24 hours are up)."""
        self.deadline, self._close_by = deadline, close_by
        self.retranslate()

    def retranslate(self) -> None:
        """Its words in the language now (after a switch too)."""
        close_by = self._close_by
        if self.deadline is Deadline.NONE or close_by is None:
            self.words = None
            self.changed.emit()
            return
        when = local_time_text(close_by)
        if self.deadline is Deadline.OVER:
            text = _tr("⚠ Fiscal shift over 24 hours")
            tip = _tr(
                "The fiscal register's shift reached its 24 hours at {when} (Kazakhstan time): the register "
                "refuses every receipt until it is closed with a Z report. Click to open the fiscal register."
            ).format(when=when)
            colours = ("alert", "on_strong")
        else:
            text = _tr("Close fiscal shift by {time}").format(time=when[-5:])
            tip = _tr(
                "The fiscal register's shift must be closed with a Z report by {when} (Kazakhstan time); "
                "after that the register refuses receipts. Click to open the fiscal register."
            ).format(when=when)
            colours = ("attention", "on_attention")
        self.words = text
        self.setToolTip(tip)
        self.setStyleSheet(theme.style("status_badge", bg=colours[0], fg=colours[1]))
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Taken (a label lets it go by): the release then comes here and is the click."""
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)
