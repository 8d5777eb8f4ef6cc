"""The payment list's filter bar: a search field (debounced), a status choice and a period.

Periods are whole days in Kazakhstan time, turned into the UTC ``since``/``until`` the service
takes. The search text goes to the service unchanged: it matches the invoice id, the last 4
card digits, the amount, the RRN or the approval code.

The status choice offers "Needs attention", four broad groups and then every status on its own,
with the status's badge words and colour (decision 0024). The result count has a fixed width, so
no control moves when "1 payment" becomes "12 345 payments"; a bar too narrow for one row puts
the status and period on a second row instead of squeezing the search field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import Final
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import QSignalBlocker
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLayout
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QSizePolicy
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain.bounds import EARLIEST_DATE
from epay_desktop.domain.bounds import LATEST_DATE
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.ui.common.formatting import KAZAKHSTAN
from epay_desktop.ui.common.screen_fit import ElidingComboBox
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP
from epay_desktop.ui.widgets.status_badge import Badge
from epay_desktop.ui.widgets.status_badge import badge_icon
from epay_desktop.ui.widgets.status_badge import status_choices
from epay_desktop.ui.widgets.status_badge import status_tone

__all__ = ["ATTENTION", "PERIODS", "SEARCH_DELAY_MS", "STATUS_GROUPS", "PaymentFilterBar", "period_range"]

_N = QT_TRANSLATE_NOOP

#: Key prefix of the one-status choices; the rest of the key is the first status's code.
STATUS_KEY: Final = "status:"
#: Broad groups a manager asks for ("what is not paid?"), before the one-status choices.
_GROUPS: Final[tuple[tuple[str, str, frozenset[S] | None], ...]] = (
    ("all", _N("PaymentFilterBar", "All statuses"), None),
    ("attention", _N("PaymentFilterBar", "Needs attention"), None),
    ("paid", _N("PaymentFilterBar", "Paid or held"), frozenset({S.CHARGE, S.AUTH})),
    ("waiting", _N("PaymentFilterBar", "Waiting or paying"), frozenset({S.NEW, S.PENDING, S.FINGERPRINT})),
    ("declined", _N("PaymentFilterBar", "Declined or failed"), frozenset({S.REJECT, S.FAILED, S.THREE_DS})),
    ("refunded", _N("PaymentFilterBar", "Refunded or released"), frozenset({S.REFUND, S.CANCEL, S.CANCEL_OLD})),  # noqa: E501
)  # fmt: skip


def _status_options() -> tuple[tuple[str, str, frozenset[S] | None], ...]:
    """One choice per status label (context "Status"), keyed ``status:<code>``."""
    return tuple(
        (STATUS_KEY + min(statuses, key=list(S).index).value, label, statuses)
        for label, statuses in status_choices()
    )


#: Status filter choices: key, label, statuses (None: all). "Needs attention" (ATTENTION) is not a
#: status set: it asks the store for an UNKNOWN outcome, an unresolved (UNKNOWN / NEEDS_REVIEW)
#: money operation, a fiscal receipt refused for a person or an open discrepancy with the bank, so
#: a refund waiting for a manager's review shows up there too (decision 0137). Labels of the
#: ``status:`` choices are the badges' words (translation context "Status").
STATUS_GROUPS: Final[tuple[tuple[str, str, frozenset[S] | None], ...]] = _GROUPS + _status_options()
ATTENTION: Final = "attention"
#: The longest texts the count can show (PaymentsView's words), to size it once: it never grows.
#: The count is the list's true count (decision 0053): up to millions of payments.
_COUNT_SAMPLES: Final = (
    ("%n payment(s)", 9_999_999),
    ("Not loaded", -1),
    ("Loading…", -1),
)
PERIODS: Final = (
    ("all", _N("PaymentFilterBar", "All dates")),
    ("today", _N("PaymentFilterBar", "Today")),
    ("7d", _N("PaymentFilterBar", "Last 7 days")),
    ("30d", _N("PaymentFilterBar", "Last 30 days")),
    ("custom", _N("PaymentFilterBar", "Custom dates…")),
)
SEARCH_DELAY_MS: Final = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("PaymentFilterBar", text)


def option_text(key: str, label: str) -> str:
    """The translated words of a status choice."""
    context = "Status" if key.startswith(STATUS_KEY) else "PaymentFilterBar"
    return QCoreApplication.translate(context, label)


_W = TypeVar("_W", bound=QObject)


def _named(obj: _W, name: str) -> _W:
    obj.setObjectName(name)
    return obj


def _day_start(day: date) -> datetime:
    """Midnight of ``day`` in Kazakhstan, as aware UTC."""
    return datetime.combine(day, time(), KAZAKHSTAN).astimezone(UTC)


def period_range(
    key: str, now: datetime, first: date | None = None, last: date | None = None
) -> tuple[datetime | None, datetime | None]:
    """(since inclusive, until exclusive) in UTC for a period key; days are Kazakhstan days."""
    today = now.astimezone(KAZAKHSTAN).date()
    if key == "today":
        return _day_start(today), None
    if key in ("7d", "30d"):
        return _day_start(today - timedelta(days=int(key[:-1]) - 1)), None
    if key == "custom" and first is not None and last is not None:
        first, last = min(first, last), max(first, last)
        return _day_start(first), _day_start(last + timedelta(days=1))
    return None, None


class PaymentFilterBar(QWidget):
    """``changed``: the filter changed (search: after a short pause); ``submitted``: Enter in search;
    ``leave_down``: Down arrow in the search field (go to the list)."""

    changed = Signal()
    submitted = Signal()
    leave_down = Signal()

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.search_edit = _named(QLineEdit(self), "search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(_tr("Invoice, card last 4, amount, RRN\u2026"))
        self.search_edit.setToolTip(
            _tr(
                "Find a payment by any of: invoice number (or its first digits), the last 4 digits of "
                "the card, the amount in tenge (1500 or 1500.50), the RRN, or the approval code. "
                "Ctrl+F comes here; Esc clears it."
            )
        )
        self.search_edit.setMinimumWidth(200)
        self.status_combo = _named(ElidingComboBox(self), "status_filter")
        self.status_combo.setToolTip(_tr("Show payments in one status, a group of them, or all"))
        self.status_combo.setMaxVisibleItems(len(STATUS_GROUPS) + 2)
        # sized for the usual words; the open list shows the long ones in full
        self.status_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_combo.setMinimumContentsLength(9)
        # declared eliding: a long choice shows as "Қайтарылған н…" (decision 0049)
        for key, label, _statuses in STATUS_GROUPS:
            text = option_text(key, label)
            if key in ("paid", STATUS_GROUPS[len(_GROUPS)][0]):  # groups, then one status each
                self.status_combo.insertSeparator(self.status_combo.count())
            if key.startswith(STATUS_KEY):
                icon = badge_icon(Badge(text, status_tone(key.removeprefix(STATUS_KEY))))
                self.status_combo.addItem(icon, text, key)
            else:
                self.status_combo.addItem(text, key)
        self.period_combo = _named(QComboBox(self), "period_filter")
        # as wide as its longest period in the language shown (after a switch too: "Күндерді таңдау…")
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key, label in PERIODS:
            self.period_combo.addItem(_tr(label), key)
        today = QDate(clock().astimezone(KAZAKHSTAN).date())
        self.date_from = _named(QDateEdit(today.addDays(-6), self), "date_from")
        self.date_from.setCalendarPopup(True)
        self.date_to = _named(QDateEdit(today, self), "date_to")
        self.date_to.setCalendarPopup(True)
        self.dash_label = QLabel("–", self)
        self.count_label = _named(QLabel(self), "count_label")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setFixedWidth(self._count_width())
        self.count_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd.MM.yyyy")
            # 2000-01-01..2100-12-31, as on the command line (decision 0074): no year 0001 or 9999
            edit.setDateRange(QDate(EARLIEST_DATE), QDate(LATEST_DATE))
        self._choices = (self.status_combo, self.period_combo, self.date_from, self.dash_label, self.date_to)
        self._top = QHBoxLayout()
        self._bottom = QHBoxLayout()
        for row in (self._top, self._bottom):
            row.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(0)
        # The bar may get narrower than one row needs: it then moves to two rows (resizeEvent).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addLayout(self._top)
        layout.addLayout(self._bottom)
        self._one_row: bool | None = None
        self._arrange(one_row=True)
        for widget in (self.date_from, self.dash_label, self.date_to):
            widget.setVisible(False)
        self.date_from.dateChanged.connect(self._changed_now)
        self.date_to.dateChanged.connect(self._changed_now)
        self.status_combo.currentIndexChanged.connect(self._changed_now)
        self.period_combo.currentIndexChanged.connect(self._on_period_changed)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.search_edit.returnPressed.connect(self._on_return)
        self.search_edit.installEventFilter(self)

    @property
    def one_row(self) -> bool:
        """All controls in one row (False: the status and period sit on a second row)."""
        return bool(self._one_row)

    def _count_width(self) -> int:
        metrics = self.count_label.fontMetrics()
        widest = 0
        for text, n in _COUNT_SAMPLES:
            translated = QCoreApplication.translate("PaymentsView", text, None, n)
            widest = max(widest, metrics.horizontalAdvance(translated.replace("(s)", "s")))
        return widest + 8

    def _one_row_width(self) -> int:
        """Width the bar needs to show everything in one row without squeezing the search field."""
        spacing = max(self._top.spacing(), 0)
        shown = [w for w in self._choices if not w.isHidden()]
        width = self.search_edit.minimumWidth() + self.count_label.width()
        width += sum(w.sizeHint().width() for w in shown) + spacing * (len(shown) + 1)
        return width

    def _arrange(self, *, one_row: bool) -> None:
        """Put the status and period in the search's row, or on a row of their own below it."""
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for layout in (self._top, self._bottom):
            while layout.count():
                layout.takeAt(0)
        self._top.addWidget(self.search_edit, 1)
        row = self._top if one_row else self._bottom
        for widget in self._choices:
            row.addWidget(widget)
        if not one_row:
            self._bottom.addStretch(1)
        self._top.addWidget(self.count_label)
        self._bottom.setContentsMargins(0, 0 if one_row else 4, 0, 0)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        """As narrow as two rows allow: the search and the count, or the status and period row."""
        hint = super().minimumSizeHint()
        spacing = max(self._top.spacing(), 0)
        top = self.search_edit.minimumWidth() + self.count_label.width() + spacing
        shown = [w for w in self._choices if not w.isHidden()]
        bottom = sum(w.sizeHint().width() for w in shown) + spacing * len(shown)
        return QSize(max(top, bottom), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(one_row=event.size().width() >= self._one_row_width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """A language switch (decision 0045): the count's fixed width is measured again in the new words
        (seen in Kazakh: "100" was cut off the front of "100 төлем көрсетілді…") and the rows re-laid."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.count_label.setFixedWidth(self._count_width())
            self._arrange(one_row=self.width() >= self._one_row_width())
            self.updateGeometry()

    def current_filter(self) -> PaymentFilter:
        """The filter as the controls show it now (periods are computed from the clock)."""
        key = str(self.status_combo.currentData() or "all")
        group, _label, statuses = next((g for g in STATUS_GROUPS if g[0] == key), STATUS_GROUPS[0])
        key = str(self.period_combo.currentData())
        first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        since, until = period_range(key, self._clock(), first, last)
        text = self.search_edit.text()
        return PaymentFilter.of(statuses, since, until, text, needs_attention=group == ATTENTION)

    def search_pending(self) -> bool:
        """Typed search text waits for its pause before ``changed``."""
        return self._timer.isActive()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def clear_search(self) -> bool:
        """Esc: the search emptied and the list asked again at once; False when there was none."""
        if not self.search_edit.text():
            return False
        self.search_edit.clear()
        self._changed_now()
        return True

    def show_all(self) -> bool:
        """All statuses and all dates (the search kept), the list asked again at once; False when they
        were already (decision 0156)."""
        combos = [c for c in (self.status_combo, self.period_combo) if c.currentData() != "all"]
        for combo in combos:
            with QSignalBlocker(combo):  # one request for both
                combo.setCurrentIndex(combo.findData("all"))
            combo.updateGeometry()  # its words changed unsaid: the room they need too
        if combos:
            self._on_period_changed(self.period_combo.currentIndex())  # the dates hidden, then changed
        return bool(combos)

    @Slot()
    def _changed_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    @Slot(int)
    def _on_period_changed(self, _index: int) -> None:
        custom = self.period_combo.currentData() == "custom"
        for widget in (self.date_from, self.dash_label, self.date_to):
            widget.setVisible(custom)
        self._arrange(one_row=self.width() >= self._one_row_width())
        self._changed_now()

    @Slot()
    def _on_return(self) -> None:
        self._changed_now()
        self.submitted.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Escape and self.clear_search():
                return True
            if event.key() == Qt.Key.Key_Down:
                self.leave_down.emit()
                return True
        return super().eventFilter(watched, event)
