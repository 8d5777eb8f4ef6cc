"""A payment's fiscal receipts where a person looks, and fiscal settings that apply at once (issue 14;
decision 0128). The REAL console on the gateway sandbox, its fiscal register a fiscal sandbox configured
as a manager saves it; sales paid at the bank by the customer.

* The payment's detail (a row of the list selected, as a click does) says where its receipts stand and
  follows them as they change, without being opened again: the sale's receipt pending while the register
  holds its answer, then registered with its fiscal sign, shift and number at the register's time; a
  link to the OFD's page of the receipt, opened from the keyboard (the system browser's handler is this
  test's); a refund's return refused for a shift past 24 hours, with the reason and what to do.
* Settings (Ctrl+,) > Fiscal register pointed at a second cash register: the next sale is registered
  there, without a restart.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QUrl
from PySide6.QtCore import Slot
from PySide6.QtGui import QDesktopServices

from epay_desktop.app import AppContext
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.sandbox.fiscal.server import start_in_thread
from epay_desktop.services.fiscal.setup import FiscalSettings
from epay_desktop.ui.settings.settings_dialog import SettingsDialog
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import add_people
from tests.support.windows import shown
from tests.ui.settings.test_fiscal_from_menu import open_fiscal_page
from tests.ui.settings.test_fiscal_from_menu import type_into

SLOW_MS = 30_000
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def registers() -> Iterator[tuple[RunningFiscalSandbox, RunningFiscalSandbox]]:
    """Two cash registers: the shop's first, and the one its settings are changed to."""
    with start_in_thread() as first, start_in_thread() as second:
        yield first, second


@pytest.fixture
def fiscal_console(
    memory: Any,
    registers: tuple[RunningFiscalSandbox, RunningFiscalSandbox],
    console_with: Callable[[Any], AbstractContextManager[Any]],
) -> Iterator[Any]:
    """The console whose manager saved the first register's settings, its secrets in the keychain."""

    def prepare(arun: Callable[..., Any], ctx: AppContext) -> None:
        manager, _cashier = add_people(arun, ctx)
        settings = FiscalSettings("webkassa", registers[0].base_url, LOGIN, CASHBOX, "16", "yes")
        arun(ctx.fiscal_setup.save(manager, settings, api_key=API_KEY, password=PASSWORD))

    with console_with(prepare) as console:
        yield console


class Browser(QObject):
    """The system browser's stand-in: the URLs the console asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def browser() -> Iterator[Browser]:
    handler = Browser()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, handler, "open")
    yield handler
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def _control(register: RunningFiscalSandbox, path: str, body: object = None) -> Any:
    answer = httpx.post(f"{register.base_url}{path}", json=body, timeout=10)
    assert answer.status_code < 300, answer.text
    return answer.json()


def _checks(register: RunningFiscalSandbox) -> list[dict[str, Any]]:
    checks: list[dict[str, Any]] = httpx.get(f"{register.base_url}/sandbox/checks", timeout=10).json()
    return checks


def _records(console: Any, invoice: InvoiceId) -> list[FiscalRecord]:
    payment = console.stored(invoice)
    records: list[FiscalRecord] = console.arun(console.ctx.fiscal.records_of(payment.id))
    return records


def _line(console: Any, start: str) -> tuple[int, str]:
    """The shown timeline's row starting with ``start`` and its text ((-1, '') when none does)."""
    return next(((i, t) for i, t in enumerate(console.timeline()) if t.startswith(start)), (-1, ""))


