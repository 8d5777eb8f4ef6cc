"""The payment list's sort keys that are not plain columns, kept on the row so SQL can sort and seek.

The list shows, and sorts by, three values derived from a payment's columns (decision 0050):

- ``list_amount_minor``: the Amount cell: what was charged for a hold charged in part, else the asked
  amount (the same rule as ``ui.models.amounts.shown_amount``);
- ``list_refunded_minor``: the Refunded cell: the gateway's ``payoutAmount``, 0 when it said none;
- ``card_last4``: the last four digits of the gateway's card mask, '' when there is none (also what
  a search by 4 digits matches).

They are written on every insert and update of a payment row (ORM events in ``store.models``) and
by the benchmark generator's bulk inserts; migration 0005 filled them for existing rows. Pure
functions of the row's own values: no I/O.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from epay_desktop.domain import Payment

__all__ = ["card_last4", "list_amount_minor", "list_keys_of", "list_refunded_minor"]

_LAST4 = re.compile(r"(\d{4})\D*$")
#: statuses whose gateway amounts describe a capture (CHARGE, and REFUND after refunds)
_CAPTURED = ("CHARGE", "REFUND")


def card_last4(mask: str | None) -> str:
    """``440563...5096`` -> ``5096``; '' when there is no mask or it ends without 4 digits."""
    if not mask:
        return ""
    match = _LAST4.search(mask)
    return match.group(1) if match else ""


def list_amount_minor(
    status: str,
    amount_minor: int,
    gateway_amount_minor: int | None,
    org_amount_minor: int | None,
    payout_amount_minor: int | None,
) -> int:
    """The Amount cell in tiyn: a hold charged in part shows what was charged (``amount + payout``,
    strictly between 0 and the authorised ``orgAmount``); everything else the asked amount."""
    if status in _CAPTURED and gateway_amount_minor is not None and org_amount_minor is not None:
        charged = gateway_amount_minor + (payout_amount_minor or 0)
        if 0 < charged < org_amount_minor:
            return charged
    return amount_minor


def list_refunded_minor(payout_amount_minor: int | None) -> int:
    """The Refunded cell in tiyn: the gateway's payout, 0 for none (never NULL: keys must compare)."""
    return payout_amount_minor or 0


def list_keys_of(payment: Payment) -> tuple[int, int, str]:
    """``(list_amount_minor, list_refunded_minor, card_last4)`` of a frozen payment record."""

    def minor(money: object) -> int | None:
        return getattr(money, "minor", None)

    return (
        list_amount_minor(
            payment.status.value,
            payment.amount.minor,
            minor(payment.gateway_amount),
            minor(payment.org_amount),
            minor(payment.payout_amount),
        ),
        list_refunded_minor(minor(payment.payout_amount)),
        card_last4(payment.card_mask),
    )
