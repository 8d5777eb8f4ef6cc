"""Books that always agree with the bank (issue 8, points 4 and 5), against the sandbox on a loopback socket.

The sandbox and the console share one fake clock, so the sandbox's ``status_lag`` (check-status shows a
refund only S seconds after it happened) moves with ``clock.advance`` and nothing sleeps. Refunds made
"in the bank's merchant cabinet" go through the sandbox's control route (no externalID).

Proven here: abandon is refused while check-status cannot answer or shows the operation's effect; a
refund made outside the console is an EXTERNAL_REFUND event plus a discrepancy, never credited to a
console operation (except an open console refund of exactly that amount: decision 0038); the status
lag the shop allows for (decision 0039) keeps "not applied" from being trusted, so a lost answer + lag
+ reconcile + a manager's retry moves the money once; an external refund under a 30 s lag never gives a
double refund or a silent disagreement; every reconcile compares the totals.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from epay_desktop.domain import Discrepancy
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import RuleViolation
from epay_desktop.domain import StaleRemaining
from epay_desktop.domain.text import TextError
from epay_desktop.services.events import DiscrepancyResolved
from epay_desktop.services.payments.books import KIND_EXTERNAL_REFUND
from epay_desktop.services.payments.books import KIND_REFUNDED
from tests.support import ops_harness as h
from tests.support.books_env import Env
from tests.support.books_env import books_env  # noqa: F401  (fixtures env, sandbox)
from tests.support.books_env import books_sandbox  # noqa: F401  (fixtures env, sandbox)
from tests.support.books_env import minor

# -- abandon (point 4) --------------------------------------------------------------------------------


def test_abandon_of_an_applied_refund_is_refused_while_check_status_fails(env: Env) -> None:
    """The issue's case: check-status failing, the refund applied, abandon said "nothing was moved"."""
    payment = env.paid("1000")
    env.control.fault("refund", "drop_after_apply")  # applied at the bank, the answer lost
    env.control.fault("status", "http_status", 503, times=1000)  # and check-status cannot answer
    op = env.refund(payment, "400")
    assert op.state is OpState.UNKNOWN
    env.clock.advance(minutes=5)
    env.reconcile()
    assert env.ops(payment)[0].state is OpState.NEEDS_REVIEW

    with pytest.raises(
        RuleViolation, match="The bank cannot say now whether this refund was applied"
    ) as refused:
        env.review(op.id, "abandon")
    assert env.ops(payment)[0].state is OpState.NEEDS_REVIEW  # was: FAILED, "nothing was moved"
    # why: the failed status check, never its own "nothing was changed" (read as if the refund did nothing)
    assert "the bank answered HTTP 503" in str(refused.value) and "Nothing was changed" not in str(
        refused.value
    )

    env.control.clear_faults()  # the bank answers again: the refund is there
    settled = env.review(op.id, "abandon")
    assert settled.state is OpState.SUCCEEDED
    assert len(env.bank_refunds(payment)) == 1


def _lost_refund_beside_a_cabinet_refund(env: Env, console: str, cabinet: str) -> tuple[Payment, MoneyOp]:
    """A 1 000 tenge payment; the console's refund of ``console`` never reaches the bank, the cabinet
    refunds ``cabinet``; five minutes later the books are reconciled."""
    payment = env.paid("1000")
    env.control.fault("refund", "drop_before_apply")
    op = env.refund(payment, console)
    env.cabinet_refund(payment, cabinet)
    env.clock.advance(minutes=5)
    env.reconcile()
    return payment, op


def test_abandon_and_retry_are_refused_while_the_bank_shows_more_refunded_than_the_base(env: Env) -> None:
    # the console's 300 never reached the bank; meanwhile someone refunded 500 in the cabinet
    payment, op = _lost_refund_beside_a_cabinet_refund(env, "300", "500")
    assert env.ops(payment)[0].state is OpState.NEEDS_REVIEW
    # 500 is neither this refund (300) nor nothing: nothing is credited, a manager must look
    assert env.externals(payment) == []
    assert env.discrepancies(payment) == [(KIND_REFUNDED, 0, minor("500"))]

    with pytest.raises(RuleViolation, match="may have been applied, so it cannot be abandoned"):
        env.review(op.id, "abandon")
    with pytest.raises(RuleViolation, match="cannot confirm that this operation was not applied"):
        env.review(op.id, "retry")
    assert [r["amount"] for r in env.bank_refunds(payment)] == [500]

    # the way out: the manager finds the refund in the bank's cabinet and marks it applied (audited); the
    # rest of the rise is then an outside refund for the books
    confirmed = env.review(op.id, "applied")
    assert confirmed.state is OpState.SUCCEEDED and confirmed.attempts == 1  # never re-sent
    env.clock.advance(minutes=5)  # just settled: compared once the status lag has passed
    env.reconcile()
    assert env.externals(payment) == [minor("200")]
    assert sorted(d[0] for d in env.discrepancies(payment)) == [KIND_EXTERNAL_REFUND, KIND_REFUNDED]
    with env.store.read() as tx:
        assert "refund.confirmed" in [e.action for e in tx.audit.entries()]


