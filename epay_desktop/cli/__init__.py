"""Command line: ``epay-desktop <command>`` (see README, "Command line").

Without a command it opens the desktop console (:func:`epay_desktop.ui.app.main.run_gui`) on the
configured gateway; ``epay-desktop --demo`` opens it on the built-in sandbox with demo data.
Commands without a database: ``sandbox`` (run the built-in gateway), ``fiscal-sandbox`` (run the
built-in online cash register), ``config`` (show settings).
Database commands (``user``, ``pay``, ``payments``, ``show``, ``status``, ``reconcile``, ``charge``,
``cancel``, ``refund``, ``review``, ``receipt``, ``shift``, ``fiscal``, ``export``, ``audit``,
``backup``) open the app (:func:`epay_desktop.app.open_app`), log the user in (``--user``/EPAY_USER,
EPAY_PASSWORD or a prompt) and run one service call; ``restore`` and ``check-db`` open the database
their own way (cli/database.py: they are what a person runs when it is refused). Each command is
declared once, on its handler, in its module's table (:mod:`epay_desktop.cli.commands`: the handler's
docstring is its help). Errors are one line on stderr, ``epay-desktop: ...``, never a stack trace;
exit codes are in :mod:`epay_desktop.cli.common`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import sys
from collections.abc import Mapping
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from epay_desktop import __version__
from epay_desktop.cli.admin import ADMIN
from epay_desktop.cli.audit import AUDIT
from epay_desktop.cli.commands import Standalone
from epay_desktop.cli.common import EXIT_BUG
from epay_desktop.cli.common import EXIT_USAGE
from epay_desktop.cli.common import Handler
from epay_desktop.cli.database import DATABASE
from epay_desktop.cli.errors import LoggedBug
from epay_desktop.cli.errors import describe_failure
from epay_desktop.cli.fiscal import FISCAL
from epay_desktop.cli.language import LANGUAGES
from epay_desktop.cli.language import choose_language
from epay_desktop.cli.language import set_language
from epay_desktop.cli.money import MONEY
from epay_desktop.cli.output import fail_line
from epay_desktop.cli.payments import PAYMENTS
from epay_desktop.cli.printers import PRINTER
from epay_desktop.cli.receipts import RECEIPTS
from epay_desktop.cli.shifts import SHIFT
from epay_desktop.cli.users import USER
from epay_desktop.settings import ENV_VARS
from epay_desktop.settings import SettingsError
from epay_desktop.settings import load_gateway_settings
from epay_desktop.settings import settings_kept_elsewhere

__all__ = ["build_parser", "main"]

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (``epay-desktop: ...; see --help``) and exit 2."""

    def error(self, message: str) -> NoReturn:
        fail_line(f"{message} (see: {self.prog} --help)")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="epay-desktop",
        description="Merchant console for Halyk Bank ePay, with a built-in sandbox gateway.",
    )
    parser.add_argument("--version", action="version", version=f"epay-desktop {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the console in demo mode: built-in sandbox gateway, demo users and payments",
    )
    parser.add_argument(
        "--demo-home",
        metavar="DIR",
        help="folder for the demo database (default: the user data folder's 'demo'); implies --demo",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the console and of the commands' messages: kk, ru or en (default: the "
        "environment's LANGUAGE/LC_ALL/LC_MESSAGES/LANG for commands, the last login's for the console)",
    )
    parser.add_argument(
        "--verbose", dest="gui_verbose", action="store_true", help="desktop console: also log to stderr"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sandbox = commands.add_parser(
        "sandbox",
        help="run the built-in sandbox gateway",
        description="Run a local emulator of the ePay gateway. Its base URL is the first line printed.",
    )
    from epay_desktop.sandbox.options import add_arguments  # not the server: no web stack for a parser

    add_arguments(sandbox)

    fiscal_sandbox = commands.add_parser(
        "fiscal-sandbox",
        help="run the built-in fiscal sandbox (a Webkassa-like online cash register)",
        description="Run a local emulator of the Webkassa integrator API v4 (online cash register, OFD "
        "protocol 2.0.3): API key demo-api-key, login demo@epay-desktop.kz, password demo-pass, cashbox "
        "SWK00000001 (see docs/fiscal-sandbox.md). Its base URL is the first line printed.",
    )
    from epay_desktop.sandbox.fiscal.account import add_arguments as add_fiscal_arguments

    add_fiscal_arguments(fiscal_sandbox)

    config = commands.add_parser(
        "config",
        help="show the gateway settings from the environment",
        description="Environment variables:\n"
        + "\n".join(f"  {name:24} {meaning}" for name, meaning in ENV_VARS.items())
        + "\n\n"
        + settings_kept_elsewhere(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    config.add_argument("--json", action="store_true", help="print JSON")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--user", metavar="NAME", help="who you are (default: EPAY_USER)")
    common.add_argument("--json", action="store_true", help="print JSON")
    common.add_argument("-v", "--verbose", action="store_true", help="also log to stderr")
    for table in (USER, PAYMENTS, MONEY, RECEIPTS, PRINTER, SHIFT, FISCAL, ADMIN, AUDIT, DATABASE):
        table.add_to(commands, common)
    return parser


def _cmd_config(args: argparse.Namespace) -> int:
    from epay_desktop.services.shop_settings import effective_environ

    settings = load_gateway_settings(effective_environ())  # what Settings saved, under the environment
    described = settings.describe()
    if args.json:
        print(json.dumps(described, indent=2))
    else:
        for key, value in described.items():
            print(f"{key:14} {value}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 done, 1 refused, 2 usage/configuration,
    3 outcome unknown, 4 a bug: see the log). Never shows a stack trace."""
    _safe_output()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        if args.command == "sandbox":
            from epay_desktop.sandbox import server

            return server.run(args)
        if args.command == "fiscal-sandbox":
            from epay_desktop.sandbox.fiscal import server as fiscal_server

            return fiscal_server.run(args)
        if args.command == "config":
            return _cmd_config(args)
    except SettingsError as exc:
        fail_line(f"configuration error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    handler: Handler | None = getattr(args, "handler", None)
    if args.command is None:
        return _run_gui(args)
    set_language(choose_language(args.lang))  # the service messages a command prints (decision 0046)
    from epay_desktop.logs import quiet_without_handlers  # with the command's stacks, not for --help

    quiet_without_handlers()  # no record reaches stderr while no log file is attached (decision 0070)
    standalone = getattr(args, "standalone", None)  # restore, check-db: not through open_app
    if standalone is not None:
        return _run_standalone(standalone, args)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    return _run(handler, args)


def _run_gui(args: argparse.Namespace) -> int:
    """No command: the desktop console (``--demo``: on the built-in sandbox)."""
    from epay_desktop.display_check import display_problem

    problem = display_problem()  # before Qt: Qt aborts the process when it has no window to open
    if problem is not None:
        fail_line(str(problem))
        return EXIT_USAGE
    # Start-up without the cyclic collector (decision 0062): loading the console's ~700 modules made
    # it run some 200 times for nothing (their objects live as long as the process). Once they are
    # loaded they are frozen out of its sight (gc.freeze); the console's own collector (ui/gc_guard)
    # then collects what is made later, on the GUI thread. Put back as it was when the console ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        # The console's core (settings, store, services, gateway) before Qt: once PySide6 is loaded
        # its import hook runs for every later import and reads each new module's source (0062).
        from epay_desktop.app import prepare_tls_context

        prepare_tls_context()  # the HTTP client's CA bundle is read on a thread meanwhile

        try:
            from epay_desktop.ui.app.main import run_gui
        except ImportError as exc:  # Qt missing or a system library it needs is not installed
            fail_line(f"cannot start the desktop console: {exc}; see the README's set-up section")
            return EXIT_USAGE
        gc.freeze()
        demo = bool(args.demo or args.demo_home)
        return run_gui(demo=demo, demo_home=args.demo_home, verbose=args.gui_verbose, language=args.lang)
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()


def _run(handler: Handler, args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_with_app(handler, args))
    except KeyboardInterrupt:
        fail_line("interrupted; if money was moving, run `epay-desktop reconcile`")
        return 130
    except Exception as exc:
        code, message = describe_failure(exc)
        fail_line(message)
        return code


def _run_standalone(command: Standalone, args: argparse.Namespace) -> int:
    """A command that opens the database its own way (``restore``, ``check-db``: cli/database.py)."""
    try:
        return asyncio.run(command(args))
    except KeyboardInterrupt:
        fail_line("interrupted")
        return 130
    except Exception as exc:
        code, message = describe_failure(exc)
        if code == EXIT_BUG:
            log.error("event=cli_crashed command=%s", args.command, exc_info=exc)
        fail_line(message)
        return code


def _log_open_failure(environ: Mapping[str, str], command: str, exc: BaseException) -> Path | None:
    """Write why the app could not open to the home's log file (None: no home, or no log there)."""
    from epay_desktop.logs import log_failure
    from epay_desktop.settings import load_store_settings

    try:
        home = load_store_settings(environ).home
    except SettingsError:
        return None
    return log_failure(home, f"event=cli_open_failed command={command} error={type(exc).__name__}", exc)


async def _with_app(handler: Handler, args: argparse.Namespace) -> int:
    from epay_desktop.app import open_app
    from epay_desktop.services.shop_settings import effective_environ

    # the GUI's saved settings (console.json, the keychain's secret) under the real environment, as the GUI
    environ = await asyncio.to_thread(effective_environ)
    try:
        app = await open_app(environ, verbose=getattr(args, "verbose", False))
    except Exception as exc:  # e.g. a database that cannot be opened: its log still gets the details
        where = await asyncio.to_thread(_log_open_failure, environ, args.command, exc)
        if where is not None and describe_failure(exc)[0] == EXIT_BUG:
            raise LoggedBug(where) from exc
        raise
    try:
        return await handler(app, args)
    except Exception as exc:
        if describe_failure(exc)[0] == EXIT_BUG:  # log it while the log file is still attached
            log.error("event=cli_crashed command=%s", args.command, exc_info=exc)
            raise LoggedBug(app.log_file) from exc
        raise
    finally:
        await app.aclose()


def _safe_output() -> None:
    """A console that cannot print ₸ gets ``?`` instead of a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")
