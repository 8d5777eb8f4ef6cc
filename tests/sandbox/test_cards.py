"""Saved cards: list, deactivate, pay with a saved card (epay-api.md section 8)."""

from __future__ import annotations

import re

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
