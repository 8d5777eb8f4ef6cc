"""The hosted payment page against the real sandbox app on loopback, over plain HTTP.

Each test gets an invoice-bound token from ``/oauth2/token``, builds ``params`` exactly as
``payment-api.js`` does, opens the page and posts the card form like a browser would (no redirects
followed), then asks ``/check-status`` with a service token what the gateway recorded.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from html import unescape as html_unescape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import httpx
import pytest

from epay_desktop.payform.codec import pack_params
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox import SandboxState
from epay_desktop.sandbox import start_in_thread
from epay_desktop.sandbox.config import KZ_TZ
from epay_desktop.sandbox.payform_pages import format_amount
from epay_desktop.sandbox.payform_pages import language_code
from tests.support.clock import Clock
from tests.support.merchant import CLIENT_SECRET
from tests.support.merchant import TERMINAL_ID

CLIENT = {
    "grant_type": "client_credentials",
    "client_id": "test",
    "client_secret": CLIENT_SECRET,
    "terminal": TERMINAL_ID,
}
TERMINAL = CLIENT["terminal"]
BACK = "https://shop.example/thanks?order=1"
FAIL = "https://shop.example/sorry"
FUTURE = f"12/{(date.today().year + 3) % 100:02d}"
APPROVE = ["4405 6397 0401 5096", "5522 0427 0506 6736"]
DECLINE = ["4003 0327 0454 7597", "5578 3427 1075 0560"]
THREE_DS = "4111 1111 1111 1111"
_invoice_numbers = itertools.count(int(datetime.now().strftime("%H%M%S")) * 100)


@pytest.fixture(scope="module")
def clock() -> Clock:
    """The sandbox clock, moved by tests (token expiry)."""
    return Clock(datetime.now(KZ_TZ))


@pytest.fixture(scope="module")
def sandbox(clock: Clock) -> Iterator[Any]:
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


class FormsReader(HTMLParser):
    """Every form of a page by id: its action and inputs (the ACS page has two)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, tuple[str, dict[str, str]]] = {}
        self._current = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._current = a.get("id", "")
            self.forms[self._current] = (a.get("action", ""), {})
        if tag == "input" and "name" in a and self._current in self.forms:
            self.forms[self._current][1][a["name"]] = a.get("value", "")


def forms_of(html: str) -> dict[str, tuple[str, dict[str, str]]]:
    reader = FormsReader()
    reader.feed(html)
    return reader.forms


def to_acs(http: httpx.Client, sandbox: Any, page: httpx.Response) -> httpx.Response:
    """What payform.js does with the gateway's answer: the top-level POST to the issuer's ACS."""
    action, fields = forms_of(page.text)["acs-post"]
    assert action == f"{sandbox.acs_url}/acs/auth"
    assert set(fields) == {"MD", "PaReq", "TermUrl"}
    assert fields["TermUrl"] == f"{sandbox.base_url}/payform/3ds"
    response = http.post(action, data=fields)
    assert response.status_code == 200, response.text
    return response


def at_acs(
    http: httpx.Client, sandbox: Any, acs_page: httpx.Response, form: str, **typed: str
) -> httpx.Response:
    """Submit one of the ACS page's forms (``acs-form`` with a code, or ``acs-cancel-form``)."""
    action, fields = forms_of(acs_page.text)[form]
    return http.post(urljoin(f"{sandbox.acs_url}/acs/auth", action), data={**fields, **typed})


def back_to_gateway(http: httpx.Client, sandbox: Any, acs_answer: httpx.Response) -> httpx.Response:
    """What acs.js does: post PaRes and MD back to TermUrl (top level, the gateway's origin)."""
    action, fields = forms_of(acs_answer.text)["acs-return"]
    assert action == f"{sandbox.base_url}/payform/3ds"
    assert set(fields) == {"PaRes", "MD"}
    return http.post(action, data=fields)


