"""``epay-desktop fiscal status|x|z`` and ``reconcile``'s fiscal pass (issue 14; decision 0127), through the
CLI's entry point, on the gateway sandbox and the fiscal sandbox: a shift past 24 hours refuses a sale's
receipt, ``status`` warns, ``z`` is a manager's (a cashier's with ``--approved-by``), closes it and the
refused receipt is registered once; a second Z of a closed shift is refused in plain words; ``reconcile``
registers a receipt whose answer was lost; without a fiscal register each command says where to set one
up."""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

import httpx
from sqlalchemy import update

from epay_desktop.app import open_app
from epay_desktop.app import store_of
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.store.models import FiscalRecordRow
from tests.support import fiscal_register as register
from tests.support.fiscal_register import fiscal_register  # noqa: F401  (fixtures)
from tests.support.fiscal_register import module_fiscal_sandbox  # noqa: F401  (fixtures)


def _set_up_register(cli: Any, fiscal: RunningFiscalSandbox) -> None:
    """The manager sets the fiscal register up (what Settings > Fiscal register saves)."""

    async def save() -> None:
        ctx = await open_app(dict(os.environ))
        try:
            manager = await ctx.users.authenticate(cli.MANAGER, cli.MANAGER_PASSWORD)
            settings = register.webkassa(fiscal)
            await ctx.fiscal_setup.save(manager, settings, api_key=API_KEY, password=PASSWORD)
        finally:
            await ctx.aclose()

    asyncio.run(save())


def _sale(cli: Any, amount: str) -> str:
    """A card sale paid and seen by the console (``status``): its fiscal receipt is asked for then."""
    invoice = cli.pay(amount)
    assert cli.run("status", invoice).code == 0
    return invoice


def test_a_fiscal_shift_past_24_hours_is_seen_and_closed_from_the_command_line(
    cli: Any, err_line: Any, memory: Any, fiscal: RunningFiscalSandbox
) -> None:
    cli.add_manager()
    cli.add_cashier()
    _set_up_register(cli, fiscal)
    none_yet = cli.run("fiscal", "status", user=cli.CASHIER)
    assert none_yet.code == 0, none_yet.err
    assert "Webkassa, cash register SWK00000001" in none_yet.out and "none open" in none_yet.out

    _sale(cli, "700.00")  # opens the register's shift
    assert len(register.registered(fiscal)) == 1
    register.control(fiscal, "/sandbox/shift/expire")
    refused = _sale(cli, "300.00")  # refused: the shift is past 24 hours
    assert len(register.registered(fiscal)) == 1

    status = cli.run("fiscal", "status", "--json", user=cli.CASHIER)
    assert status.code == 0, status.err
    shown = status.json()
    assert (shown["shift_number"], shown["open"], shown["deadline"], shown["documents"]) == (
        1,
        True,
        "over",
        1,
    )
    assert "the fiscal shift is over 24 hours" in err_line(status) and "fiscal z" in err_line(status)

    x = cli.run("fiscal", "x", user=cli.CASHIER)
    assert x.code == 0, x.err
    assert x.out.startswith("X report: fiscal shift 1 so far")
    assert any(line.split()[:2] == ["Sales", "1"] for line in x.out.splitlines()), x.out

    alone = cli.run("fiscal", "z", user=cli.CASHIER)
    assert alone.code == 1 and "add --approved-by MANAGER" in err_line(alone)
    not_a_manager = cli.run("fiscal", "z", "--approved-by", cli.CASHIER, user=cli.CASHIER,
                            EPAY_APPROVER_PASSWORD=cli.CASHIER_PASSWORD)  # fmt: skip
    assert not_a_manager.code == 1
    assert "Only a manager or an administrator can close the fiscal shift" in err_line(not_a_manager)
    assert len(register.registered(fiscal)) == 1  # nothing asked of the register

    closed = cli.run("fiscal", "z", "--approved-by", cli.MANAGER, "--json", user=cli.CASHIER,
                     EPAY_APPROVER_PASSWORD=cli.MANAGER_PASSWORD)  # fmt: skip
    assert closed.code == 0, closed.err
    z = closed.json()
    assert (z["kind"], z["shift_number"], z["sales"]["count"], z["sales"]["total"]) == ("Z", 1, 1, "700.00")
    assert [(r["invoice_id"], r["state"], r["shift_number"]) for r in z["retried"]] == [
        (refused, "registered", 2)
    ]
    receipts = register.registered(fiscal)
    assert len(receipts) == 2 and len(set(receipts)) == 2  # the refused one registered once

    second = cli.run("fiscal", "z")  # shift 2 (the receipt just registered opened it)
    assert second.code == 0, second.err
    assert second.out.startswith("Fiscal shift 2 closed at") and "Sales" in second.out
    again = cli.run("fiscal", "z")
    assert again.code == 1
    assert err_line(again) == "epay-desktop: The fiscal shift is already closed. Nothing needs to be done."
    assert "Traceback" not in again.err


