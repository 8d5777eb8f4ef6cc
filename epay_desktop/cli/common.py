"""What every database command shares: exit codes, argument types, secrets and log-in.

Exit codes (also in the README): 0 done; 1 refused by a rule, a person's rights or the gateway;
2 usage or configuration; 3 outcome unknown (the console keeps checking with the bank:
``epay-desktop reconcile``); 4 a bug (details in the log file, never a stack trace on screen);
5 ``reconcile`` only: the books and the bank disagree (``cli/admin.py`` EXIT_DISCREPANCY).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Mapping
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import TYPE_CHECKING
from typing import Final
from zoneinfo import ZoneInfo

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import InvoiceIdError
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyError
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import User
from epay_desktop.domain.bounds import BoundsError
from epay_desktop.domain.bounds import parse_date_text
from epay_desktop.domain.bounds import parse_whole_number
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Word
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.text import TEXT_MAX_CHARS
from epay_desktop.domain.text import TextError
from epay_desktop.domain.text import check_text

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext

__all__ = [
    "EXIT_BUG",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_UNKNOWN",
    "EXIT_USAGE",
    "KZ_TIME",
    "CliError",
    "Handler",
    "amount_arg",
    "date_arg",
    "day_start",
    "invoice_arg",
    "login",
    "login_manager",
    "read_secret",
    "text_arg",
    "whole_number_arg",
]

EXIT_OK: Final = 0
EXIT_REFUSED: Final = 1
EXIT_USAGE: Final = 2
EXIT_UNKNOWN: Final = 3
EXIT_BUG: Final = 4

KZ_TIME: Final = ZoneInfo("Asia/Almaty")

#: A database command: gets the open app and the parsed arguments, returns the exit code.
Handler = Callable[["AppContext", argparse.Namespace], Awaitable[int]]


class CliError(Exception):
    """A refusal the CLI itself decides: ``message`` is the one line shown, ``code`` the exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


# -- argument types (argparse turns their ValueError/ArgumentTypeError into a usage error) ----------


def amount_arg(text: str) -> Money:
    """Tenge as typed by a person (``1500``, ``1500.50``, ``1 500,50``): the GUI's parser, never a float
    (:func:`epay_desktop.domain.money.parse_amount_text`, decision 0072)."""
    try:
        return Money.from_text(text)
    except MoneyError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def invoice_arg(text: str) -> InvoiceId:
    try:
        return InvoiceId.parse(text)
    except InvoiceIdError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def date_arg(text: str) -> date:
    """A Kazakhstan calendar date, ``YYYY-MM-DD``, within 2000-01-01..2100-12-31 (decision 0074)."""
    try:
        return parse_date_text(text)
    except BoundsError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def whole_number_arg(lowest: int, highest: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``lowest`` to ``highest`` (a usage error, exit 2, otherwise)."""

    def parse(text: str) -> int:
        try:
            return parse_whole_number(text, lowest, highest)
        except BoundsError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def text_arg(
    field: Word, *, max_chars: int | None = TEXT_MAX_CHARS, max_bytes: int | None = None
) -> Callable[[str], str]:
    """An argparse type: free text for ``field``, refused (exit 2) when too long or holding control or
    text-direction characters (:func:`epay_desktop.domain.text.check_text`, decision 0073)."""

    def parse(text: str) -> str:
        try:
            return check_text(text, field, max_chars=max_chars, max_bytes=max_bytes)
        except TextError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def day_start(day: date | None, *, next_day: bool = False) -> datetime | None:
    """Midnight (Asia/Almaty) starting ``day`` (or the day after it), as an aware datetime."""
    if day is None:
        return None
    if next_day:
        day = day + timedelta(days=1)
    return datetime.combine(day, time(0, 0), tzinfo=KZ_TIME)


# -- secrets and log-in ----------------------------------------------------------------------------


def prompt_secret(prompt: str) -> str:
    """Ask for a secret on the terminal without echo. Tests replace this function."""
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("no terminal to ask for a password on")
    return getpass.getpass(prompt)


def read_secret(env_name: str, prompt: str, *, environ: Mapping[str, str] | None = None) -> str:
    """A password/PIN from ``env_name`` or, when unset, from a prompt without echo.

    Raises CliError (exit 2) when neither is possible (no terminal, e.g. in a script).
    """
    env = os.environ if environ is None else environ
    value = env.get(env_name)
    if value:
        return value
    try:
        return prompt_secret(prompt)
    except CliError:
        raise CliError(f"no password given: set {env_name} or run the command in a terminal") from None
    except (EOFError, KeyboardInterrupt):
        raise CliError("no password given") from None


def read_new_secret(env_name: str, who: str) -> str:
    """A new password/PIN from ``env_name``, or asked twice on the terminal (must match)."""
    value = os.environ.get(env_name)
    if value:
        return value
    first = read_secret(env_name, f"New password or PIN for {who}: ")
    again = read_secret(env_name, f"Repeat the password or PIN for {who}: ")
    if first != again:
        raise CliError("the two passwords/PINs differ; nothing was changed", EXIT_REFUSED)
    return first


def user_name(args: argparse.Namespace) -> str:
    name = (getattr(args, "user", None) or os.environ.get("EPAY_USER") or "").strip()
    if not name:
        raise CliError("who are you? give --user NAME or set EPAY_USER")
    return name


async def login(app: AppContext, args: argparse.Namespace) -> User:
    """Authenticate ``--user``/EPAY_USER with EPAY_PASSWORD or a prompt; the log-in is audited.

    Raises AuthenticationFailed/AccountLocked (exit 1) or CliError (exit 2: no name/password).
    """
    name = user_name(args)
    password = read_secret("EPAY_PASSWORD", f"Password or PIN for {name}: ")
    return await app.users.authenticate(name, password)


async def login_manager(app: AppContext, args: argparse.Namespace, what: str) -> User:
    """:func:`login`, then PermissionDenied (exit 1) unless the user is a manager or an admin."""
    user = await login(app, args)
    if not user.role.can_move_money:
        raise PermissionDenied(
            msg("cli", QT_TRANSLATE_NOOP("cli", "Only a manager or an administrator can {what}."), what=what)
        )
    return user
