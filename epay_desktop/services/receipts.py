"""Printing receipts: sale, refund and duplicate slips for a payment, numbered per register.

``issue_receipt`` decides what may be printed and records it in one write transaction on the
database thread (number from the register's gap-free counter, receipt row, audit entry), then
draws the PDF in an executor so neither the GUI nor the database thread waits for reportlab.
If drawing fails after the commit, the number stays used by a recorded receipt (no gap); the
next print of it is a duplicate.

Rules:
- a sale receipt needs a paid payment (AUTH, CHARGE or REFUND);
- a refund receipt needs a SUCCEEDED refund operation (the one named, or the latest);
- a second sale (or refund) receipt for the same sale (or refund) is a DUPLICATE naming the
  original's number; an explicit duplicate needs an original to copy.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from epay_desktop.domain import InvoiceId, NotFoundError, Payment, User
from epay_desktop.domain.receipts import (
    ReceiptKind,
    ReceiptLanguage,
    ReceiptRecord,
    ReceiptWidth,
    plan_receipt,
)
from epay_desktop.receipts import ReceiptData, render_pdf, write_atomic
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

from ..domain.i18n import QT_TRANSLATE_NOOP, msg

__all__ = ["ReceiptService", "save_pdf"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Issued:
    record: ReceiptRecord
    data: ReceiptData


class ReceiptService:
    """Issues receipts for this register. ``clock`` returns aware UTC datetimes."""

    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime],
        register_id: str,
        *,
        render: Callable[[ReceiptData, ReceiptWidth], bytes] = render_pdf,
    ) -> None:
        self.store = store
        self.clock = clock
        self.register_id = register_id
        self._render = render

    async def issue_receipt(
        self,
        actor: User,
        invoice_id: InvoiceId,
        kind: ReceiptKind | str,
        width: ReceiptWidth | str | None = None,
        language: ReceiptLanguage | str | None = None,
        money_op_id: str | None = None,
    ) -> tuple[ReceiptRecord, bytes]:
        """Record a receipt for the payment and return it with its PDF.

        ``width``/``language`` default to the shop settings ``receipt.width``/``receipt.language``.
        Side effects: advances this register's receipt counter, inserts the receipt row and
        appends audit entry ``receipt.issued`` (one transaction). A repeated sale/refund receipt
        is turned into a duplicate. Raises NotFoundError (no such payment/operation) and
        RuleViolation (payment not paid, no succeeded refund, nothing to duplicate).
        """
        wanted = ReceiptKind(kind)
        chosen_width = ReceiptWidth(width) if width is not None else None
        chosen_lang = ReceiptLanguage(language) if language is not None else None

        def work(tx: Tx) -> _Issued:
            return self._issue(tx, actor, invoice_id, wanted, chosen_width, chosen_lang, money_op_id)

        issued = await self.store.run_write(work)
        log.info(
            "event=receipt_issued register=%s number=%d kind=%s invoice_id=%s",
            issued.record.register_id,
            issued.record.number,
            issued.record.kind,
            invoice_id,
        )
        loop = asyncio.get_running_loop()
        pdf = await loop.run_in_executor(None, self._render, issued.data, issued.record.width)
        return issued.record, pdf

    async def receipts_for(self, invoice_id: InvoiceId) -> list[ReceiptRecord]:
        """Every receipt printed for the payment, oldest first. Raises NotFoundError."""

        def work(tx: Tx) -> list[ReceiptRecord]:
            return tx.receipts.list_for_payment(_payment(tx, invoice_id).id)

        return await self.store.run_read(work)

    async def save_pdf(self, path: str | os.PathLike[str], pdf: bytes) -> Path:
        """Write ``pdf`` to ``path`` atomically, off the event loop; see :func:`save_pdf`."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, save_pdf, path, pdf)

    # -- inside the write transaction ----------------------------------------------------------

    def _issue(
        self,
        tx: Tx,
        actor: User,
        invoice_id: InvoiceId,
        kind: ReceiptKind,
        width: ReceiptWidth | None,
        language: ReceiptLanguage | None,
        money_op_id: str | None,
    ) -> _Issued:
        now = self.clock()
        # row lock on PostgreSQL (SQLite holds the write lock): two counters printing the same
        # sale at once cannot both issue an "original"
        payment = tx.payments.lock_by_invoice(invoice_id)
        ops = tx.operations.list_for_payment(payment.id)
        plan = plan_receipt(payment, ops, tx.receipts.list_for_payment(payment.id), kind, money_op_id)
        op, original = plan.operation, plan.original
        width = width or ReceiptWidth(tx.settings.get("receipt.width", ReceiptWidth.MM80.value) or "80")
        language = language or ReceiptLanguage(tx.settings.get("receipt.language", "ru") or "ru")
        record = tx.receipts.issue(
            register_id=self.register_id,
            kind=plan.kind,
            payment_id=payment.id,
            money_op_id=op.id if op else None,
            original_receipt_id=original.id if original else None,
            amount_minor=plan.amount.minor,
            language=language,
            width=width,
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
        }
        tx.audit.append(actor.id, "receipt.issued", f"payment:{invoice_id}", details, at=now)
        data = ReceiptData(
            shop_name=tx.settings.get("shop.name", "") or "",
            shop_bin=tx.settings.get("shop.bin", "") or "",
            shop_address=tx.settings.get("shop.address", "") or "",
            register_id=record.register_id,
            number=record.number,
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
        )
        return _Issued(record, data)


def save_pdf(path: str | os.PathLike[str], pdf: bytes) -> Path:
    """Write a receipt PDF atomically (temp file, fsync, rename, fsync folder); returns the path.

    A crash leaves either the old file or the new one, never a torn one. Raises OSError.
    """
    return write_atomic(path, pdf)


def _payment(tx: Tx, invoice_id: InvoiceId) -> Payment:
    payment = tx.payments.get_by_invoice(invoice_id)
    if payment is None:
        raise NotFoundError(
            msg(
                "receipts",
                QT_TRANSLATE_NOOP("receipts", "There is no payment with invoice number {invoice_id}."),
                invoice_id=invoice_id,
            )
        )
    return payment


def _cashier(tx: Tx, actor: User, user_id: int | None) -> str:
    """Who made the sale or refund; the person printing when that is unknown."""
    if user_id is None or user_id == actor.id:
        return actor.name
    try:
        return tx.users.get(user_id).name
    except NotFoundError:
        return actor.name