def test_reconcile_registers_a_receipt_whose_answer_was_lost(
    cli: Any, memory: Any, fiscal: RunningFiscalSandbox
) -> None:
    cli.add_manager()
    _set_up_register(cli, fiscal)
    register.control(
        fiscal, "/sandbox/faults", {"operation": "check", "kind": "http_status", "value": 503, "times": 20}
    )
    invoice = _sale(cli, "500.00")
    assert register.registered(fiscal) == []  # 5xx: not registered, the outcome unknown to the console
    httpx.delete(f"{fiscal.base_url}/sandbox/faults", timeout=10).raise_for_status()

    done = cli.run("reconcile", "--json")
    assert done.code == 0, done.err
    (record,) = done.json()["fiscal"]["records"]
    assert (record["invoice_id"], record["kind"], record["state"], record["amount"]) == (
        invoice, "sale", "registered", "500.00"
    )  # fmt: skip
    assert len(register.registered(fiscal)) == 1
    quiet = cli.run("reconcile")  # nothing left: nothing registered twice
    assert quiet.code == 0 and "fiscal " not in quiet.out
    assert len(register.registered(fiscal)) == 1


def test_without_a_fiscal_register_the_commands_say_where_to_set_it_up(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    for command in (("status",), ("x",), ("z",)):
        result = cli.run("fiscal", *command)
        assert result.code == 2, result.err
        assert "no fiscal register is set up" in err_line(result) and "Fiscal register tab" in err_line(
            result
        )
    done = cli.run("reconcile", "--json")
    assert done.code == 0 and done.json()["fiscal"] == {"configured": False, "records": [], "problem": None}


def test_a_receipt_asked_at_the_previous_register_is_held_and_a_manager_registers_it_here(
    cli: Any, err_line: Any, memory: Any, fiscal: RunningFiscalSandbox
) -> None:
    """Decision 0129: a receipt sent to the shop's previous cash register, no answer, is not sent to the
    one the settings name now by ``reconcile``; ``fiscal register-here`` (a manager's) registers it here."""
    cli.add_manager()
    cli.add_cashier()
    _set_up_register(cli, fiscal)
    register.control(
        fiscal, "/sandbox/faults", {"operation": "check", "kind": "http_status", "value": 503, "times": 20}
    )
    invoice = _sale(cli, "500.00")  # asked, no answer
    httpx.delete(f"{fiscal.base_url}/sandbox/faults", timeout=10).raise_for_status()

    async def asked_at_the_previous_register() -> str:  # what a switch of the settings leaves behind
        ctx = await open_app(dict(os.environ))
        try:
            with store_of(ctx).write() as tx:
                tx.session.execute(update(FiscalRecordRow).values(asked_at_register="webkassa:SWK00000009"))
                (record,) = tx.fiscal.open_records()
            return record.external_number
        finally:
            await ctx.aclose()

    number = asyncio.run(asked_at_the_previous_register())
    held = cli.run("reconcile")
    assert held.code == 0, held.err
    assert "cash register webkassa SWK00000009 and no answer came" in held.err and number in held.err
    assert register.registered(fiscal) == []  # not sent to the current register

    alone = cli.run("fiscal", "register-here", number, user=cli.CASHIER)
    assert alone.code == 1 and "add --approved-by MANAGER" in err_line(alone)
    done = cli.run("fiscal", "register-here", number, "--json")
    assert done.code == 0, done.err
    shown = done.json()
    assert (shown["invoice_id"], shown["state"], shown["external_number"]) == (invoice, "registered", number)
    assert register.registered(fiscal) == [number]
    again = cli.run("fiscal", "register-here", number)
    assert again.code == 1 and "is not waiting for a person" in err_line(again)

    async def audited() -> list[str]:
        ctx = await open_app(dict(os.environ))
        try:
            with store_of(ctx).read() as tx:
                return [e.details for e in tx.audit.about(f"fiscal:{number}", "fiscal.register_here")]
        finally:
            await ctx.aclose()

    (details,) = asyncio.run(audited())
    assert json.loads(details) == {
        "asked_at": "webkassa:SWK00000009",
        "register": "webkassa:SWK00000001",
        "requested_by": None,
    }
