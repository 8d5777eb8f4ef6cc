"""Poller: adaptive schedule (fake clock), bounded concurrency, back-off and health, two-step holds."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import TypeVar

import httpx
import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain.changes import StatusChange
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import RetryPolicy
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox.config import KZ_TZ
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.services.events import PollerHealthChanged
from epay_desktop.services.payments.payment_service import PaymentService
from epay_desktop.services.payments.poll_schedule import PollSchedule
from epay_desktop.services.payments.poller import Poller
from tests.support.builders import new_payment
from tests.support.merchant import CREDENTIALS
from tests.support.merchant import TERMINAL_ID
from tests.support.payments_world import PaymentsWorld
from tests.support.payments_world import payments_world
from tests.support.sandbox import SharedSandbox
from tests.support.sandbox import call_sandbox

TERMINAL = TERMINAL_ID
T = TypeVar("T")


@dataclass
class Env(PaymentsWorld):
    def run(
        self,
        scenario: Callable[[PaymentService, Poller], Awaitable[T]],
        concurrency: int = 4,
        requests: list[str] | None = None,
    ) -> T:
        """A fresh loop, client, service and poller per call (the poller's memory starts empty).

        ``requests`` collects ``METHOD path`` of every HTTP request the client sends.
        """

        async def record(request: httpx.Request) -> None:
            if requests is not None:
                requests.append(f"{request.method} {request.url.path}")

        async def main() -> T:
            http = httpx.AsyncClient(timeout=10, event_hooks={"request": [record]})
            client = EpayClient(
                sandbox_endpoints(self.sandbox.base_url),
                CREDENTIALS,
                http=http,
                retry=RetryPolicy(attempts=1),
            )
            async with http, client:
                service = self.payment_service(client)
                poller = Poller(self.store, service, self.bus, self.clock, concurrency=concurrency)
                return await scenario(service, poller)

        return asyncio.run(main())

    def checkout(self, amount: str = "1500") -> Payment:
        return self.run(
            lambda s, _: s.create_payment(self.actor, CheckoutRequest(Money.parse(amount)))
        ).payment

    def stored(self, payment: Payment) -> Payment:
        with self.store.read() as tx:
            return tx.payments.get(payment.id)


class SandboxClock:
    """The sandbox's own clock (Kazakhstan time), moved by the test to age AUTH holds."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(KZ_TZ) + self.offset


SANDBOX_CLOCK = SandboxClock()


@pytest.fixture
def two_step(shared_sandbox: SharedSandbox, request: pytest.FixtureRequest) -> RunningSandbox:
    """A two-step terminal whose AUTH holds last an hour of the test's sandbox clock."""
    config = SandboxConfig(two_step=True, hold_seconds=3600, clock=SANDBOX_CLOCK)
    return shared_sandbox.fresh(config, holder=request.node.nodeid)


def _env(sandbox: RunningSandbox, db_url: str) -> Iterator[Env]:
    with payments_world(Env, sandbox, db_url, "Dana") as world:
        yield world


@pytest.fixture
def env(sandbox: RunningSandbox, db_url: str) -> Iterator[Env]:
    yield from _env(sandbox, db_url)


@pytest.fixture
def env2(two_step: RunningSandbox, sqlite_url: str) -> Iterator[Env]:
    SANDBOX_CLOCK.offset = timedelta()
    yield from _env(two_step, sqlite_url)


def _once(env: Env) -> list[Payment]:
    return env.run(lambda _, poller: poller.run_once())


# -- schedule ------------------------------------------------------------------------------------


def test_pending_payment_is_polled_3s_then_10s_then_30s_and_expires_after_the_final_check(env: Env) -> None:
    payment = env.checkout()
    created = payment.created_at
    assert payment.next_poll_at == created + timedelta(seconds=3)
    env.clock.advance(seconds=2)
    assert _once(env) == [] and env.stored(payment).last_polled_at is None  # not due yet

    env.clock.advance(seconds=1)
    assert _once(env) == []  # polled, nothing visible changed
    assert env.stored(payment).next_poll_at == env.clock.now + timedelta(seconds=3)

    env.clock.now = created + timedelta(minutes=2, seconds=1)
    _once(env)
    assert env.stored(payment).next_poll_at == env.clock.now + timedelta(seconds=10)

    env.clock.now = created + timedelta(minutes=10, seconds=1)
    _once(env)
    assert env.stored(payment).next_poll_at == env.clock.now + timedelta(seconds=30)

    final = payment.token_expires_at + timedelta(seconds=60)  # type: ignore[operator]
    env.clock.now = final - timedelta(seconds=10)
    _once(env)
    assert env.stored(payment).next_poll_at == final  # capped at the final check, not 30 s later

    env.clock.now = final
    [changed] = _once(env)
    assert changed.status is ConsoleStatus.EXPIRED and changed.next_poll_at is None
    env.clock.advance(hours=1)
    assert _once(env) == []  # expired payments are not polled


def test_payment_paid_between_polls_is_returned_as_changed_and_published(env: Env) -> None:
    payment = env.checkout("250")
    env.pay(payment.invoice_id)
    seen: list[PaymentUpdated] = []
    env.bus.subscribe(PaymentUpdated, seen.append)
    env.clock.advance(seconds=3)
    [changed] = _once(env)
    assert changed.status is ConsoleStatus.CHARGE and changed.gateway_amount == Money.parse("250")
    assert [e.payment for e in seen] == [changed]
    assert changed.next_poll_at is None


def test_auth_hold_is_polled_every_15_minutes_until_the_bank_cancels_it(env2: Env) -> None:
    payment = env2.checkout()
    env2.pay(payment.invoice_id)
    env2.clock.advance(seconds=3)
    [held] = _once(env2)
    assert held.status is ConsoleStatus.AUTH
    assert held.next_poll_at == env2.clock.now + timedelta(minutes=15)

    env2.clock.advance(minutes=14, seconds=59)
    assert _once(env2) == [] and env2.stored(payment).last_polled_at == held.last_polled_at
    env2.clock.advance(seconds=1)
    assert _once(env2) == []
    assert env2.stored(payment).last_polled_at == env2.clock.now  # polled, still AUTH

    SANDBOX_CLOCK.offset = timedelta(hours=2)  # the sandbox's hold (1 h) runs out
    env2.clock.advance(minutes=15)
    [cancelled] = _once(env2)
    assert cancelled.status is ConsoleStatus.CANCEL_OLD and cancelled.next_poll_at is None


# -- concurrency ---------------------------------------------------------------------------------


@dataclass
class CountingService:
    """Stands in for PaymentService: counts refreshes in flight, yields to the loop a few times."""

    payments: dict[InvoiceId, Payment]
    in_flight: int = 0
    max_in_flight: int = 0
    calls: int = 0

    async def refresh_status(
        self, invoice_id: InvoiceId, *, known: Payment | None = None, gate: asyncio.Semaphore | None = None
    ) -> Payment:
        async with gate or contextlib.nullcontext():  # the check-status call the gate bounds
            self.in_flight += 1
            self.calls += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            for _ in range(5):
                await asyncio.sleep(0)  # let every other poll task run as far as it can
            self.in_flight -= 1
        return dataclasses.replace(self.payments[invoice_id], status=ConsoleStatus.CHARGE)


@pytest.mark.parametrize("concurrency", [1, 3])
def test_no_more_than_concurrency_polls_are_in_flight(env: Env, concurrency: int) -> None:
    due = env.clock.now - timedelta(seconds=1)
    with env.store.write() as tx:
        payments = []
        for n in range(10):
            p = new_payment(tx, 500_000_000 + n, "10", at=env.clock.now, created_by=env.actor.id)
            payments.append(
                tx.payments.set_status(
                    p.id, StatusChange(ConsoleStatus.PENDING, next_poll_at=due), now=env.clock.now
                )
            )

    async def scenario(service: PaymentService, _: Poller) -> list[Payment]:
        fake = CountingService({p.invoice_id: p for p in payments})
        poller = Poller(env.store, fake, env.bus, env.clock, concurrency=concurrency)  # type: ignore[arg-type]
        changed = await poller.run_once()
        assert fake.calls == 10 and fake.max_in_flight == concurrency
        return changed

    assert len(env.run(scenario)) == 10


def test_real_polls_share_one_service_token_within_the_bound(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    payments = [env.checkout(str(100 + n)) for n in range(6)]
    for p in payments[:3]:
        env.pay(p.invoice_id)
    env.clock.advance(seconds=3)
    in_flight, peak = 0, 0

    async def scenario(service: PaymentService, poller: Poller) -> list[Payment]:
        nonlocal in_flight, peak
        real_check = EpayClient.check_status

        async def counting(client: EpayClient, invoice_id: InvoiceId) -> Any:
            nonlocal in_flight, peak
            in_flight += 1
            peak = max(peak, in_flight)
            try:
                return await real_check(client, invoice_id)
            finally:
                in_flight -= 1

        monkeypatch.setattr(EpayClient, "check_status", counting)  # the client this service was given
        return await poller.run_once()

    requests: list[str] = []
    changed = env.run(scenario, concurrency=2, requests=requests)
    assert {p.invoice_id for p in changed} == {p.invoice_id for p in payments[:3]}
    assert 1 <= peak <= 2
    assert requests.count("POST /oauth2/token") == 1  # one service token for all six polls
    assert len([r for r in requests if "/check-status/" in r]) == 6
    assert all(env.stored(p).last_polled_at == env.clock.now for p in payments)


# -- failures ------------------------------------------------------------------------------------


def test_gateway_errors_back_off_and_flip_health_once(env: Env) -> None:
    payment = env.checkout()
    health: list[PollerHealthChanged] = []
    env.bus.subscribe(PollerHealthChanged, health.append)
    fault = {"operation": "status", "kind": "http_status", "value": 503, "times": 3}
    assert call_sandbox(env.sandbox.base_url, "POST", "/sandbox/faults", json=fault).status_code == 201

    async def scenario(_: PaymentService, poller: Poller) -> list[timedelta]:
        gaps = []
        for _round in range(3):
            env.clock.now = env.stored(payment).next_poll_at  # type: ignore[assignment]
            assert await poller.run_once() == []
            gaps.append(env.stored(payment).next_poll_at - env.clock.now)  # type: ignore[operator]
        assert [h.ok for h in health] == [False]
        assert poller.healthy is False
        env.clock.now = env.stored(payment).next_poll_at  # type: ignore[assignment]
        await poller.run_once()  # the fault is used up: the gateway answers again
        return gaps

    gaps = env.run(scenario)
    assert gaps == [timedelta(seconds=6), timedelta(seconds=12), timedelta(seconds=24)]
    assert [h.ok for h in health] == [False, True]
    assert "temporary error" in health[0].message and health[0].last_success_at is None
    assert health[1].last_success_at == env.clock.now
    assert env.stored(payment).next_poll_at == env.clock.now + timedelta(seconds=3)


def test_backoff_is_capped_at_five_minutes_and_keeps_longer_intervals() -> None:
    from epay_desktop.services.payments.poll_schedule import PollSchedule

    schedule = PollSchedule()
    delay = None
    for _ in range(10):
        delay = schedule.backoff(timedelta(seconds=30), delay)
    assert delay == timedelta(minutes=5)
    assert schedule.backoff(timedelta(minutes=15), None) == timedelta(minutes=15)


def test_run_forever_polls_until_stopped(env: Env) -> None:
    payment = env.checkout()
    env.pay(payment.invoice_id)
    env.clock.advance(seconds=3)

    async def scenario(_: PaymentService, poller: Poller) -> None:
        stop = asyncio.Event()
        env.bus.subscribe(PaymentUpdated, lambda event: stop.set())
        await asyncio.wait_for(poller.run_forever(stop, max_sleep=0.05), timeout=10)

    env.run(scenario)
    assert env.stored(payment).status is ConsoleStatus.CHARGE


# -- a sale the counter stopped (cashier cancel, page failed): docs/decisions/0018 ------------------


@pytest.mark.parametrize("mark", [ConsoleStatus.CASHIER_CANCEL, ConsoleStatus.PAGE_FAILED])
def test_a_stopped_sale_keeps_its_mark_is_checked_until_the_token_expires_then_never(
    env: Env, mark: ConsoleStatus
) -> None:
    payment = env.checkout()
    env.clock.advance(seconds=1)
    seen: list[PaymentUpdated] = []
    env.bus.subscribe(PaymentUpdated, seen.append)
    marked = env.run(lambda s, _: s.stop_at_counter(env.actor, payment.invoice_id, mark, "net::ERR_X"))
    assert marked.status is mark and marked.reason and "net::ERR_X" in marked.reason
    if mark is ConsoleStatus.CASHIER_CANCEL:
        assert marked.reason.startswith(f"cancelled at the counter by {env.actor.name}")
    assert marked.next_poll_at == env.clock.now + timedelta(seconds=3)  # still asked about
    assert [e.payment for e in seen] == [marked]
    with env.store.read() as tx:
        entries = [e for e in tx.audit.entries() if e.subject == f"payment:{payment.invoice_id}"]
    action = "payment.cancelled_by_cashier" if mark is ConsoleStatus.CASHIER_CANCEL else "payment.page_failed"
    assert entries[-1].action == action and entries[-1].actor_id == env.actor.id

    env.clock.advance(seconds=3)
    assert _once(env) == []  # polled: the gateway has no attempt, the mark stays
    assert env.stored(payment).status is mark and env.stored(payment).last_polled_at == env.clock.now

    final = payment.token_expires_at + timedelta(seconds=60)  # type: ignore[operator]
    env.clock.now = final - timedelta(seconds=10)
    _once(env)
    assert env.stored(payment).next_poll_at == final
    env.clock.now = final
    _once(env)
    stored = env.stored(payment)
    assert stored.status is mark and stored.next_poll_at is None  # final: not EXPIRED, not Waiting
    env.clock.advance(hours=1)
    assert _once(env) == [] and env.stored(payment).last_polled_at == final  # never asked again


def test_a_late_charge_from_the_bank_wins_over_the_cashiers_cancel(env: Env) -> None:
    payment = env.checkout("250")
    env.run(lambda s, _: s.stop_at_counter(env.actor, payment.invoice_id, ConsoleStatus.CASHIER_CANCEL))
    env.pay(payment.invoice_id)  # the customer had pressed Pay just before the cashier cancelled
    env.clock.advance(seconds=3)
    [changed] = _once(env)
    assert changed.status is ConsoleStatus.CHARGE and changed.gateway_amount == Money.parse("250")
    assert changed.next_poll_at is None and "counter" not in (changed.reason or "")


def test_the_mark_never_overrides_what_the_bank_already_said(env: Env) -> None:
    payment = env.checkout("300")
    env.pay(payment.invoice_id)
    env.clock.advance(seconds=3)
    _once(env)
    assert env.stored(payment).status is ConsoleStatus.CHARGE
    same = env.run(lambda s, _: s.stop_at_counter(env.actor, payment.invoice_id, ConsoleStatus.PAGE_FAILED))
    assert same.status is ConsoleStatus.CHARGE and env.stored(payment).status is ConsoleStatus.CHARGE


# -- a declined attempt on an invoice that takes another (issue 8, decision 0035) ------------------


def _pay_card(env: Env, invoice: InvoiceId, pan: str) -> None:
    today = date.today()
    body = {
        "invoiceId": invoice.value,
        "pan": pan,
        "expiry": f"{today.month:02d}/{(today.year + 1) % 100:02d}",
        "cvc": "123",
        "name": "TEST BUYER",
    }
    assert call_sandbox(env.sandbox.base_url, "POST", "/sandbox/pay", json=body).status_code == 200


def test_a_declined_attempt_is_polled_like_pending_and_a_later_approval_ends_paid(env: Env) -> None:
    payment = env.checkout("700")
    _pay_card(env, payment.invoice_id, "4003032704547597")  # declined, reasonCode 465
    env.clock.advance(seconds=3)
    [declined] = _once(env)
    assert declined.status is ConsoleStatus.REJECT
    assert declined.next_poll_at == env.clock.now + timedelta(seconds=3)  # the PENDING schedule
    env.clock.advance(seconds=3)
    assert _once(env) == [] and env.stored(payment).last_polled_at == env.clock.now  # still asked

    env.clock.now = payment.created_at + timedelta(minutes=3)
    _once(env)
    assert env.stored(payment).next_poll_at == env.clock.now + timedelta(seconds=10)

    env.pay(payment.invoice_id)  # the customer tried again on the same page, with a good card
    env.clock.advance(seconds=10)
    [paid] = _once(env)
    assert paid.status is ConsoleStatus.CHARGE and paid.next_poll_at is None
    with env.store.read() as tx:
        attempts = tx.payment_events.for_payment(payment.id)
    assert [(a.kind.value, a.status) for a in attempts] == [("attempt", "REJECT"), ("attempt", "CHARGE")]


def test_a_declined_attempt_is_polled_until_the_final_check_then_never(env: Env) -> None:
    payment = env.checkout()
    _pay_card(env, payment.invoice_id, "4003032704547597")
    final = payment.token_expires_at + timedelta(seconds=60)  # type: ignore[operator]
    env.clock.now = final - timedelta(seconds=10)
    _once(env)
    assert env.stored(payment).next_poll_at == final  # capped at the final check
    env.clock.now = final
    _once(env)
    stored = env.stored(payment)
    assert stored.status is ConsoleStatus.REJECT and stored.next_poll_at is None
    env.clock.advance(hours=1)
    assert _once(env) == [] and env.stored(payment).last_polled_at == final


def test_schedule_polls_a_decline_only_while_the_invoice_takes_another_attempt() -> None:
    schedule = PollSchedule()
    created = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    token = created + timedelta(minutes=20)
    final = token + schedule.token_grace
    for status in (ConsoleStatus.REJECT, ConsoleStatus.THREE_DS):
        at = created + timedelta(seconds=30)
        kwargs: dict[str, Any] = {"created_at": created, "token_expires_at": token}
        assert schedule.next_poll_at(status, now=at, may_retry=True, **kwargs) == at + schedule.fast
        later = created + timedelta(minutes=5)
        assert schedule.next_poll_at(status, now=later, may_retry=True, **kwargs) == later + schedule.medium
        near = final - timedelta(seconds=5)
        assert schedule.next_poll_at(status, now=near, may_retry=True, **kwargs) == final
        assert schedule.next_poll_at(status, now=final, may_retry=True, **kwargs) is None
        assert schedule.next_poll_at(status, now=at, **kwargs) is None  # attempts used up: final
    assert schedule.next_poll_at(ConsoleStatus.FAILED, created_at=created, token_expires_at=token,
                                 now=created, may_retry=True) is None  # fmt: skip
