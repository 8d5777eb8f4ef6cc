"""Who the sandbox pretends to be: the published test merchant, its terminal and its clock.

The test merchant is the one the console's test environments default to, declared once in
:mod:`epay_desktop.domain.settings_catalog`.

The values come from the public ePay test documentation (epay-api.md section 13), so a
console configured for the bank's test hosts works unchanged against the sandbox.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from typing import Final

from epay_desktop.domain.settings_catalog import TEST_CLIENT_ID
from epay_desktop.domain.settings_catalog import TEST_CLIENT_SECRET
from epay_desktop.domain.settings_catalog import TEST_TERMINAL_ID

__all__ = [
    "DEFAULT_SCOPE",
    "KZ_TZ",
    "MAX_BODY_BYTES",
    "REQUEST_TIME_LIMIT",
    "TEST_CLIENT_ID",
    "TEST_CLIENT_SECRET",
    "TEST_TERMINAL_ID",
    "Clock",
    "SandboxConfig",
    "system_clock",
]

DEFAULT_SCOPE: Final = "webapi usermanagement email_send verification statement statistics payment"

#: Kazakhstan has used one time zone, UTC+5, since March 2024 (older gateway samples show +06:00).
KZ_TZ: Final = timezone(timedelta(hours=5))

#: The largest request body the sandbox reads (1 MiB); a longer one is refused with 400/853.
MAX_BODY_BYTES: Final = 1024 * 1024
#: Seconds any request may take before the sandbox answers 504/855 (longer than the longest delay fault).
REQUEST_TIME_LIMIT: Final = 90.0

#: Returns the current time as an aware datetime. Tests pass a fake one to move time.
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(KZ_TZ)


@dataclass(frozen=True, slots=True)
class SandboxConfig:
    """Everything that shapes the sandbox's behaviour; all of it has a sensible default."""

    #: Two-step (DMS) terminal: payments end in AUTH and need a charge. Default one-step (CHARGE).
    two_step: bool = False
    #: How long an AUTH hold lasts before it turns into CANCEL_OLD (default seven days).
    hold_seconds: float = 7 * 24 * 3600
    #: Lifetime of service tokens, in seconds (the real gateway says 7200).
    token_ttl: int = 7200
    #: Lifetime of invoice-bound payment tokens, in seconds.
    payment_token_ttl: int = 1200
    #: Shown on the hosted payment page.
    shop_name: str = "ePay Sandbox Shop"
    client_id: str = TEST_CLIENT_ID
    client_secret: str = field(default=TEST_CLIENT_SECRET, repr=False)
    terminal_id: str = TEST_TERMINAL_ID
    #: The 8-digit POS terminal number that status answers show as ``terminal``.
    pos_terminal: str = "98120001"
    clock: Clock = system_clock
    #: Seconds a postLink delivery may take before it is given up (and logged).
    postlink_timeout: float = 5.0
    #: Card attempts one invoice allows while its payment token lives; one more gets error 505.
    max_attempts: int = 3
    #: Serve the 3-D Secure (ACS) page on the gateway's own origin instead of a second one.
    acs_same_origin: bool = False
    #: check-status shows an applied charge/cancel/refund only this many seconds after it happened.
    status_lag: float = 0.0
    #: check-status says REFUND after any refund, even a partial one (the rest stays refundable).
    refund_status_after_partial: bool = False
    #: Request bodies longer than this many bytes are refused (400/853) without being read whole.
    max_body_bytes: int = MAX_BODY_BYTES
    #: Seconds a request may take before it is cut off and answered 504/855 (limits.py).
    request_time_limit: float = REQUEST_TIME_LIMIT
