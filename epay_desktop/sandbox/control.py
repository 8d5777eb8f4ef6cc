"""The control API under ``/sandbox``: ledger, simulated customer payments, faults, reset,
and refunds made as in the bank's merchant cabinet (outside any console).

For tests, demos and training; documented in docs/sandbox.md. It needs no token: the
sandbox listens on loopback only.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Mapping
from decimal import Decimal
from decimal import InvalidOperation
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.routing import Route

from epay_desktop.sandbox.amounts import amount_text
from epay_desktop.sandbox.amounts import parse_amount
from epay_desktop.sandbox.config import SandboxConfig
from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.faults import KINDS
from epay_desktop.sandbox.faults import MAX_FAULT_HOLD
from epay_desktop.sandbox.faults import OPERATIONS
from epay_desktop.sandbox.faults import FaultBook
from epay_desktop.sandbox.faults import parse_fault
from epay_desktop.sandbox.ledger import Ledger
from epay_desktop.sandbox.ledger import Transaction
from epay_desktop.sandbox.models import Order
from epay_desktop.sandbox.models import PostLinks
from epay_desktop.sandbox.render import JSONResponse
from epay_desktop.sandbox.render import error_response
from epay_desktop.sandbox.render import read_json
from epay_desktop.sandbox.state import CardInput
from epay_desktop.sandbox.state import Checkout
from epay_desktop.sandbox.state import SandboxState
from epay_desktop.sandbox.views import attempt_json
from epay_desktop.sandbox.views import control_json

__all__ = ["MAX_HELD_COUNT", "MAX_STATUS_LAG", "Endpoint", "control_routes", "control_table", "fault_routes"]

#: A control route's handler.
Endpoint = Callable[[Request], Awaitable[Response]]
#: The longest status lag the control API accepts, in seconds (a day; the CLI flag has no limit).
MAX_STATUS_LAG: Final = 86400
#: The most held answers ``GET /sandbox/held?atLeast=N`` may wait for.
MAX_HELD_COUNT: Final = 1000


def control_routes(state: SandboxState) -> list[BaseRoute]:
    started_with = state.config

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

    async def get_options(request: Request) -> Response:
        return JSONResponse(_options_json(state))

    async def set_options(request: Request) -> Response:
        try:
            state.config = _with_options(state.config, await read_json(request))
        except SandboxError as exc:
            return error_response(exc)
        return JSONResponse(_options_json(state))

    async def tokens(request: Request) -> Response:
        return JSONResponse({kind: state.tokens.issued(kind) for kind in ("service", "payment")})

    async def reset(request: Request) -> Response:
        tokens = request.query_params.get("tokens", "") in ("1", "true", "yes")
        state.reset(tokens=tokens)
        state.config = started_with
        return JSONResponse({"status": "reset", "tokensCleared": tokens})

    return [
        Route("/sandbox/transactions", transactions, methods=["GET"]),
        Route("/sandbox/pay", pay, methods=["POST"]),
        Route("/sandbox/pay/3ds", pay_3ds, methods=["POST"]),
        Route("/sandbox/transactions/{txn_id}/refund", cabinet_refund, methods=["POST"]),
        Route("/sandbox/invoices/{invoice_id}/refund", cabinet_refund, methods=["POST"]),
        *fault_routes(state.faults),
        Route("/sandbox/options", get_options, methods=["GET"]),
        Route("/sandbox/options", set_options, methods=["PATCH", "POST"]),
        Route("/sandbox/tokens", tokens, methods=["GET"]),
        Route("/sandbox/reset", reset, methods=["POST"]),
    ]


def fault_routes(
    faults: FaultBook, operations: tuple[str, ...] = OPERATIONS, kinds: tuple[str, ...] = KINDS
) -> list[BaseRoute]:
    """``/sandbox/faults`` (GET, POST, DELETE), ``/sandbox/held`` and ``/sandbox/release`` on ``faults``,
    for a sandbox whose calls are named ``operations`` and whose faults are of ``kinds``."""

    async def list_faults(request: Request) -> Response:
        return JSONResponse([fault.to_json() for fault in faults.active()])

    async def add_fault(request: Request) -> Response:
        try:
            fault = parse_fault(await read_json(request), operations, kinds)
        except SandboxError as exc:
            return error_response(exc)
        faults.add(fault)
        return JSONResponse(fault.to_json(), status_code=201)

    async def clear_faults(request: Request) -> Response:
        faults.clear()
        return JSONResponse({"status": "faults cleared"})

    async def held(request: Request) -> Response:
        """The answers ``hold`` faults keep back now; with ``wait``, waits until ``atLeast`` are held."""
        try:
            operation, count, wait = _held_query(request.query_params, operations)
        except SandboxError as exc:
            return error_response(exc)
        if wait > 0:
            try:
                await asyncio.to_thread(faults.holds.wait_held, operation, count, wait)
            except TimeoutError as exc:
                return error_response(SandboxError(Code.NOT_HELD, str(exc), 409))
        return JSONResponse([entry.to_json() for entry in faults.holds.held(operation)])

    async def release(request: Request) -> Response:
        try:
            operation, _, _ = _held_query(request.query_params, operations)
        except SandboxError as exc:
            return error_response(exc)
        return JSONResponse({"released": faults.holds.release(operation)})

    return control_table(
        ("faults", list_faults, "GET"),
        ("faults", add_fault, "POST"),
        ("faults", clear_faults, "DELETE"),
        ("held", held, "GET"),
        ("release", release, "POST"),
    )


def control_table(*rows: tuple[str, Endpoint, str]) -> list[BaseRoute]:
    """Control routes from ``(path under /sandbox/, endpoint, method)`` rows."""
    return [Route(f"/sandbox/{path}", endpoint, methods=[method]) for path, endpoint, method in rows]


def _held_query(query: Mapping[str, str], operations: tuple[str, ...]) -> tuple[str | None, int, float]:
    """``operation`` (none: all), ``atLeast`` (1) and ``wait`` (0 s) of a held/release call; 850 if bad."""
    unknown = set(query) - {"operation", "atLeast", "wait"}
    if unknown:
        raise SandboxError(Code.BAD_FAULT, f"unknown parameter {', '.join(sorted(unknown))}")
    operation = query.get("operation") or None
    if operation is not None and operation not in operations:
        raise SandboxError(Code.BAD_FAULT, f"operation must be one of {', '.join(operations)}")
    raw_count = query.get("atLeast", "1")
    if not (
        len(raw_count) <= 6
        and raw_count.isascii()
        and raw_count.isdecimal()
        and 1 <= int(raw_count) <= MAX_HELD_COUNT
    ):
        raise SandboxError(Code.BAD_FAULT, f"atLeast must be a whole number from 1 to {MAX_HELD_COUNT}")
    raw_wait = query.get("wait", "0")
    try:
        wait = Decimal(raw_wait) if len(raw_wait) <= 20 else Decimal("NaN")
    except InvalidOperation:
        wait = Decimal("NaN")
    if not wait.is_finite() or not 0 <= wait <= MAX_FAULT_HOLD:
        raise SandboxError(Code.BAD_FAULT, f"wait must be seconds from 0 to {MAX_FAULT_HOLD}")
    return operation, int(raw_count), float(wait)


def _options_json(state: SandboxState) -> dict[str, object]:
    cfg = state.config
    return {
        "statusLag": Decimal(str(cfg.status_lag)).normalize(),
        "refundStatusAfterPartial": cfg.refund_status_after_partial,
    }


def _with_options(cfg: SandboxConfig, body: object) -> SandboxConfig:
    """``cfg`` with the options a running sandbox may change: ``statusLag``, ``refundStatusAfterPartial``."""
    if not isinstance(body, dict):
        raise SandboxError(Code.BAD_OPTION, "options must be a JSON object")
    unknown = set(body) - {"statusLag", "refundStatusAfterPartial"}
    if unknown:
        raise SandboxError(
            Code.BAD_OPTION,
            f"unknown option {', '.join(sorted(unknown))}; use statusLag and refundStatusAfterPartial",
        )
    lag, flag = cfg.status_lag, cfg.refund_status_after_partial
    if "statusLag" in body:
        raw = body["statusLag"]
        if isinstance(raw, bool) or not isinstance(raw, int | Decimal) or not 0 <= raw <= MAX_STATUS_LAG:
            raise SandboxError(Code.BAD_OPTION, f"statusLag must be seconds from 0 to {MAX_STATUS_LAG}")
        lag = float(raw)
    if "refundStatusAfterPartial" in body:
        flag = body["refundStatusAfterPartial"]
        if not isinstance(flag, bool):
            raise SandboxError(Code.BAD_OPTION, "refundStatusAfterPartial must be true or false")
    return dataclasses.replace(cfg, status_lag=lag, refund_status_after_partial=flag)


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
        order=Order.read(text),
        card_save=body.get("cardSave") is True,
        post_links=PostLinks.read(text),
    )
