"""Needs attention: the payments a person must look at, and what each is waiting for.

A payment is listed when its outcome is UNKNOWN, one of its money operations is UNKNOWN (the
bank's answer was lost; the console keeps checking) or NEEDS_REVIEW (a manager decides), a fiscal
receipt waits for a person, or the books and the bank disagree about it (decision 0137). The
list comes from ``PaymentQueries.list_payments`` of the attention filter, the same query as the
main list's "Needs attention" filter and the status bar's badge; the title counts its payments.
Choosing a row (Enter, double-click, Open) returns its invoice; the main window then shows it in
the detail panel, where a manager can Review.

Below it, every open discrepancy between the console's books and the bank (``Books``: found by the
reconciliation, e.g. a refund made in the bank's merchant cabinet). A manager writes what was found
and presses Resolve (audited); a cashier sees the list and why the button is disabled.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING
from typing import Any
from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QMargins
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QTreeWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Discrepancy
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import User
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.ui.common.asyncqt import message_text
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.buttons import dialog_buttons
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.formatting import money_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.screen_fit import size_for_screen
from epay_desktop.ui.payments.attention_fiscal import FiscalMover
from epay_desktop.ui.payments.attention_fiscal import RegisterHere
from epay_desktop.ui.widgets.status_badge import status_label
from epay_desktop.ui.widgets.wrapping_delegate import install_wrapping

if TYPE_CHECKING:
    from epay_desktop.services.payments.queries import PaymentQueries
    from epay_desktop.services.payments.queries import PaymentView

__all__ = ["ATTENTION_LIMIT", "AttentionDialog", "attention_text"]

#: The list shows this many payments at most (newest first); the rest after these are settled.
ATTENTION_LIMIT = 200
#: The window opens at least this wide, and its lists' last columns (what a payment waits for, a
#: difference's details) take at most this much before their words wrap (decision 0159).
LEAST_WIDTH = 760
WORDS_WIDTH = 560


def _tr(text: str) -> str:
    return QCoreApplication.translate("AttentionDialog", text)


class OpenDiscrepancyLike(Protocol):
    @property
    def discrepancy(self) -> Discrepancy: ...
    @property
    def invoice_id(self) -> InvoiceId: ...


class DiscrepancySource(Protocol):
    """``Books`` (services/payments/books.py): the open discrepancies and a manager's resolution."""

    async def open_discrepancies(self) -> list[Any]: ...
    async def resolve(self, actor: User, discrepancy_id: int, note: str) -> Discrepancy: ...


def discrepancy_kind_text(kind: str) -> str:
    """What disagrees, in words."""
    return {
        "external_refund": _tr("Refund made outside the console"),
        "refunded": _tr("Refunded amounts differ"),
        "charged": _tr("Charged amounts differ"),
    }.get(kind, kind)


def discrepancy_text(d: Discrepancy) -> str:
    """The two amounts and what to do, in one or two sentences."""
    if d.kind == "external_refund" and d.bank is not None:
        return _tr(
            "The bank refunded {bank} that no refund of this console explains (e.g. in the bank's merchant "
            "cabinet). Check it with the bank, then resolve it here with what you found."
        ).format(bank=money_text(d.bank, blank_zero=False))
    console = money_text(d.console, blank_zero=False) if d.console is not None else "—"
    bank = money_text(d.bank, blank_zero=False) if d.bank is not None else "—"
    return _tr(
        "The console's books say {console}, the bank says {bank}. Check the payment with the bank, then "
        "resolve it here with what you found."
    ).format(console=console, bank=bank)


def _kind(op: MoneyOp) -> str:
    return {
        OpKind.REFUND: _tr("Refund"),
        OpKind.CANCEL: _tr("Cancel"),
        OpKind.CHARGE: _tr("Charge"),
    }.get(op.kind, str(op.kind.value))


def attention_text(view: PaymentView, disputed: int = 0) -> str:
    """What the payment waits for, in one or two sentences (``disputed``: its open discrepancies)."""
    return "\n".join(attention_lines(view, disputed)) or _tr("Settled meanwhile.")


