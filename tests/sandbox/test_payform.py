"""The hosted payment page against the real sandbox app on loopback, over plain HTTP.

Each test gets an invoice-bound token from ``/oauth2/token``, builds ``params`` exactly as
``payment-api.js`` does, opens the page and posts the card form like a browser would (no redirects
followed), then asks ``/check-status`` with a service token what the gateway recorded.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest

from epay_desktop.sandbox import SandboxConfig, SandboxState, start_in_thread
from epay_desktop.sandbox.config import KZ_TZ
from epay_desktop.sandbox.payform import format_amount, language_code, pack_params

CLIENT = {
    "grant_type": "client_credentials",
    "client_id": "test",
    "client_secret": "yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG",
    "terminal": "67e34d63-102f-4bd1-898e-370781d0074d",
}
TERMINAL = CLIENT["terminal"]
BACK = "https://shop.example/thanks?order=1"
FAIL = "https://shop.example/sorry"
FUTURE = f"12/{(date.today().year + 3) % 100:02d}"
APPROVE = ["4405 6397 0401 5096", "5522 0427 0506 6736"]
DECLINE = ["4003 0327 0454 7597", "5578 3427 1075 0560"]
THREE_DS = "4111 1111 1111 1111"
_invoice_numbers = itertools.count(int(datetime.now().strftime("%H%M%S")) * 100)


class FakeClock:
    """The sandbox clock, moved by tests (token expiry)."""

    def __init__(self) -> None:
        self.now = datetime.now(KZ_TZ)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="module")
def sandbox(clock: FakeClock) -> Iterator[Any]:
    state = SandboxState(SandboxConfig(clock=clock))
    with start_in_thread(state) as running:
        yield running


@pytest.fixture
def http(sandbox: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.base_url, follow_redirects=False, timeout=10) as client:
        yield client


def new_invoice() -> str:
    # 6-15 digits; the last six must be unique per terminal, hence a counter.
    return f"{next(_invoice_numbers) % 10**9:09d}"


def payment_token(http: httpx.Client, invoice_id: str, amount: str = "1500") -> dict[str, Any]:
    fields = {**CLIENT, "scope": "payment", "invoiceID": invoice_id, "amount": amount, "currency": "KZT"}
    response = http.post("/oauth2/token", data=fields)
    assert response.status_code == 200, response.text
    token: dict[str, Any] = response.json()
    return token


def status_of(http: httpx.Client, invoice_id: str) -> dict[str, Any]:
    token = http.post("/oauth2/token", data={**CLIENT, "scope": "webapi payment"}).json()["access_token"]
    response = http.get(
        f"/check-status/payment/transaction/{invoice_id}", headers={"Authorization": f"Bearer {token}"}
    )
    body: dict[str, Any] = response.json()
    return body


def payment_object(http: httpx.Client, amount: str = "1500", **overrides: Any) -> dict[str, Any]:
    invoice_id = overrides.pop("invoiceId", None) or new_invoice()
    obj: dict[str, Any] = {
        "invoiceId": invoice_id,
        "backLink": BACK,
        "failureBackLink": FAIL,
        "postLink": "",
        "language": "rus",
        "description": "Оплата заказа №1",
        "terminal": TERMINAL,
        "amount": amount,
        "currency": "KZT",
        "name": "Test Buyer",
        "auth": payment_token(http, invoice_id, amount),
    }
    obj.update(overrides)
    return obj


def page_url(obj: dict[str, Any], *, short: bool = False) -> str:
    # Exactly what halyk.pay / showPaymentWidget put in the address bar (params unescaped).
    return f"/payform/?params={pack_params(obj)}" + ("&isShortForm=true" if short else "")


class FormReader(HTMLParser):
    """The inputs of the page's form, as a browser would submit them."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.action = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.action = a.get("action", "")
        if tag == "input" and "name" in a:
            self.fields[a["name"]] = a.get("value", "")


def read_form(html: str) -> FormReader:
    reader = FormReader()
    reader.feed(html)
    return reader


def open_page(http: httpx.Client, obj: dict[str, Any], *, short: bool = False) -> httpx.Response:
    response = http.get(page_url(obj, short=short))
    assert response.status_code == 200, response.text
    return response


def submit(http: httpx.Client, page: httpx.Response, **card: str) -> httpx.Response:
    form = read_form(page.text)
    assert form.action in {"pay", "3ds"}
    fields = {**form.fields, **card}
    return http.post(f"/payform/{form.action}", data=fields)


