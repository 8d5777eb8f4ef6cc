"""The console's commands as QActions: shortcuts, menus, and whether each is allowed now and why not.

:func:`payment_availability` is pure: from the user, the selected payment and its operations it
says which money actions are allowed, and when one is not, a sentence saying why (shown as the
action's tooltip and status tip). The services check the same rules again before sending
anything; this only keeps the cashier from trying what cannot work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenuBar

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentStatus
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.receipts import RECEIPT_PAID_STATUSES
from epay_desktop.domain.rules import refund_remaining
from epay_desktop.domain.shifts import Shift
from epay_desktop.ui.widgets.status_badge import status_label

__all__ = [
    "Availability",
    "ConsoleActions",
    "ShiftState",
    "check_bank_availability",
    "payment_availability",
    "shift_availability",
]

_CONTEXT = "ConsoleActions"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True, slots=True)
class Availability:
    """``enabled``, and ``note``: why not (disabled) or what will happen (e.g. approval asked)."""

    enabled: bool
    note: str = ""


def _gateway_status(status: ConsoleStatus) -> PaymentStatus | None:
    try:
        return PaymentStatus(status.value)
    except ValueError:  # PENDING, UNKNOWN, EXPIRED are the console's own words
        return None


def _blocking_op(ops: Sequence[MoneyOp]) -> str | None:
    for op in ops:
        if op.state is OpState.NEEDS_REVIEW:
            return _tr("A manager must first review the previous operation on this payment.")
    if any(op.state.is_unresolved for op in ops):
        return _tr("Another operation on this payment is still being checked with the bank.")
    return None


def _refund_block(payment: Payment, ops: Sequence[MoneyOp]) -> str | None:
    status = payment.status
    if status is ConsoleStatus.REFUND and not refund_remaining(payment, ops):  # REFUND after a partial too
        return _tr("This payment is already fully refunded.")
    if status in (ConsoleStatus.CANCEL, ConsoleStatus.CANCEL_OLD):
        return _tr("The hold was released: nothing was taken, so there is nothing to refund.")
    if status is ConsoleStatus.AUTH:
        return _tr("The money is only held: charge or cancel it instead of a refund.")
    gateway = _gateway_status(status)
    if status is not ConsoleStatus.REFUND and (gateway is None or not gateway.allows_refund):
        return _tr("Only a paid payment can be refunded; this one is “{status}”.").format(
            status=status_label(status)
        )
    if not refund_remaining(payment, ops):  # the rule the service applies (check_refund)
        return _tr("Nothing remains to refund on this payment.")
    return None


def _hold_block(payment: Payment) -> str | None:
    gateway = _gateway_status(payment.status)
    if gateway is not None and gateway.allows_charge:
        return None
    return _tr("Only a held payment (“{held}”) can be charged or cancelled; this one is “{status}”.").format(
        held=status_label(ConsoleStatus.AUTH), status=status_label(payment.status)
    )


def payment_availability(
    user: User | None,
    payment: Payment | None,
    ops: Sequence[MoneyOp] = (),
    *,
    receipts: int = 0,
    no_payment: str = "",
) -> dict[str, Availability]:
    """Availability of ``refund``, ``cancel``, ``charge``, ``print`` and ``review`` for ``payment``.

    ``ops`` are the payment's money operations when known; ``receipts`` how many were printed;
    ``no_payment``: why no payment is selected, when the window knows better than "select one".
    """
    names = ("refund", "cancel", "charge", "print", "review")
    if user is None:
        return dict.fromkeys(names, Availability(False, _tr("Log in first.")))
    if payment is None:
        absent = no_payment or _tr("Select a payment in the list first.")
        return dict.fromkeys(names, Availability(False, absent))
    approval = "" if user.role.can_move_money else _tr("A manager's approval will be asked for.")
    blocked = _blocking_op(ops)
    result: dict[str, Availability] = {}
    for name, why in (
        ("refund", _refund_block(payment, ops)),
        ("cancel", _hold_block(payment)),
        ("charge", _hold_block(payment)),
    ):
        reason = blocked or why
        result[name] = Availability(False, reason) if reason else Availability(True, approval)
    if payment.status in RECEIPT_PAID_STATUSES:
        note = _tr("Printed before: this one is marked as a duplicate.") if receipts else ""
        result["print"] = Availability(True, note)
    else:
        result["print"] = Availability(False, _tr("Receipts are printed only for paid payments."))
    if not any(op.state is OpState.NEEDS_REVIEW for op in ops):
        result["review"] = Availability(False, _tr("No operation of this payment waits for a review."))
    elif not user.role.can_move_money:
        result["review"] = Availability(False, _tr("Only a manager can review an operation."))
    else:
        result["review"] = Availability(True)
    return result


def check_bank_availability(
    user: User | None, payment: Payment | None, *, no_payment: str = "", checking: bool = False
) -> Availability:
    """Availability of "Check with the bank": any logged-in user, a selected payment (moves no money)."""
    if user is None:
        return Availability(False, _tr("Log in first."))
    if payment is None:
        return Availability(False, no_payment or _tr("Select a payment in the list first."))
    if checking:
        return Availability(False, _tr("Checking with the bank… the result shows in the status bar."))
    return Availability(True)


@dataclass(frozen=True, slots=True)
class ShiftState:
    """This register's shift as the window last read it (decision 0112).

    ``known``: read since the log-in; ``shift``: the open one (None: none is open); ``overdue_hours``:
    how long it has been open when that is the shop's warning time or longer (None: not overdue);
    ``manager_only``: the shop's rules let only a manager close a shift (no cashier with a manager);
    ``busy``: a shift command (open, X, close) is running in this window."""

    known: bool = False
    shift: Shift | None = None
    overdue_hours: int | None = None
    manager_only: bool = False
    busy: bool = False


def shift_availability(user: User | None, state: ShiftState) -> dict[str, Availability]:
    """Availability of ``shift_open``, ``shift_x``, ``shift_close`` and ``shift_history``: anyone signed
    in opens a shift when none is open, makes an X report of the open one and closes it (a cashier with
    a manager who signs in, unless the shop's rules let only a manager close); the history is anyone's."""
    names = ("shift_open", "shift_x", "shift_close", "shift_history")
    if user is None:
        return dict.fromkeys(names, Availability(False, _tr("Log in first.")))
    result = {"shift_history": Availability(True)}
    shift = state.shift
    if state.busy:
        busy = Availability(False, _tr("A shift command is running: wait until it ends."))
        return result | dict.fromkeys(("shift_open", "shift_x", "shift_close"), busy)
    if not state.known:
        reading = Availability(False, _tr("Reading this register's shift…"))
        return result | dict.fromkeys(("shift_open", "shift_x", "shift_close"), reading)
    if shift is None:
        none = Availability(
            False, _tr("No shift is open at this register: open one first (Shift, Open shift).")
        )
        return result | {"shift_open": Availability(True), "shift_x": none, "shift_close": none}
    result["shift_open"] = Availability(
        False, _tr("Shift {number} is open: close it before opening another.").format(number=shift.number)
    )
    result["shift_x"] = Availability(True)
    if user.role.can_move_money:
        result["shift_close"] = Availability(True)
    elif state.manager_only:
        result["shift_close"] = Availability(
            False, _tr("This shop's rules let only a manager close a shift: ask a manager to sign in.")
        )
    else:
        result["shift_close"] = Availability(True, _tr("A manager signs in with their PIN to close it."))
    return result


class ConsoleActions(QObject):
    """Every command of the main window as a QAction (object name ``action_<name>``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        Key = QKeySequence.StandardKey
        self.new_payment = self._make("new_payment", _tr("&New payment…"), "F2")
        self.refund = self._make("refund", _tr("&Refund…"), "Ctrl+R")
        self.cancel = self._make("cancel", _tr("&Cancel hold…"))
        self.charge = self._make("charge", _tr("C&harge hold…"))
        self.review = self._make("review", _tr("Re&view operation…"))
        self.print_receipt = self._make("print_receipt", _tr("&Print receipt"), "Ctrl+P")
        self.refresh = self._make("refresh", _tr("Re&fresh"), "F5")
        self.check_bank = self._make("check_bank", _tr("Check with the &bank"), "Shift+F5")
        self.find = self._make("find", _tr("&Find payment"), QKeySequence(Key.Find))
        self.switch_user = self._make("switch_user", _tr("&Switch user…"))
        self.lock = self._make("lock", _tr("&Lock"), "Ctrl+L")
        self.log_out = self._make("log_out", _tr("Log &out"))
        self.settings = self._make("settings", _tr("&Settings…"), "Ctrl+,")
        self.users = self._make("users", _tr("&Users…"))
        self.printers = self._make("printers", _tr("Receipt &printers…"))
        self.export_csv = self._make("export_csv", _tr("&Export payments (CSV)…"))
        self.audit_anchor = self._make("audit_anchor", _tr("Audit log &anchor…"))
        self.backup_now = self._make("backup_now", _tr("&Back up the database now"))
        self.attention = self._make("attention", _tr("Needs &attention…"), "Ctrl+Shift+A")
        self.dashboard = self._make("dashboard", _tr("&Day at a glance…"), "Ctrl+Shift+D")
        # the Shift menu: Ctrl+Shift and the command's letter, like Needs attention and Day at a glance (0146)
        self.shift_open = self._make("shift_open", _tr("&Open shift…"), "Ctrl+Shift+O")
        self.shift_x = self._make("shift_x", _tr("&X report…"), "Ctrl+Shift+X")
        self.shift_close = self._make("shift_close", _tr("&Close shift (Z report)…"), "Ctrl+Shift+C")
        self.shift_history = self._make("shift_history", _tr("Shift &history…"), "Ctrl+Shift+H")
        self.fiscal_register = self._make("fiscal_register", _tr("&Fiscal register…"), "Ctrl+Shift+F")
        self.shortcuts = self._make("shortcuts", _tr("&Keyboard shortcuts"), "F1")
        self.user_guide = self._make("user_guide", _tr("&User guide"), "Shift+F1")
        self.about = self._make("about", _tr("&About ePay console"))
        self.money_actions = {
            "refund": self.refund,
            "cancel": self.cancel,
            "charge": self.charge,
            "print": self.print_receipt,
            "review": self.review,
        }
        self.shift_actions = {
            "shift_open": self.shift_open,
            "shift_x": self.shift_x,
            "shift_close": self.shift_close,
            "shift_history": self.shift_history,
        }
        self._shift_state = ShiftState()
        for action in self.all():
            self._set_note(action, True, "")

    def _make(self, name: str, text: str, shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def all(self) -> list[QAction]:
        return [a for a in self.findChildren(QAction) if a.objectName().startswith("action_")]

    def populate(self, menubar: QMenuBar) -> None:
        """Build the menus: Payment, Shift, View, Session, Settings, Help (tooltips shown: they say why)."""
        sections = (
            (_tr("&Payment"), [self.new_payment, None, self.refund, self.cancel, self.charge, self.review,
                               None, self.print_receipt, None, self.refresh, self.check_bank]),
            (_tr("Shi&ft"), [self.shift_open, self.shift_x, self.shift_close, None, self.shift_history,
                             None, self.fiscal_register]),
            (_tr("&View"), [self.find, self.attention, None, self.dashboard]),
            (_tr("&Session"), [self.switch_user, self.lock, None, self.log_out]),
            (_tr("Se&ttings"), [self.settings, self.printers, self.users, None, self.export_csv,
                                self.audit_anchor, self.backup_now]),
            (_tr("&Help"), [self.shortcuts, self.user_guide, None, self.about]),
        )  # fmt: skip
        for title, actions in sections:
            menu = menubar.addMenu(title)
            menu.setToolTipsVisible(True)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)

    def update_for(
        self,
        user: User | None,
        payment: Payment | None,
        ops: Sequence[MoneyOp] = (),
        *,
        receipts: int = 0,
        no_payment: str = "",
        checking: bool = False,
    ) -> None:
        """Enable what ``user`` may do with ``payment`` now; disabled actions say why.

        ``checking``: a "Check with the bank" is running (it stays disabled until it ends)."""
        self.print_receipt.setText(_tr("Re&print receipt") if receipts else _tr("&Print receipt"))
        states = payment_availability(user, payment, ops, receipts=receipts, no_payment=no_payment)
        for name, state in states.items():
            self._set_note(self.money_actions[name], state.enabled, state.note)
        logged_in = user is not None
        for action in (self.new_payment, self.switch_user, self.lock, self.log_out):
            self._set_note(action, logged_in, "" if logged_in else _tr("Log in first."))
        manager = user is not None and user.role in (Role.MANAGER, Role.ADMIN)
        for action, refusal in (
            (self.settings, _tr("Only a manager or an administrator can change settings.")),
            (self.users, _tr("Only a manager or an administrator can manage users.")),
            (self.printers, _tr("Only a manager or an administrator can change the printers.")),
            (self.export_csv, _tr("Only a manager or an administrator can export payments.")),
            (self.audit_anchor, _tr("Only a manager or an administrator can see the audit log's anchor.")),
            (self.backup_now, _tr("Only a manager or an administrator can back up the database.")),
            (self.dashboard, _tr("Only a manager or an administrator can see the day's figures.")),
        ):
            self._set_note(action, manager, "" if manager else refusal)
        for action in (self.attention, self.fiscal_register):
            self._set_note(action, logged_in, "" if logged_in else _tr("Log in first."))
        check = check_bank_availability(user, payment, no_payment=no_payment, checking=checking)
        self._set_note(self.check_bank, check.enabled, check.note)
        for action in (self.refresh, self.find, self.shortcuts, self.user_guide, self.about):  # tooltips now
            self._set_note(action, action.isEnabled(), "")
        self.update_shift(user, self._shift_state)

    def update_shift(self, user: User | None, state: ShiftState) -> None:
        """Enable the Shift menu's commands for ``user`` and this register's shift; disabled ones say why."""
        self._shift_state = state
        for name, availability in shift_availability(user, state).items():
            self._set_note(self.shift_actions[name], availability.enabled, availability.note)

    def _set_note(self, action: QAction, enabled: bool, note: str) -> None:
        action.setEnabled(enabled)
        base = action.text().replace("&", "").rstrip("…")
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{base} ({shortcut})" if shortcut else base
        action.setToolTip(f"{tip}\n{note}" if note else tip)
        action.setStatusTip(note or tip)
