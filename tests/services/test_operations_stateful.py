"""T06: a Hypothesis state machine drives pay / charge / cancel / refunds / faults / reconcile / review
against the real services, the sandbox (a two-step terminal, so charge and cancel are in play) and a
fresh SQLite database per example.

Invariants after every step: accepted refunds are >= 10 KZT and never add up to more than was
captured; at most one unresolved operation per payment; no refund succeeds after a cancel. After
every reconcile: the console's succeeded refunds equal what the gateway refunded, per payment.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Coroutine
from decimal import Decimal
from pathlib import Path
from typing import Any
from typing import TypeVar

from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import invariant
from hypothesis.stateful import rule

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.sandbox import SandboxConfig
from tests.support import ops_harness as h
from tests.support.money_machine import AMOUNTS
from tests.support.money_machine import HoldsPayments
from tests.support.sandbox import SandboxControl
from tests.support.sandbox import SharedSandbox

T = TypeVar("T")
#: The session's sandbox, set by the test before the machine runs; each example makes it fresh.
SHARED: list[SharedSandbox] = []
# Logic, not durability, is under test here: the examples' databases go to memory-backed /dev/shm
# (each in its own private mkdtemp folder) when there is one.
FAST_DIR = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108


def minor(value: Any) -> int:
    return int(Decimal(str(value)) * 100)


class MoneyMachine(HoldsPayments):
    payments = HoldsPayments.payments

    def __init__(self) -> None:
        super().__init__()
        sandbox = SHARED[0].fresh(SandboxConfig(two_step=True))
        self.control = SandboxControl(sandbox.base_url)
        self.folder = tempfile.mkdtemp(prefix="epay-t06-", dir=FAST_DIR)
        self.store = h.open_store(f"sqlite:///{self.folder}/t06.db")
        self.manager = h.add_user(self.store, "Manager", Role.MANAGER)
        self.clock = h.Clock()
        self.loop = asyncio.new_event_loop()
        self.services_cm = h.services(self.store, sandbox.base_url, self.clock)
        self.svc: h.Services = self.loop.run_until_complete(self.services_cm.__aenter__())

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coro)

    def attempt(self, coro: Coroutine[Any, Any, MoneyOp]) -> MoneyOp | None:
        try:
            return self.run(coro)
        except ConsoleError:
            return None

    def teardown(self) -> None:
        try:
            self.run(self.services_cm.__aexit__(None, None, None))
        finally:
            self.loop.close()
            self.store.close()
            self.control.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- rules ----------------------------------------------------------------------------------

    @rule(target=payments, amount=AMOUNTS)
    def pay(self, amount: str) -> InvoiceId:
        return self.hold(amount, charge=False)

    @rule(target=payments, amount=AMOUNTS)
    def pay_and_charge(self, amount: str) -> InvoiceId:
        """Charged at once, so refunds have something to work on."""
        return self.hold(amount, charge=True)

    @rule(invoice=payments, part=st.sampled_from([None, "30", "100", "300"]))
    def charge(self, invoice: InvoiceId, part: str | None) -> None:
        self.attempt(self.svc.ops.charge(self.manager, invoice, Money.parse(part) if part else None))

    @rule(invoice=payments)
    def cancel(self, invoice: InvoiceId) -> None:
        self.attempt(self.svc.ops.cancel(self.manager, invoice))

    @rule(invoice=payments, amount=st.integers(min_value=500, max_value=12_000))
    def partial_refund(self, invoice: InvoiceId, amount: int) -> None:
        before = self.svc.requests.count("/refund")
        op = self.attempt(self.svc.ops.refund(self.manager, invoice, Money(amount), reason="partial"))
        if op is None:  # refused by the rules: nothing may have been sent
            assert self.svc.requests.count("/refund") == before

    @rule(invoice=payments)
    def full_refund(self, invoice: InvoiceId) -> None:
        self.attempt(self.svc.ops.refund(self.manager, invoice, None, reason="full"))

    @rule(
        operation=st.sampled_from(["refund", "charge", "cancel"]),
        kind=st.sampled_from(["drop_after_apply", "drop_before_apply", "http_status"]),
    )
    def inject_fault(self, operation: str, kind: str) -> None:
        self.control.clear_faults()
        self.control.fault(operation, kind, 502 if kind == "http_status" else 0)

    @rule(
        invoice=payments,
        amount=st.integers(min_value=500, max_value=12_000),
        kind=st.sampled_from(["drop_after_apply", "drop_before_apply", "http_status", "expire_token"]),
    )
    def faulty_refund(self, invoice: InvoiceId, amount: int, kind: str) -> None:
        self.control.clear_faults()
        self.control.fault("refund", kind, 502 if kind == "http_status" else 0)
        self.attempt(self.svc.ops.refund(self.manager, invoice, Money(amount), reason="faulty"))

    @rule()
    def advance_clock(self) -> None:
        self.clock.advance(seconds=61)

    @rule()
    def reconcile(self) -> None:
        self.run(self.svc.reconciler.reconcile_all())
        with self.store.read() as tx:
            for payment in tx.payments.search(limit=1000):
                ops = tx.operations.list_for_payment(payment.id)
                local = sum(
                    o.amount.minor for o in ops if o.kind is OpKind.REFUND and o.state is OpState.SUCCEEDED
                )
                assert local == self.control.refunded_minor(payment.invoice_id), (payment.invoice_id, ops)

    @rule(decision=st.sampled_from(["retry", "abandon"]))
    def review(self, decision: str) -> None:
        with self.store.read() as tx:
            waiting = [op for op in tx.operations.all_unresolved() if op.state is OpState.NEEDS_REVIEW]
        if waiting:
            self.attempt(self.svc.ops.review(self.manager, waiting[0].id, decision))  # type: ignore[arg-type]

    # -- invariants -----------------------------------------------------------------------------

    @invariant()
    def money_rules_hold(self) -> None:
        ledger = {t["invoiceId"]: t for t in self.control.ledger()}
        with self.store.read() as tx:
            for payment in tx.payments.search(limit=1000):
                ops = tx.operations.list_for_payment(payment.id)
                refunds = [o for o in ops if o.kind is OpKind.REFUND]
                assert all(o.amount.minor >= 1000 for o in refunds)
                assert len([o for o in ops if o.state.is_unresolved]) <= 1
                entry = ledger[payment.invoice_id.value]
                captured = minor(entry["amount"]) + minor(entry["payoutAmount"])
                succeeded = sum(o.amount.minor for o in refunds if o.state is OpState.SUCCEEDED)
                assert succeeded <= captured
                assert self.control_refunds(entry) <= captured
                if any(o.kind is OpKind.CANCEL and o.state is OpState.SUCCEEDED for o in ops):
                    assert succeeded == 0 and self.control_refunds(entry) == 0

    @staticmethod
    def control_refunds(entry: dict[str, Any]) -> int:
        return sum(minor(op["amount"]) for op in entry["operations"] if op["kind"] == "refund")


def test_refund_machine_keeps_its_invariants_through_random_steps(shared_sandbox: SharedSandbox) -> None:
    """reliability.md T06."""
    SHARED[:] = [shared_sandbox]
    MoneyMachine.TestCase.settings = settings(
        max_examples=20,
        stateful_step_count=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    MoneyMachine.TestCase().runTest()
