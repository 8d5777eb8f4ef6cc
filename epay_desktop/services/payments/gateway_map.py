"""Gateway answers in domain terms: a check-status ``Transaction`` becomes a :class:`GatewaySnapshot`.

The store never sees gateway types; services translate here. Empty strings from the gateway
(fields it did not fill) become ``None`` so they never overwrite what the console already knows.
"""

from __future__ import annotations

from datetime import datetime

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import Transaction

__all__ = ["console_status", "snapshot_from_status", "snapshot_from_transaction"]


def console_status(transaction: Transaction) -> ConsoleStatus:
    """The gateway's ``statusName`` as a :class:`ConsoleStatus` (same value, e.g. ``3D`` -> THREE_DS).

    A ``statusName`` this version does not know is UNKNOWN (decision 0034): the payment keeps being
    checked and shows as needing attention; nothing is concluded from a word the console cannot read.
    """
    if transaction.status is None:
        return ConsoleStatus.UNKNOWN
    return ConsoleStatus(transaction.status.value)


def snapshot_from_transaction(transaction: Transaction, now: datetime) -> GatewaySnapshot:
    """Copy status, amounts (as Money), ids, mask, RRN, approval code and decline reason. Pure.

    The odd values are kept for people to see: ``bank_status`` is the raw ``statusName`` when it is
    unknown, ``reason_code_text`` the raw ``reasonCode`` when it is not an integer.
    """
    return GatewaySnapshot(
        status=console_status(transaction),
        observed_at=now,
        transaction_id=transaction.id or None,
        amount=transaction.amount,
        org_amount=transaction.org_amount,
        payout_amount=transaction.payout_amount,
        card_mask=transaction.card_mask or None,
        card_type=transaction.card_type or None,
        card_id=transaction.card_id or None,
        reference=transaction.reference or None,
        approval_code=transaction.approval_code or None,
        reason=transaction.reason or None,
        reason_code=transaction.reason_code,
        bank_time=transaction.created_date,
        bank_status=transaction.status_name if transaction.status is None else None,
        reason_code_text=transaction.reason_code_text or None,
    )


def snapshot_from_status(result: StatusFound, now: datetime) -> GatewaySnapshot:
    """The snapshot of a check-status answer with a transaction (resultCode 100).

    ``now`` (aware UTC) becomes ``observed_at``. Raises TypeError for StatusNotFound /
    StatusInProgress: those carry no transaction, the caller handles them.
    """
    if not isinstance(result, StatusFound):
        raise TypeError(f"snapshot_from_status needs StatusFound, not {type(result).__name__}")
    return snapshot_from_transaction(result.transaction, now)