def test_applied_is_refused_while_the_bank_shows_nothing_of_the_operation(env: Env) -> None:
    payment = env.paid("1000")
    env.control.fault("refund", "drop_before_apply")
    op = env.refund(payment, "300")
    env.clock.advance(minutes=5)
    env.reconcile()
    with pytest.raises(RuleViolation, match="does not show this refund applied"):
        env.review(op.id, "applied")
    assert env.ops(payment)[0].state is OpState.NEEDS_REVIEW
    with pytest.raises(PermissionDenied):
        env.run(lambda svc: svc.ops.review(env.cashier, op.id, "applied"))


# -- refunds made outside the console (point 4) ---------------------------------------------------------


def test_an_external_refund_is_recorded_and_acknowledged_never_credited_to_an_operation(env: Env) -> None:
    payment = env.paid("1000")
    assert env.refund(payment, "200").state is OpState.SUCCEEDED
    env.cabinet_refund(payment, "300")
    env.clock.advance(minutes=5)

    first = env.reconcile()
    assert env.externals(payment) == [minor("300")]
    assert env.discrepancies(payment) == [(KIND_EXTERNAL_REFUND, None, minor("300"))]
    assert any("made outside the console" in line for line in first.lines)
    assert [(o.amount.minor, o.state) for o in env.ops(payment)] == [(minor("200"), OpState.SUCCEEDED)]

    # the rest is 500, counted from the amounts: a stale screen showing 800 is refused before sending
    with pytest.raises(StaleRemaining, match="now 500"):
        env.run(
            lambda svc: svc.ops.refund(
                env.manager,
                payment.invoice_id,
                Money.parse("100"),
                reason="t",
                expected_remaining=Money.parse("800"),
            )
        )
    assert env.refund(payment, "500").state is OpState.SUCCEEDED
    env.clock.advance(minutes=5)
    second = env.reconcile()
    assert env.externals(payment) == [minor("300")]  # recorded once
    assert not any("made outside the console" in line for line in second.lines)
    assert len(env.discrepancies(payment)) == 1  # still waiting for a manager

    [open_one] = env.run(lambda svc: svc.reconciler.books.open_discrepancies())
    with pytest.raises(RuleViolation, match="Say what was found"):
        env.run(lambda svc: svc.reconciler.books.resolve(env.manager, open_one.discrepancy.id, "  "))
    with pytest.raises(TextError, match=r"control character \(U\+0007\)"):  # decision 0073
        env.run(lambda svc: svc.reconciler.books.resolve(env.manager, open_one.discrepancy.id, "HQ\x07"))
    told: list[DiscrepancyResolved] = []

    async def resolve(svc: h.Services) -> Discrepancy:
        svc.bus.subscribe(DiscrepancyResolved, told.append)  # the screens hear of it (decision 0151)
        return await svc.reconciler.books.resolve(
            env.manager, open_one.discrepancy.id, "cabinet: refund by HQ"
        )

    resolved = env.run(resolve)
    assert resolved.resolution == "cabinet: refund by HQ" and resolved.resolved_by == env.manager.id
    assert told == [DiscrepancyResolved(resolved)]  # once, after its commit
    assert env.discrepancies(payment) == []
    with env.store.read() as tx:
        actions = [e.action for e in tx.audit.entries()]
    assert "books.external_refund" in actions and "discrepancy.resolved" in actions


def test_a_cabinet_refund_smaller_than_the_open_console_refund_is_external(env: Env) -> None:
    """A rise below the open refund cannot be it (the gateway applies a refund whole): recorded as
    external, and the console's refund is judged against the new base -- its retry sends it once."""
    payment, op = _lost_refund_beside_a_cabinet_refund(env, "400", "100")
    assert env.externals(payment) == [minor("100")]
    assert env.ops(payment)[0].state is OpState.NEEDS_REVIEW
    retried = env.review(op.id, "retry")
    assert retried.state is OpState.SUCCEEDED
    assert sorted(r["amount"] for r in env.bank_refunds(payment)) == [100, 400]
    env.clock.advance(minutes=5)
    env.reconcile()
    assert env.externals(payment) == [minor("100")]
    assert [d[0] for d in env.discrepancies(payment)] == [KIND_EXTERNAL_REFUND]


