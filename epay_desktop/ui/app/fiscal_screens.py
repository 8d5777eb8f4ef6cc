"""Shift > Fiscal register… and the fiscal shift's badge in the status bar (issue 14; decision 0127).

:class:`FiscalScreens` opens the fiscal register's window (``ui/shifts/fiscal_register.py``) as one
command of the main window at a time, and keeps the status bar's badge current (decision 0141): the
register's shift is read at each log-in, after the window's and the Shift menu's commands, when a receipt
is refused for the shift's 24 hours or registered while no shift was known open, in the background. On
the shift's minute timer the badge follows the console's clock from the last shift read (the 24 hours run
out while the console sits there), and the register is read again only when the badge would change (made
sure of first) or ``shift_watch.RECHECK`` (15 minutes) after it was last asked (another counter may close
the shift). A read that fails leaves the last shift read, the badge still following the clock. Nothing
is read while nobody is signed in.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

import shiboken6
from PySide6.QtCore import QObject

from epay_desktop.app import AppContext
from epay_desktop.domain import User
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.services.fiscal.shift_watch import Deadline
from epay_desktop.services.fiscal.shift_watch import ShiftWatch
from epay_desktop.services.fiscal.shift_watch import needs_shift_close
from epay_desktop.ui.app.bridge import EventBridge
from epay_desktop.ui.app.shift_screens import ShiftScreens
from epay_desktop.ui.common.asyncqt import NewestWins
from epay_desktop.ui.common.asyncqt import start_action
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.session.session import Session
from epay_desktop.ui.window.main_window import MainWindow

__all__ = ["FiscalScreens"]

log = logging.getLogger(__name__)


class FiscalScreens(QObject):
    """The fiscal register's window and badge of one main window; built and wired by the AppController.

    ``shifts``: the Shift menu's screens: their periodic read and the end of their commands read this too."""

    def __init__(
        self,
        window: MainWindow,
        ctx: AppContext,
        session: Session,
        current_user: Callable[[], User],
        shifts: ShiftScreens,
    ) -> None:
        super().__init__(window)
        self.window, self.ctx, self.session, self._user, self._shifts = (
            window,
            ctx,
            session,
            current_user,
            shifts,
        )
        self._reads = NewestWins("fiscal_shift_read")
        self.watch = ShiftWatch()  # the last shift read and the badge shown, for the person signed in
        self.reads = 0  # reads that ended (tests wait on it, never on the clock)

    def wire(self, bridge: EventBridge) -> None:
        """``bridge``: a receipt refused for the shift's 24 hours is read at once (not at the next tick)."""
        self.window.fiscal_register_requested.connect(self.open_register)
        bridge.fiscal_updated.connect(self._on_record)
        self.session.user_changed.connect(self._on_user_changed)
        self._shifts.refresh_timer.timeout.connect(self.tick)
        self._shifts.command_ended.connect(self.refresh)

    def open_register(self) -> asyncio.Task[None] | None:
        """Shift > Fiscal register… (or the badge): the window; the badge follows what was done there."""

        async def flow() -> None:
            from epay_desktop.ui.shifts.fiscal_register import open_fiscal_register

            ctx = self.ctx
            await open_fiscal_register(self.window, ctx.fiscal, ctx.fiscal_setup, self._user(), ctx.clock)

        return start_action(self.window, "fiscal_register", flow, after=self.refresh)

    def _on_record(self, record: FiscalRecord) -> None:
        """Refused for the 24 hours: read at once; registered while no shift was known open: it opened one
        (a receipt in the shift already read changes nothing the badge shows)."""
        opened = record.state is FiscalState.REGISTERED and self.watch.close_by is None
        if needs_shift_close(record) or opened:
            self.refresh()

    def _on_user_changed(self, user: User | None) -> None:
        self.watch = ShiftWatch()
        self._show(Deadline.NONE, None)  # not said until read for this person
        self.refresh()

    def tick(self) -> None:
        """A minute on the shift's timer: the register is read only when :meth:`ShiftWatch.due` says so;
        otherwise the badge shown is what the clock says already."""
        if self.session.user is not None and self.watch.due(self.ctx.clock()):
            self.refresh()

    def refresh(self) -> None:
        """Read the register's shift again now, for the person signed in; a read still under way is
        dropped (the newer one wins)."""
        if self.session.user is not None and shiboken6.isValid(self.window):
            self.watch.asking(self.ctx.clock())
            self._reads.start(self._read())

    async def _read(self) -> None:
        try:
            state = await self.ctx.fiscal.shift_state()
        except Exception as exc:  # the register or the network: the badge stays as it was
            if user_message_of(exc) is None and not isinstance(exc, OSError):
                raise
            log.warning("event=fiscal_shift_read_failed error=%s", type(exc).__name__)
            if self.session.user is not None:
                self._show(self.watch.on_clock(self.ctx.clock()), self.watch.close_by)
            return
        finally:
            self.reads += 1
        if self.session.user is not None:
            self._show(self.watch.read(state, self.ctx.clock()), self.watch.close_by)

    def _show(self, deadline: Deadline, close_by: datetime | None) -> None:
        if shiboken6.isValid(self.window):
            self.window.status_bar.fiscal_badge.set_deadline(deadline, close_by)
