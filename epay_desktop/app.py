"""The composition root: settings -> logging -> store -> HTTP client -> gateway -> services.

:func:`open_app` is the only place that constructs collaborators (docs/architecture.md); the
CLI, the Qt console and the demo call it inside their running event loop and close what it
returns with :meth:`AppContext.aclose`. It never logs or prints the client secret or a token.

The :class:`AppContext` a front end gets holds services only (decision 0085): the store, the HTTP
client and the gateway client they are built on stay here, in an :class:`Infrastructure` that
tests and benchmarks reach through :func:`infrastructure` and the front ends never do
(tests/unit/test_architecture.py fails on ``.store``, ``.gateway`` and ``.http`` in ``cli/``,
``ui/`` and ``demo/``, and on their importing :func:`infrastructure` or :func:`store_of`).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import ssl
import threading
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from pathlib import Path

import httpx

from epay_desktop.gateway import DEFAULT_TIMEOUT
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway.config import Environment
from epay_desktop.logs import configure_logging
from epay_desktop.services.audit import AuditService
from epay_desktop.services.backups import Backups
from epay_desktop.services.demo_shop import DemoShop
from epay_desktop.services.events import EventBus
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.services.fiscal.service import connect_with
from epay_desktop.services.fiscal.setup import FiscalSetup
from epay_desktop.services.fiscal.setup import settings_revision
from epay_desktop.services.money_ops.operations import MoneyOperations
from epay_desktop.services.payments.day import DayService
from epay_desktop.services.payments.payment_service import PaymentService
from epay_desktop.services.payments.poll_schedule import PollSchedule
from epay_desktop.services.payments.poller import Poller
from epay_desktop.services.payments.queries import PaymentQueries
from epay_desktop.services.payments.reconcile import Reconciler
from epay_desktop.services.payments.saved_cards import SavedCardService
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.services.people.users import UserService
from epay_desktop.services.printing import PrintingService
from epay_desktop.services.receipts import ReceiptService
from epay_desktop.services.secret_store import SecretStore
from epay_desktop.services.secrets import load_or_create_secret_file
from epay_desktop.services.shifts.service import ShiftService
from epay_desktop.services.shop_settings import LocalConfigStore
from epay_desktop.services.shop_settings import ShopSettingsService
from epay_desktop.settings import GatewaySettings
from epay_desktop.settings import StoreSettings
from epay_desktop.settings import load_gateway_settings
from epay_desktop.settings import load_store_settings
from epay_desktop.store.db import Store
from epay_desktop.store.open import CheckedStore
from epay_desktop.store.open import open_store

__all__ = [
    "AppContext",
    "Infrastructure",
    "database_checked",
    "infrastructure",
    "open_app",
    "store_of",
]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Infrastructure:
    """What the services are built on: the store, the one HTTP client, the gateway client. Not a
    front end's: tests and benchmarks only, through :func:`infrastructure` (decision 0085)."""

    store: Store
    http: httpx.AsyncClient
    gateway: EpayClient


@dataclass
class AppContext:
    """Everything a front end needs, built once per process; close it with :meth:`aclose`.

    Services and settings only: nothing here hands out the store, the HTTP client or the gateway."""

    gateway_settings: GatewaySettings
    store_settings: StoreSettings
    clock: Clock
    log_file: Path
    _infra: Infrastructure = field(repr=False)
    events: EventBus
    payments: PaymentService
    queries: PaymentQueries
    operations: MoneyOperations
    users: UserService
    audit: AuditService
    receipts: ReceiptService
    reconciler: Reconciler
    poller: Poller
    shop_settings: ShopSettingsService
    local_config: LocalConfigStore
    saved_cards: SavedCardService
    demo_shop: DemoShop  # refuses unless the gateway is the sandbox (``--demo``)
    backups: Backups  # the SQLite file's checked copies (decision 0067)
    printing: PrintingService  # the shop's receipt printers, printing on them (decision 0105)
    shifts: ShiftService  # this register's shifts, X and Z reports (decision 0107)
    day: DayService  # the manager's day at a glance (decision 0116)
    fiscal_setup: FiscalSetup  # the fiscal register's settings, its provider, the connection test (0123)
    fiscal: FiscalService  # fiscal receipts of confirmed sales and refunds, exactly once (0124)
    secrets: SecretStore = field(default_factory=SecretStore)  # the client secret in the keychain
    _closed: bool = field(default=False, repr=False)
    _logging: _LoggingState | None = field(default=None, repr=False)

    async def aclose(self) -> None:
        """Close the HTTP client (forgetting cached tokens), then the store and its worker thread.

        Safe to call twice. Also detaches the log handlers :func:`open_app` attached.
        """
        if self._closed:
            return
        self._closed = True
        try:
            await self.fiscal.aclose()
            await self._infra.gateway.aclose()
            await self._infra.http.aclose()
        finally:
            await asyncio.to_thread(self._infra.store.close)
            if self._logging is not None:
                self._logging.restore()


