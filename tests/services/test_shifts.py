"""Shifts on the sandbox (issue 13, item 4; decisions 0107, 0108): open, X report, close with the bank
check and the Z report; totals against the sandbox ledger; differences the bank has behind the
console's back; one open shift per register with two counters at once; the 24-hour warning; who may
close; a cancelled bank check."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal
from typing import Any

import pytest

from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.shifts import BankDifference
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import NoOpenShift
from epay_desktop.domain.shifts import ShiftAlreadyOpen
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.services.audit import AuditAnchor
from epay_desktop.services.audit import verify_chain
from epay_desktop.services.shifts.service import ShiftService
from tests.support import ops_harness as h
from tests.support.books_env import Env
from tests.support.books_env import books_env
from tests.support.books_env import books_sandbox
from tests.support.books_env import minor
from tests.support.builders import stored_payment
from tests.support.database import open_store

__all__ = ["books_env", "books_sandbox"]

REGISTER = "till-1"  # the register the harness's PaymentService takes payments at


def shifts_of(env: Env, svc: h.Services, store: Any = None) -> ShiftService:
    return ShiftService(store or env.store, svc.reconciler, REGISTER, env.clock)


def in_shift(env: Env, work: Any) -> Any:
    """``work(shifts, svc)`` with this register's shift service on fresh services."""

    async def scenario(svc: h.Services) -> Any:
        return await work(shifts_of(env, svc), svc)

    return env.run(scenario)


async def unpaid(env: Env, svc: h.Services, amount: str) -> Payment:
    """A payment started at the counter that the console has not seen paid."""
    session = await svc.payments.create_payment(env.cashier, CheckoutRequest(Money.parse(amount)))
    return session.payment


def ledger_net(env: Env, invoices: set[str]) -> tuple[int, int, int]:
    """(charged, refunded, charge count) of ``invoices`` by the sandbox's own ledger, in tiyn."""
    charged = refunded = count = 0
    for txn in env.control.ledger():
        if txn["invoiceId"] not in invoices:
            continue
        for op in txn["operations"]:
            amount = int(Decimal(str(op["amount"])) * 100)
            if op["kind"] == "charge":
                charged, count = charged + amount, count + 1
            elif op["kind"] == "refund":
                refunded += amount
    return charged, refunded, count


def audit_actions(env: Env) -> list[str]:
    with env.store.read() as tx:
        return [entry.action for entry in tx.audit.entries()]


def test_open_x_and_close_add_up_to_the_sandbox_ledger(env: Env) -> None:
    shift = in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    assert (shift.register_id, shift.number, shift.is_open) == (REGISTER, 1, True)
    paid = [env.paid(amount) for amount in ("1000", "2500", "400")]
    env.refund(paid[1], "300")
    never_paid = in_shift(env, lambda shifts, svc: unpaid(env, svc, "700"))
    env.clock.advance(minutes=5)

    x = in_shift(env, lambda shifts, svc: shifts.x_report())
    sales, refunds = x.totals[FigureKind.SALES], x.totals[FigureKind.REFUNDS]
    assert (sales.count, sales.total.minor) == (3, minor("3900"))
    assert (refunds.count, refunds.total.minor) == (1, minor("300"))
    assert x.totals.net_minor == minor("3600")
    charged, refunded, charges = ledger_net(env, {p.invoice_id.value for p in [*paid, never_paid]})
    assert x.totals.net_minor == charged - refunded and sales.count == charges
    assert [g.name for g in x.by_cashier] == ["Cashier", "Manager"]  # the refund is the manager's
    assert x.by_cashier[0].totals.net_minor == minor("3900")
    assert x.by_cashier[1].totals.net_minor == -minor("300")
    assert sum(g.totals.net_minor for g in x.by_brand) == x.totals.net_minor
    assert x.anchor is None and x.bank is None and not x.warnings
    assert "shift.closed" not in audit_actions(env)

    seen: list[tuple[int, int]] = []
    z = in_shift(
        env, lambda shifts, svc: shifts.close(env.manager, progress=lambda d, t: seen.append((d, t)))
    )
    assert seen[0] == (0, 4) and seen[-1] == (4, 4) and len(seen) == 5
    assert z.bank is not None and (z.bank.checked, z.bank.total) == (4, 4)
    assert z.bank.differences == () and z.bank.unchecked == () and z.bank.open_in_books == ()
    assert z.totals == x.totals and z.shift.closed_by == env.manager.id and not z.shift.is_open
    assert audit_actions(env)[-1] == "shift.closed"
    with env.store.read() as tx:
        count, head = tx.audit.head()
        assert verify_chain(tx, AuditAnchor.parse(z.anchor or "")).ok
    assert z.anchor == AuditAnchor(count, head).text()  # the anchor covers the close itself

    again = in_shift(env, lambda shifts, svc: shifts.report(z.shift.id))
    assert again == z and ShiftReport.from_json(z.to_json()) == z
    assert in_shift(env, lambda shifts, svc: shifts.current()) is None
    with pytest.raises(NoOpenShift):
        in_shift(env, lambda shifts, svc: shifts.x_report())


