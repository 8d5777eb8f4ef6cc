"""A shift's X or Z report as the blocks every renderer draws, in Kazakh, Russian or English
(decision 0114).

:func:`shift_blocks` is the report's content in reading order, as the receipts' blocks
(:mod:`~epay_desktop.receipts.layout`: centred titles, label/value pairs, rules): the thermal
printer lays them out in character cells (:func:`shift_cells`, :func:`render_shift_escpos`, the
receipts' 32/42/48 columns and modes), the A4 PDF (``shift_pdf``) and the CLI draw the same blocks.
Words come from :mod:`~epay_desktop.receipts.shift_texts`; money is the console's
(``Money.format``: ``1 234,56 ₸``, grouped, a decimal comma; in a printer's text page ``тг``/``KZT``);
times in Kazakhstan time. The audit anchor is printed whole (wrapped at the columns, never cut).
Pure and deterministic.
"""

from __future__ import annotations

import re
from datetime import datetime

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.shifts import BankCheck
from epay_desktop.domain.shifts import BankDifference
from epay_desktop.domain.shifts import FiscalCheck
from epay_desktop.domain.shifts import FiscalMismatch
from epay_desktop.domain.shifts import FoundEarlier
from epay_desktop.domain.shifts import GroupTotals
from epay_desktop.domain.shifts import OutsideOperation
from epay_desktop.domain.shifts import OutsideShifts
from epay_desktop.domain.shifts import RegisterFigures
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.domain.shifts import Totals
from epay_desktop.receipts.cells import ReceiptCells
from epay_desktop.receipts.cells import blocks_cells
from epay_desktop.receipts.escpos import escpos_job
from epay_desktop.receipts.escpos_profile import RenderProfile
from epay_desktop.receipts.layout import KZ_TIME
from epay_desktop.receipts.layout import Block
from epay_desktop.receipts.layout import Pair
from epay_desktop.receipts.layout import Rule
from epay_desktop.receipts.layout import Size
from epay_desktop.receipts.layout import Text
from epay_desktop.receipts.shift_texts import DIFFERENCE_LABELS
from epay_desktop.receipts.shift_texts import FIGURE_LABELS
from epay_desktop.receipts.shift_texts import MISMATCH_LABELS
from epay_desktop.receipts.shift_texts import OPERATION_WORDS
from epay_desktop.receipts.shift_texts import STATUS_WORDS
from epay_desktop.receipts.shift_texts import note_text
from epay_desktop.receipts.shift_texts import shift_label
from epay_desktop.receipts.texts import status_label

__all__ = [
    "bank_total_label",
    "difference_text",
    "difference_what",
    "figure_label",
    "found_text",
    "mismatch_text",
    "money_text",
    "outside_note",
    "outside_operation_text",
    "render_shift_escpos",
    "report_time",
    "shift_blocks",
    "shift_cells",
]

_PLAIN_AMOUNT = re.compile(r"-?\d+\.\d{2}")


def money_text(minor: int) -> str:
    """Tiyn as the console shows money: ``1 234,56 ₸``; below zero with a minus (a net may be)."""
    sign = "-" if minor < 0 else ""
    return sign + Money(abs(minor)).format()


def report_time(when: datetime) -> str:
    """Kazakhstan time, as the receipts print it: ``01.03.2025 19:30``."""
    return when.astimezone(KZ_TIME).strftime("%d.%m.%Y %H:%M")


def figure_label(kind: str, language: ReceiptLanguage) -> str:
    """A figure's name (``sales``, ``net``...) in ``language``."""
    return FIGURE_LABELS[kind][language]


def difference_what(what: str, language: ReceiptLanguage) -> str:
    """What a difference is about in ``language``; a kind this version does not know, in its words."""
    names = DIFFERENCE_LABELS.get(what)
    return names[language] if names else what.replace("_", " ")


