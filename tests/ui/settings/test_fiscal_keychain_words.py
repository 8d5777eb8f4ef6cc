"""Settings > Fiscal register speaks of its own secrets, the fiscal API key and the cashier's password, never
of the gateway's client secret (decision 0128): when the keychain refuses them at Save, and when there is
no secure keychain at all; and it says that a saved change applies here at once. On the real console,
opened with Ctrl+, as a manager does."""

from __future__ import annotations

from typing import Any

import keyring
import keyring.backends.fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit

from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.services.fiscal.setup import NO_KEYCHAIN
from epay_desktop.ui.settings.settings_dialog import SettingsDialog
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.windows import shown as shown_now
from tests.ui.settings.test_fiscal_from_menu import open_fiscal_page
from tests.ui.settings.test_fiscal_from_menu import type_into

SLOW = 15_000


def _words(page: Any) -> list[str]:
    """Every text the page shows: labels, buttons, placeholders."""
    texts = [label.text() for label in page.findChildren(QLabel)]
    texts += [button.text() for button in page.findChildren(QAbstractButton)]
    return texts + [edit.placeholderText() for edit in page.findChildren(QLineEdit)]


def test_the_fiscal_page_names_its_own_secrets_when_the_keychain_fails(
    real_console: Any, qtbot: Any, memory: Any
) -> None:
    console = real_console
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_fiscal_page(qtbot, console)
    page = dialog.fiscal_page
    assert "applies on every counter from its next receipt" in page.findChild(QLabel, "fiscal_note").text()
    page.provider_combo.setCurrentIndex(page.provider_combo.findData("webkassa"))
    type_into(qtbot, page.url_edit, "https://devkkm.webkassa.kz")
    type_into(qtbot, page.login_edit, LOGIN)
    type_into(qtbot, page.cashbox_edit, CASHBOX)
    qtbot.keyClicks(page.key_edit, API_KEY)
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the keychain went away while the dialog was open
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=SLOW)
    assert dialog.error_label.text() == NO_KEYCHAIN
    assert "fiscal API key and password" in NO_KEYCHAIN and "client secret" not in NO_KEYCHAIN
    assert memory.items == {}
    dialog.reject()
    qtbot.waitUntil(lambda: not shown_now(SettingsDialog), timeout=SLOW)

    again = open_fiscal_page(qtbot, console)  # no secure keychain now: the fields are off, and why
    shown = again.fiscal_page
    assert not shown.key_edit.isEnabled() and not shown.password_edit.isEnabled()
    assert shown.secret_note.text() == NO_KEYCHAIN
    said = " ".join(_words(shown))
    assert "client secret" not in said.lower() and "EPAYMENT_CLIENT_SECRET" not in said
    again.reject()
    qtbot.waitUntil(lambda: not shown_now(SettingsDialog), timeout=SLOW)
