"""Migration 0004's tables through their repositories: payment events (card attempts, refunds made
outside the console) and discrepancies between the console's books and the bank's (issue 8)."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import NotFoundError
from epay_desktop.domain import PaymentEventKind
from epay_desktop.domain.checkout import CheckoutInput
from epay_desktop.store.db import Store
from tests.support.builders import add_account_row

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(db_store: Store) -> Store:
    """A migrated store (tests/conftest.py ``db_store``: so migration 0004 itself is used) with a manager."""
    add_account_row(db_store, T0)
    return db_store


def _payment(store: Store) -> int:
    with store.write() as tx:
        payment = tx.payments.insert(
            InvoiceId("100000001"), CheckoutInput(Money(50_000)), description="d", register_id="r1",
            created_by=1, now=T0,
        )  # fmt: skip
        return payment.id


def test_events_are_kept_in_order_with_their_amounts(store: Store) -> None:
    pid = _payment(store)
    with store.write() as tx:
        tx.payment_events.add(
            pid, PaymentEventKind.ATTEMPT, at=T0, status="REJECT", reason_code=484, card_mask="440563...5096"
        )
        tx.payment_events.add(pid, PaymentEventKind.ATTEMPT, at=T0 + timedelta(seconds=5), status="CHARGE")
        tx.payment_events.add(
            pid, PaymentEventKind.EXTERNAL_REFUND, at=T0 + timedelta(hours=1), amount=Money(4_000)
        )
        tx.payment_events.add(
            pid, PaymentEventKind.EXTERNAL_REFUND, at=T0 + timedelta(hours=2), amount=Money(1_000)
        )
    with store.read() as tx:
        events = tx.payment_events.for_payment(pid)
        attempts = tx.payment_events.for_payment(pid, PaymentEventKind.ATTEMPT)
        last = tx.payment_events.last(pid, PaymentEventKind.ATTEMPT)
        outside = tx.payment_events.external_refunded_minor(pid)
    assert [e.kind for e in events] == ["attempt", "attempt", "external_refund", "external_refund"]
    assert [(a.status, a.reason_code) for a in attempts] == [("REJECT", 484), ("CHARGE", None)]
    assert last is not None and last.status == "CHARGE"
    assert outside == 5_000
    assert events[2].amount == Money(4_000) and events[0].card_mask == "440563...5096"


def test_one_open_discrepancy_per_payment_and_kind_until_resolved(store: Store) -> None:
    pid = _payment(store)
    later = T0 + timedelta(minutes=5)
    with store.write() as tx:
        first, new1 = tx.discrepancies.record(
            pid, "refunded", console=Money(0), bank=Money(40_000), detail="bank refunded more", now=T0
        )
        again, new2 = tx.discrepancies.record(
            pid, "refunded", console=Money(0), bank=Money(45_000), detail="bank refunded more", now=later
        )
    assert new1 and not new2 and again.id == first.id
    assert again.bank == Money(45_000) and again.detected_at == T0 and again.last_seen_at == later
    with store.write() as tx:
        assert tx.discrepancies.count_open() == 1
        done = tx.discrepancies.resolve(
            first.id, actor_id=1, resolution="refund made in the cabinet", now=later
        )
        assert not done.is_open and done.resolved_by == 1
        assert tx.discrepancies.open() == [] and tx.discrepancies.count_open() == 0
        with pytest.raises(NotFoundError):
            tx.discrepancies.resolve(first.id, actor_id=1, resolution="twice", now=later)
        reopened, is_new = tx.discrepancies.record(
            pid, "refunded", console=Money(0), bank=Money(50_000), detail="again", now=later
        )
        assert is_new and reopened.id != first.id
        assert [d.id for d in tx.discrepancies.for_payment(pid)] == [first.id, reopened.id]


def test_odd_bank_values_are_kept_until_the_bank_sends_readable_ones(store: Store) -> None:
    pid = _payment(store)
    odd = GatewaySnapshot(
        status=ConsoleStatus.UNKNOWN, observed_at=T0, bank_status="PARTIAL_REFUND", reason_code_text="05A"
    )
    with store.write() as tx:
        kept = tx.payments.apply_snapshot(pid, odd, next_poll_at=None)
    assert (kept.bank_status, kept.reason_code_text) == ("PARTIAL_REFUND", "05A")
    with store.write() as tx:
        plain = tx.payments.apply_snapshot(
            pid,
            GatewaySnapshot(status=ConsoleStatus.CHARGE, observed_at=T0, reason_code=0),
            next_poll_at=None,
        )
    assert (plain.bank_status, plain.reason_code_text) == (None, None)
