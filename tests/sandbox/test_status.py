"""GET /check-status/payment/transaction/{invoiceId} (epay-api.md section 5)."""

from __future__ import annotations

import re
from decimal import Decimal

from epay_desktop.sandbox.cards import TEST_CARD_3DS
from epay_desktop.sandbox.config import TEST_TERMINAL_ID

# Field names exactly as in epay-api.md section 5.1, casing included.
STATUS_FIELDS = {
    "id", "createdDate", "invoiceID", "amount", "amountBonus", "payoutAmount", "orgAmount",
    "approvalCode", "data", "currency", "terminal", "terminalID", "accountID", "description",
    "language", "cardMask", "cardType", "issuer", "reference", "reason", "reasonCode",
    "intReference", "secure", "secureDetails", "statusID", "statusName", "name", "email",
    "phone", "cardID", "xlsRRN", "ip", "ipCountry", "ipCity", "ipRegion", "ipDistrict",
    "ipLatitude", "ipLongitude",
}  # fmt: skip


def test_102_before_any_attempt(sb) -> None:
    sb.payment_token("000000101")
    body = sb.status("000000101")
    assert body["resultCode"] == "102"
    assert body["resultMessage"] == "No such transaction"
    assert "transaction" not in body


def test_102_for_unknown_invoice(sb) -> None:
    assert sb.status("999999999")["resultCode"] == "102"


def test_100_shape_and_casing(sb) -> None:
    sb.paid("000000102", "1500.50", description="coffee", accountId="client-7", email="a@b.kz")
    body = sb.status("000000102")
    assert body["resultCode"] == "100"
    assert body["resultMessage"] == "SUCCESS"
    txn = body["transaction"]
    assert set(txn) == STATUS_FIELDS
    assert txn["invoiceID"] == "000000102"
    assert txn["accountID"] == "client-7"
    assert txn["terminalID"] == TEST_TERMINAL_ID
    assert re.fullmatch(r"\d{8}", txn["terminal"])
    assert txn["secure"] is False
    assert txn["reasonCode"] == "0"
    assert txn["statusName"] == "CHARGE"
    assert txn["cardMask"] == "440563...5096"
    assert txn["cardType"] == "VISA"
    assert re.fullmatch(r"\d{12}", txn["reference"])
    assert re.fullmatch(r"\d{6}", txn["approvalCode"])
    assert txn["description"] == "coffee"


def test_created_date_has_microseconds_and_kz_offset(sb) -> None:
    sb.paid("000000103")
    created = sb.txn("000000103")["createdDate"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+0[56]:00", created), created


def test_amounts_are_exact_json_numbers(sb) -> None:
    sb.paid("000000104", "123456789012.34")
    response = sb.get("/check-status/payment/transaction/000000104", headers=sb.auth())
    assert '"amount":123456789012.34' in response.text
    assert '"orgAmount":123456789012.34' in response.text
    assert '"payoutAmount":0' in response.text
    txn = sb.txn("000000104")
    assert txn["amount"] == Decimal("123456789012.34")


def test_amount_keeps_tiyn(sb) -> None:
    sb.paid("000000105", "1500.5")
    response = sb.get("/check-status/payment/transaction/000000105", headers=sb.auth())
    assert '"amount":1500.5,' in response.text


def test_result_code_is_a_string(sb) -> None:
    sb.paid("000000106")
    assert isinstance(sb.status("000000106")["resultCode"], str)
    assert isinstance(sb.status("000000999")["resultCode"], str)


def test_pending_3ds_shows_new(sb) -> None:
    sb.payment_token("000000107")
    assert sb.pay("000000107", TEST_CARD_3DS).json()["outcome"] == "needs_3ds"
    assert sb.txn("000000107")["statusName"] == "NEW"


def test_api_prefix_serves_status(sb) -> None:
    sb.paid("000000108")
    response = sb.get("/api/check-status/payment/transaction/000000108", headers=sb.auth())
    assert response.json()["resultCode"] == "100"
