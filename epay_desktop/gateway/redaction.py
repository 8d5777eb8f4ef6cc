"""A logging filter that masks secrets and card data before any handler writes a record.

What it masks, wherever it appears in the formatted message, the arguments or the traceback text:

* ``Authorization: Bearer <token>`` and any ``Bearer <token>``;
* values of ``client_secret``, ``access_token``, ``refresh_token``, ``password``, ``secret_hash``,
  and the fiscal provider's ``Token``, ``x-api-key`` (``key=value``, ``key: value``, ``"key": "value"``);
* values of card fields: ``cvc``, ``cvv``, ``cvc2``, ``cvv2``, ``hpan``, ``expDate``, ``cryptogram``;
* runs of 13-19 digits (optionally split by single spaces or dashes) that pass the Luhn check: PANs.
  Only the last four digits are kept.

The gateway client never logs any of these; the filter is the second line of defence against
other libraries (httpx/httpcore at DEBUG) and careless future log lines. ``install_redaction``
attaches it to every handler, because a filter on a logger does not see records that propagate
from child loggers.
"""

from __future__ import annotations

import logging
import re
from typing import Final

__all__ = ["RedactingFilter", "install_redaction", "redact_text", "unredacted_handlers"]

MASK: Final = "***"

_BEARER = re.compile(r"(?i)\b(bearer)(\s+|%20|\+)[A-Za-z0-9\-._~+/=%]+")
_AUTH_HEADER = re.compile(r"(?i)\b(authorization['\"]?\s*[:=]\s*['\"]?)(?!bearer\s+\*\*\*)[^'\"\r\n,)}]+")
_MASKED_FIELDS = (
    r"client_secret|access_token|refresh_token|password|secret_hash|cvc2?|cvv2?|hpan|expdate|cryptogram"
    r"|token|x-api-key|api_key|apikey"  # the fiscal provider's session token (JSON "Token") and API key
)
_KEY_VALUE = re.compile(
    rf"(?i)(\b(?:{_MASKED_FIELDS})\b['\"]?\s*(?:[:=]|%3D)\s*(?:b?['\"])?)([^\s&'\",}}\])]+)",
)
_PAN_CANDIDATE = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _mask_pan(match: re.Match[str]) -> str:
    run = match.group(0)
    digits = run.replace(" ", "").replace("-", "")
    if not 13 <= len(digits) <= 19 or not _luhn_ok(digits):
        return run
    return f"[PAN ****{digits[-4:]}]"


def redact_text(text: str) -> str:
    """``text`` with tokens, secrets and PANs masked. Idempotent."""
    text = _BEARER.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    text = _AUTH_HEADER.sub(lambda m: f"{m.group(1)}{MASK}", text)
    text = _KEY_VALUE.sub(lambda m: f"{m.group(1)}{MASK}", text)
    return _PAN_CANDIDATE.sub(_mask_pan, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record so that the formatted message, args and traceback are redacted.

    The message is formatted once here (``msg % args``), redacted, and stored back with
    ``args = None``, so no handler or formatter can re-introduce the raw arguments.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not hide the record; keep the raw parts
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact_text(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_text(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_text(record.stack_info)
        return True


def _loggers(target: logging.Logger | None) -> list[logging.Logger]:
    if target is not None:
        return [target]
    found = [logging.getLogger()]
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            found.append(logger)
    return found


def install_redaction(target: logging.Logger | None = None) -> int:
    """Attach a :class:`RedactingFilter` to every handler of ``target`` (default: root and all loggers).

    Idempotent: a handler that already has one is left alone. Returns how many handlers got a new
    filter. Handlers added later are not covered: call it again, or check with :func:`unredacted_handlers`.
    """
    added = 0
    for logger in _loggers(target):
        for handler in logger.handlers:
            if not any(isinstance(f, RedactingFilter) for f in handler.filters):
                handler.addFilter(RedactingFilter())
                added += 1
    return added


def unredacted_handlers(target: logging.Logger | None = None) -> list[logging.Handler]:
    """Handlers (of ``target``, default all loggers) that would write records without redaction."""
    return [
        handler
        for logger in _loggers(target)
        for handler in logger.handlers
        if not any(isinstance(f, RedactingFilter) for f in handler.filters)
    ]
