"""The manager's screens opened from the main window: Settings, Users, Export CSV, Audit log anchor,
Needs attention, Day at a glance.

Needs attention also lists the open discrepancies between the books and the bank (resolved there by a
manager); the badge counts the payments that wait for a person, a payment with an open discrepancy
among them, each once: the rows the list's "Needs attention" filter shows over all days (decision 0137).

:class:`AdminFlows` connects the window's ``settings_requested`` / ``users_requested`` /
``export_requested`` / ``attention_requested`` to their dialogs, each run once at a time as a
guarded action (plain-words errors in a message box, bugs to the crash handler), and keeps the
status bar's "need attention" badge current: counted at log-in and again shortly after any
payment or operation changes. The dialogs refuse a cashier themselves too; the QActions are
disabled for them with the reason (``actions.py``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Mapping
from typing import TYPE_CHECKING
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from epay_desktop.app import AppContext
from epay_desktop.domain import User
from epay_desktop.services.payments.queries import ATTENTION_CAP
from epay_desktop.services.shop_settings import LocalConfig
from epay_desktop.services.shop_settings import effective_environ
from epay_desktop.ui.app.bridge import EventBridge
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.asyncqt import start_action
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.file_places import ui_settings
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.session.session import Session
from epay_desktop.ui.window.main_window import MainWindow

if TYPE_CHECKING:  # the dialogs load when first opened, not before the login (decision 0062)
    from epay_desktop.ui.payments.export_dialog import ExportResult

__all__ = ["ATTENTION_DEBOUNCE_MS", "AdminFlows", "saved_environ", "saved_idle_minutes"]

log = logging.getLogger(__name__)

#: The badge is recounted this long after the last payment/operation event (events come in bursts).
ATTENTION_DEBOUNCE_MS = 300
#: Saved fiscal settings wait at most this long for the receipts being sent to be answered (decision 0128).
FISCAL_SETTLE_SECONDS = 5.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppAdmin", text)


async def saved_environ(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment the console starts with: what Settings saved (``console.json``, the keychain's
    client secret) under the real environment, which wins. The keychain may block: run in a thread."""
    return await asyncio.to_thread(effective_environ, environ)


async def saved_idle_minutes(ctx: AppContext) -> float:
    """The idle lock saved in Settings (``console.json``); the default when it cannot be read."""
    try:
        return float((await ctx.local_config.load()).idle_lock_minutes)
    except Exception as exc:  # a damaged file must not stop the console: Settings rewrites it
        if user_message_of(exc) is None:
            raise
        log.warning("event=local_config_unreadable error=%s", type(exc).__name__)
        return float(LocalConfig().idle_lock_minutes)


