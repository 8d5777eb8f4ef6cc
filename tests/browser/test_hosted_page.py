"""The whole customer journey in a real browser engine: merchant page -> payment-api.js -> hosted card page
-> back to the merchant, checked afterwards through check-status like a merchant's server would.

Set PAYFORM_SCREENSHOT=/path/to.png to keep the screenshot of the filled card page.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtGui import QImage

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import Credentials
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import Secret
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import StatusResult
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox.config import TEST_CLIENT_ID
from epay_desktop.sandbox.config import TEST_CLIENT_SECRET
from epay_desktop.sandbox.config import TEST_TERMINAL_ID
from tests.support.card_form import APPROVED_CARD
from tests.support.card_form import DECLINED_CARD
from tests.support.card_form import SHOWN_EXPIRY
from tests.support.card_form import SUBMIT
from tests.support.card_form import THREE_DS_CARD

pytestmark = pytest.mark.browser

CLIENT = {
    "grant_type": "client_credentials",
    "client_id": TEST_CLIENT_ID,
    "client_secret": TEST_CLIENT_SECRET,
    "terminal": TEST_TERMINAL_ID,
}
_invoices = itertools.count(int(datetime.now().strftime("%H%M%S")) * 10)


def payment_token(sandbox: RunningSandbox, invoice_id: str, amount: str) -> dict[str, Any]:
    fields = {**CLIENT, "scope": "payment", "invoiceID": invoice_id, "amount": amount, "currency": "KZT"}
    response = httpx.post(f"{sandbox.base_url}/oauth2/token", data=fields, timeout=10)
    response.raise_for_status()
    token: dict[str, Any] = response.json()
    return token


def check_status(sandbox: RunningSandbox, invoice_id: str) -> dict[str, Any]:
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as client:
        token = client.post("/oauth2/token", data={**CLIENT, "scope": "webapi payment"}).json()[
            "access_token"
        ]
        response = client.get(
            f"/check-status/payment/transaction/{invoice_id}", headers={"Authorization": f"Bearer {token}"}
        )
    transaction: dict[str, Any] = response.json()["transaction"]
    return transaction


def console_check_status(sandbox: RunningSandbox, invoice_id: str) -> StatusResult:
    """check-status the way the console does it: through the gateway client (no qasync loop runs here)."""

    async def go() -> StatusResult:
        credentials = Credentials(TEST_CLIENT_ID, Secret(TEST_CLIENT_SECRET), TEST_TERMINAL_ID)
        async with EpayClient(sandbox_endpoints(sandbox.base_url), credentials, timeout=10) as client:
            return await client.check_status(InvoiceId(invoice_id))

    return asyncio.run(go())


def merchant_page(sandbox: RunningSandbox, merchant: Any, call: str, amount: str = "1500") -> str:
    """Register a shop page that calls ``halyk.<call>`` with a fresh token; returns its invoice id."""
    invoice_id = f"{next(_invoices) % 10**9:09d}"
    payment = {
        "invoiceId": invoice_id,
        "backLink": f"{merchant.base_url}/ok",
        "failureBackLink": f"{merchant.base_url}/fail",
        "postLink": "",
        "language": "rus",
        "description": "Заказ №" + invoice_id[-4:] + " — чай и кофе",
        "terminal": CLIENT["terminal"],
        "amount": Decimal(amount),
        "currency": "KZT",
        "name": "Test Buyer",
        "auth": payment_token(sandbox, invoice_id, amount),  # the whole token object, as the docs ask
    }
    widget_callback = "function (result) { document.title = 'result:' + JSON.stringify(result); }"
    invocation = (
        "halyk.pay(payment);" if call == "pay" else f"halyk.showPaymentWidget(payment, {widget_callback});"
    )
    merchant.pages[f"/checkout/{invoice_id}"] = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>shop</title>
<script src="{sandbox.base_url}/payform/payment-api.js"></script></head>
<body><h1>Test shop</h1>
<script>
var payment = {json.dumps(payment, default=str, ensure_ascii=False)};
payment.amount = Number(payment.amount);
{invocation}
</script></body></html>"""
    return invoice_id


def grouped(pan: str) -> str:
    return " ".join(pan[i : i + 4] for i in range(0, len(pan), 4))


def painted(browser: Any) -> QImage:
    """What the view shows once the page has rendered two more frames (offscreen paints asynchronously)."""
    browser.run_js(
        "window.__painted = false; requestAnimationFrame(() => requestAnimationFrame(() => "
        "{ window.__painted = true; })); true"
    )
    browser.wait_js("window.__painted === true")
    return browser.view.grab().toImage()


