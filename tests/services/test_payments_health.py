"""Bank health from every gateway call: PaymentService publishes GatewayHealthChanged when a token
or status call finds the bank unreachable or failing, and ok=True at the next success; the bus
delivers a health event only when ``ok`` changes, whoever publishes it (service or poller)."""

from __future__ import annotations

import asyncio
from datetime import UTC
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest

from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.gateway import AuthError
from epay_desktop.gateway import EpayError
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import InvalidRequest
from epay_desktop.gateway import ServerError
from epay_desktop.gateway.models import StatusNotFound
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import GatewayHealthChanged
from epay_desktop.services.events import PollerHealthChanged
from epay_desktop.services.payments.payment_service import PaymentService
from epay_desktop.store.db import Store
from epay_desktop.store.models import UserRow

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


class FakeGateway:
    """get_payment_token / check_status that raise ``error`` when set (else: no attempt yet)."""

    def __init__(self) -> None:
        self.error: EpayError | None = None
        self.endpoints = SimpleNamespace(widget_url="http://127.0.0.1:1/payform/payment-api.js")

    async def get_payment_token(self, invoice: Any, amount: Money) -> Any:
        assert self.error is not None, "only failures are asked of the token endpoint here"
        raise self.error

    async def check_status(self, invoice: Any) -> StatusNotFound:
        if self.error is not None:
            raise self.error
        return StatusNotFound(invoice.value)


def _actor(store: Store) -> User:
    with store.write() as tx:
        row = UserRow(name="Aigerim", name_key="aigerim", role="cashier", password_hash="x")
        row.created_at = row.updated_at = NOW
        tx.session.add(row)
        tx.session.flush()
        return User(row.id, row.name, Role.CASHIER, True, 0, None, NOW)


def _error(kind: type[EpayError]) -> EpayError:
    return kind("test", operation="token")


def test_every_gateway_call_reports_health_once_per_change(store: Store) -> None:
    actor, bus, gateway = _actor(store), EventBus(), FakeGateway()
    heard: list[GatewayHealthChanged] = []
    bus.subscribe(GatewayHealthChanged, heard.append)
    service = PaymentService(store, gateway, bus, lambda: NOW, register_id="r1", terminal_id="t1")  # type: ignore[arg-type]

    async def scenario() -> None:
        gateway.error = _error(GatewayUnavailable)
        with pytest.raises(GatewayUnavailable):
            await service.create_payment(actor, CheckoutRequest(Money.parse("100")))
        assert [h.ok for h in heard] == [False]
        assert heard[0].message == gateway.error.user_message
        invoice = await asyncio.to_thread(_last_invoice, store)
        for kind in (ServerError, AuthError):  # still down: nothing new
            gateway.error = _error(kind)
            with pytest.raises(kind):
                await service.refresh_status(invoice)
        assert [h.ok for h in heard] == [False]
        gateway.error = None
        await service.refresh_status(invoice)  # the bank answers: ok once
        await service.refresh_status(invoice)
        assert [h.ok for h in heard] == [False, True]
        assert heard[1].last_success_at == NOW
        gateway.error = _error(InvalidRequest)  # about this request, not the bank: no health change
        with pytest.raises(InvalidRequest):
            await service.create_payment(actor, CheckoutRequest(Money.parse("100")))
        assert [h.ok for h in heard] == [False, True]

    asyncio.run(scenario())


def _last_invoice(store: Store) -> Any:
    with store.read() as tx:
        return tx.payments.search(limit=1)[0].invoice_id


def test_the_bus_drops_repeated_health_from_any_publisher() -> None:
    bus = EventBus()
    heard: list[GatewayHealthChanged] = []
    bus.subscribe(GatewayHealthChanged, heard.append)
    assert PollerHealthChanged is GatewayHealthChanged  # the old name still works
    assert not bus.gateway_down
    bus.publish(GatewayHealthChanged(False, None, "service: down"))
    bus.publish(PollerHealthChanged(False, None, "poller: down too"))
    assert bus.gateway_down
    bus.publish(PollerHealthChanged(True, NOW, "poller: back"))
    bus.publish(GatewayHealthChanged(True, NOW, "service: back"))
    assert [(h.ok, h.message) for h in heard] == [(False, "service: down"), (True, "poller: back")]
    assert not bus.gateway_down
