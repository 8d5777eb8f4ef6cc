"""Shared by the stress suites (tests/stress): profiles, figures, scripted workloads and invariants.

Builds on tests/support/ops_harness.py (sandbox control client, clock, store opener and
the real services wired against the sandbox) rather than repeating it. The kill storm's children
are forked from a multiprocessing *forkserver* that has the console's modules preloaded, so a
workload starts in milliseconds; each child is a real process that the parent (or a named fault
point, services/money_ops/crash_points.py) ends with SIGKILL.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from typing import Final

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.gateway import EpayError
from epay_desktop.services.audit import verify_chain
from epay_desktop.services.money_ops.crash_points import FAULT_ENV
from epay_desktop.services.money_ops.crash_points import FAULT_POINTS
from epay_desktop.services.money_ops.crash_points import FaultPoints
from epay_desktop.services.receipts import ReceiptService
from epay_desktop.store.db import Store
from epay_desktop.store.open import open_store
from tests.support import ops_harness as h

#: ``EPAY_STRESS=long`` selects the long profile (scripts/stress.sh); anything else is the short one.
PROFILE_ENV: Final = "EPAY_STRESS"
#: The register every workload prints receipts on; its numbers must stay gap-free.
REGISTER: Final = "till-1"
NAMED_POINTS: Final = tuple(sorted(FAULT_POINTS))


@dataclass(frozen=True)
class Profile:
    name: str
    workloads: int  # kill storm: scripted workloads
    batch: int  # kill storm: workloads per fresh database and sandbox reset
    examples: int  # state machine
    steps: int
    answers: int  # fuzzed gateway answers
    timeout: int  # pytest-timeout for one suite, seconds


SHORT: Final = Profile("short", workloads=16, batch=8, examples=20, steps=10, answers=300, timeout=300)
LONG: Final = Profile(
    "long", workloads=1000, batch=25, examples=500, steps=50, answers=10_000, timeout=6 * 3600
)


def profile() -> Profile:
    return LONG if os.environ.get(PROFILE_ENV, "").strip().lower() == "long" else SHORT


def emit(figures: dict[str, Any]) -> str:
    """The suite's figures as ONE JSON line: to stdout (the ``emit`` fixture lifts pytest's capture) and, when
    ``EPAY_STRESS_FIGURES`` names a file, appended there too. Returns the line."""
    line = json.dumps(figures, sort_keys=False)
    print(line, flush=True)
    target = os.environ.get("EPAY_STRESS_FIGURES")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(line + "\n")
    return line


@dataclass(frozen=True)
class Location:
    """A console's data folder, as ``store.open.open_store`` wants it (settings.StoreSettings is one)."""

    home: Path

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.home / 'epay.db'}"

    @property
    def db_file(self) -> Path:
        return self.home / "epay.db"

    @property
    def audit_key_path(self) -> Path:
        return self.home / "audit.key"


def open_console_store(location: Location) -> Store:
    """The database opened the way the console opens it at every start: file and page checks (a full
    ``integrity_check`` when a process ended without closing it), migrations, the running marker."""
    return open_store(location)


def minor(value: Any) -> int:
    """Tiyn from the sandbox's decimal amounts (exact: Decimal, never float)."""
    return int(Decimal(str(value)) * 100)


# -- the scripted workload (runs in a forked child) -------------------------------------------------


def _render(_data: Any, _width: Any) -> bytes:
    """Receipts are numbered and recorded for real; drawing the PDF (reportlab) is not under test."""
    return b"%PDF-stress"


async def _workload(home: str, base_url: str, seed: int, actor_id: int) -> None:
    rng = random.Random(seed)
    store = open_console_store(Location(Path(home)))
    clock = lambda: datetime.now(UTC)  # noqa: E731
    control = h.Control(base_url)
    try:
        actor = h.get_user(store, actor_id)
        receipts = ReceiptService(store, clock, REGISTER, environment="test", render=_render)
        async with h.services(store, base_url, clock, faults=FaultPoints()) as svc:
            await svc.reconciler.reconcile_all()  # what every start does
            for _ in range(rng.randint(1, 2)):
                await _one_payment(svc, control, receipts, actor, rng)
    finally:
        store.close()


async def _attempt(coro: Any) -> Any:
    """A step the rules or the gateway may refuse: the refusal is part of the workload."""
    try:
        return await coro
    except (ConsoleError, EpayError):
        return None


async def _one_payment(
    svc: h.Services, control: h.Control, receipts: ReceiptService, actor: Any, rng: random.Random
) -> None:
    amount = str(rng.choice([100, 150, 250, 480]))
    payment = await h.paid_payment(svc, control, actor, amount)
    invoice = payment.invoice_id
    if rng.random() < 0.2:
        await _attempt(svc.ops.cancel(actor, invoice))
        return
    part = rng.choice([None, None, Money.parse(str(int(amount) - 30))])
    await _attempt(svc.ops.charge(actor, invoice, part))
    await _attempt(receipts.issue_receipt(actor, ReceiptRequest(invoice, ReceiptKind.SALE)))
    for _ in range(rng.randint(1, 3)):
        refund = Money(rng.choice([1000, 2500, 4000, 7000])) if rng.random() < 0.75 else None
        op = await _attempt(svc.ops.refund(actor, invoice, refund, reason="stress"))
        await _attempt(svc.payments.refresh_status(invoice))  # a status poll
        if op is not None and op.state is OpState.SUCCEEDED:
            await _attempt(
                receipts.issue_receipt(actor, ReceiptRequest(invoice, ReceiptKind.REFUND, money_op_id=op.id))
            )
    if rng.random() < 0.3:
        await _attempt(receipts.issue_receipt(actor, ReceiptRequest(invoice, ReceiptKind.DUPLICATE)))


