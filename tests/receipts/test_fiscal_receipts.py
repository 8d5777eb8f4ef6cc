"""The customer's receipt is the fiscal one (issue 14 item 4, decision 0125): once the fiscal register has
registered the sale (or the refund's return), every paper (the roll PDFs, A4, ESC/POS in kz1048, hybrid
and raster) prints ФИСКАЛЬНЫЙ ЧЕК with the fiscal sign, time, shift and number, RNM, ZNM, the OFD and its
site, the VAT inside the total, the offline mark when registered offline, and ONE QR: the OFD's check
page; never "not a fiscal receipt". Until then the receipt says it is not fiscal, and that the fiscal one
is pending while the register has not answered. Goldens: ``fiscal-*`` in tests/receipts/goldens/."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC
from datetime import datetime

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import update

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.fiscal_journal import KeptReceipt
from epay_desktop.domain.fiscal_journal import ticket_fiscal_sign
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.domain.settings_catalog import FISCAL_VAT_RATE
from epay_desktop.fiscal.models import vat_included
from epay_desktop.receipts.cells import layout_cells
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.pdf import render_pdf
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.services.receipts import ReceiptService
from epay_desktop.store.db import Store
from epay_desktop.store.models import FiscalRecordRow
from tests.receipts.escpos_goldens import FISCAL_CASES
from tests.receipts.escpos_goldens import GOLDENS
from tests.receipts.escpos_goldens import SALE_SIGN
from tests.receipts.escpos_goldens import FiscalCase
from tests.receipts.escpos_goldens import fiscal_part
from tests.receipts.escpos_goldens import receipt
from tests.receipts.escpos_images import compare
from tests.receipts.escpos_images import golden_path
from tests.receipts.escpos_images import printout
from tests.support.fiscal_sandbox import registered
from tests.support.fiscal_sandbox import running_fiscal_sandbox
from tests.support.fiscal_sandbox import webkassa_connect
from tests.support.pdf import page_count
from tests.support.pdf import pdf_text
from tests.support.pdf import qr_codes

REGENERATE = "if meant, regenerate the fiscal-* goldens (tests/receipts/escpos_goldens.py, escpos_images.py)"
NOT_FISCAL = ("Не является фискальным чеком", "Фискалдық чек емес", "Not a fiscal receipt")


@pytest.mark.parametrize("case", FISCAL_CASES, ids=lambda c: c.name)
def test_the_fiscal_receipt_prints_its_golden_bytes_and_image(case: FiscalCase, tmp_path) -> None:
    job = case.render()
    assert job == (GOLDENS / f"{case.name}.bin").read_bytes(), f"{case.name}: {REGENERATE}"
    printed = printout(case)
    difference = compare(printed.image, Image.open(golden_path(case)))
    if not difference.ok:
        printed.image.save(tmp_path / f"{case.name}.png")
    assert difference.ok, f"{case.name}: {difference.dots} dots or size {difference.size}; {REGENERATE}"
    assert len(printed.cuts) == 1 and printed.lost_bytes == 0 and printed.skipped == 0


@pytest.mark.parametrize(
    "case", [c for c in FISCAL_CASES if c.width is ReceiptWidth.MM58], ids=lambda c: c.name
)
def test_the_printed_qr_is_the_ofds_check_page_and_the_only_code(case: FiscalCase) -> None:
    found = zxingcpp.read_barcodes(printout(case).image.convert("L"))
    assert [code.text for code in found] == [fiscal_part(case.kind).ticket_url]


@pytest.mark.parametrize("case", [c for c in FISCAL_CASES if c.mode is TextMode.KZ1048], ids=lambda c: c.name)
def test_kz1048_prints_the_fiscal_block_as_text_in_the_receipts_language(case: FiscalCase) -> None:
    text = printout(case).text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    part = fiscal_part(case.kind)
    if case.language is ReceiptLanguage.KK:  # the sale, registered offline
        words = ("ФИСКАЛДЫ ЧЕК", "АВТОНОМДЫ РЕЖИМ", "ФБ", "Ауысым", "КТН (МКК БКМ коды)", "КЗН", "ФДО")
        assert "оның ішінде ҚҚС 16% 1 724,21 тг" in lines
    else:  # the return names the sale's fiscal sign; registered online: no offline mark
        words = ("ФИСКАЛЬНЫЙ ЧЕК", "ФП", "Смена", "Код ККМ КГД (РНМ)", "ЗНМ", "ОФД", "ФП чека продажи")
        assert "АВТОНОМНЫЙ РЕЖИМ" not in text and SALE_SIGN in text
        assert "в т.ч. НДС 16% 344,83 тг" in lines  # 2 500,00 x 16 / 116
    for word in (
        *words,
        part.fiscal_sign,
        part.registration_number,
        part.cashbox_number,
        "ctest.wofd.kz/consumer",
    ):
        assert word in text, word
    assert not any(line in text for line in NOT_FISCAL) and "?" not in text


@pytest.mark.parametrize("width", list(ReceiptWidth), ids=lambda w: w.value)
def test_every_pdf_is_the_fiscal_receipt_with_the_ofd_qr_only(width: ReceiptWidth) -> None:
    data = replace(receipt(ReceiptKind.SALE, ReceiptLanguage.RU), fiscal=fiscal_part(ReceiptKind.SALE))
    pdf = render_pdf(data, width)
    text = pdf_text(pdf)
    for phrase in ("ФИСКАЛЬНЫЙ ЧЕК", "АВТОНОМНЫЙ РЕЖИМ", f"ФП {SALE_SIGN}", "Смена 12", "ЗНМ SWK00000001"):
        assert phrase in text, phrase
    assert "Код ККМ КГД (РНМ) 032600000001" in text and "ctest.wofd.kz/consumer" in text
    assert "в т.ч. НДС 16% 1 724,21 ₸" in text and "Номер заказа 000123456" in text  # found by its number
    assert "RRN 406112345678" in text and "A1B2C3" in text  # the card payment: a block of the same receipt
    assert not any(line in text for line in NOT_FISCAL)
    assert qr_codes(pdf) == [data.fiscal.ticket_url if data.fiscal else ""]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (ReceiptLanguage.KK, ("ФИСКАЛДЫ ЧЕК", "ФБ", "Уақыты", "КЗН", "ФДО", "Сату чегінің ФБ")),
        (ReceiptLanguage.RU, ("ФИСКАЛЬНЫЙ ЧЕК", "ФП", "Время", "ЗНМ", "ОФД", "ФП чека продажи")),
        (
            ReceiptLanguage.EN,
            ("FISCAL RECEIPT", "Fiscal sign", "Time", "Serial No. (ZNM)", "OFD", "Sale's fiscal sign"),
        ),
    ],
    ids=lambda v: v.value if isinstance(v, ReceiptLanguage) else "",
)
def test_the_fiscal_block_speaks_the_receipts_language(
    language: ReceiptLanguage, words: tuple[str, ...]
) -> None:
    data = replace(receipt(ReceiptKind.REFUND, language), fiscal=fiscal_part(ReceiptKind.REFUND))
    lines = [" ".join(line.split()) for line in layout_cells(data, 48, None).text_lines()]
    for word in words:
        assert any(line.startswith(word) for line in lines), word
    assert not any(line in " ".join(lines) for line in NOT_FISCAL)


@pytest.mark.parametrize("language", list(ReceiptLanguage), ids=lambda v: v.value)
def test_a_long_a4_fiscal_receipt_keeps_its_qr_on_the_first_page_drawn_smaller(
    language: ReceiptLanguage,
) -> None:
    """The return's A4 receipt runs past one page: its OFD QR stays on the first page, beside the fiscal
    block it belongs to, drawn smaller there (at least 30 mm) rather than alone on the next page."""
    data = replace(receipt(ReceiptKind.REFUND, language), fiscal=fiscal_part(ReceiptKind.REFUND))
    pdf = render_pdf(data, ReceiptWidth.A4)
    assert page_count(pdf) == 2 and qr_codes(pdf) == [fiscal_part(ReceiptKind.REFUND).ticket_url]


def test_the_search_reads_the_fiscal_sign_of_a_scanned_ofd_link_and_nothing_else() -> None:
    assert ticket_fiscal_sign(fiscal_part(ReceiptKind.SALE).ticket_url) == SALE_SIGN
    assert ticket_fiscal_sign(" https://consumer.oofd.kz?i=923860753030&f=211030200207&s=2055.00 ") == (
        "923860753030"
    )
    for text in (
        "000123456",
        "2026000003",
        "http://ctest.wofd.kz/consumer",
        "http://x.kz/?i=12a",
        "ftp://x?i=1",
    ):
        assert ticket_fiscal_sign(text) is None, text


def test_a_receipt_without_a_fiscal_part_is_unchanged() -> None:
    data = receipt(ReceiptKind.SALE, ReceiptLanguage.RU)
    text = pdf_text(render_pdf(data, ReceiptWidth.MM80))
    assert "Не является фискальным чеком" in text and "ФИСКАЛЬНЫЙ ЧЕК" not in text
    assert "Фискальный чек ещё не зарегистрирован" not in text
    assert data.qr_text == "000123456"


# -- the receipt service: the fiscal part from the fiscal journal --------------------------------------

INVOICE = "000777001"
REGISTERED_AT = datetime(2025, 3, 1, 9, 5, tzinfo=UTC)


def _kept(sign: str, order: int, total: str) -> KeptReceipt:
    return KeptReceipt(
        check_number=sign,
        registered_at="2025-03-01T14:05:00+05:00",
        registration_number="032600000001",
        cashbox_number="SWK00000001",
        shift_number=4,
        order_number=order,
        ofd_name='ТОО "Smartcontract" (WOFD)',
        ticket_url=f"http://ctest.wofd.kz/consumer?i={sign}&f=032600000001&s={total}&t=20250301T140500",
        offline=False,
    )


def _journal(
    store: Store,
    payment_id: int,
    kind: FiscalKind,
    minor: int,
    kept: KeptReceipt | None,
    op: str | None = None,
) -> None:
    """A fiscal record as the fiscal service leaves it: registered with ``kept``, or still an intent."""
    number = f"epd-{kind.value}-{op or payment_id}"
    with store.write() as tx:
        tx.fiscal.add_intent(
            payment_id=payment_id,
            money_op_id=op,
            kind=kind,
            external_number=number,
            amount_minor=minor,
            now=REGISTERED_AT,
        )
        if kept is not None:
            tx.fiscal.record(number, FiscalState.REGISTERED, now=REGISTERED_AT, receipt=kept)


def _preview(store, clock, actor, kind: str, **kwargs) -> str:
    service = ReceiptService(store, clock, "KASSA-1")
    request = ReceiptRequest.of(InvoiceId(INVOICE), kind, width="80", language="ru", **kwargs)
    return asyncio.run(service.preview_receipt(actor, request)).pdf


def test_the_sale_receipt_is_fiscal_once_registered_and_pending_before(store, staff, rows, clock) -> None:
    cashier, _ = staff
    pay = rows.payment(INVOICE, created_by=cashier.id, amount_minor=1_500_00)
    before = pdf_text(_preview(store, clock, cashier, "sale"))
    assert "Не является фискальным чеком" in before and "не зарегистрирован" not in before  # no provider

    _journal(store, pay, FiscalKind.SALE, 1_500_00, None)  # asked, not answered yet
    pending = _preview(store, clock, cashier, "sale")
    assert "Не является фискальным чеком" in pdf_text(pending)
    assert "Фискальный чек ещё не зарегистрирован" in pdf_text(pending) and qr_codes(pending) == [INVOICE]

    with store.write() as tx:
        tx.fiscal.record(
            f"epd-sale-{pay}",
            FiscalState.REGISTERED,
            now=REGISTERED_AT,
            receipt=_kept("2026000011", 2, "1500.00"),
        )
    pdf = _preview(store, clock, cashier, "sale")
    text = pdf_text(pdf)
    assert "ФИСКАЛЬНЫЙ ЧЕК" in text and "ФП 2026000011" in text and "Время 01.03.2025 14:05:00" in text
    assert "Смена 4" in text and "Порядковый номер чека 2" in text
    vat = vat_included(Money(1_500_00), 16).format().replace("\u00a0", " ").replace("\u202f", " ")
    assert f"в т.ч. НДС 16% {vat}" in text and vat == "206,90 ₸"
    assert "Не является фискальным чеком" not in text and "не зарегистрирован" not in text
    assert qr_codes(pdf) == [_kept("2026000011", 2, "1500.00").ticket_url]


def test_the_refund_receipt_is_its_returns_fiscal_receipt_naming_the_sale(store, staff, rows, clock) -> None:
    cashier, manager = staff
    with store.write() as tx:  # a shop that pays no VAT: no VAT line
        tx.settings.set("fiscal.vat_payer", "no")
    pay = rows.payment(INVOICE, created_by=cashier.id, amount_minor=1_500_00)
    refund = rows.op(pay, manager.id, 40_000, reason="goods_returned")
    _journal(store, pay, FiscalKind.SALE, 1_500_00, _kept("2026000011", 2, "1500.00"))
    _journal(store, pay, FiscalKind.RETURN, 40_000, _kept("2026000012", 3, "400.00"), op=refund)

    pdf = _preview(store, clock, manager, "refund", money_op_id=refund)
    text = pdf_text(pdf)
    assert "ВОЗВРАТ" in text and "ФП 2026000012" in text and "ФП чека продажи 2026000011" in text
    assert "НДС" not in text and "Не является фискальным чеком" not in text
    assert qr_codes(pdf) == [_kept("2026000012", 3, "400.00").ticket_url]
    # the sale's own receipt stays the sale's fiscal receipt
    assert "ФП 2026000011" in pdf_text(_preview(store, clock, cashier, "sale"))


def test_a_registration_under_way_is_waited_for_and_a_refusal_is_not_asked_again(
    store, staff, rows, clock
) -> None:
    """Printed while the register has not answered yet (the intent written, the answer not heard), the
    receipt waits for the register's answer and is the fiscal one; a receipt the register refused for a
    person's reason is not asked again by printing: it says the fiscal receipt is pending."""
    cashier, _ = staff
    pay = rows.payment(INVOICE, created_by=cashier.id, amount_minor=1_500_00)
    other = rows.payment("000777002", created_by=cashier.id, amount_minor=2_000_00)
    _journal(store, pay, FiscalKind.SALE, 1_500_00, None)  # asked, the answer lost
    _journal(store, other, FiscalKind.SALE, 2_000_00, None)
    with store.write() as tx:
        tx.fiscal.record(
            f"epd-sale-{other}", FiscalState.NEEDS_PERSON, now=REGISTERED_AT, error="FiscalShiftExpired"
        )

    async def print_both(url: str) -> tuple[bytes, bytes]:
        fiscal = FiscalService(store, webkassa_connect(url), clock)
        service = ReceiptService(store, clock, "KASSA-1", fiscal=fiscal, fiscal_wait=30)
        try:
            first = await service.preview_receipt(cashier, ReceiptRequest.of(InvoiceId(INVOICE), "sale"))
            refused = ReceiptRequest.of(InvoiceId("000777002"), "sale", language="ru")
            _record, second = await service.issue_receipt(cashier, refused)
            return first.pdf, second
        finally:
            await fiscal.aclose()

    with running_fiscal_sandbox() as (running, _client):
        first, second = asyncio.run(print_both(running.base_url))
        [held] = registered(running)
    assert held.external == f"epd-sale-{pay}"  # the refused one was not asked again
    text = pdf_text(first)
    assert f"ФП {held.fiscal_sign}" in text and "Не является фискальным чеком" not in text
    assert qr_codes(first)[0].startswith(f"http://ctest.wofd.kz/consumer?i={held.fiscal_sign}&")
    assert "Фискальный чек ещё не зарегистрирован" in pdf_text(second)


