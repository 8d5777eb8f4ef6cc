"""A shift report as CSV (one row per figure: overall, per cashier, per card brand; then the bank's
differences and the audit anchor), for a spreadsheet or the accountant (decision 0108)."""

from __future__ import annotations

import csv
import io

from epay_desktop.domain.shifts import ShiftReport, Totals

__all__ = ["CSV_HEADER", "report_csv"]

CSV_HEADER = ("section", "name", "what", "count", "amount")


def _figures(section: str, name: str, totals: Totals) -> list[tuple[str, ...]]:
    rows = [(section, name, f.kind.value, str(f.count), f.total.plain()) for f in totals.figures]
    return [*rows, (section, name, "net", "", totals.net_text())]


def report_csv(report: ShiftReport) -> str:
    """The report as CSV text (comma-separated, amounts in tenge with two decimals and a dot)."""
    shift = report.shift
    rows: list[tuple[str, ...]] = [
        ("shift", shift.label, "report", "", report.kind.value),
        ("shift", shift.label, "opened_at", "", shift.opened_at.isoformat()),
        ("shift", shift.label, "until", "", report.until.isoformat()),
    ]
    rows += _figures("total", "", report.totals)
    for section, groups in (("cashier", report.by_cashier), ("card_brand", report.by_brand)):
        for group in groups:
            rows += _figures(section, group.name, group.totals)
    rows.append(("total", "", "unresolved_operations", str(report.unresolved), ""))
    if report.bank is not None:
        rows.append(("bank", "", "checked", str(report.bank.checked), str(report.bank.total)))
        rows += [("difference", d.invoice_id, d.what, d.console, d.bank) for d in report.bank.differences]
        rows += [("not_checked", "", line, "", "") for line in report.bank.unchecked]
        rows += [
            ("open_in_books", d.invoice_id, d.what, d.console, d.bank) for d in report.bank.open_in_books
        ]
    if report.anchor is not None:
        rows.append(("audit", "", "anchor", "", report.anchor))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(rows)
    return out.getvalue()
