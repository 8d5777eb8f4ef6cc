"""Demo mode: the console on the built-in sandbox with users and two months of realistic payments.

``epay-desktop --demo`` starts the sandbox in-process (:func:`start_demo_sandbox`), points the
console at it (:func:`demo_environ`), and, inside the running loop, calls :func:`prepare_demo`.
That seeds the demo folder's database ONCE (users, shop header, a few hundred past payments with
back-dated times, through the ``demo_shop`` service, :mod:`epay_desktop.services.demo_shop`; a
marker file records it) and, once too, today's open shift at the demo register with its morning's
payments (:mod:`epay_desktop.services.demo_shift`; its own marker, so a folder seeded before it had
a shift gets one at its next start); at every start a shift left open there on an earlier day was closed
that evening and today's opened (:func:`close_earlier_demo_day`, decision 0167). What the bank did to
that shift that the console was not told
(refunds in the merchant cabinet, a sale paid after the console marked it expired) is kept in the
folder (``demo-bank.json``, decision 0115). On EVERY start the stored payments are mirrored into the
sandbox's in-memory ledger through its Python API, and the bank's side of the shift put on top, so
check-status, refunds, cancels and receipts work on old payments as on new ones, and the bank check
of an X or Z report finds the shift's differences. With its fiscal sandbox (:func:`use_fiscal_sandbox`),
the demo registers the fiscal receipt of one sale at its first start (:func:`fiscalise_demo_sale`), so a
fiscal receipt with its QR is there to print from the first minute (decision 0125). The fiscal sandbox
keeps its register in the folder (``fiscal-sandbox.json``, :func:`start_demo_fiscal_sandbox`, decision
0138): after a restart it holds the same shifts and receipts, like a real cloud register. At each start
:func:`epay_desktop.demo.fiscal.prepare_demo_fiscal` makes it ready: a register kept for another database
is set aside (0148), a shift left open on an earlier day was closed that evening (0147).

No Qt here: the console's start (:mod:`epay_desktop.launch`) calls these functions, not the GUI.
"""

from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Final

import platformdirs

from epay_desktop.app import AppContext
from epay_desktop.demo.mirror import mirror_into_sandbox
from epay_desktop.domain import ConsoleError
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import settings_catalog as settings
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.shifts import Shift
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.gateway.config import Environment
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.safe_files import write_file_safely
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox import SandboxState
from epay_desktop.sandbox import start_in_thread
from epay_desktop.sandbox.fiscal import account as fiscal_account
from epay_desktop.sandbox.fiscal.api import FiscalSandbox
from epay_desktop.sandbox.fiscal.kept import keep_in
from epay_desktop.sandbox.fiscal.register import Register
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.sandbox.fiscal.server import start_in_thread as start_fiscal_in_thread
from epay_desktop.services.demo_shift import BankOnly
from epay_desktop.services.demo_shift import close_earlier_day_shift
from epay_desktop.services.demo_shift import seed_shift
from epay_desktop.services.demo_shift import shift_opening
from epay_desktop.services.demo_shop import DEMO_REGISTER
from epay_desktop.services.demo_shop import DEMO_SHOP
from epay_desktop.services.demo_shop import DemoUser
from epay_desktop.services.demo_shop import seed_payments
from epay_desktop.services.fiscal.setup import FiscalSecrets

__all__ = [
    "BANK_FILE",
    "DEMO_REGISTER",
    "DEMO_SHOP",
    "DEMO_USERS",
    "FISCAL_FILE",
    "MARKER",
    "SHIFT_MARKER",
    "BankOnly",
    "DemoSummary",
    "DemoUser",
    "bank_only",
    "close_earlier_demo_day",
    "demo_environ",
    "demo_home",
    "fiscalise_demo_sale",
    "mirror_demo",
    "mirror_into_sandbox",
    "prepare_demo",
    "seed_demo",
    "seed_demo_shift",
    "seed_payments",
    "start_demo_fiscal_sandbox",
    "start_demo_sandbox",
    "use_fiscal_sandbox",
]

log = logging.getLogger(__name__)

MARKER: Final = ".demo-seeded"
#: Today's demo shift was seeded (or skipped: the register had shifts of its own).
SHIFT_MARKER: Final = ".demo-shift-seeded"
#: What the bank did to the demo shift that the console was not told (:class:`BankOnly`, as JSON).
BANK_FILE: Final = "demo-bank.json"
#: The demo's fiscal register (the fiscal sandbox's state, decision 0138).
FISCAL_FILE: Final = "fiscal-sandbox.json"


