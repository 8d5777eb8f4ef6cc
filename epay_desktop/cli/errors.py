"""Every failure becomes one line and an exit code; nothing else reaches the screen."""

from __future__ import annotations

from pathlib import Path

from epay_desktop.cli.common import EXIT_BUG
from epay_desktop.cli.common import EXIT_REFUSED
from epay_desktop.cli.common import EXIT_UNKNOWN
from epay_desktop.cli.common import EXIT_USAGE
from epay_desktop.cli.common import CliError
from epay_desktop.cli.language import localized
from epay_desktop.domain import ConsoleError
from epay_desktop.safe_files import UnsafeFilePath
from epay_desktop.settings import SettingsError

__all__ = ["LoggedBug", "describe_failure"]

RECONCILE_HINT = "checking with the bank; run `epay-desktop reconcile`"


class LoggedBug(Exception):
    """A bug already written, with its stack trace, to the log file at ``path``."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"an unexpected error stopped the command; details are in {path}")


def describe_failure(exc: BaseException) -> tuple[int, str]:
    """(exit code, the one line to show) for ``exc``; never includes a stack trace or a secret."""
    # the gateway's and the store's stacks are loaded by the command that failed, not by --help
    from epay_desktop.gateway import AuthError
    from epay_desktop.gateway import EpayError
    from epay_desktop.gateway import OutcomeUnknown
    from epay_desktop.services.money_ops.engine import OutcomeNotRecorded
    from epay_desktop.store.db import StoreError

    if isinstance(exc, CliError):
        return exc.code, exc.message
    if isinstance(exc, SettingsError):
        return EXIT_USAGE, f"configuration error: {exc}"
    said = localized(exc) or ""  # the service's sentence in --lang / LANG (decision 0046)
    if isinstance(exc, (StoreError, UnsafeFilePath)):
        return EXIT_USAGE, said
    if isinstance(exc, OutcomeNotRecorded):  # the request left; its answer is not in the books (0070)
        return EXIT_UNKNOWN, said
    if isinstance(exc, ConsoleError):
        return EXIT_REFUSED, said
    if isinstance(exc, OutcomeUnknown):
        return EXIT_UNKNOWN, f"{said} The outcome is unknown: {RECONCILE_HINT}"
    if isinstance(exc, AuthError):
        return (
            EXIT_USAGE,
            f"{said} (check EPAYMENT_CLIENT_ID, EPAYMENT_CLIENT_SECRET, EPAYMENT_TERMINAL)",
        )
    if isinstance(exc, EpayError):
        return EXIT_REFUSED, said
    if isinstance(exc, LoggedBug):
        return EXIT_BUG, str(exc)
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        return EXIT_USAGE, f"cannot use{where}: {exc.strerror or exc}"
    return EXIT_BUG, f"an unexpected error stopped the command ({type(exc).__name__}); see the log file"
