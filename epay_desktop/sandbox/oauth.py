"""``POST /oauth2/token``: client credentials in, a service or invoice-bound payment token out."""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from epay_desktop.sandbox.amounts import parse_amount
from epay_desktop.sandbox.config import DEFAULT_SCOPE
from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.models import PostLinks
from epay_desktop.sandbox.state import SandboxState
from epay_desktop.sandbox.tokens import Token

__all__ = ["issue_token"]

_CURRENCIES = ("KZT", "USD")


def issue_token(state: SandboxState, fields: Mapping[str, str]) -> Token:
    """Check the credentials and issue a token.

    Without ``invoiceID`` the token is a service token (status, charge, cancel, refund,
    cards). With it, the token is bound to that invoice, amount, currency and terminal, and
    the invoice id is checked: 6-15 digits, last six unique per terminal, no final attempt
    yet, and the same amount as any earlier token for it.
    """
    cfg = state.config
    client_ok = hmac.compare_digest(fields.get("client_id", "").encode(), cfg.client_id.encode())
    secret_ok = hmac.compare_digest(fields.get("client_secret", "").encode(), cfg.client_secret.encode())
    if not (client_ok and secret_ok):
        raise SandboxError(Code.BAD_CLIENT, "invalid client_id or client_secret", 401)
    if fields.get("grant_type", "") != "client_credentials":
        raise SandboxError(Code.BAD_GRANT, "grant_type must be client_credentials")
    invoice_id = fields.get("invoiceID") or fields.get("invoiceId") or ""
    terminal = fields.get("terminal", "").strip()
    if not terminal and invoice_id:
        raise SandboxError(Code.MISSING_FIELD, "terminal is required for a payment token")
    # A service token without a terminal gets the client's only terminal.
    terminal = terminal or cfg.terminal_id
    if terminal != cfg.terminal_id:
        raise SandboxError(Code.UNKNOWN_TERMINAL, f"unknown terminal {terminal!r}")
    scope = fields.get("scope", "").strip() or DEFAULT_SCOPE
    now = state.now()
    if not invoice_id:
        return state.tokens.issue(state.tokens.new("service", scope, terminal, cfg.token_ttl, now))
    for name in ("amount", "currency"):
        if not fields.get(name, "").strip():
            raise SandboxError(Code.MISSING_FIELD, f"{name} is required for a payment token")
    amount = parse_amount(fields["amount"])
    if amount <= 0:
        raise SandboxError(Code.BAD_AMOUNT, "amount must be positive (card verification is not emulated)")
    currency = fields["currency"].strip().upper()
    if currency not in _CURRENCIES:
        raise SandboxError(Code.BAD_CURRENCY, f"currency must be one of {', '.join(_CURRENCIES)}")
    state.ledger.register_invoice(terminal, invoice_id.strip(), amount, currency)
    token = state.tokens.new("payment", scope, terminal, cfg.payment_token_ttl, now)
    token.invoice_id, token.amount, token.currency = invoice_id.strip(), amount, currency
    token.secret_hash = fields.get("secret_hash", "")
    token.post_links = PostLinks.read(lambda key: fields.get(key, ""))
    return state.tokens.issue(token)
