"""The main window's status bar: which gateway (SANDBOX / TEST unmistakably), this register's shift, bank
health, last check, user.

Its widgets sit in one row that gives way by priority when the bar is too narrow (``give_way``, decision
0149): each says its words in one or two forms, each worth what ``Keep`` says; the least worth gives way
first, to a shorter form or whole, so that nothing is cut mid-word. A command's one-line result (the bar's
temporary message) takes part too: the quiet words give way while it shows; a line still too long is
shown to its last whole word and "…", whole in the bar's tooltip.

Health comes from ``GatewayHealthChanged`` (via the bridge), published by the poller and by any
service call that finds the bank down or back, only on a change; so the time of the poller's last
successful check is read from ``last_poll()`` every few seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from enum import IntEnum
from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QRect
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPaintEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QStatusBar
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QStyleOption
from PySide6.QtWidgets import QToolButton
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.shifts import Shift
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.formatting import KAZAKHSTAN
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.screen_fit import whole_words
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP
from epay_desktop.ui.window.fiscal_badge import FiscalBadge
from epay_desktop.ui.window.give_way import GiveWay

__all__ = ["ConsoleStatusBar", "Keep", "environment_badge", "role_label"]

_CONTEXT = "ConsoleStatusBar"

#: Environment name (``EPAYMENT_ENV``, or ``demo``) -> badge text, tooltip, colour role (None: quiet).
_ENVIRONMENTS: Final[dict[str, tuple[str, str, str | None]]] = {
    "sandbox": (
        QT_TRANSLATE_NOOP("ConsoleStatusBar", "SANDBOX"),
        QT_TRANSLATE_NOOP("ConsoleStatusBar", "Built-in bank emulator: no real money moves."),
        "env_sandbox",
    ),
    "demo": (
        QT_TRANSLATE_NOOP("ConsoleStatusBar", "SANDBOX"),
        QT_TRANSLATE_NOOP("ConsoleStatusBar", "Demo on the built-in bank emulator: no real money moves."),
        "env_sandbox",
    ),
    "test": (
        QT_TRANSLATE_NOOP("ConsoleStatusBar", "TEST"),
        QT_TRANSLATE_NOOP("ConsoleStatusBar", "The bank's test server: no real money moves."),
        "env_test",
    ),
    "test-homebank": (
        QT_TRANSLATE_NOOP("ConsoleStatusBar", "TEST"),
        QT_TRANSLATE_NOOP("ConsoleStatusBar", "The bank's test server: no real money moves."),
        "env_test",
    ),
    "prod": (
        QT_TRANSLATE_NOOP("ConsoleStatusBar", "PRODUCTION"),
        QT_TRANSLATE_NOOP("ConsoleStatusBar", "Halyk ePay production: real card payments."),
        None,
    ),
}
_ROLES: Final = {
    Role.CASHIER: QT_TRANSLATE_NOOP("ConsoleStatusBar", "cashier"),
    Role.MANAGER: QT_TRANSLATE_NOOP("ConsoleStatusBar", "manager"),
    Role.ADMIN: QT_TRANSLATE_NOOP("ConsoleStatusBar", "administrator"),
}
_GREEN, _RED, _GREY = "bank_ok", "bank_down", "text_quiet"  # theme roles


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def environment_badge(environment: str) -> tuple[str, str, str | None]:
    """(badge text, tooltip, badge colour role) of an environment; None role: shown quietly (production).

    An unknown name is shown loud, upper-case: only production may look calm.
    """
    known = _ENVIRONMENTS.get(environment.strip().lower())
    if known is None:
        return environment.strip().upper() or "?", _tr("Custom gateway address."), "env_sandbox"
    text, tip, colour = known
    return _tr(text), _tr(tip), colour


def role_label(role: Role) -> str:
    return _tr(_ROLES[Role(role)])


class Keep(IntEnum):
    """What each of the bar's words is worth keeping when the bar is short of room (decision 0149): the
    least gives way first. A widget's short form is worth more than its long one; the loud words (the
    register refuses receipts, a shift open too long, payments waiting for a person) more than the quiet."""

    LAST_CHECK = 10  # "Last check: 14:30:05" (the bank's health says whether it answers)
    SHIFT = 20  # "Shift 2 open since 09:12" (said again in the Shift menu)
    SHIFT_LOUD = 25  # "⚠ Shift 2 open 26 h"
    SHIFT_SHORT = 30  # "Shift 2"
    ATTENTION = 35  # "⚠ 3 need attention"
    HEALTH = 40  # "● Bank not reachable — retrying"
    SHIFT_LOUD_SHORT = 48  # "⚠ Shift: 26 h"
    MESSAGE = 50  # a command's one-line result, whole (then to its last whole word)
    ATTENTION_SHORT = 70  # "⚠ 3"
    HEALTH_SHORT = 75  # "● Bank not reachable", "● Bank: OK"
    FISCAL = 80  # the fiscal register's shift: close it, or it refuses receipts
    USER = 90  # who is signed in
    ENVIRONMENT = 100  # SANDBOX / TEST: never missed


#: Qt draws the one-line message from 6 px in to 2 px before the first permanent widget.
_MESSAGE_MARGIN: Final = 8
#: The status bar's own room left of its permanent widgets.
_BAR_EDGE: Final = 2


def _local(when: datetime) -> datetime:
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(KAZAKHSTAN)


def _clock_text(when: datetime) -> str:
    return _local(when).strftime("%H:%M:%S")


class ConsoleStatusBar(QStatusBar):
    """Permanent widgets, left to right: environment badge, needs-attention badge, shift, bank health,
    last check, user. The attention badge is hidden while nothing needs a person; clicking it emits
    ``attention_clicked``. The shift says which is open since when, loudly once it is overdue."""

    REFRESH_MS: Final = 5000
    attention_clicked = Signal()
    fiscal_clicked = Signal()  # the fiscal shift's badge: open the fiscal register (decision 0127)

    def __init__(
        self,
        environment: str,
        *,
        last_poll: Callable[[], datetime | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("console_status_bar")
        # no size grip: the window's edges resize it, and at 1024 px every pixel of the bar is needed
        self.setSizeGripEnabled(False)
        self._last_poll = last_poll
        self._healthy: bool | None = None
        self._last_success: datetime | None = None
        self._health_message = ""
        self.environment_loud = False
        self._user: User | None = None  # who the bar says is signed in (said again after a switch)
        self.row = GiveWay(self)
        self.environment_label = self._label("environment_label")
        self.health_label = self._label("health_label")
        self.last_poll_label = self._label("last_poll_label")
        self.user_label = self._label("user_label")
        self.user_label.setContentsMargins(0, 0, 8, 0)  # the last item: not flush with the window's edge
        self.attention_badge = QToolButton(self)
        self.attention_badge.setObjectName("attention_badge")
        self.attention_badge.setAutoRaise(True)
        self.attention_badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.attention_badge.setStyleSheet(theme.style("attention_badge"))
        self.attention_badge.clicked.connect(self.attention_clicked)
        self.attention_count = 0
        self.shift_label = self._label("shift_label")
        self._shift: tuple[Shift | None, int | None] | None = None  # None: not shown (nobody signed in)
        self.fiscal_badge = FiscalBadge(self)
        self.fiscal_badge.clicked.connect(self.fiscal_clicked)
        for widget in (
            self.environment_label,
            self.attention_badge,
            self.shift_label,
            self.fiscal_badge,
            self.health_label,
            self.last_poll_label,
            self.user_label,
        ):
            self.row.add(widget)
        self.addPermanentWidget(self.row)
        self.row.placed.connect(self._follow_message)
        self.fiscal_badge.changed.connect(self._render_fiscal)
        self._render_fiscal()
        self.set_attention(0)
        self.set_shift_hidden()
        self.set_environment(environment)
        self.set_user(None)
        self._render_health()
        self._timer = QTimer(self)
        self._timer.setInterval(self.REFRESH_MS)
        self._timer.timeout.connect(self.refresh_last_poll)
        if last_poll is not None:
            self._timer.start()
            self.refresh_last_poll()
        on_language_change(self, self._retranslate)
        self.messageChanged.connect(self._on_message)

    @Slot(str)
    def _on_message(self, text: str) -> None:
        """A temporary message (a command's result: "Checked with the bank: …") is drawn left of the
        row: it asks the row for its room, worth ``Keep.MESSAGE`` (decision 0136: the counter's shift
        words and the last check's time give way while it shows, and come back after)."""
        width = self.fontMetrics().horizontalAdvance(text) + _MESSAGE_MARGIN if text else 0
        self.row.set_lead(width, Keep.MESSAGE)
        self._follow_message()

    def message_line(self) -> str:
        """The temporary message as the bar shows it: whole, or to its last whole word and "…"."""
        return whole_words(self.fontMetrics(), self.currentMessage(), self._message_rect().width())

    def _message_rect(self) -> QRect:
        return QRect(6, 0, self.row.x() - _MESSAGE_MARGIN, self.height())

    @Slot()
    def _follow_message(self) -> None:
        """A message shown shortened is whole in the bar's tooltip."""
        message = self.currentMessage()
        self.setToolTip(message if self.message_line() != message else "")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """QStatusBar's own painting, with the message to its last whole word when it is too long for
        its room (Qt cuts it wherever the row begins) and each shown widget of the row framed as the
        style frames a status bar's items."""
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        style = self.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self.row.findChildren(QWidget):
            if widget.parentWidget() is self.row and widget.isVisible():
                frame = QStyleOption()
                frame.rect = widget.geometry().translated(self.row.pos()).adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                frame.state = QStyle.StateFlag.State_None
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, widget)
        if self.currentMessage():
            painter.setPen(self.palette().windowText().color())
            flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
            painter.drawText(self._message_rect(), int(flags), self.message_line())

    def _retranslate(self) -> None:
        """After a language switch: every widget's words said again in the new words, each in all its
        forms (the row keeps the forms it was told and shows them again whenever it lays out, so a form
        not told again would stay in the old language: the SANDBOX badge did, found walking the demo)."""
        self.set_environment(self._environment)
        self.set_attention(self.attention_count, self._attention_cap)
        self._render_shift()
        self.fiscal_badge.retranslate()
        self._render_health()
        self.set_user(self._user)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setContentsMargins(0, 0, 0, 0)
        return label

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.row.set_room(self.width() - _BAR_EDGE)

    # -- environment -----------------------------------------------------------------------------

    def set_environment(self, environment: str) -> None:
        self._environment = environment
        text, tip, colour = environment_badge(environment)
        self.environment_loud = colour is not None
        self.environment_label.setToolTip(tip)
        if colour is not None:
            self.environment_label.setStyleSheet(theme.style("status_environment", bg=colour))
        else:
            self.environment_label.setStyleSheet(theme.style("quiet_text"))
        self.row.say(self.environment_label, (text, Keep.ENVIRONMENT))

    # -- needs attention -------------------------------------------------------------------------

    def set_attention(self, count: int, cap: int | None = None) -> None:
        """Show how many payments need a person (``cap`` or more: "cap+"); hidden at zero. Short of
        room, the count alone ("⚠ 3"), the tooltip saying what it counts."""
        self.attention_count, self._attention_cap = count, cap
        shown = f"{cap - 1}+" if cap is not None and count >= cap else str(count)
        self.attention_badge.setToolTip(
            _tr(
                "Payments waiting for a person: a check with the bank, a manager's review, a fiscal receipt "
                "or a difference between the books and the bank. Click to see them."
            )
        )
        if count <= 0:
            self.row.say(self.attention_badge)
            return
        self.row.say(
            self.attention_badge,
            (_tr("⚠ {count} need attention").format(count=shown), Keep.ATTENTION),
            (f"⚠ {shown}", Keep.ATTENTION_SHORT),
        )

    # -- the shift -------------------------------------------------------------------------------

    def set_shift(self, shift: Shift | None, overdue_hours: int | None = None) -> None:
        """This register's open ``shift`` (None: none is open); ``overdue_hours``: how long it has been
        open once that is the shop's warning time or longer (shown loudly until it is closed)."""
        self._shift = (shift, overdue_hours)
        self._render_shift()

    def set_shift_hidden(self) -> None:
        """Nothing said about the shift (nobody signed in, or not read yet)."""
        self._shift = None
        self._render_shift()

    def _render_shift(self) -> None:
        """The counter's shift in its words and, short of room, in short ("Shift 2", "⚠ Shift: 26 h");
        its tooltip says it whole."""
        label = self.shift_label
        if self._shift is None:
            self.row.say(label)
            return
        shift, hours = self._shift
        quiet = (Keep.SHIFT, Keep.SHIFT_SHORT)
        if shift is None:
            text, short, style = _tr("No shift open"), _tr("No shift"), theme.style("quiet_text")
            tip = _tr("No shift is open at this register. Open one with Shift, Open shift.")
        else:
            since, when = _local(shift.opened_at).strftime("%H:%M"), local_time_text(shift.opened_at)
            if hours is None:
                text = _tr("Shift {number} open since {time}").format(number=shift.number, time=since)
                short, style = _tr("Shift {number}").format(number=shift.number), theme.style("quiet_text")
                tip = _tr("Shift {shift} was opened on {when} (Kazakhstan time).").format(
                    shift=shift.label, when=when
                )
            else:
                text = _tr("⚠ Shift {number} open {hours} h").format(number=shift.number, hours=hours)
                short = _tr("⚠ Shift: {hours} h").format(hours=hours)
                style = theme.style("status_badge", bg="attention", fg="on_attention")
                tip = _tr(
                    "Shift {shift} has been open since {when} (Kazakhstan time), {hours} h: close it with "
                    "a Z report (Shift, Close shift)."
                ).format(shift=shift.label, when=when, hours=hours)
                quiet = (Keep.SHIFT_LOUD, Keep.SHIFT_LOUD_SHORT)
        label.setToolTip(tip)
        label.setStyleSheet(style)
        self.row.say(label, (text, quiet[0]), (short, quiet[1]))

    def _render_fiscal(self) -> None:
        """The fiscal badge's words (none: hidden), worth ``Keep.FISCAL``."""
        words = self.fiscal_badge.words
        self.row.say(self.fiscal_badge, *(((words, Keep.FISCAL),) if words else ()))

    # -- user ------------------------------------------------------------------------------------

    #: The widest a user's name is shown in the status bar (px); a longer one ends in "…" and the tooltip
    #: has it whole. Names are the shop's data, of any length: the bar must still fit 1024 px (decision 0049).
    NAME_MAX_PX: Final = 100

    def set_user(self, user: User | None) -> None:
        self._user = user
        if user is None:
            self.user_label.setToolTip("")
            self.row.say(self.user_label, (_tr("Not logged in"), Keep.USER))
            return
        name = whole_words(self.user_label.fontMetrics(), user.name, self.NAME_MAX_PX)
        role = role_label(user.role)
        self.user_label.setToolTip(
            _tr("{name} · {role}").format(name=user.name, role=role) if name != user.name else ""
        )
        self.row.say(self.user_label, (_tr("{name} · {role}").format(name=name, role=role), Keep.USER))

    # -- bank health -----------------------------------------------------------------------------

    @Slot(object)
    def on_poller_health_changed(self, event: object) -> None:
        """A ``GatewayHealthChanged`` (ok, last_success_at, message) from the bridge."""
        ok = bool(getattr(event, "ok", False))
        self.set_health(ok, getattr(event, "last_success_at", None), str(getattr(event, "message", "")))

    def set_health(self, ok: bool, last_success_at: datetime | None = None, message: str = "") -> None:
        self._healthy = ok
        self._health_message = message
        if last_success_at is not None:
            self._last_success = last_success_at
        self._render_health()

    @Slot()
    def refresh_last_poll(self) -> None:
        """Read the poller's last successful check (it reports only changes of health)."""
        if self._last_poll is None:
            return
        when = self._last_poll()
        if when is not None and (self._last_success is None or when > self._last_success):
            self._last_success = when
            if self._healthy is None:
                self._healthy = True
        self._render_health()

    def _render_health(self) -> None:
        """The bank's health ("— retrying" goes first when short of room) and the last check's time."""
        if self._healthy is None:
            forms, colour = [(_tr("● Bank: not checked yet"), Keep.HEALTH)], _GREY
            tip = _tr("The console asks the bank once a payment needs checking.")
        elif self._healthy:
            forms, colour = [(_tr("● Bank: OK"), Keep.HEALTH_SHORT)], _GREEN
            tip = _tr("The bank answers the console's status checks.")
        else:
            forms = [
                (_tr("● Bank not reachable — retrying"), Keep.HEALTH),
                (_tr("● Bank not reachable"), Keep.HEALTH_SHORT),
            ]
            colour, tip = _RED, self._health_message or _tr("The console keeps retrying by itself.")
        self.health_label.setToolTip(tip)
        self.health_label.setStyleSheet(theme.style("bank_health", fg=colour))
        self.row.say(self.health_label, *forms)
        if self._last_success is None:
            checked = _tr("Last check: —")
        else:
            checked = _tr("Last check: {time}").format(time=_clock_text(self._last_success))
        self.last_poll_label.setToolTip(_tr("Last successful status check with the bank (Kazakhstan time)."))
        self.row.say(self.last_poll_label, (checked, Keep.LAST_CHECK))
