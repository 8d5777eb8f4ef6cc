"""A shift's X or Z report in a window, readable at the counter (issue 13, item 4; decision 0113).

The window draws the report's fields itself (:class:`~epay_desktop.domain.shifts.ShiftReport`), in
the reader's language, with the console's money (``1 500,00 ₸``): the header (which report, shift,
register, who opened and closed it, when it was made), warnings first, the totals (count and amount
of sales, holds, charges, cancels and refunds, and the net), the same by cashier and by card brand,
operations with no known outcome, the bank check (checked n of m, the bank's totals beside the
console's with the difference, each difference in a table, payments not checked, what the books still
hold open, what an earlier check of the shift found and when: decision 0118) and the audit anchor (or
why there is none).

Print goes to this register's receipt printer (``PrintingService.print_shift_report``); without one
the system print dialog prints the A4 report (the same PDF as Save as PDF…). Save as PDF… and Save as
CSV… write through ``ShiftService.save_pdf`` / ``save_csv`` to a file chosen in the save dialog
(which starts where a shift report was saved last).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from epay_desktop.domain import Money
from epay_desktop.domain.money import MoneyError
from epay_desktop.domain.receipts import ReceiptLanguage, ReceiptWidth
from epay_desktop.domain.shifts import (
    BankCheck,
    BankDifference,
    FigureKind,
    FiscalCheck,
    FoundEarlier,
    GroupTotals,
    Note,
    RegisterFigures,
    ReportKind,
    ShiftReport,
    Totals,
)
from epay_desktop.receipts.printers import Outcome, PrinterProfile
from epay_desktop.receipts.shift_texts import MISMATCH_LABELS, OPERATION_WORDS, note_text
from epay_desktop.safe_files import UnsafeFilePath, check_target
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import action_slot, run_dialog_once, user_message_of
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.labels import ui_language
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.save_dialog import ask_save_path
from epay_desktop.ui.common.screen_fit import size_for_screen
from epay_desktop.ui.common.table_model import cell_alignment
from epay_desktop.ui.payments.attention_dialog import discrepancy_kind_text
from epay_desktop.ui.receipts.preview import (
    LANGUAGES,
    SystemPrintDialog,
    load_pdf,
    prepare_printer,
    print_document,
)
from epay_desktop.ui.receipts.thermal import outcome_text, register_printer
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.widgets.status_badge import status_label

if TYPE_CHECKING:
    from epay_desktop.services.printing import PrintingService
    from epay_desktop.services.shifts.service import ShiftService

__all__ = ["NOTHING", "ShiftReportDialog", "difference_what_text", "figure_kind_text", "signed_money_text"]

log = logging.getLogger(__name__)

_SAVE_KIND = "shift_reports"  # the folder a shift report was saved to last (file_places)
_MINUS = "\u2212"
#: What a cell or a name that has nothing to show says (no figure, no name known, no value).
NOTHING = "\u2014"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShiftReportDialog", text)


def signed_money_text(minor: int) -> str:
    """``1 500,00 ₸``, and below zero with a minus: ``−300,00 ₸`` (a shift's net may be below zero)."""
    text = Money(abs(minor)).format()
    return f"{_MINUS}{text}" if minor < 0 else text


def figure_kind_text(kind: FigureKind) -> str:
    """What a report counts, in words (a table's row or column)."""
    return {
        FigureKind.SALES: _tr("Sales"),
        FigureKind.HOLDS: _tr("Holds"),
        FigureKind.CHARGES: _tr("Charges"),
        FigureKind.CANCELS: _tr("Cancellations"),
        FigureKind.REFUNDS: _tr("Refunds"),
    }[kind]


def difference_what_text(what: str) -> str:
    """What the console and the bank disagree about (``status``, ``charged``, ``refunded``, or the
    books' discrepancy kind such as ``external_refund``), in words."""
    if what == "status":
        return _tr("Status differs")
    return discrepancy_kind_text(what)


def _value_text(what: str, value: str) -> str:
    """A difference's side as people read it: a status's name, or an amount ``1 234,56 ₸``."""
    if what == "status":
        return status_label(value)
    try:
        return Money.parse(value).format()
    except MoneyError:
        return NOTHING if value.strip() in ("", "-") else value


def _net_text() -> str:
    return _tr("Net taken")


def note_words(note: Note) -> str:
    """A sentence the report carries (a warning, why a payment was not checked, why the audit log has no
    anchor) in the interface language, worded as the printed report words it (decision 0114)."""
    return note_text(note, ReceiptLanguage(ui_language()))


# -- pieces of the page ----------------------------------------------------------------------------


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _note(name: str, text: str, style: str = "") -> QLabel:
    label = text_label(name, style)
    label.setText(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


@dataclass(frozen=True, slots=True)
class _Column:
    title: str
    money: bool = False


def _table(
    name: str,
    columns: Sequence[_Column],
    rows: Sequence[Sequence[str]],
    *,
    bold_last: bool = False,
    stretch: int = 0,
) -> QTableWidget:
    """A read-only table exactly as tall as its rows (the page scrolls, never the table)."""
    table = QTableWidget(len(rows), len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([c.title for c in columns])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setWordWrap(False)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setAlternatingRowColors(True)
    for c, column in enumerate(columns):
        head = table.horizontalHeaderItem(c)
        if head is not None:
            head.setTextAlignment(cell_alignment(column.money))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setTextAlignment(cell_alignment(columns[c].money))
            if bold_last and r == len(rows) - 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.resizeColumnsToContents()
    table.resizeRowsToContents()
    frame = 2 * table.frameWidth()
    width = sum(header.sectionSize(c) for c in range(len(columns)))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setMinimumWidth(width + frame)  # never cut: the page scrolls sideways on a narrow screen
    height = header.sizeHint().height() + sum(table.rowHeight(r) for r in range(len(rows)))
    table.setFixedHeight(height + frame)
    return table


def _figure_cell(count: int, total: Money) -> str:
    """A group's figure in one cell: ``4 500,00 ₸ (3)``; ``—`` when there is none."""
    return f"{total.format()} ({count})" if count else NOTHING


def _group_table(name: str, first: str, groups: Sequence[GroupTotals]) -> QWidget:
    if not groups:
        return _note(f"{name}_none", _tr("Nothing in this shift."), "placeholder_text")
    columns = [
        _Column(first),
        *(_Column(figure_kind_text(k), True) for k in FigureKind),
        _Column(_tr("Net"), True),
    ]
    rows = [
        [
            g.name,
            *(_figure_cell(f.count, f.total) for f in g.totals.figures),
            signed_money_text(g.totals.net_minor),
        ]
        for g in groups
    ]
    return _table(name, columns, rows)


def _differences_table(
    name: str, differences: Sequence[BankDifference], found: Sequence[str] = ()
) -> QTableWidget:
    """One row per difference; with ``found`` (one text per difference) a column saying when and by
    which report's check each was found."""
    columns = [
        _Column(_tr("Invoice")),
        _Column(_tr("What differs")),
        _Column(_tr("The console says"), True),
        _Column(_tr("The bank says"), True),
    ]
    rows = [
        [
            d.invoice_id,
            difference_what_text(d.what),
            _value_text(d.what, d.console),
            _value_text(d.what, d.bank),
        ]
        for d in differences
    ]
    if found:
        columns.append(_Column(_tr("Found")))
        rows = [[*row, when] for row, when in zip(rows, found, strict=True)]
    return _table(name, columns, rows, stretch=1)  # the words of what differs take the room


def _bank_totals_table(bank: BankCheck, totals: Totals) -> QTableWidget:
    """The bank's totals for the shift's payments beside the console's, with the difference."""
    names = {"charged": _tr("Charged (sales and charges)"), "refunded": _tr("Refunded"), "net": _net_text()}
    columns = [
        _Column(""),
        _Column(_tr("Console"), True),
        _Column(_tr("Bank"), True),
        _Column(_tr("Difference"), True),
    ]
    figures = bank.figures.beside(totals) if bank.figures is not None else ()
    rows = [
        [
            names[what],
            signed_money_text(console),
            signed_money_text(theirs),
            signed_money_text(theirs - console),
        ]
        for what, console, theirs in figures
    ]
    return _table("bank_totals", columns, rows, bold_last=True)


def _found_text(found: FoundEarlier) -> str:
    """When a difference was found, and by which report's check."""
    when = local_time_text(found.found_at)
    if found.by == ReportKind.Z.value:
        return _tr("{when}, at a close").format(when=when)
    return _tr("{when}, X report").format(when=when)


def _sentence(text: str) -> str:
    """A note as a sentence on screen: its first letter capital."""
    return text[:1].upper() + text[1:]


def _mismatch_rows(fiscal: FiscalCheck) -> list[list[str]]:
    """One row per mismatch: the payment, the receipt's number, what is wrong, the two amounts."""
    lang = ReceiptLanguage(ui_language())
    return [
        [
            m.invoice_id or NOTHING,
            m.external_number or NOTHING,
            f"{OPERATION_WORDS[m.operation][lang]}: {MISMATCH_LABELS[m.kind][lang]}",
            _value_text("amount", m.bank),
            _value_text("amount", m.fiscal),
        ]
        for m in fiscal.mismatches
    ]


def _register_table(register: RegisterFigures) -> QTableWidget:
    """The fiscal register's own report: documents, sales, sale returns and the net."""
    rows = [
        [_tr("Documents"), str(register.documents), ""],
        [_tr("Sales"), str(register.sales_count), signed_money_text(register.sales_minor)],
        [_tr("Sale returns"), str(register.returns_count), signed_money_text(register.returns_minor)],
        [_net_text(), "", signed_money_text(register.net_minor)],
    ]
    columns = [_Column(""), _Column(_tr("Count"), True), _Column(_tr("Amount"), True)]
    return _table("fiscal_register", columns, rows, bold_last=True)


def _fiscal_box(fiscal: FiscalCheck) -> QGroupBox:
    """The three-way check (decision 0126): what was compared, every mismatch and what to do about each
    kind, the fiscal register's Z report (or its X report, its shift left open) and its notes."""
    box, layout = _group(
        _tr("The fiscal register ({provider})").format(provider=fiscal.provider), "report_fiscal"
    )
    if fiscal.problem is not None:
        said = _tr("The fiscal register was not checked.") + "\n" + _sentence(note_words(fiscal.problem))
        layout.addWidget(_note("fiscal_summary", said, "report_problem"))
        return box
    summary = _tr(
        "Sales and refunds the bank confirmed: {expected}. Receipts at the fiscal register: {held}."
    )
    clear = not fiscal.mismatches
    text = summary.format(expected=fiscal.expected, held=fiscal.receipts)
    if clear:
        text += " " + _tr("Every receipt agrees with the bank.")
    layout.addWidget(_note("fiscal_summary", text, "report_clear" if clear else "report_notice"))
    if fiscal.mismatches:
        layout.addWidget(_heading(_tr("Mismatches")))
        columns = [
            _Column(_tr("Invoice")),
            _Column(_tr("Receipt number")),
            _Column(_tr("What is wrong")),
            _Column(_tr("The bank says"), True),
            _Column(_tr("The register holds"), True),
        ]
        layout.addWidget(_table("fiscal_mismatches", columns, _mismatch_rows(fiscal), stretch=2))
        lang = ReceiptLanguage(ui_language())
        todo = {
            m.kind: _sentence(f"{MISMATCH_LABELS[m.kind][lang]}: {note_words(m.todo)}")
            for m in fiscal.mismatches
        }
        layout.addWidget(_heading(_tr("What to do")))
        layout.addWidget(_note("fiscal_todo", "\n".join(todo.values())))
    register = fiscal.register
    if register is not None:
        title = (
            _tr("The fiscal register's Z report: its shift {number} is closed")
            if register.closed
            else _tr("The fiscal register's X report: its shift {number} stays open")
        )
        layout.addWidget(_heading(title.format(number=register.shift_number)))
        layout.addWidget(_register_table(register))
    if fiscal.notes:
        layout.addWidget(
            _note("fiscal_notes", "\n".join(_sentence(note_words(n)) for n in fiscal.notes), "report_notice")
        )
    return box


def _group(title: str, name: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    box.setObjectName(name)
    box.setStyleSheet("QGroupBox { font-weight: 600; }")  # the title; what is inside keeps its own
    layout = QVBoxLayout(box)
    return box, layout


class _Page(QWidget):
    """Everything the report says, top to bottom; made again after a language switch."""

    def __init__(self, report: ShiftReport) -> None:
        super().__init__()
        self.setObjectName("shift_report_page")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)  # read at a counter, at arm's length
        self.setFont(font)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(self._header(report))
        for n, warning in enumerate(report.warnings):
            layout.addWidget(_note(f"report_warning_{n}", note_words(warning), "report_notice"))
        self._figures = figures = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._totals_box = self._totals(report)
        figures.addWidget(self._totals_box, 2)
        groups, groups_layout = _group(_tr("By cashier and by card brand"), "report_groups")
        groups_layout.addWidget(_group_table("by_cashier", _tr("Cashier"), report.by_cashier))
        groups_layout.addWidget(_group_table("by_brand", _tr("Card brand"), report.by_brand))
        groups_layout.addWidget(
            _note("groups_hint", _tr("Each cell: the amount and, in brackets, how many."), "hint_text")
        )
        figures.addWidget(groups, 5)
        self._groups_box = groups
        layout.addLayout(figures)
        layout.addWidget(self._bank(report))
        if report.fiscal is not None:
            layout.addWidget(_fiscal_box(report.fiscal))
        anchor = self._anchor(report)
        if anchor is not None:
            layout.addWidget(anchor)
        layout.addStretch(1)

    @property
    def side_by_side(self) -> bool:
        """Whether the totals stand beside the tables by cashier and card brand (else above them)."""
        return self._figures.direction() is QBoxLayout.Direction.LeftToRight

    def fit(self, width: int) -> None:
        """The totals beside the tables by cashier and card brand where ``width`` holds both (the page
        then never scrolls sideways on a counter's 1024 px screen); else above them."""
        both = self._totals_box.minimumSizeHint().width() + self._groups_box.minimumSizeHint().width()
        beside = width >= both + 3 * self._figures.spacing()
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._figures.direction() != direction:
            self._figures.setDirection(direction)
            self._figures.setStretch(0, 2 if beside else 0)
            self._figures.setStretch(1, 5 if beside else 0)

    @staticmethod
    def _header(report: ShiftReport) -> QGridLayout:
        shift = report.shift
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        if report.kind is ReportKind.Z:
            title = _tr("Z report \u2014 shift {number}, register {register}")
            what = _tr("The shift is closed: these figures are final and kept with the shift.")
        else:
            title = _tr("X report \u2014 shift {number}, register {register}")
            what = _tr("The shift is open: the figures so far. Nothing was changed or closed.")
        heading = QLabel(title.format(number=shift.number, register=shift.register_id))
        heading.setObjectName("report_title")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        grid.addWidget(heading, 0, 0, 1, 4)
        grid.addWidget(_note("report_what", what, "note_text"), 1, 0, 1, 4)
        closed = (
            _tr("{when}, {name}").format(
                when=local_time_text(shift.closed_at), name=report.closed_by_name or NOTHING
            )
            if shift.closed_at is not None
            else _tr("still open")
        )
        fields = (
            (
                "report_opened",
                _tr("Opened:"),
                _tr("{when}, {name}").format(
                    when=local_time_text(shift.opened_at), name=report.opened_by_name
                ),
            ),
            ("report_closed", _tr("Closed:"), closed),
            ("report_made", _tr("Report made:"), local_time_text(report.made_at)),
            ("report_register", _tr("Register:"), shift.register_id),
            ("report_number", _tr("Shift number:"), str(shift.number)),
        )
        for n, (name, caption, value) in enumerate(fields):
            row, col = 2 + n % 3, 2 * (n // 3)
            grid.addWidget(_note(f"{name}_caption", caption, "caption_text"), row, col)
            shown = _note(name, value)
            bold = shown.font()
            bold.setBold(True)
            shown.setFont(bold)
            grid.addWidget(shown, row, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    @staticmethod
    def _totals(report: ShiftReport) -> QGroupBox:
        box, layout = _group(_tr("Totals"), "report_totals")
        totals = report.totals
        rows = [[figure_kind_text(f.kind), str(f.count), f.total.format()] for f in totals.figures]
        rows.append([_net_text(), "", signed_money_text(totals.net_minor)])
        columns = [_Column(""), _Column(_tr("Count"), True), _Column(_tr("Amount"), True)]
        layout.addWidget(_table("totals", columns, rows, bold_last=True))
        if report.unresolved:
            text = _tr(
                "Operations with no known outcome yet: {count}. The console keeps asking the bank; a manager "
                "decides on the rest in Needs attention."
            ).format(count=report.unresolved)
            layout.addWidget(_note("report_unresolved", text, "report_notice"))
        else:
            layout.addWidget(
                _note("report_unresolved", _tr("Every operation's outcome is known."), "hint_text")
            )
        layout.addStretch(1)
        return box

    @staticmethod
    def _bank(report: ShiftReport) -> QGroupBox:
        box, layout = _group(_tr("The bank check"), "report_bank")
        bank = report.bank
        if bank is None:
            if report.kind is ReportKind.Z:  # the shop's rules let the one closing skip it
                said = _tr("The payments were not checked with the bank: the check was skipped at the close.")
                layout.addWidget(_note("bank_summary", said, "report_notice"))
            else:
                said = _tr("The bank was not asked for this report: the figures are the console's own.")
                layout.addWidget(_note("bank_summary", said, "hint_text"))
            _Page._found_earlier(layout, report)
            return box
        clear = not (bank.differences or bank.unchecked or bank.open_in_books) and bank.checked == bank.total
        summary = _tr("Payments checked with the bank: {checked} of {total}.").format(
            checked=bank.checked, total=bank.total
        )
        if clear:
            summary += " " + _tr("The bank agrees with the console on every one.")
        layout.addWidget(_note("bank_summary", summary, "report_clear" if clear else "report_notice"))
        if bank.figures is not None:
            layout.addWidget(_heading(_tr("The console's and the bank's totals for the shift's payments")))
            layout.addWidget(_bank_totals_table(bank, report.totals))
            if bank.figures.payments < bank.total:
                covers = _tr("The bank's column covers the payments checked: {checked} of {total}.")
                text = covers.format(checked=bank.figures.payments, total=bank.total)
                layout.addWidget(_note("bank_totals_covers", text, "hint_text"))
        if bank.differences:
            layout.addWidget(_heading(_tr("Differences found by this check")))
            layout.addWidget(_differences_table("bank_differences", bank.differences))
        elif bank.checked:
            layout.addWidget(
                _note("bank_no_differences", _tr("No differences found by this check."), "hint_text")
            )
        if bank.unchecked:
            layout.addWidget(_heading(_tr("Not checked: check these payments with the bank later")))
            layout.addWidget(_note("bank_unchecked", "\n".join(note_words(n) for n in bank.unchecked)))
        if bank.open_in_books:
            layout.addWidget(
                _heading(_tr("Still open in the books: a manager resolves them in Needs attention"))
            )
            layout.addWidget(_differences_table("bank_open_in_books", bank.open_in_books))
        _Page._found_earlier(layout, report)
        return box

    @staticmethod
    def _found_earlier(layout: QVBoxLayout, report: ShiftReport) -> None:
        """The differences an earlier bank check of the shift found (decision 0118), with when."""
        if not report.found_earlier:
            return
        layout.addWidget(
            _heading(
                _tr(
                    "Found earlier in this shift: the check took the bank's answer then, so the console "
                    "was corrected"
                )
            )
        )
        differences = [f.difference for f in report.found_earlier]
        found = [_found_text(f) for f in report.found_earlier]
        layout.addWidget(_differences_table("bank_found_earlier", differences, found))

    @staticmethod
    def _anchor(report: ShiftReport) -> QGroupBox | None:
        if report.anchor is None and report.anchor_problem is None:
            return None
        box, layout = _group(_tr("Audit log anchor"), "report_anchor")
        if report.anchor is not None:
            line = named(QLineEdit(report.anchor), "anchor_line")  # data as printed: to select and copy
            line.setReadOnly(True)
            line.setFrame(False)
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            font.setPointSizeF(line.font().pointSizeF() * 1.3)
            font.setBold(True)
            line.setFont(font)
            layout.addWidget(line)
            hint = _tr(
                "The audit log's anchor at the close, kept with the shift. Checked later (Settings > Audit "
                "log anchor), it shows whether the log was cut or rewritten since."
            )
            layout.addWidget(_note("anchor_hint", hint, "hint_text"))
        elif report.anchor_problem is not None:
            text = _tr("The audit log is NOT intact, so this report has no anchor.")
            why = note_words(report.anchor_problem)
            layout.addWidget(_note("anchor_problem", f"{text}\n{why[:1].upper()}{why[1:]}", "report_problem"))
        return box


# -- the window ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _FileKind:
    """One way to save the report: the save dialog's words and the service's writer."""

    title: str
    name_filter: str
    suffix: str
    write: _Writer


class _Writer(Protocol):
    """``ShiftService.save_pdf`` / ``save_csv``: the report in ``language`` written to ``path``."""

    def __call__(
        self, path: Path, report: ShiftReport, *, language: ReceiptLanguage | str = ...
    ) -> Awaitable[Path]: ...


class ShiftReportDialog(QDialog):
    """One shift's X or Z report with Print, Save as PDF…, Save as CSV… and Close.

    ``ShiftReportDialog(report, shifts, printing=None, parent=None)``:

    * ``report``: what ``ctx.shifts.x_report()``, ``close()`` or ``report(shift_id)`` returned;
    * ``shifts``: ``ctx.shifts`` (Save as PDF/CSV, and the A4 PDF an office printer prints);
    * ``printing``: ``ctx.printing``: Print sends the report to this register's receipt printer;
      without one (or None) the system print dialog prints the A4 report.

    ``await ShiftReportDialog.show_report(parent, report, shifts, printing)`` shows it until it is
    closed (``open()`` + ``finished``, never ``exec()``) and deletes it after. Nothing in it changes the
    shift: it only shows, prints and saves the report it was given.
    """

    def __init__(
        self,
        report: ShiftReport,
        shifts: ShiftService,
        printing: PrintingService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shift_report_dialog")
        self.report = report
        self._shifts, self._printing = shifts, printing
        self.printer: QPrinter | None = None  # kept: a collected QPrinter crashes its dialog (stack-notes 10)
        self._documents: list[QPdfDocument] = []  # a printed PDF stays alive until the window goes
        self.page_scroll = named(QScrollArea(), "shift_report_scroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page = _Page(report)
        self.page_scroll.setWidget(self.page)
        self.page_scroll.viewport().installEventFilter(self)
        self.status_label = text_label("shift_report_status")
        self.language_combo = named(QComboBox(), "shift_report_language")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code.value)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(ui_language())))
        self.language_combo.setToolTip(
            _tr("The language of the printed report and of its PDF and CSV files.")
        )
        language_label = QLabel(_tr("Report &language:"))
        language_label.setBuddy(self.language_combo)
        self.print_button = named(QPushButton(_tr("&Print\u2026")), "shift_report_print")
        self.print_button.setDefault(True)
        self.save_pdf_button = named(QPushButton(_tr("Save as P&DF\u2026")), "shift_report_save_pdf")
        self.save_csv_button = named(QPushButton(_tr("Save as &CSV\u2026")), "shift_report_save_csv")
        self.close_button = named(QPushButton(_tr("Close")), "shift_report_close")
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()  # the language sits with the print controls, as on the receipt window
        buttons.addWidget(language_label)
        buttons.addWidget(self.language_combo)
        buttons.addStretch(1)
        for button in (self.save_pdf_button, self.save_csv_button, self.close_button, self.print_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_scroll, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.save_pdf_button.clicked.connect(self.on_save_pdf_button_clicked)
        self.save_csv_button.clicked.connect(self.on_save_csv_button_clicked)
        self.close_button.clicked.connect(self.accept)
        self._retitle()
        on_language_change(self, self._retranslate)
        self.resize(size_for_screen(self, QSize(1100, 780)))

    @classmethod
    async def show_report(
        cls,
        parent: QWidget | None,
        report: ShiftReport,
        shifts: ShiftService,
        printing: PrintingService | None = None,
    ) -> None:
        """Show ``report`` until it is closed; the window is deleted after. Print says whether it goes
        straight to this register's receipt printer (no ellipsis: nothing more is asked)."""
        dialog = cls(report, shifts, printing, parent)
        dialog.set_thermal(await register_printer(printing) is not None)
        await run_dialog_once(dialog)

    def set_thermal(self, thermal: bool) -> None:
        """Print goes to the register's receipt printer (``thermal``) or through the system dialog."""
        self.print_button.setText(_tr("&Print") if thermal else _tr("&Print\u2026"))

    def _retitle(self) -> None:
        title = (
            _tr("Z report \u2014 shift {shift}")
            if self.report.kind is ReportKind.Z
            else _tr("X report \u2014 shift {shift}")
        )
        self.setWindowTitle(title.format(shift=self.report.shift.label))

    def _retranslate(self) -> None:
        """After a language switch: the page is drawn again in the new language (where it was scrolled)."""
        self._retitle()
        where = self.page_scroll.verticalScrollBar().value()
        old = self.page_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.page = _Page(self.report)
        self.page.fit(self.page_scroll.viewport().width())
        self.page_scroll.setWidget(self.page)
        self.page_scroll.verticalScrollBar().setValue(where)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The page's viewport was resized (the window was, or its scroll bar came or went): the
        figures side by side or stacked to fit it."""
        if event.type() == QEvent.Type.Resize and watched is self.page_scroll.viewport():
            self.page.fit(self.page_scroll.viewport().width())
        return super().eventFilter(watched, event)

    def _say(self, text: str, *, trouble: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(theme.style("error_label") if trouble else "")

    @property
    def paper_language(self) -> ReceiptLanguage:
        """The language chosen for the printed report and its PDF."""
        return ReceiptLanguage(str(self.language_combo.currentData()))

    def _file_name(self, suffix: str) -> str:
        shift = self.report.shift
        return f"shift-{shift.register_id}-{shift.number}-{self.report.kind.value}.{suffix}"

    # -- what the buttons ask (tests may replace choose_printer, as for receipts) ------------------

    async def choose_printer(self) -> QPrinter | None:
        """The system print dialog for the A4 report (this register has no receipt printer)."""
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(self._file_name("pdf"))
        result = await run_dialog_once(SystemPrintDialog(self.printer, self))
        return self.printer if result == QDialog.DialogCode.Accepted else None

    async def choose_save_path(self, kind: _FileKind) -> Path | None:
        """Qt's save dialog, starting where a shift report was saved last, else Documents."""
        return await ask_save_path(
            self,
            title=kind.title,
            name="save_shift_report_dialog",
            name_filter=kind.name_filter,
            suffix=kind.suffix,
            kind=_SAVE_KIND,
            file_name=self._file_name(kind.suffix),
        )

    # -- printing ---------------------------------------------------------------------------------

    @action_slot(busy=("save_pdf_button", "save_csv_button"))
    async def on_print_button_clicked(self) -> None:
        printer = await register_printer(self._printing)
        if not shiboken6.isValid(self):
            return
        if printer is not None and self._printing is not None:
            await self._print_thermal(self._printing, printer)
        else:
            await self._print_on_paper()

    async def _print_thermal(self, printing: PrintingService, printer: PrinterProfile) -> None:
        """On this register's receipt printer; what the printer did is said (out of paper, cover open...)."""
        self._say(_tr("Printing on {printer}\u2026").format(printer=printer.name))
        outcome = await printing.print_shift_report(self.report, lang=self.paper_language, name=printer.name)
        if not shiboken6.isValid(self):
            return
        said = outcome_text(outcome)
        log.info(
            "event=shift_report_printed shift=%s kind=%s outcome=%s",
            self.report.shift.label,
            self.report.kind.value,
            outcome.outcome.value,
        )
        if outcome.outcome is Outcome.PRINTED:
            done = _tr("Printed on {printer}.").format(printer=printer.name)
            self._say(" ".join(t for t in (done, said) if t))
            self.set_thermal(True)
        else:
            self._say(
                said or _tr("The printer did not say whether it printed."),
                trouble=outcome.outcome is Outcome.FAILED,
            )
            self.print_button.setText(_tr("Print &again"))

    async def _print_on_paper(self) -> None:
        """No receipt printer here: the A4 report through the system print dialog."""
        self._say(
            _tr(
                "This register has no receipt printer (a manager adds one in Settings > Receipt printers): "
                "choose a printer for the A4 report, or save it as PDF."
            )
        )
        pdf = await asyncio.to_thread(_render_pdf, self.report, self.paper_language)
        if not shiboken6.isValid(self):
            return
        document = load_pdf(pdf)
        self._documents.append(document)
        printer = await self.choose_printer()
        if printer is None or not shiboken6.isValid(self):
            return
        prepare_printer(printer, ReceiptWidth.A4, document)
        pages = print_document(document, printer)
        log.info(
            "event=shift_report_printed shift=%s kind=%s pages=%d",
            self.report.shift.label,
            self.report.kind.value,
            pages,
        )
        self._say(_tr("Sent to the printer."))

    # -- saving -----------------------------------------------------------------------------------

    @action_slot(busy=("print_button", "save_csv_button"))
    async def on_save_pdf_button_clicked(self) -> None:
        await self._save(
            _FileKind(
                _tr("Save the shift report as PDF"), _tr("PDF files (*.pdf)"), "pdf", self._shifts.save_pdf
            )
        )

    @action_slot(busy=("print_button", "save_pdf_button"))
    async def on_save_csv_button_clicked(self) -> None:
        await self._save(
            _FileKind(
                _tr("Save the shift report as CSV"), _tr("CSV files (*.csv)"), "csv", self._shifts.save_csv
            )
        )

    async def _save(self, kind: _FileKind) -> None:
        path = await self.choose_save_path(kind)
        if path is None or not shiboken6.isValid(self):
            return
        try:  # a link, pipe, device or folder at the path is refused before anything is written (0069)
            check_target(path)
            saved = await kind.write(path, self.report, language=self.paper_language)
        except UnsafeFilePath as exc:
            if shiboken6.isValid(self):
                self._say(
                    _tr("Could not save: {why}").format(why=user_message_of(exc) or exc.user_message),
                    trouble=True,
                )
            raise  # and in a message box (action_slot), in the reader's language
        except OSError as exc:
            if shiboken6.isValid(self):
                self._say(_tr("Could not save: {why}").format(why=exc.strerror or str(exc)), trouble=True)
            return
        log.info(
            "event=shift_report_saved shift=%s kind=%s format=%s",
            self.report.shift.label,
            self.report.kind.value,
            kind.suffix,
        )
        if shiboken6.isValid(self):
            self._say(_tr("Saved to {path}").format(path=str(saved)))


def _render_pdf(report: ShiftReport, language: ReceiptLanguage) -> bytes:
    """The A4 report (what Save as PDF… writes) for the system print dialog; reportlab loads now."""
    from epay_desktop.receipts.shift_pdf import render_shift_pdf

    return render_shift_pdf(report, language)