def three_ds(http: httpx.Client, sandbox: Any, page: httpx.Response, code: str) -> httpx.Response:
    acs_page = to_acs(http, sandbox, page)
    return back_to_gateway(http, sandbox, at_acs(http, sandbox, acs_page, "acs-form", code=code))


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
def test_declined_card_offers_the_form_again_with_attempts_left(http: httpx.Client, pan: str) -> None:
    obj = payment_object(http)
    response = pay(http, obj, pan)
    assert response.status_code == 200  # no redirect yet: attempts are left (issue 8)
    assert 'id="declined"' in response.text and 'data-attempts-left="2"' in response.text
    assert "Осталось попыток: 2" in response.text
    assert "Банк отклонил карту" in response.text  # the reason in plain words
    assert status_of(http, obj["invoiceId"])["transaction"]["statusName"] == "REJECT"
    links = dict(re.findall(r'<a class="[^"]*" id="(retry|finish)" href="([^"]*)"', response.text))
    assert html_unescape(links["finish"]) == FAIL
    retry = http.get(urljoin(f"{http.base_url}/payform/pay", html_unescape(links["retry"])))
    assert retry.status_code == 200 and {"pan", "cvc"} <= set(read_form(retry.text).fields)  # a fresh form
    assert read_form(retry.text).fields["pan"] == ""


def decline_all_but_one(http: httpx.Client, obj: dict[str, Any]) -> None:
    for left in (2, 1):
        assert f'data-attempts-left="{left}"' in pay(http, obj, DECLINE[0]).text


@pytest.mark.parametrize("pan", DECLINE)
def test_last_declined_attempt_returns_to_failure_back_link(http: httpx.Client, pan: str) -> None:
    obj = payment_object(http)
    decline_all_but_one(http, obj)
    response = pay(http, obj, pan)
    assert response.status_code == 303
    assert response.headers["location"] == FAIL
    assert status_of(http, obj["invoiceId"])["transaction"]["statusName"] == "REJECT"


def test_declined_then_approved_on_the_same_invoice(http: httpx.Client) -> None:
    obj = payment_object(http)
    assert pay(http, obj, DECLINE[0]).status_code == 200
    response = pay(http, obj, APPROVE[0])
    assert (response.status_code, response.headers["location"]) == (303, BACK)
    transaction = status_of(http, obj["invoiceId"])["transaction"]
    assert (transaction["statusName"], transaction["reasonCode"]) == ("CHARGE", "0")
    assert transaction["cardMask"] == "440563...5096"  # the latest attempt's card


def test_fourth_attempt_is_refused_with_505(http: httpx.Client) -> None:
    obj = payment_object(http)
    decline_all_but_one(http, obj)
    assert pay(http, obj, DECLINE[1]).status_code == 303
    page = http.get(page_url(obj))
    assert page.status_code == 400
    assert "Все попытки оплаты этого заказа использованы" in page.text
    assert "You have exceeded the number of 3 transactions" in page.text


def test_declined_without_failure_back_link_goes_to_back_link(http: httpx.Client) -> None:
    obj = payment_object(http)
    del obj["failureBackLink"]
    assert (
        html_unescape(re.findall(r'id="finish" href="([^"]*)"', pay(http, obj, DECLINE[0]).text)[0]) == BACK
    )
    pay(http, obj, DECLINE[0])
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


def test_three_ds_goes_to_the_issuer_on_another_origin(http: httpx.Client, sandbox: Any) -> None:
    assert sandbox.acs_url != sandbox.base_url  # another port: another origin
    obj = payment_object(http)
    page = pay(http, obj, THREE_DS)
    assert page.status_code == 200
    assert "data-autosubmit" in page.text  # payform.js posts it at once (top level)
    md_pareq = forms_of(page.text)["acs-post"][1]
    assert "4111" not in md_pareq["MD"] + md_pareq["PaReq"]  # opaque: no card number
    acs_page = to_acs(http, sandbox, page)
    text = plain(acs_page.text)
    assert "Проверка банком-эмитентом" in text  # the issuer's page, not the gateway's
    assert "1 500,00 ₸" in text and "ePay Sandbox Shop" in text
    assert "411111...1111" in text and "4111111111111111" not in text
    assert 'id="code"' in acs_page.text and 'id="acs-confirm"' in acs_page.text
    answer = at_acs(http, sandbox, acs_page, "acs-form", code="000000")
    assert answer.status_code == 200 and "data-autosubmit" in answer.text
    done = back_to_gateway(http, sandbox, answer)
    assert (done.status_code, done.headers["location"]) == (303, BACK)
    transaction = status_of(http, obj["invoiceId"])["transaction"]
    assert (transaction["statusName"], transaction["secure"]) == ("CHARGE", True)


