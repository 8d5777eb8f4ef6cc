"""Charge, cancel, refund and review from the command line: exit codes and one-line refusals."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy import text


def _approved_by_boss(cli: Any, *args: str, password: str | None = None) -> Any:
    """The cashier runs ``args`` with the manager ``boss``'s approval (their PIN unless ``password``)."""
    return cli.run(
        *args,
        "--approved-by",
        "boss",
        user=cli.CASHIER,
        EPAY_APPROVER_PASSWORD=cli.MANAGER_PASSWORD if password is None else password,
    )


def test_manager_refunds_in_parts_and_an_excess_is_refused(cli: Any, err_line: Any) -> None:
    invoice = cli.charged()
    first = cli.run("refund", invoice, "--amount", "300")
    assert first.code == 0, first.err
    assert "Refunded 300,00" in first.out.replace("\u202f", " ").replace("\u00a0", " ")
    shown = cli.run("refund", invoice, "--amount", "200", "--json").json()
    assert shown["state"] == "SUCCEEDED" and shown["amount"] == "200.00" and shown["invoice_id"] == invoice
    too_much = cli.run("refund", invoice, "--amount", "600")
    assert too_much.code == 1
    assert "is more than what remains" in err_line(too_much)
    assert len(cli.gateway_refunds(invoice)) == 2
    below_minimum = cli.run("refund", invoice, "--amount", "5")
    assert below_minimum.code == 1 and "at least 10,00" in err_line(below_minimum).replace("\u00a0", " ")


def test_refund_without_amount_refunds_what_remains(cli: Any) -> None:
    invoice = cli.charged("150")
    assert cli.run("refund", invoice, "--amount", "50").code == 0
    assert cli.run("refund", invoice).code == 0
    view = cli.run("show", invoice, "--json").json()
    assert (view["refunded"], view["remaining"]) == ("150.00", "0.00")


def test_stale_expected_remaining_is_refused_before_sending(cli: Any, err_line: Any) -> None:
    invoice = cli.charged()
    assert cli.run("refund", invoice, "--amount", "300").code == 0
    stale = cli.run("refund", invoice, "--amount", "100", "--expected-remaining", "1000")
    assert stale.code == 1
    assert "remaining amount changed" in err_line(stale)
    assert len(cli.gateway_refunds(invoice)) == 1
    fresh = cli.run("refund", invoice, "--amount", "100", "--expected-remaining", "700.00")
    assert fresh.code == 0, fresh.err


def test_cashier_refund_needs_a_managers_approval(cli: Any, err_line: Any) -> None:
    invoice = cli.charged()
    cli.add_cashier()
    alone = cli.run("refund", invoice, "--amount", "100", user=cli.CASHIER)
    assert alone.code == 1
    assert "--approved-by MANAGER" in err_line(alone)
    wrong = _approved_by_boss(cli, "refund", invoice, "--amount", "100", password="not-it-at-all")
    assert wrong.code == 1 and "Wrong manager name or PIN. 4 tries left" in err_line(wrong)
    assert cli.gateway_refunds(invoice) == []
    approved = _approved_by_boss(cli, "refund", invoice, "--amount", "100", "--json")
    assert approved.code == 0, approved.err
    assert approved.json()["state"] == "SUCCEEDED"
    [op] = cli.run("show", invoice, "--json").json()["operations"]
    assert (op["requested_by"], op["approved_by"]) == ("anna", "boss")
    # without --amount the approval is bound to what remains
    rest = _approved_by_boss(cli, "refund", invoice)
    assert rest.code == 0, rest.err
    assert cli.run("show", invoice, "--json").json()["remaining"] == "0.00"


