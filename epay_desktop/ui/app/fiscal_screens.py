"""Shift > Fiscal register… and the fiscal shift's badge in the status bar (issue 14; decision 0127).

:class:`FiscalScreens` opens the fiscal register's window (``ui/shifts/fiscal_register.py``) as one
command of the main window at a time, and keeps the status bar's badge current: the register's shift is
read at each log-in, after the window's and the Shift menu's commands, when a receipt is refused for the
shift's 24 hours, and on the shift's 60-second timer (the 24 hours run out while the console sits there;
another counter may close the shift), in the background: a read that fails leaves the last badge
shown. Nothing is read while nobody is signed in or no fiscal register is set up.
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
from epay_desktop.services.fiscal.shift_watch import Deadline, deadline_of, needs_shift_close
from epay_desktop.ui.app.bridge import EventBridge
from epay_desktop.ui.app.shift_screens import ShiftScreens
from epay_desktop.ui.common.asyncqt import NewestWins, start_action, user_message_of
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
        self.reads = 0  # reads that ended (tests wait on it, never on the clock)

    def wire(self, bridge: EventBridge) -> None:
        """``bridge``: a receipt refused for the shift's 24 hours is read at once (not at the next tick)."""
        self.window.fiscal_register_requested.connect(self.open_register)
        bridge.fiscal_updated.connect(self._on_record)
        self.session.user_changed.connect(self._on_user_changed)
        self._shifts.refresh_timer.timeout.connect(self.refresh)
        self._shifts.command_ended.connect(self.refresh)

    def open_register(self) -> asyncio.Task[None] | None:
        """Shift > Fiscal register… (or the badge): the window; the badge follows what was done there."""

        async def flow() -> None:
            from epay_desktop.ui.shifts.fiscal_register import open_fiscal_register

            ctx = self.ctx
            await open_fiscal_register(self.window, ctx.fiscal, ctx.fiscal_setup, self._user(), ctx.clock)

        return start_action(self.window, "fiscal_register", flow, after=self.refresh)

    def _on_record(self, record: FiscalRecord) -> None:
        if needs_shift_close(record):
            self.refresh()

    def _on_user_changed(self, user: User | None) -> None:
        self._show(Deadline.NONE, None)  # not said until read for this person
        self.refresh()

    def refresh(self) -> None:
        """Read the register's shift again now, for the person signed in; a read still under way is
        dropped (the newer one wins)."""
        if self.session.user is not None and shiboken6.isValid(self.window):
            self._reads.start(self._read())

    async def _read(self) -> None:
        try:
            state = await self.ctx.fiscal.shift_state()
        except Exception as exc:  # the register or the network: the badge stays as it was
            if user_message_of(exc) is None and not isinstance(exc, OSError):
                raise
            log.warning("event=fiscal_shift_read_failed error=%s", type(exc).__name__)
            return
        finally:
            self.reads += 1
        if self.session.user is not None:
            self._show(deadline_of(state, self.ctx.clock()), state.close_by if state is not None else None)

    def _show(self, deadline: Deadline, close_by: datetime | None) -> None:
        if shiboken6.isValid(self.window):
            self.window.status_bar.fiscal_badge.set_deadline(deadline, close_by)
