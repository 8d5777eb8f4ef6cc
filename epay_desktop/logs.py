"""Logging for the console: one size-rotated file per home folder, readable only by its owner.

Every handler gets the gateway's redaction filter (tokens, secrets, Authorization headers,
card numbers), including handlers added here later; ``assert_redacted()`` is checked at
start-up so a handler added by a library without the filter is caught.

Nothing here ever prints a stack trace on the screen (issue 11; decision 0070): a log file that
cannot be written (a full disk) is skipped silently instead of Python's "--- Logging error ---"
trace on stderr; ``--verbose`` copies lines to stderr with a trace shortened to its last line (the
whole trace is in the file); :func:`quiet_without_handlers` keeps records made while no log is
attached (asyncio's at shutdown) off stderr; :func:`log_failure` writes a failure to the log file of
a home whose database could not be opened, so a message that points at the log never points at
an empty one.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import time
from pathlib import Path
from typing import Any

from epay_desktop.gateway.redaction import install_redaction
from epay_desktop.gateway.redaction import unredacted_handlers

__all__ = ["assert_redacted", "configure_logging", "log_failure", "quiet_without_handlers"]

LOG_FORMAT = "%(asctime)sZ %(levelname)s %(name)s %(message)s"
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5


def configure_logging(home: Path, *, verbose: bool = False) -> Path:
    """Send logs to ``{home}/logs/epay-desktop.log`` (mode 0600), and to stderr when ``verbose``.

    Returns the log file's path. Safe to call twice: handlers it added before are replaced.
    """
    log_dir = home / "logs"
    log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = log_dir / "epay-desktop.log"
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)

    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_epay_owned", False)]:
        root.removeHandler(handler)
        handler.close()

    formatter = logging.Formatter(LOG_FORMAT)
    formatter.converter = time.gmtime
    screen = _OneLineFormatter(LOG_FORMAT)
    screen.converter = time.gmtime
    handlers: list[logging.Handler] = [
        _LogFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    ]
    if verbose:
        handlers.append(_Screen())
    for handler in handlers:
        handler.setFormatter(screen if isinstance(handler, _Screen) else formatter)
        handler._epay_owned = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # httpx logs every request line at INFO; our gateway logs its own redacted line per call.
    # qasync logs the arguments and results of executor calls at DEBUG: those can be PINs.
    for noisy in ("httpx", "httpcore", "uvicorn.access", "qasync"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    install_redaction()
    assert_redacted()
    return path


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file. One that cannot be written (disk full, removed folder) loses the record quietly:
    the person still gets the command's one line, never Python's logging-error trace on stderr."""

    failures = 0

    def handleError(self, record: logging.LogRecord) -> None:
        type(self).failures += 1

    def flush(self) -> None:
        try:
            super().flush()
        except OSError:
            type(self).failures += 1

    def close(self) -> None:
        try:
            super().close()
        except OSError:  # the buffered lines could not be written: the stream is closed all the same
            type(self).failures += 1


class _Screen(logging.StreamHandler):  # type: ignore[type-arg]
    """``--verbose``: the log's lines on stderr; a line that cannot be printed is dropped quietly."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


class _OneLineFormatter(logging.Formatter):
    """A record with its trace shortened to the exception's last line (the file keeps the whole trace)."""

    def format(self, record: logging.LogRecord) -> str:
        cached, record.exc_text = record.exc_text, None  # the file's formatter may have cached the trace
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:
        exc = ei[1] if isinstance(ei, tuple) else ei
        return f"  ({type(exc).__name__}; the stack trace is in the log file)"

    def formatStack(self, stack_info: str) -> str:
        return ""


class _Nowhere(logging.NullHandler):
    """Where records go while no log is attached: not Python's last resort, which prints them on stderr."""


def quiet_without_handlers() -> None:
    """Keep records made while no log file is attached (before it opens, after it closes) off stderr.

    Adds one do-nothing handler (with the redaction filter, like every handler) to the root logger;
    safe to call again.
    """
    root = logging.getLogger()
    if not any(isinstance(h, _Nowhere) for h in root.handlers):
        root.addHandler(_Nowhere())
        install_redaction(root)


def log_failure(home: Path, event: str, exc: BaseException | None) -> Path | None:
    """Write ``event`` and ``exc``'s stack trace (none when ``exc`` is None) to ``home``'s log file, for
    a failure that came before (or without) the app's own log: e.g. a database that could not be
    opened. Returns the log file's
    path, or None when it could not be written (then nothing is shown either). Leaves the root
    logger's handlers as they were."""
    root = logging.getLogger()
    before = (root.level, list(root.handlers))
    try:
        path = configure_logging(home)
        logging.getLogger(__name__).error("%s", event, exc_info=exc)
    except (OSError, RuntimeError):
        return None
    finally:
        for handler in list(root.handlers):
            if handler not in before[1] and getattr(handler, "_epay_owned", False):
                root.removeHandler(handler)
                handler.close()
        root.setLevel(before[0])
    return path


def assert_redacted() -> None:
    """Raise if any handler anywhere could write a record without the redaction filter."""
    leaking = unredacted_handlers()
    if leaking:
        names = ", ".join(type(h).__name__ for h in leaking)
        raise RuntimeError(f"log handlers without redaction: {names}")