def _tls_context() -> ssl.SSLContext:
    """What ``httpx.AsyncClient()`` makes by default: certifi's CAs (or ``SSL_CERT_FILE`` /
    ``SSL_CERT_DIR``), hostnames checked."""
    return httpx.create_ssl_context()


_prepared_tls: concurrent.futures.Future[ssl.SSLContext] | None = None


def prepare_tls_context() -> None:
    """Start making the HTTP client's TLS context on a thread now; the next :func:`open_app` takes it.

    The console's start calls this before it loads Qt: OpenSSL reads the CA bundle without holding
    the GIL, so it overlaps the Qt imports (decision 0062). Idempotent until taken.
    """
    global _prepared_tls
    if _prepared_tls is not None:
        return
    future: concurrent.futures.Future[ssl.SSLContext] = concurrent.futures.Future()

    def make() -> None:
        try:
            future.set_result(_tls_context())
        except BaseException as exc:  # handed to open_app, which raises it
            future.set_exception(exc)

    threading.Thread(target=make, name="tls-context", daemon=True).start()
    _prepared_tls = future


def _take_prepared_tls() -> concurrent.futures.Future[ssl.SSLContext] | None:
    global _prepared_tls
    future, _prepared_tls = _prepared_tls, None
    return future


@dataclass
class _LoggingState:
    """The root logger as it was before :func:`configure_logging`, to restore on close."""

    level: int
    handlers: list[logging.Handler]

    def restore(self) -> None:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if handler not in self.handlers and getattr(handler, "_epay_owned", False):
                root.removeHandler(handler)
                handler.close()
        root.setLevel(self.level)


def _open_store(settings: StoreSettings, clock: Clock, check_in_background: bool = False) -> Store:
    """:func:`open_store`, with a failure that is the database's state (read-only, full, damaged, busy,
    out of reach) said as the StoreError that says what to do (``store.faults``, decision 0070)."""
    try:
        return open_store(settings, clock=clock, check_in_background=check_in_background)
    except Exception as exc:  # SQLAlchemy's DBAPIError, or the driver's own
        from epay_desktop.store.faults import database_fault

        name = settings.describe()["database"].removeprefix("sqlite:///")
        fault = database_fault(exc, database=name, lock_wait_s=settings.lock_wait_seconds)
        if fault is None:
            raise
        raise fault from exc


