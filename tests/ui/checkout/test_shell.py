"""The shell page's text: exact amounts, nothing escapes a JSON string, both modes (pure, no Qt)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from epay_desktop.ui.checkout.shell import info_page
from epay_desktop.ui.checkout.shell import js_literal
from epay_desktop.ui.checkout.shell import shell_page

LINKS = {
    "ok_url": "https://c.invalid/return/ok?invoice=1",
    "fail_url": "https://c.invalid/return/fail?invoice=1",
    "unavailable_url": "https://c.invalid/return/unavailable?invoice=1",
}


def test_decimal_amounts_are_exact_json_numbers() -> None:
    text = js_literal({"amount": Decimal("1500.50"), "n": [Decimal("0.10"), 3], "auth": {"expires_in": 1200}})
    assert text == '{"amount": 1500.50, "n": [0.10, 3], "auth": {"expires_in": 1200}}'
    assert json.loads(text, parse_float=Decimal)["amount"] == Decimal("1500.50")
    assert js_literal(Decimal("12345678901234567.89")) == "12345678901234567.89"


@pytest.mark.parametrize("bad", [1500.5, Decimal("NaN"), Decimal("Infinity"), object()])
def test_floats_and_strange_values_are_refused(bad: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        js_literal({"amount": bad})


def test_strings_cannot_end_the_script() -> None:
    text = js_literal({"description": "</script><script>alert(1)</script> & <!-- \u2028 чай"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["description"] == "</script><script>alert(1)</script> & <!-- \u2028 чай"


def test_redirect_and_widget_modes() -> None:
    obj = {"invoiceId": "1", "amount": Decimal("10"), "language": "kaz"}
    redirect = shell_page(
        obj, "http://127.0.0.1:1/payform/payment-api.js", mode="redirect", message="…", **LINKS
    )
    assert "window.halyk.pay(payment);" in redirect and "showPaymentWidget" not in redirect
    assert '<script src="http://127.0.0.1:1/payform/payment-api.js">' in redirect
    assert '<html lang="kk">' in redirect
    widget = shell_page(obj, 'https://x/p.js?a=1&b="2"', mode="widget", message="<b>", **LINKS)
    assert "window.halyk.showPaymentWidget(payment, function (result)" in widget
    assert 'src="https://x/p.js?a=1&amp;b=&quot;2&quot;"' in widget
    assert "<p>&lt;b&gt;</p>" in widget
    with pytest.raises(ValueError, match="mode"):
        shell_page(obj, "https://x/p.js", mode="popup", message="", **LINKS)  # type: ignore[arg-type]


def test_info_page_escapes() -> None:
    assert "<h1>a &lt;b&gt;</h1><p>x &amp; y</p>" in info_page("a <b>", "x & y")
