"""``--acs-same-origin`` (the old sandbox behaviour, for comparison): the ACS is a gateway page, so the
checkout never leaves the gateway's host, shows no issuer strip, and the 3-D Secure card still pays."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

import pytest

from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import StatusFound
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox import start_in_thread
from epay_desktop.ui.checkout.view import CheckoutView

pytestmark = pytest.mark.browser
MakeView = Callable[..., CheckoutView]
ACS_READY = "!!document.getElementById('acs-form') && document.readyState === 'complete'"
CODE = (
    "document.getElementById('code').value = '000000'; document.getElementById('acs-confirm').click(); true"
)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[RunningSandbox]:
    with start_in_thread(SandboxConfig(acs_same_origin=True)) as running:
        yield running


def test_the_acs_on_the_gateways_own_origin_is_just_a_gateway_page(
    make_view: MakeView, drive: Any, qtbot: Any, sandbox: RunningSandbox
) -> None:
    assert sandbox.acs_url == sandbox.base_url
    checkout = drive.new_checkout("880")
    view = make_view()
    shown: list[bool] = []
    view.page.urlChanged.connect(lambda _url: shown.append(view.issuer_label.isVisible()))
    view.start(checkout.payment_object, checkout.widget_url, checkout.expires_at)
    drive.wait_js(lambda: view.page, drive.FORM_READY)
    drive.fill_card(view.page, "4111111111111111")
    drive.run_js(view.page, drive.SUBMIT)
    drive.wait_js(lambda: view.page, ACS_READY)
    assert view.page.url().toString().startswith(f"{sandbox.base_url}/acs/")
    assert view.page.issuer == "" and not view.issuer_label.isVisible()
    with qtbot.waitSignal(view.customer_finished, timeout=20_000) as finished:
        drive.run_js(view.page, CODE)
    assert finished.args == [checkout.invoice_id, True]
    assert not any(shown)  # the strip never appeared: the page never left the gateway's host
    status = drive.check_status(checkout.invoice_id)
    assert isinstance(status, StatusFound) and status.transaction.status is PaymentStatus.CHARGE
