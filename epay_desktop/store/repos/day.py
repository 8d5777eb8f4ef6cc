"""The day at a glance summed in the database (``tx.day``; issue 13 item 5, decision 0116).

Three grouped queries over a time range, each grouped by the hour (UTC) and the person: the payments
made in it that the bank answered, per status (count and amount); those of them that were holds
charged by the console (a CHARGE or CANCEL operation: the X report counts them as holds, not
sales); and the money operations asked in it that succeeded, per kind. Each reads a range of a time
index (``ix_payments_created`` or ``ix_payments_status_created``, ``ix_money_ops_created_at``; the
plans are in decision 0116), and none asks another table per payment: a month of a million-payment
shop is read in a few hundred milliseconds. The caller adds the lines up per period.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import DateTime
from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import literal
from sqlalchemy import select

from epay_desktop.domain import OpState
from epay_desktop.domain.day import DECLINED
from epay_desktop.domain.day import TWO_STEP
from epay_desktop.domain.day import DayLine
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.store.models import UNRESOLVED_OP_STATES
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.repos.repo import Repo
from epay_desktop.store.repos.takings import DECLINED_STATUSES
from epay_desktop.store.repos.takings import HELD_STATUSES
from epay_desktop.store.repos.takings import OP_FIGURE
from epay_desktop.store.repos.takings import PAID_STATUSES
from epay_desktop.store.repos.takings import TWO_STEP_KINDS

__all__ = ["DayRepo"]

#: What an answered payment's status counts as (a CHARGE or REFUND is a sale unless TWO_STEP says not).
_WHAT = {
    **dict.fromkeys(PAID_STATUSES, FigureKind.SALES.value),
    **dict.fromkeys(HELD_STATUSES, FigureKind.HOLDS.value),
    **dict.fromkeys(DECLINED_STATUSES, DECLINED),
}

#: Paid statuses that are sales unless the payment was a hold charged by the console.
_SALES = tuple(s for s in PAID_STATUSES if s not in HELD_STATUSES)


class DayRepo(Repo):
    """``tx.day``: the lines :func:`~epay_desktop.domain.day.day_at_a_glance` adds up."""

    def lines(self, cuts: Sequence[datetime], hourly_from: datetime, end: datetime) -> list[DayLine]:
        """Per time bucket and person from the earliest cut until ``end``: the answered payments made
        then (by whoever made them), the two-step ones among them
        (:data:`~epay_desktop.domain.day.TWO_STEP`) and the SUCCEEDED money operations asked then (by
        whoever asked). From ``hourly_from`` on a bucket is a UTC hour; before it, from each cut to
        the next (the starts of the week and the month), one bucket dated by its cut: a month comes
        back as a few hundred lines, not one per hour and person."""
        start = min((*cuts, hourly_from))
        made = self._bucket(PaymentRow.created_at, cuts, hourly_from).label("bucket")
        in_range = (PaymentRow.created_at >= start, PaymentRow.created_at < end)
        payments = (
            select(
                made,
                PaymentRow.created_by,
                PaymentRow.status,
                func.count(),
                func.sum(PaymentRow.amount_minor),
            )
            .where(*in_range, PaymentRow.status.in_(tuple(_WHAT)))
            .group_by(made, PaymentRow.created_by, PaymentRow.status)
        )
        # an operation comes after its payment: the ones asked since ``start`` are all there can be
        charged = select(MoneyOpRow.payment_id).where(
            MoneyOpRow.created_at >= start, MoneyOpRow.kind.in_(TWO_STEP_KINDS)
        )
        two_step = (
            select(made, PaymentRow.created_by, func.count(), func.sum(PaymentRow.amount_minor))
            .where(*in_range, PaymentRow.status.in_(_SALES), PaymentRow.id.in_(charged))
            .group_by(made, PaymentRow.created_by)
        )
        asked = self._bucket(MoneyOpRow.created_at, cuts, hourly_from).label("bucket")
        ops = (
            select(
                asked,
                MoneyOpRow.requested_by,
                MoneyOpRow.kind,
                func.count(),
                func.sum(MoneyOpRow.amount_minor),
            )
            .where(
                MoneyOpRow.created_at >= start,
                MoneyOpRow.created_at < end,
                MoneyOpRow.state == OpState.SUCCEEDED.value,
            )
            .group_by(asked, MoneyOpRow.requested_by, MoneyOpRow.kind)
        )
        found = [
            DayLine(_utc_hour(at), person, _WHAT[status], int(count), int(total or 0))
            for at, person, status, count, total in self._s.execute(payments)
        ]
        found += [
            DayLine(_utc_hour(at), person, TWO_STEP, int(count), int(total or 0))
            for at, person, count, total in self._s.execute(two_step)
        ]
        found += [
            DayLine(_utc_hour(at), person, OP_FIGURE[kind].value, int(count), int(total or 0))
            for at, person, kind, count, total in self._s.execute(ops)
        ]
        return found

    def unresolved_ops(self) -> int:
        """How many money operations, of any day, have no known outcome yet."""
        stmt = select(func.count()).select_from(MoneyOpRow).where(MoneyOpRow.state.in_(UNRESOLVED_OP_STATES))
        return int(self._s.scalar(stmt) or 0)

    def _bucket(self, column: Any, cuts: Sequence[datetime], hourly_from: datetime) -> ColumnElement[Any]:
        """The bucket ``column`` falls in (see :meth:`lines`), as the start of a UTC hour. SQLite keeps
        a time as naive UTC text (``2026-03-04 09:30:00.000000``): its first 13 characters name the
        hour, several times cheaper than ``strftime`` on a month of payments. PostgreSQL: a naive
        UTC timestamp, whatever the session's time zone. Every cut is a whole UTC hour (Almaty's
        offset is whole hours)."""
        if self._tx.dialect == "sqlite":
            hour: ColumnElement[Any] = func.substr(column, 1, 13)

            def dated(cut: datetime) -> ColumnElement[Any]:
                return literal(f"{cut.astimezone(UTC):%Y-%m-%d %H}")
        else:
            hour = func.date_trunc("hour", func.timezone("UTC", column))

            def dated(cut: datetime) -> ColumnElement[Any]:
                return literal(cut.astimezone(UTC).replace(tzinfo=None), DateTime())

        latest_first = sorted(cuts, reverse=True)
        return case((column >= hourly_from, hour), *((column >= cut, dated(cut)) for cut in latest_first))


def _utc_hour(value: object) -> datetime:
    """A bucket's start as the database said it: a naive UTC timestamp, or SQLite's ``2026-03-04 09``."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    text = str(value)  # 2026-03-04 09
    return datetime(int(text[:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]), tzinfo=UTC)
