"""The console's start, composed beside :mod:`epay_desktop.app`: which settings it opens and, with
``--demo``, the sandboxes it runs on (the gateway's and the fiscal register's, decision 0123) and what
the demo adds (decision 0086).

The GUI (``ui/app/main.py``) starts or configures none of this itself. It calls :meth:`Launch.start`
before its Qt loop (the demo's sandbox starts on its own thread there: once qasync's loop policy is
installed, the sandbox thread's ``asyncio.run`` would try to build a Qt loop off the main thread),
opens the :class:`~epay_desktop.app.AppContext` on :meth:`Launch.environ` inside the loop, gets what
the demo shows and runs behind the login form from :meth:`Launch.prepare`, and calls
:meth:`Launch.stop` after the loop. The demo and the sandbox (uvicorn, starlette) load only with
``--demo`` (decision 0055): nothing here imports them at module level.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from epay_desktop.app import AppContext
from epay_desktop.domain import ConsoleError

if TYPE_CHECKING:
    from epay_desktop.sandbox import RunningSandbox
    from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
    from epay_desktop.services.demo_shop import DemoUser

__all__ = ["DemoExtras", "Launch"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DemoExtras:
    """What the demo adds to a console: the accounts the login screen lists with their PINs, the
    environment's name on screen, and the work that runs behind the login form before anything
    talks to the gateway (the sandbox's ledger filled from the demo database, decision 0062)."""

    users: tuple[DemoUser, ...]
    environment: str
    behind_login: Callable[[], Awaitable[object]]


def _start_demo_sandbox() -> RunningSandbox:
    from epay_desktop.demo import start_demo_sandbox  # the web stack: only the demo runs a gateway here

    return start_demo_sandbox()


def _start_demo_fiscal_sandbox(home: str | None) -> RunningFiscalSandbox:
    from epay_desktop.demo import demo_home  # the web stack: the demo only
    from epay_desktop.demo import start_demo_fiscal_sandbox  # the web stack: the demo only

    return start_demo_fiscal_sandbox(demo_home(home))  # its register kept in the folder (0138)


def _forget_a_deleted_demo_database(environ: Mapping[str, str]) -> None:
    """A demo database deleted by hand (its folder kept) is made anew and seeded again, like a new demo
    folder: the demo's data is made up and kept in no backup. The real console refuses a database its
    folder had and lost (decision 0066); the demo forgets that it had one."""
    from epay_desktop.settings import load_store_settings
    from epay_desktop.store.integrity import is_expected
    from epay_desktop.store.integrity import unmark_expected
    from epay_desktop.store.open import sqlite_file

    settings = load_store_settings(environ)
    db_file = sqlite_file(settings.database_url)
    if db_file is None or db_file.exists() or not is_expected(settings.home, db_file):
        return
    unmark_expected(settings.home, db_file)
    log.warning("event=demo_database_made_afresh file=%s: the demo's database was deleted", db_file)


class Launch:
    """One start of the console: the real one (the saved settings) or the demo (its sandbox running)."""

    def __init__(
        self,
        sandbox: RunningSandbox | None = None,
        demo_home: str | None = None,
        fiscal_sandbox: RunningFiscalSandbox | None = None,
    ) -> None:
        self._sandbox = sandbox
        self._demo_home = demo_home
        self._fiscal_sandbox = fiscal_sandbox
        #: why the demo cannot start, found before the loop; raised by :meth:`environ` inside it
        self._refusal: ConsoleError | None = None

    @classmethod
    def start(cls, *, demo: bool = False, demo_home: str | None = None) -> Launch:
        """Before the Qt loop: with ``demo``, the sandbox gateway and the fiscal sandbox start on free
        loopback ports."""
        if not demo:
            return cls(None, demo_home)
        launch = cls(_start_demo_sandbox(), demo_home)
        try:
            launch._fiscal_sandbox = _start_demo_fiscal_sandbox(demo_home)
        except ConsoleError as exc:  # an unusable demo folder: said in the window, as a damaged database is
            launch._refusal = exc
        return launch

    @property
    def demo(self) -> bool:
        return self._sandbox is not None

    @property
    def keeps_backups(self) -> bool:
        """The day's copies of the database (decision 0067); the demo's data is made afresh: none."""
        return self._sandbox is None

    async def environ(self) -> Mapping[str, str]:
        """The settings to open: the demo's (its sandbox, its folder, nothing of the caller's
        EPAYMENT_*), else what Settings saved (``console.json``, the keychain's client secret)
        under the real environment, which wins. The keychain may block: read on a thread."""
        if self._refusal is not None:
            raise self._refusal
        if self._sandbox is not None:
            from epay_desktop.demo import demo_environ
            from epay_desktop.demo import demo_home

            environ = demo_environ(demo_home(self._demo_home), self._sandbox.base_url)
            await asyncio.to_thread(_forget_a_deleted_demo_database, environ)
            return environ
        from epay_desktop.services.shop_settings import effective_environ

        return await asyncio.to_thread(effective_environ)

    async def prepare(self, ctx: AppContext) -> DemoExtras | None:
        """The demo: seed a new demo folder's database (its payments are in the list at the first
        login) and say what it adds; None for the real console."""
        if self._sandbox is None:
            return None
        from epay_desktop.demo import DEMO_USERS
        from epay_desktop.demo import mirror_demo
        from epay_desktop.demo import seed_demo
        from epay_desktop.demo.fiscal import prepare_demo_fiscal

        await seed_demo(ctx)
        if self._fiscal_sandbox is not None:  # this database's register, its last day closed (0147, 0148)
            await prepare_demo_fiscal(ctx, self._fiscal_sandbox)
        mirror = functools.partial(mirror_demo, ctx, self._sandbox.state)  # the sandbox's side
        return DemoExtras(users=DEMO_USERS, environment="demo", behind_login=mirror)

    def stop(self) -> None:
        """After the Qt loop: the demo's sandboxes stop."""
        if self._sandbox is not None:
            self._sandbox.stop()
            self._sandbox = None
        if self._fiscal_sandbox is not None:
            self._fiscal_sandbox.stop()
            self._fiscal_sandbox = None
