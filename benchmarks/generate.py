"""A payments database of any size for the benchmarks: the console's own schema, realistic and seeded.

    python -m benchmarks.generate --size 1000000 --db /tmp/bench.db [--seed 7]

The schema comes from the console's own migrations (``store.migrations.migrate``); the rows are
written in ONE transaction with bulk inserts (SQLAlchemy Core ``executemany``), so a million
payments take minutes. Same seed, same size -> the same database (``--end`` fixes "now").

What is in it (the console's meaning of each column, as its services write them):

- users: an admin, 2 managers, 12 cashiers (names in Kazakh and Russian), all with the password
  ``--password``, hashed with the pepper file next to the database (created if missing), so a
  console pointed at that folder can log in; each user's creation is in the audit log
  (``user.added``, chained with the ``audit.key`` beside the pepper), as the console checks every
  account's role against it at log-in (decision 0075);
- payments over two years before ``--end`` in shop hours (Almaty), more on Fridays-Sundays, in
  December and as the shop grows, timestamps in whole seconds (so the time key has ties); ids
  follow time; invoice ids by the allocator's rules (a seeded 9-digit base, then +1; the
  ``invoice_id`` counters are set so the console's allocator continues after them);
- amounts in tiyn, long-tailed (log-normal: median about 4,000 ₸, a few up to 2,000,000 ₸);
- statuses: paid (CHARGE), held then charged (in full or in part), refunded in full (REFUND) or in
  part (CHARGE with a payout), cancelled holds (CANCEL), declined (REJECT, 3D) with the bank's
  reason codes, expired payment windows (EXPIRED), cashier-cancelled sales, and, near ``--end``,
  pending payments (PENDING) and live holds (AUTH);
- cards as the gateway's mask only (``440563...1234``), never a full number; RRNs (12 digits),
  approval codes, transaction ids;
- refunds, charges and cancels as SUCCEEDED money operations (``money_ops``) whose refund sum is the
  payment's payout; a declined attempt as a ``payment_events`` row, as the console records one.

Not written: receipts, and audit entries other than the users' creation.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import itertools
import json
import math
import os
import random
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any
from typing import Final

from sqlalchemy import Connection
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import text

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Role
from epay_desktop.services.demo_shop import DECLINES
from epay_desktop.services.demo_shop import REFUND_REASONS
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.services.secrets import load_or_create_secret_file
from epay_desktop.store import status_counts
from epay_desktop.store.db import make_engine
from epay_desktop.store.keyfile import load_or_create_key_file
from epay_desktop.store.list_keys import card_last4
from epay_desktop.store.list_keys import list_amount_minor
from epay_desktop.store.list_keys import list_refunded_minor
from epay_desktop.store.migrations import migrate
from epay_desktop.store.models import AuditRow
from epay_desktop.store.models import CounterRow
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentEventRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.models import UserRow
from epay_desktop.store.repos.audit import GENESIS_HASH
from epay_desktop.store.repos.audit import AuditEntry
from epay_desktop.store.repos.audit import canonical_details
from epay_desktop.store.repos.audit import entry_hash
from epay_desktop.store.repos.counters import INVOICE_COUNTER
from epay_desktop.store.repos.counters import INVOICE_COUNTER_BASE
from epay_desktop.store.repos.counters import INVOICE_ID_LIMIT
from epay_desktop.store.repos.counters import INVOICE_WIDTH
from epay_desktop.store.repos.users import name_key

__all__ = ["DEFAULT_PASSWORD", "GenerateResult", "generate", "generate_quietly", "main"]

#: Almaty is UTC+5 all year (no daylight saving since 2024)
_KZ_OFFSET: Final = timedelta(hours=5)
_DAYS: Final = 730
_DEFAULT_END: Final = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
_BATCH: Final = 5_000
_MAX_TENGE: Final = 2_000_000
_MIN_REFUND: Final = 1_000  # 10 ₸, the gateway's minimum refund
#: every generated user's password unless --password says otherwise (a benchmark database only)
DEFAULT_PASSWORD: Final = "benchmark-1"  # noqa: S105

_USERS: Final = (
    ("Әкімші", Role.ADMIN),
    ("Гүлнар Сейітқызы", Role.MANAGER),
    ("Ольга Петрова", Role.MANAGER),
    ("Айгерім Нұрланқызы", Role.CASHIER),
    ("Ерлан Жұмабаев", Role.CASHIER),
    ("Мария Ким", Role.CASHIER),
    ("Дәурен Сәрсенов", Role.CASHIER),
    ("Анна Смирнова", Role.CASHIER),
    ("Бауыржан Оспанов", Role.CASHIER),
    ("Салтанат Әлиева", Role.CASHIER),
    ("Игорь Ли", Role.CASHIER),
    ("Жанар Төлегенова", Role.CASHIER),
    ("Нұрсұлтан Қасымов", Role.CASHIER),
    ("Елена Ковальчук", Role.CASHIER),
    ("Асқар Бекмұхамбетов", Role.CASHIER),
)
_REGISTERS: Final = ("kassa-1", "kassa-2", "kassa-3", "kassa-4")
_BINS: Final = (
    ("440563", "VISA"),
    ("400303", "VISA"),
    ("415428", "VISA"),
    ("427432", "VISA"),
    ("552204", "MASTERCARD"),
    ("557834", "MASTERCARD"),
    ("539545", "MASTERCARD"),
    ("220220", "MIR"),
)
_BASKETS: Final = (
    "Молоко, хлеб, яйца",
    "Сүт, нан, жұмыртқа",
    "Кофе и круассан",
    "Продукты: мясо, овощи",
    "Ет, көкөніс, жеміс",
    "Бытовая химия",
    "Детское питание",
    "Подарочный набор",
    "Электроника",
    "Одежда и обувь",
    "Кітаптар",
    "Доставка заказа",
)
#: outcome -> weight (per 1,000 payments); "pending" and "held" only stay so near --end
_OUTCOMES: Final = (
    ("paid", 640),
    ("held_charged", 50),
    ("refunded", 30),
    ("partly_refunded", 35),
    ("cancelled", 20),
    ("declined", 120),
    ("pending", 45),
    ("held", 20),
    ("cashier_cancel", 40),
)
#: relative payments per local hour of the day (shop hours 08-23, lunch and evening peaks)
_HOURS: Final = (0, 0, 0, 0, 0, 0, 0, 0, 2, 5, 7, 8, 10, 11, 9, 7, 7, 8, 11, 12, 10, 6, 3, 1)
_WEEKDAY: Final = (0.9, 0.9, 0.95, 1.0, 1.15, 1.3, 1.2)  # Monday first


@dataclass
class GenerateResult:
    """What was written: counts per table and per status, the invoice range, the seed."""

    size: int
    seed: int
    users: int
    money_ops: int
    events: int
    first_invoice: str
    last_invoice: str
    statuses: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _day_weights(end: datetime) -> list[float]:
    first = (end + _KZ_OFFSET).date() - timedelta(days=_DAYS)
    weights = []
    for n in range(_DAYS + 1):
        day = first + timedelta(days=n)
        growth = 0.6 + 0.4 * n / _DAYS
        season = 1.4 if day.month == 12 and day.day >= 10 else (0.85 if day.month in (1, 2) else 1.0)
        holiday = 0.3 if (day.month, day.day) in ((1, 1), (3, 22)) else 1.0
        weights.append(growth * season * holiday * _WEEKDAY[day.weekday()])
    return weights


def _moments(rng: random.Random, end: datetime, size: int) -> list[datetime]:
    """``size`` UTC moments (whole seconds) before ``end`` with the shop's daily and hourly shape."""
    first = (end + _KZ_OFFSET).date() - timedelta(days=_DAYS)
    day_cum = list(itertools.accumulate(_day_weights(end)))
    hour_cum = list(itertools.accumulate(_HOURS))
    found: list[datetime] = []
    while len(found) < size:
        need = size - len(found)
        days = rng.choices(range(len(day_cum)), cum_weights=day_cum, k=need)
        hours = rng.choices(range(24), cum_weights=hour_cum, k=need)
        for d, h in zip(days, hours, strict=True):
            local = datetime.combine(first + timedelta(days=d), datetime.min.time())
            moment = (local + timedelta(hours=h, seconds=rng.randrange(3600)) - _KZ_OFFSET).replace(
                tzinfo=UTC
            )
            if moment < end:
                found.append(moment)
    found.sort()
    return found