def test_the_gateway_does_not_serve_the_acs_itself(http: httpx.Client, sandbox: Any) -> None:
    assert http.post(f"{sandbox.base_url}/acs/auth", data={"MD": "x"}).status_code == 404
    assert http.get(f"{sandbox.acs_url}/payform/payment-api.js").status_code == 404


def test_three_ds_with_a_wrong_code_fails(http: httpx.Client, sandbox: Any) -> None:
    obj = payment_object(http)
    done = three_ds(http, sandbox, pay(http, obj, THREE_DS), "123456")
    assert done.status_code == 200 and 'data-reason-code="473"' in done.text  # attempts are left
    assert "Проверка 3-D Secure не пройдена." in done.text
    transaction = status_of(http, obj["invoiceId"])["transaction"]
    assert (transaction["statusName"], transaction["reasonCode"]) == ("3D", "473")


def test_three_ds_failure_on_the_last_attempt_returns_to_failure_back_link(
    http: httpx.Client, sandbox: Any
) -> None:
    obj = payment_object(http)
    decline_all_but_one(http, obj)
    acs_page = to_acs(http, sandbox, pay(http, obj, THREE_DS))
    done = back_to_gateway(http, sandbox, at_acs(http, sandbox, acs_page, "acs-cancel-form"))
    assert (done.status_code, done.headers["location"]) == (303, FAIL)
    assert status_of(http, obj["invoiceId"])["transaction"]["statusName"] == "3D"


def test_three_ds_code_typo_asks_again(http: httpx.Client, sandbox: Any) -> None:
    obj = payment_object(http)
    acs_page = to_acs(http, sandbox, pay(http, obj, THREE_DS))
    again = at_acs(http, sandbox, acs_page, "acs-form", code="12a")
    assert again.status_code == 422
    assert "Код состоит из 6 цифр." in again.text
    answer = at_acs(http, sandbox, again, "acs-form", code="000000")
    done = back_to_gateway(http, sandbox, answer)
    assert (done.status_code, done.headers["location"]) == (303, BACK)


def test_finished_challenge_cannot_be_replayed(http: httpx.Client, sandbox: Any) -> None:
    obj = payment_object(http)
    page = pay(http, obj, THREE_DS)
    acs_page = to_acs(http, sandbox, page)
    answer = at_acs(http, sandbox, acs_page, "acs-form", code="000000")
    assert back_to_gateway(http, sandbox, answer).status_code == 303
    back, returned = forms_of(answer.text)["acs-return"]
    assert http.post(back, data=returned).status_code == 400  # TermUrl takes a PaRes once
    action, fields = forms_of(page.text)["acs-post"]
    assert http.post(action, data=fields).status_code == 400  # the ACS forgot it too


def test_pares_is_checked_at_term_url(http: httpx.Client, sandbox: Any) -> None:
    obj = payment_object(http)
    answer = at_acs(http, sandbox, to_acs(http, sandbox, pay(http, obj, THREE_DS)), "acs-form", code="000000")
    action, fields = forms_of(answer.text)["acs-return"]
    forged = http.post(action, data={**fields, "PaRes": "forged"})
    assert forged.status_code == 400
    assert status_of(http, obj["invoiceId"])["transaction"]["statusName"] == "NEW"
    assert http.post(action, data=fields).status_code == 303


def test_acs_same_origin_serves_the_issuer_on_the_gateway() -> None:
    with start_in_thread(SandboxConfig(acs_same_origin=True)) as same:
        assert same.acs_url == same.base_url
        with httpx.Client(base_url=same.base_url, follow_redirects=False, timeout=10) as client:
            obj = payment_object(client)
            done = three_ds(client, same, pay(client, obj, THREE_DS), "000000")
            assert (done.status_code, done.headers["location"]) == (303, BACK)


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
    assert response.status_code == 200 and 'data-reason-code="478"' in response.text
    assert "Срок действия карты истёк." in response.text
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


def test_expired_token_is_refused(http: httpx.Client, clock: Clock) -> None:
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


