"""One English word said two ways follows a live language switch in each place (decision 0160), with the
shipped catalogues.

A shown text's source is found by its words at the first switch after it was shown. "Name" is «Имя» for
a person (UsersAdmin) and «Название» for a printer (PrintersDialog): the words were put back from
whichever window asked for "Name" last, so the other window showed its word. And a money dialog's
``self.tr("Invoice")`` asks RefundDialog first, then finds the words under MoneyOpDialog: a first try at
the fix took the class's own context without words over the one that has them (the Refund dialog kept
"Invoice", "Status" and "Card" in English after a switch), and the switch itself recorded that empty
first ask as the source of "Invoice", so the next money dialog switched kept its header in English (the
i18n walk's intermittent "'Close' stayed English").
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.receipts.printers import PrinterBook
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.money.charge_dialog import ChargeDialog
from epay_desktop.ui.money.refund_dialog import RefundDialog
from epay_desktop.ui.settings.printer_form import PrinterForm
from epay_desktop.ui.settings.printers_dialog import PrintersDialog
from epay_desktop.ui.users.users_admin import UsersAdmin
from epay_desktop.ui.widgets.status_badge import StatusBadge


@pytest.fixture(autouse=True)
def _english_before_and_after(qapp: Any) -> Iterator[None]:
    translations().switch("en")
    yield
    translations().reset()


def _label_of(form: Any, field: QWidget) -> str:
    """The text of the label beside ``field`` in the QFormLayout ``form``."""
    label = form.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


async def _never_saved(printer: Any, default: bool) -> None:
    raise AssertionError("not saved in this test")


def test_name_is_said_as_each_window_says_it_after_every_switch(qtbot: Any, manager: Any) -> None:
    people = UsersAdmin(SimpleNamespace(), manager)  # asks for "Name" first...
    printers = PrintersDialog(None, manager, SimpleNamespace(register_id="R1"), PrinterBook())
    printer = PrinterForm(printers, None, is_default=False, save=_never_saved)  # ...its Add… form last
    for window in (people, printers, printer):
        qtbot.addWidget(window)
        window.show()
    people_form = people.name_edit.parentWidget().layout()  # the "Add a user" box

    def names() -> tuple[str, str]:
        return _label_of(people_form, people.name_edit), _label_of(printer.form, printer.name_edit)

    assert names() == ("Name", "Name")
    for lang, said in (("ru", ("Имя", "Название")), ("kk", ("Аты", "Атауы")), ("en", ("Name", "Name"))):
        translations().switch(lang)
        assert names() == said, lang
    translations().switch("ru")
    assert names() == ("Имя", "Название")


def _header(dialog: Any) -> tuple[str, ...]:
    """The money dialog's header rows' labels: Invoice, Status, Card."""
    labels = [dialog.body.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(3)]
    return tuple(item.widget().text() for item in labels)


def test_two_money_dialogs_say_their_header_in_russian_after_a_switch(
    qtbot: Any, parent: Any, make_view: Any, manager: Any, fake_services: Any, open_dialog: Any
) -> None:
    ops, users = fake_services.operations, fake_services.users
    refund_view, charge_view = make_view(), make_view(status=ConsoleStatus.AUTH)
    _, refund = open_dialog(
        RefundDialog.ask(parent, refund_view, manager, operations=ops, users=users), RefundDialog
    )
    _, charge = open_dialog(
        ChargeDialog.ask(parent, charge_view, manager, operations=ops, users=users), ChargeDialog
    )
    assert _header(refund) == _header(charge) == ("Invoice", "Status", "Card")
    translations().switch("ru")
    assert _header(refund) == _header(charge) == ("Заказ", "Статус", "Карта")
    translations().switch("kk")
    assert _header(refund) == _header(charge) == ("Тапсырыс", "Күйі", "Карта")
    for dialog in (refund, charge):
        dialog.reject()


def test_the_refund_dialogs_status_badge_says_the_status_after_a_switch(
    qtbot: Any, parent: Any, make_view: Any, manager: Any, fake_services: Any, open_dialog: Any
) -> None:
    """ "Paid" is «Оплачен» as a status and «Оплачено» as the Refund dialog's own row: the badge inside
    the dialog says the status's word after a switch, not the dialog's."""
    ops, users = fake_services.operations, fake_services.users
    _, refund = open_dialog(
        RefundDialog.ask(parent, make_view(), manager, operations=ops, users=users), RefundDialog
    )
    badge = refund.findChild(StatusBadge)
    assert badge.text() == "Paid"
    translations().switch("ru")
    assert badge.text() == "Оплачен"
    translations().switch("en")
    translations().switch("ru")
    assert badge.text() == "Оплачен"
    refund.reject()
