"""The customer-facing side of the sandbox: ``payment-api.js`` and the hosted card page.

Routes (all under ``/payform/``, mirroring ``epay.homebank.kz/payform/``):

* ``GET  payment-api.js`` - the merchant-side script (``halyk.pay``, ``halyk.showPaymentWidget``, ...).
* ``GET  ?params=...[&isShortForm=true]`` - the card page. ``params`` is the payment object flattened to a
  query string and packed with LZ-String (see :mod:`epay_desktop.payform_codec`); ``auth`` inside it is
  the whole token response, itself a query string.
* ``POST pay`` - the card form. Approved/declined: 303 to ``backLink`` / ``failureBackLink`` (full page) or a
  small page that posts ``{"success": bool}`` to the parent (short form, i.e. the widget's iframe).
  3-D Secure: a code page that posts to ``3ds``.
* ``POST 3ds`` - the one-time code; finishes like ``pay``.
* ``GET  payform.css`` / ``payform.js`` - the page's own assets.

The page never decides an outcome; it hands the card to :class:`SandboxState`, which owns the ledger and the
postLink calls. The payment object is not trusted either: every POST re-validates it against the token.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from string import Template
from typing import Final
from urllib.parse import parse_qsl, urlsplit

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from epay_desktop.domain.money import Money, MoneyError, parse_decimal_amount
from epay_desktop.payform_codec import ParamsError, encode_params, pack_params, parse_params
from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.state import (
    AttemptResult,
    CardInput,
    Checkout,
    CheckoutInfo,
    SandboxError,
    SandboxState,
)

__all__ = ["encode_params", "format_amount", "language_code", "pack_params", "parse_params", "routes"]

log = logging.getLogger(__name__)

_STATIC: Final = Path(__file__).with_name("static")
_ASSETS: Final = {
    "payment-api.js": "application/javascript; charset=utf-8",
    "payform.js": "application/javascript; charset=utf-8",
    "payform.css": "text/css; charset=utf-8",
}
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
_EXPIRY_RE: Final = re.compile(r"^\s*(\d{2})\s*/\s*(\d{2})\s*$")
_NAME_RE: Final = re.compile(r"^[A-Za-z][A-Za-z .'\-]{0,49}$")
_NBSP: Final = "\u00a0"
_FIELD_OF_CODE: Final[dict[int, str]] = {
    Code.BAD_CARD_NUMBER: "pan",
    Code.BAD_EXPIRY: "expiry",
    Code.BAD_CVC: "cvc",
}


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


@cache
def _asset(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


@cache
def _texts() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(_asset("payform-texts.json"))
    return data


def language_code(value: str | None) -> str:
    """``rus``/``RU``/``kaz``/``KZ``/``eng``/``EN`` (any case) -> ``ru``/``kk``/``en``; Russian otherwise."""
    return _LANGUAGES.get((value or "").strip().lower(), "ru")


def format_amount(amount: Decimal, currency: str) -> str:
    """Kazakhstan style, e.g. ``1 500,00 ₸``, via the domain's Money; plain text for unknown currencies."""
    try:
        return Money(parse_decimal_amount(amount, currency), currency).format()
    except MoneyError:
        return f"{amount}{_NBSP}{currency}"


# ---- the payment object ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Payment:
    """The decoded payment object: the Checkout for the state plus what only the page uses."""

    checkout: Checkout
    back_link: str
    failure_back_link: str
    raw_params: str  # the packed form, carried through the page's forms unchanged


def _payment(packed: str | None) -> Payment:
    fields = parse_params(packed)
    auth = dict(parse_qsl(fields.get("auth", ""), keep_blank_values=True))
    token = auth.get("access_token", "")
    if not token:
        # Known integration mistake: auth: token.access_token instead of the whole token object.
        raise ParamsError(
            "error_no_token", "auth must be the whole token response (access_token, expires_in, ...)"
        )
    checkout = Checkout(
        invoice_id=fields.get("invoiceId", ""),
        access_token=token,
        amount=fields.get("amount", ""),
        currency=fields.get("currency", ""),
        terminal=fields.get("terminal", ""),
        description=fields.get("description", ""),
        account_id=fields.get("accountId", ""),
        email=fields.get("email", ""),
        phone=fields.get("phone", ""),
        name=fields.get("name", ""),
        language=fields.get("language", "rus") or "rus",
        card_save=fields.get("cardSave", "").strip().lower() in {"true", "1", "yes"},
        data=fields.get("data", ""),
        post_link=fields.get("postLink", ""),
        failure_post_link=fields.get("failurePostLink", ""),
    )
    return Payment(
        checkout=checkout,
        back_link=fields.get("backLink", ""),
        failure_back_link=fields.get("failureBackLink", ""),
        raw_params=packed or "",
    )