def _difference_value(value: str, language: ReceiptLanguage) -> str:
    """One side of a difference as kept (``1234.56``, ``CHARGE``, ``-``), as a person reads it."""
    if _PLAIN_AMOUNT.fullmatch(value):
        sign = "-" if value.startswith("-") else ""
        return sign + Money.from_text(value.lstrip("-")).format()
    if value in STATUS_WORDS:  # a status the receipts never print (EXPIRED, REJECT...)
        return STATUS_WORDS[value][language]
    if value in ConsoleStatus.__members__:
        return status_label(ConsoleStatus(value), language)
    return value


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def difference_text(diff: BankDifference, language: ReceiptLanguage) -> str:
    """A difference on one line: ``000123456 возвращено: в консоли 0,00 ₸; в банке 2 500,00 ₸``."""
    console = f"{_lower_first(shift_label('console', language))} {_difference_value(diff.console, language)}"
    bank = f"{_lower_first(shift_label('bank_side', language))} {_difference_value(diff.bank, language)}"
    return f"{diff.invoice_id} {difference_what(diff.what, language)}: {console}; {bank}"


def _difference(diff: BankDifference, language: ReceiptLanguage) -> list[Block]:
    """The payment and what disagrees, then each side on its own line (a status in words may be long)."""
    return [
        Pair(f"{diff.invoice_id} {difference_what(diff.what, language)}", ""),
        Pair(f"  {shift_label('console', language)}", _difference_value(diff.console, language)),
        Pair(f"  {shift_label('bank_side', language)}", _difference_value(diff.bank, language)),
    ]


def _figures(
    totals: Totals, language: ReceiptLanguage, *, indent: str = "", every: bool = True
) -> list[Block]:
    return [
        Pair(f"{indent}{figure_label(f.kind, language)} ({f.count})", f.total.format())
        for f in totals.figures
        if every or f.count
    ]


def _groups(heading: str, groups: tuple[GroupTotals, ...], language: ReceiptLanguage) -> list[Block]:
    blocks: list[Block] = [Rule(), Text(shift_label(heading, language), bold=True)]
    for group in groups:
        blocks.append(Pair(group.name, money_text(group.totals.net_minor), bold=True))
        blocks += _figures(group.totals, language, indent="  ", every=False)
    return blocks


def bank_total_label(what: str, language: ReceiptLanguage) -> str:
    """A row of the console's and the bank's totals (``charged``, ``refunded``, ``net``) in words."""
    if what == "net":
        return figure_label("net", language)
    return shift_label(f"{what}_all", language)


def _bank_totals(bank: BankCheck, totals: Totals, language: ReceiptLanguage) -> list[Block]:
    """The bank's totals beside the console's, with the difference (decision 0118)."""
    if bank.figures is None:  # a report kept before the bank's totals were added
        return []
    blocks: list[Block] = [Pair(shift_label("bank_totals", language), "", bold=True)]
    for what, console, theirs in bank.figures.beside(totals):
        blocks += [
            Pair(bank_total_label(what, language), ""),
            Pair(f"  {shift_label('console', language)}", money_text(console)),
            Pair(f"  {shift_label('bank_side', language)}", money_text(theirs)),
            Pair(f"  {shift_label('difference', language)}", money_text(theirs - console)),
        ]
    if bank.figures.payments < bank.total:
        covers = shift_label("bank_covers", language, checked=bank.figures.payments, total=bank.total)
        blocks.append(Pair(covers, ""))
    return blocks


def found_text(found: FoundEarlier, language: ReceiptLanguage) -> str:
    """When and by which report's check a difference was found: ``07.12.2026 10:42, X-отчёт``."""
    key = "found_by_z" if found.by == ReportKind.Z.value else "found_by_x"
    return shift_label(key, language, when=report_time(found.found_at))


def _found_earlier(found: tuple[FoundEarlier, ...], language: ReceiptLanguage) -> list[Block]:
    """The differences an earlier bank check of the shift found, each with when (decision 0118)."""
    if not found:
        return []
    blocks: list[Block] = [
        Rule(),
        Text(shift_label("found_earlier", language), bold=True),
        Pair(shift_label("found_earlier_note", language), ""),
    ]
    for item in found:
        blocks += _difference(item.difference, language)
        blocks.append(Pair(f"  {shift_label('found_at', language)}", found_text(item, language)))
    return blocks


def mismatch_text(mismatch: FiscalMismatch, language: ReceiptLanguage) -> str:
    """What is wrong with one receipt on one line: ``000123456 продажа: нет фискального чека``."""
    what = MISMATCH_LABELS[mismatch.kind][language]
    operation = OPERATION_WORDS[mismatch.operation][language]
    return f"{mismatch.invoice_id or mismatch.external_number} {operation}: {what}"


