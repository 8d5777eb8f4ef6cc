"""The Settings dialog's pages offer the declared choices and ranges (domain/settings_catalog.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.services.shop_settings import LocalConfig
from epay_desktop.services.shop_settings import ShopProfile
from epay_desktop.ui.settings.settings_pages import ComputerPage
from epay_desktop.ui.settings.settings_pages import GatewayPage
from epay_desktop.ui.settings.settings_pages import ReceiptsPage


def _codes(combo: QComboBox) -> list[str]:
    return [str(combo.itemData(i)) for i in range(combo.count())]


def test_the_pages_offer_the_declared_choices_and_ranges(qtbot):
    gateway = GatewayPage(LocalConfig(), keychain=True, has_secret=False, no_keychain_text="")
    receipts = ReceiptsPage(ShopProfile(), printer="", printers=[])
    computer = ComputerPage(LocalConfig())
    for page in (gateway, receipts, computer):
        qtbot.addWidget(page)

    assert _codes(gateway.environment_combo) == list(catalog.ENV.choices)
    assert gateway.environment() == catalog.ENV.default
    lag = catalog.STATUS_LAG_SECONDS
    spin = gateway.lag_spin
    assert (spin.minimum(), spin.maximum(), spin.value()) == (lag.low, lag.high, lag.default)
    assert gateway.terminal_edit.placeholderText() == catalog.TEST_TERMINAL_ID

    assert _codes(receipts.width_combo) == list(catalog.RECEIPT_WIDTH.choices)
    # one list of receipt languages (decision 0084), Russian (the default) first as before
    assert sorted(_codes(receipts.language_combo)) == sorted(catalog.RECEIPT_LANGUAGE.choices)
    assert _codes(receipts.language_combo)[0] == receipts.profile().receipt_language == "ru"
    assert receipts.name_edit.maxLength() == catalog.SHOP_NAME.max_chars
    assert receipts.address_edit.maxLength() == catalog.SHOP_ADDRESS.max_chars

    idle = catalog.IDLE_LOCK_MINUTES
    assert (computer.idle_spin.minimum(), computer.idle_spin.maximum()) == (idle.low, idle.high)
    assert computer.idle_spin.value() == idle.default


def test_a_bin_or_terminal_the_declaration_refuses_keeps_save_disabled(qtbot):
    gateway = GatewayPage(LocalConfig(), keychain=True, has_secret=False, no_keychain_text="")
    receipts = ReceiptsPage(ShopProfile(), printer="", printers=[])
    qtbot.addWidget(gateway)
    qtbot.addWidget(receipts)
    qtbot.keyClicks(receipts.bin_edit, "12345")
    assert "12 digits" in receipts.problem()
    qtbot.keyClicks(receipts.bin_edit, "6789012")
    assert receipts.problem() == ""
    qtbot.keyClicks(gateway.terminal_edit, "12345678")
    assert "UUID" in gateway.problem()
    gateway.terminal_edit.setText(catalog.TEST_TERMINAL_ID)
    assert gateway.problem() == ""