def test_charge_part_of_a_hold_then_refund(cli_two_step: Any, err_line: Any) -> None:
    cli = cli_two_step
    invoice = cli.charged("1000")
    assert cli.run("show", invoice, "--json").json()["status"] == "AUTH"
    not_yet = cli.run("refund", invoice)
    assert not_yet.code == 1 and "charge or cancel it" in err_line(not_yet)
    too_much = cli.run("charge", invoice, "--amount", "1200")
    assert too_much.code == 1 and "more than the held amount" in err_line(too_much)
    charged = cli.run("charge", invoice, "--amount", "800", "--json")
    assert charged.code == 0, charged.err
    assert charged.json()["kind"] == "CHARGE" and charged.json()["state"] == "SUCCEEDED"
    view = cli.run("show", invoice, "--json").json()
    assert view["status"] == "CHARGE" and view["remaining"] == "800.00"


def test_cancel_a_hold_and_cashier_cancel_with_approval(cli_two_step: Any, err_line: Any) -> None:
    cli = cli_two_step
    invoice = cli.charged("500")
    cli.add_cashier()
    assert cli.run("cancel", invoice, user=cli.CASHIER).code == 1
    done = _approved_by_boss(cli, "cancel", invoice)
    assert done.code == 0, done.err
    assert "Cancelled" in done.out
    assert cli.run("show", invoice, "--json").json()["status"] == "CANCEL"
    again = cli.run("cancel", invoice)
    assert again.code == 1 and "Only a held (authorised) payment can be cancelled" in err_line(again)


def test_lost_refund_is_unknown_then_review_retry_sends_it_once(
    cli: Any, monkeypatch: Any, err_line: Any
) -> None:
    invoice = cli.charged()
    cli.fault("refund", "drop_before_apply")
    lost = cli.run("refund", invoice, "--amount", "100")
    assert lost.code == 3
    assert "run `epay-desktop reconcile`" in err_line(lost)
    assert cli.gateway_refunds(invoice) == []
    blocked = cli.run("refund", invoice, "--amount", "50")
    assert blocked.code == 1 and "still being processed" in err_line(blocked)
    # the quiet period (60 s) is over: reconcile hands the operation to a manager
    later = datetime.now(UTC) + timedelta(minutes=5)
    monkeypatch.setattr("epay_desktop.app._utcnow", lambda: later)
    waiting = cli.run("reconcile", "--json")
    assert waiting.code == 3
    [op_id] = waiting.json()["unresolved"]
    assert cli.run("show", invoice, "--json").json()["operations"][0]["state"] == "NEEDS_REVIEW"
    cli.add_cashier()
    not_manager = cli.run("review", op_id, "--retry", user=cli.CASHIER)
    assert not_manager.code == 1 and "Only a manager" in err_line(not_manager)
    retried = cli.run("review", op_id, "--retry")
    assert retried.code == 0, retried.err
    refunds = cli.gateway_refunds(invoice)
    assert len(refunds) == 1 and refunds[0]["externalID"] == op_id
    assert cli.run("reconcile").code == 0


def test_review_abandon_and_usage(cli: Any, monkeypatch: Any, err_line: Any) -> None:
    invoice = cli.charged()
    cli.fault("refund", "drop_before_apply")
    assert cli.run("refund", invoice, "--amount", "100").code == 3
    later = datetime.now(UTC) + timedelta(minutes=5)
    monkeypatch.setattr("epay_desktop.app._utcnow", lambda: later)
    op_id = cli.run("reconcile", "--json").json()["unresolved"][0]
    neither = cli.run("review", op_id)
    assert neither.code == 2 and "--retry" in err_line(neither)
    abandoned = cli.run("review", op_id, "--abandon")
    assert abandoned.code == 0, abandoned.err
    assert "Abandoned" in abandoned.out
    assert cli.run("show", invoice, "--json").json()["operations"][0]["state"] == "FAILED"
    assert cli.run("review", op_id, "--abandon").code == 1
    assert cli.run("refund", invoice, "--amount", "100").code == 0
    assert cli.run("review", "no-such-operation", "--abandon").code == 1


# -- books that agree with the bank (issue 8, point 4) ------------------------------------------------


def _later(monkeypatch: Any, minutes: int) -> None:
    """The console's clock ``minutes`` ahead: past the quiet period and the status lag (120 s)."""
    later = datetime.now(UTC) + timedelta(minutes=minutes)
    monkeypatch.setattr("epay_desktop.app._utcnow", lambda: later)


