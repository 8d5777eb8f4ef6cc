"""An item delegate for a column of names: a name too long for its cell shows its first whole words and
"…" ("Нұрсұлтан…", never "Нұрсұлта…" as Qt's own elision cuts it), and the cell's tooltip says it
whole (decision 0150)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtGui import QHelpEvent
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QStyledItemDelegate
from PySide6.QtWidgets import QStyleOptionViewItem
from PySide6.QtWidgets import QToolTip
from PySide6.QtWidgets import QWidget

from epay_desktop.ui.common.screen_fit import whole_words

__all__ = ["WholeWordsDelegate"]

Index = QModelIndex | QPersistentModelIndex


def _style(option: QStyleOptionViewItem) -> tuple[QStyle, QWidget | None]:
    """The style that paints the cell, and the view it is painted in."""
    widget = option.widget
    return (widget.style() if widget is not None else QApplication.style()), widget


class WholeWordsDelegate(QStyledItemDelegate):
    """Paints a cell's text to its last whole word that fits; ``shown`` is what a cell shows."""

    def shown(self, option: QStyleOptionViewItem, index: Index) -> QStyleOptionViewItem:
        """The cell's option with its text as painted in ``option.rect``."""
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        style, widget = _style(option)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, shown, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        shown.text = whole_words(shown.fontMetrics, shown.text, text_rect.width() - 2 * margin)
        return shown

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style, widget = _style(option)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, self.shown(option, index), painter, widget)

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        """A shortened cell's tooltip is its whole text (a cell shown whole has none of its own)."""
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            whole = str(index.data() or "")
            if self.shown(option, index).text != whole:
                QToolTip.showText(event.globalPos(), whole, view)
                return True
        return super().helpEvent(event, view, option, index)