def test_a_reprint_shows_the_vat_rate_the_receipt_was_registered_with(store, staff, rows, clock) -> None:
    """Decision 0130: the shop's VAT rate changed after the registration; the reprint shows the rate the
    register registered. A record from before the rate was kept (migration 0013) shows today's rate."""
    cashier, _ = staff
    pay = rows.payment(INVOICE, created_by=cashier.id, amount_minor=1_500_00)
    _journal(store, pay, FiscalKind.SALE, 1_500_00, None)
    number = f"epd-sale-{pay}"
    with store.write() as tx:  # as the fiscal service leaves it: asked at the register with 16 %
        tx.fiscal.bind(number, "webkassa:SWK00000001", 16)
        tx.fiscal.record(
            number, FiscalState.REGISTERED, now=REGISTERED_AT, receipt=_kept("2026000012", 3, "1500")
        )
        tx.settings.set(FISCAL_VAT_RATE.name, "12")  # the shop's rate changed afterwards

    assert "в т.ч. НДС 16% 206,90 ₸" in pdf_text(_preview(store, clock, cashier, "sale"))
    with store.write() as tx:  # the same record as one registered before migration 0013 reads
        tx.session.execute(update(FiscalRecordRow).values(asked_at_register=None, vat_percent=None))
    assert "в т.ч. НДС 12% 160,71 ₸" in pdf_text(_preview(store, clock, cashier, "sale"))
