"""Printing receipts: sale, refund and duplicate slips for a payment, numbered per register.

``issue_receipt`` decides what may be printed and records it in one write transaction on the
database thread (number from the register's gap-free counter, receipt row, audit entry), then
draws the PDF in an executor so neither the GUI nor the database thread waits for reportlab.
If drawing fails after the commit, the number stays used by a recorded receipt (no gap); the
next print of it is a duplicate.

``preview_receipt`` draws the same receipt without recording anything (no number, no row, no
audit): the receipt dialog shows it, and issues only when the cashier prints or saves.

Rules:
- a sale receipt needs a paid payment (AUTH, CHARGE or REFUND);
- a refund receipt needs a SUCCEEDED refund operation (the one named, or the latest);
- a second sale (or refund) receipt for the same sale (or refund) is a DUPLICATE naming the
  original's number; an explicit duplicate needs an original to copy;
- the receipt is the fiscal one once the fiscal register has registered the sale (or the refund's
  return): the fiscal journal's record gives its fiscal part (decision 0125); a registration under way
  (asked, not answered yet) is waited for a few seconds first; until then it says it is not a fiscal
  receipt, and that the fiscal one is pending.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Final

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import NotFoundError
from epay_desktop.domain import Payment
from epay_desktop.domain import User
from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.receipts import ReceiptDraft
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptPlan
from epay_desktop.domain.receipts import ReceiptRecord
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.domain.receipts import plan_receipt
from epay_desktop.fiscal.models import vat_included
from epay_desktop.receipts import FiscalPart
from epay_desktop.receipts import ReceiptData
from epay_desktop.safe_files import write_file_safely
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.services.payments.queries import payment_by_invoice
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = ["FISCAL_WAIT", "ReceiptService", "save_pdf"]

log = logging.getLogger(__name__)

#: How long a receipt waits for its fiscal registration under way (asked, not answered) before it is drawn
#: saying the fiscal receipt is pending; the registration itself goes on.
FISCAL_WAIT: Final = 5.0
_ASKED: Final = frozenset({FiscalState.INTENT, FiscalState.UNKNOWN})


@dataclass(frozen=True, slots=True)
class _Issued:
    record: ReceiptRecord
    data: ReceiptData


@dataclass(frozen=True, slots=True)
class _Drawn:
    plan: ReceiptPlan
    data: ReceiptData  # in the language asked for, or the shop's
    width: ReceiptWidth
    under_way: FiscalRecord | None = None  # its fiscal registration, asked and not answered yet


def _render_pdf(data: ReceiptData, width: ReceiptWidth) -> bytes:
    from epay_desktop.receipts import render_pdf  # reportlab loads at the first receipt, not at start-up

    return render_pdf(data, width)


class ReceiptService:
    """Issues receipts for this register. ``clock`` returns aware UTC datetimes.

    :meth:`preview_receipt` draws a receipt without recording anything; :meth:`issue_receipt`
    numbers and records it. The GUI previews first and issues only when the cashier prints or
    saves (decision 0022).
    """

    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime],
        register_id: str,
        *,
        environment: str = "prod",
        render: Callable[[ReceiptData, ReceiptWidth], bytes] | None = None,
        fiscal: FiscalService | None = None,
        fiscal_wait: float = FISCAL_WAIT,
    ) -> None:
        self._store = store
        self._clock = clock
        self._register_id = register_id
        #: the gateway environment (``gateway.config.Environment`` value); every one but ``prod``
        #: prints "not a real payment" in large letters on each receipt (decision 0023)
        self.environment = environment
        self._render = render or _render_pdf  # default: reportlab's PDF
        #: the fiscal receipts: a registration under way is waited for (``fiscal_wait`` s) before drawing
        self._fiscal = fiscal
        self._fiscal_wait = fiscal_wait

    async def issue_receipt(
        self,
        actor: User,
        request: ReceiptRequest,
        *,
        render: Callable[[ReceiptData, ReceiptWidth], bytes] | None = None,
    ) -> tuple[ReceiptRecord, bytes]:
        """Record the receipt ``request`` asks for and return it with its PDF (or what ``render`` draws
        of it instead, e.g. ESC/POS bytes for a thermal printer: ``receipts.escpos.escpos_renderer``).

        Side effects: advances this register's receipt counter, inserts the receipt row and
        appends audit entry ``receipt.issued`` (one transaction). A repeated sale/refund receipt
        is turned into a duplicate. Raises NotFoundError (no such payment/operation) and
        RuleViolation (payment not paid, no succeeded refund, nothing to duplicate).
        """

        def work(tx: Tx) -> _Issued:
            return self._issue(tx, actor, request)

        if self._fiscal is not None:
            await self._drawn(actor, request)  # a fiscal registration under way: its answer first
        issued = await self._store.run_write(work)
        log.info(
            "event=receipt_issued register=%s number=%d kind=%s invoice_id=%s",
            issued.record.register_id,
            issued.record.number,
            issued.record.kind,
            request.invoice_id,
        )
        loop = asyncio.get_running_loop()
        pdf = await loop.run_in_executor(None, render or self._render, issued.data, issued.record.width)
        return issued.record, pdf

    async def draw(self, data: ReceiptData, width: ReceiptWidth) -> bytes:
        """The PDF of a receipt already drawn (e.g. the one a thermal printer got), off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(None, self._render, data, width)

    async def receipts_for(self, invoice_id: InvoiceId) -> list[ReceiptRecord]:
        """Every receipt printed for the payment, oldest first. Raises NotFoundError."""

        def work(tx: Tx) -> list[ReceiptRecord]:
            return tx.receipts.list_for_payment(payment_by_invoice(tx, invoice_id).id)

        return await self._store.run_read(work)

    async def save_pdf(self, path: str | os.PathLike[str], pdf: bytes) -> Path:
        """Write ``pdf`` to ``path`` atomically, off the event loop; see :func:`save_pdf`."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, save_pdf, path, pdf)

    async def preview_receipt(self, actor: User, request: ReceiptRequest) -> ReceiptDraft:
        """The receipt :meth:`issue_receipt` would print now, drawn but NOT recorded.

        Read-only: takes no number, writes no row and no audit entry (decision 0022), so a
        preview closed without printing or saving leaves nothing behind. The slip shows where
        the number will go and, when an original exists, that it will be a duplicate. Raises
        like :meth:`issue_receipt` (NotFoundError, RuleViolation) so the cashier hears "not
        paid" before any dialog opens.
        """

        drawn = await self._drawn(actor, request)
        loop = asyncio.get_running_loop()
        pdf = await loop.run_in_executor(None, self._render, drawn.data, drawn.width)
        return ReceiptDraft(
            invoice_id=request.invoice_id,
            kind=drawn.plan.kind,
            content_kind=drawn.data.content_kind,
            amount=drawn.plan.amount,
            language=drawn.data.language,
            width=drawn.width,
            original_number=drawn.plan.original.number if drawn.plan.original else None,
            pdf=pdf,
        )

    async def _drawn(self, actor: User, request: ReceiptRequest) -> _Drawn:
        """The receipt drawn now; when its fiscal registration is under way (asked, not answered), after
        that answer, waited for at most ``fiscal_wait`` seconds: the cashier prints the fiscal receipt,
        not one that says it is pending, when the register answers in time (decision 0125)."""

        def work(tx: Tx) -> _Drawn:
            return self._draw(tx, actor, payment_by_invoice(tx, request.invoice_id), request, None)

        drawn = await self._store.run_read(work)
        if drawn.under_way is None or self._fiscal is None:
            return drawn
        record, fiscal = drawn.under_way, self._fiscal
        if record.money_op_id is not None:
            step = asyncio.ensure_future(fiscal.fiscalise_refund(record.money_op_id))
        else:
            step = asyncio.ensure_future(fiscal.fiscalise_sale(record.payment_id))
        step.add_done_callback(_heard)  # it goes on after the wait; the journal keeps its outcome
        await asyncio.wait({step}, timeout=self._fiscal_wait)
        return await self._store.run_read(work)

    # -- inside the transaction ----------------------------------------------------------------

    def _issue(self, tx: Tx, actor: User, request: ReceiptRequest) -> _Issued:
        # row lock on PostgreSQL (SQLite holds the write lock): two counters printing the same
        # sale at once cannot both issue an "original"
        payment = tx.payments.lock_by_invoice(request.invoice_id)
        drawn = self._draw(tx, actor, payment, request, None)
        plan, op, original, now = drawn.plan, drawn.plan.operation, drawn.plan.original, drawn.data.when
        record = tx.receipts.issue(
            register_id=self._register_id,
            kind=plan.kind,
            payment_id=payment.id,
            money_op_id=op.id if op else None,
            original_receipt_id=original.id if original else None,
            amount_minor=plan.amount.minor,
            language=drawn.data.language,
            width=drawn.width,
            created_by=actor.id,
            now=now,
        )
        details = {
            "receipt_id": record.id,
            "register": record.register_id,
            "number": record.number,
            "kind": record.kind.value,
            "amount_minor": plan.amount.minor,
            "money_op_id": record.money_op_id,
            "original_number": original.number if original else None,
            "language": record.language.value,
        }
        tx.audit.append(actor.id, "receipt.issued", f"payment:{request.invoice_id}", details, at=now)
        return _Issued(record, replace(drawn.data, number=record.number))

    def _draw(
        self, tx: Tx, actor: User, payment: Payment, request: ReceiptRequest, number: int | None
    ) -> _Drawn:
        """Plan the receipt and gather everything it shows; ``number`` None = not issued yet."""
        now = self._clock()
        ops = tx.operations.list_for_payment(payment.id)
        receipts = tx.receipts.list_for_payment(payment.id)
        plan = plan_receipt(payment, ops, receipts, request.kind, request.money_op_id)
        op, original = plan.operation, plan.original
        width = request.width or ReceiptWidth(catalog.RECEIPT_WIDTH.read_from(tx.settings))
        language = request.language or ReceiptLanguage(catalog.RECEIPT_LANGUAGE.read_from(tx.settings))
        data = ReceiptData(
            shop_name=catalog.SHOP_NAME.read_from(tx.settings),
            shop_bin=catalog.SHOP_BIN.read_from(tx.settings),
            shop_address=catalog.SHOP_ADDRESS.read_from(tx.settings),
            register_id=self._register_id,
            number=number,
            kind=plan.kind,
            cashier=_cashier(tx, actor, op.requested_by if op else payment.created_by),
            when=now,
            invoice_id=payment.invoice_id,
            paid=plan.paid,
            status=plan.status,
            language=language,
            card_mask=payment.card_mask,
            card_type=payment.card_type,
            approval_code=payment.approval_code,
            rrn=payment.reference,
            transaction_id=payment.transaction_id,
            refunded=plan.refunded if plan.shows_refunds else None,
            this_refund=op.amount if op else None,
            remaining=plan.remaining if plan.shows_refunds else None,
            original_number=original.number if original else None,
            original_kind=original.kind if original else None,
            environment=self.environment,
            refund_id=op.id if op else None,
            refund_reason=op.reason if op else None,
            approved_by=_approver(tx, op) if op else None,
        )
        sale = tx.fiscal.sale_of(payment.id)
        refund = data.content_kind is ReceiptKind.REFUND
        record = (tx.fiscal.for_refund(op.id) if op else None) if refund else sale
        under_way = record if record is not None and record.state in _ASKED else None
        return _Drawn(plan, _with_fiscal(tx, data, record, sale), width, under_way)


def _heard(step: asyncio.Future[FiscalRecord | None]) -> None:
    """A fiscal step a receipt waited for, ended: a failure is logged (the journal keeps the intent)."""
    if not step.cancelled() and step.exception() is not None:
        log.warning("event=receipt_fiscal_wait_failed error=%s", type(step.exception()).__name__)


def _with_fiscal(
    tx: Tx, data: ReceiptData, record: FiscalRecord | None, sale: FiscalRecord | None
) -> ReceiptData:
    """``data`` as the fiscal receipt when the register has registered what it documents (``record``: the
    sale's, or the refund's return): its fiscal part from the journal; a record not registered yet: the
    receipt says the fiscal one is pending; no record (no provider, or a sale from before fiscal
    receipts): unchanged, "not a fiscal receipt" (decision 0125)."""
    if record is None:
        return data
    refund = record.kind is FiscalKind.RETURN
    kept = record.receipt
    if record.state is not FiscalState.REGISTERED or kept is None:
        return replace(data, fiscal_pending=True)
    percent = record.vat_percent if record.keeps_vat else _vat_percent(tx)  # 0130: as registered
    sold = sale.receipt if refund and sale is not None else None
    fiscal = FiscalPart(
        fiscal_sign=kept.check_number,
        registration_number=kept.registration_number,
        cashbox_number=kept.cashbox_number,
        shift_number=kept.shift_number,
        order_number=kept.order_number,
        registered_at=datetime.fromisoformat(kept.registered_at),
        ofd_name=kept.ofd_name,
        ticket_url=kept.ticket_url,
        offline=kept.offline,
        vat_percent=percent,
        vat=vat_included(record.amount, percent) if percent is not None else None,
        sale_sign=sold.check_number if sold is not None else None,
    )
    return replace(data, fiscal=fiscal)


def _vat_percent(tx: Tx) -> int | None:
    """The VAT rate the shop's fiscal receipts carry now (the fiscal settings'), for a receipt registered
    before its own rate was kept (decision 0130); None: not a VAT payer."""
    if catalog.FISCAL_VAT_PAYER.read_from(tx.settings) != "yes":
        return None
    return int(catalog.FISCAL_VAT_RATE.read_from(tx.settings))


def save_pdf(path: str | os.PathLike[str], pdf: bytes) -> Path:
    """Write a receipt PDF atomically (temp file, fsync, rename, fsync folder); returns the path.

    A crash leaves either the old file or the new one, never a torn one. Raises OSError.
    """
    return write_file_safely(path, pdf)


def _approver(tx: Tx, op: MoneyOp) -> str | None:
    """The manager who approved a refund: the approver in place, else a manager who made it
    themselves (their role needs no approval); None when unknown."""
    user_id = op.approved_by
    if user_id is None:
        try:
            requester = tx.users.get(op.requested_by)
        except NotFoundError:
            return None
        return requester.name if requester.role.can_move_money else None
    try:
        return tx.users.get(user_id).name
    except NotFoundError:
        return None


def _cashier(tx: Tx, actor: User, user_id: int | None) -> str:
    """Who made the sale or refund; the person printing when that is unknown."""
    if user_id is None or user_id == actor.id:
        return actor.name
    try:
        return tx.users.get(user_id).name
    except NotFoundError:
        return actor.name