def run_workload(home: str, base_url: str, seed: int, actor_id: int, fault: str) -> None:
    """Entry point of a storm child: arm the named fault point (or none) and run one workload on
    the console's database in the data folder ``home``."""
    os.environ[FAULT_ENV] = fault
    asyncio.run(_workload(home, base_url, seed, actor_id))


# -- after a crash: integrity, reconcile, invariants ------------------------------------------------


def sqlite_integrity(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` and ``foreign_key_check`` on the file; [] when both are clean."""
    problems: list[str] = []
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems.append(f"integrity_check: {rows[:5]}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:5]}")
    finally:
        con.close()
    return problems


def invariant_violations(store: Store, control: h.Control, *, settled: bool) -> list[str]:
    """Every money invariant the stress suites hold the console to, as a list of violations.

    Per payment: refunds >= 10 KZT, at most one unresolved operation, the console's succeeded
    refunds never exceed what was captured and (``settled``: after a reconcile) equal what the
    sandbox refunded; no refund after a succeeded cancel; no double refund (each externalID at most
    once at the sandbox, and each one a single local operation); the sandbox's charges and cancels
    match the console's succeeded ones (after a reconcile). Receipts: numbers 1..N without a gap per
    register, the counter at N. The audit chain verifies.
    """
    bad: list[str] = []
    ledger = {t["invoiceId"]: t for t in control.ledger()}
    with store.read() as tx:
        report = verify_chain(tx)
        if not report.ok:
            bad.append(f"audit chain broken at {report.first_bad_seq}: {report.problem}")
        for payment in tx.payments.search(limit=100_000):
            inv = payment.invoice_id.value
            ops = tx.operations.list_for_payment(payment.id)
            entry = ledger.get(inv)
            unresolved = [o for o in ops if o.state.is_unresolved]
            if len(unresolved) > 1:
                bad.append(f"{inv}: {len(unresolved)} unresolved operations")
            refunds = [o for o in ops if o.kind is OpKind.REFUND]
            if any(o.amount.minor < 1000 for o in refunds):
                bad.append(f"{inv}: a refund under 10 KZT")
            local_refunded = sum(o.amount.minor for o in refunds if o.state is OpState.SUCCEEDED)
            if entry is None:
                if ops:
                    bad.append(f"{inv}: operations on a payment the sandbox never saw")
                continue
            gateway_ops = entry["operations"]
            gw_refunds = [o for o in gateway_ops if o["kind"] == "refund"]
            gw_refunded = sum(minor(o["amount"]) for o in gw_refunds)
            captured = minor(entry["amount"]) + minor(entry["payoutAmount"])
            if gw_refunded > captured or local_refunded > captured:
                bad.append(
                    f"{inv}: refunded more than captured ({local_refunded}/{gw_refunded} > {captured})"
                )
            ids = Counter(o["externalID"] for o in gw_refunds)
            twice = [i for i, n in ids.items() if n > 1]
            if twice:
                bad.append(f"{inv}: double refund at the gateway for externalID {twice}")
            local_ids = {o.id for o in refunds}
            strangers = [i for i in ids if i not in local_ids]
            if strangers:
                bad.append(f"{inv}: gateway refunds no local operation asked for: {strangers}")
            cancelled = any(o.kind is OpKind.CANCEL and o.state is OpState.SUCCEEDED for o in ops)
            if cancelled and (local_refunded or gw_refunded):
                bad.append(f"{inv}: a refund after a cancel")
            if settled:
                if local_refunded != gw_refunded:
                    bad.append(f"{inv}: console refunded {local_refunded}, sandbox {gw_refunded}")
                for kind in (OpKind.CHARGE, OpKind.CANCEL):
                    local_n = sum(1 for o in ops if o.kind is kind and o.state is OpState.SUCCEEDED)
                    gw_n = sum(1 for o in gateway_ops if o["kind"] == kind.value.lower())
                    if local_n != gw_n:
                        bad.append(f"{inv}: console has {local_n} {kind.value} succeeded, sandbox {gw_n}")
        numbers: dict[str, list[int]] = {}
        for payment in tx.payments.search(limit=100_000):
            for record in tx.receipts.list_for_payment(payment.id):
                numbers.setdefault(record.register_id, []).append(record.number)
        for register, got in numbers.items():
            got.sort()
            if got != list(range(1, len(got) + 1)):
                bad.append(f"receipt numbers of {register} have gaps or repeats: {got}")
            counter = tx.counters.current(f"receipt.{register}")
            if counter is not None and counter != len(got):
                bad.append(f"receipt counter of {register} is {counter}, {len(got)} receipts recorded")
    return bad
