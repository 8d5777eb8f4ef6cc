"""Receipt PDFs: every field in every language and width, money style, card masking, QR, time zone."""

from __future__ import annotations

import io
import re
from datetime import UTC
from datetime import datetime

import pypdf
import pytest
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.pdfmetrics import stringWidth

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts import read_payment_qr
from epay_desktop.receipts import render_pdf
from epay_desktop.receipts.fonts import BOLD
from epay_desktop.receipts.fonts import REGULAR
from epay_desktop.receipts.fonts import register_fonts
from epay_desktop.receipts.layout import Banner
from epay_desktop.receipts.layout import Pair
from epay_desktop.receipts.layout import Qr
from epay_desktop.receipts.layout import Text
from epay_desktop.receipts.layout import build_blocks
from epay_desktop.receipts.pdf import GEOMETRIES
from epay_desktop.receipts.primitives import wrap
from epay_desktop.receipts.texts import LABELS
from epay_desktop.receipts.texts import STATUS_LABELS

LANGS = list(ReceiptLanguage)
WIDTHS = list(ReceiptWidth)

EXPECTED = {
    ReceiptLanguage.KK: [
        "САТУ",
        "БСН 131240010479",
        "Чек №",
        "Кассашы",
        "Тапсырыс нөмірі",
        "БАРЛЫҒЫ",
        "Төленді",
    ],
    ReceiptLanguage.RU: [
        "ПРОДАЖА",
        "БИН 131240010479",
        "Чек №",
        "Кассир",
        "Номер заказа",
        "ИТОГО",
        "Оплачено",
    ],
    ReceiptLanguage.EN: [
        "SALE",
        "BIN 131240010479",
        "Receipt No.",
        "Cashier",
        "Invoice No.",
        "TOTAL",
        "Paid",
    ],
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGS)
def test_sale_receipt_shows_every_field(pdf, language, width):
    out = render_pdf(pdf.sample(language=language), width)
    text = pdf.text(out)
    assert pdf.pages(out) == 1
    for expected in EXPECTED[language]:
        assert expected in text, expected
    for value in (
        "ТОО «Алма Маркет»",
        "KASSA-1",
        "000042",
        "Айгерім Сәтбаева",
        "000123456",
        "VISA",
        "A1B2C3",
    ):
        assert value in text
    assert "406112345678" in text  # RRN
    assert "1 500,00 ₸" in text
    assert "•••• 5096" in text


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGS)
def test_refund_receipt_shows_all_amount_lines(pdf, language, width):
    data = pdf.sample(
        kind=ReceiptKind.REFUND,
        language=language,
        paid=Money(1_234_567_89),
        refunded=Money(200_000_00),
        this_refund=Money(150_000_00),
        remaining=Money(1_034_567_89),
    )
    text = pdf.text(render_pdf(data, width))
    assert LABELS["refund"][language] in text
    for key in ("paid", "refunded", "this_refund", "remaining", "refund_total"):
        assert LABELS[key][language] in text, key
    for amount in ("1 234 567,89 ₸", "200 000,00 ₸", "150 000,00 ₸", "1 034 567,89 ₸"):
        assert amount in text
    assert STATUS_LABELS["PARTIAL_REFUND"][language] in text


@pytest.mark.parametrize("width", WIDTHS)
def test_never_a_full_card_number(pdf, width):
    for mask in ("440563...5096", "4405639704015096", "4405-6397-0401-5096"):
        text = pdf.text(render_pdf(pdf.sample(card_mask=mask), width))
        assert "•••• 5096" in text
        assert "440563" not in text
        assert "4405639704015096" not in re.sub(r"\D", "", text)


def test_card_line_is_left_out_without_a_mask(pdf):
    text = pdf.text(render_pdf(pdf.sample(card_mask=None), "80"))
    assert "••••" not in text
    assert "Карта " not in text and "\nКарта\n" not in text


@pytest.mark.parametrize("width", WIDTHS)
def test_qr_code_decodes_to_the_payment(pdf, width):
    out = render_pdf(pdf.sample(), width)
    [payload] = pdf.qr(out)
    invoice, txn = read_payment_qr(payload)
    assert payload == invoice.value == "000123456"  # what the console's search box finds
    assert txn is None


@pytest.mark.parametrize("language", LANGS)
def test_duplicate_is_marked_with_the_original_number(pdf, language):
    data = pdf.sample(kind=ReceiptKind.DUPLICATE, number=57, original_number=42, language=language)
    text = pdf.text(render_pdf(data, "58"))
    assert LABELS["duplicate"][language] in text
    assert LABELS["copy_of"][language].format(number="000042") in text
    assert "000057" in text
    banner = next(b for b in build_blocks(data) if isinstance(b, Banner))
    assert banner.text == LABELS["duplicate"][language]
    original = pdf.text(render_pdf(pdf.sample(language=language), "58"))
    assert LABELS["duplicate"][language] not in original


