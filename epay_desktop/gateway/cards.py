"""Saved cards: the card list (PascalCase JSON), the saved-card payment body and its answer.

epay-api.md §8. The payment body carries ``amount`` as a JSON *number* whose text is exactly the
decimal tenge amount (``1500.5``); it is spliced in as text so it never passes through a float.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from epay_desktop.domain import InvoiceId, Money, PaymentStatus

from ._parse import BodyError, get_bool, get_int, get_money, get_text, require_mapping
from .models import CardPaymentResult, SavedCard

__all__ = ["parse_card_payment", "parse_saved_card", "saved_card_payment_body"]


def parse_saved_card(item: object) -> SavedCard:
    """One element of ``GET /cards/{accountId}``; raises :class:`BodyError`."""
    data = require_mapping(item, "card")
    return SavedCard(
        id=get_text(data, "ID", required=True),
        transaction_id=get_text(data, "TransactionId"),
        merchant_id=get_text(data, "MerchantID"),
        card_hash=get_text(data, "CardHash"),
        card_mask=get_text(data, "CardMask"),
        payer_name=get_text(data, "PayerName"),
        reference=get_text(data, "Reference"),
        int_reference=get_text(data, "IntReference"),
        token=get_text(data, "Token"),
        terminal=get_text(data, "Terminal"),
        created_date=get_text(data, "CreatedDate"),
        payment_available=get_bool(data, "PaymentAvailable"),
        account_id=get_text(data, "AccountID"),
        raw=dict(data),
    )


def saved_card_payment_body(
    *,
    amount: Money,
    invoice_id: InvoiceId,
    terminal_id: str,
    card_id: str,
    account_id: str,
    description: str,
    email: str,
    phone: str,
    name: str,
    language: str,
    invoice_id_alt: str | None,
    back_link: str,
    failure_back_link: str,
    post_link: str,
    failure_post_link: str,
) -> bytes:
    """JSON body of ``POST /payments/cards/auth`` (epay-api.md §8.4), UTF-8 encoded."""
    fields: dict[str, object] = {
        "currency": amount.currency,
        "name": name,
        "terminalId": terminal_id,
        "invoiceId": invoice_id.value,
        "invoiceIdAlt": invoice_id_alt if invoice_id_alt is not None else invoice_id.value,
        "description": description,
        "accountId": account_id,
        "email": email,
        "phone": phone,
        "backLink": back_link,
        "failureBackLink": failure_back_link,
        "postLink": post_link,
        "failurePostLink": failure_post_link,
        "language": language,
        "paymentType": "cardId",
        "cardId": {"id": card_id},
    }
    rest = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    # gateway_str() is digits with at most one dot: a valid JSON number, exact by construction.
    return ('{"amount":' + amount.gateway_str() + "," + rest[1:]).encode("utf-8")


def parse_card_payment(body: object, expected: Money) -> CardPaymentResult:
    """A 2xx answer of the saved-card payment; raises :class:`BodyError` if it is not readable."""
    data = require_mapping(body, "card payment answer")
    currency = get_text(data, "currency") or expected.currency
    status_text = get_text(data, "status")
    status: PaymentStatus | None = None
    if status_text:
        try:
            status = PaymentStatus.parse(status_text)
        except ValueError:
            raise BodyError(f"unknown status {status_text!r}") from None
    secure3d = data.get("secure3D")
    if secure3d is not None and not isinstance(secure3d, Mapping):
        raise BodyError("secure3D is not an object")
    amount = get_money(data, "amount", currency) if data.get("amount") is not None else None
    return CardPaymentResult(
        id=get_text(data, "id", required=True),
        invoice_id=get_text(data, "invoiceID") or get_text(data, "invoiceId"),
        amount=amount,
        currency=currency,
        reference=get_text(data, "reference"),
        approval_code=get_text(data, "approvalCode"),
        card_id=get_text(data, "cardID") or get_text(data, "cardId"),
        code=get_text(data, "code"),
        status=status,
        reason_code=get_int(data, "reasonCode"),
        secure3d=dict(secure3d) if secure3d else None,
        raw=dict(data),
    )
