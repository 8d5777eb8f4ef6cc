"""MoneyOperations against the sandbox on a loopback socket, on SQLite and PostgreSQL.

T01 (intent committed before the request), T04 (ambiguous failures), T08 (stale screen), T21
(token expiry mid-refund), RBAC with manager approvals, charge/cancel on a two-step terminal and
the refund rules that only the service can check (window, after cancel).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from typing import TypeVar

import httpx
import pytest
from sqlalchemy import text

from epay_desktop.domain import ApprovalError
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import OperationInProgress
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.domain import RuleViolation
from epay_desktop.domain import StaleRemaining
from epay_desktop.domain.text import TextError
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.services.events import OperationUpdated
from epay_desktop.store.db import make_engine
from tests.support import ops_harness as h

T = TypeVar("T")


@dataclass
class Env(h.World):
    url: str

    def op_rows(self) -> list[Any]:
        with self.store.read() as tx:
            return list(tx.session.execute(text("SELECT id, state, amount_minor FROM money_ops")))


def _env(sandbox: RunningSandbox, url: str) -> Iterator[Env]:
    with h.world_parts(sandbox.base_url, url) as (store, control, manager, cashier):
        yield Env(store, control, h.Clock(), manager, cashier, url)


@pytest.fixture
def env(sandbox: RunningSandbox, db_url: str) -> Iterator[Env]:
    yield from _env(sandbox, db_url)


@pytest.fixture
def env2(two_step_sandbox: RunningSandbox, db_url: str) -> Iterator[Env]:
    yield from _env(two_step_sandbox, db_url)


# -- T01: intent before effect --------------------------------------------------------------------


def test_intent_is_committed_and_visible_to_another_connection_when_the_refund_leaves(env: Env) -> None:
    """reliability.md T01."""
    payment = env.paid("100")
    spy_engine = make_engine(env.url)
    seen: list[tuple[str, Any]] = []

    async def look(request: httpx.Request) -> None:
        if request.url.path.endswith("/refund"):
            external_id = request.url.params["externalID"]
            with spy_engine.connect() as conn:  # a SECOND connection: sees committed rows only
                row = conn.execute(
                    text("SELECT state, amount_minor FROM money_ops WHERE id = :id"), {"id": external_id}
                ).first()
            seen.append((external_id, (row[0], row[1]) if row else None))

    async def refund_ten_times(svc: h.Services) -> list[Any]:
        return [
            await svc.ops.refund(env.manager, payment.invoice_id, Money.parse("10"), reason="T01")
            for _ in range(10)
        ]

    try:
        ops = env.run(refund_ten_times, request_hooks=[look])
    finally:
        spy_engine.dispose()
    assert [op.state for op in ops] == [OpState.SUCCEEDED] * 10
    assert seen == [(op.id, ("SENDING", 1000)) for op in ops]
    assert [r["externalID"] for r in env.control.operations(payment.invoice_id)] == [op.id for op in ops]


# -- T04: ambiguous failures are resolved by check-status, never re-sent ---------------------------


@pytest.mark.parametrize(
    ("kind", "value", "timeout"),
    [("drop_after_apply", 0, 5.0), ("hold", 0, 0.6)],  # hold: applied, answered after the reset
    ids=["dropped_after_apply", "answer_after_client_timeout"],
)
def test_applied_but_unanswered_refund_is_resolved_to_succeeded(
    env: Env, kind: str, value: float, timeout: float
) -> None:
    """reliability.md T04."""
    payment = env.paid("100")
    env.control.fault("refund", kind, value)
    updates: list[OpState] = []

    async def scenario(svc: h.Services) -> Any:
        svc.bus.subscribe(OperationUpdated, lambda e: updates.append(e.op.state))
        op = await svc.ops.refund(env.manager, payment.invoice_id, Money.parse("40"), reason="T04")
        return op, svc.requests.count("/refund")

    op, posts = env.run(scenario, timeout=timeout)
    assert op.state is OpState.SUCCEEDED
    assert updates == [OpState.SENDING, OpState.UNKNOWN, OpState.SUCCEEDED]
    assert posts == 1
    assert [r["externalID"] for r in env.control.operations(payment.invoice_id)] == [op.id]


@pytest.mark.parametrize(
    ("kind", "value"), [("http_status", 502), ("drop_before_apply", 0)], ids=["http_502", "dropped_before"]
)
def test_unapplied_ambiguous_refund_waits_then_needs_review_and_a_retry_sends_it_once(
    env: Env, kind: str, value: int
) -> None:
    """reliability.md T04."""
    payment = env.paid("100")
    env.control.fault("refund", kind, value)
    op = env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, Money.parse("40"), reason="T04"))
    assert op.state is OpState.UNKNOWN  # the gateway shows nothing yet: a delayed request may still land
    assert env.control.operations(payment.invoice_id) == []

    report = env.run(lambda svc: svc.reconciler.reconcile_all())  # still inside the quiet period
    assert report.changes == [] and env.op_rows()[0].state == "UNKNOWN"
    with pytest.raises(OperationInProgress, match="still being processed"):
        env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, Money.parse("10"), reason="x"))

    env.clock.advance(seconds=121)  # past the quiet period and the status lag (120 s by default)
    report = env.run(lambda svc: svc.reconciler.reconcile_all())
    assert [(c.before, c.after) for c in report.changes] == [("UNKNOWN", "NEEDS_REVIEW")]
    assert env.control.operations(payment.invoice_id) == []

    async def retry(svc: h.Services) -> Any:
        return await svc.ops.review(env.manager, op.id, "retry"), svc.requests.count("/refund")

    retried, posts = env.run(retry)
    assert retried.state is OpState.SUCCEEDED and retried.attempts == 2
    assert posts == 1
    assert [r["externalID"] for r in env.control.operations(payment.invoice_id)] == [op.id]


def test_review_needs_a_manager_and_abandon_marks_failed(env: Env) -> None:
    payment = env.paid("100")
    env.control.fault("refund", "drop_before_apply")
    op = env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, Money.parse("40"), reason="x"))
    env.clock.advance(minutes=2)
    env.run(lambda svc: svc.reconciler.reconcile_all())
    with pytest.raises(PermissionDenied):
        env.run(lambda svc: svc.ops.review(env.cashier, op.id, "abandon"))
    abandoned = env.run(lambda svc: svc.ops.review(env.manager, op.id, "abandon"))
    assert abandoned.state is OpState.FAILED
    with env.store.read() as tx:
        actions = [r.action for r in tx.session.execute(text("SELECT action FROM audit_log ORDER BY seq"))]
    assert actions[-4:] == ["refund.requested", "refund.unknown", "refund.needs_review", "refund.abandoned"]
    with pytest.raises(RuleViolation) as twice:  # a second manager's review, on a stale screen
        env.run(lambda svc: svc.ops.review(env.manager, op.id, "abandon"))
    assert twice.value.user_message == "This operation is failed, not waiting for a review."  # not FAILED
    again = env.run(
        lambda svc: svc.ops.refund(env.manager, payment.invoice_id, Money.parse("40"), reason="y")
    )
    assert again.state is OpState.SUCCEEDED


def _needs_review(env: Env) -> tuple[Any, Any]:
    payment = env.paid("100")
    env.control.fault("refund", "drop_before_apply")
    op = env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, Money.parse("40"), reason="x"))
    env.clock.advance(minutes=2)
    env.run(lambda svc: svc.reconciler.reconcile_all())
    assert _state(env, op.id) == OpState.NEEDS_REVIEW.value
    return payment, op


def _state(env: Env, op_id: str) -> str:
    return next(row.state for row in env.op_rows() if row.id == op_id)


def _demote(env: Env) -> None:  # as a second counter's administrator does, audited
    with env.store.write() as tx:
        tx.users.set_role(env.manager.id, Role.CASHIER, now=env.clock())
        tx.audit.append(
            None, "user.role_changed", f"user:{env.manager.id}", {"before": "manager", "after": "cashier"}
        )


def _deactivate(env: Env) -> None:
    with env.store.write() as tx:
        tx.users.set_active(env.manager.id, False, now=env.clock())
        tx.audit.append(None, "user.deactivated", f"user:{env.manager.id}", {})


@pytest.mark.parametrize("decision", ["retry", "abandon"])
@pytest.mark.parametrize("change", [_demote, _deactivate], ids=["demoted", "deactivated"])
def test_a_manager_demoted_or_deactivated_since_log_in_cannot_decide_a_review(
    env: Env, change: Any, decision: Any
) -> None:
    """The review checks the manager as stored now, as refund, charge and cancel do: the screen's User
    object, made at log-in, still says manager (a retry would send the money again)."""
    payment, op = _needs_review(env)
    change(env)
    with pytest.raises(PermissionDenied) as refused:
        env.run(lambda svc: svc.ops.review(env.manager, op.id, decision))
    assert (
        refused.value.user_message == "Only a manager can decide about an operation whose outcome is unclear."
    )
    assert _state(env, op.id) == OpState.NEEDS_REVIEW.value
    assert env.control.refunded_minor(payment.invoice_id) == 0  # a retry sent nothing again
    with env.store.read() as tx:
        actions = [r.action for r in tx.session.execute(text("SELECT action FROM audit_log ORDER BY seq"))]
    assert actions[-1] in ("user.role_changed", "user.deactivated")  # nothing decided, nothing audited


def test_refund_whose_token_request_fails_is_failed_as_not_sent(env: Env) -> None:
    payment = env.paid("100")
    env.control.fault("token", "http_status", 503, times=5)  # the new client has no service token yet

    async def scenario(svc: h.Services) -> Any:
        op = await svc.ops.refund(env.manager, payment.invoice_id, Money.parse("40"), reason="x")
        return op, svc.requests.count("/refund")

    op, posts = env.run(scenario)
    assert (op.state, posts) == (OpState.FAILED, 0)
    assert op.gateway_message is not None and op.gateway_message.startswith("Not sent: nothing happened")
    env.control.clear_faults()
    again = env.run(
        lambda svc: svc.ops.refund(env.manager, payment.invoice_id, Money.parse("40"), reason="y")
    )
    assert again.state is OpState.SUCCEEDED


# -- T08: a stale screen never turns into a refund --------------------------------------------------


def test_stale_expected_remaining_is_refused_without_any_request(env: Env) -> None:
    """reliability.md T08."""
    payment = env.paid("100")

    async def scenario(svc: h.Services) -> Any:
        await svc.ops.refund(env.manager, payment.invoice_id, Money.parse("30"), reason="B")
        before = svc.requests.count("/refund")
        with pytest.raises(StaleRemaining) as caught:
            await svc.ops.refund(
                env.manager,
                payment.invoice_id,
                Money.parse("80"),
                reason="A",
                expected_remaining=Money.parse("100"),
            )
        return caught.value, svc.requests.count("/refund") - before

    error, extra_posts = env.run(scenario)
    assert "remaining amount changed (now 70,00" in error.user_message
    assert error.current_remaining_minor == 7000
    assert extra_posts == 0
    assert len(env.op_rows()) == 1


def test_a_reason_with_a_control_character_is_refused_before_any_intent_or_request(env: Env) -> None:
    """Issue 11: ``--reason`` stored a raw ESC/BEL that ``show`` then printed; the service refuses it
    (decision 0073), whoever calls it (the refund dialog, the CLI, a script)."""
    payment = env.paid("100")

    async def scenario(svc: h.Services) -> Any:
        with pytest.raises(TextError) as caught:
            await svc.ops.refund(env.manager, payment.invoice_id, Money.parse("30"), reason="x\x1b]0;t\x07")
        return caught.value, svc.requests.count("/refund")

    error, posts = env.run(scenario)
    assert "control character (U+001B) at position 2" in error.user_message
    assert posts == 0 and env.op_rows() == []


# -- T21: an expired token mid-refund ---------------------------------------------------------------


def test_refund_with_a_revoked_token_is_applied_exactly_once(env: Env) -> None:
    """reliability.md T21."""
    payment = env.paid("100")
    env.control.fault("refund", "expire_token")

    async def scenario(svc: h.Services) -> Any:
        op = await svc.ops.refund(env.manager, payment.invoice_id, None, reason="T21")
        return op, svc.requests.count("/refund"), svc.requests.count("/oauth2/token")

    op, posts, token_calls = env.run(scenario)
    assert op.state is OpState.SUCCEEDED and op.amount == Money.parse("100")
    assert posts == 2  # refused with 401 (not applied), replayed once with a fresh token
    assert token_calls == 2  # the service token, then a fresh one after the 401
    assert [r["externalID"] for r in env.control.operations(payment.invoice_id)] == [op.id]
    with env.store.read() as tx:
        assert tx.payments.get(payment.id).status is ConsoleStatus.REFUND


# -- RBAC: cashiers need a manager's approval ------------------------------------------------------


def _approval(env: Env, payment_id: int, kind: OpKind, amount: str) -> str:
    now = env.clock()
    with env.store.write() as tx:
        return tx.users.create_approval(
            payment_id=payment_id,
            kind=kind,
            amount_minor=Money.parse(amount).minor,
            approved_by=env.manager.id,
            requested_by=env.cashier.id,
            now=now,
            expires_at=now + timedelta(minutes=2),
        )


def test_cashier_refund_needs_an_approval_which_is_single_use(env: Env) -> None:
    payment = env.paid("100")
    with pytest.raises(PermissionDenied, match="A manager must approve this refund"):
        env.run(lambda svc: svc.ops.refund(env.cashier, payment.invoice_id, Money.parse("20"), reason="x"))
    approval = _approval(env, payment.id, OpKind.REFUND, "20")
    op = env.run(
        lambda svc: svc.ops.refund(
            env.cashier, payment.invoice_id, Money.parse("20"), reason="x", approval_id=approval
        )
    )
    assert op.state is OpState.SUCCEEDED
    assert (op.requested_by, op.approved_by) == (env.cashier.id, env.manager.id)
    with pytest.raises(ApprovalError, match="already used"):
        env.run(
            lambda svc: svc.ops.refund(
                env.cashier, payment.invoice_id, Money.parse("20"), reason="x", approval_id=approval
            )
        )
    assert len(env.control.operations(payment.invoice_id)) == 1
    with env.store.read() as tx:
        entry = tx.session.execute(
            text("SELECT actor_id, details FROM audit_log WHERE action = 'refund.requested'")
        ).one()
    assert entry.actor_id == env.cashier.id and f'"approved_by":{env.manager.id}' in entry.details


def test_a_deactivated_user_cannot_move_money(env: Env) -> None:
    payment = env.paid("100")
    with env.store.write() as tx:
        tx.users.set_active(env.manager.id, False, now=env.clock())
    with pytest.raises(PermissionDenied, match="deactivated"):
        env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, None, reason="x"))
    assert env.op_rows() == []


# -- two-step terminal: charge and cancel ----------------------------------------------------------


def test_partial_charge_then_refund_limited_to_the_charged_amount(env2: Env) -> None:
    payment = env2.paid("100")
    assert payment.status is ConsoleStatus.AUTH
    with pytest.raises(
        RuleViolation, match="this one is only held \\(authorised\\), not charged yet: charge or cancel it"
    ):
        env2.run(lambda svc: svc.ops.refund(env2.manager, payment.invoice_id, None, reason="x"))
    with pytest.raises(RuleViolation, match="more than the held amount"):
        env2.run(lambda svc: svc.ops.charge(env2.manager, payment.invoice_id, Money.parse("100.01")))
    op = env2.run(lambda svc: svc.ops.charge(env2.manager, payment.invoice_id, Money.parse("60")))
    assert (op.kind, op.state, op.amount) == (OpKind.CHARGE, OpState.SUCCEEDED, Money.parse("60"))
    with env2.store.read() as tx:
        charged = tx.payments.get(payment.id)
    assert charged.status is ConsoleStatus.CHARGE and charged.gateway_amount == Money.parse("60")
    with pytest.raises(RuleViolation, match="more than what remains"):
        env2.run(lambda svc: svc.ops.refund(env2.manager, payment.invoice_id, Money.parse("61"), reason="x"))
    refund = env2.run(lambda svc: svc.ops.refund(env2.manager, payment.invoice_id, None, reason="all"))
    assert refund.amount == Money.parse("60") and refund.state is OpState.SUCCEEDED


def test_cancel_releases_the_hold_and_then_refund_and_charge_are_refused(env2: Env) -> None:
    payment = env2.paid("100")
    with pytest.raises(PermissionDenied, match="approve this cancellation"):
        env2.run(lambda svc: svc.ops.cancel(env2.cashier, payment.invoice_id))
    op = env2.run(lambda svc: svc.ops.cancel(env2.manager, payment.invoice_id))
    assert (op.kind, op.state) == (OpKind.CANCEL, OpState.SUCCEEDED)
    assert [t["status"] for t in env2.control.ledger()] == ["CANCEL"]
    with pytest.raises(RuleViolation, match="was cancelled"):
        env2.run(lambda svc: svc.ops.refund(env2.manager, payment.invoice_id, None, reason="x"))
    with pytest.raises(RuleViolation, match="Only a held"):
        env2.run(lambda svc: svc.ops.charge(env2.manager, payment.invoice_id))


def test_refund_window_from_the_shop_setting(env: Env) -> None:
    payment = env.paid("100")
    with env.store.write() as tx:
        tx.settings.set("refund.window_days", "1")
    env.clock.advance(days=1, seconds=1)
    with pytest.raises(RuleViolation, match="refund window of 1 days ended"):
        env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, None, reason="late"))
    assert env.control.operations(payment.invoice_id) == [] and env.op_rows() == []


# -- the reconciler runs while a refund is in flight -------------------------------------------------


def test_reconcile_during_an_in_flight_refund_leaves_it_to_its_sender(env: Env) -> None:
    """A console reconciles (periodically and on demand) while its own refund waits for the answer."""
    payment = env.paid("100")
    env.control.fault("refund", "hold")  # applied at once, answered when released
    updates: list[OpState] = []

    async def scenario(svc: h.Services) -> Any:
        svc.bus.subscribe(OperationUpdated, lambda e: updates.append(e.op.state))
        refund = asyncio.create_task(
            svc.ops.refund(env.manager, payment.invoice_id, Money.parse("40"), reason="in flight")
        )
        held = await asyncio.to_thread(
            env.control.call, "GET", "/sandbox/held", params={"operation": "refund", "wait": 30}
        )
        assert held.status_code == 200, held.text  # the bank took the refund, its answer is held
        assert env.control.operations(payment.invoice_id) and not refund.done()
        [op_id] = svc.ops.in_flight
        env.clock.advance(minutes=5)  # even past the quiet period: the sender decides, not the reconciler
        status_before = svc.requests.count("check-status", method="GET")
        reports = await asyncio.gather(svc.reconciler.reconcile_all(), svc.reconciler.reconcile_all())
        status_during = svc.requests.count("check-status", method="GET") - status_before
        direct = await svc.ops.resolve_verbose(op_id)
        assert not refund.done()  # the answer is still held back by the sandbox
        with env.store.read() as tx:
            state_during = tx.operations.get(op_id).state
        await asyncio.to_thread(env.control.call, "POST", "/sandbox/release", params={"operation": "refund"})
        op = await refund
        return op_id, reports, status_during, direct, state_during, op, svc.ops.in_flight

    op_id, reports, status_during, direct, state_during, op, in_flight_after = env.run(scenario)
    for report in reports:
        assert report.changes == [] and report.in_flight == [op_id] and report.ops_checked == 0
        assert any("being sent by this console" in line for line in report.lines)
    assert status_during == 0  # not even asked about
    assert (direct.in_flight, direct.changed, direct.op.state) == (True, False, OpState.SENDING)
    assert state_during is OpState.SENDING
    assert op.id == op_id and op.state is OpState.SUCCEEDED
    assert in_flight_after == frozenset()
    assert updates == [OpState.SENDING, OpState.SUCCEEDED]
    with env.store.read() as tx:
        actions = [r.action for r in tx.session.execute(text("SELECT action FROM audit_log ORDER BY seq"))]
    assert actions.count("refund.succeeded") == 1 and "refund.unknown" not in actions
    assert [r["externalID"] for r in env.control.operations(payment.invoice_id)] == [op_id]
    report = env.run(lambda svc: svc.reconciler.reconcile_all())  # afterwards: nothing left to settle
    assert [c for c in report.changes if c.subject.startswith("op:")] == []


# -- bank health from money operations -------------------------------------------------------------


def test_a_refund_that_cannot_reach_the_bank_marks_it_down_and_the_next_success_up(env: Env) -> None:
    from epay_desktop.services.events import GatewayHealthChanged

    payment = env.paid("100")
    seen: list[bool] = []

    async def two_refunds(svc: h.Services) -> list[Any]:
        svc.bus.subscribe(GatewayHealthChanged, lambda event: seen.append(event.ok))
        env.control.fault("refund", "http_status", 401, times=2)  # refused twice: AuthError, not applied
        first = await svc.ops.refund(env.manager, payment.invoice_id, Money.parse("10"), reason="down")
        second = await svc.ops.refund(env.manager, payment.invoice_id, Money.parse("10"), reason="up")
        return [first, second]

    first, second = env.run(two_refunds)
    assert (first.state, second.state) == (OpState.FAILED, OpState.SUCCEEDED)
    assert seen == [False, True]