def test_the_z_report_lists_what_the_bank_changed_behind_the_consoles_back(env: Env) -> None:
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    agreed = env.paid("1000")
    refunded_at_bank = env.paid("2000")
    env.cabinet_refund(refunded_at_bank, "500")  # the bank's merchant cabinet: the console never knew
    paid_unseen = in_shift(env, lambda shifts, svc: unpaid(env, svc, "3000"))
    env.control.customer_pays(paid_unseen.invoice_id)  # paid; the console still thinks it is pending
    env.clock.advance(minutes=5)

    z = in_shift(env, lambda shifts, svc: shifts.close(env.manager))

    assert z.bank is not None and z.bank.checked == 3
    invoice = refunded_at_bank.invoice_id.value
    unseen = paid_unseen.invoice_id.value
    assert set(z.bank.differences) == {
        BankDifference(invoice, "refunded", "0.00", "500.00"),
        BankDifference(unseen, "status", paid_unseen.status.value, "CHARGE"),
        BankDifference(unseen, "charged", "0.00", "3000.00"),
    }
    assert agreed.invoice_id.value not in {d.invoice_id for d in z.bank.differences}
    # ... and the books keep the outside refund open for a manager: on this report and the next ones
    assert z.bank.open_in_books == (BankDifference(invoice, "external_refund", "-", "500.00"),)
    # the check went through the console's refresh path: the books now hold what the bank said
    assert env.externals(refunded_at_bank) == [minor("500")]


def test_two_counters_opening_at_once_make_one_shift(env: Env, db_url: str) -> None:
    other = open_store(db_url, create=False)
    try:

        async def scenario(svc: h.Services) -> list[Any]:
            here, there = shifts_of(env, svc), shifts_of(env, svc, other)
            return list(
                await asyncio.gather(here.open(env.cashier), there.open(env.manager), return_exceptions=True)
            )

        results = env.run(scenario)
    finally:
        other.close()
    opened = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(opened) == 1 and len(refused) == 1 and isinstance(refused[0], ShiftAlreadyOpen), results
    assert opened[0].number == 1
    in_shift(env, lambda shifts, svc: shifts.close(env.manager))
    assert in_shift(env, lambda shifts, svc: shifts.open(env.cashier)).number == 2  # no gap


def test_two_counters_closing_at_once_close_it_once(env: Env, db_url: str) -> None:
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    env.paid("100")
    env.clock.advance(minutes=1)
    other = open_store(db_url, create=False)
    try:

        async def scenario(svc: h.Services) -> list[Any]:
            here, there = shifts_of(env, svc), shifts_of(env, svc, other)
            return list(
                await asyncio.gather(
                    here.close(env.manager), there.close(env.manager), return_exceptions=True
                )
            )

        results = env.run(scenario)
    finally:
        other.close()
    closed = [r for r in results if isinstance(r, ShiftReport)]
    refused = [r for r in results if isinstance(r, NoOpenShift)]
    assert len(closed) == 1 and len(refused) == 1, results
    assert audit_actions(env).count("shift.closed") == 1


