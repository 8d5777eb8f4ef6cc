"""Command line: ``epay-desktop <command>``.

Commands so far:
  sandbox   run the built-in ePay sandbox gateway on loopback (prints its URL first)
  config    show the gateway settings read from the environment (never the secret)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from .settings import ENV_VARS, SettingsError, load_gateway_settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="epay-desktop",
        description="Merchant console for Halyk Bank ePay, with a built-in sandbox gateway.",
    )
    parser.add_argument("--version", action="version", version=f"epay-desktop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sandbox = commands.add_parser(
        "sandbox",
        help="run the built-in sandbox gateway",
        description="Run a local emulator of the ePay gateway. Its base URL is the first line printed.",
    )
    from .sandbox import server

    server.add_arguments(sandbox)

    config = commands.add_parser(
        "config",
        help="show the gateway settings from the environment",
        description="Environment variables:\n"
        + "\n".join(f"  {name:24} {meaning}" for name, meaning in ENV_VARS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    config.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _cmd_config(args: argparse.Namespace) -> int:
    settings = load_gateway_settings()
    described = settings.describe()
    if args.json:
        print(json.dumps(described, indent=2))
    else:
        for key, value in described.items():
            print(f"{key:14} {value}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "sandbox":
            from .sandbox import server

            return server.run(args)
        if args.command == "config":
            return _cmd_config(args)
    except SettingsError as exc:
        print(f"epay-desktop: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    parser.print_help()
    return 2
