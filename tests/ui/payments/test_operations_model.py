"""OperationsModel: a payment's charge/cancel/refund rows, live updates, roles, qtmodeltester."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.ui.common.roles import BadgeRole
from epay_desktop.ui.common.roles import KeyRole
from epay_desktop.ui.common.roles import RecordRole
from epay_desktop.ui.common.roles import SortRole
from epay_desktop.ui.payments.operations_model import OperationColumn
from epay_desktop.ui.payments.operations_model import OperationsModel
from epay_desktop.ui.payments.operations_model import op_state_badge
from epay_desktop.ui.widgets.status_badge import Tone

C = OperationColumn
NAMES = {1: "Aigerim", 7: "Manager Serik"}


@pytest.fixture
def payment(make_payment):
    return make_payment()


@pytest.fixture
def model(payment, make_op):
    ops = [
        make_op(payment, kind=OpKind.REFUND, amount=Money(20_000), state=OpState.SUCCEEDED, approved_by=7),
        make_op(payment, kind=OpKind.REFUND, amount=Money(1_000), state=OpState.UNKNOWN),
    ]
    created = OperationsModel(user_name=lambda uid: NAMES.get(uid, ""))
    created.set_operations(payment.id, list(reversed(ops)))  # any order in, oldest first out
    return created


def test_rows_oldest_first_with_words(model):
    assert model.rowCount() == 2
    first = [model.data(model.index(0, c)) for c in C]
    assert first[1:] == [
        "Refund",
        "200,00\u00a0₸",
        "Done",
        "Aigerim, approved by Manager Serik",
        "requested_by_customer",
    ]
    assert model.data(model.index(1, C.STATE)) == "Checking…"
    assert model.data(model.index(1, C.STATE), BadgeRole) == op_state_badge(OpState.UNKNOWN)
    assert op_state_badge(OpState.UNKNOWN).tone is Tone.PURPLE
    assert model.data(model.index(0, C.AMOUNT), SortRole) == 20_000
    assert model.data(model.index(0, C.KIND), KeyRole) == model.operation_at(0).id
    assert model.data(model.index(0, C.KIND), RecordRole) is model.operation_at(0)
    assert (
        model.data(model.index(0, C.AMOUNT), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    )
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in C] == [
        "Time",
        "Operation",
        "Amount",
        "Result",
        "By",
        "Note",
    ]


def test_live_updates(qtbot, model, payment, make_payment, make_op):
    unknown = model.operation_at(1)
    resolved = replace(unknown, state=OpState.FAILED, gateway_message="Refund declined by the bank")
    with qtbot.waitSignal(model.dataChanged):
        model.apply_update(resolved)
    assert model.data(model.index(1, C.STATE)) == "Not done"
    assert model.data(model.index(1, C.NOTE)) == "Refund declined by the bank"
    newest = make_op(payment, kind=OpKind.CANCEL, state=OpState.SENDING)
    newest = replace(newest, created_at=unknown.created_at + timedelta(hours=1))
    with qtbot.waitSignal(model.rowsInserted):
        model.apply_update(newest)
    assert model.operation_at(2) is newest
    model.apply_update(make_op(make_payment()))  # another payment's operation: ignored
    assert model.rowCount() == 3


def test_qtmodeltester(qtmodeltester, model, payment, make_op):
    qtmodeltester.check(model)
    model.apply_update(make_op(payment, state=OpState.NEEDS_REVIEW))
    qtmodeltester.check(model)
    model.set_operations(None, [])
    qtmodeltester.check(model)
    assert model.rowCount() == 0
