"""Settings > Fiscal register (decision 0123): the provider, its address, the cashier's login and password,
the cash register's unique number, the API key, the VAT rate and whether the shop pays VAT, and a
"Test connection" button.

The API key and password fields are write-only like the gateway's client secret: never filled in, only
typed; the page says whether the keychain already holds them. The test runs on the typed values (the kept
secrets where nothing is typed) without saving them, asynchronously: the dialog stays usable, the button
waits, and the result is one sentence (connected and the shift's state; what was refused; unreachable).
"""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.services.fiscal.setup import NO_KEYCHAIN
from epay_desktop.services.fiscal.setup import NO_PROVIDER
from epay_desktop.services.fiscal.setup import ConnectionResult
from epay_desktop.services.fiscal.setup import FiscalSettings
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import message_text
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.settings.settings_pages import _valid  # the pages' one check of a typed value
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP

__all__ = ["FiscalPage", "FiscalPort"]

_C = "FiscalPage"
_PROVIDER_LABELS = {
    "none": QT_TRANSLATE_NOOP("FiscalPage", "None: receipts are not fiscal"),
    "webkassa": "Webkassa",
}
_NOTE_STYLE, _WARN_STYLE = "note_text", "error_label"  # theme styles


class FiscalPort(Protocol):
    async def test_connection(
        self, settings: FiscalSettings, *, api_key: str = "", password: str = ""
    ) -> ConnectionResult: ...


def _words(name: str, text: str = "") -> QLabel:
    """A wrapped plain-text label of the page (a note, the secrets' place, the test's result)."""
    label = text_label(name, _NOTE_STYLE)
    label.setText(text)
    return label


