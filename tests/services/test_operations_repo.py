"""OperationRepo (tx.operations) on SQLite and PostgreSQL: the database's own guard rails."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OperationInProgress
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.changes import GatewayAnswer
from epay_desktop.store.db import Store
from epay_desktop.store.repos.operations import IllegalTransition
from tests.support import ops_harness as h
from tests.support.builders import op_intent
from tests.support.builders import stored_payment

T0 = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)


def _refund_asked(store: Store, number: int) -> tuple[User, Payment, MoneyOp]:
    """A manager, their paid payment ``number`` and a refund of 10 tenge of it asked (SENDING) at T0."""
    user = h.add_user(store, "Manager", Role.MANAGER)
    payment = stored_payment(store, number, at=T0, created_by=user.id, description="")
    with store.write() as tx:
        op = tx.operations.insert_intent(payment, op_intent("10", user.id), now=T0)
    return user, payment, op


def test_the_database_allows_one_unresolved_operation_per_payment(store: Store) -> None:
    user, payment, first = _refund_asked(store, 300_001)
    with pytest.raises(OperationInProgress), store.write() as tx:
        tx.operations.insert_intent(payment, op_intent("20", user.id), now=T0)
    with store.write() as tx:
        tx.operations.mark(first.id, OpState.SUCCEEDED, now=T0 + timedelta(seconds=1))
        second = tx.operations.insert_intent(payment, op_intent("20", user.id), now=T0 + timedelta(seconds=2))
    with store.read() as tx:
        assert [o.id for o in tx.operations.list_for_payment(payment.id)] == [first.id, second.id]
        assert tx.operations.unresolved_for_payment(payment.id) == second
        assert [o.id for o in tx.operations.all_unresolved()] == [second.id]
        sums = tx.operations.refund_sums(payment.id)
    assert (sums.succeeded_minor, sums.in_flight_minor) == (1000, 2000)


def test_mark_follows_the_allowed_transitions_only(store: Store) -> None:
    _user, _payment, op = _refund_asked(store, 300_002)
    assert (op.state, op.attempts, op.sent_at) == (OpState.SENDING, 1, T0)
    with store.write() as tx:
        unknown = tx.operations.mark(op.id, OpState.UNKNOWN, now=T0, answer=GatewayAnswer(message="timeout"))
        assert unknown.resolved_at is None and unknown.gateway_message == "timeout"
    with pytest.raises(IllegalTransition), store.write() as tx:
        tx.operations.mark(op.id, OpState.FAILED, now=T0)  # time never turns UNKNOWN into FAILED
    later = T0 + timedelta(minutes=5)
    with store.write() as tx:
        tx.operations.mark(op.id, OpState.NEEDS_REVIEW, now=later)
        retried = tx.operations.mark(op.id, OpState.SENDING, now=later)
        done = tx.operations.mark(op.id, OpState.SUCCEEDED, now=later, answer=GatewayAnswer(code=0))
    assert (retried.attempts, retried.sent_at) == (2, later)
    assert (done.state, done.resolved_at, done.gateway_code) == (OpState.SUCCEEDED, later, 0)
    with pytest.raises(IllegalTransition), store.write() as tx:
        tx.operations.mark(op.id, OpState.FAILED, now=later)
