"""Issue 8, points 3 and 6 at the client: a 2xx that says "no", and check-status values we do not know.

A charge/cancel/refund/deactivate answered 2xx with a non-zero ``code`` is OutcomeUnknown (decision
0033); an unknown ``statusName``, an offset-less ``createdDate``, a ``reasonCode`` that is not an
integer and missing optional fields leave the payment readable, with the odd value kept (0034).
"""

from __future__ import annotations

from collections.abc import Awaitable
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import OperationResult
from epay_desktop.gateway import OutcomeUnknown
from epay_desktop.gateway import ProtocolError
from epay_desktop.gateway import StatusFound
from epay_desktop.services.money_ops.outcomes import classify_send_error
from epay_desktop.services.payments.gateway_map import snapshot_from_status

Call = Callable[[EpayClient], Awaitable[object]]
TX = "af2089fe-43b1-47eb-a61f-c78dd196e18d"
MUTATIONS: dict[str, tuple[str, Call]] = {
    "charge": (f"operation/{TX}/charge", lambda c: c.charge(TX, Money.parse("300"))),
    "cancel": (f"operation/{TX}/cancel", lambda c: c.cancel(TX)),
    "refund": (f"operation/{TX}/refund", lambda c: c.refund(TX, Money.parse("10"), "ref-1")),
    "deactivate_card": ("card/deactivate/c1a2", lambda c: c.deactivate_card("c1a2")),
}
NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


def call(h, fn: Call) -> object:
    async def go() -> object:
        async with h.make_client() as client:
            return await fn(client)

    return h.run(go())


# -- point 3: a 2xx with a non-zero code is not "applied" ------------------------------------------


@pytest.mark.parametrize("name", sorted(MUTATIONS))
@pytest.mark.parametrize(
    ("body", "code"),
    [({"code": 100, "message": "Operation failed"}, 100), ({"code": "454", "message": ""}, 454)],
    ids=["int", "text"],
)
def test_2xx_with_a_non_zero_code_is_outcome_unknown_and_never_retried(h, gw, name, body, code):
    path, fn = MUTATIONS[name]
    route = gw.post(f"{h.API_URL}/{path}").respond(200, json=body)
    with pytest.raises(OutcomeUnknown) as info:
        call(h, fn)
    error = info.value
    assert route.call_count == 1
    assert error.operation == name
    assert error.http_status == 200
    assert error.gateway_code == code
    assert error.gateway_message == body["message"]
    assert f"error code {code}" in error.user_message
    assert "Do not repeat it" in error.user_message
    if body["message"]:
        assert body["message"] in error.user_message
    assert error.message is not None and error.message.context == "gateway"  # translatable
    # the money-operation journal makes it UNKNOWN (settled by check-status), never FAILED
    outcome = classify_send_error(error)
    assert outcome.state is OpState.UNKNOWN
    assert outcome.code == code


@pytest.mark.parametrize("bad_code", ["E-17", True, "12.5"])
def test_2xx_with_a_code_we_cannot_read_is_outcome_unknown(h, gw, bad_code):
    gw.post(f"{h.API_URL}/operation/{TX}/refund").respond(201, json={"code": bad_code, "message": "?"})
    with pytest.raises(OutcomeUnknown) as info:
        call(h, MUTATIONS["refund"][1])
    assert info.value.gateway_code is None
    assert info.value.http_status == 201
    assert classify_send_error(info.value).state is OpState.UNKNOWN


@pytest.mark.parametrize(
    ("kwargs", "code", "message"),
    [
        ({"json": {"code": 0, "message": "ok"}}, 0, "ok"),
        ({"json": {"code": "0"}}, 0, ""),
        ({"json": {"code": None, "message": "done"}}, None, "done"),
        ({"json": {"code": ""}}, None, ""),
        ({"json": {"status": "ok"}}, None, "ok"),
        ({"json": {}}, None, ""),
        ({"json": []}, None, ""),
        ({"text": ""}, None, ""),
        ({"text": "OK"}, None, ""),
        ({"text": "<html>done</html>"}, None, ""),
    ],
    ids=["zero", "zero-text", "null", "no-code", "status", "empty-object", "array", "empty", "text", "html"],
)
def test_2xx_without_an_error_code_is_applied(h, gw, kwargs, code, message):
    gw.post(f"{h.API_URL}/operation/{TX}/cancel").respond(200, **kwargs)
    result = call(h, MUTATIONS["cancel"][1])
    assert isinstance(result, OperationResult)
    assert result.code == code and result.message == message


# -- point 6: check-status values this console does not know --------------------------------------


def check(h, gw, body: object) -> StatusFound:
    gw.get(h.status_url()).respond(200, json=body)

    async def go() -> object:
        async with h.make_client() as client:
            return await client.check_status(InvoiceId(h.INVOICE))

    result = h.run(go())
    assert isinstance(result, StatusFound)
    return result


