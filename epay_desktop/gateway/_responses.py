"""From an HTTP response to a typed result or EpayError, per endpoint kind.

Reads: 2xx bodies must validate (else ProtocolError); 5xx and 429 are retryable ServerErrors.
Mutations: 2xx means applied (unless its JSON body carries a non-zero ``code``); a definite 4xx
refusal is an ApiError; everything else (5xx, 429, 3xx, 408, a 2xx with an error code, an
unreadable 2xx of a payment) is OutcomeUnknown.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from epay_desktop.domain import Money
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.gateway import codes
from epay_desktop.gateway._parse import BodyError
from epay_desktop.gateway._parse import decode_json
from epay_desktop.gateway._parse import get_text
from epay_desktop.gateway._parse import to_int
from epay_desktop.gateway._transport import Request
from epay_desktop.gateway._transport import api_error_for
from epay_desktop.gateway.cards import parse_card_payment
from epay_desktop.gateway.cards import parse_saved_card
from epay_desktop.gateway.errors import AuthError
from epay_desktop.gateway.errors import Declined
from epay_desktop.gateway.errors import OutcomeUnknown
from epay_desktop.gateway.errors import ProtocolError
from epay_desktop.gateway.errors import ServerError
from epay_desktop.gateway.models import CardPaymentResult
from epay_desktop.gateway.models import OperationResult
from epay_desktop.gateway.models import SavedCard
from epay_desktop.gateway.models import StatusResult
from epay_desktop.gateway.redaction import redact_text
from epay_desktop.gateway.retry import parse_retry_after
from epay_desktop.gateway.status import interpret_status

__all__ = ["card_list", "card_payment", "operation_result", "status_result"]

#: 4xx answers that do not prove the request was refused before being applied.
_UNCLEAR_4XX = frozenset({408, 429})


def _forbidden(req: Request, status: int) -> AuthError:
    return AuthError(
        "gateway answered 403 Forbidden",
        **req.about(),
        http_status=status,
        user_message=(
            msg(
                "gateway",
                QT_TRANSLATE_NOOP(
                    "gateway",
                    "The gateway does not allow this merchant or terminal to do that. Check the "
                    "terminal ID in the settings, or ask the bank to enable the operation for the "
                    "terminal.",
                ),
            )
        ),
    )


def _read_failure(req: Request, response: httpx.Response) -> None:
    """Raise for statuses every read treats alike: 403, 429, 5xx."""
    status = response.status_code
    if status == 403:
        raise _forbidden(req, status)
    if status == 429 or status >= 500:
        raise server_error(req, response)


def server_error(req: Request, response: httpx.Response, source: str = "gateway") -> ServerError:
    """``source`` answered 429 or 5xx: retryable, after the ``Retry-After`` it asked for, if any."""
    return ServerError(
        f"{source} answered HTTP {response.status_code}",
        **req.about(),
        http_status=response.status_code,
        retry_after=parse_retry_after(response.headers),
    )


def _protocol(req: Request, detail: str, status: int) -> ProtocolError:
    return ProtocolError(detail, **req.about(), http_status=status)


def _json_body(req: Request, response: httpx.Response) -> object:
    """The answer's JSON after a transport failure check; an unreadable body is a ProtocolError on a
    2xx answer and the API's error for the status otherwise."""
    _read_failure(req, response)
    try:
        return decode_json(response.content)
    except BodyError as exc:
        if 200 <= response.status_code < 300:
            raise _protocol(req, str(exc), response.status_code) from None
        raise api_error_for(req, response) from None


def status_result(req: Request, response: httpx.Response) -> StatusResult:
    """check-status: a ``resultCode`` body is read at any status below 500 (some hosts answer 400)."""
    status = response.status_code
    body = _json_body(req, response)
    if isinstance(body, Mapping) and "resultCode" in body:
        return interpret_status(
            body,
            invoice_id=req.invoice_id or "",
            http_status=status,
            retry_after=parse_retry_after(response.headers),
        )
    if 200 <= status < 300:
        raise _protocol(req, "check-status answer has no resultCode", status)
    raise api_error_for(req, response)


