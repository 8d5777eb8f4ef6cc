"""Settings read from the environment, each name declared once with its default and meaning.

Only the gateway connection is configured here for now. Names follow the seed
integration (``EPAYMENT_*``) so an operator who knows that backend knows these.
Every value is checked when read; a wrong one stops start-up with a message that
names the variable, says what is wrong and what would be accepted.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .gateway.config import Credentials, Endpoints, Environment, Secret, endpoints_for

__all__ = ["ENV_VARS", "GatewaySettings", "SettingsError", "load_gateway_settings"]

#: The published test merchant (docs/epay-api.md section 13). It works on the bank's
#: test hosts and on the built-in sandbox, never in production.
TEST_CLIENT_ID = "test"
TEST_CLIENT_SECRET = "yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG"  # noqa: S105 - public test credential
TEST_TERMINAL_ID = "67e34d63-102f-4bd1-898e-370781d0074d"

#: name -> what it means (shown by ``epay-desktop config`` and the README).
ENV_VARS: Mapping[str, str] = {
    "EPAYMENT_ENV": "gateway: prod, test (epayment.kz test hosts), test-homebank (old test hosts), "
    "sandbox (built-in emulator; the default)",
    "EPAYMENT_CLIENT_ID": "OAuth client id (test environments default to the published test merchant)",
    "EPAYMENT_CLIENT_SECRET": "OAuth client secret (never written to a file, the database or a log)",
    "EPAYMENT_TERMINAL": "terminal UUID from the ePay cabinet",
    "EPAYMENT_OAUTH_URL": "override: full token URL, e.g. https://epay-oauth.homebank.kz/oauth2/token",
    "EPAYMENT_API_URL": "override: REST API base URL, e.g. https://epay-api.homebank.kz",
    "EPAYMENT_WIDGET_URL": "override: full URL of payment-api.js",
}

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class SettingsError(ValueError):
    """A setting has a value the console cannot use. The message is for the operator."""


@dataclass(frozen=True, slots=True)
class GatewaySettings:
    environment: Environment
    endpoints: Endpoints
    credentials: Credentials

    def describe(self) -> dict[str, str]:
        """What an operator may see: everything but the secret's value."""
        return {
            "environment": self.environment.value,
            "oauth_url": self.endpoints.oauth_url,
            "api_url": self.endpoints.api_url,
            "widget_url": self.endpoints.widget_url,
            "client_id": self.credentials.client_id,
            "terminal": self.credentials.terminal_id,
            "client_secret": "set" if self.credentials.client_secret else "not set",
        }


def load_gateway_settings(environ: Mapping[str, str] | None = None) -> GatewaySettings:
    """Read and check the gateway settings; raises :class:`SettingsError` naming the bad variable."""
    env = os.environ if environ is None else environ

    def get(name: str) -> str | None:
        value = env.get(name)
        if value is None:
            return None
        value = value.strip()
        return value or None

    raw_env = get("EPAYMENT_ENV") or Environment.SANDBOX.value
    try:
        environment = Environment.parse(raw_env)
    except ValueError as exc:
        raise SettingsError(f"EPAYMENT_ENV: {exc}") from None

    try:
        endpoints = endpoints_for(environment).with_overrides(
            oauth_url=get("EPAYMENT_OAUTH_URL"),
            api_url=get("EPAYMENT_API_URL"),
            widget_url=get("EPAYMENT_WIDGET_URL"),
        )
    except ValueError as exc:
        raise SettingsError(f"gateway URL override: {exc}") from None

    client_id = get("EPAYMENT_CLIENT_ID")
    secret = get("EPAYMENT_CLIENT_SECRET")
    terminal = get("EPAYMENT_TERMINAL")
    if environment is Environment.PROD:
        missing = [
            name
            for name, value in (
                ("EPAYMENT_CLIENT_ID", client_id),
                ("EPAYMENT_CLIENT_SECRET", secret),
                ("EPAYMENT_TERMINAL", terminal),
            )
            if value is None
        ]
        if missing:
            raise SettingsError(
                "production needs your merchant credentials from the ePay cabinet; set " + ", ".join(missing)
            )
        if client_id == TEST_CLIENT_ID:
            raise SettingsError("EPAYMENT_CLIENT_ID: the public test client cannot be used in production")
    client_id = client_id or TEST_CLIENT_ID
    secret = secret or TEST_CLIENT_SECRET
    terminal = terminal or TEST_TERMINAL_ID
    if not _UUID.match(terminal):
        raise SettingsError(
            f"EPAYMENT_TERMINAL: {terminal!r} is not a terminal UUID (like {TEST_TERMINAL_ID}); "
            "copy it from the ePay cabinet, not the 8-digit POS number"
        )
    return GatewaySettings(
        environment=environment,
        endpoints=endpoints,
        credentials=Credentials(client_id=client_id, client_secret=Secret(secret), terminal_id=terminal),
    )
