"""Settings > Fiscal register (decision 0123) reached the way a person does, on the REAL console (open_app +
AppController + MainWindow, real services on a fresh SQLite database, the in-memory keychain): a manager
opens Settings with Ctrl+, and finds no fiscal provider (the console works as before: no provider is
built); chooses Webkassa and fills in the fiscal sandbox's address, login, cash register, API key and
password; "Test connection" says it is connected and the shift's state, and with a wrong API key says the
key, login or password was not accepted; Save keeps the values in the shop database and the API key and
password in the keychain only (no file of the console's folder holds them, nor the log); the page shows
them saved the next time, with the secret fields empty."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt

from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.services.fiscal.setup import FiscalSettings
from epay_desktop.ui.settings.settings_dialog import SettingsDialog
from tests.support.fiscal_sandbox import running_fiscal_sandbox
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.windows import shown
from tests.ui.settings.test_shift_rules_from_menu import open_settings

LEFT = Qt.MouseButton.LeftButton
SLOW = 15_000


def open_fiscal_page(qtbot: Any, console: Any) -> SettingsDialog:
    dialog = open_settings(qtbot, console)  # Settings > Settings… (Ctrl+,)
    assert dialog.fiscal_page is not None
    dialog.tabs.setCurrentWidget(dialog.fiscal_page)
    return dialog


def type_into(qtbot: Any, edit: Any, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_test_connection_and_save_the_fiscal_register(
    real_console: Any, qtbot: Any, arun: Any, memory: Any, caplog: Any
) -> None:
    caplog.set_level(logging.DEBUG)
    console = real_console
    assert arun(console.ctx.fiscal_setup.provider()) is None  # none configured: the console as before
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_fiscal_page(qtbot, console)
    page = dialog.fiscal_page
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Fiscal register"
    assert page.provider_combo.currentData() == "none" and page.vat_combo.currentData() == "16"
    assert page.vat_payer_check.isChecked() and not page.test_button.isEnabled()
    assert not page.login_edit.isEnabled()

    with running_fiscal_sandbox() as (sandbox, _client):
        page.provider_combo.setCurrentIndex(page.provider_combo.findData("webkassa"))
        type_into(qtbot, page.url_edit, sandbox.base_url)
        type_into(qtbot, page.login_edit, LOGIN)
        assert not dialog.save_button.isEnabled()  # no cash register yet: the reason under the tabs
        assert "unique number" in dialog.hint_label.text()
        type_into(qtbot, page.cashbox_edit, CASHBOX)
        qtbot.keyClicks(page.password_edit, PASSWORD)
        qtbot.keyClicks(page.key_edit, "wrong-key")
        assert dialog.save_button.isEnabled() and page.test_button.isEnabled()

        qtbot.mouseClick(page.test_button, LEFT)
        qtbot.waitUntil(lambda: "did not accept" in page.result_label.text(), timeout=SLOW)
        assert page.result_label.text() == (
            "The fiscal provider did not accept the API key, login or password: check them and try again."
        )
        type_into(qtbot, page.key_edit, API_KEY)
        qtbot.mouseClick(page.test_button, LEFT)
        qtbot.waitUntil(lambda: page.result_label.text().startswith("Connected"), timeout=SLOW)
        assert page.result_label.text() == (
            "Connected to Webkassa: no shift is open; the next receipt opens one."
        )
        assert memory.items == {}  # a test saves nothing

        qtbot.mouseClick(page.vat_payer_check, LEFT, pos=QPoint(6, page.vat_payer_check.height() // 2))
        page.vat_combo.setCurrentIndex(page.vat_combo.findData("12"))
        qtbot.mouseClick(dialog.save_button, LEFT)
        qtbot.waitUntil(lambda: not shown(SettingsDialog), timeout=SLOW)

        wanted = FiscalSettings("webkassa", sandbox.base_url, LOGIN, CASHBOX, vat_rate="12", vat_payer="no")
        assert arun(console.ctx.fiscal_setup.load()) == wanted
        assert memory.items == {
            ("epay-desktop", f"fiscal-api-key:{sandbox.base_url}"): API_KEY,
            ("epay-desktop", f"fiscal-password:{LOGIN}"): PASSWORD,
        }
        leaking = [
            str(p)
            for p in console.home.rglob("*")
            if p.is_file() and any(s.encode() in p.read_bytes() for s in (API_KEY, PASSWORD))
        ]
        assert leaking == []  # not the database, console.json or the log
        assert API_KEY not in caplog.text and PASSWORD not in caplog.text
        provider = arun(console.ctx.fiscal_setup.provider())  # what the fiscal services use
        assert provider is not None
        state = arun(provider.shift_state())
        assert state.shift_number is None
        arun(provider.aclose())

        again = open_fiscal_page(qtbot, console)  # shown as saved; the secrets never shown
        shown_page = again.fiscal_page
        assert shown_page.settings() == wanted
        assert shown_page.key_edit.text() == "" and shown_page.key_edit.placeholderText() == "unchanged"
        assert shown_page.password_edit.placeholderText() == "unchanged"
        qtbot.mouseClick(shown_page.test_button, LEFT)  # the kept secrets are used
        qtbot.waitUntil(lambda: shown_page.result_label.text().startswith("Connected"), timeout=SLOW)
        again.reject()
        qtbot.waitUntil(lambda: not shown(SettingsDialog), timeout=SLOW)
