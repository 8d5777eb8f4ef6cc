"""OAuth2 client-credentials tokens: service tokens and invoice-bound payment tokens.

Tokens are opaque strings kept in memory. A payment token remembers the invoice, amount,
currency and terminal it was issued for, plus the merchant's ``secret_hash`` and postLinks,
which come back in the postLink body.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from typing import Literal

from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.models import PostLinks

__all__ = ["Token", "TokenStore"]

TokenKind = Literal["service", "payment"]


@dataclass(slots=True)
class Token:
    access_token: str
    kind: TokenKind
    scope: str
    terminal_id: str
    expires_at: datetime
    ttl: int
    invoice_id: str = ""
    amount: int = 0
    currency: str = ""
    secret_hash: str = ""
    post_links: PostLinks = field(default_factory=PostLinks)
    revoked: bool = False

    def response(self) -> dict[str, object]:
        """The token endpoint's answer (``expires_in`` is a string, as the real gateway sends it)."""
        return {
            "access_token": self.access_token,
            "expires_in": str(self.ttl),
            "refresh_token": "",
            "scope": self.scope,
            "token_type": "Bearer",
        }


def _new_token_text() -> str:
    # Opaque, 24 characters of base32 like the gateway's (not a JWT).
    return base64.b32encode(secrets.token_bytes(15)).decode("ascii")


class TokenStore:
    def __init__(self) -> None:
        self._tokens: dict[str, Token] = {}
        self._latest_payment: dict[tuple[str, str], Token] = {}

    def issue(self, token: Token) -> Token:
        self._tokens[token.access_token] = token
        if token.kind == "payment":
            self._latest_payment[(token.terminal_id, token.invoice_id)] = token
        return token

    @staticmethod
    def new(kind: TokenKind, scope: str, terminal_id: str, ttl: int, now: datetime) -> Token:
        expires = now + timedelta(seconds=ttl)
        return Token(_new_token_text(), kind, scope, terminal_id, expires, ttl)

    def find(self, access_token: str, now: datetime) -> Token:
        """The live token with this text; SandboxError 401 if unknown, expired or revoked."""
        token = self._tokens.get(access_token)
        if token is None:
            raise SandboxError(Code.UNKNOWN_TOKEN, "unknown access token", 401)
        if token.revoked or now >= token.expires_at:
            raise SandboxError(Code.TOKEN_EXPIRED, "access token has expired", 401)
        return token

    def authenticate(self, authorization: str | None, kind: TokenKind, now: datetime) -> Token:
        """Check an ``Authorization: Bearer ...`` header for a live token of the given kind."""
        scheme, _, value = (authorization or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise SandboxError(Code.NO_TOKEN, "missing Authorization: Bearer token", 401)
        token = self.find(value.strip(), now)
        if token.kind != kind:
            raise SandboxError(Code.WRONG_TOKEN_KIND, f"this call needs a {kind} token", 401)
        return token

    def issued(self, kind: TokenKind) -> int:
        """How many tokens of ``kind`` were issued since start (or the last :meth:`clear`): the
        benchmarks count the console's service-token requests with it."""
        return sum(1 for token in self._tokens.values() if token.kind == kind)

    def latest_payment(self, terminal_id: str, invoice_id: str) -> Token | None:
        return self._latest_payment.get((terminal_id, invoice_id))

    def revoke(self, token: Token) -> None:
        token.revoked = True

    def clear(self) -> None:
        self._tokens.clear()
        self._latest_payment.clear()