def test_abandon_of_an_applied_refund_is_refused_while_check_status_fails(
    cli: Any, monkeypatch: Any, err_line: Any
) -> None:
    """The issue's session: check-status failing, the refund applied, abandon printed "nothing was moved",
    `show` said refunded 0 while the bank said 400, and `reconcile` said "Nothing changed"."""
    invoice = cli.charged()
    cli.fault("refund", "drop_after_apply")
    cli.fault("status", "http_status", 503, times=1000)
    assert cli.run("refund", invoice, "--amount", "400").code == 3
    _later(monkeypatch, 5)
    op_id = cli.run("reconcile", "--json").json()["unresolved"][0]
    refused = cli.run("review", op_id, "--abandon")
    assert refused.code == 1
    assert "The bank cannot say now whether this refund was applied" in err_line(refused)
    assert "nothing was moved" not in refused.out
    assert cli.control.delete("/sandbox/faults").status_code == 200  # the bank answers again
    settled = cli.run("review", op_id, "--abandon")
    assert settled.code == 0 and "Refunded 400" in settled.out.replace("\u202f", " ").replace("\u00a0", " ")
    view = cli.run("show", invoice, "--json").json()
    assert view["refunded"] == "400.00"
    assert cli.run("reconcile").code == 0


def test_reconcile_reports_every_seeded_discrepancy_and_exits_5_until_a_manager_resolves_them(
    cli: Any, monkeypatch: Any, err_line: Any
) -> None:
    external = cli.charged()  # refunded in the bank's cabinet
    more, charged = cli.pay("1000.00"), cli.pay("1000.00")  # (more) refunded, (charged) charged: books differ
    assert cli.run("status", more).code == 0 and cli.run("status", charged).code == 0
    assert cli.run("refund", more, "--amount", "100").code == 0
    response = cli.control.post(f"/sandbox/invoices/{external}/refund", params={"amount": "250"})
    assert response.status_code == 200, response.text
    engine = create_engine(f"sqlite:///{cli.home / 'epay-desktop.db'}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE money_ops SET amount_minor = 15000"))
        conn.execute(text("UPDATE payments SET amount_minor = 120000 WHERE invoice_id = :i"), {"i": charged})
    engine.dispose()
    _later(monkeypatch, 5)

    first = cli.run("reconcile")
    assert first.code == 5
    assert "reconcile --resolve ID --note TEXT" in err_line(first)
    shown = first.out.replace("\u202f", " ").replace("\u00a0", " ")
    assert f"invoice {external}: a refund of 250,00 ₸ made outside the console" in shown
    lines = [line for line in shown.splitlines() if line.startswith("discrepancy ")]
    assert len(lines) == 3
    assert any(f"on invoice {external} (external_refund; bank 250,00 ₸" in line for line in lines)
    assert any(f"on invoice {more} (refunded; console 150,00 ₸, bank 100,00 ₸" in line for line in lines)
    assert any(
        f"on invoice {charged} (charged; console 1 200,00 ₸, bank 1 000,00 ₸" in line for line in lines
    )

    listed = cli.run("reconcile", "--json")
    assert listed.code == 5
    child = cli.sub("reconcile")  # `epay-desktop reconcile` as a script runs it: the exit code says it
    assert child.code == 5 and "Traceback" not in child.err and child.out.count("discrepancy ") == 3
    found = {d["invoice_id"]: d for d in listed.json()["discrepancies"]}
    assert {found[i]["kind"] for i in (external, more, charged)} == {"external_refund", "refunded", "charged"}
    assert found[external]["bank"] == "250.00" and found[external]["console"] is None

    cli.add_cashier()
    ids = [str(d["id"]) for d in listed.json()["discrepancies"]]
    no_note = cli.run("reconcile", "--resolve", ids[0])
    assert no_note.code == 2 and "--note" in err_line(no_note)
    cashier = cli.run("reconcile", "--resolve", ids[0], "--note", "seen", user=cli.CASHIER)
    assert cashier.code == 1 and "Only a manager" in err_line(cashier)
    for number in ids:
        done = cli.run("reconcile", "--resolve", number, "--note", "checked in the merchant cabinet")
        assert done.code == 0, done.err
        assert f"Resolved discrepancy {number}" in done.out
    again = cli.run("reconcile", "--resolve", ids[0], "--note", "twice")
    assert again.code == 1 and "no open discrepancy" in err_line(again)
    # the external refund stays recorded (not re-detected); the differences the manager resolved stay
    # resolved while their amounts are the same (decision 0037)...
    after = cli.run("reconcile", "--json")
    assert after.code == 0 and after.json()["discrepancies"] == []
    # ...and a new one opens as soon as an amount changes
    assert cli.run("refund", more, "--amount", "100").code == 0
    _later(monkeypatch, 10)
    changed = cli.run("reconcile", "--json")
    assert changed.code == 5
    assert {d["invoice_id"] for d in changed.json()["discrepancies"]} == {more}


