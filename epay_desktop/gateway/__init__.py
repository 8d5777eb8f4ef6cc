"""Async client of the Halyk ePay API (epay-api.md), its errors, results and log redaction.

Only this package talks HTTP to the gateway, and it raises only :class:`EpayError` subclasses.
"""

from epay_desktop.gateway.client import DEFAULT_TIMEOUT
from epay_desktop.gateway.client import EpayClient
from epay_desktop.gateway.config import Credentials
from epay_desktop.gateway.config import Endpoints
from epay_desktop.gateway.config import Environment
from epay_desktop.gateway.config import Secret
from epay_desktop.gateway.config import endpoints_for
from epay_desktop.gateway.errors import ApiError
from epay_desktop.gateway.errors import AuthError
from epay_desktop.gateway.errors import Declined
from epay_desktop.gateway.errors import EpayError
from epay_desktop.gateway.errors import GatewayUnavailable
from epay_desktop.gateway.errors import InvalidRequest
from epay_desktop.gateway.errors import InvalidState
from epay_desktop.gateway.errors import NotFound
from epay_desktop.gateway.errors import OutcomeUnknown
from epay_desktop.gateway.errors import ProtocolError
from epay_desktop.gateway.errors import SendPhase
from epay_desktop.gateway.errors import ServerError
from epay_desktop.gateway.errors import TerminalConfigError
from epay_desktop.gateway.errors import send_phase
from epay_desktop.gateway.models import AccessToken
from epay_desktop.gateway.models import CardPaymentResult
from epay_desktop.gateway.models import OperationResult
from epay_desktop.gateway.models import PaymentToken
from epay_desktop.gateway.models import SavedCard
from epay_desktop.gateway.models import StatusFound
from epay_desktop.gateway.models import StatusInProgress
from epay_desktop.gateway.models import StatusNotFound
from epay_desktop.gateway.models import StatusResult
from epay_desktop.gateway.models import Transaction
from epay_desktop.gateway.redaction import RedactingFilter
from epay_desktop.gateway.redaction import install_redaction
from epay_desktop.gateway.redaction import redact_text
from epay_desktop.gateway.redaction import unredacted_handlers
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
