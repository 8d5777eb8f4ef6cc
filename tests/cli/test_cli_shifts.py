"""``epay-desktop shift open|x|close|list|z`` (issue 13, item 4): the day at one register from the command
line, refusals as one line with the CLI's exit codes, the Z report saved as CSV and PDF."""

from __future__ import annotations

import csv
from typing import Any


def test_a_shift_is_opened_worked_x_reported_and_closed(cli: Any, err_line: Any, tmp_path: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    opened = cli.run("shift", "open", user=cli.CASHIER)
    assert opened.code == 0, opened.err
    assert "Shift counter-1/1 opened" in opened.out
    again = cli.run("shift", "open")
    assert again.code == 1 and "Shift 1 is already open at register counter-1" in err_line(again)

    kept = cli.pay("1500.00")
    refunded_at_bank = cli.pay("800.00")
    assert cli.run("status", kept).code == 0 and cli.run("status", refunded_at_bank).code == 0
    assert cli.run("refund", kept, "--amount", "500").code == 0
    # the bank's merchant cabinet refunds behind the console's back
    cabinet = cli.control.post(f"/sandbox/invoices/{refunded_at_bank}/refund", params={"amount": "200"})
    assert cabinet.status_code == 200, cabinet.text

    x = cli.run("shift", "x", "--bank", "--json", user=cli.CASHIER)
    assert x.code == 0, x.err
    figures = {f["kind"]: (f["count"], f["total"]) for f in x.json()["totals"]["figures"]}
    assert figures["sales"] == (2, 230_000) and figures["refunds"] == (1, 50_000)
    assert x.json()["kind"] == "X" and x.json()["anchor"] is None
    assert "Checked 2 payments with the bank" in x.err
    assert x.json()["bank"]["differences"] == [
        {"invoice_id": refunded_at_bank, "what": "refunded", "console": "0.00", "bank": "200.00"}
    ]

    alone = cli.run("shift", "close", user=cli.CASHIER)
    assert alone.code == 1 and "add --approved-by MANAGER" in err_line(alone)
    wrong = cli.run("shift", "close", "--approved-by", cli.CASHIER, user=cli.CASHIER,
                    EPAY_APPROVER_PASSWORD=cli.CASHIER_PASSWORD)  # fmt: skip
    assert wrong.code == 1 and "Only a manager can close a shift" in err_line(wrong)

    csv_file, pdf_file = tmp_path / "z.csv", tmp_path / "z.pdf"
    closed = cli.run(
        "shift", "close", "--approved-by", cli.MANAGER, "--csv", str(csv_file), "--pdf", str(pdf_file),
        user=cli.CASHIER, EPAY_APPROVER_PASSWORD=cli.MANAGER_PASSWORD,
    )  # fmt: skip
    assert closed.code == 0, closed.err
    assert "Checked 2 payments with the bank" in closed.err
    assert "Z report (shift closed)" in closed.out and "Audit anchor" in closed.out
    # the X report's check found the outside refund; the books keep it open, so the Z report shows it
    assert "Open in the books" in closed.out and f"{refunded_at_bank} external_refund" in closed.out
    assert "console -, bank 200.00" in closed.out
    assert "net" in closed.out and "1800.00" in closed.out  # 1500 + 800 - 500 (the console's own)
    rows = list(csv.reader(csv_file.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["section", "name", "what", "count", "amount"]
    assert ["open_in_books", refunded_at_bank, "external_refund", "-", "200.00"] in rows
    assert ["total", "", "net", "", "1800.00"] in rows
    assert pdf_file.read_bytes().startswith(b"%PDF")

    listed = cli.run("shift", "list", "--json")
    assert listed.code == 0 and len(listed.json()) == 1 and listed.json()[0]["closed_at"] is not None
    reprint = cli.run("shift", "z", str(listed.json()[0]["id"]), "--json")
    assert reprint.code == 0 and reprint.json()["anchor"] == closed_anchor(closed.out)
    nothing = cli.run("shift", "x")
    assert nothing.code == 1 and "has no open shift" in err_line(nothing)


def closed_anchor(out: str) -> str:
    line = next(line for line in out.splitlines() if line.startswith("Audit anchor"))
    return line.removeprefix("Audit anchor").strip()


def test_shift_commands_without_a_shift_or_with_a_bad_file_are_refused(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    listed = cli.run("shift", "list")
    assert listed.code == 0 and "No shifts at register counter-1 yet." in listed.out
    closing = cli.run("shift", "close")
    assert closing.code == 1 and "has no open shift" in err_line(closing)
    missing = cli.run("shift", "z", "7")
    assert missing.code == 1 and "There is no shift with id 7" in err_line(missing)
    assert cli.run("shift", "open").code == 0
    folder = cli.run("shift", "x", "--csv", str(cli.home))  # a folder, not a file: nothing is done
    assert folder.code == 2
    err_line(folder)