def attention_lines(view: PaymentView, disputed: int = 0) -> list[str]:
    """What the payment waits for, a sentence each; none: it is settled."""
    lines: list[str] = []
    if view.payment.status is ConsoleStatus.UNKNOWN:
        lines.append(_tr("The bank has not confirmed the payment's outcome yet; the console keeps asking."))
    for op in view.operations:
        amount = money_text(op.amount, blank_zero=False)
        if op.state is OpState.NEEDS_REVIEW:
            lines.append(
                _tr("{kind} of {amount}: the bank could not confirm it; a manager must review it.").format(
                    kind=_kind(op), amount=amount
                )
            )
        elif op.state is OpState.UNKNOWN:
            lines.append(
                _tr("{kind} of {amount}: the bank's answer was lost; the console is checking.").format(
                    kind=_kind(op), amount=amount
                )
            )
    from epay_desktop.services.fiscal.service import needs_person_message  # the fiscal layer: on need

    for record in view.fiscal:
        needed = needs_person_message(record)
        if needed is not None:
            receipt = (
                _tr("Fiscal receipt") if record.kind is FiscalKind.SALE else _tr("Fiscal return receipt")
            )
            lines.append(
                _tr("{receipt} of {amount}: {reason}").format(
                    receipt=receipt,
                    amount=money_text(record.amount, blank_zero=False),
                    reason=message_text(needed),
                )
            )
    if disputed:
        lines.append(
            _tr(
                "The console's books and the bank disagree about it: a manager resolves it in the list below."
            )
        )
    return lines


