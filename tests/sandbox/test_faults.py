"""Injected faults. Drops and delays run on a real loopback server (start_in_thread)."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from epay_desktop.sandbox.dropping import ConnectionDropped


def fault(client, operation: str, kind: str, value: float = 0, times: int = 1) -> None:
    body = {"operation": operation, "kind": kind, "value": value, "times": times}
    response = client.post("/sandbox/faults", json=body)
    assert response.status_code == 201, response.text


# -- in process -----------------------------------------------------------------------------


def test_http_status_answers_without_applying(sb) -> None:
    txn_id = sb.paid("000000601", "1000")
    headers = sb.auth()
    fault(sb, "refund", "http_status", 503)
    response = sb.post(f"/operation/{txn_id}/refund", params={"amount": "100"}, headers=headers)
    assert (response.status_code, response.json()["code"]) == (503, 860)
    assert sb.txn("000000601")["payoutAmount"] == 0
    assert sb.op(txn_id, "refund", amount="100").status_code == 200


def test_result_code_fault_on_status(sb) -> None:
    sb.paid("000000602")
    headers = sb.auth()
    fault(sb, "status", "result_code", 107)
    fault(sb, "status", "result_code", 103)
    path = "/check-status/payment/transaction/000000602"
    first = sb.get(path, headers=headers).json()
    assert first == {"resultCode": "107", "resultMessage": "Operation in progress"}
    assert sb.get(path, headers=headers).json()["resultCode"] == "103"
    assert sb.get(path, headers=headers).json()["resultCode"] == "100"


def test_expire_token_fault(sb) -> None:
    headers = sb.auth()
    fault(sb, "cards", "expire_token")
    response = sb.get("/cards/anyone", headers=headers)
    assert (response.status_code, response.json()["code"]) == (401, 804)
    assert sb.get("/cards/anyone", headers=headers).status_code == 401
    assert sb.get("/cards/anyone", headers=sb.auth()).status_code == 200


def test_fault_times(sb) -> None:
    headers = sb.auth()
    fault(sb, "status", "http_status", 500, times=2)
    path = "/check-status/payment/transaction/000000603"
    assert [sb.get(path, headers=headers).status_code for _ in range(3)] == [500, 500, 200]


def test_fault_on_token_endpoint(sb) -> None:
    fault(sb, "token", "http_status", 502)
    assert sb.token().status_code == 502
    assert sb.token().status_code == 200


def test_faults_only_hit_their_operation(sb) -> None:
    txn_id = sb.paid("000000604", "1000")
    fault(sb, "cancel", "http_status", 500)
    assert sb.op(txn_id, "refund", amount="10").status_code == 200
    assert sb.get("/sandbox/faults").json()[0]["operation"] == "cancel"


# -- HTTP 200 that says no (issue 8 point 3) ---------------------------------------------------


def save_card(sb) -> str:
    sb.payment_token("000000620", "500")
    result = sb.pay("000000620", cardSave=True, accountId="client-1").json()
    assert result["cardId"], result
    return str(result["cardId"])


def pay_with_card(sb, invoice: str, card_id: str) -> httpx.Response:
    token = sb.payment_token(invoice, "700")["access_token"]
    payload = {
        "amount": "700", "currency": "KZT", "name": "TEST PAYER", "terminalId": sb.credentials["terminal"],
        "invoiceId": invoice, "accountId": "client-1", "paymentType": "cardId", "cardId": {"id": card_id},
    }  # fmt: skip
    return sb.post("/payments/cards/auth", json=payload, headers={"Authorization": f"Bearer {token}"})


def test_code_in_200_refund_answers_200_without_applying(sb) -> None:
    txn_id = sb.paid("000000621", "1000")
    fault(sb, "refund", "code_in_200", 100)
    response = sb.op(txn_id, "refund", amount="100", externalID="r-1")
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == 100 and body["message"]
    txn = sb.txn("000000621")
    assert (txn["statusName"], txn["amount"], txn["payoutAmount"]) == ("CHARGE", 1000, 0)
    assert [op["kind"] for op in sb.get("/sandbox/transactions").json()[0]["operations"]] == ["charge"]
    # The fault fired once: the same refund now goes through.
    retried = sb.op(txn_id, "refund", amount="100", externalID="r-1")
    assert retried.json() == {"code": 0, "message": "refunded"}


def test_code_in_200_charge_and_cancel_are_not_applied(sb2) -> None:
    txn_id = sb2.paid("000000622", "1000")
    fault(sb2, "charge", "code_in_200", 103)
    fault(sb2, "cancel", "code_in_200", 5)
    charged = sb2.op(txn_id, "charge")
    cancelled = sb2.op(txn_id, "cancel")
    assert (charged.status_code, charged.json()["code"]) == (200, 103)
    assert (cancelled.status_code, cancelled.json()["code"]) == (200, 5)
    assert sb2.txn("000000622")["statusName"] == "AUTH"


def test_code_in_200_card_pay_pays_nothing(sb) -> None:
    card_id = save_card(sb)
    fault(sb, "card_pay", "code_in_200", 100)
    response = pay_with_card(sb, "000000623", card_id)
    assert response.status_code == 200
    assert response.json()["code"] == 100
    assert "status" not in response.json()
    assert sb.status("000000623")["resultCode"] == "102"


def test_code_in_200_applied_refund_is_applied_but_says_no(sb) -> None:
    txn_id = sb.paid("000000624", "1000")
    fault(sb, "refund", "code_in_200_applied", 100)
    response = sb.op(txn_id, "refund", amount="400", externalID="r-2")
    assert (response.status_code, response.json()["code"]) == (200, 100)
    txn = sb.txn("000000624")
    assert (txn["amount"], txn["payoutAmount"]) == (600, 400)
    assert sb.get("/sandbox/transactions").json()[0]["operations"][-1]["externalID"] == "r-2"


def test_code_in_200_applied_keeps_a_refusal(sb) -> None:
    txn_id = sb.paid("000000625", "1000")
    fault(sb, "refund", "code_in_200_applied", 100)
    response = sb.op(txn_id, "refund", amount="5")  # below the 10 KZT minimum: nothing applied
    assert (response.status_code, response.json()["code"]) == (400, 827)
    assert sb.txn("000000625")["payoutAmount"] == 0


def test_code_in_200_applied_card_pay_pays(sb) -> None:
    card_id = save_card(sb)
    fault(sb, "card_pay", "code_in_200_applied", 100)
    response = pay_with_card(sb, "000000626", card_id)
    assert (response.status_code, response.json()["code"]) == (200, 100)
    assert sb.txn("000000626")["statusName"] == "CHARGE"


def test_code_in_200_needs_a_money_operation_and_a_code(sb) -> None:
    for bad in (
        {"operation": "status", "kind": "code_in_200", "value": 100},
        {"operation": "token", "kind": "code_in_200_applied", "value": 100},
        {"operation": "cards", "kind": "code_in_200", "value": 100},
        {"operation": "refund", "kind": "code_in_200"},
        {"operation": "refund", "kind": "code_in_200", "value": 0},
        {"operation": "refund", "kind": "code_in_200_applied", "value": 1.5},
    ):
        response = sb.post("/sandbox/faults", json=bad)
        assert (response.status_code, response.json()["code"]) == (400, 850), bad
    assert sb.get("/sandbox/faults").json() == []


def test_in_process_drop_raises_connection_error(sb) -> None:
    fault(sb, "token", "drop_before_apply")
    with pytest.raises(ConnectionDropped):
        sb.token()


# -- on a real loopback server --------------------------------------------------------------


def token(http: httpx.Client, **fields: str) -> str:
    from epay_desktop.sandbox.config import TEST_CLIENT_SECRET
    from epay_desktop.sandbox.config import TEST_TERMINAL_ID

    form = {"grant_type": "client_credentials", "client_id": "test", "client_secret": TEST_CLIENT_SECRET}
    response = http.post("/oauth2/token", data={**form, "terminal": TEST_TERMINAL_ID, **fields})
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def paid(http: httpx.Client, invoice: str) -> str:
    token(http, invoiceID=invoice, amount="1000", currency="KZT")
    body = {"invoiceId": invoice, "pan": "4405639704015096", "expiry": "12/30", "cvc": "123", "name": "X"}
    return str(http.post("/sandbox/pay", json=body).json()["transactionId"])


def ledger(http: httpx.Client) -> dict[str, Any]:
    return {t["invoiceId"]: t for t in http.get("/sandbox/transactions").json()}


def test_drop_after_apply_closes_connection_but_applies(http) -> None:
    txn_id = paid(http, "000000611")
    headers = {"Authorization": f"Bearer {token(http)}"}
    fault(http, "refund", "drop_after_apply")
    with httpx.Client(base_url=str(http.base_url)) as fresh, pytest.raises(httpx.RemoteProtocolError):
        fresh.post(
            f"/operation/{txn_id}/refund", params={"amount": "100", "externalID": "e1"}, headers=headers
        )
    entry = ledger(http)["000000611"]
    assert entry["payoutAmount"] == 100
    assert entry["operations"][-1]["externalID"] == "e1"


def test_drop_before_apply_closes_connection_without_applying(http) -> None:
    txn_id = paid(http, "000000612")
    headers = {"Authorization": f"Bearer {token(http)}"}
    fault(http, "refund", "drop_before_apply")
    with httpx.Client(base_url=str(http.base_url)) as fresh, pytest.raises(httpx.RemoteProtocolError):
        fresh.post(f"/operation/{txn_id}/refund", params={"amount": "100"}, headers=headers)
    assert ledger(http)["000000612"]["payoutAmount"] == 0


def test_drop_is_not_a_500_and_server_keeps_serving(http) -> None:
    fault(http, "token", "drop_after_apply")
    with pytest.raises(httpx.RemoteProtocolError):
        token(http)
    assert token(http)


def test_drop_on_status_read(http) -> None:
    headers = {"Authorization": f"Bearer {token(http)}"}
    fault(http, "status", "drop_before_apply")
    with pytest.raises(httpx.TransportError):
        http.get("/check-status/payment/transaction/000000613", headers=headers)


def test_delay_applies_then_answers_late(http) -> None:
    txn_id = paid(http, "000000614")
    headers = {"Authorization": f"Bearer {token(http)}"}
    fault(http, "refund", "delay", 0.3)
    started = time.monotonic()
    response = http.post(f"/operation/{txn_id}/refund", params={"amount": "50"}, headers=headers)
    assert response.status_code == 200
    assert time.monotonic() - started >= 0.3
    assert ledger(http)["000000614"]["payoutAmount"] == 50


def test_delay_past_client_timeout_still_applies(http) -> None:
    txn_id = paid(http, "000000615")
    headers = {"Authorization": f"Bearer {token(http)}"}
    fault(http, "refund", "delay", 0.5)
    with pytest.raises(httpx.ReadTimeout):
        http.post(f"/operation/{txn_id}/refund", params={"amount": "50"}, headers=headers, timeout=0.1)
    assert ledger(http)["000000615"]["payoutAmount"] == 50
