"""The sandbox's whole state and the customer's side of a payment.

``SandboxState`` owns the tokens, the ledger, the saved cards, the armed faults and the
postLink sender. The hosted payment page, ``POST /sandbox/pay`` and the saved-card API all
pay through :meth:`SandboxState.submit_card` / :meth:`confirm_3ds` /
:meth:`pay_with_saved_card`. Everything runs on one event loop; nothing here blocks.
"""

from __future__ import annotations

import base64
import random
import secrets
import uuid
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from epay_desktop.domain import PaymentStatus
from epay_desktop.sandbox.amounts import parse_amount
from epay_desktop.sandbox.amounts import to_decimal
from epay_desktop.sandbox.cards import THREE_DS_CODE
from epay_desktop.sandbox.cards import CardVault
from epay_desktop.sandbox.cards import MaskedCard
from epay_desktop.sandbox.cards import SavedCard
from epay_desktop.sandbox.cards import behaviour_of
from epay_desktop.sandbox.cards import card_mask
from epay_desktop.sandbox.cards import check_cvc
from epay_desktop.sandbox.cards import expiry_passed
from epay_desktop.sandbox.cards import normalize_pan
from epay_desktop.sandbox.config import SandboxConfig
from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.faults import FaultBook
from epay_desktop.sandbox.ledger import Attempt
from epay_desktop.sandbox.ledger import Ledger
from epay_desktop.sandbox.ledger import Transaction
from epay_desktop.sandbox.models import AttemptResult
from epay_desktop.sandbox.models import CardInput
from epay_desktop.sandbox.models import Checkout
from epay_desktop.sandbox.models import CheckoutInfo
from epay_desktop.sandbox.models import SavedCardPayment
from epay_desktop.sandbox.postlink import Echo
from epay_desktop.sandbox.postlink import PostLinkSender
from epay_desktop.sandbox.tokens import Token
from epay_desktop.sandbox.tokens import TokenStore

__all__ = [
    "AcsAnswer",
    "AcsPrompt",
    "AttemptResult",
    "CardInput",
    "Checkout",
    "CheckoutInfo",
    "SandboxError",
    "SandboxState",
    "SavedCardPayment",
]


@dataclass(slots=True)
class _Challenge:
    """A 3-D Secure step waiting at the issuer's ACS. ``md`` (its key) and ``pa_req`` are opaque
    random strings; neither carries the card number, which stays here, in memory."""

    md: str
    txn_id: str
    attempt: int
    pan: str
    checkout: Checkout
    token: Token
    pa_req: str
    term_url: str
    context: object
    pa_res: str = ""  # set once the customer has answered at the ACS
    passed: bool = False


@dataclass(frozen=True, slots=True)
class AcsPrompt:
    """What the issuer's page shows for one challenge (no full card number)."""

    md: str
    shop_name: str
    amount: Decimal
    currency: str
    card_mask: str
    language: str
    term_url: str


@dataclass(frozen=True, slots=True)
class AcsAnswer:
    """What the ACS posts back to TermUrl."""

    md: str
    pa_res: str
    term_url: str
    passed: bool