def test_a_payment_taken_during_the_bank_check_is_in_the_figures_and_said_not_checked(env: Env) -> None:
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    env.paid("100")
    env.clock.advance(minutes=1)

    def progress(done: int, total: int) -> None:
        if done == total:  # another sale at this register while the manager waits for the check
            stored_payment(env.store, 999_000_001, "250", at=env.clock.now, created_by=env.cashier.id)
            env.clock.advance(seconds=1)

    z = in_shift(env, lambda shifts, svc: shifts.close(env.manager, progress=progress))
    assert z.totals[FigureKind.SALES].count == 2
    assert z.bank is not None and (z.bank.checked, z.bank.total) == (1, 2)
    assert z.bank.unchecked == ("payment 999000001: taken during the bank check; check it with the bank",)


def test_a_shift_open_24_hours_is_warned(env: Env) -> None:
    shift = in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    env.clock.advance(hours=23, minutes=59)
    assert in_shift(env, lambda shifts, svc: shifts.x_report()).warnings == ()
    env.clock.advance(minutes=1)
    x = in_shift(env, lambda shifts, svc: shifts.x_report())
    assert len(x.warnings) == 1 and "open for 24 hours" in x.warnings[0]

    async def warning(shifts: ShiftService, svc: h.Services) -> str | None:
        return await shifts.warning(shift)  # what the console shows beside the open shift

    assert in_shift(env, warning) == x.warnings[0]


def test_closing_needs_a_manager(env: Env) -> None:
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    other_cashier = h.add_user(env.store, "Second", Role.CASHIER)
    with pytest.raises(PermissionDenied, match="Only a manager can close a shift"):
        in_shift(env, lambda shifts, svc: shifts.close(env.cashier))
    with pytest.raises(PermissionDenied):
        in_shift(env, lambda shifts, svc: shifts.close(env.cashier, approved_by=other_cashier))
    assert in_shift(env, lambda shifts, svc: shifts.current()) is not None
    assert "shift.closed" not in audit_actions(env)

    z = in_shift(env, lambda shifts, svc: shifts.close(env.cashier, approved_by=env.manager))
    assert (z.shift.closed_by, z.shift.close_requested_by) == (env.manager.id, env.cashier.id)
    assert z.closed_by_name == "Manager"


def test_opening_twice_and_reports_without_a_shift_are_refused(env: Env) -> None:
    with pytest.raises(NoOpenShift, match="has no open shift"):
        in_shift(env, lambda shifts, svc: shifts.x_report())
    with pytest.raises(NoOpenShift):
        in_shift(env, lambda shifts, svc: shifts.close(env.manager))
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    with pytest.raises(ShiftAlreadyOpen, match="Shift 1 is already open"):
        in_shift(env, lambda shifts, svc: shifts.open(env.manager))


def test_a_cancelled_bank_check_leaves_the_shift_open(env: Env) -> None:
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    for amount in ("100", "200", "300"):
        env.paid(amount)
    env.clock.advance(minutes=1)

    async def scenario(shifts: ShiftService, svc: h.Services) -> Any:
        def progress(done: int, total: int) -> None:
            if done == 1:
                closing.cancel()

        closing = asyncio.ensure_future(shifts.close(env.manager, progress=progress))
        with pytest.raises(asyncio.CancelledError):
            await closing
        return await shifts.current()

    still_open = in_shift(env, scenario)
    assert still_open is not None and still_open.is_open
    assert "shift.closed" not in audit_actions(env)
    z = in_shift(env, lambda shifts, svc: shifts.close(env.manager))  # and it closes later
    assert z.bank is not None and z.bank.checked == 3


