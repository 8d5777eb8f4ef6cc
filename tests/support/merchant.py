"""The test merchant the sandbox pretends to serve, taken from ``epay_desktop.sandbox.config`` (the
bank's published test client): its client id, secret and terminal, as the console's ``Credentials``
and as the ``EPAYMENT_*`` environment a console or the command line reads.

One place for the values, so no test file repeats the secret: a test that must check the secret never
leaks imports ``CLIENT_SECRET`` from here.
"""

from __future__ import annotations

from typing import Final

from epay_desktop.gateway import Credentials, Secret
from epay_desktop.sandbox.config import TEST_CLIENT_ID, TEST_CLIENT_SECRET, TEST_TERMINAL_ID

__all__ = ["CLIENT_ID", "CLIENT_SECRET", "CREDENTIALS", "TERMINAL_ID", "environment"]

CLIENT_ID: Final = TEST_CLIENT_ID
CLIENT_SECRET: Final = TEST_CLIENT_SECRET
TERMINAL_ID: Final = TEST_TERMINAL_ID
#: What the console's gateway client is given for the test merchant.
CREDENTIALS: Final = Credentials(CLIENT_ID, Secret(CLIENT_SECRET), TERMINAL_ID)


def environment(base_url: str | None = None) -> dict[str, str]:
    """The ``EPAYMENT_*`` variables naming the test merchant (and the sandbox at ``base_url``, if given)."""
    env = {
        "EPAYMENT_CLIENT_ID": CLIENT_ID,
        "EPAYMENT_CLIENT_SECRET": CLIENT_SECRET,
        "EPAYMENT_TERMINAL_ID": TERMINAL_ID,
    }
    if base_url is not None:
        env["EPAYMENT_SANDBOX_URL"] = base_url
    return env
