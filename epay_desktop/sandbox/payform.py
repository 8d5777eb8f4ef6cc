"""The customer-facing side of the sandbox: ``payment-api.js`` and the hosted card page.

Routes (all under ``/payform/``, mirroring ``epay.homebank.kz/payform/``):

* ``GET  payment-api.js`` - the merchant-side script (``halyk.pay``, ``halyk.showPaymentWidget``, ...).
* ``GET  ?params=...[&isShortForm=true]`` - the card page. ``params`` is the payment object flattened to a
  query string and packed with LZ-String (see :mod:`epay_desktop.payform.codec`); ``auth`` inside it is
  the whole token response, itself a query string.
* ``POST pay`` - the card form. Approved: 303 to ``backLink`` (full page) or a small page that posts
  ``{"success": true}`` to the parent (short form, i.e. the widget's iframe). Declined with attempts left
  (config.max_attempts) and the token alive: the declined page ("attempts left: N", back to a fresh form,
  "Finish"); the last decline: 303 to ``failureBackLink`` or ``{"success": false}``. 3-D Secure: a form
  that posts ``MD``/``PaReq``/``TermUrl`` to the issuer's ACS (acs.py; another origin when served).
* ``POST 3ds`` - TermUrl: the ACS posts ``PaRes``/``MD`` here; finishes like ``pay``.
* ``GET  finish`` - the declined page's "Finish" where there is no failureBackLink to go to (and the widget).
* ``GET  payform.css`` / ``payform.js`` - the page's own assets.

The page never decides an outcome; it hands the card to :class:`SandboxState`, which owns the ledger and the
postLink calls. The payment object is not trusted either: every POST re-validates it against the token.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Final

from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.routing import Route

from epay_desktop.payform.codec import ParamsError
from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.payform_input import Payment
from epay_desktop.sandbox.payform_input import card_errors
from epay_desktop.sandbox.payform_input import card_from_form
from epay_desktop.sandbox.payform_input import form_text
from epay_desktop.sandbox.payform_input import language_hint
from epay_desktop.sandbox.payform_input import payment_from_params
from epay_desktop.sandbox.payform_input import safe_link
from epay_desktop.sandbox.payform_pages import View
from epay_desktop.sandbox.payform_pages import acs_redirect_page
from epay_desktop.sandbox.payform_pages import asset
from epay_desktop.sandbox.payform_pages import card_form
from epay_desktop.sandbox.payform_pages import declined_page
from epay_desktop.sandbox.payform_pages import error_page
from epay_desktop.sandbox.payform_pages import make_view
from epay_desktop.sandbox.payform_pages import result_page
from epay_desktop.sandbox.render import origin
from epay_desktop.sandbox.state import AttemptResult
from epay_desktop.sandbox.state import CheckoutInfo
from epay_desktop.sandbox.state import SandboxError
from epay_desktop.sandbox.state import SandboxState

__all__ = ["routes"]

log = logging.getLogger(__name__)

_ASSETS: Final = {
    "payment-api.js": "application/javascript; charset=utf-8",
    "payform.js": "application/javascript; charset=utf-8",
    "payform.css": "text/css; charset=utf-8",
}
_ERROR_TEXT: Final[dict[int, str]] = {
    Code.ATTEMPTS_EXCEEDED: "error_attempts",
    Code.INVOICE_FINAL: "error_paid",
}
_FIELD_OF_CODE: Final[dict[int, str]] = {
    Code.BAD_CARD_NUMBER: "pan",
    Code.BAD_EXPIRY: "expiry",
    Code.BAD_CVC: "cvc",
}


@dataclass(frozen=True)
class _PageContext:
    """Kept with a 3-D Secure challenge so TermUrl can finish the page the customer started."""

    raw_params: str
    lang: str
    short: bool


def _finish(view: View, payment: Payment, result: AttemptResult) -> Response:
    success = result.outcome == "approved"
    log.info(
        "event=payform_result invoice=%s outcome=%s attempts_left=%s short=%s",
        result.invoice_id, result.outcome, result.attempts_left, view.short,
    )  # fmt: skip
    if not success and result.attempts_left > 0:
        # The bank's page offers "to the payment form" while attempts are left and the token lives.
        return declined_page(view, payment, result.reason_code, result.attempts_left)
    return _final(view, payment, success)


def _final(view: View, payment: Payment, success: bool) -> Response:
    target = payment.back_link if success else (payment.failure_back_link or payment.back_link)
    link = safe_link(target)
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
        view = make_view(payment.checkout.order.language, lang, short)
        try:
            info = state.validate_checkout(payment.checkout)
        except SandboxError as exc:
            log.info("event=payform_refused invoice=%s code=%s", payment.checkout.invoice_id, exc.code)
            return error_page(view, _ERROR_TEXT.get(exc.code, "error_session"), exc.message)
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
        term_url = f"{origin(request)}/payform/3ds"
        context = _PageContext(payment.raw_params, view.lang, view.short)
        try:
            result = await state.submit_card(payment.checkout, card, term_url=term_url, context=context)
        except SandboxError as exc:
            # The state's own format checks (840-842) land on the field they are about.
            field = _FIELD_OF_CODE.get(exc.code)
            if field is not None:
                return card_form(view, payment, info, card, {field: f"err_{field}"}, status=422)
            if exc.code in _ERROR_TEXT:
                return error_page(view, _ERROR_TEXT[exc.code], exc.message)
            return card_form(view, payment, info, card, message=exc.message, status=422)
        if result.outcome == "needs_3ds" and result.challenge_id and result.pa_req:
            # A top-level form POST to the issuer's ACS (another origin), as the real gateway does.
            fields = {"MD": result.challenge_id, "PaReq": result.pa_req, "TermUrl": term_url}
            return acs_redirect_page(view, state.acs_url(origin(request)), fields)
        return _finish(view, payment, result)

    async def three_ds(request: Request) -> Response:
        """TermUrl: the ACS posts ``PaRes`` and ``MD`` here; the attempt ends and the page goes on."""
        form = await request.form()
        md, pa_res = form_text(form, "MD"), form_text(form, "PaRes")
        context = state.challenge_context(md)
        if not isinstance(context, _PageContext):
            log.info("event=payform_term_refused reason=unknown_md")
            return error_page(make_view(None, None, False), "error_session", "unknown 3-D Secure answer")
        try:
            payment = payment_from_params(context.raw_params)
        except ParamsError as exc:
            return error_page(make_view(None, context.lang, context.short), exc.text_key, str(exc))
        view = make_view(payment.checkout.order.language, context.lang, context.short)
        try:
            result = await state.finish_3ds(md, pa_res)
        except SandboxError as exc:
            return error_page(view, "error_session", exc.message)
        return _finish(view, payment, result)

    async def finish(request: Request) -> Response:
        """The declined page's "Finish": the customer gives up (failureBackLink, or the widget's result)."""
        q = request.query_params
        short = q.get("isShortForm") == "true"
        try:
            payment = payment_from_params(q.get("params"))
        except ParamsError as exc:
            return error_page(make_view(language_hint(q.get("params")), q.get("lang"), short), exc.text_key)
        return _final(make_view(payment.checkout.order.language, q.get("lang"), short), payment, False)

    return [
        *(asset_route(name) for name in _ASSETS),
        Route("/payform/", page, methods=["GET"], name="payform"),
        Route("/payform/pay", pay, methods=["POST"], name="payform-pay"),
        Route("/payform/3ds", three_ds, methods=["POST"], name="payform-3ds"),
        Route("/payform/finish", finish, methods=["GET"], name="payform-finish"),
    ]
