"""The payment list's filter: what the source is asked for, and the same test for live updates.

``matches`` mirrors the store's search (``PaymentRepo.search``) so a payment announced by the
poller joins the list only when the list's query would have returned it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from epay_desktop.domain import ConsoleStatus, MoneyError, Payment
from epay_desktop.domain.money import parse_amount_text

__all__ = ["PaymentFilter"]


@dataclass(frozen=True, slots=True)
class PaymentFilter:
    """Statuses (None: all), ``since`` inclusive / ``until`` exclusive (aware UTC), free-text search;
    ``needs_attention``: only payments a person must look at (outcome UNKNOWN or an unresolved
    operation, which the store knows and a Payment alone does not)."""

    statuses: frozenset[ConsoleStatus] | None = None
    since: datetime | None = None
    until: datetime | None = None
    search: str | None = None
    needs_attention: bool = False

    @classmethod
    def of(
        cls,
        statuses: Collection[ConsoleStatus] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        search: str | None = None,
        *,
        needs_attention: bool = False,
    ) -> PaymentFilter:
        text = search.strip() if search else None
        chosen = frozenset(statuses) if statuses is not None else None
        return cls(chosen, since, until, text or None, needs_attention)

    def matches(self, payment: Payment, *, open_operation: bool = False) -> bool:
        """Would the store's query return ``payment``? ``open_operation``: the payment has an
        operation UNKNOWN or NEEDS_REVIEW (the store knows; a Payment alone does not)."""
        if self.needs_attention and payment.status is not ConsoleStatus.UNKNOWN and not open_operation:
            return False
        if self.statuses is not None and payment.status not in self.statuses:
            return False
        if self.since is not None and payment.created_at < self.since:
            return False
        if self.until is not None and payment.created_at >= self.until:
            return False
        return self.search is None or _text_matches(self.search, payment)


def _text_matches(text: str, p: Payment) -> bool:
    """Invoice id prefix, last 4 card digits, amount in tenge, RRN or approval code (as the store does)."""
    if text in (p.reference, p.approval_code):
        return True
    if text.isascii() and text.isdigit():
        if p.invoice_id.value.startswith(text):
            return True
        if len(text) == 4 and (p.card_mask or "").endswith(text):
            return True
    try:
        minor = parse_amount_text(text)  # as typed in an amount field (decision 0072)
    except MoneyError:
        return False
    return bool(minor) and p.amount.minor == minor