def test_the_detail_follows_the_payments_fiscal_receipts_and_opens_the_ofd_page(
    fiscal_console: Any,
    registers: tuple[RunningFiscalSandbox, RunningFiscalSandbox],
    browser: Browser,
    qtbot: Any,
) -> None:
    console, register = fiscal_console, registers[0]
    console.log_in(MANAGER, MANAGER_PIN)
    _control(register, "/sandbox/faults", {"operation": "check", "kind": "hold", "times": 1})
    invoice = console.paid(Money.parse("1000"))
    qtbot.waitUntil(lambda: console.listed_status(invoice) != "", timeout=SLOW_MS)
    console.show_detail(invoice)
    detail = console.window.detail_view
    qtbot.waitUntil(
        lambda: _line(console, "Fiscal receipt pending (will be retried)")[1] != "", timeout=SLOW_MS
    )
    assert detail.fiscal_links.isHidden()

    # "pending" is shown before the receipt is sent: released before it reaches the register, the armed
    # hold would catch it afterwards and keep it back for its full 60 s
    qtbot.waitUntil(lambda: bool(register.sandbox.faults.holds.held("check")), timeout=SLOW_MS)
    _control(register, "/sandbox/release")  # the register answers now: the detail follows by itself
    qtbot.waitUntil(lambda: _line(console, "Fiscal receipt registered")[1] != "", timeout=SLOW_MS)
    [sale] = _records(console, invoice)
    kept = sale.receipt
    assert sale.state is FiscalState.REGISTERED and kept is not None
    [check] = _checks(register)
    assert kept.check_number == check["CheckNumber"]
    row, text = _line(console, "Fiscal receipt registered")
    assert text.splitlines()[0] == (
        f"Fiscal receipt registered: fiscal sign {kept.check_number}, shift {kept.shift_number}, "
        f"No. {kept.order_number}"
    )
    assert "1 000,00" in text.replace("\u00a0", " ").replace("\u202f", " ")
    assert _line(console, "Fiscal receipt pending")[1] == ""
    item = detail.timeline.topLevelItem(row)
    assert item.text(0) == " ".join(check["DateTimeUTC"].split()[:2])  # the register's time on the receipt
    assert item.toolTip(0) == "The fiscal register's time on the receipt"

    links = detail.fiscal_links
    assert not links.isHidden() and "Check the fiscal receipt on the OFD's site" in links.text()
    links.setFocus()
    qtbot.keyClick(links, Qt.Key.Key_Tab)  # to the link
    qtbot.keyClick(links, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(browser.opened) == 1, timeout=SLOW_MS)
    assert browser.opened == [QUrl(kept.ticket_url)]

    # a return registered gets its own link, named by its amount: a payment refunded twice had two links
    # reading alike (found walking the demo)
    manager = console.controller.session.user
    console.arun(console.ctx.operations.refund(manager, invoice, Money.parse("200"), reason="e2e"))
    qtbot.waitUntil(lambda: _line(console, "Fiscal return receipt registered")[1] != "", timeout=SLOW_MS)
    returned = f"Check the fiscal return receipt of {Money.parse('200').format()} on the OFD's site"
    qtbot.waitUntil(lambda: returned in links.text(), timeout=SLOW_MS)
    assert "Check the fiscal receipt on the OFD's site" in links.text()

    _control(register, "/sandbox/shift/expire")  # the register refuses every receipt until a Z report
    console.arun(console.ctx.operations.refund(manager, invoice, Money.parse("300"), reason="e2e"))
    qtbot.waitUntil(lambda: _line(console, "Fiscal return receipt not registered")[1] != "", timeout=SLOW_MS)
    text = _line(console, "Fiscal return receipt not registered")[1]
    assert "more than 24 hours" in text and "close the shift (Z report)" in text
    kinds = {(r.kind, r.state) for r in _records(console, invoice)}
    assert kinds == {
        (FiscalKind.SALE, FiscalState.REGISTERED),
        (FiscalKind.RETURN, FiscalState.REGISTERED),
        (FiscalKind.RETURN, FiscalState.NEEDS_PERSON),
    }


def test_fiscal_settings_saved_in_the_running_console_apply_to_the_next_sale(
    fiscal_console: Any,
    registers: tuple[RunningFiscalSandbox, RunningFiscalSandbox],
    qtbot: Any,
) -> None:
    console, (first, second) = fiscal_console, registers
    console.log_in(MANAGER, MANAGER_PIN)
    before = console.paid(Money.parse("700"))
    qtbot.waitUntil(
        lambda: [r.state for r in _records(console, before)] == [FiscalState.REGISTERED], timeout=SLOW_MS
    )
    assert len(_checks(first)) == 1

    dialog = open_fiscal_page(qtbot, console)  # Settings > Settings… (Ctrl+,), its Fiscal register tab
    page = dialog.fiscal_page
    type_into(qtbot, page.url_edit, second.base_url)
    qtbot.keyClicks(page.key_edit, API_KEY)  # the key is kept per address: the new one's typed
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not shown(SettingsDialog), timeout=SLOW_MS)
    status = console.window.statusBar()
    qtbot.waitUntil(lambda: "apply from the next receipt" in status.currentMessage(), timeout=SLOW_MS)

    after = console.paid(Money.parse("800"))
    qtbot.waitUntil(
        lambda: [r.state for r in _records(console, after)] == [FiscalState.REGISTERED], timeout=SLOW_MS
    )
    assert len(_checks(second)) == 1  # the new register, without a restart
    assert len(_checks(first)) == 1  # nothing more at the old one
