"""services/payments/saved_cards.py on the real services and the loopback sandbox, from the saved-card panel.

A first payment with "save card" (paid through the sandbox's control API) leaves a card on file; the
panel then lists it and charges it; the outcome is what check-status stored.
"""

from __future__ import annotations

import re

import httpx
import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from epay_desktop.app import open_app
from epay_desktop.app import store_of
from epay_desktop.domain import ConsoleError
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.services.payments.checkout import DEFAULT_BACK_LINK_BASE
from epay_desktop.ui.checkout.result import Outcome
from epay_desktop.ui.checkout.screen import CheckoutScreen
from tests.support.sandbox import APPROVED_CARD
from tests.support.sandbox import SandboxControl


class NoPage(QWidget):
    """The screen's page is not used by a saved-card payment."""

    customer_finished = Signal(str, bool)
    load_failed = Signal(str)
    expired = Signal()
    cancelled = Signal()


@pytest.fixture
def app(arun, aloop, tmp_path, sandbox):
    base = sandbox.base_url
    env = {
        "EPAYMENT_HOME": str(tmp_path / "home"),
        "EPAYMENT_API_URL": base,
        "EPAYMENT_OAUTH_URL": f"{base}/oauth2/token",
        "EPAYMENT_WIDGET_URL": f"{base}/payform/payment-api.js",
    }
    ctx = arun(open_app(env), timeout=30_000)
    yield ctx
    arun(ctx.aclose(), timeout=15_000)
    executor = getattr(aloop, "_QEventLoop__default_executor", None)
    if executor is not None:
        executor.shutdown(wait=True)
        aloop.set_default_executor(None)


def save_a_card(arun, app, user, base_url: str, account: str, pan: str = APPROVED_CARD) -> None:
    session = arun(
        app.payments.create_payment(user, CheckoutRequest(Money(10_000), account_id=account, save_card=True))
    )
    with SandboxControl(base_url) as control:  # the customer pays with "save card" (3-D Secure: 000000)
        invoice = session.payment.invoice_id
        control.customer_pays(invoice, pan, threeDSCode="000000", accountId=account, cardSave=True)


def test_panel_lists_the_saved_card_and_charges_it(qtbot, arun, app, sandbox):
    user = arun(app.users.add_user("manager", Role.MANAGER, "24681357", None))
    save_a_card(arun, app, user, sandbox.base_url, "cust-42")
    cards = app.saved_cards
    assert arun(cards.list_cards("nobody-here")) == []
    receipts = app.receipts
    screen = CheckoutScreen(
        app.payments, receipts, lambda: user, NoPage(), saved_cards=cards, poll_interval=0.1
    )
    qtbot.addWidget(screen)
    screen.show()
    screen.form.amount_edit.setText("2 500")
    screen.form.account_edit.setText("cust-42")
    qtbot.waitUntil(screen.form.saved_card_button.isVisible, timeout=15_000)  # found at the sandbox
    screen.form.saved_card_button.click()
    panel = screen.saved_panel
    qtbot.waitUntil(lambda: panel.pay_button.isEnabled(), timeout=15_000)
    assert "5096" in panel.card_list.currentItem().text()
    panel.pay_button.click()
    qtbot.waitUntil(lambda: screen.result.outcome is Outcome.APPROVED, timeout=15_000)
    payment = screen.payment
    assert payment.amount == Money(250_000) and payment.account_id == "cust-42"
    assert payment.status in (ConsoleStatus.CHARGE, ConsoleStatus.AUTH)
    screen.stop_watching()


def test_service_refuses_without_an_account_or_card(arun, app):
    user = arun(app.users.add_user("manager", Role.MANAGER, "24681357", None))
    cards = app.saved_cards
    with pytest.raises(ConsoleError, match="customer id"):
        arun(cards.charge_saved_card(user, "card", CheckoutRequest(Money(100), account_id=" ")))
    with pytest.raises(ConsoleError, match="saved cards"):
        arun(cards.charge_saved_card(user, "", CheckoutRequest(Money(100), account_id="cust-1")))


