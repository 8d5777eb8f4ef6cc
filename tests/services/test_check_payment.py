"""Check one payment with the bank now (``Reconciler.check_payment``, decision 0041), against the sandbox.

A refund made in the bank's merchant cabinet (the sandbox's control route, no externalID) is recorded
at once by ``check_payment`` -- the EXTERNAL_REFUND event and the discrepancy -- where the periodic
reconcile would only notice it when it next walks the recent window (decision 0037). It is one
payment's share of ``reconcile_all``: its unresolved operations are settled through check-status and
never re-sent, other payments are not touched, the status lag is allowed for, errors are reported.
"""

from __future__ import annotations

from typing import Any

import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.services.payments.books import KIND_EXTERNAL_REFUND
from tests.support import ops_harness as h
from tests.support.books_env import Env
from tests.support.books_env import books_env  # noqa: F401  (fixtures env, sandbox)
from tests.support.books_env import books_sandbox  # noqa: F401  (fixtures env, sandbox)
from tests.support.books_env import minor


def test_a_cabinet_refund_is_recorded_at_once_where_the_periodic_reconcile_waits(env: Env) -> None:
    payment = env.paid("4500")
    env.clock.advance(minutes=5)

    async def scenario(svc: h.Services) -> tuple[Any, Any, Any]:
        await svc.reconciler.reconcile_all()  # start-up: walks the recent window, nothing to record
        env.cabinet_refund(payment, "1000")
        env.clock.advance(seconds=20)
        periodic = await svc.reconciler.reconcile_all()  # 20 s later: the window is not walked again
        checked = await svc.reconciler.check_payment(payment.invoice_id)
        again = await svc.reconciler.check_payment(payment.invoice_id)
        return periodic, checked, again

    periodic, checked, again = env.run(scenario)
    assert periodic.external_refunds == [] and periodic.books_checked == 0  # the gap "Check" closes
    assert checked.external_refunds == [(payment.invoice_id, Money.parse("1000"))]
    assert checked.discrepancies_opened == 1 and checked.problems == []
    assert checked.books_checked == 1 and checked.payments_checked == 1
    assert any("made outside the console" in line for line in checked.lines)
    assert env.externals(payment) == [minor("1000")]
    assert env.discrepancies(payment) == [(KIND_EXTERNAL_REFUND, None, minor("1000"))]
    with env.store.read() as tx:
        stored = tx.payments.get_by_invoice(payment.invoice_id)
        actions = [e.action for e in tx.audit.entries()]
    assert stored is not None and stored.payout_amount == Money.parse("1000")  # "can be refunded" 3 500
    assert "books.external_refund" in actions
    # a second check records nothing twice
    assert again.external_refunds == [] and again.discrepancies_opened == 0 and again.changes == []
    assert again.lines[0].startswith("Nothing changed")
    assert env.externals(payment) == [minor("1000")]


def test_it_settles_this_payments_unknown_refund_through_check_status_never_resending(env: Env) -> None:
    env.lag(30)  # the bank shows a refund 30 s late: right after the lost answer it looks unapplied
    payment = env.paid("1000")
    other = env.paid("1000")
    env.control.fault("refund", "drop_after_apply")  # applied at the bank, the answer lost
    op = env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, Money.parse("300"), reason="t"))
    assert op.state.is_unresolved
    env.control.fault("refund", "drop_after_apply")
    other_op = env.run(
        lambda svc: svc.ops.refund(env.manager, other.invoice_id, Money.parse("200"), reason="t")
    )
    assert other_op.state.is_unresolved

    env.clock.advance(seconds=60)

    async def check(svc: h.Services) -> tuple[Any, int]:
        report = await svc.reconciler.check_payment(payment.invoice_id)
        return report, svc.requests.count("/refund", "POST")

    report, refunds_sent = env.run(check)
    assert refunds_sent == 0  # never re-sent
    assert [c.subject for c in report.changes] == [f"op:{op.id}"] and report.ops_checked == 1
    with env.store.read() as tx:
        assert tx.operations.get(op.id).state is OpState.SUCCEEDED
        assert tx.operations.get(other_op.id).state.is_unresolved  # another payment: not touched
    assert len(env.control.operations(payment.invoice_id)) == 1
    assert env.externals(payment) == []  # the bank's 300 is the console's own refund


def test_it_allows_for_the_status_lag_and_reports_errors_without_raising(env: Env) -> None:
    env.lag(30)
    payment = env.paid("1000")
    assert env.run(
        lambda svc: svc.ops.refund(env.manager, payment.invoice_id, Money.parse("100"), reason="t")
    ).state in (OpState.SUCCEEDED, OpState.UNKNOWN, OpState.SENDING)
    report = env.run(lambda svc: svc.reconciler.check_payment(payment.invoice_id))
    assert report.books_waiting and report.books_checked == 1  # the bank may still show it late
    assert env.discrepancies(payment) == []

    missing = env.run(lambda svc: svc.reconciler.check_payment(InvoiceId("999999999")))
    assert missing.problems and "no payment with invoice number 999999999" in missing.problems[0]

    env.control.fault("status", "http_status", 503, times=10)
    down = env.run(lambda svc: svc.reconciler.check_payment(payment.invoice_id))
    assert down.problems and down.external_refunds == []
    assert any(line.startswith("could not check") for line in down.lines)


def test_an_operation_being_sent_is_left_to_its_sender_and_nothing_is_asked(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    env.lag(30)
    payment = env.paid("1000")
    env.control.fault("refund", "drop_after_apply")
    op = env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, Money.parse("300"), reason="t"))
    assert op.state.is_unresolved
    env.clock.advance(seconds=60)

    async def check(svc: h.Services) -> tuple[Any, int]:
        monkeypatch.setattr(svc.ops, "is_in_flight", lambda op_id: op_id == op.id)  # its sender is busy
        before = svc.requests.count("/check-status", "GET")
        report = await svc.reconciler.check_payment(payment.invoice_id)
        return report, svc.requests.count("/check-status", "GET") - before

    report, asked = env.run(check)
    assert report.in_flight == [op.id] and asked == 0 and report.books_checked == 0
    with env.store.read() as tx:
        assert tx.operations.get(op.id).state is op.state  # untouched: its sender records the outcome
