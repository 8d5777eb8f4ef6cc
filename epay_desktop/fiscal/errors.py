"""Everything a fiscal provider adapter raises; httpx exceptions never leave ``fiscal/``.

::

    FiscalError (an EpayError: operation, gateway_code = the provider's code, user_message, retryable)
    ├── FiscalUnavailable      nothing reached the provider, a read failed, or it said "error, retry"
    │                          on a read. Retryable.
    ├── FiscalOutcomeUnknown   a receipt was sent and no clear answer came (timeout after sending, dropped
    │                          connection, 5xx, unreadable answer, code -1). It MAY be registered. Retryable
    │                          with the SAME external number: the provider then answers "already registered"
    │                          with the stored receipt (code 14), so nothing is registered twice.
    ├── FiscalProtocolError    a read's answer the adapter cannot understand.
    └── FiscalRefused          a definite refusal: nothing was registered. ``needs_person`` says whether
        │                      retrying can help before someone acts.
        ├── FiscalAuthError        login, password or API key refused (1; 2/3 twice; HTTP 401/403)
        ├── FiscalConfigError      no right to the cashbox or operation, cashbox unknown (4, 5, 6)
        ├── FiscalCashboxBlocked   blocked by the OFD, not activated, no licence (7, 10, 1404)
        ├── FiscalShiftError       the register refuses until someone acts:
        │   ├── ShiftOver24Hours       the shift is open more than 24 hours: close it (Z report) (11)
        │   └── OfflineOver72Hours     offline more than 72 hours: blocked until the OFD is reached (18)
        ├── ShiftAlreadyClosed     a Z report when no shift is open (12)
        ├── FiscalNotFound         no such receipt or shift (13, 15, 16, 19)
        └── FiscalInvalidRequest   the data was refused (9, 17, 1007, 1008 and every other code)

``str(error)`` is safe for logs (redacted by EpayError): never a token, password, API key or body.
"""

from __future__ import annotations

from typing import ClassVar
from typing import Final

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.gateway.errors import EpayError

__all__ = [
    "FiscalAuthError",
    "FiscalCashboxBlocked",
    "FiscalConfigError",
    "FiscalError",
    "FiscalInvalidRequest",
    "FiscalNotFound",
    "FiscalOutcomeUnknown",
    "FiscalProtocolError",
    "FiscalRefused",
    "FiscalShiftError",
    "FiscalUnavailable",
    "OfflineOver72Hours",
    "ShiftAlreadyClosed",
    "ShiftOver24Hours",
    "refusal_for",
]


class FiscalError(EpayError):
    """Base of every fiscal failure. ``gateway_code`` is the provider's error code, when it gave one."""

    tr_context = "fiscal"
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal", "The fiscal register reported a problem. The receipt will be registered again later."
    )
    #: Retrying cannot help until someone acts (closes the shift, fixes the settings, calls the provider).
    needs_person: ClassVar[bool] = False


class FiscalUnavailable(FiscalError):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal",
        "Could not reach the fiscal register. Nothing was registered, so it is safe to try again; check "
        "the internet connection.",
    )
    retryable = True


class FiscalOutcomeUnknown(FiscalError):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal",
        "The fiscal register did not confirm the receipt, so it may or may not be registered. The console "
        "asks again with the same receipt number; it is never registered twice.",
    )
    retryable = True


class FiscalProtocolError(FiscalError):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal",
        "The fiscal register sent an answer the console could not understand. Try again; contact support "
        "if it keeps happening.",
    )


class FiscalRefused(FiscalError):
    """A definite refusal: the provider registered nothing."""

    needs_person = True


class FiscalAuthError(FiscalRefused):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal",
        "The fiscal register did not accept the API key, login or password. Nothing was registered; check "
        "them in the fiscal settings.",
    )


class FiscalConfigError(FiscalRefused):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal",
        "The fiscal register refused: this cash register is unknown or not available to this login. Nothing "
        "was registered; check the cash register's unique number and the cashier's rights.",
    )


class FiscalCashboxBlocked(FiscalRefused):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal",
        "The cash register is blocked, not activated or has no valid licence. Nothing was registered; call "
        "the fiscal provider.",
    )


class FiscalShiftError(FiscalRefused):
    """The register refuses every receipt until someone acts on the shift or the connection."""


class ShiftOver24Hours(FiscalShiftError):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal",
        "The fiscal shift has been open for more than 24 hours. Nothing was registered; close the shift "
        "(Z report), then register the receipt again.",
    )


class OfflineOver72Hours(FiscalShiftError):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal",
        "The cash register has worked offline for more than 72 hours and is blocked until it reaches the "
        "fiscal data operator. Nothing was registered; call the fiscal provider.",
    )


class ShiftAlreadyClosed(FiscalRefused):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal", "The fiscal shift is already closed. Nothing needs to be done."
    )
    needs_person = False


class FiscalNotFound(FiscalRefused):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal", "The fiscal register has no such receipt or shift. Nothing was changed."
    )


class FiscalInvalidRequest(FiscalRefused):
    default_user_message = QT_TRANSLATE_NOOP(
        "fiscal",
        "The fiscal register refused the receipt's data (amount, VAT or name). Nothing was registered; "
        "check the fiscal settings (VAT rate, taxation).",
    )


#: Provider codes (fiscal.md §1.9) -> the refusal they mean. 2/3 (token) and 14 (already registered) are
#: handled before this table; -1 is an unknown outcome (a receipt) or unavailable (a read).
_REFUSALS: Final[dict[int, type[FiscalRefused]]] = {
    1: FiscalAuthError,
    2: FiscalAuthError,
    3: FiscalAuthError,
    4: FiscalConfigError,
    5: FiscalConfigError,
    6: FiscalConfigError,
    1010: FiscalConfigError,
    7: FiscalCashboxBlocked,
    10: FiscalCashboxBlocked,
    1404: FiscalCashboxBlocked,
    11: ShiftOver24Hours,
    18: OfflineOver72Hours,
    12: ShiftAlreadyClosed,
    13: FiscalNotFound,
    15: FiscalNotFound,
    16: FiscalNotFound,
    19: FiscalNotFound,
}


def refusal_for(code: int) -> type[FiscalRefused]:
    """The refusal class of a provider error code; an unlisted code is an invalid request."""
    return _REFUSALS.get(code, FiscalInvalidRequest)
