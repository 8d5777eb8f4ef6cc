"""Where the checkout browser may go: a pure decision on a URL, no Qt (so it is easy to test).

Main frame: only the configured gateway hosts ("host" or "host:port"), over https, or over http when
the host is a loopback address (the sandbox). The back links under ``return_base`` are never loaded:
they are answers (``ok`` / ``fail``) that the page turns into a signal. Sub-frames (the widget's iframe,
a 3-D Secure frame) may be any https page, or http on an allow-listed loopback host. Everything else
(file:, data:, javascript:, custom schemes, other hosts, user:password@ URLs) is blocked.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import Enum
from typing import Final
from urllib.parse import parse_qs, quote, urlsplit

__all__ = ["DEFAULT_RETURN_BASE", "Decision", "NavigationPolicy", "hosts_of", "safe_for_log"]

#: Where the payment object's backLink/failureBackLink point (``.invalid`` never resolves).
DEFAULT_RETURN_BASE: Final = "https://console.epay-desktop.invalid/return"
_DEFAULT_PORTS: Final = {"http": 80, "https": 443}
_BLANK_FRAMES: Final = ("about:blank", "about:srcdoc")


class Decision(Enum):
    ALLOW = "allow"
    BLOCK = "block"
    BACK_OK = "back-ok"  # the gateway's backLink: the customer finished, success hinted
    BACK_FAIL = "back-fail"  # failureBackLink: the customer finished, failure hinted
    UNAVAILABLE = "unavailable"  # our own shell page: the gateway script did not load


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


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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

    def is_allowed_host(self, url: str) -> bool:
        target = _split(url)
        return target is not None and self._host_ok(target)

    def _host_ok(self, target: _Target) -> bool:
        if target.has_userinfo or not target.host:
            return False
        if target.scheme == "https":
            pass
        elif not (target.scheme == "http" and _is_loopback(target.host)):
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
