"""The payment list's filter bar: a search field (debounced), a status group and a period.

Periods are whole days in Kazakhstan time, turned into the UTC ``since``/``until`` the service
takes. The search text goes to the service unchanged: it matches the invoice id, the last 4
card digits, the amount, the RRN or the approval code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Final, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from epay_desktop.domain import ConsoleStatus as S

from .models.formatting import KAZAKHSTAN
from .models.payment_filter import PaymentFilter
from .widgets.i18n import QT_TRANSLATE_NOOP

__all__ = ["ATTENTION", "PERIODS", "SEARCH_DELAY_MS", "STATUS_GROUPS", "PaymentFilterBar", "period_range"]

_N = QT_TRANSLATE_NOOP

#: Status filter choices: key, label, statuses (None: all). "Needs attention" (ATTENTION) is not a
#: status set: it asks the store for an UNKNOWN outcome OR an unresolved (UNKNOWN / NEEDS_REVIEW)
#: money operation, so a refund waiting for a manager's review shows up there too.
STATUS_GROUPS: Final[tuple[tuple[str, str, frozenset[S] | None], ...]] = (
    ("all", _N("PaymentFilterBar", "All statuses"), None),
    ("paid", _N("PaymentFilterBar", "Paid"), frozenset({S.CHARGE, S.AUTH})),
    ("waiting", _N("PaymentFilterBar", "Waiting"), frozenset({S.NEW, S.PENDING, S.FINGERPRINT})),
    ("declined", _N("PaymentFilterBar", "Declined"), frozenset({S.REJECT, S.FAILED, S.THREE_DS, S.EXPIRED})),
    ("refunded", _N("PaymentFilterBar", "Refunded"), frozenset({S.REFUND, S.CANCEL, S.CANCEL_OLD})),
    ("attention", _N("PaymentFilterBar", "Needs attention"), None),
)
ATTENTION: Final = "attention"
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
        self.search_edit.setMinimumWidth(260)
        self.status_combo = _named(QComboBox(self), "status_filter")
        for key, label, _statuses in STATUS_GROUPS:
            self.status_combo.addItem(_tr(label), key)
        self.period_combo = _named(QComboBox(self), "period_filter")
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
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.search_edit, 1)
        for widget in (self.status_combo, self.period_combo, self.date_from, self.dash_label, self.date_to):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(self.count_label)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd.MM.yyyy")
        for widget in (self.date_from, self.dash_label, self.date_to):
            widget.setVisible(False)
        self.date_from.dateChanged.connect(self._changed_now)
        self.date_to.dateChanged.connect(self._changed_now)
        self.status_combo.currentIndexChanged.connect(self._changed_now)
        self.period_combo.currentIndexChanged.connect(self._on_period_changed)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.search_edit.returnPressed.connect(self._on_return)
        self.search_edit.installEventFilter(self)

    def current_filter(self) -> PaymentFilter:
        """The filter as the controls show it now (periods are computed from the clock)."""
        group, _label, statuses = STATUS_GROUPS[max(self.status_combo.currentIndex(), 0)]
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

    @Slot()
    def _changed_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    @Slot(int)
    def _on_period_changed(self, _index: int) -> None:
        custom = self.period_combo.currentData() == "custom"
        for widget in (self.date_from, self.dash_label, self.date_to):
            widget.setVisible(custom)
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
            if event.key() == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                self._changed_now()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.leave_down.emit()
                return True
        return super().eventFilter(watched, event)
