"""Where the gateway lives and who we are to it.

Four environments are known by name (see docs/epay-api.md section 1); any URL can be
overridden. The client treats every environment alike: the built-in sandbox is just
another set of URLs, so the same code runs against the real hosts unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from enum import StrEnum
from urllib.parse import urlsplit

__all__ = ["Credentials", "Endpoints", "Environment", "Secret", "endpoints_for"]

#: Where ``epay-desktop sandbox`` listens unless told otherwise.
SANDBOX_DEFAULT_URL = "http://127.0.0.1:8765"


class Environment(StrEnum):
    """The names accepted in ``EPAYMENT_ENV``."""

    PROD = "prod"
    TEST = "test"  # test hosts on epayment.kz (newer docs)
    TEST_HOMEBANK = "test-homebank"  # test hosts on homebank.kz, API under /api (older docs)
    SANDBOX = "sandbox"  # the built-in emulator on loopback

    @classmethod
    def parse(cls, text: str) -> Environment:
        try:
            return cls(text.strip().lower())
        except ValueError:
            names = ", ".join(e.value for e in cls)
            raise ValueError(f"unknown gateway environment {text!r}; use one of: {names}") from None


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The three URLs the console needs.

    ``oauth_url`` is the full token URL, ``api_url`` the REST base (paths are appended),
    ``widget_url`` the full URL of ``payment-api.js``.
    """

    oauth_url: str
    api_url: str
    widget_url: str

    def __post_init__(self) -> None:
        for name in ("oauth_url", "api_url", "widget_url"):
            url = getattr(self, name)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError(f"{name} {url!r} is not an http(s) URL")
        object.__setattr__(self, "api_url", self.api_url.rstrip("/"))

    def with_overrides(
        self, oauth_url: str | None = None, api_url: str | None = None, widget_url: str | None = None
    ) -> Endpoints:
        return replace(
            self,
            oauth_url=oauth_url or self.oauth_url,
            api_url=api_url or self.api_url,
            widget_url=widget_url or self.widget_url,
        )

    @property
    def hosts(self) -> frozenset[str]:
        """Host names (with port) the checkout page may navigate to."""
        netlocs = {urlsplit(u).netloc for u in (self.oauth_url, self.api_url, self.widget_url)}
        return frozenset(netlocs)


def sandbox_endpoints(base_url: str = SANDBOX_DEFAULT_URL) -> Endpoints:
    """The sandbox serves everything on one origin, like a real host would per service."""
    base = base_url.rstrip("/")
    return Endpoints(
        oauth_url=f"{base}/oauth2/token",
        api_url=base,
        widget_url=f"{base}/payform/payment-api.js",
    )


_PRESETS = {
    Environment.PROD: Endpoints(
        oauth_url="https://epay-oauth.homebank.kz/oauth2/token",
        api_url="https://epay-api.homebank.kz",
        widget_url="https://epay.homebank.kz/payform/payment-api.js",
    ),
    Environment.TEST: Endpoints(
        oauth_url="https://test-epay-oauth.epayment.kz/oauth2/token",
        api_url="https://test-epay-api.epayment.kz",
        widget_url="https://test-epay.epayment.kz/redesign-payform/payment-api.js",
    ),
    Environment.TEST_HOMEBANK: Endpoints(
        oauth_url="https://testoauth.homebank.kz/epay2/oauth2/token",
        api_url="https://testepay.homebank.kz/api",
        widget_url="https://test-epay.homebank.kz/payform/payment-api.js",
    ),
    Environment.SANDBOX: sandbox_endpoints(),
}


def endpoints_for(env: Environment) -> Endpoints:
    return _PRESETS[env]


class Secret:
    """A string that never shows itself in ``repr``, ``str``, logs or tracebacks."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


@dataclass(frozen=True, slots=True)
class Credentials:
    """The merchant's OAuth client and terminal. ``terminal_id`` is the terminal UUID."""

    client_id: str
    client_secret: Secret = field(repr=False)
    terminal_id: str
