"""A faithful local emulator of the Halyk ePay gateway (see docs/sandbox.md).

Never imports PySide6, qasync or the gateway client: it plays the other side.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING
from typing import Any

from epay_desktop.sandbox.config import SandboxConfig
from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError

if TYPE_CHECKING:
    from epay_desktop.sandbox.app import create_app
    from epay_desktop.sandbox.server import RunningSandbox
    from epay_desktop.sandbox.server import start_in_thread
    from epay_desktop.sandbox.state import AttemptResult
    from epay_desktop.sandbox.state import CardInput
    from epay_desktop.sandbox.state import Checkout
    from epay_desktop.sandbox.state import CheckoutInfo
    from epay_desktop.sandbox.state import SandboxState

#: Names whose modules load the web stack (uvicorn, starlette): imported on first use, so that the
#: CLI's parser (``sandbox`` options) and a console without the demo never load it (decision 0055).
_WEB = {
    "create_app": ".app",
    "RunningSandbox": ".server",
    "start_in_thread": ".server",
    **dict.fromkeys(("AttemptResult", "CardInput", "Checkout", "CheckoutInfo", "SandboxState"), ".state"),
}

__all__ = [
    "AttemptResult",
    "CardInput",
    "Checkout",
    "CheckoutInfo",
    "Code",
    "RunningSandbox",
    "SandboxConfig",
    "SandboxError",
    "SandboxState",
    "create_app",
    "start_in_thread",
]


def __getattr__(name: str) -> Any:
    if name in _WEB:
        return getattr(import_module(_WEB[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
