"""``WebkassaClient``: the fiscal provider interface over Webkassa's integrator API v4 (fiscal.md §1).

Every call is ``POST`` JSON with the ``x-api-key`` header; every call but ``Authorize`` carries the session
``Token`` in its body. The token is asked for once per login and kept in memory only (the gateway's
single-flight :class:`~epay_desktop.gateway.tokens.ServiceTokenCache`); when the answer says it expired
or is not authorised (codes 2, 3) the client logs in again and repeats the same request once.

The wire is the gateway's :class:`~epay_desktop.gateway._transport.Transport` (one log line per exchange
naming the path template, status, time and attempt; never a header or body) and its retry loop: reads and
receipts are retried on retryable errors. A receipt may be repeated because its ``ExternalCheckNumber`` is
the idempotency key: a repeat of a registered one answers error 14 with the receipt registered then, read
back as success (``already_registered``). Decide on the body, not the HTTP status (fiscal.md §1.2).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from functools import partial
from typing import Any
from typing import Final
from typing import TypeVar

import httpx

from epay_desktop.fiscal.errors import FiscalAuthError
from epay_desktop.fiscal.errors import FiscalError
from epay_desktop.fiscal.errors import FiscalNotFound
from epay_desktop.fiscal.errors import FiscalOutcomeUnknown
from epay_desktop.fiscal.errors import FiscalProtocolError
from epay_desktop.fiscal.errors import FiscalUnavailable
from epay_desktop.fiscal.errors import refusal_for
from epay_desktop.fiscal.models import FiscalReceipt
from epay_desktop.fiscal.models import FiscalReturn
from epay_desktop.fiscal.models import FiscalSale
from epay_desktop.fiscal.models import PaperKind
from epay_desktop.fiscal.models import PrintLine
from epay_desktop.fiscal.models import RegisterReceipt
from epay_desktop.fiscal.models import ShiftReport
from epay_desktop.fiscal.models import ShiftState
from epay_desktop.fiscal.webkassa_wire import check_fields
from epay_desktop.fiscal.webkassa_wire import dump
from epay_desktop.fiscal.webkassa_wire import envelope
from epay_desktop.fiscal.webkassa_wire import history_item
from epay_desktop.fiscal.webkassa_wire import history_receipts
from epay_desktop.fiscal.webkassa_wire import parse_print_lines
from epay_desktop.fiscal.webkassa_wire import parse_receipt
from epay_desktop.fiscal.webkassa_wire import parse_report
from epay_desktop.gateway._parse import BodyError
from epay_desktop.gateway._parse import decode_json
from epay_desktop.gateway._parse import get_text
from epay_desktop.gateway._parse import require_mapping
from epay_desktop.gateway._transport import Request
from epay_desktop.gateway._transport import Transport
from epay_desktop.gateway.config import Secret
from epay_desktop.gateway.errors import GatewayUnavailable
from epay_desktop.gateway.errors import OutcomeUnknown
from epay_desktop.gateway.models import AccessToken
from epay_desktop.gateway.retry import RetryPolicy
from epay_desktop.gateway.retry import UniformSource
from epay_desktop.gateway.retry import default_rng
from epay_desktop.gateway.retry import retrying
from epay_desktop.gateway.tokens import ServiceTokenCache

__all__ = ["PROD_URL", "TEST_URL", "WebkassaClient", "WebkassaConfig"]

T = TypeVar("T")

TEST_URL: Final = "https://devkkm.webkassa.kz"
PROD_URL: Final = "https://kkm.webkassa.kz"
#: The token's lifetime is not documented: it is used until refused (codes 2/3), and renewed after
#: this long anyway so that a morning's first receipt does not start with a refusal.
TOKEN_LIFETIME: Final = 12 * 3600
_TOKEN_REFUSED: Final = frozenset({2, 3})
_ALREADY_REGISTERED: Final = 14
_UNKNOWN_ERROR: Final = -1
_NO_OPEN_SHIFT: Final = 13

_AUTHORIZE: Final = "/api/v4/Authorize"
_CHECK: Final = "/api/v4/check"
_X_REPORT: Final = "/api/v4/XReport"
_Z_REPORT: Final = "/api/v4/ZReport"
_PRINT_FORMAT: Final = "/api/v4/Ticket/PrintFormat"
_CHECK_HISTORY: Final = "/api/v4/Check/History"
_HISTORY_PAGE: Final = 50


@dataclass(frozen=True, slots=True)
class WebkassaConfig:
    """One cash register (``cashbox``: its unique number, ZNM) as one cashier login.

    ``api_key`` identifies the integrating system (one for test, one for production); ``login`` and
    ``password`` are the cashier's. The secrets never show in ``repr`` or logs.
    """

    url: str
    api_key: Secret = field(repr=False)
    login: str
    password: Secret = field(repr=False)
    cashbox: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", self.url.rstrip("/"))
        if not self.url.startswith(("http://", "https://")):
            raise ValueError(f"the fiscal provider's URL {self.url!r} is not an http(s) URL")
        if not self.cashbox.strip():
            raise ValueError("the cash register's unique number is empty")


class WebkassaClient:
    """Webkassa v4 as a :class:`~epay_desktop.fiscal.provider.FiscalProvider`."""

    name: Final = "Webkassa"

    def __init__(
        self,
        config: WebkassaConfig,
        *,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout | float | None = None,
        retry: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: UniformSource | None = None,
    ) -> None:
        self._config = config
        self._retry = retry if retry is not None else RetryPolicy()
        self._sleep = sleep
        self._rng = rng if rng is not None else default_rng()
        self._clock = clock
        self._transport = Transport.over(http, timeout)
        self._tokens = ServiceTokenCache(self._authorize, clock)
        #: Every token this session was given: masked in the provider's texts (which may quote them).
        self._issued: set[str] = set()

    async def aclose(self) -> None:
        self._tokens.clear()
        self._issued.clear()
        await self._transport.aclose()

    # -- the interface -------------------------------------------------------------------------

    async def register_sale(self, sale: FiscalSale) -> FiscalReceipt:
        if isinstance(sale, FiscalReturn):
            raise TypeError("a return is registered with register_return")
        return await self._register("fiscal_sale", sale)

    async def register_return(self, ret: FiscalReturn) -> FiscalReceipt:
        return await self._register("fiscal_return", ret)

    async def x_report(self) -> ShiftReport:
        return await self._report("fiscal_x_report", _X_REPORT, mutation=False)

    async def close_shift(self) -> ShiftReport:
        return await self._report("fiscal_z_report", _Z_REPORT, mutation=True)

    async def shift_state(self) -> ShiftState:
        """The X report's shift; no shift open (error 13 to the X report) is a state, not a failure."""
        try:
            return (await self.x_report()).state
        except FiscalNotFound as exc:
            if exc.gateway_code != _NO_OPEN_SHIFT:
                raise
            return ShiftState(
                shift_number=None, opened_at=None, closed=True, cashbox_offline=False, documents=0
            )

    async def print_form(
        self, external_number: str, paper: PaperKind, languages: tuple[str, str] = ("kk-KZ", "ru-RU")
    ) -> tuple[PrintLine, ...]:
        fields = {
            "CashboxUniqueNumber": self._config.cashbox,
            "ExternalCheckNumber": external_number,
            "PaperKind": int(paper),
        }
        headers = {"Accept-Language": languages[0], "Secondary-Language": languages[1]}

        async def once() -> tuple[PrintLine, ...]:
            req = self._request("fiscal_print_form", _PRINT_FORMAT, mutation=False)
            data = await self._data(req, fields, headers)
            return self._parsed(req, lambda: parse_print_lines(require_mapping(data, "Data").get("Lines")))

        return await self._retrying(once)

    async def _retrying(self, once: Callable[[], Awaitable[T]]) -> T:
        """Run ``once``, retrying a retryable error (the provider unreachable, a 5xx) per the policy."""
        return await retrying(once, self._retry, self._rng, self._sleep)

    # -- receipts and reports ------------------------------------------------------------------

    async def _register(self, operation: str, request: FiscalSale) -> FiscalReceipt:
        fields = check_fields(self._config.cashbox, request)

        async def once() -> FiscalReceipt:
            req = self._request(operation, _CHECK, mutation=True)
            data, errors = await self._exchange(req, fields)
            codes = [code for code, _text in errors]
            if _ALREADY_REGISTERED in codes:
                if data is None:  # the cloud may leave the receipt out (fiscal.md §1.6): find it
                    return await self._registered(req, request, errors)
                return self._parsed(req, lambda: parse_receipt(data, request, already_registered=True))
            if errors:
                raise self._error(req, errors)
            return self._parsed(req, lambda: parse_receipt(data, request, already_registered=False))

        return await self._retrying(once)

    async def _report(self, operation: str, path: str, *, mutation: bool) -> ShiftReport:
        fields = {"CashboxUniqueNumber": self._config.cashbox}

        async def once() -> ShiftReport:
            req = self._request(operation, path, mutation=mutation)
            data = await self._data(req, fields)
            return self._parsed(req, lambda: parse_report(data))

        return await self._retrying(once)

    async def receipts(self, shift_number: int) -> tuple[RegisterReceipt, ...]:
        """Every receipt of shift ``shift_number`` the register holds (``Check/History``, page by page;
        read again from the first page on a retryable error)."""

        async def once() -> tuple[RegisterReceipt, ...]:
            found: list[RegisterReceipt] = []

            async def page(history: Request, body: object) -> tuple[bool, int, int]:
                items, total = self._parsed(history, partial(history_receipts, body))
                found.extend(items)
                return False, len(items), total

            await self._history(shift_number, page)
            return tuple(found)

        return await self._retrying(once)

    async def _registered(
        self, req: Request, request: FiscalSale, errors: list[tuple[int, str]]
    ) -> FiscalReceipt:
        """A receipt the provider already has (error 14 without ``Data``), from the open shift's history."""
        try:
            shift = await self.x_report()
        except FiscalNotFound:  # no shift open: it was registered in a shift closed since
            raise self._error(req, errors) from None
        found: list[FiscalReceipt] = []

        async def page(history: Request, body: object) -> tuple[bool, int, int]:
            receipt, seen, total = self._parsed(history, partial(history_item, body, request))
            found.extend([receipt] if receipt is not None else [])
            return receipt is not None, seen, total

        await self._history(shift.shift_number, page)
        if not found:
            raise self._error(req, errors)
        return found[0]

    async def _history(
        self, shift_number: int, page: Callable[[Request, object], Awaitable[tuple[bool, int, int]]]
    ) -> None:
        """``Check/History`` of the shift, page by page, each handed to ``page`` (-> done, items, total)
        until it is done or the pages end."""
        history = self._request("fiscal_check_history", _CHECK_HISTORY, mutation=False)
        skip = 0
        while True:
            fields = {
                "CashboxUniqueNumber": self._config.cashbox,
                "ShiftNumber": shift_number,
                "Skip": skip,
                "Take": _HISTORY_PAGE,
            }
            done, seen, total = await page(history, await self._data(history, fields))
            skip += seen
            if done or seen == 0 or skip >= total:
                return

    # -- one exchange --------------------------------------------------------------------------

    def _request(self, operation: str, path: str, *, mutation: bool) -> Request:
        return Request(
            operation=operation,
            method="POST",
            url=self._config.url + path,
            template=path,
            mutation=mutation,
            content_type="application/json",
            event="fiscal_call",
        )

    async def _data(
        self, req: Request, fields: Mapping[str, object], headers: Mapping[str, str] | None = None
    ) -> object:
        """``Data`` of a successful answer; any ``Errors`` raise."""
        data, errors = await self._exchange(req, fields, headers)
        if errors:
            raise self._error(req, errors)
        return data

    async def _exchange(
        self, req: Request, fields: Mapping[str, object], headers: Mapping[str, str] | None = None
    ) -> tuple[object, list[tuple[int, str]]]:
        """Send ``fields`` with the session token; after a token refusal log in again and repeat once."""
        key = (self._config.login, self._config.cashbox)
        token = await self._retrying(lambda: self._tokens.get(*key))
        data, errors = await self._send(req, {"Token": token.access_token, **fields}, headers)
        if not any(code in _TOKEN_REFUSED for code, _text in errors):
            return data, errors
        self._tokens.invalidate(*key, token)
        token = await self._retrying(lambda: self._tokens.get(*key))
        data, errors = await self._send(req, {"Token": token.access_token, **fields}, headers)
        if any(code in _TOKEN_REFUSED for code, _text in errors):
            raise FiscalAuthError(
                "the provider refused a freshly issued session token", operation=req.operation
            )
        return data, errors

    async def _send(
        self, req: Request, body: Mapping[str, object], headers: Mapping[str, str] | None = None
    ) -> tuple[object, list[tuple[int, str]]]:
        """One POST: ``(Data, Errors)`` of a readable answer, else the FiscalError of the failure."""
        sent = replace(req, content=dump(body))
        all_headers = {"x-api-key": self._config.api_key.reveal(), **(headers or {})}
        try:
            response = await self._transport.send(sent, headers=all_headers)
        except GatewayUnavailable as exc:
            raise FiscalUnavailable(exc.detail, operation=req.operation) from None
        except OutcomeUnknown as exc:
            raise FiscalOutcomeUnknown(exc.detail, operation=req.operation) from None
        status = response.status_code
        try:
            data, errors = envelope(decode_json(response.content))
        except BodyError as exc:
            raise self._unreadable(req, status, str(exc)) from None
        if not errors and not 200 <= status < 300:  # a proxy's or server's page in JSON: no envelope
            raise self._unreadable(req, status, "no Errors")
        return data, errors

    def _unreadable(self, req: Request, status: int, why: str) -> FiscalError:
        """The error of an answer without a readable envelope, from its HTTP status."""
        if status in (401, 403):
            return FiscalAuthError(
                f"the provider refused the API key (HTTP {status})",
                operation=req.operation,
                http_status=status,
            )
        if status >= 500 or status in (408, 429) or req.mutation:
            cls: type[FiscalError] = FiscalOutcomeUnknown if req.mutation else FiscalUnavailable
            return cls(
                f"no readable answer (HTTP {status}: {why})", operation=req.operation, http_status=status
            )
        return FiscalProtocolError(f"unreadable answer (HTTP {status}: {why})", operation=req.operation)

    def _error(self, req: Request, errors: list[tuple[int, str]]) -> FiscalError:
        """The FiscalError of an answer's ``Errors`` (its first code decides; every text is kept)."""
        code = errors[0][0]
        text = self._masked("; ".join(f"{c}: {t}" for c, t in errors))
        names: dict[str, Any] = {"operation": req.operation, "gateway_code": code, "gateway_message": text}
        if code == _UNKNOWN_ERROR:
            cls: type[FiscalError] = FiscalOutcomeUnknown if req.mutation else FiscalUnavailable
            return cls(f"the provider reported an unknown error ({text})", **names)
        if code == _ALREADY_REGISTERED:  # and not in the open shift's history: asked again later
            return FiscalOutcomeUnknown(f"already registered, receipt not found ({text})", **names)
        return refusal_for(code)(f"the provider refused ({text})", **names)

    def _masked(self, text: str) -> str:
        """``text`` without this session's secrets, wherever and however the provider quoted them."""
        secrets = {self._config.api_key.reveal(), self._config.password.reveal(), *self._issued}
        for secret in sorted(filter(None, secrets), key=len, reverse=True):
            text = text.replace(secret, "***")
        return text

    @staticmethod
    def _parsed(req: Request, parse: Callable[[], T]) -> T:
        try:
            return parse()
        except BodyError as exc:
            cls = FiscalOutcomeUnknown if req.mutation else FiscalProtocolError
            raise cls(f"answer not understood: {exc}", operation=req.operation) from None

    # -- the session token ---------------------------------------------------------------------

    async def _authorize(self, login: str, _cashbox: str) -> AccessToken:
        """``POST /api/v4/Authorize`` ``{Login, Password}`` -> ``Data.Token``; the token stays in memory."""
        req = self._request("fiscal_authorize", _AUTHORIZE, mutation=False)
        data, errors = await self._send(req, {"Login": login, "Password": self._config.password.reveal()})
        if errors:
            raise self._error(req, errors)
        token = self._parsed(req, lambda: get_text(require_mapping(data, "Data"), "Token", required=True))
        self._issued.add(token)
        return AccessToken(
            access_token=token,
            token_type=self.name,
            scope="",
            expires_in=TOKEN_LIFETIME,
            obtained_at=self._clock(),
            raw={},
        )
