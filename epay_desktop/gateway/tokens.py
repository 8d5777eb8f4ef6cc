"""OAuth tokens: the two request forms, the response parser and the service-token cache.

Two kinds of token come from the same ``POST {oauth_url}`` (form-urlencoded, epay-api.md §2):

* the **service token** (variant A) for check-status, charge, cancel, refund and cards. It is
  cached per (scope, terminal) and refreshed shortly before it expires;
* the **payment token** (variant B) bound to one invoice and amount, for the payment widget and
  saved-card payments. It is never cached: the gateway wants a fresh one per operation.

Freshness uses the monotonic clock from the moment the answer arrived, so wall-clock jumps do not
matter. The refresh margin is ``min(30 s, 10 % of the lifetime)``: a token that lives 20 s is
refreshed 2 s early, never on every call (reliability.md incident 12: a margin larger than the
token server's window makes the client refresh in a loop).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Mapping
from typing import Any
from typing import Final

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.gateway._parse import BodyError
from epay_desktop.gateway._parse import get_text
from epay_desktop.gateway._parse import require_mapping
from epay_desktop.gateway._parse import to_int
from epay_desktop.gateway.config import Credentials
from epay_desktop.gateway.models import AccessToken
from epay_desktop.gateway.models import PaymentToken

__all__ = [
    "DEFAULT_SCOPE",
    "REFRESH_FRACTION",
    "REFRESH_MARGIN_MAX",
    "ServiceTokenCache",
    "needs_refresh",
    "parse_payment_token",
    "parse_token",
    "payment_token_form",
    "service_token_form",
]

#: The scope string almost every page and integration uses for both token kinds (epay-api.md §2.2).
DEFAULT_SCOPE: Final = "webapi usermanagement email_send verification statement statistics payment"
REFRESH_MARGIN_MAX: Final = 30.0
REFRESH_FRACTION: Final = 0.1


def service_token_form(credentials: Credentials, scope: str = DEFAULT_SCOPE) -> dict[str, str]:
    """Form fields of the service-token request (variant A). Contains the client secret: never log it."""
    return {
        "grant_type": "client_credentials",
        "scope": scope,
        "client_id": credentials.client_id,
        "client_secret": credentials.client_secret.reveal(),
        "terminal": credentials.terminal_id,
    }


def payment_token_form(
    credentials: Credentials,
    invoice_id: InvoiceId,
    amount: Money,
    *,
    scope: str = DEFAULT_SCOPE,
    post_link: str = "",
    failure_post_link: str = "",
    secret_hash: str | None = None,
) -> dict[str, str]:
    """Form fields of the invoice-bound payment-token request (variant B). Contains the client secret."""
    form = service_token_form(credentials, scope)
    form.update(
        {
            "invoiceID": invoice_id.value,
            "amount": amount.gateway_str(),
            "currency": amount.currency,
            "postLink": post_link,
            "failurePostLink": failure_post_link,
        }
    )
    if secret_hash is not None:
        form["secret_hash"] = secret_hash
    return form


def _token_fields(body: object) -> tuple[Mapping[str, object], str, int]:
    data = require_mapping(body, "token response")
    access_token = data.get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise BodyError("token response has no access_token")
    expires_in = to_int(data.get("expires_in"), "expires_in")
    if expires_in is None or expires_in < 0:
        raise BodyError("token response has no valid expires_in")
    return data, access_token, expires_in


def _token_values(body: object, obtained_at: float) -> dict[str, Any]:
    """The fields every token has, read from the token endpoint's JSON (the whole answer kept in ``raw``)."""
    data, access_token, expires_in = _token_fields(body)
    return {
        "access_token": access_token,
        "token_type": get_text(data, "token_type") or "Bearer",
        "scope": get_text(data, "scope"),
        "expires_in": expires_in,
        "obtained_at": obtained_at,
        "raw": dict(data),
    }


def parse_token(body: object, obtained_at: float) -> AccessToken:
    """A service token from the token endpoint's JSON; ``expires_in`` may be a number or a string."""
    return AccessToken(**_token_values(body, obtained_at))


def parse_payment_token(
    body: object, obtained_at: float, invoice_id: InvoiceId, amount: Money, terminal_id: str
) -> PaymentToken:
    """An invoice-bound token; keeps the whole response for the widget's ``auth`` object."""
    return PaymentToken(
        **_token_values(body, obtained_at),
        invoice_id=invoice_id,
        amount=amount,
        terminal_id=terminal_id,
    )


def needs_refresh(token: AccessToken, now: float) -> bool:
    """True once the token is within its refresh margin of expiry (see the module docstring)."""
    margin = min(REFRESH_MARGIN_MAX, token.expires_in * REFRESH_FRACTION)
    return now >= token.expires_at - margin


TokenFetcher = Callable[[str, str], Awaitable[AccessToken]]


class ServiceTokenCache:
    """Service tokens per (scope, terminal), with one refresh at a time per key (single flight).

    Concurrent callers that find the token stale queue on an ``asyncio.Lock``; the first fetches,
    the others find the fresh token when they get the lock. A just-fetched token is always handed
    out at least once, however short its lifetime, so there is no refresh loop.
    """

    def __init__(self, fetch: TokenFetcher, clock: Callable[[], float]) -> None:
        self._fetch = fetch
        self._clock = clock
        self._tokens: dict[tuple[str, str], AccessToken] = {}
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}

    async def get(self, scope: str, terminal: str) -> AccessToken:
        key = (scope, terminal)
        cached = self._tokens.get(key)
        if cached is not None and not needs_refresh(cached, self._clock()):
            return cached
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            cached = self._tokens.get(key)
            if cached is not None and not needs_refresh(cached, self._clock()):
                return cached
            token = await self._fetch(scope, terminal)
            self._tokens[key] = token
            return token

    def invalidate(self, scope: str, terminal: str, rejected: AccessToken) -> None:
        """Forget ``rejected`` (the gateway answered 401 to it) unless it was already replaced."""
        key = (scope, terminal)
        if self._tokens.get(key) is rejected:
            del self._tokens[key]

    def clear(self) -> None:
        """Drop every cached token (logout, screen lock, credentials changed)."""
        self._tokens.clear()
