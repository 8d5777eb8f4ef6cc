"""Gateway codes that have a meaning for us: check-status ``resultCode`` and card decline codes.

Sources: epay-api.md §5.2 (resultCode, mirrored by three independent integrations) and §15 (decline
codes from the official iOS SDK's localised strings). The texts are short English summaries for
people; the UI may translate them.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "DECLINE_CODES",
    "NO_SAVED_CARDS",
    "RESULT_ERROR_RETRY",
    "RESULT_FOUND",
    "RESULT_IN_PROGRESS",
    "RESULT_NOT_FOUND",
    "RESULT_REJECTED",
    "RESULT_TERMINAL_PROBLEMS",
    "decline_reason",
]

RESULT_FOUND: Final = 100
RESULT_REJECTED: Final = 101
RESULT_NOT_FOUND: Final = 102  # no attempt yet: a state, not an error
RESULT_ERROR_RETRY: Final = 103
RESULT_IN_PROGRESS: Final = 107  # a state, not an error
#: 104 terminal absent in the token, 106 incorrect terminal, 109 terminal not of this client.
RESULT_TERMINAL_PROBLEMS: Final = {
    104: "the service token was issued without a terminal",
    106: "the terminal is incorrect",
    109: "the terminal does not belong to this client",
}

#: ``GET /cards/{accountId}`` answers ``{"code": 1373, ...}`` when the customer has no saved cards.
NO_SAVED_CARDS: Final = 1373

_DECLINES: Final[dict[int, str]] = {
    455: "3-D Secure unavailable or wrong card number",
    456: "the card cannot be used",
    457: "invalid expiry date",
    458: "the bank is not responding",
    459: "the bank is not responding",
    460: "error, the amount may be blocked",
    461: "system error",
    462: "call the card's bank",
    463: "call the card's bank",
    464: "invalid merchant",
    465: "card restricted",
    466: "declined, call the card's bank",
    467: "card disabled",
    468: "additional identification required",
    469: "invalid transaction",
    470: "invalid or zero amount",
    471: "no such card",
    472: "no such card",
    473: "3-D Secure authentication failed",
    475: "invalid response",
    476: "no action taken, retry in 30 minutes or later",
    477: "format error",
    478: "card expired",
    479: "card restricted",
    480: "call the card's bank",
    481: "card reported lost",
    482: "card reported lost",
    483: "card reported stolen",
    484: "insufficient funds",
    485: "card expired",
    486: "online payments are disabled on the card",
    487: "not permitted to this merchant",
    488: "amount limit exceeded",
    489: "card restricted",
    490: "payments are banned on the card",
    491: "payment frequency limit exceeded",
    492: "blocked after wrong PIN attempts",
    493: "the card's bank is unavailable",
    494: "the card's bank timed out",
    495: "transaction prohibited, use another card",
    496: "3-D Secure absent or system error",
    497: "the bank is not responding",
    498: "bonus payment unavailable",
    499: "3-D Secure code wrong or not entered",
    505: "more than 3 transactions limit",
    703: "error",
    1612: "merchant country check failed",
    1636: "cardholder not established",
    1654: "one-time password check failed",
    1759: "transaction failed",
    2092: "the card cannot be used",
}

#: Every code that means "the card payment was declined" (bank or gateway), for error mapping.
DECLINE_CODES: Final = frozenset(_DECLINES) | frozenset(range(500, 504)) | frozenset(range(521, 530))


def decline_reason(code: int | None) -> str:
    """A short English reason for a decline code, or ``""`` when the code is unknown."""
    if code is None:
        return ""
    if code in _DECLINES:
        return _DECLINES[code]
    if 500 <= code <= 503:
        return "card service error"
    if 521 <= code <= 529:
        return "declined by the card's bank (limits)"
    return ""
