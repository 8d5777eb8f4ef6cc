"""Stress 1 (reliability.md T14): a kill -9 storm over scripted money workloads.

Each workload is a real child process (forked from a preloaded forkserver) that opens the
console's SQLite database the way the console does (store.open.open_store: file and page checks,
the running marker) and, against the in-process sandbox, runs the start-up reconciler, then
takes one or two payments through pay / charge or cancel / sale receipt / partial and full
refunds / status polls / refund receipts / duplicates. Half the children are SIGKILLed after a
random delay, half arm a named fault point (services/money_ops/crash_points.py), where the child SIGKILLs
itself. After every workload, as the next start would: ``PRAGMA integrity_check`` and
``foreign_key_check`` on the file, the console's own open (after a kill it runs the full
integrity_check itself), the audit chain, the reconciler (past the quiet period), sometimes a
manager's review decision, and every invariant of ``stress_harness.invariant_violations``
(tests/support). A fresh database and a reset sandbox every ``batch`` workloads keep each check's scan small.

Short profile by default; ``EPAY_STRESS=long`` runs 1,000 workloads (scripts/stress.sh).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox import start_in_thread
from epay_desktop.store.db import StoreError
from tests.support import stress_harness as sh
from tests.support.forkserver import forkserver as preloaded_forkserver

h = sh.h
PROFILE = sh.profile()
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)
#: Memory-backed /dev/shm when there is one: a SIGKILL loses what the process held, never what the
#: kernel already has, so a process kill is the same test there; power loss is not (docs/stress.md).
FAST_DIR = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108

pytestmark = [
    pytest.mark.timeout(PROFILE.timeout),
    pytest.mark.skipif(sys.platform == "win32", reason="forkserver and SIGKILL are POSIX"),
]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[RunningSandbox]:
    with start_in_thread(SandboxConfig(two_step=True)) as running:
        yield running


@pytest.fixture(scope="module")
def forkserver() -> Any:
    return preloaded_forkserver()  # starts the server (and its imports) now, not in a workload


class Storm:
    def __init__(self, sandbox: RunningSandbox, context: Any, folder: Path, seed: int) -> None:
        self.base_url = sandbox.base_url
        self.control = h.Control(sandbox.base_url)
        self.context = context
        self.folder = folder
        self.rng = random.Random(seed)
        self.figures: dict[str, Any] = {
            "suite": "kill_storm",
            "profile": PROFILE.name,
            "seed": seed,
            "workloads": 0,
            "kills": 0,
            "kills_at_fault_points": 0,
            "kills_at_random_points": 0,
            "finished_before_kill": 0,
            "reconciled_changes": 0,
            "review_decisions": 0,
            "integrity_failures": 0,
            "invariant_violations": 0,
        }
        self.violations: list[str] = []
        #: how long the last workloads that ran to their end took; a random kill falls in [0, the longest)
        self.complete_runs: deque[float] = deque([1.0], maxlen=20)
        self.location = sh.Location(folder)
        self.manager_id = 0

    def fresh_database(self, number: int) -> None:
        """A new data folder: the console's own open creates and migrates its database."""
        self.control.reset()
        self.location = sh.Location(self.folder / f"batch-{number}")
        store = sh.open_console_store(self.location)
        try:
            self.manager_id = h.add_user(store, "Manager", Role.MANAGER).id
        finally:
            store.close()

    def workload(self, index: int, *, kill: bool = True) -> None:
        """One child; ``kill=False`` lets it finish (the first one measures how long a workload runs)."""
        named = kill and self.rng.random() < 0.5
        fault = self.rng.choice(sh.NAMED_POINTS) if named else ""
        args = (str(self.location.home), self.base_url, self.rng.randrange(2**32), self.manager_id, fault)
        child = self.context.Process(target=sh.run_workload, args=args, daemon=True)
        started = time.monotonic()
        child.start()
        # a random point anywhere in a usual run (a slow one may finish first)
        delay = None if named or not kill else self.rng.uniform(0.0, max(self.complete_runs))
        child.join(delay if delay is not None else 120)
        if child.is_alive():
            if named:
                self.violation(f"workload {index}: still running 120 s after start (a hang?)")
            os.kill(child.pid, KILL)
            child.join(30)
        self.figures["workloads"] += 1
        if child.exitcode == -KILL:
            self.figures["kills"] += 1
            key = "kills_at_fault_points" if named else "kills_at_random_points"
            self.figures[key] += 1
        elif child.exitcode == 0:
            self.figures["finished_before_kill"] += 1
            self.complete_runs.append(time.monotonic() - started)
        else:
            self.violation(f"workload {index}: child ended with exit code {child.exitcode} (see its stderr)")
        self.after_restart(index)

    def after_restart(self, index: int) -> None:
        problems = sh.sqlite_integrity(self.location.db_file)
        if problems:
            self.figures["integrity_failures"] += 1
            self.violation(f"workload {index}: {problems}")
            return
        try:  # the next start: after a kill, the console's own open runs the full integrity_check
            store = sh.open_console_store(self.location)
        except StoreError as exc:
            self.figures["integrity_failures"] += 1
            self.violation(f"workload {index}: the console refuses its database: {exc}")
            return
        try:
            clock = h.Clock()
            clock.advance(minutes=10)  # the next start comes after the quiet period and the status lag

            async def restart(svc: h.Services) -> int:
                report = await svc.reconciler.reconcile_all()
                changes = len(report.changes)
                if self.rng.random() < 0.5:
                    with store.read() as tx:
                        waiting = [
                            o for o in tx.operations.all_unresolved() if o.state is OpState.NEEDS_REVIEW
                        ]
                    for op in waiting[:1]:
                        manager = h.get_user(store, self.manager_id)
                        decision = self.rng.choice(["retry", "abandon"])
                        await sh._attempt(svc.ops.review(manager, op.id, decision))  # type: ignore[arg-type]
                        self.figures["review_decisions"] += 1
                return changes

            async def main() -> int:
                async with h.services(store, self.base_url, clock) as svc:
                    return await restart(svc)

            self.figures["reconciled_changes"] += asyncio.run(main())
            for problem in sh.invariant_violations(store, self.control, settled=True):
                self.violation(f"workload {index}: {problem}")
        finally:
            store.close()

    def violation(self, text: str) -> None:
        self.figures["invariant_violations"] += 1
        self.violations.append(text)


def test_kill_storm_keeps_money_exactly_once(
    sandbox: RunningSandbox, forkserver: Any, emit: Callable[[dict[str, Any]], str]
) -> None:
    seed = int(os.environ.get("EPAY_STRESS_SEED", "20261206"))
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="epay-storm-", dir=FAST_DIR) as folder:
        storm = Storm(sandbox, forkserver, Path(folder), seed)
        for index in range(PROFILE.workloads):
            if index % PROFILE.batch == 0:
                storm.fresh_database(index // PROFILE.batch)
            storm.workload(index, kill=index > 0)
    storm.figures["seconds"] = round(time.monotonic() - started, 1)
    emit(storm.figures)
    assert storm.violations == [], storm.violations[:20]
    # the storm really stormed: processes died by SIGKILL at named points and at random ones
    assert storm.figures["kills_at_fault_points"] > 0
    assert storm.figures["kills_at_random_points"] > 0
