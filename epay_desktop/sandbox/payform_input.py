"""What the hosted card page reads from the customer: the payment object and the card form.

Decodes the packed ``params`` into a :class:`Payment`, filters back links, and does the page-side card checks
(Luhn, expiry, CVC, cardholder name) before anything reaches :class:`SandboxState`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qsl
from urllib.parse import urlsplit

from starlette.datastructures import FormData

from epay_desktop.payform.codec import ParamsError
from epay_desktop.payform.codec import parse_params
from epay_desktop.sandbox.cards import pan_valid
from epay_desktop.sandbox.models import Order
from epay_desktop.sandbox.models import PostLinks
from epay_desktop.sandbox.state import CardInput
from epay_desktop.sandbox.state import Checkout

__all__ = [
    "Payment",
    "card_errors",
    "card_from_form",
    "form_text",
    "language_hint",
    "mask_pan",
    "payment_from_params",
    "safe_link",
]

_EXPIRY_RE: Final = re.compile(r"^\s*(\d{2})\s*/\s*(\d{2})\s*$")
_NAME_RE: Final = re.compile(r"^[A-Za-z][A-Za-z .'\-]{0,49}$")


# ---- the payment object ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Payment:
    """The decoded payment object: the Checkout for the state plus what only the page uses."""

    checkout: Checkout
    back_link: str
    failure_back_link: str
    raw_params: str  # the packed form, carried through the page's forms unchanged


def payment_from_params(packed: str | None) -> Payment:
    fields = parse_params(packed)
    auth = dict(parse_qsl(fields.get("auth", ""), keep_blank_values=True))
    token = auth.get("access_token", "")
    if not token:
        # Known integration mistake: auth: token.access_token instead of the whole token object.
        raise ParamsError(
            "error_no_token", "auth must be the whole token response (access_token, expires_in, ...)"
        )

    def text(key: str) -> str:
        return fields.get(key, "")

    checkout = Checkout(
        invoice_id=fields.get("invoiceId", ""),
        access_token=token,
        amount=fields.get("amount", ""),
        currency=fields.get("currency", ""),
        terminal=fields.get("terminal", ""),
        order=Order.read(text),
        card_save=fields.get("cardSave", "").strip().lower() in {"true", "1", "yes"},
        post_links=PostLinks.read(text),
    )
    return Payment(
        checkout=checkout,
        back_link=fields.get("backLink", ""),
        failure_back_link=fields.get("failureBackLink", ""),
        raw_params=packed or "",
    )


def language_hint(packed: str | None) -> str | None:
    """Best-effort language for error pages shown before the payment object is validated."""
    try:
        return parse_params(packed).get("language")
    except ParamsError:
        return None


def safe_link(url: str) -> str | None:
    """Only absolute http(s) links are followed; anything else (javascript:, relative) is ignored."""
    parts = urlsplit(url.strip())
    if parts.scheme in {"http", "https"} and parts.netloc:
        return url.strip()
    return None


# ---- card input ----------------------------------------------------------------------------------------


def card_errors(card: CardInput) -> dict[str, str]:
    """Checks a page makes before sending; values are text keys. The state re-checks and decides."""
    errors: dict[str, str] = {}
    if not pan_valid(re.sub(r"[\s-]", "", card.pan)):
        errors["pan"] = "err_pan"
    match = _EXPIRY_RE.match(card.expiry)
    if match is None or not 1 <= int(match.group(1)) <= 12:
        errors["expiry"] = "err_expiry"
    if not (card.cvc.isascii() and card.cvc.isdigit() and len(card.cvc) in (3, 4)):
        errors["cvc"] = "err_cvc"
    if not _NAME_RE.match(card.name.strip()):
        errors["name"] = "err_name"
    return errors


def card_from_form(form: FormData) -> CardInput:
    def field(name: str) -> str:
        value = form.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    return CardInput(
        pan=field("pan"),
        expiry=field("expiry").replace(" ", ""),
        cvc=field("cvc"),
        name=field("name").upper(),
    )


def mask_pan(pan: str) -> str:
    digits = re.sub(r"\D", "", pan)
    return f"{digits[:4]} •••• {digits[-4:]}" if len(digits) >= 8 else "••••"


def form_text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""
