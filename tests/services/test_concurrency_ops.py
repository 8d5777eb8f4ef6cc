"""T05 (double trigger in one process) and T07 (two processes at the same instant), SQLite and PostgreSQL.

Whatever the interleaving, one payment gets one refund: the write transaction that checks the
limits holds the lock (BEGIN IMMEDIATE / SELECT ... FOR UPDATE), and the database refuses a second
unresolved operation per payment.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import OperationInProgress
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import RuleViolation
from epay_desktop.domain import User
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.store.db import Store
from tests.support import ops_harness as h
from tests.support.sandbox import SandboxControl

ROOT = Path(__file__).resolve().parents[2]

ROUNDS = 5


def _race(
    store: Store, base_url: str, calls: Callable[[Any, User, InvoiceId], list[Any]], *paths: str
) -> tuple[Payment, list[Any], int, SandboxControl]:
    """A manager's 100 tenge payment, then ``calls(ops, manager, invoice)`` run at the same time: the
    payment, what each call returned or raised, how many requests went to ``paths``, the control."""
    control = SandboxControl(base_url)
    manager = h.add_user(store, "Manager", Role.MANAGER)

    async def main() -> tuple[Payment, list[Any], int]:
        async with h.services(store, base_url, h.Clock()) as svc:
            payment = await h.paid_payment(svc, control, manager, "100")
            results = await asyncio.gather(
                *calls(svc.ops, manager, payment.invoice_id), return_exceptions=True
            )
            return payment, results, sum(svc.requests.count(path) for path in paths)

    payment, results, posts = asyncio.run(main())
    return payment, results, posts, control


def test_double_trigger_creates_one_operation_and_sends_one_refund(
    sandbox: RunningSandbox, store: Store
) -> None:
    """reliability.md T05."""
    payment, results, posts, control = _race(
        store,
        sandbox.base_url,
        lambda ops, manager, invoice: [
            ops.refund(manager, invoice, Money.parse("60"), reason="click"),
            ops.refund(manager, invoice, Money.parse("60"), reason="double click"),
        ],
        "/refund",
    )
    ops = [r for r in results if not isinstance(r, BaseException)]
    errors = [r for r in results if isinstance(r, BaseException)]
    assert [op.state for op in ops] == [OpState.SUCCEEDED]
    assert len(errors) == 1 and isinstance(errors[0], OperationInProgress)
    assert "still being processed" in errors[0].user_message
    assert posts == 1
    assert [r["externalID"] for r in control.operations(payment.invoice_id)] == [ops[0].id]
    with store.read() as tx:
        assert len(tx.operations.list_for_payment(payment.id)) == 1


def test_charge_and_cancel_racing_on_one_hold_only_one_is_sent(
    two_step_sandbox: RunningSandbox, store: Store
) -> None:
    """reliability.md T05."""
    _payment, results, posts, control = _race(
        store,
        two_step_sandbox.base_url,
        lambda ops, manager, invoice: [ops.cancel(manager, invoice), ops.charge(manager, invoice)],
        "/cancel",
        "/charge",
    )
    assert isinstance(results[1], OperationInProgress), results
    assert results[0].state is OpState.SUCCEEDED
    assert posts == 1
    assert [t["status"] for t in control.ledger()] == ["CANCEL"]


def test_two_processes_refund_60_of_100_at_the_same_instant(
    sandbox: RunningSandbox, store: Store, db_url: str, tmp_path: Path
) -> None:
    """reliability.md T07."""
    control = SandboxControl(sandbox.base_url)
    manager = h.add_user(store, "Manager", Role.MANAGER)

    async def pay_all() -> list[Any]:
        async with h.services(store, sandbox.base_url, h.Clock()) as svc:
            return [await h.paid_payment(svc, control, manager, "100") for _ in range(ROUNDS)]

    payments = asyncio.run(pay_all())
    invoices = ",".join(p.invoice_id.value for p in payments)
    args = [db_url, sandbox.base_url, str(manager.id), "60", invoices]
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.support.race_driver", *args],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    said: list[list[str]] = [[] for _ in children]
    try:
        for number in range(ROUNDS):
            for child, lines in zip(children, said, strict=True):
                _until_ready(child, number, lines)
            for child in children:  # both wait on their stdin: "go" wakes them at the same instant
                assert child.stdin is not None
                child.stdin.write("go\n")
                child.stdin.flush()
        outputs = []
        for child, lines in zip(children, said, strict=True):
            assert child.stdin is not None and child.stdout is not None and child.stderr is not None
            child.stdin.close()
            outputs.append(("".join(lines) + child.stdout.read(), child.stderr.read()))
            child.wait(timeout=60)
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
            for pipe in (child.stdin, child.stdout, child.stderr):
                if pipe is not None:
                    pipe.close()
    assert [child.returncode for child in children] == [0, 0], [err for _out, err in outputs]
    lines = [json.loads(line) for out, _err in outputs for line in out.splitlines()]
    for number, payment in enumerate(payments):
        answers = sorted((line for line in lines if line["round"] == number), key=lambda x: x["outcome"])
        assert [a["outcome"] for a in answers] == ["ok", "refused"], answers
        assert answers[0]["state"] == "SUCCEEDED"
        assert answers[1]["error"] in (RuleViolation.__name__, OperationInProgress.__name__)
        assert answers[1]["message"].startswith(("Refund of 60,00", "Another refund of this payment"))
        assert "locked" not in answers[1]["message"]
        refunds = control.operations(payment.invoice_id)
        assert [r["externalID"] for r in refunds] == [answers[0]["op_id"]]
        assert control.refunded_minor(payment.invoice_id) == 6000 <= 10000
    assert issubclass(RuleViolation, ConsoleError) and issubclass(OperationInProgress, ConsoleError)


def _until_ready(child: subprocess.Popen[str], number: int, lines: list[str]) -> None:
    """Read the child's lines (keeping its answers in ``lines``) until it is ready for round ``number``;
    fail if it ends first. A blocking read: the child's own line is the condition, no clock."""
    assert child.stdout is not None and child.stderr is not None
    while line := child.stdout.readline():
        if json.loads(line).get("ready") == number:
            return
        lines.append(line)
    child.wait(timeout=10)
    pytest.fail(f"a race driver ended early ({child.returncode}):\n{''.join(lines)}\n{child.stderr.read()}")
