"""Everything the gateway client raises. httpx exceptions never leave ``gateway/``.

::

    EpayError                  operation, invoice_id, transaction_id, http_status, gateway_code, user_message
    ├── GatewayUnavailable     nothing reached the gateway (connect failed / refused / pool timeout), or a
    │                          *read* failed in transit. Safe to retry.
    ├── OutcomeUnknown         a mutation (charge, cancel, refund, saved-card payment) was sent and we did not
    │                          get a clear answer: timeout after sending, dropped connection, 5xx, 429,
    │                          unreadable answer. It MAY have been applied. Never re-send: ask check-status.
    ├── AuthError              the gateway refused our credentials (token endpoint 400/401/403, or an API 401
    │                          that survived one token refresh, or a 403).
    ├── ApiError               the gateway answered with a definite error (it did not apply anything)
    │   ├── InvalidState       wrong payment status for the operation (e.g. refund of an AUTH)
    │   ├── InvalidRequest     bad amount, bad parameters
    │   │   └── TerminalConfigError   check-status 104/106/109: terminal missing, wrong, or not ours
    │   ├── NotFound           unknown transaction / invoice
    │   ├── Declined           the card payment was declined; ``reason_code`` says why (epay-api.md §15)
    │   └── ServerError        the gateway said "error, retry" on a read (5xx, 429, resultCode 103)
    └── ProtocolError          an answer to a *read* that we cannot understand (bad JSON, wrong types,
                               amounts with more than 2 decimals, unknown resultCodes)

``str(error)`` is safe for logs: it never contains tokens, the client secret or request bodies.
``user_message`` is a plain-words sentence for the cashier: what happened and what to do.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from typing import ClassVar
from typing import Final

import httpx

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.gateway.codes import decline_reason
from epay_desktop.gateway.redaction import redact_text

__all__ = [
    "ApiError",
    "AuthError",
    "Declined",
    "EpayError",
    "GatewayUnavailable",
    "InvalidRequest",
    "InvalidState",
    "NotFound",
    "OutcomeUnknown",
    "ProtocolError",
    "SendPhase",
    "ServerError",
    "TerminalConfigError",
    "send_phase",
]

_MAX_DETAIL: Final = 300


class EpayError(Exception):
    """Base of every gateway failure. ``retryable`` says whether repeating the same call is harmless."""

    default_user_message: ClassVar[str] = QT_TRANSLATE_NOOP(
        "gateway", "The payment gateway reported a problem. Try again later."
    )
    retryable: ClassVar[bool] = False
    #: The translation context of ``default_user_message`` (the fiscal adapter's errors use "fiscal").
    tr_context: ClassVar[str] = "gateway"

    def __init__(
        self,
        detail: str,
        *,
        operation: str,
        invoice_id: str | None = None,
        transaction_id: str | None = None,
        http_status: int | None = None,
        gateway_code: int | None = None,
        gateway_message: str = "",
        user_message: str | Message | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.detail = redact_text(detail)[:_MAX_DETAIL]
        #: The gateway's own text, when it gave one (redacted and cut like ``detail``).
        self.gateway_message = redact_text(gateway_message)[:_MAX_DETAIL]
        self.operation = operation
        self.invoice_id = invoice_id
        self.transaction_id = transaction_id
        self.http_status = http_status
        self.gateway_code = gateway_code
        if not user_message:
            user_message = Message(self.tr_context, self.default_user_message)
        #: The template and arguments, when the message is translatable (the GUI translates it).
        self.message: Message | None = user_message if isinstance(user_message, Message) else None
        #: The English sentence for the cashier (logs, CLI, tests).
        self.user_message: str = user_message.text() if isinstance(user_message, Message) else user_message
        #: Seconds the gateway asked us to wait (``Retry-After``), if it said so.
        self.retry_after = retry_after
        super().__init__(self.__str__())

    def __str__(self) -> str:
        parts = [f"{self.operation}: {self.detail}"]
        if self.invoice_id:
            parts.append(f"invoice={self.invoice_id}")
        if self.transaction_id:
            parts.append(f"transaction={self.transaction_id}")
        if self.http_status is not None:
            parts.append(f"http={self.http_status}")
        if self.gateway_code is not None:
            parts.append(f"code={self.gateway_code}")
        return " ".join(parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.__str__()!r})"


class GatewayUnavailable(EpayError):
    default_user_message = QT_TRANSLATE_NOOP(
        "gateway",
        "Could not reach the ePay gateway. Nothing was changed, so it is safe to try again. "
        "Check the internet connection; if it keeps happening, the gateway may be down.",
    )
    retryable = True


class OutcomeUnknown(EpayError):
    """``gateway_message``: the gateway's own text when it answered something unclear (a 2xx with a code)."""

    default_user_message = QT_TRANSLATE_NOOP(
        "gateway",
        "The gateway did not confirm the operation, so it may or may not have been applied. "
        "Do not repeat it: check the payment's status first (the console does this for you).",
    )


