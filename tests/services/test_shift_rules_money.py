"""Money operations and the shop's shift rule (decision 0132), on a two-step sandbox: while the shop works
in shifts (``shift.for_payment`` = yes), a charge, cancel or refund at a counter with no open shift is
refused before anything is written or sent, a cashier's manager approval is left unused, and once the
counter opens its shift the same operations go through and count in its report (decision 0119); on
PostgreSQL a close at the moment of an intent waits for it and counts it. With the rule off they stay
allowed; such a refund is in no shift's report, and the day at a glance still counts it."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text

from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import ShiftRequired
from epay_desktop.domain.shifts import Totals
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox.config import KZ_TZ
from epay_desktop.services.events import ShiftFoundClosed
from epay_desktop.services.money_ops import journal
from epay_desktop.services.payments.day import DayService
from epay_desktop.services.people.approvals import ApprovalRequest
from epay_desktop.services.people.approvals import record_approval
from tests.services.test_shift_counter_ops import A
from tests.services.test_shift_counter_ops import B
from tests.services.test_shift_counter_ops import at_counter
from tests.services.test_shift_counter_ops import figures
from tests.services.test_shift_rules import set_rules
from tests.services.test_shifts import audit_actions
from tests.support import ops_harness as h
from tests.support.books_env import CLOCK
from tests.support.books_env import Env
from tests.support.books_env import books_env
from tests.support.books_env import minor
from tests.support.sandbox import SharedSandbox

__all__ = ["books_env"]


@pytest.fixture(name="sandbox")
def two_step_sandbox_on_the_clock(
    shared_sandbox: SharedSandbox, request: pytest.FixtureRequest
) -> RunningSandbox:
    """The session's sandbox, fresh, two-step (payments end held: AUTH), on the module's clock."""
    config = SandboxConfig(clock=lambda: CLOCK.now.astimezone(KZ_TZ), two_step=True)
    return shared_sandbox.fresh(config, holder=request.node.nodeid)


def approval_for(env: Env, invoice: Any, kind: OpKind, amount: str) -> str:
    """The manager's approval of the cashier's ``kind`` (what UserService.approve records after the PIN)."""
    with env.store.write() as tx:
        payment = tx.payments.get_by_invoice(invoice)
        assert payment is not None
        request = ApprovalRequest(payment.id, kind, minor(amount), env.cashier)
        approval = record_approval(tx, env.manager, request, now=env.clock(), ttl=timedelta(minutes=2))
    assert not isinstance(approval, Exception)
    return approval.id


def refused(env: Env, register: str, work: Any, match: str) -> list[ShiftFoundClosed]:
    """``work(shifts, svc)`` at ``register`` refused for want of a shift (ShiftRequired, ``match``): what
    its services' bus was told meanwhile."""
    told: list[ShiftFoundClosed] = []

    def listening(shifts: Any, svc: Any) -> Any:
        svc.bus.subscribe(ShiftFoundClosed, told.append)
        return work(shifts, svc)

    with pytest.raises(ShiftRequired, match=match):
        at_counter(env, register, listening)
    return told


