"""Benchmark P3: the console reconciling (and polling) 1,000 pending payments on the loopback sandbox.

The world: the project's own sandbox server on a loopback socket, in its own process
(``python -m epay_desktop sandbox --port 0``: the bank is not inside the console, and a sandbox thread
would share the console's GIL), and a console home opened with ``open_app`` (its real store with
migrations, gateway client, services). ``--pending`` payments are created through
``PaymentService.create_payment`` (real rows, real payment tokens), then moved on the sandbox's side
through its control API: about half paid, a fifth declined, the rest left pending, so reconcile has
real work. The home folder is copied after that and every run starts from a fresh copy.

Figures (``id`` "P3", goal: ratio <= 1.2):

  reconcile   ``Reconciler.reconcile_all()`` as the console runs it at start-up: every payment that
              may still change is refreshed from check-status (with the reconcile's concurrency)
  poll        ``Poller.run_once()`` over every payment (all due: the console's clock runs 10 s ahead),
              ``--concurrency`` checks in flight

Floor of both: a bare ``httpx.AsyncClient`` doing the same check-status GETs for the same invoices
at the same concurrency against the same sandbox, with one service token (its request included).
Extra fields: ``token_requests`` (service tokens the sandbox issued during the run, from its
``GET /sandbox/tokens``: the console asks for one per reconcile), ``store_transactions``
(transactions committed on the console's database during the run), ``cpu_ms`` (medians of this
process's CPU time during the run and during the floor: steadier than wall time on a busy machine),
``concurrency``.

    .venv/bin/python -m benchmarks.bench_reconcile [--pending 1000] [--concurrency 4] [--runs 5] [--smoke]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import asynccontextmanager
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event

from benchmarks.figures import Goal
from benchmarks.figures import emit
from benchmarks.figures import figure
from epay_desktop.app import AppContext
from epay_desktop.app import open_app
from epay_desktop.app import store_of
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.gateway import Credentials
from epay_desktop.gateway import Secret
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.gateway.tokens import service_token_form
from epay_desktop.sandbox.config import TEST_CLIENT_ID
from epay_desktop.sandbox.config import TEST_CLIENT_SECRET
from epay_desktop.sandbox.config import TEST_TERMINAL_ID

__all__ = ["GOAL", "Sandbox", "World", "build_world", "floor_checks", "main", "opened", "sandbox_process"]

GOAL = Goal(ratio=1.2)
BENCH_USER, BENCH_PIN = "bench-manager", "2580"
APPROVED_CARD = "4405639704015096"
DECLINED_CARD = "4003032704547597"
#: The poller's clock is this far ahead, so every payment's first check (3 s after creation) is due.
POLL_AHEAD = timedelta(seconds=10)
CREDENTIALS = Credentials(TEST_CLIENT_ID, Secret(TEST_CLIENT_SECRET), TEST_TERMINAL_ID)


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Sandbox:
    """The sandbox server running in its own process."""

    base_url: str

    def service_tokens(self) -> int:
        """Service tokens the sandbox has issued so far (counted at the sandbox)."""
        with httpx.Client(base_url=self.base_url, timeout=10) as http:
            response = http.get("/sandbox/tokens")
            response.raise_for_status()
            return int(response.json()["service"])


@contextmanager
def sandbox_process() -> Iterator[Sandbox]:
    """``python -m epay_desktop sandbox --port 0`` (loopback, a free port), stopped afterwards."""
    process = subprocess.Popen(
        [sys.executable, "-m", "epay_desktop", "sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()  # the first line is the base URL, once listening
        if not url.startswith("http://"):
            raise RuntimeError(f"the sandbox did not start: {url!r}")
        yield Sandbox(url)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class World:
    """A sandbox, and a console home (copied per run) holding ``invoices`` waiting to be reconciled."""

    sandbox: Sandbox
    home: Path
    invoices: list[InvoiceId]
    outcomes: dict[str, int] = field(default_factory=dict)

    def environ(self, home: Path) -> dict[str, str]:
        endpoints = sandbox_endpoints(self.sandbox.base_url)
        return {
            "EPAYMENT_ENV": "sandbox",
            "EPAYMENT_OAUTH_URL": endpoints.oauth_url,
            "EPAYMENT_API_URL": endpoints.api_url,
            "EPAYMENT_WIDGET_URL": endpoints.widget_url,
            "EPAYMENT_HOME": str(home),
            "EPAYMENT_REGISTER": "bench-1",
        }

    def service_tokens(self) -> int:
        return self.sandbox.service_tokens()


async def build_world(sandbox: Sandbox, root: Path, pending: int, seed: int = 1) -> World:
    """Create ``pending`` payments through the console's services, then pay or decline most of them at
    the sandbox. Returns the world; its ``home`` is the prepared console folder (closed)."""
    home = root / "prepared"
    world = World(sandbox, home, [])
    ctx = await open_app(world.environ(home))
    try:
        # the manager who logs in to the console in P6 (the first account needs no one to add it)
        actor = await ctx.users.add_user(BENCH_USER, Role.MANAGER, BENCH_PIN, None)
        rng = random.Random(seed)
        gate = asyncio.Semaphore(8)

        async def create(n: int) -> InvoiceId:
            amount = Money.parse(str(rng.randint(200, 60_000)))
            async with gate:
                session = await ctx.payments.create_payment(
                    actor, CheckoutRequest(amount, description=f"bench {n}")
                )
            return session.payment.invoice_id

        started = time.perf_counter()
        world.invoices = list(await asyncio.gather(*(create(n) for n in range(pending))))
        progress(f"created {pending} payments in {time.perf_counter() - started:.1f} s")
    finally:
        await ctx.aclose()
    world.outcomes = await asyncio.to_thread(_move_at_the_sandbox, sandbox, world.invoices, seed)
    progress(f"at the sandbox: {world.outcomes}")
    return world


def _move_at_the_sandbox(sandbox: Sandbox, invoices: list[InvoiceId], seed: int) -> dict[str, int]:
    """Pay about half, decline about a fifth, leave the rest pending (the sandbox's control API)."""
    rng = random.Random(seed + 1)
    today = date.today()
    expiry = f"{today.month:02d}/{(today.year + 1) % 100:02d}"
    outcomes = {"paid": 0, "declined": 0, "pending": 0}
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as http:
        for invoice in invoices:
            roll = rng.random()
            if roll >= 0.7:
                outcomes["pending"] += 1
                continue
            kind, pan = ("paid", APPROVED_CARD) if roll < 0.5 else ("declined", DECLINED_CARD)
            body = {"invoiceId": invoice.value, "pan": pan, "expiry": expiry, "cvc": "123", "name": "BENCH"}
            response = http.post("/sandbox/pay", json=body)
            response.raise_for_status()
            outcomes[kind] += 1
    return outcomes


class TransactionCounter:
    """Counts transactions committed on an engine (SQLAlchemy's ``commit`` event)."""

    def __init__(self, ctx: AppContext) -> None:
        self.count = 0
        self._engine = store_of(ctx).engine
        event.listen(self._engine, "commit", self._on_commit)

    def _on_commit(self, _conn: Any) -> None:
        self.count += 1

    def close(self) -> None:
        event.remove(self._engine, "commit", self._on_commit)


@asynccontextmanager
async def opened(
    world: World, run_root: Path, concurrency: int, *, ahead: timedelta = timedelta()
) -> AsyncIterator[AppContext]:
    """A console (``open_app``) on a fresh copy of the prepared home, closed and removed afterwards;
    its clock runs ``ahead`` of the real one (the poller: every payment's first check is due)."""
    home = Path(tempfile.mkdtemp(prefix="run-", dir=run_root))
    shutil.rmtree(home)
    shutil.copytree(world.home, home)
    ctx = await open_app(world.environ(home), clock=lambda: datetime.now(UTC) + ahead)
    ctx.poller.concurrency = concurrency
    if hasattr(ctx.reconciler, "concurrency"):
        ctx.reconciler.concurrency = concurrency
    try:
        yield ctx
    finally:
        await ctx.aclose()
        shutil.rmtree(home, ignore_errors=True)


@dataclass
class Measured:
    ms: float
    token_requests: int
    store_transactions: int
    result: Any
    cpu_ms: float = 0.0  # this process's CPU time (every thread) during the run


async def measure(world: World, ctx: AppContext, action: Callable[[], Awaitable[Any]]) -> Measured:
    counter = TransactionCounter(ctx)
    tokens = world.service_tokens()
    cpu = time.process_time()
    started = time.perf_counter()
    try:
        result = await action()
        ms = (time.perf_counter() - started) * 1000.0
        cpu_ms = (time.process_time() - cpu) * 1000.0
    finally:
        counter.close()
    return Measured(ms, world.service_tokens() - tokens, counter.count, result, cpu_ms)


async def reconcile_once(world: World, run_root: Path, concurrency: int) -> Measured:
    async with opened(world, run_root, concurrency) as ctx:
        measured = await measure(world, ctx, ctx.reconciler.reconcile_all)
    report = measured.result
    if report.payments_checked < len(world.invoices) or report.problems:
        raise RuntimeError(f"reconcile did not check every payment: {report.lines[:5]}")
    return measured


async def poll_all(ctx: AppContext, count: int) -> list[Any]:
    """One ``Poller.run_once`` round over every due payment (``batch`` = all of them)."""
    ctx.poller.batch = count
    return await ctx.poller.run_once()


async def poll_once(world: World, run_root: Path, concurrency: int) -> Measured:
    async with opened(world, run_root, concurrency, ahead=POLL_AHEAD) as ctx:
        return await measure(world, ctx, lambda: poll_all(ctx, len(world.invoices)))


async def floor_checks(world: World, concurrency: int) -> Measured:
    """The floor: one service token, then the same check-status GETs at the same concurrency."""
    endpoints = sandbox_endpoints(world.sandbox.base_url)
    tokens = world.service_tokens()
    cpu = time.process_time()
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=10) as http:
        answer = await http.post(endpoints.oauth_url, data=service_token_form(CREDENTIALS))
        answer.raise_for_status()
        headers = {"Authorization": f"Bearer {answer.json()['access_token']}"}
        gate = asyncio.Semaphore(concurrency)

        async def check(invoice: InvoiceId) -> None:
            async with gate:
                url = f"{endpoints.api_url}/check-status/payment/transaction/{invoice.value}"
                response = await http.get(url, headers=headers)
                response.raise_for_status()
                response.json()

        await asyncio.gather(*(check(invoice) for invoice in world.invoices))
    ms = (time.perf_counter() - started) * 1000.0
    cpu_ms = (time.process_time() - cpu) * 1000.0
    return Measured(ms, world.service_tokens() - tokens, 0, None, cpu_ms)


