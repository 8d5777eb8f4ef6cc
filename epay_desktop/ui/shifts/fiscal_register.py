"""Shift > Fiscal register…: the online cash register's shift, its X report, and its Z (issue 14;
decision 0127).

The window reads the register's shift when it opens and on Refresh (number, open since, must be closed
by, documents, whether the register works offline), in the background: the window stays usable and a
failure is said in plain words in it. X report shows the shift's totals so far (sales and returns: count,
total, by card, VAT); "Close fiscal shift (Z report)…" is a manager's (a cashier reads why over the
buttons): it asks once, closes the shift, shows the Z report's totals and says how many receipts the
register had refused for the old shift and has now taken, apart from those that had waited for another
reason and were taken too (decision 0158). One command runs at a time (a double click closes once);
a shift already closed is said so. The window is as tall as what it shows (decision 0131).

Without a configured fiscal register the menu command says where a manager sets one up
(:func:`open_fiscal_register`) instead of opening the window.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from collections.abc import Coroutine
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.services.fiscal.setup import FiscalSetup
from epay_desktop.services.fiscal.shift_watch import Deadline
from epay_desktop.services.fiscal.shift_watch import ShiftClosed
from epay_desktop.services.fiscal.shift_watch import deadline_of
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import ask_message
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.formatting import money_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.screen_fit import size_for_screen
from epay_desktop.ui.common.table_model import cell_alignment
from epay_desktop.ui.widgets.form_parts import text_label

__all__ = ["FiscalRegisterDialog", "no_register_text", "open_fiscal_register"]

Button = QMessageBox.StandardButton
NOTHING = "—"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FiscalRegisterDialog", text)


def no_register_text() -> str:
    """Where a fiscal register is set up (the menu command without one, the window when one is gone)."""
    return _tr(
        "No fiscal register is set up, so receipts are not fiscal. A manager sets it up in Settings, "
        "Settings…, on the Fiscal register tab (the provider, its address, the cash register's number, the "
        "API key and the password)."
    )


class FiscalRegisterDialog(QDialog):
    """The register's shift, its X report and its Z; ``user``: who is signed in (a manager closes)."""

    def __init__(
        self,
        fiscal: FiscalService,
        user: User,
        *,
        provider: str,
        cashbox: str,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fiscal_register_dialog")
        self._fiscal, self._user, self._clock = fiscal, user, clock
        self._provider, self._cashbox = provider, cashbox
        self._task: asyncio.Task[None] | None = None
        # the register's answers (fiscal/models.py's ShiftState and ShiftReport: read here by their fields,
        # the front ends never import the fiscal adapters' package)
        self.state: Any = None  # the shift as last read (None: not read, or no provider)
        self.report: Any = None  # the X or Z report shown
        self.closed: ShiftClosed | None = None  # this window's Z, once made
        self._said: Callable[[], str] | None = None  # the last outcome or failure, made again on a switch
        self._problem = False
        self._closing = False  # a Z is being sent
        self.reads = 0  # reads of the shift that ended (tests wait on it)
        self.register_label = text_label("fiscal_register_label")
        self.shift_value = named(QLabel(), "fiscal_shift_value")
        self.opened_value = named(QLabel(), "fiscal_opened_value")
        self.close_by_value = named(QLabel(), "fiscal_close_by_value")
        self.documents_value = named(QLabel(), "fiscal_documents_value")
        self.offline_value = named(QLabel(), "fiscal_offline_value")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self._form_rows: list[tuple[Callable[[], str], QLabel]] = [
            (lambda: _tr("Shift"), self.shift_value),
            (lambda: _tr("Open since"), self.opened_value),
            (lambda: _tr("Must be closed by"), self.close_by_value),
            (lambda: _tr("Documents in the shift"), self.documents_value),
            (lambda: _tr("Connection to the OFD"), self.offline_value),
        ]
        for _words, value in self._form_rows:
            self.form.addRow(QLabel(), value)
        self.warning_label = text_label("fiscal_warning_label", "error_label", hidden=True)
        self.message_label = text_label("fiscal_message_label", hidden=True)
        self.report_label = text_label("fiscal_report_label", hidden=True)
        self.report_table = named(QTableWidget(2, 4), "fiscal_report_table")
        self.report_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.report_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.report_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for policy in (
            self.report_table.setVerticalScrollBarPolicy,
            self.report_table.setHorizontalScrollBarPolicy,
        ):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # two rows, four columns: always whole
        self.report_table.hide()
        self.retried_label = text_label("fiscal_retried_label", "note_text", hidden=True)
        self.z_reason_label = text_label("fiscal_z_reason_label", "note_text", hidden=True)
        self.refresh_button = named(QPushButton(), "fiscal_refresh_button")
        self.x_button = named(QPushButton(), "fiscal_x_button")
        self.z_button = named(QPushButton(), "fiscal_z_button")
        self.close_button = named(QPushButton(), "fiscal_close_button")
        for button in (self.refresh_button, self.x_button, self.z_button):
            button.setAutoDefault(False)
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.refresh_button, self.x_button, self.z_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = self._column = QVBoxLayout(self)
        layout.addWidget(self.register_label)
        layout.addLayout(self.form)
        said = (
            self.warning_label,
            self.message_label,
            self.report_label,
            self.report_table,
            self.retried_label,
        )
        for widget in said:
            layout.addWidget(widget)
        layout.addStretch(1)  # a window made taller than its content: the room goes above the buttons
        layout.addWidget(self.z_reason_label)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.refresh)
        self.x_button.clicked.connect(self.x_report)
        self.z_button.clicked.connect(self.close_shift)
        self.close_button.clicked.connect(self.accept)
        on_language_change(self, self.retranslate)
        self.resize(size_for_screen(self, QSize(720, 440)))
        self.retranslate()  # and as tall as its content

    # -- what it shows ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def reject(self) -> None:
        """Close (Esc, the title bar); not while a Z is being sent: its answer is shown first."""
        if not self._closing:
            super().reject()

    @property
    def manager(self) -> bool:
        return self._user.role.can_move_money

    def retranslate(self) -> None:
        """Every text in the language now (a switch while it is open)."""
        self.setWindowTitle(_tr("Fiscal register"))
        self.register_label.setText(
            _tr("{provider} · cash register {cashbox}").format(provider=self._provider, cashbox=self._cashbox)
        )
        for row, (words, _value) in enumerate(self._form_rows):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = label.widget() if label is not None else None
            if isinstance(widget, QLabel):
                widget.setText(words())
        self.refresh_button.setText(_tr("&Refresh"))
        self.x_button.setText(_tr("&X report"))
        self.z_button.setText(_tr("Close fiscal shift (&Z report)…"))
        self.close_button.setText(_tr("Close"))
        self.report_table.setHorizontalHeaderLabels(
            [_tr("Receipts"), _tr("Total"), _tr("By card"), _tr("VAT")]
        )
        self.report_table.setVerticalHeaderLabels([_tr("Sales"), _tr("Returns")])
        self._show_state()
        self._show_report()
        self._say(self._said, problem=self._problem)

    def _show_state(self) -> None:
        state, now = self.state, self._clock()
        values = [NOTHING] * 5
        deadline = deadline_of(state, now)
        if state is not None:
            is_open = state.shift_number is not None and not state.closed
            if state.shift_number is None:
                values[0] = _tr("none open: the next receipt opens one")
            elif is_open:
                values[0] = _tr("{number}, open").format(number=state.shift_number)
            else:
                values[0] = _tr("{number}, closed: the next receipt opens the next one").format(
                    number=state.shift_number
                )
            if is_open and state.opened_at is not None:
                values[1] = local_time_text(state.opened_at)
            if is_open and state.close_by is not None:
                values[2] = local_time_text(state.close_by)
                if deadline is Deadline.OVER:
                    values[2] = _tr("{time}: over 24 hours, the register refuses receipts").format(
                        time=values[2]
                    )
            values[3] = str(state.documents)
            values[4] = (
                _tr("offline: receipts are kept and sent when it is back (72 hours at most)")
                if state.cashbox_offline
                else _tr("online")
            )
        for (_words, label), value in zip(self._form_rows, values, strict=True):
            label.setText(value)
        tone = {Deadline.OVER: ("alert", "on_strong"), Deadline.SOON: ("attention", "on_attention")}
        colours = tone.get(deadline)
        self.close_by_value.setStyleSheet(
            theme.style("status_badge", bg=colours[0], fg=colours[1]) if colours else ""
        )
        warning = self._warning(deadline, state.close_by if state is not None else None)
        self.warning_label.setText(warning)
        self.warning_label.setVisible(bool(warning))
        self._update_buttons()
        self._fit_height()

    def _warning(self, deadline: Deadline, close_by: datetime | None) -> str:
        """What the shift's 24 hours mean for the person now ("": nothing)."""
        if deadline is Deadline.OVER:
            if self.manager:
                return _tr(
                    "The fiscal shift has been open for more than 24 hours: the register refuses every "
                    "receipt until it is closed. Close it with the Z report; the refused receipts are then "
                    "registered."
                )
            return _tr(
                "The fiscal shift has been open for more than 24 hours: the register refuses every receipt "
                "until a manager closes it with the Z report."
            )
        if deadline is Deadline.SOON and close_by is not None:
            return _tr(
                "Close the fiscal shift with the Z report by {time}: after that the register refuses "
                "receipts until it is closed."
            ).format(time=local_time_text(close_by)[-5:])
        return ""

    def _show_report(self) -> None:
        report = self.report
        self.report_label.setVisible(report is not None)
        self.report_table.setVisible(report is not None)
        if report is None:
            self._fit_height()
            return
        if report.closed_at is not None:
            title = _tr("Z report: shift {number} closed at {time}").format(
                number=report.shift_number, time=local_time_text(report.closed_at)
            )
        else:
            when = report.reported_at or self._clock()
            title = _tr("X report: shift {number} so far, at {time} (nothing was changed)").format(
                number=report.shift_number, time=local_time_text(when)
            )
        self.report_label.setText(title)
        for row, totals in enumerate((report.sales, report.returns)):
            cells = [
                str(totals.count),
                money_text(totals.total, blank_zero=False),
                money_text(totals.card, blank_zero=False),
                money_text(totals.vat, blank_zero=False),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(cell_alignment(True))
                self.report_table.setItem(row, column, item)
        table = self.report_table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth())
        self._show_retried()

    def _show_retried(self) -> None:
        closed = self.closed
        if closed is None or not closed.retried:
            self.retried_label.hide()
            self._fit_height()
            return
        lines = []
        if closed.registered_for_shift:  # only what the old shift held back (decision 0158)
            lines.append(
                _tr("Receipts the register had refused for the old shift, registered now: {count}.").format(
                    count=len(closed.registered_for_shift)
                )
            )
        if closed.registered_otherwise:
            lines.append(
                _tr(
                    "Receipts that had waited for another reason (refused for something else, or not "
                    "answered), asked again and registered now: {count}."
                ).format(count=len(closed.registered_otherwise))
            )
        if closed.still_refused:
            lines.append(
                _tr("Still not registered: {count}; Needs attention says why.").format(
                    count=len(closed.still_refused)
                )
            )
        self.retried_label.setText("\n".join(lines))
        self.retried_label.show()
        self._fit_height()

    def _update_buttons(self) -> None:
        state, busy = self.state, self.busy
        is_open = state is not None and state.shift_number is not None and not state.closed
        self.refresh_button.setEnabled(not busy)
        self.x_button.setEnabled(not busy and state is not None and state.shift_number is not None)
        self.z_button.setEnabled(not busy and self.manager and is_open)
        if not self.manager:  # said in words over the buttons too: a cashier does not hover
            why = _tr("Only a manager can close the fiscal shift: ask a manager to sign in.")
        elif state is not None and not is_open:
            why = _tr("No fiscal shift is open: the next receipt opens one.")
        else:
            why = _tr("Closes the register's shift with a Z report; the next receipt opens the next one.")
        self.z_button.setToolTip(why)
        self.z_reason_label.setText(why if not self.manager else "")
        self.z_reason_label.setVisible(not self.manager)

    def _say(self, text: Callable[[], str] | None, *, problem: bool = False) -> None:
        """The outcome or failure under the shift (None: nothing to say); made again after a switch."""
        self._said, self._problem = text, problem
        self.message_label.setStyleSheet(theme.style("error_label" if problem else "note_text"))
        self.message_label.setText(text() if text is not None else "")
        self.message_label.setVisible(text is not None)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as what it shows at its width (decision 0131): no empty space while only the shift is
        shown, and the room for the X report once it is (the width stays the person's)."""
        layout, width = self._column, self.width()
        hint = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        self.resize(width, hint if hint > 0 else layout.totalSizeHint().height())

    # -- the commands ----------------------------------------------------------------------------

    def _run(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None] | None:
        """One command at a time: a click while one runs does nothing (``work`` is dropped)."""
        if self.busy:
            work.close()
            return None
        self._task = spawn(self._guarded(work), name="fiscal_register", busy=self)
        self._update_buttons()
        return self._task

    async def _guarded(self, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except Exception as exc:  # the register's or the network's failure: said in the window
            said = user_message_of(exc)
            if said is None:
                raise  # a bug: the crash handler
            if shiboken6.isValid(self):
                refused = exc
                self._say(lambda: user_message_of(refused) or said, problem=True)
        finally:
            if shiboken6.isValid(self):
                self._task = None
                self._update_buttons()

    def refresh(self) -> asyncio.Task[None] | None:
        """Read the register's shift again."""
        return self._run(self._read())

    async def _read(self) -> None:
        self._say(lambda: _tr("Reading the fiscal register…"))
        try:
            state = await self._fiscal.shift_state()
        finally:
            self.reads += 1
        if not shiboken6.isValid(self):
            return
        self.state = state
        self._say(no_register_text if state is None else None, problem=True)
        self._show_state()

    def x_report(self) -> asyncio.Task[None] | None:
        """The shift's totals so far (nothing is changed)."""

        async def work() -> None:
            self._say(lambda: _tr("Asking the register for the X report…"))
            report = await self._fiscal.x_report()
            if shiboken6.isValid(self):
                self._show_made(report, None)

        return self._run(work())

    def close_shift(self) -> asyncio.Task[None] | None:
        """A manager's Z: asked once, then the shift closed and its totals shown."""
        if not self.manager or self.busy or self.state is None:
            return None
        number = self.state.shift_number
        return self._run(self._close(number))

    async def _close(self, number: int | None) -> None:
        chosen = await ask_message(
            self,
            _tr("Close fiscal shift"),
            lambda: _tr(
                "Close fiscal shift {number} of cash register {cashbox} with a Z report?\n\nThe register "
                "then opens the next shift with the next receipt. This cannot be undone."
            ).format(number=number, cashbox=self._cashbox),
            Button.Ok | Button.Cancel,
            default=Button.Cancel,
            labels={Button.Ok: _tr("Close the &shift")},
        )
        if chosen != Button.Ok or not shiboken6.isValid(self):
            return
        self._say(lambda: _tr("Closing the fiscal shift…"))
        self._closing = True
        try:
            closed = await self._fiscal.close_shift_as(self._user)
        except Exception:  # e.g. closed meanwhile at another counter: said, with the shift as it is now
            await self._reread()
            raise
        finally:
            self._closing = False
        if not shiboken6.isValid(self):
            return
        self.closed = closed
        shift = closed.report.shift_number if closed is not None else None
        self._show_made(
            closed.report if closed is not None else None,
            lambda: _tr("Fiscal shift {number} is closed. The next receipt opens the next one.").format(
                number=shift
            ),
        )

    def _show_made(self, report: Any, said: Callable[[], str] | None) -> None:
        """A report the register made, shown with its shift as the report says it; ``said``: the outcome
        in words. None: no fiscal register any more (its settings were changed meanwhile)."""
        if report is None:
            self._say(no_register_text, problem=True)
            return
        self.report, self.state = report, report.state
        self._say(said)
        self._show_state()
        self._show_report()

    async def _reread(self) -> None:
        """The shift as it is now, after a refused Z; a failure here leaves the last one shown."""
        try:
            state = await self._fiscal.shift_state()
        except Exception as exc:
            if user_message_of(exc) is None:
                raise
            return
        if shiboken6.isValid(self):
            self.state = state
            self._show_state()


async def open_fiscal_register(
    parent: QWidget,
    fiscal: FiscalService,
    setup: FiscalSetup,
    user: User,
    clock: Callable[[], datetime],
) -> None:
    """Shift > Fiscal register…: the window (its shift read at once), or, without a configured fiscal
    register, where a manager sets one up."""
    settings = await setup.load()
    connection = await fiscal.connection() if settings.configured else None
    if connection is None:
        await ask_message(
            parent, _tr("Fiscal register"), no_register_text, Button.Ok, icon=QMessageBox.Icon.Information
        )
        return
    dialog = FiscalRegisterDialog(
        fiscal, user, provider=connection.provider.name, cashbox=settings.cashbox, clock=clock, parent=parent
    )
    dialog.refresh()
    await run_dialog_once(dialog)
