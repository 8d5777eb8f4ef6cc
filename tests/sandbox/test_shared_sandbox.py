"""The session's shared sandbox (tests/support/sandbox.py) is new for every test: what one test leaves in
it (a payment, an armed fault, a token, a two-step terminal, a changed option) the next never sees.

The first two tests are a pair that would leak through a sandbox kept without a reset: the first leaves
everything behind, the second (run after it on the same worker: one xdist group) expects none of it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime
from datetime import timedelta

import pytest

from epay_desktop.domain import Money
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox.cards import TEST_CARD_3DS
from epay_desktop.sandbox.cards import TEST_CARD_VISA
from epay_desktop.sandbox.config import KZ_TZ
from epay_desktop.sandbox.config import TEST_TERMINAL_ID
from tests.support.clock import Clock
from tests.support.sandbox import SandboxControl
from tests.support.sandbox import SharedSandbox

pytestmark = pytest.mark.xdist_group("shared-sandbox-reset")

INVOICE = "000777001"
#: The leftovers the first test makes, checked by the second.
LEFT: dict[str, str] = {}


@pytest.fixture
def control(two_step_sandbox: RunningSandbox) -> Iterator[SandboxControl]:
    with SandboxControl(two_step_sandbox.base_url) as client:
        yield client


def test_a_test_leaves_a_payment_a_fault_a_token_and_options_behind(control: SandboxControl) -> None:
    control.issue_payment_token(INVOICE, Money.parse("150"))
    assert control.customer_pays(INVOICE)["status"] == "AUTH"  # two-step terminal
    control.fault("refund", "http_status", 500, times=5)
    response = control.call("PATCH", "/sandbox/options", json={"statusLag": 30})
    assert response.status_code == 200, response.text
    assert control.armed_faults() and control.ledger()
    LEFT["url"] = control.base_url


def test_the_next_test_finds_none_of_it(sandbox: RunningSandbox) -> None:
    with SandboxControl(sandbox.base_url) as control:
        if LEFT:  # the first test ran before this one, on this worker: the same server
            assert LEFT["url"] == sandbox.base_url
        assert control.ledger() == []
        assert control.armed_faults() == []
        assert control.call("GET", "/sandbox/tokens").json() == {"service": 0, "payment": 0}
        assert control.call("GET", "/sandbox/options").json()["statusLag"] == 0
        control.issue_payment_token(INVOICE, Money.parse("150"))  # the same invoice id is new again
        assert control.customer_pays(INVOICE)["status"] == "CHARGE"  # one-step, as asked


def test_fresh_gives_the_running_server_the_asked_config(shared_sandbox: SharedSandbox) -> None:
    def clock() -> datetime:
        return datetime(2026, 3, 2, 10, 0, tzinfo=KZ_TZ)

    running = shared_sandbox.fresh(SandboxConfig(shop_name="Дүкен", hold_seconds=60, clock=clock))
    assert running.state.config.shop_name == "Дүкен"
    assert running.state.now() == clock()
    assert running.state.ledger.hold.total_seconds() == 60
    with pytest.raises(ValueError, match="start_in_thread"):
        shared_sandbox.fresh(SandboxConfig(acs_same_origin=True))


def test_one_test_cannot_hold_the_shared_sandbox_twice(
    shared_sandbox: SharedSandbox, request: pytest.FixtureRequest
) -> None:
    shared_sandbox.fresh(holder=request.node.nodeid)
    with pytest.raises(RuntimeError, match="twice"):
        shared_sandbox.fresh(SandboxConfig(two_step=True), holder=request.node.nodeid)


def test_reconfigure_leaves_nothing_of_the_gateway_before(sb2) -> None:
    """``SandboxState.reconfigure`` (what ``SharedSandbox.fresh`` calls): a payment, a saved card, a
    3-D Secure challenge, an armed fault, a held answer and the tokens are gone, and the ledger and the
    postLink sender follow the new config (hold time, clock), not the one before."""
    sb = sb2  # a two-step terminal, an hour's hold
    off_machine = "http://example.com/epay/callback"  # refused at once, stamped with the clock's time
    sb.paid(INVOICE, pan=TEST_CARD_VISA, accountId="client-9", cardSave=True, postLink=off_machine)
    sb.payment_token("000777002")
    challenge = sb.pay("000777002", TEST_CARD_3DS).json()["challengeId"]
    auth = sb.auth()
    refund_fails = {"operation": "refund", "kind": "http_status", "value": 500}
    assert sb.post("/sandbox/faults", json=refund_fails).status_code == 201
    hold = {"operation": "status", "kind": "hold", "value": 30}
    assert sb.post("/sandbox/faults", json=hold).status_code == 201
    held = sb.loop.create_task(sb.client.get(f"/check-status/payment/transaction/{INVOICE}", headers=auth))
    sb.run(asyncio.to_thread(sb.state.faults.holds.wait_held, "status"))
    assert sb.state.cards.active_for("client-9", TEST_TERMINAL_ID)

    later = Clock(sb.clock.now + timedelta(days=3))
    sb.state.reconfigure(SandboxConfig(clock=later, hold_seconds=60))

    assert sb.state.faults.holds.held() == []
    assert sb.run(held).status_code == 200  # let go at once, not after the hold's 30 s
    assert sb.get("/sandbox/transactions").json() == []
    assert sb.get("/sandbox/faults").json() == []
    assert sb.get("/sandbox/tokens").json() == {"service": 0, "payment": 0}
    assert sb.state.cards.active_for("client-9", TEST_TERMINAL_ID) == []
    assert sb.state.challenge_context(challenge) is None
    assert sb.state.ledger.hold == timedelta(seconds=60)
    sb.payment_token(INVOICE)  # the same invoice id is new again, on a one-step terminal
    assert sb.pay(INVOICE, TEST_CARD_VISA, postLink=off_machine).json()["status"] == "CHARGE"
    [entry] = sb.get("/sandbox/transactions").json()
    assert entry["postLinks"][0]["time"] == later.now.isoformat()
