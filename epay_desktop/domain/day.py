"""The manager's day at a glance as plain values (issue 13 item 5, decision 0116).

The database sums the payments and money operations per time bucket and person (:class:`DayLine`:
today's hours, and before today the stretches from the month's and the week's starts);
:func:`day_at_a_glance` turns those few hundred lines into the figures the window, the table and the
benchmark read: takings today, this week and this month (the shop's calendar, Asia/Almaty; a week
starts on Monday), today hour by hour, per cashier, the decline and refund rates, and how many money
operations wait for an outcome.

What the figures mean (decision 0116): *takings* are what the X and Z reports call the net, sales
and charges less refunds (:class:`~epay_desktop.domain.shifts.Totals`), each counted when it
happened (a sale when its payment was made, a charge or refund when its operation was asked) and
for the cashier who did it; the *decline rate* is declined payments of all the payments the bank
answered (paid, held or declined); the *refund rate* is money refunded of money taken (sales and
charges), both in the period. Almaty's offset from UTC is whole hours, so an hour in UTC is one
hour of the shop's day. Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from decimal import ROUND_HALF_UP
from decimal import Decimal
from enum import StrEnum
from typing import Any
from typing import Final
from zoneinfo import ZoneInfo

from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import GroupTotals
from epay_desktop.domain.shifts import ShiftLine
from epay_desktop.domain.shifts import Totals
from epay_desktop.domain.shifts import group_totals

__all__ = [
    "DECLINED",
    "TWO_STEP",
    "DayAtAGlance",
    "DayLine",
    "HourFigures",
    "Period",
    "PeriodFigures",
    "day_at_a_glance",
    "paid_count",
    "percent",
    "periods_of",
]

_KZ_TIME: Final = ZoneInfo("Asia/Almaty")
#: A :class:`DayLine`'s ``what`` for declined payments (the rest are :class:`FigureKind` values) ...
DECLINED: Final = "declined"
#: ... and for payments its status counts as sales that were holds the console charged (or cancelled):
#: already among the sales lines, they move from the sales to the holds.
TWO_STEP: Final = "two_step"
_TENTH: Final = Decimal("0.1")


class Period(StrEnum):
    """The shop's calendar periods that end today: the day, the week from Monday, the month."""

    TODAY = "today"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class DayLine:
    """One group the database summed: when its bucket starts (a UTC hour of today, or the start of the
    week or the month), the person (None: no account),
    what (a :class:`FigureKind` value, :data:`DECLINED` or :data:`TWO_STEP`), how many and their total
    in tiyn."""

    hour: datetime
    cashier_id: int | None
    what: str
    count: int
    total_minor: int


def paid_count(totals: Totals) -> int:
    """How many payments the bank approved: paid in one step or held."""
    return totals[FigureKind.SALES].count + totals[FigureKind.HOLDS].count


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in percent, to a tenth (half up); None when ``whole`` is 0."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_TENTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """One period's figures: ``start``/``end`` in the shop's time (end exclusive: tomorrow 00:00)."""

    period: Period
    start: datetime
    end: datetime
    totals: Totals
    declined: int
    by_cashier: tuple[GroupTotals, ...]

    @property
    def takings_minor(self) -> int:
        """Sales and charges less refunds, in tiyn (below zero when refunds exceed them)."""
        return self.totals.net_minor

    @property
    def answered(self) -> int:
        """Payments the bank answered: paid in one step, held, or declined."""
        return paid_count(self.totals) + self.declined

    @property
    def decline_rate(self) -> Decimal | None:
        """Declined of the answered payments, in percent; None with no answered payment."""
        return percent(self.declined, self.answered)

    @property
    def refund_rate(self) -> Decimal | None:
        """Money refunded of money taken (sales and charges), in percent; None when nothing was taken."""
        taken = self.totals[FigureKind.SALES].total.minor + self.totals[FigureKind.CHARGES].total.minor
        return percent(self.totals[FigureKind.REFUNDS].total.minor, taken)


@dataclass(frozen=True, slots=True)
class HourFigures:
    """One hour of today in the shop's time (``start``: e.g. 14:00), its totals and declines."""

    start: datetime
    totals: Totals
    declined: int


