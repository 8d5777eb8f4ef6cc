"""``epay-desktop receipt --format escpos`` (issue 13 item 1; decision 0103): the receipt as the bytes a
58 or 80 mm thermal printer prints, in each mode; A4 refused before a receipt number is used."""

from __future__ import annotations

from typing import Any

from tests.receipts.escpos_goldens import read_job


def test_escpos_writes_the_printer_bytes_in_each_mode(cli: Any, tmp_path: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("1500")
    assert cli.run("status", invoice).code == 0

    out = tmp_path / "kk.bin"
    args = ("--format", "escpos", "--mode", "kz1048", "--width", "58", "--lang", "kk", "--json")
    result = cli.run("receipt", invoice, *args, "--out", str(out))
    assert result.code == 0, result.err
    shown = result.json()
    assert (shown["format"], shown["mode"], shown["width"], shown["language"]) == (
        "escpos",
        "kz1048",
        "58",
        "kk",
    )
    read = read_job(out.read_bytes())
    assert read.commands[:3] == [b"\x1b@", b"\x1b3\x1e", b"\x1bt\x35"]
    texts = read.texts("kz1048")
    assert "САТУ" in " ".join(texts) and "SANDBOX (ТЕСТ) — НАҚТЫ ТӨЛЕМ" in " ".join(texts)
    assert any(line.endswith("1 500,00 тг") for line in texts)
    assert all(len(line) <= 32 for line in texts)

    out = tmp_path / "ru.bin"
    result = cli.run(
        "receipt", invoice, "--format", "escpos", "--mode", "hybrid", "--width", "80", "--out", str(out)
    )
    assert result.code == 0, result.err
    assert f"written to {out}" in result.out
    read = read_job(out.read_bytes())
    assert read.commands[2] == b"\x1bt\x11"  # cp866
    assert any(line.startswith("Оплачено") for line in read.texts("cp866")) and read.images()

    out = tmp_path / "raster.bin"  # the default mode, and the shop's width (80 mm)
    result = cli.run("receipt", invoice, "--format", "escpos", "--lang", "en", "--out", str(out), "--json")
    assert result.code == 0, result.err
    assert (result.json()["mode"], result.json()["width"]) == ("raster", "80")
    read = read_job(out.read_bytes())
    assert read.texts("ascii") == [] and {p.image_bytes_wide for p in read.images()} == {72}
    assert result.json()["number"] == 3  # one number per receipt: the second and third are duplicates
    assert result.json()["kind"] == "duplicate"


def test_escpos_refuses_a4_and_mode_goes_with_escpos(cli: Any, tmp_path: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("1000")
    assert cli.run("status", invoice).code == 0
    out = tmp_path / "r.bin"
    refused = cli.run("receipt", invoice, "--format", "escpos", "--width", "a4", "--out", str(out))
    assert refused.code == 2
    assert "ESC/POS prints on a 58 or 80 mm roll, not A4: give --width 58 or --width 80" in refused.err
    assert "Traceback" not in refused.err and not out.exists()
    refused = cli.run("receipt", invoice, "--mode", "raster", "--out", str(tmp_path / "r.pdf"))
    assert refused.code == 2 and "--mode goes with --format escpos" in refused.err
    assert not (tmp_path / "r.pdf").exists()
    wrong = cli.run("receipt", invoice, "--format", "escpos", "--mode", "cp437", "--out", str(out))
    assert wrong.code == 2 and "--mode" in wrong.err

    pdf = cli.run("receipt", invoice, "--out", str(tmp_path / "sale.pdf"), "--json")
    assert pdf.code == 0, pdf.err
    assert pdf.json()["number"] == 1 and "format" not in pdf.json()  # nothing was used by the refusals
    assert (tmp_path / "sale.pdf").read_bytes().startswith(b"%PDF")
