"""The fiscal sandbox as one Starlette application: the provider's v4 routes and the control API.

Provider routes (all ``POST`` with a JSON body; header ``x-api-key`` on every one): ``/api/v4/Authorize``,
``/api/v4/check``, ``/api/v4/XReport``, ``/api/v4/ZReport``, ``/api/v4/ZReport/ByShiftNumber``,
``/api/v4/Ticket/PrintFormat``, ``/api/v4/Check/History``, ``/api-portal/cashbox/state``; and
``GET /spa-ui/ticket`` (the printable page). Answers: ``{"Data": ...}`` or
``{"Errors": [{"Code", "Text"}]}`` (with ``Data`` for error 14).

Control API under ``/sandbox`` (loopback clients only): faults (shared with the gateway sandbox:
``/sandbox/faults``, ``/sandbox/held``, ``/sandbox/release``), ``/sandbox/clock``, ``/sandbox/shift/expire``,
``/sandbox/offline``, ``/sandbox/tokens/expire``, ``/sandbox/checks``, ``/sandbox/state``,
``/sandbox/reset`` (docs/fiscal-sandbox.md).
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Awaitable
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import Final

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.routing import Route
from starlette.types import ASGIApp
from starlette.types import Receive
from starlette.types import Scope
from starlette.types import Send

from epay_desktop.domain.hosts import is_loopback_host
from epay_desktop.sandbox.control import control_table
from epay_desktop.sandbox.control import fault_routes
from epay_desktop.sandbox.dropping import DropResponse
from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.faults import FaultBook
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.checks import Fields
from epay_desktop.sandbox.fiscal.checks import read_check
from epay_desktop.sandbox.fiscal.register import OFFLINE_LIMIT
from epay_desktop.sandbox.fiscal.register import ErrorCode
from epay_desktop.sandbox.fiscal.register import FiscalError
from epay_desktop.sandbox.fiscal.register import Receipt
from epay_desktop.sandbox.fiscal.register import Register
from epay_desktop.sandbox.fiscal.views import LANGUAGES
from epay_desktop.sandbox.fiscal.views import cashbox_state_json
from epay_desktop.sandbox.fiscal.views import history_json
from epay_desktop.sandbox.fiscal.views import print_lines
from epay_desktop.sandbox.fiscal.views import receipt_json
from epay_desktop.sandbox.fiscal.views import report_json
from epay_desktop.sandbox.fiscal.views import stamp
from epay_desktop.sandbox.render import JSONResponse
from epay_desktop.sandbox.render import error_response
from epay_desktop.sandbox.render import origin
from epay_desktop.sandbox.render import read_json

__all__ = ["FAULT_KINDS", "OPERATIONS", "FiscalSandbox", "create_app"]

#: The calls a fault may be armed for.
OPERATIONS: Final = ("authorize", "check", "x_report", "z_report", "print_format", "history", "state")
#: ``drop_after_apply`` is the lost answer (registered, no reply); ``hold`` the timeout; ``http_status``
#: a 5xx without registering; ``drop_before_apply`` a connection lost before the register saw it.
FAULT_KINDS: Final = ("delay", "hold", "http_status", "drop_before_apply", "drop_after_apply")
_MOST_CLOCK_STEP: Final = 366 * 24 * 3600

Handler = Callable[[Fields, Request], Awaitable[object]]


class FiscalSandbox:
    """The register and the faults armed for it: what the app serves and the control API changes."""

    def __init__(self, register: Register | None = None) -> None:
        self.register = register or Register()
        self.faults = FaultBook()


def _errors(exc: FiscalError) -> Response:
    body: dict[str, object] = {"Errors": [{"Code": int(exc.code), "Text": exc.text}]}
    if exc.data is not None:
        body["Data"] = exc.data
    return JSONResponse(body, status_code=exc.http_status)


def _api_key(request: Request) -> None:
    key = request.headers.get("x-api-key")
    if not key:
        raise FiscalError(ErrorCode.NOT_AUTHORIZED, "API KEY not given", http_status=401)
    if key != API_KEY:
        raise FiscalError(ErrorCode.NOT_AUTHORIZED, "API-key missing or not found", http_status=401)


def _cashbox(body: Fields) -> None:
    if body.get("CashboxUniqueNumber") != CASHBOX:
        raise FiscalError(
            ErrorCode.CASHBOX_NOT_FOUND, "Касса не зарегистрирована в системе или не доступна пользователю"
        )


def _languages(request: Request) -> tuple[str, ...]:
    first = request.headers.get("accept-language", "kk-KZ")
    second = request.headers.get("secondary-language", "ru-RU" if first != "ru-RU" else "kk-KZ")
    chosen = tuple(lang for lang in (first, second) if lang in LANGUAGES)
    return chosen or ("kk-KZ", "ru-RU")


class _Routes:
    def __init__(self, sandbox: FiscalSandbox) -> None:
        self.sandbox = sandbox
        self.register = sandbox.register

    def routes(self) -> list[BaseRoute]:
        def route(path: str, operation: str, handler: Handler, *, token: bool = True) -> Route:
            async def endpoint(request: Request) -> Response:
                return await self.guarded(request, operation, handler, token)

            return Route(path, endpoint, methods=["POST"])

        return [
            route("/api/v4/Authorize", "authorize", self.authorize, token=False),
            route("/api/v4/check", "check", self.check),
            route("/api/v4/XReport", "x_report", self.x_report),
            route("/api/v4/ZReport", "z_report", self.z_report),
            route("/api/v4/ZReport/ByShiftNumber", "history", self.z_by_shift),
            route("/api/v4/Ticket/PrintFormat", "print_format", self.print_format),
            route("/api/v4/Check/History", "history", self.history),
            route("/api-portal/cashbox/state", "state", self.cashbox_state),
            Route("/spa-ui/ticket", self.ticket_page, methods=["GET"]),
        ]

    async def guarded(self, request: Request, operation: str, handler: Handler, token: bool) -> Response:
        """Key, token, the armed fault, then the handler's ``Data`` (or its ``Errors``)."""
        fault = None
        response: Response
        try:
            _api_key(request)
            try:
                body = Fields(await read_json(request))
            except SandboxError:
                raise FiscalError(
                    ErrorCode.VALIDATION, "Ошибка валидации: тело запроса не JSON", http_status=400
                ) from None
            if token:
                self.register.check_token(body.get("Token"))
            fault = self.sandbox.faults.take(operation)
            if fault is not None and fault.kind == "http_status":
                status = int(fault.value)
                return JSONResponse({"Errors": [{"Code": -1, "Text": f"injected HTTP {status}"}]}, status)
            if fault is not None and fault.kind == "drop_before_apply":
                return DropResponse()
            with self.register.lock:
                response = JSONResponse({"Data": await handler(body, request)})
        except FiscalError as exc:
            response = _errors(exc)
        if fault is not None and fault.kind == "delay":
            await asyncio.sleep(float(fault.value))
        if fault is not None and fault.kind == "hold":
            await self.sandbox.faults.holds.hold(operation, fault.value)
        if fault is not None and fault.kind == "drop_after_apply":
            return DropResponse()
        return response

    # -- the provider's calls --------------------------------------------------------------------

    async def authorize(self, body: Fields, request: Request) -> object:
        login, password = body.get("Login"), body.get("Password")
        if not isinstance(login, str) or not isinstance(password, str):
            raise FiscalError(
                ErrorCode.VALIDATION, "Ошибка валидации: Login и Password обязательны", http_status=400
            )
        return {"Token": self.register.authorize(login, password)}

    async def check(self, body: Fields, request: Request) -> object:
        _cashbox(body)
        register = self.register
        external = body.get("ExternalCheckNumber")
        if isinstance(external, str) and external in register.by_external:
            stored = register.by_external[external]
            try:
                register.duplicate(external)
            except FiscalError as exc:
                exc.data = receipt_json(stored, register, origin(request))
                raise
        wanted = read_check(body)
        register.may_register()
        original = register.original(wanted.basis, wanted.operation) if wanted.basis is not None else None
        if original is not None and register.returned_before(original) + wanted.total > original.total:
            raise FiscalError(
                ErrorCode.VALIDATION,
                f"Ошибка валидации: сумма возвратов больше итога чека-основания {original.total} "
                f"(уже возвращено {register.returned_before(original)})",
                http_status=400,
            )
        receipt = register.register(wanted.receipt)
        return receipt_json(receipt, register, origin(request))

    async def x_report(self, body: Fields, request: Request) -> object:
        _cashbox(body)
        shift = self.register.report_shift(close=False)
        return report_json(shift, self.register, self.register.reports)

    async def z_report(self, body: Fields, request: Request) -> object:
        _cashbox(body)
        shift = self.register.report_shift(close=True)
        return report_json(shift, self.register, shift.z_number)

    async def z_by_shift(self, body: Fields, request: Request) -> object:
        _cashbox(body)
        shift = self.register.shift(body.get("ShiftNumber"))
        if shift.closed is None:
            raise FiscalError(ErrorCode.SHIFT_NOT_FOUND, f"Смена {shift.number} еще не закрыта")
        return report_json(shift, self.register, shift.z_number)

    async def print_format(self, body: Fields, request: Request) -> object:
        _cashbox(body)
        receipt = self._by_external(body.get("ExternalCheckNumber"))
        paper = body.whole("PaperKind", tuple(range(15)), default=0)
        shown = replace(receipt, paper_kind=paper)
        return {"Lines": print_lines(shown, _languages(request))}

    async def history(self, body: Fields, request: Request) -> object:
        _cashbox(body)
        shift = self.register.shift(body.get("ShiftNumber"))
        skip = body.whole("Skip", default=0)
        take = body.whole("Take", default=50)
        items = [history_json(r, self.register, origin(request)) for r in shift.receipts]
        return {"Skip": skip, "Take": take, "Total": len(items), "Items": items[skip : skip + take]}

    async def cashbox_state(self, body: Fields, request: Request) -> object:
        _cashbox(body)
        return cashbox_state_json(self.register)

    def _by_external(self, external: object) -> Receipt:
        receipt = self.register.by_external.get(external) if isinstance(external, str) else None
        if receipt is None:
            raise FiscalError(
                ErrorCode.EXTERNAL_NUMBER_NOT_FOUND, f"Чек с внешним номером {external} не найден"
            )
        return receipt

    async def ticket_page(self, request: Request) -> Response:
        """The printable page of a receipt: ``?chb=&sh=&extnum=`` (or ``&num=`` the fiscal sign)."""
        query = request.query_params
        with self.register.lock:
            found = [
                r
                for r in self.register.receipts
                if query.get("chb") == CASHBOX
                and str(r.shift) == query.get("sh")
                and (
                    r.external == query.get("extnum")
                    if "extnum" in query
                    else r.fiscal_sign == query.get("num")
                )
            ]
        if not found:
            return HTMLResponse("<p>Чек не найден</p>", status_code=404)
        rows = "".join(
            f"<pre{' class=bold' if line['Style'] else ''}>{html.escape(str(line['Value']))}</pre>"
            for line in print_lines(found[0], _languages(request))
        )
        return HTMLResponse(f"<!doctype html><meta charset=utf-8><title>{found[0].fiscal_sign}</title>{rows}")


