"""Which payments a list shows: one filter value from the filter bar down to the store's SQL.

The payment list's filter bar builds a :class:`PaymentFilter`; ``PaymentQueries.list_payments``,
``PaymentRepo.search`` and the list's ``ListQuery`` (a filter with a sort) carry it to the store,
which turns it into SQL (``store.repos.payment_list``). ``matches`` is the same test on one record,
so a payment announced by the poller joins a list only when the list's query would have returned it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from epay_desktop.domain.money import MoneyError
from epay_desktop.domain.money import parse_amount_text
from epay_desktop.domain.records import ConsoleStatus
from epay_desktop.domain.records import Payment

__all__ = ["EVERY_PAYMENT", "PaymentFilter"]


@dataclass(frozen=True, slots=True)
class PaymentFilter:
    """Statuses (None: all), ``since`` inclusive / ``until`` exclusive (aware UTC), free-text search
    (invoice id prefix, last 4 card digits, amount in tenge, RRN or approval code);
    ``needs_attention``: only payments a person must look at (outcome UNKNOWN, an unresolved
    operation, a fiscal receipt refused for a person, an open discrepancy with the bank: the store
    knows, a Payment alone does not; decision 0137). The default: every payment."""

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
        """As typed in a filter bar: any collection of statuses, the search text trimmed (blank: none)."""
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


#: No filter: the whole list.
EVERY_PAYMENT = PaymentFilter()
