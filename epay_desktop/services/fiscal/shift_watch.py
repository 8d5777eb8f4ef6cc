"""The fiscal register's shift as a person watches it: its 24 hours, and what a Z report left behind
(issue 14; decision 0127).

:func:`deadline_of` says whether the open shift is fine, due within :data:`CLOSE_SOON` of its 24 hours
(the status bar's amber badge "must be closed by HH:MM"), or past them (red: the register refuses every
receipt until a Z report). :class:`ShiftClosed` is a person's Z (:meth:`FiscalService.close_shift_as`):
the report and the receipts that had been refused for the old shift, asked again in the new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Final

from epay_desktop.domain.fiscal_journal import FiscalRecord, FiscalState
from epay_desktop.fiscal.errors import ShiftOver24Hours
from epay_desktop.fiscal.models import ShiftReport, ShiftState

__all__ = ["CLOSE_SOON", "Deadline", "ShiftClosed", "deadline_of", "needs_shift_close"]

#: The badge turns amber this long before the shift's 24 hours are up.
CLOSE_SOON: Final = timedelta(hours=1)


class Deadline(Enum):
    """How near the open fiscal shift is to its 24 hours."""

    NONE = "none"  # no shift open, or far from its limit
    SOON = "soon"  # within CLOSE_SOON of it: close it before then
    OVER = "over"  # past it: every receipt is refused until a Z report


def deadline_of(state: ShiftState | None, now: datetime) -> Deadline:
    """Where ``state`` (None: no provider) stands at ``now`` (aware): over its limit as the provider's
    model says (:meth:`ShiftState.over_limit`), else soon when it will be over :data:`CLOSE_SOON` on."""
    if state is None or not state.over_limit(now + CLOSE_SOON):
        return Deadline.NONE
    return Deadline.OVER if state.over_limit(now) else Deadline.SOON


@dataclass(frozen=True, slots=True)
class ShiftClosed:
    """A Z report and the receipts refused for the old shift that were asked again right after it."""

    report: ShiftReport
    retried: tuple[FiscalRecord, ...]

    @property
    def registered(self) -> tuple[FiscalRecord, ...]:
        """The retried receipts the register took."""
        return tuple(r for r in self.retried if r.state is FiscalState.REGISTERED)

    @property
    def still_refused(self) -> tuple[FiscalRecord, ...]:
        """The retried receipts it still refused (another reason: Needs attention says which)."""
        return tuple(r for r in self.retried if r.state is not FiscalState.REGISTERED)


def needs_shift_close(record: FiscalRecord) -> bool:
    """Whether ``record`` waits for the fiscal shift's Z: refused because the shift was past 24 hours."""
    return record.state is FiscalState.NEEDS_PERSON and record.last_error == ShiftOver24Hours.__name__