# -- the control API ---------------------------------------------------------------------------


def _state_json(register: Register) -> dict[str, object]:
    shift = register.open_shift
    return {
        "now": register.now().isoformat(),
        "shiftNumber": shift.number if shift else None,
        "shiftOpenedAt": shift.opened.isoformat() if shift else None,
        "offline": register.offline,
        "offlineSince": register.offline_since.isoformat() if register.offline_since else None,
        "receipts": len(register.receipts),
    }


def _seconds(body: object, key: str, default: Decimal | None = None) -> Decimal:
    value = body.get(key, default) if isinstance(body, dict) else default
    if isinstance(value, bool) or not isinstance(value, int | Decimal) or not 0 <= value <= _MOST_CLOCK_STEP:
        raise SandboxError(Code.BAD_OPTION, f"{key} must be seconds from 0 to {_MOST_CLOCK_STEP}")
    return Decimal(value)


def control_routes(sandbox: FiscalSandbox) -> list[BaseRoute]:
    register = sandbox.register

    async def state(request: Request) -> Response:
        with register.lock:
            return JSONResponse(_state_json(register))

    async def checks(request: Request) -> Response:
        with register.lock:
            return JSONResponse([history_json(r, register, origin(request)) for r in register.receipts])

    async def clock(request: Request) -> Response:
        try:
            step = _seconds(await read_json(request), "advanceSeconds")
        except SandboxError as exc:
            return error_response(exc)
        register.advance(timedelta(seconds=int(step)))
        return JSONResponse(_state_json(register))

    async def expire_shift(request: Request) -> Response:
        try:
            shift = register.expire_shift()
        except FiscalError as exc:
            return error_response(SandboxError(Code.BAD_OPTION, exc.text, 409))
        return JSONResponse({**_state_json(register), "shiftOpenedAt": stamp(shift.opened)})

    async def offline(request: Request) -> Response:
        try:
            body = await read_json(request)
            if not isinstance(body, dict) or not isinstance(body.get("offline"), bool):
                raise SandboxError(Code.BAD_OPTION, 'send {"offline": true|false, "sinceSeconds": N}')
            since = _seconds(body, "sinceSeconds", Decimal(0))
        except SandboxError as exc:
            return error_response(exc)
        register.set_offline(body["offline"], timedelta(seconds=int(since)))
        return JSONResponse(
            {**_state_json(register), "offlineLimitHours": OFFLINE_LIMIT // timedelta(hours=1)}
        )

    async def expire_tokens(request: Request) -> Response:
        return JSONResponse({"expired": register.expire_tokens()})

    async def reset(request: Request) -> Response:
        register.reset()
        sandbox.faults.clear()
        return JSONResponse({"status": "reset"})

    own = control_table(
        ("state", state, "GET"),
        ("checks", checks, "GET"),
        ("clock", clock, "POST"),
        ("shift/expire", expire_shift, "POST"),
        ("offline", offline, "POST"),
        ("tokens/expire", expire_tokens, "POST"),
        ("reset", reset, "POST"),
    )
    return [*own, *fault_routes(sandbox.faults, OPERATIONS, FAULT_KINDS)]


class _LoopbackControl:
    """The control API answers only clients on this machine (403 otherwise)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        control = scope["type"] == "http" and scope["path"].startswith("/sandbox")
        if control and client and not is_loopback_host(str(client[0])):
            refusal = SandboxError(Code.BAD_OPTION, "the control API is for this machine only", 403)
            await error_response(refusal)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def create_app(sandbox: FiscalSandbox | None = None) -> Starlette:
    """The ASGI app; ``app.state.fiscal`` holds the :class:`FiscalSandbox` (shared with the caller)."""
    sandbox = sandbox or FiscalSandbox()
    routes = [*_Routes(sandbox).routes(), *control_routes(sandbox)]
    app = Starlette(routes=routes, middleware=[Middleware(_LoopbackControl)])
    app.state.fiscal = sandbox
    return app
