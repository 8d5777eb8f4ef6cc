"""Settings > Receipt printers… (managers and admins): the shop's thermal printers (issue 13 item 6,
decision 0109).

The list shows each printer, where it is, its roll, how it prints and whether it is this register's
default. Add…/Edit… open :class:`~epay_desktop.ui.settings.printer_form.PrinterForm`; Remove, Make
default, Test print and Calibrate… act at once through the printing service (each change saved and
audited there, as the other shop settings). Calibrate prints a page with one numbered line per code
page and asks which one came out right (:class:`CalibrationQuestion`); the answer sets the printer's
text mode. What a printer said is shown under the list in plain words; nothing here blocks the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.receipts.calibration import CANDIDATES
from epay_desktop.receipts.calibration import IMAGE_LINE
from epay_desktop.receipts.calibration import calibrated
from epay_desktop.receipts.calibration import candidate_line
from epay_desktop.receipts.printers import Outcome
from epay_desktop.receipts.printers import PrinterBook
from epay_desktop.receipts.printers import PrinterProfile
from epay_desktop.receipts.printers import PrintOutcome
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import action_slot
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import show_error
from epay_desktop.ui.common.buttons import dialog_buttons
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.receipts.thermal import outcome_text
from epay_desktop.ui.settings.printer_form import CUTTERS
from epay_desktop.ui.settings.printer_form import MODES
from epay_desktop.ui.settings.printer_form import PrinterForm
from epay_desktop.ui.settings.printer_form import label_of
from epay_desktop.ui.settings.printer_form import paper_of
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP
from epay_desktop.ui.widgets.read_only_table import read_only_table

__all__ = ["CalibrationQuestion", "PrinterAdminPort", "PrintersDialog"]

#: One change or print at a time: every button waits while one runs.
_BUSY = ("add_button", "edit_button", "remove_button", "default_button", "test_button", "calibrate_button")
_COLUMNS = (
    QT_TRANSLATE_NOOP("PrintersDialog", "Name"),
    QT_TRANSLATE_NOOP("PrintersDialog", "Connected at"),
    QT_TRANSLATE_NOOP("PrintersDialog", "Paper"),
    QT_TRANSLATE_NOOP("PrintersDialog", "Printing"),
    QT_TRANSLATE_NOOP("PrintersDialog", "Cutter"),
    QT_TRANSLATE_NOOP("PrintersDialog", "Default here"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintersDialog", text)


class PrinterAdminPort(Protocol):
    """What the page needs of ``services.printing.PrintingService``."""

    register_id: str

    async def book(self) -> PrinterBook: ...

    async def save_printer(
        self, actor: User, printer: PrinterProfile, *, default: bool = False
    ) -> PrinterBook: ...

    async def remove_printer(self, actor: User, name: str) -> PrinterBook: ...

    async def set_default(self, actor: User, name: str, register_id: str | None = None) -> PrinterBook: ...

    async def test_print(self, name: str | None = None) -> PrintOutcome: ...

    async def print_calibration(self, name: str | None = None) -> PrintOutcome: ...


class PrintersDialog(QDialog):
    """The shop's printers; :meth:`ask` is the entry point (it refuses a cashier)."""

    def __init__(
        self, parent: QWidget | None, actor: User, printing: PrinterAdminPort, book: PrinterBook
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printers_dialog")
        self.setWindowTitle(_tr("Receipt printers"))
        self.setMinimumSize(720, 420)
        self.resize(900, 460)  # the Russian column heads fit without a scroll bar (walked at 1280 px)
        self.actor, self.printing, self.book = actor, printing, book
        self.table = read_only_table("printers_table", [_tr(c) for c in _COLUMNS])  # rows are printers
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = named(QPushButton(_tr("&Add…")), "add_printer")
        self.edit_button = named(QPushButton(_tr("&Edit…")), "edit_printer")
        self.remove_button = named(QPushButton(_tr("&Remove")), "remove_printer")
        self.default_button = named(QPushButton(_tr("Make &default here")), "default_printer")
        self.test_button = named(QPushButton(_tr("&Test print")), "test_printer")
        self.calibrate_button = named(QPushButton(_tr("&Calibrate…")), "calibrate_printer")
        self.selected_buttons = (
            self.edit_button,
            self.remove_button,
            self.default_button,
            self.test_button,
            self.calibrate_button,
        )
        self.note_label = text_label("printers_note")
        self.note_label.setText(
            _tr(
                "Receipts print on this register's default printer; without one, Print opens the "
                "system's print dialog. Calibrate a new printer once: it finds how it prints Kazakh letters."
            )
        )
        self.note_label.setStyleSheet(theme.style("note_text"))
        self.status_label = text_label("printers_status")
        self._said: Callable[[], str] = str  # the sentence under the list, made in the language now
        row = QHBoxLayout()
        for button in (self.add_button, *self.selected_buttons):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self.update_state)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_button.click())
        for button, slot in (
            (self.add_button, self.on_add_printer_clicked),
            (self.edit_button, self.on_edit_printer_clicked),
            (self.remove_button, self.on_remove_printer_clicked),
            (self.default_button, self.on_default_printer_clicked),
            (self.test_button, self.on_test_printer_clicked),
            (self.calibrate_button, self.on_calibrate_printer_clicked),
        ):
            button.clicked.connect(slot)
        self.show_book(book)
        on_language_change(self, self._retranslate)

    @classmethod
    async def ask(cls, parent: QWidget | None, actor: User, printing: PrinterAdminPort) -> None:
        """Show the shop's printers to ``actor`` until they close the window."""
        if not actor.role.can_move_money:
            show_error(parent, QCoreApplication.translate("printing", _ONLY_MANAGERS))
            return
        book = await printing.book()  # an unreadable list: said in words by the caller's action
        await run_dialog_once(cls(parent, actor, printing, book))

    # -- what is shown ---------------------------------------------------------------------------

    def show_book(self, book: PrinterBook, select: str | None = None) -> None:
        """Show ``book``, keeping (or moving to) the printer ``select``; else this register's default,
        else the first, so the buttons acting on a printer work at once."""
        default = book.defaults.get(self.printing.register_id)
        names = [printer.name for printer in book.printers]
        keep = next((n for n in (select, self.selected_name(), default) if n in names), None)
        keep = keep or (names[0] if names else None)
        self.book = book
        self.table.setRowCount(0)
        for printer in book.printers:
            render = printer.render
            cells = (
                printer.name,
                str(printer.transport),
                _tr("{width} mm").format(width=paper_of(printer)),
                label_of(MODES, render.mode.value),
                label_of(CUTTERS, render.cutter.value),
                _tr("yes") if printer.name == default else "",
            )
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if printer.name == keep:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.update_state()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return item.text() if item is not None else None

    def selected(self) -> PrinterProfile | None:
        name = self.selected_name()
        return next((p for p in self.book.printers if p.name == name), None)

    def chosen(self) -> PrinterProfile:
        """The selected printer (the buttons acting on one are disabled while none is selected)."""
        printer = self.selected()
        if printer is None:
            raise RuntimeError("no printer is selected")
        return printer

    def update_state(self) -> None:
        chosen = self.selected() is not None
        for button in self.selected_buttons:
            button.setEnabled(chosen)

    def say(self, text: Callable[[], str], *, trouble: bool = False) -> None:
        """Say ``text()`` under the list (made again after a language switch)."""
        self._said = text
        self.status_label.setText(text())
        self.status_label.setStyleSheet(theme.style("error_label") if trouble else "")

    def _retranslate(self) -> None:
        """After a language switch: the headers, the cells and the last sentence composed with a name."""
        self.table.setHorizontalHeaderLabels([_tr(c) for c in _COLUMNS])
        self.show_book(self.book)
        self.status_label.setText(self._said())

    # -- the buttons -------------------------------------------------------------------------------

    @action_slot(busy=_BUSY, after="update_state")
    async def on_add_printer_clicked(self) -> None:
        await self._open_form(None)

    @action_slot(busy=_BUSY, after="update_state")
    async def on_edit_printer_clicked(self) -> None:
        await self._open_form(self.chosen())

    async def _open_form(self, printer: PrinterProfile | None) -> None:
        default = printer is not None and self.book.defaults.get(self.printing.register_id) == printer.name

        async def save(profile: PrinterProfile, make_default: bool) -> None:
            book = await self.printing.save_printer(self.actor, profile, default=make_default)
            self.changed_to(book, profile.name, lambda: _tr("{name} is saved.").format(name=profile.name))

        await PrinterForm(self, printer, is_default=default or not self.book.printers, save=save).answer()

    @action_slot(busy=_BUSY, after="update_state")
    async def on_remove_printer_clicked(self) -> None:
        name = self.chosen().name
        book = await self.printing.remove_printer(self.actor, name)
        self.changed_to(book, None, lambda: _tr("{name} is removed.").format(name=name))

    @action_slot(busy=_BUSY, after="update_state")
    async def on_default_printer_clicked(self) -> None:
        name = self.chosen().name
        book = await self.printing.set_default(self.actor, name)
        self.changed_to(
            book, name, lambda: _tr("Receipts of this register now print on {name}.").format(name=name)
        )

    def changed_to(self, book: PrinterBook, select: str | None, said: Callable[[], str]) -> None:
        """A change was saved: show the book it made (``select``ing a printer) and say ``said``."""
        if shiboken6.isValid(self):
            self.show_book(book, select)
            self.say(said)

    @action_slot(busy=_BUSY, after="update_state")
    async def on_test_printer_clicked(self) -> None:
        printer = self.chosen()
        self.say(lambda: _tr("Printing the test page on {name}…").format(name=printer.name))
        outcome = await self.printing.test_print(printer.name)
        if shiboken6.isValid(self):
            self.say_outcome(
                outcome, lambda: _tr("The test page was printed on {name}.").format(name=printer.name)
            )

    @action_slot(busy=_BUSY, after="update_state")
    async def on_calibrate_printer_clicked(self) -> None:
        printer = self.chosen()
        self.say(lambda: _tr("Printing the calibration page on {name}…").format(name=printer.name))
        outcome = await self.printing.print_calibration(printer.name)
        if not shiboken6.isValid(self):
            return
        if outcome.outcome is Outcome.FAILED:
            self.say_outcome(outcome, str)
            return
        self.say(lambda: outcome_text(outcome))
        line = await CalibrationQuestion.ask(self, printer.name)
        if line is None or not shiboken6.isValid(self):
            return
        chosen = calibrated(printer.render, line or None)
        book = await self.printing.save_printer(
            self.actor,
            PrinterProfile(printer.name, printer.transport, chosen, printer.status),
            default=self.book.defaults.get(self.printing.register_id) == printer.name,
        )
        mode = chosen.mode.value
        self.changed_to(
            book,
            printer.name,
            lambda: _tr("{name} now prints: {mode}.").format(name=printer.name, mode=label_of(MODES, mode)),
        )

    def say_outcome(self, outcome: PrintOutcome, printed: Callable[[], str]) -> None:
        """What the printer did: ``printed()`` when it printed (with any warning), else its trouble."""
        if outcome.outcome is Outcome.PRINTED:
            self.say(lambda: " ".join(t for t in (printed(), outcome_text(outcome)) if t))
        else:
            self.say(lambda: outcome_text(outcome), trouble=outcome.outcome is Outcome.FAILED)