def _amount_minor(rng: random.Random) -> int:
    """Long-tailed: log-normal tenge (median ~4,000 ₸), prices mostly ending in 0, small ones with tiyn."""
    tenge = min(_MAX_TENGE, max(50, int(rng.lognormvariate(math.log(4_000), 1.15))))
    if tenge >= 100 and rng.random() < 0.7:
        tenge -= tenge % 10
    tiyn = rng.choice((0, 0, 0, 50)) if tenge < 5_000 else 0
    return tenge * 100 + tiyn


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class _Writer:
    """Builds the rows of one payment at a time; flushes them in batches on one connection."""

    def __init__(self, conn: Connection, rng: random.Random, end: datetime, users: dict[Role, list[int]]):
        self.conn, self.rng, self.end = conn, rng, end
        self.cashiers = users[Role.CASHIER]
        self.managers = users[Role.MANAGER]
        self.register = {
            u: _REGISTERS[i % len(_REGISTERS)] for i, u in enumerate(self.cashiers + self.managers)
        }
        self.outcomes = [name for name, _ in _OUTCOMES]
        self.outcome_cum = list(itertools.accumulate(w for _, w in _OUTCOMES))
        self.payments: list[dict[str, Any]] = []
        self.ops: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.counts: Counter[str] = Counter()
        self.op_count = self.event_count = 0

    def outcome(self, created: datetime) -> str:
        name = self.outcomes[bisect.bisect_right(self.outcome_cum, self.rng.random() * self.outcome_cum[-1])]
        age = self.end - created
        if name == "pending" and age > timedelta(minutes=20):
            return "expired"  # the payment window ran out long ago
        if name == "held" and age > timedelta(days=5):
            return "held_charged" if self.rng.random() < 0.8 else "cancelled"
        return name

    def add(self, pid: int, invoice: InvoiceId, created: datetime) -> None:
        rng = self.rng
        cashier = rng.choice(self.cashiers) if rng.random() < 0.93 else rng.choice(self.managers)
        amount = _amount_minor(rng)
        row: dict[str, Any] = {
            "id": pid,
            "invoice_id": invoice.value,
            "invoice_tail": invoice.tail,
            "amount_minor": amount,
            "currency": "KZT",
            "status": "",
            "description": rng.choice(_BASKETS),
            "email": None,
            "phone": f"7701{rng.randrange(10_000_000):07d}" if rng.random() < 0.15 else None,
            "account_id": None,
            "save_card": False,
            "language": "kaz" if rng.random() < 0.35 else "rus",
            "register_id": self.register[cashier],
            "created_by": cashier,
            "created_at": created,
            "updated_at": created,
            "transaction_id": None,
            "gateway_amount_minor": None,
            "org_amount_minor": None,
            "payout_amount_minor": None,
            "card_mask": None,
            "card_type": None,
            "card_id": None,
            "reference": None,
            "approval_code": None,
            "reason": None,
            "reason_code": None,
            "bank_time": None,
            "bank_status": None,
            "reason_code_text": None,
            "token_expires_at": created + timedelta(minutes=20),
            "next_poll_at": None,
            "last_polled_at": None,
            "poll_count": 0,
            "version": 1,
        }
        outcome = self.outcome(created)
        self._fill(row, outcome, amount, cashier, created)
        row["list_amount_minor"] = list_amount_minor(
            row["status"],
            amount,
            row["gateway_amount_minor"],
            row["org_amount_minor"],
            row["payout_amount_minor"],
        )
        row["list_refunded_minor"] = list_refunded_minor(row["payout_amount_minor"])
        row["card_last4"] = card_last4(row["card_mask"])
        self.counts[row["status"]] += 1
        self.payments.append(row)
        if len(self.payments) >= _BATCH:
            self.flush()

    def _fill(self, row: dict[str, Any], outcome: str, amount: int, cashier: int, created: datetime) -> None:
        rng = self.rng
        if outcome == "cashier_cancel":
            row.update(status=ConsoleStatus.CASHIER_CANCEL.value, reason="cancelled at the counter")
            row["updated_at"] = created + timedelta(seconds=rng.randint(20, 300))
            return
        if outcome in ("expired", "pending"):
            if outcome == "pending":
                row.update(status=ConsoleStatus.PENDING.value, next_poll_at=created + timedelta(seconds=15))
            else:
                row.update(status=ConsoleStatus.EXPIRED.value, poll_count=rng.randint(3, 9))
                row["updated_at"] = row["last_polled_at"] = created + timedelta(minutes=25)
            return
        bin6, card_type = rng.choice(_BINS)
        seen = created + timedelta(seconds=rng.randint(25, 150))
        row.update(
            transaction_id=_uuid(rng),
            card_mask=f"{bin6}...{rng.randrange(10_000):04d}",
            card_type=card_type,
            bank_time=seen - timedelta(seconds=3),
            last_polled_at=seen,
            updated_at=seen,
            poll_count=rng.randint(1, 4),
        )
        if outcome == "declined":
            status, code, reason = rng.choice(DECLINES)
            row.update(
                status=status.value, gateway_amount_minor=0, org_amount_minor=amount, payout_amount_minor=0
            )
            row.update(reason=reason, reason_code=code)
            self._event(row["id"], seen, status.value, amount, code, reason, row["card_mask"])
            return
        row.update(
            reference=f"{rng.randrange(10**12):012d}",
            approval_code=f"{rng.randrange(10**6):06d}",
            gateway_amount_minor=amount,
            org_amount_minor=amount,
            payout_amount_minor=0,
        )
        later = min(self.end - timedelta(minutes=1), seen + timedelta(hours=rng.randint(1, 72)))
        if outcome == "held":
            row.update(status=ConsoleStatus.AUTH.value, next_poll_at=seen + timedelta(minutes=15))
        elif outcome == "cancelled":
            self._op(row, "CANCEL", amount, self.managers[0], None, later, None)
            row.update(status=ConsoleStatus.CANCEL.value, updated_at=later)
        elif outcome == "held_charged":
            charged = amount
            if rng.random() < 0.2 and amount >= 2 * _MIN_REFUND:
                charged = max(_MIN_REFUND, amount * rng.randint(30, 95) // 100)
            self._op(row, "CHARGE", charged, cashier, None, later, None)
            row.update(status=ConsoleStatus.CHARGE.value, gateway_amount_minor=charged, updated_at=later)
        else:
            row["status"] = ConsoleStatus.CHARGE.value
            if outcome in ("refunded", "partly_refunded"):
                self._refunds(row, outcome == "refunded", amount, cashier, later)

    def _refunds(self, row: dict[str, Any], full: bool, captured: int, cashier: int, when: datetime) -> None:
        """One to three SUCCEEDED refunds; their sum is the payout, never more than was captured."""
        rng = self.rng
        parts: list[int] = []
        left = captured
        if full:
            pieces = 1 if captured < 3 * _MIN_REFUND or rng.random() < 0.8 else 2
            for _ in range(pieces - 1):
                part = max(_MIN_REFUND, left * rng.randint(20, 60) // 100)
                parts.append(part)
                left -= part
            parts.append(left)
        elif captured >= 2 * _MIN_REFUND:
            for _ in range(rng.randint(1, 3)):
                if left < 2 * _MIN_REFUND:
                    break
                part = max(_MIN_REFUND, left * rng.randint(5, 60) // 100 // 100 * 100)
                part = min(part, left - _MIN_REFUND)
                parts.append(part)
                left -= part
        if not parts:
            return
        payout = 0
        for part in parts:
            asker = rng.choice((cashier, self.managers[0]))
            approver = self.managers[1] if asker != self.managers[1] and part > 5_000_000 else None
            self._op(row, "REFUND", part, asker, approver, when, rng.choice(REFUND_REASONS), payout)
            payout += part
            when = min(self.end - timedelta(seconds=1), when + timedelta(hours=rng.randint(1, 48)))
        row.update(
            gateway_amount_minor=captured - payout,
            payout_amount_minor=payout,
            status=ConsoleStatus.REFUND.value if payout == captured else ConsoleStatus.CHARGE.value,
            updated_at=when,
        )

    def _op(
        self,
        row: dict[str, Any],
        kind: str,
        amount: int,
        asker: int,
        approver: int | None,
        when: datetime,
        reason: str | None,
        payout_before: int = 0,
    ) -> None:
        captured = row["gateway_amount_minor"] if kind == "REFUND" else None  # reduced after the refunds
        self.ops.append(
            {
                "id": _uuid(self.rng),
                "payment_id": row["id"],
                "kind": kind,
                "amount_minor": amount,
                "state": "SUCCEEDED",
                "expected_remaining_minor": None if captured is None else captured - payout_before - amount,
                "base_payout_minor": payout_before,
                "base_status": ConsoleStatus.AUTH.value if kind != "REFUND" else ConsoleStatus.CHARGE.value,
                "requested_by": asker,
                "approved_by": approver,
                "reason": reason,
                "attempts": 1,
                "gateway_code": 0,
                "gateway_message": None,
                "created_at": when,
                "sent_at": when,
                "resolved_at": when + timedelta(seconds=2),
            }
        )
        self.op_count += 1

    def _event(
        self, pid: int, at: datetime, status: str, amount: int, code: int, reason: str, mask: str
    ) -> None:
        self.events.append(
            {
                "payment_id": pid,
                "kind": "attempt",
                "at": at,
                "bank_time": at - timedelta(seconds=3),
                "status": status,
                "amount_minor": amount,
                "reason_code": code,
                "reason": reason,
                "card_mask": mask,
                "note": None,
            }
        )
        self.event_count += 1

    def flush(self) -> None:
        for table, rows in (
            (PaymentRow, self.payments),
            (MoneyOpRow, self.ops),
            (PaymentEventRow, self.events),
        ):
            if rows:
                self.conn.execute(insert(table), rows)
                rows.clear()


def _add_users(
    conn: Connection, pepper_file: Path | None, password: str, now: datetime
) -> dict[Role, list[int]]:
    """The users; with no pepper file (a server database, no --pepper) nobody can log in with
    ``password``: the hash is made with a throwaway pepper."""
    pepper = load_or_create_secret_file(pepper_file) if pepper_file is not None else os.urandom(32)
    hashed = Passwords(pepper).hash(password)  # one hash, shared by every user
    audit_file = pepper_file.parent / "audit.key" if pepper_file is not None else None
    audit_key = (
        load_or_create_key_file(audit_file, name="audit key", if_lost="a new key would break the audit chain")
        if audit_file is not None
        else os.urandom(32)
    )
    # a database the console made already has a log (its own users): the generated users are chained after it
    last = conn.execute(select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)).first()
    start, prev = (int(last[0]), str(last[1])) if last is not None else (0, GENESIS_HASH)
    ids: dict[Role, list[int]] = {role: [] for role in Role}
    for name, role in _USERS:
        values = {
            "name": name,
            "name_key": name_key(name),
            "role": role.value,
            "password_hash": hashed,
            "active": True,
            "failed_attempts": 0,
            "locked_until": None,
            "created_at": now,
            "updated_at": now,
        }
        key = conn.execute(insert(UserRow).values(values)).inserted_primary_key
        assert key is not None
        ids[role].append(int(key[0]))
        seq = start + sum(len(v) for v in ids.values())
        subject = f"user:{int(key[0])}"
        details = canonical_details({"name": name, "role": role.value, "first_user": seq == 1})
        entry = AuditEntry(seq, now, None, "user.added", subject, details, prev, hash="")  # hashed below
        entry = replace(entry, hash=entry_hash(audit_key, prev, entry))
        conn.execute(insert(AuditRow).values(asdict(entry)))
        prev = entry.hash
    return ids


def _invoice_ids(rng: random.Random, size: int) -> Iterator[InvoiceId]:
    """The allocator's ids: a random 9-digit base leaving room for 10^6 ids, then consecutive."""
    base = rng.randrange(100_000_000, 10**INVOICE_WIDTH - INVOICE_ID_LIMIT)
    for k in range(size):
        yield InvoiceId.from_number(base + k, width=INVOICE_WIDTH)


def generate(
    url: str,
    size: int,
    *,
    seed: int = 1,
    end: datetime = _DEFAULT_END,
    password: str = DEFAULT_PASSWORD,
    pepper_file: Path | None = None,
) -> GenerateResult:
    """Migrate the database at ``url`` and fill it with ``size`` payments (one transaction).

    ``pepper_file``: the console's PIN pepper the users' password is hashed with (default: the
    ``pepper.key`` next to a SQLite file, created if missing; none for a server database).

    Raises ValueError for a size outside 1..10^6 (the gateway's distinct invoice tails) or a
    database that already holds payments.
    """
    if not 1 <= size <= INVOICE_ID_LIMIT:
        raise ValueError(f"size must be 1 to {INVOICE_ID_LIMIT:,} (the invoice ids one shop may use)")
    started = time.perf_counter()
    engine = make_engine(url)
    try:
        migrate(engine)
        if pepper_file is None and engine.dialect.name == "sqlite":
            pepper_file = Path(engine.url.database or "").resolve().parent / "pepper.key"
        rng = random.Random(seed)
        with engine.begin() as conn:
            if conn.execute(select(func.count()).select_from(PaymentRow)).scalar_one():
                raise ValueError(f"{engine.url.render_as_string(hide_password=True)} already holds payments")
            if engine.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MiB: the indexes stay in memory
            status_counts.suspend(conn)  # the status summary is counted once at the end (decision 0056)
            users = _add_users(conn, pepper_file, password, end - timedelta(days=_DAYS + 1))
            writer = _Writer(conn, rng, end, users)
            first = last = None
            for pid, (invoice, created) in enumerate(
                zip(_invoice_ids(rng, size), _moments(rng, end, size), strict=True), start=1
            ):
                first = first or invoice
                last = invoice
                writer.add(pid, invoice, created)
            writer.flush()
            assert first is not None and last is not None
            if engine.dialect.name == "postgresql":  # ids were given: move the sequence past them
                conn.execute(text("SELECT setval(pg_get_serial_sequence('payments', 'id'), :n)"), {"n": size})
            status_counts.recount(conn)
            base = int(first.value)
            conn.execute(
                insert(CounterRow),
                [
                    {"name": INVOICE_COUNTER_BASE, "value": base},
                    {"name": INVOICE_COUNTER, "value": int(last.value)},
                ],
            )
        with engine.begin() as conn:  # statistics for the planner (decision 0051)
            conn.execute(text("ANALYZE"))
        return GenerateResult(
            size=size,
            seed=seed,
            users=len(_USERS),
            money_ops=writer.op_count,
            events=writer.event_count,
            first_invoice=first.value,
            last_invoice=last.value,
            statuses=dict(sorted(writer.counts.items())),
            seconds=round(time.perf_counter() - started, 1),
        )
    finally:
        engine.dispose()


def generate_quietly(url: str, size: int, *, seed: int = 1) -> GenerateResult:
    """:func:`generate` with nothing on stdout (the migrations' words): a benchmark's ``--smoke`` data
    set, whose stdout carries only figures."""
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        return generate(url, size, seed=seed)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Fill a new epay-desktop database with N generated payments (seeded, reproducible).",
    )
    parser.add_argument("--size", type=int, required=True, help="payments to write (1 to 1,000,000)")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", type=Path, help="SQLite file to create (must not hold payments)")
    where.add_argument("--url", help="SQLAlchemy URL instead, e.g. postgresql+psycopg://user@host/db")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--end",
        type=date.fromisoformat,
        default=_DEFAULT_END.date(),
        help="the data set's 'now' (date, UTC noon; default 2026-12-01); payments cover two years before",
    )
    parser.add_argument("--password", default=DEFAULT_PASSWORD, help="every generated user's password")
    parser.add_argument(
        "--pepper", type=Path, help="the console's pepper.key (default: next to --db; none for --url)"
    )
    args = parser.parse_args(argv)
    url = args.url or f"sqlite:///{args.db.resolve()}"
    end = datetime.combine(args.end, _DEFAULT_END.time(), tzinfo=UTC)
    try:
        result = generate(
            url, args.size, seed=args.seed, end=end, password=args.password, pepper_file=args.pepper
        )
    except ValueError as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result.__dict__, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
