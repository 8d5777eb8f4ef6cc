"""Named crash points for kill tests (docs/reliability.md T02, T03, T14). A test hook, inert in use.

The money operation flow calls :meth:`FaultPoints.hit` at a few named places. Nothing happens
unless the environment variable ``EPAY_FAULT_AT`` equals that name; then the process kills itself
with SIGKILL on the spot, exactly like a power cut or ``kill -9``: no ``finally`` blocks, no
flush, no clean shutdown. A child-process test sets the variable, runs one operation, and checks
that the next start (the reconciler) puts things right.

Names: ``after_intent_commit`` (the intent row is committed, nothing sent), ``before_send``
(about to send the request), ``after_gateway_ok_before_commit`` (the gateway answered 2xx and the
outcome is not recorded yet). The fiscal receipts' (services/fiscal/service.py, decision 0124):
``fiscal_after_intent_commit`` (the fiscal intent is committed, the provider not asked) and
``fiscal_after_registered_before_commit`` (the provider registered the receipt, its answer is not
recorded yet).
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Mapping
from typing import Final

__all__ = ["FAULT_ENV", "FAULT_POINTS", "FISCAL_FAULT_POINTS", "FaultPoints"]

log = logging.getLogger(__name__)

FAULT_ENV: Final = "EPAY_FAULT_AT"
#: The money operations' points (what the storms of tests/stress arm).
FAULT_POINTS: Final = frozenset({"after_intent_commit", "before_send", "after_gateway_ok_before_commit"})
#: The fiscal receipts' points (tests/services/test_fiscal_kill.py).
FISCAL_FAULT_POINTS: Final = frozenset(
    {"fiscal_after_intent_commit", "fiscal_after_registered_before_commit"}
)
# Windows has no SIGKILL; os.kill with SIGTERM there calls TerminateProcess, which is as abrupt.
_KILL: Final = getattr(signal, "SIGKILL", signal.SIGTERM)


class FaultPoints:
    """Reads ``EPAY_FAULT_AT`` from ``environ`` (default: the process environment) at each hit."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._environ = environ if environ is not None else os.environ

    def hit(self, name: str) -> None:
        """Kill this process with SIGKILL if ``EPAY_FAULT_AT == name``; otherwise do nothing.

        Side effect when armed: the process ends immediately. Raises ValueError for a name that is
        not one of :data:`FAULT_POINTS` or :data:`FISCAL_FAULT_POINTS` (a typo would silently never fire).
        """
        if name not in FAULT_POINTS and name not in FISCAL_FAULT_POINTS:
            raise ValueError(f"unknown fault point {name!r}")
        if self._environ.get(FAULT_ENV) == name:
            log.warning("event=fault_point_kill point=%s", name)
            os.kill(os.getpid(), _KILL)
