"""The machinery under ``EpayClient``: HTTP client ownership, tokens, the retry loop, 401 handling."""

from __future__ import annotations

from collections.abc import Awaitable
from collections.abc import Callable
from typing import TypeVar

import httpx

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.gateway._parse import BodyError
from epay_desktop.gateway._parse import decode_json
from epay_desktop.gateway._responses import server_error
from epay_desktop.gateway._transport import Request
from epay_desktop.gateway._transport import Transport
from epay_desktop.gateway.config import Credentials
from epay_desktop.gateway.config import Endpoints
from epay_desktop.gateway.errors import AuthError
from epay_desktop.gateway.errors import ProtocolError
from epay_desktop.gateway.models import AccessToken
from epay_desktop.gateway.models import PaymentToken
from epay_desktop.gateway.retry import RetryPolicy
from epay_desktop.gateway.retry import UniformSource
from epay_desktop.gateway.retry import default_rng
from epay_desktop.gateway.retry import retrying
from epay_desktop.gateway.tokens import ServiceTokenCache
from epay_desktop.gateway.tokens import parse_payment_token
from epay_desktop.gateway.tokens import parse_token
from epay_desktop.gateway.tokens import payment_token_form
from epay_desktop.gateway.tokens import service_token_form

__all__ = ["Core"]

T = TypeVar("T")

#: A payment token refused with 400: the invoice, not the credentials, is the usual cause.
_INVOICE_REFUSED_MESSAGE = QT_TRANSLATE_NOOP(
    "gateway",
    "The gateway refused to start this payment. Its invoice number may already be taken (the last six "
    "digits must be unique) or used before with another amount: start the payment again with a new "
    "invoice number. If every payment fails like this, check the client ID, client secret and terminal "
    "ID in the settings.",
)


class Core:
    def __init__(
        self,
        endpoints: Endpoints,
        credentials: Credentials,
        *,
        http: httpx.AsyncClient | None,
        timeout: httpx.Timeout | float | None,
        retry: RetryPolicy,
        scope: str,
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]],
        rng: UniformSource | None,
    ) -> None:
        self.endpoints = endpoints
        self.credentials = credentials
        self.scope = scope
        self.retry_policy = retry
        self.clock = clock
        self._sleep = sleep
        self._rng = rng if rng is not None else default_rng()
        self.transport = Transport.over(http, timeout)
        self.tokens = ServiceTokenCache(self._fetch_service_token, clock)

    async def aclose(self) -> None:
        self.tokens.clear()
        await self.transport.aclose()

    # -- retries -----------------------------------------------------------------------------

    async def retrying(self, once: Callable[[], Awaitable[T]]) -> T:
        """Run a safe read, retrying retryable EpayErrors (GatewayUnavailable, ServerError) per the policy."""
        return await retrying(once, self.retry_policy, self._rng, self._sleep)

    # -- tokens ------------------------------------------------------------------------------

    async def _token_body(self, req: Request) -> object:
        """POST a token form once and return the decoded JSON, or raise the matching EpayError."""
        response = await self.transport.send(req)
        status = response.status_code
        if 200 <= status < 300:
            try:
                return decode_json(response.content)
            except BodyError as exc:
                raise ProtocolError(str(exc), operation=req.operation, http_status=status) from None
        if status in (400, 401, 403):
            what = "client ID, client secret or terminal ID"
            user_message = None
            if req.invoice_id is not None:
                what += " (or the invoice number or amount of this payment token)"
                if status == 400:  # usually this invoice (id taken, other amount); the text names both
                    user_message = msg("gateway", _INVOICE_REFUSED_MESSAGE)
            raise AuthError(
                f"token endpoint refused the {what}",
                **req.about(),
                http_status=status,
                user_message=user_message,
            )
        if status == 429 or status >= 500:
            raise server_error(req, response, "token endpoint")
        raise ProtocolError(
            f"token endpoint answered HTTP {status}; check the OAuth URL", **req.about(), http_status=status
        )

    def _token_request(self, operation: str, form: dict[str, str], invoice_id: str | None = None) -> Request:
        """A form POSTed to the OAuth URL: a read (retried; nothing it sends moves money)."""
        return Request(
            operation=operation,
            method="POST",
            url=self.endpoints.oauth_url,
            template="/oauth2/token",
            mutation=False,
            invoice_id=invoice_id,
            form=form,
        )

    async def _fetch_service_token(self, scope: str, terminal: str) -> AccessToken:
        form = service_token_form(self.credentials, scope)
        form["terminal"] = terminal
        req = self._token_request("service_token", form)
        body = await self._token_body(req)
        try:
            return parse_token(body, self.clock())
        except BodyError as exc:
            raise ProtocolError(str(exc), operation=req.operation, http_status=200) from None

    async def payment_token(
        self,
        invoice_id: InvoiceId,
        amount: Money,
        *,
        post_link: str,
        failure_post_link: str,
        secret_hash: str | None,
    ) -> PaymentToken:
        form = payment_token_form(
            self.credentials,
            invoice_id,
            amount,
            scope=self.scope,
            post_link=post_link,
            failure_post_link=failure_post_link,
            secret_hash=secret_hash,
        )
        req = self._token_request("payment_token", form, invoice_id.value)

        async def once() -> PaymentToken:
            body = await self._token_body(req)
            try:
                return parse_payment_token(
                    body, self.clock(), invoice_id, amount, self.credentials.terminal_id
                )
            except BodyError as exc:
                raise ProtocolError(str(exc), **req.about(), http_status=200) from None

        return await self.retrying(once)

    async def service_token(self) -> AccessToken:
        """The cached service token, fetched (one attempt) when missing or close to expiry."""
        return await self.tokens.get(self.scope, self.credentials.terminal_id)

    async def service_token_with_retries(self) -> AccessToken:
        return await self.retrying(self.service_token)

    # -- authenticated calls -----------------------------------------------------------------

    async def authed_send(
        self, req: Request, get_token: Callable[[], Awaitable[AccessToken]]
    ) -> httpx.Response:
        """Send with a service token; on 401 refresh once and replay once; a second 401 is AuthError."""
        token = await get_token()
        response = await self.transport.send(req, authorization=token.authorization)
        if response.status_code != 401:
            return response
        self.tokens.invalidate(self.scope, self.credentials.terminal_id, token)
        token = await get_token()
        response = await self.transport.send(req, authorization=token.authorization, replay=True)
        if response.status_code == 401:
            raise AuthError(
                "gateway answered 401 twice, the second time to a freshly issued token",
                **req.about(),
                http_status=401,
                user_message=(
                    msg(
                        "gateway",
                        QT_TRANSLATE_NOOP(
                            "gateway",
                            "Gateway authentication failed: even a freshly issued token was refused. Check "
                            "the client ID, client secret and terminal ID in the settings.",
                        ),
                    )
                ),
            )
        return response

    async def read(self, req: Request, interpret: Callable[[httpx.Response], T]) -> T:
        """A safe, retried, service-token read."""

        async def once() -> T:
            return interpret(await self.authed_send(req, self.service_token))

        return await self.retrying(once)

    async def mutate(self, req: Request) -> httpx.Response:
        """A mutation, sent once (plus one replay after a 401). The token fetch itself is retried."""
        return await self.authed_send(req, self.service_token_with_retries)
