"""The control API under /sandbox (docs/sandbox.md)."""

from __future__ import annotations


def test_transactions_list_shape(sb2) -> None:
    txn_id = sb2.paid("000000501", "1000", description="tea")
    sb2.op(txn_id, "charge", amount="900")
    [entry] = sb2.get("/sandbox/transactions").json()
    assert entry["invoiceId"] == "000000501"
    assert entry["id"] == txn_id
    assert entry["status"] == "CHARGE"
    assert (entry["amount"], entry["orgAmount"], entry["payoutAmount"]) == (900, 1000, 0)
    assert entry["currency"] == "KZT"
    assert [op["kind"] for op in entry["operations"]] == ["auth", "charge"]
    assert set(entry["operations"][0]) == {"kind", "amount", "externalID", "time"}


def test_transactions_list_shows_cancel_old(sb2) -> None:
    sb2.paid("000000502", "1000")
    sb2.clock.advance(3600)
    [entry] = sb2.get("/sandbox/transactions").json()
    assert entry["status"] == "CANCEL_OLD"
    assert entry["operations"][-1]["kind"] == "cancel_old"


def test_faults_add_list_clear(sb) -> None:
    created = sb.post("/sandbox/faults", json={"operation": "refund", "kind": "http_status", "value": 503})
    assert created.status_code == 201
    sb.post("/sandbox/faults", json={"operation": "status", "kind": "delay", "value": 0.5, "times": 3})
    listed = sb.get("/sandbox/faults").json()
    assert listed == [
        {"operation": "refund", "kind": "http_status", "value": 503, "times": 1},
        {"operation": "status", "kind": "delay", "value": 0.5, "times": 3},
    ]
    assert sb.request("DELETE", "/sandbox/faults").status_code == 200
    assert sb.get("/sandbox/faults").json() == []


def test_bad_faults_rejected(sb) -> None:
    for bad in (
        {"operation": "nope", "kind": "delay"},
        {"operation": "refund", "kind": "nope"},
        {"operation": "refund", "kind": "result_code", "value": 107},
        {"operation": "token", "kind": "expire_token"},
        {"operation": "refund", "kind": "http_status", "value": 200},
        {"operation": "refund", "kind": "delay", "value": -1},
        {"operation": "refund", "kind": "delay", "times": 0},
        ["not", "an", "object"],
    ):
        response = sb.post("/sandbox/faults", json=bad)
        assert (response.status_code, response.json()["code"]) == (400, 850), bad


def test_invalid_json_is_851(sb) -> None:
    response = sb.post("/sandbox/faults", content=b"{oops", headers={"Content-Type": "application/json"})
    assert (response.status_code, response.json()["code"]) == (400, 851)


def test_reset_empties_ledger_and_faults_keeps_tokens(sb) -> None:
    headers = sb.auth()
    sb.paid("000000503")
    sb.post("/sandbox/faults", json={"operation": "refund", "kind": "delay", "value": 1})
    assert sb.post("/sandbox/reset").json()["tokensCleared"] is False
    assert sb.get("/sandbox/transactions").json() == []
    assert sb.get("/sandbox/faults").json() == []
    status = sb.get("/check-status/payment/transaction/000000503", headers=headers)
    assert status.json()["resultCode"] == "102"
    assert sb.token(invoiceID="000000503", amount="1", currency="KZT").status_code == 200


def test_reset_can_drop_tokens(sb) -> None:
    headers = sb.auth()
    sb.post("/sandbox/reset", params={"tokens": "1"})
    response = sb.get("/check-status/payment/transaction/000000504", headers=headers)
    assert response.status_code == 401


# -- refunds made in the bank's merchant cabinet (issue 8 point 4) ---------------------------


def test_cabinet_refund_by_transaction_id(sb) -> None:
    txn_id = sb.paid("000000511", "1000")
    response = sb.post(f"/sandbox/transactions/{txn_id}/refund", params={"amount": "400"})
    assert response.status_code == 200, response.text
    entry = response.json()
    assert (entry["amount"], entry["payoutAmount"]) == (600, 400)
    assert entry["operations"][-1] == {**entry["operations"][-1], "kind": "refund", "externalID": ""}
    txn = sb.txn("000000511")
    assert (txn["statusName"], txn["amount"], txn["payoutAmount"]) == ("CHARGE", 600, 400)


def test_cabinet_refund_by_invoice_full_and_rules(sb) -> None:
    sb.paid("000000512", "1000")
    small = sb.post("/sandbox/invoices/000000512/refund", params={"amount": "9"})
    assert (small.status_code, small.json()["code"]) == (400, 827)
    assert sb.post("/sandbox/invoices/000000512/refund").status_code == 200  # no amount: all that remains
    txn = sb.txn("000000512")
    assert (txn["statusName"], txn["amount"], txn["payoutAmount"]) == ("REFUND", 0, 1000)
    again = sb.post("/sandbox/invoices/000000512/refund", params={"amount": "10"})
    assert (again.status_code, again.json()["code"]) == (400, 823)


def test_cabinet_refund_of_unknown_payment_is_404(sb) -> None:
    for path in ("/sandbox/transactions/nope/refund", "/sandbox/invoices/000000513/refund"):
        response = sb.post(path, params={"amount": "10"})
        assert (response.status_code, response.json()["code"]) == (404, 820), path


def test_cabinet_refund_lags_like_any_refund(make_sandbox) -> None:
    sb = make_sandbox(status_lag=30)
    sb.paid("000000514", "1000")
    assert sb.post("/sandbox/invoices/000000514/refund", params={"amount": "100"}).status_code == 200
    assert sb.txn("000000514")["payoutAmount"] == 0
    sb.clock.advance(30)
    assert sb.txn("000000514")["payoutAmount"] == 100


def test_sandbox_pay_answer_says_how_many_attempts_are_left(sb) -> None:
    sb.payment_token("000000515")
    declined = [sb.pay("000000515", "4003032704547597").json() for _ in range(3)]
    assert [d["attemptsLeft"] for d in declined] == [2, 1, 0]
    assert sb.txn("000000515")["statusName"] == "REJECT"