def _bank_beside(report: ShiftReport) -> dict[str, tuple[int, int]]:
    """``what -> (console, bank)`` in tiyn, as the report sets the bank's totals beside the console's."""
    assert report.bank is not None and report.bank.figures is not None
    return {what: (console, bank) for what, console, bank in report.bank.figures.beside(report.totals)}


def test_a_difference_an_x_report_found_stays_on_the_z_with_when_it_was_found(env: Env) -> None:
    """Decision 0118: the X report's check corrects the console (a payment it had not seen paid is a
    CHARGE after it), so the Z's own check finds nothing new about it; the Z still lists it, with the
    moment the X found it. The bank's totals beside the console's are the sandbox ledger's."""
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    agreed = env.paid("1000")
    refunded_at_bank = env.paid("2000")
    env.cabinet_refund(refunded_at_bank, "500")
    paid_unseen = in_shift(env, lambda shifts, svc: unpaid(env, svc, "3000"))
    env.control.customer_pays(paid_unseen.invoice_id)  # the console still thinks it is pending
    env.clock.advance(minutes=5)

    x_at = env.clock.now
    x = in_shift(env, lambda shifts, svc: shifts.x_report(check_bank=True))
    unseen = paid_unseen.invoice_id.value
    assert x.bank is not None and x.found_earlier == ()
    found_by_x = set(x.bank.differences)
    assert BankDifference(unseen, "status", paid_unseen.status.value, "CHARGE") in found_by_x
    assert BankDifference(unseen, "charged", "0.00", "3000.00") in found_by_x
    env.clock.advance(hours=3)

    z = in_shift(env, lambda shifts, svc: shifts.close(env.manager))
    assert z.bank is not None and z.bank.differences == ()  # the X's check corrected the console
    assert {f.difference for f in z.found_earlier} == found_by_x
    assert {(f.found_at, f.by) for f in z.found_earlier} == {(x_at, "X")}
    assert ShiftReport.from_json(z.to_json()).found_earlier == z.found_earlier  # kept with the shift

    # the bank's totals are the ledger's; the console's differ by exactly the refund left open in the books
    charged, refunded, _ = ledger_net(
        env, {p.invoice_id.value for p in (agreed, refunded_at_bank, paid_unseen)}
    )
    beside = _bank_beside(z)
    assert beside == {
        "charged": (minor("6000"), charged),
        "refunded": (0, refunded),
        "net": (z.totals.net_minor, charged - refunded),
    }
    assert charged == minor("6000") and refunded == minor("500")
    outside = {d.invoice_id: d.bank for d in z.bank.open_in_books if d.what == "external_refund"}
    assert outside == {refunded_at_bank.invoice_id.value: "500.00"}
    assert beside["refunded"][1] - beside["refunded"][0] == minor("500")
    assert z.bank.figures is not None and z.bank.figures.payments == 3

    # a report kept before the bank's totals and the earlier findings existed still reads
    old = json.loads(z.to_json())
    del old["found_earlier"], old["bank"]["figures"]
    kept = ShiftReport.from_json(json.dumps(old))
    assert kept.found_earlier == () and kept.bank is not None and kept.bank.figures is None
    assert kept.totals == z.totals and kept.bank.open_in_books == z.bank.open_in_books


def test_the_banks_totals_count_of_an_older_sale_what_this_shift_did(env: Env) -> None:
    """A sale of an earlier day refunded in part during this shift: the bank's column counts the refund
    (what the bank did beyond what the console had counted by the opening), not the old sale."""
    older = env.paid("2500")
    env.refund(older, "100")  # before the shift: not this shift's
    env.clock.advance(minutes=5)
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    env.refund(older, "300")
    env.clock.advance(minutes=5)
    x = in_shift(env, lambda shifts, svc: shifts.x_report(check_bank=True))
    assert x.bank is not None and x.bank.differences == () and x.found_earlier == ()
    assert _bank_beside(x) == {
        "charged": (0, 0),
        "refunded": (minor("300"), minor("300")),
        "net": (-minor("300"), -minor("300")),
    }
