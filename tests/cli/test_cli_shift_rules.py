"""The shop's shift rules (decision 0117) at the command line: ``shift close`` refuses a cashier's close
when only a manager may close, ``--no-bank-check`` is refused while the rules require the check and
closes without it when they do not (the Z report says so), and ``pay``, ``refund``, ``charge`` and
``cancel`` are refused while no shift is open when the rules want one (a cashier's before the manager's
password is asked: no approval is given; decisions 0117, 0132)."""

from __future__ import annotations

from typing import Any

from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.settings import load_store_settings
from epay_desktop.store.open import open_store


def set_rule(cli: Any, setting: catalog.Setting[Any], value: str) -> None:
    """A rule as a manager saves it in Settings > Shifts (the shop database's key)."""
    store = open_store(load_store_settings(cli.env))
    try:
        with store.write() as tx:
            tx.settings.set(setting.name, value)
    finally:
        store.close()


def test_only_a_manager_closes_when_the_rules_say_so(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    assert cli.run("shift", "open", user=cli.CASHIER).code == 0
    set_rule(cli, catalog.SHIFT_CASHIER_CLOSE, "no")
    for extra in ((), ("--approved-by", cli.MANAGER)):  # no approver's password: never asked for it
        refused = cli.run("shift", "close", *extra, user=cli.CASHIER)
        assert refused.code == 1 and "rules let only a manager close a shift" in err_line(refused)
    closed = cli.run("shift", "close", "--no-bank-check", user=cli.MANAGER)
    assert closed.code == 1 and "require the bank check at every close" in err_line(closed)
    assert cli.run("shift", "close").code == 0


def test_the_bank_check_is_skipped_when_the_rules_allow_it(cli: Any) -> None:
    cli.add_manager()
    assert cli.run("shift", "open").code == 0
    cli.pay("900.00")
    set_rule(cli, catalog.SHIFT_BANK_CHECK, "no")
    closed = cli.run("shift", "close", "--no-bank-check")
    assert closed.code == 0, closed.err
    assert "Checking" not in closed.err and "with the bank" not in closed.err  # no check ran
    assert "z report" in closed.out.lower() and "not checked with the bank" in closed.out


def test_a_payment_needs_an_open_shift_when_the_rules_say_so(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    set_rule(cli, catalog.SHIFT_FOR_PAYMENT, "yes")
    refused = cli.run("pay", "100.00")
    assert refused.code == 1 and "open a shift first" in err_line(refused)
    assert cli.run("shift", "open").code == 0
    assert cli.run("pay", "100.00").code == 0


def test_a_refund_needs_an_open_shift_when_the_rules_say_so(cli: Any, err_line: Any) -> None:
    invoice = cli.charged("900.00")
    cli.add_cashier()
    set_rule(cli, catalog.SHIFT_FOR_PAYMENT, "yes")
    refused = cli.run("refund", invoice, "--amount", "100")
    said = "open a shift first (Shift → Open shift), then make this refund. Nothing was sent to the bank."
    assert refused.code == 1 and said in err_line(refused)
    approver = {"EPAY_APPROVER_PASSWORD": cli.MANAGER_PASSWORD}
    cashier = ("refund", invoice, "--amount", "100", "--approved-by", cli.MANAGER)
    refused = cli.run(*cashier, user=cli.CASHIER, **approver)
    assert refused.code == 1 and said in err_line(refused)
    assert cli.gateway_refunds(invoice) == [] and "approval.given" not in audit_actions(cli)

    assert cli.run("shift", "open", user=cli.CASHIER).code == 0
    done = cli.run(*cashier, user=cli.CASHIER, **approver)
    assert done.code == 0 and done.out.startswith("Refunded 100,00")
    assert audit_actions(cli).count("approval.given") == 1


def audit_actions(cli: Any) -> list[str]:
    store = open_store(load_store_settings(cli.env))
    try:
        with store.read() as tx:
            return [entry.action for entry in tx.audit.entries()]
    finally:
        store.close()
