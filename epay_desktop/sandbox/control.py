"""The control API under ``/sandbox``: ledger, simulated customer payments, faults, reset,
and refunds made as in the bank's merchant cabinet (outside any console).

For tests, demos and training; documented in docs/sandbox.md. It needs no token: the
sandbox listens on loopback only.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from .amounts import amount_text, parse_amount
from .errors import Code, SandboxError
from .faults import parse_fault
from .ledger import Ledger, Transaction
from .render import JSONResponse, error_response, read_json
from .state import CardInput, Checkout, SandboxState
from .views import attempt_json, control_json

__all__ = ["control_routes"]


def control_routes(state: SandboxState) -> list[BaseRoute]:
    async def transactions(request: Request) -> Response:
        state.now()  # lets expired holds show as CANCEL_OLD
        return JSONResponse([control_json(txn) for txn in state.ledger.all()])

    async def pay(request: Request) -> Response:
        try:
            body = await read_json(request)
            if not isinstance(body, dict):
                raise SandboxError(Code.BAD_JSON, "request body must be a JSON object")
            checkout = _checkout_for(state, body)
            card = CardInput(
                pan=str(body.get("pan", "")),
                expiry=str(body.get("expiry", "")),
                cvc=str(body.get("cvc", "")),
                name=str(body.get("name", "")),
            )
            result = await state.submit_card(checkout, card)
            code = body.get("threeDSCode")
            if result.outcome == "needs_3ds" and result.challenge_id and code is not None:
                result = await state.confirm_3ds(result.challenge_id, str(code))
            return JSONResponse(attempt_json(result))
        except SandboxError as exc:
            return error_response(exc)

    async def pay_3ds(request: Request) -> Response:
        try:
            body = await read_json(request)
            if not isinstance(body, dict):
                raise SandboxError(Code.BAD_JSON, "request body must be a JSON object")
            result = await state.confirm_3ds(str(body.get("challengeId", "")), str(body.get("code", "")))
            return JSONResponse(attempt_json(result))
        except SandboxError as exc:
            return error_response(exc)

    async def cabinet_refund(request: Request) -> Response:
        """A refund made in the bank's merchant cabinet: no externalID, same rules as the API's."""
        try:
            now = state.now()
            txn = _find(state, request.path_params)
            raw = request.query_params.get("amount")
            amount = None if raw is None or raw == "" else parse_amount(raw)
            Ledger.refund(txn, amount, "", now)
            return JSONResponse(control_json(txn))
        except SandboxError as exc:
            return error_response(exc)

    async def list_faults(request: Request) -> Response:
        return JSONResponse([fault.to_json() for fault in state.faults.active()])

    async def add_fault(request: Request) -> Response:
        try:
            fault = parse_fault(await read_json(request))
        except SandboxError as exc:
            return error_response(exc)
        state.faults.add(fault)
        return JSONResponse(fault.to_json(), status_code=201)

    async def clear_faults(request: Request) -> Response:
        state.faults.clear()
        return JSONResponse({"status": "faults cleared"})

    async def reset(request: Request) -> Response:
        tokens = request.query_params.get("tokens", "") in ("1", "true", "yes")
        state.reset(tokens=tokens)
        return JSONResponse({"status": "reset", "tokensCleared": tokens})

    return [
        Route("/sandbox/transactions", transactions, methods=["GET"]),
        Route("/sandbox/pay", pay, methods=["POST"]),
        Route("/sandbox/pay/3ds", pay_3ds, methods=["POST"]),
        Route("/sandbox/transactions/{txn_id}/refund", cabinet_refund, methods=["POST"]),
        Route("/sandbox/invoices/{invoice_id}/refund", cabinet_refund, methods=["POST"]),
        Route("/sandbox/faults", list_faults, methods=["GET"]),
        Route("/sandbox/faults", add_fault, methods=["POST"]),
        Route("/sandbox/faults", clear_faults, methods=["DELETE"]),
        Route("/sandbox/reset", reset, methods=["POST"]),
    ]


def _find(state: SandboxState, params: dict[str, str]) -> Transaction:
    """The transaction named by ``txn_id``, or the one check-status shows for ``invoice_id``."""
    if "txn_id" in params:
        found = [t for t in state.ledger.all() if t.id == params["txn_id"]]
        what = f"transaction {params['txn_id']!r}"
    else:
        invoice_id = params["invoice_id"]
        txn = state.ledger.by_invoice(state.config.terminal_id, invoice_id)
        found = [] if txn is None else [txn]
        what = f"invoice {invoice_id!r}"
    if not found:
        raise SandboxError(Code.NO_TRANSACTION, f"no transaction for {what}", 404)
    return found[-1]


def _checkout_for(state: SandboxState, body: dict[str, object]) -> Checkout:
    """The checkout the hosted page would have: from the latest payment token of the invoice."""
    invoice_id = str(body.get("invoiceId", ""))
    token = state.tokens.latest_payment(state.config.terminal_id, invoice_id)
    if token is None:
        raise SandboxError(
            Code.NO_PAYMENT_TOKEN, f"no payment token was issued for invoice {invoice_id!r}", 409
        )

    def text(name: str) -> str:
        value = body.get(name)
        return "" if value is None else str(value)

    return Checkout(
        invoice_id=invoice_id,
        access_token=token.access_token,
        amount=amount_text(token.amount),
        currency=token.currency,
        terminal=token.terminal_id,
        description=text("description"),
        account_id=text("accountId"),
        email=text("email"),
        phone=text("phone"),
        name=text("name"),
        language=text("language") or "rus",
        card_save=body.get("cardSave") is True,
        data=text("data"),
        post_link=text("postLink"),
        failure_post_link=text("failurePostLink"),
    )
