"""The main window's status bar: which gateway (SANDBOX / TEST unmistakably), this register's shift, bank
health, last check, user.

Health comes from ``GatewayHealthChanged`` (via the bridge), published by the poller and by any
service call that finds the bank down or back, only on a change; so the time of the poller's last
successful check is read from ``last_poll()`` every few seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption, QToolButton, QWidget

from epay_desktop.domain import Role, User
from epay_desktop.domain.shifts import Shift
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.formatting import KAZAKHSTAN, local_time_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.screen_fit import declare_elides
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP

__all__ = ["ConsoleStatusBar", "LoudFirst", "ShiftLabel", "environment_badge", "role_label"]

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


class ShiftLabel(QLabel):
    """The shift's words in the status bar. At its widest (the bank down, the attention badge, a long
    name) the bar has no room left at 1024 px: then they are shortened with "…" (the tooltip has them
    whole) instead of pushing the window past the screen; the badge's colour still says "overdue"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shift_label")
        self.setTextFormat(Qt.TextFormat.PlainText)
        declare_elides(self)

    def minimumSizeHint(self) -> QSize:
        """No width of its own: the bar squeezes it before the window grows past the screen."""
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """The style sheet's background, then the text shortened to the room it has."""
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        room = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room.width())
        painter.drawText(room, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)


