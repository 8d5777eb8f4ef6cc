"""``--demo``'s open shift (decision 0115): opened this morning, worked, X-reported with the bank check,
one more sale at the checkout, closed by a manager with a Z report whose figures are the sandbox
ledger's, and the differences the demo seeded on the bank's side listed.

No Qt: the demo module, the shift service and the sandbox's ledger, with plain ``asyncio.run`` against
a sandbox on loopback (as tests/e2e/test_demo_seed.py). The ledger's figures are computed from the
sandbox's own transactions and operations, never from the console's database.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from epay_desktop.app import AppContext
from epay_desktop.app import open_app
from epay_desktop.app import store_of
from epay_desktop.cli import main
from epay_desktop.demo import BANK_FILE
from epay_desktop.demo import DEMO_REGISTER
from epay_desktop.demo import DEMO_USERS
from epay_desktop.demo import MARKER
from epay_desktop.demo import SHIFT_MARKER
from epay_desktop.demo import bank_only
from epay_desktop.demo import demo_environ
from epay_desktop.demo import prepare_demo
from epay_desktop.demo import start_demo_sandbox
from epay_desktop.demo import use_fiscal_sandbox
from epay_desktop.demo.fiscal import seed_demo_fiscal
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.settings_catalog import fiscal_keychain_account
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.launch import Launch
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox.cards import TEST_CARD_MASTERCARD
from epay_desktop.sandbox.fiscal.account import API_KEY as FISCAL_API_KEY
from epay_desktop.sandbox.fiscal.account import LOGIN as FISCAL_LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD as FISCAL_PASSWORD
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.services.demo_fiscal import TYPED_AT_THE_REGISTER
from epay_desktop.services.demo_fiscal import DemoFiscal
from epay_desktop.services.demo_shift import CABINET_REFUND
from epay_desktop.services.demo_shift import PAID_LATE
from epay_desktop.services.demo_shift import BankOnly
from epay_desktop.services.demo_shift import shift_opening
from epay_desktop.services.demo_shop import KZ_TIME
from epay_desktop.services.secret_store import SecretStore
from tests.support.demo_app import demo_app
from tests.support.demo_app import ledger_figures
from tests.support.fiscal_sandbox import emptied
from tests.support.sandbox import SandboxControl

pytestmark = pytest.mark.timeout(240)


def _expected(entry: BankOnly, amount: Money) -> set[str]:
    """What the bank check finds different for one bank-side record of a payment of ``amount``."""
    if entry.kind == PAID_LATE:
        return {"status", "charged"}  # EXPIRED at the console, CHARGE at the bank
    whole = entry.amount == amount  # a cabinet refund of the whole sale also turns it REFUND
    return {"refunded", "status"} if whole else {"refunded"}


def _report_figure(report: ShiftReport, kind: FigureKind) -> tuple[int, int]:
    figure = report.totals[kind]
    return figure.count, figure.total.minor


def _listed(report: ShiftReport) -> set[tuple[str, str]]:
    """(invoice, what) of every difference and every discrepancy open in the books the report lists."""
    assert report.bank is not None
    found = report.bank.differences + report.bank.open_in_books
    return {(d.invoice_id, d.what) for d in found}


def _customer_pays(base_url: str, invoice: InvoiceId) -> dict[str, Any]:
    with SandboxControl(base_url) as control:
        return control.customer_pays(invoice.value, TEST_CARD_MASTERCARD.replace(" ", ""))


async def _sale_at_checkout(app: AppContext, base_url: str, amount: Money) -> InvoiceId:
    """A cashier's sale: the payment started at the checkout, paid by the customer, its status asked."""
    cashier = await app.users.authenticate("Айгерим", "1111")
    session = await app.payments.create_payment(cashier, CheckoutRequest(amount, description="Нан, сүт"))
    invoice = session.payment.invoice_id
    answer = await asyncio.to_thread(_customer_pays, base_url, invoice)
    assert answer["outcome"] == "approved", answer
    paid = await app.payments.refresh_status(invoice)
    assert paid.status is ConsoleStatus.CHARGE
    return invoice


