"""Client lifetime, exports, URL building, and no sandbox-specific code in the client."""

from __future__ import annotations

import pathlib

import httpx
import respx

import epay_desktop.gateway as gateway
from epay_desktop.domain import InvoiceId
from epay_desktop.gateway import Environment
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import endpoints_for


def test_public_exports_resolve():
    for name in gateway.__all__:
        assert getattr(gateway, name) is not None


def test_own_http_client_is_closed_by_aclose(h):
    async def go() -> bool:
        client = EpayClient(h.ENDPOINTS, h.CREDENTIALS)
        http = client._core.transport._http
        await client.aclose()
        return http.is_closed

    assert h.run(go()) is True


def test_given_http_client_is_left_open(h):
    async def go() -> bool:
        async with httpx.AsyncClient() as http:
            client = EpayClient(h.ENDPOINTS, h.CREDENTIALS, http=http)
            await client.aclose()
            return http.is_closed

    assert h.run(go()) is False


def test_given_http_client_is_used(h):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/oauth2/token"):
            return httpx.Response(200, json=h.token_body())
        return httpx.Response(200, json={"resultCode": "102"})

    async def go() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            client = EpayClient(h.ENDPOINTS, h.CREDENTIALS, http=http)
            await client.check_status(InvoiceId(h.INVOICE))

    h.run(go())
    assert len(seen) == 2


def test_paths_are_appended_to_each_preset():
    for env in Environment:
        endpoints = endpoints_for(env)
        with respx.mock(assert_all_called=False) as router:
            router.post(endpoints.oauth_url).respond(json={"access_token": "t", "expires_in": "60"})
            route = router.get(f"{endpoints.api_url}/check-status/payment/transaction/000000123").respond(
                json={"resultCode": "102"}
            )

            async def go(endpoints=endpoints) -> None:
                async with EpayClient(
                    endpoints, gateway.Credentials("c", gateway.Secret("s"), "t")
                ) as client:
                    await client.check_status(InvoiceId("000000123"))

            import asyncio

            asyncio.run(go())
            assert route.call_count == 1, env


def test_old_test_host_keeps_api_prefix():
    assert endpoints_for(Environment.TEST_HOMEBANK).api_url.endswith("/api")


def test_forget_tokens_forces_a_new_token(h, gw):
    gw.get(h.status_url()).respond(json={"resultCode": "102"})

    async def go() -> None:
        async with h.make_client() as client:
            await client.check_status(InvoiceId(h.INVOICE))
            client.forget_tokens()
            await client.check_status(InvoiceId(h.INVOICE))

    h.run(go())
    assert gw["token"].call_count == 2


def test_no_sandbox_specific_code_in_the_client():
    package = pathlib.Path(gateway.__file__).parent
    for path in package.glob("*.py"):
        if path.name in {"config.py", "__init__.py"}:
            continue  # the environment presets name the sandbox; the client must not
        text = path.read_text(encoding="utf-8").lower()
        assert "sandbox" not in text.replace("nothing here knows about the sandbox", ""), path.name
        assert "127.0.0.1" not in text and "localhost" not in text, path.name
        assert "verify=false" not in text.replace(" ", ""), path.name