async def open_app(
    environ: Mapping[str, str] | None = None,
    *,
    clock: Clock | None = None,
    verbose: bool = False,
    check_in_background: bool = False,
) -> AppContext:
    """Build the console: read settings, start logging, open (and migrate) the store, create the
    one ``httpx.AsyncClient`` and the gateway client in the running loop, then the services.

    Must be awaited inside the event loop that will use the result. Side effects: creates the
    home folder, log file, audit key and PIN pepper if missing; upgrades the database schema
    (with a backup first for SQLite). ``check_in_background``: the SQLite page check runs on a
    thread while the caller goes on, every write waiting for it (:func:`database_checked`).
    Raises SettingsError (bad environment), StoreError (unsafe, unknown or damaged database, bad
    key file) or ConsoleError (bad pepper file); nothing stays
    open when it raises.
    """
    now = clock or _utcnow
    # The client's TLS context (the CA bundle read and parsed, ~20 ms) is made on a worker thread,
    # started by the console before Qt loads, else now while the store opens (decision 0062).
    prepared = _take_prepared_tls()
    tls: asyncio.Future[ssl.SSLContext] = (
        asyncio.wrap_future(prepared)
        if prepared is not None
        else asyncio.ensure_future(asyncio.to_thread(_tls_context))
    )
    try:
        gateway_settings = load_gateway_settings(environ)
        store_settings = load_store_settings(environ)
    except BaseException:
        await asyncio.gather(tls, return_exceptions=True)
        raise
    root = logging.getLogger()
    saved = _LoggingState(root.level, list(root.handlers))
    store_settings.home.mkdir(mode=0o700, parents=True, exist_ok=True)
    log_file = configure_logging(store_settings.home, verbose=verbose)
    try:
        pepper = load_or_create_secret_file(store_settings.pepper_path)
        store = await asyncio.to_thread(_open_store, store_settings, now, check_in_background)
    except BaseException:
        await asyncio.gather(tls, return_exceptions=True)
        saved.restore()
        raise
    try:
        tls_context = await tls
    except BaseException:
        await asyncio.to_thread(store.close)
        saved.restore()
        raise
    log.info(
        "event=app_opening environment=%s api=%s register=%s database=%s",
        gateway_settings.environment.value,
        gateway_settings.endpoints.api_url,
        store_settings.register_id,
        store_settings.describe()["database"],
    )
    http = httpx.AsyncClient(timeout=DEFAULT_TIMEOUT, follow_redirects=False, verify=tls_context)
    gateway = EpayClient(gateway_settings.endpoints, gateway_settings.credentials, http=http)
    events = EventBus()
    schedule = PollSchedule()  # the payments' polling intervals, for the service and the poller alike
    payments = PaymentService(
        store,
        gateway,
        events,
        now,
        register_id=store_settings.register_id,
        terminal_id=gateway_settings.credentials.terminal_id,
        schedule=schedule,
    )
    operations = MoneyOperations(
        store, gateway, payments, events, now, register_id=store_settings.register_id
    )
    users = UserService(store, Passwords(pepper), clock=now, register_id=store_settings.register_id)
    on_sandbox = gateway_settings.environment is Environment.SANDBOX
    reconciler = Reconciler(store, payments, operations, now)
    secrets = SecretStore()
    fiscal_setup = FiscalSetup(store, secrets, now, on_sandbox=on_sandbox)
    fiscal = FiscalService(store, connect_with(fiscal_setup), now, revision=settings_revision)
    fiscal.attach(events)  # a sale is fiscalised after the bank's confirmation is committed
    receipts = ReceiptService(  # the customer's receipt is the fiscal one once registered (0125)
        store, now, store_settings.register_id, environment=gateway_settings.environment.value, fiscal=fiscal
    )
    return AppContext(
        gateway_settings=gateway_settings,
        store_settings=store_settings,
        clock=now,
        log_file=log_file,
        _infra=Infrastructure(store, http, gateway),
        events=events,
        payments=payments,
        queries=PaymentQueries(store),
        operations=operations,
        users=users,
        audit=AuditService(store),
        receipts=receipts,
        reconciler=reconciler,
        poller=Poller(store, payments, events, now, schedule=schedule),
        shop_settings=ShopSettingsService(store, now),
        local_config=LocalConfigStore(store_settings.home),
        saved_cards=SavedCardService(payments, store, gateway, now),
        demo_shop=DemoShop(store, users, now, on_sandbox=on_sandbox),
        backups=Backups(store_settings, now),
        printing=PrintingService(store, now, store_settings.register_id, receipts),
        shifts=ShiftService(store, reconciler, store_settings.register_id, now, fiscal),
        day=DayService(store, now),
        fiscal_setup=fiscal_setup,
        fiscal=fiscal,
        secrets=secrets,
        _logging=saved,
    )


def infrastructure(ctx: AppContext) -> Infrastructure:
    """The store, HTTP client and gateway client under ``ctx``'s services: for tests and benchmarks,
    never a front end (decision 0085; tests/unit/test_architecture.py)."""
    return ctx._infra


def store_of(ctx: AppContext) -> Store:
    """``infrastructure(ctx).store``: tests and benchmarks set up and read rows with it."""
    return ctx._infra.store


async def database_checked(ctx: AppContext) -> None:
    """Return when the database's pages have passed the check started at open (at once when it ran
    before :func:`open_app` returned, or for PostgreSQL); raises its ``DatabaseDamaged`` otherwise."""
    store = ctx._infra.store
    if isinstance(store, CheckedStore):
        await asyncio.wrap_future(store.page_check.future)
