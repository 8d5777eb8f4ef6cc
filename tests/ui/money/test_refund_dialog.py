"""RefundDialog: validation that explains itself, approval in place, one refund per click, outcomes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import RuleViolation
from epay_desktop.domain import StaleRemaining
from epay_desktop.services.money_ops.engine import OutcomeNotRecorded
from epay_desktop.store.faults import DatabaseFull
from epay_desktop.ui.money.refund_dialog import RefundDialog

LEFT = Qt.MouseButton.LeftButton


def _ask(parent, view, actor, services):
    return RefundDialog.ask(parent, view, actor, operations=services.operations, users=services.users)


def test_manager_full_refund_sends_remaining_as_precondition(
    qtbot, parent, make_view, manager, fake_services, op_result, open_dialog
):
    view = make_view(refunded=50_000)  # 1 500 paid, 500 refunded -> 1 000 remain
    fake_services.operations.refund.result = op_result(amount=100_000)
    task, dialog = open_dialog(_ask(parent, view, manager, fake_services), RefundDialog)
    assert dialog.approval is None  # a manager needs no approval
    assert "1\u202f000,00" in dialog.remaining_label.text()
    assert dialog.ok_button.isEnabled()
    assert "1\u202f000,00" in dialog.ok_button.text()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(task.done)
    assert task.result().state is OpState.SUCCEEDED
    ((args, kwargs),) = fake_services.operations.refund.calls
    assert args == (manager, view.payment.invoice_id, Money(100_000))
    assert kwargs["expected_remaining"] == Money(100_000)
    assert kwargs["reason"] == "customer_request"
    assert kwargs["approval_id"] is None


def test_partial_amount_is_validated_and_ok_says_why(
    qtbot, parent, make_view, manager, fake_services, open_dialog
):
    task, dialog = open_dialog(_ask(parent, make_view(), manager, fake_services), RefundDialog)
    dialog.partial_radio.setChecked(True)
    assert not dialog.ok_button.isEnabled()
    assert dialog.hint_label.text()  # says "enter an amount"
    qtbot.keyClicks(dialog.amount_edit, "5")  # below the 10 tenge minimum
    assert not dialog.ok_button.isEnabled()
    assert "10,00" in dialog.ok_button.toolTip()
    dialog.amount_edit.clear()
    qtbot.keyClicks(dialog.amount_edit, "2000")  # more than the 1 500 that remain
    assert not dialog.ok_button.isEnabled()
    assert "1\u202f500,00" in dialog.hint_label.text()
    dialog.amount_edit.clear()
    qtbot.keyClicks(dialog.amount_edit, "700,50")
    assert dialog.ok_button.isEnabled()
    assert dialog.amount() == Money(70_050)
    assert dialog.hint_label.isHidden()
    dialog.reject()
    qtbot.waitUntil(task.done)
    assert task.result() is None
    assert fake_services.operations.refund.calls == []


def test_other_reason_needs_words(qtbot, parent, make_view, manager, fake_services, op_result, open_dialog):
    fake_services.operations.refund.result = op_result()
    task, dialog = open_dialog(_ask(parent, make_view(), manager, fake_services), RefundDialog)
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("other"))
    assert dialog.other_edit.isVisible()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.other_edit, "broken box")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(task.done)
    assert fake_services.operations.refund.calls[0][1]["reason"] == "other: broken box"


def test_not_refundable_payment_is_disabled_with_reason(
    qtbot, parent, make_view, manager, fake_services, open_dialog
):
    task, dialog = open_dialog(
        _ask(parent, make_view(status=ConsoleStatus.AUTH), manager, fake_services), RefundDialog
    )
    assert not dialog.ok_button.isEnabled()
    assert "Authorised" in dialog.hint_label.text()
    assert not dialog.partial_radio.isEnabled()
    dialog.reject()
    qtbot.waitUntil(task.done)


def test_small_remainder_and_unresolved_operation_refuse(
    qtbot, parent, make_payment, make_view, make_op, manager, fake_services, open_dialog
):
    task, dialog = open_dialog(_ask(parent, make_view(remaining=500), manager, fake_services), RefundDialog)
    assert not dialog.ok_button.isEnabled()
    assert "10,00" in dialog.hint_label.text()
    dialog.reject()
    qtbot.waitUntil(task.done)
    payment = make_payment()
    busy = make_view(payment=payment, operations=(make_op(payment, state=OpState.UNKNOWN),))
    task, dialog = open_dialog(_ask(parent, busy, manager, fake_services), RefundDialog)
    assert not dialog.ok_button.isEnabled()
    assert "checked with the bank" in dialog.hint_label.text()
    dialog.reject()
    qtbot.waitUntil(task.done)


def test_cashier_needs_manager_approval_and_its_id_goes_with_the_refund(
    qtbot, parent, make_view, cashier, fake_services, op_result, approval, open_dialog
):
    fake_services.users.approve.result = approval
    fake_services.operations.refund.result = op_result(amount=150_000)
    view = make_view()
    task, dialog = open_dialog(_ask(parent, view, cashier, fake_services), RefundDialog)
    assert dialog.approval is not None and dialog.approval.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert "manager" in dialog.hint_label.text().lower()
    dialog.approval.manager_edit.setText("Данияр")  # QTest types ASCII only
    qtbot.keyClicks(dialog.approval.pin_edit, "2222")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(task.done)
    ((args, kwargs),) = fake_services.users.approve.calls
    assert args == ("Данияр", "2222")
    assert kwargs == {
        "payment_id": view.payment.id,
        "kind": OpKind.REFUND,
        "amount_minor": 150_000,
        "requested_by": cashier,
    }
    assert fake_services.operations.refund.calls[0][1]["approval_id"] == "appr-1"


def test_wrong_manager_pin_is_shown_in_the_approval_box(
    qtbot, parent, make_view, cashier, fake_services, open_dialog
):
    fake_services.users.approve.error = AuthenticationFailed("Wrong user name or password/PIN.")
    task, dialog = open_dialog(_ask(parent, make_view(), cashier, fake_services), RefundDialog)
    dialog.approval.manager_edit.setText("Данияр")  # QTest types ASCII only
    qtbot.keyClicks(dialog.approval.pin_edit, "0000")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.approval.error_label.isVisible())
    assert dialog.approval.error_label.text() == "Wrong user name or password/PIN."
    assert dialog.approval.pin_edit.text() == ""  # never kept
    assert fake_services.operations.refund.calls == []
    assert not task.done() and dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(task.done)


def test_double_click_refunds_once(qtbot, parent, make_view, manager, fake_services, op_result, open_dialog):
    refund = fake_services.operations.refund
    refund.result = op_result()
    refund.hold()
    task, dialog = open_dialog(_ask(parent, make_view(), manager, fake_services), RefundDialog)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: len(refund.calls) == 1)
    assert not dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    dialog.submit()  # Enter / a second trigger while running
    dialog.reject()  # Esc while the refund is in flight: ignored
    assert dialog.isVisible()
    refund.release()
    qtbot.waitUntil(task.done)
    assert len(refund.calls) == 1


def test_rule_error_is_shown_in_plain_words(qtbot, parent, make_view, manager, fake_services, open_dialog):
    fake_services.operations.refund.error = RuleViolation("The refund window of 180 days ended.")
    task, dialog = open_dialog(_ask(parent, make_view(), manager, fake_services), RefundDialog)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert dialog.error_label.text() == "The refund window of 180 days ended."
    assert "Traceback" not in dialog.error_label.text()
    assert dialog.ok_button.isEnabled()  # may try again
    dialog.reject()
    qtbot.waitUntil(task.done)
    assert task.result() is None


def test_stale_remaining_updates_the_screen(qtbot, parent, make_view, manager, fake_services, open_dialog):
    fake_services.operations.refund.error = StaleRemaining("The remaining amount changed.", 40_000)
    task, dialog = open_dialog(_ask(parent, make_view(), manager, fake_services), RefundDialog)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert "400,00" in dialog.remaining_label.text()
    assert dialog.amount() == Money(40_000)
    dialog.reject()
    qtbot.waitUntil(task.done)


def test_bank_refusal_keeps_the_dialog_open(
    qtbot, parent, make_view, manager, fake_services, op_result, open_dialog
):
    failed = op_result(state=OpState.FAILED)
    fake_services.operations.refund.result = failed.__class__(
        **{**{s: getattr(failed, s) for s in failed.__slots__}, "gateway_message": "Card closed"}
    )
    task, dialog = open_dialog(_ask(parent, make_view(), manager, fake_services), RefundDialog)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert "Card closed" in dialog.error_label.text()
    assert dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(task.done)
    assert task.result() is None


def test_unknown_outcome_says_it_will_not_be_sent_twice(
    qtbot, parent, make_view, manager, fake_services, op_result, open_dialog
):
    unknown = op_result(state=OpState.UNKNOWN)
    fake_services.operations.refund.result = unknown
    task, dialog = open_dialog(_ask(parent, make_view(), manager, fake_services), RefundDialog)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert "Checking with the bank" in dialog.error_label.text()
    assert "will not be sent twice" in dialog.error_label.text()
    assert dialog.ok_button.isHidden()
    dialog.submit()
    assert len(fake_services.operations.refund.calls) == 1
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    qtbot.waitUntil(task.done)
    assert task.result() is unknown


def test_an_answer_the_books_could_not_record_is_an_unknown_outcome_not_a_retry(
    qtbot, parent, make_view, manager, fake_services, op_result, open_dialog
):
    """Issue 11: the refund left for the bank and the disk filled up while recording its answer: the
    dialog says so and why, and closes its inputs like any unknown outcome (nothing is sent twice)."""
    sending = op_result(state=OpState.SENDING)
    fake_services.operations.refund.error = OutcomeNotRecorded(sending, DatabaseFull("The disk is full."))
    task, dialog = open_dialog(_ask(parent, make_view(), manager, fake_services), RefundDialog)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(dialog.error_label.isVisible)
    said = dialog.error_label.text()
    assert "may have reached the bank" in said and "the disk is full" in said and "reconcile" in said
    assert dialog.ok_button.isHidden() and "Traceback" not in said
    dialog.submit()
    assert len(fake_services.operations.refund.calls) == 1
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    qtbot.waitUntil(task.done)
    assert task.result() is sending
