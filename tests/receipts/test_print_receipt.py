"""Printing a receipt through the printing service on the fake network printer (decision 0105):
a printer that runs out of paper mid-receipt loses nothing. The receipt stays issued in the store,
the outcome says plainly what happened, and after a new roll the reprint is a duplicate printed whole."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy import select

from epay_desktop.domain import InvoiceId
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts.printers import Outcome
from epay_desktop.receipts.printers import PaperState
from epay_desktop.receipts.printers import PrinterError
from epay_desktop.receipts.printers import make_profile
from epay_desktop.services.printing import sample_page
from epay_desktop.services.receipts import ReceiptService
from epay_desktop.store.models import AuditRow

INVOICE = InvoiceId("000123456")


@pytest.fixture
def shop(store, clock, staff, rows, fake, printing_with):
    """The shop with its 58 mm KZ-1048 printer "front" (this register's default) and a paid sale."""
    cashier, _manager = staff
    rows.payment(INVOICE.value, created_by=cashier.id)
    printing = printing_with(make_profile("front", f"network:{fake.host}:{fake.port}", "58", "kz1048"))
    return printing, ReceiptService(store, clock, printing.register_id), cashier


def _printed_audit(store) -> list[dict[str, object]]:
    with store.read() as tx:
        rows = tx.session.scalars(select(AuditRow).where(AuditRow.action == "receipt.printed"))
        return [json.loads(row.details) for row in rows]


def test_out_of_paper_mid_receipt_loses_nothing_and_the_reprint_is_a_whole_duplicate(store, shop, fake):
    printing, receipts, cashier = shop
    fake.set_trouble(paper_out_after_bytes=400)

    first = asyncio.run(printing.print_receipt(cashier, ReceiptRequest.of(INVOICE, "sale", language="kk")))

    assert first.outcome.outcome is Outcome.FAILED
    assert first.outcome.sent == first.outcome.total  # all sent; the paper ended under it
    assert first.outcome.after is not None and first.outcome.after.paper is PaperState.OUT
    assert first.outcome.summary() == (
        "The printer is out of paper: load a new roll. The receipt may be incomplete; it is kept: "
        "print it again (a duplicate) when the printer is ready."
    )
    [cut_short] = fake.wait_for_jobs(1)
    assert cut_short.printout is not None and cut_short.printout.lost_bytes > 0
    assert not cut_short.printout.cuts  # the paper ended before the cut
    # the receipt is issued and kept: in the store, with its number
    [kept] = asyncio.run(receipts.receipts_for(INVOICE))
    assert (kept.number, kept.kind, kept.width) == (first.record.number, ReceiptKind.SALE, ReceiptWidth.MM58)
    assert asyncio.run(printing.status()).paper is PaperState.OUT

    fake.load_paper()
    again = asyncio.run(printing.print_receipt(cashier, ReceiptRequest.of(INVOICE, "sale", language="kk")))

    assert again.outcome.outcome is Outcome.PRINTED and again.outcome.said == ()
    assert again.record.kind is ReceiptKind.DUPLICATE and again.record.number == first.record.number + 1
    whole = fake.wait_for_jobs(3)[2].printout
    assert whole is not None and whole.lost_bytes == 0 and len(whole.cuts) == 1
    text = whole.text
    assert "ТЕЛНҰСҚА" in text and "БАРЛЫҒЫ" in text  # Kazakh letters decoded right from KZ-1048
    assert len(asyncio.run(receipts.receipts_for(INVOICE))) == 2
    assert [(entry["outcome"], entry["number"]) for entry in _printed_audit(store)] == [
        ("failed", first.record.number),
        ("printed", again.record.number),
    ]


def test_a_printer_out_of_paper_before_the_job_prints_nothing_and_keeps_the_receipt(shop, fake):
    printing, receipts, cashier = shop
    fake.set_trouble(paper_out=True)
    printed = asyncio.run(printing.print_receipt(cashier, ReceiptRequest.of(INVOICE, "sale")))
    assert (printed.outcome.outcome, printed.outcome.sent) == (Outcome.FAILED, 0)
    assert (
        printed.outcome.said[-1].text()
        == "Nothing was printed; the receipt is kept: print it again when ready."
    )
    assert [r.number for r in asyncio.run(receipts.receipts_for(INVOICE))] == [printed.record.number]
    fake.wait_for_jobs(1)


def test_an_unknown_printer_is_refused_before_a_receipt_is_issued(shop):
    printing, receipts, cashier = shop
    with pytest.raises(PrinterError, match="There is no printer 'back'"):
        asyncio.run(printing.print_receipt(cashier, ReceiptRequest.of(INVOICE, "sale"), printer="back"))
    assert asyncio.run(receipts.receipts_for(INVOICE)) == []


def test_the_test_page_prints_the_kazakh_line_and_a_ruler(shop, fake):
    printing, _receipts, _cashier = shop
    outcome = asyncio.run(printing.test_print())
    assert outcome.outcome is Outcome.PRINTED
    [job] = fake.wait_for_jobs(1)
    assert job.printout is not None
    assert job.printout.lines[:3] == [
        "front".center(32).rstrip(),
        "Ққ Әә Іі Ңң Ғғ Үү Ұұ Өө Һһ Ёё №",
        "12345678901234567890123456789012",
    ]
    assert sample_page(asyncio.run(printing.printer("front"))).endswith(b"\x1dV\x01")
