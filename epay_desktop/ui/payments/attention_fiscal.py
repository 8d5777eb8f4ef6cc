"""Needs attention's "Register here" (decision 0129): a fiscal receipt sent to the cash register the
settings named before, never answered, waits for a person. Once they found it is not in that register's
journal, a manager registers it at the register the settings name now (``FiscalService.register_here``,
audited); the row then says what became of it. A cashier sees the button disabled and why."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.ui.common.asyncqt import ask_message
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.naming import named

if TYPE_CHECKING:
    from epay_desktop.services.payments.queries import PaymentView

__all__ = ["FiscalMover", "RegisterHere", "held_record"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("AttentionDialog", text)


class FiscalMover(Protocol):
    """``FiscalService`` (services/fiscal/service.py): a held receipt registered at today's register."""

    async def register_here(
        self, actor: User, external_number: str, *, approved_by: User | None = None
    ) -> FiscalRecord | None: ...


def held_record(view: PaymentView) -> FiscalRecord | None:
    """The payment's fiscal record held because it was asked at another cash register, or None."""
    from epay_desktop.services.fiscal.elsewhere import asked_elsewhere  # the fiscal layer: on need

    return next((record for record in view.fiscal if asked_elsewhere(record)), None)


class RegisterHere:
    """The button in ``buttons`` (shown while a listed receipt is held) and what it does for the chosen
    payment's held receipt; ``said`` shows the outcome in words, ``done`` gets the record as it stands."""

    def __init__(
        self,
        parent: QWidget,
        buttons: QDialogButtonBox,
        views: list[PaymentView],
        user: User | None,
        fiscal: FiscalMover | None,
    ) -> None:
        self._parent, self._user, self._fiscal = parent, user, fiscal
        self.busy = False
        self.button = named(QPushButton(), "register_here_button")
        self.button.setAutoDefault(False)
        self.button.setVisible(fiscal is not None and any(held_record(view) for view in views))
        buttons.addButton(self.button, QDialogButtonBox.ButtonRole.ActionRole)
        self.retranslate()

    @property
    def manager(self) -> bool:
        return self._user is not None and self._user.role.can_move_money

    def retranslate(self) -> None:
        """The button's words in the language now (at the start, and after a switch)."""
        self.button.setText(_tr("Register &here…"))
        if self.manager:
            tip = _tr(
                "Register the chosen payment's held fiscal receipt at the cash register the settings name "
                "now: only after checking that the register it was sent to has no such check."
            )
        else:
            tip = _tr("Only a manager can send a fiscal receipt to another cash register.")
        self.button.setToolTip(tip)

    def update(self, view: PaymentView | None) -> None:
        held = held_record(view) if view is not None else None
        self.button.setEnabled(self.manager and held is not None and not self.busy)

    async def run(
        self, view: PaymentView, said: Callable[[str], None], done: Callable[[FiscalRecord], None]
    ) -> None:
        """Ask the manager to confirm, then register the held receipt here and say what became of it."""
        from epay_desktop.services.fiscal.elsewhere import register_shown

        record = held_record(view)
        if record is None or self._fiscal is None or self._user is None or not self.manager:
            return
        number, register = record.external_number, register_shown(record.asked_at_register)
        chosen = await ask_message(
            self._parent,
            _tr("Register here"),
            lambda: _tr(
                "Register the fiscal receipt {number} at the cash register the settings name now?\n\nDo "
                "this only after checking the journal of the cash register {register}: if the check is "
                "there, it is registered already; set the fiscal settings back to {register} instead."
            ).format(number=number, register=register),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            default=QMessageBox.StandardButton.No,
            labels={QMessageBox.StandardButton.Yes: _tr("Register here")},
        )
        if chosen != QMessageBox.StandardButton.Yes:
            return
        self.busy = True
        try:
            settled = await self._fiscal.register_here(self._user, number)
        except Exception as exc:
            message = user_message_of(exc)
            if message is None:
                raise
            said(message)
            return
        finally:
            self.busy = False
        if settled is None:
            said(_tr("No fiscal register is set up: nothing was sent."))
            return
        done(settled)
        if settled.state.is_open:
            text = _tr(
                "The fiscal receipt {number} was sent to the current cash register and is not registered "
                "yet: the row says why."
            )
        else:
            text = _tr("The fiscal receipt {number} is registered at the current cash register.")
        said(text.format(number=number))
