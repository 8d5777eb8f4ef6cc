"""The fiscal register's shift as a person watches it: its 24 hours, and what a Z report left behind
(issue 14; decision 0127).

:func:`deadline_of` says whether the open shift is fine, due within :data:`CLOSE_SOON` of its 24 hours
(the status bar's amber badge "must be closed by HH:MM"), or past them (red: the register refuses every
receipt until a Z report). :class:`ShiftClosed` is a person's Z (:meth:`FiscalService.close_shift_as`):
the report and the receipts that had been refused for the old shift, asked again in the new one.
:class:`ShiftWatch` keeps the status bar's badge on the console's clock between reads of the register, and
says when the register is worth asking again (decision 0141).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from enum import Enum
from typing import Final

from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.fiscal.errors import ShiftOver24Hours
from epay_desktop.fiscal.models import ShiftReport
from epay_desktop.fiscal.models import ShiftState

__all__ = [
    "CLOSE_SOON",
    "RECHECK",
    "Deadline",
    "ShiftClosed",
    "ShiftWatch",
    "deadline_of",
    "needs_shift_close",
]

#: The badge turns amber this long before the shift's 24 hours are up.
CLOSE_SOON: Final = timedelta(hours=1)

#: Between the steps of its deadline the register is asked again at most this often: a Z made at another
#: counter (or in the provider's cabinet) is seen within it (decision 0141).
RECHECK: Final = timedelta(minutes=15)


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


@dataclass(slots=True)
class ShiftWatch:
    """The register's shift as the badge follows it (decision 0141): the last state read (None: none yet,
    or no provider), when the register was last asked, and the deadline the badge shows.

    The deadline is a function of the shift's opening time and the clock, so each minute it is worked out
    here, without the network; :meth:`due` says when the register should be read all the same."""

    state: ShiftState | None = None
    asked_at: datetime | None = None  # None: not asked since this person signed in
    shown: Deadline = Deadline.NONE

    def due(self, now: datetime) -> bool:
        """Whether to read the register at ``now``: never asked, :data:`RECHECK` since it was last asked, or
        the deadline changes its step on the clock (made sure of before the badge turns amber or red)."""
        if self.asked_at is None or now - self.asked_at >= RECHECK:
            return True
        return deadline_of(self.state, now) is not self.shown

    def asking(self, now: datetime) -> None:
        """The register is being read at ``now``."""
        self.asked_at = now

    def read(self, state: ShiftState | None, now: datetime) -> Deadline:
        """The register answered ``state``: the deadline to show at ``now``."""
        self.state = state
        return self.on_clock(now)

    def on_clock(self, now: datetime) -> Deadline:
        """The deadline to show at ``now`` from the last state read (a read failed: the clock still runs)."""
        self.shown = deadline_of(self.state, now)
        return self.shown

    @property
    def close_by(self) -> datetime | None:
        """When the last shift read must be closed (None: none open, or nothing read)."""
        return None if self.state is None else self.state.close_by


@dataclass(frozen=True, slots=True)
class ShiftClosed:
    """A Z report and the receipts not registered before it that were asked again right after it;
    ``for_shift``: the numbers of those that had been refused for the old shift (past its 24 hours), the
    others had waited for another reason (refused otherwise, or not answered; decision 0158)."""

    report: ShiftReport
    retried: tuple[FiscalRecord, ...]
    for_shift: frozenset[str] = frozenset()

    @property
    def registered(self) -> tuple[FiscalRecord, ...]:
        """The retried receipts the register took."""
        return tuple(r for r in self.retried if r.state is FiscalState.REGISTERED)

    @property
    def registered_for_shift(self) -> tuple[FiscalRecord, ...]:
        """The registered ones the old shift had held back (the Z is what let them in)."""
        return tuple(r for r in self.registered if r.external_number in self.for_shift)

    @property
    def registered_otherwise(self) -> tuple[FiscalRecord, ...]:
        """The registered ones that had waited for another reason than the shift."""
        return tuple(r for r in self.registered if r.external_number not in self.for_shift)

    @property
    def still_refused(self) -> tuple[FiscalRecord, ...]:
        """The retried receipts it still refused (another reason: Needs attention says which)."""
        return tuple(r for r in self.retried if r.state is not FiscalState.REGISTERED)


def needs_shift_close(record: FiscalRecord) -> bool:
    """Whether ``record`` waits for the fiscal shift's Z: refused because the shift was past 24 hours."""
    return record.state is FiscalState.NEEDS_PERSON and record.last_error == ShiftOver24Hours.__name__