def test_short_form_posts_the_result_to_the_parent(http: httpx.Client) -> None:
    obj = payment_object(http)
    page = open_page(http, obj, short=True)
    assert read_form(page.text).fields["isShortForm"] == "true"
    result = submit(http, page, pan=APPROVE[0], expiry=FUTURE, cvc="123", name="TEST")
    assert result.status_code == 200  # no redirect inside the iframe
    assert 'data-post-result="true"' in result.text
    assert 'data-success="true"' in result.text
    script = http.get("/payform/payform.js").text
    assert "parent.postMessage(JSON.stringify({ success: success })" in script


def test_short_form_decline_offers_retry_and_posts_only_on_finish(http: httpx.Client) -> None:
    obj = payment_object(http)
    result = submit(
        http, open_page(http, obj, short=True), pan=DECLINE[0], expiry=FUTURE, cvc="123", name="T"
    )
    assert result.status_code == 200 and 'id="declined"' in result.text
    assert "data-post-result" not in result.text  # the widget is not told yet
    links = {k: html_unescape(v) for k, v in re.findall(r'id="(retry|finish)" href="([^"]*)"', result.text)}
    assert "isShortForm=true" in links["retry"] and "isShortForm=true" in links["finish"]
    retry = http.get(urljoin(f"{http.base_url}/payform/pay", links["retry"]))
    assert read_form(retry.text).fields["isShortForm"] == "true"
    finished = http.get(urljoin(f"{http.base_url}/payform/pay", links["finish"]))
    assert finished.status_code == 200
    assert 'data-post-result="true" data-success="false"' in finished.text


def test_short_form_last_decline_posts_at_once(http: httpx.Client) -> None:
    obj = payment_object(http)
    decline_all_but_one(http, obj)
    result = submit(
        http, open_page(http, obj, short=True), pan=DECLINE[0], expiry=FUTURE, cvc="123", name="T"
    )
    assert 'data-post-result="true" data-success="false"' in result.text


def test_short_form_three_ds_also_posts(http: httpx.Client, sandbox: Any) -> None:
    obj = payment_object(http)
    result = three_ds(http, sandbox, pay(http, obj, THREE_DS, short=True), "000000")
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


# ---- a saved 3-D Secure card through the ACS on its own origin -----------------------------------------


def test_saved_card_secure3d_round_trip_across_origins(http: httpx.Client, sandbox: Any) -> None:
    # the card is saved by a control-API payment with cardSave and an accountId
    invoice = new_invoice()
    payment_token(http, invoice, "500")
    saved = http.post(
        "/sandbox/pay",
        json={"invoiceId": invoice, "pan": THREE_DS, "expiry": FUTURE, "cvc": "123", "name": "T B",
              "threeDSCode": "000000", "cardSave": True, "accountId": "acc-9"},
    ).json()  # fmt: skip
    invoice = new_invoice()
    token = payment_token(http, invoice, "700")["access_token"]
    body = http.post(
        "/payments/cards/auth",
        headers={"Authorization": f"Bearer {token}"},
        json={"amount": 700, "currency": "KZT", "terminalId": TERMINAL, "invoiceId": invoice,
              "accountId": "acc-9", "paymentType": "cardId", "cardId": {"id": saved["cardId"]},
              "backLink": BACK},
    ).json()  # fmt: skip
    secure3d = body["secure3D"]
    assert body["status"] == "NEW"
    assert secure3d["action"] == f"{sandbox.acs_url}/acs/auth"
    assert secure3d["termURL"] == f"{sandbox.base_url}/payments/cards/confirmPayment?Access={token}"
    form = {"MD": secure3d["md"], "PaReq": secure3d["paReq"], "TermUrl": secure3d["termURL"]}
    acs = http.post(secure3d["action"], data=form)
    answer = at_acs(http, sandbox, acs, "acs-form", code="000000")
    action, fields = forms_of(answer.text)["acs-return"]
    assert action == secure3d["termURL"]
    done = http.post(action, data=fields)
    reference = status_of(http, invoice)["transaction"]["reference"]
    assert (done.status_code, done.headers["location"]) == (303, f"{BACK}&reference={reference}")
