"""The bank's totals beside the console's, and the differences found earlier in the shift, in every
renderer of a shift report (decision 0118): the thermal layout in kk/ru/en (every line within the
columns, kz1048 text that decodes back), the A4 PDF (a report long enough for a second page keeps its
words), the CSV (stable codes and the moment found), and a report kept before these existed (none
of it drawn, the rest unchanged)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC
from datetime import datetime

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.domain.shifts import BankDifference
from epay_desktop.domain.shifts import BankFigures
from epay_desktop.domain.shifts import FoundEarlier
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.escpos_profile import render_profile
from epay_desktop.receipts.shift_layout import render_shift_escpos
from epay_desktop.receipts.shift_layout import shift_cells
from epay_desktop.receipts.shift_pdf import render_shift_pdf
from epay_desktop.receipts.shift_texts import STATUS_WORDS
from epay_desktop.receipts.texts import status_label
from epay_desktop.services.shifts.export import report_csv
from tests.receipts.escpos_goldens import read_job
from tests.receipts.escpos_goldens import shift_report
from tests.support.pdf import page_count
from tests.support.pdf import pdf_text

FOUND_AT = datetime(2025, 3, 1, 8, 12, tzinfo=UTC)  # 13:12 in Almaty
LATE = BankDifference("000123459", "status", "EXPIRED", "CHARGE")


def with_bank_totals(kind: ReportKind = ReportKind.Z) -> ShiftReport:
    """The sample Z report (console: 712 500,50 ₸ sold, 2 500,00 ₸ refunded) with the bank's totals
    (500,00 ₸ more charged, 500,00 ₸ more refunded: 4 of the 6 payments answered) and a status the
    X report's check found at 13:12."""
    report = shift_report(kind)
    assert report.bank is not None
    bank = replace(report.bank, figures=BankFigures(71_300_050, 300_000, 4))
    return replace(report, bank=bank, found_earlier=(FoundEarlier(LATE, FOUND_AT, "X"),))


def _after(lines: list[str], start: str, count: int) -> list[str]:
    """The ``count`` lines after the last line starting with ``start`` (the bank's part is below the
    totals, which name the net too)."""
    at = max(i for i, line in enumerate(lines) if line.strip().startswith(start))
    return [line.strip() for line in lines[at + 1 : at + 1 + count]]


@pytest.mark.parametrize("cols", [32, 42, 48])
def test_the_bank_column_on_paper_in_russian(cols: int) -> None:
    lines = shift_cells(with_bank_totals(), cols, None, "ru").text_lines()
    assert all(len(line) <= cols for line in lines)
    text = "\n".join(lines)
    assert "Итоги консоли и банка" in text
    charged = _after(lines, "Списано (продажи и списания)", 3)
    assert [line.split()[0] for line in charged] == ["В", "В", "Разница"]
    assert charged[0].endswith("712 500,50 ₸") and charged[1].endswith("713 000,50 ₸")
    assert charged[2].endswith("500,00 ₸")
    refunded = _after(lines, "Возвращено", 3)
    assert refunded[0].endswith("2 500,00 ₸") and refunded[1].endswith("3 000,00 ₸")
    net = _after(lines, "ЧИСТАЯ ВЫРУЧКА", 3)[2]
    assert net.startswith("Разница") and net.endswith(" 0,00 ₸")
    assert "только проверенные платежи (4 из 6)" in " ".join(lines)  # 2 payments not answered
    found = " ".join(lines[next(i for i, line in enumerate(lines) if "НАЙДЕННЫЕ РАНЕЕ" in line) :])
    assert "консоль исправлена" in found and "000123459 статус" in found
    assert "01.03.2025 13:12, X-отчёт" in found
    assert "В консоли Истёк" in " ".join(found.split())  # the status in words, not EXPIRED


def test_every_status_a_difference_may_show_is_worded() -> None:
    for status in ConsoleStatus:
        for language in ReceiptLanguage:
            word = STATUS_WORDS[status.value][language] if status.value in STATUS_WORDS else None
            word = word or status_label(status, language)
            assert word and word != status.value, (status, language)


@pytest.mark.parametrize("language", list(ReceiptLanguage))
def test_every_language_words_the_new_parts(language: ReceiptLanguage) -> None:
    words = {
        ReceiptLanguage.KK: ("Консоль мен банк сомалары", "Айырма", "АУЫСЫМДА БҰРЫН", "X-есеп"),
        ReceiptLanguage.RU: ("Итоги консоли и банка", "Разница", "НАЙДЕННЫЕ РАНЕЕ", "X-отчёт"),
        ReceiptLanguage.EN: (
            "The console's and the bank's totals",
            "Difference",
            "FOUND EARLIER",
            "X report",
        ),
    }[language]
    text = " ".join(shift_cells(with_bank_totals(), 48, None, language).text_lines())
    assert all(word in text for word in words), words


def test_kz1048_prints_the_bank_column_as_text_that_decodes_back() -> None:
    profile = render_profile(ReceiptWidth.MM58, TextMode.KZ1048)
    texts = read_job(render_shift_escpos(with_bank_totals(), profile, "kk")).texts("kz1048")
    assert texts == shift_cells(with_bank_totals(), profile.columns, "kz1048", "kk").text_lines()
    assert any(line.strip().startswith("Айырма") and line.endswith("500,00 тг") for line in texts)
    assert all(len(line) <= profile.columns for line in texts)


def test_the_pdf_draws_them_and_a_second_page_keeps_its_words() -> None:
    long = replace(with_bank_totals(), found_earlier=(FoundEarlier(LATE, FOUND_AT, "X"),) * 30)
    pdf = render_shift_pdf(long, "ru")
    assert page_count(pdf) >= 2
    text = pdf_text(pdf)
    assert "Итоги консоли и банка" in text and "713 000,50 ₸" in text
    assert "01.03.2025 13:12, X-отчёт" in text
    assert text.endswith("Не является фискальным отчётом")  # the last page in DejaVu, not blanks


def test_the_csv_has_the_bank_column_and_when_each_difference_was_found() -> None:
    rows = list(csv.reader(io.StringIO(report_csv(with_bank_totals(), "en"))))
    totals = {(r[1], r[2]): r[4] for r in rows if r[0] == "bank_total"}
    assert totals == {
        ("console", "charged"): "712500.50",
        ("bank", "charged"): "713000.50",
        ("difference", "charged"): "500.00",
        ("console", "refunded"): "2500.00",
        ("bank", "refunded"): "3000.00",
        ("difference", "refunded"): "500.00",
        ("console", "net"): "710000.50",
        ("bank", "net"): "710000.50",
        ("difference", "net"): "0.00",
    }
    [found] = [r for r in rows if r[0] == "found_earlier"]
    assert found[:5] == ["found_earlier", "000123459", "status", "EXPIRED", "CHARGE"]
    assert found[6] == FOUND_AT.isoformat() and "Found 01.03.2025 13:12, X report" in found[5]


def test_a_report_kept_before_them_is_drawn_as_it_was() -> None:
    old = shift_report()  # no bank totals, nothing found earlier: as kept before decision 0118
    assert old.bank is not None and old.bank.figures is None
    kept = ShiftReport.from_json(old.to_json())
    lines = shift_cells(kept, 42, None, "ru").text_lines()
    assert not any("Итоги консоли и банка" in line or "НАЙДЕННЫЕ РАНЕЕ" in line for line in lines)
    assert not [
        r for r in csv.reader(io.StringIO(report_csv(kept))) if r[0] in ("bank_total", "found_earlier")
    ]