def _mismatch(mismatch: FiscalMismatch, language: ReceiptLanguage) -> list[Block]:
    """The receipt and what is wrong, the bank's and the register's amounts, its fiscal sign, what to do."""
    blocks: list[Block] = [Pair(mismatch_text(mismatch, language), "")]
    if mismatch.invoice_id:
        blocks.append(Pair(f"  {mismatch.external_number}", ""))
    for side, value in (("bank_side", mismatch.bank), ("fiscal_side", mismatch.fiscal)):
        blocks.append(Pair(f"  {shift_label(side, language)}", _difference_value(value, language)))
    if mismatch.check_number:
        blocks.append(Pair(f"  {shift_label('fiscal_sign', language)}", mismatch.check_number))
    blocks.append(Pair(f"  {shift_label('todo', language)}: {note_text(mismatch.todo, language)}", ""))
    return blocks


def _register(figures: RegisterFigures, language: ReceiptLanguage) -> list[Block]:
    """The fiscal register's own Z (or X) report: its shift, documents, sales and returns."""
    title = shift_label("register_z" if figures.closed else "register_x", language)
    sales = f"{shift_label('register_sales', language)} ({figures.sales_count})"
    returns = f"{shift_label('register_returns', language)} ({figures.returns_count})"
    return [
        Text(title, bold=True),
        Pair(shift_label("register_shift", language), str(figures.shift_number)),
        Pair(shift_label("register_documents", language), str(figures.documents)),
        Pair(sales, money_text(figures.sales_minor)),
        Pair(returns, money_text(figures.returns_minor)),
        Pair(figure_label("net", language), money_text(figures.net_minor), bold=True),
    ]


def _fiscal(fiscal: FiscalCheck | None, language: ReceiptLanguage) -> list[Block]:
    """The three-way check (decision 0126): counts, every mismatch with what to do, the register's report."""
    if fiscal is None:
        return []
    blocks: list[Block] = [Rule(), Text(f"{shift_label('fiscal', language)} ({fiscal.provider})", bold=True)]
    if fiscal.problem is not None:
        return [
            *blocks,
            Text(shift_label("fiscal_not_checked", language), bold=True),
            Pair(note_text(fiscal.problem, language), ""),
        ]
    found = str(len(fiscal.mismatches)) if fiscal.mismatches else shift_label("none", language)
    blocks += [
        Pair(shift_label("fiscal_expected", language), str(fiscal.expected)),
        Pair(shift_label("fiscal_receipts", language), str(fiscal.receipts)),
        Pair(shift_label("fiscal_mismatches", language), found),
    ]
    blocks += [line for m in fiscal.mismatches for line in _mismatch(m, language)]
    if fiscal.register is not None:
        blocks += _register(fiscal.register, language)
    blocks += [Pair(note_text(note, language), "") for note in fiscal.notes]
    return blocks


def _bank(bank: BankCheck | None, kind: ReportKind, totals: Totals, language: ReceiptLanguage) -> list[Block]:
    if bank is None:
        if kind is ReportKind.X:
            return []
        return [
            Rule(),
            Text(shift_label("bank", language), bold=True),
            Pair(shift_label("bank_skipped", language), ""),
        ]
    checked = shift_label("checked_of", language, checked=bank.checked, total=bank.total)
    found = str(len(bank.differences)) if bank.differences else shift_label("none", language)
    blocks: list[Block] = [
        Rule(),
        Text(shift_label("bank", language), bold=True),
        Pair(shift_label("checked", language), checked),
        *_bank_totals(bank, totals, language),
        Pair(shift_label("differences", language), found),
    ]
    blocks += [line for d in bank.differences for line in _difference(d, language)]
    if bank.unchecked:
        blocks.append(Pair(shift_label("not_checked", language), str(len(bank.unchecked))))
        blocks += [Pair(note_text(note, language), "") for note in bank.unchecked]
    if bank.open_in_books:
        blocks.append(Pair(shift_label("open_in_books", language), str(len(bank.open_in_books))))
        blocks += [line for d in bank.open_in_books for line in _difference(d, language)]
    return blocks


def outside_operation_text(op: OutsideOperation, language: ReceiptLanguage) -> str:
    """One operation made outside any shift, after its payment: ``возврат``, or with its outcome not
    known yet ``возврат (результат ещё неизвестен)``."""
    kind = OPERATION_WORDS[op.kind][language]
    return kind if op.settled else f"{kind} ({shift_label('outside_unknown', language)})"