class AdminFlows(QObject):
    """The manager's screens of one main window; built and connected by the AppController."""

    def __init__(
        self,
        window: MainWindow,
        ctx: AppContext,
        session: Session,
        *,
        on_users_changed: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.session = session
        self._on_users_changed = on_users_changed
        self._count_task: asyncio.Task[None] | None = None
        self._count_again = False
        self._attention_timer = QTimer(self, singleShot=True, interval=ATTENTION_DEBOUNCE_MS)
        self._attention_timer.timeout.connect(self.refresh_attention)

    def wire(self, bridge: EventBridge) -> None:
        w = self.window
        w.settings_requested.connect(self.open_settings)
        w.users_requested.connect(self.open_users)
        w.printers_requested.connect(self.open_printers)
        w.dashboard_requested.connect(self.open_dashboard)
        w.export_requested.connect(self.open_export)
        w.audit_anchor_requested.connect(self.open_audit_anchor)
        w.backup_requested.connect(self.back_up_now)
        w.attention_requested.connect(self.open_attention)
        bridge.payment_updated.connect(self.schedule_attention)
        bridge.operation_updated.connect(self.schedule_attention)
        bridge.fiscal_updated.connect(self.schedule_attention)  # a fiscal receipt refused, or done
        bridge.discrepancy_resolved.connect(self.schedule_attention)  # a manager resolved it (0151)
        self.session.user_changed.connect(self._on_user_changed)

    def _user(self) -> User:
        user = self.session.user
        if user is None:  # the actions are disabled without a user
            raise RuntimeError("no user is logged in")
        return user

    def _run(self, name: str, make: Callable[[], Coroutine[Any, Any, None]]) -> asyncio.Task[None] | None:
        return start_action(self.window, f"admin:{name}", make)

    # -- the screens -----------------------------------------------------------------------------

    def open_settings(self) -> asyncio.Task[None] | None:
        """Settings… (Ctrl+,): gateway and secret, receipts and printer, this computer."""

        async def flow() -> None:
            from epay_desktop.ui.settings.settings_dialog import SettingsDialog

            result = await SettingsDialog.ask(
                self.window,
                self._user(),
                shop=self.ctx.shop_settings,
                local=self.ctx.local_config,
                secrets=self.ctx.secrets,
                store_info=self.ctx.store_settings.describe(),
                fiscal=self.ctx.fiscal_setup,
            )
            if result is None or not shiboken6.isValid(self.window):
                return
            self.session.set_idle_minutes(result.local.idle_lock_minutes)  # applies at once
            saved = _tr("Settings saved. Gateway changes apply when the console is restarted.")
            if result.fiscal is not None:
                await self._apply_fiscal_settings()
                saved = _tr(
                    "Settings saved. The fiscal register's settings apply from the next receipt; gateway "
                    "changes apply when the console is restarted."
                )
            if shiboken6.isValid(self.window):
                self.window.statusBar().showMessage(saved, 10_000)

        return self._run("settings", flow)

    async def _apply_fiscal_settings(self) -> None:
        """The next receipt connects with the saved fiscal settings (decisions 0128, 0129): once the
        receipts being sent now are answered, at most :data:`FISCAL_SETTLE_SECONDS`, the kept connection
        is dropped (closed when its last request ends). A receipt left unanswered at the old register is
        not sent to a new one by itself: it waits for a person (0129). The other counters see the change
        at their next receipt (``FiscalService``'s settings revision)."""
        try:
            await asyncio.wait_for(asyncio.shield(self.ctx.fiscal.drain()), FISCAL_SETTLE_SECONDS)
        except TimeoutError:
            log.warning("event=fiscal_settings_applied_while_sending")
        await self.ctx.fiscal.forget()

    def open_users(self) -> asyncio.Task[None] | None:
        """Users…: add, deactivate, unlock, reset PINs (the service checks who may manage whom)."""

        async def flow() -> None:
            from epay_desktop.ui.users.users_dialog import UsersDialog

            await UsersDialog.ask(self.window, self._user(), self.ctx.users)
            if self._on_users_changed is not None and shiboken6.isValid(self.window):
                self._on_users_changed()  # names of accounts added meanwhile

        return self._run("users", flow)

    def open_printers(self) -> asyncio.Task[None] | None:
        """Receipt printers…: the shop's thermal printers, a test print, calibration (decision 0109)."""

        async def flow() -> None:
            from epay_desktop.ui.settings.printers_dialog import PrintersDialog

            await PrintersDialog.ask(self.window, self._user(), self.ctx.printing)

        return self._run("printers", flow)

    def open_dashboard(self) -> asyncio.Task[None] | None:
        """Day at a glance… (Ctrl+Shift+D): the shop's takings, rates and unresolved operations (0116)."""

        async def flow() -> None:
            from epay_desktop.ui.dashboard.window import DayDialog  # QtCharts: at the first opening

            await DayDialog.ask(self.window, self._user(), self.ctx.day)

        return self._run("dashboard", flow)

    def open_export(self) -> asyncio.Task[None] | None:
        """Export payments (CSV)…: a period, the columns, a file."""

        async def flow() -> None:
            from epay_desktop.ui.payments.export_dialog import ExportDialog

            result = await ExportDialog.ask(
                self.window, self._user(), self.ctx.queries, clock=self.ctx.clock, settings=ui_settings()
            )
            if result is not None and shiboken6.isValid(self.window):
                self._tell_exported(result)

        return self._run("export", flow)

    def open_audit_anchor(self) -> asyncio.Task[None] | None:
        """Audit log anchor…: verify the chain, show the anchor to keep, check a kept one (0076)."""

        async def flow() -> None:
            from epay_desktop.ui.audit.anchor_dialog import AuditAnchorDialog

            shop = await self.ctx.shop_settings.load()  # the printed page names the shop
            await AuditAnchorDialog.ask(
                self.window, self._user(), self.ctx.audit, shop_name=shop.name, clock=self.ctx.clock
            )

        return self._run("audit_anchor", flow)

    def back_up_now(self) -> asyncio.Task[None] | None:
        """Back up the database now: a checked copy in the backups folder (decision 0067)."""

        async def flow() -> None:
            if not self._user().role.can_move_money:  # the action is disabled for them; never mind how
                return
            self.window.statusBar().showMessage(_tr("Backing up the database…"))
            try:
                made = await self.ctx.backups.now()
            finally:
                if shiboken6.isValid(self.window):
                    self.window.statusBar().clearMessage()
            if not shiboken6.isValid(self.window):
                return
            if made is None:
                text = _tr("The database is PostgreSQL: it is backed up on its server, not by this console.")
            else:
                text = _tr("The database was backed up and the copy checked:\n{path}").format(path=made)
            box = QMessageBox(
                QMessageBox.Icon.Information,
                _tr("Backup done"),
                text,
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setObjectName("backup_done_box")
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        return self._run("backup_now", flow)

    def _tell_exported(self, result: ExportResult) -> QMessageBox:
        def text() -> str:
            first, last = (day.strftime("%d.%m.%Y") for day in (result.first_day, result.last_day))
            if first == last:  # one day is said once, not "07.12.2026 – 07.12.2026"
                return _tr("{rows} payment(s) of {day} were written to:\n{path}").format(
                    rows=result.rows, day=first, path=result.path
                )
            return _tr("{rows} payment(s) from {first} to {last} were written to:\n{path}").format(
                rows=result.rows, first=first, last=last, path=result.path
            )

        box = QMessageBox(
            QMessageBox.Icon.Information,
            _tr("Export done"),
            text(),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        on_language_change(box, lambda: box.setText(text()))  # a switch while it is open
        box.setObjectName("export_done_box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def open_attention(self) -> asyncio.Task[None] | None:
        """Needs attention… (or a click on the badge): choose a payment to open it in the detail."""

        async def flow() -> None:
            from epay_desktop.ui.payments.attention_dialog import AttentionDialog

            invoice = await AttentionDialog.ask(
                self.window,
                self.ctx.queries,
                self.ctx.reconciler.books,
                self._user(),
                on_register=self.window.commands.fiscal_register.trigger,  # a shift past 24 h (0127)
                fiscal=self.ctx.fiscal,  # a receipt held at another cash register (0129)
            )
            if invoice is not None and shiboken6.isValid(self.window):
                self.window.open_payment(invoice)
            self.refresh_attention()

        return self._run("attention", flow)

    # -- the badge -------------------------------------------------------------------------------

    def schedule_attention(self, *_event: object) -> None:
        """Recount a moment after the last change (a burst of events makes one query)."""
        if self.session.user is not None:
            self._attention_timer.start()

    def refresh_attention(self) -> None:
        """Count what needs attention now and show it on the badge (hidden without a user)."""
        if not shiboken6.isValid(self.window):
            return
        if self.session.user is None:
            self.window.status_bar.set_attention(0)
            return
        if self._count_task is not None and not self._count_task.done():
            self._count_again = True  # one more count once this one ends: it may predate the change
            return
        self._count_task = spawn(self._count(), name="attention_count")

    async def _count(self) -> None:
        try:
            # the payments a person must act on, each once (an open discrepancy's too): the rows of the
            # list's "Needs attention" filter over all days (decision 0137)
            count = await self.ctx.queries.attention_count(ATTENTION_CAP)
        except Exception as exc:  # a badge must never bother the cashier; the list says more
            if user_message_of(exc) is None and not isinstance(exc, OSError):
                raise
            log.warning("event=attention_count_failed error=%s", type(exc).__name__)
            return
        finally:
            again, self._count_again = self._count_again, False
        if shiboken6.isValid(self.window) and self.session.user is not None:
            self.window.status_bar.set_attention(count, ATTENTION_CAP)
        if again and shiboken6.isValid(self._attention_timer):  # not when the console closed meanwhile
            self._attention_timer.start()

    def _on_user_changed(self, user: User | None) -> None:
        if user is None:
            self._attention_timer.stop()
        self.refresh_attention()