def test_the_demo_shift_is_x_reported_closed_and_its_z_equals_the_ledger(tmp_path: Path) -> None:
    home = tmp_path / "demo"

    async def work():  # type: ignore[no-untyped-def]
        async with demo_app(home) as (app, sandbox):
            await prepare_demo(app, sandbox.state, count=80, seed=11)
            shift = await app.shifts.current()
            payments = await store_of(app).run_read(
                lambda tx: tx.shifts.payments(DEMO_REGISTER, shift.opened_at, app.clock())
            )
            plain_x = await app.shifts.x_report()
            x = await app.shifts.x_report(check_bank=True)
            invoice = await _sale_at_checkout(app, sandbox.base_url, Money(543_000))
            manager = await app.users.authenticate("Данияр", "2222")
            z = await app.shifts.close(manager)
            figures = ledger_figures(sandbox.state, z.shift.opened_at, z.until)
            in_ledger = sandbox.state.ledger.by_invoice(sandbox.state.config.terminal_id, invoice.value)
            stored_z = await app.shifts.report(z.shift.id)
        return shift, payments, plain_x, x, in_ledger, z, figures, stored_z

    shift, payments, plain_x, x, sold, z, figures, stored_z = asyncio.run(work())
    seeded = bank_only(home)

    # the demo shift: open since this morning, opened by a cashier, a morning's worth of payments
    assert shift is not None and shift.register_id == DEMO_REGISTER and shift.number == 1
    assert plain_x.opened_by_name == "Айгерим" and plain_x.bank is None
    statuses = Counter(p.status for p in payments)
    assert statuses[ConsoleStatus.CHARGE] >= 6  # sales (one charged from a hold)
    assert statuses[ConsoleStatus.AUTH] == 1 and statuses[ConsoleStatus.CANCEL] == 1
    assert statuses[ConsoleStatus.REJECT] == 1 and statuses[ConsoleStatus.EXPIRED] == 1
    for kind in FigureKind:
        assert plain_x.totals[kind].count >= 1, kind  # sales, holds, a charge, a cancel, a refund
    assert {g.name for g in plain_x.by_cashier} == {"Айгерим", "Ержан", "Данияр"}  # Данияр: the manager's ops

    # what the bank did beside the shift, kept in the demo folder: three differences to find
    assert Counter(e.kind for e in seeded) == {CABINET_REFUND: 2, PAID_LATE: 1}
    shift_invoices = {p.invoice_id.value for p in payments}
    assert {e.invoice_id for e in seeded} <= shift_invoices

    # the X report's bank check lists exactly those: no other payment differs
    assert x.bank is not None and x.bank.checked == x.bank.total == len(payments) and not x.bank.unchecked
    amounts = {p.invoice_id.value: p.amount for p in payments}
    expected = {(e.invoice_id, what) for e in seeded for what in _expected(e, amounts[e.invoice_id])}
    assert {(d.invoice_id, d.what) for d in x.bank.differences} == expected
    statuses_x = {(d.invoice_id, d.what): (d.console, d.bank) for d in x.bank.differences}
    for entry in seeded:
        if entry.kind == CABINET_REFUND:
            assert statuses_x[(entry.invoice_id, "refunded")] == ("0.00", entry.amount.plain())
            if entry.amount == amounts[entry.invoice_id]:  # the whole sale refunded: REFUND at the bank
                assert statuses_x[(entry.invoice_id, "status")] == ("CHARGE", "REFUND")
        else:
            assert statuses_x[(entry.invoice_id, "status")] == ("EXPIRED", "CHARGE")
            assert statuses_x[(entry.invoice_id, "charged")] == ("0.00", entry.amount.plain())
    # the cabinet's refunds stay open in the books for a manager
    cabinet = {(e.invoice_id, "external_refund") for e in seeded if e.kind == CABINET_REFUND}
    assert {(d.invoice_id, d.what) for d in x.bank.open_in_books} == cabinet

    # the Z report: the figures are the ledger's, the sale taken after the X among them
    assert z.kind.value == "Z" and z.shift.closed_by is not None and z.closed_by_name == "Данияр"
    assert z.bank is not None and not z.bank.unchecked
    assert z.bank.checked == z.bank.total == len(payments) + 1  # the sale after the X checked too
    assert sold is not None and z.shift.opened_at <= sold.created < z.until  # in the ledger's figures
    assert _report_figure(z, FigureKind.SALES) == figures.sales
    assert _report_figure(z, FigureKind.HOLDS) == figures.holds
    assert _report_figure(z, FigureKind.CHARGES) == figures.charges
    assert _report_figure(z, FigureKind.CANCELS) == figures.cancels
    assert _report_figure(z, FigureKind.REFUNDS) == figures.refunds
    assert z.totals.net_minor == figures.net
    assert z.totals[FigureKind.SALES].total.minor - plain_x.totals[FigureKind.SALES].total.minor == (
        543_000 + next(e.amount.minor for e in seeded if e.kind == PAID_LATE)
    )  # the sale after the X, and the one the bank paid late (a sale once the check learnt it)
    # ... and what the bank has beside them is exactly what the Z lists: the cabinet's refunds
    listed_refunds = {(d.invoice_id, d.bank) for d in z.bank.open_in_books if d.what == "external_refund"}
    assert listed_refunds == {(e.invoice_id, e.amount.plain()) for e in seeded if e.kind == CABINET_REFUND}
    assert figures.cabinet == (2, sum(e.amount.minor for e in seeded if e.kind == CABINET_REFUND))
    assert cabinet <= _listed(z)
    assert z.anchor is not None and z.anchor_problem is None  # the audit chain is intact
    assert stored_z.totals == z.totals and _listed(stored_z) == _listed(z)  # kept for reprinting

    # the Z's bank column (decision 0118) is the ledger's, exactly; the console's column differs by
    # exactly the differences the Z lists: the cabinet's refunds, open in the books
    assert z.bank.figures is not None and z.bank.figures.payments == z.bank.total
    bank = {what: (console, theirs) for what, console, theirs in z.bank.figures.beside(z.totals)}
    ledger_charged = figures.sales[1] + figures.charges[1]
    ledger_refunded = figures.refunds[1] + figures.cabinet[1]
    assert [theirs for _, theirs in bank.values()] == [
        ledger_charged,
        ledger_refunded,
        ledger_charged - ledger_refunded,
    ]
    outside = sum(Money.from_text(d.bank).minor for d in z.bank.open_in_books if d.what == "external_refund")
    assert outside == figures.cabinet[1]
    assert {what: theirs - console for what, (console, theirs) in bank.items()} == {
        "charged": 0,
        "refunded": outside,
        "net": -outside,
    }
    assert stored_z.bank is not None and stored_z.bank.figures == z.bank.figures

    # the sale the console called expired: the X's check found it and corrected the console, the Z's
    # own check finds nothing about it, and the Z still lists it with when the X found it
    late = next(e for e in seeded if e.kind == PAID_LATE)
    assert late.invoice_id not in {d.invoice_id for d in z.bank.differences}
    earlier = {(f.difference.invoice_id, f.difference.what): f for f in z.found_earlier}
    for what in ("status", "charged"):
        found = earlier[(late.invoice_id, what)]
        assert (found.difference.console, found.difference.bank) == statuses_x[(late.invoice_id, what)]
        assert found.by == "X" and z.shift.opened_at <= found.found_at <= x.made_at
    assert set(earlier) == expected  # every difference the X found, once
    assert stored_z.found_earlier == z.found_earlier


