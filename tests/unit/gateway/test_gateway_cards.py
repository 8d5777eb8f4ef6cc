"""Saved cards: list (PascalCase, 1373 = none), deactivation, saved-card payment."""

from __future__ import annotations

import json

import httpx
import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import AuthError
from epay_desktop.gateway import CardPaymentResult
from epay_desktop.gateway import Declined
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import OutcomeUnknown
from epay_desktop.gateway import PaymentToken
from epay_desktop.gateway import ProtocolError
from epay_desktop.gateway import SavedCard
from epay_desktop.gateway.cards import Secure3DForm
from epay_desktop.gateway.cards import secure3d_form

CARD = {
    "ID": "c1a2",
    "TransactionId": "tx-9",
    "MerchantID": "m-1",
    "CardHash": "hash",
    "CardMask": "440563...5096",
    "PayerName": "IVAN",
    "Reference": "027980238029",
    "IntReference": "INT",
    "Token": "card-token-secret",
    "Terminal": "98120001",
    "CreatedDate": "2024-01-02T03:04:05+06:00",
    "PaymentAvailable": True,
    "AccountID": "acc-1",
}
PAY_URL = "https://api.example.test/api/payments/cards/auth"


def list_cards(h, account: str = "acc-1") -> list[SavedCard]:
    async def go() -> list[SavedCard]:
        async with h.make_client() as client:
            return await client.list_cards(account)

    return h.run(go())


def test_card_list_pascal_case(h, gw):
    route = gw.get(f"{h.API_URL}/cards/acc-1").respond(json=[CARD])
    cards = list_cards(h)
    assert route.calls.last.request.headers["authorization"] == f"Bearer {h.SERVICE_TOKEN}"
    assert len(cards) == 1
    card = cards[0]
    assert (card.id, card.transaction_id, card.merchant_id, card.card_mask) == (
        "c1a2",
        "tx-9",
        "m-1",
        "440563...5096",
    )
    assert (card.payer_name, card.reference, card.int_reference, card.terminal) == (
        "IVAN",
        "027980238029",
        "INT",
        "98120001",
    )
    assert card.payment_available is True
    assert card.account_id == "acc-1"
    assert card.token == "card-token-secret"
    assert card.created_date == "2024-01-02T03:04:05+06:00"
    assert "card-token-secret" not in repr(card)


@pytest.mark.parametrize("status", [200, 400, 404])
def test_code_1373_means_no_cards(h, gw, status):
    gw.get(f"{h.API_URL}/cards/acc-1").respond(status, json={"code": 1373, "message": "cards not found"})
    assert list_cards(h) == []


def test_card_list_not_an_array_is_protocol_error(h, gw):
    gw.get(f"{h.API_URL}/cards/acc-1").respond(json={"code": 5, "message": "?"})
    with pytest.raises(ProtocolError):
        list_cards(h)


def test_card_list_is_retried_as_a_read(h, gw):
    route = gw.get(f"{h.API_URL}/cards/acc-1")
    route.side_effect = [httpx.ReadTimeout("slow"), httpx.Response(200, json=[CARD])]
    assert len(list_cards(h)) == 1
    assert route.call_count == 2


def test_deactivate_card(h, gw):
    route = gw.post(f"{h.API_URL}/card/deactivate/c1a2").respond(
        json={"status": "card successfully deactivated"}
    )

    async def go() -> object:
        async with h.make_client() as client:
            return await client.deactivate_card("c1a2")

    result = h.run(go())
    assert route.calls.last.request.method == "POST"
    assert result.message == "card successfully deactivated"


AMOUNT = Money(150050)


def make_token(h, amount: Money = AMOUNT, invoice: str = "000000123") -> PaymentToken:
    return PaymentToken(
        access_token=h.PAYMENT_TOKEN,
        token_type="Bearer",
        scope="payment",
        expires_in=1200,
        obtained_at=0.0,
        raw=h.token_body(h.PAYMENT_TOKEN, "1200"),
        invoice_id=InvoiceId(invoice),
        amount=amount,
        terminal_id=h.TERMINAL,
    )


def pay(h, token: PaymentToken | None = None, amount: Money = AMOUNT) -> CardPaymentResult:
    async def go() -> CardPaymentResult:
        async with h.make_client() as client:
            return await client.pay_with_saved_card(
                token or make_token(h, amount),
                InvoiceId("000000123"),
                amount,
                "card-uuid",
                "acc-1",
                description="Заказ 123",
                email="a@b.kz",
                phone="77771234567",
                name="IVAN",
                post_link="https://shop.test/post",
            )

    return h.run(go())


PAID = {
    "id": "tx-1",
    "invoiceID": "000000123",
    "amount": 1500.5,
    "currency": "KZT",
    "reference": "027980238029",
    "approvalCode": "170243",
    "cardID": "card-uuid",
    "code": "ok",
    "status": "CHARGE",
    "reasonCode": 0,
}


