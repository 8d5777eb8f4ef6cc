"""The ``hold`` fault: an applied call's answer kept back until the test releases it (decision 0089).

On a real loopback server, with the money call made from a worker thread, so the test can look at
the sandbox while the answer is held: nothing here waits on a clock except the bound's own test.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from epay_desktop.sandbox.config import TEST_CLIENT_SECRET
from epay_desktop.sandbox.config import TEST_TERMINAL_ID
from epay_desktop.sandbox.faults import MAX_FAULT_HOLD

pytestmark = pytest.mark.xdist_group("sandbox_hold")


@pytest.fixture
def worker() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield pool


def auth(http: httpx.Client) -> dict[str, str]:
    form = {"grant_type": "client_credentials", "client_id": "test", "client_secret": TEST_CLIENT_SECRET}
    response = http.post("/oauth2/token", data={**form, "terminal": TEST_TERMINAL_ID})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def paid(http: httpx.Client, invoice: str, amount: str = "1000") -> str:
    form = {"grant_type": "client_credentials", "client_id": "test", "client_secret": TEST_CLIENT_SECRET}
    fields = {"terminal": TEST_TERMINAL_ID, "invoiceID": invoice, "amount": amount, "currency": "KZT"}
    assert http.post("/oauth2/token", data={**form, **fields}).status_code == 200
    card = {"invoiceId": invoice, "pan": "4405639704015096", "expiry": "12/30", "cvc": "123", "name": "T"}
    response = http.post("/sandbox/pay", json=card)
    assert response.status_code == 200, response.text
    return str(response.json()["transactionId"])


def arm(http: httpx.Client, operation: str, value: float = 0, times: int = 1) -> dict[str, Any]:
    body = {"operation": operation, "kind": "hold", "value": value, "times": times}
    response = http.post("/sandbox/faults", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


def refund_in_background(
    live, pool: ThreadPoolExecutor, headers: dict[str, str], txn_id: str, amount: str = "100"
) -> Future[httpx.Response]:
    def call() -> httpx.Response:
        with httpx.Client(base_url=live.base_url, timeout=30) as client:
            return client.post(f"/operation/{txn_id}/refund", params={"amount": amount}, headers=headers)

    return pool.submit(call)


def refunds(http: httpx.Client) -> list[str]:
    [txn] = http.get("/sandbox/transactions").json()
    return [str(op["amount"]) for op in txn["operations"] if op["kind"] == "refund"]


def test_held_answer_waits_for_release_after_the_call_took_effect(live, http, worker) -> None:
    txn_id = paid(http, "000000701")
    headers = auth(http)
    assert arm(http, "refund") == {"operation": "refund", "kind": "hold", "value": MAX_FAULT_HOLD, "times": 1}
    answer = refund_in_background(live, worker, headers, txn_id)
    held = http.get("/sandbox/held", params={"operation": "refund", "wait": 10})
    assert held.status_code == 200, held.text
    [entry] = held.json()
    assert (entry["operation"], entry["limitSeconds"]) == ("refund", MAX_FAULT_HOLD)
    assert refunds(http) == ["100"]  # applied before the answer is held: a slow bank, not a lost call
    assert not answer.done()
    assert http.get("/sandbox/held", params={"operation": "status"}).json() == []
    assert http.post("/sandbox/release", params={"operation": "refund"}).json() == {"released": 1}
    response = answer.result(timeout=10)
    assert (response.status_code, response.json()) == (200, {"code": 0, "message": "refunded"})
    assert http.get("/sandbox/held").json() == []
    assert http.post("/sandbox/release").json() == {"released": 0}


def test_a_released_answer_is_the_one_an_unfaulted_call_gets(live, http, worker) -> None:
    txn_id = paid(http, "000000702")
    headers = auth(http)
    plain = http.post(f"/operation/{txn_id}/refund", params={"amount": "100"}, headers=headers)
    arm(http, "refund")
    answer = refund_in_background(live, worker, headers, txn_id)
    live.state.faults.holds.wait_held("refund", timeout=10)  # the in-process handle
    assert live.state.faults.holds.release("refund") == 1
    held = answer.result(timeout=10)
    assert (held.status_code, held.content) == (plain.status_code, plain.content)
    drop_date = {"date", "content-length"}
    assert {k: v for k, v in held.headers.items() if k not in drop_date} == {
        k: v for k, v in plain.headers.items() if k not in drop_date
    }


def test_times_holds_that_many_calls_and_release_frees_them_together(live, http, worker) -> None:
    txn_id = paid(http, "000000703")
    headers = auth(http)
    arm(http, "refund", times=2)
    first = refund_in_background(live, worker, headers, txn_id, "100")
    second = refund_in_background(live, worker, headers, txn_id, "200")
    held = http.get("/sandbox/held", params={"operation": "refund", "atLeast": 2, "wait": 10})
    assert len(held.json()) == 2, held.text
    assert http.get("/sandbox/faults").json() == []  # both uses taken
    assert sorted(refunds(http)) == ["100", "200"]
    assert http.post("/sandbox/release").json() == {"released": 2}
    assert [f.result(timeout=10).status_code for f in (first, second)] == [200, 200]


def test_reset_and_clearing_faults_release_held_answers(live, http, worker) -> None:
    for clear in ("DELETE /sandbox/faults", "POST /sandbox/reset"):
        txn_id = paid(http, "000000704")
        headers = auth(http)
        arm(http, "refund")
        answer = refund_in_background(live, worker, headers, txn_id)
        live.state.faults.holds.wait_held("refund", timeout=10)
        method, path = clear.split()
        assert http.request(method, path).status_code == 200
        assert answer.result(timeout=10).status_code == 200, clear
        http.post("/sandbox/reset")


def test_a_forgotten_release_ends_at_the_bound(live, http, caplog) -> None:
    """The one test that waits on a clock: the bound itself (a quarter of a second)."""
    headers = auth(http)
    arm(http, "status", 0.25)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="epay_desktop.sandbox.holds"):
        response = http.get("/check-status/payment/transaction/000000705", headers=headers)
    assert time.monotonic() - started >= 0.25
    assert (response.status_code, response.json()["resultCode"]) == (200, "102")
    assert http.get("/sandbox/held").json() == []
    assert "event=sandbox_hold_expired operation=status" in caplog.text


def test_waiting_for_a_hold_that_does_not_come_is_refused(http) -> None:
    response = http.get("/sandbox/held", params={"operation": "refund", "wait": 0.05})
    assert (response.status_code, response.json()["code"]) == (409, 856)
    assert "fewer than 1 refund answers held" in response.json()["message"]
    with pytest.raises(TimeoutError, match="fewer than 2 answers held"):
        from epay_desktop.sandbox.holds import Holds

        Holds().wait_held(count=2, timeout=0.01)


@pytest.mark.parametrize(
    "body",
    [
        {"operation": "refund", "kind": "hold", "value": MAX_FAULT_HOLD + 1},
        {"operation": "refund", "kind": "hold", "value": -1},
        {"operation": "refund", "kind": "hold", "value": "soon"},
        {"operation": "refund", "kind": "hold", "value": True},
        {"operation": "nowhere", "kind": "hold"},
        {"operation": "refund", "kind": "hold", "times": 0},
    ],
)
def test_a_bad_hold_fault_is_refused(http, body) -> None:
    response = http.post("/sandbox/faults", json=body)
    assert (response.status_code, response.json()["code"]) == (400, 850), body
    assert http.get("/sandbox/faults").json() == []


@pytest.mark.parametrize(
    ("path", "params", "said"),
    [
        ("/sandbox/held", {"operation": "nowhere"}, "operation must be one of"),
        ("/sandbox/held", {"atLeast": "0"}, "atLeast must be a whole number from 1 to 1000"),
        ("/sandbox/held", {"atLeast": "1e3"}, "atLeast must be"),
        ("/sandbox/held", {"wait": "61"}, f"wait must be seconds from 0 to {MAX_FAULT_HOLD}"),
        ("/sandbox/held", {"wait": "NaN"}, "wait must be seconds"),
        ("/sandbox/held", {"wait": "-1"}, "wait must be seconds"),
        ("/sandbox/held", {"until": "1"}, "unknown parameter until"),
        ("/sandbox/release", {"operation": "nowhere"}, "operation must be one of"),
    ],
)
def test_bad_held_and_release_queries_are_refused(http, path: str, params: dict[str, str], said: str) -> None:
    method = "GET" if path.endswith("held") else "POST"
    response = http.request(method, path, params=params)
    assert (response.status_code, response.json()["code"]) == (400, 850)
    assert said in response.json()["message"]
