"""The fiscal shift's 24 hours as the console watches them (decision 0127): nothing to say far from them,
"close it by" within the last hour, "over" from the 24th hour on; a closed shift or none has no deadline;
which refused receipts wait for the shift's Z."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from epay_desktop.domain import Money
from epay_desktop.domain.fiscal_journal import FiscalKind, FiscalRecord, FiscalState
from epay_desktop.fiscal.models import ShiftState
from epay_desktop.services.fiscal.shift_watch import CLOSE_SOON, Deadline, deadline_of, needs_shift_close

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
