"""NavigationPolicy.decide_navigation: the one way out of the gateway, the issuer's 3-D Secure page (0040).

Pure, no Qt: the navigation's kind, the page it starts on, the payment running or not, the issuer host
this payment entered and (from the request interceptor) the HTTP method.
"""

from __future__ import annotations

import pytest

from epay_desktop.ui.checkout.policy import DEFAULT_RETURN_BASE
from epay_desktop.ui.checkout.policy import Decision
from epay_desktop.ui.checkout.policy import Navigation
from epay_desktop.ui.checkout.policy import NavigationPolicy
from epay_desktop.ui.checkout.policy import NavKind
from epay_desktop.ui.checkout.policy import display_host
from epay_desktop.ui.checkout.policy import hosts_of

SANDBOX = "http://127.0.0.1:8765"
PROD = "https://epay.homebank.kz"
policy = NavigationPolicy(hosts_of(SANDBOX, PROD, "https://epay-api.homebank.kz"))

GATEWAY_PAGE = f"{SANDBOX}/payform/pay"  # the hosted page after the card form's POST
PROD_PAGE = f"{PROD}/payform/"
ACS = "http://127.0.0.1:43117"  # the sandbox's issuer: another loopback port is another origin
ACS_PAGE = f"{ACS}/acs?step=1"
BANK_ACS = "https://acs.kaspi.example/3ds/auth"
LAUNCHER = policy.launcher_url()
F, R, L, T, OT = NavKind.FORM, NavKind.REDIRECT, NavKind.LINK, NavKind.TYPED, NavKind.OTHER
ISSUER, BLOCK, ALLOW = Decision.ISSUER, Decision.BLOCK, Decision.ALLOW


def nav(
    url: str, kind: NavKind, current: str, *, active: bool = True, issuer: str = "", method: str | None = None
):
    return policy.decide_navigation(Navigation(url, True, kind, current, active, issuer, method))


@pytest.mark.parametrize(
    ("url", "kind", "current", "method", "decision"),
    [
        # entering the issuer's page: a form POST started on a gateway page (or our launcher page)
        (f"{ACS}/acs", F, GATEWAY_PAGE, None, ISSUER),  # acceptNavigationRequest: method not known yet
        (f"{ACS}/acs", F, GATEWAY_PAGE, "POST", ISSUER),  # the interceptor: a POST
        (f"{ACS}/acs", F, GATEWAY_PAGE, "post", ISSUER),
        (BANK_ACS, F, PROD_PAGE, "POST", ISSUER),
        (BANK_ACS, F, LAUNCHER, "POST", ISSUER),  # a saved card's secure3D, posted by our own page
        (BANK_ACS, F, LAUNCHER + "/", None, ISSUER),
        # ...and nothing else leaves the gateway
        (f"{ACS}/acs?MD=1", F, GATEWAY_PAGE, "GET", BLOCK),  # a GET form puts the fields in the URL
        (f"{ACS}/acs", L, GATEWAY_PAGE, None, BLOCK),  # a link, or a script setting location
        (f"{ACS}/acs", OT, GATEWAY_PAGE, None, BLOCK),
        (f"{ACS}/acs", T, GATEWAY_PAGE, None, BLOCK),  # typed: load()/setUrl()
        (f"{ACS}/acs", NavKind.RELOAD, GATEWAY_PAGE, None, BLOCK),
        (f"{ACS}/acs", NavKind.BACK_FORWARD, GATEWAY_PAGE, None, BLOCK),
        (f"{ACS}/acs", R, GATEWAY_PAGE, None, BLOCK),  # a redirect to a host no form entered
        ("https://example.com/", F, "https://example.com/x", "POST", BLOCK),  # not started on the gateway
        ("https://example.com/", F, "", "POST", BLOCK),  # no page yet
        (BANK_ACS, F, f"{DEFAULT_RETURN_BASE}/checkout", "POST", BLOCK),  # our shell page is not the launcher
        (BANK_ACS, F, f"{DEFAULT_RETURN_BASE}/done", "POST", BLOCK),
        (BANK_ACS, F, "https://epay.homebank.kz.evil.example/", "POST", BLOCK),
        ("http://acs.bank.example/3ds", F, PROD_PAGE, "POST", BLOCK),  # plain http off loopback
        ("https://user:pw@acs.bank.example/", F, PROD_PAGE, "POST", BLOCK),
        ("file:///etc/passwd", F, PROD_PAGE, "POST", BLOCK),
        ("data:text/html,<form>", F, PROD_PAGE, "POST", BLOCK),
        ("javascript:alert(1)", F, PROD_PAGE, "POST", BLOCK),
        ("halyk://pay", F, PROD_PAGE, "POST", BLOCK),
        (f"{DEFAULT_RETURN_BASE}/elsewhere", F, PROD_PAGE, "POST", BLOCK),  # our made-up host never loads
    ],
)
def test_entering_the_issuers_page(
    url: str, kind: NavKind, current: str, method: str | None, decision: Decision
):
    assert nav(url, kind, current, method=method) is decision