#: Shown on the login screen in demo mode only. The manager comes first: the first user of an
#: empty database must be a manager.
DEMO_USERS: Final = (
    DemoUser("Данияр", Role.MANAGER, "2222"),
    DemoUser("Айгерим", Role.CASHIER, "1111"),
    DemoUser("Ержан", Role.CASHIER, "3333"),
)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    home: Path
    seeded_now: bool  # False when the folder had been seeded on an earlier start
    payments: int  # payments in the store
    mirrored: int  # transactions put into the sandbox ledger
    user_names: dict[int, str] = field(default_factory=dict)  # id -> name, for the list's cashier column


def demo_home(explicit: Path | str | None = None) -> Path:
    """The demo folder: ``explicit`` (``--demo-home``) or the user data folder's ``demo``."""
    if explicit:
        return Path(explicit).expanduser().absolute()
    return Path(platformdirs.user_data_dir("epay-desktop", False)) / "demo"


def start_demo_sandbox() -> RunningSandbox:
    """The sandbox gateway on a free loopback port, served from a daemon thread."""
    return start_in_thread(SandboxConfig(shop_name=DEMO_SHOP))


def start_demo_fiscal_sandbox(home: Path) -> RunningFiscalSandbox:
    """The fiscal sandbox on a free loopback port, served from a daemon thread, its register kept in
    ``home``'s :data:`FISCAL_FILE` (read now when there, written after every change; decision 0138).
    Raises :class:`ConsoleError` saying so when the folder cannot hold it (a file, no permission)."""
    path = home / FISCAL_FILE
    try:
        register = keep_in(Register(), path)
    except OSError as exc:
        raise ConsoleError(
            msg(
                "demo",
                QT_TRANSLATE_NOOP(
                    "demo",
                    "The demo folder {folder} cannot be used: {path} cannot be read ({problem}). "
                    "Start the demo with another folder (--demo-home), or move this one away.",
                ),
                folder=home,
                path=path,
                problem=exc.strerror or exc,
            )
        ) from exc
    return start_fiscal_in_thread(FiscalSandbox(register))


async def use_fiscal_sandbox(app: AppContext, fiscal_url: str) -> None:
    """The demo shop's fiscal register is the fiscal sandbox at ``fiscal_url`` (decision 0123): Webkassa,
    the sandbox's cashbox and cashier, its API key and password for this session only (in memory, like
    the gateway's published test secret; never the keychain, a file or the database)."""
    secrets = FiscalSecrets(fiscal_account.API_KEY, fiscal_account.PASSWORD)
    await app.fiscal_setup.use_sandbox(fiscal_url, fiscal_account.LOGIN, fiscal_account.CASHBOX, secrets)


async def fiscalise_demo_sale(app: AppContext, sale: Payment | None) -> FiscalRecord | None:
    """The demo shows a fiscal receipt from its first minute (decision 0125): the fiscal receipt of the
    demo register's latest one-step sale, chosen while its fiscal journal was empty
    (``DemoShop.first_fiscal_sale``; None: not the first start), is registered with the fiscal register
    (the sandbox :func:`use_fiscal_sandbox` pointed it at) the way every sale is, through
    ``FiscalService.fiscalise_sale`` (once: a sale of the demo shift has it already, registered at its
    time). The record as it stands; None when there was nothing to register."""
    if sale is None:
        return None
    record = await app.fiscal.fiscalise_sale(sale.id)
    log.info("event=demo_fiscal_sale invoice_id=%s state=%s", sale.invoice_id, record and record.state)
    return record


def demo_environ(home: Path, sandbox_url: str) -> dict[str, str]:
    """Settings for :func:`epay_desktop.app.open_app`: sandbox URLs, the demo folder, nothing else.

    The caller's own EPAYMENT_* (a real terminal, a real database) are deliberately not inherited.
    """
    endpoints = sandbox_endpoints(sandbox_url)
    return {
        settings.ENV.name: Environment.SANDBOX.value,
        settings.OAUTH_URL.name: endpoints.oauth_url,
        settings.API_URL.name: endpoints.api_url,
        settings.WIDGET_URL.name: endpoints.widget_url,
        settings.HOME.name: str(home),
        settings.REGISTER.name: DEMO_REGISTER,
    }


async def prepare_demo(
    app: AppContext, state: SandboxState, *, count: int = 360, seed: int | None = None
) -> DemoSummary:
    """Seed the demo database if this folder was never seeded, then mirror it into the sandbox.

    Side effects: users (audited like any ``add_user``), shop settings and payments with their
    refunds/cancels in the store; the marker file ``.demo-seeded``; the sandbox ledger refilled.
    Call it before the reconciler and the poller start (nothing may talk to the sandbox meanwhile).
    The console does the same in two steps: :func:`seed_demo` before its window, :func:`mirror_demo`
    behind it, first in its background work (epay_desktop.launch, decision 0062).
    """
    seeded_now = await seed_demo(app, count=count, seed=seed)
    payments, mirrored = await mirror_demo(app, state)
    names = await app.users.display_names()
    return DemoSummary(app.store_settings.home, seeded_now, payments, mirrored, names)


