"""Limits every request meets before any route runs: a body size limit and a time limit.

:class:`RequestLimits` is plain ASGI middleware around the whole sandbox. It reads the body first,
refusing one longer than ``SandboxConfig.max_body_bytes`` with 400/853 (a declared
``Content-Length`` over the limit is refused before anything is read; a streamed body as soon as
it passes the limit), then replays it to the route. The route runs under
``SandboxConfig.request_time_limit``: a request still running then is cancelled and answered
504/855 in the gateway's error shape ``{"code", "message"}``. A delay or hold fault (at most
``faults.MAX_FAULT_DELAY`` / ``MAX_FAULT_HOLD`` seconds) stays below the default limit.
"""

from __future__ import annotations

import asyncio
import logging

from starlette.types import ASGIApp
from starlette.types import Message
from starlette.types import Receive
from starlette.types import Scope
from starlette.types import Send

from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.render import dumps
from epay_desktop.sandbox.state import SandboxState

__all__ = ["RequestLimits"]

log = logging.getLogger(__name__)


async def _answer(send: Send, exc: SandboxError) -> None:
    body = dumps(exc.body()).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": exc.http_status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestLimits:
    """Body size and time limits for every HTTP request to ``app`` (limits read from ``state.config``)."""

    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        config = self.state.config
        limit = config.max_body_bytes
        too_large = SandboxError(Code.BODY_TOO_LARGE, f"request body is too large: at most {limit} bytes")
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.strip().isdigit() or int(declared) > limit):
            await _answer(send, too_large)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _answer(send, too_large)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect, as the server would

        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        seconds = config.request_time_limit
        timeout = asyncio.timeout(seconds)
        try:
            async with timeout:
                await self.app(scope, replay, watched_send)
        except TimeoutError:
            if not timeout.expired():
                raise
            log.warning("event=sandbox_time_limit path=%s seconds=%s", scope.get("path", ""), seconds)
            if started:  # half an answer is out: nothing valid can follow it, the connection closes
                return
            await _answer(
                send,
                SandboxError(
                    Code.TIME_LIMIT, f"the request took longer than {seconds:g} s and was cut off", 504
                ),
            )