def test_the_bank_side_survives_a_restart_and_old_folders_get_the_shift(tmp_path: Path) -> None:
    """A second start re-mirrors the ledger with the bank's side of the shift (its check finds the same
    differences); a folder seeded before the demo had a shift (no shift marker) gets one once."""
    home = tmp_path / "demo"

    async def start(seed: int, *, forget_shift: bool = False):  # type: ignore[no-untyped-def]
        async with demo_app(home) as (app, sandbox):
            await prepare_demo(app, sandbox.state, count=40, seed=seed)
            shifts = await app.shifts.recent()
            x = await app.shifts.x_report(check_bank=not forget_shift)
        ledger = {t.invoice_id: t for t in sandbox.state.ledger.all()}
        return shifts, x, ledger

    shifts, _, ledger = asyncio.run(start(3, forget_shift=True))  # no bank check: the console learns nothing
    seeded = bank_only(home)
    assert len(shifts) == 1 and len(seeded) == 3
    again, x, ledger2 = asyncio.run(start(4))
    assert [s.id for s in again] == [s.id for s in shifts]  # seeded once: no second shift
    assert x.bank is not None
    assert {d.invoice_id for d in x.bank.differences} == {e.invoice_id for e in seeded}
    for entry in seeded:
        before, after = ledger[entry.invoice_id], ledger2[entry.invoice_id]
        assert (before.status, before.amount, before.payout_amount) == (
            after.status,
            after.amount,
            after.payout_amount,
        )
    late = next(e for e in seeded if e.kind == PAID_LATE)
    assert ledger2[late.invoice_id].status is PaymentStatus.CHARGE
    assert ledger2[late.invoice_id].id == late.transaction_id

    # a third start, after the console learnt all of it: the bank's side is not applied twice
    _, x3, ledger3 = asyncio.run(start(5))
    assert x3.bank is not None and not x3.bank.differences  # the X above refreshed every payment
    for entry in seeded:
        assert ledger3[entry.invoice_id].payout_amount == ledger2[entry.invoice_id].payout_amount

    # a folder seeded before this change: payments and their marker, no shift and no shift marker
    old = tmp_path / "old"

    async def old_folder(before: bool):  # type: ignore[no-untyped-def]
        async with demo_app(old) as (app, sandbox):
            if before:  # what seed_demo did before the demo had a shift
                await app.demo_shop.seed(DEMO_USERS, random.Random(6), 30)
                (old / MARKER).write_text("seeded 30 payments\n", encoding="utf-8")
                return await app.shifts.recent()
            await prepare_demo(app, sandbox.state, seed=6)
            return await app.shifts.recent()

    assert asyncio.run(old_folder(True)) == [] and not (old / BANK_FILE).exists()
    first = asyncio.run(old_folder(False))
    assert len(first) == 1 and first[0].is_open and len(bank_only(old)) == 3
    assert asyncio.run(old_folder(False)) == first  # once
    assert isinstance(json.loads((old / BANK_FILE).read_text(encoding="utf-8")), list)


