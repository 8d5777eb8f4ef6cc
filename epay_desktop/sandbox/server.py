"""Running the sandbox: ``epay-desktop sandbox`` (``add_arguments`` + ``run``) and
``start_in_thread`` for tests and the desktop demo.

The gateway listens on the given port; the issuer's 3-D Secure page (ACS) on a second free
loopback port (another origin, as on the real gateway) unless ``--acs-same-origin``.

Both serve with uvicorn on loopback, with :class:`DroppingH11Protocol` so the ``drop_*``
faults really close the TCP connection, without access logs (stdout carries only the URL
and a short hint).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys
import threading
import time
from types import TracebackType
from typing import Self

import uvicorn
from starlette.types import ASGIApp
from starlette.types import Receive
from starlette.types import Scope
from starlette.types import Send

from epay_desktop.domain.hosts import is_loopback_host
from epay_desktop.sandbox.acs import create_acs_app
from epay_desktop.sandbox.app import create_app
from epay_desktop.sandbox.config import TEST_CLIENT_ID
from epay_desktop.sandbox.config import TEST_CLIENT_SECRET
from epay_desktop.sandbox.config import TEST_TERMINAL_ID
from epay_desktop.sandbox.config import SandboxConfig
from epay_desktop.sandbox.dropping import DroppingH11Protocol
from epay_desktop.sandbox.options import DEFAULT_PORT
from epay_desktop.sandbox.options import add_arguments
from epay_desktop.sandbox.options import config_from_args
from epay_desktop.sandbox.state import SandboxState

__all__ = ["DEFAULT_PORT", "RunningSandbox", "add_arguments", "config_from_args", "run", "start_in_thread"]

_HINT = """\
ePay sandbox is listening (Ctrl+C to stop).
  client_id={client_id}  client_secret={client_secret}
  terminal={terminal}
  token: POST {url}/oauth2/token   API: {url}/...  or  {url}/api/...
  test cards: 4405 6397 0401 5096 (approved), 4003 0327 0454 7597 (declined),
              4111 1111 1111 1111 (3-D Secure, code 000000)
  3-D Secure: the issuer's page (ACS) is at {acs}
  ledger: GET {url}/sandbox/transactions   see docs/sandbox.md for the control API"""


class _ByListener:
    """One ASGI app for two listeners: requests that came in on the ACS's port go to the ACS,
    everything else (and the lifespan) to the gateway. Both share one state and one event loop."""

    def __init__(self, gateway: ASGIApp, acs: ASGIApp, acs_port: int) -> None:
        self._gateway, self._acs, self._acs_port = gateway, acs, acs_port

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        server = scope.get("server") if scope["type"] in ("http", "websocket") else None
        if server is not None and server[1] == self._acs_port:
            await self._acs(scope, receive, send)
        else:
            await self._gateway(scope, receive, send)


def _uvicorn_config(state: SandboxState, acs_sock: socket.socket | None = None) -> uvicorn.Config:
    """The server's config; with ``acs_sock`` the ACS answers on that socket (``state.acs_base_url``)."""
    app: ASGIApp
    if acs_sock is not None:
        state.acs_base_url = base_url(acs_sock)
        app = _ByListener(create_app(state), create_acs_app(state), acs_sock.getsockname()[1])
    else:
        state.acs_base_url = ""
        app = create_app(state)
    return uvicorn_config(app)


def uvicorn_config(app: ASGIApp) -> uvicorn.Config:
    """How every sandbox (the gateway, the fiscal register) serves ``app``: loopback, the drop hook
    (:class:`DroppingH11Protocol`), no access log."""
    return uvicorn.Config(
        app,
        http=DroppingH11Protocol,
        loop="asyncio",
        lifespan="on",
        log_level="warning",
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=2,
    )


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP: asyncio then sets TCP_NODELAY on accepted connections (it checks the proto);
    # without it every keep-alive answer waits ~40 ms for the client's delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


def base_url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class _AnnouncingServer(uvicorn.Server):
    """Prints the base URL (the first line on stdout), then ``hint``, once listening."""

    def __init__(self, config: uvicorn.Config, url: str, hint: str) -> None:
        super().__init__(config)
        self._url = url
        self._hint = hint

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            print(self._url, flush=True)
            print(self._hint, flush=True)


