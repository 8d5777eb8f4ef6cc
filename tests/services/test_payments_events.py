"""EventBus delivery rules and the gateway -> domain snapshot mapping."""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC
from datetime import datetime

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import StatusNotFound
from epay_desktop.gateway import Transaction
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.services.events import PollerHealthChanged
from epay_desktop.services.payments.gateway_map import snapshot_from_status

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def test_a_failing_subscriber_is_logged_and_the_others_still_hear(caplog: pytest.LogCaptureFixture) -> None:
    bus = EventBus()
    heard: list[object] = []

    def broken(event: PollerHealthChanged) -> None:
        raise RuntimeError("screen closed")

    bus.subscribe(PollerHealthChanged, broken)
    bus.subscribe(PollerHealthChanged, heard.append)
    event = PollerHealthChanged(False, None, "down")
    with caplog.at_level(logging.ERROR, logger="epay_desktop.services.events"):
        bus.publish(event)
    assert heard == [event]
    assert "event=subscriber_failed event_type=GatewayHealthChanged" in caplog.text  # the new name


def test_subscribers_get_only_their_type_and_can_unsubscribe() -> None:
    bus = EventBus()
    health: list[object] = []
    everything: list[object] = []
    stop = bus.subscribe(PollerHealthChanged, health.append)
    bus.subscribe(object, everything.append)
    first = PollerHealthChanged(True, NOW, "ok")
    bus.publish(first)
    bus.publish("not an event anyone asked for")
    stop()
    stop()  # harmless twice
    bus.publish(PollerHealthChanged(False, NOW, "down"))
    assert health == [first]
    assert len(everything) == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.ok = False  # type: ignore[misc]
    assert PaymentUpdated.__dataclass_params__.frozen  # type: ignore[attr-defined]


def _transaction(**changes: object) -> Transaction:
    zero = Money(0)
    base = Transaction(
        id="tx-1",
        invoice_id="000000001",
        created_date=None,
        amount=Money.parse("700"),
        org_amount=Money.parse("1000"),
        payout_amount=Money.parse("300"),
        amount_bonus=zero,
        currency="KZT",
        status=PaymentStatus.CHARGE,
        terminal="98120001",
        terminal_id="t",
        account_id="",
        description="",
        language="RU",
        card_mask="440563...5096",
        card_type="VISA",
        issuer="",
        reference="027980238029",
        approval_code="170243",
        reason="",
        reason_code=None,
        int_reference="",
        secure=False,
        secure_details="",
        status_id="",
        name="",
        email="",
        phone="",
        card_id="",
        xls_rrn="",
        data="",
        ip="",
        ip_country="",
        ip_city="",
        ip_region="",
        ip_district="",
        ip_latitude=None,
        ip_longitude=None,
        raw={},
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_snapshot_copies_amounts_ids_and_turns_empty_text_into_none() -> None:
    snap = snapshot_from_status(StatusFound(_transaction()), NOW)
    assert snap.status is ConsoleStatus.CHARGE and snap.observed_at == NOW
    assert (snap.amount, snap.org_amount, snap.payout_amount) == (
        Money.parse("700"),
        Money.parse("1000"),
        Money.parse("300"),
    )
    assert snap.transaction_id == "tx-1" and snap.card_mask == "440563...5096" and snap.card_type == "VISA"
    assert snap.reference == "027980238029" and snap.approval_code == "170243"
    assert snap.card_id is None and snap.reason is None and snap.reason_code is None


@pytest.mark.parametrize("status", list(PaymentStatus))
def test_every_gateway_status_maps_by_value(status: PaymentStatus) -> None:
    snap = snapshot_from_status(StatusFound(_transaction(status=status, reason="x", reason_code=473)), NOW)
    assert snap.status.value == status.value and snap.reason == "x" and snap.reason_code == 473


def test_answers_without_a_transaction_are_refused() -> None:
    with pytest.raises(TypeError):
        snapshot_from_status(StatusNotFound("000000001"), NOW)  # type: ignore[arg-type]
