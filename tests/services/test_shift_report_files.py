"""A shift report as a plain value (decision 0108): kept as JSON and read back whole, written as CSV and as
a PDF with the receipts' fonts (Kazakh names, long lines wrapped, pages added)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta

from epay_desktop.domain.shifts import (
    BankCheck,
    BankDifference,
    FigureKind,
    ReportKind,
    Shift,
    ShiftLine,
    ShiftReport,
    Totals,
    group_totals,
    report_lines,
)
from epay_desktop.receipts.shift_pdf import render_shift_pdf
from epay_desktop.services.shifts.export import CSV_HEADER, report_csv
from tests.support.pdf import page_count, pdf_text

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
        bank=BankCheck(5, 4, (BankDifference("123456780", "refunded", "0.00", "200.00"),), (LONG,)),
        anchor="audit 42 3f2a-9c01-77be-0d4c",
    )


def test_the_net_may_be_below_zero_and_groups_are_named_and_sorted() -> None:
    z = report()
    assert z.totals.net_minor == 450_000 + 60_000 - 520_000 and z.totals.net_text() == "-100.00"
    assert [g.name for g in z.by_cashier] == ["Ұлан Өмірбек", "Әйгерім Қасымова"]  # sorted by name
    assert [g.totals.net_minor for g in z.by_cashier] == [60_000 - 520_000, 450_000]
    assert [g.name for g in z.by_brand] == sorted(["MC", "VISA"])
    assert ("net", "-100.00") in report_lines(z)


def test_a_report_kept_as_json_reads_back_the_same() -> None:
    z = report()
    assert ShiftReport.from_json(z.to_json()) == z


def test_the_csv_has_every_figure_the_difference_and_the_anchor() -> None:
    rows = list(csv.reader(report_csv(report()).splitlines()))
    assert tuple(rows[0]) == CSV_HEADER
    assert ["total", "", "sales", "3", "4500.00"] in rows
    assert ["total", "", "net", "", "-100.00"] in rows
    assert ["cashier", "Әйгерім Қасымова", "sales", "3", "4500.00"] in rows
    assert ["difference", "123456780", "refunded", "0.00", "200.00"] in rows
    assert ["audit", "", "anchor", "", "audit 42 3f2a-9c01-77be-0d4c"] in rows


def test_the_pdf_prints_kazakh_names_wraps_long_lines_and_adds_pages() -> None:
    text = pdf_text(render_shift_pdf(report()))
    assert "Әйгерім Қасымова" in text and "Ұлан Өмірбек" in text
    assert "audit 42 3f2a-9c01-77be-0d4c" in text and "console 0.00, bank 200.00" in text
    assert "at the next check payment 123456789" in text  # the long line, whole, wrapped
    assert page_count(render_shift_pdf(report())) == 1
    assert page_count(render_shift_pdf(report(cashiers=40))) >= 2
