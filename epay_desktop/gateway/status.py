"""Reading a check-status answer (epay-api.md §5): resultCode, then every transaction field.

``resultCode`` 100 with a readable transaction is a :class:`StatusFound`: its id, currency and
amounts must validate; odd descriptive values are kept, not fatal (decision 0034). 102 and 107
are states. Every other code is a typed error; a body we cannot read is a
:class:`ProtocolError` (never "not found", never "failed").
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping
from typing import TypeVar

from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.gateway import codes
from epay_desktop.gateway._parse import BodyError
from epay_desktop.gateway._parse import get_bool
from epay_desktop.gateway._parse import get_datetime
from epay_desktop.gateway._parse import get_decimal
from epay_desktop.gateway._parse import get_money
from epay_desktop.gateway._parse import get_reason_code
from epay_desktop.gateway._parse import get_text
from epay_desktop.gateway._parse import raw_text
from epay_desktop.gateway._parse import require_mapping
from epay_desktop.gateway._parse import to_int
from epay_desktop.gateway.errors import ApiError
from epay_desktop.gateway.errors import InvalidRequest
from epay_desktop.gateway.errors import ProtocolError
from epay_desktop.gateway.errors import ServerError
from epay_desktop.gateway.errors import TerminalConfigError
from epay_desktop.gateway.models import StatusFound
from epay_desktop.gateway.models import StatusInProgress
from epay_desktop.gateway.models import StatusNotFound
from epay_desktop.gateway.models import StatusResult
from epay_desktop.gateway.models import Transaction

__all__ = ["interpret_status", "parse_transaction"]

OPERATION = "check_status"
T = TypeVar("T")


def parse_transaction(data: Mapping[str, object]) -> Transaction:
    """A :class:`Transaction` from the ``transaction`` object; raises :class:`BodyError`.

    Only what the console cannot work without must be readable: ``id``, ``currency`` and
    ``amount`` (and ``orgAmount``/``payoutAmount`` when present: money is never guessed). An
    unknown ``statusName`` or ``reasonCode`` is kept as text, an offset-less ``createdDate`` is
    Kazakhstan time, and a descriptive field that is missing or malformed is left empty
    (decision 0034), so one odd value never makes the payment unreadable.
    """
    currency = get_text(data, "currency", required=True)
    status_value = data.get("statusName")
    status_name = raw_text(status_value)
    status: PaymentStatus | None
    try:
        status = PaymentStatus.parse(status_value) if isinstance(status_value, str) else None
    except ValueError:
        status = None
    reason_code, reason_code_text = get_reason_code(data, "reasonCode")

    def text(key: str) -> str:
        return _lenient(get_text, data, key, "")

    return Transaction(
        id=get_text(data, "id", required=True),
        invoice_id=get_text(data, "invoiceID"),
        created_date=_lenient(get_datetime, data, "createdDate", None),
        amount=get_money(data, "amount", currency),
        org_amount=_optional_money(data, "orgAmount", currency),
        payout_amount=_optional_money(data, "payoutAmount", currency),
        amount_bonus=_lenient(
            lambda d, k: get_money(d, k, currency, required=False), data, "amountBonus", Money.zero(currency)
        ),
        currency=currency,
        status=status,
        status_name=status_name if status is None else status.value,
        terminal=text("terminal"),
        terminal_id=text("terminalID"),
        account_id=text("accountID"),
        description=text("description"),
        language=text("language"),
        card_mask=text("cardMask"),
        card_type=text("cardType"),
        issuer=text("issuer"),
        reference=text("reference"),
        approval_code=text("approvalCode"),
        reason=text("reason"),
        reason_code=reason_code,
        reason_code_text=reason_code_text,
        int_reference=text("intReference"),
        secure=_lenient(get_bool, data, "secure", False),
        secure_details=text("secureDetails"),
        status_id=text("statusID"),
        name=text("name"),
        email=text("email"),
        phone=text("phone"),
        card_id=text("cardID"),
        xls_rrn=text("xlsRRN"),
        data=text("data"),
        ip=text("ip"),
        ip_country=text("ipCountry"),
        ip_city=text("ipCity"),
        ip_region=text("ipRegion"),
        ip_district=text("ipDistrict"),
        ip_latitude=_lenient(get_decimal, data, "ipLatitude", None),
        ip_longitude=_lenient(get_decimal, data, "ipLongitude", None),
        raw=dict(data),
    )


def _lenient(
    read: Callable[[Mapping[str, object], str], T], data: Mapping[str, object], key: str, empty: T
) -> T:
    """A descriptive field: its value, or ``empty`` when it is malformed (it is still in ``raw``)."""
    try:
        return read(data, key)
    except BodyError:
        return empty


def _optional_money(data: Mapping[str, object], key: str, currency: str) -> Money | None:
    """An amount the bank may leave out: None when absent, BodyError when present and malformed."""
    if data.get(key) is None:
        return None
    return get_money(data, key, currency)


def interpret_status(
    body: object, *, invoice_id: str, http_status: int, retry_after: float | None = None
) -> StatusResult:
    """Turn a decoded check-status body into a result, or raise the matching :class:`EpayError`."""

    def protocol(detail: str, code: int | None = None) -> ProtocolError:
        return ProtocolError(
            detail, operation=OPERATION, invoice_id=invoice_id, http_status=http_status, gateway_code=code
        )

    try:
        data = require_mapping(body, "check-status answer")
        result_code = to_int(data.get("resultCode"), "resultCode")
        message = get_text(data, "resultMessage")
    except BodyError as exc:
        raise protocol(str(exc)) from None
    if result_code is None:
        raise protocol("check-status answer has no resultCode")
    if result_code == codes.RESULT_FOUND:
        try:
            transaction = parse_transaction(require_mapping(data.get("transaction"), "transaction"))
        except BodyError as exc:
            raise protocol(str(exc), result_code) from None
        if transaction.invoice_id and transaction.invoice_id.lstrip("0") != invoice_id.lstrip("0"):
            raise protocol(
                f"answer is for invoice {transaction.invoice_id!r}, not the one asked", result_code
            )
        return StatusFound(transaction=transaction, result_message=message)
    if result_code == codes.RESULT_NOT_FOUND:
        return StatusNotFound(invoice_id=invoice_id, result_message=message)
    if result_code == codes.RESULT_IN_PROGRESS:
        return StatusInProgress(invoice_id=invoice_id, result_message=message)
    known = _status_error(result_code)
    if known is None:
        raise protocol(f"unknown resultCode {result_code}", result_code)
    error_type, detail, user_message = known
    raise error_type(
        detail,
        operation=OPERATION,
        invoice_id=invoice_id,
        http_status=http_status,
        gateway_code=result_code,
        gateway_message=message,
        user_message=user_message,
        retry_after=retry_after,
    )


def _status_error(code: int) -> tuple[type[ApiError], str, Message | None] | None:
    """Error class, technical detail and (optional) user message for a non-state resultCode."""
    if code == codes.RESULT_ERROR_RETRY:
        return ServerError, "gateway error, retry later (resultCode 103)", None
    if code in codes.RESULT_TERMINAL_PROBLEMS:
        reason = codes.RESULT_TERMINAL_PROBLEMS[code]
        return TerminalConfigError, f"terminal problem: {reason} (resultCode {code})", None
    if code == codes.RESULT_REJECTED:
        return (
            InvalidRequest,
            "the gateway rejected the status request (resultCode 101)",
            msg(
                "gateway",
                QT_TRANSLATE_NOOP(
                    "gateway",
                    "The gateway refused to report this payment's status (code 101). Its state is unknown: "
                    "check it again later or in the merchant cabinet.",
                ),
            ),
        )
    return None
