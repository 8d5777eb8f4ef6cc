"""What the Shift menu's commands do, step by step (decision 0112): ask -> the shift service -> show.

* :func:`open_shift_flow`: one confirmation, then the shift is opened (anyone signed in).
* :func:`x_report_flow`: whether to compare with the bank; the X report (with the bank check: its
  progress and Cancel in :class:`BankCheckDialog`), shown in the report window.
* :func:`close_shift_flow`: the close step (:class:`CloseShiftDialog`: a manager confirms, a cashier's
  manager signs in), the bank check with progress and Cancel (the shift then stays open, said so), the
  Z report shown. A shift another counter closed meanwhile is said plainly.

Each flow runs as the window's one shift command at a time (``ui/app/shift_screens.py``); errors that
carry a sentence are shown in plain words by the guarded action, anything else is a bug.
"""

from __future__ import annotations

from collections.abc import Awaitable
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.domain.shifts import NoOpenShift
from epay_desktop.domain.shifts import Shift
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.ui.common.asyncqt import ask_message
from epay_desktop.ui.common.asyncqt import show_error
from epay_desktop.ui.shifts.bank_progress import BankCheckDialog
from epay_desktop.ui.shifts.bank_progress import Progress
from epay_desktop.ui.shifts.close_dialog import CloseShiftDialog

if TYPE_CHECKING:
    from epay_desktop.services.people.users import UserService
    from epay_desktop.services.shifts.service import ShiftService

__all__ = ["close_shift_flow", "open_shift_flow", "x_report_flow"]

Button = QMessageBox.StandardButton

#: Shows a report (``ShiftReportDialog``, with what it needs to print and save it).
ShowReport = Callable[[ShiftReport], Awaitable[object]]
#: The bank check window's title and what its Stop leaves behind, made again after a language switch.
_Words = tuple[Callable[[], str], Callable[[], str]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShiftFlows", text)


def _gone(parent: QWidget, register_id: str) -> None:
    """No shift is open any more (closed at another counter meanwhile, or never opened): said plainly."""
    show_error(
        parent,
        lambda: _tr(
            "No shift is open at register {register} now: it may have been closed meanwhile on another "
            "computer of this register (its Z report is in Shift, Shift history). Open a new one with "
            "Shift, Open shift."
        ).format(register=register_id),
        _tr("No open shift"),
    )


async def open_shift_flow(parent: QWidget, shifts: ShiftService, actor: User) -> Shift | None:
    """Ask once, then open the register's next shift; None when the person changed their mind. Raises
    ShiftAlreadyOpen (another counter opened one a moment ago) for the guarded action to say."""
    chosen = await ask_message(
        parent,
        _tr("Open shift"),
        lambda: _tr(
            "Open a new shift at register {register}?\n\nThe payments taken here from now on are counted in "
            "it until it is closed with a Z report."
        ).format(register=shifts.register_id),
        Button.Ok | Button.Cancel,
        default=Button.Ok,
        labels={Button.Ok: _tr("&Open shift")},
    )
    if chosen != Button.Ok:
        return None
    return await shifts.open(actor)


async def x_report_flow(parent: QWidget, shifts: ShiftService, show: ShowReport) -> ShiftReport | None:
    """Ask whether to compare with the bank, make the X report (nothing is changed) and show it; None
    when cancelled or no shift is open (said)."""
    chosen = await ask_message(
        parent,
        _tr("X report"),
        _tr(
            "The X report shows the open shift's figures so far and changes nothing.\n\n"
            "Compare them with the bank too? Every payment of the shift is checked with the bank: this can "
            "take a while, and it can be stopped."
        ),
        Button.Yes | Button.No | Button.Cancel,
        default=Button.No,
        labels={Button.Yes: _tr("Check with the &bank"), Button.No: _tr("&Figures only")},
    )
    if chosen not in (Button.Yes, Button.No):
        return None

    async def x_report(progress: Progress | None) -> ShiftReport:
        return await shifts.x_report(check_bank=progress is not None, progress=progress)

    words: _Words = (
        lambda: _tr("X report: checking with the bank"),
        lambda: _tr("Stopping the check changes nothing: the X report is simply not made."),
    )
    report, _stopped = await _made(parent, shifts, x_report, words if chosen == Button.Yes else None)
    if report is not None and shiboken6.isValid(parent):
        await show(report)
    return report


async def close_shift_flow(
    parent: QWidget, shifts: ShiftService, users: UserService, actor: User, show: ShowReport
) -> ShiftReport | None:
    """Close the register's open shift with its Z report, shown when made; None when the close was
    cancelled (the shift stays open, said) or no shift is open (said)."""
    shift = await shifts.current()
    if shift is None:
        _gone(parent, shifts.register_id)
        return None
    rules = await shifts.rules()
    fiscal = await shifts.has_fiscal_register()
    request = await CloseShiftDialog(
        parent, shift, actor, users, may_skip_check=not rules.bank_check_required, fiscal=fiscal
    ).answer()
    if request is None or not shiboken6.isValid(parent):
        return None

    async def close(progress: Progress | None) -> ShiftReport:
        return await shifts.close(
            actor, approved_by=request.approved_by, check_bank=request.check_bank, progress=progress
        )

    words: _Words = (
        lambda: _tr("Closing shift {number}: checking with the bank").format(number=shift.number),
        lambda: _tr("Stopping the check leaves shift {number} open: nothing is closed.").format(
            number=shift.number
        ),
    )
    report, stopped = await _made(parent, shifts, close, words if request.check_bank else None)
    if stopped:
        report = await _after_stop(parent, shifts, shift)
    if report is not None and shiboken6.isValid(parent):
        await show(report)
    return report


async def _made(
    parent: QWidget,
    shifts: ShiftService,
    work: Callable[[Progress | None], Awaitable[ShiftReport]],
    words: _Words | None,
) -> tuple[ShiftReport | None, bool]:
    """``work``, in the bank check's window when ``words`` (its title, what Stop leaves) are given: (the
    report, False); (None, True) when it was stopped there; (None, False) when no shift is open any more
    (said plainly)."""
    try:
        if words is None:
            return await work(None), False
        report = await BankCheckDialog(parent, *words).run(work)
    except NoOpenShift:
        _gone(parent, shifts.register_id)
        return None, False
    return report, report is None


async def _after_stop(parent: QWidget, shifts: ShiftService, shift: Shift) -> ShiftReport | None:
    """The close was stopped during the bank check: the shift stays open, said plainly. Should the close
    have been written in the very moment of the stop, its Z report is what is shown."""
    current = await shifts.current()
    if current is None or current.id != shift.id:
        return await shifts.report(shift.id)  # closed after all (here, or at another counter)
    if shiboken6.isValid(parent):
        await ask_message(
            parent,
            _tr("The shift stays open"),
            lambda: _tr(
                "The bank check was stopped, so shift {shift} was not closed: it stays open and payments "
                "go on being counted in it.\n\nClose it again when you are ready."
            ).format(shift=shift.label),
            Button.Ok,
            icon=QMessageBox.Icon.Information,
        )
    return None
