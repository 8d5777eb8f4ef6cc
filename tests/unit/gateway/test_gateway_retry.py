"""Reads retry with capped exponential backoff and jitter in [d/2, d]; Retry-After honoured up to the cap."""

from __future__ import annotations

import random

import httpx
import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import RetryPolicy
from epay_desktop.gateway import ServerError
from epay_desktop.gateway import StatusNotFound
from epay_desktop.gateway.retry import parse_retry_after


def check(h, *, sleep, rng=None, retry=None):
    async def go() -> object:
        async with h.make_client(sleep=sleep, rng=rng, retry=retry) as client:
            return await client.check_status(InvoiceId(h.INVOICE))

    return h.run(go())


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("slow connect"),
        httpx.ReadTimeout("slow read"),
        httpx.RemoteProtocolError("cut"),
        httpx.Response(500),
        httpx.Response(502),
        httpx.Response(503),
        httpx.Response(429),
        httpx.Response(200, json={"resultCode": "103"}),
    ],
    ids=[
        "ConnectError",
        "ConnectTimeout",
        "ReadTimeout",
        "RemoteProtocolError",
        "500",
        "502",
        "503",
        "429",
        "103",
    ],
)
def test_read_is_retried_then_succeeds(h, gw, failure):
    route = gw.get(h.status_url())
    route.side_effect = [failure, httpx.Response(200, json={"resultCode": "102"})]
    sleep = h.RecordingSleep()
    assert isinstance(check(h, sleep=sleep), StatusNotFound)
    assert route.call_count == 2
    assert len(sleep.delays) == 1


def test_delays_grow_and_stay_within_jitter_bounds(h, gw):
    route = gw.get(h.status_url())
    route.side_effect = httpx.ConnectError("down")
    sleep = h.RecordingSleep()
    rng = h.ScriptedRng(fraction=1.0)  # always the upper bound
    with pytest.raises(GatewayUnavailable):
        check(h, sleep=sleep, rng=rng, retry=RetryPolicy(attempts=6, base=0.25, cap=4.0))
    assert route.call_count == 6
    assert rng.bounds == [(0.125, 0.25), (0.25, 0.5), (0.5, 1.0), (1.0, 2.0), (2.0, 4.0)]
    assert sleep.delays == [0.25, 0.5, 1.0, 2.0, 4.0]


def test_delays_are_capped(h, gw):
    gw.get(h.status_url()).side_effect = httpx.ConnectError("down")
    sleep = h.RecordingSleep()
    with pytest.raises(GatewayUnavailable):
        check(h, sleep=sleep, rng=h.ScriptedRng(1.0), retry=RetryPolicy(attempts=8, base=1.0, cap=3.0))
    assert max(sleep.delays) == 3.0
    assert sleep.delays[-3:] == [3.0, 3.0, 3.0]


def test_seeded_rng_gives_same_schedule_within_bounds(h, gw):
    gw.get(h.status_url()).side_effect = httpx.ConnectError("down")
    schedules = []
    for _ in range(2):
        sleep = h.RecordingSleep()
        with pytest.raises(GatewayUnavailable):
            check(h, sleep=sleep, rng=random.Random(42), retry=RetryPolicy(attempts=5))
        schedules.append(sleep.delays)
    assert schedules[0] == schedules[1]
    for retry, delay in enumerate(schedules[0], start=1):
        ceiling = min(4.0, 0.25 * 2 ** (retry - 1))
        assert ceiling / 2 <= delay <= ceiling


def test_default_policy_three_attempts(h, gw):
    route = gw.get(h.status_url()).respond(503)
    sleep = h.RecordingSleep()
    with pytest.raises(ServerError) as info:
        check(h, sleep=sleep)
    assert route.call_count == 3
    assert len(sleep.delays) == 2
    assert info.value.http_status == 503


@pytest.mark.parametrize(
    ("status", "retry_after", "waited"),
    [(429, "2", 2.0), (503, "120", 4.0)],
    ids=["retry-after-honoured", "retry-after-capped"],
)
def test_retry_after_is_honoured_up_to_the_cap(h, gw, status, retry_after, waited):
    route = gw.get(h.status_url())
    route.side_effect = [
        httpx.Response(status, headers={"Retry-After": retry_after}),
        httpx.Response(200, json={"resultCode": "102"}),
    ]
    sleep = h.RecordingSleep()
    check(h, sleep=sleep, rng=h.ScriptedRng(0.0))
    assert sleep.delays == [waited]


def test_non_retryable_errors_are_not_retried(h, gw):
    route = gw.get(h.status_url()).respond(json={"resultCode": "104"})
    sleep = h.RecordingSleep()
    with pytest.raises(Exception):  # noqa: B017 - the type is covered in test_gateway_status
        check(h, sleep=sleep)
    assert route.call_count == 1
    assert sleep.delays == []


def test_token_endpoint_5xx_is_retried(h, gw):
    gw["token"].side_effect = [httpx.Response(502), httpx.Response(200, json=h.token_body())]
    gw.get(h.status_url()).respond(json={"resultCode": "102"})
    check(h, sleep=h.RecordingSleep())
    assert gw["token"].call_count == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3), (" 120 ", 120), ("0.5", None), ("soon", None), ("-1", None), ("nan", None), ("", None)],
)
def test_parse_retry_after(value, expected):
    assert parse_retry_after({"retry-after": value}) == expected


def test_policy_validation():
    with pytest.raises(ValueError):
        RetryPolicy(attempts=0)