class LoudFirst(QWidget):
    """Two :class:`ShiftLabel` side by side where the bar squeezes them (decision 0131): the ``loud`` one
    (the fiscal shift's badge: the register refuses receipts) keeps its words while the room allows, the
    ``quiet`` one (the counter's shift, said again in its tooltip) gives way first. A status bar shares a
    shortage equally between the widgets that may shrink, which cut the badge as much as the shift's words.
    Hidden while both are."""

    GAP: Final = 6  # px between the two, as the bar between its widgets

    def __init__(self, quiet: ShiftLabel, loud: ShiftLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shift_words")
        self.quiet, self.loud = quiet, loud
        for label in (quiet, loud):
            label.setParent(self)
            label.installEventFilter(self)
        self._follow()

    def _shown(self) -> list[ShiftLabel]:
        return [label for label in (self.quiet, self.loud) if not label.isHidden()]

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(label.sizeHint().width() for label in shown) + self.GAP * max(0, len(shown) - 1)
        return QSize(width, max((label.sizeHint().height() for label in shown), default=0))

    def minimumSizeHint(self) -> QSize:
        """No width of its own (both shorten with "…"): the bar squeezes it before the window grows."""
        return QSize(0, self.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self._follow()
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a label's words (its size hint) changed
            self._follow()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _follow(self) -> None:
        self.setVisible(bool(self._shown()))
        self.updateGeometry()
        self._place()

    def _place(self) -> None:
        """The loud one its words first; the quiet one what is left."""
        room, height = self.width(), self.height()
        loud = min(self.loud.sizeHint().width(), room) if not self.loud.isHidden() else 0
        left = room - loud - (self.GAP if loud and not self.quiet.isHidden() else 0)
        quiet = max(0, left) if not self.quiet.isHidden() else 0
        self.quiet.setGeometry(QRect(0, 0, quiet, height))
        self.loud.setGeometry(QRect(room - loud, 0, loud, height))


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
        self._message = False  # a temporary message too long for its room: the quiet widgets give way
        self.environment_loud = False
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
        self.shift_label = ShiftLabel(self)
        self._shift: tuple[Shift | None, int | None] | None = None  # None: not shown (nobody signed in)
        from epay_desktop.ui.window.fiscal_badge import FiscalBadge  # a ShiftLabel: this module's first

        self.fiscal_badge = FiscalBadge(self)
        self.fiscal_badge.clicked.connect(self.fiscal_clicked)
        self.shift_words = LoudFirst(self.shift_label, self.fiscal_badge, self)
        for widget in (
            self.environment_label,
            self.attention_badge,
            self.shift_words,
            self.health_label,
            self.last_poll_label,
            self.user_label,
        ):
            self.addPermanentWidget(widget)
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
        permanent widgets: when they leave it too little room to be read, the counter's shift words and
        the last check's time (both said elsewhere: the Shift menu, the bank's health) give way while it
        shows, and come back after."""
        quiet = (self.shift_label, self.last_poll_label)
        shown = [w for w in self.findChildren(QWidget) if w.parent() is self and w.isVisible() and w.x() > 0]
        room = min((w.x() for w in shown), default=self.width())
        if self._message:  # they give way already: the room they would take back
            room -= sum(w.sizeHint().width() + LoudFirst.GAP for w in quiet)
        self._message = bool(text) and self.fontMetrics().horizontalAdvance(text) + LoudFirst.GAP > room
        self.last_poll_label.setVisible(not self._message)
        self._render_shift()

    def _retranslate(self) -> None:
        """After a language switch: the badge's count and the bank's health in the new words (the
        user label is made again by the controller, the environment by the window's retitle)."""
        self.set_attention(self.attention_count, self._attention_cap)
        self._render_shift()
        self.fiscal_badge.retranslate()
        self._render_health()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setContentsMargins(0, 0, 0, 0)
        return label

    # -- environment -----------------------------------------------------------------------------

    def set_environment(self, environment: str) -> None:
        text, tip, colour = environment_badge(environment)
        self.environment_loud = colour is not None
        self.environment_label.setText(text)
        self.environment_label.setToolTip(tip)
        if colour is not None:
            self.environment_label.setStyleSheet(theme.style("status_environment", bg=colour))
        else:
            self.environment_label.setStyleSheet(theme.style("quiet_text"))

    # -- needs attention -------------------------------------------------------------------------

    def set_attention(self, count: int, cap: int | None = None) -> None:
        """Show how many payments need a person (``cap`` or more: "cap+"); hidden at zero."""
        self.attention_count, self._attention_cap = count, cap
        shown = f"{cap - 1}+" if cap is not None and count >= cap else str(count)
        self.attention_badge.setText(_tr("⚠ {count} need attention").format(count=shown))
        self.attention_badge.setToolTip(
            _tr(
                "Payments waiting for a person: a check with the bank, a manager's review, a fiscal receipt "
                "or a difference between the books and the bank. Click to see them."
            )
        )
        self.attention_badge.setVisible(count > 0)

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
        label = self.shift_label
        if self._shift is None:
            label.hide()
            return
        shift, hours = self._shift
        if shift is None:
            text, style = _tr("No shift open"), theme.style("quiet_text")
            tip = _tr("No shift is open at this register. Open one with Shift, Open shift.")
        else:
            since, when = _local(shift.opened_at).strftime("%H:%M"), local_time_text(shift.opened_at)
            if hours is None:
                text = _tr("Shift {number} open since {time}").format(number=shift.number, time=since)
                style = theme.style("quiet_text")
                tip = _tr("Shift {shift} was opened on {when} (Kazakhstan time).").format(
                    shift=shift.label, when=when
                )
            else:
                text = _tr("⚠ Shift {number} open {hours} h").format(number=shift.number, hours=hours)
                style = theme.style("status_badge", bg="attention", fg="on_attention")
                tip = _tr(
                    "Shift {shift} has been open since {when} (Kazakhstan time), {hours} h: close it with "
                    "a Z report (Shift, Close shift)."
                ).format(shift=shift.label, when=when, hours=hours)
        label.setText(text)
        label.setToolTip(tip)
        label.setStyleSheet(style)
        label.setVisible(not self._message)

    # -- user ------------------------------------------------------------------------------------

    #: The widest a user's name is shown in the status bar (px); a longer one ends in "…" and the tooltip
    #: has it whole. Names are the shop's data, of any length: the bar must still fit 1024 px (decision 0049).
    NAME_MAX_PX: Final = 100

    def set_user(self, user: User | None) -> None:
        if user is None:
            self.user_label.setText(_tr("Not logged in"))
            self.user_label.setToolTip("")
            return
        metrics = self.user_label.fontMetrics()
        name = metrics.elidedText(user.name, Qt.TextElideMode.ElideRight, self.NAME_MAX_PX)
        role = role_label(user.role)
        self.user_label.setText(_tr("{name} · {role}").format(name=name, role=role))
        self.user_label.setToolTip(
            _tr("{name} · {role}").format(name=user.name, role=role) if name != user.name else ""
        )

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
        if self._healthy is None:
            text, colour = _tr("● Bank: not checked yet"), _GREY
            tip = _tr("The console asks the bank once a payment needs checking.")
        elif self._healthy:
            text, colour, tip = (
                _tr("● Bank: OK"),
                _GREEN,
                _tr("The bank answers the console's status checks."),
            )
        else:
            text, colour = _tr("● Bank not reachable — retrying"), _RED
            tip = self._health_message or _tr("The console keeps retrying by itself.")
        self.health_label.setText(text)
        self.health_label.setToolTip(tip)
        self.health_label.setStyleSheet(theme.style("bank_health", fg=colour))
        if self._last_success is None:
            self.last_poll_label.setText(_tr("Last check: —"))
        else:
            self.last_poll_label.setText(
                _tr("Last check: {time}").format(time=_clock_text(self._last_success))
            )
        self.last_poll_label.setToolTip(_tr("Last successful status check with the bank (Kazakhstan time)."))
