"""The demo's fiscal register after a restart (decision 0138): the demo started twice on the same folder,
as ``--demo`` starts it (its fiscal sandbox kept in the folder, the demo seeded, the register pointed at,
the first fiscal receipt, the shift's fiscal side), shows the same register: the same shift, opened at
the same moment, the same receipts and X figures, and no mismatch the restart made up (found walking the
demo: a 1 314 ₸ return lost at a restart, "return: no fiscal receipt").

No Qt: the demo's functions with plain ``asyncio.run`` against sandboxes on loopback, as
tests/e2e/test_demo_shift.py."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from epay_desktop.demo import (
    FISCAL_FILE,
    fiscalise_demo_sale,
    prepare_demo,
    start_demo_fiscal_sandbox,
    use_fiscal_sandbox,
)
from epay_desktop.demo.fiscal import seed_demo_fiscal
from epay_desktop.domain import ConsoleStatus, Money
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.sandbox.fiscal.register import Register
from epay_desktop.services.demo_fiscal import DemoFiscal
from tests.support.demo_app import demo_app

pytestmark = pytest.mark.timeout(240)

RETURNED = Money(131_400)  # the walk's return: of a sale from before the shift


def _register_state(register: Register) -> tuple[object, ...]:
    """The register's shifts (number, opened, closed) and receipts (number, fiscal sign, total)."""
    with register.lock:
        shifts = tuple((s.number, s.opened, s.closed) for s in register.shifts)
        return shifts, tuple((r.external, r.fiscal_sign, r.operation, r.total) for r in register.receipts)


def test_the_demo_register_is_the_same_after_a_restart(tmp_path: Path) -> None:
    home = tmp_path / "demo"

    async def start(*, refund: bool) -> tuple[DemoFiscal | None, ShiftReport, tuple[object, ...]]:
        with start_demo_fiscal_sandbox(home) as fiscal:  # what Launch.start gives --demo
            async with demo_app(home) as (app, sandbox):  # Launch.prepare's steps, fewer payments
                await prepare_demo(app, sandbox.state, count=20, seed=11)
                await use_fiscal_sandbox(app, fiscal.base_url)
                await fiscalise_demo_sale(app)
                plan = await seed_demo_fiscal(app)
                if refund:  # a manager's return on a sale from before the shift, its receipt registered
                    shift = await app.shifts.current()
                    assert shift is not None
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
