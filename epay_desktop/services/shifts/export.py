"""A shift report as CSV (one row per figure: overall, per cashier, per card brand; what moved at the
register outside any shift before it (``outside``, ``outside_operation``: decision 0145); then the bank's
totals beside the console's (``bank_total``: name ``console``, ``bank`` or ``difference``), the bank's
differences, the payments not checked, the differences found earlier in the shift (``found_earlier``,
the moment found in the last column), the fiscal register's check and report (decision 0126), the
audit anchor and the warnings), for a spreadsheet or the accountant (decisions 0108, 0114, 0118).

The first five columns are stable whatever the language (a script or a spreadsheet formula reads
them): ``section``, ``name``, ``what`` (codes: ``sales``, ``net``, ``refunded``...), ``count`` and
``amount`` (tenge with two decimals and a dot, ``-100.00``). The last two are for people, in the
report's language: ``label`` (what the row is, or the sentence it carries) and ``amount_shown``
(the amount as the console writes money: ``1 500,00 ₸``).
"""

from __future__ import annotations

import csv
import io

from epay_desktop.domain.money import Money
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.shifts import BankDifference
from epay_desktop.domain.shifts import FiscalCheck
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.domain.shifts import Totals
from epay_desktop.receipts.shift_layout import bank_total_label
from epay_desktop.receipts.shift_layout import difference_text
from epay_desktop.receipts.shift_layout import figure_label
from epay_desktop.receipts.shift_layout import found_text
from epay_desktop.receipts.shift_layout import mismatch_text
from epay_desktop.receipts.shift_layout import money_text
from epay_desktop.receipts.shift_layout import outside_note
from epay_desktop.receipts.shift_layout import outside_operation_text
from epay_desktop.receipts.shift_layout import report_time
from epay_desktop.receipts.shift_texts import note_text
from epay_desktop.receipts.shift_texts import shift_label

__all__ = ["CSV_HEADER", "report_csv"]

CSV_HEADER = ("section", "name", "what", "count", "amount", "label", "amount_shown")


def _figures(section: str, name: str, totals: Totals, lang: ReceiptLanguage) -> list[tuple[str, ...]]:
    rows = [
        (
            section,
            name,
            f.kind.value,
            str(f.count),
            f.total.plain(),
            figure_label(f.kind, lang),
            f.total.format(),
        )
        for f in totals.figures
    ]
    net = money_text(totals.net_minor)
    return [*rows, (section, name, "net", "", totals.net_text(), figure_label("net", lang), net)]


def _difference(section: str, diff: BankDifference, lang: ReceiptLanguage) -> tuple[str, ...]:
    return (section, diff.invoice_id, diff.what, diff.console, diff.bank, difference_text(diff, lang), "")


def _signed(minor: int) -> str:
    """Tiyn as tenge with a dot and, below zero, a minus: ``-100.00``."""
    return ("-" if minor < 0 else "") + Money(abs(minor)).plain()


def _bank_totals(report: ShiftReport, lang: ReceiptLanguage) -> list[tuple[str, ...]]:
    """``bank_total`` rows: the console's, the bank's and the difference for charged, refunded, net."""
    if report.bank is None or report.bank.figures is None:
        return []
    rows: list[tuple[str, ...]] = []
    for what, console, bank in report.bank.figures.beside(report.totals):
        label = bank_total_label(what, lang)
        for side, minor, word in (
            ("console", console, "console"),
            ("bank", bank, "bank_side"),
            ("difference", bank - console, "difference"),
        ):
            rows.append(
                (
                    "bank_total",
                    side,
                    what,
                    "",
                    _signed(minor),
                    f"{label}: {shift_label(word, lang)}",
                    money_text(minor),
                )
            )
    return rows


def _fiscal(fiscal: FiscalCheck | None, lang: ReceiptLanguage) -> list[tuple[str, ...]]:
    """The three-way check (decision 0126): ``fiscal`` (checked: expected and held; or why not), each
    ``fiscal_mismatch`` (the bank's and the register's amounts, what to do), the register's report
    (``fiscal_register``: its shift in ``name``, ``z`` or ``x``), and its notes."""
    if fiscal is None:
        return []
    title = shift_label("fiscal", lang)
    if fiscal.problem is not None:
        said = f"{shift_label('fiscal_not_checked', lang)}: {note_text(fiscal.problem, lang)}"
        return [("fiscal", fiscal.provider, "not_checked", "", "", said, "")]
    counts = f"{title}: {shift_label('fiscal_expected', lang)}; {shift_label('fiscal_receipts', lang)}"
    rows: list[tuple[str, ...]] = [
        ("fiscal", fiscal.provider, "checked", str(fiscal.expected), str(fiscal.receipts), counts, "")
    ]
    rows += [
        (
            "fiscal_mismatch",
            m.external_number,
            m.kind,
            m.bank,
            m.fiscal,
            f"{mismatch_text(m, lang)}; {shift_label('todo', lang)}: {note_text(m.todo, lang)}",
            m.check_number,
        )
        for m in fiscal.mismatches
    ]
    register = fiscal.register
    if register is not None:
        shift, which = str(register.shift_number), "z" if register.closed else "x"
        heading = shift_label("register_z" if register.closed else "register_x", lang)
        rows.append(("fiscal_register", shift, which, str(register.documents), "", heading, ""))
        for what, count, minor in (
            ("sales", str(register.sales_count), register.sales_minor),
            ("returns", str(register.returns_count), register.returns_minor),
            ("net", "", register.net_minor),
        ):
            label = figure_label("net", lang) if what == "net" else shift_label(f"register_{what}", lang)
            rows.append(("fiscal_register", shift, what, count, _signed(minor), label, money_text(minor)))
    rows += [("fiscal_note", "", note.key, "", "", note_text(note, lang), "") for note in fiscal.notes]
    return rows


