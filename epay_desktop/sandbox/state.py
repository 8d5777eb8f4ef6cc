"""The sandbox's whole state and the customer's side of a payment.

``SandboxState`` owns the tokens, the ledger, the saved cards, the armed faults and the
postLink sender. The hosted payment page, ``POST /sandbox/pay`` and the saved-card API all
pay through :meth:`SandboxState.submit_card` / :meth:`confirm_3ds` /
:meth:`pay_with_saved_card`. Everything runs on one event loop; nothing here blocks.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from epay_desktop.domain import PaymentStatus

from .amounts import parse_amount, to_decimal
from .cards import (
    ISSUER,
    THREE_DS_CODE,
    CardVault,
    SavedCard,
    behaviour_of,
    card_mask,
    card_type,
    check_cvc,
    expiry_passed,
    normalize_pan,
)
from .config import SandboxConfig
from .errors import Code, SandboxError
from .faults import FaultBook
from .ledger import Ledger, Transaction
from .models import AttemptResult, CardInput, Checkout, CheckoutInfo
from .postlink import Echo, PostLinkSender
from .tokens import Token, TokenStore

__all__ = ["AttemptResult", "CardInput", "Checkout", "CheckoutInfo", "SandboxError", "SandboxState"]


@dataclass(frozen=True, slots=True)
class _Challenge:
    txn_id: str
    pan: str
    checkout: Checkout
    token: Token


@dataclass(slots=True)
class SandboxState:
    config: SandboxConfig = field(default_factory=SandboxConfig)
    tokens: TokenStore = field(default_factory=TokenStore)
    cards: CardVault = field(default_factory=CardVault)
    faults: FaultBook = field(default_factory=FaultBook)
    ledger: Ledger = field(init=False)
    postlinks: PostLinkSender = field(init=False)
    _challenges: dict[str, _Challenge] = field(default_factory=dict, init=False)
    _random: random.Random = field(default_factory=random.Random, init=False)

    def __post_init__(self) -> None:
        self.ledger = Ledger(self.config.hold_seconds)
        self.postlinks = PostLinkSender(self.config.clock, self.config.postlink_timeout)

    def now(self) -> datetime:
        """The current time; expired AUTH holds are turned into CANCEL_OLD on the way."""
        now = self.config.clock()
        self.ledger.sweep(now)
        return now

    def reset(self, *, tokens: bool = False) -> None:
        """Empty the ledger, saved cards, 3DS challenges and faults (tokens only if asked)."""
        self.ledger.clear()
        self.cards.clear()
        self.faults.clear()
        self._challenges.clear()
        if tokens:
            self.tokens.clear()

    # -- the customer's payment -----------------------------------------------------------

    def validate_checkout(self, checkout: Checkout) -> CheckoutInfo:
        """What the payment page shows; SandboxError if the checkout cannot be paid."""
        token = self._checkout_token(checkout)
        return CheckoutInfo(
            invoice_id=token.invoice_id,
            amount=to_decimal(token.amount),
            currency=token.currency,
            description=checkout.description,
            shop_name=self.config.shop_name,
            expires_at=token.expires_at,
        )

    async def submit_card(self, checkout: Checkout, card: CardInput) -> AttemptResult:
        """One payment attempt with a typed card. Format errors raise and record nothing."""
        token = self._checkout_token(checkout)
        now = self.now()
        pan = normalize_pan(card.pan)
        expired = expiry_passed(card.expiry, now)
        check_cvc(card.cvc)
        txn = self._attempt(checkout, token, now, pan, card.name)
        behaviour = behaviour_of(pan)
        if expired:
            return self._decline(txn, checkout, token, PaymentStatus.REJECT, 478, "expired card")
        if behaviour.kind == "decline":
            return self._decline(
                txn, checkout, token, PaymentStatus.REJECT, behaviour.reason_code, behaviour.reason
            )
        if behaviour.kind == "3ds":
            for cid in [c for c, ch in self._challenges.items() if ch.txn_id == txn.id]:
                del self._challenges[cid]
            challenge_id = uuid.uuid4().hex
            self._challenges[challenge_id] = _Challenge(txn.id, pan, checkout, token)
            reason = "3-D Secure required"
            return AttemptResult("needs_3ds", txn.invoice_id, txn.id, "NEW", 0, reason, challenge_id, None)
        return self._approve(txn, checkout, token, now, pan, secure=False)

    async def confirm_3ds(self, challenge_id: str, code: str) -> AttemptResult:
        """Finish a 3-D Secure step: ``000000`` approves, anything else fails with 473."""
        challenge = self._challenges.pop(challenge_id, None)
        if challenge is None:
            raise SandboxError(Code.NO_CHALLENGE, "unknown or finished 3-D Secure challenge", 404)
        now = self.now()
        txn = self.ledger.get(challenge.txn_id, challenge.token.terminal_id)
        txn.secure = True
        if code.strip() == THREE_DS_CODE:
            return self._approve(txn, challenge.checkout, challenge.token, now, challenge.pan, secure=True)
        failed = "3-D Secure authentication failed"
        return self._decline(txn, challenge.checkout, challenge.token, PaymentStatus.THREE_DS, 473, failed)

    async def pay_with_saved_card(self, checkout: Checkout, card_id: str) -> Transaction:
        """``/payments/cards/auth``: pay the checkout's invoice with a saved card (no 3-D Secure)."""
        token = self._checkout_token(checkout)
        card = self.cards.get(card_id, token.terminal_id)
        if not card.active:
            raise SandboxError(Code.CARD_DEACTIVATED, "card is deactivated")
        if card.account_id != checkout.account_id:
            raise SandboxError(Code.ACCOUNT_MISMATCH, "accountId does not match the saved card's")
        now = self.now()
        txn = self._attempt(checkout, token, now, card.pan, checkout.name or card.payer_name)
        txn.card_id = card.id
        self._approve(txn, checkout, token, now, card.pan, secure=False)
        return txn

    # -- helpers --------------------------------------------------------------------------

    def _checkout_token(self, checkout: Checkout) -> Token:
        now = self.now()
        token = self.tokens.find(checkout.access_token, now)
        if token.kind != "payment":
            raise SandboxError(Code.WRONG_TOKEN_KIND, "a payment needs an invoice-bound payment token", 401)
        amount = parse_amount(checkout.amount)
        bound = (token.invoice_id, token.amount, token.currency, token.terminal_id)
        if bound != (checkout.invoice_id, amount, checkout.currency.upper(), checkout.terminal):
            raise SandboxError(
                Code.TOKEN_NOT_FOR_THIS, "the token was not issued for this invoice, amount and terminal"
            )
        txn = self.ledger.by_invoice(token.terminal_id, token.invoice_id)
        if txn is not None and txn.is_final_attempt:
            raise SandboxError(Code.INVOICE_FINAL, f"invoice {token.invoice_id} was already paid or declined")
        return token

    def _attempt(self, checkout: Checkout, token: Token, now: datetime, pan: str, name: str) -> Transaction:
        txn = self.ledger.by_invoice(token.terminal_id, token.invoice_id)
        if txn is None:
            txn_id = str(uuid.uuid4())
            txn = Transaction(txn_id, token.invoice_id, token.terminal_id, token.currency, token.amount, now)
        txn.account_id, txn.description = checkout.account_id, checkout.description
        txn.language = checkout.language
        txn.name, txn.email, txn.phone, txn.data = name, checkout.email, checkout.phone, checkout.data
        txn.card_mask, txn.card_type, txn.issuer = card_mask(pan), card_type(pan), ISSUER
        return self.ledger.add(txn)

    def _digits(self, n: int) -> str:
        return "".join(self._random.choice("0123456789") for _ in range(n))

    def _approve(
        self, txn: Transaction, checkout: Checkout, token: Token, now: datetime, pan: str, *, secure: bool
    ) -> AttemptResult:
        txn.reference, txn.approval_code = self._digits(12), self._digits(6)
        txn.int_reference = f"{self._random.getrandbits(64):016X}"
        txn.reason, txn.reason_code, txn.secure = "success", 0, secure
        txn.amount = txn.org_amount
        if self.config.two_step:
            txn.status, txn.auth_time = PaymentStatus.AUTH, now
            txn.record("auth", txn.amount, now)
        else:
            txn.status = PaymentStatus.CHARGE
            txn.record("charge", txn.amount, now)
        if checkout.card_save and checkout.account_id and not txn.card_id:
            saved = SavedCard(
                CardVault.new_id(), pan, checkout.account_id, token.terminal_id, txn.name,
                txn.id, txn.reference, txn.int_reference, now,
            )  # fmt: skip
            txn.card_id = self.cards.save(saved).id
        self._notify(txn, checkout.post_link or token.post_link, token)
        return AttemptResult(
            "approved", txn.invoice_id, txn.id, txn.status.value, 0, txn.reason, None, txn.card_id or None
        )

    def _decline(
        self,
        txn: Transaction,
        checkout: Checkout,
        token: Token,
        status: PaymentStatus,
        code: int,
        reason: str,
    ) -> AttemptResult:
        txn.status, txn.reason_code, txn.reason, txn.amount = status, code, reason, 0
        self._notify(txn, checkout.failure_post_link or token.failure_post_link, token)
        return AttemptResult("declined", txn.invoice_id, txn.id, status.value, code, reason, None, None)

    def _notify(self, txn: Transaction, url: str, token: Token) -> None:
        self.postlinks.send(url, txn, Echo(token.secret_hash, token.terminal_id))
