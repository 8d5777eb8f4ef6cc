"""JSON in and out without floats: Decimal values are written as JSON numbers, digit for digit."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .errors import Code, SandboxError

__all__ = ["JSONResponse", "dumps", "error_response", "read_json"]


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


def error_response(exc: SandboxError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.http_status)


async def read_json(request: Request, *, allow_empty: bool = False) -> Any:
    """The request body as JSON with numbers as Decimal; SandboxError 851 when it is not JSON."""
    raw = await request.body()
    if not raw.strip() and allow_empty:
        return None
    try:
        return json.loads(raw, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError):
        raise SandboxError(Code.BAD_JSON, "request body is not valid JSON") from None
