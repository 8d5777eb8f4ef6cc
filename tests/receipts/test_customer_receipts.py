"""Receipts a customer can use (issue 7, point 7), through the real ReceiptService on a real store:

* a refund receipt names the refund, its reason and the approving manager, and never thanks the
  customer "for the purchase";
* receipts of the sandbox or the bank's test hosts say "not a real payment" in large letters, in
  kk/ru/en; production receipts do not;
* the QR code, read back from the rendered PDF (pypdfium2 + zxing-cpp), finds the payment through
  the console's own search (PaymentQueries.list_payments, what the search box calls);
* a preview records nothing: no number, no receipt row, no audit entry (decision 0022).
"""

from __future__ import annotations

import asyncio
import json

import pypdfium2 as pdfium
import pytest
from sqlalchemy import func
from sqlalchemy import select

from epay_desktop.domain import InvoiceId
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.receipts import read_payment_qr
from epay_desktop.receipts.texts import LABELS
from epay_desktop.receipts.texts import REASON_LABELS
from epay_desktop.services.payments.queries import PaymentFilter
from epay_desktop.services.payments.queries import PaymentQueries
from epay_desktop.services.receipts import ReceiptService
from epay_desktop.store.models import AuditRow
from epay_desktop.store.models import ReceiptRow

INVOICE = "000123456"
LANGS = list(ReceiptLanguage)
THANKS = [LABELS["thanks"][lang] for lang in LANGS]
NOT_REAL = {  # the words that must stand out, per language
    ReceiptLanguage.KK: "НАҚТЫ ТӨЛЕМ ЕМЕС",
    ReceiptLanguage.RU: "НЕ НАСТОЯЩИЙ ПЛАТЁЖ",
    ReceiptLanguage.EN: "NOT A REAL PAYMENT",
}


@pytest.fixture
def env(staff, rows):
    cashier, manager = staff
    pay = rows.payment(INVOICE, created_by=cashier.id)
    return cashier, manager, pay


def service_for(store, clock, environment: str = "prod") -> ReceiptService:
    return ReceiptService(store, clock, "KASSA-1", environment=environment)


def asked(kind: str, *, width: str | None = None, language: str | None = None) -> ReceiptRequest:
    """The receipt of the test's payment, in the words the CLI and the dialog give."""
    return ReceiptRequest.of(InvoiceId(INVOICE), kind, width, language)


def run(coro):
    return asyncio.run(coro)


def flat(pdf_tools, out: bytes) -> str:
    return " ".join(pdf_tools.text(out).split())


def glyph_height(pdf: bytes, words: str) -> float:
    """Height (points) of the first letter of ``words`` as drawn in the PDF (pdfium's char box)."""
    document = pdfium.PdfDocument(pdf)
    try:
        textpage = document[0].get_textpage()
        index = textpage.get_text_range().index(words.split()[0])  # indices count pdfium's line breaks
        _left, bottom, _right, top = textpage.get_charbox(index)
        return top - bottom
    finally:
        document.close()


# -- refund receipts --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGS)
def test_refund_receipt_names_refund_reason_and_approving_manager_without_thanks(
    env, store, rows, clock, pdf, language
):
    cashier, manager, pay = env
    op = rows.op(pay, cashier.id, 300_00, reason="goods_returned", approved_by=manager.id)
    service = service_for(store, clock)
    record, out = run(service.issue_receipt(cashier, asked("refund", language=language)))
    assert record.kind is ReceiptKind.REFUND and record.money_op_id == op
    text = flat(pdf, out)
    assert LABELS["refund"][language] in text  # the title: REFUND / ВОЗВРАТ / ҚАЙТАРУ
    assert f"{LABELS['refund_id'][language]} {op}" in text
    assert f"{LABELS['refund_reason'][language]} {REASON_LABELS['goods_returned'][language]}" in text
    assert f"{LABELS['approved_by'][language]} {manager.name}" in text
    assert LABELS["refund_note"][language].split(".")[0] in text
    for thanks in THANKS:
        assert thanks not in text
    assert "300,00 ₸" in text


def test_a_managers_own_refund_names_them_and_a_typed_reason_is_kept(env, store, rows, clock, pdf):
    _cashier, manager, pay = env
    rows.op(pay, manager.id, 200_00, reason="other: коробка порвана")  # no approval needed
    service = service_for(store, clock)
    _, out = run(service.issue_receipt(manager, asked("refund", language="ru")))
    text = flat(pdf, out)
    assert "Причина возврата Другое: коробка порвана" in text
    assert f"Одобрил менеджер {manager.name}" in text
    assert "Спасибо за покупку" not in text


def test_a_refund_duplicate_is_still_a_refund_receipt_without_thanks(env, store, rows, clock, pdf):
    cashier, manager, pay = env
    rows.op(pay, cashier.id, 300_00, reason="wrong_amount", approved_by=manager.id)
    service = service_for(store, clock)
    run(service.issue_receipt(cashier, asked("refund", language="en")))
    again, out = run(service.issue_receipt(cashier, asked("refund", language="en")))
    text = flat(pdf, out)
    assert again.kind is ReceiptKind.DUPLICATE
    assert "DUPLICATE" in text and "Reason for refund Wrong amount" in text
    assert "Thank you for your purchase!" not in text


