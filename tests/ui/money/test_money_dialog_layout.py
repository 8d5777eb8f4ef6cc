"""Refund / charge / cancel dialogs: the title names the invoice and amount; a wrong manager PIN leaves
the PIN field in place, focused and empty, its error goes when typing resumes; a long error never
squeezes the inputs (the dialog grows). Issue 7, points 1, 3 and 8."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import RuleViolation
from epay_desktop.domain.i18n import msg
from epay_desktop.services.people.approvals import ApprovalPaused
from epay_desktop.services.people.approvals import WrongApprovalSecret
from epay_desktop.ui.money.cancel_dialog import CancelDialog
from epay_desktop.ui.money.charge_dialog import ChargeDialog
from epay_desktop.ui.money.refund_dialog import RefundDialog

LEFT = Qt.MouseButton.LeftButton
LONG_ERROR = (
    "The bank's refund window for this payment ended yesterday, so the console cannot send the refund "
    "any more. Give the money back in cash from the till and write the customer's name and the invoice "
    "number in the cash book; a manager can confirm it later in the end-of-day report. "
) * 2


class Approvals:
    """``UserService.approve`` faked: answers each call with the next outcome (an error is raised)."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls = []

    async def approve(self, name, pin, **kwargs):
        self.calls.append((name, pin, kwargs))
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


def wrong_pin(tries_left: int) -> WrongApprovalSecret:
    text = msg(
        "users",
        "Wrong manager name or PIN. {tries} tries left before approvals pause for {minutes} minutes.",
        tries=tries_left,
        minutes=5,
    )
    return WrongApprovalSecret(text, tries_left, timedelta(minutes=5))


def _ask(cls, parent, view, actor, services, users=None):
    return cls.ask(parent, view, actor, operations=services.operations, users=users or services.users)


def assert_title_fits(dialog) -> None:
    """A window manager draws the title (plus " — ePay Desktop") in a bold font beside its buttons and
    elides what does not fit, in the middle: seen under openbox, "Refund — invoice 79647… 080,00 ₸"."""
    font = QFont(dialog.font())
    font.setBold(True)
    shown = f"{dialog.windowTitle()} \u2014 {QApplication.applicationDisplayName() or 'ePay Desktop'}"
    buttons = 4 * 24  # menu, minimise, maximise, close
    assert QFontMetrics(font).horizontalAdvance(shown) + buttons <= dialog.minimumWidth()


def test_each_money_dialog_names_invoice_and_amount_in_its_title(
    qtbot, parent, make_view, manager, fake_services, open_dialog
):
    paid = make_view(amount=Money(1_250_000))
    task, dialog = open_dialog(_ask(RefundDialog, parent, paid, manager, fake_services), RefundDialog)
    invoice = paid.payment.invoice_id.value
    assert dialog.windowTitle() == f"Refund \u2014 invoice {invoice}, 12\u202f500,00\u00a0\u20b8"
    assert_title_fits(dialog)
    dialog.reject()
    qtbot.waitUntil(task.done)
    held = make_view(status=ConsoleStatus.AUTH)
    for cls, what in ((ChargeDialog, "Charge a held payment"), (CancelDialog, "Cancel a held payment")):
        task, dialog = open_dialog(_ask(cls, parent, held, manager, fake_services), cls)
        title = f"{what} \u2014 invoice {held.payment.invoice_id.value}, 1\u202f500,00\u00a0\u20b8"
        assert dialog.windowTitle() == title
        assert_title_fits(dialog)
        dialog.reject()
        qtbot.waitUntil(task.done)


