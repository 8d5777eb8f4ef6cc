"""Where the checkout browser may go: a pure decision on a URL, no Qt (so it is easy to test).

Main frame: the configured gateway hosts ("host" or "host:port"), over https, or over http when
the host is a loopback address (the sandbox). The back links under ``return_base`` are never loaded:
they are answers (``ok`` / ``fail``) that the page turns into a signal. Sub-frames (the widget's iframe,
a 3-D Secure frame) may be any https page, or http on an allow-listed loopback host. Everything else
(file:, data:, javascript:, custom schemes, other hosts, user:password@ URLs) is blocked.

One way out of the gateway (docs/decisions/0040): during a payment, the card issuer's 3-D Secure page
(the ACS) on another host. The gateway's page (or our own launcher page for a saved card's
``secure3D``) sends the whole window there by a form POST with MD/PaReq/TermUrl; :meth:`decide_navigation`
allows exactly that entry (:attr:`Decision.ISSUER`), then that one host's own form posts, redirects and
links, and the way back to the gateway (TermUrl). Links, typed or scripted location changes, a GET form
or a redirect to any other host stay blocked.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final
from urllib.parse import parse_qs
from urllib.parse import quote
from urllib.parse import urlsplit

from epay_desktop.domain.hosts import is_loopback_host

__all__ = [
    "DEFAULT_RETURN_BASE",
    "Decision",
    "NavKind",
    "Navigation",
    "NavigationPolicy",
    "could_be_issuer",
    "display_host",
    "hosts_of",
    "safe_for_log",
]

#: Where the payment object's backLink/failureBackLink point (``.invalid`` never resolves).
DEFAULT_RETURN_BASE: Final = "https://console.epay-desktop.invalid/return"
_DEFAULT_PORTS: Final = {"http": 80, "https": 443}
_BLANK_FRAMES: Final = ("about:blank", "about:srcdoc")
#: Our own page that posts a saved card's 3-D Secure form to the issuer (under ``return_base``).
_LAUNCHER: Final = "secure3d"


class Decision(Enum):
    ALLOW = "allow"
    BLOCK = "block"
    BACK_OK = "back-ok"  # the gateway's backLink: the customer finished, success hinted
    BACK_FAIL = "back-fail"  # failureBackLink: the customer finished, failure hinted
    UNAVAILABLE = "unavailable"  # our own shell page: the gateway script did not load
    ISSUER = "issuer"  # allowed: the card issuer's 3-D Secure page (another host), see decide_navigation


class NavKind(Enum):
    """How a navigation started (QWebEnginePage.NavigationType without Qt)."""

    LINK = "link"  # a click, or a script setting location
    TYPED = "typed"  # the API: load()/setUrl()
    FORM = "form"  # a form submission (GET or POST: see Navigation.method)
    BACK_FORWARD = "back-forward"
    RELOAD = "reload"
    REDIRECT = "redirect"  # a server redirect of a navigation already under way
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Navigation:
    """One navigation as :meth:`NavigationPolicy.decide_navigation` sees it."""

    url: str
    main_frame: bool = True
    kind: NavKind = NavKind.OTHER
    #: The main frame's page now (where the navigation starts from); "" before the first page.
    current: str = ""
    #: A payment is running in the view (between start and finished / cancelled / failed).
    active: bool = False
    #: ``host:port`` of the issuer's page this payment already entered ("" when none).
    issuer: str = ""
    #: The HTTP method when known (the request interceptor); None in acceptNavigationRequest.
    method: str | None = None


@dataclass(frozen=True, slots=True)
class _Target:
    scheme: str
    host: str
    port: int | None
    path: str
    query: str
    has_userinfo: bool


def _split(url: str) -> _Target | None:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if port is None:
        port = _DEFAULT_PORTS.get(scheme)
    host = (parts.hostname or "").lower()
    has_userinfo = "@" in parts.netloc
    return _Target(scheme, host, port, parts.path or "/", parts.query, has_userinfo)


def hosts_of(*urls: str) -> frozenset[str]:
    """``host:port`` of each URL (default port filled in), e.g. the widget and API URLs."""
    found = set()
    for url in urls:
        target = _split(url)
        if target is None or not target.host or target.port is None:
            raise ValueError(f"{url!r} is not an http(s) URL")
        found.add(_netloc(target.host, target.port))
    return frozenset(found)


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def could_be_issuer(url: str) -> bool:
    """``url`` could be a card issuer's 3-D Secure page: https, or http on loopback; no user:password@."""
    target = _split(url)
    return target is not None and NavigationPolicy._foreign_ok(target)


