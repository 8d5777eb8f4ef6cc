"""The payment list: the filter bar over a table of payments, with a count and an empty-state text.

The table shows :class:`PaymentsTableModel` directly: its row count is the true count of the
list, pages load under the viewport, and a header click sorts in SQL (decision 0053). The selected
payment is found again by its id after a re-sort. Live updates change a row in place or add a new
payment at the top. A selected payment the list no longer holds when it is read again (settled, in Needs
attention) leaves no row current and is told (``selected_left``): the window keeps showing it (0151).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeyEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Payment
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named as _named
from epay_desktop.ui.common.roles import RecordRole
from epay_desktop.ui.payments.filter_bar import PaymentFilterBar
from epay_desktop.ui.payments.list_model import PaymentColumn
from epay_desktop.ui.payments.list_model import PaymentFilter
from epay_desktop.ui.payments.list_model import PaymentsTableModel
from epay_desktop.ui.widgets.read_only_table import read_only
from epay_desktop.ui.widgets.status_badge import BadgeDelegate
from epay_desktop.ui.widgets.status_badge import badge_cell_width
from epay_desktop.ui.widgets.status_badge import status_choices
from epay_desktop.ui.widgets.status_badge import status_label
from epay_desktop.ui.widgets.whole_words_delegate import WholeWordsDelegate

if TYPE_CHECKING:
    from epay_desktop.services.payments.queries import PaymentQueries

__all__ = ["PaymentsView"]

C = PaymentColumn


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("PaymentsView", text, None, n)


def _attention_empty_text(wanted: PaymentFilter) -> str:
    """The "Needs attention" filter found nothing: whether nothing needs a person at all, or the other
    filters hide what does (the badge and the Needs attention window count every day; decision 0137)."""
    if wanted == PaymentFilter(needs_attention=True):
        return _tr("Nothing needs attention: every payment is settled.")
    return _tr(
        "No payment that needs attention matches these dates or this search.\nThe badge and Needs "
        "attention (Ctrl+Shift+A) count every day: choose All dates to see them all here."
    )


def _count_text(translated: str, rows: int) -> str:
    """``%n`` plurals come from the kk/ru translations; untranslated English gets its plural here."""
    return translated.replace("(s)", "" if rows == 1 else "s")


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _user_number(user_id: int | None) -> str:
    return "" if user_id is None else f"#{user_id}"


def _status_words() -> list[str]:
    """Every status word the Status column can show (its width fits the widest, never cut)."""
    return [status_label(next(iter(statuses))) for _label, statuses in status_choices()]


class _PaymentsTable(QTableView):
    """The list's table: Home and End go to the first and last payment (rows, not columns: a row is
    one payment); the rows between load as they show. Esc clears the search here too (``on_escape``):
    the detail's "Clear the search (Esc)" holds wherever the keyboard is."""

    on_escape: Callable[[], bool] | None = None  # True when it did something

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.on_escape is not None and self.on_escape():
            event.accept()
            return
        super().keyPressEvent(event)

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if cursorAction in (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd):
            modifiers = modifiers | Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(cursorAction, modifiers)


