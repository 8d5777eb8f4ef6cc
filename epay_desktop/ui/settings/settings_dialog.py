"""Settings (managers and admins): gateway and client secret, receipts and printer, the shift rules,
the fiscal register (decision 0123), this computer.

Where each value goes: the client secret to the system keychain (``SecretStore``; refused with a
clear message when there is no secure keychain), this computer's settings to ``console.json`` in
the console's folder (``LocalConfigStore``), the shop header, receipt defaults and shift rules to the
shop settings in the database (``ShopSettingsService``), then the fiscal register's settings (the database)
and its API key and password (the keychain) through ``FiscalSetup``. Save runs once per click, in that
order, and stops at the first refusal, which is shown in the dialog. The database and data folder are shown,
not edited (docs/decisions/0016). User accounts have their own dialog (``users_dialog``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace
from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.domain.settings_catalog import STATUS_LAG_SECONDS
from epay_desktop.services.fiscal.setup import FiscalSettings
from epay_desktop.services.secret_store import NO_KEYCHAIN
from epay_desktop.services.shop_settings import LocalConfig
from epay_desktop.services.shop_settings import ShopProfile
from epay_desktop.ui.common.asyncqt import show_error
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.work_dialog import WorkDialog
from epay_desktop.ui.settings.fiscal_page import FiscalPage
from epay_desktop.ui.settings.fiscal_page import FiscalPort
from epay_desktop.ui.settings.settings_pages import ComputerPage
from epay_desktop.ui.settings.settings_pages import GatewayPage
from epay_desktop.ui.settings.settings_pages import ReceiptsPage
from epay_desktop.ui.settings.settings_pages import ShiftsPage
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP

__all__ = ["NO_KEYCHAIN_TEXT", "SettingsDialog", "SettingsResult"]


class ShopPort(Protocol):
    async def load(self) -> ShopProfile: ...

    async def save(self, actor: User, profile: ShopProfile) -> ShopProfile: ...


class LocalPort(Protocol):
    async def load(self) -> LocalConfig: ...

    async def save(self, config: LocalConfig) -> LocalConfig: ...


class SecretPort(Protocol):
    async def available_async(self) -> bool: ...

    async def has_secret_async(self, environment: str, client_id: str) -> bool: ...

    async def save_async(self, environment: str, client_id: str, secret: str) -> None: ...


class FiscalSetupPort(FiscalPort, Protocol):
    async def load(self) -> FiscalSettings: ...

    async def stored_secrets(self, settings: FiscalSettings) -> tuple[bool, bool]: ...

    async def save(
        self, actor: User, settings: FiscalSettings, *, api_key: str = "", password: str = ""
    ) -> FiscalSettings: ...


@dataclass(frozen=True, slots=True)
class FiscalShown:
    """The fiscal register's page as loaded: its settings and whether the keychain holds the API key and
    the password."""

    port: FiscalSetupPort
    settings: FiscalSettings
    has_key: bool
    has_password: bool


@dataclass(frozen=True, slots=True)
class SettingsResult:
    """What was saved; apply ``local.idle_lock_minutes`` to the session at once."""

    local: LocalConfig
    shop: ShopProfile
    secret_saved: bool
    fiscal: FiscalSettings | None = None


#: services.secret_store.NO_KEYCHAIN as a literal, so pyside6-lupdate extracts it (a test keeps them equal)
NO_KEYCHAIN_TEXT = QT_TRANSLATE_NOOP(
    "SettingsDialog",
    "No secure keychain on this computer: the client secret cannot be saved. Set "
    "EPAYMENT_CLIENT_SECRET for this session or install a keychain (GNOME Keyring / KWallet / "
    "Windows Credential Manager / macOS Keychain)",
)


def _lag_seconds(shop: ShopProfile) -> int:
    """The saved status lag (decision 0039); the default when the stored text is not a number."""
    try:
        return int(shop.status_lag_seconds)
    except ValueError:
        return STATUS_LAG_SECONDS.default


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


class SettingsDialog(WorkDialog[SettingsResult]):
    """Build it with loaded values; :meth:`ask` loads them and is the only entry point."""

    def __init__(
        self,
        parent: QWidget | None,
        actor: User,
        *,
        local: LocalConfig,
        shop: ShopProfile,
        keychain: bool,
        has_secret: bool,
        printers: Sequence[str],
        ports: tuple[ShopPort, LocalPort, SecretPort],
        system_printer: str = "",
        store_info: Mapping[str, str] | None = None,
        fiscal: FiscalShown | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(620, 520)
        self.actor = actor
        self._local = local
        self._shop_port, self._local_port, self._secrets = ports
        self.gateway_page = GatewayPage(
            local,
            keychain=keychain,
            has_secret=has_secret,
            no_keychain_text=_tr(NO_KEYCHAIN_TEXT),
            status_lag_seconds=_lag_seconds(shop),
        )
        self.receipts_page = ReceiptsPage(shop, local.printer, printers, system_printer)
        self.shifts_page = ShiftsPage(shop)
        self.computer_page = ComputerPage(local, store_info)
        self._fiscal = fiscal
        self.fiscal_page: FiscalPage | None = None
        if fiscal is not None:
            self.fiscal_page = FiscalPage(
                fiscal.settings,
                fiscal.port,
                keychain=keychain,
                has_key=fiscal.has_key,
                has_password=fiscal.has_password,
            )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.gateway_page, self.tr("Gateway"))
        self.tabs.addTab(self.receipts_page, self.tr("Receipts"))
        self.tabs.addTab(self.shifts_page, self.tr("Shifts"))
        if self.fiscal_page is not None:
            self.tabs.addTab(self.fiscal_page, self.tr("Fiscal register"))
        self.tabs.addTab(self.computer_page, self.tr("This computer"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for page in self._pages():
            page.changed.connect(self.update_state)
        self.update_state()

    def _pages(self) -> tuple[GatewayPage | ReceiptsPage | ShiftsPage | FiscalPage | ComputerPage, ...]:
        fiscal = () if self.fiscal_page is None else (self.fiscal_page,)
        return (self.gateway_page, self.receipts_page, self.shifts_page, *fiscal, self.computer_page)

    def problem(self) -> str:
        return next((problem for page in self._pages() if (problem := page.problem())), "")

    def update_state(self) -> None:
        problem = self.problem()
        self.save_button.setEnabled(not problem and not self.busy)
        self.save_button.setToolTip(problem)
        self.hint_label.setText(problem)
        self.hint_label.setVisible(bool(problem))

    def config(self) -> LocalConfig:
        return replace(
            self._local,
            **self.gateway_page.values(),
            printer=self.receipts_page.printer(),
            idle_lock_minutes=self.computer_page.idle_spin.value(),
        )

    def submit(self) -> None:
        """Save once; a second click while saving does nothing."""
        if self.busy or self.problem():
            return
        secret = self.gateway_page.secret()
        self.gateway_page.secret_edit.clear()  # never kept on screen longer than needed
        profile = replace(
            self.receipts_page.profile(),
            status_lag_seconds=self.gateway_page.status_lag_seconds(),
            **self.shifts_page.values(),
        )
        fiscal: tuple[FiscalSettings, str, str] | None = None
        if self.fiscal_page is not None:
            fiscal = (self.fiscal_page.settings(), *self.fiscal_page.secrets())
            self.fiscal_page.clear_secrets()  # never kept on screen longer than needed
        self.start(self._save(self.config(), profile, secret, fiscal))

    async def _save(
        self,
        config: LocalConfig,
        profile: ShopProfile,
        secret: str,
        fiscal: tuple[FiscalSettings, str, str] | None = None,
    ) -> None:
        saved_fiscal = None
        try:
            if secret:
                await self._secrets.save_async(config.environment, config.client_id, secret)
            saved_local = await self._local_port.save(config)
            saved_shop = await self._shop_port.save(self.actor, profile)
            if fiscal is not None and self._fiscal is not None:
                settings, api_key, password = fiscal
                saved_fiscal = await self._fiscal.port.save(
                    self.actor, settings, api_key=api_key, password=password
                )
        except Exception as exc:
            message = user_message_of(exc)
            if message is None:
                raise
            if shiboken6.isValid(self):
                self.show_error(_tr(NO_KEYCHAIN_TEXT) if message == NO_KEYCHAIN else message)
            return
        finally:
            self.work_ended()
        self.close_with(SettingsResult(saved_local, saved_shop, bool(secret), saved_fiscal))

    @classmethod
    async def ask(
        cls,
        parent: QWidget | None,
        actor: User,
        *,
        shop: ShopPort,
        local: LocalPort,
        secrets: SecretPort,
        printers: Sequence[str] | None = None,
        store_info: Mapping[str, str] | None = None,
        fiscal: FiscalSetupPort | None = None,
    ) -> SettingsResult | None:
        """Load the settings, show the dialog (``open()``); what was saved, or None.

        A cashier is refused with a message box (settings are for managers and administrators).
        """
        if not actor.role.can_move_money:
            show_error(parent, _tr("Only a manager or an administrator can change the settings."))
            return None
        try:
            config, profile, keychain = await asyncio.gather(
                local.load(), shop.load(), secrets.available_async()
            )
            has_secret = keychain and await secrets.has_secret_async(config.environment, config.client_id)
            shown = None
            if fiscal is not None:
                fiscal_settings = await fiscal.load()
                has_key, has_password = await fiscal.stored_secrets(fiscal_settings)
                shown = FiscalShown(fiscal, fiscal_settings, has_key, has_password)
        except Exception as exc:
            message = user_message_of(exc)
            if message is None:
                raise
            show_error(parent, message)
            return None
        names = list(QPrinterInfo.availablePrinterNames()) if printers is None else list(printers)
        system_printer = QPrinterInfo.defaultPrinterName() if printers is None else ""
        dialog = cls(
            parent,
            actor,
            local=config,
            shop=profile,
            keychain=keychain,
            has_secret=has_secret,
            printers=names,
            ports=(shop, local, secrets),
            system_printer=system_printer,
            store_info=store_info,
            fiscal=shown,
        )
        return await dialog.answer()