def listen_for_cli(host: str, port: int) -> socket.socket | None:
    """The command's listening socket, or None when it cannot listen (said on stderr); a warning when
    ``host`` is not a loopback address. Sets up the log for a sandbox command."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s %(message)s")
    logging.getLogger("epay_desktop.sandbox").setLevel(logging.INFO)
    try:
        sock = bind(host, port)
    except OSError as exc:
        print(f"cannot listen on {host}:{port}: {exc}", file=sys.stderr)
        return None
    if not is_loopback_host(host):
        print(f"warning: {host} is not a loopback address; the sandbox is for this machine", file=sys.stderr)
    return sock


def serve_until_interrupted(config: uvicorn.Config, sockets: list[socket.socket], hint: str) -> int:
    """Serve on ``sockets`` (the first one's URL printed first, then ``hint``) until Ctrl+C; 0."""
    server = _AnnouncingServer(config, base_url(sockets[0]), hint)
    try:
        server.run(sockets=sockets)
    except KeyboardInterrupt:
        pass
    finally:
        for each in sockets:
            each.close()
    return 0


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C. The first line on stdout is the base URL, printed once listening."""
    sock = listen_for_cli(args.host, args.port)
    if sock is None:
        return 2
    state = SandboxState(config_from_args(args))
    acs_sock: socket.socket | None = None
    if not state.config.acs_same_origin:
        try:
            acs_sock = bind(args.host, 0)  # the issuer's ACS: another origin, any free port
        except OSError as exc:
            sock.close()
            print(f"cannot open the 3-D Secure (ACS) port on {args.host}: {exc}", file=sys.stderr)
            return 2
    config = _uvicorn_config(state, acs_sock)
    url = base_url(sock)
    hint = _HINT.format(
        url=url,
        acs=f"{state.acs_base_url or url}/acs/",
        client_id=TEST_CLIENT_ID,
        client_secret=TEST_CLIENT_SECRET,
        terminal=TEST_TERMINAL_ID,
    )
    return serve_until_interrupted(config, [sock] if acs_sock is None else [sock, acs_sock], hint)


class ServedInThread:
    """A uvicorn server serving ``sockets`` in a daemon thread; a context manager that stops it on exit."""

    def __init__(self, server: uvicorn.Server, sockets: list[socket.socket]) -> None:
        self.base_url = base_url(sockets[0])
        self._server = server
        self._sockets = sockets
        self._thread = threading.Thread(target=self._serve, name="epay-sandbox", daemon=True)
        self._error: BaseException | None = None

    def _serve(self) -> None:
        try:
            asyncio.run(self._server.serve(sockets=self._sockets))
        except BaseException as exc:  # reported by _wait_started / stop
            self._error = exc

    def start(self, timeout: float = 10.0) -> None:
        """Start the thread; returns once the server accepts connections (stopped again if it fails)."""
        self._thread.start()
        try:
            self._wait_started(timeout)
        except BaseException:
            self.stop()
            raise

    def _wait_started(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if self._error is not None or not self._thread.is_alive():
                raise RuntimeError("sandbox server failed to start") from self._error
            if time.monotonic() > deadline:
                raise TimeoutError("sandbox server did not start in time")
            time.sleep(0.005)

    def stop(self, timeout: float = 5.0) -> None:
        """Shut the server down and wait for its thread (idempotent)."""
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout)
        for sock in self._sockets:
            sock.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class RunningSandbox(ServedInThread):
    """The gateway sandbox served in a daemon thread."""

    def __init__(
        self,
        state: SandboxState,
        server: uvicorn.Server,
        sock: socket.socket,
        acs_sock: socket.socket | None = None,
    ) -> None:
        super().__init__(server, [sock] if acs_sock is None else [sock, acs_sock])
        self.state = state
        #: The issuer's 3-D Secure origin: a second loopback port, or the gateway's own with
        #: ``acs_same_origin``. The ACS form is at ``{acs_url}/acs/auth``.
        self.acs_url = base_url(acs_sock) if acs_sock is not None else self.base_url
        self._sock = sock
        self._acs_sock = acs_sock


def start_in_thread(
    config: SandboxConfig | SandboxState | None = None, *, host: str = "127.0.0.1", port: int = 0
) -> RunningSandbox:
    """Serve a sandbox on a free loopback port in a daemon thread; returns once it accepts connections.

    The issuer's 3-D Secure page (ACS) gets a second free port (``RunningSandbox.acs_url``) unless
    ``config.acs_same_origin``."""
    state = config if isinstance(config, SandboxState) else SandboxState(config or SandboxConfig())
    sock = bind(host, port)
    acs_sock = None if state.config.acs_same_origin else bind(host, 0)
    server = uvicorn.Server(_uvicorn_config(state, acs_sock))
    running = RunningSandbox(state, server, sock, acs_sock)
    running.start()
    return running