def _safe_link(url: str) -> str | None:
    """Only absolute http(s) links are followed; anything else (javascript:, relative) is ignored."""
    parts = urlsplit(url.strip())
    if parts.scheme in {"http", "https"} and parts.netloc:
        return url.strip()
    return None


# ---- card input ----------------------------------------------------------------------------------------


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _card_errors(card: CardInput) -> dict[str, str]:
    """Checks a page makes before sending; values are text keys. The state re-checks and decides."""
    errors: dict[str, str] = {}
    digits = re.sub(r"[\s-]", "", card.pan)
    if not (digits.isascii() and digits.isdigit() and 12 <= len(digits) <= 19 and _luhn_ok(digits)):
        errors["pan"] = "err_pan"
    match = _EXPIRY_RE.match(card.expiry)
    if match is None or not 1 <= int(match.group(1)) <= 12:
        errors["expiry"] = "err_expiry"
    if not (card.cvc.isascii() and card.cvc.isdigit() and len(card.cvc) in (3, 4)):
        errors["cvc"] = "err_cvc"
    if not _NAME_RE.match(card.name.strip()):
        errors["name"] = "err_name"
    return errors


def _card_from_form(form: FormData) -> CardInput:
    def field(name: str) -> str:
        value = form.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    return CardInput(
        pan=field("pan"),
        expiry=field("expiry").replace(" ", ""),
        cvc=field("cvc"),
        name=field("name").upper(),
    )


def _mask(pan: str) -> str:
    digits = re.sub(r"\D", "", pan)
    return f"{digits[:4]} •••• {digits[-4:]}" if len(digits) >= 8 else "••••"


# ---- rendering -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _View:
    """What every page of one payment shows, in one language."""

    t: Mapping[str, str]
    short: bool
    lang: str


def _layout(view: _View, title: str, body: str, *, status: int = 200) -> HTMLResponse:
    page = Template(_asset("payform.html")).substitute(
        lang=_esc(view.t["html_lang"]),
        title=_esc(title),
        body_class="short" if view.short else "full",
        banner=_esc(view.t["banner"]),
        body=body,
    )
    headers = {
        "Content-Security-Policy": _CSP,
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
    }
    return HTMLResponse(page, status_code=status, headers=headers)


def _summary(view: _View, info: CheckoutInfo) -> str:
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


def _hidden(payment: Payment, view: _View, **extra: str) -> str:
    fields = {"params": payment.raw_params, "lang": view.lang, **extra}
    if view.short:
        fields["isShortForm"] = "true"
    return "".join(f'<input type="hidden" name="{_esc(k)}" value="{_esc(v)}">' for k, v in fields.items())


def _field(name: str, label: str, control: str, error: str | None, extra_class: str = "") -> str:
    err = f'<p class="field-error" id="{name}-error">{_esc(error)}</p>' if error else ""
    cls = " ".join(c for c in ("field", extra_class, "invalid" if error else "") if c)
    return f'<div class="{cls}"><label for="{name}">{_esc(label)}</label>{control}{err}</div>'


