"""What a shift's X or Z report shows, drawn as widgets (issue 13, item 4; decisions 0113, 0118, 0126).

:class:`ReportPage` lays out the report's fields (:class:`~epay_desktop.domain.shifts.ShiftReport`) in the
reader's language, with the console's money (``1 500,00 ₸``): the header (which report, shift, register,
who opened and closed it, when it was made), warnings first, the totals (count and amount of sales, holds,
charges, cancels and refunds, and the net), the same by cashier and by card brand, operations with no known
outcome, what moved at the register outside any shift before this one (decision 0145), the bank check
(checked n of m, the bank's totals beside the console's with the difference, each difference in a table,
payments not checked, what the books still hold open, what an earlier check of the shift found and when),
the fiscal register's check (each mismatch with what to do, and the register's own report) and the audit
anchor (or why there is none). The window around it is ``report_view``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QBoxLayout
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Money
from epay_desktop.domain.money import MoneyError
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.shifts import BankCheck
from epay_desktop.domain.shifts import BankDifference
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import FiscalCheck
from epay_desktop.domain.shifts import FoundEarlier
from epay_desktop.domain.shifts import GroupTotals
from epay_desktop.domain.shifts import Note
from epay_desktop.domain.shifts import OutsideShifts
from epay_desktop.domain.shifts import RegisterFigures
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.domain.shifts import Totals
from epay_desktop.receipts.shift_layout import outside_operation_text
from epay_desktop.receipts.shift_texts import MISMATCH_LABELS
from epay_desktop.receipts.shift_texts import OPERATION_WORDS
from epay_desktop.receipts.shift_texts import note_text
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.labels import ui_language
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.table_model import cell_alignment
from epay_desktop.ui.payments.attention_dialog import discrepancy_kind_text
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.widgets.read_only_table import read_only_table
from epay_desktop.ui.widgets.status_badge import status_label

if TYPE_CHECKING:
    pass

__all__ = [
    "NOTHING",
    "ReportPage",
    "difference_what_text",
    "figure_kind_text",
    "note_words",
    "signed_money_text",
]

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
    table = read_only_table(
        name,
        [c.title for c in columns],
        rows=len(rows),
        selection=QAbstractItemView.SelectionMode.NoSelection,
    )
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


def _totals_table(name: str, totals: Totals, *, every: bool = True) -> QTableWidget:
    """Count and amount of each figure (``every``: also those at nought), then the net in bold."""
    rows = [
        [figure_kind_text(f.kind), str(f.count), f.total.format()] for f in totals.figures if every or f.count
    ]
    rows.append([_net_text(), "", signed_money_text(totals.net_minor)])
    columns = [_Column(""), _Column(_tr("Count"), True), _Column(_tr("Amount"), True)]
    return _table(name, columns, rows, bold_last=True)


def _outside_box(outside: OutsideShifts) -> QGroupBox:
    """What moved at the register while no shift of it was open, before this shift (decision 0145):
    when, its figures and net (not in the shift's), each charge, cancel and refund, when and by whom."""
    box, layout = _group(_tr("Outside any shift"), "report_outside")
    said = _tr(
        "Taken or moved at this register while it had no shift open, from {since} to {until}. It is not "
        "in this shift's totals: count it beside them."
    ).format(since=local_time_text(outside.since), until=local_time_text(outside.until))
    layout.addWidget(_note("outside_summary", said, "report_notice"))
    layout.addWidget(_totals_table("outside_totals", outside.totals, every=False))
    if outside.operations:
        lang = ReceiptLanguage(ui_language())
        columns = [
            _Column(_tr("When")),
            _Column(_tr("Invoice")),
            _Column(_tr("Operation")),
            _Column(_tr("Amount"), True),
            _Column(_tr("Asked by")),
        ]
        rows = [
            [
                local_time_text(op.at),
                op.invoice_id,
                _sentence(outside_operation_text(op, lang)),
                Money(op.amount_minor).format(),
                op.by_name,
            ]
            for op in outside.operations
        ]
        layout.addWidget(_table("outside_operations", columns, rows, stretch=2))
    return box


def _group(title: str, name: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    box.setObjectName(name)
    box.setStyleSheet("QGroupBox { font-weight: 600; }")  # the title; what is inside keeps its own
    layout = QVBoxLayout(box)
    return box, layout


class ReportPage(QWidget):
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
        if report.outside is not None:
            layout.addWidget(_outside_box(report.outside))
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
        layout.addWidget(_totals_table("totals", report.totals))
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
            ReportPage._found_earlier(layout, report)
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
        ReportPage._found_earlier(layout, report)
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
