"""benchmarks.generate: a data set the console itself reads back consistently (issue 10).

2,000 generated payments are listed, counted and opened through the console's own services; the
numbers must agree with what the generator says it wrote, refunds never exceed what was captured,
cards are masks only, the invoice allocator continues after the generated ids, and the generated
users can log in. Not timed (the benchmarks time it).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from benchmarks.generate import _USERS
from benchmarks.generate import DEFAULT_PASSWORD
from benchmarks.generate import GenerateResult
from benchmarks.generate import generate
from benchmarks.generate import main
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.services.audit import AuditService
from epay_desktop.services.payments.queries import ListQuery
from epay_desktop.services.payments.queries import ListSort
from epay_desktop.services.payments.queries import PaymentQueries
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.services.people.users import UserService
from epay_desktop.store.db import Store
from epay_desktop.store.db import make_engine
from epay_desktop.store.list_keys import list_keys_of
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentEventRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.models import UserRow

SIZE = 2_000


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GenerateResult]:
    folder = tmp_path_factory.mktemp("generated")
    db = folder / "epay-desktop.db"
    return db, generate(f"sqlite:///{db}", SIZE, seed=7)


def test_the_console_reads_back_what_was_generated(generated):
    db, result = generated
    store = Store(make_engine(f"sqlite:///{db}"))
    queries = PaymentQueries(store)

    async def read() -> tuple[list, object, object]:
        seen, cursor = [], None
        while True:  # the list the console shows today, page by page
            page = await queries.list_payments(limit=500, after=cursor)
            seen.extend(page.payments)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        counts = await queries.list_counts(ListQuery())
        top = await queries.list_page(ListQuery(sort=ListSort.AMOUNT), limit=1)
        return seen, counts, top

    try:
        payments, counts, top = asyncio.run(read())
        assert len(payments) == len({p.invoice_id for p in payments}) == SIZE == result.size
        by_status = Counter(p.status.value for p in payments)
        assert dict(by_status) == result.statuses
        assert counts.total == SIZE and {s.value: n for s, n in counts.by_status.items()} == result.statuses
        # the realistic mix: every outcome the brief names is there
        for status in ("CHARGE", "REFUND", "CANCEL", "REJECT", "EXPIRED", "CASHIER_CANCEL"):
            assert by_status[status] > 0, status
        partly_refunded = [
            p for p in payments if p.status is ConsoleStatus.CHARGE and (p.payout_amount or Money(0))
        ]
        assert partly_refunded
        # long-tailed integer amounts: many small, a few large
        amounts = sorted(p.amount.minor for p in payments)
        assert all(isinstance(a, int) and a > 0 for a in amounts)
        assert amounts[SIZE // 2] < 1_000_000 < amounts[-1]  # median under 10,000 ₸, the largest above
        assert list_keys_of(top.payments[0])[0] == max(list_keys_of(p)[0] for p in payments)
        # newest first, over two years, ids following time
        assert payments[0].created_at - payments[-1].created_at > timedelta(days=700)
        assert [p.id for p in payments] == sorted((p.id for p in payments), reverse=True)

        views = asyncio.run(_views(queries, [p.invoice_id for p in payments if p.payout_amount]))
        for view in views:  # refunds as the console's books read them
            p = view.payment
            assert view.refunded == p.payout_amount
            captured = p.gateway_amount + p.payout_amount
            assert view.refunded <= captured <= p.amount
            assert view.remaining == captured - view.refunded
        assert any(v.status is ConsoleStatus.REFUND and v.remaining.minor == 0 for v in views)
    finally:
        store.close()


async def _views(queries: PaymentQueries, invoices: list[InvoiceId]) -> list:
    return [await queries.get_view(invoice) for invoice in invoices]


def test_the_rows_are_consistent_with_the_schema_rules(generated):
    db, result = generated
    engine = make_engine(f"sqlite:///{db}")
    try:
        with Session(engine) as s:
            refunds = dict(
                s.execute(
                    select(MoneyOpRow.payment_id, func.sum(MoneyOpRow.amount_minor))
                    .where(MoneyOpRow.kind == "REFUND", MoneyOpRow.state == "SUCCEEDED")
                    .group_by(MoneyOpRow.payment_id)
                ).all()
            )
            users = {u.id: u for u in s.scalars(select(UserRow))}
            assert len(users) == result.users
            assert s.scalar(select(func.count()).select_from(MoneyOpRow)) == result.money_ops > 0
            assert s.scalar(select(func.count()).select_from(PaymentEventRow)) == result.events > 0
            full_number = re.compile(r"\d{12,19}")
            for row in s.scalars(select(PaymentRow)):
                assert refunds.get(row.id, 0) == (row.payout_amount_minor or 0), row.id
                if row.card_mask is not None:
                    assert re.fullmatch(r"\d{6}\.\.\.\d{4}", row.card_mask)
                for value in (row.card_mask, row.description, row.card_id, row.reason):
                    assert value is None or not full_number.search(value.replace(".", "")), row.id
                assert row.created_by in users
                assert InvoiceId(row.invoice_id).tail == row.invoice_tail
            # the generated users log in with the password, through the pepper next to the database
            hashed = next(iter(users.values())).password_hash
            pepper = (db.parent / "pepper.key").read_bytes()
            assert Passwords(pepper).verify(hashed, DEFAULT_PASSWORD)
    finally:
        engine.dispose()
    audited = Store(make_engine(f"sqlite:///{db}"), audit_key=(db.parent / "audit.key").read_bytes())
    try:  # a manager logs in: the role stored is the one the audit log gave (decision 0075)
        pepper = (db.parent / "pepper.key").read_bytes()
        service = UserService(audited, Passwords(pepper))
        manager = next(n for n, role in _USERS if role is Role.MANAGER)
        assert asyncio.run(service.authenticate(manager, DEFAULT_PASSWORD)).role is Role.MANAGER
        assert asyncio.run(AuditService(audited).verify()).ok
    finally:
        audited.close()
    store = Store(make_engine(f"sqlite:///{db}"))
    try:  # the console's allocator continues after the generated invoice ids
        with store.write() as tx:
            nxt = tx.counters.allocate_invoice_id()
        assert int(nxt.value) == int(result.last_invoice) + 1
        assert int(result.last_invoice) - int(result.first_invoice) == SIZE - 1
    finally:
        store.close()


def test_the_same_seed_gives_the_same_database(tmp_path: Path):
    def dump(seed: int, name: str) -> list[tuple]:
        db = tmp_path / name / "x.db"
        db.parent.mkdir()
        generate(f"sqlite:///{db}", 300, seed=seed)
        engine = make_engine(f"sqlite:///{db}")
        try:
            with engine.connect() as conn:
                table = PaymentRow.__table__
                columns = [c for c in table.c if c.name != "id"]
                return [tuple(r) for r in conn.execute(select(*columns).order_by(table.c.id))]
        finally:
            engine.dispose()

    seed_3 = dump(3, "a")
    assert seed_3 == dump(3, "b")
    assert seed_3 != dump(4, "c")


def test_command_line(tmp_path: Path, capsys):
    db = tmp_path / "cli.db"
    assert main(["--size", "50", "--db", str(db), "--seed", "2"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["size"] == 50 and sum(said["statuses"].values()) == 50
    assert main(["--size", "50", "--db", str(db)]) == 2  # never on top of existing payments
    assert "already holds payments" in capsys.readouterr().err
    assert main(["--size", "1000001", "--db", str(tmp_path / "big.db")]) == 2
    assert "1,000,000" in capsys.readouterr().err