def _card_form(
    view: _View,
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


def _error_page(view: _View, text_key: str, detail: str | None = None) -> HTMLResponse:
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


def _three_ds_page(
    view: _View, payment: Payment, challenge_id: str, display: Mapping[str, str], error: str | None = None
) -> HTMLResponse:
    t = view.t
    err = f'<p class="field-error" id="code-error">{_esc(error)}</p>' if error else ""
    aria = ' aria-invalid="true" aria-describedby="code-error"' if error else ""
    facts = "".join(
        f'<div class="row"><dt>{_esc(label)}</dt><dd>{_esc(display.get(key, ""))}</dd></div>'
        for label, key in ((t["merchant"], "shop"), (t["order"], "invoice"), (t["tds_card"], "card"))
    )
    body = (
        '<main class="sheet three-ds">'
        f'<header class="summary"><div class="tds-badge">3-D Secure</div><h1>{_esc(t["tds_title"])}</h1>'
        f'<div class="amount">{_esc(display.get("amount", ""))}</div>'
        f'<dl class="details">{facts}</dl></header>'
        '<form class="pay-form" method="post" action="3ds" novalidate '
        f'data-processing="{_esc(t["processing"])}">'
        f"<p>{_esc(t['tds_text'])}</p>"
        f"{_hidden(payment, view, challenge_id=challenge_id, **{f'd_{k}': v for k, v in display.items()})}"
        f'<div class="field{" invalid" if error else ""}"><label for="code">{_esc(t["tds_code"])}</label>'
        '<input id="code" name="code" class="otp" inputmode="numeric" autocomplete="one-time-code" '
        f'maxlength="6" placeholder="••••••"{aria} autofocus>{err}</div>'
        f'<p class="hint">{_esc(t["tds_hint"])}</p>'
        f'<button type="submit" class="pay">{_esc(t["tds_confirm"])}</button></form></main>'
    )
    return _layout(view, t["tds_title"], body)


def _result_page(view: _View, success: bool, back_link: str | None) -> HTMLResponse:
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


def _finish(view: _View, payment: Payment, result: AttemptResult) -> Response:
    success = result.outcome == "approved"
    target = payment.back_link if success else (payment.failure_back_link or payment.back_link)
    link = _safe_link(target)
    log.info(
        "event=payform_result invoice=%s outcome=%s short=%s", result.invoice_id, result.outcome, view.short
    )
    if view.short or link is None:
        return _result_page(view, success, link)
    return RedirectResponse(link, status_code=303)


# ---- handlers ------------------------------------------------------------------------------------------


def _view(language: str | None, override: str | None, short: bool) -> _View:
    lang = language_code(override) if override else language_code(language)
    return _View(t=_texts()[lang], short=short, lang=lang)


def _language_hint(packed: str | None) -> str | None:
    """Best-effort language for error pages shown before the payment object is validated."""
    try:
        return parse_params(packed).get("language")
    except ParamsError:
        return None


def routes(state: SandboxState) -> list[BaseRoute]:
    """The ``/payform/...`` routes, bound to one sandbox state. Included by ``create_app``."""

    def asset_route(name: str) -> Route:
        async def serve(request: Request) -> Response:
            return Response(_asset(name), media_type=_ASSETS[name], headers={"Cache-Control": "no-cache"})

        return Route(f"/payform/{name}", serve, methods=["GET"], name=f"payform-{name}")

    Loaded = tuple[_View, Payment, CheckoutInfo]

    def load(packed: str | None, lang: str | None, short: bool) -> Loaded | Response:
        try:
            payment = _payment(packed)
        except ParamsError as exc:
            return _error_page(_view(_language_hint(packed), lang, short), exc.text_key, str(exc))
        view = _view(payment.checkout.language, lang, short)
        try:
            info = state.validate_checkout(payment.checkout)
        except SandboxError as exc:
            log.info("event=payform_refused invoice=%s code=%s", payment.checkout.invoice_id, exc.code)
            return _error_page(view, "error_session", exc.message)
        return view, payment, info

    async def page(request: Request) -> Response:
        q = request.query_params
        loaded = load(q.get("params"), q.get("lang"), q.get("isShortForm") == "true")
        if isinstance(loaded, Response):
            return loaded
        view, payment, info = loaded
        return _card_form(view, payment, info)

    async def pay(request: Request) -> Response:
        form = await request.form()
        loaded = load(_text(form, "params"), _text(form, "lang"), _text(form, "isShortForm") == "true")
        if isinstance(loaded, Response):
            return loaded
        view, payment, info = loaded
        card = _card_from_form(form)
        errors = _card_errors(card)
        if errors:
            return _card_form(view, payment, info, card, errors, status=422)
        try:
            result = await state.submit_card(payment.checkout, card)
        except SandboxError as exc:
            # The state's own format checks (840-842) land on the field they are about.
            field = _FIELD_OF_CODE.get(exc.code)
            if field is not None:
                return _card_form(view, payment, info, card, {field: f"err_{field}"}, status=422)
            return _card_form(view, payment, info, card, message=exc.message, status=422)
        if result.outcome == "needs_3ds" and result.challenge_id:
            display = {
                "shop": info.shop_name,
                "invoice": info.invoice_id,
                "amount": format_amount(info.amount, info.currency),
                "card": _mask(card.pan),
            }
            return _three_ds_page(view, payment, result.challenge_id, display)
        return _finish(view, payment, result)

    async def three_ds(request: Request) -> Response:
        form = await request.form()
        short = _text(form, "isShortForm") == "true"
        try:
            payment = _payment(_text(form, "params"))
        except ParamsError as exc:
            return _error_page(_view(None, _text(form, "lang"), short), exc.text_key, str(exc))
        view = _view(payment.checkout.language, _text(form, "lang"), short)
        challenge_id = _text(form, "challenge_id")
        display = {k[2:]: _text(form, k) for k in ("d_shop", "d_invoice", "d_amount", "d_card")}
        code = _text(form, "code").replace(" ", "")
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            return _three_ds_page(view, payment, challenge_id, display, view.t["tds_err_code"])
        try:
            result = await state.confirm_3ds(challenge_id, code)
        except SandboxError as exc:
            return _error_page(view, "error_session", exc.message)
        if result.outcome == "needs_3ds":  # the state allows another try
            return _three_ds_page(view, payment, challenge_id, display, view.t["tds_err_wrong"])
        return _finish(view, payment, result)

    return [
        *(asset_route(name) for name in _ASSETS),
        Route("/payform/", page, methods=["GET"], name="payform"),
        Route("/payform/pay", pay, methods=["POST"], name="payform-pay"),
        Route("/payform/3ds", three_ds, methods=["POST"], name="payform-3ds"),
    ]


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""
