"""Stress 2 (reliability.md T06, long form): a Hypothesis state machine over the money core with crashes.

Rules: pay (two-step terminal, so charge and cancel are in play), pay and charge, charge (full or
in part), cancel, partial refund, full refund, a sandbox fault armed for the next call (lost
answers before and after applying, 5xx, an error code in a 200 with and without applying, an
expired token, status errors), a crash at a named fault point in the middle of a refund, charge
or cancel followed by a restart (fresh services on the same database file and the start-up
reconciler), reconcile, the clock, a manager's review and receipts.

The crash is in-process: the fault point raises a BaseException that nothing in the console
catches, so the operation stops exactly there, its uncommitted transaction is rolled back, and
the process's memory (in-flight set, token cache, services) is thrown away. The real SIGKILL is
test_kill_storm's job.

Every invariant of ``stress_harness.invariant_violations`` (tests/support) holds after every step; after every
reconcile and restart the console's totals also equal the sandbox's. Refunds the rules refuse
never reach the gateway. Short profile by default; ``EPAY_STRESS=long``: 500 examples x 50 steps.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from typing import TypeVar

import pytest
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import invariant
from hypothesis.stateful import rule

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.gateway import EpayError
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox import start_in_thread
from epay_desktop.services.money_ops.crash_points import FAULT_POINTS
from epay_desktop.services.money_ops.crash_points import FaultPoints
from epay_desktop.services.receipts import ReceiptService
from tests.support import stress_harness as sh
from tests.support.money_machine import AMOUNTS
from tests.support.money_machine import HoldsPayments

h = sh.h
T = TypeVar("T")
PROFILE = sh.profile()
SANDBOX: dict[str, str] = {}
FIGURES: Counter[str] = Counter()
FAST_DIR = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108

pytestmark = pytest.mark.timeout(PROFILE.timeout)


class Crash(BaseException):
    """A process dying at a fault point: no ``except Exception`` in the console catches it."""


class CrashPoints(FaultPoints):
    """Fault points that crash the operation at ``armed`` (once) instead of SIGKILLing the test."""

    def __init__(self) -> None:
        super().__init__({})
        self.armed: str | None = None

    def hit(self, name: str) -> None:
        super().hit(name)  # validates the name
        if name == self.armed:
            self.armed = None
            raise Crash(name)


FAULTS = [
    ("refund", "drop_after_apply", 0),
    ("refund", "drop_before_apply", 0),
    ("refund", "http_status", 502),
    ("refund", "code_in_200", 454),
    ("refund", "code_in_200_applied", 454),
    ("refund", "expire_token", 0),
    ("charge", "drop_after_apply", 0),
    ("charge", "http_status", 500),
    ("charge", "code_in_200_applied", 5),
    ("cancel", "drop_after_apply", 0),
    ("cancel", "drop_before_apply", 0),
    ("status", "http_status", 503),
    ("status", "result_code", 103),
]


class StressMoneyMachine(HoldsPayments):
    payments = HoldsPayments.payments

    def __init__(self) -> None:
        super().__init__()
        FIGURES["examples"] += 1
        self.control = h.Control(SANDBOX["url"])
        self.control.reset()
        self.folder = tempfile.mkdtemp(prefix="epay-stress-sm-", dir=FAST_DIR)
        self.url = f"sqlite:///{self.folder}/machine.db"
        store = h.open_store(self.url)
        self.manager = h.add_user(store, "Manager", Role.MANAGER)
        store.close()
        self.clock = h.Clock()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.start()

    # -- a console process: start, crash, stop ----------------------------------------------------

    def start(self) -> None:
        """What a start does: open the database, wire the services, run the start-up reconciler."""
        self.loop = asyncio.new_event_loop()
        self.store = h.open_store(self.url, create=False)
        self.faults = CrashPoints()
        self.services_cm = h.services(self.store, SANDBOX["url"], self.clock, faults=self.faults)
        self.svc: h.Services = self.run(self.services_cm.__aenter__())
        self.receipts = ReceiptService(
            self.store, self.clock, sh.REGISTER, environment="test", render=sh._render
        )
        self.run(self.svc.reconciler.reconcile_all())
        self.check(settled=True)

    def stop(self) -> None:
        assert self.loop is not None
        try:
            self.run(self.services_cm.__aexit__(None, None, None))  # sockets only: no money effect
        finally:
            self.loop.close()
            self.store.close()

    def teardown(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        assert self.loop is not None
        return self.loop.run_until_complete(coro)

    def attempt(self, coro: Coroutine[Any, Any, T]) -> T | None:
        try:
            return self.run(coro)
        except (ConsoleError, EpayError):
            return None

    def check(self, *, settled: bool) -> None:
        problems = sh.invariant_violations(self.store, self.control, settled=settled)
        if problems:
            FIGURES["invariant_violations"] += len(problems)
        assert problems == []

    def step(self, name: str) -> None:
        FIGURES["steps"] += 1
        FIGURES[f"rule_{name}"] += 1

    # -- rules ----------------------------------------------------------------------------------

    @rule(target=payments, amount=AMOUNTS)
    def pay(self, amount: str) -> InvoiceId:
        self.step("pay")
        return self.hold(amount, charge=False)

    @rule(target=payments, amount=AMOUNTS)
    def pay_and_charge(self, amount: str) -> InvoiceId:
        self.step("pay")
        return self.hold(amount, charge=True)

    @rule(invoice=payments, part=st.sampled_from([None, "30", "100", "300"]))
    def charge(self, invoice: InvoiceId, part: str | None) -> None:
        self.step("charge")
        self.attempt(self.svc.ops.charge(self.manager, invoice, Money.parse(part) if part else None))

    @rule(invoice=payments)
    def cancel(self, invoice: InvoiceId) -> None:
        self.step("cancel")
        self.attempt(self.svc.ops.cancel(self.manager, invoice))

    @rule(invoice=payments, amount=st.integers(min_value=500, max_value=30_000))
    def partial_refund(self, invoice: InvoiceId, amount: int) -> None:
        self.step("partial_refund")
        before = self.svc.requests.count("/refund")
        op = self.attempt(self.svc.ops.refund(self.manager, invoice, Money(amount), reason="partial"))
        if op is None:  # refused by the rules before sending, or by the gateway
            assert self.svc.requests.count("/refund") <= before + 1
        if amount < 1000:
            assert op is None and self.svc.requests.count("/refund") == before

    @rule(invoice=payments)
    def full_refund(self, invoice: InvoiceId) -> None:
        self.step("full_refund")
        self.attempt(self.svc.ops.refund(self.manager, invoice, None, reason="full"))

    @rule(fault=st.sampled_from(FAULTS))
    def fault(self, fault: tuple[str, str, int]) -> None:
        self.step("fault")
        operation, kind, value = fault
        self.control.clear_faults()
        self.control.fault(operation, kind, value)

    @rule(
        invoice=payments,
        point=st.sampled_from(sorted(FAULT_POINTS)),
        action=st.sampled_from(["refund", "full_refund", "charge", "cancel"]),
        amount=st.integers(min_value=1000, max_value=12_000),
    )
    def crash(self, invoice: InvoiceId, point: str, action: str, amount: int) -> None:
        """The process dies at ``point`` during ``action``; the next start reconciles."""
        self.step("crash")
        self.faults.armed = point
        calls: dict[str, Callable[[], Coroutine[Any, Any, MoneyOp]]] = {
            "refund": lambda: self.svc.ops.refund(self.manager, invoice, Money(amount), reason="crash"),
            "full_refund": lambda: self.svc.ops.refund(self.manager, invoice, None, reason="crash"),
            "charge": lambda: self.svc.ops.charge(self.manager, invoice),
            "cancel": lambda: self.svc.ops.cancel(self.manager, invoice),
        }
        try:
            self.attempt(calls[action]())
        except Crash:
            FIGURES["crashes"] += 1
            self.stop()
            self.start()
        else:
            self.faults.armed = None  # the rules refused before the point: nothing crashed

    @rule()
    def restart(self) -> None:
        """A clean restart (shift change, update): nothing may change but what the reconciler settles."""
        self.step("restart")
        self.stop()
        self.start()

    @rule(seconds=st.sampled_from([1, 61, 200, 3600]))
    def clock(self, seconds: int) -> None:
        self.step("clock")
        self.clock.advance(seconds=seconds)

    @rule()
    def reconcile(self) -> None:
        self.step("reconcile")
        self.control.clear_faults()
        self.run(self.svc.reconciler.reconcile_all())
        self.check(settled=True)

    @rule(decision=st.sampled_from(["retry", "abandon", "applied"]))
    def review(self, decision: str) -> None:
        self.step("review")
        with self.store.read() as tx:
            waiting = [op for op in tx.operations.all_unresolved() if op.state is OpState.NEEDS_REVIEW]
        if waiting:
            self.attempt(self.svc.ops.review(self.manager, waiting[0].id, decision))  # type: ignore[arg-type]

    @rule(invoice=payments, kind=st.sampled_from(list(ReceiptKind)))
    def receipt(self, invoice: InvoiceId, kind: ReceiptKind) -> None:
        self.step("receipt")
        self.attempt(self.receipts.issue_receipt(self.manager, ReceiptRequest(invoice, kind=kind)))

    # -- invariants -----------------------------------------------------------------------------

    @invariant()
    def money_rules_hold(self) -> None:
        self.check(settled=False)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[RunningSandbox]:
    with start_in_thread(SandboxConfig(two_step=True)) as running:
        yield running


def test_money_state_machine_with_crashes(
    sandbox: RunningSandbox, emit: Callable[[dict[str, Any]], str]
) -> None:
    SANDBOX["url"] = sandbox.base_url
    FIGURES.clear()
    StressMoneyMachine.TestCase.settings = settings(
        max_examples=PROFILE.examples,
        stateful_step_count=PROFILE.steps,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        # the short profile (CI) runs the same examples every time, so its few crashes always happen;
        # the long one explores afresh on every run
        derandomize=PROFILE is sh.SHORT,
    )
    started = time.monotonic()
    try:
        StressMoneyMachine.TestCase().runTest()
    finally:
        emit(
            {
                "suite": "state_machine",
                "profile": PROFILE.name,
                "examples": FIGURES["examples"],
                "steps": FIGURES["steps"],
                "steps_per_example_max": PROFILE.steps,
                "crashes": FIGURES["crashes"],
                "invariant_violations": FIGURES["invariant_violations"],
                "rules": {k[5:]: v for k, v in sorted(FIGURES.items()) if k.startswith("rule_")},
                "seconds": round(time.monotonic() - started, 1),
            }
        )
    assert FIGURES["crashes"] > 0  # the crash rule really crashed operations
