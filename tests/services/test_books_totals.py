"""The totals the books check compares (services/payments/books.py), pure: charged and refunded by the
console's books and by the bank's last answer (decision 0037)."""

from __future__ import annotations

from dataclasses import replace

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.services.payments.books import bank_totals
from epay_desktop.services.payments.books import console_totals
from tests.support.builders import money_op as op
from tests.support.builders import payment

M = Money.parse


def test_a_one_step_payment_charges_its_paid_amount_and_counts_outside_refunds() -> None:
    paid = payment(ConsoleStatus.CHARGE, "100", gateway_amount=M("60"), payout_amount=M("40"))
    ops = [op(OpKind.REFUND, "30", OpState.SUCCEEDED), op(OpKind.REFUND, "20", OpState.FAILED)]
    assert console_totals(paid, ops, external_minor=M("10").minor) == (M("100").minor, M("40").minor)
    assert bank_totals(paid) == (M("100").minor, M("40").minor)


def test_a_two_step_payment_charges_only_what_the_console_charged() -> None:
    charged = payment(ConsoleStatus.CHARGE, "100", gateway_amount=M("60"), payout_amount=M("0"))
    assert console_totals(charged, [op(OpKind.CHARGE, "60", OpState.SUCCEEDED)], 0)[0] == M("60").minor
    assert bank_totals(charged)[0] == M("60").minor
    # the console's charge was abandoned, yet the bank charged: the books say nothing was taken
    abandoned = [op(OpKind.CHARGE, "100", OpState.FAILED)]
    assert console_totals(replace(charged, gateway_amount=M("100")), abandoned, 0)[0] == 0
    held = payment(ConsoleStatus.AUTH, "100")
    assert console_totals(held, [], 0) == (0, 0) and bank_totals(held) == (0, 0)
    cancelled = payment(ConsoleStatus.CANCEL, "100")
    assert console_totals(cancelled, [op(OpKind.CANCEL, "100", OpState.SUCCEEDED)], 0)[0] == 0
    assert bank_totals(cancelled)[0] == 0
