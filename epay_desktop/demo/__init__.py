"""Demo mode: the console on the built-in sandbox with users and two months of realistic payments.

``epay-desktop --demo`` starts the sandbox in-process (:func:`start_demo_sandbox`), points the
console at it (:func:`demo_environ`), and, inside the running loop, calls :func:`prepare_demo`.
That seeds the demo folder's database ONCE (users, shop header, a few hundred past payments with
back-dated times, through the ``demo_shop`` service, :mod:`epay_desktop.services.demo_shop`; a
marker file records it), then on EVERY start mirrors the stored payments into the sandbox's
in-memory ledger through its Python API, so check-status, refunds, cancels and receipts work on old
payments as on new ones.

No Qt here: the console's start (:mod:`epay_desktop.launch`) calls these functions, not the GUI.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import platformdirs

from epay_desktop.app import AppContext
from epay_desktop.demo.mirror import mirror_into_sandbox
from epay_desktop.domain import Role
from epay_desktop.domain import settings_catalog as settings
from epay_desktop.gateway.config import Environment, sandbox_endpoints
from epay_desktop.sandbox import RunningSandbox, SandboxConfig, SandboxState, start_in_thread
from epay_desktop.services.demo_shop import DEMO_REGISTER, DEMO_SHOP, DemoUser, seed_payments

__all__ = [
    "DEMO_REGISTER",
    "DEMO_SHOP",
    "DEMO_USERS",
    "DemoSummary",
    "DemoUser",
    "demo_environ",
    "demo_home",
    "mirror_demo",
    "mirror_into_sandbox",
    "prepare_demo",
    "seed_demo",
    "seed_payments",
    "start_demo_sandbox",
]

log = logging.getLogger(__name__)

MARKER: Final = ".demo-seeded"


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
    """Seed the demo database (users, shop settings, ``count`` payments) unless this folder was
    seeded before (the marker file ``.demo-seeded``); True when it seeded now."""
    home = app.store_settings.home
    marker = home / MARKER
    if marker.exists():
        return False
    now = app.clock()
    made = await app.demo_shop.seed(DEMO_USERS, random.Random(seed), count)
    marker.write_text(f"seeded {made} payments at {now.isoformat()}\n", encoding="utf-8")
    log.info("event=demo_seeded payments=%d home=%s", made, home)
    return True


async def mirror_demo(app: AppContext, state: SandboxState) -> tuple[int, int]:
    """Refill the sandbox ledger from the demo database: (payments stored, transactions mirrored).

    Only the sandbox's side changes; before anything talks to the sandbox (the reconciler, the
    poller, a money operation). The console runs it behind its login form: its one read goes to the
    store's single database thread before any login's PIN check can, so no one is logged in (and
    no sale, refund or cancel can start) before the ledger is full (decision 0062)."""
    stored = await app.demo_shop.payments()
    mirrored = mirror_into_sandbox(state, stored, app.gateway_settings.credentials.terminal_id)
    log.info("event=demo_mirrored transactions=%d", mirrored)
    return len(stored), mirrored
