"""The fiscal shift's 24 hours as the console watches them (decision 0127): nothing to say far from them,
"close it by" within the last hour, "over" from the 24th hour on; a closed shift or none has no deadline;
which refused receipts wait for the shift's Z; the badge on the clock, the register asked seldom (0141)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from itertools import pairwise

import pytest

from epay_desktop.domain import Money
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.fiscal.models import ShiftState
from epay_desktop.services.fiscal.shift_watch import CLOSE_SOON
from epay_desktop.services.fiscal.shift_watch import RECHECK
from epay_desktop.services.fiscal.shift_watch import Deadline
from epay_desktop.services.fiscal.shift_watch import ShiftWatch
from epay_desktop.services.fiscal.shift_watch import deadline_of
from epay_desktop.services.fiscal.shift_watch import needs_shift_close

OPENED = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
OPEN = ShiftState(shift_number=7, opened_at=OPENED, closed=False, cashbox_offline=False, documents=3)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (timedelta(hours=1), Deadline.NONE),
        (timedelta(hours=24) - CLOSE_SOON - timedelta(seconds=1), Deadline.NONE),
        (timedelta(hours=24) - CLOSE_SOON, Deadline.SOON),
        (timedelta(hours=24) - timedelta(seconds=1), Deadline.SOON),
        (timedelta(hours=24), Deadline.OVER),
        (timedelta(hours=80), Deadline.OVER),
    ],
)
def test_an_open_shift_is_due_in_its_last_hour_and_over_at_24_hours(
    after: timedelta, expected: Deadline
) -> None:
    assert deadline_of(OPEN, OPENED + after) is expected


def test_no_provider_no_shift_and_a_closed_shift_have_no_deadline() -> None:
    late = OPENED + timedelta(hours=30)
    none_open = ShiftState(shift_number=None, opened_at=None, closed=True, cashbox_offline=False, documents=0)
    assert deadline_of(None, late) is Deadline.NONE
    assert deadline_of(none_open, late) is Deadline.NONE
    assert deadline_of(replace(OPEN, closed=True), late) is Deadline.NONE


def _record(state: FiscalState, error: str | None) -> FiscalRecord:
    return FiscalRecord(
        id=1, payment_id=1, money_op_id=None, kind=FiscalKind.SALE, external_number="epd-sale-1",
        amount=Money(70_000), state=state, attempts=1, last_error=error, receipt=None,
        created_at=OPENED, updated_at=OPENED,
    )  # fmt: skip


def test_only_a_receipt_refused_for_the_24_hour_shift_waits_for_its_z() -> None:
    assert needs_shift_close(_record(FiscalState.NEEDS_PERSON, "ShiftOver24Hours"))
    assert not needs_shift_close(_record(FiscalState.NEEDS_PERSON, "FiscalAuthError"))
    assert not needs_shift_close(_record(FiscalState.UNKNOWN, "FiscalOutcomeUnknown"))
    assert not needs_shift_close(_record(FiscalState.REGISTERED, None))


MINUTE = timedelta(minutes=1)


def _watch(
    register: Callable[[datetime], ShiftState | None], start: datetime, minutes: int
) -> tuple[list[datetime], dict[Deadline, datetime]]:
    """The console's minute ticks from ``start``: when the register was read (``register(now)``: what it
    answers then; None: the read failed) and the first minute the badge showed each deadline."""
    watch = ShiftWatch()
    reads: list[datetime] = []
    first: dict[Deadline, datetime] = {}
    for minute in range(minutes):
        now = start + minute * MINUTE
        if watch.due(now):
            watch.asking(now)
            reads.append(now)
            state = register(now)
            if state is None:
                watch.on_clock(now)
            else:
                watch.read(state, now)
        first.setdefault(watch.shown, now)
    return reads, first


def test_the_badge_follows_the_clock_and_the_register_is_read_seldom_and_before_each_step() -> None:
    day = 25 * 60  # signed in when the shift opened, left on past its 24 hours
    reads, first = _watch(lambda _now: OPEN, OPENED, day)
    assert first[Deadline.SOON] == OPENED + timedelta(hours=23)
    assert first[Deadline.OVER] == OPENED + timedelta(hours=24)
    assert {OPENED + timedelta(hours=23), OPENED + timedelta(hours=24)} <= set(reads)  # made sure of first
    assert len(reads) <= day // (RECHECK // MINUTE) + 3  # about 100 reads, not 1,500
    assert all(b - a <= RECHECK for a, b in pairwise(reads))


def test_a_z_at_another_counter_is_seen_within_the_recheck() -> None:
    late = OPENED + timedelta(hours=23, minutes=5)  # amber on this counter
    z_at = late + timedelta(minutes=7, seconds=30)
    closed = replace(OPEN, closed=True)
    reads, first = _watch(lambda now: closed if now >= z_at else OPEN, late, 60)
    assert first[Deadline.SOON] == late
    assert z_at < first[Deadline.NONE] <= z_at + RECHECK
    assert len(reads) <= 60 // (RECHECK // MINUTE) + 1


def test_a_failed_read_keeps_the_last_shift_and_its_warning_still_comes_on_the_clock() -> None:
    read_once = OPENED + timedelta(hours=20)
    reads, first = _watch(lambda now: OPEN if now == read_once else None, read_once, 5 * 60)
    assert first[Deadline.SOON] == OPENED + timedelta(hours=23)
    assert first[Deadline.OVER] == OPENED + timedelta(hours=24)
    assert len(reads) <= 5 * 60 // (RECHECK // MINUTE) + 3  # a network down is not asked every minute
    assert deadline_of(None, read_once) is Deadline.NONE and ShiftWatch().on_clock(read_once) is Deadline.NONE
