"""benchmarks/bench_receipt.py (P4) in its smoke run prints one figure per receipt language, each with its
floor and the floor's text-only page (not timed: the figures are the benchmark's to judge)."""

from __future__ import annotations

import pytest

from tests.support.pdf import pdf_text
from tests.support.pdf import qr_codes

FIELDS = {"id", "name", "unit", "runs", "value", "floor", "ratio", "goal", "ok"}
STATS = {"min", "median", "p95", "max"}


@pytest.mark.timeout(300)
def test_the_receipt_benchmark_prints_a_figure_per_language_with_its_floor(smoke_figures) -> None:
    records = smoke_figures("benchmarks.bench_receipt")
    assert [r["name"] for r in records] == ["receipt_pdf_kk", "receipt_pdf_ru", "receipt_pdf_en"]
    for record in records:
        assert set(record) >= FIELDS | {"text_only_floor", "note", "width", "language"}
        assert (record["id"], record["unit"], record["runs"], record["width"]) == ("P4", "ms", 3, "80")
        assert record["goal"] == {"ratio": 1.5, "limit": 15, "stat": "median"}
        assert "ESC/POS" in record["note"]
        for key in ("value", "floor", "text_only_floor"):
            assert set(record[key]) == STATS
            assert 0 < record[key]["min"] <= record[key]["median"] <= record[key]["max"]
        assert record["ratio"] > 0 and isinstance(record["ok"], bool)


def test_the_floor_draws_the_same_text_and_a_qr_code_that_scans() -> None:
    """The floor is fair: the receipt's own strings in its fonts, the same QR content."""
    from benchmarks.bench_receipt import NOW
    from benchmarks.bench_receipt import Receipt
    from benchmarks.bench_receipt import plain_page
    from epay_desktop.domain import ConsoleStatus
    from epay_desktop.domain import InvoiceId
    from epay_desktop.domain import Money
    from epay_desktop.domain.receipts import ReceiptKind
    from epay_desktop.domain.receipts import ReceiptLanguage
    from epay_desktop.domain.receipts import ReceiptWidth
    from epay_desktop.receipts import ReceiptData
    from epay_desktop.receipts import render_pdf
    from epay_desktop.receipts.fonts import register_fonts

    data = ReceiptData(
        shop_name="ТОО «Алма Маркет»", shop_bin="131240010479", shop_address="г. Алматы, пр. Абая, 150",
        register_id="KASSA-1", number=42, kind=ReceiptKind.SALE, cashier="Айгерім Сәтбаева", when=NOW,
        invoice_id=InvoiceId("000123456"), paid=Money(150000), status=ConsoleStatus.CHARGE,
        language=ReceiptLanguage.KK, card_mask="440563...5096", card_type="VISA", approval_code="A1B2C3",
        rrn="406112345678", transaction_id="b1e7c2a0-0f4a-4c53-9d3e-6f1f0c2a9e11",
    )  # fmt: skip
    receipt = Receipt(data, ReceiptWidth.MM80)
    floor = plain_page(receipt, register_fonts())()
    ours = render_pdf(data, receipt.width)
    words = set(pdf_text(ours).split())
    assert words and words == set(pdf_text(floor).split())  # the same strings (ours wraps none here)
    assert qr_codes(floor) == qr_codes(ours) == ["000123456"]
    text_only = plain_page(receipt, register_fonts(), qr=False)()
    assert qr_codes(text_only) == [] and set(pdf_text(text_only).split()) == words