def test_review_applied_after_checking_the_cabinet_when_the_bank_shows_more_than_the_refund(
    cli: Any, monkeypatch: Any, err_line: Any
) -> None:
    invoice = cli.charged()
    # someone refunds 200 in the bank's cabinet; the console does not know it yet
    response = cli.control.post(f"/sandbox/invoices/{invoice}/refund", params={"amount": "200"})
    assert response.status_code == 200, response.text
    cli.fault("refund", "drop_after_apply")  # the console's 300 applied, its answer lost
    assert cli.run("refund", invoice, "--amount", "300").code == 3  # the bank shows 500: not just this one
    _later(monkeypatch, 5)
    first = cli.run("reconcile", "--json")
    assert first.code == 5  # a discrepancy: 500 at the bank is not the console's 300 alone
    op_id = first.json()["unresolved"][0]
    assert cli.run("show", invoice, "--json").json()["operations"][0]["state"] == "NEEDS_REVIEW"
    abandon = cli.run("review", op_id, "--abandon")
    assert abandon.code == 1 and "cannot be abandoned" in err_line(abandon)
    applied = cli.run("review", op_id, "--applied")
    assert applied.code == 0, applied.err
    assert "Refunded 300" in applied.out.replace("\u202f", " ").replace("\u00a0", " ")
    # the merchant cabinet lists both: the console's (its externalID) and the outside one; nothing re-sent
    refunds = sorted((r["amount"], r["externalID"]) for r in cli.gateway_refunds(invoice))
    assert refunds == [(200, ""), (300, op_id)]
    _later(monkeypatch, 10)
    after = cli.run("reconcile", "--json").json()
    assert {d["kind"] for d in after["discrepancies"]} == {"refunded", "external_refund"}  # for a manager


def test_show_lists_a_refund_made_outside_the_console_and_the_tries(cli: Any, monkeypatch: Any) -> None:
    """``show`` tells what the bank did beyond the payment row (issue 8): the card attempt the console saw
    and, after a reconcile, a refund made in the bank's cabinet; ``--json`` carries them as ``events``."""
    invoice = cli.charged()
    response = cli.control.post(f"/sandbox/invoices/{invoice}/refund", params={"amount": "250"})
    assert response.status_code == 200, response.text
    _later(monkeypatch, 5)
    assert cli.run("reconcile").code == 5  # the outside refund waits for a manager

    shown = cli.run("show", invoice)
    assert shown.code == 0, shown.err
    text = shown.out.replace("\u202f", " ").replace("\u00a0", " ")
    assert "BANK EVENT" in text and "refund outside the console" in text and "250,00 ₸" in text
    assert any(line.startswith("attempt") and "CHARGE" in line for line in text.splitlines())
    events = cli.run("show", invoice, "--json").json()["events"]
    assert [(e["kind"], e["amount"]) for e in events] == [("attempt", None), ("external_refund", "250.00")]
