"""How a payment's status looks everywhere: one word for people and a coloured rounded badge.

``status_label(status)`` is the only place that turns a status into words; lists, detail panels,
dialogs and tooltips all call it, so Kazakh and Russian translations cover every screen at once.
Every status a person can tell apart has its own colour (decision 0024), in families: green paid,
blue/teal held or verified, greys waiting or stopped at the counter, purple "checking with the bank"
(outcome unknown), pink "needs a manager's review", reds and near-black for declined / failed, ambers
and browns for money given back, released or never taken. :func:`operation_badge` marks a payment
whose money operation is unresolved, so the list shows it as the user guide says.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import QRect
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import QIcon
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QStyledItemDelegate
from PySide6.QtWidgets import QStyleOptionViewItem
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import OpState
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.roles import BadgeRole
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "Badge",
    "BadgeDelegate",
    "StatusBadge",
    "Tone",
    "badge_cell_width",
    "badge_icon",
    "operation_badge",
    "status_badge",
    "status_choices",
    "status_label",
    "status_tone",
    "tone_colors",
    "tone_roles",
]

_CONTEXT = "Status"


class Tone(Enum):
    GREEN = "green"
    BLUE = "blue"
    TEAL = "teal"
    GREY = "grey"
    SLATE = "slate"
    STEEL = "steel"
    PURPLE = "purple"
    PINK = "pink"
    RED = "red"
    MAROON = "maroon"
    DEEP_ORANGE = "deep-orange"
    CHARCOAL = "charcoal"
    AMBER = "amber"
    BROWN = "brown"
    SAND = "sand"
    YELLOW = "yellow"


#: (background, text) theme roles per tone (resources/theme/colors.json); text colours keep at least
#: 4.5:1 contrast on their background (tests/ui/widgets/test_status_badge.py and test_theme.py measure it).
_ROLES: dict[Tone, tuple[str, str]] = {
    Tone.GREEN: ("tone_green", "tone_green_text"),
    Tone.BLUE: ("tone_blue", "tone_blue_text"),
    Tone.TEAL: ("tone_teal", "tone_teal_text"),
    Tone.GREY: ("tone_grey", "tone_grey_text"),
    Tone.SLATE: ("tone_slate", "tone_slate_text"),
    Tone.STEEL: ("tone_steel", "tone_steel_text"),
    Tone.PURPLE: ("tone_purple", "tone_purple_text"),
    Tone.PINK: ("tone_pink", "tone_pink_text"),
    Tone.RED: ("tone_red", "tone_red_text"),
    Tone.MAROON: ("tone_maroon", "tone_maroon_text"),
    Tone.DEEP_ORANGE: ("tone_deep_orange", "tone_deep_orange_text"),
    Tone.CHARCOAL: ("tone_charcoal", "tone_charcoal_text"),
    Tone.AMBER: ("tone_amber", "tone_amber_text"),
    Tone.BROWN: ("tone_brown", "tone_brown_text"),
    Tone.SAND: ("tone_sand", "tone_sand_text"),
    Tone.YELLOW: ("tone_yellow", "tone_yellow_text"),
}

# Literal source strings (QT_TRANSLATE_NOOP) so pyside6-lupdate extracts them for kk/ru.
_STATUS: dict[ConsoleStatus, tuple[str, Tone]] = {
    ConsoleStatus.NEW: (QT_TRANSLATE_NOOP("Status", "Waiting"), Tone.GREY),
    ConsoleStatus.PENDING: (QT_TRANSLATE_NOOP("Status", "Waiting"), Tone.GREY),
    ConsoleStatus.FINGERPRINT: (QT_TRANSLATE_NOOP("Status", "Paying…"), Tone.SLATE),
    ConsoleStatus.UNKNOWN: (QT_TRANSLATE_NOOP("Status", "Checking…"), Tone.PURPLE),
    ConsoleStatus.AUTH: (QT_TRANSLATE_NOOP("Status", "Authorised"), Tone.BLUE),
    ConsoleStatus.CHARGE: (QT_TRANSLATE_NOOP("Status", "Paid"), Tone.GREEN),
    ConsoleStatus.VERIFIED: (QT_TRANSLATE_NOOP("Status", "Card verified"), Tone.TEAL),
    ConsoleStatus.REFUND: (QT_TRANSLATE_NOOP("Status", "Refunded"), Tone.AMBER),
    ConsoleStatus.CANCEL: (QT_TRANSLATE_NOOP("Status", "Cancelled"), Tone.BROWN),
    ConsoleStatus.CANCEL_OLD: (QT_TRANSLATE_NOOP("Status", "Hold expired"), Tone.SAND),
    ConsoleStatus.EXPIRED: (QT_TRANSLATE_NOOP("Status", "Expired"), Tone.YELLOW),
    ConsoleStatus.REJECT: (QT_TRANSLATE_NOOP("Status", "Declined"), Tone.RED),
    ConsoleStatus.FAILED: (QT_TRANSLATE_NOOP("Status", "Failed"), Tone.CHARCOAL),
    ConsoleStatus.THREE_DS: (QT_TRANSLATE_NOOP("Status", "3-D Secure failed"), Tone.DEEP_ORANGE),
    ConsoleStatus.CASHIER_CANCEL: (QT_TRANSLATE_NOOP("Status", "Cashier cancelled"), Tone.STEEL),
    ConsoleStatus.PAGE_FAILED: (QT_TRANSLATE_NOOP("Status", "Page failed"), Tone.MAROON),
}

#: Pale tones: their dot gets an outline so it shows on a white menu.
_LIGHT = frozenset({Tone.GREY, Tone.STEEL, Tone.SAND, Tone.YELLOW})

#: A payment whose money operation waits shows this in the list instead of its status.
_OPERATIONS: dict[OpState, tuple[str, Tone]] = {
    OpState.UNKNOWN: (QT_TRANSLATE_NOOP("Status", "Checking…"), Tone.PURPLE),
    OpState.NEEDS_REVIEW: (QT_TRANSLATE_NOOP("Status", "Needs review"), Tone.PINK),
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
    return Badge(status_label(status), status_tone(status))


def status_choices() -> list[tuple[str, frozenset[ConsoleStatus]]]:
    """One entry per status a person can tell apart: (untranslated label in context "Status", the
    statuses shown with it), in display order. NEW and PENDING are both "Waiting"."""
    choices: dict[str, set[ConsoleStatus]] = {}
    for status, (label, _tone) in _STATUS.items():
        choices.setdefault(label, set()).add(status)
    return [(label, frozenset(statuses)) for label, statuses in choices.items()]


def badge_icon(badge: Badge, size: int = 12) -> QIcon:
    """A small dot in the badge's colour (filter menus, timelines)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    background, text = tone_colors(badge.tone)
    painter.setPen(text if badge.tone in _LIGHT else Qt.PenStyle.NoPen)
    painter.setBrush(background)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def status_tone(status: ConsoleStatus | str) -> Tone:
    """The colour of a status (an unknown code is grey)."""
    parsed = _parse(status)
    return _STATUS[parsed][1] if parsed is not None else Tone.GREY


