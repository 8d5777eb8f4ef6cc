"""The Shift menu of the main window and the shift in its status bar (decision 0112).

:class:`ShiftScreens` connects the window's ``shift_*_requested`` signals to the flows of
``ui/shifts/flows.py`` (open, X report, close with the Z report) and to the shift history, each run as
the window's one shift command at a time (a second click while one runs does nothing, and the Shift
menu's commands are disabled meanwhile: a double click never closes twice).

It also keeps what the window shows of this register's shift current: read at each log-in, after
every shift command of this window, at once when a refund, charge, cancel or sale is refused for want of
its shift (it was closed at another counter or in another window: ``ShiftFoundClosed``, decision 0167),
and every :data:`SHIFT_REFRESH_S` seconds (another counter of the same register may close it; a shift
turns overdue while the console sits there). The status bar then
says "Shift N open since HH:MM", or loudly that it has been open too long (the shop's warning hours).
The same timer is the fiscal badge's minute (``fiscal_screens``, decision 0141), which seldom asks the
fiscal register itself.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from collections.abc import Coroutine
from dataclasses import replace
from typing import Any
from typing import Final

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal

from epay_desktop.app import AppContext
from epay_desktop.domain import ConsoleError
from epay_desktop.domain import User
from epay_desktop.domain.shifts import Shift
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.ui.app.bridge import EventBridge
from epay_desktop.ui.common.asyncqt import NewestWins
from epay_desktop.ui.common.asyncqt import start_action
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.session.session import Session
from epay_desktop.ui.window.actions import ShiftState
from epay_desktop.ui.window.main_window import MainWindow

__all__ = ["SHIFT_REFRESH_S", "ShiftScreens"]

log = logging.getLogger(__name__)

#: How often the register's shift is read again while someone is signed in (another counter's close,
#: the overdue warning's hour).
SHIFT_REFRESH_S: Final = 60

#: The shown message after a shift was opened stays this long in the status bar.
OPENED_SHOWN_MS: Final = 15_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppShifts", text)


class ShiftScreens(QObject):
    """The shift commands and the shift state of one main window; built and wired by the AppController."""

    command_ended = Signal()  # a shift command (open, X, close) ended: the fiscal badge reads again too

    def __init__(
        self, window: MainWindow, ctx: AppContext, session: Session, current_user: Callable[[], User]
    ) -> None:
        """``current_user``: who is signed in (the controller's; the commands are disabled without one)."""
        super().__init__(window)
        self.window, self.ctx, self.session, self._user = window, ctx, session, current_user
        self._busy = False  # a shift command (open, X, close) runs now
        self._state = ShiftState()
        self._reads = NewestWins("shift_read")
        self.reads = 0  # reads of the shift that ended (tests wait on it, never on the clock)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(SHIFT_REFRESH_S * 1000)
        self.refresh_timer.timeout.connect(self.refresh)

    def wire(self, bridge: EventBridge) -> None:
        """``bridge``: something refused for want of this register's shift reads it again at once."""
        w = self.window
        w.shift_open_requested.connect(self.open_shift)
        w.shift_x_requested.connect(self.x_report)
        w.shift_close_requested.connect(self.close_shift)
        w.shift_history_requested.connect(self.open_history)
        self.session.user_changed.connect(self._on_user_changed)
        bridge.shift_found_closed.connect(self._on_found_closed)

    # -- the commands ----------------------------------------------------------------------------

    def _run(self, make: Callable[[], Coroutine[Any, Any, None]]) -> asyncio.Task[None] | None:
        """One shift command at a time (whichever it is); the Shift menu is disabled while it runs."""
        task = start_action(self.window, "shift", make, after=self._ended)
        if task is not None:
            self._busy = True
            self._show(self._state)
        return task

    def _ended(self) -> None:
        self._busy = False
        self._show(self._state)
        self.refresh()
        self.command_ended.emit()

    def open_shift(self) -> asyncio.Task[None] | None:
        """Shift > Open shift…: one confirmation, then the shift is open (anyone signed in)."""

        async def flow() -> None:
            from epay_desktop.ui.shifts.flows import open_shift_flow

            shift = await open_shift_flow(self.window, self.ctx.shifts, self._user())
            if shift is not None and shiboken6.isValid(self.window):
                self._tell_opened(shift)

        return self._run(flow)

    def x_report(self) -> asyncio.Task[None] | None:
        """Shift > X report…: with or without the bank check, shown in the report window."""

        async def flow() -> None:
            from epay_desktop.ui.shifts.flows import x_report_flow

            await x_report_flow(self.window, self.ctx.shifts, self.show_report)

        return self._run(flow)

    def close_shift(self) -> asyncio.Task[None] | None:
        """Shift > Close shift (Z report)…: a manager's, or a cashier's with a manager signing in."""

        async def flow() -> None:
            from epay_desktop.ui.shifts.flows import close_shift_flow

            await close_shift_flow(
                self.window, self.ctx.shifts, self.ctx.users, self._user(), self.show_report
            )

        return self._run(flow)

    def open_history(self) -> asyncio.Task[None] | None:
        """Shift > Shift history…: the register's recent shifts; a closed one opens its Z report."""

        async def flow() -> None:
            from epay_desktop.ui.shifts.history import ShiftHistoryDialog

            await ShiftHistoryDialog.show_history(self.window, self.ctx.shifts, self.ctx.printing)

        return start_action(self.window, "shift_history", flow)

    async def show_report(self, report: ShiftReport) -> None:
        """An X or Z report in its window (print, save); the status bar follows a close at once."""
        from epay_desktop.ui.shifts.report_view import ShiftReportDialog

        self.refresh()
        await ShiftReportDialog.show_report(self.window, report, self.ctx.shifts, self.ctx.printing)

    def _tell_opened(self, shift: Shift) -> None:
        self.window.statusBar().showMessage(
            _tr("Shift {number} opened at {time} by {name}.").format(
                number=shift.number, time=local_time_text(shift.opened_at)[-5:], name=self._user().name
            ),
            OPENED_SHOWN_MS,
        )
        self._show(ShiftState(True, shift, None, self._state.manager_only))

    # -- what the window shows -------------------------------------------------------------------

    def _show(self, state: ShiftState) -> None:
        self._state = state
        if shiboken6.isValid(self.window):
            self.window.set_shift(replace(state, busy=self._busy))

    def _on_user_changed(self, user: User | None) -> None:
        self._show(ShiftState())  # not said until read for this person
        if user is None:
            self.refresh_timer.stop()
            return
        self.refresh_timer.start()
        self.refresh()

    def _on_found_closed(self, register_id: str) -> None:
        """Refused for want of a shift at ``register_id``: when it is this one, it is read again now, so
        the status bar and the Shift menu stop saying it is open (decision 0167)."""
        if register_id == self.ctx.shifts.register_id:
            self.refresh()

    def refresh(self) -> None:
        """Read this register's shift again now; a read still under way is dropped (the newer one wins)."""
        if not shiboken6.isValid(self.window) or self.session.user is None:
            return
        self._reads.start(self._read())

    async def _read(self) -> None:
        try:
            state = await self._state_now()
        except (ConsoleError, OSError) as exc:  # the database busy: the last state stays shown
            log.warning("event=shift_read_failed error=%s", type(exc).__name__)
            return
        finally:
            self.reads += 1
        if shiboken6.isValid(self.window) and self.session.user is not None:
            self._show(state)

    async def _state_now(self) -> ShiftState:
        """The register's open shift, how many hours it has been open once it is overdue, the rules."""
        shifts = self.ctx.shifts
        shift = await shifts.current()
        rules = await shifts.rules()
        hours = None
        if shift is not None and await shifts.warning(shift) is not None:
            hours = int((self.ctx.clock() - shift.opened_at).total_seconds() // 3600)
        return ShiftState(True, shift, hours, not rules.cashier_may_close)
