"""Checkout input rules and the payment object handed to the gateway's widget.

Validation runs before anything is allocated or sent, and refuses with plain-words
:class:`ConsoleError`/:class:`RuleViolation` messages. The payment object follows
epay-api.md §3.2; ``auth`` is the WHOLE payment-token object. The token is a secret: a
:class:`CheckoutSession` never shows it in ``repr`` and nothing here logs or stores it.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from decimal import Decimal
from typing import Any
from typing import Final
from urllib.parse import quote

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain import RuleViolation
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.text import DESCRIPTION_MAX_BYTES
from epay_desktop.domain.text import FIELD_DESCRIPTION
from epay_desktop.domain.text import check_text

__all__ = [
    "ACCOUNT_ID",
    "DEFAULT_BACK_LINK_BASE",
    "DESCRIPTION_MAX_BYTES",
    "EMAIL",
    "LANGUAGES",
    "MAX_PAYMENT",
    "CheckoutInput",
    "CheckoutRequest",
    "CheckoutSession",
    "build_payment_object",
    "cut_utf8",
    "normal_phone",
    "payment_object_json",
    "validate_checkout",
]

#: Where the widget sends the browser back; the console's web view intercepts these URLs
#: (docs/decisions/0004-checkout-back-links.md). ``.invalid`` can never resolve.
DEFAULT_BACK_LINK_BASE: Final = "https://console.epay-desktop.invalid/return"
LANGUAGES: Final = ("rus", "kaz", "eng")
#: Ten million tenge: far above a shop's card payment; a typo guard, not a gateway limit.
MAX_PAYMENT: Final = Money(1_000_000_000)

#: The shapes of an e-mail address and of a customer id (accountId); the checkout form checks them too.
EMAIL: Final = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")
ACCOUNT_ID: Final = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_PHONE_NOISE = re.compile(r"[\s()\-+]")
_PHONE = re.compile(r"^7[0-9]{10}$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]{0,63}$")


@dataclass(frozen=True, slots=True)
class CheckoutRequest:
    """What the cashier asked for, as typed: :func:`validate_checkout` checks it. "Try again" sends the
    same request again (the service picks a new invoice).
    """

    amount: Money
    description: str = ""
    email: str | None = None
    phone: str | None = None
    account_id: str | None = None
    save_card: bool = False
    language: str = "rus"
    name: str | None = None


@dataclass(frozen=True, slots=True)
class CheckoutInput(CheckoutRequest):
    """A request :func:`validate_checkout` accepted, normalised (description still optional)."""

    def description_for(self, invoice_id: InvoiceId) -> str:
        """The description the payment ``invoice_id`` is stored and sent with: the one typed, else
        :func:`default_description` in the page's language; cut to the gateway's 125 bytes of UTF-8."""
        return cut_utf8(
            self.description or default_description(invoice_id, self.language), DESCRIPTION_MAX_BYTES
        )


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


def cut_utf8(text: str, max_bytes: int) -> str:
    """``text`` shortened to at most ``max_bytes`` of UTF-8, never splitting a character."""
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


#: The description a sale gets when the cashier typed none, in the payment page's language: the customer
#: reads it on the gateway's page and the bank may show it on their statement (decision 0052).
DEFAULT_DESCRIPTIONS = {
    "rus": "Оплата заказа {invoice}",
    "kaz": "{invoice} тапсырысы үшін төлем",
    "eng": "Payment for order {invoice}",
}


def default_description(invoice_id: InvoiceId, language: str = "rus") -> str:
    """The description of a sale without one, in the page's language (``rus`` for one we do not know)."""
    template = DEFAULT_DESCRIPTIONS.get(language, DEFAULT_DESCRIPTIONS["rus"])
    return template.format(invoice=invoice_id)


def validate_checkout(request: CheckoutRequest) -> CheckoutInput:
    """Check and normalise ``request``. Pure; raises RuleViolation (amount, card saving) or
    ConsoleError (formats) with a message that says what to fix.
    """
    amount, description = request.amount, request.description
    if not isinstance(amount, Money) or amount.currency != "KZT":
        raise RuleViolation(
            msg("payments", QT_TRANSLATE_NOOP("payments", "Payments are taken in tenge (KZT)."))
        )
    if amount.minor < 1:
        raise RuleViolation(msg("payments", QT_TRANSLATE_NOOP("payments", "The amount must be above zero.")))
    if amount > MAX_PAYMENT:
        raise RuleViolation(
            msg(
                "payments",
                QT_TRANSLATE_NOOP("payments", "The amount is more than {maximum}; check it and try again."),
                maximum=MAX_PAYMENT.format(),
            )
        )
    # refused, not cut (the gateway takes 125 bytes)
    check_text(description, FIELD_DESCRIPTION, max_chars=None, max_bytes=DESCRIPTION_MAX_BYTES)
    description = " ".join(description.split())
    if any(not ch.isprintable() for ch in description):
        raise ConsoleError(
            msg(
                "payments",
                QT_TRANSLATE_NOOP("payments", "The description contains characters that cannot be printed."),
            )
        )
    email = (request.email or "").strip() or None
    if email is not None and (len(email) > 255 or not EMAIL.match(email)):
        raise ConsoleError(
            msg(
                "payments",
                QT_TRANSLATE_NOOP(
                    "payments", "{email} does not look like an e-mail address (name@example.kz)."
                ),
                email=repr(email),
            )
        )
    phone = _normal_phone(request.phone)
    account_id = (request.account_id or "").strip() or None
    if account_id is not None and not ACCOUNT_ID.match(account_id):
        raise ConsoleError(
            msg(
                "payments",
                QT_TRANSLATE_NOOP(
                    "payments",
                    "The customer id may use only Latin letters, digits, '.', '_' and '-' (at most "
                    "64 characters).",
                ),
            )
        )
    if request.save_card and account_id is None:
        raise RuleViolation(
            msg(
                "payments",
                QT_TRANSLATE_NOOP("payments", "To save the customer's card, enter the customer id."),
            )
        )
    language = request.language.strip().lower()
    if language not in LANGUAGES:
        raise ConsoleError(
            msg(
                "payments",
                QT_TRANSLATE_NOOP("payments", "The payment page language must be rus, kaz or eng."),
            )
        )
    name = (request.name or "").strip() or None
    if name is not None and not _NAME.match(name):
        raise ConsoleError(
            msg(
                "payments",
                QT_TRANSLATE_NOOP(
                    "payments", "The cardholder name must be in Latin letters, as on the card."
                ),
            )
        )
    return CheckoutInput(amount, description, email, phone, account_id, request.save_card, language, name)


def normal_phone(text: str) -> str | None:
    """``77771234567`` from "+7 777 123-45-67" or "8 777 ..."; None when it is not a KZ mobile number."""
    digits = _PHONE_NOISE.sub("", text.strip())
    if len(digits) == 11 and digits.startswith("8"):
        digits = "7" + digits[1:]
    return digits if _PHONE.match(digits) else None


def _normal_phone(phone: str | None) -> str | None:
    """None for no phone; the normal number, else ConsoleError saying how to write it."""
    if not _PHONE_NOISE.sub("", (phone or "").strip()):
        return None
    text = normal_phone(phone or "")
    if text is None:
        raise ConsoleError(
            msg(
                "payments",
                QT_TRANSLATE_NOOP(
                    "payments", "{phone} is not a Kazakhstan phone number (write it like +7 777 123 45 67)."
                ),
                phone=repr(phone),
            )
        )
    return text


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
