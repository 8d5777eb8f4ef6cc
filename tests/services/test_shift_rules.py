"""The shop's shift rules (Settings > Shifts; decision 0117), each where it acts, on the sandbox: the hours
after which an open shift is warned about, a cashier's close with a manager allowed or not, the bank
check at the close required or skippable, and a payment refused while no shift is open. The rules are
saved the way the Settings dialog saves them (ShopSettingsService), bad values refused in words."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from epay_desktop.domain import Money
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import RuleViolation
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.shifts import ShiftRequired
from epay_desktop.domain.shifts import ShiftRules
from epay_desktop.services.events import ShiftFoundClosed
from epay_desktop.services.shop_settings import InvalidShopSetting
from epay_desktop.services.shop_settings import ShopSettingsService
from tests.services.test_shifts import audit_actions
from tests.services.test_shifts import in_shift
from tests.support.books_env import Env
from tests.support.books_env import books_env
from tests.support.books_env import books_sandbox

__all__ = ["books_env", "books_sandbox"]


def set_rules(env: Env, **rules: str) -> ShiftRules:
    """Save ``rules`` (ShopProfile's shift fields) as a manager does in Settings; the rules read back."""
    settings = ShopSettingsService(env.store, env.clock)

    async def save(svc: Any) -> None:
        await settings.save(env.manager, replace(await settings.load(), **rules))

    env.run(save)
    return in_shift(env, lambda shifts, svc: shifts.rules())


def test_the_defaults_are_the_rules_before_any_is_saved(env: Env) -> None:
    rules = in_shift(env, lambda shifts, svc: shifts.rules())
    assert rules == ShiftRules(
        24, cashier_may_close=True, bank_check_required=True, payment_needs_shift=False
    )


def test_bad_rule_values_are_refused_in_words_and_nothing_is_stored(env: Env) -> None:
    with pytest.raises(InvalidShopSetting, match="a whole number of hours from 1 to 72"):
        set_rules(env, shift_warn_hours="0")
    with pytest.raises(InvalidShopSetting, match="one of yes, no"):
        set_rules(env, shift_for_payment="sometimes", shift_warn_hours="8")
    assert in_shift(env, lambda shifts, svc: shifts.rules()) == ShiftRules()
    assert "settings.changed" not in audit_actions(env)


def test_an_open_shift_is_warned_about_after_the_shops_hours(env: Env) -> None:
    assert set_rules(env, shift_warn_hours="8").warn_after_hours == 8
    shift = in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    env.clock.advance(hours=7, minutes=59)
    assert in_shift(env, lambda shifts, svc: shifts.x_report()).warnings == ()
    assert in_shift(env, lambda shifts, svc: shifts.warning(shift)) is None
    env.clock.advance(minutes=1)
    x = in_shift(env, lambda shifts, svc: shifts.x_report())
    assert len(x.warnings) == 1 and "open for 8 hours" in x.warnings[0]
    assert in_shift(env, lambda shifts, svc: shifts.warning(shift)) == x.warnings[0]


def test_only_a_manager_closes_when_the_rules_say_so(env: Env) -> None:
    assert not set_rules(env, shift_cashier_close="no").cashier_may_close
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    for approver in (env.manager, None):
        with pytest.raises(PermissionDenied, match="rules let only a manager close a shift"):
            in_shift(env, lambda shifts, svc, a=approver: shifts.close(env.cashier, approved_by=a))
    assert in_shift(env, lambda shifts, svc: shifts.current()) is not None
    z = in_shift(env, lambda shifts, svc: shifts.close(env.manager))
    assert (z.shift.closed_by, z.shift.close_requested_by) == (env.manager.id, None)


def test_the_bank_check_is_skipped_only_when_the_rules_allow_it(env: Env) -> None:
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    paid = env.paid("1500")
    env.cabinet_refund(paid, "200")  # the bank has a refund the console has not seen
    env.clock.advance(minutes=5)
    with pytest.raises(RuleViolation, match="require the bank check at every close"):
        in_shift(env, lambda shifts, svc: shifts.close(env.manager, check_bank=False))
    assert in_shift(env, lambda shifts, svc: shifts.current()) is not None  # refused before anything

    assert not set_rules(env, shift_bank_check="no").bank_check_required
    z = in_shift(env, lambda shifts, svc: shifts.close(env.manager, check_bank=False))
    assert z.bank is None and z.totals.net_minor == 150_000 and z.anchor is not None  # no bank figures
    assert env.discrepancies(paid) == []  # the bank was not asked: its refund is not found
    assert "shift.closed" in audit_actions(env)
    assert in_shift(env, lambda shifts, svc: shifts.report(z.shift.id)).bank is None  # kept as closed


def test_a_payment_needs_an_open_shift_when_the_rules_say_so(env: Env) -> None:
    assert set_rules(env, shift_for_payment="yes").payment_needs_shift
    start = CheckoutRequest(Money.parse("700"))
    told: list[ShiftFoundClosed] = []

    def refused(svc: Any) -> Any:
        svc.bus.subscribe(ShiftFoundClosed, told.append)
        return svc.payments.create_payment(env.cashier, start)

    with pytest.raises(ShiftRequired, match=r"open a shift first \(Shift → Open shift\)"):
        env.run(refused)
    assert "payment.created" not in audit_actions(env)  # refused before an invoice was taken
    assert told == [ShiftFoundClosed("till-1")]  # the screens read the shift again (decision 0167)
    in_shift(env, lambda shifts, svc: shifts.open(env.cashier))
    session = env.run(lambda svc: svc.payments.create_payment(env.cashier, start))
    assert session.payment.amount == Money.parse("700")
