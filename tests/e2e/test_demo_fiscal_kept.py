"""The demo's fiscal register after a restart (decision 0138): the demo started twice on the same folder,
as ``--demo`` starts it (its fiscal sandbox kept in the folder, the demo seeded, then
``prepare_demo_fiscal`` as ``Launch.prepare`` calls it: the register pointed at, the first fiscal receipt,
the shift's fiscal side), shows the same register: the same shift, opened at the same moment, the same
receipts and X figures, and no mismatch the restart made up (found walking the demo: a 1 314 ₸ return
lost at a restart, "return: no fiscal receipt").

Started two days later, the shift left open was closed with its Z report at the end of its day (decision
0147): the console reads a closed shift and its Z, and the register takes receipts again. So was the
console's own shift (decision 0167): closed that evening by the demo's manager with its Z report (the bank
check skipped), and today's shift open since the morning. A folder whose
database is new (only the register's file kept) starts a fresh register and sets the old one aside
(decision 0148).

No Qt: the demo's functions with plain ``asyncio.run`` against sandboxes on loopback, as
tests/e2e/test_demo_shift.py."""

from __future__ import annotations

import asyncio
import logging
import shutil
from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from epay_desktop.demo import FISCAL_FILE
from epay_desktop.demo import close_earlier_demo_day
from epay_desktop.demo import prepare_demo
from epay_desktop.demo import start_demo_fiscal_sandbox
from epay_desktop.demo.fiscal import ANOTHER_DATABASE
from epay_desktop.demo.fiscal import prepare_demo_fiscal
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.sandbox.fiscal.kept import keep_in
from epay_desktop.sandbox.fiscal.register import Register
from epay_desktop.services.demo_fiscal import DemoFiscal
from epay_desktop.services.demo_shift import shift_opening
from epay_desktop.services.demo_shop import DEMO_REGISTER
from epay_desktop.services.demo_shop import KZ_TIME
from tests.support.demo_app import demo_app

pytestmark = pytest.mark.timeout(240)

RETURNED = Money(131_400)  # the walk's return: of a sale from before the shift


def _register_state(register: Register) -> tuple[object, ...]:
    """The register's shifts (number, opened, closed) and receipts (number, fiscal sign, total)."""
    with register.lock:
        shifts = tuple((s.number, s.opened, s.closed) for s in register.shifts)
        return shifts, tuple((r.external, r.fiscal_sign, r.operation, r.total) for r in register.receipts)


async def _the_mornings_register(app: Any, register: Register, shift_opened: datetime) -> None:
    """Found walking the demo: the register's shift was "open since 18:35" (when the demo started) while
    the console's shift opened at 09:00 and its sales ran from 09:21. Its shift opens with the morning's
    first receipt, after the console's shift opened and hours before the demo started; its receipts are
    in the order of their times; each one the console asked for is kept in its journal with the time the
    register gave it, the time its sale or refund was confirmed."""
    with register.lock:
        [opened] = register.shifts
        made = {r.external: r.at for r in opened.receipts}
        times = [r.at for r in opened.receipts]
    assert opened.opened == times[0] and times == sorted(times), times
    assert shift_opened < opened.opened < datetime.now(opened.opened.tzinfo) - timedelta(hours=1)
    payments = await app.demo_shop.payments()
    kept = [r for p, _ops in payments for r in await app.fiscal.records_of(p.id) if r.receipt is not None]
    assert len(kept) >= 5
    sold = [
        p
        for p, ops in payments
        if p.status is ConsoleStatus.CHARGE and not ops and p.register_id == DEMO_REGISTER
    ]
    assert sold[-1].id in {r.payment_id for r in kept}  # the demo's first fiscal receipt (decision 0125)
    for record in kept:
        assert record.receipt is not None
        assert datetime.fromisoformat(record.receipt.registered_at) == made[record.external_number]
        assert shift_opened < made[record.external_number]


def test_the_demo_register_is_the_same_after_a_restart(tmp_path: Path) -> None:
    home = tmp_path / "demo"

    async def start(*, refund: bool) -> tuple[DemoFiscal | None, ShiftReport, tuple[object, ...]]:
        with start_demo_fiscal_sandbox(home) as fiscal:  # what Launch.start gives --demo
            async with demo_app(home) as (app, sandbox):  # Launch.prepare's steps, fewer payments
                await prepare_demo(app, sandbox.state, count=20, seed=11)
                plan = await prepare_demo_fiscal(app, fiscal)
                if refund:  # a manager's return on a sale from before the shift, its receipt registered
                    shift = await app.shifts.current()
                    assert shift is not None
                    await _the_mornings_register(app, fiscal.sandbox.register, shift.opened_at)
                    old = [
                        p
                        for p, ops in await app.demo_shop.payments()
                        if p.status is ConsoleStatus.CHARGE and not ops and p.created_at < shift.opened_at
                    ]
                    manager = await app.users.authenticate("Данияр", "2222")
                    op = await app.operations.refund(manager, old[-1].invoice_id, RETURNED, reason="возврат")
                    record = await app.fiscal.fiscalise_refund(op.id)
                    assert record is not None and record.state.value == "registered", record
                report = await app.shifts.x_report()
                return plan, report, _register_state(fiscal.sandbox.register)

    plan, before, register_before = asyncio.run(start(refund=True))
    assert (home / FISCAL_FILE).is_file()
    again, after, register_after = asyncio.run(start(refund=False))  # the demo started again

    assert plan is not None and again is not None and again.refused is None
    assert register_after == register_before  # nothing registered twice, nothing lost, same clock
    assert before.fiscal is not None and after.fiscal is not None
    assert before.fiscal.register is not None and after.fiscal.register is not None
    returns = before.fiscal.register.returns_count, before.fiscal.register.returns_minor
    assert returns[0] >= 1 and returns[1] >= RETURNED.minor
    assert after.fiscal.register == before.fiscal.register  # the same X figures after the restart
    assert after.fiscal.mismatches == before.fiscal.mismatches
    assert not [m for m in after.fiscal.mismatches if m.kind == "missing"]  # no made-up "no receipt"