def test_duplicate_of_a_refund_keeps_the_refund_title(pdf):
    data = pdf.sample(
        kind=ReceiptKind.DUPLICATE,
        original_number=3,
        original_kind=ReceiptKind.REFUND,
        refunded=Money(500_00),
        this_refund=Money(500_00),
        remaining=Money(1000_00),
    )
    text = pdf.text(render_pdf(data, "80"))
    assert "ДУБЛИКАТ" in text and "ВОЗВРАТ" in text and "ПРОДАЖА" not in text


def test_duplicate_needs_the_original_number(pdf):
    with pytest.raises(ValueError, match="original"):
        pdf.sample(kind=ReceiptKind.DUPLICATE)


def test_time_is_printed_in_kazakhstan_time(pdf):
    """19:30 UTC is 00:30 the next day in Almaty (UTC+5 since March 2024)."""
    text = pdf.text(render_pdf(pdf.sample(when=datetime(2025, 3, 1, 19, 30, tzinfo=UTC)), "80"))
    assert "02.03.2025 00:30:00" in text
    assert "01.03.2025" not in text


def test_naive_time_is_refused(pdf):
    with pytest.raises(ValueError, match="timezone"):
        pdf.sample(when=datetime(2025, 3, 1, 19, 30))  # naive on purpose


@pytest.mark.parametrize("width", WIDTHS)
def test_output_is_deterministic(pdf, width):
    data = pdf.sample(language=ReceiptLanguage.KK)
    assert render_pdf(data, width) == render_pdf(data, width)


def _page_size(out: bytes) -> tuple[float, float]:
    box = pypdf.PdfReader(io.BytesIO(out)).pages[0].mediabox
    return float(box.width), float(box.height)


def test_roll_height_follows_the_content_and_a4_stays_a4(pdf):
    long_address = "Очень длинный адрес магазина, " * 6
    _, short = _page_size(render_pdf(pdf.sample(), "80"))
    width, longer = _page_size(render_pdf(pdf.sample(shop_address=long_address), "80"))
    assert longer > short
    assert width == pytest.approx(80 / 25.4 * 72)
    assert _page_size(render_pdf(pdf.sample(), "58"))[0] == pytest.approx(58 / 25.4 * 72)
    assert tuple(map(round, _page_size(render_pdf(pdf.sample(shop_address=long_address), "a4")))) == (
        595,
        842,
    )


def test_long_words_wrap_inside_a_58mm_roll(pdf):
    name = "Индивидуальныйпредпринимательсоченьдлиннымназванием"
    lines = [line.strip() for line in pdf.text(render_pdf(pdf.sample(shop_name=name), "58")).splitlines()]
    assert name not in lines  # too wide for one line: it was broken
    assert name in "".join(lines)  # and nothing was lost
    register_fonts()
    width = GEOMETRIES[ReceiptWidth.MM58].content_width
    pieces = wrap(name + " и ещё слова", BOLD, 9.2, width)
    assert len(pieces) > 1
    assert all(stringWidth(piece, BOLD, 9.2) <= width for piece in pieces)
    assert " ".join(pieces).replace(" ", "") == (name + " и ещё слова").replace(" ", "")


def test_unknown_width_is_refused(pdf):
    with pytest.raises(ValueError):
        render_pdf(pdf.sample(), "100")


def test_every_label_has_a_glyph_in_the_receipt_fonts():
    """No blank boxes on paper: DejaVu covers every character of every label, ₸ and the mask dots."""
    register_fonts()
    texts = [t for table in (LABELS, STATUS_LABELS) for by_lang in table.values() for t in by_lang.values()]
    texts += ["₸ •••• \u202f\u00a0", "ӘҒҚҢӨҰҮҺІ әғқңөұүһі"]
    for font_name in (REGULAR, BOLD):
        cmap = getFont(font_name).face.charToGlyph
        missing = {ch for text in texts for ch in text if ord(ch) not in cmap}
        assert missing == set(), font_name


def test_every_label_is_translated_and_kazakh_uses_kazakh_letters():
    for key, by_lang in [*LABELS.items(), *STATUS_LABELS.items()]:
        assert set(by_lang) == set(ReceiptLanguage), key
        assert all(text.strip() for text in by_lang.values()), key
    kazakh = "".join(by_lang[ReceiptLanguage.KK] for by_lang in LABELS.values())
    assert set("әғқңөұүі") <= set(kazakh.lower())


def test_status_words(pdf):
    blocks = build_blocks(pdf.sample(status=ConsoleStatus.AUTH, language=ReceiptLanguage.EN))
    status = next(b for b in blocks if isinstance(b, Pair) and b.label == "Status")
    assert status.value == "Approved, amount on hold"
    assert any(isinstance(b, Qr) for b in blocks)
    assert isinstance(blocks[0], Text) and blocks[0].bold
