"""3-D Secure for saved-card payments: the ``secure3D`` answer and its TermUrl.

``POST /payments/cards/auth`` with a 3-D Secure card answers status NEW and
``secure3D: {"action": <ACS>/acs/auth, "md", "paReq", "termURL"}`` (epay-api.md sections 7, 8.4).
The client POSTs ``MD``/``PaReq``/``TermUrl`` (form-encoded) to ``action``; the ACS posts ``PaRes``/``MD``
back to ``termURL`` = ``{api}/payments/cards/confirmPayment?Access=<payment token>``, which ends the
attempt and sends the browser (303) to a URL carrying ``reference=...`` (success) or ``errorCode=...``
(failure): the payment's ``backLink`` / ``failureBackLink`` when it sent usable ones, else the gateway's
small ``/payments/cards/result`` page. The token never reaches a log line.
"""

from __future__ import annotations

import html
import logging
import secrets
from dataclasses import dataclass
from urllib.parse import quote
from urllib.parse import urlencode
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.responses import RedirectResponse
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.routing import Route

from epay_desktop.sandbox.models import AttemptResult
from epay_desktop.sandbox.models import SavedCardPayment
from epay_desktop.sandbox.payform_input import safe_link
from epay_desktop.sandbox.payform_pages import language_code
from epay_desktop.sandbox.payform_pages import texts
from epay_desktop.sandbox.render import origin
from epay_desktop.sandbox.state import SandboxError
from epay_desktop.sandbox.state import SandboxState

__all__ = ["SavedCardLinks", "confirm_payment_routes", "secure3d_json", "term_url_for"]

log = logging.getLogger(__name__)

CONFIRM_PATH = "/payments/cards/confirmPayment"
RESULT_PATH = "/payments/cards/result"


@dataclass(frozen=True)
class SavedCardLinks:
    """Kept with a saved-card 3-D Secure challenge: where TermUrl sends the browser afterwards."""

    back_link: str
    failure_back_link: str
    language: str


def _api_base(request: Request) -> str:
    """``http://host[:port][/api]``: the API root the card payment was called under."""
    path = request.url.path
    prefix = path[: -len("/payments/cards/auth")] if path.endswith("/payments/cards/auth") else ""
    return f"{origin(request)}{prefix.rstrip('/')}"


def term_url_for(request: Request, access_token: str) -> str:
    return f"{_api_base(request)}{CONFIRM_PATH}?Access={quote(access_token, safe='')}"


def secure3d_json(state: SandboxState, request: Request, paid: SavedCardPayment, term_url: str) -> object:
    """The ``secure3D`` object of the answer (null when the card needed no 3-D Secure)."""
    if not paid.md:
        return None
    acs = state.acs_url(origin(request))
    return {"action": acs, "md": paid.md, "paReq": paid.pa_req, "termURL": term_url}


def _with_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = f"{parts.query}&{urlencode(params)}" if parts.query else urlencode(params)
    return urlunsplit(parts._replace(query=query))


def _result_page(success: bool, lang: str, value: str) -> HTMLResponse:
    t = texts(language_code(lang))
    key = "ok" if success else "fail"
    label = "reference" if success else "errorCode"
    body = (
        f'<!doctype html><html lang="{html.escape(t["html_lang"])}"><head><meta charset="utf-8">'
        f"<title>{html.escape(t[f'result_{key}_title'])}</title></head><body>"
        f'<main id="result" data-success="{str(success).lower()}">'
        f"<h1>{html.escape(t[f'result_{key}_title'])}</h1><p>{html.escape(t[f'result_{key}_text'])}</p>"
        f"<p>{label}: <code>{html.escape(value)}</code></p>"
        f"<p>{html.escape(t['result_close'])}</p></main></body></html>"
    )
    headers = {"Content-Security-Policy": "default-src 'none'", "Cache-Control": "no-store"}
    return HTMLResponse(body, headers=headers)


def _error(status: int, text: str) -> HTMLResponse:
    page = '<!doctype html><meta charset="utf-8"><title>3-D Secure</title>'
    body = f'{page}<p id="error">{html.escape(text)}</p>'
    return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


def confirm_payment_routes(state: SandboxState) -> list[BaseRoute]:
    """TermUrl of the saved-card flow and its result page (served at the root and under ``/api``)."""

    async def confirm(request: Request) -> Response:
        form = await request.form()
        md, pa_res = form.get("MD"), form.get("PaRes")
        access = request.query_params.get("Access", "")
        md = md if isinstance(md, str) else ""
        pa_res = pa_res if isinstance(pa_res, str) else ""
        links = state.challenge_context(md)
        expected = state.challenge_token(md)
        if not isinstance(links, SavedCardLinks) or expected is None:
            log.info("event=confirm_payment_refused reason=unknown_md")
            return _error(404, "unknown or finished 3-D Secure challenge")
        if not secrets.compare_digest(expected, access):
            log.info("event=confirm_payment_refused reason=access_mismatch")
            return _error(401, "Access does not match this payment")
        try:
            result = await state.finish_3ds(md, pa_res)
        except SandboxError as exc:
            log.info("event=confirm_payment_refused code=%s", exc.code)
            return _error(exc.http_status, exc.message)
        return RedirectResponse(_landing(request, links, result), status_code=303)

    async def result(request: Request) -> Response:
        q = request.query_params
        if "reference" in q:
            return _result_page(True, q.get("lang", ""), q["reference"])
        return _result_page(False, q.get("lang", ""), q.get("errorCode", ""))

    return [
        Route(CONFIRM_PATH, confirm, methods=["POST"], name="confirm-payment"),
        Route(RESULT_PATH, result, methods=["GET"], name="card-payment-result"),
    ]


def _landing(request: Request, links: SavedCardLinks, result: AttemptResult) -> str:
    success = result.outcome == "approved"
    log.info("event=confirm_payment invoice=%s outcome=%s", result.invoice_id, result.outcome)
    params = {"reference": result.reference} if success else {"errorCode": str(result.reason_code)}
    target = safe_link(links.back_link if success else (links.failure_back_link or links.back_link))
    if target is not None:
        return _with_query(target, **params)
    base = request.url.path[: -len(CONFIRM_PATH)] if request.url.path.endswith(CONFIRM_PATH) else ""
    own = f"{origin(request)}{base}{RESULT_PATH}"
    return _with_query(own, **params, lang=language_code(links.language))