def _outside(report: ShiftReport, lang: ReceiptLanguage) -> list[tuple[str, ...]]:
    """What moved at the register outside any shift before this one (decision 0145): ``outside``
    rows (its time in ``amount``: ``since`` and ``until``; then its figures and net) and each
    ``outside_operation`` (the payment in ``name``, the kind, its state in ``count``, the amount)."""
    outside = report.outside
    if outside is None:
        return []
    said = f"{shift_label('outside', lang)}: {outside_note(outside, lang)}"
    rows: list[tuple[str, ...]] = [
        ("outside", "", "since", "", outside.since.isoformat(), said, report_time(outside.since)),
        ("outside", "", "until", "", outside.until.isoformat(), said, report_time(outside.until)),
        *_figures("outside", "", outside.totals, lang),
    ]
    for op in outside.operations:
        label = f"{outside_operation_text(op, lang)}, {report_time(op.at)}, {op.by_name}"
        amount = Money(op.amount_minor)
        rows.append(
            ("outside_operation", op.invoice_id, op.kind, op.state, amount.plain(), label, amount.format())
        )
    return rows


def report_csv(report: ShiftReport, language: ReceiptLanguage | str = ReceiptLanguage.EN) -> str:
    """The report as CSV text (comma-separated; the people's columns in ``language``)."""
    lang = ReceiptLanguage(language)
    shift = report.shift
    title = shift_label("title_z" if report.kind is ReportKind.Z else "title_x", lang)
    rows: list[tuple[str, ...]] = [
        ("shift", shift.label, "report", "", report.kind.value, f"{title} {shift.label}", ""),
        (
            "shift",
            shift.label,
            "opened_at",
            "",
            shift.opened_at.isoformat(),
            report_time(shift.opened_at),
            "",
        ),
        ("shift", shift.label, "until", "", report.until.isoformat(), report_time(report.until), ""),
    ]
    rows += _figures("total", "", report.totals, lang)
    for section, groups in (("cashier", report.by_cashier), ("card_brand", report.by_brand)):
        for group in groups:
            rows += _figures(section, group.name, group.totals, lang)
    unresolved = shift_label("unresolved", lang)
    rows.append(("total", "", "unresolved_operations", str(report.unresolved), "", unresolved, ""))
    rows += _outside(report, lang)
    if report.bank is None and report.kind is ReportKind.Z:
        rows.append(("bank", "", "skipped", "", "", shift_label("bank_skipped", lang), ""))
    if report.bank is not None:
        checked = shift_label("checked_of", lang, checked=report.bank.checked, total=report.bank.total)
        rows.append(("bank", "", "checked", str(report.bank.checked), str(report.bank.total), checked, ""))
        rows += _bank_totals(report, lang)
        rows += [_difference("difference", d, lang) for d in report.bank.differences]
        rows += [
            ("not_checked", "", note, "", "", note_text(note, lang), "") for note in report.bank.unchecked
        ]
        rows += [_difference("open_in_books", d, lang) for d in report.bank.open_in_books]
    for found in report.found_earlier:
        section, invoice, what, console, bank, said, _ = _difference("found_earlier", found.difference, lang)
        when = f"{shift_label('found_at', lang)} {found_text(found, lang)}"
        rows.append((section, invoice, what, console, bank, f"{said}; {when}", found.found_at.isoformat()))
    rows += _fiscal(report.fiscal, lang)
    if report.anchor is not None:
        rows.append(("audit", "", "anchor", "", report.anchor, shift_label("anchor", lang), ""))
    elif report.anchor_problem is not None:
        problem = note_text(report.anchor_problem, lang)
        rows.append(
            ("audit", "", "not_intact", "", "", f"{shift_label('chain_broken', lang)}: {problem}", "")
        )
    rows += [
        ("warning", "", warning.key, "", "", note_text(warning, lang), "") for warning in report.warnings
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(rows)
    return out.getvalue()
