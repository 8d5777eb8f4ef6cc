"""Saved cards: the card list (PascalCase JSON), the saved-card payment body and its answer.

epay-api.md §8. The payment body carries ``amount`` as a JSON *number* whose text is exactly the
decimal tenge amount (``1500.5``); it is spliced in as text so it never passes through a float.

A terminal with 3-D Secure answers ``secure3D: {action, md, paReq, termURL}`` (epay-api.md §7): the
browser still has to post MD/PaReq/TermUrl to the issuer's ``action``; :func:`secure3d_form` reads it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway._parse import BodyError
from epay_desktop.gateway._parse import get_bool
from epay_desktop.gateway._parse import get_int
from epay_desktop.gateway._parse import get_money
from epay_desktop.gateway._parse import get_text
from epay_desktop.gateway._parse import require_mapping
from epay_desktop.gateway.models import CardPaymentResult
from epay_desktop.gateway.models import SavedCard

__all__ = [
    "Secure3DForm",
    "parse_card_payment",
    "parse_saved_card",
    "saved_card_payment_body",
    "secure3d_form",
]


@dataclass(frozen=True, slots=True)
class Secure3DForm:
    """What the browser posts to the card issuer's ACS: ``MD``, ``PaReq``, ``TermUrl`` to ``action``.

    ``term_url`` carries the payment token (``?Access=``) and ``md``/``pa_req`` the issuer's request:
    none of them is ever logged or stored (not in ``repr`` either).
    """

    action: str
    md: str = field(repr=False)
    pa_req: str = field(repr=False)
    term_url: str = field(repr=False)


def _field(data: Mapping[str, object], *names: str) -> str:
    lowered = {str(key).lower(): value for key, value in data.items()}
    for name in names:
        value = lowered.get(name.lower())
        if value is not None:
            if not isinstance(value, str):
                raise BodyError(f"secure3D.{name} is not a string")
            return value.strip()
    return ""


def secure3d_form(secure3d: Mapping[str, object] | None, default_term_url: str = "") -> Secure3DForm | None:
    """The ``secure3D`` object of a card payment answer, or None when there is none (no 3-D Secure step).

    Keys as the SDK reads them (``action``, ``md``, ``paReq``, ``termURL``; any letter case). ``termURL``
    is optional in the SDK: ``default_term_url`` (``{api}/payments/cards/confirmPayment?Access=<token>``)
    stands in. Raises :class:`BodyError` when ``action`` or ``md``/``paReq`` is missing or not http(s).
    """
    if not secure3d:
        return None
    action = _field(secure3d, "action")
    md, pa_req = _field(secure3d, "md"), _field(secure3d, "paReq")
    term_url = _field(secure3d, "termURL") or default_term_url
    if not action.lower().startswith(("https://", "http://")):
        raise BodyError("secure3D.action is not an http(s) URL")
    if not md or not pa_req:
        raise BodyError("secure3D has no md or paReq")
    return Secure3DForm(action, md, pa_req, term_url)


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
    secure3d_form(secure3d, "-")  # readable now, or the answer is unclear (BodyError)
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
