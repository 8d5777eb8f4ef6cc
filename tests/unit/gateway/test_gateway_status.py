"""check-status: every resultCode, every transaction field, statusName parsing."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from decimal import Decimal

import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import EpayError
from epay_desktop.gateway import InvalidRequest
from epay_desktop.gateway import NotFound
from epay_desktop.gateway import ProtocolError
from epay_desktop.gateway import ServerError
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import StatusInProgress
from epay_desktop.gateway import StatusNotFound
from epay_desktop.gateway import TerminalConfigError
from epay_desktop.gateway import Transaction


def check(h, gw, body, status=200):
    route = gw.get(h.status_url()).respond(status, json=body)

    async def go() -> object:
        async with h.make_client() as client:
            return await client.check_status(InvoiceId(h.INVOICE))

    return h.run(go()), route


def test_request_shape(h, gw):
    _, route = check(h, gw, {"resultCode": "102"})
    request = route.calls.last.request
    assert request.method == "GET"
    assert str(request.url) == f"{h.API_URL}/check-status/payment/transaction/{h.INVOICE}"
    assert request.headers["authorization"] == f"Bearer {h.SERVICE_TOKEN}"
    assert request.content == b""


def test_result_100_parses_every_field(h, gw):
    result, _ = check(h, gw, h.status_body())
    assert isinstance(result, StatusFound)
    tx = result.transaction
    assert tx == Transaction(
        id=h.TX_ID,
        invoice_id=h.INVOICE,
        created_date=datetime(2022, 11, 15, 3, 52, 17, 289853, tzinfo=timezone(timedelta(hours=6))),
        amount=Money(1222),
        org_amount=Money(2222),
        payout_amount=Money(1000),
        amount_bonus=Money(0),
        currency="KZT",
        status=PaymentStatus.CHARGE,
        terminal="98120001",
        terminal_id=h.TERMINAL,
        account_id="acc-1",
        description="Order 1",
        language="RU",
        card_mask="440563...5096",
        card_type="VISA",
        issuer="Halyk",
        reference="027980238029",
        approval_code="170243",
        reason="success",
        reason_code=0,
        int_reference="INT1",
        secure=True,
        secure_details="",
        status_id="7",
        name="IVAN",
        email="a@b.kz",
        phone="77771234567",
        card_id="card-uuid",
        xls_rrn="xls1",
        data='{"custom_id":"1"}',
        ip="1.2.3.4",
        ip_country="KZ",
        ip_city="Almaty",
        ip_region="ALA",
        ip_district="Medeu",
        ip_latitude=Decimal("43.25"),
        ip_longitude=Decimal("76.95"),
        raw={},
    )
    assert tx.raw["xlsRRN"] == "xls1"
    assert tx.created_date is not None and tx.created_date.utcoffset() == timedelta(hours=6)
    assert result.result_message == "SUCCESS"


def test_result_code_as_int_is_accepted(h, gw):
    body = h.status_body()
    body["resultCode"] = 100
    result, _ = check(h, gw, body)
    assert isinstance(result, StatusFound)


@pytest.mark.parametrize(("field", "value", "expected"), [("reasonCode", 0, 0), ("reasonCode", "484", 484)])
def test_reason_code_int_or_string(h, gw, field, value, expected):
    result, _ = check(h, gw, h.status_body(**{field: value}))
    assert result.transaction.reason_code == expected


@pytest.mark.parametrize(("value", "expected"), [(True, True), ("true", True), ("yes", True), ("no", False)])
def test_secure_bool_or_text(h, gw, value, expected):
    result, _ = check(h, gw, h.status_body(secure=value))
    assert result.transaction.secure is expected


def test_created_date_with_seven_fraction_digits_and_z(h, gw):
    result, _ = check(h, gw, h.status_body(createdDate="2024-03-01T10:00:00.1234567Z"))
    assert result.transaction.created_date == datetime(2024, 3, 1, 10, 0, 0, 123456, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected_utc"),
    [
        ("2025-01-10T10:00:00", datetime(2025, 1, 10, 5, 0, tzinfo=UTC)),  # +05:00 since 2024-03-01
        ("2024-03-01T00:30:00.5", datetime(2024, 2, 29, 19, 30, 0, 500000, tzinfo=UTC)),
        ("2022-11-15T03:52:17", datetime(2022, 11, 14, 21, 52, 17, tzinfo=UTC)),  # +06:00 back then
    ],
)
def test_created_date_without_offset_is_almaty_time(h, gw, text, expected_utc):
    result, _ = check(h, gw, h.status_body(createdDate=text))
    assert result.transaction.created_date == expected_utc
    assert result.transaction.created_date.utcoffset() is not None


def test_result_102_is_not_found_state(h, gw):
    result, _ = check(h, gw, {"resultCode": "102", "resultMessage": "Invoice not found"})
    assert result == StatusNotFound(invoice_id=h.INVOICE, result_message="Invoice not found")


def test_result_107_is_in_progress_state(h, gw):
    result, _ = check(h, gw, {"resultCode": "107", "resultMessage": "in progress"})
    assert isinstance(result, StatusInProgress)


def test_result_code_in_a_400_body_is_read(h, gw):
    result, _ = check(h, gw, {"resultCode": "102"}, status=400)
    assert isinstance(result, StatusNotFound)


@pytest.mark.parametrize(
    ("code", "error", "retried"),
    [
        ("101", InvalidRequest, False),
        ("103", ServerError, True),
        ("104", TerminalConfigError, False),
        ("106", TerminalConfigError, False),
        ("109", TerminalConfigError, False),
        ("999", ProtocolError, False),
    ],
)
def test_error_result_codes(h, gw, code, error, retried):
    route = gw.get(h.status_url()).respond(json={"resultCode": code, "resultMessage": "msg"})

    async def go() -> None:
        async with h.make_client() as client:
            await client.check_status(InvoiceId(h.INVOICE))

    with pytest.raises(error) as info:
        h.run(go())
    assert type(info.value) is error
    assert info.value.gateway_code == int(code)
    assert info.value.invoice_id == h.INVOICE
    assert info.value.user_message
    assert route.call_count == (3 if retried else 1)


def test_terminal_errors_are_invalid_request(h):
    assert issubclass(TerminalConfigError, InvalidRequest)


@pytest.mark.parametrize(
    "name",
    [
        "NEW",
        "FINGERPRINT",
        "3D",
        "AUTH",
        "CHARGE",
        "CANCEL",
        "CANCEL_OLD",
        "REFUND",
        "REJECT",
        "FAILED",
        "VERIFIED",
        "charge",
    ],
)
def test_status_names(h, gw, name):
    result, _ = check(h, gw, h.status_body(statusName=name))
    assert result.transaction.status is PaymentStatus.parse(name)


def test_three_d_status(h, gw):
    result, _ = check(h, gw, h.status_body(statusName="3D"))
    assert result.transaction.status is PaymentStatus.THREE_DS


@pytest.mark.parametrize(
    ("name", "kept"),
    [("APPROVED", "APPROVED"), ("PARTIAL_REFUND", "PARTIAL_REFUND"), ("", '""'), (7, "7"), (None, "null")],
)
def test_unknown_status_name_is_kept_not_an_error(h, gw, name, kept):
    result, _ = check(h, gw, h.status_body(statusName=name))
    assert isinstance(result, StatusFound)
    assert result.transaction.status is None and not result.transaction.status_known
    assert result.transaction.status_name == kept
    assert result.transaction.amount == Money(1222)  # everything else is read as usual


def test_known_status_name_is_its_own_name(h, gw):
    result, _ = check(h, gw, h.status_body(statusName=" charge "))
    assert result.transaction.status is PaymentStatus.CHARGE
    assert result.transaction.status_name == "CHARGE"


@pytest.mark.parametrize(
    "body",
    [
        {"resultCode": "100"},  # no transaction
        {"resultCode": "100", "transaction": "x"},
        {"resultMessage": "SUCCESS"},  # no resultCode
        {"resultCode": True},
        {"resultCode": "abc"},
        [],
        "SUCCESS",
    ],
)
def test_malformed_bodies_are_protocol_errors(h, gw, body):
    with pytest.raises(ProtocolError):
        check(h, gw, body)


@pytest.mark.parametrize("field", ["id", "amount", "currency"])
def test_missing_required_field_is_protocol_error(h, gw, field):
    body = h.status_body()
    del body["transaction"][field]
    with pytest.raises(ProtocolError):
        check(h, gw, body)


def test_non_json_200_is_protocol_error(h, gw):
    gw.get(h.status_url()).respond(200, text="<html>oops</html>")

    async def go() -> None:
        async with h.make_client() as client:
            await client.check_status(InvoiceId(h.INVOICE))

    with pytest.raises(ProtocolError):
        h.run(go())


def test_404_without_result_code_is_not_found(h, gw):
    with pytest.raises(NotFound) as info:
        check(h, gw, {"code": 404, "message": "not found"}, status=404)
    assert isinstance(info.value, EpayError)


def test_answer_for_another_invoice_is_protocol_error(h, gw):
    with pytest.raises(ProtocolError):
        check(h, gw, h.status_body(invoiceID="999999999"))
