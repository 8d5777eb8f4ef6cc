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


# -- status_oddity faults (issue 8 point 6: answers the console does not know) ----------------


def oddity(sb, name: str, times: int = 1) -> None:
    body = {"operation": "status", "kind": "status_oddity", "value": name, "times": times}
    response = sb.post("/sandbox/faults", json=body)
    assert response.status_code == 201, response.text
    assert response.json()["value"] == name


def test_oddity_unknown_status_name_once(sb) -> None:
    sb.paid("000000111")
    oddity(sb, "unknown_status")
    assert sb.txn("000000111")["statusName"] == "CHARGEBACK"
    assert sb.txn("000000111")["statusName"] == "CHARGE"


def test_oddity_created_date_without_offset(sb) -> None:
    sb.paid("000000112")
    oddity(sb, "naive_time")
    created = sb.txn("000000112")["createdDate"]
    # The sandbox's clock says 10:00:00.123456 at +05:00; the odd answer drops the offset.
    assert created == "2026-03-02T10:00:00.123456"


def test_oddity_reason_codes(sb) -> None:
    sb.payment_token("000000113")
    sb.pay("000000113", "4003032704547597")  # REJECT 465
    oddity(sb, "text_reason_code")
    oddity(sb, "unknown_reason_code")
    first, second = sb.txn("000000113"), sb.txn("000000113")
    assert (first["statusName"], first["reasonCode"]) == ("REJECT", "A05")
    assert second["reasonCode"] == "9999"
    assert sb.txn("000000113")["reasonCode"] == "465"


def test_oddity_missing_optional_fields(sb) -> None:
    sb.paid("000000114", "1000", description="tea", email="a@b.kz")
    oddity(sb, "missing_fields")
    txn = sb.txn("000000114")
    assert set(txn) == {
        "id", "createdDate", "invoiceID", "amount", "payoutAmount", "orgAmount", "currency", "terminal",
        "terminalID", "cardMask", "reference", "reason", "reasonCode", "secure", "statusName",
    }  # fmt: skip
    assert (txn["statusName"], txn["amount"]) == ("CHARGE", 1000)


def test_oddity_fault_is_validated(sb) -> None:
    for bad in (
        {"operation": "status", "kind": "status_oddity", "value": "nonsense"},
        {"operation": "status", "kind": "status_oddity"},
        {"operation": "refund", "kind": "status_oddity", "value": "unknown_status"},
    ):
        response = sb.post("/sandbox/faults", json=bad)
        assert (response.status_code, response.json()["code"]) == (400, 850), bad


def test_oddity_on_unknown_invoice_still_answers_102(sb) -> None:
    oddity(sb, "unknown_status")
    assert sb.status("000000115")["resultCode"] == "102"
    assert sb.get("/sandbox/faults").json() == []
