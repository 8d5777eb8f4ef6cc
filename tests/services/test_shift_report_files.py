"""A shift report as a plain value (decisions 0108, 0114): kept as JSON and read back whole (its notes
with their keys; a report kept before notes had keys still reads), written as CSV (stable columns, the
people's columns in the report's language) and as a PDF in kk/ru/en with the receipts' fonts (Kazakh
names, long lines wrapped, pages added), and on the thermal printer; money as the console writes it, from
integer tiyn. What moved at the register outside any shift (decision 0145) is kept and drawn by each."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.shifts import BankCheck
from epay_desktop.domain.shifts import BankDifference
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import Note
from epay_desktop.domain.shifts import OutsideOperation
from epay_desktop.domain.shifts import OutsideShifts
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import Shift
from epay_desktop.domain.shifts import ShiftLine
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.domain.shifts import Totals
from epay_desktop.domain.shifts import group_totals
from epay_desktop.receipts.shift_layout import money_text
from epay_desktop.receipts.shift_layout import shift_blocks
from epay_desktop.receipts.shift_layout import shift_cells
from epay_desktop.receipts.shift_pdf import render_shift_pdf
from epay_desktop.services.shifts.export import CSV_HEADER
from epay_desktop.services.shifts.export import report_csv
from tests.support.pdf import page_count
from tests.support.pdf import pdf_text

OPENED = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)
CLOSED = OPENED + timedelta(hours=9)
LONG = "payment 123456789: the gateway did not answer in time; the console asks again at the next check " * 2


def report(cashiers: int = 2) -> ShiftReport:
    lines = [
        ShiftLine(FigureKind.SALES, 1, "VISA", 3, 450_000),
        ShiftLine(FigureKind.HOLDS, 2, "MC", 1, 70_000),
        ShiftLine(FigureKind.CHARGES, 2, "MC", 1, 60_000),
        ShiftLine(FigureKind.REFUNDS, 2, "VISA", 2, 520_000),
    ]
    lines += [ShiftLine(FigureKind.SALES, 10 + n, "", 1, 100) for n in range(cashiers - 2)]
    names = {1: "Әйгерім Қасымова", 2: "Ұлан Өмірбек"} | {10 + n: f"Кассир {n}" for n in range(cashiers)}
    shift = Shift(7, "till-1", 3, OPENED, 1, CLOSED, 2, 1)
    return ShiftReport(
        kind=ReportKind.Z,
        shift=shift,
        made_at=CLOSED,
        until=CLOSED,
        totals=Totals.of(lines),
        by_cashier=group_totals(lines, "cashier_id", names),
        by_brand=group_totals(lines, "brand", {"": "—"}),
        unresolved=1,
        opened_by_name="Әйгерім Қасымова",
        closed_by_name="Ұлан Өмірбек",
        bank=BankCheck(5, 4, (BankDifference("123456780", "refunded", "0.00", "200.00"),), (Note(LONG),)),
        anchor="audit 42 3f2a-9c01-77be-0d4c",
    )


def test_the_net_may_be_below_zero_and_groups_are_named_and_sorted() -> None:
    z = report()
    assert z.totals.net_minor == 450_000 + 60_000 - 520_000 and z.totals.net_text() == "-100.00"
    assert [g.name for g in z.by_cashier] == ["Ұлан Өмірбек", "Әйгерім Қасымова"]  # sorted by name
    assert [g.totals.net_minor for g in z.by_cashier] == [60_000 - 520_000, 450_000]
    assert [g.name for g in z.by_brand] == sorted(["MC", "VISA"])
    assert z.totals.net_text() == "-100.00"


def test_money_is_written_as_the_console_writes_it_from_tiyn() -> None:
    assert money_text(123_456_789) == "1\u202f234\u202f567,89\xa0₸"  # grouped, a decimal comma
    assert money_text(-10_000) == "-100,00\xa0₸" and money_text(5) == "0,05\xa0₸"
    net = next(b for b in shift_blocks(report(), "ru") if getattr(b, "label", "") == "ЧИСТАЯ ВЫРУЧКА")
    assert net.value == "-100,00\xa0₸"


def test_a_report_kept_as_json_reads_back_the_same() -> None:
    z = report()
    assert ShiftReport.from_json(z.to_json()) == z
    late = Note.of("late", "payment {invoice}: taken during the bank check", invoice="123")
    with_note = replace(z, warnings=(late,))
    back = ShiftReport.from_json(with_note.to_json())
    assert back.warnings == (late,) and (back.warnings[0].key, back.warnings[0].values) == (
        "late",
        {"invoice": "123"},
    )
    old = json.loads(with_note.to_json())  # as a version before notes had keys kept it: plain text
    old["warnings"] = [str(late)]
    assert ShiftReport.from_json(json.dumps(old)).warnings[0].key == ""


def test_the_csv_has_every_figure_the_difference_and_the_anchor() -> None:
    rows = [row[:5] for row in csv.reader(report_csv(report()).splitlines())]
    assert tuple(rows[0]) == CSV_HEADER[:5]
    assert ["total", "", "sales", "3", "4500.00"] in rows
    assert ["total", "", "net", "", "-100.00"] in rows
    assert ["cashier", "Әйгерім Қасымова", "sales", "3", "4500.00"] in rows
    assert ["difference", "123456780", "refunded", "0.00", "200.00"] in rows
    assert ["audit", "", "anchor", "", "audit 42 3f2a-9c01-77be-0d4c"] in rows


def test_the_csv_columns_stay_and_the_peoples_columns_are_in_the_language() -> None:
    for language in ("kk", "ru", "en"):
        rows = list(csv.reader(report_csv(report(), language).splitlines()))
        assert tuple(rows[0]) == CSV_HEADER  # the same header in every language
    ru = list(csv.reader(report_csv(report(), "ru").splitlines()))
    assert ["total", "", "net", "", "-100.00", "ЧИСТАЯ ВЫРУЧКА", "-100,00\xa0₸"] in ru
    assert ["total", "", "sales", "3", "4500.00", "Продажи", "4\u202f500,00\xa0₸"] in ru
    [diff] = [row for row in ru if row[0] == "difference"]
    assert diff[5] == "123456780 возвращено: в консоли 0,00\xa0₸; в банке 200,00\xa0₸"
    kk = list(csv.reader(report_csv(report(), "kk").splitlines()))
    assert ["total", "", "refunds", "2", "5200.00", "Қайтарулар", "5\u202f200,00\xa0₸"] in kk


def test_the_pdf_prints_kazakh_names_wraps_long_lines_and_adds_pages() -> None:
    text = pdf_text(render_shift_pdf(report()))
    assert "Әйгерім Қасымова" in text and "Ұлан Өмірбек" in text
    assert "audit 42 3f2a-9c01-77be-0d4c" in text and "Z REPORT" in text and "NET TAKEN" in text
    assert "at the next check payment 123456789" in text  # the long line, whole, wrapped
    assert page_count(render_shift_pdf(report())) == 1
    assert page_count(render_shift_pdf(report(cashiers=40))) >= 2


def test_the_pdf_is_in_the_language_asked_for() -> None:
    kk = " ".join(pdf_text(render_shift_pdf(report(), "kk")).split())
    assert "Z-ЕСЕП" in kk and "Ауысым жабылды" in kk and "ТАЗА ТҮСІМ" in kk and "Қайтарулар (2)" in kk
    assert "Аудит журналының бақылау белгісі" in kk and "Фискалдық есеп емес" in kk
    ru = " ".join(pdf_text(render_shift_pdf(report(), "ru")).split())
    assert "Z-ОТЧЁТ" in ru and "Смена закрыта" in ru and "СВЕРКА С БАНКОМ" in ru and "4 из 5" in ru
    assert "-100,00 ₸" in ru.replace("\xa0", " ")


def with_outside() -> ShiftReport:
    """The report with what moved at its register outside any shift before it (decision 0145): a sale
    and a refund that succeeded, and a charge whose outcome is not known yet."""
    since = OPENED - timedelta(hours=15)
    operations = (
        OutsideOperation(
            "123456781", "REFUND", 30_000, OPENED - timedelta(hours=2), "Ұлан Өмірбек", "SUCCEEDED"
        ),
        OutsideOperation(
            "123456782", "CHARGE", 12_345, OPENED - timedelta(hours=1), "Ұлан Өмірбек", "UNKNOWN"
        ),
    )
    lines = [
        ShiftLine(FigureKind.SALES, 1, "VISA", 1, 100_000),
        ShiftLine(FigureKind.REFUNDS, 2, "VISA", 1, 30_000),
    ]
    return replace(report(), outside=OutsideShifts(since, OPENED, Totals.of(lines), operations))


def test_what_moved_outside_any_shift_is_kept_and_drawn_beside_the_shifts_figures() -> None:
    z = with_outside()
    assert z.outside is not None and z.outside.unresolved == 1 and z.outside.totals.net_minor == 70_000
    assert ShiftReport.from_json(z.to_json()) == z  # kept with the Z report, read back whole
    assert ShiftReport.from_json(report().to_json()).outside is None  # none: no section

    rows = list(csv.reader(report_csv(z, "ru").splitlines()))
    assert ["total", "", "net", "", "-100.00"] in [r[:5] for r in rows]  # the shift's own net: unchanged
    assert ["outside", "", "net", "", "700.00", "ЧИСТАЯ ВЫРУЧКА", "700,00\xa0₸"] in rows
    assert ["outside", "", "refunds", "1", "300.00", "Возвраты", "300,00\xa0₸"] in rows
    [charge] = [r for r in rows if r[0] == "outside_operation" and r[2] == "CHARGE"]
    assert charge[:5] == ["outside_operation", "123456782", "CHARGE", "UNKNOWN", "123.45"]
    assert charge[5].startswith("списание (результат ещё неизвестен), 02.03.2026 08:00")
    assert "outside" not in {r[0] for r in csv.reader(report_csv(report()).splitlines())}

    texts = {lang: " ".join(pdf_text(render_shift_pdf(z, lang)).split()) for lang in ("kk", "ru", "en")}
    assert "АУЫСЫМНАН ТЫС" in texts["kk"] and "ауысым жиынтығына кірмейді" in texts["kk"]
    assert "ВНЕ СМЕНЫ" in texts["ru"] and "возврат" in texts["ru"] and "01.03.2026 18:00" in texts["ru"]
    assert "OUTSIDE ANY SHIFT" in texts["en"] and "charge (outcome not known yet)" in texts["en"]
    assert "OUTSIDE ANY SHIFT" not in pdf_text(render_shift_pdf(report(), "en"))

    printed = shift_cells(z, 32, "kz1048", ReceiptLanguage.KK).text_lines()
    assert all(len(line) <= 32 for line in printed)
    start = printed.index(next(line for line in printed if line.strip() == "АУЫСЫМНАН ТЫС"))
    section = " ".join(printed[start : start + 14])
    assert "123456781 қайтару" in section and "300,00 тг" in section and "Ұлан Өмірбек" in section