def test_a_register_with_shifts_of_its_own_gets_no_demo_shift(tmp_path: Path) -> None:
    """A demo folder whose user opened a shift before the demo had one keeps only theirs."""
    home = tmp_path / "demo"

    async def go():  # type: ignore[no-untyped-def]
        async with demo_app(home) as (app, sandbox):
            await app.demo_shop.seed(DEMO_USERS, random.Random(2), 20)
            (home / MARKER).write_text("seeded 20 payments\n", encoding="utf-8")
            manager = await app.users.authenticate("Данияр", "2222")
            mine = await app.shifts.open(manager)
            await prepare_demo(app, sandbox.state, seed=2)
            return mine, await app.shifts.recent()

    mine, shifts = asyncio.run(go())
    assert [s.id for s in shifts] == [mine.id]
    assert bank_only(home) == () and (home / SHIFT_MARKER).exists()


def test_a_demo_database_deleted_with_its_markers_kept_is_seeded_again(tmp_path: Path) -> None:
    """A trainee deletes the demo's database to start over but leaves the rest of the folder: the next
    start makes a new database (the real console refuses a lost one, decision 0066; before, so did the
    demo, telling the trainee to ask support) and seeds it again whatever the folder's marker files say
    (people, past payments, today's shift)."""
    home = tmp_path / "demo"

    async def start() -> tuple[bool, int, int]:
        with start_demo_sandbox() as sandbox:  # the folder's settings as --demo reads them
            app = await open_app(await Launch(sandbox, str(home)).environ())
            try:
                seeded = await prepare_demo(app, sandbox.state, count=12, seed=3)
                return seeded.seeded_now, seeded.payments, len(await app.shifts.recent())
            finally:
                await app.aclose()

    first = asyncio.run(start())
    assert first[0] and first[1] > 12 and first[2] == 1
    assert (home / MARKER).exists() and (home / SHIFT_MARKER).exists()
    for name in ("epay-desktop.db", "epay-desktop.db-wal", "epay-desktop.db-shm"):
        (home / name).unlink(missing_ok=True)
    assert asyncio.run(start()) == first  # seeded again: the same people, payments and open shift