def test_an_open_console_refund_of_exactly_the_cabinet_amount_is_credited_to_it(env: Env) -> None:
    """Decision 0038, the one ambiguous case: the rise equals the open refund's amount."""
    payment, op = _lost_refund_beside_a_cabinet_refund(env, "300", "300")
    assert env.ops(payment)[0].state is OpState.SUCCEEDED
    assert env.externals(payment) == [] and env.discrepancies(payment) == []
    # the console never sends it again: one refund at the bank, books equal
    assert [r["amount"] for r in env.bank_refunds(payment)] == [300]
    with pytest.raises(RuleViolation):
        env.review(op.id, "retry")


# -- refundable from amounts (point 4) ------------------------------------------------------------------


def test_the_rest_stays_refundable_when_check_status_says_refund_after_a_partial_refund(env: Env) -> None:
    response = env.control.call("PATCH", "/sandbox/options", json={"refundStatusAfterPartial": True})
    assert response.status_code == 200, response.text
    payment = env.paid("1000")
    assert env.refund(payment, "300").state is OpState.SUCCEEDED
    refreshed = env.run(lambda svc: svc.payments.refresh_status(payment.invoice_id))
    assert refreshed.status.value == "REFUND"  # the gateway's word, although 700 remain
    rest = env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, None, reason="rest"))
    assert (rest.state, rest.amount) == (OpState.SUCCEEDED, Money.parse("700"))
    assert sorted(r["amount"] for r in env.bank_refunds(payment)) == [300, 700]
    env.clock.advance(minutes=5)
    assert env.reconcile() and env.discrepancies(payment) == []


# -- status lag (point 5) -------------------------------------------------------------------------------


def test_lost_answer_lag_reconcile_and_a_managers_retry_move_the_money_once(env: Env) -> None:
    """status_lag 30 s; the console's own quiet period is only 10 s here, so without the setting a
    reconcile 15 s later would hand the refund to a manager as "not applied" and a retry would refund
    twice."""
    env.lag(30)
    quick = {"quiet_period": timedelta(seconds=10)}
    payment = env.paid("1000")
    env.control.fault("refund", "drop_after_apply")
    op = env.refund(payment, "400", **quick)
    assert op.state is OpState.UNKNOWN  # applied, but check-status does not show it yet
    env.clock.advance(seconds=15)
    env.reconcile(**quick)
    assert env.ops(payment)[0].state is OpState.UNKNOWN  # the quiet period is stretched to the lag
    with pytest.raises(RuleViolation, match="not waiting for a review"):
        env.review(op.id, "retry", **quick)

    # even an operation already under review (e.g. after an unclear answer) is not retried inside the lag
    with env.store.write() as tx:
        tx.operations.mark(op.id, OpState.NEEDS_REVIEW, now=env.clock())
    with pytest.raises(RuleViolation, match="up to 30 seconds late"):
        env.review(op.id, "retry", **quick)
    with pytest.raises(RuleViolation, match="up to 30 seconds late"):
        env.review(op.id, "abandon", **quick)
    assert len(env.bank_refunds(payment)) == 1

    env.clock.advance(seconds=16)  # the lag is over: the bank shows it
    decided = env.review(op.id, "retry", **quick)
    assert decided.state is OpState.SUCCEEDED and decided.attempts == 1  # settled, never re-sent
    env.reconcile(**quick)
    assert [r["externalID"] for r in env.bank_refunds(payment)] == [op.id]
    assert env.discrepancies(payment) == []


def test_a_retry_after_the_lag_sends_a_lost_refund_once(env: Env) -> None:
    env.lag(30)
    payment = env.paid("1000")
    env.control.fault("refund", "drop_before_apply")  # never reached the bank
    op = env.refund(payment, "400")
    env.clock.advance(seconds=29)
    env.reconcile()
    assert env.ops(payment)[0].state is OpState.UNKNOWN  # quiet period 60 s, lag 30 s
    env.clock.advance(seconds=100)
    env.reconcile()
    assert env.ops(payment)[0].state is OpState.NEEDS_REVIEW
    retried = env.review(op.id, "retry")
    assert retried.state in (OpState.SUCCEEDED, OpState.UNKNOWN)  # applied; shown 30 s later
    env.clock.advance(seconds=31)
    env.reconcile()
    assert env.ops(payment)[0].state is OpState.SUCCEEDED
    assert [r["externalID"] for r in env.bank_refunds(payment)] == [op.id]


