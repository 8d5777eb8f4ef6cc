"""The HTML of the hosted card page: layout, summary, card form, the way to the issuer's 3-D Secure page,
the declined page (attempts left), result and error pages.

Also the page's texts and assets (read once from ``static/``), escaping, and the language and amount
formatting the pages show. Pure rendering: no state, no decisions.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from string import Template
from typing import Final
from urllib.parse import quote
from urllib.parse import urlencode

from starlette.responses import HTMLResponse

from epay_desktop.domain.money import Money
from epay_desktop.domain.money import MoneyError
from epay_desktop.domain.money import parse_decimal_amount
from epay_desktop.sandbox.payform_input import Payment
from epay_desktop.sandbox.payform_input import safe_link
from epay_desktop.sandbox.state import CardInput
from epay_desktop.sandbox.state import CheckoutInfo

__all__ = [
    "View",
    "acs_redirect_page",
    "asset",
    "card_form",
    "declined_page",
    "error_page",
    "format_amount",
    "language_code",
    "make_view",
    "result_page",
    "texts",
]

_STATIC: Final = Path(__file__).with_name("static")
# The page's own script and styles come from us; nothing inline, nothing third-party. No frame-ancestors and
# no form-action: the widget is framed by any merchant, and form-action would also police the 303 to backLink.
_CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'"
)
_LANGUAGES: Final = {"rus": "ru", "ru": "ru", "kaz": "kk", "kz": "kk", "kk": "kk", "eng": "en", "en": "en"}
_TEST_CARDS: Final = (
    ("4405 6397 0401 5096", "test_approve"),
    ("5522 0427 0506 6736", "test_approve"),
    ("4003 0327 0454 7597", "test_decline"),
    ("4111 1111 1111 1111", "test_3ds"),
)
_NBSP: Final = "\u00a0"


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


@cache
def asset(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


@cache
def _texts() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(asset("payform-texts.json"))
    return data


def texts(lang: str) -> Mapping[str, str]:
    """The page texts in ``ru``, ``kk`` or ``en`` (shared with the issuer's page, acs.py)."""
    return _texts()[lang]


def language_code(value: str | None) -> str:
    """``rus``/``RU``/``kaz``/``KZ``/``eng``/``EN`` (any case) -> ``ru``/``kk``/``en``; Russian otherwise."""
    return _LANGUAGES.get((value or "").strip().lower(), "ru")


def format_amount(amount: Decimal, currency: str) -> str:
    """Kazakhstan style, e.g. ``1 500,00 ₸``, via the domain's Money; plain text for unknown currencies."""
    try:
        return Money(parse_decimal_amount(amount, currency), currency).format()
    except MoneyError:
        return f"{amount}{_NBSP}{currency}"


@dataclass(frozen=True)
class View:
    """What every page of one payment shows, in one language."""

    t: Mapping[str, str]
    short: bool
    lang: str


def make_view(language: str | None, override: str | None, short: bool) -> View:
    lang = language_code(override) if override else language_code(language)
    return View(t=_texts()[lang], short=short, lang=lang)


def _layout(view: View, title: str, body: str, *, status: int = 200) -> HTMLResponse:
    return html_page(
        "payform",
        view.t["html_lang"],
        title,
        view.t["banner"],
        body,
        body_class="short" if view.short else "full",
        banner_class="sandbox-banner",
        status=status,
    )


def html_page(
    assets: str,
    lang: str,
    title: str,
    banner: str,
    body: str,
    *,
    body_class: str,
    banner_class: str,
    status: int = 200,
) -> HTMLResponse:
    """A page of the sandbox (static/page.html: the payment page, the issuer's ACS) with the stylesheet
    and script named ``assets`` (``payform``, ``acs``). ``lang``, ``title`` and ``banner`` are escaped
    here, ``body`` is HTML already; sent with the pages' CSP and never cached."""
    page = Template(asset("page.html")).substitute(
        assets=assets,
        lang=_esc(lang),
        title=_esc(title),
        body_class=body_class,
        banner_class=banner_class,
        banner=_esc(banner),
        body=body,
    )
    headers = {
        "Content-Security-Policy": _CSP,
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
    }
    return HTMLResponse(page, status_code=status, headers=headers)


def _summary(view: View, info: CheckoutInfo) -> str:
    t = view.t
    description = (
        f'<div class="row"><dt>{_esc(t["description"])}</dt><dd>{_esc(info.description)}</dd></div>'
        if info.description
        else ""
    )
    return (
        '<header class="summary">'
        f'<div class="merchant"><span class="label">{_esc(t["merchant"])}</span>'
        f'<span class="shop">{_esc(info.shop_name)}</span></div>'
        f'<div class="amount" id="amount">{_esc(format_amount(info.amount, info.currency))}</div>'
        '<dl class="details">'
        f'<div class="row"><dt>{_esc(t["order"])}</dt><dd class="invoice">{_esc(info.invoice_id)}</dd></div>'
        f"{description}</dl></header>"
    )


def _hidden(payment: Payment, view: View, **extra: str) -> str:
    fields = {"params": payment.raw_params, "lang": view.lang, **extra}
    if view.short:
        fields["isShortForm"] = "true"
    return "".join(f'<input type="hidden" name="{_esc(k)}" value="{_esc(v)}">' for k, v in fields.items())


def _field(name: str, label: str, control: str, error: str | None, extra_class: str = "") -> str:
    err = f'<p class="field-error" id="{name}-error">{_esc(error)}</p>' if error else ""
    cls = " ".join(c for c in ("field", extra_class, "invalid" if error else "") if c)
    return f'<div class="{cls}"><label for="{name}">{_esc(label)}</label>{control}{err}</div>'


def card_form(
    view: View,
    payment: Payment,
    info: CheckoutInfo,
    card: CardInput | None = None,
    errors: Mapping[str, str] | None = None,
    message: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    t, errors = view.t, errors or {}
    typed = card or CardInput(pan="", expiry="", cvc="", name="")

    def err(name: str) -> str | None:
        key = errors.get(name)
        return t[key] if key else None

    # Focus the first field to fix; after a refusal the CVC (never echoed back) must be typed again.
    focus = next((n for n in ("pan", "expiry", "cvc", "name") if n in errors), "cvc" if card else "pan")

    def aria(name: str) -> str:
        invalid = f' aria-invalid="true" aria-describedby="{name}-error"' if name in errors else ""
        return invalid + (" autofocus" if name == focus else "")

    amount = format_amount(info.amount, info.currency)
    alert = f'<div class="alert" role="alert">{_esc(message)}</div>' if message else ""
    fields = (
        _field(
            "pan",
            t["card_number"],
            f'<input id="pan" name="pan" value="{_esc(typed.pan)}" inputmode="numeric" '
            'autocomplete="cc-number" placeholder="0000 0000 0000 0000" maxlength="23" '
            f'spellcheck="false"{aria("pan")}>',
            err("pan"),
        )
        + '<div class="pair">'
        + _field(
            "expiry",
            t["expiry"],
            f'<input id="expiry" name="expiry" value="{_esc(typed.expiry)}" inputmode="numeric" '
            f'autocomplete="cc-exp" placeholder="{_esc(t["expiry_placeholder"])}" maxlength="5"'
            f"{aria('expiry')}>",
            err("expiry"),
        )
        + _field(
            "cvc",
            t["cvc"],
            # The CVC is never echoed back, even after a validation error.
            '<input id="cvc" name="cvc" type="password" inputmode="numeric" autocomplete="cc-csc" '
            f'maxlength="4" placeholder="•••" title="{_esc(t["cvc_hint"])}"{aria("cvc")}>',
            err("cvc"),
        )
        + "</div>"
        + _field(
            "name",
            t["cardholder"],
            f'<input id="name" name="name" value="{_esc(typed.name)}" autocomplete="cc-name" '
            f'placeholder="{_esc(t["cardholder_placeholder"])}" spellcheck="false"{aria("name")}>',
            err("name"),
        )
    )
    test_cards = "".join(
        f"<li><code>{_esc(pan)}</code> <span>{_esc(t[key])}</span></li>" for pan, key in _TEST_CARDS
    )
    future = f"12/{(date.today().year + 3) % 100:02d}"
    body = (
        f'<main class="sheet">{_summary(view, info)}'
        f'<form class="pay-form" method="post" action="pay" novalidate '
        f'data-processing="{_esc(t["processing"])}">{alert}'
        f"{_hidden(payment, view)}{fields}"
        f'<button type="submit" class="pay">{_esc(t["pay"])} {_esc(amount)}</button>'
        f'<p class="note"><span class="lock" aria-hidden="true"></span>{_esc(t["secure_note"])}</p>'
        "</form>"
        f'<details class="test-cards"><summary>{_esc(t["test_cards"])}</summary>'
        f"<ul>{test_cards}</ul><p>{_esc(t['expiry'])}: {_esc(future)} · CVC: 123</p></details>"
        f"{_brands()}</main>"
    )
    return _layout(view, t["title"], body, status=status)


def _brands() -> str:
    return '<footer class="brands"><span class="visa">VISA</span><span class="mc">Mastercard</span></footer>'


def error_page(view: View, text_key: str, detail: str | None = None) -> HTMLResponse:
    t = view.t
    more = (
        f'<details class="error-detail"><summary>{_esc(t["error_details"])}</summary>'
        f"<p>{_esc(detail)}</p></details>"
        if detail
        else ""
    )
    body = (
        '<main class="sheet message error"><div class="icon" aria-hidden="true">!</div>'
        f"<h1>{_esc(t['error_title'])}</h1><p>{_esc(t[text_key])}</p>{more}</main>"
    )
    return _layout(view, t["error_title"], body, status=400)


def acs_redirect_page(view: View, action: str, fields: Mapping[str, str]) -> HTMLResponse:
    """Sends the window (or the widget's frame) to the issuer's ACS: a form POST of MD, PaReq and TermUrl
    that payform.js submits by itself; the button does it when scripts are off."""
    t = view.t
    body = (
        '<main class="sheet message three-ds">'
        f'<div class="tds-badge">3-D Secure</div><h1>{_esc(t["tds_redirect_title"])}</h1>'
        f"<p>{_esc(t['tds_redirect_text'])}</p>"
        f'<form id="acs-post" method="post" action="{_esc(action)}" data-autosubmit>'
        + "".join(f'<input type="hidden" name="{_esc(k)}" value="{_esc(v)}">' for k, v in fields.items())
        + f'<button type="submit" class="pay">{_esc(t["tds_redirect_button"])}</button></form></main>'
    )
    return _layout(view, t["tds_redirect_title"], body)


def _reason_text(t: Mapping[str, str], reason_code: int) -> str:
    return t.get(f"reason_{reason_code}", t["reason_other"])


def declined_page(view: View, payment: Payment, reason_code: int, attempts_left: int) -> HTMLResponse:
    """A declined attempt with attempts left: the bank's reason, "attempts left: N", a way back to a fresh
    card form (same params) and "Finish" (failureBackLink; in the widget the result for the parent)."""
    t = view.t
    query = {"params": payment.raw_params, "lang": view.lang}
    if view.short:
        query["isShortForm"] = "true"
    again = "./?" + urlencode(query, quote_via=quote)
    link = None if view.short else safe_link(payment.failure_back_link or payment.back_link)
    finish = link or "finish?" + urlencode(query, quote_via=quote)
    body = (
        f'<main class="sheet message failure" id="declined" data-attempts-left="{attempts_left}" '
        f'data-reason-code="{reason_code}">'
        f'<div class="icon" aria-hidden="true">✕</div><h1>{_esc(t["declined_title"])}</h1>'
        f'<p class="reason" id="decline-reason">{_esc(_reason_text(t, reason_code))}</p>'
        f'<p class="attempts" id="attempts-left">{_esc(t["declined_attempts"].format(n=attempts_left))}</p>'
        f'<p class="hint">{_esc(t["declined_hint"])}</p>'
        f'<a class="button" id="retry" href="{_esc(again)}">{_esc(t["declined_retry"])}</a> '
        f'<a class="link" id="finish" href="{_esc(finish)}">{_esc(t["declined_finish"])}</a></main>'
    )
    return _layout(view, t["declined_title"], body)


def result_page(view: View, success: bool, back_link: str | None) -> HTMLResponse:
    """Short form: tells the parent window (the widget) through payform.js. Full page without a usable
    backLink: just says what happened."""
    t = view.t
    key = "ok" if success else "fail"
    action = (
        f'<a class="button" href="{_esc(back_link)}">{_esc(t["result_continue"])}</a>'
        if back_link and not view.short
        else f'<p class="hint">{_esc(t["result_close"])}</p>'
    )
    flags = f'data-post-result="{str(view.short).lower()}" data-success="{str(success).lower()}"'
    body = (
        f'<main class="sheet message {"success" if success else "failure"}" id="result" {flags}>'
        f'<div class="icon" aria-hidden="true">{"✓" if success else "✕"}</div>'
        f"<h1>{_esc(t[f'result_{key}_title'])}</h1><p>{_esc(t[f'result_{key}_text'])}</p>{action}</main>"
    )
    return _layout(view, t[f"result_{key}_title"], body)