def display_host(url: str) -> str:
    """The host as people read it: ``bank.kz``, or ``127.0.0.1:43117`` when the port is not the default."""
    target = _split(url)
    if target is None or not target.host:
        return ""
    host = f"[{target.host}]" if ":" in target.host else target.host
    if target.port is None or target.port == _DEFAULT_PORTS.get(target.scheme):
        return host
    return f"{host}:{target.port}"


def safe_for_log(url: str) -> str:
    """Scheme, host and path only: queries carry the payment object and its token."""
    target = _split(url)
    if target is None:
        return "<unparsable>"
    if target.scheme not in _DEFAULT_PORTS:
        return f"{target.scheme}:"
    return f"{target.scheme}://{target.host}{'' if target.port is None else f':{target.port}'}{target.path}"


class NavigationPolicy:
    """Decides each navigation of the checkout page. ``allowed_hosts``: "host" or "host:port"."""

    def __init__(self, allowed_hosts: frozenset[str] | set[str], return_base: str = DEFAULT_RETURN_BASE):
        self._allowed: set[tuple[str, int | None]] = set()
        for entry in allowed_hosts:
            target = _split(f"//{entry.strip()}")
            if target is None or not target.host:
                raise ValueError(f"{entry!r} is not a host or host:port")
            self._allowed.add((target.host, target.port))
        base = _split(return_base.rstrip("/") + "/")
        if base is None or base.scheme not in _DEFAULT_PORTS or not base.host:
            raise ValueError(f"{return_base!r} is not an http(s) URL")
        self._base = base
        self.return_base = return_base.rstrip("/")

    def back_link(self, kind: str, invoice_id: str) -> str:
        """The URL the page navigates to when the customer finished (kind: ok / fail / unavailable)."""
        return f"{self.return_base}/{kind}?invoice={quote(invoice_id, safe='')}"

    def launcher_url(self) -> str:
        """Where our own saved-card 3-D Secure page is loaded (its origin is ours, never the gateway's)."""
        return f"{self.return_base}/{_LAUNCHER}"

    def netloc_of(self, url: str) -> str:
        """``host:port`` (default port filled in) of an http(s) URL, "" otherwise."""
        target = _split(url)
        if target is None or not target.host or target.port is None or target.scheme not in _DEFAULT_PORTS:
            return ""
        return _netloc(target.host, target.port)

    def is_issuer_page(self, url: str, issuer: str) -> bool:
        """``url`` is on ``issuer`` (the host entered by the 3-D Secure form) and not on the gateway."""
        target = _split(url)
        return (
            bool(issuer)
            and target is not None
            and self._foreign_ok(target)
            and not self._host_ok(target)
            and self.netloc_of(url) == issuer
        )

    def is_allowed_host(self, url: str) -> bool:
        target = _split(url)
        return target is not None and self._host_ok(target)

    def _host_ok(self, target: _Target) -> bool:
        if target.has_userinfo or not target.host:
            return False
        if target.scheme == "https":
            pass
        elif not (target.scheme == "http" and is_loopback_host(target.host)):
            return False
        # "host" without a port in the allow-list means the scheme's default port.
        default = _DEFAULT_PORTS[target.scheme]
        return (target.host, target.port) in self._allowed or (
            target.port == default and (target.host, None) in self._allowed
        )

    def invoice_of(self, url: str) -> str | None:
        """The ``invoice`` query value of a back link (only a hint, like everything from the page)."""
        target = _split(url)
        values = parse_qs(target.query).get("invoice") if target else None
        return values[0] if values else None

    def decide_navigation(self, nav: Navigation) -> Decision:
        """The decision for one navigation, from its URL, kind, the page it starts on and the payment.

        Main frame, beyond :meth:`decide`: while a payment is active, a *form submission* (POST, or a
        method not known yet) from a gateway page or from our launcher page may enter another host: the
        card issuer's 3-D Secure page (:attr:`Decision.ISSUER`). On that host (``nav.issuer``), its own
        form posts and redirects (also while the entry is still under way) and its own links and
        scripted moves stay allowed; the way back to the gateway is an ordinary gateway navigation.
        Everything else to another host is blocked: links and location changes from the gateway, typed
        loads, reloads, history moves, GET forms, redirects to a host not entered, a third host from
        the issuer's page, plain http off loopback, user:password@ URLs.
        """
        decision = self.decide(nav.url, nav.main_frame)
        if decision is not Decision.BLOCK or not nav.main_frame or not nav.active:
            return decision
        target = _split(nav.url)
        if target is None or not self._foreign_ok(target) or self._back_kind(target) is not None:
            return Decision.BLOCK
        here = _split(nav.current)
        on_gateway = here is not None and self._host_ok(here)
        on_launcher = here is not None and self._is_launcher(here)
        on_issuer = self.is_issuer_page(nav.current, nav.issuer)
        post = nav.method is None or nav.method.upper() == "POST"
        if nav.kind is NavKind.FORM and (on_gateway or on_launcher):
            # The gateway sends the window to the issuer (MD, PaReq, TermUrl): a POST, nothing else.
            return Decision.ISSUER if post else Decision.BLOCK
        if nav.issuer and self.netloc_of(nav.url) == nav.issuer:
            if nav.kind is NavKind.REDIRECT and (on_gateway or on_launcher or on_issuer):
                return Decision.ISSUER  # the issuer redirects the entry (or its own step) within itself
            if nav.kind in (NavKind.FORM, NavKind.LINK, NavKind.OTHER) and on_issuer:
                return Decision.ISSUER  # the issuer's own page moves within the issuer's host
        return Decision.BLOCK

    def _is_launcher(self, target: _Target) -> bool:
        base = self._base
        return (target.scheme, target.host, target.port) == (base.scheme, base.host, base.port) and (
            target.path.rstrip("/") == base.path + _LAUNCHER
        )

    @staticmethod
    def _foreign_ok(target: _Target) -> bool:
        """Could be an issuer's page at all: https, or http on loopback; a host, no user:password@."""
        if target.has_userinfo or not target.host or target.port is None:
            return False
        return target.scheme == "https" or (target.scheme == "http" and is_loopback_host(target.host))

    def decide(self, url: str, main_frame: bool) -> Decision:
        target = _split(url)
        if target is None:
            return Decision.BLOCK
        if main_frame:
            back = self._back_kind(target)
            if back is not None:
                return back
            return Decision.ALLOW if self._host_ok(target) else Decision.BLOCK
        if url.strip().lower() in _BLANK_FRAMES:
            return Decision.ALLOW
        if target.has_userinfo or not target.host:
            return Decision.BLOCK
        if target.scheme == "https" or (target.scheme == "http" and self._host_ok(target)):
            return Decision.ALLOW
        return Decision.BLOCK

    def _back_kind(self, target: _Target) -> Decision | None:
        base = self._base
        if (target.scheme, target.host, target.port) != (base.scheme, base.host, base.port):
            return None
        if not target.path.startswith(base.path):
            return Decision.BLOCK  # our own made-up host: never loaded, whatever the path
        kind = target.path[len(base.path) :].strip("/")
        return {
            "ok": Decision.BACK_OK,
            "fail": Decision.BACK_FAIL,
            "unavailable": Decision.UNAVAILABLE,
        }.get(kind, Decision.BLOCK)
