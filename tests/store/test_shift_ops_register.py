"""A money operation counts in the shift of the register that asked it (migration 0011, decision 0119):
a refund at counter B of a sale taken at counter A is B's; operations made before 0011 (no register)
still count at their payment's register; the day at a glance counts every one once, whichever counter."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

from alembic import command
from sqlalchemy import event
from sqlalchemy import text

from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import Totals
from epay_desktop.store.db import Store
from epay_desktop.store.migrations import head_revision
from epay_desktop.store.migrations import migrate
from epay_desktop.store.migrations.runner import alembic_config
from tests.support.builders import op_intent
from tests.support.builders import stored_operation
from tests.support.builders import stored_payment
from tests.support.database import open_store
from tests.support.ops_harness import add_user

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)
UNTIL = NOW + timedelta(hours=2)


def _op_at(store: Store, paid: Payment, register: str | None, state: OpState, amount: str, by: int) -> None:
    """A refund of ``paid`` asked at counter ``register`` at LATER, left in ``state``."""
    with store.write() as tx:
        intent = replace(op_intent(amount, by), register_id=register)
        op = tx.operations.insert_intent(paid, intent, now=LATER)
        assert op.register_id == register
        if state is not OpState.SENDING:
            tx.operations.mark(op.id, state, now=LATER)


def _figures(store: Store, register: str) -> dict[FigureKind, tuple[int, int]]:
    with store.read() as tx:
        totals = Totals.of(tx.shifts.lines(register, NOW, UNTIL))
    return {f.kind: (f.count, f.total.minor) for f in totals.figures if f.count}


def _shift_of(store: Store, register: str) -> tuple[list[int], int]:
    """(the ids of the shift's payments, how many of its operations are unresolved)."""
    with store.read() as tx:
        payments = [p.id for p in tx.shifts.payments(register, NOW, UNTIL)]
        return payments, tx.shifts.unresolved_ops(register, NOW, UNTIL)


def _refunded_at_b(store: Store) -> tuple[User, User, Payment]:
    """A cashier and a manager; the cashier's sale of 1000 at till-A, 300 of it refunded at till-B by
    the manager."""
    cashier = add_user(store, "Cashier", Role.CASHIER)
    manager = add_user(store, "Manager", Role.MANAGER)
    sale = stored_payment(store, 1, "1000", at=NOW, created_by=cashier.id, register_id="till-A")
    _op_at(store, sale, "till-B", OpState.SUCCEEDED, "300", manager.id)
    return cashier, manager, sale


def test_a_refund_at_counter_b_of_a_sale_at_a_counts_in_bs_shift(db_store: Store) -> None:
    cashier, manager, sale = _refunded_at_b(db_store)
    other = stored_payment(db_store, 2, "500", at=NOW, created_by=cashier.id, register_id="till-A")
    _op_at(db_store, other, "till-B", OpState.UNKNOWN, "50", manager.id)  # B's, not yet known

    assert _figures(db_store, "till-A") == {FigureKind.SALES: (2, 150_000)}
    assert _figures(db_store, "till-B") == {FigureKind.REFUNDS: (1, 30_000)}
    with db_store.read() as tx:
        b_lines = tx.shifts.lines("till-B", NOW, UNTIL)
    assert {(line.kind, line.cashier_id) for line in b_lines} == {(FigureKind.REFUNDS, manager.id)}
    # the payments B's bank check asks about: the two it acted on; A's: the two it took
    assert _shift_of(db_store, "till-A") == ([sale.id, other.id], 0)
    assert _shift_of(db_store, "till-B") == ([sale.id, other.id], 1)


def test_operations_without_a_register_count_at_the_sales_register(db_store: Store) -> None:
    """Rows made before migration 0011 (and the demo's, made at no counter) have no register."""
    manager = add_user(db_store, "Manager", Role.MANAGER)
    sale = stored_payment(db_store, 1, "1000", at=NOW, register_id="till-A")
    stored_operation(db_store, sale, OpState.SUCCEEDED, LATER, "200", requested_by=manager.id)
    stored_operation(db_store, sale, OpState.UNKNOWN, LATER, "100", requested_by=manager.id)

    assert _figures(db_store, "till-A") == {FigureKind.SALES: (1, 100_000), FigureKind.REFUNDS: (1, 20_000)}
    assert _figures(db_store, "till-B") == {}
    assert _shift_of(db_store, "till-A") == ([sale.id], 1)
    assert _shift_of(db_store, "till-B") == ([], 0)


def test_the_day_at_a_glance_counts_each_operation_once_whichever_counter(db_store: Store) -> None:
    cashier, manager, sale = _refunded_at_b(db_store)
    held = stored_payment(db_store, 2, "700", at=NOW, created_by=cashier.id, register_id="till-B")
    _op_at(db_store, held, "till-A", OpState.SUCCEEDED, "100", cashier.id)  # A refunds B's sale
    stored_operation(db_store, sale, OpState.SUCCEEDED, LATER, "50", requested_by=manager.id)  # old row

    with db_store.read() as tx:
        day = tx.day.lines([NOW], NOW, UNTIL)
    refunds = [line for line in day if line.what == FigureKind.REFUNDS.value]
    by_person = {line.cashier_id: (line.count, line.total_minor) for line in refunds}
    assert by_person == {manager.id: (2, 35_000), cashier.id: (1, 10_000)}
    shifts = [
        _figures(db_store, register).get(FigureKind.REFUNDS, (0, 0)) for register in ("till-A", "till-B")
    ]
    assert shifts == [(2, 15_000), (1, 30_000)]  # A: its own 100 and the old 50; B: its 300
    assert sum(total for _, total in shifts) == sum(line.total_minor for line in refunds)


def test_a_database_at_0008_keeps_its_operations_counted_at_the_sales_register(engine_for, db_url):
    """Upgrade from the previous head with data: the operations stay, without a register, and the
    shift of the sale's register still counts them."""
    engine = engine_for(db_url)
    naive = (NOW + timedelta(minutes=1)).replace(tzinfo=None)  # inside the shift whatever the text form
    with engine.begin() as conn:
        command.upgrade(alembic_config(connection=conn), "0008")
        conn.execute(
            text(
                "INSERT INTO users (id, name, name_key, role, password_hash, active, failed_attempts, "
                "created_at, updated_at) VALUES (1, 'Manager', 'manager', 'manager', 'x', true, 0, :t, :t)"
            ),
            {"t": naive},
        )
        conn.execute(
            text(
                "INSERT INTO payments (id, invoice_id, invoice_tail, amount_minor, currency, status, "
                "description, save_card, language, register_id, created_at, updated_at, poll_count, "
                "version, transaction_id) VALUES (1, '000000001', '000001', 100000, 'KZT', 'CHARGE', '', "
                "false, 'rus', 'till-A', :t, :t, 0, 1, 'tx-1')"
            ),
            {"t": naive},
        )
        conn.execute(
            text(
                "INSERT INTO money_ops (id, payment_id, kind, amount_minor, state, requested_by, attempts, "
                "created_at) VALUES ('op-1', 1, 'REFUND', 20000, 'SUCCEEDED', 1, 1, :t)"
            ),
            {"t": LATER.replace(tzinfo=None)},
        )
    result = migrate(engine)
    assert (result.before, result.after) == ("0008", head_revision())
    store = open_store(db_url)
    try:
        with store.read() as tx:
            (op,) = tx.operations.list_for_payment(1)
        assert (op.id, op.kind, op.amount.minor, op.register_id) == ("op-1", OpKind.REFUND, 20_000, None)
        assert _figures(store, "till-A") == {FigureKind.SALES: (1, 100_000), FigureKind.REFUNDS: (1, 20_000)}
        assert _figures(store, "till-B") == {}
    finally:
        store.close()


def _explained(url: str, explain: str, *setup: str) -> list[str]:
    """The plans of the shift queries of the operations (lines, unresolved, payments) over a generated
    database: a day around a refunded payment, at its register."""
    store = open_store(url)
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, params: Any, _context: Any, _many: bool) -> None:
        if "money_ops.created_at" in statement:  # the queries of the shift's operations
            statements.append((statement, params))

    try:
        with store.read() as tx:
            op = tx.operations.all_unresolved()[0]
            register = tx.payments.get(op.payment_id).register_id
        start, end = op.created_at - timedelta(hours=12), op.created_at + timedelta(hours=12)
        event.listen(store.engine, "before_cursor_execute", keep)
        with store.read() as tx:
            tx.shifts.lines(register, start, end)
            tx.shifts.unresolved_ops(register, start, end)
            tx.shifts.payments(register, start, end)
        event.remove(store.engine, "before_cursor_execute", keep)
        assert len(statements) == 3
        with store.engine.connect() as conn:
            for line in setup:
                conn.execute(text(line))
            raw = conn.connection.driver_connection
            assert raw is not None
            column = 3 if explain == "EXPLAIN QUERY PLAN" else 0
            return [
                "\n".join(str(row[column]) for row in raw.execute(f"{explain} {s}", p)) for s, p in statements
            ]
    finally:
        store.close()


def test_the_shift_queries_find_their_operations_by_index_on_sqlite(list_db_url: str) -> None:
    """No shift query reads every money operation or payment: the window's operations by
    ``ix_money_ops_created_at`` (the register is a filter on those few rows), payments by key."""
    for plan in _explained(list_db_url, "EXPLAIN QUERY PLAN"):
        assert "SCAN" not in plan and "ix_money_ops_created_at" in plan, plan


def test_the_shift_queries_have_an_index_path_on_postgresql(pg_plans_db_url: str) -> None:
    for plan in _explained(pg_plans_db_url, "EXPLAIN", "SET enable_seqscan = off"):
        assert "Seq Scan on money_ops" not in plan and "Seq Scan on payments" not in plan, plan