def card_list(req: Request, response: httpx.Response) -> list[SavedCard]:
    """``GET /cards/{accountId}``: a JSON array, or ``{"code": 1373}`` meaning "no saved cards"."""
    status = response.status_code
    body = _json_body(req, response)
    if isinstance(body, Mapping):
        try:
            code = to_int(body.get("code"), "code")
        except BodyError:
            code = None
        if code == codes.NO_SAVED_CARDS:
            return []
    if 200 <= status < 300:
        if not isinstance(body, list):
            raise _protocol(req, "card list is not a JSON array", status)
        try:
            return [parse_saved_card(item) for item in body]
        except BodyError as exc:
            raise _protocol(req, str(exc), status) from None
    raise api_error_for(req, response)


def _mutation_failure(req: Request, response: httpx.Response, *, declined: bool = False) -> None:
    """Raise for any non-2xx answer to a mutation."""
    status = response.status_code
    if 200 <= status < 300:
        return
    if status == 403:
        raise _forbidden(req, status)
    if 400 <= status < 500 and status not in _UNCLEAR_4XX:
        raise api_error_for(req, response, declined=declined)
    raise OutcomeUnknown(
        f"gateway answered HTTP {status} after receiving the request",
        **req.about(),
        http_status=status,
    )


def operation_result(
    req: Request, response: httpx.Response, *, amount: Money | None = None, external_id: str | None = None
) -> OperationResult:
    """charge/cancel/refund/deactivate: a 2xx is "applied" unless its JSON body carries a non-zero ``code``.

    The docs give only "HTTP 200" for success and show error bodies ``{code, message}`` without a
    status, so a 2xx whose body says ``code`` 5 (or a code we cannot read) may be a refusal or an
    error after the fact: :class:`OutcomeUnknown`, settled by check-status, never re-sent (decision
    0033). Code 0, no code, an empty body or a body that is not JSON stay "applied"; ``raw`` keeps it.
    """
    _mutation_failure(req, response)
    code: int | None = None
    message = ""
    raw: object
    try:
        raw = decode_json(response.content) if response.content else None
    except BodyError:
        raw = response.text
    if isinstance(raw, Mapping):
        try:
            message = get_text(raw, "message") or get_text(raw, "status")
        except BodyError:
            message = ""
        try:
            code = to_int(raw.get("code"), "code")
        except BodyError:
            raise _code_in_2xx(req, response.status_code, raw.get("code"), message) from None
        if code:
            raise _code_in_2xx(req, response.status_code, code, message)
    return OperationResult(
        operation=req.operation,
        target_id=req.transaction_id or "",
        http_status=response.status_code,
        code=code,
        message=message,
        amount=amount,
        external_id=external_id,
        raw=raw,
    )


def _code_in_2xx(req: Request, status: int, code: object, message: str) -> OutcomeUnknown:
    """A 2xx answer that carries an error code: the operation may or may not have been applied."""
    number = code if isinstance(code, int) and not isinstance(code, bool) else None
    shown = redact_text(str(code))[:40]
    message = redact_text(message)[:200]
    template = (
        QT_TRANSLATE_NOOP(
            "gateway",
            "The gateway accepted the request but answered with error code {code} ({message}), so it is "
            "not clear whether the operation was applied. Do not repeat it: check the payment's status "
            "first (the console does this for you).",
        )
        if message
        else QT_TRANSLATE_NOOP(
            "gateway",
            "The gateway accepted the request but answered with error code {code}, so it is not clear "
            "whether the operation was applied. Do not repeat it: check the payment's status first "
            "(the console does this for you).",
        )
    )
    return OutcomeUnknown(
        f"gateway answered HTTP {status} with code {shown}",
        **req.about(),
        http_status=status,
        gateway_code=number,
        gateway_message=message,
        user_message=msg("gateway", template, code=shown, message=message),
    )


def card_payment(req: Request, response: httpx.Response, amount: Money) -> CardPaymentResult:
    """Saved-card payment: 400 is Declined; an unreadable 2xx is OutcomeUnknown (money may have moved)."""
    _mutation_failure(req, response, declined=True)
    try:
        result = parse_card_payment(decode_json(response.content), amount)
    except BodyError as exc:
        raise OutcomeUnknown(
            f"unreadable answer to a payment ({exc})", **req.about(), http_status=response.status_code
        ) from None
    if result.status is not None and result.status.is_failure:
        raise Declined(
            f"payment ended in status {result.status.value}",
            **req.about(result.id),
            reason_code=result.reason_code,
            http_status=response.status_code,
            gateway_code=result.reason_code,
        )
    return result
