"""Two counters on one database (decision 0119): a refund at counter B of a sale taken at counter A is
recorded at B by B's MoneyOperations and counts in B's shift: B's X report shows it, A's does not; the
day at a glance counts it once."""

from __future__ import annotations

from typing import Any

from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.services.payments.day import DayService
from epay_desktop.services.shifts.service import ShiftService
from tests.support import ops_harness as h
from tests.support.books_env import Env
from tests.support.books_env import books_env
from tests.support.books_env import books_sandbox
from tests.support.books_env import minor

__all__ = ["books_env", "books_sandbox"]

A, B = "till-1", "till-2"  # the harness takes payments at till-1


def at_counter(env: Env, register: str, work: Any) -> Any:
    """``work(shifts, svc)`` with fresh services of the counter ``register`` and its shift service."""

    async def scenario(svc: h.Services) -> Any:
        return await work(ShiftService(env.store, svc.reconciler, register, env.clock), svc)

    return env.run(scenario, register_id=register)


def figures(report: ShiftReport) -> dict[FigureKind, tuple[int, int]]:
    return {f.kind: (f.count, f.total.minor) for f in report.totals.figures if f.count}


def test_a_refund_at_counter_b_of_a_sale_at_a_is_in_bs_x_report_not_as(env: Env) -> None:
    at_counter(env, A, lambda shifts, svc: shifts.open(env.cashier))
    at_counter(env, B, lambda shifts, svc: shifts.open(env.cashier))
    sale = env.paid("1000")  # at A
    env.clock.advance(minutes=5)

    op = at_counter(
        env,
        B,
        lambda shifts, svc: svc.ops.refund(env.manager, sale.invoice_id, Money.parse("300"), reason="t"),
    )
    assert (op.state, op.register_id) == (OpState.SUCCEEDED, B)
    env.clock.advance(minutes=5)

    x_a = at_counter(env, A, lambda shifts, svc: shifts.x_report())
    x_b = at_counter(env, B, lambda shifts, svc: shifts.x_report())
    assert figures(x_a) == {FigureKind.SALES: (1, minor("1000"))}
    assert figures(x_b) == {FigureKind.REFUNDS: (1, minor("300"))}
    assert x_b.totals.net_minor == -minor("300")
    assert [(g.name, g.totals.net_minor) for g in x_b.by_cashier] == [("Manager", -minor("300"))]

    today = env.run(lambda svc: DayService(env.store, env.clock).glance(env.manager)).today
    assert today.totals.net_minor == x_a.totals.net_minor + x_b.totals.net_minor  # once, whichever counter
    people = {g.name: g.totals.net_minor for g in today.by_cashier}
    assert people == {"Cashier": minor("1000"), "Manager": -minor("300")}


def test_each_counters_bank_column_counts_what_that_counter_did(env: Env) -> None:
    """Both shifts open when A takes the sale and B refunds part of it, and a refund in the bank's
    cabinet besides: B's bank column confirms B's refund, A's the sale and the cabinet's refund."""
    at_counter(env, A, lambda shifts, svc: shifts.open(env.cashier))
    at_counter(env, B, lambda shifts, svc: shifts.open(env.cashier))
    sale = env.paid("1000")
    env.clock.advance(minutes=5)
    at_counter(
        env,
        B,
        lambda shifts, svc: svc.ops.refund(env.manager, sale.invoice_id, Money.parse("300"), reason="t"),
    )
    env.cabinet_refund(sale, "100")
    env.clock.advance(minutes=5)

    x_b = at_counter(env, B, lambda shifts, svc: shifts.x_report(check_bank=True))
    x_a = at_counter(env, A, lambda shifts, svc: shifts.x_report(check_bank=True))
    assert beside(x_b) == {
        "charged": (0, 0),
        "refunded": (minor("300"), minor("300")),
        "net": (-minor("300"), -minor("300")),
    }
    assert beside(x_a)["charged"] == (minor("1000"), minor("1000"))
    assert beside(x_a)["refunded"] == (0, minor("100"))  # the cabinet's refund: the sale's counter's
    assert x_a.bank is not None and x_b.bank is not None
    assert [d.what for d in x_b.bank.differences] == ["refunded"]  # the whole payment: 300 against 400


def beside(report: ShiftReport) -> dict[str, tuple[int, int]]:
    """``what -> (console, bank)`` in tiyn, as the report sets the bank's totals beside the console's."""
    assert report.bank is not None and report.bank.figures is not None
    return {what: (console, bank) for what, console, bank in report.bank.figures.beside(report.totals)}
