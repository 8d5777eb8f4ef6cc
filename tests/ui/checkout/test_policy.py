"""NavigationPolicy: where the checkout browser may go (pure, no Qt)."""

from __future__ import annotations

import pytest

from epay_desktop.ui.checkout.policy import DEFAULT_RETURN_BASE
from epay_desktop.ui.checkout.policy import Decision
from epay_desktop.ui.checkout.policy import NavigationPolicy
from epay_desktop.ui.checkout.policy import hosts_of
from epay_desktop.ui.checkout.policy import safe_for_log

SANDBOX = "http://127.0.0.1:8765"
PROD = "https://epay.homebank.kz/payform/payment-api.js"
policy = NavigationPolicy(hosts_of(SANDBOX, PROD, "https://epay-api.homebank.kz"))


def test_hosts_of_fills_in_default_ports() -> None:
    assert hosts_of(SANDBOX, PROD) == {"127.0.0.1:8765", "epay.homebank.kz:443"}
    assert hosts_of("http://[::1]:9/x") == {"[::1]:9"}
    with pytest.raises(ValueError, match="not an http"):
        hosts_of("file:///etc/passwd")


@pytest.mark.parametrize(
    ("url", "decision"),
    [
        (f"{SANDBOX}/payform/?params=abc", Decision.ALLOW),
        ("https://epay.homebank.kz/payform/", Decision.ALLOW),
        ("https://EPAY.homebank.kz:443/payform/", Decision.ALLOW),
        ("http://epay.homebank.kz/payform/", Decision.BLOCK),  # remote hosts: https only
        ("https://epay.homebank.kz:8443/", Decision.BLOCK),  # another port is another origin
        ("https://epay.homebank.kz.evil.example/", Decision.BLOCK),
        ("https://user:pw@epay.homebank.kz/", Decision.BLOCK),
        ("http://127.0.0.1:8766/", Decision.BLOCK),
        ("https://example.com/", Decision.BLOCK),
        ("file:///etc/passwd", Decision.BLOCK),
        ("data:text/html,hi", Decision.BLOCK),
        ("javascript:alert(1)", Decision.BLOCK),
        ("halyk://pay", Decision.BLOCK),
        ("about:blank", Decision.BLOCK),
        (f"{DEFAULT_RETURN_BASE}/ok?invoice=000123456", Decision.BACK_OK),
        (f"{DEFAULT_RETURN_BASE}/fail?invoice=000123456", Decision.BACK_FAIL),
        (f"{DEFAULT_RETURN_BASE}/unavailable?invoice=1", Decision.UNAVAILABLE),
        (f"{DEFAULT_RETURN_BASE}/okay", Decision.BLOCK),
        ("https://console.epay-desktop.invalid/elsewhere", Decision.BLOCK),
        ("http://console.epay-desktop.invalid/return/ok", Decision.BLOCK),  # another scheme: not ours
    ],
)
def test_main_frame(url: str, decision: Decision) -> None:
    assert policy.decide(url, main_frame=True) is decision


@pytest.mark.parametrize(
    ("url", "decision"),
    [
        ("https://acs.issuer-bank.example/3ds", Decision.ALLOW),  # 3-D Secure frames: any https
        (f"{SANDBOX}/payform/?isShortForm=true", Decision.ALLOW),  # http only on an allowed loopback
        ("http://127.0.0.1:1234/", Decision.BLOCK),
        ("http://example.com/", Decision.BLOCK),
        ("about:blank", Decision.ALLOW),
        ("about:srcdoc", Decision.ALLOW),
        ("file:///etc/passwd", Decision.BLOCK),
        ("data:text/html,hi", Decision.BLOCK),
        ("https://user@example.com/", Decision.BLOCK),
    ],
)
def test_sub_frames(url: str, decision: Decision) -> None:
    assert policy.decide(url, main_frame=False) is decision


def test_a_host_without_a_port_means_the_default_port() -> None:
    bare = NavigationPolicy({"epay.homebank.kz", "localhost"})
    assert bare.decide("https://epay.homebank.kz/x", main_frame=True) is Decision.ALLOW
    assert bare.decide("http://localhost/x", main_frame=True) is Decision.ALLOW
    assert bare.decide("http://localhost:81/x", main_frame=True) is Decision.BLOCK


def test_back_links_and_a_configurable_base() -> None:
    own = NavigationPolicy({"127.0.0.1:8765"}, return_base="https://till-3.shop.invalid/back/")
    assert own.back_link("ok", "000 1&2") == "https://till-3.shop.invalid/back/ok?invoice=000%201%262"
    assert own.invoice_of(own.back_link("fail", "000123")) == "000123"
    assert own.decide(own.back_link("ok", "1"), main_frame=True) is Decision.BACK_OK
    assert own.decide(f"{DEFAULT_RETURN_BASE}/ok?invoice=1", main_frame=True) is Decision.BLOCK
    with pytest.raises(ValueError, match="not an http"):
        NavigationPolicy({"a"}, return_base="ftp://x/")


def test_logged_urls_lose_their_query() -> None:
    assert safe_for_log(f"{SANDBOX}/payform/?params=TOKEN") == "http://127.0.0.1:8765/payform/"
    assert safe_for_log("data:text/html,<card>") == "data:"
