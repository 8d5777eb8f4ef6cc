"""The fiscal sandbox's control API and its command: faults (lost answer, 5xx, held answer), the
control API for this machine only, and ``epay-desktop fiscal-sandbox`` serving."""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from epay_desktop.sandbox.fiscal.api import FiscalSandbox
from epay_desktop.sandbox.fiscal.api import create_app
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from tests.support.fiscal_sandbox import FiscalClient
from tests.support.fiscal_sandbox import card_check
from tests.support.fiscal_sandbox import running_fiscal_sandbox
from tests.support.sandbox import sandbox_process


@pytest.fixture
def fiscal() -> Iterator[tuple[RunningFiscalSandbox, FiscalClient]]:
    with running_fiscal_sandbox() as pair:
        yield pair


def test_a_lost_answer_is_registered_and_the_retry_gets_error_14(
    fiscal: tuple[RunningFiscalSandbox, FiscalClient],
) -> None:
    _, client = fiscal
    client.control("POST", "/sandbox/faults", {"operation": "check", "kind": "drop_after_apply"})
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/api/v4/check", card_check("op-1-sale", "100.00"))
    [stored] = client.control("GET", "/sandbox/checks")
    retry = client.check(card_check("op-1-sale", "100.00"))
    assert retry["Errors"][0]["Code"] == 14
    assert retry["Data"] == {key: stored[key] for key in retry["Data"]}
    assert stored["ExternalCheckNumber"] == "op-1-sale"
    assert len(client.control("GET", "/sandbox/checks")) == 1


def test_a_5xx_registers_nothing(fiscal: tuple[RunningFiscalSandbox, FiscalClient]) -> None:
    _, client = fiscal
    client.control("POST", "/sandbox/faults", {"operation": "check", "kind": "http_status", "value": 503})
    response = client.post("/api/v4/check", card_check("op-1-sale", "100.00"))
    assert response.status_code == 503 and response.json()["Errors"][0]["Code"] == -1
    assert client.control("GET", "/sandbox/checks") == []
    assert client.check(card_check("op-1-sale", "100.00"))["Data"]["CheckOrderNumber"] == 1


def test_a_held_answer_times_the_client_out_but_the_receipt_is_registered(
    fiscal: tuple[RunningFiscalSandbox, FiscalClient],
) -> None:
    running, client = fiscal
    client.control("POST", "/sandbox/faults", {"operation": "check", "kind": "hold", "value": 30})
    impatient = FiscalClient(running.base_url, timeout=30)
    impatient.token = client.token
    outcome: list[object] = []

    def send() -> None:
        try:
            outcome.append(impatient.post("/api/v4/check", card_check("op-1-sale", "100.00")))
        except httpx.HTTPError as exc:
            outcome.append(exc)

    sender = threading.Thread(target=send)
    sender.start()
    try:
        [held] = client.control("GET", "/sandbox/held?operation=check&wait=10")
        assert held["operation"] == "check"
        assert len(client.control("GET", "/sandbox/checks")) == 1  # applied while its answer is held
        assert client.check(card_check("op-1-sale", "100.00"))["Errors"][0]["Code"] == 14
    finally:
        assert client.control("POST", "/sandbox/release?operation=check") == {"released": 1}
        sender.join(10)
        impatient.close()
    [answer] = outcome
    assert isinstance(answer, httpx.Response) and answer.json()["Data"]["CheckOrderNumber"] == 1


def test_faults_name_the_fiscal_calls(fiscal: tuple[RunningFiscalSandbox, FiscalClient]) -> None:
    _, client = fiscal
    response = client.http.post("/sandbox/faults", json={"operation": "charge", "kind": "hold"})
    assert response.status_code == 400 and "authorize, check, x_report" in response.json()["message"]
    response = client.http.post("/sandbox/faults", json={"operation": "check", "kind": "code_in_200"})
    assert response.status_code == 400
    assert client.control("DELETE", "/sandbox/faults") == {"status": "faults cleared"}


def test_the_clock_and_reset(fiscal: tuple[RunningFiscalSandbox, FiscalClient]) -> None:
    _, client = fiscal
    before = client.control("GET", "/sandbox/state")["now"]
    after = client.control("POST", "/sandbox/clock", {"advanceSeconds": 3600})["now"]
    assert after > before
    assert client.http.post("/sandbox/clock", json={"advanceSeconds": -5}).status_code == 400
    client.check(card_check("op-1-sale", "100.00"))
    assert client.control("POST", "/sandbox/reset") == {"status": "reset"}
    assert client.control("GET", "/sandbox/checks") == []
    assert client.control("GET", "/sandbox/state")["shiftNumber"] is None


def test_the_control_api_answers_this_machine_only() -> None:
    app = create_app(FiscalSandbox())

    async def status_from(host: str) -> int:
        transport = httpx.ASGITransport(app=app, client=(host, 5000))
        async with httpx.AsyncClient(transport=transport, base_url="http://fiscal.test") as client:
            return (await client.get("/sandbox/checks")).status_code

    assert asyncio.run(status_from("10.1.2.3")) == 403
    assert asyncio.run(status_from("127.0.0.1")) == 200


def test_the_command_serves_the_fiscal_api_and_keeps_its_register_with_keep(tmp_path: Path) -> None:
    """``--keep FILE`` (decision 0148): the register is written to FILE (no session token) and the next
    run with it holds the same receipts and shift; a FILE that cannot be read is said, exit 2."""
    kept = tmp_path / "register" / "fiscal.json"
    command = ("-m", "epay_desktop", "fiscal-sandbox", "--port", "0", "--keep", str(kept))
    with sandbox_process(*command) as (proc, url):
        assert proc.stdout is not None
        assert "Fiscal sandbox" in proc.stdout.readline()
        client = FiscalClient(url)
        try:
            token = client.login()
            sale = client.check(card_check("cli-1-sale", "150.00"))["Data"]
            assert "&s=150.00&" in sale["TicketUrl"]
        finally:
            client.close()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    written = kept.read_text()
    assert "cli-1-sale" in written and token not in written and kept.stat().st_mode & 0o777 == 0o600
    with sandbox_process(*command) as (proc, url):  # the next run: the same register
        assert proc.stdout is not None
        hint = "".join(proc.stdout.readline() for _ in range(6))
        assert f"register kept in {kept}; receipts in it: 1" in hint
        client = FiscalClient(url)
        try:
            client.login()
            again = client.check(card_check("cli-1-sale", "150.00"))
            assert again["Errors"][0]["Code"] == 14 and again["Data"]["CheckNumber"] == sale["CheckNumber"]
            assert client.control("GET", "/sandbox/state")["shiftNumber"] == sale["ShiftNumber"]
        finally:
            client.close()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    assert "cli-1-sale" in kept.read_text()


def test_the_command_says_when_it_cannot_listen_or_keep(tmp_path: Path) -> None:
    import subprocess

    with running_fiscal_sandbox() as (running, _):
        port = running.base_url.rsplit(":", 1)[1]
        done = subprocess.run(
            [sys.executable, "-m", "epay_desktop", "fiscal-sandbox", "--port", port],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run(  # a folder where the register's file should be
        [sys.executable, "-m", "epay_desktop", "fiscal-sandbox", "--port", "0", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"cannot keep the register in {tmp_path}: Is a directory" in done.stderr