_ONLY_MANAGERS = "Only a manager or an administrator can change the printers."  # the service's words


class CalibrationQuestion(QDialog):
    """Which numbered line of the calibration page printed right? One per code page, and "none"."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName("calibration_question")
        self.setMinimumWidth(440)
        self.answer: int | None = None
        intro = QLabel(wordWrap=True)

        def texts() -> None:  # composed with the printer's name: made again after a language switch
            self.setWindowTitle(_tr("Calibrate {name}").format(name=name))
            intro.setText(
                _tr(
                    "Look at the calibration page {name} printed. Line {image} is an image of what every "
                    "line should show. Which numbered line shows its letters exactly like line {image}?"
                ).format(name=name, image=IMAGE_LINE)
            )

        texts()
        on_language_change(self, texts)
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for candidate in CANDIDATES:
            button = named(QRadioButton(candidate_line(candidate)), f"calibration_line_{candidate.number}")
            self.choices.addButton(button, candidate.number)
            layout.addWidget(button)
        none = named(QRadioButton(_tr("None of them (print receipts as images)")), "calibration_line_none")
        self.choices.addButton(none, 0)
        layout.addWidget(none)
        note = QLabel(
            _tr(
                "Line 1 right: text with every Kazakh letter (fastest). Line 2 or 3: Russian text, "
                "Kazakh lines as images."
            ),
            wordWrap=True,
        )
        note.setStyleSheet(theme.style("note_text"))
        layout.addWidget(note)
        buttons, self.ok_button = dialog_buttons(
            self, QDialogButtonBox.StandardButton.Cancel, _tr("Use this line"), "calibration_ok", self._chosen
        )
        self.ok_button.setEnabled(False)
        self.choices.idClicked.connect(lambda _id: self.ok_button.setEnabled(True))
        layout.addWidget(buttons)

    def _chosen(self) -> None:
        self.answer = self.choices.checkedId()
        self.accept()

    @classmethod
    async def ask(cls, parent: QWidget | None, name: str) -> int | None:
        """The line number chosen, 0 for none of them, None when cancelled."""
        dialog = cls(parent, name)
        await run_dialog_once(dialog)
        return dialog.answer