def test_nothing_leaves_the_gateway_without_a_payment_running() -> None:
    assert nav(f"{ACS}/acs", F, GATEWAY_PAGE, active=False, method="POST") is BLOCK
    assert nav(BANK_ACS, F, LAUNCHER, active=False) is BLOCK
    assert nav(ACS_PAGE, R, ACS_PAGE, active=False, issuer="127.0.0.1:43117") is BLOCK
    # the gateway itself and the back links do not depend on it
    assert nav(f"{SANDBOX}/payform/", L, "", active=False) is ALLOW
    assert nav(f"{DEFAULT_RETURN_BASE}/ok?invoice=1", L, GATEWAY_PAGE, active=False) is Decision.BACK_OK


@pytest.mark.parametrize(
    ("url", "kind", "current", "decision"),
    [
        (f"{ACS}/acs/2", R, GATEWAY_PAGE, ISSUER),  # the issuer redirects the entering POST within itself
        (f"{ACS}/acs/2", R, ACS_PAGE, ISSUER),
        (f"{ACS}/acs/confirm", F, ACS_PAGE, ISSUER),  # the issuer's own code form
        (f"{ACS}/acs/resend", L, ACS_PAGE, ISSUER),  # its own links and scripted moves
        (f"{ACS}/acs/resend", OT, ACS_PAGE, ISSUER),
        (f"{SANDBOX}/payments/cards/confirmPayment?Access=x", F, ACS_PAGE, ALLOW),  # back through TermUrl
        (f"{SANDBOX}/payform/result", L, ACS_PAGE, ALLOW),
        (f"{DEFAULT_RETURN_BASE}/fail?invoice=1", L, ACS_PAGE, Decision.BACK_FAIL),
        ("https://example.com/", L, ACS_PAGE, BLOCK),  # a link away from the issuer's page
        ("https://example.com/", F, ACS_PAGE, BLOCK),  # a third host, even by a POST
        ("https://example.com/", R, ACS_PAGE, BLOCK),
        ("http://127.0.0.1:43118/acs", F, ACS_PAGE, BLOCK),  # another port is another host
        (f"{ACS}/acs", T, ACS_PAGE, BLOCK),
        (f"{ACS}/acs", NavKind.RELOAD, ACS_PAGE, BLOCK),
        (f"{ACS}/acs", L, GATEWAY_PAGE, BLOCK),  # back on the gateway: a link to the issuer is a link away
        (f"{ACS}/acs", OT, GATEWAY_PAGE, BLOCK),
    ],
)
def test_on_the_issuers_page(url: str, kind: NavKind, current: str, decision: Decision) -> None:
    assert nav(url, kind, current, issuer="127.0.0.1:43117") is decision


def test_the_issuer_entered_is_the_only_one() -> None:
    # on a page of a host that is not the entered issuer: nothing is the issuer's own move
    assert nav(f"{ACS}/acs", F, "http://127.0.0.1:43118/acs", issuer="127.0.0.1:43118") is BLOCK
    assert nav(f"{ACS}/acs", L, ACS_PAGE, issuer="127.0.0.1:9") is BLOCK
    assert nav(f"{ACS}/acs", R, GATEWAY_PAGE, issuer="") is BLOCK


def test_sub_frames_keep_their_rules() -> None:
    frame = policy.decide_navigation(Navigation("https://acs.bank.example/3ds", False, F, PROD_PAGE, True))
    assert frame is ALLOW
    frame = policy.decide_navigation(Navigation("http://example.com/", False, F, PROD_PAGE, True))
    assert frame is BLOCK


def test_issuer_page_and_display_host() -> None:
    issuer = policy.netloc_of(ACS_PAGE)
    assert issuer == "127.0.0.1:43117"
    assert policy.is_issuer_page(ACS_PAGE, issuer)
    assert not policy.is_issuer_page(GATEWAY_PAGE, issuer)
    assert not policy.is_issuer_page(ACS_PAGE, "")
    assert not policy.is_issuer_page(GATEWAY_PAGE, policy.netloc_of(GATEWAY_PAGE))  # the gateway is never it
    assert policy.netloc_of("https://Acs.Bank.example/x") == "acs.bank.example:443"
    assert policy.netloc_of("data:text/html,x") == ""
    assert display_host(ACS_PAGE) == "127.0.0.1:43117"
    assert display_host("https://acs.bank.example:443/3ds?PaReq=secret") == "acs.bank.example"
    assert display_host("https://[::1]:8443/x") == "[::1]:8443"
    assert display_host("nonsense") == ""
    assert policy.launcher_url() == f"{DEFAULT_RETURN_BASE}/secure3d"
    assert policy.decide(LAUNCHER, main_frame=True) is BLOCK  # loaded only by setHtml, never navigated to
