"""The detail panel: every field of one payment, a banner for unresolved operations, timeline, receipts,
and a link to the OFD's page of each registered fiscal receipt (decision 0128).

``show_payment(invoice)`` loads the payment's view and receipts from the services (a newer call
wins over an older one still loading); ``loaded`` tells the main window what is shown so it can
enable the right actions. A refusal from the service is shown in the panel, never as a pop-up:
the panel follows the list's selection, and arrowing through the list must not raise dialogs.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Callable
from collections.abc import Sequence
from typing import TYPE_CHECKING
from typing import Protocol
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QUrl
from PySide6.QtCore import Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtGui import QFont
from PySide6.QtGui import QIcon
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QTreeWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentEvent
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.receipts import ReceiptRecord
from epay_desktop.services.fiscal.standing import standing_of
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.table_model import MONEY_ALIGNMENT
from epay_desktop.ui.payments.detail_content import ALWAYS_SHOWN
from epay_desktop.ui.payments.detail_content import FIELDS
from epay_desktop.ui.payments.detail_content import bank_words
from epay_desktop.ui.payments.detail_content import banner_for
from epay_desktop.ui.payments.detail_content import build_timeline
from epay_desktop.ui.payments.detail_content import field_values
from epay_desktop.ui.payments.detail_content import receipt_kind_label
from epay_desktop.ui.payments.detail_content import time_text
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP
from epay_desktop.ui.widgets.status_badge import StatusBadge
from epay_desktop.ui.widgets.status_badge import Tone
from epay_desktop.ui.widgets.status_badge import tone_colors
from epay_desktop.ui.widgets.status_badge import tone_roles
from epay_desktop.ui.widgets.wrapping_delegate import install_wrapping

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from epay_desktop.services.payments.queries import PaymentQueries
    from epay_desktop.services.payments.queries import PaymentView

__all__ = ["PaymentDetailView", "ReceiptLister"]

_CONTEXT = "PaymentDetailView"
_N = QT_TRANSLATE_NOOP
_BANK_TIME = _N("PaymentDetailView", "The bank's own time for this, from its answer")
_CONSOLE_TIME = _N("PaymentDetailView", "This console's clock: the bank gave no time for this")
_REGISTER_TIME = _N("PaymentDetailView", "The fiscal register's time on the receipt")
_CHECK_LINKS = {
    FiscalKind.SALE: _N("PaymentDetailView", "Check the fiscal receipt on the OFD's site"),
    # with its amount: a payment refunded twice has two links that must not read alike
    FiscalKind.RETURN: _N(
        "PaymentDetailView", "Check the fiscal return receipt of {amount} on the OFD's site"
    ),
}
#: The shown payment left the list read again (decision 0151): filtered to Needs attention, or otherwise.
_LEFT_ATTENTION = _N(
    "PaymentDetailView",
    "No longer needs attention: this payment has left the Needs attention list. Its details stay here "
    "until you select another payment.",
)
_LEFT_FILTERS = _N(
    "PaymentDetailView",
    "This payment no longer matches the search or filters: it has left the list. Its details stay here "
    "until you select another payment.",
)
_ZONE_NOTE = _N(
    "PaymentDetailView",
    "Times are Kazakhstan time: \u201c(bank)\u201d is the bank's own time, the others this console's clock.",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


_W = TypeVar("_W", bound=QObject)


def _named(obj: _W, name: str) -> _W:
    obj.setObjectName(name)
    return obj


class ReceiptLister(Protocol):
    async def receipts_for(self, invoice_id: InvoiceId) -> list[ReceiptRecord]: ...


class PaymentDetailView(QWidget):
    """Shows one payment. ``user_name(user_id)`` names cashiers, requesters and approvers."""

    loaded = Signal(object, object)  # PaymentView, list[ReceiptRecord]
    cleared = Signal()

    def __init__(
        self,
        source: PaymentQueries,
        receipts: ReceiptLister | None = None,
        *,
        user_name: Callable[[int | None], str] = lambda uid: "" if uid is None else f"#{uid}",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._receipts = receipts
        self._user_name = user_name
        self._generation = 0
        self._task: asyncio.Task[None] | None = None
        # payments an operation or fiscal update named while the current load was reading (the payment
        # just selected: its id not known yet): it may have read before that commit, so it reads again
        # if it names one; ``_reading`` is that load's generation until its read is done
        self._missed: set[int] = set()
        self._reading: int | None = None
        self.invoice_id: InvoiceId | None = None
        self.view: PaymentView | None = None
        self.receipts: list[ReceiptRecord] = []
        self.stack = QStackedWidget(self)
        self.placeholder = _named(QLabel(self), "detail_placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(theme.style("placeholder_text"))
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.clear()

    # -- building --------------------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        content = QWidget(self)
        self.title_label = _named(QLabel(content), "detail_title")
        self.title_label.setStyleSheet("QLabel { font-size: 15pt; font-weight: 700; }")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setWordWrap(True)  # "Платёж" over the number beside a long badge on a 1024 px screen
        self.badge = StatusBadge(content)
        self.badge.setObjectName("detail_badge")
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.badge)
        self.banner = _named(QLabel(content), "detail_banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        # the payment left the list it was selected in (decision 0151): said above its own banner
        self.left_note = _named(QLabel(content), "detail_left_note")
        self.left_note.setWordWrap(True)
        self.left_note.setVisible(False)
        background, foreground = tone_roles(Tone.GREEN)
        self.left_note.setStyleSheet(theme.style("tone_banner", bg=background, fg=foreground))
        self._left_text = ""  # the note's source text (said again after a language switch)
        on_language_change(self.left_note, self._say_left)
        form = self._form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # a value that cannot be wrapped (a transaction id such as 73095040-32e0-4a36-...) goes under
        # its caption when the panel is narrow, instead of widening the window past a 1024 px screen
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        # the 14 px between caption and value is the caption's right margin, not the form's spacing: Qt
        # decides to wrap a long row without the spacing, which then cut the id by those 14 px
        form.setHorizontalSpacing(0)
        form.setVerticalSpacing(5)
        self.fields: dict[str, QLabel] = {}
        for key, label in FIELDS:
            value = _named(QLabel(content), f"field_{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(_tr(label), content)
            caption.setStyleSheet(theme.style("caption_text"))
            caption.setContentsMargins(0, 0, 14, 0)
            form.addRow(caption, value)
            self.fields[key] = value
        # the OFD's page of each registered fiscal receipt, opened in the browser (decision 0128)
        self.fiscal_links = _named(QLabel(content), "fiscal_links")
        self.fiscal_links.setTextFormat(Qt.TextFormat.RichText)
        self.fiscal_links.setWordWrap(True)
        self.fiscal_links.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.fiscal_links.linkActivated.connect(open_check_page)
        self.fiscal_links.setVisible(False)
        bold = QFont(self.fields["amount"].font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.25)
        self.fields["amount"].setFont(bold)
        self.timeline = _named(QTreeWidget(content), "timeline")
        self.timeline.setRootIsDecorated(False)
        install_wrapping(self.timeline, 1)
        self.timeline.setStyleSheet("QTreeWidget::item { padding: 4px 0px; }")
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole line is in the tooltip
        self.timeline.setHeaderLabels([_tr("Time"), _tr("What happened")])
        sample = _tr("{time} (bank)").format(time="00.00.0000 00:00:00")
        self.timeline.setColumnWidth(0, self.fontMetrics().horizontalAdvance(sample) + 34)
        self.receipts_list = _named(QTreeWidget(content), "receipts_list")
        self.receipts_list.setRootIsDecorated(False)
        self.receipts_list.setHeaderLabels([_tr("No."), _tr("Receipt"), _tr("Amount"), _tr("Issued")])
        self.receipts_list.headerItem().setTextAlignment(2, MONEY_ALIGNMENT)
        self.tabs = _named(QTabWidget(content), "detail_tabs")
        self.tabs.addTab(self.timeline, _tr("Timeline"))
        self.tabs.addTab(self.receipts_list, _tr("Receipts"))
        zone = _named(QLabel(_tr(_ZONE_NOTE), content), "times_note")
        zone.setWordWrap(True)
        zone.setStyleSheet(theme.style("small_print"))
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 8, 8, 4)
        layout.addLayout(header)
        layout.addWidget(self.left_note)
        layout.addWidget(self.banner)
        line = QFrame(content, frameShape=QFrame.Shape.HLine, frameShadow=QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(form)
        layout.addWidget(self.fiscal_links)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(zone)
        return content

    # -- loading ---------------------------------------------------------------------------------

    def note_left(self, *, needs_attention: bool) -> None:
        """Say above the shown payment that it left the list it was selected in (no longer needs attention,
        or no longer matches the search or filters); gone when another payment is shown (decision 0151)."""
        self._left_text = _LEFT_ATTENTION if needs_attention else _LEFT_FILTERS
        self._say_left()

    def clear_note(self) -> None:
        """The shown payment is in the list (again): nothing to say about it leaving."""
        self._left_text = ""
        self._say_left()

    def _say_left(self) -> None:
        self.left_note.setText(_tr(self._left_text) if self._left_text else "")
        self.left_note.setVisible(bool(self._left_text))

    def clear(self, text: str = "") -> None:
        """Show nothing (or ``text``); forget the shown payment."""
        self.clear_note()
        self._generation += 1
        self.invoice_id, self.view, self.receipts = None, None, []
        self.placeholder.setText(text or _tr("Select a payment to see its details.\nPress Enter to open it."))
        self.stack.setCurrentIndex(0)
        self.cleared.emit()

    def show_payment(self, invoice_id: InvoiceId) -> asyncio.Task[None]:
        """Load and show ``invoice_id``; a later call (or :meth:`clear`) makes this one's result stale."""
        self._generation += 1
        if self.invoice_id != invoice_id:
            self.clear_note()  # said of the payment shown before
            self.invoice_id = invoice_id
            if self.view is None or self.view.payment.invoice_id != invoice_id:
                self.placeholder.setText(_tr("Loading…"))
                self.stack.setCurrentIndex(0)
        self._missed.clear()  # this load reads after every commit told so far
        self._reading = self._generation
        self._task = spawn(self._load(invoice_id, self._generation), name="payment-detail")
        return self._task

    def reload(self) -> asyncio.Task[None] | None:
        return self.show_payment(self.invoice_id) if self.invoice_id is not None else None

    def apply_payment_update(self, payment: Payment) -> None:
        if self.invoice_id is not None and payment.invoice_id == self.invoice_id:
            self.reload()

    def apply_operation_update(self, op: MoneyOp) -> None:
        self._follow(op.payment_id)

    def apply_fiscal_update(self, record: FiscalRecord) -> None:
        """A fiscal receipt of the shown payment was written or answered: show where it stands now."""
        self._follow(record.payment_id)

    def _follow(self, payment_id: int) -> None:
        """Show the change told for ``payment_id`` when it is the shown payment's. While a load reads (the
        payment just selected: its id is not known yet) the id is kept and the payment read again if the
        load finds it is that one (it may have read before the change was committed)."""
        if self._reading == self._generation:
            self._missed.add(payment_id)
        elif self.view is not None and payment_id == self.view.payment.id:
            self.reload()

    async def _load(self, invoice_id: InvoiceId, generation: int) -> None:
        try:
            view = await self._source.get_view(invoice_id)
            receipts = await self._receipts.receipts_for(invoice_id) if self._receipts is not None else []
        except Exception as exc:
            self._read_done(generation)
            if not shiboken6.isValid(self):
                # the window closed while this load ran (the console quitting, or the window torn down):
                # the store it asked may be closed too; nobody is left to show the payment to
                log.info("event=detail_load_after_close error=%s", type(exc).__name__)
                return
            message = user_message_of(exc)
            if message is None:
                raise
            if generation == self._generation:
                self.invoice_id, self.view = None, None
                self.placeholder.setText(message)
                self.stack.setCurrentIndex(0)
                self.cleared.emit()
            return
        self._read_done(generation)
        if generation != self._generation or not shiboken6.isValid(self):
            return
        if view.payment.id in self._missed:  # changed after this read began: read it again
            self.reload()
            return
        self.display(view, list(receipts))

    def _read_done(self, generation: int) -> None:
        if generation == self._reading:
            self._reading = None

    # -- rendering -------------------------------------------------------------------------------

    def display(self, view: PaymentView, receipts: Sequence[ReceiptRecord]) -> None:
        payment, ops = view.payment, list(view.operations)
        self.invoice_id, self.view, self.receipts = payment.invoice_id, view, list(receipts)
        self.title_label.setText(_tr("Payment {invoice}").format(invoice=payment.invoice_id.value))
        self.badge.set_status(view.status)
        self._render_banner(view.status, ops)
        values = field_values(payment, ops, self._user_name)
        for key, label in self.fields.items():
            text = values.get(key, "")
            label.setText(text or "—")
            self._form.setRowVisible(label, bool(text) or key in ALWAYS_SHOWN)
        self.fields["reason"].setToolTip(bank_words(payment))
        # card attempts and refunds made outside the console (a view without them: none to show)
        events = list(getattr(view, "events", ()))
        fiscal = list(getattr(view, "fiscal", ()))  # its fiscal receipts (none without a provider)
        self._render_timeline(payment, ops, receipts, events, fiscal)
        self._render_fiscal_links(fiscal)
        self._render_receipts(receipts)
        self.stack.setCurrentIndex(1)
        self.loaded.emit(view, self.receipts)

    def _render_banner(self, status: ConsoleStatus, ops: Sequence[MoneyOp]) -> None:
        banner = banner_for(status, ops)
        if banner is None:
            self.banner.setVisible(False)
            return
        text, tone = banner
        background, foreground = tone_roles(tone)
        self.banner.setText(text)
        self.banner.setStyleSheet(theme.style("tone_banner", bg=background, fg=foreground))
        self.banner.setVisible(True)

    def _render_timeline(
        self,
        payment: Payment,
        ops: Sequence[MoneyOp],
        receipts: Sequence[ReceiptRecord],
        events: Sequence[PaymentEvent] = (),
        fiscal: Sequence[FiscalRecord] = (),
    ) -> None:
        self.timeline.clear()
        for entry in build_timeline(payment, ops, receipts, self._user_name, events, fiscal):
            text = f"{entry.text}\n{entry.detail}" if entry.detail else entry.text
            when = time_text(entry.when)
            if when and entry.bank:
                when = _tr("{time} (bank)").format(time=when)
            item = QTreeWidgetItem([when, text])
            item.setIcon(0, tone_icon(entry.tone))
            item.setToolTip(1, text)
            if when:
                clock = _REGISTER_TIME if entry.register else _CONSOLE_TIME
                item.setToolTip(0, _tr(_BANK_TIME if entry.bank else clock))
            self.timeline.addTopLevelItem(item)

    def _render_fiscal_links(self, fiscal: Sequence[FiscalRecord]) -> None:
        links = []
        for record in fiscal:
            url = standing_of(record).check_url  # a web page only
            if url:
                words = html.escape(
                    _tr(_CHECK_LINKS[record.kind]).format(amount=record.amount.format()), quote=False
                )
                links.append(f'<a href="{html.escape(url)}">{words}</a>')
        self.fiscal_links.setText("<br>".join(links))
        self.fiscal_links.setVisible(bool(links))

    def _render_receipts(self, receipts: Sequence[ReceiptRecord]) -> None:
        self.receipts_list.clear()
        for receipt in receipts:
            item = QTreeWidgetItem(
                [
                    receipt.display_number,
                    receipt_kind_label(receipt.kind),
                    receipt.amount.format(),
                    time_text(receipt.created_at),
                ]
            )
            item.setTextAlignment(2, MONEY_ALIGNMENT)
            self.receipts_list.addTopLevelItem(item)
        for column in range(3):
            self.receipts_list.resizeColumnToContents(column)
        self.tabs.setTabText(1, _tr("Receipts ({count})").format(count=len(receipts)))


def open_check_page(url: str) -> None:
    """Open a fiscal receipt's page at the OFD in the system's browser."""
    if not QDesktopServices.openUrl(QUrl(url)):
        log.warning("event=ofd_page_not_opened")


def tone_icon(tone: Tone) -> QIcon:
    """A small coloured dot for a timeline row."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tone_colors(tone)[0] if tone is not Tone.GREY else theme.color("tone_grey_dot"))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)
