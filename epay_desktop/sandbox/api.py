"""The ePay API routes: token, check-status, charge/cancel/refund, saved cards.

Every route goes through :meth:`Api.guarded`, which authenticates, then consumes the next
fault armed for the route's operation (see faults.py) and applies it around the handler.
The same routes are served at the root and under ``/api`` (the old test host's layout).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from collections.abc import Callable
from typing import Final

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.routing import Route

from epay_desktop.sandbox.amounts import amount_text
from epay_desktop.sandbox.amounts import parse_amount
from epay_desktop.sandbox.confirm_payment import SavedCardLinks
from epay_desktop.sandbox.confirm_payment import secure3d_json
from epay_desktop.sandbox.confirm_payment import term_url_for
from epay_desktop.sandbox.dropping import DropResponse
from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.faults import Fault
from epay_desktop.sandbox.lag import as_reported
from epay_desktop.sandbox.ledger import Ledger
from epay_desktop.sandbox.models import Order
from epay_desktop.sandbox.models import PostLinks
from epay_desktop.sandbox.oauth import issue_token
from epay_desktop.sandbox.render import JSONResponse
from epay_desktop.sandbox.render import error_response
from epay_desktop.sandbox.render import read_json
from epay_desktop.sandbox.state import Checkout
from epay_desktop.sandbox.state import SandboxState
from epay_desktop.sandbox.tokens import Token
from epay_desktop.sandbox.tokens import TokenKind
from epay_desktop.sandbox.views import card_json
from epay_desktop.sandbox.views import card_pay_json
from epay_desktop.sandbox.views import status_json

__all__ = ["Api"]

Handler = Callable[[Request, Token | None], Awaitable[Response]]
_FORM_TYPES: Final = ("application/x-www-form-urlencoded", "multipart/form-data")
_RESULT_MESSAGES: Final = {
    101: "Rejected",
    102: "No such transaction",
    103: "Error",
    107: "Operation in progress",
}


class Api:
    def __init__(self, state: SandboxState) -> None:
        self.state = state

    def routes(self) -> list[BaseRoute]:
        def route(path: str, op: str, kind: TokenKind | None, handler: Handler, method: str) -> Route:
            async def endpoint(request: Request) -> Response:
                return await self.guarded(request, op, kind, handler)

            return Route(path, endpoint, methods=[method])

        return [
            route("/oauth2/token", "token", None, self.token, "POST"),
            route("/check-status/payment/transaction/{invoice_id}", "status", "service", self.status, "GET"),
            route("/operation/{txn_id}/charge", "charge", "service", self.charge, "POST"),
            route("/operation/{txn_id}/cancel", "cancel", "service", self.cancel, "POST"),
            route("/operation/{txn_id}/refund", "refund", "service", self.refund, "POST"),
            route("/cards/{account_id}", "cards", "service", self.cards, "GET"),
            route("/card/deactivate/{card_id}", "cards", "service", self.deactivate, "POST"),
            route("/payments/cards/auth", "card_pay", "payment", self.card_pay, "POST"),
        ]

    async def guarded(
        self, request: Request, operation: str, kind: TokenKind | None, handler: Handler
    ) -> Response:
        state = self.state
        try:
            token = None
            if kind is not None:
                token = state.tokens.authenticate(request.headers.get("authorization"), kind, state.now())
            fault = state.faults.take(operation)
            early = self._early_fault(fault, token)
            if early is not None:
                return early
            request.state.fault = fault
            try:
                response = await handler(request, token)
            except SandboxError as exc:
                response = error_response(exc)
            if fault is not None and fault.kind == "delay":
                await asyncio.sleep(float(fault.value))
            if fault is not None and fault.kind == "hold":
                await state.faults.holds.hold(operation, fault.value)
            if fault is not None and fault.kind == "drop_after_apply":
                return DropResponse()
            if fault is not None and fault.kind == "code_in_200_applied" and response.status_code == 200:
                return _code_in_200(fault, "the operation was applied")
            return response
        except SandboxError as exc:
            return error_response(exc)

    def _early_fault(self, fault: Fault | None, token: Token | None) -> Response | None:
        """Faults that answer instead of applying the operation."""
        if fault is None:
            return None
        if fault.kind == "expire_token" and token is not None:
            self.state.tokens.revoke(token)
            raise SandboxError(Code.TOKEN_EXPIRED, "access token has expired", 401)
        if fault.kind == "http_status":
            status = int(fault.value)
            return JSONResponse({"code": int(Code.INJECTED), "message": f"injected HTTP {status}"}, status)
        if fault.kind == "drop_before_apply":
            return DropResponse()
        if fault.kind == "code_in_200":
            return _code_in_200(fault, "the operation was not applied")
        if fault.kind == "result_code":
            code = int(fault.value)
            return JSONResponse(
                {"resultCode": str(code), "resultMessage": _RESULT_MESSAGES.get(code, "Error")}
            )
        return None

    # -- handlers -------------------------------------------------------------------------

    async def token(self, request: Request, _: Token | None) -> Response:
        content_type = request.headers.get("content-type", "").lower()
        if not content_type.startswith(_FORM_TYPES):
            raise SandboxError(Code.NOT_FORM_DATA, "send the token request as form data, not JSON")
        try:
            async with request.form() as form:
                fields = {k: v for k, v in form.items() if isinstance(v, str)}
        except HTTPException:
            raise SandboxError(Code.NOT_FORM_DATA, "malformed form data") from None
        return JSONResponse(issue_token(self.state, fields).response())

    async def status(self, request: Request, token: Token | None) -> Response:
        assert token is not None
        txn = self.state.ledger.by_invoice(token.terminal_id, request.path_params["invoice_id"])
        if txn is None:
            return JSONResponse({"resultCode": "102", "resultMessage": "No such transaction"})
        cfg = self.state.config
        fault: Fault | None = getattr(request.state, "fault", None)
        oddity = fault.name if fault is not None and fault.kind == "status_oddity" else ""
        shown = as_reported(txn, cfg.status_lag, self.state.now())
        return JSONResponse(status_json(shown, cfg, oddity))

    async def charge(self, request: Request, token: Token | None) -> Response:
        assert token is not None
        txn = self.state.ledger.get(request.path_params["txn_id"], token.terminal_id)
        query = _query_amount(request)
        body = await read_json(request, allow_empty=True)
        raw = body.get("amount") if isinstance(body, dict) else None
        in_body = parse_amount(raw) if raw is not None else None
        if query is not None and in_body is not None and query != in_body:
            raise SandboxError(Code.AMOUNTS_DIFFER, "amount in the query and in the body differ")
        Ledger.charge(txn, query if query is not None else in_body, self.state.now())
        return JSONResponse({"code": 0, "message": "charged"})

    async def cancel(self, request: Request, token: Token | None) -> Response:
        assert token is not None
        txn = self.state.ledger.get(request.path_params["txn_id"], token.terminal_id)
        Ledger.cancel(txn, self.state.now())
        return JSONResponse({"code": 0, "message": "cancelled"})

    async def refund(self, request: Request, token: Token | None) -> Response:
        assert token is not None
        txn = self.state.ledger.get(request.path_params["txn_id"], token.terminal_id)
        params = request.query_params
        external_id = params.get("externalID") or params.get("externalId") or ""
        Ledger.refund(txn, _query_amount(request), external_id, self.state.now())
        return JSONResponse({"code": 0, "message": "refunded"})

    async def cards(self, request: Request, token: Token | None) -> Response:
        assert token is not None
        cfg = self.state.config
        cards = self.state.cards.active_for(request.path_params["account_id"], token.terminal_id)
        if not cards:
            return JSONResponse({"code": int(Code.NO_CARDS), "message": "no saved cards for this account"})
        return JSONResponse([card_json(card, cfg) for card in cards])

    async def deactivate(self, request: Request, token: Token | None) -> Response:
        assert token is not None
        self.state.cards.deactivate(request.path_params["card_id"], token.terminal_id)
        return JSONResponse({"status": "card successfully deactivated"})

    async def card_pay(self, request: Request, token: Token | None) -> Response:
        assert token is not None
        body = await read_json(request)
        if not isinstance(body, dict):
            raise SandboxError(Code.BAD_JSON, "request body must be a JSON object")
        card = body.get("cardId")
        if body.get("paymentType") != "cardId" or not isinstance(card, dict) or not card.get("id"):
            raise SandboxError(Code.BAD_PAYMENT_TYPE, 'send paymentType "cardId" and cardId {"id": ...}')
        amount = body.get("amount")

        def text(key: str) -> str:
            return str(body.get(key) or "")

        checkout = Checkout(
            invoice_id=str(body.get("invoiceId") or token.invoice_id),
            access_token=token.access_token,
            amount=str(amount) if amount is not None else amount_text(token.amount),
            currency=str(body.get("currency") or token.currency),
            terminal=str(body.get("terminalId") or token.terminal_id),
            order=Order.read(text),
            post_links=PostLinks.read(text),
        )
        term_url = term_url_for(request, token.access_token)
        links = SavedCardLinks(
            str(body.get("backLink") or ""), str(body.get("failureBackLink") or ""), checkout.order.language
        )
        paid = await self.state.pay_with_saved_card(
            checkout, str(card["id"]), term_url=term_url, context=links
        )
        answer = card_pay_json(paid.txn)
        answer["secure3D"] = secure3d_json(self.state, request, paid, term_url)
        return JSONResponse(answer)


def _code_in_200(fault: Fault, what: str) -> Response:
    """HTTP 200 whose body says no: ``{"code": <non-zero>, "message": ...}`` (decision 0031)."""
    code = int(fault.value)
    return JSONResponse({"code": code, "message": f"injected code {code} in HTTP 200; {what}"})


def _query_amount(request: Request) -> int | None:
    raw = request.query_params.get("amount")
    return None if raw is None or raw == "" else parse_amount(raw)
