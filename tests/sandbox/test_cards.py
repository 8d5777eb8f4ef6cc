"""Saved cards: list, deactivate, pay with a saved card (epay-api.md section 8)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

import httpx

from epay_desktop.sandbox.cards import TEST_CARD_3DS

CARD_FIELDS = {
    "ID", "TransactionId", "MerchantID", "CardHash", "CardMask", "PayerName", "Reference",
    "IntReference", "Token", "Terminal", "CreatedDate", "PaymentAvailable", "AccountID",
}  # fmt: skip


def save_card(sb, invoice: str = "000000301", account: str = "client-1") -> str:
    sb.payment_token(invoice, "500")
    result = sb.pay(invoice, cardSave=True, accountId=account).json()
    assert result["outcome"] == "approved"
    assert result["cardId"]
    return str(result["cardId"])


def pay_with_card(sb, invoice, card_id, account="client-1", amount="700", sent_amount=None, **body):
    token = sb.payment_token(invoice, amount)["access_token"]
    payload = {
        "amount": sent_amount or amount, "currency": "KZT", "name": "TEST PAYER",
        "terminalId": sb.credentials["terminal"],
        "invoiceId": invoice, "description": "subscription", "accountId": account, "language": "rus",
        "paymentType": "cardId", "cardId": {"id": card_id}, **body,
    }  # fmt: skip
    return sb.post("/payments/cards/auth", json=payload, headers={"Authorization": f"Bearer {token}"})


def test_no_cards_is_code_1373(sb) -> None:
    response = sb.get("/cards/nobody", headers=sb.auth())
    assert response.status_code == 200
    assert response.json()["code"] == 1373
    assert response.json()["message"]


def test_saved_card_listed_with_pascal_case_keys(sb) -> None:
    card_id = save_card(sb)
    [card] = sb.get("/cards/client-1", headers=sb.auth()).json()
    assert set(card) == CARD_FIELDS
    assert card["ID"] == card_id
    assert card["AccountID"] == "client-1"
    assert card["CardMask"] == "440563...5096"
    assert card["PaymentAvailable"] is True
    assert sb.txn("000000301")["cardID"] == card_id


def test_card_not_saved_without_account_id(sb) -> None:
    sb.payment_token("000000302")
    assert sb.pay("000000302", cardSave=True).json()["cardId"] is None


def test_deactivate_card(sb) -> None:
    card_id = save_card(sb)
    response = sb.post(f"/card/deactivate/{card_id}", headers=sb.auth())
    assert response.status_code == 200
    assert response.json() == {"status": "card successfully deactivated"}
    assert sb.get("/cards/client-1", headers=sb.auth()).json()["code"] == 1373
    again = sb.post(f"/card/deactivate/{card_id}", headers=sb.auth())
    assert again.json()["code"] == 831


def test_deactivate_unknown_card_is_404(sb) -> None:
    response = sb.post("/card/deactivate/no-such-card", headers=sb.auth())
    assert (response.status_code, response.json()["code"]) == (404, 830)


def test_pay_with_saved_card(sb) -> None:
    card_id = save_card(sb)
    response = pay_with_card(sb, "000000303", card_id)
    assert response.status_code == 200, response.text
    body = response.json()
    for key in (
        "id",
        "invoiceID",
        "amount",
        "currency",
        "reference",
        "approvalCode",
        "cardID",
        "code",
        "status",
    ):
        assert key in body
    assert body["invoiceID"] == "000000303"
    assert body["cardID"] == card_id
    assert body["status"] == "CHARGE"
    assert body["amount"] == 700
    assert re.fullmatch(r"\d{12}", body["reference"])
    txn = sb.txn("000000303")
    assert (txn["statusName"], txn["id"], txn["cardID"]) == ("CHARGE", body["id"], card_id)


def test_saved_card_on_two_step_terminal_ends_in_auth(sb2) -> None:
    card_id = save_card(sb2)
    assert pay_with_card(sb2, "000000304", card_id).json()["status"] == "AUTH"


def test_deactivated_card_cannot_pay(sb) -> None:
    card_id = save_card(sb)
    sb.post(f"/card/deactivate/{card_id}", headers=sb.auth())
    response = pay_with_card(sb, "000000305", card_id)
    assert (response.status_code, response.json()["code"]) == (400, 831)


def test_saved_card_needs_matching_account(sb) -> None:
    card_id = save_card(sb)
    response = pay_with_card(sb, "000000306", card_id, account="client-2")
    assert (response.status_code, response.json()["code"]) == (400, 833)


def test_saved_card_needs_payment_type_card_id(sb) -> None:
    card_id = save_card(sb)
    response = pay_with_card(sb, "000000307", card_id, paymentType="card")
    assert response.json()["code"] == 832


def test_saved_card_token_must_match_invoice_and_amount(sb) -> None:
    card_id = save_card(sb)
    response = pay_with_card(sb, "000000308", card_id, amount="700", sent_amount="701")
    assert (response.status_code, response.json()["code"]) == (400, 834)
    response = pay_with_card(sb, "000000309", card_id, invoiceId="000000310")
    assert response.json()["code"] == 834


def test_saved_card_needs_a_payment_token(sb) -> None:
    card_id = save_card(sb)
    response = sb.post(
        "/payments/cards/auth",
        json={"paymentType": "cardId", "cardId": {"id": card_id}, "accountId": "client-1"},
        headers=sb.auth(),
    )
    assert (response.status_code, response.json()["code"]) == (401, 805)


def test_saved_card_payment_is_a_final_attempt(sb) -> None:
    card_id = save_card(sb)
    assert pay_with_card(sb, "000000311", card_id).status_code == 200
    token = sb.token(invoiceID="000000311", amount="700", currency="KZT")
    assert token.json()["code"] == 815


def test_cards_served_under_api_prefix(sb) -> None:
    save_card(sb)
    assert len(sb.get("/api/cards/client-1", headers=sb.auth()).json()) == 1


# ---- a saved 3-D Secure card: secure3D, the ACS and TermUrl (epay-api.md sections 7 and 8.4) ----------


def save_3ds_card(sb, invoice: str = "000000321") -> str:
    sb.payment_token(invoice, "500")
    result = sb.pay(invoice, TEST_CARD_3DS, threeDSCode="000000", cardSave=True, accountId="client-1").json()
    assert result["outcome"] == "approved"
    return str(result["cardId"])


def form_fields(html: str, form_id: str) -> tuple[str, dict[str, str]]:
    form = re.search(rf'<form id="{form_id}"[^>]*action="([^"]*)"[^>]*>(.*?)</form>', html, re.S)
    assert form is not None, html
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(2)))
    return unescape(form.group(1)), {k: unescape(v) for k, v in fields.items()}


def through_acs(sb, secure3d: dict[str, str], code: str | None) -> httpx.Response:
    """The client's part: POST MD/PaReq/TermUrl to action, answer at the ACS, post PaRes back to TermUrl."""
    form = {"MD": secure3d["md"], "PaReq": secure3d["paReq"], "TermUrl": secure3d["termURL"]}
    page = sb.post(secure3d["action"], data=form)
    assert page.status_code == 200, page.text
    if code is None:
        action, fields = form_fields(page.text, "acs-cancel-form")
        answer = sb.post(urljoin(secure3d["action"], action), data=fields)
    else:
        action, fields = form_fields(page.text, "acs-form")
        answer = sb.post(urljoin(secure3d["action"], action), data={**fields, "code": code})
    term_url, returned = form_fields(answer.text, "acs-return")
    assert term_url == secure3d["termURL"] and set(returned) == {"PaRes", "MD"}
    return sb.post(term_url, data=returned)