def test_the_demo_shift_from_the_command_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory: Any,
    fiscal_sandbox: RunningFiscalSandbox,
) -> None:
    """``epay-desktop shift x --bank`` and ``shift close`` on the demo folder, with the demo's sandbox
    and fiscal register running (its API key and password in the keychain, as Settings keeps them): the
    X lists the seeded differences, the manager's Z lists the cabinet's refunds and, beside them, the
    seeded fiscal mismatches and the register's Z report (decision 0126); ``shift z`` prints them."""
    home = tmp_path / "demo"

    def run(sandbox_url: str, user: str, pin: str, *args: str) -> dict[str, Any]:
        for name, value in demo_environ(home, sandbox_url).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("EPAY_USER", user)
        monkeypatch.setenv("EPAY_PASSWORD", pin)
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        assert code == 0 and "Traceback" not in err, err
        answer: dict[str, Any] = json.loads(out)
        return answer

    async def seed(sandbox: RunningSandbox) -> DemoFiscal | None:
        async with demo_app(home, sandbox) as (app, _):
            await prepare_demo(app, sandbox.state, count=30, seed=9)
            await use_fiscal_sandbox(app, fiscal_sandbox.base_url)
            return await seed_demo_fiscal(app, fiscal_sandbox.sandbox.register.backdate)

    keychain = SecretStore()  # what a manager saving Settings > Fiscal register keeps
    keychain.save_account(fiscal_keychain_account("api-key", fiscal_sandbox.base_url), FISCAL_API_KEY)
    keychain.save_account(fiscal_keychain_account("password", FISCAL_LOGIN), FISCAL_PASSWORD)
    with start_demo_sandbox() as sandbox:
        plan = asyncio.run(seed(sandbox))
        x = run(sandbox.base_url, "Айгерим", "1111", "shift", "x", "--bank", "--json")
        z = run(sandbox.base_url, "Данияр", "2222", "shift", "close", "--json")
        for name, value in demo_environ(home, sandbox.base_url).items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        assert main(["shift", "z", str(z["shift"]["id"]), "--lang", "ru"]) == 0
        printed = capsys.readouterr().out
    seeded = bank_only(home)
    # the fiscal side: every seeded mismatch, on the X and the Z, and the register's shift closed
    assert plan is not None and plan.refused is not None
    (more,) = [r.external_number for r in plan.register_only if r.external_number != TYPED_AT_THE_REGISTER[0]]
    wanted = {plan.refused: "needs_person", TYPED_AT_THE_REGISTER[0]: "unexplained", more: "amount"}
    for report in (x, z):
        assert {m["external_number"]: m["kind"] for m in report["fiscal"]["mismatches"]} == wanted
    closed = fiscal_sandbox.sandbox.register.shift(z["fiscal"]["register"]["shift_number"])
    assert z["fiscal"]["register"]["closed"] and closed.closed is not None and closed.z_number
    assert "СВЕРКА С ОНЛАЙН-КАССОЙ (Webkassa)" in printed and "Z-отчёт онлайн-кассы" in printed
    assert "фискальный чек без операции банка" in printed and TYPED_AT_THE_REGISTER[0] in printed
    assert {d["invoice_id"] for d in x["bank"]["differences"]} == {e.invoice_id for e in seeded}
    assert x["opened_by_name"] == "Айгерим" and x["kind"] == "X"
    cabinet = {(e.invoice_id, e.amount.plain()) for e in seeded if e.kind == CABINET_REFUND}
    assert {(d["invoice_id"], d["bank"]) for d in z["bank"]["open_in_books"]} == cabinet
    assert z["kind"] == "Z" and z["closed_by_name"] == "Данияр" and z["anchor"]