def outside_note(outside: OutsideShifts, language: ReceiptLanguage) -> str:
    """When the register had no shift open, and that it is not in the shift's totals (decision 0145)."""
    since, until = report_time(outside.since), report_time(outside.until)
    return shift_label("outside_note", language, since=since, until=until)


def _outside(outside: OutsideShifts | None, language: ReceiptLanguage) -> list[Block]:
    """What moved at the register while no shift of it was open, before this shift (decision 0145):
    its figures and net, then each charge, cancel and refund with when and by whom."""
    if outside is None:
        return []
    blocks: list[Block] = [
        Rule(),
        Text(shift_label("outside", language), bold=True),
        Pair(outside_note(outside, language), ""),
        *_figures(outside.totals, language, every=False),
        Pair(figure_label("net", language), money_text(outside.totals.net_minor), bold=True),
    ]
    for op in outside.operations:
        blocks += [
            Pair(f"{op.invoice_id} {outside_operation_text(op, language)}", money_text(op.amount_minor)),
            Pair(f"  {report_time(op.at)}, {op.by_name}", ""),
        ]
    return blocks


def shift_blocks(report: ShiftReport, language: ReceiptLanguage | str) -> list[Block]:
    """The report's content in reading order, worded in ``language``."""
    lang = ReceiptLanguage(language)
    shift = report.shift
    z = report.kind is ReportKind.Z
    blocks: list[Block] = [
        Text(shift_label("title_z" if z else "title_x", lang), Size.TITLE, bold=True),
        Text(shift_label("subtitle_z" if z else "subtitle_x", lang)),
        Rule(heavy=True),
        Pair(shift_label("shift", lang), shift.label),
        Pair(shift_label("opened", lang), report_time(shift.opened_at)),
        Pair(shift_label("opened_by", lang), report.opened_by_name),
    ]
    if shift.closed_at is not None:
        blocks += [
            Pair(shift_label("closed", lang), report_time(shift.closed_at)),
            Pair(shift_label("closed_by", lang), report.closed_by_name or "—"),
        ]
    else:
        blocks.append(Pair(shift_label("until", lang), report_time(report.until)))
    blocks += [Rule(), Text(shift_label("totals", lang), bold=True), *_figures(report.totals, lang)]
    blocks.append(Pair(figure_label("net", lang), money_text(report.totals.net_minor), Size.LARGE, bold=True))
    if report.unresolved:
        blocks.append(Pair(shift_label("unresolved", lang), str(report.unresolved)))
    blocks += _outside(report.outside, lang)
    blocks += _groups("by_cashier", report.by_cashier, lang)
    blocks += _groups("by_brand", report.by_brand, lang)
    blocks += _bank(report.bank, report.kind, report.totals, lang)
    blocks += _found_earlier(report.found_earlier, lang)
    blocks += _fiscal(report.fiscal, lang)
    if report.anchor is not None:
        blocks += [Rule(heavy=True), Pair(shift_label("anchor", lang), report.anchor, bold=True)]
    elif report.anchor_problem is not None:
        blocks += [
            Rule(heavy=True),
            Text(shift_label("chain_broken", lang), bold=True),
            Pair(note_text(report.anchor_problem, lang), ""),
        ]
    for warning in report.warnings:
        blocks.append(Pair(f"{shift_label('warning', lang)}: {note_text(warning, lang)}", "", bold=True))
    blocks += [Rule(heavy=True), Text(shift_label("not_fiscal", lang), Size.SMALL)]
    return blocks


def shift_cells(
    report: ShiftReport, cols: int, codec: str | None, language: ReceiptLanguage | str
) -> ReceiptCells:
    """The report laid out in the receipt's ``cols`` character cells for ``codec`` (None: drawn)."""
    lang = ReceiptLanguage(language)
    return blocks_cells(shift_blocks(report, lang), cols, codec, lang)


def render_shift_escpos(
    report: ShiftReport, profile: RenderProfile, language: ReceiptLanguage | str
) -> bytes:
    """The report as one ESC/POS job for the printer of ``profile``, in ``language`` (its mode:
    kz1048, hybrid or raster, as a receipt). CPU-bound in raster mode: call it from an executor."""
    return escpos_job(shift_cells(report, profile.columns, profile.text_codec, language), profile)
