"""One HTTP exchange: send, time, log one line, and turn httpx failures into EpayErrors.

The log line names the operation, the path *template* (``/operation/{id}/refund``), the HTTP status,
the elapsed time and the attempt number. It never contains URLs with ids filled in, query strings,
headers, bodies, tokens or the client secret.
"""

from __future__ import annotations

import contextvars
import importlib.util
import logging
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import Final
from typing import TypedDict

import httpx

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.gateway._parse import BodyError
from epay_desktop.gateway._parse import decode_json
from epay_desktop.gateway._parse import get_text
from epay_desktop.gateway._parse import require_mapping
from epay_desktop.gateway._parse import to_int
from epay_desktop.gateway.codes import DECLINE_CODES
from epay_desktop.gateway.errors import ApiError
from epay_desktop.gateway.errors import Declined
from epay_desktop.gateway.errors import EpayError
from epay_desktop.gateway.errors import GatewayUnavailable
from epay_desktop.gateway.errors import InvalidRequest
from epay_desktop.gateway.errors import InvalidState
from epay_desktop.gateway.errors import NotFound
from epay_desktop.gateway.errors import OutcomeUnknown
from epay_desktop.gateway.errors import SendPhase
from epay_desktop.gateway.errors import send_phase

__all__ = [
    "ATTEMPT",
    "DEFAULT_TIMEOUT",
    "Request",
    "Transport",
    "api_error_for",
    "error_body",
    "record_missing_sniffio",
]

log = logging.getLogger(__name__)


def record_missing_sniffio() -> bool:
    """If ``sniffio`` is not installed, say so once in ``sys.modules``; returns whether it did.

    httpcore runs ``import sniffio`` each time it sets up a lock or an event (six times per request)
    and takes asyncio when the import fails. A failed import is not remembered, so each one searched
    every ``sys.path`` entry again: about an eighth of the console's CPU while reconciling (issue 10,
    P3; decision 0063). A ``None`` entry makes the import fail at once, with the same outcome
    (asyncio). Nothing changes when sniffio is installed.
    """
    if "sniffio" in sys.modules or importlib.util.find_spec("sniffio") is not None:
        return False
    sys.modules["sniffio"] = None  # type: ignore[assignment]
    return True


record_missing_sniffio()

#: Connect and pool waits are short (nothing is sent yet); reads allow for a slow bank.
DEFAULT_TIMEOUT: Final = httpx.Timeout(connect=5.0, read=30.0, write=10.0, pool=5.0)

#: The attempt number of the logical call in progress; set by the client's retry loop.
ATTEMPT: Final[contextvars.ContextVar[int]] = contextvars.ContextVar("epay_attempt", default=1)