@dataclass(slots=True)
class SandboxState:
    config: SandboxConfig = field(default_factory=SandboxConfig)
    tokens: TokenStore = field(default_factory=TokenStore)
    cards: CardVault = field(default_factory=CardVault)
    faults: FaultBook = field(default_factory=FaultBook)
    ledger: Ledger = field(init=False)
    postlinks: PostLinkSender = field(init=False)
    #: Where the issuer's ACS is served (``http://127.0.0.1:PORT``) when it has its own listener;
    #: empty: on the gateway's own origin under ``/acs`` (in-process tests, ``--acs-same-origin``).
    acs_base_url: str = field(default="", init=False)
    _challenges: dict[str, _Challenge] = field(default_factory=dict, init=False)
    _random: random.Random = field(default_factory=random.Random, init=False)

    def __post_init__(self) -> None:
        self._build_from_config()

    def _build_from_config(self) -> None:
        """The parts made from the config: the ledger (its AUTH hold time) and the postLink sender
        (its clock and timeout)."""
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

    def reconfigure(self, config: SandboxConfig) -> None:
        """Become a fresh gateway with ``config``, as if just started with it: no ledger, saved card,
        3-D Secure challenge, armed fault, held answer or token of before, and a new ledger and
        postLink sender made from ``config``."""
        self.reset(tokens=True)
        self.config = config
        self._build_from_config()

    def acs_url(self, gateway_origin: str) -> str:
        """The ACS's form address (where MD/PaReq/TermUrl are posted), seen from this gateway origin."""
        return f"{self.acs_base_url or gateway_origin.rstrip('/')}/acs/auth"

    # -- the customer's payment -----------------------------------------------------------

    def validate_checkout(self, checkout: Checkout) -> CheckoutInfo:
        """What the payment page shows; SandboxError if the checkout cannot be paid."""
        token = self._checkout_token(checkout)
        return CheckoutInfo(
            invoice_id=token.invoice_id,
            amount=to_decimal(token.amount),
            currency=token.currency,
            description=checkout.order.description,
            shop_name=self.config.shop_name,
            expires_at=token.expires_at,
        )

    async def submit_card(
        self, checkout: Checkout, card: CardInput, *, term_url: str = "", context: object = None
    ) -> AttemptResult:
        """One payment attempt with a typed card. Format errors raise and record nothing.

        A 3-D Secure card answers ``needs_3ds`` with ``challenge_id`` (the MD) and ``pa_req``; the
        customer then answers at the ACS, which posts back to ``term_url`` (``context`` is kept for
        whoever serves it) and :meth:`finish_3ds` ends the attempt.
        """
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
            challenge = self._challenge(txn, pan, checkout, token, term_url, context)
            reason = "3-D Secure required"
            return AttemptResult(
                "needs_3ds", txn.invoice_id, txn.id, "NEW", 0, reason, challenge.md, None,
                pa_req=challenge.pa_req, attempts_left=txn.attempts_left,
            )  # fmt: skip
        return self._approve(txn, checkout, token, now, pan, secure=False)

    def acs_prompt(self, md: str, pa_req: str) -> AcsPrompt:
        """The issuer's page for ``MD``/``PaReq`` as posted to the ACS; SandboxError 843 if unknown."""
        challenge = self._challenges.get(md)
        if challenge is None or challenge.pa_res or not secrets.compare_digest(challenge.pa_req, pa_req):
            raise SandboxError(Code.NO_CHALLENGE, "unknown or finished 3-D Secure request", 404)
        return self._prompt(challenge)

    def acs_prompt_again(self, md: str) -> AcsPrompt:
        """The issuer's page once more (a mistyped code), for a challenge still waiting for its answer."""
        challenge = self._challenges.get(md)
        if challenge is None or challenge.pa_res:
            raise SandboxError(Code.NO_CHALLENGE, "unknown or finished 3-D Secure request", 404)
        return self._prompt(challenge)

    def _prompt(self, challenge: _Challenge) -> AcsPrompt:
        token, md = challenge.token, challenge.md
        return AcsPrompt(
            md, self.config.shop_name, to_decimal(token.amount), token.currency,
            card_mask(challenge.pan), challenge.checkout.order.language, challenge.term_url,
        )  # fmt: skip

    def acs_answer(self, md: str, code: str | None) -> AcsAnswer:
        """The customer answered at the ACS: ``000000`` passes, any other code (or None, "cancel")
        fails. Returns the PaRes to post to TermUrl; the attempt ends only when TermUrl receives it."""
        challenge = self._challenges.get(md)
        if challenge is None or challenge.pa_res:
            raise SandboxError(Code.NO_CHALLENGE, "unknown or finished 3-D Secure request", 404)
        challenge.passed = code is not None and code.strip() == THREE_DS_CODE
        challenge.pa_res = _opaque(48)
        return AcsAnswer(md, challenge.pa_res, challenge.term_url, challenge.passed)

    def challenge_context(self, md: str) -> object:
        """What the caller of :meth:`submit_card` kept with a challenge (None if unknown)."""
        challenge = self._challenges.get(md)
        return None if challenge is None else challenge.context

    def challenge_token(self, md: str) -> str | None:
        challenge = self._challenges.get(md)
        return None if challenge is None else challenge.token.access_token

    async def finish_3ds(self, md: str, pa_res: str) -> AttemptResult:
        """TermUrl received ``PaRes``/``MD`` from the ACS: end the attempt (approve, or 3D/473)."""
        challenge = self._challenges.get(md)
        if challenge is None or not challenge.pa_res or not secrets.compare_digest(challenge.pa_res, pa_res):
            raise SandboxError(Code.NO_CHALLENGE, "unknown or finished 3-D Secure challenge", 404)
        del self._challenges[md]
        now = self.now()
        txn = self.ledger.get(challenge.txn_id, challenge.token.terminal_id)
        txn.secure = True
        if txn.attempts:
            txn.attempts[-1].secure = True
        if challenge.passed:
            return self._approve(txn, challenge.checkout, challenge.token, now, challenge.pan, secure=True)
        failed = "3-D Secure authentication failed"
        return self._decline(txn, challenge.checkout, challenge.token, PaymentStatus.THREE_DS, 473, failed)

    async def confirm_3ds(self, challenge_id: str, code: str) -> AttemptResult:
        """Answer at the ACS and post back to TermUrl in one step (the control API's shortcut):
        ``000000`` approves, anything else fails with 473."""
        answer = self.acs_answer(challenge_id, code)
        return await self.finish_3ds(answer.md, answer.pa_res)

    async def pay_with_saved_card(
        self, checkout: Checkout, card_id: str, *, term_url: str = "", context: object = None
    ) -> SavedCardPayment:
        """``/payments/cards/auth``: pay the checkout's invoice with a saved card. A 3-D Secure card
        leaves the attempt NEW with a challenge (``secure3D`` in the answer), finished via TermUrl."""
        token = self._checkout_token(checkout)
        card = self.cards.get(card_id, token.terminal_id)
        if not card.active:
            raise SandboxError(Code.CARD_DEACTIVATED, "card is deactivated")
        if card.account_id != checkout.order.account_id:
            raise SandboxError(Code.ACCOUNT_MISMATCH, "accountId does not match the saved card's")
        now = self.now()
        txn = self._attempt(checkout, token, now, card.pan, checkout.order.name or card.payer_name)
        txn.card_id = card.id
        if behaviour_of(card.pan).kind == "3ds":
            challenge = self._challenge(txn, card.pan, checkout, token, term_url, context)
            return SavedCardPayment(txn, challenge.md, challenge.pa_req)
        self._approve(txn, checkout, token, now, card.pan, secure=False)
        return SavedCardPayment(txn)

    # -- helpers --------------------------------------------------------------------------

    def _challenge(
        self, txn: Transaction, pan: str, checkout: Checkout, token: Token, term_url: str, context: object
    ) -> _Challenge:
        for md in [m for m, ch in self._challenges.items() if ch.txn_id == txn.id]:
            del self._challenges[md]
        md = _opaque(32)
        number = len(txn.attempts)
        challenge = _Challenge(md, txn.id, number, pan, checkout, token, _opaque(96), term_url, context)
        self._challenges[md] = challenge
        return challenge

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
        if txn is not None and txn.approved:
            raise SandboxError(Code.INVOICE_FINAL, f"invoice {token.invoice_id} was already paid or declined")
        if txn is not None and txn.attempts_left == 0:
            raise SandboxError(
                Code.ATTEMPTS_EXCEEDED, f"You have exceeded the number of {txn.max_attempts} transactions"
            )
        return token

    def _attempt(self, checkout: Checkout, token: Token, now: datetime, pan: str, name: str) -> Transaction:
        txn = self.ledger.by_invoice(token.terminal_id, token.invoice_id)
        if txn is None:
            txn_id = str(uuid.uuid4())
            txn = Transaction(txn_id, token.invoice_id, token.terminal_id, token.currency, token.amount, now)
            txn.max_attempts = max(1, self.config.max_attempts)
        for earlier in txn.attempts:
            if earlier.status is PaymentStatus.NEW:  # a 3-D Secure step left unanswered
                earlier.status, earlier.reason_code = PaymentStatus.THREE_DS, 473
                earlier.reason = "3-D Secure not completed"
        txn.order = replace(checkout.order, name=name)
        txn.card = MaskedCard.of(pan)
        txn.card_id = ""  # a saved card's id belongs to its own attempt (pay_with_saved_card sets it)
        # check-status shows the latest attempt: it starts afresh
        txn.status, txn.reason_code, txn.reason, txn.secure = PaymentStatus.NEW, 0, "", False
        txn.attempts.append(Attempt(len(txn.attempts) + 1, now, txn.card))
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
        if checkout.card_save and checkout.order.account_id and not txn.card_id:
            saved = SavedCard(
                CardVault.new_id(), pan, checkout.order.account_id, token.terminal_id, txn.order.name,
                txn.id, txn.reference, txn.int_reference, now,
            )  # fmt: skip
            txn.card_id = self.cards.save(saved).id
        self._end_attempt(txn)
        self._notify(txn, checkout.post_links.success or token.post_links.success, token)
        return AttemptResult(
            "approved", txn.invoice_id, txn.id, txn.status.value, 0, txn.reason, None, txn.card_id or None,
            reference=txn.reference,
        )  # fmt: skip

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
        self._end_attempt(txn)
        self._notify(txn, checkout.post_links.failure or token.post_links.failure, token)
        # Another attempt is possible while attempts are left and the token lives.
        left = txn.attempts_left if self.now() < token.expires_at and not token.revoked else 0
        return AttemptResult(
            "declined", txn.invoice_id, txn.id, status.value, code, reason, None, None, attempts_left=left
        )

    @staticmethod
    def _end_attempt(txn: Transaction) -> None:
        if txn.attempts:
            latest = txn.attempts[-1]
            latest.status, latest.reason_code, latest.reason = txn.status, txn.reason_code, txn.reason
            latest.secure, latest.reference = txn.secure, txn.reference

    def _notify(self, txn: Transaction, url: str, token: Token) -> None:
        self.postlinks.send(url, txn, Echo(token.secret_hash, token.terminal_id))


def _opaque(n: int) -> str:
    """Random URL-safe text of about ``n`` characters (MD, PaReq, PaRes)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(n * 3 // 4)).decode("ascii")
