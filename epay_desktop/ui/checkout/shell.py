"""The tiny page the checkout view loads first: the gateway's payment-api.js, then halyk.pay or the widget.

Pure text building, no Qt widgets. The payment object is embedded as JSON with exact numbers (``Decimal`` is
written digit for digit, floats are refused) and with ``<``, ``>`` and ``&`` escaped, so a description
like ``</script>`` stays a string. The page talks back only by navigating to a back link, which the
checkout page intercepts (the same path the gateway's own redirect takes in redirect mode).

:func:`issuer_page` is the saved-card 3-D Secure launcher: a form that posts MD, PaReq and TermUrl to
the issuer's ``action`` at once (a button if scripts do not run), with a CSP that lets it post nowhere else.
"""

from __future__ import annotations

import html
import json
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING
from typing import Any
from typing import Final
from typing import Literal
from urllib.parse import urlsplit

from epay_desktop.ui.common import theme

if TYPE_CHECKING:
    from epay_desktop.services.payments.saved_cards import Secure3DForm

__all__ = ["Mode", "info_page", "issuer_page", "js_literal", "shell_page"]

Mode = Literal["redirect", "widget"]
_LANG: Final = {"rus": "ru", "kaz": "kk", "eng": "en"}


def _style() -> str:
    """The small pages' CSS; its colours are theme roles (resources/theme, decision 0047)."""
    return (
        "html,body{margin:0;height:100%;font-family:'DejaVu Sans',sans-serif;"
        f"background:{theme.css('page_bg')};color:{theme.css('text_neutral')}}}"
        "main{display:flex;height:100%;align-items:center;justify-content:center;flex-direction:column;gap:8px}"
        "h1{font-size:20px;margin:0}p{font-size:15px;margin:0;max-width:32em;text-align:center}"
    )


def js_literal(value: Any) -> str:
    """JSON text safe inside ``<script>``; ``Decimal`` becomes an exact JSON number."""
    numbers: dict[str, str] = {}

    def prepare(item: Any) -> Any:
        if isinstance(item, bool) or item is None or isinstance(item, int | str):
            return item
        if isinstance(item, float):
            raise ValueError("floats cannot carry money exactly; pass a Decimal")
        if isinstance(item, Decimal):
            if not item.is_finite():
                raise ValueError(f"{item} is not a finite number")
            marker = f"@@num-{uuid.uuid4().hex}@@"
            numbers[json.dumps(marker)] = format(item, "f")
            return marker
        if isinstance(item, dict):
            return {str(key): prepare(val) for key, val in item.items()}
        if isinstance(item, list | tuple):
            return [prepare(val) for val in item]
        raise TypeError(f"cannot put {type(item).__name__} into the payment object")

    text = json.dumps(prepare(value), ensure_ascii=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    for marker, number in numbers.items():
        text = text.replace(marker, number, 1)
    return text


def shell_page(
    payment_object: dict[str, Any],
    widget_url: str,
    *,
    mode: Mode,
    ok_url: str,
    fail_url: str,
    unavailable_url: str,
    message: str,
) -> str:
    """HTML that loads ``widget_url`` and starts the payment; ``message`` is shown while it opens."""
    if mode == "redirect":
        start = "window.halyk.pay(payment);"
    elif mode == "widget":
        start = (
            "window.halyk.showPaymentWidget(payment, function (result) {"
            " location.replace(result && result.success === true ? ok : fail); });"
        )
    else:
        raise ValueError(f"unknown checkout mode {mode!r}")
    lang = _LANG.get(str(payment_object.get("language", "")), "ru")
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="object-src 'none'; base-uri 'none'">
<title>{html.escape(message)}</title><style>{_style()}</style>
<script src="{html.escape(widget_url, quote=True)}"></script>
</head><body><main><p>{html.escape(message)}</p></main>
<script>
(function () {{
  "use strict";
  var payment = {js_literal(payment_object)};
  var ok = {js_literal(ok_url)}, fail = {js_literal(fail_url)};
  if (!window.halyk || typeof window.halyk.pay !== "function") {{
    location.replace({js_literal(unavailable_url)});
    return;
  }}
  {start}
}})();
</script></body></html>"""


def info_page(title: str, text: str) -> str:
    """A plain local page for the states after the gateway: finished, cancelled, failed."""
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}</title><style>{_style()}</style></head>
<body><main><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></main></body></html>"""


def issuer_page(form: Secure3DForm, *, message: str, button: str) -> str:
    """HTML that posts ``form`` to the issuer's page at once; every value is escaped as an attribute."""
    parts = urlsplit(form.action)
    origin = f"{parts.scheme}://{parts.netloc}"
    fields = (("MD", form.md), ("PaReq", form.pa_req), ("TermUrl", form.term_url))
    inputs = "".join(
        f'<input type="hidden" name="{name}" value="{html.escape(value, quote=True)}">'
        for name, value in fields
    )
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        f"form-action {origin}; base-uri 'none'"
    )
    return f"""<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp, quote=True)}">
<title>{html.escape(message)}</title><style>{_style()}</style></head>
<body><main><p>{html.escape(message)}</p>
<form id="issuer" method="post" action="{html.escape(form.action, quote=True)}">
{inputs}<noscript><button type="submit">{html.escape(button)}</button></noscript></form></main>
<script>document.getElementById("issuer").submit();</script></body></html>"""
