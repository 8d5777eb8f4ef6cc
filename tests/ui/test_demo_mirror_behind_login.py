"""The demo mirrors its database into the sandbox's ledger behind the login form, not before it
(decision 0062), and the ledger is full before anyone is logged in; the background work that talks
to the gateway (start-up reconciliation, poller, periodic reconciliation) waits for it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from epay_desktop.ui.app.main import start_background
from tests.support.demo_console import child_environ
from tests.support.demo_console import logged_in_demo


def test_the_background_talks_to_the_gateway_only_after_its_first_step() -> None:
    order: list[str] = []
    polling, two_rounds = asyncio.Event(), asyncio.Event()

    class Reconciler:
        async def reconcile_all(self) -> Any:
            order.append("reconcile")
            if order.count("reconcile") >= 2:
                two_rounds.set()
            return SimpleNamespace(changes=[], problems=[], payments_checked=0)

    class Poller:
        last_success_at = None

        async def run_forever(self, stop: asyncio.Event) -> None:
            order.append("poll")
            polling.set()
            await stop.wait()

    async def main() -> None:
        release = asyncio.Event()

        async def first() -> None:
            order.append("first started")
            await release.wait()
            order.append("first done")

        ctx = SimpleNamespace(reconciler=Reconciler(), poller=Poller(), clock=lambda: None)
        # every=0: a periodic round that did not wait for the first step would run at the next turn
        stop, task = start_background(ctx, reconcile_every=0, startup=lambda _text: None, first=first)  # type: ignore[arg-type]
        for _ in range(50):  # many turns of the loop (no clock): every task runs as far as it can
            await asyncio.sleep(0)
        assert order == ["first started"]
        release.set()
        await asyncio.wait_for(polling.wait(), 5)
        await asyncio.wait_for(two_rounds.wait(), 5)
        stop.set()
        await asyncio.wait_for(task, 5)

    asyncio.run(main())
    assert order[:3] == ["first started", "first done", "reconcile"]
    assert order.index("reconcile") < order.index("poll")  # the start-up check, then the poller
    assert order.count("reconcile") >= 2  # the periodic reconciliation ran too, after the first step


def test_the_background_goes_on_when_its_first_step_fails() -> None:
    ran: list[str] = []
    polling = asyncio.Event()

    class Poller:
        last_success_at = None

        async def run_forever(self, stop: asyncio.Event) -> None:
            ran.append("poll")
            polling.set()
            await stop.wait()

    async def main() -> None:
        async def first() -> None:
            raise RuntimeError("the sandbox is gone")

        ctx = SimpleNamespace(reconciler=None, poller=Poller(), clock=lambda: None)
        stop, task = start_background(ctx, reconcile_every=60, first=first)  # type: ignore[arg-type]
        await asyncio.wait_for(polling.wait(), 5)
        stop.set()
        await asyncio.wait_for(task, 5)

    asyncio.run(main())
    assert ran == ["poll"]


#: The real demo console, its run step driven (``tests.support.demo_console``): logged in through the
#: login form as soon as it shows; at that moment compare the sandbox's ledger with the demo database.
SPY_ON_THE_SANDBOX = """
from epay_desktop.demo import bank_only, mirror_into_sandbox
from epay_desktop.sandbox import SandboxConfig, SandboxState

from epay_desktop import launch

running = []
start = launch._start_demo_sandbox
launch._start_demo_sandbox = lambda: running.append(start()) or running[0]
"""
COMPARE = """
in_ledger = len(running[0].state.ledger.all())
stored = await self.ctx.demo_shop.payments()
terminal = self.ctx.gateway_settings.credentials.terminal_id
mirror = SandboxState(SandboxConfig())  # with the bank's side of today's shift (decision 0115)
mirror_into_sandbox(mirror, stored, terminal, bank_only(self.ctx.store_settings.home))
expected = len(mirror.ledger.all())
print("payments", len(stored), "ledger at login", in_ledger, "expected", expected, flush=True)
"""


def test_the_demo_ledger_is_full_when_the_person_has_logged_in(tmp_path: Path) -> None:
    env = child_environ(tmp_path)
    for start in ("first (seeds)", "second (seeded before)"):
        done = logged_in_demo(tmp_path / "demo", env, COMPARE, prelude=SPY_ON_THE_SANDBOX)
        assert done.returncode == 0, start + done.stderr[-3000:]
        words = done.stdout.split()
        assert words[0] == "payments", done.stdout + done.stderr[-3000:]
        payments, in_ledger, expected = int(words[1]), int(words[5]), int(words[7])
        assert payments >= 300, start
        assert in_ledger == expected > 100, (start, done.stdout)
