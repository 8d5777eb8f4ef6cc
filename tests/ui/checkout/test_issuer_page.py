"""The issuer's 3-D Secure page in the real checkout browser (docs/decisions/0040), on two loopback servers.

"Gateway" is the only allowed host; "issuer" is another port (another origin). The view posts a saved
card's secure3D form there; the issuer's own form and redirect work; TermUrl brings the window back; the
strip names the issuer's host only while the page is on it; a GET form or a link away stays blocked.
"""

from __future__ import annotations

import html
import http.server
import logging
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs

import pytest
from PySide6.QtCore import QUrl

from epay_desktop.ui.checkout.policy import hosts_of
from epay_desktop.ui.checkout.view import CheckoutView
from tests.support.loopback import serving

pytestmark = pytest.mark.browser
MakeView = Callable[..., CheckoutView]


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path != "/favicon.ico":  # the browser's own request, not the page's
            self.server.seen.append(("GET", self.path.split("?")[0], {}))
        self._answer()

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        fields = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        self.server.seen.append(("POST", self.path.split("?")[0], fields))
        self._answer(fields)

    def _answer(self, fields: dict[str, str] | None = None) -> None:
        path = self.path.split("?")[0]
        if path == "/acs/confirm":  # the issuer's code form: redirected within the issuer
            self.send_response(303)
            self.send_header("Location", "/acs/done")
            self.end_headers()
            return
        body = self.server.pages.get(path, "<p>nothing here</p>")
        if fields:
            body = body.replace("@TERM@", html.escape(fields.get("TermUrl", ""), quote=True))
        data = f"<!doctype html><html><body>{body}</body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class _Server(http.server.ThreadingHTTPServer):
    seen: list[tuple[str, str, dict[str, str]]]
    pages: dict[str, str]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def servers() -> Iterator[tuple[_Server, _Server]]:
    running = []
    for pages in (
        {  # the gateway: TermUrl, and a page that tries to leave
            "/term": '<p id="back">back on the gateway</p>',
        },
        {  # the issuer
            "/acs": '<form id="code" method="post" action="/acs/confirm"><input name="code" value="000000">'
            '<input type="hidden" name="TermUrl" value="@TERM@"></form>',
            "/acs/done": '<form id="term" method="post" action=""><input name="PaRes" value="ok"></form>',
        },
    ):
        server = _Server(("127.0.0.1", 0), _Handler)
        server.seen, server.pages = [], pages
        running.append(server)
    with serving(running[0]), serving(running[1]):
        yield running[0], running[1]


@dataclass(frozen=True)
class Form:
    action: str
    md: str
    pa_req: str
    term_url: str


def in_an_hour() -> datetime:
    return datetime.now(UTC) + timedelta(hours=1)