class AttentionDialog(QDialog):
    """The list; :meth:`ask` loads it and returns the chosen invoice (or None)."""

    def __init__(
        self,
        parent: QWidget | None,
        views: list[PaymentView],
        discrepancies: list[OpenDiscrepancyLike] | None = None,
        *,
        books: DiscrepancySource | None = None,
        user: User | None = None,
        register: bool = False,
        fiscal: FiscalMover | None = None,
    ) -> None:
        """``register``: offer the fiscal register's window when a receipt waits for its shift's Z;
        ``fiscal``: offer "Register here" for a receipt held at another cash register (decision 0129)."""
        super().__init__(parent)
        self.setObjectName("attention_dialog")
        discrepancies = list(discrepancies or [])
        self._books = books
        self._user = user
        self._views = list(views)
        self._found = {entry.discrepancy.id: entry.discrepancy for entry in discrepancies}
        self._disputed: dict[str, int] = {}  # invoice -> its open discrepancies listed below
        for entry in discrepancies:
            self._disputed[entry.invoice_id.value] = self._disputed.get(entry.invoice_id.value, 0) + 1
        self._set_title()
        self.chosen: InvoiceId | None = None
        self.tree = named(QTreeWidget(), "attention_list")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [_tr("Invoice"), _tr("Created"), _tr("Amount"), _tr("Status"), _tr("Waiting for")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        install_wrapping(self.tree, 4)  # what it waits for is read whole, never cut with "…"
        for view in views:
            p = view.payment
            item = QTreeWidgetItem(
                [
                    p.invoice_id.value,
                    local_time_text(p.created_at),
                    money_text(p.amount, blank_zero=False),
                    status_label(view.status),
                    self._waiting_text(view),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, p.invoice_id)
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self.empty_label = named(
            QLabel(_tr("Nothing needs attention: every payment and operation is settled.")), "empty_label"
        )
        self.empty_label.setVisible(not views and not discrepancies)
        self.tree.setVisible(bool(views))
        self.buttons, self.open_button = dialog_buttons(
            self, QDialogButtonBox.StandardButton.Close, _tr("Open payment"), "open_button", self.open_current
        )
        self.register_chosen = False  # "Fiscal register…" pressed: the caller opens it
        self.register_button = self._register_button(views if register else [])
        self.register_here = RegisterHere(self, self.buttons, self._views, user, fiscal)
        self.register_here_button = self.register_here.button
        self.register_here_button.clicked.connect(self.register_here_current)
        self.tree.itemActivated.connect(lambda *_: self.open_current())
        self.tree.currentItemChanged.connect(lambda *_: self._update())
        self.hint_label = named(
            QLabel(_tr("Choose a payment to see it; a manager reviews an operation from there.")),
            "hint_label",
        )
        self.hint_label.setVisible(bool(views))  # nothing to choose: the empty text says it all
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self._build_discrepancies(discrepancies)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label, 1)  # in the list's place, not under a blank gap
        layout.addWidget(self.books_label)
        layout.addWidget(self.discrepancy_tree, 1)
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.resolution_edit, 1)
        resolve_row.addWidget(self.resolve_button)
        layout.addLayout(resolve_row)
        layout.addWidget(self.resolve_message)
        layout.addWidget(self.buttons)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
            self.tree.setFocus()
        elif discrepancies:
            self.discrepancy_tree.setFocus()
        self._update()
        self.resize(size_for_screen(self, QSize(self._wanted_width(), 420)))
        on_language_change(self, self.retranslate)  # a switch while it is open

    def _wanted_width(self) -> int:
        """As wide as its lists' words need (decision 0159): each list's short columns whole and its
        last column as wide as its longest line (at most :data:`WORDS_WIDTH`: longer ones wrap), never
        narrower than :data:`LEAST_WIDTH`; the screen bounds it (``size_for_screen``)."""
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        need = [LEAST_WIDTH]
        for tree in (self.tree, self.discrepancy_tree):
            if not tree.topLevelItemCount():
                continue
            metrics, last = tree.fontMetrics(), tree.columnCount() - 1
            items = [tree.topLevelItem(row) for row in range(tree.topLevelItemCount())]
            lines = [line for item in items if item is not None for line in item.text(last).split("\n")]
            words = max(
                [tree.header().sectionSizeFromContents(last).width()]
                + [metrics.horizontalAdvance(line) + 2 * metrics.averageCharWidth() for line in lines]
            )
            shown = sum(tree.columnWidth(column) for column in range(last)) + min(words, WORDS_WIDTH)
            scroll = tree.verticalScrollBar().sizeHint().width()
            need.append(shown + scroll + 2 * tree.frameWidth() + margins.left() + margins.right())
        return max(need)

    def _register_button(self, views: list[PaymentView]) -> QPushButton:
        """Shown when a listed receipt was refused for a fiscal shift past 24 hours: the window that
        closes that shift is one click away."""
        from epay_desktop.services.fiscal.shift_watch import needs_shift_close  # the fiscal layer: on need

        button = named(QPushButton(_tr("Fiscal &register…")), "fiscal_register_button")
        button.setAutoDefault(False)
        button.setToolTip(
            _tr("A fiscal shift past 24 hours must be closed first: open the fiscal register to close it.")
        )
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.setVisible(any(needs_shift_close(r) for view in views for r in view.fiscal))
        button.clicked.connect(self._choose_register)
        return button

    def _choose_register(self) -> None:
        self.register_chosen = True
        self.accept()

    def retranslate(self) -> None:
        """After a language switch: the counts, each payment's status and what each row waits for."""
        self.register_here.retranslate()
        left = self.discrepancy_tree.topLevelItemCount()
        self._set_title()
        self.books_label.setText(
            _tr("The console's books and the bank disagree ({count}):").format(count=left)
        )
        for row, view in enumerate(self._views):
            item = self.tree.topLevelItem(row)
            if item is not None:
                item.setText(3, status_label(view.status))
                item.setText(4, self._waiting_text(view))
        for row in range(left):
            entry = self.discrepancy_tree.topLevelItem(row)
            found = self._found.get(entry.data(0, Qt.ItemDataRole.UserRole)) if entry is not None else None
            if entry is not None and found is not None:
                entry.setText(3, discrepancy_kind_text(found.kind))
                entry.setText(4, discrepancy_text(found))

    def _build_discrepancies(self, discrepancies: list[OpenDiscrepancyLike]) -> None:
        self._resolving = False
        self.books_label = named(
            QLabel(
                _tr("The console's books and the bank disagree ({count}):").format(count=len(discrepancies))
            ),
            "books_label",
        )
        self.discrepancy_tree = named(QTreeWidget(), "discrepancy_list")
        self.discrepancy_tree.setRootIsDecorated(False)
        self.discrepancy_tree.setWordWrap(True)
        self.discrepancy_tree.setHeaderLabels(
            [_tr("No."), _tr("Invoice"), _tr("Found"), _tr("What"), _tr("Details")]
        )
        self.discrepancy_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.discrepancy_tree.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        install_wrapping(self.discrepancy_tree, 4)  # the details say what to do: shown whole, not cut
        for entry in discrepancies:
            d = entry.discrepancy
            item = QTreeWidgetItem(
                [
                    str(d.id),
                    entry.invoice_id.value,
                    local_time_text(d.detected_at),
                    discrepancy_kind_text(d.kind),
                    discrepancy_text(d),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, d.id)
            item.setData(1, Qt.ItemDataRole.UserRole, entry.invoice_id)
            item.setToolTip(4, d.detail)
            self.discrepancy_tree.addTopLevelItem(item)
        for column in range(4):
            self.discrepancy_tree.resizeColumnToContents(column)
        self.resolution_edit = named(QLineEdit(), "resolution_edit")
        self.resolution_edit.setPlaceholderText(
            _tr("What you found (e.g. what the bank's merchant cabinet shows)")
        )
        self.resolution_edit.setMaxLength(255)
        self.resolve_button = named(QPushButton(_tr("&Resolve")), "resolve_button")
        self.resolve_button.setAutoDefault(False)
        self.resolve_message = named(QLabel(), "resolve_message")
        self.resolve_message.setWordWrap(True)
        self.resolve_message.setVisible(False)
        manager = self._user is not None and self._user.role.can_move_money
        if not manager:
            why = _tr("Only a manager can resolve a difference between the books and the bank.")
            self.resolve_button.setToolTip(why)
            self.resolution_edit.setToolTip(why)
        self.resolution_edit.setEnabled(manager and self._books is not None)
        self.resolve_button.clicked.connect(self.resolve_current)
        self.resolution_edit.textChanged.connect(lambda *_: self._update())
        self.discrepancy_tree.currentItemChanged.connect(lambda *_: self._update())
        self.discrepancy_tree.itemDoubleClicked.connect(lambda item, _col: self._open_discrepancy(item))
        shown = bool(discrepancies)
        for widget in (self.books_label, self.discrepancy_tree, self.resolution_edit, self.resolve_button):
            widget.setVisible(shown)
        first = self.discrepancy_tree.topLevelItem(0)
        if first is not None:
            self.discrepancy_tree.setCurrentItem(first)

    def _current_view(self) -> PaymentView | None:
        item = self.tree.currentItem()
        row = self.tree.indexOfTopLevelItem(item) if item is not None else -1
        return self._views[row] if 0 <= row < len(self._views) else None

    def register_here_current(self) -> asyncio.Task[None] | None:
        """Register the chosen payment's held fiscal receipt at today's cash register (a manager's, after
        a confirmation; audited by the service)."""
        view = self._current_view()
        self._update()
        if view is None or not self.register_here_button.isEnabled():
            return None
        row = self._views.index(view)

        def done(record: FiscalRecord) -> None:
            if not shiboken6.isValid(self):
                return
            fiscal = [record if r.id == record.id else r for r in view.fiscal]
            self._views[row] = replace(view, fiscal=fiscal)
            item = self.tree.topLevelItem(row)
            if item is not None:
                item.setText(4, self._waiting_text(self._views[row]))

        def said(text: str) -> None:
            if shiboken6.isValid(self):
                self._say(text)
                self._update()

        work = self.register_here.run(view, said, done)
        return spawn(work, name="fiscal_register_here", busy=self)

    def _update(self) -> None:
        self.open_button.setEnabled(self.tree.currentItem() is not None)
        if hasattr(self, "register_here"):
            self.register_here.update(self._current_view())
        if not hasattr(self, "resolve_button"):
            return
        can = (
            self._books is not None
            and self._user is not None
            and self._user.role.can_move_money
            and self.discrepancy_tree.currentItem() is not None
            and bool(self.resolution_edit.text().strip())
            and not self._resolving
        )
        self.resolve_button.setEnabled(can)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the resolution field resolves (instead of the dialog's default "Open payment")."""
        if self.resolution_edit.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.resolve_current()
            return
        super().keyPressEvent(event)

    def _open_discrepancy(self, item: QTreeWidgetItem) -> None:
        self.chosen = item.data(1, Qt.ItemDataRole.UserRole)
        self.accept()

    def resolve_current(self) -> asyncio.Task[None] | None:
        """Resolve the chosen discrepancy with the words typed (a manager; audited by the service)."""
        self._update()
        if not self.resolve_button.isEnabled() or self._books is None or self._user is None:
            return None
        item = self.discrepancy_tree.currentItem()
        if item is None:
            return None
        number = int(item.data(0, Qt.ItemDataRole.UserRole))
        note = self.resolution_edit.text().strip()
        self._resolving = True
        self._update()
        return spawn(self._resolve(item, number, note), name="resolve_discrepancy", busy=self)

    async def _resolve(self, item: QTreeWidgetItem, number: int, note: str) -> None:
        assert self._books is not None and self._user is not None
        try:
            await self._books.resolve(self._user, number, note)
        except Exception as exc:
            message = user_message_of(exc)
            if message is None:
                raise
            if shiboken6.isValid(self):
                self._say(message)
            return
        finally:
            if shiboken6.isValid(self):
                self._resolving = False
                self._update()
        if not shiboken6.isValid(self):
            return
        index = self.discrepancy_tree.indexOfTopLevelItem(item)
        if index >= 0:
            self.discrepancy_tree.takeTopLevelItem(index)
            self._settle_dispute(item.data(1, Qt.ItemDataRole.UserRole))
        self.resolution_edit.clear()
        left = self.discrepancy_tree.topLevelItemCount()
        self.books_label.setText(
            _tr("The console's books and the bank disagree ({count}):").format(count=left)
        )
        self._set_title()
        self._say(_tr("Discrepancy {number} resolved.").format(number=number))
        self._update()

    def _waiting_text(self, view: PaymentView) -> str:
        return attention_text(view, self._disputed.get(view.payment.invoice_id.value, 0))

    def _settle_dispute(self, invoice: InvoiceId) -> None:
        """One discrepancy of ``invoice`` resolved: its payment's row says what is left, or leaves the
        list when nothing is (the badge and the list's filter drop it too)."""
        left = self._disputed.get(invoice.value, 0) - 1
        self._disputed[invoice.value] = max(left, 0)
        row = next((i for i, v in enumerate(self._views) if v.payment.invoice_id == invoice), None)
        if row is None:
            return
        view = self._views[row]
        if attention_lines(view, left):
            item = self.tree.topLevelItem(row)
            if item is not None:
                item.setText(4, self._waiting_text(view))
            return
        del self._views[row]
        self.tree.takeTopLevelItem(row)
        shown = bool(self._views)
        self.tree.setVisible(shown)
        self.hint_label.setVisible(shown)
        self._update()

    def _set_title(self) -> None:
        """The payments listed: what the status bar's badge counts (decision 0137)."""
        self.setWindowTitle(_tr("Needs attention ({count})").format(count=len(self._views)))

    def _say(self, text: str) -> None:
        self.resolve_message.setText(text)
        self.resolve_message.setVisible(True)

    def open_current(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        self.chosen = item.data(0, Qt.ItemDataRole.UserRole)
        self.accept()

    @classmethod
    async def ask(
        cls,
        parent: QWidget | None,
        queries: PaymentQueries,
        books: DiscrepancySource | None = None,
        user: User | None = None,
        on_register: Callable[[], object] | None = None,
        fiscal: FiscalMover | None = None,
    ) -> InvoiceId | None:
        """Load what needs attention (and the open discrepancies), show it; the invoice chosen, or None.
        ``on_register``: opens the fiscal register (its button pressed: called after the list closed)."""
        page = await queries.list_payments(PaymentFilter(needs_attention=True), limit=ATTENTION_LIMIT)
        views = list(await asyncio.gather(*(queries.get_view(p.invoice_id) for p in page.payments)))
        discrepancies = await books.open_discrepancies() if books is not None else []
        dialog = cls(
            parent,
            views,
            discrepancies,
            books=books,
            user=user,
            register=on_register is not None,
            fiscal=fiscal,
        )
        await run_dialog_once(dialog)
        if dialog.register_chosen and on_register is not None:
            on_register()
        return dialog.chosen
