"""T02 and T03: a refund process SIGKILLed at a named fault point, then the reconciler of the next start.

The child (tests/support/refund_driver.py) opens the same database and runs one refund against the
sandbox with ``EPAY_FAULT_AT`` set; it kills itself with SIGKILL at that point. The parent then
reconciles and checks the gateway's ledger: exactly one refund per intent, never a second POST.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.services.money_ops.crash_points import FaultPoints
from epay_desktop.store.db import Store
from tests.support import ops_harness as h
from tests.support.sandbox import SandboxControl

ROOT = Path(__file__).resolve().parents[2]

KILLED = -getattr(signal, "SIGKILL", signal.SIGTERM)


class Env:
    def __init__(self, sandbox: RunningSandbox, url: str) -> None:
        self.url = url
        self.control = SandboxControl(sandbox.base_url)
        self.store: Store = h.open_store(url)
        self.manager: User = h.add_user(self.store, "Manager", Role.MANAGER)
        self.clock = h.Clock()

    def run(self, scenario: Any) -> Any:
        async def main() -> Any:
            async with h.services(self.store, self.control.base_url, self.clock) as svc:
                return await scenario(svc)

        return asyncio.run(main())

    def paid(self) -> Payment:
        return self.run(lambda svc: h.paid_payment(svc, self.control, self.manager, "100"))  # type: ignore[no-any-return]

    def refund_in_child(self, payment: Payment, amount: str, fault: str) -> subprocess.CompletedProcess[str]:
        environ = {**os.environ, "EPAY_FAULT_AT": fault}
        args = [self.url, self.control.base_url, payment.invoice_id.value, amount, str(self.manager.id)]
        return subprocess.run(
            [sys.executable, "-m", "tests.support.refund_driver", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env=environ,
            check=False,
        )

    def only_op(self) -> Any:
        with self.store.read() as tx:
            [op] = tx.operations.all_unresolved()
        return op


@pytest.fixture
def env(sandbox: RunningSandbox, db_url: str) -> Iterator[Env]:
    env = Env(sandbox, db_url)
    yield env
    env.store.close()


def test_killed_after_the_gateway_applied_then_reconciled_to_succeeded_without_resending(
    env: Env,
) -> None:
    """reliability.md T02."""
    payment = env.paid()
    child = env.refund_in_child(payment, "40", "after_gateway_ok_before_commit")
    assert child.returncode == KILLED, child.stderr
    op = env.only_op()
    assert op.state is OpState.SENDING  # the outcome never reached the database
    assert [r["externalID"] for r in env.control.operations(payment.invoice_id)] == [op.id]

    async def restart(svc: h.Services) -> Any:
        report = await svc.reconciler.reconcile_all()
        return report, svc.requests.count("/refund")

    report, refund_posts = env.run(restart)
    assert refund_posts == 0
    assert [(c.subject, c.before, c.after) for c in report.changes] == [
        (f"op:{op.id}", "SENDING", "SUCCEEDED")
    ]
    with env.store.read() as tx:
        ops = tx.operations.list_for_payment(payment.id)
    assert [(o.id, o.state) for o in ops] == [(op.id, OpState.SUCCEEDED)]
    assert len(env.control.operations(payment.invoice_id)) == 1


@pytest.mark.parametrize("fault", ["after_intent_commit", "before_send"])
def test_killed_before_sending_then_review_retry_sends_once_with_the_same_external_id(
    env: Env, fault: str
) -> None:
    """reliability.md T03."""
    payment = env.paid()
    child = env.refund_in_child(payment, "40", fault)
    assert child.returncode == KILLED, child.stderr
    op = env.only_op()
    assert op.state is OpState.SENDING
    assert env.control.operations(payment.invoice_id) == []

    env.clock.advance(minutes=3)  # the restart comes after the quiet period (and the 120 s status lag)
    report = env.run(lambda svc: svc.reconciler.reconcile_all())
    assert [(c.before, c.after) for c in report.changes] == [("SENDING", "NEEDS_REVIEW")]
    assert env.control.operations(payment.invoice_id) == []

    retried = env.run(lambda svc: svc.ops.review(env.manager, op.id, "retry"))
    assert (retried.id, retried.state, retried.attempts) == (op.id, OpState.SUCCEEDED, 2)
    assert [r["externalID"] for r in env.control.operations(payment.invoice_id)] == [op.id]
    env.clock.advance(minutes=5)
    env.run(lambda svc: svc.reconciler.reconcile_all())
    assert len(env.control.operations(payment.invoice_id)) == 1


def test_driver_without_a_fault_refunds_normally(env: Env) -> None:
    payment = env.paid()
    child = env.refund_in_child(payment, "40", "")
    assert child.returncode == 0, child.stderr
    assert '"state": "SUCCEEDED"' in child.stdout
    assert len(env.control.operations(payment.invoice_id)) == 1


def test_fault_points_are_inert_unless_their_name_is_armed() -> None:
    armed = FaultPoints({"EPAY_FAULT_AT": "before_send"})
    armed.hit("after_intent_commit")  # another point: nothing happens (the test process lives on)
    FaultPoints({}).hit("before_send")
    with pytest.raises(ValueError, match="unknown fault point"):
        armed.hit("before_sned")
