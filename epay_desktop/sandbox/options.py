"""The ``epay-desktop sandbox`` command's options, apart from the server so that building the CLI's
parser (``--help``, every command) does not load the web stack (uvicorn, starlette): decision 0055.
"""

from __future__ import annotations

import argparse
from typing import Final

from epay_desktop.sandbox.config import SandboxConfig

__all__ = ["DEFAULT_PORT", "add_arguments", "add_listen_arguments", "config_from_args"]

DEFAULT_PORT = 8765
_DEFAULTS = SandboxConfig()
#: The options that are ``SandboxConfig`` fields of the same name (the rest say where to listen).
_CONFIG_OPTIONS: Final = (
    "two_step",
    "hold_seconds",
    "token_ttl",
    "max_attempts",
    "acs_same_origin",
    "status_lag",
    "refund_status_after_partial",
)


def add_listen_arguments(parser: argparse.ArgumentParser, default_port: int) -> None:
    """``--host`` and ``--port``: where a sandbox command listens."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=default_port, help=f"port (default {default_port}; 0 = any free port)"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_listen_arguments(parser, DEFAULT_PORT)
    parser.add_argument("--two-step", action="store_true", help="two-step terminal: payments end in AUTH")
    parser.add_argument(
        "--hold-seconds", type=float, default=_DEFAULTS.hold_seconds, help="AUTH hold before CANCEL_OLD"
    )
    parser.add_argument("--token-ttl", type=int, default=_DEFAULTS.token_ttl, help="service token lifetime")
    parser.add_argument(
        "--max-attempts",
        type=int,
        default=_DEFAULTS.max_attempts,
        help="card attempts per invoice while its token lives (default 3; one more gets error 505)",
    )
    parser.add_argument(
        "--acs-same-origin",
        action="store_true",
        help="serve the 3-D Secure page on the gateway's origin (default: a second loopback port)",
    )
    parser.add_argument(
        "--status-lag",
        type=float,
        default=_DEFAULTS.status_lag,
        metavar="S",
        help="check-status shows an applied charge/cancel/refund only S seconds later (default 0)",
    )
    parser.add_argument(
        "--refund-status-after-partial",
        action="store_true",
        help="check-status says REFUND after a partial refund too (the rest stays refundable)",
    )


def config_from_args(args: argparse.Namespace) -> SandboxConfig:
    return SandboxConfig(**{name: getattr(args, name) for name in _CONFIG_OPTIONS})
