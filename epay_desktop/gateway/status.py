"""Reading a check-status answer (epay-api.md §5): resultCode, then every transaction field.

Only ``resultCode`` 100 with a transaction that validates completely is a :class:`StatusFound`.
102 and 107 are states. Every other code is a typed error; a body we cannot read is a
:class:`ProtocolError` (never "not found", never "failed").
"""

from __future__ import annotations

from collections.abc import Mapping

from epay_desktop.domain import PaymentStatus

from ..domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from . import codes
from ._parse import (
    BodyError,
    get_bool,
    get_datetime,
    get_decimal,
    get_int,
    get_money,
    get_text,
    require_mapping,
    to_int,
)
from .errors import ApiError, InvalidRequest, ProtocolError, ServerError, TerminalConfigError
from .models import StatusFound, StatusInProgress, StatusNotFound, StatusResult, Transaction

__all__ = ["interpret_status", "parse_transaction"]

OPERATION = "check_status"


def parse_transaction(data: Mapping[str, object]) -> Transaction:
    """A :class:`Transaction` from the ``transaction`` object; raises :class:`BodyError`."""
    currency = get_text(data, "currency", required=True)
    status_name = get_text(data, "statusName", required=True)
    try:
        status = PaymentStatus.parse(status_name)
    except ValueError:
        raise BodyError(f"unknown statusName {status_name!r}") from None
    return Transaction(
        id=get_text(data, "id", required=True),
        invoice_id=get_text(data, "invoiceID"),
        created_date=get_datetime(data, "createdDate"),
        amount=get_money(data, "amount", currency),
        org_amount=get_money(data, "orgAmount", currency, required=False),
        payout_amount=get_money(data, "payoutAmount", currency, required=False),
        amount_bonus=get_money(data, "amountBonus", currency, required=False),
        currency=currency,
        status=status,
        terminal=get_text(data, "terminal"),
        terminal_id=get_text(data, "terminalID"),
        account_id=get_text(data, "accountID"),
        description=get_text(data, "description"),
        language=get_text(data, "language"),
        card_mask=get_text(data, "cardMask"),
        card_type=get_text(data, "cardType"),
        issuer=get_text(data, "issuer"),
        reference=get_text(data, "reference"),
        approval_code=get_text(data, "approvalCode"),
        reason=get_text(data, "reason"),
        reason_code=get_int(data, "reasonCode"),
        int_reference=get_text(data, "intReference"),
        secure=get_bool(data, "secure"),
        secure_details=get_text(data, "secureDetails"),
        status_id=get_text(data, "statusID"),
        name=get_text(data, "name"),
        email=get_text(data, "email"),
        phone=get_text(data, "phone"),
        card_id=get_text(data, "cardID"),
        xls_rrn=get_text(data, "xlsRRN"),
        data=get_text(data, "data"),
        ip=get_text(data, "ip"),
        ip_country=get_text(data, "ipCountry"),
        ip_city=get_text(data, "ipCity"),
        ip_region=get_text(data, "ipRegion"),
        ip_district=get_text(data, "ipDistrict"),
        ip_latitude=get_decimal(data, "ipLatitude"),
        ip_longitude=get_decimal(data, "ipLongitude"),
        raw=dict(data),
    )


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