def test_wrong_pin_then_right_pin_field_stays_put_focused_and_error_goes_on_typing(
    qtbot, parent, make_view, cashier, fake_services, op_result, approval, open_dialog
):
    users = Approvals(wrong_pin(2), approval)
    fake_services.operations.refund.result = op_result(amount=150_000)
    task, dialog = open_dialog(
        _ask(RefundDialog, parent, make_view(), cashier, fake_services, users), RefundDialog
    )
    dialog.activateWindow()
    box = dialog.approval
    box.manager_edit.setText("Данияр")  # QTest types ASCII only
    qtbot.keyClicks(box.pin_edit, "0000")
    place = (box.pin_edit.mapTo(dialog, QPoint(0, 0)), box.pin_edit.size())
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: box.has_error() and not dialog.busy)
    assert box.error_label.text() == (
        "Wrong manager name or PIN. 2 tries left before approvals pause for 5 minutes."
    )
    assert (box.pin_edit.mapTo(dialog, QPoint(0, 0)), box.pin_edit.size()) == place
    assert box.pin_edit.text() == "" and box.pin_edit.isEnabled()
    assert dialog.focusWidget() is box.pin_edit
    assert box.manager_edit.text() == "Данияр"  # only the PIN is retyped
    assert not dialog.hint_label.isVisible()  # the error says it; no second message
    assert fake_services.operations.refund.calls == []
    # the manager retypes at once: the first key takes the error away, the field never moved
    qtbot.keyClicks(QApplication.focusWidget() or box.pin_edit, "7")
    assert not box.has_error()
    assert (box.pin_edit.mapTo(dialog, QPoint(0, 0)), box.pin_edit.size()) == place
    qtbot.keyClicks(box.pin_edit, "777")
    qtbot.keyClick(box.pin_edit, Qt.Key.Key_Return)  # Enter approves, like OK
    qtbot.waitUntil(task.done)
    assert [(name, pin) for name, pin, _ in users.calls] == [("Данияр", "0000"), ("Данияр", "7777")]
    assert fake_services.operations.refund.calls[0][1]["approval_id"] == approval.id


def test_a_long_error_keeps_the_amount_and_reason_fields_readable(
    qtbot, parent, make_view, manager, fake_services, open_dialog
):
    fake_services.operations.refund.error = RuleViolation(LONG_ERROR)
    task, dialog = open_dialog(_ask(RefundDialog, parent, make_view(), manager, fake_services), RefundDialog)
    dialog.partial_radio.setChecked(True)
    qtbot.keyClicks(dialog.amount_edit, "700")
    fields = (dialog.amount_edit, dialog.reason_combo, dialog.partial_radio, dialog.full_radio)
    before = [(f.mapTo(dialog, QPoint(0, 0)), f.size()) for f in fields]
    height = dialog.height()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not dialog.busy)
    QApplication.processEvents()
    assert [(f.mapTo(dialog, QPoint(0, 0)), f.size()) for f in fields] == before
    label = dialog.error_label
    assert dialog.height() > height  # the dialog grew for the message
    assert label.height() >= label.heightForWidth(label.width())  # every line of it shows
    bottom = label.mapTo(dialog, QPoint(0, label.height())).y()
    assert bottom <= dialog.buttons.mapTo(dialog, QPoint(0, 0)).y()  # not under the buttons
    for field in fields:
        assert field.height() >= field.minimumSizeHint().height()
        assert not field.visibleRegion().isEmpty()
    dialog.reject()
    qtbot.waitUntil(task.done)


def test_a_long_approval_error_keeps_the_pin_field_readable(
    qtbot, parent, make_view, cashier, fake_services, open_dialog
):
    users = Approvals(ApprovalPaused(LONG_ERROR, datetime.now(UTC), "register:R1"))
    task, dialog = open_dialog(
        _ask(RefundDialog, parent, make_view(), cashier, fake_services, users), RefundDialog
    )
    box = dialog.approval
    box.manager_edit.setText("Daniyar")
    qtbot.keyClicks(box.pin_edit, "7777")
    fields = (box.manager_edit, box.pin_edit, dialog.reason_combo)
    before = [(f.mapTo(dialog, QPoint(0, 0)), f.size()) for f in fields]
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: box.has_error() and not dialog.busy)
    QApplication.processEvents()
    assert [(f.mapTo(dialog, QPoint(0, 0)), f.size()) for f in fields] == before
    label = box.error_label
    assert label.height() >= label.heightForWidth(label.width())
    assert dialog.focusWidget() is box.pin_edit
    dialog.reject()
    qtbot.waitUntil(task.done)