def test_external_refund_under_a_30_s_lag_never_double_refunds_or_disagrees_silently(env: Env) -> None:
    env.lag(30)
    payment = env.paid("1000")
    assert env.refund(payment, "200").state is OpState.SUCCEEDED  # the bank shows it 30 s later
    env.clock.advance(seconds=5)
    env.cabinet_refund(payment, "300")  # shown 30 s later too
    env.clock.advance(seconds=5)

    early = env.reconcile()
    # inside the lag nothing is compared (the bank still shows 0 refunded): said, not silent, not recorded
    assert any("left for now" in line and "may show it late" in line for line in early.lines)
    assert env.externals(payment) == [] and env.discrepancies(payment) == []
    # the console's remainder never trusts the lagging payout: 800 at most, the bank has 500 left
    with pytest.raises(RuleViolation, match="more than what remains"):
        env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, Money.parse("900"), reason="t"))

    env.clock.advance(seconds=40)  # both visible now
    late = env.reconcile()
    assert env.externals(payment) == [minor("300")]
    assert env.discrepancies(payment) == [(KIND_EXTERNAL_REFUND, None, minor("300"))]
    assert any("made outside the console" in line for line in late.lines)
    rest = env.run(lambda svc: svc.ops.refund(env.manager, payment.invoice_id, None, reason="rest"))
    assert rest.amount == Money.parse("500")
    refunds = env.bank_refunds(payment)
    assert sorted(r["amount"] for r in refunds) == [200, 300, 500]  # each once; 1000 in all
    env.clock.advance(seconds=40)
    env.reconcile()
    with env.store.read() as tx:
        refunded = sum(
            o.amount.minor for o in tx.operations.list_for_payment(payment.id) if o.kind is OpKind.REFUND
        )
    assert refunded + sum(env.externals(payment)) == minor("1000")
    assert [d[0] for d in env.discrepancies(payment)] == [KIND_EXTERNAL_REFUND]


# -- answers that say no inside a 200 (point 3, the operation's side) ---------------------------------


@pytest.mark.parametrize(("kind", "applied"), [("code_in_200", False), ("code_in_200_applied", True)])
def test_a_200_with_a_non_zero_code_never_ends_succeeded_by_itself(
    env: Env, kind: str, applied: bool
) -> None:
    payment = env.paid("1000")
    env.control.fault("refund", kind, 100)
    op = env.refund(payment, "400")
    assert op.state is (OpState.SUCCEEDED if applied else OpState.UNKNOWN)  # settled by check-status
    with env.store.read() as tx:
        actions = [e.action for e in tx.audit.entries()]
    assert "refund.unknown" in actions  # the 200 itself was never taken as "applied"
    assert len(env.bank_refunds(payment)) == (1 if applied else 0)


def test_a_long_running_console_walks_the_recent_window_at_most_every_five_minutes(env: Env) -> None:
    """Decision 0037: the periodic reconcile (every 20 s) does not ask the bank about every recent payment
    each time; payments with an open discrepancy or operation are checked at every run."""
    quiet = env.paid("1000")
    disputed = env.paid("1000")
    env.cabinet_refund(disputed, "100")

    async def runs(svc: h.Services) -> list[int]:
        counts = []
        for advance in (0, 20, 20, 300):
            env.clock.advance(seconds=advance)
            before = svc.requests.count("/check-status", "GET")
            await svc.reconciler.reconcile_all()
            counts.append(svc.requests.count("/check-status", "GET") - before)
        return counts

    env.clock.advance(minutes=5)
    counts = env.run(runs)
    assert counts == [2, 1, 1, 2]  # both, then only the disputed one, then both again
    assert env.discrepancies(disputed) and env.discrepancies(quiet) == []


def test_a_refund_abandoned_too_early_that_the_bank_applied_is_reported_not_silent(env: Env) -> None:
    """The issue's end state (`show` refunded 0, the bank 400, `reconcile` "Nothing changed") cannot
    come back even when the shop set the lag too short: the next reconcile finds the bank's refund."""
    response = env.control.call("PATCH", "/sandbox/options", json={"statusLag": 300})  # the bank is slow
    assert response.status_code == 200, response.text
    env.set_lag_setting(0)  # ... and the shop allows for none
    payment = env.paid("1000")
    env.control.fault("refund", "drop_after_apply")
    op = env.refund(payment, "400")
    env.clock.advance(seconds=90)
    env.reconcile()
    abandoned = env.review(op.id, "abandon")  # the bank still shows nothing: allowed
    assert abandoned.state is OpState.FAILED
    env.clock.advance(seconds=300)
    report = env.reconcile()
    assert not any(line.startswith("Nothing changed") for line in report.lines)
    assert any("a refund of 400,00" in line.replace("\xa0", " ") for line in report.lines)
    assert env.externals(payment) == [minor("400")]
    [(kind, _console, bank)] = env.discrepancies(payment)
    assert (kind, bank) == (KIND_EXTERNAL_REFUND, minor("400"))
    with env.store.read() as tx:
        [d] = tx.discrepancies.open(payment.id)
    assert op.id in d.detail  # "it equals the failed console refund ...": the manager knows where to look
    assert len(env.bank_refunds(payment)) == 1
