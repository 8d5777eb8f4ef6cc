"""The sandbox's side of the demo: its in-memory ledger rebuilt from the demo database.

The sandbox keeps its books in memory, the console on disk. On every demo start this puts each
stored payment the gateway has a transaction for into the ledger through the sandbox's Python API,
with the same transaction id, amounts, card data and succeeded operations (a refund's externalID is
its operation id), so check-status answers exactly what the store says. Then what the bank did to
today's demo shift that the console was not told (decision 0115) is applied on top, so the console's
bank check finds it on every start until the console has learnt it.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Sequence
from datetime import datetime
from typing import Final

from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentStatus
from epay_desktop.sandbox import SandboxState
from epay_desktop.sandbox.cards import ISSUER
from epay_desktop.sandbox.cards import MaskedCard
from epay_desktop.sandbox.ledger import Operation
from epay_desktop.sandbox.ledger import Transaction
from epay_desktop.sandbox.models import Order
from epay_desktop.services.demo_shift import CABINET_REFUND
from epay_desktop.services.demo_shift import PAID_LATE
from epay_desktop.services.demo_shift import BankOnly

__all__ = ["apply_bank_only", "mirror_into_sandbox"]


_OP_WORD: Final = {OpKind.CHARGE: "charge", OpKind.CANCEL: "cancel", OpKind.REFUND: "refund"}


def mirror_into_sandbox(
    state: SandboxState,
    stored: list[tuple[Payment, list[MoneyOp]]],
    terminal_id: str,
    bank_only: Sequence[BankOnly] = (),
) -> int:
    """Put every stored payment the gateway has a transaction for into the sandbox ledger, then what
    the bank did that the console was not told (``bank_only``, :func:`apply_bank_only`).

    The ledger lives in memory, the demo database on disk: this rebuilds the gateway's side from
    what the console recorded (statuses, amounts, card data, succeeded operations with the refund
    externalIDs), so check-status answers exactly what the store says. Returns the number mirrored.
    """
    mirrored = 0
    for payment, ops in stored:
        if payment.transaction_id is None or payment.org_amount is None:
            continue
        try:
            status = PaymentStatus(payment.status.value)
        except ValueError:  # a local status (UNKNOWN...): the gateway's last word is not known here
            continue
        txn = _transaction(state, terminal_id, payment, payment.transaction_id, payment.created_at)
        txn.status = status
        txn.amount = payment.gateway_amount.minor if payment.gateway_amount else 0
        txn.payout_amount = payment.payout_amount.minor if payment.payout_amount else 0
        txn.reason = payment.reason or ("success" if status.is_paid or status is PaymentStatus.CANCEL else "")
        txn.reason_code = payment.reason_code or 0
        txn.reference, txn.approval_code = payment.reference or "", payment.approval_code or ""
        txn.card = MaskedCard(payment.card_mask or "", payment.card_type or "", ISSUER)
        two_step = any(op.kind in (OpKind.CHARGE, OpKind.CANCEL) for op in ops)
        if two_step or status in (PaymentStatus.AUTH, PaymentStatus.CANCEL, PaymentStatus.CANCEL_OLD):
            txn.auth_time = payment.created_at
            txn.record("auth", payment.org_amount.minor, payment.created_at)
        elif status.is_paid:
            txn.record("charge", payment.org_amount.minor, payment.created_at)
        for op in ops:
            if op.state is OpState.SUCCEEDED:
                external = op.id if op.kind is OpKind.REFUND else ""
                txn.record(_OP_WORD[op.kind], op.amount.minor, op.resolved_at or op.created_at, external)
        state.ledger.add(txn)
        mirrored += 1
    apply_bank_only(state, {p.invoice_id.value: p for p, _ in stored}, terminal_id, bank_only)
    return mirrored


def apply_bank_only(
    state: SandboxState, payments: Mapping[str, Payment], terminal_id: str, bank_only: Sequence[BankOnly]
) -> None:
    """The bank's side of the demo shift (decision 0115), on the mirrored ledger, whether or not the
    console has learnt it since (the store's answers then already show it; the result is the same):

    * :data:`PAID_LATE`: the sale's transaction, charged, unless the ledger has one for the invoice;
    * :data:`CABINET_REFUND`: the refunds with no externalID, on top of the console's own refunds
      (``payoutAmount`` = the console's refunds + the cabinet's; ``amount`` what is left; REFUND at 0).

    An entry whose payment is not in the store (a database replaced by hand) is skipped.
    """
    for entry in bank_only:
        payment = payments.get(entry.invoice_id)
        known = state.ledger.by_invoice(terminal_id, entry.invoice_id) is not None
        if payment is not None and entry.kind == PAID_LATE and not known:
            state.ledger.add(_paid_late(state, terminal_id, payment, entry))
    cabinet = [e for e in bank_only if e.kind == CABINET_REFUND and e.invoice_id in payments]
    for invoice in dict.fromkeys(e.invoice_id for e in cabinet):
        found = state.ledger.by_invoice(terminal_id, invoice)
        if found is not None and found.status in (PaymentStatus.CHARGE, PaymentStatus.REFUND):
            _with_cabinet_refunds(found, [e for e in cabinet if e.invoice_id == invoice])


def _paid_late(state: SandboxState, terminal_id: str, payment: Payment, entry: BankOnly) -> Transaction:
    """The transaction of a sale the console marked expired and the bank charged (``entry``)."""
    txn = _transaction(state, terminal_id, payment, entry.transaction_id, payment.created_at)
    txn.status, txn.amount, txn.reason = PaymentStatus.CHARGE, entry.amount.minor, "success"
    txn.reference, txn.approval_code = entry.reference, entry.approval_code
    txn.card = MaskedCard(entry.card_mask, entry.card_type, ISSUER)
    txn.record("charge", entry.amount.minor, entry.at)
    return txn


def _with_cabinet_refunds(txn: Transaction, refunds: list[BankOnly]) -> None:
    """``txn`` with the cabinet's ``refunds`` (no externalID) beside the console's own, its amounts
    and status made again from its operations."""
    ops = [op for op in txn.operations if not (op.kind == "refund" and not op.external_id)]
    ops += [Operation("refund", e.amount.minor, "", e.at) for e in refunds]
    txn.operations = sorted(ops, key=lambda op: op.time)
    charged = next(op.amount for op in reversed(txn.operations) if op.kind == "charge")
    txn.payout_amount = sum(op.amount for op in txn.operations if op.kind == "refund")
    txn.amount = charged - txn.payout_amount
    txn.status = PaymentStatus.REFUND if txn.amount == 0 else PaymentStatus.CHARGE


def _transaction(
    state: SandboxState, terminal_id: str, payment: Payment, transaction_id: str, created: datetime
) -> Transaction:
    """A new transaction for ``payment``'s invoice (registered with the ledger), its order as stored."""
    invoice = payment.invoice_id.value
    state.ledger.register_invoice(terminal_id, invoice, payment.amount.minor, payment.amount.currency)
    authorised = (payment.org_amount or payment.amount).minor
    txn = Transaction(transaction_id, invoice, terminal_id, payment.amount.currency, authorised, created)
    txn.int_reference = transaction_id.replace("-", "")[:16].upper()
    txn.order = Order(description=payment.description, language=payment.language, phone=payment.phone or "")
    return txn
