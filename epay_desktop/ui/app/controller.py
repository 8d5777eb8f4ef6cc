"""The glue: the main window's signals to the screens, dialogs and services, and who is logged in.

:class:`AppController` builds the event bridge, the main window, the session (login, switch user,
idle lock) and the "New payment" window around one :class:`~epay_desktop.app.AppContext`; then
``await controller.run()`` shows the window, asks for a login and returns when the window closes.
Every command runs as a guarded action (a second trigger while it runs does nothing; plain-words
errors in a message box; bugs to the crash handler). No business rules here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject

from epay_desktop.app import AppContext
from epay_desktop.domain import ConsoleError
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import User
from epay_desktop.ui.app.admin_screens import AdminFlows
from epay_desktop.ui.app.bridge import EventBridge
from epay_desktop.ui.app.fiscal_screens import FiscalScreens
from epay_desktop.ui.app.flows import Command
from epay_desktop.ui.app.flows import money_flow
from epay_desktop.ui.app.flows import print_flow
from epay_desktop.ui.app.flows import refund_receipt_flow
from epay_desktop.ui.app.flows import review_flow
from epay_desktop.ui.app.shift_screens import ShiftScreens
from epay_desktop.ui.checkout.late_payment_notice import LatePaymentNotice
from epay_desktop.ui.common.asyncqt import start_action
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.payments.check_bank import RESULT_SHOWN_MS
from epay_desktop.ui.payments.check_bank import check_bank_flow
from epay_desktop.ui.session.login import DemoLogin
from epay_desktop.ui.session.session import DEFAULT_IDLE_MINUTES
from epay_desktop.ui.session.session import Session
from epay_desktop.ui.window.main_window import MainWindow

if TYPE_CHECKING:  # the checkout and its browser (QtWebEngine) load at the first sale (decision 0055)
    from PySide6.QtWebEngineCore import QWebEngineProfile

    from epay_desktop.services.demo_shop import DemoUser
    from epay_desktop.ui.checkout.screen import CheckoutScreen
    from epay_desktop.ui.checkout.view import CheckoutView
    from epay_desktop.ui.checkout.window import CheckoutWindow

__all__ = ["AppController", "ConsoleOptions"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConsoleOptions:
    """``demo_users`` are listed with their PINs on the login screen (demo mode only)."""

    demo_users: Iterable[DemoUser] = ()
    idle_minutes: float = DEFAULT_IDLE_MINUTES
    poll_interval: float = 2.5
    environment: str | None = None  # default: the gateway settings' environment


class AppController(QObject):
    """Owns the main window and everything it opens; :meth:`close` tears it down (idempotent)."""

    def __init__(
        self,
        ctx: AppContext,
        profile: QWebEngineProfile | Callable[[], QWebEngineProfile],
        options: ConsoleOptions | None = None,
    ) -> None:
        """``profile``: the checkout browser's profile, or a function making it when the "New payment"
        window is first needed (ui/app/main.py: QtWebEngine is not loaded before the login, decision 0055)."""
        super().__init__()
        options = options or ConsoleOptions()
        self.ctx = ctx
        self._names: dict[int, str] = {}  # user id -> name, for the list's and detail's "cashier"
        self._closed: asyncio.Future[None] = asyncio.get_event_loop().create_future()
        environment = options.environment or ctx.gateway_settings.environment.value
        translations()  # before any window: a language switch at login re-translates them (0045)
        self.bridge = EventBridge(ctx.events)
        self.window = MainWindow(
            ctx.queries,
            ctx.receipts,
            bridge=self.bridge,
            environment=environment,
            user_name=self.user_name,
            clock=ctx.clock,
            last_poll=lambda: _latest(ctx.poller.last_success_at, ctx.payments.last_gateway_success_at),
        )
        self.window.data_folder = ctx.store_settings.home  # Help > About shows it
        demo = [DemoLogin(d.name, d.pin, d.role) for d in options.demo_users]
        self.session = Session(self.window, ctx.users, idle_minutes=options.idle_minutes, demo_users=demo)
        self.session.lock_screen.set_environment(environment)  # SANDBOX on the login/lock form too
        self._profile = profile
        self._environment = environment
        self._poll_interval = options.poll_interval
        self._checkout: tuple[CheckoutView, CheckoutScreen, CheckoutWindow] | None = None  # on first use
        self.admin = AdminFlows(  # Settings, Users, Export CSV, Needs attention (+ its badge)
            self.window, ctx, self.session, on_users_changed=lambda: self._spawn("names", self._load_names)
        )
        self.shifts = ShiftScreens(self.window, ctx, self.session, self.current_user)  # the Shift menu
        self.fiscal = FiscalScreens(self.window, ctx, self.session, self.current_user, self.shifts)  # 0127
        self.late_payments = LatePaymentNotice(self.window)  # paid after a cancel at the counter (0026)
        self._connect()
        self.window.installEventFilter(self)
        translations().changed.connect(self._on_language_changed)

    # -- wiring ----------------------------------------------------------------------------------

    def _connect(self) -> None:
        w = self.window
        w.new_payment_requested.connect(self.start_sale)
        for command in ("refund", "cancel", "charge"):
            signal = getattr(w, f"{command}_requested")
            signal.connect(lambda invoice, c=command: self.run_money(c, invoice))
        w.print_requested.connect(self.run_print)
        w.check_bank_requested.connect(self.run_check_bank)
        w.review_requested.connect(self.run_review)
        w.switch_user_requested.connect(self.session.switch_user)
        w.lock_requested.connect(self.session.lock)
        w.log_out_requested.connect(self.session.log_out)
        self.session.user_changed.connect(self._on_user_changed)
        self.admin.wire(self.bridge)
        self.shifts.wire(self.bridge)
        self.fiscal.wire(self.bridge)
        self.bridge.payment_changed.connect(self.late_payments.on_payment_changed)
        self.late_payments.open_requested.connect(self._open_late_payment)
        self.late_payments.shown.connect(lambda text: self.checkout_window.show_late_payment(text))

    # -- the "New payment" window, built when first needed (decision 0055) ------------------------

    @property
    def checkout_window(self) -> CheckoutWindow:
        """The "New payment" window; built at the first sale (or late payment), with its browser."""
        return self._built_checkout()[2]

    @property
    def checkout(self) -> CheckoutScreen:
        return self._built_checkout()[1]

    @property
    def checkout_view(self) -> CheckoutView:
        return self._built_checkout()[0]

    def _built_checkout(self) -> tuple[CheckoutView, CheckoutScreen, CheckoutWindow]:
        if self._checkout is not None:
            return self._checkout
        # QtWebEngine (the checkout page) loads here, not before the login: decision 0055
        from epay_desktop.ui.checkout.policy import hosts_of
        from epay_desktop.ui.checkout.screen import CheckoutScreen
        from epay_desktop.ui.checkout.view import CheckoutView
        from epay_desktop.ui.checkout.window import CheckoutWindow

        ctx = self.ctx
        profile = self._profile() if callable(self._profile) else self._profile
        endpoints = ctx.gateway_settings.endpoints
        view = CheckoutView(profile, hosts_of(endpoints.widget_url, endpoints.api_url))
        screen = CheckoutScreen(
            ctx.payments,
            ctx.receipts,
            self.current_user,
            view,
            saved_cards=ctx.saved_cards,  # "Pay with a saved card" on the form (decision 0019)
            receipt_printer=self.receipt_printer,  # Print uses the printer saved in Settings (0016)
            printing=ctx.printing,  # or the register's thermal printer (decision 0109)
            poll_interval=self._poll_interval,
        )
        window = CheckoutWindow(screen, self.window, environment=self._environment)
        self._checkout = (view, screen, window)
        self.session.watch(window)  # the customer typing into the page is activity too
        screen.payment_finished.connect(lambda p: self.window.open_payment(p.invoice_id))
        screen.receipt_closed.connect(self._reload_receipts_of)  # the detail's Receipts tab and Reprint
        self.late_payments.retranslated.connect(window.late_notice.retranslate)
        return self._checkout

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and not self._closed.done():
            self._closed.set_result(None)
        return False

    # -- the life of the console -----------------------------------------------------------------

    async def run(self) -> None:
        """Show the window, ask who works at the counter, and return when the window is closed."""
        self.window.show()
        login = asyncio.ensure_future(self.session.log_in())
        try:
            await self._closed
        finally:
            login.cancel()

    def close(self) -> None:
        """Stop watching the sale, close the windows and delete the checkout page (before its profile)."""
        if not self._closed.done():
            self._closed.set_result(None)
        if not shiboken6.isValid(self.window):
            return
        if self._checkout is not None:
            self._checkout[1].stop_watching()
        self.bridge.close()
        self.window.removeEventFilter(self)
        if self._checkout is not None:
            self._checkout[2].hide()
        self.window.hide()
        shiboken6.delete(self.window)  # the checkout window, screen, view and page are its children

    def start_sale(self) -> None:
        """F2: the "New payment" window, ready for the next sale."""
        self.checkout_window.start_sale()

    def current_user(self) -> User:
        user = self.session.user
        if user is None:  # actions are disabled without a user; reaching here is a bug
            raise RuntimeError("no user is logged in")
        return user

    def user_name(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        return self._names.get(user_id, f"#{user_id}")

    def _on_user_changed(self, user: User | None) -> None:
        self.window.set_user(user)
        if user is None:
            return
        self._names[user.id] = user.name
        self.window.refresh()
        self._spawn("load_user_names", self._load_names)  # at each login: accounts added since show

    def _on_language_changed(self, _language: str) -> None:
        """A switch at the login screen: the texts each screen composes (actions' notes, the list,
        the detail, the status bar) are made again in the new language (decision 0045)."""
        if not shiboken6.isValid(self.window):
            return
        self.window.retitle()
        if self._checkout is not None:
            self._checkout[2].retitle()
        self.window.set_user(self.window.user)
        if self.session.user is not None:
            self.window.refresh()

    async def _load_names(self) -> None:
        """Every account's name, whatever the role of who logged in (``UserService.display_names``)."""
        try:
            names = await self.ctx.users.display_names()
        except ConsoleError as exc:  # names are a nicety: "#3" is shown meanwhile
            log.warning("event=user_names_unavailable error=%s", type(exc).__name__)
            return
        if names != self._names and shiboken6.isValid(self.window):
            self._names = dict(names)
            self.window.refresh()

    # -- commands --------------------------------------------------------------------------------

    def run_money(self, command: Command, invoice: InvoiceId) -> asyncio.Task[None] | None:
        async def flow() -> None:
            actor = self.current_user()
            op = await money_flow(command, self.window, self.ctx, actor, invoice)
            self._after_operation(invoice, op)
            if op is not None and shiboken6.isValid(self.window):
                printer = await self.receipt_printer()
                await refund_receipt_flow(self.window, self.ctx, actor, invoice, op, printer)
                if shiboken6.isValid(self.window):
                    self.window.detail_view.reload()  # its receipts list

        return self._spawn(f"money:{command}", flow)

    def run_print(self, invoice: InvoiceId) -> asyncio.Task[None] | None:
        async def flow() -> None:
            printer = await self.receipt_printer()
            await print_flow(self.window, self.ctx, self.current_user(), invoice, printer)
            self.window.detail_view.reload()

        return self._spawn("print", flow)

    def run_check_bank(self, invoice: InvoiceId) -> asyncio.Task[None] | None:
        """Check with the bank (Shift+F5): the payment compared with the bank now; one line in the
        status bar says what was found. Disabled while it runs (decision 0041)."""

        async def flow() -> None:
            try:
                line = await check_bank_flow(self.ctx.reconciler, invoice)
            finally:
                if shiboken6.isValid(self.window):
                    self.window.set_checking(False)
            if not shiboken6.isValid(self.window):
                return
            if self.window.detail_view.invoice_id == invoice:
                self.window.detail_view.reload()  # the events do it too; this is the last word
            self.admin.refresh_attention()
            self.window.statusBar().showMessage(line, RESULT_SHOWN_MS)

        task = self._spawn("check_bank", flow)
        if task is not None:  # disabled from now until it ends (a second trigger meanwhile does nothing)
            self.window.set_checking(True)
        return task

    def run_review(self, op: MoneyOp) -> asyncio.Task[None] | None:
        async def flow() -> None:
            invoice = self.window.current_invoice()
            result = await review_flow(self.window, self.ctx, self.current_user(), op)
            if invoice is not None:
                self._after_operation(invoice, result)

        return self._spawn("review", flow)

    async def receipt_printer(self) -> str:
        """The receipt printer saved in Settings (console.json ``printer``), read at each Print so a
        change applies at once; "" (ask every time) when none is saved or the file cannot be read."""
        try:
            return (await self.ctx.local_config.load()).printer
        except Exception as exc:  # a damaged file must not stop printing: the dialog asks
            if user_message_of(exc) is None:
                raise
            log.warning("event=local_config_unreadable error=%s", type(exc).__name__)
            return ""

    def _open_late_payment(self, invoice: InvoiceId) -> None:
        """ "Open payment" on a late-payment notice: the main window in front, the payment in the detail."""
        if not shiboken6.isValid(self.window):
            return
        self.window.raise_()
        self.window.activateWindow()
        self.window.open_payment(invoice)

    def _reload_receipts_of(self, invoice: InvoiceId) -> None:
        """A receipt preview opened outside the main window closed: the detail, if it shows ``invoice``,
        reads its receipts again (a receipt printed there is listed, and Print becomes Reprint)."""
        if shiboken6.isValid(self.window) and self.window.detail_view.invoice_id == invoice:
            self.window.detail_view.reload()

    def _after_operation(self, invoice: InvoiceId, op: MoneyOp | None) -> None:
        if op is not None and shiboken6.isValid(self.window):
            self.window.open_payment(invoice)  # the detail shows the operation; events update the row

    def _spawn(self, name: str, make: Callable[[], Coroutine[Any, Any, None]]) -> asyncio.Task[None] | None:
        """Run a command once at a time; user-facing errors shown over the window."""
        return start_action(self.window, name, make)


def _latest(*moments: datetime | None) -> datetime | None:
    """The latest of the known moments (the status bar's "Last check": the poller's checks and every
    other status check -- the checkout's own, a money operation's, the reconciler's)."""
    known = [m for m in moments if m is not None]
    return max(known) if known else None
