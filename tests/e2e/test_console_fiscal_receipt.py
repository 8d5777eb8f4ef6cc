"""The demo shows a fiscal receipt with its QR (issue 14's done-when; decision 0125): the REAL console
prepared as ``--demo`` prepares it (``Launch.prepare``: the demo's seed, its fiscal register pointed at a
fiscal sandbox, the fiscal receipt of the demo register's latest sale registered there; then the
sandbox's ledger mirrored behind the login). A cashier logs in, selects that sale in the list and presses
Print (Ctrl+P): the receipt previewed is the fiscal one, with the register's fiscal sign, RNM and ZNM, and
its one QR code, read back from the drawn PDF, is the OFD's check page the register answered; scanned
into the list's search box, it finds the payment."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

import httpx
import pytest

from epay_desktop.app import AppContext
from epay_desktop.domain import InvoiceId
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.launch import Launch
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import REGISTRATION_NUMBER
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.sandbox.fiscal.server import start_in_thread
from epay_desktop.ui.receipts.preview import ReceiptDialog
from tests.support.pdf import pdf_text
from tests.support.pdf import qr_codes

pytestmark = [pytest.mark.timeout(240)]

SLOW = 30_000


@pytest.fixture
def register() -> Iterator[RunningFiscalSandbox]:
    with start_in_thread() as running:
        yield running


@pytest.fixture
def fiscal_demo(
    console_with: Callable[[Any], AbstractContextManager[Any]],
    sandbox: RunningSandbox,
    register: RunningFiscalSandbox,
) -> Iterator[Any]:
    """The console on the demo's data, prepared by the demo's own start with the fiscal sandbox."""

    def prepare(arun: Callable[..., Any], ctx: AppContext) -> None:
        extras = arun(Launch(sandbox, None, register).prepare(ctx), timeout=120_000)
        assert extras is not None
        arun(extras.behind_login())  # the sandbox's ledger, as behind the login form

    with console_with(prepare) as console:
        yield console


def test_the_demos_fiscal_sale_prints_as_the_fiscal_receipt_with_the_ofd_qr(
    fiscal_demo: Any, register: RunningFiscalSandbox, qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    console = fiscal_demo
    # the start's sale, as its log line names it: the register also holds the demo shift's other
    # receipts (decision 0126), some of them holds or refunded sales whose Ctrl+P asks something else
    [started] = [
        r for r in caplog.get_records("setup") if r.getMessage().startswith("event=demo_fiscal_sale ")
    ]
    invoice = InvoiceId(started.getMessage().split("invoice_id=")[1].split()[0])
    checks = httpx.get(f"{register.base_url}/sandbox/checks", timeout=10).json()
    check = next(c for c in checks if c["ExternalCheckNumber"] == f"epd-sale-{invoice.value}")
    console.log_in("Айгерим", "1111")
    qtbot.waitUntil(lambda: console.listed_status(invoice) != "", timeout=SLOW)
    console.show_detail(invoice)  # the sale's row selected, as a click does
    window = console.window
    qtbot.waitUntil(window.commands.print_receipt.isEnabled, timeout=SLOW)
    window.commands.print_receipt.trigger()  # Ctrl+P
    dialog = console.wait_dialog(ReceiptDialog)
    assert dialog.draft.kind is ReceiptKind.SALE and dialog.record is None  # previewed, not issued
    text = pdf_text(dialog.pdf)
    assert "ФИСКАЛЬНЫЙ ЧЕК" in text and f"ФП {check['CheckNumber']}" in text
    assert f"Код ККМ КГД (РНМ) {REGISTRATION_NUMBER}" in text and f"ЗНМ {CASHBOX}" in text
    assert f"Номер заказа {invoice.value}" in text and "Не является фискальным чеком" not in text
    [scanned] = qr_codes(dialog.pdf)
    assert scanned == check["TicketUrl"]  # the OFD's check page, the only code
    dialog.reject()
    qtbot.waitUntil(lambda: not console.dialogs(ReceiptDialog), timeout=SLOW)

    # the OFD QR, as a hand scanner types it into the search box, finds the payment (the fiscal journal)
    console.scan_into_search(scanned, [invoice])