class AuthError(EpayError):
    default_user_message = QT_TRANSLATE_NOOP(
        "gateway",
        "The gateway did not accept the merchant credentials. Check the client ID, client secret and "
        "terminal ID in the settings, then try again.",
    )


class ApiError(EpayError):
    """The gateway answered with a definite error; ``gateway_message`` is its own text, if any."""

    default_user_message = QT_TRANSLATE_NOOP(
        "gateway", "The gateway refused the operation. Nothing was changed."
    )


class InvalidState(ApiError):
    default_user_message = QT_TRANSLATE_NOOP(
        "gateway",
        "The payment is not in a state that allows this operation: only a held (AUTH) payment can be "
        "charged or cancelled, and only a charged payment can be refunded. Nothing was changed; "
        "refresh the payment status.",
    )


class InvalidRequest(ApiError):
    default_user_message = QT_TRANSLATE_NOOP(
        "gateway",
        "The gateway rejected the request as invalid (for example the amount is too large, or below the "
        "10 ₸ refund minimum). Nothing was changed; check the amount and try again.",
    )


class TerminalConfigError(InvalidRequest):
    default_user_message = QT_TRANSLATE_NOOP(
        "gateway",
        "The gateway says the terminal is missing, wrong or does not belong to this merchant. Check the "
        "terminal ID in the settings, or ask the bank to check the terminal.",
    )


class NotFound(ApiError):
    default_user_message = QT_TRANSLATE_NOOP(
        "gateway",
        "The gateway does not know this payment. Nothing was changed; check the invoice or "
        "transaction number.",
    )


class Declined(ApiError):
    """A card payment declined by the bank or the gateway. ``reason_code`` is from epay-api.md §15."""

    def __init__(self, detail: str, *, reason_code: int | None = None, **kwargs: Any) -> None:
        self.reason_code = reason_code
        kwargs.setdefault("user_message", _declined_message(reason_code))
        super().__init__(detail, **kwargs)


def _declined_message(reason_code: int | None) -> Message:
    reason = decline_reason(reason_code)
    if reason:
        return msg(
            "gateway",
            QT_TRANSLATE_NOOP(
                "gateway",
                "The card payment was declined ({reason}, code {code}). "
                "Ask the customer to use another card or call their bank.",
            ),
            reason=reason,
            code=reason_code,
        )
    if reason_code:
        return msg(
            "gateway",
            QT_TRANSLATE_NOOP(
                "gateway",
                "The card payment was declined (code {code}). "
                "Ask the customer to use another card or call their bank.",
            ),
            code=reason_code,
        )
    return msg(
        "gateway",
        QT_TRANSLATE_NOOP(
            "gateway",
            "The card payment was declined. Ask the customer to use another card or call their bank.",
        ),
    )


class ServerError(ApiError):
    default_user_message = QT_TRANSLATE_NOOP(
        "gateway",
        "The gateway reported a temporary error. Nothing was changed; try again in a few minutes.",
    )
    retryable = True


class ProtocolError(EpayError):
    default_user_message = QT_TRANSLATE_NOOP(
        "gateway",
        "The gateway sent an answer the console could not understand. Nothing was changed by reading it; "
        "try again, and contact support if it keeps happening.",
    )


# -- which httpx failures mean "nothing was sent" -------------------------------------------------


class SendPhase(StrEnum):
    """How far a request got before an httpx exception, as far as we can prove."""

    NOT_SENT = "not_sent"  # no request bytes left the process: any call may be repeated
    MAYBE_SENT = "maybe_sent"  # the gateway may have received (and applied) the request


#: Exceptions that prove no request bytes reached the gateway. Everything else is MAYBE_SENT
#: (ReadTimeout, WriteTimeout, ReadError, WriteError, RemoteProtocolError, LocalProtocolError,
#: CloseError, ProxyError, DecodingError, ...) because a partial write may still have been applied.
_NOT_SENT_TYPES: Final[tuple[type[Exception], ...]] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
    httpx.InvalidURL,
)


def send_phase(exc: BaseException) -> SendPhase:
    """Classify an httpx exception: NOT_SENT only when the failure happened before any byte was sent."""
    return SendPhase.NOT_SENT if isinstance(exc, _NOT_SENT_TYPES) else SendPhase.MAYBE_SENT
