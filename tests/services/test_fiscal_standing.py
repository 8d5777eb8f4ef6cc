"""Where a payment's fiscal receipt stands, in the words the payment's detail and ``payments show`` use
(decision 0128): registered with its fiscal sign, shift and number at the register's own time and its
OFD page (a web page only); pending; refused for a person, with the reason and what to do."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone

import pytest

from epay_desktop.domain import Money
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.fiscal_journal import KeptReceipt
from epay_desktop.services.fiscal.standing import standing_of

_AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
_URL = "https://ctest.wofd.kz/consumer?i=926341785&f=010102030405&s=1000.00&t=20260302T142958"
_KEPT = KeptReceipt(
    check_number="926341785", registered_at="2026-03-02T14:29:58+05:00", registration_number="010102030405",
    cashbox_number="SWK00000001", shift_number=4, order_number=7, ofd_name="Smartcontract LLP (WOFD)",
    ticket_url=_URL, offline=False,
)  # fmt: skip


def _record(state: FiscalState, kind: FiscalKind = FiscalKind.SALE, **changes: object) -> FiscalRecord:
    record = FiscalRecord(
        id=1,
        payment_id=5,
        money_op_id=None if kind is FiscalKind.SALE else "op-1",
        kind=kind,
        external_number="epd-sale-000000123",
        amount=Money(100_000),
        state=state,
        attempts=1,
        last_error=None,
        receipt=_KEPT if state is FiscalState.REGISTERED else None,
        created_at=_AT,
        updated_at=_AT + timedelta(seconds=2),
    )
    return replace(record, **changes)  # type: ignore[arg-type]


def test_a_registered_sale_says_its_fiscal_sign_shift_and_number_at_the_registers_time() -> None:
    standing = standing_of(_record(FiscalState.REGISTERED))
    assert standing.headline.text() == "Fiscal receipt registered: fiscal sign 926341785, shift 4, No. 7"
    assert standing.when == datetime(2026, 3, 2, 14, 29, 58, tzinfo=timezone(timedelta(hours=5)))
    assert standing.register_time and standing.reason is None and standing.note is None
    assert standing.check_url == _KEPT.ticket_url


def test_a_registered_return_without_a_number_and_offline_says_so() -> None:
    kept = replace(_KEPT, order_number=None, offline=True)
    standing = standing_of(_record(FiscalState.REGISTERED, FiscalKind.RETURN, receipt=kept))
    assert standing.headline.text() == "Fiscal return receipt registered: fiscal sign 926341785, shift 4"
    assert standing.note is not None and "offline" in standing.note.text()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "", "https://"])
def test_only_a_web_page_is_offered_as_the_ofd_check(url: str) -> None:
    standing = standing_of(_record(FiscalState.REGISTERED, receipt=replace(_KEPT, ticket_url=url)))
    assert standing.check_url == ""


@pytest.mark.parametrize("state", [FiscalState.INTENT, FiscalState.UNKNOWN])
def test_not_answered_yet_is_pending_at_the_last_try(state: FiscalState) -> None:
    sale = standing_of(_record(state, last_error="FiscalOutcomeUnknown"))
    assert sale.headline.text() == "Fiscal receipt pending (will be retried)"
    assert sale.when == _AT + timedelta(seconds=2) and not sale.register_time
    assert sale.reason is None and sale.check_url == ""
    ret = standing_of(_record(state, FiscalKind.RETURN))
    assert ret.headline.text() == "Fiscal return receipt pending (will be retried)"


def test_a_refusal_for_a_person_says_the_reason_and_what_to_do() -> None:
    standing = standing_of(
        _record(FiscalState.NEEDS_PERSON, FiscalKind.RETURN, last_error="ShiftOver24Hours")
    )
    assert standing.headline.text() == "Fiscal return receipt not registered"
    assert standing.reason is not None
    assert (
        "more than 24 hours" in standing.reason.text()
        and "close the shift (Z report)" in standing.reason.text()
    )
