"""CheckoutView against a loopback sandbox: a customer pays inside the embedded page, the view reports
"finished" as a hint, and check-status (not the page) says what happened.

Set CHECKOUT_SCREENSHOT=/path/to.png to keep the screenshot of the view showing the hosted card page.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import StatusFound
from epay_desktop.ui.checkout.policy import DEFAULT_RETURN_BASE
from epay_desktop.ui.checkout.view import CheckoutView

pytestmark = pytest.mark.browser
MakeView = Callable[..., CheckoutView]
DONE_URL = DEFAULT_RETURN_BASE + "/done"


def record_urls(view: CheckoutView) -> list[str]:
    """Every URL the main frame showed (urlChanged), to prove a back link never loaded."""
    seen: list[str] = []
    view.page.urlChanged.connect(lambda url: seen.append(url.toString()))
    return seen


def painted(drive: Any, view: CheckoutView) -> QImage:
    """The view once the page has rendered two more frames (offscreen paints asynchronously)."""
    drive.run_js(
        view.page,
        "window.__painted = false; requestAnimationFrame(() => requestAnimationFrame(() => "
        "{ window.__painted = true; })); true",
    )
    drive.wait_js(lambda: view.page, "window.__painted === true")
    return view.grab().toImage()


def assert_status(drive: Any, invoice_id: str, expected: PaymentStatus) -> None:
    status = drive.check_status(invoice_id)
    assert isinstance(status, StatusFound)
    assert status.transaction.status is expected


def test_redirect_mode_approved_card(make_view: MakeView, drive: Any, qtbot: Any, tmp_path: Path) -> None:
    checkout = drive.new_checkout("1500")
    view = make_view()
    urls = record_urls(view)
    view.start(checkout.payment_object, checkout.widget_url, checkout.expires_at, mode="redirect")
    drive.wait_js(lambda: view.page, drive.FORM_READY)
    assert view.page.url().toString().startswith(f"{drive.sandbox.base_url}/payform/?params=")
    amount = drive.run_js(view.page, "document.getElementById('amount').textContent")
    assert amount.replace("\u202f", " ").replace("\u00a0", " ").strip().startswith("1 500,00")
    assert view.countdown_label.text().startswith("Time left: ")

    typed = drive.fill_card(view.page, drive.APPROVED)
    assert typed == ["4405 6397 0401 5096", drive.SHOWN_EXPIRY, "321", "TEST BUYER"]
    before = view.grab().toImage()
    qtbot.waitUntil(lambda: painted(drive, view) != before, timeout=20_000)
    qtbot.waitUntil(lambda: view.status_label.text() == "Waiting for the customer to pay\u2026")
    shot = Path(os.environ.get("CHECKOUT_SCREENSHOT") or tmp_path / "checkout.png")
    assert view.grab().save(str(shot))

    with qtbot.waitSignal(view.customer_finished, timeout=20_000) as finished:
        drive.run_js(view.page, drive.SUBMIT)
    assert finished.args == [checkout.invoice_id, True]
    assert_status(drive, checkout.invoice_id, PaymentStatus.CHARGE)
    assert drive.check_status(checkout.invoice_id).transaction.amount == Money.parse("1500")
    qtbot.waitUntil(lambda: view.page.url().toString() == DONE_URL)  # our "checking" page, not the back link
    assert not any(url.startswith(DEFAULT_RETURN_BASE + "/ok") for url in urls)
    assert view.countdown_label.text() == ""


def test_redirect_mode_declined_card(make_view: MakeView, drive: Any, qtbot: Any) -> None:
    checkout = drive.new_checkout("990.50")
    view = make_view()
    urls = record_urls(view)
    view.start(checkout.payment_object, checkout.widget_url, checkout.expires_at)
    drive.wait_js(lambda: view.page, drive.FORM_READY)
    drive.fill_card(view.page, drive.DECLINED)
    drive.run_js(view.page, drive.SUBMIT)
    # attempts are left: the gateway's page offers the form again; the customer presses "Finish"
    drive.wait_js(
        lambda: view.page, "!!document.getElementById('finish') && document.readyState === 'complete'"
    )
    with qtbot.waitSignal(view.customer_finished, timeout=20_000) as finished:
        drive.run_js(view.page, "document.getElementById('finish').click(); true")
    assert finished.args == [checkout.invoice_id, False]
    assert not any(url.startswith(DEFAULT_RETURN_BASE + "/fail") for url in urls)
    assert_status(drive, checkout.invoice_id, PaymentStatus.REJECT)


@pytest.mark.parametrize(
    ("pan", "success", "outcome"),
    [("4405639704015096", True, PaymentStatus.CHARGE), ("4003032704547597", False, PaymentStatus.REJECT)],
)
def test_widget_mode(
    make_view: MakeView, drive: Any, qtbot: Any, pan: str, success: bool, outcome: PaymentStatus
) -> None:
    checkout = drive.new_checkout("2750")
    view = make_view()
    view.start(checkout.payment_object, checkout.widget_url, checkout.expires_at, mode="widget")
    drive.wait_js(lambda: drive.child_frame(view), drive.FORM_READY)
    assert (
        view.page.url().toString() == DEFAULT_RETURN_BASE + "/checkout"
    )  # the shell, with the iframe on top
    frame = drive.child_frame(view)
    drive.fill_card(frame, pan)
    if not success:  # attempts are left: the declined view first, the widget is told on "Finish"
        drive.run_js(frame, drive.SUBMIT)
        ready = "!!document.getElementById('finish') && document.readyState === 'complete'"
        drive.wait_js(lambda: drive.child_frame(view), ready)
    with qtbot.waitSignal(view.customer_finished, timeout=20_000) as finished:
        if success:
            drive.run_js(frame, drive.SUBMIT)
        else:
            drive.run_js(drive.child_frame(view), "document.getElementById('finish').click(); true")
    assert finished.args == [checkout.invoice_id, success]
    assert_status(drive, checkout.invoice_id, outcome)


def test_hostile_description_stays_text(make_view: MakeView, drive: Any) -> None:
    evil = "</script><script>location.href='https://example.com/'</script><b>x</b>&amp;"
    checkout = drive.new_checkout("100", description=evil)
    view = make_view()
    view.start(checkout.payment_object, checkout.widget_url, checkout.expires_at, mode="widget")
    drive.wait_js(lambda: drive.child_frame(view), drive.FORM_READY)
    # The shell's own payment object kept the text verbatim and nothing escaped from the string.
    assert drive.run_js(view.page, "document.querySelectorAll('b').length") == 0
    assert drive.run_js(view.page, "document.title") == "Opening the payment page\u2026"
    assert view.page.url().toString() == DEFAULT_RETURN_BASE + "/checkout"


def test_back_link_for_another_invoice_is_ignored(make_view: MakeView, drive: Any, qtbot: Any) -> None:
    checkout = drive.new_checkout("100")
    view = make_view()
    view.start(checkout.payment_object, checkout.widget_url, checkout.expires_at, mode="widget")
    drive.wait_js(lambda: drive.child_frame(view), drive.FORM_READY)
    finished: list[tuple[str, bool]] = []
    view.customer_finished.connect(lambda invoice, ok: finished.append((invoice, ok)))
    with qtbot.waitSignal(view.page.back_link_reached, timeout=10_000):
        drive.run_js(view.page, f"location.href = '{DEFAULT_RETURN_BASE}/ok?invoice=999999999'; true")
    assert finished == []
    with qtbot.waitSignal(view.customer_finished, timeout=10_000) as hint:
        drive.run_js(
            view.page, f"location.href = '{DEFAULT_RETURN_BASE}/fail?invoice={checkout.invoice_id}'; true"
        )
    assert hint.args == [checkout.invoice_id, False]


def test_countdown_with_an_injected_clock(make_view: MakeView, drive: Any, qtbot: Any) -> None:
    now = [datetime(2026, 3, 1, 9, 0, 0, tzinfo=UTC)]
    view = make_view(clock=lambda: now[0], tick_ms=10)
    checkout = drive.new_checkout("100")
    view.start(checkout.payment_object, checkout.widget_url, now[0] + timedelta(minutes=20), mode="widget")
    assert view.countdown_label.text() == "Time left: 20:00"
    now[0] += timedelta(minutes=18, seconds=30, milliseconds=400)
    qtbot.waitUntil(lambda: view.countdown_label.text() == "Time left: 01:29")
    expired: list[bool] = []
    view.expired.connect(lambda: expired.append(True))
    with qtbot.waitSignal(view.expired, timeout=5000):
        now[0] += timedelta(minutes=2)
    assert view.countdown_label.text() == "expired \u2014 start a new payment"
    now[0] += timedelta(minutes=5)
    view.update_countdown()
    assert expired == [True]  # once
    assert view.status_label.text() == "The payment time is over. Start a new payment."
    # A payment submitted in the last second still reports its (hint of a) finish.
    back = f"{DEFAULT_RETURN_BASE}/ok?invoice={checkout.invoice_id}"
    with qtbot.waitSignal(view.customer_finished, timeout=10_000) as finished:
        drive.run_js(view.page, f"location.href = '{back}'; true")
    assert finished.args == [checkout.invoice_id, True]


def test_cancel_button(make_view: MakeView, drive: Any, qtbot: Any) -> None:
    checkout = drive.new_checkout("100")
    view = make_view()
    view.start(checkout.payment_object, checkout.widget_url, checkout.expires_at)
    drive.wait_js(lambda: view.page, drive.FORM_READY)
    cancelled: list[bool] = []
    view.cancelled.connect(lambda: cancelled.append(True))
    assert view.cancel_button.isEnabled()
    with qtbot.waitSignal(view.cancelled, timeout=5000):
        view.cancel_button.click()
    view.cancel_button.click()
    view.on_cancel_button_clicked()
    assert cancelled == [True]
    assert not view.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: view.page.url().toString() == DONE_URL)  # the card form is gone
    assert view.countdown_label.text() == ""


def test_gateway_script_missing(make_view: MakeView, drive: Any, qtbot: Any) -> None:
    checkout = drive.new_checkout("100")
    view = make_view()
    with qtbot.waitSignal(view.load_failed, timeout=10_000) as failed:
        view.start(
            checkout.payment_object, f"{drive.sandbox.base_url}/no-such/payment-api.js", checkout.expires_at
        )
    assert "could not be loaded" in failed.args[0]
    assert view.status_label.text() == failed.args[0]


def test_gateway_down(make_view: MakeView, drive: Any, qtbot: Any, unused_port: int) -> None:
    down = f"http://127.0.0.1:{unused_port}"
    view = make_view(
        allowed_hosts={drive.sandbox.base_url.removeprefix("http://"), f"127.0.0.1:{unused_port}"}
    )
    checkout = drive.new_checkout("100")
    with qtbot.waitSignal(view.load_failed, timeout=10_000):
        view.start(checkout.payment_object, f"{down}/payform/payment-api.js", checkout.expires_at)


def test_start_refuses_a_widget_url_off_the_allow_list(make_view: MakeView, drive: Any) -> None:
    checkout = drive.new_checkout("100")
    view = make_view()
    with pytest.raises(ValueError, match="allowed gateway host"):
        view.start(checkout.payment_object, "https://example.com/payment-api.js", checkout.expires_at)
