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

import logging
from typing import Final

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from epay_desktop.payform_codec import ParamsError, encode_params, pack_params, parse_params
from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.payform_input import (
    Payment,
    card_errors,
    card_from_form,
    form_text,
    language_hint,
    mask_pan,
    payment_from_params,
    safe_link,
)
from epay_desktop.sandbox.payform_pages import (
    View,
    asset,
    card_form,
    error_page,
    format_amount,
    language_code,
    make_view,
    result_page,
    three_ds_page,
)
from epay_desktop.sandbox.state import AttemptResult, CheckoutInfo, SandboxError, SandboxState

__all__ = ["encode_params", "format_amount", "language_code", "pack_params", "parse_params", "routes"]

log = logging.getLogger(__name__)

_ASSETS: Final = {
    "payment-api.js": "application/javascript; charset=utf-8",
    "payform.js": "application/javascript; charset=utf-8",
    "payform.css": "text/css; charset=utf-8",
}
_FIELD_OF_CODE: Final[dict[int, str]] = {
    Code.BAD_CARD_NUMBER: "pan",
    Code.BAD_EXPIRY: "expiry",
    Code.BAD_CVC: "cvc",
}


def _finish(view: View, payment: Payment, result: AttemptResult) -> Response:
    success = result.outcome == "approved"
    target = payment.back_link if success else (payment.failure_back_link or payment.back_link)
    link = safe_link(target)
    log.info(
        "event=payform_result invoice=%s outcome=%s short=%s", result.invoice_id, result.outcome, view.short
    )
    if view.short or link is None:
        return result_page(view, success, link)
    return RedirectResponse(link, status_code=303)


def routes(state: SandboxState) -> list[BaseRoute]:
    """The ``/payform/...`` routes, bound to one sandbox state. Included by ``create_app``."""

    def asset_route(name: str) -> Route:
        async def serve(request: Request) -> Response:
            return Response(asset(name), media_type=_ASSETS[name], headers={"Cache-Control": "no-cache"})

        return Route(f"/payform/{name}", serve, methods=["GET"], name=f"payform-{name}")

    Loaded = tuple[View, Payment, CheckoutInfo]

    def load(packed: str | None, lang: str | None, short: bool) -> Loaded | Response:
        try:
            payment = payment_from_params(packed)
        except ParamsError as exc:
            return error_page(make_view(language_hint(packed), lang, short), exc.text_key, str(exc))
        view = make_view(payment.checkout.language, lang, short)
        try:
            info = state.validate_checkout(payment.checkout)
        except SandboxError as exc:
            log.info("event=payform_refused invoice=%s code=%s", payment.checkout.invoice_id, exc.code)
            return error_page(view, "error_session", exc.message)
        return view, payment, info

    async def page(request: Request) -> Response:
        q = request.query_params
        loaded = load(q.get("params"), q.get("lang"), q.get("isShortForm") == "true")
        if isinstance(loaded, Response):
            return loaded
        view, payment, info = loaded
        return card_form(view, payment, info)

    async def pay(request: Request) -> Response:
        form = await request.form()
        loaded = load(
            form_text(form, "params"), form_text(form, "lang"), form_text(form, "isShortForm") == "true"
        )
        if isinstance(loaded, Response):
            return loaded
        view, payment, info = loaded
        card = card_from_form(form)
        errors = card_errors(card)
        if errors:
            return card_form(view, payment, info, card, errors, status=422)
        try:
            result = await state.submit_card(payment.checkout, card)
        except SandboxError as exc:
            # The state's own format checks (840-842) land on the field they are about.
            field = _FIELD_OF_CODE.get(exc.code)
            if field is not None:
                return card_form(view, payment, info, card, {field: f"err_{field}"}, status=422)
            return card_form(view, payment, info, card, message=exc.message, status=422)
        if result.outcome == "needs_3ds" and result.challenge_id:
            display = {
                "shop": info.shop_name,
                "invoice": info.invoice_id,
                "amount": format_amount(info.amount, info.currency),
                "card": mask_pan(card.pan),
            }
            return three_ds_page(view, payment, result.challenge_id, display)
        return _finish(view, payment, result)

    async def three_ds(request: Request) -> Response:
        form = await request.form()
        short = form_text(form, "isShortForm") == "true"
        try:
            payment = payment_from_params(form_text(form, "params"))
        except ParamsError as exc:
            return error_page(make_view(None, form_text(form, "lang"), short), exc.text_key, str(exc))
        view = make_view(payment.checkout.language, form_text(form, "lang"), short)
        challenge_id = form_text(form, "challenge_id")
        display = {k[2:]: form_text(form, k) for k in ("d_shop", "d_invoice", "d_amount", "d_card")}
        code = form_text(form, "code").replace(" ", "")
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            return three_ds_page(view, payment, challenge_id, display, view.t["tds_err_code"])
        try:
            result = await state.confirm_3ds(challenge_id, code)
        except SandboxError as exc:
            return error_page(view, "error_session", exc.message)
        if result.outcome == "needs_3ds":  # the state allows another try
            return three_ds_page(view, payment, challenge_id, display, view.t["tds_err_wrong"])
        return _finish(view, payment, result)

    return [
        *(asset_route(name) for name in _ASSETS),
        Route("/payform/", page, methods=["GET"], name="payform"),
        Route("/payform/pay", pay, methods=["POST"], name="payform-pay"),
        Route("/payform/3ds", three_ds, methods=["POST"], name="payform-3ds"),
    ]
