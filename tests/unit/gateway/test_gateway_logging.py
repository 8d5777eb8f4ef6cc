"""One log line per HTTP call, with the path template; never a token, the secret or a body."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable
from collections.abc import Callable

import httpx
import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.gateway import Credentials
from epay_desktop.gateway import Endpoints
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import OutcomeUnknown

GATEWAY_LOGGER = "epay_desktop.gateway._transport"


def gateway_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name.startswith("epay_desktop.gateway")]


def all_text(caplog: pytest.LogCaptureFixture) -> str:
    parts = [caplog.text]
    for record in caplog.records:
        parts.append(record.getMessage())
        parts.append(repr(record.args))
    return "\n".join(parts)


def test_one_line_per_call_with_template(h, gw, caplog):
    caplog.set_level(logging.INFO, logger="epay_desktop.gateway")
    gw.post(h.operation_url("refund")).respond(json={"code": 0})
    gw.get(h.status_url()).respond(json={"resultCode": "102"})

    async def go() -> None:
        async with h.make_client() as client:
            await client.check_status(InvoiceId(h.INVOICE))
            await client.refund(h.TX_ID, Money.parse("10"), "rf-1")

    h.run(go())
    lines = gateway_lines(caplog)
    assert len(lines) == 3  # service token, check-status, refund
    assert "op=service_token" in lines[0] and "path=/oauth2/token" in lines[0]
    assert "op=check_status" in lines[1]
    assert "path=/check-status/payment/transaction/{invoiceId}" in lines[1]
    assert "op=refund method=POST path=/operation/{id}/refund status=200" in lines[2]
    assert "attempt=1" in lines[2] and "elapsed_ms=" in lines[2]
    for line in lines:
        assert h.TX_ID not in line and "rf-1" not in line and "amount=" not in line
    assert all(r.levelno == logging.INFO for r in caplog.records if r.name == GATEWAY_LOGGER)


def test_retries_log_attempt_numbers(h, gw, caplog):
    caplog.set_level(logging.INFO, logger="epay_desktop.gateway")
    route = gw.get(h.status_url())
    route.side_effect = [
        httpx.Response(503),
        httpx.ConnectError("x"),
        httpx.Response(200, json={"resultCode": "102"}),
    ]

    async def go() -> None:
        async with h.make_client() as client:
            await client.check_status(InvoiceId(h.INVOICE))

    h.run(go())
    lines = [line for line in gateway_lines(caplog) if "op=check_status" in line]
    assert [line.split("attempt=")[1][0] for line in lines] == ["1", "2", "3"]
    assert "status=503" in lines[0]
    assert "error=ConnectError" in lines[1]


def test_failure_line_names_the_error_not_the_payload(h, gw, caplog):
    caplog.set_level(logging.INFO, logger="epay_desktop.gateway")
    gw.post(h.operation_url("refund")).side_effect = httpx.ReadTimeout("timed out")

    async def go() -> None:
        async with h.make_client() as client:
            await client.refund(h.TX_ID, Money.parse("10"))

    with pytest.raises(OutcomeUnknown):
        h.run(go())
    assert "status=- " in gateway_lines(caplog)[-1] and "error=ReadTimeout" in gateway_lines(caplog)[-1]


def test_no_secret_or_token_in_logs_with_mocked_transport(h, gw, caplog):
    caplog.set_level(logging.DEBUG)
    gw["token"].side_effect = [
        httpx.Response(200, json=h.token_body(h.SERVICE_TOKEN)),
        httpx.Response(200, json=h.token_body(h.PAYMENT_TOKEN)),
    ]
    gw.get(h.status_url()).respond(json=h.status_body())

    async def go() -> None:
        async with h.make_client() as client:
            await client.check_status(InvoiceId(h.INVOICE))
            await client.get_payment_token(InvoiceId("000000123"), Money.parse("10"))

    h.run(go())
    text = all_text(caplog)
    for secret in (h.CLIENT_SECRET, h.SERVICE_TOKEN, h.PAYMENT_TOKEN, "Bearer"):
        assert secret not in text


async def _serve(handler: Callable[[str, bytes], tuple[int, bytes]]) -> tuple[asyncio.AbstractServer, int]:
    async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        path = lines[0].split(" ")[1]
        length = next((int(x.split(":")[1]) for x in lines if x.lower().startswith("content-length:")), 0)
        body = await reader.readexactly(length) if length else b""
        status, payload = handler(path, body)
        writer.write(
            f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
            f"Connection: close\r\n\r\n".encode()
            + payload
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(on_client, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    return server, port


def test_no_secret_or_token_with_real_httpcore_at_debug(h, caplog):
    """A loopback HTTP server, so httpx and httpcore really run and log at DEBUG."""
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    seen: list[bytes] = []

    def handler(path: str, body: bytes) -> tuple[int, bytes]:
        seen.append(body)
        if path.endswith("/oauth2/token"):
            token = h.PAYMENT_TOKEN if b"invoiceID" in body else h.SERVICE_TOKEN
            return 200, json.dumps(h.token_body(token)).encode()
        if "/check-status/" in path:
            return 200, json.dumps(h.status_body()).encode()
        return 200, b'{"code":0}'

    async def go(work: Callable[[EpayClient], Awaitable[object]]) -> None:
        server, port = await _serve(handler)
        base = f"http://127.0.0.1:{port}"
        endpoints = Endpoints(f"{base}/oauth2/token", f"{base}/api", f"{base}/payform/payment-api.js")
        credentials = Credentials("test", h.CREDENTIALS.client_secret, h.TERMINAL)
        try:
            async with EpayClient(endpoints, credentials, timeout=5.0) as client:
                await work(client)
        finally:
            server.close()
            await server.wait_closed()

    async def work(client: EpayClient) -> None:
        await client.check_status(InvoiceId(h.INVOICE))
        await client.refund(h.TX_ID, Money.parse("10"), "rf-1")
        await client.get_payment_token(InvoiceId("000000123"), Money.parse("10"))

    asyncio.run(go(work))
    assert any(h.CLIENT_SECRET.encode() in body for body in seen)  # the secret really was on the wire
    assert any(r.name.startswith("httpcore") for r in caplog.records)  # and httpcore really logged
    text = all_text(caplog)
    for secret in (h.CLIENT_SECRET, h.SERVICE_TOKEN, h.PAYMENT_TOKEN):
        assert secret not in text
