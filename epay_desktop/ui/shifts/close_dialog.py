"""Close shift: the one step before the close (decision 0112).

A manager confirms. A cashier gets a manager to type their name and PIN here (the approval box of the
money dialogs); the manager signs in the way the CLI's ``shift close --approved-by`` does it, through
``UserService.authenticate``: an audited log-in, wrong PINs counted towards that manager's lockout. The
service checks again, when it closes, that this person may close the shift. When the shop's rules let
the bank check be skipped, a box says whether to run it (ticked: the recommended way).

The answer is a :class:`CloseRequest`: who closes (the manager who signed in, or None: the one at the
counter) and whether to check with the bank. The close itself is the flow's (``flows.close_shift_flow``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.domain.shifts import Shift
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.buttons import dialog_buttons
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.screen_fit import needed_height
from epay_desktop.ui.common.work_dialog import WorkDialog
from epay_desktop.ui.money.approval_widget import ApprovalWidget
from epay_desktop.ui.widgets.form_parts import text_label

if TYPE_CHECKING:
    from epay_desktop.services.people.users import UserService

__all__ = ["CloseRequest", "CloseShiftDialog"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("CloseShiftDialog", text)


@dataclass(frozen=True, slots=True)
class CloseRequest:
    """``approved_by``: the manager who signed in for a cashier (None: the one at the counter closes)."""

    approved_by: User | None
    check_bank: bool


class CloseShiftDialog(WorkDialog[CloseRequest]):
    """Close ``shift`` as ``actor``; ``may_skip_check``: the shop's rules let the bank check be skipped;
    ``fiscal``: a fiscal register is set up (the close checks it and may close its shift too).
    ``await CloseShiftDialog(...).answer()`` confirms the close (a cashier: with a manager signed in);
    None when cancelled."""

    def __init__(
        self,
        parent: QWidget | None,
        shift: Shift,
        actor: User,
        users: UserService,
        *,
        may_skip_check: bool,
        fiscal: bool = False,
    ) -> None:
        super().__init__(parent)
        self._fiscal = fiscal
        self.setObjectName("close_shift_dialog")
        self.setMinimumWidth(460)
        self._shift, self._users = shift, users
        self._height_before_error: int | None = None  # the height a shown refusal grew the dialog from
        self.needs_manager = not actor.role.can_move_money
        self.intro_label = text_label("close_shift_intro")
        self.check_box = named(QCheckBox(), "close_shift_check_bank")
        self.check_box.setChecked(True)
        self.check_box.setVisible(may_skip_check)
        self.approval = ApprovalWidget(self)
        self.approval.setVisible(self.needs_manager)
        buttons: QDialogButtonBox
        buttons, self.ok_button = dialog_buttons(
            self, QDialogButtonBox.StandardButton.Cancel, "", "close_shift_button", self.submit
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.check_box)
        layout.addWidget(self.approval)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.approval.changed.connect(self.update_state)
        self.approval.error_changed.connect(self._fit_height)
        self.check_box.toggled.connect(self._retranslate)
        self._retranslate()
        on_language_change(self, self._retranslate)
        if self.needs_manager:
            self.approval.manager_edit.setFocus()

    def _retranslate(self) -> None:
        shift = self._shift
        self.setWindowTitle(_tr("Close shift {number}").format(number=shift.number))
        self.ok_button.setText(_tr("Close shift"))
        self.check_box.setText(_tr("Check every payment of the shift with the bank first (recommended)"))
        if self.check_box.isChecked():
            then = _tr(
                "Every payment of the shift is checked with the bank first (this can take a while; it can "
                "be stopped, and the shift then stays open), then the Z report is made and kept."
            )
        else:
            then = _tr(
                "The Z report is made and kept; it will say the payments were not checked with the bank."
            )
        if self._fiscal:
            then += " " + _tr(
                "The fiscal register's receipts are checked too, and its shift is closed with its own Z "
                "report when no other counter has a shift open."
            )
        self.intro_label.setText(
            _tr("Close shift {shift}, opened {when}?").format(
                shift=shift.label, when=local_time_text(shift.opened_at)
            )
            + "\n\n"
            + then
        )
        self.update_state()

    def _fit_height(self) -> None:
        """A refusal shown under the PIN: grow so that every text keeps all its lines; gone: back to
        the height the dialog had before it."""
        if not self.approval.has_error():
            if self._height_before_error is not None:  # the layout still counts the error until it runs
                self.resize(self.width(), self._height_before_error)
                self._height_before_error = None
            return
        need = needed_height(self)
        if need is not None and self.height() < need:
            if self._height_before_error is None:
                self._height_before_error = self.height()
            self.resize(self.width(), need)

    def problem(self) -> str:
        return self.approval.missing_text() if self.needs_manager else ""

    def update_state(self) -> None:
        self.enable_if_valid(self.ok_button, self.problem())
        self.approval.setEnabled(not self.busy)

    async def work(self) -> None:
        manager: User | None = None
        try:
            if self.needs_manager:
                manager = await self._manager()
        except Exception as exc:
            message = user_message_of(exc)
            if message is None:
                raise
            if shiboken6.isValid(self):
                self.approval.failed(message)
        finally:
            self.work_ended()
        if manager is None and self.needs_manager:
            if shiboken6.isValid(self) and self.approval.has_error():  # enabled again by work_ended
                self.approval.focus_pin()
            return
        self.close_with(CloseRequest(manager, self.check_box.isChecked()))

    async def _manager(self) -> User | None:
        """The manager signed in here (None, said under the PIN, when the person is not a manager)."""
        name, pin = self.approval.manager_edit.text().strip(), self.approval.pin_edit.text()
        self.approval.pin_edit.clear()
        self.approval.show_error("")
        user = await self._users.authenticate(name, pin)
        if user.role.can_move_money:
            return user
        if shiboken6.isValid(self):
            self.approval.failed(
                lambda: _tr("{name} is not a manager: a manager or an administrator closes a shift.").format(
                    name=user.name
                )
            )
        return None
