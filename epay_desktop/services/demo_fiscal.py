"""The demo shift's fiscal side (decision 0126): what the demo's fiscal register holds for today's shift,
with one mismatch of each kind for the three-way close to find.

This is done at EVERY start, once the demo shop points at the sandbox, and is idempotent: the demo's
fiscal sandbox keeps its register in the demo folder (decision 0138), so at a later start it holds every
receipt already and answers each one given again "already registered" (error 14, by its number) with the
receipt it holds: nothing is registered twice. A register that lost its file (a folder from before 0138,
or its file unreadable and set aside) gets the same receipts again.

:func:`demo_fiscal_plan` (in one write transaction, through ``DemoShop.seed_today``) reads the open demo
shift's confirmed sales and refunds (``fiscal_check.expected_receipts``) and, the first time, writes one of
its sales as refused by the register (the journal's ``needs_person``: a bank sale with no fiscal receipt,
in Needs attention; the periodic round asks it again 15 minutes after, like any such refusal).
:func:`register_demo_receipts` then gives the register what it would hold:

* a receipt typed at the register by hand (:data:`TYPED_AT_THE_REGISTER`, a number that is not ours): no
  bank operation explains it;
* a receipt for the shift's first sale under the console's number but for :data:`TYPED_MORE` more than the
  bank took (typed at the register before the console asked): the amount differs;
* every other sale's and refund's receipt: registered through the fiscal journal the first time
  (``FiscalService.fiscalise_sale``/``fiscalise_refund``), and at a later start given again with the
  same number and amount (the journal already holds them; a kept register has them already).

Each is given at the time it was made this morning, in that order (``dated``: the register's clock set to
it, :meth:`~epay_desktop.sandbox.fiscal.register.Register.backdate`): a sale's receipt when the bank
confirmed it (:data:`RECEIPT_AFTER` after a one-step sale began), a return when its refund was
confirmed, the first sale's higher receipt a minute before the console asked, the hand-typed one half-way
through the shift. So the register's shift opens with the morning's first receipt, as a real register's
does, not when the demo started.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import fields
from dataclasses import replace
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import Final

from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.fiscal.models import FiscalReturn
from epay_desktop.fiscal.models import FiscalSale
from epay_desktop.fiscal.models import ReturnBasis
from epay_desktop.services.demo_shop import DEMO_REGISTER
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.services.shifts.fiscal_check import ExpectedReceipt
from epay_desktop.services.shifts.fiscal_check import expected_receipts
from epay_desktop.store.tx import Tx

__all__ = [
    "REFUSED_BECAUSE",
    "TYPED_AT_THE_REGISTER",
    "TYPED_MORE",
    "DemoFiscal",
    "demo_fiscal_plan",
    "register_demo_receipts",
]

log = logging.getLogger(__name__)

#: The receipt a cashier typed at the register by hand: its number, total and line.
TYPED_AT_THE_REGISTER: Final = ("webkassa-manual-0001", Money(500_000), "Товар по свободной цене")
#: How much more than the bank took the register's receipt of the shift's first sale is for.
TYPED_MORE: Final = Money(9_000)
#: Why the register refused the demo's refused sale (a FiscalRefused kind: Needs attention words it).
REFUSED_BECAUSE: Final = "FiscalCashboxBlocked"
#: A one-step sale's receipt is asked this long after the sale began (the customer pays in the bank's
#: page within two minutes in the demo's morning; the console asks once the bank confirmed it).
RECEIPT_AFTER: Final = timedelta(minutes=2)
#: The first sale's higher receipt was typed at the register this long before the console asked.
TYPED_BEFORE: Final = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class DemoFiscal:
    """What the demo's register gets at this start: first its own receipts, then the console's (each with
    the sale or refund it is for), as requests without VAT (the shop's rate is added when they are sent)."""

    register_only: tuple[FiscalSale, ...]
    console: tuple[tuple[FiscalSale, ExpectedReceipt], ...]
    refused: str | None  # the number of the sale refused now (None: refused at an earlier start, or none)
    register_only_at: tuple[datetime, ...]  # when each of ``register_only`` was made (its order)
    console_at: tuple[datetime, ...]  # when each of ``console`` was asked (its order)


def demo_fiscal_plan(tx: Tx, users: Mapping[Role, list[int]], now: datetime) -> DemoFiscal | None:
    """The open demo shift's fiscal side (see the module docstring); None without an open demo shift.
    Writes the refused sale's journal record when its sale has none (``users``: unused, the demo's)."""
    shift = tx.shifts.current(DEMO_REGISTER)
    if shift is None:
        return None
    expected = expected_receipts(tx, shift, now)
    names = {e.payment_id: tx.payments.get(e.payment_id).description for e in expected}
    sales = [e for e in expected if e.operation is FiscalKind.SALE]
    refused = sales[-2] if len(sales) >= 2 and sales[-2].record is None else None
    if refused is not None:
        tx.fiscal.add_intent(
            payment_id=refused.payment_id,
            money_op_id=None,
            kind=FiscalKind.SALE,
            external_number=refused.number,
            amount_minor=refused.amount_minor,
            now=now,
        )
        tx.fiscal.record(refused.number, FiscalState.NEEDS_PERSON, now=now, error=REFUSED_BECAUSE)
    number, amount, line = TYPED_AT_THE_REGISTER
    register_only = [_request(number, amount, line)]
    register_only_at = [shift.opened_at + (now - shift.opened_at) / 2]  # typed half-way through the shift
    if sales:
        first = sales[0]
        more = Money(first.amount_minor) + TYPED_MORE
        register_only.append(_request(first.number, more, names[first.payment_id]))
        register_only_at.append(_asked_at(tx, first) - TYPED_BEFORE)
    given = [
        e
        for e in expected
        if e is not refused and (e.record is None or e.record.state is FiscalState.REGISTERED)
    ]
    return DemoFiscal(
        tuple(register_only),
        tuple((_request(e.number, Money(e.amount_minor), names[e.payment_id]), e) for e in given),
        refused.number if refused is not None else None,
        tuple(register_only_at),
        tuple(_asked_at(tx, e) for e in given),
    )


def _asked_at(tx: Tx, expected: ExpectedReceipt) -> datetime:
    """When the register was asked for ``expected``'s receipt this morning: the time on its receipt when
    it has one, else when the bank confirmed its refund or its charge (the console asks right after),
    else :data:`RECEIPT_AFTER` after its one-step sale began."""
    kept = expected.record.receipt if expected.record is not None else None
    if kept is not None:
        return datetime.fromisoformat(kept.registered_at)
    ops = tx.operations.list_for_payment(expected.payment_id)
    done = [o for o in ops if o.state is OpState.SUCCEEDED]
    if expected.money_op_id is not None:
        done = [o for o in done if o.id == expected.money_op_id]
    else:
        done = [o for o in done if o.kind is OpKind.CHARGE]
    if done:
        return done[-1].resolved_at or done[-1].created_at
    return tx.payments.get(expected.payment_id).created_at + RECEIPT_AFTER


async def register_demo_receipts(
    fiscal: FiscalService, plan: DemoFiscal, dated: Callable[[datetime | None], None] | None = None
) -> int:
    """Give the register the plan's receipts, in the order they were made, each at its time when
    ``dated`` sets the register's clock (None: at the register's own time); how many it was asked for (0:
    no fiscal register)."""
    connection = await fiscal.connection()
    if connection is None:
        return 0
    provider, vat = connection.provider, connection.vat_percent
    bases: dict[int, ReturnBasis] = {}

    def typed(receipt: FiscalSale) -> Callable[[], Awaitable[object]]:  # the register's own receipts
        return lambda: provider.register_sale(replace(receipt, vat_percent=vat))

    async def given(receipt: FiscalSale, expected: ExpectedReceipt) -> None:
        if expected.record is None:  # the first start: through the journal, as every receipt is
            if expected.money_op_id is None:
                await fiscal.fiscalise_sale(expected.payment_id)
            else:
                await fiscal.fiscalise_refund(expected.money_op_id)
        elif expected.money_op_id is None:  # the journal has it: again (a kept register answers error 14)
            sold = await provider.register_sale(replace(receipt, vat_percent=vat))
            bases[expected.payment_id] = sold.return_basis()
        elif expected.payment_id in bases:  # a return, on its sale's receipt registered again
            shared: dict[str, Any] = {f.name: getattr(receipt, f.name) for f in fields(receipt)}
            shared["vat_percent"] = vat
            await provider.register_return(FiscalReturn(**shared, basis=bases[expected.payment_id]))

    def asked(receipt: FiscalSale, expected: ExpectedReceipt) -> Callable[[], Awaitable[None]]:
        return lambda: given(receipt, expected)

    steps = [*zip(plan.register_only_at, map(typed, plan.register_only), strict=True)]
    steps += [(at, asked(*pair)) for at, pair in zip(plan.console_at, plan.console, strict=True)]
    steps.sort(key=lambda step: step[0])  # in the order made (stable: a return after its sale)
    for at, step in steps:
        if dated is not None:
            dated(at)
        try:
            await step()
        finally:
            if dated is not None:
                dated(None)
    count = len(plan.register_only) + len(plan.console)
    log.info("event=demo_fiscal_seeded receipts=%d refused=%s", count, plan.refused)
    return count


def _request(number: str, amount: Money, name: str) -> FiscalSale:
    """A card receipt of ``amount`` under ``number`` with one line ``name`` (the number when empty)."""
    return FiscalSale(
        external_number=number, amount=amount, position_name=name.strip()[:250] or number, vat_percent=None
    )
