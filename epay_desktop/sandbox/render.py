"""JSON in and out without floats: Decimal values are written as JSON numbers, digit for digit.

Reading is strict: ``NaN``/``Infinity`` are not JSON numbers (400/851), and arrays and objects
nested deeper than :data:`MAX_JSON_DEPTH` are refused (400/854) -- no request of the gateway nests
more than three levels, and a body nested 100,000 deep must not reach Python's recursion limit.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any
from typing import Final

from starlette.requests import Request
from starlette.responses import Response

from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError

__all__ = ["MAX_JSON_DEPTH", "JSONResponse", "dumps", "error_response", "origin", "parse_json", "read_json"]

#: The deepest nesting of arrays/objects a request body may have.
MAX_JSON_DEPTH: Final = 32


def dumps(value: object) -> str:
    """``json.dumps`` that writes ``Decimal("12.20")`` as ``12.20`` instead of failing or rounding."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot write {value} as JSON")
        return format(value, "f")
    if isinstance(value, dict):
        items = (f"{json.dumps(str(k), ensure_ascii=False)}:{dumps(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(dumps(v) for v in value) + "]"
    if isinstance(value, float):
        raise TypeError("floats never appear in sandbox answers")
    return json.dumps(value, ensure_ascii=False)


class JSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(content).encode("utf-8")


def origin(request: Request) -> str:
    """``http://host[:port]``: where the request came to, without a trailing slash."""
    return str(request.base_url).rstrip("/")


def error_response(exc: SandboxError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.http_status)


async def read_json(request: Request, *, allow_empty: bool = False) -> Any:
    """The request body as JSON with numbers as Decimal; SandboxError 851 when it is not JSON."""
    raw = await request.body()
    if not raw.strip() and allow_empty:
        return None
    return parse_json(raw)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _too_deep() -> SandboxError:
    return SandboxError(Code.JSON_TOO_DEEP, f"request body is nested deeper than {MAX_JSON_DEPTH} levels")


def parse_json(raw: bytes | str) -> Any:
    """``raw`` as JSON with numbers as Decimal; SandboxError 851 (not JSON, NaN/Infinity) or 854
    (nested deeper than :data:`MAX_JSON_DEPTH`). Never raises RecursionError."""
    try:
        value = json.loads(raw, parse_float=Decimal, parse_constant=_no_constant)
    except RecursionError:  # the C scanner stops at the recursion limit: far too deep
        raise _too_deep() from None
    except (ValueError, UnicodeDecodeError):
        raise SandboxError(Code.BAD_JSON, "request body is not valid JSON") from None
    # iterative: the value may still be nested up to the recursion limit
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > MAX_JSON_DEPTH:
                    raise _too_deep()
                stack.append((child, depth + 1))
    return value
