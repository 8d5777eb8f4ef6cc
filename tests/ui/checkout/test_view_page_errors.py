"""A mistake on the gateway's card page is not a dead page: an HTTP error answer (the sandbox answers a
form with an empty cardholder name with 422 and the page's own message) keeps the sale open; only a
page that cannot load at all (connection refused) stops it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import StatusFound
from epay_desktop.ui.checkout.view import CheckoutView

pytestmark = pytest.mark.browser
MakeView = Callable[..., CheckoutView]

NAME_ERROR = (
    "(function () { var e = document.getElementById('name-error'); return e ? e.textContent : ''; })()"
)


def fill(drive: Any, view: CheckoutView, pan: str, name: str) -> None:
    """Type a card with this cardholder name (empty: the mistake the sandbox answers with 422)."""
    drive.fill_card(view.page, pan, name)


def test_an_http_error_page_keeps_the_sale_open_and_can_be_corrected(
    make_view: MakeView, drive: Any, qtbot: Any
) -> None:
    checkout = drive.new_checkout("1500")
    view = make_view()
    failed: list[str] = []
    view.load_failed.connect(failed.append)
    view.start(checkout.payment_object, checkout.widget_url, checkout.expires_at, mode="redirect")
    drive.wait_js(lambda: view.page, drive.FORM_READY)
    fill(drive, view, drive.APPROVED, "")
    drive.run_js(view.page, drive.SUBMIT)
    # The 422 answer: the page's own message under the name field, the form still there.
    drive.wait_js(lambda: view.page, f"{NAME_ERROR}.length > 0 && {drive.FORM_READY}")
    message = drive.run_js(view.page, NAME_ERROR)
    assert message.strip()
    assert failed == []
    assert view.cancel_button.isEnabled()
    assert "correct" in view.status_label.text()

    fill(drive, view, drive.APPROVED, "test buyer")
    with qtbot.waitSignal(view.customer_finished, timeout=20_000) as finished:
        drive.run_js(view.page, drive.SUBMIT)
    assert finished.args == [checkout.invoice_id, True]
    status = drive.check_status(checkout.invoice_id)
    assert isinstance(status, StatusFound) and status.transaction.status is PaymentStatus.CHARGE
    assert failed == []
