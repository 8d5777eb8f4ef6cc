"""The error tree, the httpx exception table and safe ``str()``."""

from __future__ import annotations

import httpx
import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.gateway import ApiError
from epay_desktop.gateway import AuthError
from epay_desktop.gateway import Declined
from epay_desktop.gateway import EpayError
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import InvalidRequest
from epay_desktop.gateway import InvalidState
from epay_desktop.gateway import NotFound
from epay_desktop.gateway import OutcomeUnknown
from epay_desktop.gateway import ProtocolError
from epay_desktop.gateway import SendPhase
from epay_desktop.gateway import ServerError
from epay_desktop.gateway import TerminalConfigError
from epay_desktop.gateway import send_phase

#: reliability.md T04: every httpx exception type -> was anything sent?
TRANSPORT_TABLE = [
    (httpx.ConnectError, SendPhase.NOT_SENT),
    (httpx.ConnectTimeout, SendPhase.NOT_SENT),
    (httpx.PoolTimeout, SendPhase.NOT_SENT),
    (httpx.UnsupportedProtocol, SendPhase.NOT_SENT),
    (httpx.ReadTimeout, SendPhase.MAYBE_SENT),
    (httpx.WriteTimeout, SendPhase.MAYBE_SENT),
    (httpx.ReadError, SendPhase.MAYBE_SENT),
    (httpx.WriteError, SendPhase.MAYBE_SENT),
    (httpx.CloseError, SendPhase.MAYBE_SENT),
    (httpx.RemoteProtocolError, SendPhase.MAYBE_SENT),
    (httpx.LocalProtocolError, SendPhase.MAYBE_SENT),
    (httpx.ProxyError, SendPhase.MAYBE_SENT),
    (httpx.DecodingError, SendPhase.MAYBE_SENT),
    (httpx.TooManyRedirects, SendPhase.MAYBE_SENT),
    (httpx.NetworkError, SendPhase.MAYBE_SENT),
    (httpx.TimeoutException, SendPhase.MAYBE_SENT),
    (httpx.TransportError, SendPhase.MAYBE_SENT),
]


@pytest.mark.parametrize(("exc_type", "phase"), TRANSPORT_TABLE, ids=[t.__name__ for t, _ in TRANSPORT_TABLE])
def test_transport_table(exc_type, phase):
    assert send_phase(exc_type("x")) is phase


@pytest.mark.parametrize(("exc_type", "phase"), TRANSPORT_TABLE, ids=[t.__name__ for t, _ in TRANSPORT_TABLE])
def test_each_httpx_exception_on_a_mutation(h, gw, exc_type, phase):
    route = gw.post(h.operation_url("cancel"))
    route.side_effect = exc_type("boom")

    async def go() -> None:
        async with h.make_client() as client:
            await client.cancel(h.TX_ID)

    expected = GatewayUnavailable if phase is SendPhase.NOT_SENT else OutcomeUnknown
    with pytest.raises(expected) as info:
        h.run(go())
    assert type(info.value) is expected
    assert not isinstance(info.value.__cause__, httpx.HTTPError)
    assert info.value.__suppress_context__
    assert route.call_count == 1


@pytest.mark.parametrize(("exc_type", "phase"), TRANSPORT_TABLE, ids=[t.__name__ for t, _ in TRANSPORT_TABLE])
def test_each_httpx_exception_on_a_read_is_retryable(h, gw, exc_type, phase):
    route = gw.get(h.status_url())
    route.side_effect = exc_type("boom")

    async def go() -> None:
        async with h.make_client() as client:
            await client.check_status(InvoiceId(h.INVOICE))

    with pytest.raises(GatewayUnavailable):
        h.run(go())
    assert route.call_count == 3


def test_hierarchy():
    for cls in (GatewayUnavailable, OutcomeUnknown, AuthError, ApiError, ProtocolError):
        assert issubclass(cls, EpayError)
    for cls in (InvalidState, InvalidRequest, NotFound, Declined, ServerError):
        assert issubclass(cls, ApiError)
    assert issubclass(TerminalConfigError, InvalidRequest)
    assert GatewayUnavailable.retryable and ServerError.retryable
    assert not OutcomeUnknown.retryable and not AuthError.retryable and not ProtocolError.retryable


@pytest.mark.parametrize(
    "cls",
    [
        GatewayUnavailable,
        OutcomeUnknown,
        AuthError,
        ApiError,
        InvalidState,
        InvalidRequest,
        TerminalConfigError,
        NotFound,
        Declined,
        ServerError,
        ProtocolError,
    ],
)
def test_every_error_has_a_plain_user_message(cls):
    error = cls("detail", operation="refund", invoice_id="000000123", http_status=400, gateway_code=7)
    assert len(error.user_message) > 40
    assert error.user_message.endswith(".")
    assert error.operation == "refund" and error.invoice_id == "000000123"
    assert error.http_status == 400 and error.gateway_code == 7


def test_str_is_safe_and_informative():
    error = InvalidRequest(
        "refused: Authorization: Bearer SECRET_TOKEN_123 client_secret=hunter2 card 4405639704015096",
        operation="refund",
        transaction_id="tx-1",
        http_status=400,
        gateway_code=100,
        gateway_message="access_token=SECRET_TOKEN_123",
    )
    text = str(error) + repr(error) + error.gateway_message
    assert "SECRET_TOKEN_123" not in text
    assert "hunter2" not in text
    assert "4405639704015096" not in text
    assert "refund" in str(error) and "http=400" in str(error) and "code=100" in str(error)


def test_declined_message_names_the_reason():
    error = Declined("x", operation="pay_with_saved_card", reason_code=484)
    assert "insufficient funds" in error.user_message
    assert error.reason_code == 484
