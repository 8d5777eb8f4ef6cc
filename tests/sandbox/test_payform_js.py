"""payment-api.js run under Node: its LZ-String and URL building must agree with the sandbox's Python side.

The script is evaluated in a ``vm`` context with a minimal window/document, so no browser is needed here
(tests/browser drives it in a real engine).
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

import epay_desktop.sandbox.payform as payform
from epay_desktop.payform.codec import encode_params
from epay_desktop.payform.codec import parse_params
from epay_desktop.payform.lzstring import compress_to_encoded_uri_component
from epay_desktop.payform.lzstring import decompress_from_encoded_uri_component
from tests.support.merchant import TERMINAL_ID

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed; payment-api.js cannot be run")

SCRIPT = Path(payform.__file__).with_name("static") / "payment-api.js"
SCRIPT_SRC = "http://127.0.0.1:8765/payform/payment-api.js?v=1"

# Evaluates payment-api.js with stub DOM objects, runs the requested actions, prints JSON.
HARNESS = r"""
const vm = require("vm");
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
function element(tag) {
  return {
    tagName: tag, style: {}, children: [], parentNode: null, attrs: {},
    setAttribute(k, v) { this.attrs[k] = v; },
    appendChild(c) { this.children.push(c); c.parentNode = this; return c; },
    removeChild(c) { this.children = this.children.filter((x) => x !== c); c.parentNode = null; return c; },
  };
}
const listeners = {};
const window = {
  location: { href: "" },
  addEventListener(t, f) { (listeners[t] = listeners[t] || []).push(f); },
  removeEventListener(t, f) { listeners[t] = (listeners[t] || []).filter((x) => x !== f); },
};
const body = element("body");
const document = {
  currentScript: { src: input.scriptSrc }, baseURI: input.scriptSrc, body,
  createElement: element, getElementsByTagName() { return []; },
};
const ctx = vm.createContext({ window, document, URL });
vm.runInContext(fs.readFileSync(input.script, "utf8"), ctx);
const halyk = window.halyk;
const out = { compressed: input.strings.map((s) => halyk._sandbox.compressToEncodedURIComponent(s)) };
if (input.payment) {
  out.encoded = halyk._sandbox.encodeParams(input.payment);
  for (const fn of ["pay", "p2p", "aft", "oct"]) { halyk[fn](input.payment); out[fn] = window.location.href; }
  const calls = [];
  halyk.showPaymentWidget(input.payment, (r) => calls.push(r));
  const screen = body.children[0];
  const box = screen.children[0];
  const frame = box.children[0];
  out.widget = { screen: screen.className, box: box.className, boxWidth: box.style.cssText,
                 frameSrc: frame.src, frameStyle: frame.style.cssText };
  const send = (origin, data) => (listeners.message || []).slice().forEach((f) => f({ origin, data }));
  send("http://evil.example", JSON.stringify({ success: true }));
  out.callsAfterForeign = calls.length;
  send(new URL(input.scriptSrc).origin, JSON.stringify({ success: true }));
  out.calls = calls;
  out.overlayLeft = body.children.length;
  out.listenersLeft = (listeners.message || []).length;
}
process.stdout.write(JSON.stringify(out));
"""


def run_node(strings: list[str], payment: dict[str, Any] | None = None) -> dict[str, Any]:
    assert NODE is not None
    payload = {"script": str(SCRIPT), "scriptSrc": SCRIPT_SRC, "strings": strings, "payment": payment}
    done = subprocess.run(
        [NODE, "-e", HARNESS],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_fixed_and_random_texts_compress_like_python() -> None:
    rng = random.Random(20240611)
    alphabet = "abcАБВӘәҒғҚқ 0123456789=&%😀🇰🇿₸"
    strings = ["", "a", "hello hello hello", "x" * 5000, "Төлем сәтті өтті 😀"]
    strings += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 400))) for _ in range(60)]
    result = run_node(strings)
    assert result["compressed"] == [compress_to_encoded_uri_component(s) for s in strings]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=200), min_size=1, max_size=20))
def test_any_text_compresses_like_python(strings: list[str]) -> None:
    compressed = run_node(strings)["compressed"]
    assert compressed == [compress_to_encoded_uri_component(s) for s in strings]
    assert [decompress_from_encoded_uri_component(c) for c in compressed] == strings


PAYMENT = {
    "invoiceId": "000123",
    "backLink": "https://shop.example/ok?order=123&x=1",
    "failureBackLink": "https://shop.example/fail",
    "postLink": "https://shop.example/post",
    "language": "rus",
    "description": "Заказ №123 — «чай & кофе»",
    "terminal": TERMINAL_ID,
    "amount": 1500.5,
    "currency": "KZT",
    "cardSave": True,
    "data": '{"statement":{"name":"Иван"}}',
    "auth": {
        "access_token": "DCEB8O_ZM5U7SO_T_U5EJQ",
        "expires_in": "7200",
        "refresh_token": "",
        "scope": "payment",
        "token_type": "Bearer",
    },
}


def test_urls_and_widget() -> None:
    result = run_node([], PAYMENT)
    encoded = result["encoded"]
    assert encoded == encode_params(PAYMENT)
    fields = dict(parse_qsl(encoded, keep_blank_values=True))
    assert fields["description"] == PAYMENT["description"]
    assert fields["amount"] == "1500.5"
    assert fields["cardSave"] == "true"
    # auth is a query string of its own, URL-encoded inside the outer one.
    assert "auth=access_token%3DDCEB8O_ZM5U7SO_T_U5EJQ%26expires_in%3D7200" in encoded
    assert dict(parse_qsl(fields["auth"], keep_blank_values=True))["token_type"] == "Bearer"

    base = "http://127.0.0.1:8765/payform/"
    packed = compress_to_encoded_uri_component(encoded)
    assert result["pay"] == f"{base}?params={packed}"
    assert result["p2p"] == f"{base}?params={packed}&isTransfer=true"
    assert result["aft"] == f"{base}?params={packed}&isAFT=true"
    assert result["oct"] == f"{base}?params={packed}&isOCT=true"
    # What the page sees after a browser percent-decodes the query (``+`` arrives as a space).
    query = urlsplit(result["pay"]).query
    assert parse_params(dict(parse_qsl(query))["params"])["description"] == PAYMENT["description"]

    widget = result["widget"]
    assert (widget["screen"], widget["box"]) == ("widgetScreen", "iframeBox")
    assert "width:400px" in widget["boxWidth"]
    assert "height:90vh" in widget["frameStyle"]
    assert widget["frameSrc"] == f"{base}?params={packed}&isShortForm=true"
    assert result["callsAfterForeign"] == 0  # a message from another origin is ignored
    assert result["calls"] == [{"success": True}]
    assert result["overlayLeft"] == 0
    assert result["listenersLeft"] == 0
