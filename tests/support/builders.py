"""Payments, money operations and accounts for tests, built in one place.

Pure values (``payment``, ``money_op``) for the rules and the window's verdicts; rows in a store
(``add_account_row``, ``new_payment``, ``stored_payment``, ``stored_operation``) for queries, repos
and screens that read them. Every field has a plain default; a test names only what it is about.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Final

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.changes import OpIntent
from epay_desktop.domain.checkout import CheckoutInput
from epay_desktop.store.db import Store
from epay_desktop.store.models import UserRow
from epay_desktop.store.tx import Tx

__all__ = [
    "NOW",
    "add_account_row",
    "money_op",
    "new_payment",
    "op_intent",
    "payment",
    "stored_operation",
    "stored_payment",
]

#: The builders' "now": pure values are a day old at it.
NOW: Final = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
M = Money.parse


def payment(status: ConsoleStatus = ConsoleStatus.CHARGE, amount: str = "100", **changes: object) -> Payment:
    """A payment of ``amount`` tenge in ``status``, paid (transaction ``tx-1``) and not paid out."""
    base = Payment(
        id=1,
        invoice_id=InvoiceId("000123456"),
        amount=M(amount),
        status=status,
        description="",
        email=None,
        phone=None,
        account_id=None,
        save_card=False,
        language="rus",
        register_id="till-1",
        created_by=1,
        created_at=NOW - timedelta(days=1),
        updated_at=NOW,
        transaction_id="tx-1",
        gateway_amount=M(amount),
        org_amount=M(amount),
        payout_amount=M("0"),
        card_mask=None,
        card_type=None,
        card_id=None,
        reference=None,
        approval_code=None,
        reason=None,
        reason_code=None,
        token_expires_at=None,
        next_poll_at=None,
        last_polled_at=None,
        version=1,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def money_op(kind: OpKind, amount: str, state: OpState, **changes: object) -> MoneyOp:
    """A money operation of payment 1, sent at ``NOW``."""
    base = MoneyOp(
        id="op",
        payment_id=1,
        kind=kind,
        amount=M(amount),
        state=state,
        expected_remaining=None,
        requested_by=1,
        approved_by=None,
        reason=None,
        gateway_code=None,
        gateway_message=None,
        created_at=NOW,
        sent_at=NOW,
        resolved_at=None,
        base_payout=M("0"),
        base_status=ConsoleStatus.CHARGE,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def add_account_row(
    store: Store, at: datetime, *, user_id: int = 1, name: str = "M", role: str = "manager"
) -> None:
    """An account row as SQL would write it (no audited creation): enough for what reads payments."""
    with store.write() as tx:
        tx.session.add(
            UserRow(
                id=user_id, name=name, name_key=name.casefold(), role=role, password_hash="x",
                created_at=at, updated_at=at,
            )
        )  # fmt: skip


def cashier_row(store: Store, name: str, at: datetime) -> User:
    """A cashier account row as SQL would write it (no audited creation, no real password)."""
    with store.write() as tx:
        row = UserRow(name=name, name_key=name.casefold(), role="cashier", password_hash="x")
        row.created_at = row.updated_at = at
        tx.session.add(row)
        tx.session.flush()
        return User(row.id, row.name, Role.CASHIER, True, 0, None, at)


def new_payment(
    tx: Tx,
    number: int | InvoiceId,
    amount: str = "100",
    *,
    at: datetime,
    created_by: int = 1,
    description: str = "Заказ",
    register_id: str = "till-1",
) -> Payment:
    """Payment ``number`` (an invoice id or its number) as the console creates it, in ``tx``: no
    answer from the bank yet."""
    invoice = number if isinstance(number, InvoiceId) else InvoiceId.from_number(number)
    return tx.payments.insert(
        invoice, CheckoutInput(M(amount)), description=description, register_id=register_id,
        created_by=created_by, now=at,
    )  # fmt: skip


def stored_payment(
    store: Store,
    number: int,
    amount: str = "100",
    *,
    at: datetime,
    status: ConsoleStatus = ConsoleStatus.CHARGE,
    created_by: int = 1,
    description: str = "Заказ",
    observed_at: datetime | None = None,
    gateway_amount: str | None = None,
    payout: str = "0",
    register_id: str = "till-1",
    **snapshot: object,
) -> Payment:
    """Payment ``number`` created at ``at`` and answered by the bank with ``status`` (transaction
    ``tx-<number>``); ``snapshot`` sets more of the answer (card_mask, reference, bank_time, ...)."""
    with store.write() as tx:
        created = new_payment(
            tx, number, amount, at=at, created_by=created_by, description=description, register_id=register_id
        )
        answer = GatewaySnapshot(
            status=status,
            observed_at=observed_at or at,
            transaction_id=f"tx-{number}",
            amount=M(gateway_amount or amount),
            org_amount=M(amount),
            payout_amount=M(payout),
            **snapshot,  # type: ignore[arg-type]
        )
        return tx.payments.apply_snapshot(created.id, answer, next_poll_at=None)


def op_intent(amount: str, requested_by: int = 1, kind: OpKind = OpKind.REFUND) -> OpIntent:
    """An intent of ``kind`` for ``amount`` that knows nothing of the gateway's picture (no base)."""
    return OpIntent(kind, M(amount), requested_by, base_payout=None, base_status=None)


def stored_operation(
    store: Store,
    paid: Payment,
    state: OpState,
    at: datetime,
    amount: str = "100",
    *,
    requested_by: int = 1,
    kind: OpKind = OpKind.REFUND,
) -> MoneyOp:
    """A refund (or ``kind``) of ``paid`` asked at ``at`` and left in ``state``."""
    with store.write() as tx:
        op = tx.operations.insert_intent(paid, op_intent(amount, requested_by, kind), now=at)
        if state is not OpState.SENDING:
            op = tx.operations.mark(op.id, state, now=at)
        return op