def test_saved_3ds_card_answers_secure3d_and_new(sb) -> None:
    card_id = save_3ds_card(sb)
    response = pay_with_card(sb, "000000322", card_id)
    body = response.json()
    assert (response.status_code, body["status"], body["code"]) == (200, "NEW", 0)
    secure3d = body["secure3D"]
    token = sb.state.tokens.latest_payment(sb.credentials["terminal"], "000000322").access_token
    assert secure3d["action"] == "http://sandbox.test/acs/auth"  # in-process: the ACS on the same app
    assert secure3d["termURL"] == f"http://sandbox.test/payments/cards/confirmPayment?Access={token}"
    assert secure3d["md"] and secure3d["paReq"] and "4111" not in secure3d["md"] + secure3d["paReq"]
    assert sb.txn("000000322")["statusName"] == "NEW"
    plain_card = save_card(sb, "000000324")
    assert pay_with_card(sb, "000000323", plain_card).json()["secure3D"] is None


def test_saved_3ds_card_round_trip_ends_on_reference(sb) -> None:
    card_id = save_3ds_card(sb)
    back = {"backLink": "https://shop.example/ok?o=1", "failureBackLink": "https://shop.example/no"}
    body = pay_with_card(sb, "000000325", card_id, **back).json()
    done = through_acs(sb, body["secure3D"], "000000")
    txn = sb.txn("000000325")
    assert (txn["statusName"], txn["secure"], txn["cardID"]) == ("CHARGE", True, card_id)
    assert done.status_code == 303
    assert done.headers["location"] == f"https://shop.example/ok?o=1&reference={txn['reference']}"