class FiscalPage(QWidget):
    """The fiscal register's settings; ``port`` tests a connection."""

    changed = Signal()

    def __init__(
        self,
        settings: FiscalSettings,
        port: FiscalPort,
        *,
        keychain: bool,
        has_key: bool,
        has_password: bool,
    ) -> None:
        super().__init__()
        self._port = port
        self.testing = False
        self.provider_combo = named(QComboBox(), "fiscal_provider_combo")
        for code in catalog.FISCAL_PROVIDER.choices:
            self.provider_combo.addItem(QCoreApplication.translate(_C, _PROVIDER_LABELS[code]), code)
        self.provider_combo.setCurrentIndex(max(self.provider_combo.findData(settings.provider), 0))
        self.url_edit = named(QLineEdit(settings.url), "fiscal_url_edit")
        self.url_edit.setPlaceholderText(catalog.FISCAL_URL.default)
        self.login_edit = named(QLineEdit(settings.login), "fiscal_login_edit")
        self.cashbox_edit = named(QLineEdit(settings.cashbox), "fiscal_cashbox_edit")
        self.cashbox_edit.setPlaceholderText("SWK00000001")
        self.key_edit = named(QLineEdit(), "fiscal_key_edit")  # write-only: never filled in
        self.password_edit = named(QLineEdit(), "fiscal_password_edit")
        for edit, kept in ((self.key_edit, has_key), (self.password_edit, has_password)):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setEnabled(keychain)
            edit.setPlaceholderText(self.tr("unchanged") if kept else "")
        kept_where = self.tr("The API key and password are kept in the system keychain, never in a file.")
        no_keychain = QCoreApplication.translate("fiscal", NO_KEYCHAIN)  # its API key and password
        self.secret_note = _words("fiscal_secret_note", kept_where if keychain else no_keychain)
        if not keychain:
            self.secret_note.setStyleSheet(theme.style(_WARN_STYLE))
        self.vat_combo = named(QComboBox(), "fiscal_vat_combo")
        for rate in catalog.FISCAL_VAT_RATE.choices:
            self.vat_combo.addItem(f"{rate} %", rate)
        self.vat_combo.setCurrentIndex(max(self.vat_combo.findData(settings.vat_rate), 0))
        self.vat_payer_check = named(QCheckBox(self.tr("The shop is a VAT payer")), "fiscal_vat_payer_check")
        self.vat_payer_check.setChecked(settings.vat_payer == catalog.YES_NO[0])
        self.test_button = named(QPushButton(self.tr("Test connection")), "fiscal_test_button")
        self.test_button.clicked.connect(self.start_test)
        self.result_label = _words("fiscal_result_label")
        note = _words(
            "fiscal_note",
            self.tr(
                "Without a fiscal provider the console works as before and every receipt says it is "
                "not fiscal. Shared by every counter: a saved change applies on every counter from its "
                "next receipt."
            ),
        )
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("Fiscal provider"), self.provider_combo),
            (self.tr("Address"), self.url_edit),
            (self.tr("Cashier's login"), self.login_edit),
            (self.tr("Cashier's password"), self.password_edit),
            (self.tr("API key"), self.key_edit),
            ("", self.secret_note),
            (self.tr("Cash register's unique number"), self.cashbox_edit),
            (self.tr("VAT rate"), self.vat_combo),
            ("", self.vat_payer_check),
        ):
            form.addRow(label, widget)
        form.addRow(self.test_button, self.result_label)
        form.addRow(note)
        for edit in (self.url_edit, self.login_edit, self.cashbox_edit, self.key_edit, self.password_edit):
            edit.textChanged.connect(self.changed)
        for combo in (self.provider_combo, self.vat_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.vat_payer_check.toggled.connect(self.changed)
        self.changed.connect(self._update_fields)
        self._update_fields()

    def settings(self) -> FiscalSettings:
        """The page's values as the shop database keeps them."""
        return FiscalSettings(
            provider=str(self.provider_combo.currentData()),
            url=self.url_edit.text().strip() or catalog.FISCAL_URL.default,
            login=self.login_edit.text().strip(),
            cashbox=self.cashbox_edit.text().strip(),
            vat_rate=str(self.vat_combo.currentData()),
            vat_payer=catalog.YES_NO[0] if self.vat_payer_check.isChecked() else catalog.YES_NO[1],
        )

    def secrets(self) -> tuple[str, str]:
        """(API key, password) as typed; empty: keep what the keychain holds."""
        return self.key_edit.text().strip(), self.password_edit.text()

    def clear_secrets(self) -> None:
        self.key_edit.clear()
        self.password_edit.clear()

    def _update_fields(self) -> None:
        chosen = self.provider_combo.currentData() != NO_PROVIDER
        for widget in (self.url_edit, self.login_edit, self.cashbox_edit):
            widget.setEnabled(chosen)
        self.test_button.setEnabled(chosen and not self.testing and not self.problem())

    def problem(self) -> str:
        settings = self.settings()
        if settings.provider == NO_PROVIDER:
            return ""
        if not _valid(catalog.FISCAL_URL, settings.url):
            return self.tr("The fiscal provider's address is like https://kkm.webkassa.kz.")
        if not settings.login:
            return self.tr("Enter the cashier's login at the fiscal provider.")
        if not _valid(catalog.FISCAL_CASHBOX, settings.cashbox) or not settings.cashbox:
            return self.tr(
                "The cash register's unique number is 1 to 32 Latin letters and digits, e.g. {example}."
            ).format(example="SWK00000001")
        return ""

    def start_test(self) -> None:
        """Test the typed values once; a second click while testing does nothing."""
        if self.testing or self.problem():
            return
        self.testing = True
        self.result_label.setStyleSheet(theme.style(_NOTE_STYLE))
        self.result_label.setText(self.tr("Connecting to the fiscal provider…"))
        self._update_fields()
        api_key, password = self.secrets()
        spawn(self._test(self.settings(), api_key, password), name="fiscal-test", busy=self)

    async def _test(self, settings: FiscalSettings, api_key: str, password: str) -> None:
        result: ConnectionResult | None = None
        try:
            result = await self._port.test_connection(settings, api_key=api_key, password=password)
        finally:
            if shiboken6.isValid(self):  # the dialog may have been closed meanwhile
                self._tested(result)

    def _tested(self, result: ConnectionResult | None) -> None:
        self.testing = False
        self._update_fields()
        if result is None:  # it raised: the crash handler has it
            self.result_label.clear()
            return
        self.result_label.setStyleSheet(theme.style(_NOTE_STYLE if result.ok else _WARN_STYLE))
        self.result_label.setText(message_text(result.message))