def test_charge_cancel_and_refund_need_the_counters_open_shift(env: Env) -> None:
    assert set_rules(env, shift_for_payment="yes").payment_needs_shift
    at_counter(env, A, lambda shifts, svc: shifts.open(env.cashier))
    sold, held = env.paid("1000"), env.paid("400")  # holds taken at A, in A's shift
    assert (
        at_counter(env, A, lambda s, svc: svc.ops.charge(env.manager, sold.invoice_id)).state
        is OpState.SUCCEEDED
    )
    env.clock.advance(minutes=5)
    before = audit_actions(env)

    def refund(svc: Any, approval_id: str | None = None) -> Any:
        actor = env.manager if approval_id is None else env.cashier
        return svc.ops.refund(actor, sold.invoice_id, Money.parse("300"), reason="t", approval_id=approval_id)

    refusals = {  # B has no shift, though A (where the sales were taken) has one
        "refund": lambda s, svc: refund(svc),
        "charge": lambda s, svc: svc.ops.charge(env.manager, held.invoice_id),
        "cancellation": lambda s, svc: svc.ops.cancel(env.manager, held.invoice_id),
    }
    for word, work in refusals.items():  # each told on the bus: the screens read B's shift again (0167)
        told = refused(env, B, work, rf"register till-2.*open a shift first.*make this {word}\.")
        assert told == [ShiftFoundClosed(B)]
    asked = refused(  # what the front ends ask first
        env, B, lambda s, svc: svc.ops.require_shift(sold.invoice_id, OpKind.REFUND), r"open a shift first"
    )
    assert asked == [ShiftFoundClosed(B)]
    approval = approval_for(env, sold.invoice_id, OpKind.REFUND, "300")
    with pytest.raises(ShiftRequired, match=r"then make this refund\. Nothing was sent to the bank\."):
        at_counter(env, B, lambda s, svc: refund(svc, approval))

    assert env.ops(sold)[1:] == [] and len(env.ops(held)) == 0  # only A's charge: nothing was written
    assert audit_actions(env)[len(before) :] == ["approval.given"]  # no intent, the approval unused
    assert (
        env.bank_refunds(sold) == [] and env.control.operations(held.invoice_id, "cancel") == []
    )  # nor the bank

    at_counter(env, B, lambda shifts, svc: shifts.open(env.cashier))
    refunded = at_counter(env, B, lambda s, svc: refund(svc, approval))  # the same approval, now used
    released = at_counter(env, B, lambda s, svc: svc.ops.cancel(env.manager, held.invoice_id))
    assert (refunded.state, refunded.register_id, refunded.approved_by) == (
        OpState.SUCCEEDED,
        B,
        env.manager.id,
    )
    assert (released.state, released.register_id) == (OpState.SUCCEEDED, B)
    env.clock.advance(minutes=5)
    x_b = at_counter(env, B, lambda shifts, svc: shifts.x_report())
    assert figures(x_b)[FigureKind.REFUNDS] == (1, minor("300"))
    assert figures(x_b)[FigureKind.CANCELS] == (1, minor("400"))


def test_with_the_rule_off_a_refund_outside_a_shift_is_taken_counted_by_the_day_and_shown_by_the_next_shift(
    env: Env,
) -> None:
    at_counter(env, A, lambda shifts, svc: shifts.open(env.cashier))
    sale = env.paid("1000")
    at_counter(env, A, lambda s, svc: svc.ops.charge(env.manager, sale.invoice_id))
    env.clock.advance(minutes=5)
    op = at_counter(  # B never opened a shift: allowed, as before the rule existed
        env, B, lambda s, svc: svc.ops.refund(env.manager, sale.invoice_id, Money.parse("300"), reason="t")
    )
    assert (op.state, op.register_id) == (OpState.SUCCEEDED, B)
    env.clock.advance(minutes=5)

    x_a = at_counter(env, A, lambda shifts, svc: shifts.x_report())
    assert FigureKind.REFUNDS not in figures(x_a)  # in no shift: B's refund is not A's
    assert x_a.outside is None  # the shop's first shift: before it nobody worked in shifts
    glance = env.run(lambda svc: DayService(env.store, env.clock).glance(env.manager))
    assert glance.today.totals.net_minor == x_a.totals.net_minor - minor("300")  # the day still counts it
    assert glance.outside_today is not None  # and marks it: at B, which had no shift open (0145)
    assert figures_of(glance.outside_today) == {FigureKind.REFUNDS: (1, minor("300"))}

    # decision 0145: B's next report shows it beside (not in) its own figures, until B's Z keeps it
    b_opened = at_counter(env, B, lambda shifts, svc: shifts.open(env.cashier))
    x_b = at_counter(env, B, lambda shifts, svc: shifts.x_report())
    assert figures(x_b) == {} and x_b.outside is not None
    assert figures_of(x_b.outside.totals) == {FigureKind.REFUNDS: (1, minor("300"))}
    assert x_b.outside.until == b_opened.opened_at and x_b.outside.since < op.created_at
    assert [(o.invoice_id, o.kind, o.amount_minor, o.by_name, o.at) for o in x_b.outside.operations] == [
        (sale.invoice_id.value, "REFUND", minor("300"), "Manager", op.created_at)
    ]
    env.clock.advance(minutes=5)
    z_b = at_counter(env, B, lambda shifts, svc: shifts.close(env.manager))
    kept = at_counter(env, B, lambda shifts, svc: shifts.report(z_b.shift.id))
    assert kept.outside == z_b.outside == x_b.outside  # kept with the Z report, read back whole
    env.clock.advance(minutes=5)
    held = env.paid("400")  # then, between B's shifts: a cancel at B, and B's next shift shows only it
    at_counter(env, B, lambda s, svc: svc.ops.cancel(env.manager, held.invoice_id))
    env.clock.advance(minutes=5)
    at_counter(env, B, lambda shifts, svc: shifts.open(env.cashier))
    x_b2 = at_counter(env, B, lambda shifts, svc: shifts.x_report())
    assert x_b2.outside is not None and x_b2.outside.since == z_b.shift.closed_at
    assert figures_of(x_b2.outside.totals) == {FigureKind.CANCELS: (1, minor("400"))}
    assert [o.kind for o in x_b2.outside.operations] == ["CANCEL"]