def test_saved_3ds_card_failure_ends_on_error_code(sb) -> None:
    card_id = save_3ds_card(sb)
    body = pay_with_card(sb, "000000326", card_id).json()  # no backLink: the gateway's own page
    done = through_acs(sb, body["secure3D"], None)
    assert done.status_code == 303
    assert done.headers["location"] == "http://sandbox.test/payments/cards/result?errorCode=473&lang=ru"
    txn = sb.txn("000000326")
    assert (txn["statusName"], txn["reasonCode"]) == ("3D", "473")
    page = sb.get(done.headers["location"])
    assert page.status_code == 200 and 'data-success="false"' in page.text


def test_saved_3ds_card_under_api_prefix(sb) -> None:
    card_id = save_3ds_card(sb)
    token = sb.payment_token("000000327", "700")["access_token"]
    payload = {
        "amount": "700", "currency": "KZT", "terminalId": sb.credentials["terminal"],
        "invoiceId": "000000327", "accountId": "client-1", "paymentType": "cardId", "cardId": {"id": card_id},
    }  # fmt: skip
    body = sb.post(
        "/api/payments/cards/auth", json=payload, headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert body["secure3D"]["termURL"].startswith(
        "http://sandbox.test/api/payments/cards/confirmPayment?Access="
    )
    done = through_acs(sb, body["secure3D"], "000000")
    assert done.headers["location"].startswith("http://sandbox.test/api/payments/cards/result?reference=")


def test_confirm_payment_needs_the_payment_token(sb) -> None:
    card_id = save_3ds_card(sb)
    secure3d = pay_with_card(sb, "000000328", card_id).json()["secure3D"]
    forged = {**secure3d, "termURL": secure3d["termURL"].split("?")[0] + "?Access=WRONG"}
    form = {"MD": secure3d["md"], "PaReq": secure3d["paReq"], "TermUrl": forged["termURL"]}
    assert sb.post(secure3d["action"], data=form).status_code == 400  # the ACS knows its TermUrl
    page = sb.post(secure3d["action"], data={**form, "TermUrl": secure3d["termURL"]})
    action, fields = form_fields(page.text, "acs-form")
    answer = sb.post(urljoin(secure3d["action"], action), data={**fields, "code": "000000"})
    term_url, returned = form_fields(answer.text, "acs-return")
    assert sb.post(forged["termURL"], data=returned).status_code == 401
    assert sb.txn("000000328")["statusName"] == "NEW"
    assert sb.post(term_url, data=returned).status_code == 303
    assert sb.txn("000000328")["statusName"] == "CHARGE"


def test_typed_card_after_a_failed_saved_card_attempt_has_no_card_id(sb) -> None:
    card_id = save_3ds_card(sb)
    through_acs(sb, pay_with_card(sb, "000000329", card_id).json()["secure3D"], "999999")
    assert sb.txn("000000329")["cardID"] == card_id  # the failed attempt was the saved card's
    assert sb.pay("000000329").json()["status"] == "CHARGE"
    txn = sb.txn("000000329")
    assert (txn["cardID"], txn["cardMask"]) == ("", "440563...5096")
