"""What a payment's amounts mean for people: a hold charged in part, and its released rest.

A two-step terminal holds the asked amount (AUTH); charging less than that takes part of it and
releases the rest to the customer. The gateway then reports ``orgAmount`` = the authorised amount
and ``amount + payoutAmount`` = what was captured (refunds move money from one to the other), so
the split survives later refunds.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain.rules import captured_amount

__all__ = ["ChargeSplit", "charge_split", "shown_amount"]

_CAPTURED = (ConsoleStatus.CHARGE, ConsoleStatus.REFUND)


@dataclass(frozen=True, slots=True)
class ChargeSplit:
    """A hold charged in part: ``charged`` of ``authorised``; ``released`` went back to the card."""

    charged: Money
    authorised: Money
    released: Money

    def text(self) -> str:
        """``Charged 6 000,00 ₸ of 10 000,00 ₸; 4 000,00 ₸ released``."""
        text = QCoreApplication.translate(
            "PaymentAmounts", "Charged {charged} of {authorised}; {released} released"
        )
        return text.format(
            charged=self.charged.format(),
            authorised=self.authorised.format(),
            released=self.released.format(),
        )


def charge_split(payment: Payment) -> ChargeSplit | None:
    """The split of a hold that was charged in part; None for anything else (full charges too)."""
    if payment.status not in _CAPTURED or payment.gateway_amount is None or payment.org_amount is None:
        return None
    charged, authorised = captured_amount(payment), payment.org_amount
    if charged.currency != authorised.currency or not 0 < charged.minor < authorised.minor:
        return None
    return ChargeSplit(charged, authorised, authorised - charged)


def shown_amount(payment: Payment) -> Money:
    """The amount a list shows: what was charged for a hold charged in part, else the asked amount."""
    split = charge_split(payment)
    return split.charged if split is not None else payment.amount
