"""The console's main window: menus, the payment list beside the detail panel, the status bar.

It composes widgets and owns no logic. Commands that other screens carry out (new payment,
refund, cancel, charge, print, review, session, settings) are emitted as ``*_requested`` signals
that the application controller connects; the window only decides what is enabled, from the
domain rules in :mod:`.actions`, and says why when something is not.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtCore import SignalInstance
from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeyEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Discrepancy
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import User
from epay_desktop.ui.app.bridge import EventBridge
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.screen_fit import available_size
from epay_desktop.ui.common.screen_fit import fitted_size
from epay_desktop.ui.common.titles import window_title
from epay_desktop.ui.payments.detail_view import PaymentDetailView
from epay_desktop.ui.payments.detail_view import ReceiptLister
from epay_desktop.ui.payments.list_view import PaymentsView
from epay_desktop.ui.window.about import open_about_box
from epay_desktop.ui.window.actions import ConsoleActions
from epay_desktop.ui.window.actions import ShiftState
from epay_desktop.ui.window.shortcuts import ShortcutsDialog
from epay_desktop.ui.window.status_bar import ConsoleStatusBar
from epay_desktop.ui.window.status_bar import environment_badge
from epay_desktop.ui.window.user_guide import UserGuideWindow

if TYPE_CHECKING:
    from epay_desktop.services.payments.queries import PaymentQueries
    from epay_desktop.services.payments.queries import PaymentView

__all__ = ["MainWindow"]

#: Show the selected payment's details once the selection rests this long (arrowing stays quick).
DETAIL_DELAY_MS = 150
#: The window's size on a large screen; a smaller screen (down to 1024x768) gets all it has.
PREFERRED_SIZE = QSize(1360, 800)
#: The least the payment detail keeps beside a list shown whole (when three eighths are more).
DETAIL_ROOM = 440


def default_size(available: QSize) -> QSize:
    """The first size of the main window on a screen whose free area is ``available``."""
    return fitted_size(PREFERRED_SIZE, available)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _bring_up(window: QWidget) -> None:
    """Show a Help window of the main window (or raise it when open) and give it the keyboard."""
    window.show()
    window.raise_()
    window.activateWindow()


class MainWindow(QMainWindow):
    """``queries``: list + detail source; ``receipts``: ``receipts_for``; ``bridge``: live events."""

    new_payment_requested = Signal()
    refund_requested = Signal(object)  # InvoiceId
    cancel_requested = Signal(object)  # InvoiceId
    charge_requested = Signal(object)  # InvoiceId
    print_requested = Signal(object)  # InvoiceId
    check_bank_requested = Signal(object)  # InvoiceId: compare it with the bank now (Shift+F5)
    review_requested = Signal(object)  # MoneyOp waiting for a manager (NEEDS_REVIEW)
    switch_user_requested = Signal()
    lock_requested = Signal()
    log_out_requested = Signal()
    settings_requested = Signal()
    users_requested = Signal()
    printers_requested = Signal()  # Settings > Receipt printers… (decision 0109)
    export_requested = Signal()
    audit_anchor_requested = Signal()
    backup_requested = Signal()  # Settings > Back up the database now (decision 0067)
    attention_requested = Signal()  # the Needs attention list (menu action or the status bar badge)
    dashboard_requested = Signal()  # View > Day at a glance… (decision 0116)
    shift_open_requested = Signal()  # Shift > Open shift… (decision 0112)
    shift_x_requested = Signal()  # Shift > X report…
    shift_close_requested = Signal()  # Shift > Close shift (Z report)…
    shift_history_requested = Signal()  # Shift > Shift history…
    fiscal_register_requested = Signal()  # Shift > Fiscal register… (decision 0127)
    payment_opened = Signal(object)  # InvoiceId: Enter or double-click on a row

    def __init__(
        self,
        queries: PaymentQueries,
        receipts: ReceiptLister | None = None,
        *,
        bridge: EventBridge | None = None,
        environment: str = "sandbox",
        user: User | None = None,
        user_name: Callable[[int | None], str] | None = None,
        clock: Callable[[], datetime] = _utcnow,
        last_poll: Callable[[], datetime | None] | None = None,
        page_size: int = 100,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self._user = user
        self._current: Payment | None = None
        self._opened: InvoiceId | None = None  # opened by invoice while no list row shows it
        # While the list reloads: the payment to select again when its first page shows it, and
        # whether the search or filters changed (then, if not listed, it is no longer acted on).
        self._pending: InvoiceId | None = None
        self._pending_filtered = False
        self._hidden: InvoiceId | None = None  # hidden by the search or filters (says why actions are off)
        self._checking = False  # a "Check with the bank" is running
        self._shift = ShiftState()  # this register's shift, as last read (the Shift menu follows it)
        self._shortcuts: ShortcutsDialog | None = None  # Help > Keyboard shortcuts, made when first asked
        self._guide: UserGuideWindow | None = None  # Help > User guide, made when first asked
        self._environment = environment
        self.retitle()
        names = user_name or (lambda uid: "" if uid is None else f"#{uid}")
        self.payments_view = PaymentsView(
            queries, user_name=names, clock=clock, page_size=page_size, parent=self
        )
        self.detail_view = PaymentDetailView(queries, receipts, user_name=names, parent=self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.payments_view)
        self.splitter.addWidget(self.detail_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self._split_by_hand = False  # a person dragged the handle: their split stays, resized or not
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        on_language_change(self, self._follow_split)  # the columns' header words changed their widths
        self.payments_view.setContentsMargins(8, 8, 0, 0)
        self.setCentralWidget(self.splitter)
        self.status_bar = ConsoleStatusBar(environment, last_poll=last_poll, parent=self)
        self.setStatusBar(self.status_bar)
        self.commands = ConsoleActions(self)
        self.commands.populate(self.menuBar())
        for action in self.commands.all():
            self.addAction(action)  # shortcuts work wherever the focus is in the window
        self._detail_timer = QTimer(self, singleShot=True, interval=DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self._show_current_detail)
        self._connect()
        self.set_user(user)
        self.resize(self._default_size())
        self._split()
        if bridge is not None:
            self.connect_bridge(bridge)

    def _connect(self) -> None:
        a = self.commands
        # the commands the controller carries out for the payment visibly selected now (none: nothing)
        for_current = (
            (a.refund, self.refund_requested),
            (a.cancel, self.cancel_requested),
            (a.charge, self.charge_requested),
            (a.print_receipt, self.print_requested),
            (a.check_bank, self.check_bank_requested),
        )
        for action, signal in for_current:
            action.triggered.connect(partial(self._emit_for_current, signal))
        # the commands the controller carries out as they are, and the window's own
        does: tuple[tuple[QAction, SignalInstance | Callable[[], None]], ...] = (
            (a.new_payment, self.new_payment_requested),
            (a.switch_user, self.switch_user_requested),
            (a.lock, self.lock_requested),
            (a.log_out, self.log_out_requested),
            (a.settings, self.settings_requested),
            (a.users, self.users_requested),
            (a.printers, self.printers_requested),
            (a.export_csv, self.export_requested),
            (a.audit_anchor, self.audit_anchor_requested),
            (a.backup_now, self.backup_requested),
            (a.attention, self.attention_requested),
            (a.dashboard, self.dashboard_requested),
            (a.shift_open, self.shift_open_requested),
            (a.shift_x, self.shift_x_requested),
            (a.shift_close, self.shift_close_requested),
            (a.shift_history, self.shift_history_requested),
            (a.fiscal_register, self.fiscal_register_requested),
            (a.review, self._on_review_triggered),
            (a.refresh, self.refresh),
            (a.find, self.payments_view.focus_search),
            (a.shortcuts, self.show_shortcuts),
            (a.user_guide, self.show_user_guide),
            (a.about, self.show_about),
        )
        for action, slot in does:
            action.triggered.connect(slot)
        self.status_bar.attention_clicked.connect(a.attention.trigger)  # disabled while logged out
        self.status_bar.fiscal_clicked.connect(a.fiscal_register.trigger)
        self.payments_view.current_changed.connect(self._on_current_changed)
        self.payments_view.payment_activated.connect(self.open_payment)
        self.payments_view.no_matches.connect(self._on_no_matches)
        self.payments_view.reloading.connect(self._on_list_reloading)
        self.payments_view.reloaded.connect(self._on_list_reloaded)
        self.payments_view.selected_left.connect(self._on_selected_left)
        self.payments_view.bind_new_sale(a.new_payment)
        self.detail_view.loaded.connect(self._on_detail_loaded)

    def connect_bridge(self, bridge: EventBridge) -> None:
        """Live updates: rows change in place, new payments appear, the detail and health follow."""
        bridge.payment_updated.connect(self.payments_view.apply_update)
        bridge.payment_updated.connect(self.detail_view.apply_payment_update)
        bridge.operation_updated.connect(self.detail_view.apply_operation_update)
        bridge.operation_updated.connect(self.payments_view.model.apply_operation_update)
        bridge.fiscal_updated.connect(self.detail_view.apply_fiscal_update)
        bridge.fiscal_updated.connect(self.payments_view.model.apply_fiscal_update)
        bridge.discrepancy_resolved.connect(self._on_discrepancy_resolved)
        bridge.poller_health_changed.connect(self.status_bar.on_poller_health_changed)

    # -- hooks for the controller ------------------------------------------------------------------

    @property
    def user(self) -> User | None:
        return self._user

    def set_user(self, user: User | None) -> None:
        """Who works at the console now (None: nobody); actions follow their role."""
        self._user = user
        self.status_bar.set_user(user)
        self._update_actions()

    def current_invoice(self) -> InvoiceId | None:
        """The payment the money and print actions act on now (None: none)."""
        target = self._target()
        return target.invoice_id if target is not None else None

    def _target(self) -> Payment | None:
        """The visibly selected payment: the list's current row, or the one opened by invoice while
        no row is current (after a checkout). Never a payment the search or filters hide."""
        current = self._current
        if current is None:
            return None
        listed = self.payments_view.current_payment()
        if listed is not None:
            return current if listed.id == current.id else None
        return current if self._opened == current.invoice_id else None

    @property
    def shift_state(self) -> ShiftState:
        return self._shift

    def set_shift(self, state: ShiftState) -> None:
        """This register's shift as read now: the status bar says it, the Shift menu follows it."""
        self._shift = state
        if state.known and self._user is not None:
            self.status_bar.set_shift(state.shift, state.overdue_hours)
        else:
            self.status_bar.set_shift_hidden()
        self.commands.update_shift(self._user, state)

    def set_checking(self, checking: bool) -> None:
        """A "Check with the bank" started (True) or ended (False): its action is disabled meanwhile."""
        self._checking = checking
        self._update_actions()

    @Slot()
    def retitle(self) -> None:
        """The window title: the environment's badge word (SANDBOX...) in the current language, unless
        production (shown quietly); called again after a language switch."""
        badge, _tip, loud = environment_badge(self._environment)
        self.setWindowTitle(window_title(badge) if loud is not None else window_title())

    def refresh(self) -> None:
        """Reload the list from its first page and the shown payment (F5)."""
        self.payments_view.refresh()
        self.detail_view.reload()

    @Slot(object)
    def open_payment(self, invoice_id: InvoiceId) -> None:
        """Show ``invoice_id`` in the detail panel now (Enter on a row, or after a checkout).

        A payment the list does not show (filtered out) still opens; the actions then apply to it.
        """
        self._detail_timer.stop()
        self._pending, self._hidden = None, None
        if not self.payments_view.select_invoice(invoice_id):
            self.payments_view.table.setCurrentIndex(QModelIndex())  # no row stands for it
            self._opened = invoice_id
        self.detail_view.show_payment(invoice_id)
        if self.splitter.sizes()[1] == 0:
            self._split()
        self.payment_opened.emit(invoice_id)

    #: The folder the console keeps its files in (set by the controller), shown by Help > About.
    data_folder: Path | None = None

    @Slot()
    def show_about(self) -> None:
        open_about_box(self, self.data_folder)  # never exec(): the window lives on the qasync loop

    @Slot()
    def show_shortcuts(self) -> None:
        """Help > Keyboard shortcuts (F1): the keys of this window's menus; one window, raised if open."""
        if self._shortcuts is None:
            self._shortcuts = ShortcutsDialog(self.menuBar(), self)
        _bring_up(self._shortcuts)

    @Slot()
    def show_user_guide(self) -> None:
        """Help > User guide (Shift+F1): the guide in the console's language; one window, raised if open."""
        if self._guide is None:
            self._guide = UserGuideWindow(self)
        _bring_up(self._guide)

    # -- internals -------------------------------------------------------------------------------

    def _default_size(self) -> QSize:
        available = available_size(self)  # None: no real screen to fit (headless tests, screenshots)
        return PREFERRED_SIZE if available is None else default_size(available)

    def _split(self) -> None:
        """The list gets the width that shows every column whole (a cut amount must never be read),
        at least five eighths; the detail keeps at least three eighths or DETAIL_ROOM, the smaller
        (at 1360 px: 850 and 510; at 1280 px the list is whole; at 1024 px: 640 and 384)."""
        width = max(self.splitter.width(), self.width())
        detail = min(width * 3 // 8, DETAIL_ROOM)
        first = max(width * 5 // 8, min(self.payments_view.whole_width(), width - detail))
        self.splitter.setSizes([first, width - first])

    @Slot()
    def _on_splitter_moved(self) -> None:
        self._split_by_hand = True

    def _follow_split(self) -> None:
        if not self._split_by_hand:
            self._split()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Until a person drags the handle, the split follows the window's size (maximized, or a
        smaller screen's size), not the stretch factors alone."""
        super().resizeEvent(event)
        self._follow_split()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc that no widget took (from the filters, the list or the detail) while the search or the
        filters hide the selected payment: what the detail says, wherever the keyboard is (the search
        cleared; with none, every payment shown: decision 0156)."""
        if event.key() == Qt.Key.Key_Escape and self._hidden is not None:
            filters = self.payments_view.filters
            if filters.clear_search() or filters.show_all():
                event.accept()
                return
        super().keyPressEvent(event)

    def _emit_for_current(self, signal: SignalInstance) -> None:
        invoice = self.current_invoice()  # what is visibly selected at this moment, nothing older
        if invoice is not None:
            signal.emit(invoice)

    @Slot()
    def _on_review_triggered(self) -> None:
        view = self.detail_view.view
        target = self._target()
        if view is None or target is None or view.payment.id != target.id:
            return
        waiting = [op for op in view.operations if op.state is OpState.NEEDS_REVIEW]
        if waiting:
            self.review_requested.emit(waiting[-1])

    @Slot(object)
    def _on_current_changed(self, payment: Payment | None) -> None:
        self._current, self._opened, self._hidden = payment, None, None
        if payment is not None:
            self._pending = None  # chosen while the list reloaded: that choice wins
            self.detail_view.clear_note()  # listed: it has not left the list
        self._update_actions()
        if payment is None:
            self._detail_timer.stop()
            self.detail_view.clear()
        elif payment.invoice_id != self.detail_view.invoice_id:
            self._detail_timer.start()

    @Slot(bool)
    def _on_list_reloading(self, filtered: bool) -> None:
        """The list empties to reload (no row is current meanwhile, and Qt says nothing about it).

        A plain reload (F5, a login) keeps the shown payment the action target until its row is
        back. A changed search or filter does not: until the new list shows it, nothing is.
        """
        target = self._target()
        if target is not None and self._pending is None:
            self._pending = target.invoice_id
        self._pending_filtered = self._pending_filtered or filtered
        if filtered:
            self._current, self._opened, self._hidden = None, None, None
            self._detail_timer.stop()
        elif target is not None:
            self._opened = target.invoice_id  # no row while the page loads: it stays the shown one
        self._update_actions()

    @Slot()
    def _on_list_reloaded(self) -> None:
        invoice, filtered = self._pending, self._pending_filtered
        self._pending, self._pending_filtered = None, False
        if invoice is None:
            if filtered and self._target() is None and self.detail_view.view is None:
                self.detail_view.clear()  # no "hidden by the search" left over once the search changed
            return
        if self.payments_view.select_invoice(invoice):
            return  # selected again: current_changed made it the target
        if not filtered:
            return  # a plain reload whose first page does not have it: it stays opened
        self._current, self._opened, self._hidden = None, None, invoice
        self._detail_timer.stop()
        if self.detail_view.invoice_id == invoice or self.detail_view.view is not None:
            if self.payments_view.model.filter.search:
                hidden = _tr(
                    "Payment {invoice} is not in the list for this search or filter.\n"
                    "Clear the search (Esc) or select a payment in the list."
                )
            else:  # the status or the dates alone hide it (decision 0156)
                hidden = _tr(
                    "Payment {invoice} is not in the list for the status or dates chosen.\n"
                    "Show all payments (Esc) or select a payment in the list."
                )
            self.detail_view.clear(hidden.format(invoice=invoice.value))
        self._update_actions()

    @Slot(object)
    def _on_selected_left(self, payment: Payment) -> None:
        """The selected payment is not in the list read again (settled, filtered to Needs attention):
        the detail keeps showing it with a line saying so, the actions still act on it, and the selection
        jumps to no other payment (decision 0151)."""
        self._detail_timer.stop()
        if self._current is None or self._current.id != payment.id:
            self._current = payment
        self._opened, self._hidden = payment.invoice_id, None
        if self.detail_view.invoice_id != payment.invoice_id:
            self.detail_view.show_payment(payment.invoice_id)
        self.detail_view.note_left(needs_attention=self.payments_view.model.filter.needs_attention)
        self._update_actions()

    @Slot(object)
    def _on_discrepancy_resolved(self, discrepancy: Discrepancy) -> None:
        self.payments_view.model.recheck_attention(discrepancy.payment_id)

    @Slot(str)
    def _on_no_matches(self, _list_text: str) -> None:
        """A search found nothing: the detail says so instead of showing the previous payment."""
        self._current, self._opened = None, None
        self._detail_timer.stop()
        self.detail_view.clear(_tr("Nothing to show: no payment matches the search or filters."))
        self._update_actions()

    @Slot()
    def _show_current_detail(self) -> None:
        if self._current is not None:
            self.detail_view.show_payment(self._current.invoice_id)

    @Slot(object, object)
    def _on_detail_loaded(self, view: PaymentView, _receipts: object) -> None:
        same = self._current is not None and view.payment.id == self._current.id
        if same or (self._current is None and view.payment.invoice_id == self._opened):
            self._current = view.payment
        self._update_actions()

    def _update_actions(self) -> None:
        view = self.detail_view.view
        current = self._target()
        ops: list[MoneyOp] = []
        receipts = 0
        if view is not None and current is not None and view.payment.id == current.id:
            current, ops = view.payment, list(view.operations)
            receipts = len(self.detail_view.receipts)
        why = ""
        if current is None and self._hidden is not None:
            why = _tr(
                "Payment {invoice} is hidden by the search or filters: clear them or select a payment "
                "in the list."
            ).format(invoice=self._hidden.value)
        elif current is None and self._pending is not None:
            why = _tr("The list is being searched: select a payment when it appears.")
        self.commands.update_for(
            self._user, current, ops, receipts=receipts, no_payment=why, checking=self._checking
        )
