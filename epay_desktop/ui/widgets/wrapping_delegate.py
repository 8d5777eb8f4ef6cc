"""An item delegate whose rows grow to fit text wrapped at the column's width.

QTreeView's ``wordWrap`` wraps only the painting: the row height comes from the text's unwrapped
size, so a long line is cut off with "…". This delegate measures the text at the width of its
column, so a long decline reason or refund note shows in full on two lines. The view must lay out
its rows again when a column's width changes: :func:`install_wrapping` does that.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import QRect
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QStyledItemDelegate
from PySide6.QtWidgets import QStyleOptionViewItem
from PySide6.QtWidgets import QTreeView

__all__ = ["WrappingDelegate", "install_wrapping"]

_HUGE = 100_000


class WrappingDelegate(QStyledItemDelegate):
    """Wraps column ``column`` of ``view`` at word boundaries; other columns are sized as usual."""

    def __init__(self, view: QTreeView, column: int) -> None:
        super().__init__(view)
        self._view = view
        self._column = column

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != self._column:
            return size
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = self._view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        icon = opt.decorationSize.width() + 4 if not opt.icon.isNull() else 0
        width = max(self._view.columnWidth(self._column) - 2 * margin - icon, 40)
        metrics = opt.fontMetrics
        unwrapped = metrics.boundingRect(QRect(0, 0, _HUGE, _HUGE), 0, opt.text).height()
        wrapped = metrics.boundingRect(QRect(0, 0, width, _HUGE), int(Qt.TextFlag.TextWordWrap), opt.text)
        padding = max(size.height() - unwrapped, 0)  # the style's margins around the text
        return QSize(size.width(), max(wrapped.height(), metrics.height()) + padding)


def install_wrapping(view: QTreeView, column: int) -> WrappingDelegate:
    """Wrap ``column`` of ``view`` and re-measure the rows whenever a column is resized."""
    delegate = WrappingDelegate(view, column)
    view.setItemDelegateForColumn(column, delegate)
    view.setWordWrap(True)
    view.setUniformRowHeights(False)
    view.header().sectionResized.connect(lambda *_: view.scheduleDelayedItemsLayout())
    return delegate
