"""The saved-card panel and a gateway that answers ``secure3D`` (docs/decisions/0040), with a fake port.

``secure3D`` is neither paid nor failed: the panel hands the payment and the issuer's form on
(``issuer_check_needed``), never ``paid``. A form whose action could never be an issuer's page (plain
http off loopback) is not opened: the payment goes on as unsettled (``paid`` with PENDING, the status
check decides).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.gateway.cards import Secure3DForm
from epay_desktop.services.payments.saved_cards import SavedCardCharge
from epay_desktop.ui.checkout.saved_card import SavedCardPanel

CASHIER = User(3, "aigerim", Role.CASHIER, True, 0, None, datetime(2026, 1, 1, tzinfo=UTC))
CARD = SimpleNamespace(id="card-3ds", mask="411111...1111", payer_name="TEST BUYER", payment_available=True)
FORM = Secure3DForm(
    "https://acs.issuer.example/3ds", "md-1", "pa-req", "https://epay.example/confirm?Access=tok"
)


@dataclass
class Cards:
    charge: Any
    charged: list[tuple[Any, ...]] = field(default_factory=list)

    async def list_cards(self, account_id: str) -> list[Any]:
        return [CARD]

    async def charge_saved_card(self, *args: Any, **kwargs: Any) -> Any:
        self.charged.append(args)
        return self.charge

    async def deactivate_card(self, actor: User, account_id: str, card_id: str) -> None:
        raise AssertionError("not used")


def charge_with(qtbot: Any, cards: Cards) -> tuple[list[Any], list[Any]]:
    panel = SavedCardPanel(cards, lambda: CASHIER)
    qtbot.addWidget(panel)
    paid: list[Any] = []
    checks: list[Any] = []
    panel.paid.connect(paid.append)
    panel.issuer_check_needed.connect(lambda payment, form: checks.append((payment, form)))
    panel.start(CheckoutRequest(amount=Money(230_000), account_id="cust-3ds"))
    qtbot.waitUntil(panel.pay_button.isEnabled)
    panel.pay_button.click()
    qtbot.waitUntil(lambda: bool(paid or checks))
    assert cards.charged == [(CASHIER, "card-3ds", CheckoutRequest(Money(230_000), account_id="cust-3ds"))]
    return paid, checks


def test_secure3d_opens_the_issuers_page_instead_of_a_result(
    qtbot: Any, aloop: Any, make_payment: Any
) -> None:
    pending = make_payment(status=ConsoleStatus.PENDING)
    paid, checks = charge_with(qtbot, Cards(SavedCardCharge(pending, FORM)))
    assert checks == [(pending, FORM)] and paid == []


@pytest.mark.parametrize("action", ["http://acs.issuer.example/3ds", "ftp://acs.issuer.example/"])
def test_an_action_that_is_not_an_issuers_page_is_never_opened(
    qtbot: Any, aloop: Any, make_payment: Any, action: str
) -> None:
    pending = make_payment(status=ConsoleStatus.PENDING)
    form = Secure3DForm(action, "md-1", "pa-req", "https://epay.example/confirm")
    paid, checks = charge_with(qtbot, Cards(SavedCardCharge(pending, form)))
    assert paid == [pending] and checks == []  # unsettled: the screen asks the bank, nothing is opened


def test_without_secure3d_the_result_is_shown_as_before(qtbot: Any, aloop: Any, make_payment: Any) -> None:
    charged = make_payment(status=ConsoleStatus.CHARGE)
    paid, checks = charge_with(qtbot, Cards(SavedCardCharge(charged)))
    assert paid == [charged] and checks == []
