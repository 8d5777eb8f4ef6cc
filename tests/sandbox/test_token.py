"""POST /oauth2/token (epay-api.md section 2)."""

from __future__ import annotations

from epay_desktop.sandbox.cards import TEST_CARD_DECLINED


def test_form_urlencoded_service_token(sb) -> None:
    response = sb.token()
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "expires_in", "refresh_token", "scope", "token_type"}
    assert body["token_type"] == "Bearer"
    assert body["refresh_token"] == ""
    assert body["scope"] == sb.credentials["scope"]


def test_expires_in_is_a_string(sb) -> None:
    assert sb.token().json()["expires_in"] == "7200"
    assert sb.payment_token("000000001")["expires_in"] == "1200"


def test_token_ttl_is_configurable(make_sandbox) -> None:
    assert make_sandbox(token_ttl=60).token().json()["expires_in"] == "60"


def test_multipart_form_accepted(sb) -> None:
    files = {name: (None, value) for name, value in sb.credentials.items()}
    response = sb.post("/oauth2/token", files=files)
    assert response.status_code == 200, response.text
    assert response.json()["access_token"]


def test_json_body_rejected(sb) -> None:
    response = sb.post("/oauth2/token", json=sb.credentials)
    assert response.status_code == 400
    assert response.json() == {"code": 810, "message": response.json()["message"]}


def test_bad_secret_is_401(sb) -> None:
    response = sb.token(client_secret="wrong")
    assert response.status_code == 401
    assert response.json()["code"] == 801


def test_bad_client_id_is_401(sb) -> None:
    assert sb.token(client_id="other").status_code == 401


def test_unknown_terminal_rejected(sb) -> None:
    response = sb.token(terminal="00000000-0000-0000-0000-000000000000")
    assert response.status_code == 400
    assert response.json()["code"] == 812


def test_wrong_grant_type_rejected(sb) -> None:
    assert sb.token(grant_type="password").json()["code"] == 811


def test_service_token_without_terminal_gets_the_clients_terminal(sb) -> None:
    fields = {k: v for k, v in sb.credentials.items() if k != "terminal"}
    response = sb.post("/oauth2/token", data=fields)
    assert response.status_code == 200


def test_payment_token_needs_terminal_amount_currency(sb) -> None:
    fields = {k: v for k, v in sb.credentials.items() if k != "terminal"}
    no_terminal = sb.post("/oauth2/token", data={**fields, "invoiceID": "000000001", "amount": "10"})
    assert no_terminal.json()["code"] == 819
    assert sb.token(invoiceID="000000001", currency="KZT").json()["code"] == 819
    assert sb.token(invoiceID="000000001", amount="10").json()["code"] == 819


def test_invoice_id_must_be_6_to_15_digits(sb) -> None:
    for bad in ("12345", "1234567890123456", "12345a", "-123456", "１２３４５６"):
        response = sb.token(invoiceID=bad, amount="100", currency="KZT")
        assert response.status_code == 400, bad
        assert response.json()["code"] == 813
    for good in ("123456", "123456789012345", "000000042"):
        assert sb.token(invoiceID=good, amount="100", currency="KZT").status_code == 200


def test_last_six_digits_unique_per_terminal(sb) -> None:
    sb.payment_token("100123456")
    response = sb.token(invoiceID="200123456", amount="1500.50", currency="KZT")
    assert response.status_code == 400
    assert response.json()["code"] == 814


def test_reissue_for_unpaid_invoice_with_same_amount(sb) -> None:
    first = sb.payment_token("000000007", "100")
    second = sb.payment_token("000000007", "100.00")
    assert first["access_token"] != second["access_token"]


def test_reissue_with_other_amount_rejected(sb) -> None:
    sb.payment_token("000000007", "100")
    response = sb.token(invoiceID="000000007", amount="101", currency="KZT")
    assert response.json()["code"] == 817


def test_no_token_after_final_attempt(sb) -> None:
    sb.paid("000000008")
    response = sb.token(invoiceID="000000008", amount="1500.50", currency="KZT")
    assert response.status_code == 400
    assert response.json()["code"] == 815


def test_no_token_after_declined_attempt(sb) -> None:
    sb.payment_token("000000009")
    sb.pay("000000009", TEST_CARD_DECLINED)
    assert sb.token(invoiceID="000000009", amount="1500.50", currency="KZT").json()["code"] == 815


def test_amount_rules(sb) -> None:
    assert sb.token(invoiceID="000000010", amount="1.005", currency="KZT").json()["code"] == 816
    assert sb.token(invoiceID="000000011", amount="0", currency="KZT").json()["code"] == 816
    assert sb.token(invoiceID="000000012", amount="ten", currency="KZT").json()["code"] == 816
    assert sb.token(invoiceID="000000013", amount="10", currency="EUR").json()["code"] == 818


def test_api_prefix_serves_token(sb) -> None:
    response = sb.post("/api/oauth2/token", data=sb.credentials)
    assert response.status_code == 200


def test_service_token_expires(make_sandbox) -> None:
    sb = make_sandbox(token_ttl=60)
    headers = sb.auth()
    sb.clock.advance(61)
    response = sb.get("/check-status/payment/transaction/000000001", headers=headers)
    assert response.status_code == 401
    assert response.json()["code"] == 804


def test_missing_unknown_and_wrong_kind_tokens_are_401(sb) -> None:
    path = "/check-status/payment/transaction/000000001"
    assert sb.get(path).json()["code"] == 802
    assert sb.get(path, headers={"Authorization": "Basic abc"}).json()["code"] == 802
    assert sb.get(path, headers={"Authorization": "Bearer nope"}).json()["code"] == 803
    payment = sb.payment_token("000000001")["access_token"]
    response = sb.get(path, headers={"Authorization": f"Bearer {payment}"})
    assert response.status_code == 401
    assert response.json()["code"] == 805
