"""The payment object handed to the gateway's widget for a payment the cashier started.

The object follows epay-api.md §3.2; ``auth`` is the WHOLE payment-token object. The token is a secret:
a :class:`CheckoutSession` never shows it in ``repr`` and nothing here logs or stores it. What the
cashier asked for and its rules (``CheckoutRequest``, ``validate_checkout``) are the domain's
(:mod:`epay_desktop.domain.checkout`).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from decimal import Decimal
from typing import Any
from typing import Final
from urllib.parse import quote

from epay_desktop.domain import Money
from epay_desktop.domain import Payment

__all__ = [
    "DEFAULT_BACK_LINK_BASE",
    "CheckoutSession",
    "build_payment_object",
    "payment_object_json",
]

#: Where the widget sends the browser back; the console's web view intercepts these URLs
#: (docs/decisions/0004-checkout-back-links.md). ``.invalid`` can never resolve.
DEFAULT_BACK_LINK_BASE: Final = "https://console.epay-desktop.invalid/return"


@dataclass(frozen=True, slots=True)
class CheckoutSession:
    """What the UI needs to open the widget. ``payment_object`` holds the token: keep it in memory only."""

    payment: Payment
    token_expires_at: datetime
    payment_object: dict[str, Any] = field(repr=False)
    widget_url: str

    def payment_object_json(self) -> str:
        """The payment object as JSON text with an exact decimal ``amount``."""
        return payment_object_json(self.payment_object)


def build_payment_object(
    payment: Payment,
    auth: dict[str, object],
    *,
    terminal_id: str,
    name: str | None = None,
) -> dict[str, Any]:
    """The object for ``halyk.pay`` / ``showPaymentWidget`` (epay-api.md §3.2). Pure.

    ``amount`` is a ``Decimal`` (exact); serialise with :func:`payment_object_json`. ``postLink``
    is empty: a desktop has no public URL, the console learns the outcome by polling.
    """
    invoice = quote(payment.invoice_id.value, safe="")
    base = DEFAULT_BACK_LINK_BASE.rstrip("/")
    obj: dict[str, Any] = {
        "invoiceId": payment.invoice_id.value,
        "backLink": f"{base}/ok?invoice={invoice}",
        "failureBackLink": f"{base}/fail?invoice={invoice}",
        "postLink": "",
        "failurePostLink": "",
        "language": payment.language,
        "description": payment.description,
        "accountId": payment.account_id or "",
        "terminal": terminal_id,
        "amount": payment.amount.to_decimal(),
        "currency": payment.amount.currency,
        "cardSave": payment.save_card,
        "auth": auth,
    }
    if name:
        obj["name"] = name
    if payment.email:
        obj["email"] = payment.email
    if payment.phone:
        obj["phone"] = payment.phone
    return obj


def payment_object_json(obj: dict[str, Any]) -> str:
    """JSON text of a payment object; ``amount`` is written as a JSON number (``1500.5``), never via float."""
    amount = obj.get("amount")
    if not isinstance(amount, Decimal | Money):
        return json.dumps(obj, ensure_ascii=False)
    number = amount.gateway_str() if isinstance(amount, Money) else Money.parse(amount).gateway_str()
    marker = f"@@amount-{uuid.uuid4().hex}@@"
    text = json.dumps({**obj, "amount": marker}, ensure_ascii=False)
    return text.replace(json.dumps(marker), number, 1)
