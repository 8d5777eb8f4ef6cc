"""Paying with a customer's saved card (epay-api.md §8): list the cards, charge one.

Intent before effect: a charge starts the way every payment starts, with
:meth:`PaymentService.start_payment` (the invoice id allocated and the payment saved NEW, then
PENDING with its token, in committed transactions) *before* ``POST /payments/cards/auth`` leaves;
what followed is stored through PaymentService's public ``mark_*`` methods and ``refresh_status``.
This module never writes a payment row itself (tests/unit/test_payment_seam.py). The answer of that
call is only a hint: the stored status comes from check-status. A lost answer leaves the payment
UNKNOWN for the poller to resolve; it is never re-sent.

3-D Secure (docs/decisions/0040): a terminal that asks for it answers ``secure3D``. That is neither paid
nor failed: :meth:`SavedCardService.charge_saved_card` returns the payment (PENDING) with the
:class:`Secure3DForm` the customer's browser must post to the issuer; the outcome still comes from
check-status only. The back links ride along so the gateway's TermUrl can send the window back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime
from urllib.parse import quote

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import User
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.checkout import validate_checkout
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.gateway import Declined
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import EpayError
from epay_desktop.gateway import OutcomeUnknown
from epay_desktop.gateway.cards import Secure3DForm
from epay_desktop.gateway.cards import secure3d_form
from epay_desktop.services.payments.checkout import DEFAULT_BACK_LINK_BASE
from epay_desktop.services.payments.payment_service import PaymentService
from epay_desktop.store.db import Store

__all__ = ["CardOnFile", "SavedCardCharge", "SavedCardService", "Secure3DForm"]

log = logging.getLogger(__name__)

_UNSETTLED = frozenset({ConsoleStatus.NEW, ConsoleStatus.PENDING})


@dataclass(frozen=True, slots=True)
class CardOnFile:
    """A saved card as the console shows it: never the card token or hash."""

    id: str
    mask: str
    payer_name: str
    payment_available: bool
    created: str


@dataclass(frozen=True, slots=True)
class SavedCardCharge:
    """A saved-card charge as sent: the payment as check-status then saw it, and any 3-D Secure step."""

    payment: Payment
    #: The issuer's page the customer must still pass (payment unsettled), else None.
    secure3d: Secure3DForm | None = None


class SavedCardService:
    """Saved-card payments on top of :class:`PaymentService`'s public methods; the store (the
    deactivation's audit entry), the gateway client and the clock are handed in, not borrowed from it."""

    def __init__(
        self, payments: PaymentService, store: Store, gateway: EpayClient, clock: Callable[[], datetime]
    ) -> None:
        self._payments = payments
        self._store = store
        self._gateway = gateway
        self._clock = clock

    async def list_cards(self, account_id: str) -> list[CardOnFile]:
        """``GET /cards/{accountId}`` (read-only); no cards gives ``[]``. Raises EpayError, ConsoleError."""
        account = _account(account_id)
        cards = await self._gateway.list_cards(account)
        return [
            CardOnFile(c.id, c.card_mask, c.payer_name, c.payment_available, c.created_date) for c in cards
        ]

    async def deactivate_card(self, actor: User, account_id: str, card_id: str) -> None:
        """Forget one of ``account_id``'s saved cards at the gateway (``POST /card/deactivate/{id}``).

        Managers and admins only (docs/decisions/0019): a cashier gets PermissionDenied and nothing
        is sent. The card must be one of the account's listed cards (ConsoleError otherwise). Side
        effects: the gateway call (sent once), then audit ``card.deactivated`` with the card's mask.
        Raises EpayError when the gateway refused or could not be asked (then nothing is audited).
        """
        if not actor.active:
            raise PermissionDenied(
                msg("payments", QT_TRANSLATE_NOOP("payments", "This user account is deactivated."))
            )
        if not actor.role.can_move_money:
            raise PermissionDenied(
                msg(
                    "payments",
                    QT_TRANSLATE_NOOP("payments", "Only a manager can deactivate a customer's saved card."),
                )
            )
        account = _account(account_id)
        card = next((c for c in await self.list_cards(account) if c.id == card_id.strip()), None)
        if card is None:
            raise ConsoleError(
                msg(
                    "payments",
                    QT_TRANSLATE_NOOP(
                        "payments", "This card is no longer saved for the customer; show the cards again."
                    ),
                )
            )
        await self._gateway.deactivate_card(card.id)
        log.info("event=saved_card_deactivated account=%s", account)
        details = {"account_id": account, "card": card.mask}
        subject, now = f"card:{card.id}", self._clock()
        await self._store.run_write(
            lambda tx: tx.audit.append(actor.id, "card.deactivated", subject, details, at=now)
        )

    async def charge_saved_card(self, actor: User, card_id: str, request: CheckoutRequest) -> SavedCardCharge:
        """Charge ``card_id`` of the customer ``request.account_id`` for ``request`` (its amount,
        description, contacts and page language; a saved card is not saved again and its holder's name is
        the bank's, so ``save_card`` and ``name`` are not used) and return the payment as check-status
        then saw it.

        Side effects: :meth:`PaymentService.start_payment` (the invoice id, the payment NEW with audit
        ``payment.created`` and ``saved_card``, then PENDING with the token expiry); then sends the
        charge once. Outcome: the stored status after check-status (CHARGE/AUTH, REJECT...), or UNKNOWN
        when the answer was lost or the status could not be read (the poller resolves it). Raises
        RuleViolation/ConsoleError on bad input (nothing allocated), PermissionDenied, and EpayError
        when the charge was certainly not applied (token refused, gateway unreachable, bad request);
        the payment is then EXPIRED with the reason (a token not issued: as
        :meth:`PaymentService.start_payment` says). When the gateway answers ``secure3D`` and
        check-status still shows the payment unsettled, ``secure3d`` is the form for the issuer's page
        (the payment stays PENDING and polled; nothing is re-sent).
        """
        account = _account(request.account_id or "")
        if not card_id.strip():
            raise ConsoleError(
                msg("payments", QT_TRANSLATE_NOOP("payments", "Choose one of the customer's saved cards."))
            )
        data = validate_checkout(replace(request, account_id=account, save_card=False, name=None))
        svc = self._payments
        started = await svc.start_payment(actor, data, saved_card=True)
        payment, token = started.payment, started.token
        invoice = payment.invoice_id
        log.info("event=saved_card_payment_sending invoice=%s amount=%s", invoice, data.amount.iso())
        declined: Declined | None = None
        form: Secure3DForm | None = None
        base = DEFAULT_BACK_LINK_BASE.rstrip("/")
        back = f"?invoice={quote(invoice.value, safe='')}"
        try:
            result = await self._gateway.pay_with_saved_card(
                token, invoice, data.amount, card_id.strip(), account, description=payment.description,
                email=data.email or "", phone=data.phone or "", language=data.language,
                back_link=f"{base}/ok{back}", failure_back_link=f"{base}/fail{back}",
            )  # fmt: skip
        except OutcomeUnknown:
            log.warning("event=saved_card_payment_unknown invoice=%s", invoice)
            return SavedCardCharge(await svc.mark_unknown(invoice))
        except Declined as exc:
            declined = exc
        except EpayError as exc:  # AuthError, GatewayUnavailable, other refusals: not applied
            log.warning("event=saved_card_payment_not_sent invoice=%s error=%s", invoice, exc)
            await svc.mark_not_made(invoice, f"saved-card payment not made: {exc.user_message}")
            raise
        else:
            term_url = f"{self._gateway.endpoints.api_url.rstrip('/')}/payments/cards/confirmPayment"
            form = secure3d_form(result.secure3d, f"{term_url}?Access={quote(token.access_token, safe='')}")
            if form is not None:
                log.info("event=saved_card_payment_secure3d invoice=%s", invoice)
        settled = await self._settle(invoice, declined)
        if form is not None and (settled.status in _UNSETTLED or settled.status is ConsoleStatus.UNKNOWN):
            return SavedCardCharge(settled, form)
        return SavedCardCharge(settled)

    async def _settle(self, invoice: InvoiceId, declined: Declined | None) -> Payment:
        """Ask check-status what happened; a decline the gateway does not list yet is stored as REJECT."""
        try:
            payment = await self._payments.refresh_status(invoice)
        except EpayError:
            return await self._payments.mark_unknown(invoice)
        if declined is not None and payment.status in _UNSETTLED:
            return await self._payments.mark_declined(invoice, declined.user_message)
        return payment


def _account(account_id: str) -> str:
    account = (account_id or "").strip()
    if not account:
        raise ConsoleError(
            msg("payments", QT_TRANSLATE_NOOP("payments", "Enter the customer id whose saved cards to use."))
        )
    validate_checkout(CheckoutRequest(Money(100), account_id=account))  # the same format rule as checkout
    return account
