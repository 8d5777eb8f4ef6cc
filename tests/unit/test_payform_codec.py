from urllib.parse import parse_qsl
from urllib.parse import urlsplit

import pytest

from epay_desktop.payform.codec import ParamsError
from epay_desktop.payform.codec import encode_params
from epay_desktop.payform.codec import hosted_page_url
from epay_desktop.payform.codec import parse_params

PAYMENT = {
    "invoiceId": "000123456",
    "amount": "1500.5",
    "description": "Оплата заказа: чай & кофе",
    "cardSave": True,
    "auth": {"access_token": "TOKEN+/=", "expires_in": "1200", "token_type": "Bearer"},
}


def test_nested_auth_is_its_own_query_string():
    flat = dict(parse_qsl(encode_params(PAYMENT)))
    assert flat["cardSave"] == "true"
    assert dict(parse_qsl(flat["auth"])) == PAYMENT["auth"]
    assert flat["description"] == PAYMENT["description"]


def test_hosted_page_url_is_next_to_the_script_and_round_trips():
    url = hosted_page_url("https://epay.homebank.kz/payform/payment-api.js", PAYMENT)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "epay.homebank.kz", "/payform/")
    packed = parts.query.removeprefix("params=")
    fields = parse_params(packed)
    assert fields["invoiceId"] == "000123456"
    assert fields["amount"] == "1500.5"
    assert dict(parse_qsl(fields["auth"]))["access_token"] == "TOKEN+/="


@pytest.mark.parametrize("packed", [None, "", "!!!not-lz!!!"])
def test_unreadable_params_are_refused(packed):
    with pytest.raises(ParamsError):
        parse_params(packed)
