"""The composition root builds every service a front end needs, without touching the gateway."""

import asyncio
import ssl

import httpx
import pytest

from epay_desktop.app import infrastructure
from epay_desktop.app import open_app
from tests.support.merchant import CLIENT_SECRET


def test_open_app_builds_every_service(tmp_path):
    env = {"EPAYMENT_HOME": str(tmp_path), "EPAYMENT_ENV": "sandbox", "EPAYMENT_REGISTER": "KASSA-1"}

    async def go():
        ctx = await open_app(env)
        try:
            profile = await ctx.shop_settings.load()
            local = await ctx.local_config.load()
            return ctx, profile, local
        finally:
            await ctx.aclose()

    ctx, profile, local = asyncio.run(go())
    assert profile.receipt_width == "80"
    assert local is not None
    assert ctx.saved_cards is not None and ctx.poller is not None and ctx.reconciler is not None
    assert ctx.store_settings.register_id == "KASSA-1"
    assert ctx.operations.register_id == "KASSA-1"  # a refund here counts in this counter's shift (0119)
    assert (tmp_path / "audit.key").exists() and (tmp_path / "pepper.key").exists()
    log_text = ctx.log_file.read_text(encoding="utf-8")
    assert CLIENT_SECRET not in log_text


@pytest.fixture
def _one_tls_context() -> None:
    """Here the app makes its own TLS context, as outside the tests (tests/conftest.py shares one)."""


def test_the_http_client_checks_certificates_as_httpx_does_by_default(tmp_path):
    """Its TLS context is made on a worker thread while the store opens (decision 0062): still
    httpx's default (certifi's CAs, hostnames checked, certificates required)."""
    env = {"EPAYMENT_HOME": str(tmp_path), "EPAYMENT_ENV": "sandbox", "EPAYMENT_REGISTER": "KASSA-1"}

    async def go():
        ctx = await open_app(env)
        try:
            http = infrastructure(ctx).http
            return http._transport._pool._ssl_context  # the context the client's connections use
        finally:
            await ctx.aclose()

    used = asyncio.run(go())
    default = httpx.create_ssl_context()
    assert isinstance(used, ssl.SSLContext)
    assert used.verify_mode is ssl.CERT_REQUIRED and used.check_hostname
    assert used.minimum_version == default.minimum_version
    assert used.cert_store_stats() == default.cert_store_stats() and used.cert_store_stats()["x509_ca"] > 0


def test_a_tls_context_prepared_before_qt_is_the_one_the_client_uses(tmp_path):
    """The console starts making it before Qt loads (``prepare_tls_context``); ``open_app`` takes it
    once: the next one makes its own."""
    from epay_desktop import app

    env = {"EPAYMENT_HOME": str(tmp_path), "EPAYMENT_ENV": "sandbox", "EPAYMENT_REGISTER": "KASSA-1"}
    app.prepare_tls_context()
    app.prepare_tls_context()  # idempotent until taken
    prepared = app._prepared_tls
    assert prepared is not None

    async def used():
        ctx = await open_app(env)
        try:
            return infrastructure(ctx).http._transport._pool._ssl_context
        finally:
            await ctx.aclose()

    assert asyncio.run(used()) is prepared.result()
    assert app._prepared_tls is None
    again = asyncio.run(used())
    assert again is not prepared.result() and again.verify_mode is ssl.CERT_REQUIRED
