"""``epay-desktop receipt`` follows the same rules as the GUI (issue 7, point 7): ``--lang`` picks the
receipt's language, sandbox receipts say NOT A REAL PAYMENT, a refund receipt names the refund, its
reason and the approving manager and thanks nobody, and the QR read back from the PDF finds the payment
with ``payments --search``."""

from __future__ import annotations

import io
from typing import Any

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader


def _text(path: Any) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def _qr(path: Any) -> list[str]:
    document = pdfium.PdfDocument(io.BytesIO(path.read_bytes()))
    try:
        image = document[0].render(scale=4).to_pil()
    finally:
        document.close()
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_lang_picks_the_language_and_the_sandbox_says_so(cli: Any, tmp_path: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("1500")
    assert cli.run("status", invoice).code == 0
    for lang, sale, banner, thanks in (
        ("en", "SALE", "SANDBOX — NOT A REAL PAYMENT", "Thank you for your purchase!"),
        ("kk", "САТУ", "SANDBOX (ТЕСТ) — НАҚТЫ ТӨЛЕМ ЕМЕС", "Сатып алғаныңызға рахмет!"),
        ("ru", "ПРОДАЖА", "SANDBOX (ТЕСТ) — НЕ НАСТОЯЩИЙ ПЛАТЁЖ", "Спасибо за покупку!"),
    ):
        out = tmp_path / f"sale-{lang}.pdf"
        result = cli.run("receipt", invoice, "--lang", lang, "--out", str(out), "--json")
        assert result.code == 0, result.err
        assert result.json()["language"] == lang
        text = _text(out)
        assert sale in text and banner in text and thanks in text

    [scanned] = _qr(tmp_path / "sale-en.pdf")
    found = cli.run("payments", "--search", scanned, "--json")
    assert found.code == 0, found.err
    assert [p["invoice_id"] for p in found.json()] == [invoice]

    wrong = cli.run("receipt", invoice, "--lang", "de", "--out", str(tmp_path / "x.pdf"))
    assert wrong.code == 2 and "--lang" in wrong.err and not (tmp_path / "x.pdf").exists()


def test_refund_receipt_names_refund_reason_and_manager(cli: Any, tmp_path: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("1000")
    assert cli.run("status", invoice).code == 0
    assert cli.run("refund", invoice, "--amount", "250", "--reason", "goods_returned").code == 0
    out = tmp_path / "refund.pdf"
    result = cli.run("receipt", invoice, "--kind", "refund", "--lang", "en", "--out", str(out))
    assert result.code == 0, result.err
    text = _text(out)
    assert "REFUND" in text and "Refund ID" in text
    assert "Reason for refund Goods returned" in text
    assert f"Approved by manager {cli.MANAGER}" in text
    assert "Thank you for your purchase!" not in text
    assert "REFUND TOTAL 250,00 ₸" in text
