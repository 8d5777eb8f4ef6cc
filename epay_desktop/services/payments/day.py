"""The manager's day at a glance (issue 13 item 5, decision 0116): what the shop took today, this
week and this month, today hour by hour, per cashier, the decline and refund rates, the money
operations that wait for an outcome, and what moved today outside any shift (decision 0145).

One read transaction: the database sums the lines per person, today per hour and before today from
the week's and the month's starts (``tx.day``), and counts the unresolved operations;
:func:`~epay_desktop.domain.day.day_at_a_glance` adds them up per period and hour. Managers and
administrators only (the role as the audit log backs it, decision 0075).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC
from datetime import datetime

from epay_desktop.domain import User
from epay_desktop.domain.day import DayAtAGlance
from epay_desktop.domain.day import Period
from epay_desktop.domain.day import day_at_a_glance
from epay_desktop.domain.day import periods_of
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.shifts import Totals
from epay_desktop.services.people.login import require_manager
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = ["DayService"]

log = logging.getLogger(__name__)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class DayService:
    """``AppContext.day``: the shop's figures (every register) for a manager."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = _utcnow) -> None:
        self._store = store
        self._clock = clock

    async def glance(self, actor: User) -> DayAtAGlance:
        """The figures as of now. Raises PermissionDenied for a cashier (or an account whose role
        the audit log does not back)."""
        now = self._clock()
        started = time.monotonic()
        glance = await self._store.run_read(lambda tx: self._glance(tx, actor, now))
        log.info(
            "event=day_at_a_glance user_id=%s ms=%.0f unresolved=%s",
            actor.id,
            (time.monotonic() - started) * 1000,
            glance.unresolved,
        )
        return glance

    def _glance(self, tx: Tx, actor: User, now: datetime) -> DayAtAGlance:
        refusal = msg(
            "day", QT_TRANSLATE_NOOP("day", "Only a manager or an administrator can see the day's figures.")
        )
        require_manager(tx, actor, refusal)
        spans = periods_of(now)
        today, end = spans[Period.TODAY]
        cuts = [start for start, _ in spans.values() if start < today]  # the week's and month's starts
        lines = tx.day.lines(cuts, today, end)
        names: dict[int | None, str] = {user.id: user.name for user in tx.users.list()}
        names[None] = "—"  # payments made by no account (e.g. a checkout from the command line)
        glance = day_at_a_glance(lines, now, names, tx.day.unresolved_ops())
        outside = Totals.of(tx.shifts.outside_lines(today, end))  # decision 0145
        return replace(glance, outside_today=outside) if any(f.count for f in outside.figures) else glance
