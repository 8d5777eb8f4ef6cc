"""ChargeDialog and CancelDialog: AUTH only, full or partial charge within the hold, approval, outcomes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import OperationInProgress
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.ui.money.cancel_dialog import CancelDialog
from epay_desktop.ui.money.charge_dialog import ChargeDialog

LEFT = Qt.MouseButton.LeftButton


def _ask(cls, parent, view, actor, services):
    return cls.ask(parent, view, actor, operations=services.operations, users=services.users)


def test_charge_in_full_sends_no_amount(
    qtbot, parent, make_view, manager, fake_services, op_result, open_dialog
):
    view = make_view(status=ConsoleStatus.AUTH)
    fake_services.operations.charge.result = op_result(OpKind.CHARGE, 150_000)
    task, dialog = open_dialog(_ask(ChargeDialog, parent, view, manager, fake_services), ChargeDialog)
    assert "1\u202f500,00" in dialog.ok_button.text()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(task.done)
    assert task.result().kind is OpKind.CHARGE
    assert fake_services.operations.charge.calls == [
        ((manager, view.payment.invoice_id, None), {"approval_id": None})
    ]


def test_partial_charge_at_most_the_hold(
    qtbot, parent, make_view, manager, fake_services, op_result, open_dialog
):
    view = make_view(status=ConsoleStatus.AUTH)
    fake_services.operations.charge.result = op_result(OpKind.CHARGE, 100_000)
    task, dialog = open_dialog(_ask(ChargeDialog, parent, view, manager, fake_services), ChargeDialog)
    dialog.partial_radio.setChecked(True)
    qtbot.keyClicks(dialog.amount_edit, "1600")
    assert not dialog.ok_button.isEnabled()
    assert "1\u202f500,00" in dialog.hint_label.text()
    dialog.amount_edit.clear()
    qtbot.keyClicks(dialog.amount_edit, "1000")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(task.done)
    assert fake_services.operations.charge.calls[0][0][2] == Money(100_000)


def test_charge_and_cancel_refuse_a_paid_payment(
    qtbot, parent, make_view, manager, fake_services, open_dialog
):
    for cls in (ChargeDialog, CancelDialog):
        task, dialog = open_dialog(_ask(cls, parent, make_view(), manager, fake_services), cls)
        assert not dialog.ok_button.isEnabled()
        hint = dialog.hint_label.text()
        assert "held (authorised)" in hint
        assert ("refunded instead" in hint) == (cls is CancelDialog)
        dialog.reject()
        qtbot.waitUntil(task.done)


def test_cashier_cancel_with_approval_once(
    qtbot, parent, make_view, cashier, fake_services, op_result, approval, open_dialog
):
    view = make_view(status=ConsoleStatus.AUTH)
    fake_services.users.approve.result = approval
    cancel = fake_services.operations.cancel
    cancel.result = op_result(OpKind.CANCEL, 150_000)
    cancel.hold()
    task, dialog = open_dialog(_ask(CancelDialog, parent, view, cashier, fake_services), CancelDialog)
    assert "1\u202f500,00" in dialog.findChild(type(dialog.hint_label), "confirm_label").text()
    assert not dialog.ok_button.isEnabled()
    dialog.approval.manager_edit.setText("Daniyar")
    qtbot.keyClicks(dialog.approval.pin_edit, "2222")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: len(cancel.calls) == 1)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    dialog.submit()
    cancel.release()
    qtbot.waitUntil(task.done)
    assert len(cancel.calls) == 1 and len(fake_services.users.approve.calls) == 1
    assert fake_services.users.approve.calls[0][1]["kind"] is OpKind.CANCEL
    assert fake_services.users.approve.calls[0][1]["amount_minor"] == 150_000
    assert cancel.calls[0][1] == {"approval_id": "appr-1"}


def test_cancel_in_progress_error_and_unknown_outcome(
    qtbot, parent, make_view, manager, fake_services, op_result, open_dialog
):
    view = make_view(status=ConsoleStatus.AUTH)
    cancel = fake_services.operations.cancel
    cancel.error = OperationInProgress("Another charge of this payment is still being processed.")
    task, dialog = open_dialog(_ask(CancelDialog, parent, view, manager, fake_services), CancelDialog)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert dialog.error_label.text() == "Another charge of this payment is still being processed."
    cancel.error = None
    cancel.result = op_result(OpKind.CANCEL, 150_000, OpState.NEEDS_REVIEW)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: "cancellation will not be sent twice" in dialog.error_label.text())
    dialog.reject()
    qtbot.waitUntil(task.done)
    assert task.result().state is OpState.NEEDS_REVIEW