def figures_of(totals: Totals) -> dict[FigureKind, tuple[int, int]]:
    return {f.kind: (f.count, f.total.minor) for f in totals.figures if f.count}


def test_on_postgresql_a_close_waits_for_an_intent_and_counts_it(
    sandbox: RunningSandbox, pg_url: str
) -> None:
    """The intent's transaction holds the open shift's row: a close asked meanwhile waits for it, then
    counts the operation (still being sent: unresolved) in its Z report; the next intent is refused."""
    with h.world_parts(sandbox.base_url, pg_url) as (store, control, manager, cashier):
        env = Env(store, control, CLOCK, manager, cashier)
        set_rules(env, shift_for_payment="yes", shift_bank_check="no")
        at_counter(env, A, lambda shifts, svc: shifts.open(cashier))
        held = env.paid("1000")
        charge = journal.OpRequest(OpKind.CHARGE, held.invoice_id)

        def begin(tx: Any) -> Any:
            decide = lambda p, ops: p.amount  # noqa: E731 -- the rules are not what is tested here
            return journal.begin_intent(
                tx, charge, actor=manager, decide=decide, now=env.clock(), register_id=A
            )

        began, release, backend = threading.Event(), threading.Event(), []

        def intent() -> None:
            with store.write() as tx:
                begin(tx)
                backend.append(tx.session.execute(text("SELECT pg_backend_pid()")).scalar())
                began.set()
                release.wait(30)

        writer = threading.Thread(target=intent)
        writer.start()
        assert began.wait(30)
        env.clock.advance(minutes=1)
        closed: list[Any] = []
        closing = threading.Thread(
            target=lambda: closed.append(
                at_counter(env, A, lambda s, svc: s.close(manager, check_bank=False))
            )
        )
        closing.start()

        def close_waits() -> bool:
            waiting = "SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"
            with store.read() as tx:
                return bool(tx.session.execute(text(waiting), {"pid": backend[0]}).scalar())

        while not close_waits():
            assert closing.is_alive() and not closed, "the close did not wait for the intent"
            closing.join(0.01)
        release.set()
        writer.join(30)
        closing.join(30)
        (z,) = closed
        assert z.shift.closed_at is not None and z.unresolved == 1  # the intent is in the Z report
        with pytest.raises(ShiftRequired), store.write() as tx:
            begin(tx)