# -- P6: the GUI thread while the reconcile runs in the console ------------------------------------

STALL_GOAL = Goal(limit=50, stat="max")
HEARTBEAT_MS = 5


async def stall_once(world: World, run_root: Path, concurrency: int) -> float:
    """The console (AppController, MainWindow, a manager logged in, the list open) on a fresh copy;
    ``reconcile_all`` runs in it while a 5 ms QTimer ticks on the GUI thread. Returns the longest gap
    between two ticks beyond the 5 ms interval (ms)."""
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtCore import Qt
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from epay_desktop.ui.app.controller import AppController
    from epay_desktop.ui.app.controller import ConsoleOptions

    def no_checkout() -> Any:
        raise RuntimeError("the benchmark opens no checkout")

    async with opened(world, run_root, concurrency) as ctx:
        controller = AppController(ctx, no_checkout, ConsoleOptions(idle_minutes=0))
        running = asyncio.ensure_future(controller.run())
        try:
            form = controller.session.lock_screen.form
            await _until(form.isVisible)
            form.name_edit.setText(BENCH_USER)
            QTest.keyClicks(form.secret_edit, BENCH_PIN)
            QTest.keyClick(form.secret_edit, Qt.Key.Key_Return)
            await _until(lambda: controller.session.user is not None)
            model = controller.window.payments_view.model
            await _until(lambda: model.rowCount() > 0)
            await asyncio.sleep(0.3)  # the list's first pages and the badge's count settle
            clock = QElapsedTimer()
            longest = 0
            last = 0

            def tick() -> None:
                nonlocal last, longest
                now = clock.elapsed()
                longest = max(longest, now - last)
                last = now

            timer = QTimer()
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.setInterval(HEARTBEAT_MS)
            timer.timeout.connect(tick)
            clock.start()
            timer.start()
            try:
                report = await ctx.reconciler.reconcile_all()
                await asyncio.sleep(0.2)  # the list's reaction to the last outcomes
            finally:
                timer.stop()
            if report.payments_checked < len(world.invoices):
                raise RuntimeError(f"reconcile did not check every payment: {report.lines[:5]}")
            return float(max(0, longest - HEARTBEAT_MS))
        finally:
            controller.close()
            await asyncio.wait_for(running, 10)


