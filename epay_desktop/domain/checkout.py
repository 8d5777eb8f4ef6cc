"""What the cashier asked for at the counter and the rules it must pass before a payment starts.

:class:`CheckoutRequest` is the request as typed (the new-payment form, the CLI and the saved-card
panel make it); :func:`validate_checkout` checks and normalises it into :class:`CheckoutInput`, the
fields a payment is stored with (``store.repos.payments.PaymentRepo.insert`` takes it whole). Refusals
are plain-words :class:`ConsoleError`/:class:`RuleViolation` messages. Pure; standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from epay_desktop.domain.errors import ConsoleError
from epay_desktop.domain.errors import RuleViolation
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.invoice import InvoiceId
from epay_desktop.domain.money import Money
from epay_desktop.domain.text import DESCRIPTION_MAX_BYTES
from epay_desktop.domain.text import FIELD_DESCRIPTION
from epay_desktop.domain.text import check_text

__all__ = [
    "ACCOUNT_ID",
    "EMAIL",
    "LANGUAGES",
    "MAX_PAYMENT",
    "CheckoutInput",
    "CheckoutRequest",
    "cut_utf8",
    "default_description",
    "normal_phone",
    "validate_checkout",
]

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
