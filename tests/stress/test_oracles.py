"""The stress suites' judges can see what they are there to catch.

A stress run that reports zero violations proves something only if its checks fail on a broken
state. These tests break a real console database and a real sandbox ledger on purpose (a double
refund at the gateway, a refund the console forgot, a receipt number gap, two unresolved operations,
an edited audit entry) and a raw answer (an error status, an error code, a wrong amount) and expect
each judge to name it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from epay_desktop.domain import Money
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.gateway import OperationResult
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import StatusNotFound
from epay_desktop.gateway.status import parse_transaction
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.services.receipts import ReceiptService
from tests.support import stress_harness as sh

h = sh.h
FUZZ = Path(__file__).parent / "test_gateway_fuzz.py"


@pytest.fixture
def world(two_step_sandbox: RunningSandbox, tmp_path: Path) -> Iterator[tuple[h.World, Path]]:
    path = tmp_path / "oracle.db"
    with h.world_parts(two_step_sandbox.base_url, f"sqlite:///{path}") as (store, control, manager, cashier):
        yield h.World(store, control, h.Clock(), manager, cashier), path


def refunded_with_receipts(world: h.World) -> Any:
    """A paid and charged 100.00 with a sale receipt, a 30.00 refund and its receipt: a clean state."""
    payment = world.paid("100")
    receipts = ReceiptService(world.store, world.clock, sh.REGISTER, environment="test", render=sh._render)

    async def scenario(svc: h.Services) -> Any:
        await svc.ops.charge(world.manager, payment.invoice_id)
        await receipts.issue_receipt(world.manager, ReceiptRequest(payment.invoice_id, ReceiptKind.SALE))
        op = await svc.ops.refund(world.manager, payment.invoice_id, Money.parse("30"), reason="oracle")
        await receipts.issue_receipt(
            world.manager, ReceiptRequest(payment.invoice_id, ReceiptKind.REFUND, money_op_id=op.id)
        )
        return op

    return payment, world.run(scenario)


def sql(path: Path, statement: str, *params: object) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute(statement, params)
        con.commit()
    finally:
        con.close()


def test_a_clean_state_has_no_violations(world: tuple[h.World, Path]) -> None:
    w, path = world
    refunded_with_receipts(w)
    assert sh.invariant_violations(w.store, w.control, settled=True) == []
    assert sh.sqlite_integrity(path) == []


def test_a_refund_the_console_forgot_and_a_second_one_at_the_gateway_are_reported(
    world: tuple[h.World, Path],
) -> None:
    w, _ = world
    payment, op = refunded_with_receipts(w)
    # the sandbox refunds the same externalID again, as a re-send after a lost answer would
    w.run(lambda svc: svc.client.refund(payment.transaction_id, Money.parse("20"), op.id))
    problems = sh.invariant_violations(w.store, w.control, settled=True)
    assert any("double refund" in p for p in problems), problems
    assert any("console refunded 3000, sandbox 5000" in p for p in problems), problems


def test_a_receipt_number_gap_and_a_counter_ahead_are_reported(world: tuple[h.World, Path]) -> None:
    w, path = world
    refunded_with_receipts(w)
    sql(path, "DELETE FROM receipts WHERE number = 1")
    problems = sh.invariant_violations(w.store, w.control, settled=True)
    assert any("gaps or repeats: [2]" in p for p in problems), problems
    assert any("counter of till-1 is 2, 1 receipts" in p for p in problems), problems


def test_two_unresolved_operations_on_a_payment_are_reported(world: tuple[h.World, Path]) -> None:
    w, path = world
    first, _ = refunded_with_receipts(w)
    refunded_with_receipts(w)
    # the schema itself refuses a second unresolved operation; without that index, the judge must
    sql(path, "DROP INDEX uq_money_ops_one_unresolved")
    sql(path, "UPDATE money_ops SET state = 'UNKNOWN', payment_id = ?", first.id)
    problems = sh.invariant_violations(w.store, w.control, settled=False)
    assert any("4 unresolved operations" in p for p in problems), problems  # 2 charges, 2 refunds


def test_an_edited_audit_entry_is_reported(world: tuple[h.World, Path]) -> None:
    w, path = world
    refunded_with_receipts(w)
    with w.store.engine.connect() as con:
        [(seq,)] = con.execute(text("SELECT max(seq) FROM audit_log")).all()
    sql(path, "UPDATE audit_log SET actor_id = actor_id + 1 WHERE seq = ?", seq)
    problems = sh.invariant_violations(w.store, w.control, settled=True)
    assert any("audit chain broken" in p for p in problems), problems


# -- the fuzzer's judge of false successes ---------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("stress_fuzz_module", FUZZ)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def applied(target: str) -> OperationResult:
    return OperationResult(
        operation=target, target_id="tx-1", http_status=200, code=None, message="", raw=None
    )


def found(amount: str) -> StatusFound:
    data = {"id": "tx-1", "invoiceID": "000123456", "currency": "KZT", "amount": Decimal(amount)}
    return StatusFound(parse_transaction(data))


def test_the_fuzz_judge_names_false_successes(fuzz: Any) -> None:
    answer = fuzz.Answer
    judge = fuzz.false_success
    assert judge(answer("refund", 502, b""), applied("refund")) == "applied on HTTP 502"
    assert "code 454" in judge(answer("charge", 200, b'{"code": 454}'), applied("charge"))
    assert judge(answer("refund", 200, b'{"code": 0, "message": "refunded"}'), applied("refund")) is None
    status_body = b'{"resultCode": "100", "transaction": {"id": "tx-1", "currency": "KZT", "amount": 12.30}}'
    assert judge(answer("status", 200, status_body), found("12.3")) is None
    assert "read as 1234 tiyn" in judge(answer("status", 200, status_body), found("12.34"))
    assert "from resultCode '101'" in judge(
        answer("status", 200, b'{"resultCode": "101"}'), StatusNotFound(invoice_id="000123456")
    )
    assert judge(answer("status", 503, status_body), found("12.3")) == "status read from HTTP 503"


# -- the README command ------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    not (ROOT / ".venv-dev" / ".epay-stamp").is_file(),
    reason="scripts/stress.sh would first build .venv-dev (scripts/test.sh makes it)",
)
def test_the_readme_command_runs_pytest_on_the_long_profile_with_its_arguments(tmp_path: Path) -> None:
    """``./scripts/stress.sh``: the long profile, the figures file, its arguments passed to pytest."""
    figures = tmp_path / "figures.jsonl"
    test = "tests/stress/test_oracles.py::test_the_profile_is_the_one_the_environment_names"
    done = subprocess.run(
        [str(ROOT / "scripts" / "stress.sh"), test],
        cwd="/", capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "EPAY_STRESS_FIGURES": str(figures), "EPAY_STRESS_EXPECT": "long"},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"stress: long profile; figures appended to {figures}" in done.stderr
    assert "1 passed" in done.stdout


def test_the_profile_is_the_one_the_environment_names() -> None:
    """Short unless ``EPAY_STRESS=long`` (the README command's run of this test expects long)."""
    expected = os.environ.get(
        "EPAY_STRESS_EXPECT", "long" if os.environ.get("EPAY_STRESS") == "long" else "short"
    )
    assert sh.profile().name == expected
    assert (sh.profile().workloads, sh.profile().examples, sh.profile().answers) == (
        (1000, 500, 10_000) if expected == "long" else (16, 20, 300)
    )
