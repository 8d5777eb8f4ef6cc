"""The day at a glance (issue 13 item 5, decision 0116): the figures summed by the database in the
shop's time (Asia/Almaty, UTC+5), on SQLite and PostgreSQL: takings today, this week (from Monday)
and this month, per hour and cashier, the decline and refund rates, the unresolved operations; and
a cashier is refused."""

from __future__ import annotations

import asyncio
from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.domain.day import DayAtAGlance
from epay_desktop.domain.day import Period
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.services.payments.day import DayService
from epay_desktop.store.db import Store
from tests.support.builders import new_payment
from tests.support.builders import stored_operation
from tests.support.builders import stored_payment
from tests.support.ops_harness import add_user

#: Wednesday 4 March 2026, 15:00 in Almaty (10:00 UTC): the week began on Monday 2 March (Almaty),
#: the month on Sunday 1 March.
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def _utc(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def _glance(store: Store) -> tuple[DayAtAGlance, dict[str, int]]:
    """The shop's known day (see the comments) and the glance a manager gets of it at NOW."""
    aigerim = add_user(store, "Айгерим", Role.CASHIER)
    yerzhan = add_user(store, "Ержан", Role.CASHIER)
    daniyar = add_user(store, "Данияр", Role.MANAGER)

    def paid(
        n: int, amount: str, at: datetime, by: int, status: ConsoleStatus = ConsoleStatus.CHARGE
    ) -> object:
        return stored_payment(store, n, amount, at=at, created_by=by, status=status)

    sale = paid(1, "1000", _utc(4, 4, 10), aigerim.id)  # today 09:10
    busy = paid(2, "500", _utc(4, 9, 30), yerzhan.id)  # today 14:30
    paid(3, "300", _utc(4, 9, 45), aigerim.id, ConsoleStatus.REJECT)  # today 14:45, declined
    paid(4, "2000", _utc(3, 23, 30), aigerim.id)  # 23:30 UTC on the 3rd: 04:30 today in Almaty
    paid(5, "100", _utc(3, 18, 30), aigerim.id)  # 23:30 yesterday in Almaty: this week, not today
    paid(6, "700", _utc(2, 10), yerzhan.id)  # Monday: this week
    paid(7, "400", _utc(1, 10), yerzhan.id)  # Sunday the 1st: this month, last week
    paid(8, "9000", _utc(28, 18, 30, month=2), yerzhan.id)  # 23:30 on 28 February in Almaty: before
    paid(9, "50", _utc(28, 19, 30, month=2), yerzhan.id)  # 00:30 on 1 March in Almaty: this month
    paid(10, "800", _utc(4, 6), aigerim.id, ConsoleStatus.EXPIRED)  # no answer from the bank: not counted
    with store.write() as tx:
        new_payment(tx, 11, "600", at=_utc(4, 7), created_by=aigerim.id)  # still being paid: not counted
    stored_operation(store, sale, OpState.SUCCEEDED, _utc(4, 5), "200", requested_by=daniyar.id)  # 10:00
    stored_operation(store, busy, OpState.UNKNOWN, _utc(4, 9, 50), "100", requested_by=daniyar.id)
    glance = asyncio.run(DayService(store, lambda: NOW).glance(daniyar))
    return glance, {"Айгерим": aigerim.id, "Ержан": yerzhan.id, "Данияр": daniyar.id}


def _figures(glance: DayAtAGlance, period: Period) -> dict[FigureKind, tuple[int, int]]:
    figures = {Period.TODAY: glance.today, Period.WEEK: glance.week, Period.MONTH: glance.month}[period]
    return {f.kind: (f.count, f.total.minor) for f in figures.totals.figures if f.count}


def test_the_days_figures_in_almaty_time(db_store: Store) -> None:
    glance, _ = _glance(db_store)
    today, week, month = glance.periods
    assert _figures(glance, Period.TODAY) == {FigureKind.SALES: (3, 350_000), FigureKind.REFUNDS: (1, 20_000)}
    assert today.takings_minor == 330_000
    assert today.declined == 1 and today.decline_rate == Decimal("25.0")  # 1 of 4 answered
    assert today.refund_rate == Decimal("5.7")  # 200 of 3,500 tenge taken
    assert week.takings_minor == 330_000 + 10_000 + 70_000
    assert week.decline_rate == Decimal("16.7")  # 1 of 6
    assert month.takings_minor == 410_000 + 40_000 + 5_000  # 9,000 on 28 February (Almaty) is not
    assert (today.start.isoformat(), week.start.isoformat(), month.start.isoformat()) == (
        "2026-03-04T00:00:00+05:00",
        "2026-03-02T00:00:00+05:00",
        "2026-03-01T00:00:00+05:00",
    )
    assert glance.unresolved == 1


def test_today_hour_by_hour_and_per_cashier(db_store: Store) -> None:
    glance, _ = _glance(db_store)
    assert len(glance.hours) == 24 and glance.hours[0].start.isoformat() == "2026-03-04T00:00:00+05:00"
    by_hour = {
        h.start.hour: (h.totals.net_minor, h.declined)
        for h in glance.hours
        if h.totals.net_minor or h.declined
    }
    assert by_hour == {4: (200_000, 0), 9: (100_000, 0), 10: (-20_000, 0), 14: (50_000, 1)}
    cashiers = {g.name: g.totals.net_minor for g in glance.today.by_cashier}
    assert cashiers == {"Айгерим": 300_000, "Ержан": 50_000, "Данияр": -20_000}
    month = {g.name: g.totals[FigureKind.SALES].count for g in glance.month.by_cashier}
    assert month == {"Айгерим": 3, "Ержан": 4, "Данияр": 0}  # a declined payment is no sale


def test_no_payment_yet_gives_zeros_and_no_rates(db_store: Store) -> None:
    manager = add_user(db_store, "Данияр", Role.MANAGER)
    glance = asyncio.run(DayService(db_store, lambda: NOW).glance(manager))
    assert glance.today.takings_minor == 0 and glance.month.by_cashier == ()
    assert glance.today.decline_rate is None and glance.today.refund_rate is None


def test_a_cashier_is_refused(db_store: Store) -> None:
    cashier = add_user(db_store, "Айгерим", Role.CASHIER)
    with pytest.raises(
        PermissionDenied, match="Only a manager or an administrator can see the day's figures"
    ):
        asyncio.run(DayService(db_store, lambda: NOW).glance(cashier))


def test_the_operations_kinds_count_apart(db_store: Store) -> None:
    """A hold charged by the manager: its payment is a hold (no takings), the charge is takings."""
    manager = add_user(db_store, "Данияр", Role.MANAGER)
    held = stored_payment(db_store, 1, "700", at=_utc(4, 8), created_by=manager.id)
    stored_operation(
        db_store, held, OpState.SUCCEEDED, _utc(4, 8, 5), "600", requested_by=manager.id, kind=OpKind.CHARGE
    )
    glance = asyncio.run(DayService(db_store, lambda: NOW).glance(manager))
    assert _figures(glance, Period.TODAY) == {FigureKind.HOLDS: (1, 70_000), FigureKind.CHARGES: (1, 60_000)}
    assert glance.today.takings_minor == 60_000 and glance.today.refund_rate == Decimal("0.0")


def test_a_week_that_began_last_month(db_store: Store) -> None:
    """Sunday 1 March: the week began on Monday 23 February, the month only today; a payment on 25
    February is this week's and not this month's, one at 00:30 today (Almaty) is both."""
    manager = add_user(db_store, "Данияр", Role.MANAGER)
    stored_payment(db_store, 1, "300", at=_utc(25, 10, month=2), created_by=manager.id)
    stored_payment(db_store, 2, "40", at=_utc(28, 19, 30, month=2), created_by=manager.id)
    sunday = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    glance = asyncio.run(DayService(db_store, lambda: sunday).glance(manager))
    assert glance.week.start.isoformat() == "2026-02-23T00:00:00+05:00"
    assert (glance.today.takings_minor, glance.week.takings_minor, glance.month.takings_minor) == (
        4_000,
        34_000,
        4_000,
    )
    assert [h.start.hour for h in glance.hours if h.totals.net_minor] == [0]
