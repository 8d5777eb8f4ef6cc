"""Logging for the console: one size-rotated file per home folder, readable only by its owner.

Every handler gets the gateway's redaction filter (tokens, secrets, Authorization headers,
card numbers), including handlers added here later; ``assert_redacted()`` is checked at
start-up so a handler added by a library without the filter is caught.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import time
from pathlib import Path

from .gateway.redaction import install_redaction, unredacted_handlers

__all__ = ["assert_redacted", "configure_logging"]

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
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    ]
    if verbose:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(formatter)
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


def assert_redacted() -> None:
    """Raise if any handler anywhere could write a record without the redaction filter."""
    leaking = unredacted_handlers()
    if leaking:
        names = ", ".join(type(h).__name__ for h in leaking)
        raise RuntimeError(f"log handlers without redaction: {names}")
