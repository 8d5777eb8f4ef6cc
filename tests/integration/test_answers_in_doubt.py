"""Issue 8 points 3 and 6 through the real services against the sandbox on a loopback socket.

Point 3: the sandbox answers a charge/cancel/refund with HTTP 200 and a non-zero ``code``, without
applying it (``code_in_200``) or after applying it (``code_in_200_applied``). MoneyOperations must
never call the first SUCCEEDED (check-status shows nothing) and must settle the second as SUCCEEDED
by check-status, each request sent once (decision 0033).

Point 6: the sandbox's ``status_oddity`` answers (unknown statusName, offset-less time, text or
unknown reasonCode, missing fields) leave the payment readable with the odd value kept (0034).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from typing import TypeVar

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.services.events import OperationUpdated
from epay_desktop.store.db import Store
from tests.support import ops_harness as h
from tests.support.sandbox import SandboxControl

T = TypeVar("T")


@dataclass
class Env:
    store: Store
    control: SandboxControl
    clock: h.Clock
    manager: User

    def run(self, scenario: Callable[[h.Services], Awaitable[T]]) -> T:
        async def main() -> T:
            async with h.services(self.store, self.control.base_url, self.clock) as svc:
                return await scenario(svc)

        return asyncio.run(main())

    def paid(self, amount: str = "100") -> Payment:
        return self.run(lambda svc: h.paid_payment(svc, self.control, self.manager, amount))

    def payment(self, payment_id: int) -> Payment:
        with self.store.read() as tx:
            return tx.payments.get(payment_id)


def _env(sandbox: RunningSandbox, url: str) -> Iterator[Env]:
    control = SandboxControl(sandbox.base_url)
    store = h.open_store(url)
    manager = h.add_user(store, "Manager", Role.MANAGER)
    try:
        yield Env(store, control, h.Clock(), manager)
    finally:
        store.close()
        control.close()


@pytest.fixture
def env(sandbox: RunningSandbox, db_url: str) -> Iterator[Env]:
    yield from _env(sandbox, db_url)


@pytest.fixture
def env2(two_step_sandbox: RunningSandbox, db_url: str) -> Iterator[Env]:
    yield from _env(two_step_sandbox, db_url)


def _send(env: Env, kind: OpKind, payment: Payment) -> tuple[Any, list[OpState], int]:
    """Send one operation; returns it, the states it went through and how many requests left."""
    updates: list[OpState] = []
    path = f"/{kind.value.lower()}"

    async def scenario(svc: h.Services) -> tuple[Any, int]:
        svc.bus.subscribe(OperationUpdated, lambda e: updates.append(e.op.state))
        if kind is OpKind.REFUND:
            op = await svc.ops.refund(env.manager, payment.invoice_id, Money.parse("40"), reason="x")
        elif kind is OpKind.CHARGE:
            op = await svc.ops.charge(env.manager, payment.invoice_id, Money.parse("60"))
        else:
            op = await svc.ops.cancel(env.manager, payment.invoice_id)
        return op, svc.requests.count(path)

    op, posts = env.run(scenario)
    return op, updates, posts


def _ledger_kinds(env: Env, payment: Payment) -> list[str]:
    [entry] = [t for t in env.control.ledger() if t["invoiceId"] == payment.invoice_id.value]
    return [op["kind"] for op in entry["operations"]]


# -- point 3 ---------------------------------------------------------------------------------------


def _not_applied(e: Env, kind: OpKind) -> None:
    payment = e.paid("100")
    base = _ledger_kinds(e, payment)  # the customer's payment itself
    e.control.fault(kind.value.lower(), "code_in_200", 100)
    op, updates, posts = _send(e, kind, payment)
    assert posts == 1  # sent once, never re-sent
    assert op.state is OpState.UNKNOWN  # check-status shows nothing applied: not SUCCEEDED, not FAILED
    assert updates == [OpState.SENDING, OpState.UNKNOWN]
    assert op.gateway_code == 100
    assert op.gateway_message and "error code 100" in op.gateway_message
    assert _ledger_kinds(e, payment) == base
    before = e.payment(payment.id).status

    e.clock.advance(hours=2)  # past the quiet period and any status-lag allowance: a person decides
    e.run(lambda svc: svc.reconciler.reconcile_all())
    with e.store.read() as tx:
        after = tx.operations.get(op.id)
    assert after.state is OpState.NEEDS_REVIEW
    assert _ledger_kinds(e, payment) == base
    assert e.payment(payment.id).status is before


def _applied(e: Env, kind: OpKind, expected: ConsoleStatus) -> None:
    payment = e.paid("100")
    base = _ledger_kinds(e, payment)
    e.control.fault(kind.value.lower(), "code_in_200_applied", 7)
    op, updates, posts = _send(e, kind, payment)
    assert posts == 1
    assert updates == [OpState.SENDING, OpState.UNKNOWN, OpState.SUCCEEDED]  # only check-status says so
    assert op.state is OpState.SUCCEEDED
    assert _ledger_kinds(e, payment) == [*base, kind.value.lower()]  # once
    assert e.payment(payment.id).status is expected


def test_refund_answered_200_with_a_code_and_not_applied_never_ends_succeeded(env: Env) -> None:
    _not_applied(env, OpKind.REFUND)


@pytest.mark.parametrize("kind", [OpKind.CHARGE, OpKind.CANCEL], ids=lambda k: k.value)
def test_charge_or_cancel_answered_200_with_a_code_and_not_applied_never_ends_succeeded(
    env2: Env, kind: OpKind
) -> None:
    _not_applied(env2, kind)


def test_refund_answered_200_with_a_code_but_applied_is_settled_by_check_status(env: Env) -> None:
    _applied(env, OpKind.REFUND, ConsoleStatus.CHARGE)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [(OpKind.CHARGE, ConsoleStatus.CHARGE), (OpKind.CANCEL, ConsoleStatus.CANCEL)],
    ids=["CHARGE", "CANCEL"],
)
def test_charge_or_cancel_answered_200_with_a_code_but_applied_is_settled_by_check_status(
    env2: Env, kind: OpKind, expected: ConsoleStatus
) -> None:
    _applied(env2, kind, expected)


# -- point 6 ---------------------------------------------------------------------------------------


def _refresh_with(env: Env, payment: Payment, oddity: str) -> Payment:
    """check-status once with the odd answer; the answer must have been stored (not refused)."""
    env.control.fault("status", "status_oddity", oddity)  # type: ignore[arg-type]
    env.clock.advance(seconds=5)
    seen = env.run(lambda svc: svc.payments.refresh_status(payment.invoice_id))
    assert seen.last_polled_at == env.clock.now  # read and stored, not a protocol error
    assert env.control.call("GET", "/sandbox/faults").json() == []
    return seen


def test_unknown_status_name_is_kept_and_checked_again(env: Env) -> None:
    payment = env.paid("100")
    odd = _refresh_with(env, payment, "unknown_status")
    assert odd.status is ConsoleStatus.UNKNOWN
    assert odd.bank_status == "CHARGEBACK"
    assert odd.next_poll_at is not None  # the poller keeps asking
    assert odd.card_mask == payment.card_mask and odd.transaction_id == payment.transaction_id
    again = env.run(lambda svc: svc.payments.refresh_status(payment.invoice_id))
    assert again.status is ConsoleStatus.CHARGE and again.bank_status is None


def test_time_without_offset_is_read_as_almaty(env: Env) -> None:
    payment = env.paid("100")
    odd = _refresh_with(env, payment, "naive_time")
    assert payment.bank_time is not None
    assert odd.bank_time == payment.bank_time  # the same moment the offset answer gave


def test_reason_code_that_is_text_is_kept_and_an_unknown_number_too(env: Env) -> None:
    payment = env.paid("100")
    odd = _refresh_with(env, payment, "text_reason_code")
    assert odd.status is ConsoleStatus.CHARGE and odd.reason_code_text == "A05"
    unknown = _refresh_with(env, payment, "unknown_reason_code")
    assert unknown.reason_code == 9999 and unknown.reason_code_text is None


def test_missing_descriptive_fields_leave_the_payment_as_it_was(env: Env) -> None:
    payment = env.paid("100")
    odd = _refresh_with(env, payment, "missing_fields")
    assert odd.status is ConsoleStatus.CHARGE
    assert odd.card_mask == payment.card_mask and odd.card_type == payment.card_type
    assert odd.gateway_amount == Money.parse("100") and odd.payout_amount == payment.payout_amount
    assert odd.approval_code == payment.approval_code  # kept from the earlier answer