async def _until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the console did not get there in time")
        await asyncio.sleep(0.02)


def gui_stall(world: World, run_root: Path, concurrency: int, runs: int) -> list[float]:
    """P6's samples: ``runs`` reconciles in the console on one qasync loop (offscreen)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync

    from epay_desktop.ui.app.gc_guard import MainThreadCollector
    from epay_desktop.ui.app.main import configure_application
    from epay_desktop.ui.app.main import make_application

    qapp = make_application()
    configure_application(qapp)
    # as run_console does: collections only on the GUI thread (one on the database thread met Qt
    # objects and crashed this benchmark, 1 run in 5), and their pauses count in the stall
    collector = MainThreadCollector(qapp)
    gc.freeze()  # as cli._run_gui does once the console's modules are loaded (decision 0062)
    collector.start()
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)

    async def all_runs() -> list[float]:
        samples = []
        for n in range(runs):
            samples.append(await stall_once(world, run_root, concurrency))
            progress(f"P6 run {n + 1}/{runs}: longest stall {samples[-1]:.0f} ms")
        return samples

    try:
        return loop.run_until_complete(all_runs())
    finally:
        loop.close()  # joins its executor's threads (a QThread alive at exit aborts the process)
        asyncio.set_event_loop(None)
        collector.stop()
        gc.unfreeze()


def _extra(samples: list[Measured], floors: list[Measured]) -> dict[str, Any]:
    return {
        "token_requests": max(m.token_requests for m in samples),
        "store_transactions": int(statistics.median(m.store_transactions for m in samples)),
        # CPU time of the console's process and of the floor's client (medians, ms): steadier than the
        # wall time on a busy machine; the sandbox's own CPU (another process) is in neither
        "cpu_ms": {
            "value": round(statistics.median(m.cpu_ms for m in samples), 1),
            "floor": round(statistics.median(m.cpu_ms for m in floors), 1),
        },
    }


async def run(world: World, run_root: Path, concurrency: int, runs: int) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    pending = len(world.invoices)
    reconciled: list[Measured] = []
    polled: list[Measured] = []
    floors: list[Measured] = []
    await reconcile_once(world, run_root, concurrency)  # warm-up, not counted
    await floor_checks(world, concurrency)
    for n in range(runs):
        reconciled.append(await reconcile_once(world, run_root, concurrency))
        floors.append(await floor_checks(world, concurrency))
        polled.append(await poll_once(world, run_root, concurrency))
        progress(
            f"run {n + 1}/{runs}: reconcile {reconciled[-1].ms:.0f} ms, floor {floors[-1].ms:.0f} ms, "
            f"poll {polled[-1].ms:.0f} ms"
        )
    floor_ms = [m.ms for m in floors]
    common = {"via": "service", "backend": "sqlite", "size": pending, "concurrency": concurrency}
    common["sandbox_outcomes"] = world.outcomes
    records.append(
        figure(
            "P3",
            "reconcile",
            [m.ms for m in reconciled],
            floor_ms,
            goal=GOAL,
            **common,
            **_extra(reconciled, floors),
        )
    )
    records.append(
        figure("P3", "poll", [m.ms for m in polled], floor_ms, goal=GOAL, **common, **_extra(polled, floors))
    )
    records[-1]["floor_token_requests"] = max(m.token_requests for m in floors)
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pending", type=int, default=1000, help="payments to reconcile (default 1000)")
    parser.add_argument("--concurrency", type=int, default=4, help="check-status calls in flight (default 4)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="20 payments, 1 run: the same code path, fast")
    parser.add_argument("--no-gui", action="store_true", help="P3 only (no console window, no P6)")
    args = parser.parse_args(argv)
    pending, runs = (20, 1) if args.smoke else (args.pending, args.runs)
    with tempfile.TemporaryDirectory(prefix="bench-reconcile-") as tmp, sandbox_process() as sandbox:
        root = Path(tmp)
        run_root = root / "runs"
        run_root.mkdir()
        world = asyncio.run(build_world(sandbox, root, pending))
        for record in asyncio.run(run(world, run_root, args.concurrency, runs)):
            emit(record)
        if not args.no_gui:
            samples = gui_stall(world, run_root, args.concurrency, runs)
            emit(
                figure(
                    "P6", "gui_stall_reconcile", samples, None, goal=STALL_GOAL, via="console",
                    backend="sqlite", size=pending, concurrency=args.concurrency, heartbeat_ms=HEARTBEAT_MS,
                )
            )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