class PaymentsView(QWidget):
    """Filters + table. ``payment_activated``: Enter or double-click on a row (InvoiceId)."""

    payment_activated = Signal(object)  # InvoiceId
    current_changed = Signal(object)  # Payment | None
    no_matches = Signal(str)  # a new filter or search found nothing: the empty-state text
    #: The list is about to be emptied and reloaded; True when the search or filters changed (what
    #: was selected may not be listed any more). A reset moves no current row, so nothing else says so.
    reloading = Signal(bool)
    reloaded = Signal()  # the first page after ``reloading`` arrived (or failed)
    #: The selected payment is not in the list read again with the same search and filters (it stopped
    #: matching: e.g. it no longer needs attention); no row is current now (decision 0151).
    selected_left = Signal(object)  # Payment

    def __init__(
        self,
        source: PaymentQueries,
        *,
        user_name: Callable[[int | None], str] | None = None,
        clock: Callable[[], datetime] = _utcnow,
        page_size: int = 100,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = PaymentsTableModel(
            source, page_size=page_size, cashier_name=user_name or _user_number, parent=self
        )
        self.filters = PaymentFilterBar(clock, self)
        self.filters.changed.connect(self.apply_filter)
        self.filters.submitted.connect(self._on_search_submitted)
        self.filters.leave_down.connect(self._enter_table)
        self._build_table()
        # "New sale" next to the search: the same command as F2 (the window binds it to its QAction)
        self.new_sale_button = _named(QPushButton(_tr("New sale"), self), "new_sale_button")
        self.new_sale_button.setAutoDefault(False)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.new_sale_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.filters, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        # first: a first page after a reload ends "loading" for every slot below
        self.model.page_loaded.connect(self._end_reload)
        self.model.load_failed.connect(self._end_reload)
        for signal in (self.model.loading_changed, self.model.page_loaded, self.model.modelReset):
            signal.connect(self._update_counts)
        for changed in (self.model.rowsInserted, self.model.rowsRemoved, self.model.layoutChanged):
            changed.connect(self._update_counts)
        # the count is composed ("%n payment(s)"): said again in the new words, in the width measured
        # for them (seen at the Kazakh login screen: "0 payments" left in English, cut to 104 px)
        on_language_change(self, self._update_counts)
        self.model.load_failed.connect(self._on_load_failed)
        self.model.page_loaded.connect(self._select_first_if_asked)
        self.model.page_loaded.connect(self._tell_if_nothing_matched)
        self.model.page_loaded.connect(self._tell_if_reloaded)
        self.model.load_failed.connect(self._tell_if_reloaded)
        self.model.requerying.connect(self._on_requerying)
        self.model.dataChanged.connect(self._recheck_current)
        self._shown: Payment | None = None  # what current_changed said last
        self._keep: Payment | None = None  # the selected payment to find again after a re-sort
        self._quiet = False  # the current row is being cleared by the list itself (not told)
        self._finding: object | None = None  # the running search for it (its task)
        self._failure = ""
        self._select_first = False
        self._new_filter = False  # the next first page answers a changed filter
        self._reloading = False  # a reload emptied the list; its first page has not come yet
        self._owed = False  # ``reloaded`` is owed once that first page has been handled
        self._new_sale_action: QAction | None = None
        self.apply_filter()

    def _build_table(self) -> None:
        table = self.table = _named(_PaymentsTable(self), "payments_table")
        table.on_escape = self.filters.clear_search
        table.setModel(self.model)
        table.setItemDelegateForColumn(C.STATUS, BadgeDelegate(table))
        table.setItemDelegateForColumn(C.CASHIER, WholeWordsDelegate(table))  # a long name (decision 0150)
        read_only(table)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.sortByColumn(C.TIME, Qt.SortOrder.DescendingOrder)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        self._fit_columns()
        header.setSectionResizeMode(C.CASHIER, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(table.fontMetrics().horizontalAdvance("•••• 0000"))
        on_language_change(self, self._fit_columns)  # the header's words and the status words change
        table.activated.connect(self._on_activated)
        table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.empty_label = _named(QLabel(table.viewport()), "empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(theme.style("placeholder_text"))
        table.viewport().installEventFilter(self)

    def _fit_columns(self) -> None:
        """Each column as wide as the widest of its sample cell and its header word in the current
        language (a cut amount must never be read: found walking the demo at 1280 px); the Status column
        as its widest badge is painted, no wider (in Kazakh at 1280 px 18 px more pushed Refunded under
        the vertical scroll bar)."""
        table, header = self.table, self.table.horizontalHeader()
        metrics = table.fontMetrics()
        samples = {
            C.TIME: "00.00.0000 00:00", C.INVOICE: "000000000000", C.AMOUNT: "0 000 000,00 ₸",
            C.CARD: "•••• 0000", C.CASHIER: "Cashier name", C.REFUNDED: "0 000 000,00 ₸",
        }  # fmt: skip
        cells = {column: metrics.horizontalAdvance(sample) + 22 for column, sample in samples.items()}
        cells[C.STATUS] = max(badge_cell_width(metrics, word) for word in _status_words())
        self._needs: dict[PaymentColumn, int] = {
            column: max(cells[column], header.sectionSizeFromContents(column).width()) for column in C
        }
        for column, need in self._needs.items():
            if column is not C.CASHIER:  # the stretching column takes what is left
                header.resizeSection(column, need)

    def whole_width(self) -> int:
        """The width this view needs to show every column whole, without a horizontal scroll bar."""
        table = self.table
        margins = self.contentsMargins()
        scroll_bar = table.verticalScrollBar().sizeHint().width()
        columns = sum(self._needs.values())
        return columns + scroll_bar + 2 * table.frameWidth() + margins.left() + margins.right()

    # -- public ----------------------------------------------------------------------------------

    @property
    def search_edit(self) -> QLineEdit:
        return self.filters.search_edit

    def current_filter(self) -> PaymentFilter:
        return self.filters.current_filter()

    @Slot()
    def apply_filter(self) -> None:
        """Ask the source for the first page matching the filters (unless that is what is shown)."""
        self._failure = ""
        wanted = self.filters.current_filter()
        if wanted != self.model.filter or self.model.rowCount() == 0:
            self._new_filter = wanted != PaymentFilter()
            self._reload(wanted)
        self._update_counts()

    def refresh(self) -> None:
        """Reload from the first page (periods move with the clock, so they are recomputed)."""
        self._failure = ""
        self._reload(self.filters.current_filter())

    def _reload(self, wanted: PaymentFilter) -> None:
        self.model.set_filter(wanted)

    @Slot(bool)
    def _on_requerying(self, filtered: bool) -> None:
        """The model counts and reads again (a filter, F5, a header click, a payment joining)."""
        current = self.current_payment()
        if filtered:
            self._keep = None  # a changed search or filter: the window decides (decision 0014)
        elif current is not None:
            self._keep = current
        self._reloading = True
        self.reloading.emit(filtered)

    def focus_search(self) -> None:
        self.filters.focus_search()

    def bind_new_sale(self, action: QAction) -> None:
        """The "New sale" button runs ``action`` (F2) and follows its enabled state and tooltip."""
        self._new_sale_action = action
        self.new_sale_button.clicked.connect(action.trigger)
        action.changed.connect(self._follow_new_sale)
        self._follow_new_sale()

    @Slot()
    def _follow_new_sale(self) -> None:
        action = self._new_sale_action
        if action is None or not shiboken6.isValid(action):
            return
        self.new_sale_button.setEnabled(action.isEnabled())
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.new_sale_button.setText(
            _tr("New sale ({key})").format(key=shortcut) if shortcut else _tr("New sale")
        )
        self.new_sale_button.setToolTip(action.toolTip())

    def apply_update(self, payment: Payment) -> None:
        """A payment changed or appeared (from the poller or another counter)."""
        self.model.apply_update(payment)
        self._update_counts()

    def current_payment(self) -> Payment | None:
        index = self.table.currentIndex()
        record = index.data(RecordRole) if index.isValid() else None
        return record if isinstance(record, Payment) else None

    def select_invoice(self, invoice_id: InvoiceId) -> bool:
        """Make a loaded payment the current row; False if it is not loaded."""
        row = self.model.row_of(invoice_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    # -- slots -----------------------------------------------------------------------------------

    @Slot()
    def _on_search_submitted(self) -> None:
        """Enter in the search field: go to the first match, so Enter again opens it."""
        self._select_first = True
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.model.is_loading:
            self._select_first_if_asked()

    @Slot()
    def _select_first_if_asked(self) -> None:
        if self._select_first and self.model.rowCount():
            self._select_first = False
            self.table.setCurrentIndex(self.model.index(0, 0))

    @Slot()
    def _tell_if_nothing_matched(self) -> None:
        """After a changed filter's first page: nothing there means the old detail must go too."""
        if self._new_filter and not self.model.is_loading:
            self._new_filter = False
            if self.model.rowCount() == 0:
                self.no_matches.emit(self._empty_text(0))

    @Slot()
    def _end_reload(self) -> None:
        if self._reloading and not self.model.is_loading:
            self._reloading, self._owed = False, True

    @Slot()
    def _tell_if_reloaded(self) -> None:
        if self._owed:
            self._owed = False
            self.reloaded.emit()
            self._find_kept()

    def _find_kept(self) -> None:
        """After a re-sort (or F5, or a payment joining or leaving), select the payment selected before,
        wherever it now stands (its row from the database, its page read); meanwhile no row is current
        (the row it stood on may show another payment now); no longer listed: :meth:`_left`."""
        kept = self._keep
        listed = self.current_payment()
        if kept is None or (listed is not None and listed.id == kept.id):
            self._keep = None
            return
        if self.select_invoice(kept.invoice_id):
            return
        self._quietly_unselect()
        if self.model.rowCount() == 0:
            self._left(kept)
            return
        self._finding = spawn(self._select_found(kept), name="payments-find-selected")

    def _quietly_unselect(self) -> None:
        """No row current or selected, without telling the window (it keeps what it shows)."""
        self._quiet = True
        try:
            self.table.selectionModel().clear()
        finally:
            self._quiet = False

    def _left(self, kept: Payment) -> None:
        """``kept``, selected, is not in the list read again: no row stands for it (decision 0151)."""
        self._keep = None
        self.selected_left.emit(kept)

    async def _select_found(self, kept: Payment) -> None:
        generation = self.model.generation
        row = await self.model.find_row(kept.id)
        if not shiboken6.isValid(self) or generation != self.model.generation or self._keep is not kept:
            return  # read again meanwhile (its own search follows), or the cashier chose a row
        if row is None:  # no longer listed: no row stands for it
            self._left(kept)
            return
        payment = await self.model.load_row(row)
        if not shiboken6.isValid(self) or generation != self.model.generation or self._keep is not kept:
            return
        if payment is None or payment.id != kept.id:
            self._keep = None
            self._sync_current()
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    @Slot()
    def _enter_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        record = index.data(RecordRole)
        if isinstance(record, Payment):
            self.payment_activated.emit(record.invoice_id)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or (self.model.removing_rows and self._keep is not None):
            return  # moved by the list, not by a person: the selected payment is found again by its id
        record = current.data(RecordRole) if current.isValid() else None
        self._shown = record if isinstance(record, Payment) else None
        if self._shown is not None:
            self._keep = None  # a row is chosen (by the cashier, or found again): nothing to find
        self.current_changed.emit(self._shown)

    @Slot(QModelIndex, QModelIndex)
    def _recheck_current(self, top: QModelIndex, bottom: QModelIndex) -> None:
        """The current row's page arrived (End, PageDown, a drag) or its payment changed: the
        window hears of the payment now shown there."""
        current = self.table.currentIndex()
        if not current.isValid() or not top.row() <= current.row() <= bottom.row():
            return
        if self._reloading or self._keep is not None:
            return  # read again where it stands: the selected payment is found again by its id
        self._sync_current()

    def _sync_current(self) -> None:
        """Tell the window which payment the current row shows, if that is not what it was told."""
        current = self.table.currentIndex()
        if not current.isValid():
            return
        record = current.data(RecordRole)
        shown = record if isinstance(record, Payment) else None
        before = self._shown
        if (shown is None) != (before is None) or (
            shown is not None and before is not None and shown.id != before.id
        ):
            self._shown = shown
            if shown is not None:
                self._keep = None
            self.current_changed.emit(shown)

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        self._failure = message
        self._update_counts()

    @Slot()
    def _update_counts(self) -> None:
        rows = self.model.rowCount()
        self.filters.count_label.setToolTip(self._failure)
        if self._failure and rows:  # a later page failed: the rows stay, the count says the rest is missing
            text = _count_text(_tr("%n payment(s) shown; the rest could not be loaded (F5)", rows), rows)
        elif self._failure:
            text = _tr("Not loaded")
        elif rows or not self._loading():
            text = _count_text(_tr("%n payment(s)", rows), rows)
        else:
            text = _tr("Loading…")
        self.filters.count_label.setText(text)
        # The empty-state text only over an empty list, never over rows (issue 7)
        self.empty_label.setText(self._empty_text(rows))
        self.empty_label.setVisible(rows == 0)
        self._place_empty_label()

    def _empty_text(self, rows: int) -> str:
        if rows:
            return ""
        if self._failure:
            return _tr("The list could not be loaded.\n{reason}\nPress F5 to try again.").format(
                reason=self._failure
            )
        if self._loading():
            return _tr("Loading payments…")
        if self.model.filter == PaymentFilter():
            return _tr("No payments yet.\nPress F2 to take a card payment.")
        if self.model.filter.needs_attention:
            return _attention_empty_text(self.model.filter)
        if self.model.filter.search:
            return _tr(
                "No payment matches \u201c{text}\u201d.\nSearch by invoice, card last 4, amount, RRN or "
                "approval code; Esc clears the search."
            ).format(text=self.model.filter.search)
        return _tr("No payments match these filters.")

    def _loading(self) -> bool:
        """A page is on its way, or a reload has emptied the list and its first page is owed."""
        return self.model.is_loading or self._reloading

    def _place_empty_label(self) -> None:
        viewport = self.table.viewport()
        self.empty_label.setGeometry(20, 20, max(viewport.width() - 40, 0), max(viewport.height() - 40, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_empty_label()
        return super().eventFilter(watched, event)
