"""Hybrid's code page chosen at the command line (decisions 0103, 0105, 0132): ``--hybrid-page cp866|cp1251``
beside ``--mode hybrid`` on ``printer add`` and ``receipt --format escpos``, the same pages the printers
window's calibration chooses; a bad page, or a page with another mode, is refused before a receipt
number is used or a printer saved."""

from __future__ import annotations

from typing import Any

from tests.receipts.escpos_goldens import read_job


def test_a_hybrid_receipt_and_printer_on_cp1251(cli: Any, tmp_path: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("1500")
    assert cli.run("status", invoice).code == 0

    out = tmp_path / "cp1251.bin"
    args = ("--format", "escpos", "--mode", "hybrid", "--hybrid-page", "cp1251", "--width", "80")
    written = cli.run("receipt", invoice, *args, "--lang", "ru", "--out", str(out), "--json")
    assert written.code == 0, written.err
    assert (written.json()["mode"], written.json()["hybrid_page"]) == ("hybrid", "cp1251")
    read = read_job(out.read_bytes())
    assert read.commands[2] == b"\x1bt\x2e"  # ESC t 46: cp1251's slot
    assert any(line.startswith("Оплачено") for line in read.texts("cp1251"))

    device = tmp_path / "printer.bin"
    added = cli.run(
        "printer", "add", "back", "--address", f"file:{device}", "--mode", "hybrid", "--hybrid-page", "cp1251"
    )
    assert added.code == 0, added.err
    (saved,) = cli.run("printer", "list", "--json").json()["printers"]
    assert (saved["mode"], saved["codec"], saved["code_page"]) == ("hybrid", "cp1251", 46)
    assert "hybrid cp1251" in cli.run("printer", "list").out
    tested = cli.run("printer", "test", "back")
    assert tested.code in (0, 3), tested.err  # a device file never answers status requests
    assert b"\x1bt\x2e" in device.read_bytes()

    default = cli.run("printer", "add", "front", "--address", f"file:{device}", "--mode", "hybrid")
    assert default.code == 0, default.err
    front = {p["name"]: p for p in cli.run("printer", "list", "--json").json()["printers"]}["front"]
    assert (front["codec"], front["code_page"]) == ("cp866", 17)  # without --hybrid-page: cp866


def test_a_bad_hybrid_page_is_refused_in_words(cli: Any, tmp_path: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("1000")
    assert cli.run("status", invoice).code == 0
    out = tmp_path / "r.bin"

    bad = cli.run(
        "receipt",
        invoice,
        "--format",
        "escpos",
        "--mode",
        "hybrid",
        "--hybrid-page",
        "cp437",
        "--out",
        str(out),
    )
    assert (
        bad.code == 2 and "--hybrid-page: invalid choice: 'cp437' (choose from 'cp866', 'cp1251')" in bad.err
    )
    other = cli.run(
        "receipt",
        invoice,
        "--format",
        "escpos",
        "--mode",
        "kz1048",
        "--hybrid-page",
        "cp1251",
        "--out",
        str(out),
    )
    assert other.code == 2 and "--hybrid-page goes with --mode hybrid" in other.err
    assert "Traceback" not in other.err and not out.exists()
    printer = cli.run("receipt", invoice, "--printer", "front", "--hybrid-page", "cp1251")
    assert printer.code == 2 and "leave out --format, --mode, --hybrid-page and --width" in printer.err

    no_mode = cli.run(
        "printer", "add", "front", "--address", "network:10.0.0.5:9100", "--hybrid-page", "cp866"
    )
    assert no_mode.code == 2 and "add --mode hybrid or leave out --hybrid-page cp866" in no_mode.err
    assert cli.run("printer", "list", "--json").json()["printers"] == []  # nothing saved

    pdf = cli.run("receipt", invoice, "--out", str(tmp_path / "sale.pdf"), "--json")
    assert pdf.code == 0 and pdf.json()["number"] == 1  # no number was used by the refusals

    for command in (("printer", "add"), ("receipt",)):
        shown = cli.run(*command, "--help", user=None)
        assert shown.code == 0 and "--hybrid-page {cp866,cp1251}" in shown.out
