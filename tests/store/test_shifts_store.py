"""ShiftRepo (migration 0008): one open shift per register is the database's rule, numbers are gap-free
per register, and a shift's figures are summed by the database (decision 0107)."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import ShiftAlreadyOpen
from epay_desktop.domain.shifts import Totals
from epay_desktop.store.db import Store
from epay_desktop.store.models import ShiftRow
from epay_desktop.store.repos.shifts import ShiftRepo
from tests.support.builders import new_payment
from tests.support.builders import stored_operation
from tests.support.builders import stored_payment
from tests.support.ops_harness import add_user

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _open(store: Store, register: str, user_id: int, at: datetime = NOW) -> int:
    with store.write() as tx:
        return tx.shifts.open(register, user_id, at).number


def _close(store: Store, register: str, user_id: int, at: datetime = NOW) -> None:
    with store.write() as tx:
        shift = tx.shifts.current(register)
        assert shift is not None
        tx.shifts.close(shift.id, closed_by=user_id, requested_by=None, now=at, anchor=None, z_report="{}")


def test_a_second_open_shift_of_a_register_is_refused_by_the_database(db_store: Store) -> None:
    user = add_user(db_store, "Manager", Role.MANAGER)
    _open(db_store, "till-1", user.id)
    with pytest.raises(IntegrityError), db_store.write() as tx:  # past the repository's own check
        tx.session.add(ShiftRow(register_id="till-1", number=99, opened_at=NOW, opened_by=user.id))
        tx.session.flush()
    assert _open(db_store, "till-2", user.id) == 1  # another register has its own shift


def test_what_the_check_misses_the_index_refuses_and_no_number_is_used(
    db_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two counters at once on PostgreSQL: the second's check ran before the first committed, so it sees
    no open shift; its insert then fails on the index and says so, and its number is given back."""
    user = add_user(db_store, "Manager", Role.MANAGER)
    assert _open(db_store, "till-1", user.id) == 1
    with monkeypatch.context() as m:
        m.setattr(ShiftRepo, "current", lambda self, register_id, **_: None)
        with pytest.raises(ShiftAlreadyOpen, match="Shift 1 is already open at register till-1"):
            _open(db_store, "till-1", user.id)
    with db_store.read() as tx:
        assert tx.counters.current("shift.till-1") == 1
        assert [s.number for s in tx.shifts.recent("till-1", 10)] == [1]


def test_numbers_are_gap_free_per_register_and_a_refused_open_uses_none(db_store: Store) -> None:
    user = add_user(db_store, "Manager", Role.MANAGER)
    assert _open(db_store, "till-1", user.id) == 1
    with pytest.raises(ShiftAlreadyOpen):
        _open(db_store, "till-1", user.id)
    _close(db_store, "till-1", user.id)
    assert _open(db_store, "till-1", user.id) == 2
    assert _open(db_store, "till-2", user.id) == 1
    with db_store.read() as tx:
        assert [s.number for s in tx.shifts.recent("till-1", 10)] == [2, 1]
        assert tx.counters.current("shift.till-1") == 2


def test_the_figures_are_summed_per_kind_cashier_and_brand(db_store: Store) -> None:
    cashier = add_user(db_store, "Cashier", Role.CASHIER)
    manager = add_user(db_store, "Manager", Role.MANAGER)
    later = NOW + timedelta(hours=1)

    def paid(n: int, status: ConsoleStatus, amount: str, **more: object) -> Payment:
        return stored_payment(db_store, n, amount, at=NOW, status=status, created_by=cashier.id, **more)

    sale = paid(1, ConsoleStatus.CHARGE, "1000", card_type="VISA")
    paid(2, ConsoleStatus.REFUND, "500", card_type="MC", gateway_amount="0", payout="500")
    held = paid(3, ConsoleStatus.CHARGE, "700", card_type="VISA")  # a hold the console charged
    stored_operation(
        db_store, held, OpState.SUCCEEDED, later, "600", requested_by=manager.id, kind=OpKind.CHARGE
    )
    paid(4, ConsoleStatus.AUTH, "300", card_type="VISA")
    with db_store.write() as tx:
        new_payment(tx, 5, "100", at=NOW, created_by=cashier.id)  # not paid: no figure
    stored_operation(db_store, sale, OpState.SUCCEEDED, later, "200", requested_by=manager.id)
    stored_operation(db_store, sale, OpState.UNKNOWN, later, "50", requested_by=manager.id)  # counted apart
    paid(6, ConsoleStatus.CHARGE, "9999", register_id="till-2")  # another register
    stored_payment(db_store, 7, "9999", at=NOW - timedelta(seconds=1))  # before the shift

    with db_store.read() as tx:
        lines = tx.shifts.lines("till-1", NOW, NOW + timedelta(hours=2))
        unresolved = tx.shifts.unresolved_ops("till-1", NOW, NOW + timedelta(hours=2))
        payments = tx.shifts.payments("till-1", NOW, NOW + timedelta(hours=2))
    totals = Totals.of(lines)
    figures = {f.kind: (f.count, f.total.minor) for f in totals.figures}
    assert figures == {
        FigureKind.SALES: (2, 150_000),
        FigureKind.HOLDS: (2, 100_000),
        FigureKind.CHARGES: (1, 60_000),
        FigureKind.CANCELS: (0, 0),
        FigureKind.REFUNDS: (1, 20_000),
    }
    assert totals.net_minor == 150_000 + 60_000 - 20_000 and unresolved == 1
    by_cashier = {(line.kind, line.cashier_id) for line in lines}
    assert (FigureKind.CHARGES, manager.id) in by_cashier and (FigureKind.SALES, cashier.id) in by_cashier
    assert {line.brand for line in lines} == {"VISA", "MC"}
    assert len(payments) == 5  # the shift's five at till-1, the PENDING one included
