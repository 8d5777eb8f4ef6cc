"""The sandbox's side of the demo: its in-memory ledger rebuilt from the demo database.

The sandbox keeps its books in memory, the console on disk. On every demo start this puts each
stored payment the gateway has a transaction for into the ledger through the sandbox's Python API,
with the same transaction id, amounts, card data and succeeded operations (a refund's externalID is
its operation id), so check-status answers exactly what the store says.
"""

from __future__ import annotations

from typing import Final

from epay_desktop.domain import MoneyOp, OpKind, OpState, Payment, PaymentStatus
from epay_desktop.sandbox import SandboxState
from epay_desktop.sandbox.cards import ISSUER, MaskedCard
from epay_desktop.sandbox.ledger import Transaction
from epay_desktop.sandbox.models import Order

__all__ = ["mirror_into_sandbox"]


_OP_WORD: Final = {OpKind.CHARGE: "charge", OpKind.CANCEL: "cancel", OpKind.REFUND: "refund"}


def mirror_into_sandbox(
    state: SandboxState, stored: list[tuple[Payment, list[MoneyOp]]], terminal_id: str
) -> int:
    """Put every stored payment the gateway has a transaction for into the sandbox ledger.

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
        invoice = payment.invoice_id.value
        state.ledger.register_invoice(terminal_id, invoice, payment.amount.minor, payment.amount.currency)
        txn = Transaction(
            payment.transaction_id, invoice, terminal_id, payment.amount.currency,
            payment.org_amount.minor, payment.created_at,
        )  # fmt: skip
        txn.status = status
        txn.amount = payment.gateway_amount.minor if payment.gateway_amount else 0
        txn.payout_amount = payment.payout_amount.minor if payment.payout_amount else 0
        txn.reason = payment.reason or ("success" if status.is_paid or status is PaymentStatus.CANCEL else "")
        txn.reason_code = payment.reason_code or 0
        txn.reference, txn.approval_code = payment.reference or "", payment.approval_code or ""
        txn.int_reference = payment.transaction_id.replace("-", "")[:16].upper()
        txn.card = MaskedCard(payment.card_mask or "", payment.card_type or "", ISSUER)
        txn.order = Order(
            description=payment.description, language=payment.language, phone=payment.phone or ""
        )
        if status in (PaymentStatus.AUTH, PaymentStatus.CANCEL, PaymentStatus.CANCEL_OLD):
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
    return mirrored
