"""Serving the fiscal sandbox: ``epay-desktop fiscal-sandbox [--host H] [--port P] [--keep FILE]``
(:func:`run`; ``--keep``: its register kept in FILE like the demo's, decision 0148) and
:func:`start_in_thread` for tests and the demo, on the gateway sandbox's server machinery."""

from __future__ import annotations

import argparse
import socket
import sys

import uvicorn

from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.api import FiscalSandbox
from epay_desktop.sandbox.fiscal.api import create_app
from epay_desktop.sandbox.fiscal.kept import keep_in
from epay_desktop.sandbox.server import ServedInThread
from epay_desktop.sandbox.server import base_url
from epay_desktop.sandbox.server import bind
from epay_desktop.sandbox.server import listen_for_cli
from epay_desktop.sandbox.server import serve_until_interrupted
from epay_desktop.sandbox.server import uvicorn_config

__all__ = ["RunningFiscalSandbox", "run", "start_in_thread"]

_HINT = """\
Fiscal sandbox (Webkassa API v4) is listening (Ctrl+C to stop).
  header x-api-key: {key}
  POST {url}/api/v4/Authorize  {{"Login": "{login}", "Password": "{password}"}}
  cashbox (CashboxUniqueNumber): {cashbox}
  receipts: GET {url}/sandbox/checks   see docs/fiscal-sandbox.md for the control API"""


def _hint(url: str) -> str:
    return _HINT.format(url=url, key=API_KEY, login=LOGIN, password=PASSWORD, cashbox=CASHBOX)


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C; the first line on stdout is the base URL, printed once listening. With
    ``--keep FILE`` the register is read from FILE and written there after every change (2 when it
    cannot be read: said on stderr)."""
    sock = listen_for_cli(args.host, args.port)
    if sock is None:
        return 2
    sandbox = FiscalSandbox()
    hint = _hint(base_url(sock))
    if args.keep is not None:
        kept = args.keep.expanduser().absolute()
        try:
            keep_in(sandbox.register, kept)
        except OSError as exc:
            sock.close()
            print(f"cannot keep the register in {kept}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        hint += f"\n  register kept in {kept}; receipts in it: {len(sandbox.register.receipts)}"
    return serve_until_interrupted(uvicorn_config(create_app(sandbox)), [sock], hint)


class RunningFiscalSandbox(ServedInThread):
    """A fiscal sandbox served in a daemon thread; ``sandbox`` is its register and faults."""

    def __init__(self, sandbox: FiscalSandbox, server: uvicorn.Server, sock: socket.socket) -> None:
        super().__init__(server, [sock])
        self.sandbox = sandbox


def start_in_thread(
    sandbox: FiscalSandbox | None = None, *, host: str = "127.0.0.1", port: int = 0
) -> RunningFiscalSandbox:
    """Serve a fiscal sandbox on a free loopback port in a daemon thread; returns once it listens."""
    sandbox = sandbox or FiscalSandbox()
    sock = bind(host, port)
    running = RunningFiscalSandbox(sandbox, uvicorn.Server(uvicorn_config(create_app(sandbox))), sock)
    running.start()
    return running