def test_the_demo_shift_opens_at_nine_or_two_hours_before_the_demo_starts() -> None:
    def almaty(day: int, hour: int, minute: int = 0) -> datetime:
        return datetime(2026, 12, day, hour, minute, tzinfo=KZ_TIME)

    assert shift_opening(almaty(7, 14)) == almaty(7, 9)  # an afternoon start: the morning's shift
    assert shift_opening(almaty(7, 10, 30)) == almaty(7, 8, 30)  # early: still two hours behind it
    assert shift_opening(almaty(7, 0, 30)) == almaty(6, 22, 30)  # after midnight: yesterday evening's


def test_the_demo_shifts_three_way_close_lists_every_seeded_fiscal_mismatch(
    tmp_path: Path, fiscal_sandbox: RunningFiscalSandbox
) -> None:
    """Decision 0126: the demo's fiscal register (a new fiscal sandbox at every start) holds the demo
    shift's receipts and one mismatch of each kind; an X report lists them, and after a restart (a new,
    empty register given the same again) the manager's close lists them too and closes the register's
    shift with its Z report."""
    home = tmp_path / "demo"

    async def start(fiscal: RunningFiscalSandbox, *, close: bool):  # type: ignore[no-untyped-def]
        async with demo_app(home) as (app, sandbox):
            await prepare_demo(app, sandbox.state, count=20, seed=11)
            await use_fiscal_sandbox(app, fiscal.base_url)
            plan = await seed_demo_fiscal(app, fiscal.sandbox.register.backdate)  # at the morning's times
            if not close:
                return plan, await app.shifts.x_report()
            manager = await app.users.authenticate("Данияр", "2222")
            return plan, await app.shifts.close(manager)

    plan, x = asyncio.run(start(fiscal_sandbox, close=False))
    again, z = asyncio.run(start(emptied(fiscal_sandbox), close=True))  # the next start: a new register
    closed = [s for s in fiscal_sandbox.sandbox.register.shifts if s.closed is not None]

    def kinds(report: ShiftReport) -> dict[str, tuple[str, str, str]]:
        assert report.fiscal is not None and report.fiscal.checked
        return {m.external_number: (m.kind, m.bank, m.fiscal) for m in report.fiscal.mismatches}

    assert plan is not None and plan.refused is not None
    typed_number, typed_amount, _ = TYPED_AT_THE_REGISTER
    (more,) = [r for r in plan.register_only if r.external_number != typed_number]  # the first sale, higher
    bank_amount = next(e.amount_minor for _, e in plan.console if e.number == more.external_number)
    seeded = {
        plan.refused: "needs_person",  # a bank sale with no fiscal receipt: the register refused it
        typed_number: "unexplained",  # a receipt no bank operation explains
        more.external_number: "amount",  # the register's total is not the bank's
    }
    assert {n: kind for n, (kind, _, _) in kinds(x).items()} == seeded
    assert kinds(x)[typed_number][1:] == ("-", typed_amount.plain())
    assert kinds(x)[more.external_number][1:] == (Money(bank_amount).plain(), more.amount.plain())
    assert x.fiscal is not None and x.fiscal.register is not None and not x.fiscal.register.closed
    # the next start: the journal's receipts given to the new register, the refusal not written twice
    assert again is not None and again.refused is None
    assert {n: kind for n, (kind, _, _) in kinds(z).items()} == seeded
    assert z.fiscal is not None and z.fiscal.register is not None and z.fiscal.register.closed
    assert [s.number for s in closed] == [z.fiscal.register.shift_number]
    assert z.fiscal.receipts == z.fiscal.register.documents  # every receipt of the register compared
