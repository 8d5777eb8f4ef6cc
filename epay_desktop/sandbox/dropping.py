"""Closing a connection without any HTTP answer, for the ``drop_*`` faults.

ASGI gives an application no socket, so the server has to help. :class:`DroppingH11Protocol`
is uvicorn's h11 protocol with one addition: every request scope carries the extension
``epay.sandbox.drop`` whose ``abort`` callable aborts the TCP transport. A route answers
with :class:`DropResponse`, which calls it and sends nothing, so the client sees the
connection close before a status line (httpx: ``RemoteProtocolError``), never a 500.

Served by anything else (``httpx.ASGITransport`` in tests, another server), there is no
such extension; ``DropResponse`` then raises :class:`ConnectionDropped`, an ``OSError``
that reaches an in-process client much like a broken connection would.
"""

from __future__ import annotations

import asyncio
from typing import Any
from typing import Final

from starlette.responses import Response
from starlette.types import Receive
from starlette.types import Scope
from starlette.types import Send
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

__all__ = ["DROP_EXTENSION", "ConnectionDropped", "DropResponse", "DroppingH11Protocol"]

DROP_EXTENSION: Final = "epay.sandbox.drop"


class ConnectionDropped(ConnectionAbortedError):
    """Raised in-process where the server cannot really drop the connection."""


class DropResponse(Response):
    """A "response" that closes the connection instead of answering."""

    def __init__(self) -> None:
        super().__init__(status_code=500)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        hook = scope.get("extensions", {}).get(DROP_EXTENSION)
        if hook is None:
            raise ConnectionDropped("sandbox dropped the connection without answering")
        hook["abort"]()


class DroppingH11Protocol(H11Protocol):
    """uvicorn's h11 protocol plus the drop hook; pass it as ``uvicorn.Config(http=...)``."""

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        inner = self.app

        async def app(scope: Any, receive: Any, send: Any) -> None:
            cycle = self.cycle

            def abort() -> None:
                # Marked disconnected, uvicorn neither logs "returned without starting a
                # response" nor tries to write its own 500 into the dead transport.
                cycle.disconnected = True
                self.transport.abort()

            extensions = dict(scope.get("extensions") or {})
            extensions[DROP_EXTENSION] = {"abort": abort}
            scope["extensions"] = extensions
            await inner(scope, receive, send)

        self.app = app