def test_a_saved_cards_secure3d_goes_to_the_issuer_and_back(
    make_view: MakeView, drive: Any, qtbot: Any, servers: tuple[_Server, _Server], caplog: Any
) -> None:
    caplog.set_level(logging.DEBUG, logger="epay_desktop")
    gateway, issuer = servers
    view = make_view(allowed_hosts=hosts_of(gateway.base))
    term = f"{gateway.base}/term?Access=tok"
    view.start_issuer_check("000000777", Form(f"{issuer.base}/acs", "md-1", 'pa"<req>', term), in_an_hour())
    host = issuer.base.removeprefix("http://")
    qtbot.waitUntil(view.issuer_label.isVisible, timeout=15_000)
    assert view.issuer_label.text() == (
        f"Card issuer's verification page: {host} \u2014 the payment continues after it"
    )
    assert issuer.seen[0] == ("POST", "/acs", {"MD": "md-1", "PaReq": 'pa"<req>', "TermUrl": term})
    assert view.page.issuer == host
    drive.wait_js(lambda: view.page, "!!document.getElementById('code')")
    qtbot.waitUntil(lambda: "card issuer" in view.status_label.text(), timeout=15_000)

    # the issuer's own form, then its redirect within itself: still the issuer's page, strip still there
    drive.run_js(view.page, "document.getElementById('code').submit(); true")
    drive.wait_js(lambda: view.page, "!!document.getElementById('term')")
    assert [s[:2] for s in issuer.seen] == [("POST", "/acs"), ("POST", "/acs/confirm"), ("GET", "/acs/done")]
    assert view.issuer_label.isVisible()

    # a link away from the issuer's page is blocked; the page stays
    with qtbot.waitSignal(view.page.navigation_blocked, timeout=10_000) as sig:
        drive.run_js(view.page, "location.href = 'https://example.com/'; true")
    assert sig.args == ["https://example.com:443/"]
    assert view.page.url().toString() == f"{issuer.base}/acs/done"

    # back through TermUrl: the gateway's page again, the strip is gone
    drive.run_js(view.page, f"var f = document.getElementById('term'); f.action = {term!r}; f.submit(); true")
    drive.wait_js(lambda: view.page, "!!document.getElementById('back')")
    qtbot.waitUntil(lambda: not view.issuer_label.isVisible(), timeout=10_000)
    assert gateway.seen == [("POST", "/term", {"PaRes": "ok"})]
    assert view.issuer_label.text() == ""

    # from the gateway's page: a link to the issuer's host is a link away, blocked
    with qtbot.waitSignal(view.page.navigation_blocked, timeout=10_000):
        drive.run_js(view.page, f"location.href = '{issuer.base}/acs'; true")
    assert len(issuer.seen) == 3

    # a GET form from the gateway's page to another host: acceptNavigationRequest cannot see the method,
    # the request interceptor refuses it, and the view says the page tried to leave
    with qtbot.waitSignal(view.load_failed, timeout=15_000) as failed:
        drive.run_js(
            view.page,
            f"var f = document.createElement('form'); f.method = 'get'; f.action = '{issuer.base}/acs';"
            " document.body.appendChild(f); f.submit(); true",
        )
    assert failed.args == [f"The payment page tried to open {host}, which the console does not allow."]
    assert len(issuer.seen) == 3  # it never reached the issuer
    assert view.failure_detail.startswith("blocked: ")
    assert not view.page.payment_active
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"event=checkout_issuer_page url={issuer.base}/acs kind=form" in logged
    for secret in ("Access=tok", "md-1", "pa%22", "PaRes", "tok"):  # never the query or form fields
        assert secret not in logged


def test_without_a_payment_the_issuer_cannot_be_entered(
    make_view: MakeView, drive: Any, qtbot: Any, servers: tuple[_Server, _Server]
) -> None:
    gateway, issuer = servers
    view = make_view(allowed_hosts=hosts_of(gateway.base))
    with qtbot.waitSignal(view.page.loadFinished, timeout=10_000):
        view.page.load(QUrl(f"{gateway.base}/term"))
    assert not view.page.payment_active
    with qtbot.waitSignal(view.page.navigation_blocked, timeout=10_000):
        drive.run_js(
            view.page,
            f"var f = document.createElement('form'); f.method = 'post'; f.action = '{issuer.base}/acs';"
            " document.body.appendChild(f); f.submit(); true",
        )
    assert issuer.seen == [] and not view.issuer_label.isVisible()


def test_an_action_that_cannot_be_an_issuers_page_is_refused(make_view: MakeView) -> None:
    view = make_view()
    for action in ("http://acs.bank.example/3ds", "file:///etc/passwd", "https://u:p@acs.example/", "x"):
        with pytest.raises(ValueError, match="3-D Secure action"):
            view.start_issuer_check("1", Form(action, "m", "p", "t"), in_an_hour())
    with pytest.raises(ValueError, match="timezone"):
        view.start_issuer_check("1", Form("https://acs.example/", "m", "p", "t"), datetime(2030, 1, 1))
    assert not view.page.payment_active
