"""A receipt belongs to the cash register it was asked at (decision 0129), and every counter follows the
shop's fiscal settings from its next receipt: on the gateway sandbox and the fiscal sandbox, SQLite and
PostgreSQL.

The registers "A" and "B" are two names the settings give: both are served by the session's fiscal
sandbox, so a receipt sent to "B" would show there as a second registration, which is what must never
happen for a receipt whose outcome at "A" is unknown.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

import httpx
import pytest

from epay_desktop.domain import NotFoundError
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.services.fiscal.elsewhere import ASKED_ELSEWHERE
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.services.fiscal.service import connect_with
from epay_desktop.services.fiscal.service import needs_person_message
from epay_desktop.services.fiscal.setup import FiscalSecrets
from epay_desktop.services.fiscal.setup import FiscalSetup
from epay_desktop.services.fiscal.setup import settings_revision
from epay_desktop.services.secret_store import SecretStore
from tests.support import ops_harness as h
from tests.support.fiscal_counter import Counter
from tests.support.fiscal_sandbox import registered
from tests.support.fiscal_sandbox import webkassa_connect

A, B = "webkassa:A-0001", "webkassa:B-0002"


def _lost_at_a(world: h.World, fiscal: RunningFiscalSandbox) -> FiscalRecord:
    """A sale asked at register A whose answer was lost (A registered it)."""
    httpx.post(
        f"{fiscal.base_url}/sandbox/faults",
        json={"operation": "check", "kind": "drop_after_apply", "times": 1},
    ).raise_for_status()
    counter = Counter(world, webkassa_connect(fiscal.base_url, attempts=1, register=A))
    _, (lost,) = counter.run(lambda svc, service: counter.sell(svc, service, "250"))
    return lost


def test_a_receipt_unanswered_at_a_is_never_sent_to_b_and_goes_on_at_a(world, fiscal_sandbox):
    lost = _lost_at_a(world, fiscal_sandbox)
    assert (lost.state, lost.asked_at_register, lost.vat_percent) == (FiscalState.UNKNOWN, A, 16)

    at_b = Counter(world, webkassa_connect(fiscal_sandbox.base_url, register=B))
    touched = at_b.run(lambda svc, service: service.reconcile())
    (held,) = touched
    assert (held.state, held.last_error, held.attempts) == (FiscalState.NEEDS_PERSON, ASKED_ELSEWHERE, 1)
    assert held.asked_at_register == A
    words = needs_person_message(held)
    assert words is not None and "webkassa A-0001" in words.text() and lost.external_number in words.text()
    world.clock.advance(1)
    assert at_b.run(lambda svc, service: service.reconcile(needing_person=True))[0].attempts == 1
    assert len(registered(fiscal_sandbox)) == 1  # only A's registration: nothing reached "B"

    at_a = Counter(world, webkassa_connect(fiscal_sandbox.base_url, register=A))  # settings back to A
    world.clock.advance(1)
    (done,) = at_a.run(lambda svc, service: service.reconcile(needing_person=True))
    assert (done.state, done.asked_at_register, done.attempts) == (FiscalState.REGISTERED, A, 2)
    assert [r.external for r in registered(fiscal_sandbox)] == [lost.external_number]


def test_a_manager_registers_a_held_receipt_at_the_current_register_audited(world, fiscal_sandbox):
    lost = _lost_at_a(world, fiscal_sandbox)
    at_b = Counter(world, webkassa_connect(fiscal_sandbox.base_url, register=B, vat=12))
    at_b.run(lambda svc, service: service.reconcile())
    number = lost.external_number

    async def settle(svc: h.Services, service: FiscalService) -> FiscalRecord | None:
        with pytest.raises(PermissionDenied, match="Only a manager"):
            await service.register_here(world.cashier, number)
        with pytest.raises(NotFoundError, match="not waiting"):
            await service.register_here(world.manager, "epd-sale-nothing")
        return await service.register_here(world.cashier, number, approved_by=world.manager)

    done = at_b.run(settle)

    assert done is not None and (done.state, done.asked_at_register) == (FiscalState.REGISTERED, B)
    assert done.vat_percent == 12  # asked afresh at B, with the rate the settings name now
    with world.store.read() as tx:
        entries = tx.audit.about(f"fiscal:{number}", "fiscal.register_here")
    assert [(e.actor_id, json.loads(e.details)) for e in entries] == [
        (world.manager.id, {"asked_at": A, "register": B, "requested_by": world.cashier.id})
    ]
    with pytest.raises(NotFoundError):  # settled: nothing to choose any more
        at_b.run(lambda svc, service: service.register_here(world.manager, number))


def test_a_counter_uses_settings_saved_at_another_counter_from_its_next_receipt(
    world, fiscal_sandbox, db_url
):
    """Two consoles on one shop database: the second keeps its connection while nothing changes, and
    its next receipt after the first one saved a new VAT rate carries that rate, without a restart."""
    secrets = FiscalSecrets(API_KEY, PASSWORD)
    first = FiscalSetup(world.store, SecretStore(), world.clock, on_sandbox=True)
    other_store = h.open_store(db_url)
    second = FiscalSetup(other_store, SecretStore(), world.clock)
    second.use_for_session(secrets)
    before, after = world.paid("1000"), world.paid("1160")

    async def consoles() -> tuple[bool, bool, FiscalRecord | None]:
        await first.use_sandbox(fiscal_sandbox.base_url, LOGIN, CASHBOX, secrets)
        service = FiscalService(other_store, connect_with(second), world.clock, revision=settings_revision)
        try:
            await service.fiscalise_sale(before.id)
            kept = await service.connection()
            same = kept is await service.connection()
            settings = await first.load()  # the first console's Settings -> Fiscal register: 12 %
            await first.save(world.manager, replace(settings, vat_rate="12"))
            sold = await service.fiscalise_sale(after.id)
            return same, kept is not await service.connection(), sold
        finally:
            await service.aclose()

    try:
        same, renewed, sold = asyncio.run(consoles())
    finally:
        other_store.close()

    assert same and renewed  # kept while nothing changed, made again after the change
    assert sold is not None and sold.state is FiscalState.REGISTERED
    assert (sold.vat_percent, sold.asked_at_register) == (12, f"webkassa:{CASHBOX}")
    first_receipt, second_receipt = registered(fiscal_sandbox)
    assert [line.tax_percent for line in first_receipt.lines] == [16]
    assert [line.tax_percent for line in second_receipt.lines] == [12]


def test_a_request_under_way_when_the_settings_change_keeps_its_connection_until_answered(
    world, fiscal_sandbox
):
    """The provider replaced by a settings change is closed when the request using it ends, never under
    it: the receipt under way is registered, with the rate it was sent with."""
    base = fiscal_sandbox.base_url
    setup = FiscalSetup(world.store, SecretStore(), world.clock, on_sandbox=True)
    paid = world.paid("500")
    httpx.post(
        f"{base}/sandbox/faults", json={"operation": "check", "kind": "hold", "value": 30}
    ).raise_for_status()

    async def scenario() -> tuple[FiscalRecord | None, bool]:
        await setup.use_sandbox(base, LOGIN, CASHBOX, FiscalSecrets(API_KEY, PASSWORD))
        service = FiscalService(world.store, connect_with(setup), world.clock, revision=settings_revision)
        try:
            under_way = asyncio.create_task(service.fiscalise_sale(paid.id))
            held = await asyncio.to_thread(
                httpx.get, f"{base}/sandbox/held?operation=check&wait=10", timeout=15
            )
            assert len(held.json()) == 1  # the request is at the register, its answer held back
            old = await service.connection()
            settings = await setup.load()
            await setup.save(world.manager, replace(settings, vat_rate="12"))
            renewed = old is not await service.connection()
            released = await asyncio.to_thread(
                httpx.post, f"{base}/sandbox/release?operation=check", timeout=15
            )
            assert released.json() == {"released": 1}
            return await under_way, renewed
        finally:
            await service.aclose()

    sold, renewed = asyncio.run(scenario())

    assert renewed and sold is not None
    assert (sold.state, sold.vat_percent) == (FiscalState.REGISTERED, 16)
