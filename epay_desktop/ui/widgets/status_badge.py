"""How a payment's status looks everywhere: one word for people and a coloured rounded badge.

``status_label(status)`` is the only place that turns a status into words; lists, detail panels,
dialogs and tooltips all call it, so Kazakh and Russian translations cover every screen at once.
Colours: green paid, blue held, grey waiting, red declined/failed, amber refunded/cancelled/expired,
purple "checking with the bank" (outcome unknown).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from epay_desktop.domain import ConsoleStatus

from ..models.roles import BadgeRole
from .i18n import QT_TRANSLATE_NOOP

__all__ = ["Badge", "BadgeDelegate", "StatusBadge", "Tone", "status_badge", "status_label", "tone_colors"]

_CONTEXT = "Status"


class Tone(Enum):
    GREEN = "green"
    BLUE = "blue"
    GREY = "grey"
    RED = "red"
    AMBER = "amber"
    PURPLE = "purple"


#: (background, text) per tone; text colours keep at least 4.5:1 contrast on their background.
_COLORS: dict[Tone, tuple[str, str]] = {
    Tone.GREEN: ("#2e7d32", "#ffffff"),
    Tone.BLUE: ("#1565c0", "#ffffff"),
    Tone.GREY: ("#e0e0e0", "#303030"),
    Tone.RED: ("#c62828", "#ffffff"),
    Tone.AMBER: ("#ffc107", "#3e2723"),
    Tone.PURPLE: ("#6a1b9a", "#ffffff"),
}

# Literal source strings (QT_TRANSLATE_NOOP) so pyside6-lupdate extracts them for kk/ru.
_STATUS: dict[ConsoleStatus, tuple[str, Tone]] = {
    ConsoleStatus.NEW: (QT_TRANSLATE_NOOP("Status", "Waiting"), Tone.GREY),
    ConsoleStatus.PENDING: (QT_TRANSLATE_NOOP("Status", "Waiting"), Tone.GREY),
    ConsoleStatus.FINGERPRINT: (QT_TRANSLATE_NOOP("Status", "Paying…"), Tone.GREY),
    ConsoleStatus.UNKNOWN: (QT_TRANSLATE_NOOP("Status", "Checking…"), Tone.PURPLE),
    ConsoleStatus.AUTH: (QT_TRANSLATE_NOOP("Status", "Authorised"), Tone.BLUE),
    ConsoleStatus.CHARGE: (QT_TRANSLATE_NOOP("Status", "Paid"), Tone.GREEN),
    ConsoleStatus.VERIFIED: (QT_TRANSLATE_NOOP("Status", "Card verified"), Tone.BLUE),
    ConsoleStatus.REFUND: (QT_TRANSLATE_NOOP("Status", "Refunded"), Tone.AMBER),
    ConsoleStatus.CANCEL: (QT_TRANSLATE_NOOP("Status", "Cancelled"), Tone.AMBER),
    ConsoleStatus.CANCEL_OLD: (QT_TRANSLATE_NOOP("Status", "Hold expired"), Tone.AMBER),
    ConsoleStatus.EXPIRED: (QT_TRANSLATE_NOOP("Status", "Expired"), Tone.AMBER),
    ConsoleStatus.REJECT: (QT_TRANSLATE_NOOP("Status", "Declined"), Tone.RED),
    ConsoleStatus.FAILED: (QT_TRANSLATE_NOOP("Status", "Failed"), Tone.RED),
    ConsoleStatus.THREE_DS: (QT_TRANSLATE_NOOP("Status", "3-D Secure failed"), Tone.RED),
}


@dataclass(frozen=True, slots=True)
class Badge:
    """What a badge shows: translated text and a tone."""

    text: str
    tone: Tone


def _parse(status: ConsoleStatus | str) -> ConsoleStatus | None:
    try:
        return ConsoleStatus(status)
    except ValueError:
        return None


def status_label(status: ConsoleStatus | str) -> str:
    """The status in the interface language ("Paid", "Declined", "Checking…"); unknown codes as they are."""
    parsed = _parse(status)
    if parsed is None:
        return str(status)
    return QCoreApplication.translate(_CONTEXT, _STATUS[parsed][0])


def status_badge(status: ConsoleStatus | str) -> Badge:
    """Label and tone of a payment status (an unknown code is grey)."""
    parsed = _parse(status)
    tone = _STATUS[parsed][1] if parsed is not None else Tone.GREY
    return Badge(status_label(status), tone)


def tone_colors(tone: Tone) -> tuple[QColor, QColor]:
    """(background, text) colours of a tone."""
    background, text = _COLORS[tone]
    return QColor(background), QColor(text)


_PAD_X, _PAD_Y, _MARGIN = 8, 2, 4


class BadgeDelegate(QStyledItemDelegate):
    """Paints ``BadgeRole`` data as a rounded coloured pill; other cells are painted as usual."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        badge = index.data(BadgeRole)
        if not isinstance(badge, Badge):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:  # background, selection and focus as the view draws them
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        cell: QRect = opt.rect
        metrics = opt.fontMetrics
        width = min(metrics.horizontalAdvance(badge.text) + 2 * _PAD_X + 2, cell.width() - 2 * _MARGIN)
        height = min(metrics.height() + 2 * _PAD_Y, cell.height() - 2)
        pill = QRect(cell.left() + _MARGIN, cell.center().y() - height // 2 + 1, width, height)
        background, foreground = tone_colors(badge.tone)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(foreground)
        painter.setFont(opt.font)
        text = metrics.elidedText(badge.text, Qt.TextElideMode.ElideRight, pill.width() - 2 * _PAD_X + 1)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        badge = index.data(BadgeRole)
        if isinstance(badge, Badge):
            metrics = option.fontMetrics
            size.setWidth(
                max(size.width(), metrics.horizontalAdvance(badge.text) + 2 * (_PAD_X + _MARGIN) + 2)
            )
        return size


class StatusBadge(QLabel):
    """A badge outside item views (detail panel, result screen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.badge: Badge | None = None

    def set_status(self, status: ConsoleStatus | str) -> None:
        self.set_badge(status_badge(status))

    def set_badge(self, badge: Badge) -> None:
        self.badge = badge
        background, text = _COLORS[badge.tone]
        self.setText(badge.text)
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {text}; border-radius: 9px; "
            "padding: 2px 10px; font-weight: 600; }"
        )