_STATE_WORDS: Final = ("status", "state", "статус", "состоян")
_NOT_FOUND_WORDS: Final = ("not found", "не найден", "unknown transaction")
_TOO_MUCH_WORDS: Final = ("exceed", "more than", "превыша", "больше")
#: Plain words for the commonest definite refusal: an amount above what the payment still allows.
_TOO_MUCH_MESSAGES: Final = {
    "refund": QT_TRANSLATE_NOOP(
        "gateway",
        "The refund is more than what remains on this payment (earlier refunds are already taken off). "
        "Nothing was changed; refresh the payment status and refund at most the remaining amount.",
    ),
    "charge": QT_TRANSLATE_NOOP(
        "gateway",
        "The charge is more than the amount held on the card. Nothing was changed; charge at most the "
        "held amount.",
    ),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Request:
    """What to send. ``mutation`` decides how an unclear failure is reported (OutcomeUnknown)."""

    operation: str
    method: str
    url: str
    template: str
    mutation: bool
    invoice_id: str | None = None
    transaction_id: str | None = None
    params: Mapping[str, str] | None = None
    form: Mapping[str, str] | None = field(default=None, repr=False)
    content: bytes | None = field(default=None, repr=False)
    content_type: str | None = None
    #: The log line's event: the fiscal adapter's exchanges say ``fiscal_call``.
    event: str = "gateway_call"

    def about(self, transaction_id: str | None = None) -> RequestNames:
        """What an error about this request names: its operation, invoice and transaction (its own, or
        ``transaction_id`` where the answer named one)."""
        return RequestNames(
            operation=self.operation,
            invoice_id=self.invoice_id,
            transaction_id=self.transaction_id if transaction_id is None else transaction_id,
        )


class RequestNames(TypedDict):
    operation: str
    invoice_id: str | None
    transaction_id: str | None


class Transport:
    """Wraps an ``httpx.AsyncClient``. The caller handles statuses; this handles the wire.

    ``owned``: this transport made the client, and :meth:`aclose` closes it.
    """

    def __init__(
        self, http: httpx.AsyncClient, timeout: httpx.Timeout | None, *, owned: bool = False
    ) -> None:
        self._http = http
        self._timeout = timeout
        self._owned = owned

    @classmethod
    def over(cls, http: httpx.AsyncClient | None, timeout: httpx.Timeout | float | None) -> Transport:
        """Over the caller's ``http`` (its owner closes it; its own timeout unless ``timeout`` is given), or,
        with None, over a client of its own (``timeout``, else :data:`DEFAULT_TIMEOUT`; no redirects)."""
        if http is None:
            chosen = DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout)
            return cls(httpx.AsyncClient(timeout=chosen, follow_redirects=False), None, owned=True)
        return cls(http, None if timeout is None else httpx.Timeout(timeout))

    async def aclose(self) -> None:
        """Close the HTTP client if this transport made it; a caller's client is left open."""
        if self._owned:
            await self._http.aclose()

    async def send(
        self,
        req: Request,
        *,
        authorization: str | None = None,
        replay: bool = False,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """Send once. Raises GatewayUnavailable (not sent / read failed) or OutcomeUnknown (mutation).

        ``headers``: more headers (the fiscal provider's API key); never logged, like ``authorization``.
        """
        headers = {"Accept": "application/json", **(headers or {})}
        if authorization is not None:
            headers["Authorization"] = authorization
        if req.content_type is not None:
            headers["Content-Type"] = req.content_type
        attempt = ATTEMPT.get()
        started = time.perf_counter()
        try:
            # no timeout of its own: the client's
            timeout = httpx.USE_CLIENT_DEFAULT if self._timeout is None else self._timeout
            response = await self._http.request(
                req.method,
                req.url,
                params=req.params,
                data=req.form,
                content=req.content,
                headers=headers,
                timeout=timeout,
            )
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
            _log_line(req, "-", started, attempt, replay, type(exc).__name__)
            raise _transport_error(req, exc) from None
        _log_line(req, str(response.status_code), started, attempt, replay, "")
        return response


def _log_line(req: Request, status: str, started: float, attempt: int, replay: bool, error: str) -> None:
    elapsed_ms = int((time.perf_counter() - started) * 1000)
    log.info(
        "event=%s op=%s method=%s path=%s status=%s elapsed_ms=%d attempt=%d%s%s",
        req.event,
        req.operation,
        req.method,
        req.template,
        status,
        elapsed_ms,
        attempt,
        " replay=auth" if replay else "",
        f" error={error}" if error else "",
    )


def _transport_error(req: Request, exc: BaseException) -> EpayError:
    name = type(exc).__name__
    if send_phase(exc) is SendPhase.NOT_SENT:
        cls: type[EpayError] = GatewayUnavailable
        detail = f"could not send the request ({name})"
    elif req.mutation:
        cls, detail = OutcomeUnknown, f"no clear answer after sending ({name})"
    else:
        cls, detail = GatewayUnavailable, f"the read failed in transit ({name})"
    return cls(detail, **req.about())


def error_body(response: httpx.Response) -> tuple[int | None, str]:
    """``(code, message)`` of an error body ``{"code": int, "message": str}``; lenient."""
    try:
        data = require_mapping(decode_json(response.content), "error body")
        code = to_int(data.get("code"), "code")
        message = get_text(data, "message")
    except BodyError:
        return None, ""
    return code, message


def api_error_for(req: Request, response: httpx.Response, *, declined: bool = False) -> ApiError:
    """The ApiError subclass for a definite 4xx refusal, from the status, the code and the message.

    The gateway's error codes are undocumented (the docs show ``100`` as a placeholder), so the
    class is chosen as follows: for a card payment (``declined=True``) a 400 or a known decline
    code is Declined; then 404 is NotFound and 409 InvalidState; then the message wording decides
    ("not found" -> NotFound, "status"/"state" -> InvalidState); the rest is InvalidRequest. A refund or
    charge refused for being too large ("exceeds", "more than") says so in its ``user_message``.
    """
    code, message = error_body(response)
    status = response.status_code
    kwargs: dict[str, Any] = {
        **req.about(),
        "http_status": status,
        "gateway_code": code,
        "gateway_message": message,
    }
    detail = f"gateway refused: {message}" if message else f"gateway refused with HTTP {status}"
    lowered = message.lower()
    if declined and (status == 400 or (code is not None and code in DECLINE_CODES)):
        return Declined(detail, reason_code=code, **kwargs)
    if status == 404 or any(word in lowered for word in _NOT_FOUND_WORDS):
        return NotFound(detail, **kwargs)
    if status == 409 or any(word in lowered for word in _STATE_WORDS):
        return InvalidState(detail, **kwargs)
    if req.operation in _TOO_MUCH_MESSAGES and any(word in lowered for word in _TOO_MUCH_WORDS):
        kwargs["user_message"] = msg("gateway", _TOO_MUCH_MESSAGES[req.operation])
    return InvalidRequest(detail, **kwargs)
