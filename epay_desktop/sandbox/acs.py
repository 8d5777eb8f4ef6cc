"""The card issuer's 3-D Secure page (the ACS), served on its own origin.

The real gateway sends the customer's whole window to the issuer's ACS by a form POST of
``MD``, ``PaReq`` and ``TermUrl`` and the ACS posts ``PaRes`` and ``MD`` back to ``TermUrl``
(epay-api.md section 7; halyk/EpaySDK ``LoadingViewController``). The sandbox does the same:

* ``POST /acs/auth`` (``MD``, ``PaReq``, ``TermUrl``, form-encoded): the issuer's page - bank, shop,
  amount, masked card, a one-time code field (``#code``), ``#acs-confirm`` and ``#acs-cancel``.
* ``POST /acs/verify`` (``MD``, ``code``): ``000000`` passes, another 6-digit code fails; a code that is
  not 6 digits is asked again. ``POST /acs/cancel`` (``MD``) fails. Both answer a page whose form
  (``#acs-return``) posts ``PaRes`` and ``MD`` to ``TermUrl`` by itself (``acs.js``).
* ``GET /acs/acs.js``, ``GET /acs/acs.css``: the page's own assets.

``epay-desktop sandbox`` and ``start_in_thread`` serve these routes on a second loopback port
(:func:`create_acs_app`); with ``--acs-same-origin``, or in-process without a listener, they are
mounted on the gateway's own app. The gateway ends the attempt only when ``TermUrl`` receives a
``PaRes`` this ACS issued (:meth:`SandboxState.finish_3ds`). Nothing here sees the card number.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime
from typing import Final

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.routing import Route

from epay_desktop.sandbox.cards import ISSUER
from epay_desktop.sandbox.limits import RequestLimits
from epay_desktop.sandbox.payform_pages import asset
from epay_desktop.sandbox.payform_pages import format_amount
from epay_desktop.sandbox.payform_pages import html_page
from epay_desktop.sandbox.payform_pages import language_code
from epay_desktop.sandbox.payform_pages import texts
from epay_desktop.sandbox.state import AcsAnswer
from epay_desktop.sandbox.state import AcsPrompt
from epay_desktop.sandbox.state import SandboxError
from epay_desktop.sandbox.state import SandboxState

__all__ = ["acs_routes", "create_acs_app"]

log = logging.getLogger(__name__)

_ASSETS: Final = {
    "acs.js": "application/javascript; charset=utf-8",
    "acs.css": "text/css; charset=utf-8",
}


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _page(lang: str, title: str, body: str, status: int = 200) -> HTMLResponse:
    t = texts(lang)
    return html_page(
        "acs",
        t["html_lang"],
        title,
        t["banner"],
        body,
        body_class="acs",
        banner_class="acs-banner",
        status=status,
    )


def _hidden(**fields: str) -> str:
    return "".join(f'<input type="hidden" name="{_esc(k)}" value="{_esc(v)}">' for k, v in fields.items())


def _header(lang: str, title: str) -> str:
    return f'<header><div class="bank">{_esc(ISSUER)}</div><h1>{_esc(title)}</h1></header>'


def prompt_page(prompt: AcsPrompt, now: datetime, error: str | None = None) -> HTMLResponse:
    lang = language_code(prompt.language)
    t = texts(lang)
    facts = "".join(
        f'<div class="row"><dt>{_esc(label)}</dt><dd id="acs-{key}">{_esc(value)}</dd></div>'
        for key, label, value in (
            ("merchant", t["acs_merchant"], prompt.shop_name),
            ("amount", t["acs_amount"], format_amount(prompt.amount, prompt.currency)),
            ("card", t["acs_card"], prompt.card_mask),
            ("date", t["acs_date"], now.strftime("%d.%m.%Y %H:%M")),
        )
    )
    err = f'<p class="field-error" id="code-error" role="alert">{_esc(error)}</p>' if error else ""
    aria = ' aria-invalid="true" aria-describedby="code-error"' if error else ""
    body = (
        f'<main class="issuer">{_header(lang, t["acs_title"])}'
        f'<form id="acs-form" method="post" action="verify" novalidate>'
        f"<p>{_esc(t['acs_text'])}</p><dl>{facts}</dl>"
        f"{_hidden(MD=prompt.md, lang=lang)}"
        f'<div class="field{" invalid" if error else ""}"><label for="code">{_esc(t["acs_code"])}</label>'
        '<input id="code" name="code" class="otp" inputmode="numeric" autocomplete="one-time-code" '
        f'maxlength="6" placeholder="••••••"{aria} autofocus>{err}</div>'
        f'<p class="hint">{_esc(t["acs_hint"])}</p>'
        '<div class="buttons"><button type="submit" id="acs-confirm" class="confirm">'
        f"{_esc(t['acs_confirm'])}</button>"
        '<button type="submit" id="acs-cancel" class="cancel" form="acs-cancel-form">'
        f"{_esc(t['acs_cancel'])}</button></div></form>"
        f'<form id="acs-cancel-form" method="post" action="cancel">{_hidden(MD=prompt.md, lang=lang)}</form>'
        "</main>"
    )
    return _page(lang, t["acs_title"], body, 422 if error else 200)


def return_page(answer: AcsAnswer, lang: str) -> HTMLResponse:
    """Posts ``PaRes``/``MD`` back to the gateway's TermUrl (by itself; the button if scripts are off)."""
    t = texts(lang)
    body = (
        f'<main class="issuer">{_header(lang, t["acs_return_title"])}'
        f'<form id="acs-return" method="post" action="{_esc(answer.term_url)}" data-autosubmit>'
        f"{_hidden(PaRes=answer.pa_res, MD=answer.md)}"
        f"<p>{_esc(t['acs_return_text'])}</p>"
        f'<div class="buttons"><button type="submit" class="confirm">{_esc(t["acs_return_button"])}</button>'
        "</div></form></main>"
    )
    return _page(lang, t["acs_return_title"], body)


