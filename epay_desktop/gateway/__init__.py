"""Async client of the Halyk ePay API (epay-api.md), its errors, results and log redaction.

Only this package talks HTTP to the gateway, and it raises only :class:`EpayError` subclasses.
"""

from epay_desktop.gateway.client import DEFAULT_TIMEOUT, EpayClient
from epay_desktop.gateway.config import Credentials, Endpoints, Environment, Secret, endpoints_for
from epay_desktop.gateway.errors import (
    ApiError,
    AuthError,
    Declined,
    EpayError,
    GatewayUnavailable,
    InvalidRequest,
    InvalidState,
    NotFound,
    OutcomeUnknown,
    ProtocolError,
    SendPhase,
    ServerError,
    TerminalConfigError,
    send_phase,
)
from epay_desktop.gateway.models import (
    AccessToken,
    CardPaymentResult,
    OperationResult,
    PaymentToken,
    SavedCard,
    StatusFound,
    StatusInProgress,
    StatusNotFound,
    StatusResult,
    Transaction,
)
from epay_desktop.gateway.redaction import (
    RedactingFilter,
    install_redaction,
    redact_text,
    unredacted_handlers,
)
from epay_desktop.gateway.retry import RetryPolicy
from epay_desktop.gateway.tokens import DEFAULT_SCOPE

__all__ = [
    "DEFAULT_SCOPE",
    "DEFAULT_TIMEOUT",
    "AccessToken",
    "ApiError",
    "AuthError",
    "CardPaymentResult",
    "Credentials",
    "Declined",
    "Endpoints",
    "Environment",
    "EpayClient",
    "EpayError",
    "GatewayUnavailable",
    "InvalidRequest",
    "InvalidState",
    "NotFound",
    "OperationResult",
    "OutcomeUnknown",
    "PaymentToken",
    "ProtocolError",
    "RedactingFilter",
    "RetryPolicy",
    "SavedCard",
    "Secret",
    "SendPhase",
    "ServerError",
    "StatusFound",
    "StatusInProgress",
    "StatusNotFound",
    "StatusResult",
    "TerminalConfigError",
    "Transaction",
    "endpoints_for",
    "install_redaction",
    "redact_text",
    "send_phase",
    "unredacted_handlers",
]