async def seed_demo(app: AppContext, *, count: int = 360, seed: int | None = None) -> bool:
    """Seed the demo database (users, shop settings, ``count`` payments before today's shift) unless
    this folder was seeded before (the marker file ``.demo-seeded``) and its database has its people
    (a database deleted with its markers kept is seeded again), then today's shift unless it was seeded
    before (:func:`seed_demo_shift`), and a shift left open on an earlier day closed that evening
    (:func:`close_earlier_demo_day`); True when the payments were seeded now."""
    home = app.store_settings.home
    marker = home / MARKER
    rng = random.Random(seed)
    # a database with no one in it is new (the folder's was deleted, its markers kept): seeded afresh
    fresh = not await app.users.display_names()
    seeded_now = fresh or not marker.exists()
    if seeded_now:
        now = app.clock()
        made = await app.demo_shop.seed(DEMO_USERS, rng, count, until=shift_opening(now))
        marker.write_text(f"seeded {made} payments at {now.isoformat()}\n", encoding="utf-8")
        log.info("event=demo_seeded payments=%d home=%s", made, home)
    await seed_demo_shift(app, rng, fresh=fresh)
    await close_earlier_demo_day(app)
    return seeded_now


async def seed_demo_shift(app: AppContext, rng: random.Random, *, fresh: bool = False) -> bool:
    """Today's open shift at the demo register with its morning (once per database: ``.demo-shift-seeded``,
    unless ``fresh``: the database is new), and what the bank did beside it written to ``demo-bank.json``.
    A register that has had a shift (the user opened one) gets none. True when a shift was seeded now."""
    home = app.store_settings.home
    marker = home / SHIFT_MARKER
    if marker.exists() and not fresh:
        return False
    bank = await app.demo_shop.seed_today(DEMO_USERS, lambda tx, users, now: seed_shift(tx, users, now, rng))
    if bank is not None:
        data = json.dumps([entry.to_json() for entry in bank], ensure_ascii=False, indent=1)
        write_file_safely(home / BANK_FILE, data.encode("utf-8"))
    outcome = "seeded" if bank is not None else "skipped: the register has shifts of its own"
    marker.write_text(f"today's shift {outcome} at {app.clock().isoformat()}\n", encoding="utf-8")
    log.info("event=demo_shift_seeded seeded=%s home=%s", bank is not None, home)
    return bank is not None


async def close_earlier_demo_day(app: AppContext) -> tuple[ShiftReport, Shift] | None:
    """The demo register's shift left open on an earlier day is closed at the end of that day by the
    demo's manager, with its Z report (the bank check skipped), and today's shift opened as the seed
    opens one (decision 0167; the fiscal register's day ends so too, 0147): a trainee who comes back the
    next morning finds today's shift, not "open since yesterday". The Z report and today's shift; None
    when nothing was left open on an earlier day. Only the demo does this: a real shop's shift is closed
    by a person (``DemoShop`` refuses a console that is not on the sandbox)."""
    done = await app.demo_shop.seed_today(DEMO_USERS, close_earlier_day_shift)
    if done is not None:
        report, today = done
        closed = report.shift
        log.info(
            "event=demo_shift_closed number=%d opened=%s closed=%s next=%d next_opened=%s",
            closed.number,
            closed.opened_at.isoformat(),
            closed.closed_at.isoformat() if closed.closed_at else None,
            today.number,
            today.opened_at.isoformat(),
        )
    return done


def bank_only(home: Path) -> tuple[BankOnly, ...]:
    """What ``demo-bank.json`` in ``home`` holds (none when there is no such file; a file that cannot
    be read is logged and taken as none: the sandbox then agrees with the console)."""
    path = home / BANK_FILE
    if not path.exists():
        return ()
    try:
        return tuple(BankOnly.from_json(entry) for entry in json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("event=demo_bank_unreadable path=%s error=%s", path, type(exc).__name__)
        return ()


async def mirror_demo(app: AppContext, state: SandboxState) -> tuple[int, int]:
    """Refill the sandbox ledger from the demo database: (payments stored, transactions mirrored).

    Only the sandbox's side changes; before anything talks to the sandbox (the reconciler, the
    poller, a money operation). The console runs it behind its login form: its one read goes to the
    store's single database thread before any login's PIN check can, so no one is logged in (and
    no sale, refund or cancel can start) before the ledger is full (decision 0062)."""
    stored = await app.demo_shop.payments()
    terminal = app.gateway_settings.credentials.terminal_id
    mirrored = mirror_into_sandbox(state, stored, terminal, bank_only(app.store_settings.home))
    log.info("event=demo_mirrored transactions=%d", mirrored)
    return len(stored), mirrored
