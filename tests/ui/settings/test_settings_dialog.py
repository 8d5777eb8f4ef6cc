"""SettingsDialog: managers only, validation, where each value goes, the secret never in a file or a log."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from types import SimpleNamespace

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from epay_desktop.services.secret_store import NO_KEYCHAIN
from epay_desktop.services.secret_store import SecretStore
from epay_desktop.services.shop_settings import LocalConfigStore
from epay_desktop.services.shop_settings import ShopProfile
from epay_desktop.ui.settings.settings_dialog import NO_KEYCHAIN_TEXT
from epay_desktop.ui.settings.settings_dialog import SettingsDialog

LEFT = Qt.MouseButton.LeftButton
SECRET = "s3cr3t-VALUE-do-not-leak"
TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"


@pytest.fixture
def no_keychain() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def ports(tmp_path, async_stub, manager):
    return SimpleNamespace(
        shop=SimpleNamespace(load=async_stub(result=ShopProfile(name="Shop")), save=async_stub()),
        local=LocalConfigStore(tmp_path),
        secrets=SecretStore(),
        store_info={"database": "sqlite:////data/epay.db", "home": "/data", "register": "till-1"},
    )


def _ask(parent, actor, ports):
    return SettingsDialog.ask(
        parent,
        actor,
        shop=ports.shop,
        local=ports.local,
        secrets=ports.secrets,
        printers=["Xprinter"],
        store_info=ports.store_info,
    )


def _fill_gateway(qtbot, dialog, secret=SECRET):
    page = dialog.gateway_page
    page.environment_combo.setCurrentIndex(page.environment_combo.findData("test"))
    qtbot.keyClicks(page.client_edit, "merchant")
    qtbot.keyClicks(page.terminal_edit, TERMINAL)
    if secret:
        qtbot.keyClicks(page.secret_edit, secret)


def _scan(folder) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]


def test_cashier_is_refused(qtbot, parent, cashier, ports, arun):
    assert arun(_ask(parent, cashier, ports)) is None
    box = parent.findChild(QMessageBox, "user_error_box")
    assert box is not None and "manager or an administrator" in box.text()
    assert ports.shop.load.calls == []


def test_save_puts_each_value_in_its_place(
    qtbot, parent, manager, ports, memory, tmp_path, caplog, open_dialog
):
    caplog.set_level(logging.DEBUG)
    ports.shop.save.result = ShopProfile(name="ТОО Ромашка", bin="123456789012")
    task, dialog = open_dialog(_ask(parent, manager, ports), SettingsDialog)
    assert dialog.gateway_page.secret_edit.isEnabled()
    assert "No secret stored" in dialog.gateway_page.secret_note.text()
    _fill_gateway(qtbot, dialog)
    page = dialog.receipts_page
    page.name_edit.setText("ТОО Ромашка")
    qtbot.keyClicks(page.bin_edit, "123456789012")
    page.printer_combo.setCurrentIndex(page.printer_combo.findData("Xprinter"))
    dialog.computer_page.idle_spin.setValue(5)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(task.done)
    result = task.result()
    assert result.secret_saved and result.local.idle_lock_minutes == 5
    assert memory.items == {("epay-desktop", "client-secret:test:merchant"): SECRET}
    saved = json.loads((tmp_path / "console.json").read_text())
    assert saved["environment"] == "test" and saved["printer"] == "Xprinter" and saved["terminal"] == TERMINAL
    ((args, _kw),) = ports.shop.save.calls
    assert args[0] == manager and args[1].bin == "123456789012" and args[1].name == "ТОО Ромашка"
    assert _scan(tmp_path) == []  # the secret is in no file of the console's folder
    assert SECRET not in caplog.text


def test_no_keychain_refuses_the_secret_with_the_clear_message(
    qtbot, parent, manager, ports, no_keychain, open_dialog
):
    assert NO_KEYCHAIN_TEXT == NO_KEYCHAIN  # the translatable literal follows the service's text
    task, dialog = open_dialog(_ask(parent, manager, ports), SettingsDialog)
    page = dialog.gateway_page
    assert not page.secret_edit.isEnabled()
    assert page.secret_note.text() == NO_KEYCHAIN
    dialog.reject()
    qtbot.waitUntil(task.done)
    assert task.result() is None


def test_keychain_lost_while_open_stops_the_save(
    qtbot, parent, manager, ports, memory, tmp_path, caplog, open_dialog
):
    task, dialog = open_dialog(_ask(parent, manager, ports), SettingsDialog)
    _fill_gateway(qtbot, dialog)
    keyring.set_keyring(keyring.backends.fail.Keyring())  # e.g. the keychain daemon went away
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert dialog.error_label.text() == NO_KEYCHAIN
    assert dialog.gateway_page.secret_edit.text() == ""  # not kept on screen
    assert not (tmp_path / "console.json").exists()  # nothing else saved either
    assert ports.shop.save.calls == []
    assert _scan(tmp_path) == [] and SECRET not in caplog.text
    dialog.reject()
    qtbot.waitUntil(task.done)


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("terminal", "1234", "UUID"),
        ("bin", "12345", "12 digits"),
        ("api", "ftp://host", "https://"),
    ],
)
def test_invalid_input_disables_save_and_says_why(
    qtbot, parent, manager, ports, memory, open_dialog, field, text, words
):
    task, dialog = open_dialog(_ask(parent, manager, ports), SettingsDialog)
    edit = {
        "terminal": dialog.gateway_page.terminal_edit,
        "bin": dialog.receipts_page.bin_edit,
        "api": dialog.gateway_page.api_edit,
    }[field]
    qtbot.keyClicks(edit, text)
    assert not dialog.save_button.isEnabled()
    assert words in dialog.hint_label.text()
    dialog.submit()  # Enter does nothing either
    assert ports.shop.save.calls == []
    dialog.reject()
    qtbot.waitUntil(task.done)


def test_service_refusal_shows_inside_and_saves_once(qtbot, parent, manager, ports, memory, open_dialog):
    from epay_desktop.domain import PermissionDenied

    ports.shop.save.error = PermissionDenied(
        "Only a manager or an administrator can change the shop settings."
    )
    ports.shop.save.hold()
    task, dialog = open_dialog(_ask(parent, manager, ports), SettingsDialog)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: len(ports.shop.save.calls) == 1)
    qtbot.mouseClick(dialog.save_button, LEFT)
    dialog.submit()
    dialog.reject()  # ignored while saving
    ports.shop.save.release()
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert "Only a manager" in dialog.error_label.text()
    assert len(ports.shop.save.calls) == 1
    dialog.reject()
    qtbot.waitUntil(task.done)


def test_database_is_shown_not_edited_and_every_receipt_language_offered(
    qtbot, parent, manager, ports, memory, tmp_path, open_dialog
):
    (tmp_path / "console.json").write_text('{"database_url": "sqlite:////elsewhere/x.db"}')
    task, dialog = open_dialog(_ask(parent, manager, ports), SettingsDialog)
    page = dialog.computer_page
    assert page.database_label.text() == "sqlite:////data/epay.db" and page.folder_label.text() == "/data"
    assert page.register_label.text() == "till-1"
    assert not hasattr(page, "database_edit")  # nothing to type: the database is chosen at installation
    combo = dialog.receipts_page.language_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["ru", "kk", "en"]
    combo.setCurrentIndex(combo.findData("en"))
    assert "Xprinter" not in dialog.receipts_page.printer_note.text()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(task.done)
    saved = json.loads((tmp_path / "console.json").read_text())
    assert saved["database_url"] == "sqlite:////elsewhere/x.db"  # an installer's choice is kept as it was
    ((args, _kw),) = ports.shop.save.calls
    assert args[1].receipt_language == "en"


def test_no_printer_installed_says_receipts_can_be_saved(qtbot, parent, manager, ports, memory, open_dialog):
    task, dialog = open_dialog(
        SettingsDialog.ask(
            parent, manager, shop=ports.shop, local=ports.local, secrets=ports.secrets, printers=[]
        ),
        SettingsDialog,
    )
    combo = dialog.receipts_page.printer_combo
    assert combo.count() == 1 and combo.itemData(0) == ""
    assert "saved as PDF" in dialog.receipts_page.printer_note.text()
    dialog.reject()
    qtbot.waitUntil(task.done)
    assert task.result() is None