def save_screenshot(browser: Any, before: QImage, tmp_path: Path) -> None:
    """Wait until the typed card shows on screen, then keep the picture."""
    browser.qtbot.waitUntil(lambda: painted(browser) != before, timeout=20_000)
    path = Path(os.environ.get("PAYFORM_SCREENSHOT") or tmp_path / "payform.png")
    assert browser.view.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() >= 900
    assert image.pixelColor(10, 60) != image.pixelColor(500, 140)  # background vs. the card: it rendered


def test_pay_with_an_approved_card(
    browser: Any, sandbox: RunningSandbox, merchant: Any, tmp_path: Path
) -> None:
    invoice_id = merchant_page(sandbox, merchant, "pay")
    browser.open(f"{merchant.base_url}/checkout/{invoice_id}")
    browser.wait_loaded(f"{sandbox.base_url}/payform/?params=")
    browser.wait_js("!!document.querySelector('form.pay-form') && document.readyState === 'complete'")
    assert "1 500,00 ₸" in browser.run_js("document.getElementById('amount').textContent").replace(
        "\u202f", " "
    ).replace("\u00a0", " ")

    browser.run_js("document.activeElement.blur(); true")
    before = painted(browser)
    typed = browser.fill_card(APPROVED_CARD)
    assert typed == [grouped(APPROVED_CARD), SHOWN_EXPIRY, "321", "TEST BUYER"]
    browser.run_js("document.activeElement.blur(); true")
    save_screenshot(browser, before, tmp_path)

    browser.run_js(SUBMIT)
    browser.wait_loaded(f"{merchant.base_url}/ok")
    assert browser.page.errors() == []
    status = console_check_status(sandbox, invoice_id)
    assert isinstance(status, StatusFound)
    assert status.transaction.status is PaymentStatus.CHARGE
    assert status.transaction.amount == Money.parse("1500")
    assert status.transaction.card_mask.startswith("440563")


FORM_READY = "!!document.querySelector('form.pay-form #pan') && document.readyState === 'complete'"


def test_pay_with_a_declined_card_then_finish(browser: Any, sandbox: RunningSandbox, merchant: Any) -> None:
    invoice_id = merchant_page(sandbox, merchant, "pay", amount="990.50")
    browser.open(f"{merchant.base_url}/checkout/{invoice_id}")
    browser.wait_loaded(f"{sandbox.base_url}/payform/?params=")
    browser.wait_js(FORM_READY)
    browser.fill_card(DECLINED_CARD)
    browser.run_js(SUBMIT)
    browser.wait_js("!!document.getElementById('declined') && document.readyState === 'complete'")
    assert browser.run_js("document.getElementById('declined').dataset.attemptsLeft") == "2"
    assert "2" in browser.run_js("document.getElementById('attempts-left').textContent")
    browser.run_js("document.getElementById('finish').click(); true")
    browser.wait_loaded(f"{merchant.base_url}/fail")
    transaction = check_status(sandbox, invoice_id)
    assert transaction["statusName"] == "REJECT"
    assert Decimal(str(transaction["orgAmount"])) == Decimal("990.50")


def test_declined_then_back_to_the_form_and_approved(
    browser: Any, sandbox: RunningSandbox, merchant: Any
) -> None:
    invoice_id = merchant_page(sandbox, merchant, "pay")
    browser.open(f"{merchant.base_url}/checkout/{invoice_id}")
    browser.wait_loaded(f"{sandbox.base_url}/payform/?params=")
    browser.wait_js(FORM_READY)
    browser.fill_card("5578342710750560")
    browser.run_js(SUBMIT)
    browser.wait_js("!!document.getElementById('retry') && document.readyState === 'complete'")
    browser.run_js("document.getElementById('retry').click(); true")
    browser.wait_loaded(f"{sandbox.base_url}/payform/?params=")
    browser.wait_js(FORM_READY + " && document.getElementById('pan').value === ''")
    browser.fill_card(APPROVED_CARD)
    browser.run_js(SUBMIT)
    browser.wait_loaded(f"{merchant.base_url}/ok")
    assert browser.page.errors() == []
    transaction = check_status(sandbox, invoice_id)
    assert (transaction["statusName"], transaction["cardMask"]) == ("CHARGE", "440563...5096")