def error_page(lang: str, detail: str) -> HTMLResponse:
    t = texts(lang)
    body = (
        f'<main class="issuer error">{_header(lang, t["acs_title"])}'
        f'<div class="body"><p>{_esc(t["acs_error"])}</p><p class="hint">{_esc(detail)}</p></div></main>'
    )
    return _page(lang, t["acs_title"], body, 400)


def _text(form: object, name: str) -> str:
    value = form.get(name) if hasattr(form, "get") else None
    return value if isinstance(value, str) else ""


def acs_routes(state: SandboxState) -> list[BaseRoute]:
    """The ACS's routes (all under ``/acs/``), bound to one sandbox state."""

    def asset_route(name: str) -> Route:
        async def serve(request: Request) -> Response:
            return Response(asset(name), media_type=_ASSETS[name], headers={"Cache-Control": "no-cache"})

        return Route(f"/acs/{name}", serve, methods=["GET"], name=f"acs-{name}")

    async def auth(request: Request) -> Response:
        form = await request.form()
        md, pa_req, term_url = _text(form, "MD"), _text(form, "PaReq"), _text(form, "TermUrl")
        try:
            prompt = state.acs_prompt(md, pa_req)
        except SandboxError as exc:
            log.info("event=acs_refused code=%s", exc.code)
            return error_page("ru", exc.message)
        if term_url != prompt.term_url:
            log.info("event=acs_refused reason=term_url_mismatch")
            return error_page(language_code(prompt.language), "TermUrl does not match this request")
        return prompt_page(prompt, state.now())

    async def verify(request: Request) -> Response:
        form = await request.form()
        md, lang = _text(form, "MD"), language_code(_text(form, "lang"))
        code = _text(form, "code").replace(" ", "")
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            try:
                prompt = state.acs_prompt_again(md)
            except SandboxError as exc:
                return error_page(lang, exc.message)
            return prompt_page(prompt, state.now(), texts(lang)["acs_err_code"])
        return _answer(md, code, lang)

    async def cancel(request: Request) -> Response:
        form = await request.form()
        return _answer(_text(form, "MD"), None, language_code(_text(form, "lang")))

    def _answer(md: str, code: str | None, lang: str) -> Response:
        try:
            answer = state.acs_answer(md, code)
        except SandboxError as exc:
            log.info("event=acs_refused code=%s", exc.code)
            return error_page(lang, exc.message)
        log.info("event=acs_answered passed=%s", answer.passed)
        return return_page(answer, lang)

    return [
        *(asset_route(name) for name in _ASSETS),
        Route("/acs/auth", auth, methods=["POST"], name="acs-auth"),
        Route("/acs/verify", verify, methods=["POST"], name="acs-verify"),
        Route("/acs/cancel", cancel, methods=["POST"], name="acs-cancel"),
    ]


def create_acs_app(state: SandboxState) -> Starlette:
    """The ACS alone, for its own listener (another origin than the gateway's)."""
    app = Starlette(routes=acs_routes(state), middleware=[Middleware(RequestLimits, state=state)])
    app.state.sandbox = state
    return app
