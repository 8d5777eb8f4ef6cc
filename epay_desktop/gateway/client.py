"""``EpayClient``: one async method per ePay endpoint (epay-api.md §2, §5, §6, §8).

Reads (tokens, check-status, card list) are retried with capped, jittered backoff on transport
failures, 5xx, 429 and resultCode 103. Mutations (charge, cancel, refund, card deactivation,
saved-card payment) are sent once: a connect failure is GatewayUnavailable (nothing was sent);
anything unclear after sending is OutcomeUnknown, to be resolved by check-status, never by
re-sending. A 401 to a service-token call drops the token, fetches a new one and replays the call
once (the gateway refused it before applying anything); a second 401 is AuthError.

Nothing here knows about the sandbox: the same code runs against the real hosts.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable
from collections.abc import Callable
from types import TracebackType
from urllib.parse import quote

import httpx

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.gateway import _responses
from epay_desktop.gateway._core import Core
from epay_desktop.gateway._transport import DEFAULT_TIMEOUT
from epay_desktop.gateway._transport import Request
from epay_desktop.gateway.cards import saved_card_payment_body
from epay_desktop.gateway.config import Credentials
from epay_desktop.gateway.config import Endpoints
from epay_desktop.gateway.errors import AuthError
from epay_desktop.gateway.models import CardPaymentResult
from epay_desktop.gateway.models import OperationResult
from epay_desktop.gateway.models import PaymentToken
from epay_desktop.gateway.models import SavedCard
from epay_desktop.gateway.models import StatusResult
from epay_desktop.gateway.retry import RetryPolicy
from epay_desktop.gateway.retry import UniformSource
from epay_desktop.gateway.tokens import DEFAULT_SCOPE

__all__ = ["DEFAULT_TIMEOUT", "EpayClient"]


def _seg(value: str) -> str:
    """A path segment, percent-encoded so an id can never change the path."""
    return quote(value, safe="")


class EpayClient:
    """Async client of the real Halyk ePay API.

    ``http``: an ``httpx.AsyncClient`` to use (its owner closes it); if None the client creates its
    own and :meth:`aclose` closes it. ``timeout``: seconds or ``httpx.Timeout`` (default
    :data:`DEFAULT_TIMEOUT`; with a caller's ``http`` and no timeout, that client's own applies).
    ``retry``: the policy for safe reads. ``clock`` (monotonic seconds), ``sleep`` and ``rng`` are
    injectable for tests. Create it inside the event loop that will use it.
    """

    def __init__(
        self,
        endpoints: Endpoints,
        credentials: Credentials,
        *,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout | float | None = None,
        retry: RetryPolicy | None = None,
        scope: str = DEFAULT_SCOPE,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: UniformSource | None = None,
    ) -> None:
        self._core = Core(
            endpoints,
            credentials,
            http=http,
            timeout=timeout,
            retry=retry if retry is not None else RetryPolicy(),
            scope=scope,
            clock=clock,
            sleep=sleep,
            rng=rng,
        )
        self._api = endpoints.api_url

    @property
    def endpoints(self) -> Endpoints:
        return self._core.endpoints

    # -- tokens ------------------------------------------------------------------------------

    async def get_payment_token(
        self,
        invoice_id: InvoiceId,
        amount: Money,
        *,
        post_link: str = "",
        failure_post_link: str = "",
        secret_hash: str | None = None,
    ) -> PaymentToken:
        """``POST {oauth_url}`` (form) for an invoice-bound token; never cached, one per payment.

        Sends grant_type, scope, client_id, client_secret, terminal, invoiceID, amount (decimal
        tenge), currency, postLink, failurePostLink and ``secret_hash`` when given. The result keeps
        the whole response for the widget (:meth:`PaymentToken.auth_object`). Retried like a read.
        Raises AuthError (400/401/403: credentials, terminal, or this invoice/amount refused),
        GatewayUnavailable, ServerError, ProtocolError. No side effects at the gateway beyond the token.
        """
        return await self._core.payment_token(
            invoice_id,
            amount,
            post_link=post_link,
            failure_post_link=failure_post_link,
            secret_hash=secret_hash,
        )

    def forget_tokens(self) -> None:
        """Drop cached service tokens (logout, screen lock, changed credentials). No network."""
        self._core.tokens.clear()

    # -- status ------------------------------------------------------------------------------

    async def check_status(self, invoice_id: InvoiceId) -> StatusResult:
        """``GET {api}/check-status/payment/transaction/{invoiceId}`` with the service token.

        Returns StatusFound (resultCode 100, full Transaction), StatusNotFound (102: no attempt yet)
        or StatusInProgress (107). Raises ServerError (103, 5xx, 429 after retries),
        TerminalConfigError (104/106/109), InvalidRequest (101), NotFound (404), AuthError,
        GatewayUnavailable, ProtocolError (unreadable answer or amounts, unknown resultCode; an
        unknown statusName is kept, not an error).
        Read-only; retried.
        """
        req = self._request(
            "check_status",
            "/check-status/payment/transaction/{invoiceId}",
            invoice_id.value,
            mutation=False,
            invoice_id=invoice_id.value,
        )
        return await self._core.read(req, lambda response: _responses.status_result(req, response))

    # -- operations on a transaction -----------------------------------------------------------

    def _request(
        self,
        operation: str,
        template: str,
        segment: str = "",
        *,
        mutation: bool,
        invoice_id: str | None = None,
        transaction_id: str | None = None,
        params: dict[str, str] | None = None,
        content: bytes | None = None,
    ) -> Request:
        """A call to ``{api}{template}``, its ``{placeholder}`` (if any) filled with ``segment``,
        percent-encoded. A mutation is POSTed, a read is a GET; a body (``content``) is JSON."""
        path = re.sub(r"\{\w+\}", lambda _: _seg(segment), template)
        return Request(
            operation=operation,
            method="POST" if mutation else "GET",
            url=f"{self._api}{path}",
            template=template,
            mutation=mutation,
            invoice_id=invoice_id,
            transaction_id=transaction_id,
            params=params,
            content=content,
            content_type=None if content is None else "application/json",
        )

    def _operation(self, name: str, transaction_id: str, params: dict[str, str] | None = None) -> Request:
        template = f"/operation/{{id}}/{name}"
        return self._request(
            name,
            template,
            transaction_id,
            mutation=True,
            transaction_id=transaction_id,
            params=params or None,
        )

    async def charge(self, transaction_id: str, amount: Money | None = None) -> OperationResult:
        """``POST {api}/operation/{id}/charge[?amount=]``: capture a held (AUTH) payment, fully or in part.

        ``transaction_id`` is the gateway transaction id (``Transaction.id``), not the invoice id.
        Moves money. Sent once, never retried. Raises OutcomeUnknown (sent, no clear answer: ask
        check-status), GatewayUnavailable (not sent), InvalidState, InvalidRequest, NotFound, AuthError.
        """
        params = {"amount": _positive(amount).gateway_str()} if amount is not None else None
        req = self._operation("charge", transaction_id, params)
        return _responses.operation_result(req, await self._core.mutate(req), amount=amount)

    async def cancel(self, transaction_id: str) -> OperationResult:
        """``POST {api}/operation/{id}/cancel``: release a held (AUTH) payment in full.

        Moves money (releases the hold). Sent once. Errors as for :meth:`charge`.
        """
        req = self._operation("cancel", transaction_id)
        return _responses.operation_result(req, await self._core.mutate(req))

    async def refund(
        self, transaction_id: str, amount: Money | None = None, external_id: str | None = None
    ) -> OperationResult:
        """``POST {api}/operation/{id}/refund[?amount=&externalID=]``: refund a CHARGE, fully or in part.

        ``amount`` as decimal tenge (gateway minimum 10 ₸); none means the full amount. ``external_id``
        is the merchant's refund id: generate it once per intended refund and reuse it. Moves money.
        Sent once, never retried. Errors as for :meth:`charge`.
        """
        params: dict[str, str] = {}
        if amount is not None:
            params["amount"] = _positive(amount).gateway_str()
        if external_id is not None:
            params["externalID"] = external_id
        req = self._operation("refund", transaction_id, params)
        response = await self._core.mutate(req)
        return _responses.operation_result(req, response, amount=amount, external_id=external_id)

    # -- saved cards ---------------------------------------------------------------------------

    async def list_cards(self, account_id: str) -> list[SavedCard]:
        """``GET {api}/cards/{accountId}``: the customer's saved cards; ``{"code": 1373}`` is an empty list.

        Read-only; retried. Raises AuthError, GatewayUnavailable, ServerError, NotFound, ProtocolError.
        """
        req = self._request("list_cards", "/cards/{accountId}", account_id, mutation=False)
        return await self._core.read(req, lambda response: _responses.card_list(req, response))

    async def deactivate_card(self, card_id: str) -> OperationResult:
        """``POST {api}/card/deactivate/{cardId}``: forget a saved card.

        ``message`` of the result is the gateway's ``status`` text.

        Changes state at the gateway; sent once. Errors as for :meth:`charge`.
        """
        req = self._request(
            "deactivate_card", "/card/deactivate/{cardId}", card_id, mutation=True, transaction_id=card_id
        )
        return _responses.operation_result(req, await self._core.mutate(req))

    async def pay_with_saved_card(
        self,
        token: PaymentToken,
        invoice_id: InvoiceId,
        amount: Money,
        card_id: str,
        account_id: str,
        *,
        description: str,
        email: str = "",
        phone: str = "",
        name: str = "",
        language: str = "rus",
        invoice_id_alt: str | None = None,
        back_link: str = "",
        failure_back_link: str = "",
        post_link: str = "",
        failure_post_link: str = "",
    ) -> CardPaymentResult:
        """``POST {api}/payments/cards/auth`` (JSON, Bearer = ``token``): charge a saved card.

        ``token`` must come from :meth:`get_payment_token` for this invoice and amount (else
        ValueError, nothing sent). Moves money; sent once, never retried, no token refresh. Raises
        Declined (400, or a REJECT/FAILED/3D status; ``reason_code`` says why), OutcomeUnknown (sent,
        no clear answer), GatewayUnavailable (not sent), AuthError (token refused: get a new one).
        A result with ``requires_3ds`` still needs the 3-D Secure step.
        """
        if token.invoice_id != invoice_id or token.amount != amount:
            raise ValueError("the payment token was issued for a different invoice or amount")
        body = saved_card_payment_body(
            amount=amount,
            invoice_id=invoice_id,
            terminal_id=self._core.credentials.terminal_id,
            card_id=card_id,
            account_id=account_id,
            description=description,
            email=email,
            phone=phone,
            name=name,
            language=language,
            invoice_id_alt=invoice_id_alt,
            back_link=back_link,
            failure_back_link=failure_back_link,
            post_link=post_link,
            failure_post_link=failure_post_link,
        )
        req = self._request(
            "pay_with_saved_card",
            "/payments/cards/auth",
            mutation=True,
            invoice_id=invoice_id.value,
            content=body,
        )
        response = await self._core.transport.send(req, authorization=token.authorization)
        if response.status_code == 401:
            raise AuthError(
                "payment token refused (401)",
                **req.about(),
                http_status=401,
                user_message=msg(
                    "gateway",
                    QT_TRANSLATE_NOOP(
                        "gateway",
                        "The payment authorisation expired before it was used. Start the payment again.",
                    ),
                ),
            )
        return _responses.card_payment(req, response, amount)

    # -- lifetime ------------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Forget tokens and close the HTTP client if this object created it."""
        await self._core.aclose()

    async def __aenter__(self) -> EpayClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"EpayClient(api_url={self._api!r}, client_id={self._core.credentials.client_id!r})"


def _positive(amount: Money) -> Money:
    if not amount:
        raise ValueError("an explicit amount must be above zero; pass None for the full amount")
    return amount
