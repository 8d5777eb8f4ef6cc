"""``epay-desktop printer ...`` and ``receipt INVOICE --printer NAME`` against the fake network printer
(decision 0105): a manager adds the shop's printer, a receipt printed on a printer out of paper is kept
and said plainly (exit 1), and the reprint after a new roll is a duplicate printed whole (exit 0)."""

from __future__ import annotations

from typing import Any

from epay_desktop.sandbox.printer.server import FakePrinter


def test_a_manager_adds_a_printer_and_a_receipt_survives_the_paper_running_out(cli: Any) -> None:
    invoice = cli.charged("1500")
    fake = FakePrinter(576)
    with fake.start_in_thread():
        address = f"network:{fake.host}:{fake.port}"
        cli.add_cashier()
        cashier_tries = cli.run("printer", "add", "front", "--address", address, user=cli.CASHIER)
        assert cashier_tries.code == 1
        assert "Only a manager or an administrator can change the printers." in cashier_tries.err
        added = cli.run("printer", "add", "front", "--address", address, "--mode", "kz1048", "--default")
        assert added.code == 0, added.err
        assert f"Printer front ({address}) saved; the default of register" in added.out
        listed = cli.run("printer", "list", "--json")
        assert listed.code == 0 and [p["name"] for p in listed.json()["printers"]] == ["front"]
        status = cli.run("printer", "status")
        assert (status.code, status.out.strip()) == (0, "ready")
        tested = cli.run("printer", "test", "front", user=cli.CASHIER)
        assert tested.code == 0 and tested.out.startswith("printed on front")

        fake.set_trouble(paper_out_after_bytes=300)
        failed = cli.run("receipt", invoice, "--printer", "front", "--lang", "kk", "--json")
        assert failed.code == 1, failed.err
        said = failed.json()
        assert (said["outcome"], said["kind"], said["number"]) == ("failed", "sale", 1)
        assert said["said"][0] == "The printer is out of paper: load a new roll."
        out_of_paper = cli.run("printer", "status")
        assert out_of_paper.code == 1 and "out of paper" in out_of_paper.out

        fake.load_paper()
        again = cli.run("receipt", invoice, "--printer", "front", "--lang", "kk")
        assert again.code == 0, again.err
        assert again.out.startswith("Receipt ") and "(duplicate): printed on front" in again.out
        jobs = fake.wait_for_jobs(5)
        whole = jobs[-1].printout
        assert whole is not None and whole.cuts and whole.lost_bytes == 0 and "ТЕЛНҰСҚА" in whole.text

        both = cli.run("receipt", invoice, "--printer", "front", "--out", "x.pdf")
        assert both.code == 2 and "not allowed with argument" in both.err
        wrong = cli.run("receipt", invoice, "--printer", "front", "--mode", "raster")
        assert wrong.code == 2 and "leave out --format, --mode, --hybrid-page and --width" in wrong.err
        unknown = cli.run("receipt", invoice, "--printer", "back")
        assert unknown.code == 1 and "There is no printer 'back'" in unknown.err
        neither = cli.run("receipt", invoice)
        assert neither.code == 2 and "one of the arguments --out --printer is required" in neither.err
        removed = cli.run("printer", "remove", "front")
        assert removed.code == 0 and cli.run("printer", "list", "--json").json()["printers"] == []