@pytest.mark.parametrize(
    ("value", "code", "text"),
    [
        ("05A", None, "05A"),
        ("", None, None),
        (None, None, None),
        (12.5, None, "12.5"),
        ("12.5", None, "12.5"),
        (True, None, "true"),
        (9999, 9999, None),  # an integer the console has no words for is kept as it is
        ("0484", 484, None),
        (-1, -1, None),
    ],
)
def test_reason_code_that_is_not_an_integer_is_kept_as_text(h, gw, value, code, text):
    tx = check(h, gw, h.status_body(reasonCode=value)).transaction
    assert tx.reason_code == code
    assert tx.reason_code_text == text


def test_missing_optional_fields_leave_the_payment_readable(h, gw):
    body = h.status_body(statusName="REJECT", reasonCode="484")
    for key in (
        "createdDate", "orgAmount", "payoutAmount", "amountBonus", "cardMask", "cardType", "reference",
        "approvalCode", "reason", "invoiceID", "terminal", "terminalID", "accountID", "description",
        "language", "issuer", "intReference", "secure", "secureDetails", "statusID", "name", "email",
        "phone", "cardID", "xlsRRN", "data", "ip", "ipCountry", "ipCity", "ipRegion", "ipDistrict",
        "ipLatitude", "ipLongitude",
    ):  # fmt: skip
        del body["transaction"][key]
    tx = check(h, gw, body).transaction
    assert tx.amount == Money(1222) and tx.reason_code == 484
    assert tx.created_date is None and tx.card_mask == "" and tx.reference == ""
    assert tx.org_amount is None and tx.payout_amount is None  # never guessed as zero
    assert tx.amount_bonus == Money(0)
    snapshot = snapshot_from_status(StatusFound(tx), NOW)
    assert snapshot.status is ConsoleStatus.REJECT
    assert snapshot.payout_amount is None and snapshot.org_amount is None  # the store keeps what it had
    assert snapshot.card_mask is None and snapshot.bank_time is None


@pytest.mark.parametrize(
    ("key", "value"),
    [("secure", "maybe"), ("ipLatitude", "north"), ("cardMask", {"pan": "x"}), ("createdDate", "yesterday"),
     ("amountBonus", "lots"), ("name", True)],
)  # fmt: skip
def test_a_malformed_descriptive_field_is_left_empty_and_kept_raw(h, gw, key, value):
    tx = check(h, gw, h.status_body(**{key: value})).transaction
    assert tx.raw[key] == value
    assert tx.amount == Money(1222) and tx.status_name == "CHARGE"


@pytest.mark.parametrize(
    ("key", "value"), [("payoutAmount", "abc"), ("orgAmount", "1.234"), ("amount", None)]
)
def test_malformed_money_is_still_a_protocol_error(h, gw, key, value):
    gw.get(h.status_url()).respond(200, json=h.status_body(**{key: value}))

    async def go() -> object:
        async with h.make_client() as client:
            return await client.check_status(InvoiceId(h.INVOICE))

    with pytest.raises(ProtocolError):
        h.run(go())


@pytest.mark.parametrize(("name", "kept"), [("PARTIAL_REFUND", "PARTIAL_REFUND"), ("", '""'), (5, "5")])
def test_unknown_status_becomes_unknown_with_the_raw_name_kept(h, gw, name, kept):
    result = check(h, gw, h.status_body(statusName=name, reasonCode="05A"))
    snapshot = snapshot_from_status(result, NOW)
    assert snapshot.status is ConsoleStatus.UNKNOWN  # keeps being checked, shown as needing attention
    assert snapshot.bank_status == kept
    assert snapshot.reason_code is None and snapshot.reason_code_text == "05A"
    assert snapshot.payout_amount == Money(1000) and snapshot.transaction_id == h.TX_ID


def test_known_status_has_no_odd_values(h, gw):
    snapshot = snapshot_from_status(check(h, gw, h.status_body()), NOW)
    assert snapshot.status is ConsoleStatus.CHARGE
    assert snapshot.bank_status is None and snapshot.reason_code_text is None
    assert snapshot.reason_code == 0


def test_naive_created_date_becomes_the_banks_time_in_almaty(h, gw):
    snapshot = snapshot_from_status(check(h, gw, h.status_body(createdDate="2026-01-15T14:30:05.25")), NOW)
    assert snapshot.bank_time == datetime(2026, 1, 15, 9, 30, 5, 250000, tzinfo=UTC)


def test_coordinates_stay_decimal(h, gw):
    tx = check(h, gw, h.status_body(ipLatitude="43.25")).transaction
    assert tx.ip_latitude == Decimal("43.25")
