"""3-D Secure on the issuer's site, in the REAL console (issue 8 point 2, docs/decisions/0040).

The sandbox serves its ACS on a second loopback port (another origin, as the real gateway's issuers are).
The customer types the 3-D Secure card into the embedded gateway page; the gateway's page posts the whole
window to the ACS; the checkout shows the issuer's host above the page; the customer types the one-time
code; the ACS posts back to TermUrl on the gateway. The outcome is what check-status says. A saved 3-D
Secure card does the same from the gateway's ``secure3D`` answer. A link away from the gateway's page is
still blocked.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.ui.checkout.result import Outcome
from tests.support.card_form import APPROVED_CARD
from tests.support.card_form import FORM_READY
from tests.support.card_form import SUBMIT
from tests.support.card_form import THREE_DS_CARD
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000
ACS_READY = "!!document.getElementById('acs-form') && !!document.getElementById('code')"
CODE = "document.getElementById('code').value = %r; document.getElementById('acs-confirm').click(); true"
FINISH = "(function () { var a = document.getElementById('finish'); if (a) { a.click(); } return !!a; })()"
STRIP = "Card issuer's verification page: {host} \u2014 the payment continues after it"


def hostport(url: str) -> str:
    return url.split("://", 1)[1].rstrip("/")


def reach_the_issuer(console: Any, qtbot: Any, screen: Any) -> str:
    """Wait for the ACS page (another origin) with the strip naming it; returns the host shown."""
    view = screen.view
    acs, gateway = hostport(console.sandbox.acs_url), hostport(console.sandbox.base_url)
    assert acs != gateway  # a second origin, as on the real gateway
    qtbot.waitUntil(view.issuer_label.isVisible, timeout=SLOW)
    assert view.issuer_label.text() == STRIP.format(host=acs)
    console.wait_js(ACS_READY)
    assert hostport(view.page.url().toString().split("/acs/")[0]) == acs
    assert screen.currentWidget() is view and view.cancel_button.isEnabled()
    return acs


def test_the_3ds_card_pays_through_the_issuers_page_on_another_origin(console: Any, qtbot: Any) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    screen = console.open_card_page("1250")
    invoice = screen.payment.invoice_id
    console.fill_card(THREE_DS_CARD)
    console.run_js(SUBMIT)  # the gateway's page posts the window to the issuer
    reach_the_issuer(console, qtbot, screen)
    assert console.stored(invoice).status is ConsoleStatus.PENDING  # nothing decided by the page
    console.run_js(CODE % "000000")
    qtbot.waitUntil(lambda: screen.result.outcome is Outcome.APPROVED, timeout=SLOW)
    assert not screen.view.issuer_label.isVisible()  # back on the gateway (TermUrl), then our page
    payment = console.stored(invoice)
    assert payment.status is ConsoleStatus.CHARGE and payment.amount == Money(125_000)
    assert console.ledger(invoice.value).secure is True


def test_a_wrong_one_time_code_ends_declined(console: Any, qtbot: Any) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    screen = console.open_card_page("640")
    invoice = screen.payment.invoice_id
    console.fill_card(THREE_DS_CARD)
    console.run_js(SUBMIT)
    reach_the_issuer(console, qtbot, screen)
    console.run_js(CODE % "111111")

    # While attempts are left the gateway's page offers another try; the customer gives up ("Finish").
    finished: list[bool] = []

    def declined_or_finished() -> bool:
        if screen.result.outcome is Outcome.DECLINED:
            return True
        if screen.currentWidget() is screen.view and not finished and screen.view.cancel_button.isEnabled():
            screen.view.page.runJavaScript(FINISH, lambda clicked: finished.append(True) if clicked else None)
        return False

    qtbot.waitUntil(declined_or_finished, timeout=SLOW)
    assert not screen.view.issuer_label.isVisible()
    payment = console.stored(invoice)
    assert payment.status is ConsoleStatus.THREE_DS and payment.reason_code == 473
    assert console.ledger(invoice.value).secure is True


def test_a_link_away_from_the_gateways_page_is_blocked(console: Any, qtbot: Any) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    screen = console.open_card_page("310")
    page = screen.view.page
    acs = console.sandbox.acs_url
    for script in (
        "location.href = 'https://example.com/'; true",  # a scripted move
        f"location.href = '{acs}/acs/auth'; true",  # even to the issuer's host: not a form POST
    ):
        with qtbot.waitSignal(page.navigation_blocked, timeout=SLOW):
            console.run_js(script)
    with qtbot.waitSignal(page.navigation_blocked, timeout=SLOW) as sig:  # a link the customer clicks
        console.run_js(
            "var a = document.createElement('a'); a.href = 'https://example.com/x?card=1'; a.id = 'away';"
            " document.body.appendChild(a); a.click(); true"
        )
    assert sig.args == ["https://example.com:443/x"]  # logged and signalled without the query
    assert console.run_js("String(window.open('https://example.com/'))") == "null"  # no pop-ups
    console.wait_js(FORM_READY)  # still the gateway's card form: the customer pays as usual
    assert not screen.view.issuer_label.isVisible()
    console.fill_card(APPROVED_CARD)
    console.run_js(SUBMIT)
    qtbot.waitUntil(lambda: screen.result.outcome is Outcome.APPROVED, timeout=SLOW)


def save_a_3ds_card(console: Any, account: str) -> None:
    """The customer's first payment with the 3-D Secure card and "save card" (code 000000)."""
    user = console.controller.session.user
    session = console.arun(
        console.ctx.payments.create_payment(
            user, CheckoutRequest(Money(10_000), account_id=account, save_card=True)
        )
    )
    answer = console.customer_pays(
        session.payment.invoice_id, THREE_DS_CARD, accountId=account, cardSave=True, threeDSCode="000000"
    )
    assert answer["outcome"] == "approved", answer


def test_a_saved_3ds_card_passes_the_issuers_page_from_the_secure3d_answer(console: Any, qtbot: Any) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    save_a_3ds_card(console, "cust-3ds")
    qtbot.waitUntil(console.window.commands.new_payment.isEnabled, timeout=SLOW)
    console.window.commands.new_payment.trigger()
    screen = console.controller.checkout
    form = screen.form
    qtbot.waitUntil(lambda: screen.currentWidget() is form, timeout=SLOW)
    qtbot.keyClicks(form.amount_edit, "2300")
    qtbot.keyClicks(form.account_edit, "cust-3ds")
    qtbot.waitUntil(form.saved_card_button.isVisible, timeout=SLOW)
    qtbot.mouseClick(form.saved_card_button, Qt.MouseButton.LeftButton)
    panel = screen.saved_panel
    qtbot.waitUntil(panel.pay_button.isEnabled, timeout=SLOW)
    assert "1111" in panel.card_list.currentItem().text()
    qtbot.mouseClick(panel.pay_button, Qt.MouseButton.LeftButton)

    # not paid, not failed: the checkout browser opens the issuer's page with the gateway's secure3D
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.view, timeout=SLOW)
    reach_the_issuer(console, qtbot, screen)
    invoice = screen.payment.invoice_id
    assert console.stored(invoice).status is ConsoleStatus.PENDING
    assert screen.blocked_reason  # no second charge of this sale meanwhile
    console.run_js(CODE % "000000")
    qtbot.waitUntil(lambda: screen.result.outcome is Outcome.APPROVED, timeout=SLOW)
    payment = console.stored(invoice)
    assert payment.status is ConsoleStatus.CHARGE and payment.amount == Money(230_000)
    assert payment.account_id == "cust-3ds"
    assert console.ledger(invoice.value).secure is True
    assert not screen.view.issuer_label.isVisible()
