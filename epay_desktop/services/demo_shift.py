"""Today's shift at the demo register: open since this morning, a morning's payments, and what the
bank did that the console never heard of (decision 0115).

:func:`seed_shift` writes, in the caller's write transaction, a shift opened by a demo cashier at
09:00 Almaty (or two hours ago, before 11:00) and the payments of its morning, with back-dated
times: sales, a declined card, a two-step hold the console charged in part, a hold it cancelled, a
hold still open, a sale refunded in part at the counter. It returns what the bank did beside
them (:class:`BankOnly`): two refunds made in the bank's merchant cabinet and a sale the console
marked expired that the customer paid at the last moment. The demo keeps those in its folder and
the sandbox's mirror applies them to the ledger on every start (``epay_desktop.demo.mirror``), so
the console's own bank check (an X report with the bank check, the Z report at the close) finds
them as it would at a real shop, until the console has learnt them.

:func:`close_earlier_day_shift` (at every demo start, decision 0167): the demo register's shift left open
on an earlier day was closed that evening by the demo's manager, with its Z report, and today's opened, as
a well-run shop's manager closes the counter at closing time (the fiscal register's day ends so, 0147).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import Any
from typing import Final

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain.shifts import Shift
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.services.demo_shop import DECLINES
from epay_desktop.services.demo_shop import DEMO_REGISTER
from epay_desktop.services.demo_shop import KZ_TIME
from epay_desktop.services.demo_shop import PAYMENT_WINDOW
from epay_desktop.services.demo_shop import approved
from epay_desktop.services.demo_shop import cancel_hold
from epay_desktop.services.demo_shop import card_answer
from epay_desktop.services.demo_shop import decline
from epay_desktop.services.demo_shop import expire_sale
from epay_desktop.services.demo_shop import hold
from epay_desktop.services.demo_shop import money_op
from epay_desktop.services.demo_shop import refund
from epay_desktop.services.demo_shop import start_sale
from epay_desktop.services.shifts.service import write_close
from epay_desktop.store.tx import Tx

__all__ = [
    "CABINET_REFUND",
    "CLOSING_TIME",
    "PAID_LATE",
    "BankOnly",
    "close_earlier_day_shift",
    "last_worked",
    "seed_shift",
    "shift_opening",
]

#: A refund the shop made in the bank's merchant cabinet (no console operation, no externalID).
CABINET_REFUND: Final = "cabinet_refund"
#: A sale the console marked EXPIRED (its final check found nothing) that the customer paid at the
#: last moment: the bank's answer came after the console's final check.
PAID_LATE: Final = "paid_late"
#: The demo shift has been open at least this long when the demo starts before 11:00.
SHIFT_AT_LEAST: Final = timedelta(hours=2)
#: When the demo's manager closes a shift left open on an earlier day (Almaty): the end of that day.
CLOSING_TIME: Final = time(23, 59, 59)


@dataclass(frozen=True, slots=True)
class BankOnly:
    """Something the bank did to one payment of the demo shift that the console was not told.

    ``kind`` :data:`CABINET_REFUND` (``amount`` refunded at ``at``) or :data:`PAID_LATE` (``amount``
    charged at ``at`` as transaction ``transaction_id``, with the card and the bank's codes).
    """

    invoice_id: str
    kind: str
    amount: Money
    at: datetime
    transaction_id: str = ""
    card_mask: str = ""
    card_type: str = ""
    reference: str = ""
    approval_code: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "invoice_id": self.invoice_id,
            "kind": self.kind,
            "amount_minor": self.amount.minor,
            "at": self.at.isoformat(),
            "transaction_id": self.transaction_id,
            "card_mask": self.card_mask,
            "card_type": self.card_type,
            "reference": self.reference,
            "approval_code": self.approval_code,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BankOnly:
        """What :meth:`to_json` wrote; KeyError/ValueError/TypeError when it is not that."""
        fields = {k: str(data[k]) for k in ("transaction_id", "card_mask", "card_type", "reference")}
        return cls(
            str(data["invoice_id"]),
            str(data["kind"]),
            Money(int(data["amount_minor"])),
            datetime.fromisoformat(str(data["at"])),
            approval_code=str(data["approval_code"]),
            **fields,
        )


def shift_opening(now: datetime) -> datetime:
    """When the demo shift opened: 09:00 Almaty today, or :data:`SHIFT_AT_LEAST` ago if that is later."""
    nine = datetime.combine(now.astimezone(KZ_TIME).date(), time(9), tzinfo=KZ_TIME).astimezone(UTC)
    return min(nine, now - SHIFT_AT_LEAST)


@dataclass(frozen=True, slots=True)
class _Till:
    """The demo register this morning: each step writes one payment (or its operation) at a point of
    the shift (``f``: 0 its opening, 1 a few minutes ago)."""

    tx: Tx
    rng: random.Random
    at: Callable[[float], datetime]

    def _answer(self, payment: Payment) -> GatewaySnapshot:
        paid_at = payment.created_at + timedelta(seconds=self.rng.randint(30, 120))
        return approved(self.rng, card_answer(self.rng, paid_at, payment.amount))

    def _start(self, f: float, text: str, tenge: int, cashier: int) -> Payment:
        return start_sale(self.tx, text, Money(tenge * 100), self.at(f), cashier)

    def sale(self, f: float, text: str, tenge: int, cashier: int) -> tuple[Payment, GatewaySnapshot]:
        payment = self._start(f, text, tenge, cashier)
        answer = self._answer(payment)
        return self.tx.payments.apply_snapshot(payment.id, answer, next_poll_at=None), answer

    def declined(self, f: float, text: str, tenge: int, cashier: int) -> None:
        payment = self._start(f, text, tenge, cashier)
        answer = card_answer(self.rng, payment.created_at + timedelta(seconds=50), payment.amount)
        decline(self.tx, payment, answer, DECLINES[0])

    def hold(self, f: float, text: str, tenge: int, cashier: int) -> tuple[Payment, GatewaySnapshot]:
        payment = self._start(f, text, tenge, cashier)
        answer = self._answer(payment)
        return hold(self.tx, payment, answer), answer

    def charge(self, held: tuple[Payment, GatewaySnapshot], f: float, tenge: int, manager: int) -> None:
        """The console charged ``tenge`` of the hold (the rest released)."""
        payment, answer = held
        when, part = self.at(f), Money(tenge * 100)
        money_op(self.tx, payment, OpKind.CHARGE, part, manager, None, when, None)
        charged = replace(answer, status=ConsoleStatus.CHARGE, amount=part, observed_at=when)
        self.tx.payments.apply_snapshot(payment.id, charged, next_poll_at=None)

    def paid_late(self, f: float, text: str, tenge: int, cashier: int) -> BankOnly:
        """The console marked the sale EXPIRED; the bank charged it a minute before the window closed."""
        payment = self._start(f, text, tenge, cashier)
        answer = self._answer(payment)
        expire_sale(self.tx, payment)
        return BankOnly(
            payment.invoice_id.value, PAID_LATE, payment.amount,
            payment.created_at + PAYMENT_WINDOW - timedelta(minutes=1),
            str(answer.transaction_id), str(answer.card_mask), str(answer.card_type),
            str(answer.reference), str(answer.approval_code),
        )  # fmt: skip

    def cabinet_refund(self, sold: tuple[Payment, GatewaySnapshot], f: float, tenge: int) -> BankOnly:
        return BankOnly(sold[0].invoice_id.value, CABINET_REFUND, Money(tenge * 100), self.at(f))


def seed_shift(
    tx: Tx, users: Mapping[Role, list[int]], now: datetime, rng: random.Random
) -> tuple[BankOnly, ...] | None:
    """Open today's demo shift and write its morning (see the module docstring); what the bank did
    beside it. None (nothing written) when the demo register has had a shift already: the user's
    own shifts are never mixed with a made-up one."""
    if tx.shifts.recent(DEMO_REGISTER, 1):
        return None
    cashiers = users.get(Role.CASHIER) or users[Role.MANAGER]
    aigerim, yerzhan, manager = cashiers[0], cashiers[-1], users[Role.MANAGER][0]
    opened = shift_opening(now)
    _open_shift(tx, aigerim, opened)
    first, last = opened + timedelta(minutes=5), now - timedelta(minutes=10)
    till = _Till(tx, rng, lambda f: first + (last - first) * f)

    till.sale(0.03, "Сүт, нан, жұмыртқа", 2_340, aigerim)
    till.sale(0.10, "Кофе латте и круассан", 2_150, aigerim)
    till.declined(0.17, "Кондитерские изделия", 3_800, aigerim)  # insufficient funds
    cake = till.hold(0.24, "Торт «Наполеон» на заказ", 12_000, aigerim)
    gift = till.hold(0.30, "Подарочный набор", 18_500, yerzhan)
    groceries = till.sale(0.35, "Продукты: мясо, овощи", 14_200, yerzhan)
    cancel_hold(tx, gift[0], gift[1], manager, till.at(0.38))  # the customer changed their mind
    household = till.sale(0.42, "Бытовая химия", 4_650, yerzhan)
    till.charge(cake, 0.45, 11_400, manager)  # collected: a smaller cake than held for
    present = till.sale(0.50, "Подарочный набор", 27_000, aigerim)
    returned = Money(120_000)  # 1,200 tenge: one item brought back
    refund(tx, *household, returned, (yerzhan, manager), till.at(0.52), "goods_returned")
    late = till.paid_late(0.66, "Вода, сок, снеки", 1_870, aigerim)
    till.sale(0.74, "Шай, қант, печенье", 1_560, yerzhan)
    till.hold(0.86, "Торт «Медовик» на заказ", 9_800, aigerim)  # to be collected this evening
    till.sale(0.93, "Фрукты: яблоки, бананы", 3_240, aigerim)
    return (
        till.cabinet_refund(groceries, 0.60, 2_300),  # a spoiled item, refunded from the owner's phone
        late,
        till.cabinet_refund(present, 0.80, 27_000),  # the whole gift set returned to the manager
    )


def _open_shift(tx: Tx, cashier: int, at: datetime) -> Shift:
    """The demo register's next shift, opened by ``cashier`` at ``at`` (audited as a person's opening)."""
    shift = tx.shifts.open(DEMO_REGISTER, cashier, at)
    details = {"register": shift.register_id, "number": shift.number}
    tx.audit.append(cashier, "shift.opened", f"shift:{shift.id}", details, at=at)
    return shift


def last_worked(tx: Tx, shift: Shift, now: datetime) -> datetime:
    """When ``shift`` last saw work before ``now``: the latest payment taken or operation asked at its
    register since it opened, else its opening."""
    register, since = shift.register_id, shift.opened_at
    payments = tx.shifts.payments(register, since, now)
    operations = tx.operations.list_for_payments([p.id for p in payments])
    times = [since]
    for payment in payments:
        if payment.register_id == register and since <= payment.created_at < now:
            times.append(payment.created_at)
        times += [
            op.created_at
            for op in operations[payment.id]
            if (op.register_id or payment.register_id) == register and since <= op.created_at < now
        ]
    return max(times)


def close_earlier_day_shift(
    tx: Tx, users: Mapping[Role, list[int]], now: datetime
) -> tuple[ShiftReport, Shift] | None:
    """The demo register's open shift, when its last working day (:func:`last_worked`, Almaty) is before
    today: closed at that day's :data:`CLOSING_TIME` by the demo's manager with its Z report, not checked
    with the bank (the sandbox's ledger is filled only behind the login), and today's shift opened by the
    demo's first cashier as :func:`seed_shift` opens one (:func:`shift_opening`, not before today's
    midnight). The Z report and today's shift; None when no shift is open or it saw work today. Only the
    demo does this (decision 0167): a real shop's shift is closed by a person."""
    shift = tx.shifts.current(DEMO_REGISTER)
    if shift is None:
        return None
    day, today = (t.astimezone(KZ_TIME).date() for t in (last_worked(tx, shift, now), now))
    if day >= today:
        return None
    evening = datetime.combine(day, CLOSING_TIME, KZ_TIME).astimezone(UTC)
    report = write_close(tx, shift, tx.users.get(users[Role.MANAGER][0]), evening)
    midnight = datetime.combine(today, time(0), KZ_TIME).astimezone(UTC)
    cashier = (users.get(Role.CASHIER) or users[Role.MANAGER])[0]
    return report, _open_shift(tx, cashier, max(shift_opening(now), midnight))