def test_the_next_days_demo_finds_the_shift_closed_and_a_new_database_a_fresh_register(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    home, other = tmp_path / "demo", tmp_path / "new-database"

    async def start(folder: Path, seed: int = 11, clock: Any = None) -> tuple[Any, Any, Any, str | None]:
        with start_demo_fiscal_sandbox(folder) as fiscal:
            async with demo_app(folder, clock=clock) as (app, sandbox):
                await prepare_demo(app, sandbox.state, count=20, seed=seed)
                await prepare_demo_fiscal(app, fiscal)
                state, report = await app.fiscal.shift_state(), await app.fiscal.x_report()
                register = fiscal.sandbox.register
                if folder == home:  # the console's shifts, and its first one's X or Z report (0167)
                    shifts = await app.shifts.recent(3)
                    closed = shifts[-1].closed_at is not None
                    its_report = await (app.shifts.report(shifts[-1].id) if closed else app.shifts.x_report())
                    worked = max(p.created_at for p, _ops in await app.demo_shop.payments())
                    console.append((shifts, its_report, worked))
                    assert await close_earlier_demo_day(app) is None  # once: today's shift stays open
                return state, report, _register_state(register), register.database

    console: list[tuple[Any, ShiftReport, datetime]] = []  # at each start
    _state, _report, first, mark = asyncio.run(start(home))
    [(number, opened, closed)] = first[0]
    assert closed is None and mark is not None
    keep_in(Register(), home / FISCAL_FILE).advance(timedelta(days=2))  # the register's clock, two days on
    comeback = datetime.now(UTC) + timedelta(days=2)  # and the console's
    state, report, later, again = asyncio.run(start(home, clock=lambda: comeback))  # the trainee comes back

    evening = datetime.combine(opened.date(), time(23, 59, 59), opened.tzinfo)
    assert later[0] == ((number, opened, min(evening, opened + timedelta(hours=24))),)  # its Z: that evening
    assert later[1] == first[1] and again == mark  # nothing registered again, the same database's
    assert state is not None and state.closed and not state.over_limit(datetime.now(opened.tzinfo))
    assert report is not None and report.shift_number == number and report.closed_at == later[0][0][2]
    kept = keep_in(Register(), home / FISCAL_FILE)
    kept.may_register()  # no "shift over 24 hours": the next receipt opens the next shift
    assert kept.shift(number).z_number > 0  # a Z report of its own number

    ([seeded], x, worked), ([today, closed_shift], z, _) = console
    that_evening = datetime.combine(worked.astimezone(KZ_TIME).date(), time(23, 59, 59), KZ_TIME)
    assert closed_shift.id == seeded.id and closed_shift.closed_at == that_evening  # the console's too
    assert z.kind is ReportKind.Z and z.shift.closed_at == that_evening and z.closed_by_name == "Данияр"
    assert z.bank is None and z.anchor is not None  # not checked with the bank, its audit anchor kept
    assert z.totals == x.totals and z.totals.net_minor > 0  # the morning's figures, as its X said
    morning = datetime.combine(comeback.astimezone(KZ_TIME).date(), time(0), KZ_TIME)
    assert today.number == seeded.number + 1 and today.opened_by == seeded.opened_by and today.is_open
    assert today.opened_at == max(shift_opening(comeback), morning) <= comeback  # as the seed opens it

    other.mkdir()
    shutil.copy(home / FISCAL_FILE, other / FISCAL_FILE)  # a new database, the old register's file kept
    with caplog.at_level(logging.WARNING, logger="epay_desktop.demo.fiscal"):
        _, _, (shifts, receipts), own = asyncio.run(start(other, seed=12))
    assert (other / f"{FISCAL_FILE}.{ANOTHER_DATABASE}").read_bytes() == (home / FISCAL_FILE).read_bytes()
    assert own is not None and own != mark and "event=demo_fiscal_register_of_another_database" in caplog.text
    assert f"kept_for={mark} database={own}: a fresh fiscal register starts" in caplog.text
    assert [(s[0], s[2]) for s in shifts] == [(1, None)] and receipts[0][1] == "2026000001"  # a fresh one
    old = {r[0] for r in first[1] if r[0].startswith("epd-")}
    assert receipts and not old & {r[0] for r in receipts}  # none of the other database's receipts
