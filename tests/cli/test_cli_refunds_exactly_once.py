"""Refunds happen exactly once through nothing but the CLI (``python -m epay_desktop``): the console's
first "Done when" scenarios, each its own test.

(a) manager, payment, the customer pays on the hosted page, two partial refunds, the remainder, a refused
third refund; (b) a refund whose answer is dropped; (c) a refund process killed with SIGKILL while its
request is in flight; (d) two refund processes at once, on SQLite and on PostgreSQL.

A step runs as its own process (``cli.sub``/``cli.spawn``) where the process is the point: the payment
link a person opens, an exit code and a one-line refusal with no traceback, a kill, two processes at
once, a refund whose answer never came. The steps between run the same ``main([...])`` in this process
(``cli.run``): each command opens the console from the database and closes it again, as a process does,
without a Python start-up each (decision 0154).
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait
from decimal import Decimal
from typing import Any

import pytest


def _one_line(result: Any) -> str:
    assert "Traceback" not in result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, result.err
    assert lines[0].startswith("epay-desktop: ")
    return str(lines[0])


def _refunds_total(refunds: list[dict[str, Any]]) -> Decimal:
    return sum((Decimal(str(r["amount"])) for r in refunds), Decimal(0))


def test_pay_refund_in_parts_and_the_rest_then_one_more_is_refused(cli: Any) -> None:
    cli.add_manager()

    taken = cli.sub("pay", "1000.00", "--description", "Order 17")
    assert taken.code == 0, taken.err
    url = next(line for line in taken.out.splitlines() if line.startswith("http"))
    invoice = next(line.split()[-1] for line in taken.out.splitlines() if line.startswith("Invoice"))

    answer = cli.customer_pays_on_page(url)
    assert answer.status_code == 303, answer.text  # back to the shop's backLink: approved
    status = cli.run("status", invoice, "--json")
    assert status.code == 0, status.err
    assert status.json()["status"] == "CHARGE"

    assert cli.run("refund", invoice, "--amount", "300.00", "--reason", "one cup broken").code == 0
    second = cli.run("refund", invoice, "--amount", "250.50")
    assert second.code == 0, second.err

    shown = cli.run("show", invoice, "--json").json()
    assert (shown["amount"], shown["refunded"], shown["remaining"]) == ("1000.00", "550.50", "449.50")
    assert [op["state"] for op in shown["operations"]] == ["SUCCEEDED", "SUCCEEDED"]

    third = cli.sub("refund", invoice, "--amount", "500.00")
    assert third.code == 1
    assert "more than what remains" in _one_line(third)
    assert third.out == ""
    assert _refunds_total(cli.gateway_refunds(invoice)) == Decimal("550.50")


def test_a_dropped_refund_answer_ends_with_exactly_one_refund(cli: Any) -> None:
    invoice = cli.charged("1000")
    cli.fault("refund", "drop_after_apply")
    refund = cli.sub("refund", invoice, "--amount", "400")
    assert refund.code in (0, 3), refund.err  # resolved at once, or left for reconcile
    if refund.code == 3:
        assert "reconcile" in _one_line(refund)
    reconciled = cli.run("reconcile")
    assert reconciled.code == 0, reconciled.err
    refunds = cli.gateway_refunds(invoice)
    assert len(refunds) == 1 and _refunds_total(refunds) == Decimal("400")
    ops = cli.run("show", invoice, "--json").json()["operations"]
    assert [(op["kind"], op["state"], op["amount"]) for op in ops] == [("REFUND", "SUCCEEDED", "400.00")]
    assert refunds[0]["externalID"] == ops[0]["id"]


def test_a_refund_process_killed_in_flight_is_reconciled(cli: Any, err_line: Any) -> None:
    invoice = cli.charged("1000")
    cli.fault("refund", "hold")
    proc = cli.spawn("refund", invoice, "--amount", "250")
    try:
        # the sandbox applied it and is holding the answer back
        held = cli.control.get("/sandbox/held", params={"operation": "refund", "wait": 30}, timeout=40)
        assert held.status_code == 200 and proc.poll() is None, "the refund never reached the sandbox"
        assert len(cli.gateway_refunds(invoice)) == 1
        proc.kill()  # SIGKILL while waiting for the answer
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
        cli.control.post("/sandbox/release")  # the answer now goes to a closed connection
    assert proc.returncode == -9
    ops = cli.run("show", invoice, "--json").json()["operations"]
    assert [op["state"] for op in ops] == ["SENDING"]  # the intent was committed before the request
    blocked = cli.run("refund", invoice, "--amount", "100")
    assert blocked.code == 1 and "still being processed" in err_line(blocked)

    reconciled = cli.run("reconcile")
    assert reconciled.code == 0, reconciled.err
    assert "SENDING -> SUCCEEDED" in reconciled.out
    refunds = cli.gateway_refunds(invoice)
    assert len(refunds) == 1 and _refunds_total(refunds) == Decimal("250")
    ops = cli.run("show", invoice, "--json").json()["operations"]
    assert [(op["state"], op["amount"]) for op in ops] == [("SUCCEEDED", "250.00")]


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_two_refunds_at_once_one_wins(
    cli: Any, database: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if database == "postgresql":
        url = str(request.getfixturevalue("pg_url"))
        cli.env["EPAYMENT_DATABASE_URL"] = url
        monkeypatch.setenv("EPAYMENT_DATABASE_URL", url)
    invoice = cli.charged("100.00")
    cli.fault("refund", "hold", times=2)  # whichever refund goes first stays in flight until released
    procs = [cli.spawn("refund", invoice, "--amount", "60.00") for _ in range(2)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        ends = [pool.submit(proc.communicate, timeout=90) for proc in procs]
        # the other one ends while the first is still held: the bank answers nobody until released
        done, _ = wait(ends, timeout=60, return_when=FIRST_COMPLETED)
        assert len(done) == 1, "neither refund ended while the other was in flight"
        assert len(cli.control.get("/sandbox/held", params={"operation": "refund"}).json()) == 1
        cli.control.post("/sandbox/release")
        outputs = [end.result() for end in ends]
    results = [(proc.returncode, out, err) for proc, (out, err) in zip(procs, outputs, strict=True)]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 1], results
    refusal = next(err for code, _, err in results if code == 1)
    lines = [line for line in refusal.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("epay-desktop: "), refusal
    assert "still being processed" in lines[0] or "more than what remains" in lines[0]
    assert "locked" not in refusal.lower()
    refunds = cli.gateway_refunds(invoice)
    assert len(refunds) == 1 and _refunds_total(refunds) == Decimal("60.00")
    view = cli.run("show", invoice, "--json").json()
    assert (view["refunded"], view["remaining"]) == ("60.00", "40.00")
