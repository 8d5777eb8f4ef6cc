"""The print and refund-receipt flows with fake services: Print on a payment with refunds asks
which receipt (sale, then refunds newest first); a confirmed refund offers its receipt (Enter).
The flows open the receipt preview (``ReceiptDialog.ask``), which issues only on Print/Save."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.app.flows import print_flow
from epay_desktop.ui.app.flows import refund_receipt_flow
from epay_desktop.ui.receipts.chooser import ReceiptChooser

MANAGER = User(1, "Daniyar", Role.MANAGER, True, 0, None, None)  # type: ignore[arg-type]


@pytest.fixture
def previews(monkeypatch):
    shown: list[tuple[object, ...]] = []

    async def fake_ask(
        parent, receipts, actor, invoice, kind, money_op_id=None, printer_name="", printing=None
    ):
        shown.append((actor, invoice, kind, money_op_id))

    monkeypatch.setattr("epay_desktop.ui.app.flows.ReceiptDialog.ask", fake_ask)
    return shown


@pytest.fixture
def setup(qtbot, make_payment, make_op, async_stub):
    payment = make_payment()
    old = make_op(payment, amount=Money(20_000))
    new = make_op(payment, amount=Money(30_000), created_at=payment.created_at + timedelta(hours=1))
    failed = make_op(payment, state=OpState.FAILED)
    charge = make_op(payment, kind=OpKind.CHARGE)
    view = SimpleNamespace(payment=payment, operations=[old, new, failed, charge])
    services = SimpleNamespace(
        queries=SimpleNamespace(get_view=async_stub(result=view)),
        receipts=SimpleNamespace(issue_receipt=async_stub(result=("record", b"%PDF")), save_pdf=async_stub()),
        printing=None,  # no thermal printer: the receipt dialog's print dialog/PDF path
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return SimpleNamespace(payment=payment, old=old, new=new, failed=failed, services=services, parent=parent)


def visible(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_print_asks_which_receipt_newest_refund_first(qtbot, aloop, setup, previews):
    s = setup
    task = asyncio.ensure_future(print_flow(s.parent, s.services, MANAGER, s.payment.invoice_id))
    qtbot.waitUntil(lambda: bool(visible(ReceiptChooser)))
    chooser = visible(ReceiptChooser)[0]
    choices = chooser.choices()
    assert [(c.kind, c.op) for c in choices] == [("sale", None), ("refund", s.new), ("refund", s.old)]
    texts = [" ".join(chooser.list.item(i).text().replace("\u202f", " ").split()) for i in range(3)]
    assert texts[0].startswith("Sale receipt: 1 500,00") and texts[1].startswith("Refund receipt: 300,00")
    title = " ".join(chooser.windowTitle().replace("\u202f", " ").split())
    assert s.payment.invoice_id.value in title and "1 500,00" in title
    assert chooser.grab().save("/tmp/receipt-chooser.png")  # noqa: S108
    assert chooser.print_button.isDefault()  # Enter anywhere in the window prints, not Cancel
    chooser.list.setCurrentRow(1)
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    qtbot.waitUntil(task.done)
    task.result()
    assert previews == [(MANAGER, s.payment.invoice_id, "refund", s.new.id)]
    assert s.services.receipts.issue_receipt.calls == []  # the preview issues only on Print/Save


def test_print_the_sale_or_nothing(qtbot, aloop, setup, previews):
    s = setup
    task = asyncio.ensure_future(print_flow(s.parent, s.services, MANAGER, s.payment.invoice_id))
    qtbot.waitUntil(lambda: bool(visible(ReceiptChooser)))
    qtbot.keyClick(visible(ReceiptChooser)[0].list, Qt.Key.Key_Return)  # the sale is preselected
    qtbot.waitUntil(task.done)
    assert previews == [(MANAGER, s.payment.invoice_id, "sale", None)]
    task = asyncio.ensure_future(print_flow(s.parent, s.services, MANAGER, s.payment.invoice_id))
    qtbot.waitUntil(lambda: bool(visible(ReceiptChooser)))
    visible(ReceiptChooser)[0].reject()  # Esc: nothing printed
    qtbot.waitUntil(task.done)
    assert len(previews) == 1


def test_without_refunds_print_goes_straight_to_the_sale(qtbot, aloop, setup, previews):
    s = setup
    s.services.queries.get_view.result = SimpleNamespace(payment=s.payment, operations=[s.failed])
    task = asyncio.ensure_future(print_flow(s.parent, s.services, MANAGER, s.payment.invoice_id))
    qtbot.waitUntil(task.done)
    assert not visible(ReceiptChooser)
    assert previews == [(MANAGER, s.payment.invoice_id, "sale", None)]


def test_a_confirmed_refund_offers_its_receipt_and_enter_prints(qtbot, aloop, setup, previews):
    s = setup
    task = asyncio.ensure_future(
        refund_receipt_flow(s.parent, s.services, MANAGER, s.payment.invoice_id, s.new)
    )
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)))
    box = visible(QMessageBox)[0]
    assert box.objectName() == "refund_receipt_offer" and "300,00" in box.text()
    assert s.payment.invoice_id.value in box.text()  # a window manager may elide the title, which has it too
    assert s.payment.invoice_id.value in box.windowTitle() and "300,00" in box.windowTitle()
    assert box.defaultButton().text() == "Print refund receipt"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(task.done)
    task.result()
    assert previews == [(MANAGER, s.payment.invoice_id, "refund", s.new.id)]


def test_no_offer_for_a_refund_the_bank_did_not_confirm_or_when_declined(qtbot, aloop, setup, previews):
    s = setup
    unknown = SimpleNamespace(kind=OpKind.REFUND, state=OpState.UNKNOWN, amount=Money(100), id="x")
    task = asyncio.ensure_future(
        refund_receipt_flow(s.parent, s.services, MANAGER, s.payment.invoice_id, unknown)
    )
    qtbot.waitUntil(task.done)
    assert not visible(QMessageBox)
    task = asyncio.ensure_future(
        refund_receipt_flow(s.parent, s.services, MANAGER, s.payment.invoice_id, s.old)
    )
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)))
    visible(QMessageBox)[0].reject()  # "Not now" / Esc
    qtbot.waitUntil(task.done)
    assert previews == []