def test_saved_card_payment_request_shape(h, gw):
    route = gw.post(PAY_URL).respond(json=PAID)
    pay(h)
    request = route.calls.last.request
    assert request.headers["content-type"] == "application/json"
    assert request.headers["authorization"] == f"Bearer {h.PAYMENT_TOKEN}"
    assert request.content.startswith(b'{"amount":1500.5,')  # exact decimal text, not a float repr
    assert json.loads(request.content) == {
        "amount": 1500.5,
        "currency": "KZT",
        "name": "IVAN",
        "terminalId": h.TERMINAL,
        "invoiceId": "000000123",
        "invoiceIdAlt": "000000123",
        "description": "Заказ 123",
        "accountId": "acc-1",
        "email": "a@b.kz",
        "phone": "77771234567",
        "backLink": "",
        "failureBackLink": "",
        "postLink": "https://shop.test/post",
        "failurePostLink": "",
        "language": "rus",
        "paymentType": "cardId",
        "cardId": {"id": "card-uuid"},
    }
    assert gw["token"].call_count == 0  # uses the given payment token, not a service token


@pytest.mark.parametrize(
    ("minor", "text"), [(1, b"0.01"), (10, b"0.1"), (100000, b"1000"), (12345678901, b"123456789.01")]
)
def test_saved_card_amount_text_is_exact(h, gw, minor, text):
    route = gw.post(PAY_URL).respond(json={**PAID, "amount": "0"})
    pay(h, amount=Money(minor))
    assert route.calls.last.request.content.startswith(b'{"amount":' + text + b",")


def test_saved_card_payment_result(h, gw):
    gw.post(PAY_URL).respond(json=PAID)
    result = pay(h)
    assert result.id == "tx-1"
    assert result.amount == Money(150050)
    assert result.status is PaymentStatus.CHARGE
    assert result.reason_code == 0
    assert result.requires_3ds is False


SECURE3D = {
    "action": "https://acs.issuer.example/3ds/auth",
    "md": "md-1",
    "paReq": "pa-req",
    "termURL": "https://api.example.test/api/payments/cards/confirmPayment?Access=tok",
}


def test_saved_card_payment_3ds(h, gw):
    gw.post(PAY_URL).respond(json={**PAID, "status": "NEW", "secure3D": SECURE3D})
    result = pay(h)
    assert result.requires_3ds is True
    form = secure3d_form(result.secure3d, "unused")
    assert form == Secure3DForm(SECURE3D["action"], "md-1", "pa-req", SECURE3D["termURL"])
    assert "md-1" not in repr(form) and "tok" not in repr(form)  # never in a log line


def test_secure3d_form_keys_and_default_term_url():
    assert secure3d_form(None) is None and secure3d_form({}) is None
    odd_case = {"Action": " https://acs/x ", "MD": "m", "PaReq": "p"}  # no termURL: the SDK builds it
    assert secure3d_form(odd_case, "https://api/confirm?Access=t") == Secure3DForm(
        "https://acs/x", "m", "p", "https://api/confirm?Access=t"
    )


@pytest.mark.parametrize(
    "secure3d",
    [
        {"action": "https://acs", "md": "x"},  # no paReq: the step cannot be done
        {**SECURE3D, "action": "javascript:alert(1)"},
        {**SECURE3D, "action": ""},
        {**SECURE3D, "md": 5},
        "https://acs",
    ],
    ids=["no-pareq", "javascript", "no-action", "md-not-text", "not-an-object"],
)
def test_an_unreadable_secure3d_is_outcome_unknown(h, gw, secure3d):
    route = gw.post(PAY_URL).respond(json={**PAID, "status": "NEW", "secure3D": secure3d})
    with pytest.raises(OutcomeUnknown):  # the console cannot tell what the bank expects: check-status will
        pay(h)
    assert route.call_count == 1


def test_saved_card_decline_400(h, gw):
    route = gw.post(PAY_URL).respond(400, json={"code": 484, "message": "Недостаточно средств"})
    with pytest.raises(Declined) as info:
        pay(h)
    assert info.value.reason_code == 484
    assert "insufficient funds" in info.value.user_message
    assert route.call_count == 1


def test_saved_card_reject_status_is_declined(h, gw):
    gw.post(PAY_URL).respond(json={**PAID, "status": "REJECT", "reasonCode": "465"})
    with pytest.raises(Declined) as info:
        pay(h)
    assert info.value.reason_code == 465


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("cut"),
        httpx.Response(502),
        httpx.Response(200, text="{"),
    ],
    ids=["ReadTimeout", "RemoteProtocolError", "502", "unparsable-200"],
)
def test_saved_card_unclear_is_outcome_unknown_not_retried(h, gw, failure):
    route = gw.post(PAY_URL)
    if isinstance(failure, httpx.Response):
        route.respond(failure.status_code, content=failure.content)
    else:
        route.side_effect = failure
    with pytest.raises(OutcomeUnknown):
        pay(h)
    assert route.call_count == 1


def test_saved_card_connect_error_is_gateway_unavailable(h, gw):
    route = gw.post(PAY_URL)
    route.side_effect = httpx.ConnectError("refused")
    with pytest.raises(GatewayUnavailable):
        pay(h)
    assert route.call_count == 1


def test_saved_card_401_is_auth_error_without_refresh(h, gw):
    route = gw.post(PAY_URL).respond(401)
    with pytest.raises(AuthError):
        pay(h)
    assert route.call_count == 1
    assert gw["token"].call_count == 0


def test_saved_card_token_for_another_amount_is_refused_before_sending(h, gw):
    route = gw.post(PAY_URL).respond(json=PAID)
    with pytest.raises(ValueError):
        pay(h, token=make_token(h, amount=Money(100)))
    assert route.call_count == 0
