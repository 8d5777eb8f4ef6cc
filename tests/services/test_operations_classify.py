"""T12: every way a refund request can fail, and the state it leaves the operation in.

Only a proven non-application is FAILED (nothing sent, credentials refused, an allow-listed
refusal code). Unknown codes (454/459 included), 408/429/5xx, empty or non-JSON bodies and every
transport failure after the request may have left are UNKNOWN -- and UNKNOWN blocks a new refund.
The refund requests are answered by a scripted transport; everything else (tokens, check-status)
is the real sandbox.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from epay_desktop.domain import Money
from epay_desktop.domain import OperationInProgress
from epay_desktop.domain import OpState
from epay_desktop.gateway import AuthError
from epay_desktop.gateway import Declined
from epay_desktop.gateway import EpayError
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import InvalidRequest
from epay_desktop.gateway import InvalidState
from epay_desktop.gateway import NotFound
from epay_desktop.gateway import OutcomeUnknown
from epay_desktop.gateway import ProtocolError
from epay_desktop.gateway import ServerError
from epay_desktop.gateway import TerminalConfigError
from epay_desktop.services.money_ops.outcomes import classify_send_error
from tests.support import ops_harness as h

Answer = Callable[[httpx.Request], httpx.Response]


def reply(status: int, body: Any = None, *, content: bytes | None = None) -> Answer:
    def answer(request: httpx.Request) -> httpx.Response:
        if content is not None:
            return httpx.Response(status, content=content, request=request)
        return httpx.Response(status, json=body, request=request)

    return answer


def fail(exc_type: type[httpx.TransportError]) -> Answer:
    def answer(request: httpx.Request) -> httpx.Response:
        raise exc_type("scripted failure", request=request)

    return answer


def refusal(code: int, status: int = 400) -> Answer:
    return reply(status, {"code": code, "message": f"refused with {code}"})


CASES: dict[str, tuple[list[Answer], OpState]] = {
    # definite refusals: the gateway looked at the request and did not apply it
    "828 more than remains": ([refusal(828)], OpState.FAILED),
    "827 below minimum": ([refusal(827)], OpState.FAILED),
    "823 wrong status": ([refusal(823)], OpState.FAILED),
    "820 unknown transaction (404)": ([refusal(820, 404)], OpState.FAILED),
    "403 forbidden": ([reply(403, {"code": 1, "message": "forbidden"})], OpState.FAILED),
    "401 twice": ([reply(401, {"code": 804}), reply(401, {"code": 804})], OpState.FAILED),
    "connect error (not sent)": ([fail(httpx.ConnectError)], OpState.FAILED),
    "connect timeout (not sent)": ([fail(httpx.ConnectTimeout)], OpState.FAILED),
    # everything else is unknown: only check-status may resolve it
    "454": ([refusal(454)], OpState.UNKNOWN),
    "459": ([refusal(459)], OpState.UNKNOWN),
    "doc placeholder 100": ([refusal(100)], OpState.UNKNOWN),
    "unknown code 9999": ([refusal(9999)], OpState.UNKNOWN),
    "400 empty body": ([reply(400, content=b"")], OpState.UNKNOWN),
    "400 non-JSON body": ([reply(400, content=b"<html>Bad gateway</html>")], OpState.UNKNOWN),
    "408": ([reply(408, {"code": 1})], OpState.UNKNOWN),
    "429": ([reply(429, {"code": 1})], OpState.UNKNOWN),
    "500": ([reply(500, {"code": 1})], OpState.UNKNOWN),
    "502 empty": ([reply(502, content=b"")], OpState.UNKNOWN),
    "503": ([reply(503, content=b"Service Unavailable")], OpState.UNKNOWN),
    "read timeout": ([fail(httpx.ReadTimeout)], OpState.UNKNOWN),
    "write timeout": ([fail(httpx.WriteTimeout)], OpState.UNKNOWN),
    "read error": ([fail(httpx.ReadError)], OpState.UNKNOWN),
    "write error": ([fail(httpx.WriteError)], OpState.UNKNOWN),
    "server disconnected": ([fail(httpx.RemoteProtocolError)], OpState.UNKNOWN),
}


class Scripted(httpx.AsyncBaseTransport):
    """Answers refund requests from the script while it lasts; everything else goes to the sandbox."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.script: list[Answer] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/refund") and self.script:
            return self.script.pop(0)(request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """Classification does not depend on the database: SQLite only."""
    return sqlite_url


def test_each_failure_maps_to_failed_only_when_non_application_is_proven(world: h.World) -> None:
    """reliability.md T12."""
    store, control, manager = world.store, world.control, world.manager
    transport = Scripted()

    async def main() -> dict[str, Any]:
        results: dict[str, Any] = {}
        async with h.services(store, control.base_url, world.clock, transport=transport) as svc:
            for name, (script, _expected) in CASES.items():
                payment = await h.paid_payment(svc, control, manager, "100")
                transport.script = list(script)
                op = await svc.ops.refund(manager, payment.invoice_id, Money.parse("10"), reason=name)
                blocked = False
                try:
                    await svc.ops.refund(manager, payment.invoice_id, Money.parse("10"), reason="again")
                except OperationInProgress:
                    blocked = True
                assert transport.script == []  # no scripted answer left over: nothing was re-sent
                refunds = await asyncio.to_thread(control.operations, payment.invoice_id)
                results[name] = (op.state, blocked, len(refunds))
        return results

    results = asyncio.run(main())
    # FAILED: a new refund is accepted (and is the only one at the gateway); UNKNOWN: it is refused
    expected = {
        name: (state, state is OpState.UNKNOWN, 0 if state is OpState.UNKNOWN else 1)
        for name, (_script, state) in CASES.items()
    }
    assert results == expected


def test_a_bug_during_send_leaves_the_operation_unknown_and_is_raised(world: h.World) -> None:
    """reliability.md T12."""
    store, control, manager = world.store, world.control, world.manager
    transport = Scripted()

    def bug(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("a bug, not a network failure")

    async def main() -> None:
        async with h.services(store, control.base_url, world.clock, transport=transport) as svc:
            payment = await h.paid_payment(svc, control, manager, "100")
            transport.script = [bug]
            with pytest.raises(RuntimeError, match="a bug"):
                await svc.ops.refund(manager, payment.invoice_id, Money.parse("10"), reason="x")

    asyncio.run(main())
    with store.read() as tx:
        [op] = tx.operations.all_unresolved()
    assert op.state is OpState.UNKNOWN


def _err(cls: type[EpayError], **kwargs: Any) -> Exception:
    return cls("detail", operation="refund", **kwargs)


@pytest.mark.parametrize(
    ("error", "state"),
    [
        (_err(GatewayUnavailable), OpState.FAILED),
        (ServerError("token endpoint 503", operation="service_token", http_status=503), OpState.FAILED),
        (ProtocolError("bad token body", operation="service_token", http_status=200), OpState.FAILED),
        (_err(AuthError, http_status=401), OpState.FAILED),
        (_err(InvalidRequest, http_status=400, gateway_code=828), OpState.FAILED),
        (_err(InvalidState, http_status=400, gateway_code=823), OpState.FAILED),
        (_err(NotFound, http_status=404, gateway_code=820), OpState.FAILED),
        (_err(NotFound, http_status=404), OpState.UNKNOWN),  # no code: could be a proxy's 404
        (_err(Declined, http_status=400, gateway_code=454), OpState.UNKNOWN),
        (_err(TerminalConfigError, http_status=400, gateway_code=106), OpState.UNKNOWN),
        (_err(InvalidRequest, http_status=500, gateway_code=828), OpState.UNKNOWN),
        (_err(ServerError, http_status=400, gateway_code=828), OpState.UNKNOWN),
        (_err(OutcomeUnknown, http_status=502), OpState.UNKNOWN),
        (_err(ProtocolError, http_status=200), OpState.UNKNOWN),
        (ValueError("bug"), OpState.UNKNOWN),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_each_send_error_is_classified_not_sent_or_unknown(error: Exception, state: OpState) -> None:
    """reliability.md T12."""
    outcome = classify_send_error(error)
    assert outcome.state is state
    if isinstance(error, GatewayUnavailable) or getattr(error, "operation", "") == "service_token":
        assert outcome.message.startswith("Not sent: nothing happened")
