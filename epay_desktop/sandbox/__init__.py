"""A faithful local emulator of the Halyk ePay gateway (see docs/sandbox.md).

Never imports PySide6, qasync or the gateway client: it plays the other side.
"""

from .app import create_app
from .config import SandboxConfig
from .errors import Code, SandboxError
from .server import RunningSandbox, start_in_thread
from .state import AttemptResult, CardInput, Checkout, CheckoutInfo, SandboxState

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
