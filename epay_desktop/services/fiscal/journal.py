"""The fiscal journal's write steps, each inside ONE ``Store.write()`` (decision 0124).

The flow is the money operations' (docs/reliability.md rules 1-3): the intent (:func:`sale_intent`,
:func:`return_intent`) is committed before the provider is asked, under an ExternalCheckNumber derived
from our own id (:func:`sale_number`, :func:`return_number`) so every retry, on any counter, sends the
same one; then the answer in a new transaction (``tx.fiscal.record`` with :func:`kept`). Only what the
bank confirmed is ever fiscalised: a charged payment (CHARGE, or REFUND after it), a SUCCEEDED refund.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.fiscal_journal import KeptReceipt
from epay_desktop.fiscal.models import FiscalReceipt
from epay_desktop.fiscal.models import ReturnBasis
from epay_desktop.store.tx import Tx

__all__ = [
    "CHARGED",
    "kept",
    "return_basis",
    "return_intent",
    "return_number",
    "sale_intent",
    "sale_number",
]

#: The statuses in which the bank has taken the customer's money (a refund keeps the sale charged).
CHARGED: Final = frozenset({ConsoleStatus.CHARGE, ConsoleStatus.REFUND})


def sale_number(invoice_id: InvoiceId) -> str:
    """The sale receipt's ExternalCheckNumber: the invoice's, unique at the bank's terminal."""
    return f"epd-sale-{invoice_id.value}"  # at most 24 of the MAX_EXTERNAL_NUMBER characters


def return_number(money_op_id: str) -> str:
    """The return receipt's ExternalCheckNumber: the refund's id (a uuid, also its externalID at the bank)."""
    return f"epd-ret-{money_op_id}"  # 44 of the MAX_EXTERNAL_NUMBER characters


def sale_intent(tx: Tx, payment_id: int, *, now: datetime) -> FiscalRecord | None:
    """The payment's sale record, its intent written now if there is none; None while the bank has not
    confirmed the charge. The amount is what was charged: the charge's (two-step), else the payment's."""
    existing = tx.fiscal.sale_of(payment_id)
    if existing is not None:
        return existing
    payment = tx.payments.get(payment_id)
    ops = tx.operations.list_for_payment(payment_id)
    charges = [o for o in ops if o.kind is OpKind.CHARGE and o.state is OpState.SUCCEEDED]
    if not charges and payment.status not in CHARGED:
        return None
    amount: Money = charges[-1].amount if charges else payment.amount
    return tx.fiscal.add_intent(
        payment_id=payment_id,
        money_op_id=None,
        kind=FiscalKind.SALE,
        external_number=sale_number(payment.invoice_id),
        amount_minor=amount.minor,
        now=now,
    )


def return_intent(tx: Tx, money_op_id: str, *, now: datetime) -> FiscalRecord | None:
    """The refund's return record, its intent written now if there is none; None unless the refund
    SUCCEEDED (the bank confirmed it)."""
    existing = tx.fiscal.for_refund(money_op_id)
    if existing is not None:
        return existing
    op = tx.operations.get(money_op_id)
    if op.kind is not OpKind.REFUND or op.state is not OpState.SUCCEEDED or not op.amount:
        return None
    return tx.fiscal.add_intent(
        payment_id=op.payment_id,
        money_op_id=op.id,
        kind=FiscalKind.RETURN,
        external_number=return_number(op.id),
        amount_minor=op.amount.minor,
        now=now,
    )


def kept(receipt: FiscalReceipt) -> KeptReceipt:
    """What the journal keeps of a registered receipt (no card data: the provider has none)."""
    return KeptReceipt(
        check_number=receipt.check_number,
        registered_at=receipt.registered_at.isoformat(),
        registration_number=receipt.registration_number,
        cashbox_number=receipt.cashbox_number,
        shift_number=receipt.shift_number,
        order_number=receipt.order_number,
        ofd_name=receipt.ofd.name,
        ticket_url=receipt.ticket_url,
        offline=receipt.offline,
    )


def return_basis(sale: FiscalRecord) -> ReturnBasis | None:
    """The ReturnBasisDetails a return of ``sale`` names, from its kept receipt; None until registered."""
    receipt = sale.receipt
    if sale.state is not FiscalState.REGISTERED or receipt is None:
        return None
    return ReturnBasis(
        check_number=receipt.check_number,
        registered_at=datetime.fromisoformat(receipt.registered_at),
        registration_number=receipt.registration_number,
        total=sale.amount,
        offline=receipt.offline,
    )