def test_deactivation_is_for_managers_audited_and_the_card_is_gone(arun, app, sandbox):
    manager = arun(app.users.add_user("manager", Role.MANAGER, "24681357", None))
    cashier = arun(app.users.add_user("cashier", Role.CASHIER, "13572468", manager))
    save_a_card(arun, app, manager, sandbox.base_url, "cust-7")
    cards = app.saved_cards
    [card] = arun(cards.list_cards("cust-7"))
    with pytest.raises(PermissionDenied, match="Only a manager"):
        arun(cards.deactivate_card(cashier, "cust-7", card.id))
    assert arun(cards.list_cards("cust-7")) == [card]  # nothing was sent
    with pytest.raises(ConsoleError, match="no longer saved"):
        arun(cards.deactivate_card(manager, "cust-8", card.id))  # not this customer's card
    arun(cards.deactivate_card(manager, "cust-7", card.id))
    assert arun(cards.list_cards("cust-7")) == []
    assert not sandbox.state.cards.get(card.id, sandbox.state.config.terminal_id).active

    async def audit():
        return await store_of(app).run_read(
            lambda tx: [e for e in tx.audit.entries() if e.action == "card.deactivated"]
        )

    [entry] = arun(audit())
    assert entry.actor_id == manager.id and entry.subject == f"card:{card.id}"


def hidden_fields(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))


@pytest.mark.parametrize(("code", "paid"), [("000000", True), ("123456", False)])
def test_a_saved_3ds_card_answers_secure3d_and_the_status_decides(arun, app, sandbox, code, paid):
    """secure3D is neither paid nor failed: the form for the issuer; after it, check-status decides."""
    user = arun(app.users.add_user("manager", Role.MANAGER, "24681357", None))
    save_a_card(arun, app, user, sandbox.base_url, "cust-3ds", pan="4111111111111111")
    cards = app.saved_cards
    [card] = arun(cards.list_cards("cust-3ds"))
    request = CheckoutRequest(Money(77_000), account_id="cust-3ds", save_card=True)  # the form's box, ticked
    charge = arun(cards.charge_saved_card(user, card.id, request))
    assert not charge.payment.save_card  # a saved card is not saved again
    invoice = charge.payment.invoice_id
    assert charge.payment.status is ConsoleStatus.PENDING  # not paid, not failed
    form = charge.secure3d
    assert form is not None and form.action == f"{sandbox.acs_url}/acs/auth"
    assert sandbox.acs_url != sandbox.base_url  # the issuer is another origin
    assert form.term_url.startswith(f"{sandbox.base_url}/payments/cards/confirmPayment?Access=")
    assert "Access" not in repr(charge)  # the token in TermUrl never reaches a log line
    # the customer's browser: the form POST to the issuer, the one-time code, the way back through TermUrl
    with httpx.Client(timeout=10) as browser:
        page = browser.post(form.action, data={"MD": form.md, "PaReq": form.pa_req, "TermUrl": form.term_url})
        assert page.status_code == 200 and 'id="code"' in page.text
        fields = hidden_fields(page.text)
        answer = browser.post(f"{sandbox.acs_url}/acs/verify", data={**fields, "code": code})
        back = hidden_fields(answer.text)
        assert set(back) == {"PaRes", "MD"}
        done = browser.post(form.term_url, data=back)
    assert done.status_code == 303  # to the back link the console sent with the charge
    expected = f"{DEFAULT_BACK_LINK_BASE}/{'ok' if paid else 'fail'}?invoice={invoice.value}"
    assert done.headers["location"].startswith(expected)
    payment = arun(app.payments.refresh_status(invoice))
    if paid:
        assert payment.status is ConsoleStatus.CHARGE
    else:
        assert payment.status is ConsoleStatus.THREE_DS and payment.reason_code == 473
    assert arun(cards.list_cards("cust-3ds")) == [card]  # the card stays saved either way
