"""The settings dialog's form pages: gateway, receipts, shifts, this computer. Pure widgets, no
service calls.

Each page shows values, reads them back and says what is wrong with them (``problem()``), so the
dialog can keep Save disabled with the reason. The client secret field is write-only: it is never
filled in, only typed, and the page tells whether the keychain already holds one.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Sequence
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QRegularExpression
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.services.shop_settings import LocalConfig
from epay_desktop.services.shop_settings import ShopProfile
from epay_desktop.services.shop_settings import default_urls
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP

__all__ = ["ComputerPage", "GatewayPage", "ReceiptsPage", "ShiftsPage"]

_C = "SettingsDialog"
#: The declared choices (domain/settings_catalog.py) in the order shown, with their labels.
_ENVIRONMENT_LABELS = {
    "prod": QT_TRANSLATE_NOOP("SettingsDialog", "Production (real money)"),
    "test": QT_TRANSLATE_NOOP("SettingsDialog", "Bank test hosts (epayment.kz)"),
    "test-homebank": QT_TRANSLATE_NOOP("SettingsDialog", "Bank test hosts (homebank.kz, older)"),
    "sandbox": QT_TRANSLATE_NOOP("SettingsDialog", "Built-in sandbox (no real money)"),
}
_WIDTH_LABELS = {
    "80": QT_TRANSLATE_NOOP("SettingsDialog", "80 mm roll"),
    "58": QT_TRANSLATE_NOOP("SettingsDialog", "58 mm roll"),
    "a4": QT_TRANSLATE_NOOP("SettingsDialog", "A4 page"),
}
_LANGUAGE_LABELS = {"ru": "Русский", "kk": "Қазақша", "en": "English"}  # each in its own language
_ENVIRONMENTS = tuple((code, _ENVIRONMENT_LABELS[code]) for code in catalog.ENV.choices)
_WIDTHS = tuple((code, _WIDTH_LABELS[code]) for code in catalog.RECEIPT_WIDTH.choices)
# Russian first, as before: the shop's default receipt language
_LANGUAGES = tuple(
    (code, _LANGUAGE_LABELS[code])
    for code in sorted(catalog.RECEIPT_LANGUAGE.choices, key=lambda c: c != catalog.RECEIPT_LANGUAGE.default)
)
_NOTE_STYLE, _WARN_STYLE = "note_text", "error_label"  # theme styles


def _combo(items: Sequence[tuple[str, str]], translate: bool = True) -> QComboBox:
    combo = QComboBox()
    for code, label in items:
        combo.addItem(QCoreApplication.translate(_C, label) if translate else label, code)
    return combo


def _select(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


def _bounds(setting: catalog.Setting[int]) -> tuple[int, int]:
    assert setting.low is not None and setting.high is not None  # declared for every whole number
    return setting.low, setting.high


def _valid(setting: catalog.Setting[str], text: str) -> bool:
    try:
        setting.parse(text)
    except ValueError:
        return False
    return True


def _bad_url(text: str) -> bool:
    parts = urlsplit(text.strip())
    return bool(text.strip()) and (parts.scheme not in ("http", "https") or not parts.netloc)


class GatewayPage(QWidget):
    """Environment, the three URLs (empty: the environment's own), client id, terminal, secret."""

    changed = Signal()

    def __init__(
        self,
        config: LocalConfig,
        *,
        keychain: bool,
        has_secret: bool,
        no_keychain_text: str,
        status_lag_seconds: int = catalog.STATUS_LAG_SECONDS.default,
    ) -> None:
        super().__init__()
        self.environment_combo = _combo(_ENVIRONMENTS)
        self.environment_combo.setObjectName("environment_combo")
        _select(self.environment_combo, config.environment)
        self.oauth_edit = named(QLineEdit(config.oauth_url), "oauth_edit")
        self.api_edit = named(QLineEdit(config.api_url), "api_edit")
        self.widget_edit = named(QLineEdit(config.widget_url), "widget_edit")
        self.client_edit = named(QLineEdit(config.client_id), "client_edit")
        self.terminal_edit = named(QLineEdit(config.terminal), "terminal_edit")
        self.terminal_edit.setPlaceholderText(catalog.TERMINAL.example)
        self.secret_edit = named(QLineEdit(), "secret_edit")  # write-only: never filled in
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_note = text_label("secret_note")
        if not keychain:
            self.secret_edit.setEnabled(False)
            self.secret_edit.setPlaceholderText(self.tr("Cannot be saved on this computer"))
            self.secret_note.setText(no_keychain_text)
            self.secret_note.setStyleSheet(theme.style(_WARN_STYLE))
        else:
            stored = self.tr("A secret is stored in the keychain; type a new one to replace it.")
            missing = self.tr("No secret stored yet. It is kept in the system keychain, never in a file.")
            self.secret_note.setText(stored if has_secret else missing)
            self.secret_note.setStyleSheet(theme.style(_NOTE_STYLE))
            self.secret_edit.setPlaceholderText(self.tr("unchanged") if has_secret else "")
        form = QFormLayout(self)
        form.addRow(self.tr("Gateway"), self.environment_combo)
        form.addRow(self.tr("Token URL"), self.oauth_edit)
        form.addRow(self.tr("API URL"), self.api_edit)
        form.addRow(self.tr("Widget URL"), self.widget_edit)
        form.addRow(self.tr("Client id"), self.client_edit)
        form.addRow(self.tr("Terminal"), self.terminal_edit)
        form.addRow(self.tr("Client secret"), self.secret_edit)
        form.addRow("", self.secret_note)
        self.lag_spin = named(QSpinBox(), "lag_spin")
        self.lag_spin.setRange(*_bounds(catalog.STATUS_LAG_SECONDS))
        self.lag_spin.setSuffix(self.tr(" s"))
        self.lag_spin.setValue(status_lag_seconds)
        self.lag_note = named(
            QLabel(
                self.tr(
                    "How late the bank's status may show a refund, charge or cancellation. Until this "
                    'long after sending, "not applied" is not trusted: no retry, no abandon. Shared by '
                    "every counter; applies at once."
                ),
                wordWrap=True,
            ),
            "lag_note",
        )
        self.lag_note.setStyleSheet(theme.style(_NOTE_STYLE))
        form.addRow(self.tr("Bank status lag up to"), self.lag_spin)
        form.addRow("", self.lag_note)
        self.lag_spin.valueChanged.connect(self.changed)
        self._placeholders()
        self.environment_combo.currentIndexChanged.connect(self._placeholders)
        for edit in (
            self.oauth_edit,
            self.api_edit,
            self.widget_edit,
            self.client_edit,
            self.terminal_edit,
            self.secret_edit,
        ):
            edit.textChanged.connect(self.changed)
        self.environment_combo.currentIndexChanged.connect(self.changed)

    def environment(self) -> str:
        return str(self.environment_combo.currentData())

    def _placeholders(self) -> None:
        for edit, url in zip(
            (self.oauth_edit, self.api_edit, self.widget_edit), default_urls(self.environment()), strict=True
        ):
            edit.setPlaceholderText(url)

    def secret(self) -> str:
        return self.secret_edit.text().strip()

    def status_lag_seconds(self) -> str:
        """The shop setting ``gateway.status_lag_max_seconds`` as typed (decision 0039)."""
        return str(self.lag_spin.value())

    def values(self) -> dict[str, str]:
        """The page's fields as LocalConfig keyword values."""
        return {
            "environment": self.environment(),
            "oauth_url": self.oauth_edit.text().strip(),
            "api_url": self.api_edit.text().strip(),
            "widget_url": self.widget_edit.text().strip(),
            "client_id": self.client_edit.text().strip(),
            "terminal": self.terminal_edit.text().strip(),
        }

    def problem(self) -> str:
        if any(_bad_url(e.text()) for e in (self.oauth_edit, self.api_edit, self.widget_edit)):
            return self.tr(
                "Gateway URLs start with https:// (or http:// for the sandbox); leave empty for the default."
            )
        terminal = self.terminal_edit.text().strip()
        if not _valid(catalog.TERMINAL, terminal):
            return self.tr("The terminal is a UUID like 67e34d63-102f-4bd1-898e-370781d0074d.")
        if self.secret() and not self.client_edit.text().strip():
            return self.tr("Enter the client id the secret belongs to.")
        if self.environment() == "prod" and not (self.client_edit.text().strip() and terminal):
            return self.tr("Production needs your client id and terminal from the ePay cabinet.")
        return ""


class ReceiptsPage(QWidget):
    """Shop header (name, BIN, address), receipt width and language, default printer."""

    changed = Signal()

    def __init__(
        self, shop: ShopProfile, printer: str, printers: Sequence[str], system_default: str = ""
    ) -> None:
        super().__init__()
        self.name_edit = named(QLineEdit(shop.name), "shop_name_edit")
        self.name_edit.setMaxLength(catalog.SHOP_NAME.max_chars or 0)
        self.bin_edit = named(QLineEdit(shop.bin), "bin_edit")
        self.bin_edit.setValidator(
            QRegularExpressionValidator(
                QRegularExpression(f"[0-9]{{0,{catalog.SHOP_BIN.max_chars}}}"), self.bin_edit
            )
        )
        self.bin_edit.setPlaceholderText(self.tr("12 digits"))
        self.address_edit = named(QLineEdit(shop.address), "address_edit")
        self.address_edit.setMaxLength(catalog.SHOP_ADDRESS.max_chars or 0)
        self.width_combo = _combo(_WIDTHS)
        _select(self.width_combo, shop.receipt_width)
        self.language_combo = _combo(_LANGUAGES, translate=False)
        _select(self.language_combo, shop.receipt_language)
        self.printer_combo = named(QComboBox(), "printer_combo")
        self.printer_combo.addItem(self.tr("Ask every time"), "")
        for name in printers:
            self.printer_combo.addItem(name, name)
        if printer and self.printer_combo.findData(printer) < 0:
            self.printer_combo.addItem(self.tr("{name} (not found)").format(name=printer), printer)
        _select(self.printer_combo, printer)
        self.printer_note = text_label("printer_note", _NOTE_STYLE)
        if not printers:
            self.printer_note.setText(
                self.tr("No printer is installed on this computer: receipts can still be saved as PDF.")
            )
        elif system_default:
            self.printer_note.setText(
                self.tr("The system's default printer is {name}.").format(name=system_default)
            )
        form = QFormLayout(self)
        form.addRow(self.tr("Shop name"), self.name_edit)
        form.addRow(self.tr("BIN"), self.bin_edit)
        form.addRow(self.tr("Address"), self.address_edit)
        form.addRow(self.tr("Receipt width"), self.width_combo)
        form.addRow(self.tr("Receipt language"), self.language_combo)
        form.addRow(self.tr("Receipt printer"), self.printer_combo)
        form.addRow("", self.printer_note)
        for edit in (self.name_edit, self.bin_edit, self.address_edit):
            edit.textChanged.connect(self.changed)
        for combo in (self.width_combo, self.language_combo, self.printer_combo):
            combo.currentIndexChanged.connect(self.changed)

    def profile(self) -> ShopProfile:
        return ShopProfile(
            name=self.name_edit.text().strip(),
            bin=self.bin_edit.text().strip(),
            address=self.address_edit.text().strip(),
            receipt_width=str(self.width_combo.currentData()),
            receipt_language=str(self.language_combo.currentData()),
        )

    def printer(self) -> str:
        return str(self.printer_combo.currentData() or "")

    def problem(self) -> str:
        bin_text = self.bin_edit.text().strip()
        if not _valid(catalog.SHOP_BIN, bin_text):
            return self.tr("The BIN has 12 digits ({count} typed).").format(count=len(bin_text))
        return ""


def _yes(value: str) -> bool:
    return value == "yes"


def _yes_no(box: QCheckBox) -> str:
    """A rule's checkbox as the shop database keeps it (the declared choices: yes, no)."""
    return catalog.YES_NO[0] if box.isChecked() else catalog.YES_NO[1]


class ShiftsPage(QWidget):
    """The shop's shift rules (decision 0117): when an open shift is warned about, who closes it,
    whether the bank check may be skipped at the close, whether a payment (and a refund, charge or
    cancellation: decision 0132) needs an open shift."""

    changed = Signal()

    def __init__(self, shop: ShopProfile) -> None:
        super().__init__()
        hours = catalog.SHIFT_WARN_HOURS
        self.warn_spin = named(QSpinBox(), "shift_warn_spin")
        self.warn_spin.setRange(*_bounds(hours))
        self.warn_spin.setSuffix(self.tr(" h"))
        self.warn_spin.setValue(hours.read(shop.shift_warn_hours))
        self.cashier_close_check = named(
            QCheckBox(self.tr("A cashier may close a shift with a manager signing in")), "cashier_close_check"
        )
        self.cashier_close_check.setChecked(_yes(shop.shift_cashier_close))
        self.bank_check_check = named(
            QCheckBox(self.tr("Check every payment with the bank at the close (Z report)")),
            "bank_check_check",
        )
        self.bank_check_check.setChecked(_yes(shop.shift_bank_check))
        self.payment_shift_check = named(
            QCheckBox(self.tr("Take payments only during an open shift")), "payment_shift_check"
        )
        self.payment_shift_check.setChecked(_yes(shop.shift_for_payment))
        note = named(
            QLabel(
                self.tr(
                    "Without the first rule only a manager closes a shift. Without the bank check the one "
                    "closing may skip it; the Z report then says the payments were not checked with the "
                    "bank. With the last rule a refund, and a hold's charge or cancellation, also needs an "
                    "open shift at the counter. Shared by every counter; applies at once."
                ),
                wordWrap=True,
            ),
            "shifts_note",
        )
        note.setStyleSheet(theme.style(_NOTE_STYLE))
        form = QFormLayout(self)
        form.addRow(self.tr("Warn about a shift open for"), self.warn_spin)
        form.addRow(self.cashier_close_check)
        form.addRow(self.bank_check_check)
        form.addRow(self.payment_shift_check)
        form.addRow(note)
        self.warn_spin.valueChanged.connect(self.changed)
        self.warn_spin.lineEdit().textChanged.connect(self.changed)
        for box in (self.cashier_close_check, self.bank_check_check, self.payment_shift_check):
            box.toggled.connect(self.changed)

    def values(self) -> dict[str, str]:
        """The page's rules as ShopProfile keyword values."""
        return {
            "shift_warn_hours": str(self.warn_spin.value()),
            "shift_cashier_close": _yes_no(self.cashier_close_check),
            "shift_bank_check": _yes_no(self.bank_check_check),
            "shift_for_payment": _yes_no(self.payment_shift_check),
        }

    def problem(self) -> str:
        if not self.warn_spin.hasAcceptableInput():  # emptied, or a number out of bounds being typed
            hours = catalog.SHIFT_WARN_HOURS
            return self.tr(
                "Type the hours after which an open shift is warned about: {low} to {high}."
            ).format(low=hours.low, high=hours.high)
        return ""


class ComputerPage(QWidget):
    """This computer: where its data lives (read-only) and the idle lock.

    The database is shown, never edited here (docs/decisions/0016): pointing a running console
    at another database hides every payment and unfinished operation of the current one.
    ``store_info`` is ``StoreSettings.describe()`` (the URL without its password, the folder).
    """

    changed = Signal()

    def __init__(self, config: LocalConfig, store_info: Mapping[str, str] | None = None) -> None:
        super().__init__()
        info = dict(store_info or {})
        self.database_label = named(QLabel(info.get("database", "")), "database_label")
        self.folder_label = named(QLabel(info.get("home", "")), "folder_label")
        self.register_label = named(QLabel(info.get("register", "")), "register_label")
        for label in (self.database_label, self.folder_label, self.register_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        self.idle_spin = named(QSpinBox(), "idle_spin")
        self.idle_spin.setRange(*_bounds(catalog.IDLE_LOCK_MINUTES))
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(config.idle_lock_minutes)
        note = QLabel(
            self.tr(
                "Gateway changes take effect when the console is restarted; the idle lock at once. "
                "The database is chosen when the console is installed (EPAYMENT_DATABASE_URL); "
                "copy the data folder to back it up."
            ),
            wordWrap=True,
        )
        note.setStyleSheet(theme.style(_NOTE_STYLE))
        form = QFormLayout(self)
        form.addRow(self.tr("Database in use"), self.database_label)
        form.addRow(self.tr("Data folder"), self.folder_label)
        form.addRow(self.tr("Counter (register)"), self.register_label)
        form.addRow(self.tr("Lock after no input for"), self.idle_spin)
        form.addRow(note)
        self.idle_spin.valueChanged.connect(self.changed)

    def problem(self) -> str:
        return ""
