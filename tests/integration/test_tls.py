"""reliability.md T22 for the gateway client: a server whose certificate cannot be trusted gets no
request at all. The TLS handshake fails before any byte of a request is sent, so even a refund is
"not sent" (GatewayUnavailable, safe to retry), never "outcome unknown"."""

from __future__ import annotations

import asyncio
import datetime as dt
import http.server
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway.config import Credentials
from epay_desktop.gateway.config import Endpoints
from epay_desktop.gateway.config import Secret
from tests.support.merchant import CLIENT_ID
from tests.support.merchant import CLIENT_SECRET
from tests.support.merchant import TERMINAL_ID


def _self_signed(folder: Path, *, expired: bool) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    start, end = (
        (now - dt.timedelta(days=10), now - dt.timedelta(days=1))
        if expired
        else (now, now + dt.timedelta(days=1))
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_file, key_file


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        type(self).requests.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(params=["self-signed", "expired"])
def untrusted_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    cert_file, key_file = _self_signed(tmp_path, expired=request.param == "expired")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    server.handle_error = lambda *args: None  # type: ignore[method-assign]  # failed handshakes are the point
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"https://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _client(base: str) -> EpayClient:
    endpoints = Endpoints(
        oauth_url=f"{base}/oauth2/token", api_url=base, widget_url=f"{base}/payform/payment-api.js"
    )
    credentials = Credentials(CLIENT_ID, Secret(CLIENT_SECRET), TERMINAL_ID)
    return EpayClient(endpoints, credentials)


def test_untrusted_certificate_gets_no_request(untrusted_server: str) -> None:
    """reliability.md T22."""

    async def go() -> list[type[BaseException]]:
        raised: list[type[BaseException]] = []
        async with _client(untrusted_server) as client:
            for call in (
                client.check_status(InvoiceId("000123456")),
                client.refund("5e0a1c2e-0000-4000-8000-000000000001", Money.parse("10")),
                client.get_payment_token(InvoiceId("000123457"), Money.parse("100")),
            ):
                with pytest.raises(GatewayUnavailable) as info:
                    await call
                raised.append(type(info.value))
        return raised

    assert asyncio.run(go()) == [GatewayUnavailable] * 3
    assert _Recorder.requests == []  # the server never saw a request line


def test_loopback_port_is_really_tls(untrusted_server: str) -> None:
    """The fixture itself: a plain socket connects (so the refusal above is TLS, not a closed port)."""
    host, port = untrusted_server.removeprefix("https://").split(":")
    with socket.create_connection((host, int(port)), timeout=5):
        pass