def test_three_ds_at_the_issuer_on_another_origin(
    browser: Any, sandbox: RunningSandbox, merchant: Any
) -> None:
    assert sandbox.acs_url != sandbox.base_url
    invoice_id = merchant_page(sandbox, merchant, "pay")
    browser.open(f"{merchant.base_url}/checkout/{invoice_id}")
    browser.wait_loaded(f"{sandbox.base_url}/payform/?params=")
    browser.wait_js(FORM_READY)
    browser.fill_card(THREE_DS_CARD)
    browser.run_js(SUBMIT)
    # the gateway's page posts MD/PaReq/TermUrl to the ACS at once: the whole window is on the issuer's origin
    browser.wait_loaded(f"{sandbox.acs_url}/acs/auth")
    browser.wait_js("!!document.getElementById('acs-confirm') && document.readyState === 'complete'")
    assert "411111...1111" in browser.run_js("document.getElementById('acs-card').textContent")
    browser.run_js("document.getElementById('code').value = '000000'; true")
    browser.run_js("document.getElementById('acs-confirm').click(); true")
    browser.wait_loaded(f"{merchant.base_url}/ok")  # ACS -> TermUrl (gateway) -> backLink
    assert browser.page.errors() == []
    transaction = check_status(sandbox, invoice_id)
    assert (transaction["statusName"], transaction["secure"]) == ("CHARGE", True)


def test_widget_three_ds_stays_in_its_frame(browser: Any, sandbox: RunningSandbox, merchant: Any) -> None:
    invoice_id = merchant_page(sandbox, merchant, "widget")
    browser.open(f"{merchant.base_url}/checkout/{invoice_id}")
    browser.wait_loaded(f"{merchant.base_url}/checkout/")
    frame = browser.child_frame
    browser.wait_js(FORM_READY, frame)
    browser.fill_card(THREE_DS_CARD, frame)
    browser.run_js(SUBMIT, frame)
    browser.wait_js(
        f"location.href.indexOf({json.dumps(sandbox.acs_url + '/acs/auth')}) === 0"
        " && !!document.getElementById('acs-cancel') && document.readyState === 'complete'",
        frame,
    )
    browser.run_js("document.getElementById('code').value = '000000'; true", frame)
    browser.run_js("document.getElementById('acs-confirm').click(); true", frame)
    browser.qtbot.waitUntil(lambda: browser.view.title().startswith("result:"), timeout=20_000)
    assert json.loads(browser.view.title().removeprefix("result:")) == {"success": True}
    assert browser.url() == f"{merchant.base_url}/checkout/{invoice_id}"  # the shop page never left
    assert check_status(sandbox, invoice_id)["statusName"] == "CHARGE"


@pytest.mark.parametrize(("pan", "success"), [("5522042705066736", True), ("5578342710750560", False)])
def test_widget_reports_to_the_callback(
    browser: Any, sandbox: RunningSandbox, merchant: Any, pan: str, success: bool
) -> None:
    invoice_id = merchant_page(sandbox, merchant, "widget")
    browser.open(f"{merchant.base_url}/checkout/{invoice_id}")
    browser.wait_loaded(f"{merchant.base_url}/checkout/")
    assert browser.run_js("document.querySelectorAll('.widgetScreen > .iframeBox > iframe').length") == 1
    # The iframe is on the sandbox's origin, the shop on another: fill it through its own frame.
    frame = browser.child_frame
    browser.wait_js(
        "location.search.indexOf('isShortForm=true') >= 0 && !!document.querySelector('form.pay-form')"
        " && document.readyState === 'complete'",
        frame,
    )
    browser.fill_card(pan, frame)
    browser.run_js(SUBMIT, frame)
    if not success:  # the declined view with attempts left: the widget is told when the customer finishes
        browser.wait_js("!!document.getElementById('finish') && document.readyState === 'complete'", frame)
        assert not browser.view.title().startswith("result:")
        browser.run_js("document.getElementById('finish').click(); true", frame)
    browser.qtbot.waitUntil(lambda: browser.view.title().startswith("result:"), timeout=20_000)
    assert json.loads(browser.view.title().removeprefix("result:")) == {"success": success}
    assert browser.run_js("document.querySelectorAll('.widgetScreen').length") == 0  # overlay removed
    assert browser.url() == f"{merchant.base_url}/checkout/{invoice_id}"  # the shop page never left
    assert check_status(sandbox, invoice_id)["statusName"] == ("CHARGE" if success else "REJECT")
