"""``epay-desktop shift open|x|close|list|z`` (issue 13, item 4): the day at one register from the command
line, refusals as one line with the CLI's exit codes, the Z report saved as CSV and PDF, printed on the
receipt printer, in the language asked for (decision 0114)."""

from __future__ import annotations

import csv
from typing import Any

from epay_desktop.sandbox.printer.server import FakePrinter
from tests.support.pdf import pdf_text


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
    assert "Z REPORT" in closed.out and "Shift closed" in closed.out and "Audit anchor" in closed.out
    # the X report's check found the outside refund; the books keep it open, so the Z report shows it
    assert (
        "Open in the books" in closed.out and f"{refunded_at_bank} refund outside the console" in closed.out
    )
    out = closed.out.replace("\u202f", " ").replace("\xa0", " ")  # the console's money: 1 800,00 ₸
    assert any(line.startswith("  Bank") and line.endswith("200,00 ₸") for line in out.splitlines())
    assert any(line.startswith("NET TAKEN") and line.endswith(" 1 800,00 ₸") for line in out.splitlines())
    rows = list(csv.reader(csv_file.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["section", "name", "what", "count", "amount", "label", "amount_shown"]
    assert rows[1][:5] == ["shift", "counter-1/1", "report", "", "Z"]
    [books] = [row for row in rows if row[0] == "open_in_books"]
    assert books[:5] == ["open_in_books", refunded_at_bank, "external_refund", "-", "200.00"]
    assert ["total", "", "net", "", "1800.00", "NET TAKEN", "1\u202f800,00\xa0₸"] in rows  # 1500 + 800 - 500
    assert pdf_file.read_bytes().startswith(b"%PDF")

    listed = cli.run("shift", "list", "--json")
    assert listed.code == 0 and len(listed.json()) == 1 and listed.json()[0]["closed_at"] is not None
    reprint = cli.run("shift", "z", str(listed.json()[0]["id"]), "--json")
    assert reprint.code == 0 and reprint.json()["anchor"] == closed_anchor(closed.out)
    nothing = cli.run("shift", "x")
    assert nothing.code == 1 and "has no open shift" in err_line(nothing)

    # decision 0145: a refund between the shifts is in the next shift's reports, beside its own figures
    assert cli.run("refund", kept, "--amount", "100").code == 0
    assert cli.run("shift", "open", user=cli.CASHIER).code == 0
    after = cli.run("shift", "x", "--lang", "ru")
    assert after.code == 0, after.err
    shown = after.out.replace("\u202f", " ").replace("\xa0", " ")
    assert "ВНЕ СМЕНЫ" in shown and f"{kept} возврат" in shown and "100,00 ₸" in shown
    kept_json = cli.run("shift", "x", "--json").json()
    assert kept_json["totals"]["figures"][4]["count"] == 0  # the shift's own refunds: none
    assert [(o["invoice_id"], o["kind"], o["amount_minor"]) for o in kept_json["outside"]["operations"]] == [
        (kept, "REFUND", 10_000)
    ]


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


def test_reports_print_on_the_receipt_printer_in_the_chosen_language(cli: Any, tmp_path: Any) -> None:
    """``shift x|close|z --print [--printer NAME]``: the report on the thermal printer, in the command's
    --lang or the report's own --lang; out of paper at the close loses nothing: the shift is closed, the
    Z report kept, ``shift z ID --print`` prints it whole after a new roll (decision 0114)."""
    cli.add_manager()
    fake = FakePrinter(384)
    with fake.start_in_thread():
        added = cli.run(
            "printer", "add", "front", "--address", f"network:{fake.host}:{fake.port}",
            "--width", "58", "--mode", "kz1048", "--default",
        )  # fmt: skip
        assert added.code == 0, added.err
        assert cli.run("shift", "open").code == 0
        cli.pay("1500.00")

        x = cli.run("--lang", "kk", "shift", "x", "--print")
        assert x.code == 0, x.err
        assert "X-ЕСЕП" in x.out and "Report X counter-1/1: printed on front" in x.out
        [x_job] = fake.wait_for_jobs(1)
        assert x_job.printout is not None and "X-ЕСЕП" in x_job.printout.text
        assert "Ауысым ашық: ағымдағы сомалар" in x_job.printout.text

        unknown = cli.run("shift", "close", "--printer", "back")
        assert unknown.code == 1 and "There is no printer 'back'" in unknown.err
        assert cli.run("shift", "list", "--json").json()[0]["closed_at"] is None  # nothing was closed

        fake.set_trouble(paper_out_after_bytes=500)
        closed = cli.run("shift", "close", "--print", "--lang", "ru")
        assert closed.code == 1, closed.err  # the print failed; the close did not
        assert "Z-ОТЧЁТ" in closed.out and "Смена закрыта" in closed.out
        shift_id = cli.run("shift", "list", "--json").json()[0]["id"]
        assert f"It is not lost: `shift z {shift_id} --print` prints it again." in closed.out
        assert "The report may be incomplete; it is kept" in closed.out

        fake.load_paper()
        again = cli.run("shift", "z", str(shift_id), "--print", "--lang", "kk", "--json")
        assert again.code == 0, again.err
        assert again.json()["print"]["outcome"] == "printed" and again.json()["language"] == "kk"
        whole = fake.wait_for_jobs(3)[2].printout
        assert whole is not None and whole.cuts and whole.lost_bytes == 0
        assert "Z-ЕСЕП" in whole.text and again.json()["anchor"] in whole.text  # the anchor, whole


def test_the_saved_pdf_and_csv_follow_the_commands_language(cli: Any, tmp_path: Any) -> None:
    cli.add_manager()
    assert cli.run("shift", "open").code == 0
    cli.pay("1500.00")
    cli.pay("800.00")
    assert cli.run("shift", "close").code == 0
    shift_id = str(cli.run("shift", "list", "--json").json()[0]["id"])

    pdf_file, csv_file = tmp_path / "z-ru.pdf", tmp_path / "z-kk.csv"
    ru = cli.run("--lang", "ru", "shift", "z", shift_id, "--pdf", str(pdf_file))
    assert ru.code == 0, ru.err
    assert "Z-ОТЧЁТ" in ru.out and "Контрольная метка журнала аудита" in ru.out
    text = " ".join(pdf_text(pdf_file.read_bytes()).split())  # the PDF's words, spaces as one
    assert "Z-ОТЧЁТ" in text and "Смена закрыта" in text and "ЧИСТАЯ ВЫРУЧКА" in text
    assert "2 300,00 ₸" in text.replace("\u202f", " ").replace("\xa0", " ")  # grouped, a decimal comma
    assert "Контрольная метка журнала аудита" in text and "Не является фискальным отчётом" in text

    kk = cli.run("shift", "z", shift_id, "--csv", str(csv_file), "--lang", "kk")
    assert kk.code == 0, kk.err
    rows = list(csv.reader(csv_file.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["section", "name", "what", "count", "amount", "label", "amount_shown"]  # stable
    assert ["total", "", "sales", "2", "2300.00", "Сатулар", "2\u202f300,00\xa0₸"] in rows
    assert ["total", "", "net", "", "2300.00", "ТАЗА ТҮСІМ", "2\u202f300,00\xa0₸"] in rows
    assert any(
        row[:3] == ["audit", "", "anchor"] and row[5] == "Аудит журналының бақылау белгісі" for row in rows
    )
