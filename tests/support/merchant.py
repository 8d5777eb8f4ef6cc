"""The test merchant the sandbox pretends to serve, taken from ``epay_desktop.sandbox.config`` (the
bank's published test client): its client id, secret and terminal, and the console's ``Credentials``
for them.

One place for the values, so no test file repeats the secret: a test that must check the secret never
leaks imports ``CLIENT_SECRET`` from here.
"""

from __future__ import annotations

from typing import Final

from epay_desktop.gateway import Credentials
from epay_desktop.gateway import Secret
from epay_desktop.sandbox.config import TEST_CLIENT_ID
from epay_desktop.sandbox.config import TEST_CLIENT_SECRET
from epay_desktop.sandbox.config import TEST_TERMINAL_ID

__all__ = ["CLIENT_ID", "CLIENT_SECRET", "CREDENTIALS", "TERMINAL_ID"]

CLIENT_ID: Final = TEST_CLIENT_ID
CLIENT_SECRET: Final = TEST_CLIENT_SECRET
TERMINAL_ID: Final = TEST_TERMINAL_ID
#: What the console's gateway client is given for the test merchant.
CREDENTIALS: Final = Credentials(CLIENT_ID, Secret(CLIENT_SECRET), TERMINAL_ID)
