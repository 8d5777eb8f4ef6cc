"""Issue 14, item 5: the three-way shift close on the two sandboxes (decision 0126). A shift's confirmed
sales and refunds against the fiscal register's receipts: every mismatch the scenario seeds is listed
with what to do (a sale with no receipt, a receipt being registered, one the register refused, a receipt
no bank operation explains, a total that is not the bank's), the receipts that agree are not, and the
close closes the register's shift with its Z report, kept with the console's Z; an X report checks without
closing; the CSV and the PDF carry it. A register that cannot be asked does not stop the close; another
counter still open keeps the register's shift open."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from collections.abc import Callable
from typing import TypeVar

import httpx
import pytest

from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.receipts.shift_pdf import render_shift_pdf
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.services.fiscal import journal
from epay_desktop.services.fiscal.service import Connect
from epay_desktop.services.fiscal.service import FiscalConnection
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.services.fiscal.setup import FiscalSecrets
from epay_desktop.services.fiscal.setup import FiscalSettings
from epay_desktop.services.fiscal.setup import build_provider
from epay_desktop.services.shifts.export import report_csv
from epay_desktop.services.shifts.service import ShiftService
from tests.support import ops_harness as h
from tests.support.fiscal_sandbox import FiscalClient
from tests.support.fiscal_sandbox import card_check
from tests.support.pdf import pdf_text

T = TypeVar("T")
Scenario = Callable[[h.Services, FiscalService, ShiftService], Awaitable[T]]


@pytest.fixture
def fiscal(fiscal_sandbox: RunningFiscalSandbox) -> RunningFiscalSandbox:
    return fiscal_sandbox  # the session's, emptied


def _run(world: h.World, connect: Connect, scenario: Scenario[T], register: str = "till-1") -> T:
    """``scenario`` at counter ``register``: the bank's services, the fiscal service attached to their
    news, and the shift service with the fiscal register (as app.py wires them)."""

    async def main() -> T:
        async with h.services(world.store, world.control.base_url, world.clock, register_id=register) as svc:
            service = FiscalService(world.store, connect, world.clock)
            service.attach(svc.bus)
            shifts = ShiftService(world.store, svc.reconciler, register, world.clock, service)
            try:
                return await scenario(svc, service, shifts)
            finally:
                await service.aclose()

    return asyncio.run(main())


def _settings(url: str) -> Connect:
    """The register a manager set up in Settings > Fiscal register, as the console builds it."""

    async def connect() -> FiscalConnection | None:
        settings = FiscalSettings("webkassa", url, LOGIN, CASHBOX, vat_rate="16", vat_payer="yes")
        provider = build_provider(settings, FiscalSecrets(API_KEY, PASSWORD))
        return FiscalConnection(provider, 16) if provider is not None else None

    return connect


def _control(fiscal: RunningFiscalSandbox, path: str, body: object = None) -> None:
    httpx.post(f"{fiscal.base_url}{path}", json=body).raise_for_status()


def _at_the_register(fiscal: RunningFiscalSandbox, external: str, amount: str) -> None:
    """A receipt registered straight at the register (its own program, a cashier's hands)."""
    client = FiscalClient(fiscal.base_url)
    try:
        client.login()
        answer = client.check(card_check(external, amount))
        assert "Errors" not in answer, answer
    finally:
        client.close()


async def _sale(world: h.World, svc: h.Services, service: FiscalService, amount: str) -> Payment:
    payment = await h.paid_payment(svc, world.control, world.cashier, amount)
    await service.drain()
    return payment


def _listed(report: ShiftReport) -> dict[str, tuple[str, str, str, str]]:
    assert report.fiscal is not None
    return {m.external_number: (m.kind, m.operation, m.bank, m.fiscal) for m in report.fiscal.mismatches}


def test_the_close_lists_every_mismatch_and_closes_the_registers_shift(world, fiscal):
    url = fiscal.base_url

    async def scenario(
        svc: h.Services, service: FiscalService, shifts: ShiftService
    ) -> tuple[ShiftReport, ShiftReport, dict[str, Payment], str, ShiftReport]:
        await shifts.open(world.manager)
        world.clock.advance(5)
        async with h.services(world.store, world.control.base_url, world.clock) as unheard:
            # a sale the fiscal service never heard of (it was not running): no receipt, nothing asked
            sold = {"missing": await h.paid_payment(unheard, world.control, world.cashier, "300")}
        sold["agrees"] = await _sale(world, svc, service, "100")
        refund = await svc.ops.refund(world.manager, sold["agrees"].invoice_id, Money.parse("40"), reason="t")
        await service.drain()
        sold["refunded"] = await _sale(world, svc, service, "250")
        # the register holds a receipt under the sale's number for more than the bank will take
        session = await svc.payments.create_payment(world.cashier, CheckoutRequest(Money.parse("400")))
        number = journal.sale_number(session.payment.invoice_id)
        await asyncio.to_thread(_at_the_register, fiscal, number, "450")
        await asyncio.to_thread(world.control.customer_pays, session.payment.invoice_id)
        sold["amount"] = await svc.payments.refresh_status(session.payment.invoice_id)
        await service.drain()
        # a receipt typed at the register by hand: no card payment behind it
        await asyncio.to_thread(_at_the_register, fiscal, "kassa-manual-17", "5000")
        # the register's answers to the next receipt lost (each of its tries): it is still being asked for
        fault = {"operation": "check", "kind": "http_status", "value": 503, "times": 3}
        await asyncio.to_thread(_control, fiscal, "/sandbox/faults", fault)
        sold["pending"] = await _sale(world, svc, service, "120")
        # the register's shift past 24 hours: the next sale's receipt is refused until its Z
        await asyncio.to_thread(_control, fiscal, "/sandbox/shift/expire")
        sold["refused"] = await _sale(world, svc, service, "130")
        world.clock.advance(5)
        x = await shifts.x_report()
        world.clock.advance(5)
        z = await shifts.close(world.manager)
        return x, z, sold, refund.id, await shifts.report(z.shift.id)

    x, z, sold, refund_id, stored = _run(world, _settings(url), scenario)

    def sale(name: str) -> str:
        return journal.sale_number(sold[name].invoice_id)

    expected = {
        sale("missing"): ("missing", "sale", "300.00", "-"),
        sale("amount"): ("amount", "sale", "400.00", "450.00"),
        "kassa-manual-17": ("unexplained", "sale", "-", "5000.00"),
        sale("pending"): ("pending", "sale", "120.00", "-"),
        sale("refused"): ("needs_person", "sale", "130.00", "-"),
    }
    assert _listed(z) == expected  # every seeded mismatch, and nothing that agrees
    assert {sale("agrees"), sale("refunded"), journal.return_number(refund_id)}.isdisjoint(_listed(z))
    assert z.fiscal is not None and z.fiscal.provider == "Webkassa" and z.fiscal.checked
    assert z.fiscal.expected == 7  # six sales (one the fiscal service never saw) and a refund, confirmed
    assert all(m.todo.key == f"fiscal_{m.kind}" and str(m.todo) for m in z.fiscal.mismatches)
    # the register's shift closed with its Z report, its figures on the console's report
    closed = fiscal.sandbox.register.shifts[0]
    assert closed.closed is not None and closed.z_number > 0
    figures = z.fiscal.register
    assert figures is not None and figures.closed and figures.shift_number == closed.number
    assert (figures.sales_count, figures.sales_minor) == (4, 10_000 + 25_000 + 45_000 + 500_000)
    assert (figures.returns_count, figures.returns_minor) == (1, 4_000)
    assert figures.documents == 5
    # the X report checked the same without closing anything
    assert _listed(x) == expected and x.fiscal is not None and x.fiscal.register is not None
    assert not x.fiscal.register.closed
    # kept with the shift, and in its CSV
    assert stored.fiscal == z.fiscal
    csv = report_csv(z, "ru")
    assert "fiscal_register" in csv and "kassa-manual-17" in csv and "нет фискального чека" in csv
    pdf = " ".join(pdf_text(render_shift_pdf(z, "ru")).split())
    assert "СВЕРКА С ОНЛАЙН-КАССОЙ (Webkassa)" in pdf and "Z-отчёт онлайн-кассы" in pdf
    assert "фискальный чек без операции банка" in pdf
    # after the register's Z the console asks again at once: the three sales get their receipts in its
    # new shift (what the report said would happen)
    late = {r.external: r.shift for r in fiscal.sandbox.register.receipts[5:]}
    assert late == dict.fromkeys(
        (sale("missing"), sale("pending"), sale("refused")), figures.shift_number + 1
    )


def test_a_register_that_cannot_be_asked_does_not_stop_the_close(world):
    async def scenario(svc: h.Services, service: FiscalService, shifts: ShiftService) -> ShiftReport:
        await shifts.open(world.manager)
        world.clock.advance(5)
        await h.paid_payment(svc, world.control, world.cashier, "100")
        await service.drain()
        world.clock.advance(5)
        return await shifts.close(world.manager)

    dead = "http://127.0.0.1:9"  # nothing listens there
    z = _run(world, _settings(dead), scenario)

    assert z.shift.closed_at is not None and z.anchor is not None  # the console's shift is closed
    assert z.fiscal is not None and not z.fiscal.checked and z.fiscal.register is None
    assert z.fiscal.problem is not None and z.fiscal.problem.key == "fiscal_unreachable"
    assert z.fiscal.expected == 1 and z.fiscal.mismatches == ()


def test_with_another_counter_open_the_registers_shift_is_left_to_the_last_close(world, fiscal):
    with world.store.write() as tx:
        tx.shifts.open("till-2", world.manager.id, world.clock())

    async def scenario(svc: h.Services, service: FiscalService, shifts: ShiftService) -> ShiftReport:
        await shifts.open(world.manager)
        world.clock.advance(5)
        await _sale(world, svc, service, "100")
        world.clock.advance(5)
        return await shifts.close(world.manager)

    z = _run(world, _settings(fiscal.base_url), scenario)

    assert z.fiscal is not None and z.fiscal.mismatches == ()
    assert z.fiscal.register is not None and not z.fiscal.register.closed  # its X report
    assert [n.key for n in z.fiscal.notes] == ["fiscal_left_open"] and "till-2" in str(z.fiscal.notes[0])
    assert fiscal.sandbox.register.open_shift is not None