def operation_badge(state: OpState | str) -> Badge | None:
    """The list's badge for a payment with an operation in ``state``: "Checking…" while the bank's
    answer is lost (UNKNOWN), "Needs review" when a manager must decide (NEEDS_REVIEW); else None."""
    try:
        entry = _OPERATIONS.get(OpState(state))
    except ValueError:
        return None
    if entry is None:
        return None
    return Badge(QCoreApplication.translate(_CONTEXT, entry[0]), entry[1])


def tone_colors(tone: Tone) -> tuple[QColor, QColor]:
    """(background, text) colours of a tone."""
    background, text = _ROLES[tone]
    return theme.color(background), theme.color(text)


def tone_roles(tone: Tone) -> tuple[str, str]:
    """(background, text) theme roles of a tone, for a style sheet (``theme.style(..., bg=, fg=)``)."""
    return _ROLES[tone]


_PAD_X, _PAD_Y, _MARGIN = 8, 2, 4


def badge_cell_width(metrics: QFontMetrics, text: str) -> int:
    """The width a list cell needs to show the pill of ``text`` whole, with its margins."""
    return metrics.horizontalAdvance(text) + 2 * (_PAD_X + _MARGIN) + 2


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
            size.setWidth(max(size.width(), badge_cell_width(option.fontMetrics, badge.text)))
        return size


class StatusBadge(QLabel):
    """A badge outside item views (detail panel, result screen, a money dialog's header).

    It says its status again after a live language switch: the switch alone would look its words up
    by the words, and "Paid" is «Оплачен» as a status but «Оплачено» in the Refund dialog around it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.badge: Badge | None = None
        self._status: ConsoleStatus | str | None = None
        on_language_change(self, self._say_again)

    def set_status(self, status: ConsoleStatus | str) -> None:
        self._status = status
        self.set_badge(status_badge(status))

    def _say_again(self) -> None:
        if self._status is not None:
            self.set_badge(status_badge(self._status))

    def set_badge(self, badge: Badge) -> None:
        self.badge = badge
        background, text = _ROLES[badge.tone]
        self.setText(badge.text)
        self.setStyleSheet(theme.style("status_badge", bg=background, fg=text))