@dataclass(frozen=True, slots=True)
class DayAtAGlance:
    """Everything the manager's window shows, as of ``made_at`` (UTC)."""

    made_at: datetime
    today: PeriodFigures
    week: PeriodFigures
    month: PeriodFigures
    hours: tuple[HourFigures, ...]  # every hour of today, 00:00 to 23:00, in order
    unresolved: int  # money operations of any day whose outcome is not known yet
    #: What moved today at a register while none of its shifts was open, once the shop worked in shifts
    #: (in today's figures too; the register's next X and Z reports list it: decision 0145); None: nothing.
    outside_today: Totals | None = None

    @property
    def periods(self) -> tuple[PeriodFigures, PeriodFigures, PeriodFigures]:
        return (self.today, self.week, self.month)


def periods_of(now: datetime) -> dict[Period, tuple[datetime, datetime]]:
    """Each period's ``[start, end)`` in the shop's time for the moment ``now`` (aware)."""
    today = now.astimezone(_KZ_TIME).date()
    end = _midnight(today + timedelta(days=1))
    return {
        Period.TODAY: (_midnight(today), end),
        Period.WEEK: (_midnight(today - timedelta(days=today.weekday())), end),
        Period.MONTH: (_midnight(today.replace(day=1)), end),
    }


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=_KZ_TIME)


def day_at_a_glance(
    lines: Iterable[DayLine], now: datetime, names: Mapping[int | None, str], unresolved: int
) -> DayAtAGlance:
    """The figures of ``lines`` (summed from the earliest period's start until tomorrow) as of
    ``now``; ``names``: the people's names by id (None: payments made by no account). One pass over
    the lines, adding them up per period and person and per hour of today."""
    spans = periods_of(now)
    today_start, today_end = spans[Period.TODAY]
    per_period: dict[tuple[Period, int | None, str], list[int]] = {}
    per_hour: dict[tuple[int, str], list[int]] = {}
    local: dict[datetime, datetime] = {}
    for line in lines:
        at = local.get(line.hour)
        if at is None:
            at = local[line.hour] = line.hour.astimezone(_KZ_TIME)
        for period, (start, end) in spans.items():
            if start <= at < end:
                _add(per_period, (period, line.cashier_id, line.what), line)
        if today_start <= at < today_end:
            _add(per_hour, (int((at - today_start).total_seconds()) // 3600, line.what), line)

    def figures(period: Period) -> PeriodFigures:
        start, end = spans[period]
        sums = {(person, what): sum_ for (p, person, what), sum_ in per_period.items() if p is period}
        money = _money_lines(sums)
        return PeriodFigures(
            period=period,
            start=start,
            end=end,
            totals=Totals.of(money),
            declined=sum(s[0] for (_, what), s in sums.items() if what == DECLINED),
            by_cashier=group_totals(money, "cashier_id", names),
        )

    hours = []
    for hour in range(24):
        in_hour: dict[tuple[int | None, str], list[int]] = {
            (None, what): sum_ for (h, what), sum_ in per_hour.items() if h == hour
        }
        declined = sum(s[0] for (_, what), s in in_hour.items() if what == DECLINED)
        hours.append(
            HourFigures(today_start + timedelta(hours=hour), Totals.of(_money_lines(in_hour)), declined)
        )
    return DayAtAGlance(
        made_at=now,
        today=figures(Period.TODAY),
        week=figures(Period.WEEK),
        month=figures(Period.MONTH),
        hours=tuple(hours),
        unresolved=unresolved,
    )


def _add(sums: dict[Any, list[int]], key: Any, line: DayLine) -> None:
    found = sums.setdefault(key, [0, 0])
    found[0] += line.count
    found[1] += line.total_minor


def _money_lines(sums: Mapping[tuple[int | None, str], list[int]]) -> list[ShiftLine]:
    """The summed lines as a report's figures: declined payments move no money; a two-step payment
    counted among the sales by its status is a hold (decision 0107's rule)."""
    found = []
    for (person, what), (count, total) in sums.items():
        if what == DECLINED:
            continue
        if what == TWO_STEP:
            found.append(ShiftLine(FigureKind.SALES, person, "", -count, -total))
            found.append(ShiftLine(FigureKind.HOLDS, person, "", count, total))
        else:
            found.append(ShiftLine(FigureKind(what), person, "", count, total))
    return found