def pay(
    http: httpx.Client, obj: dict[str, Any], pan: str, *, short: bool = False, **card: str
) -> httpx.Response:
    fields = {"pan": pan, "expiry": FUTURE, "cvc": "123", "name": "TEST BUYER", **card}
    return submit(http, open_page(http, obj, short=short), **fields)


def plain(text: str) -> str:
    """Page text with the no-break spaces of money formatting turned into plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# ---- the script and the page ---------------------------------------------------------------------------


def test_script_is_served(http: httpx.Client) -> None:
    response = http.get("/payform/payment-api.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/javascript")
    for name in (
        "showPaymentWidget",
        "widgetScreen",
        "iframeBox",
        "isShortForm",
        "isTransfer",
        "isAFT",
        "isOCT",
    ):
        assert name in response.text
    for asset, kind in (("payform.js", "application/javascript"), ("payform.css", "text/css")):
        assert http.get(f"/payform/{asset}").headers["content-type"].startswith(kind)


def test_page_shows_the_order(http: httpx.Client) -> None:
    obj = payment_object(http, "1500")
    page = open_page(http, obj)
    text = plain(page.text)
    assert "1 500,00 ₸" in text
    assert "Оплата заказа №1" in text
    assert "ePay Sandbox Shop" in text
    assert obj["invoiceId"] in text
    assert "SANDBOX" in text
    assert {"pan", "expiry", "cvc", "name", "params"} <= set(read_form(page.text).fields)
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"


def test_page_escapes_what_the_merchant_sent(http: httpx.Client) -> None:
    evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    page = open_page(http, payment_object(http, description=evil))
    assert "<script>alert" not in page.text
    assert "<img src=x" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_decimal_amounts_are_shown_exactly(http: httpx.Client) -> None:
    page = open_page(http, payment_object(http, "1234567.8"))
    assert "1 234 567,80 ₸" in plain(page.text)


# ---- paying --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("pan", APPROVE)
def test_approved_card_returns_to_back_link_and_is_charged(http: httpx.Client, pan: str) -> None:
    obj = payment_object(http, "1500.5")
    response = pay(http, obj, pan)
    assert response.status_code == 303
    assert response.headers["location"] == BACK  # nothing appended
    status = status_of(http, obj["invoiceId"])
    assert status["resultCode"] == "100"
    assert status["transaction"]["statusName"] == "CHARGE"
    assert Decimal(str(status["transaction"]["amount"])) == Decimal("1500.5")


@pytest.mark.parametrize("pan", DECLINE)
def test_declined_card_returns_to_failure_back_link(http: httpx.Client, pan: str) -> None:
    obj = payment_object(http)
    response = pay(http, obj, pan)
    assert response.status_code == 303
    assert response.headers["location"] == FAIL
    assert status_of(http, obj["invoiceId"])["transaction"]["statusName"] == "REJECT"


def test_declined_without_failure_back_link_goes_to_back_link(http: httpx.Client) -> None:
    obj = payment_object(http)
    del obj["failureBackLink"]
    response = pay(http, obj, DECLINE[0])
    assert (response.status_code, response.headers["location"]) == (303, BACK)


def test_unsafe_back_link_is_not_followed(http: httpx.Client) -> None:
    obj = payment_object(http, backLink="javascript:alert(1)")
    response = pay(http, obj, APPROVE[0])
    assert response.status_code == 200
    assert "javascript:" not in response.text
    assert 'data-success="true"' in response.text


def test_paid_invoice_cannot_be_opened_again(http: httpx.Client) -> None:
    obj = payment_object(http)
    assert pay(http, obj, APPROVE[0]).status_code == 303
    again = http.get(page_url(obj))
    assert again.status_code == 400
    assert "already paid" in again.text


# ---- 3-D Secure ----------------------------------------------------------------------------------------


def test_three_ds_with_the_right_code(http: httpx.Client) -> None:
    obj = payment_object(http)
    challenge = pay(http, obj, THREE_DS)
    assert challenge.status_code == 200
    assert "3-D Secure" in challenge.text
    assert "000000" in challenge.text  # the sandbox hint
    assert "4111 •••• 1111" in challenge.text
    assert read_form(challenge.text).fields["challenge_id"]
    done = submit(http, challenge, code="000000")
    assert (done.status_code, done.headers["location"]) == (303, BACK)
    assert status_of(http, obj["invoiceId"])["transaction"]["statusName"] == "CHARGE"


def test_three_ds_with_a_wrong_code_fails(http: httpx.Client) -> None:
    obj = payment_object(http)
    done = submit(http, pay(http, obj, THREE_DS), code="123456")
    assert (done.status_code, done.headers["location"]) == (303, FAIL)
    transaction = status_of(http, obj["invoiceId"])["transaction"]
    assert transaction["statusName"] != "CHARGE"
    assert transaction["reasonCode"] == "473"


def test_three_ds_code_typo_asks_again(http: httpx.Client) -> None:
    obj = payment_object(http)
    again = submit(http, pay(http, obj, THREE_DS), code="12a")
    assert again.status_code == 200
    assert "Код состоит из 6 цифр." in again.text
    done = submit(http, again, code="000000")
    assert (done.status_code, done.headers["location"]) == (303, BACK)


def test_finished_challenge_cannot_be_replayed(http: httpx.Client) -> None:
    obj = payment_object(http)
    challenge = pay(http, obj, THREE_DS)
    assert submit(http, challenge, code="000000").status_code == 303
    replay = submit(http, challenge, code="000000")
    assert replay.status_code == 400


# ---- what the customer typed wrong ---------------------------------------------------------------------


def test_bad_card_number_keeps_input_but_not_the_cvc(http: httpx.Client) -> None:
    obj = payment_object(http)
    response = pay(http, obj, "4405 6397 0401 5097", cvc="987", name="ANNA SMITH")
    assert response.status_code == 422
    assert "Проверьте номер карты" in response.text
    fields = read_form(response.text).fields
    assert fields["pan"] == "4405 6397 0401 5097"
    assert fields["expiry"] == FUTURE
    assert fields["name"] == "ANNA SMITH"
    assert fields["cvc"] == ""
    assert "987" not in response.text
    # Nothing was recorded, and the corrected form still pays.
    assert status_of(http, obj["invoiceId"])["resultCode"] != "100"
    done = submit(http, response, pan=APPROVE[0], cvc="987")
    assert (done.status_code, done.headers["location"]) == (303, BACK)


@pytest.mark.parametrize(
    ("card", "message"),
    [
        ({"expiry": "13/30"}, "Укажите срок действия в формате ММ/ГГ."),
        ({"expiry": "1230"}, "Укажите срок действия в формате ММ/ГГ."),
        ({"cvc": "12"}, "CVC — это 3 или 4 цифры."),
        ({"name": ""}, "Укажите имя владельца латинскими буквами"),
    ],
)
def test_format_errors_are_shown_on_the_form(http: httpx.Client, card: dict[str, str], message: str) -> None:
    obj = payment_object(http)
    response = pay(http, obj, APPROVE[0], **card)
    assert response.status_code == 422
    assert message in response.text
    assert 'aria-invalid="true"' in response.text


def test_expired_card_is_a_decline(http: httpx.Client) -> None:
    obj = payment_object(http)
    past = f"01/{(date.today().year - 1) % 100:02d}"
    response = pay(http, obj, APPROVE[0], expiry=past)
    assert (response.status_code, response.headers["location"]) == (303, FAIL)
    assert status_of(http, obj["invoiceId"])["transaction"]["reasonCode"] == "478"


# ---- checkouts that cannot be paid ---------------------------------------------------------------------


def assert_refused(response: httpx.Response, *words: str) -> None:
    assert response.status_code == 400
    assert "Оплата невозможна" in response.text
    for word in words:
        assert word in response.text
    assert "<form" not in response.text


def test_wrong_amount_is_refused_and_nothing_recorded(http: httpx.Client) -> None:
    obj = payment_object(http, "1500")
    obj["amount"] = "15"
    response = http.get(page_url(obj))
    assert_refused(response, "Этот платёж нельзя провести")
    # A tampered form post is refused the same way.
    good = payment_object(http, "1500")
    form = read_form(open_page(http, good).text).fields
    tampered = {**form, "params": pack_params({**good, "amount": "1"}), "pan": APPROVE[0]}
    tampered |= {"expiry": FUTURE, "cvc": "123", "name": "TEST"}
    assert_refused(http.post("/payform/pay", data=tampered))
    for invoice in (obj["invoiceId"], good["invoiceId"]):
        assert status_of(http, invoice)["resultCode"] != "100"


def test_expired_token_is_refused(http: httpx.Client, clock: FakeClock) -> None:
    obj = payment_object(http)
    page = open_page(http, obj)
    clock.now += timedelta(days=1)
    try:
        response = submit(http, page, pan=APPROVE[0], expiry=FUTURE, cvc="123", name="TEST")
        assert_refused(response, "expired")
        assert_refused(http.get(page_url(obj)))
    finally:
        clock.now -= timedelta(days=1)
    assert status_of(http, obj["invoiceId"])["resultCode"] != "100"


def test_unknown_token_is_refused(http: httpx.Client) -> None:
    obj = payment_object(http)
    obj["auth"] = {**obj["auth"], "access_token": "NOT_A_TOKEN"}
    assert_refused(http.get(page_url(obj)))


def test_token_string_instead_of_token_object_is_refused(http: httpx.Client) -> None:
    obj = payment_object(http)
    obj["auth"] = obj["auth"]["access_token"]
    assert_refused(http.get(page_url(obj)), "Платёжная сессия не найдена или истекла")


@pytest.mark.parametrize("query", ["", "?params=", "?params=!!!", "?params=BYUwNmD2"])
def test_missing_or_damaged_params(http: httpx.Client, query: str) -> None:
    assert_refused(http.get(f"/payform/{query}"))


# ---- the widget's short form ---------------------------------------------------------------------------


@pytest.mark.parametrize(("pan", "success"), [(APPROVE[0], "true"), (DECLINE[0], "false")])
def test_short_form_posts_the_result_to_the_parent(http: httpx.Client, pan: str, success: str) -> None:
    obj = payment_object(http)
    page = open_page(http, obj, short=True)
    assert read_form(page.text).fields["isShortForm"] == "true"
    result = submit(http, page, pan=pan, expiry=FUTURE, cvc="123", name="TEST")
    assert result.status_code == 200  # no redirect inside the iframe
    assert 'data-post-result="true"' in result.text
    assert f'data-success="{success}"' in result.text
    script = http.get("/payform/payform.js").text
    assert "parent.postMessage(JSON.stringify({ success: success })" in script


def test_short_form_three_ds_also_posts(http: httpx.Client) -> None:
    obj = payment_object(http)
    challenge = pay(http, obj, THREE_DS, short=True)
    result = submit(http, challenge, code="000000")
    assert result.status_code == 200
    assert 'data-post-result="true" data-success="true"' in result.text


# ---- languages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "html_lang", "pay_word"),
    [
        ("rus", "ru", "Оплатить"),
        ("RU", "ru", "Оплатить"),
        ("kaz", "kk", "Төлеу"),
        ("KZ", "kk", "Төлеу"),
        ("eng", "en", "Pay"),
        ("EN", "en", "Pay"),
        ("Eng", "en", "Pay"),
    ],
)
def test_language_selects_the_texts(http: httpx.Client, language: str, html_lang: str, pay_word: str) -> None:
    page = open_page(http, payment_object(http, language=language))
    assert f'<html lang="{html_lang}">' in page.text
    button = re.search(r'<button type="submit" class="pay">([^<]*)</button>', page.text)
    assert button is not None
    assert plain(button.group(1)) == f"{pay_word} 1 500,00 ₸"


def test_language_carries_through_to_errors(http: httpx.Client) -> None:
    obj = payment_object(http, language="kaz")
    response = pay(http, obj, "4405 6397 0401 5097")
    assert "Карта нөмірін тексеріңіз" in response.text
    obj = payment_object(http, language="eng", amount="100")
    obj["amount"] = "99"
    response = http.get(page_url(obj))
    assert response.status_code == 400
    assert "This payment cannot be made" in response.text


# ---- helpers -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        ("1500", "KZT", "1 500,00 ₸"),
        ("0.5", "KZT", "0,50 ₸"),
        ("1234567.89", "KZT", "1 234 567,89 ₸"),
        ("10", "USD", "10,00 $"),
        ("7", "XXX", "7 XXX"),
    ],
)
def test_format_amount(amount: str, currency: str, text: str) -> None:
    assert plain(format_amount(Decimal(amount), currency)) == text


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("rus", "ru"),
        ("RUS", "ru"),
        ("kaz", "kk"),
        ("KZ", "kk"),
        ("eng", "en"),
        ("En", "en"),
        ("", "ru"),
        (None, "ru"),
    ],
)
def test_language_code(value: str | None, code: str) -> None:
    assert language_code(value) == code