def test_the_sale_receipt_still_thanks_the_customer(env, store, clock, pdf):
    cashier, _, _ = env
    _, out = run(service_for(store, clock).issue_receipt(cashier, asked("sale", language="en")))
    text = flat(pdf, out)
    assert "Thank you for your purchase!" in text
    assert "Reason for refund" not in text and "Approved by manager" not in text


# -- sandbox and test hosts -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize(
    ("environment", "banner"),
    [("sandbox", "sandbox_banner"), ("test", "test_banner"), ("test-homebank", "test_banner")],
)
def test_test_environment_receipts_say_not_real_in_large_letters(
    env, store, rows, clock, pdf, language, environment, banner
):
    cashier, manager, pay = env
    rows.op(pay, cashier.id, 100_00, reason="customer_request", approved_by=manager.id)
    service = service_for(store, clock, environment)
    for kind in ("sale", "refund"):
        _, out = run(service.issue_receipt(cashier, asked(kind, language=language)))
        text = flat(pdf, out)
        assert " ".join(LABELS[banner][language].split()) in text
        assert NOT_REAL[language] in text
        # large: the banner's letters are taller than the body text's (the cashier's name)
        assert glyph_height(out, LABELS[banner][language]) > 1.3 * glyph_height(out, cashier.name)


@pytest.mark.parametrize("language", LANGS)
def test_production_receipts_have_no_test_banner(env, store, clock, pdf, language):
    cashier, _, _ = env
    _, out = run(service_for(store, clock, "prod").issue_receipt(cashier, asked("sale", language=language)))
    text = flat(pdf, out)
    for words in NOT_REAL.values():
        assert words not in text
    assert "SANDBOX" not in text


# -- the QR code finds the payment with the console's own search -------------------------------------


@pytest.mark.parametrize(("kind", "width"), [("sale", "80"), ("refund", "58"), ("sale", "a4")])
def test_qr_read_from_the_pdf_finds_the_payment_through_the_search(env, store, rows, clock, pdf, kind, width):
    cashier, manager, pay = env
    for n in range(5):  # other payments the search must not confuse it with
        rows.payment(f"00012{n}999", created_by=cashier.id)
    rows.op(pay, manager.id, 100_00, reason="customer_request")
    _, out = run(service_for(store, clock).issue_receipt(cashier, asked(kind, width=width)))
    [scanned] = pdf.qr(out)  # rasterised with pypdfium2, decoded with zxing-cpp
    page = run(PaymentQueries(store).list_payments(PaymentFilter(search=scanned)))
    assert [p.invoice_id.value for p in page.payments] == [INVOICE]
    assert read_payment_qr(scanned) == (InvoiceId(INVOICE), None)


# -- previews record nothing -------------------------------------------------------------------------


def _counts(store) -> tuple[int, int]:
    with store.read() as tx:
        receipts = tx.session.scalar(select(func.count()).select_from(ReceiptRow))
        audits = tx.session.scalar(
            select(func.count()).select_from(AuditRow).where(AuditRow.action == "receipt.issued")
        )
    return receipts, audits


def test_a_preview_issues_nothing_and_shows_what_printing_would_issue(env, store, clock, pdf):
    cashier, _, _ = env
    service = service_for(store, clock)
    draft = run(service.preview_receipt(cashier, asked("sale", language="en")))
    assert (draft.kind, draft.language, draft.amount.minor, draft.invoice_id) == (
        ReceiptKind.SALE,
        ReceiptLanguage.EN,
        1500_00,
        InvoiceId(INVOICE),
    )
    assert "Receipt No. on printing" in flat(pdf, draft.pdf)
    for _ in range(3):
        run(service.preview_receipt(cashier, asked("sale")))
    assert _counts(store) == (0, 0)

    first, _ = run(service.issue_receipt(cashier, asked("sale")))
    assert (first.number, first.kind) == (1, ReceiptKind.SALE)  # the previews took no number

    again = run(service.preview_receipt(cashier, asked("sale", language="ru")))
    assert again.kind is ReceiptKind.DUPLICATE and again.original_number == 1
    assert "ДУБЛИКАТ" in flat(pdf, again.pdf) and "Копия чека № 000001" in flat(pdf, again.pdf)
    assert _counts(store) == (1, 1)
    second, _ = run(service.issue_receipt(cashier, asked("sale")))
    assert (second.number, second.kind) == (2, ReceiptKind.DUPLICATE)  # gap-free per register


def test_preview_language_defaults_to_the_shop_setting_and_issue_records_the_chosen_one(env, store, clock):
    cashier, _, _ = env
    with store.write() as tx:
        tx.settings.set("receipt.language", "kk")
    service = service_for(store, clock)
    assert run(service.preview_receipt(cashier, asked("sale"))).language is ReceiptLanguage.KK
    record, _ = run(service.issue_receipt(cashier, asked("sale", language="en")))
    assert record.language is ReceiptLanguage.EN
    with store.read() as tx:
        entry = tx.session.scalars(select(AuditRow).where(AuditRow.action == "receipt.issued")).one()
    assert json.loads(entry.details)["language"] == "en"
