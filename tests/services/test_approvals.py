"""Manager approvals (T27): bound to payment/kind/amount/requester, single use, 2-minute expiry, audited."""

from __future__ import annotations

import asyncio
import os
import threading
import uuid
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from argon2 import PasswordHasher

from epay_desktop.domain import AccountLocked
from epay_desktop.domain import ApprovalError
from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import NotFoundError
from epay_desktop.domain import OpKind
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.services.people.users import UserService
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow
from tests.support.clock import Clock


@pytest.fixture
def clock():
    return Clock(datetime(2025, 3, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def service(store, clock):
    return UserService(store, Passwords(os.urandom(32), PasswordHasher(1, 8, 1)), clock=clock)


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def people(service):
    manager = run(service.add_user("manager", Role.MANAGER, "7777", None))
    cashier = run(service.add_user("cashier", Role.CASHIER, "1111", manager))
    other = run(service.add_user("other", Role.CASHIER, "2222", manager))
    return manager, cashier, other


def add_payment(store, clock, invoice="000000123456", amount=10_000):
    with store.write() as tx:
        row = PaymentRow(
            invoice_id=invoice,
            invoice_tail=invoice[-6:],
            amount_minor=amount,
            status="CHARGE",
            register_id="r1",
            created_at=clock(),
            updated_at=clock(),
        )
        tx.session.add(row)
        tx.session.flush()
        return row.id


def consume(
    store, approval_id, *, payment_id, kind=OpKind.REFUND, amount=5_000, requested_by, now, insert_op=True
):
    """What the money-operations service does: consume the approval, then insert the op, one transaction."""
    op_id = str(uuid.uuid4())
    with store.write() as tx:
        approved_by = tx.users.consume_approval(
            approval_id,
            payment_id=payment_id,
            kind=kind,
            amount_minor=amount,
            requested_by=requested_by,
            now=now,
            op_id=op_id,
        )
        if insert_op:
            tx.session.add(
                MoneyOpRow(
                    id=op_id,
                    payment_id=payment_id,
                    kind=kind.value,
                    amount_minor=amount,
                    state="FAILED",
                    requested_by=requested_by,
                    approved_by=approved_by,
                    created_at=now,
                )
            )
    return approved_by, op_id


def approve(
    service, payment_id, requested_by, *, kind=OpKind.REFUND, amount=5_000, name="manager", pin="7777"
):
    return run(
        service.approve(
            name, pin, payment_id=payment_id, kind=kind, amount_minor=amount, requested_by=requested_by
        )
    )


def test_approval_is_bound_and_single_use_and_both_ids_are_audited(service, store, clock, people):
    manager, cashier, other = people
    pay = add_payment(store, clock)
    pay2 = add_payment(store, clock, invoice="000000654321")
    approval = approve(service, pay, cashier)
    assert approval.expires_at == clock() + timedelta(minutes=2)
    assert (approval.approved_by, approval.requested_by) == (manager.id, cashier.id)
    mismatches = [
        {"payment_id": pay2, "requested_by": cashier.id},
        {"payment_id": pay, "requested_by": cashier.id, "amount": 5_001},
        {"payment_id": pay, "requested_by": cashier.id, "kind": OpKind.CANCEL},
        {"payment_id": pay, "requested_by": other.id},
    ]
    for wrong in mismatches:
        with pytest.raises(ApprovalError, match="approved"):
            consume(store, approval.id, now=clock(), **wrong)
    with pytest.raises(ApprovalError, match="not known"):
        consume(store, "no-such-approval", payment_id=pay, requested_by=cashier.id, now=clock())
    approved_by, op_id = consume(store, approval.id, payment_id=pay, requested_by=cashier.id, now=clock())
    assert approved_by == manager.id
    with pytest.raises(ApprovalError, match="already used"):  # replay
        consume(store, approval.id, payment_id=pay, requested_by=cashier.id, now=clock())
    with store.read() as tx:
        entries = list(tx.audit.entries())
    given = [e for e in entries if e.action == "approval.given"]
    used = [e for e in entries if e.action == "approval.used"]
    assert len(given) == len(used) == 1
    assert given[0].actor_id == manager.id and used[0].actor_id == cashier.id
    for entry in (given[0], used[0]):
        assert f'"approved_by":{manager.id}' in entry.details
        assert f'"requested_by":{cashier.id}' in entry.details
    assert op_id in used[0].details


def test_consumption_rolls_back_with_the_callers_transaction(service, store, clock, people):
    _, cashier, _ = people
    pay = add_payment(store, clock)
    approval = approve(service, pay, cashier)
    with pytest.raises(RuntimeError, match="op failed"), store.write() as tx:
        tx.users.consume_approval(
            approval.id,
            payment_id=pay,
            kind=OpKind.REFUND,
            amount_minor=5_000,
            requested_by=cashier.id,
            now=clock(),
            op_id=str(uuid.uuid4()),
        )
        raise RuntimeError("op failed")
    assert consume(store, approval.id, payment_id=pay, requested_by=cashier.id, now=clock())[0]


def test_approval_expires_at_two_minutes(service, store, clock, people):
    _, cashier, _ = people
    pay = add_payment(store, clock)
    first, second = approve(service, pay, cashier), approve(service, pay, cashier)
    consume(store, first.id, payment_id=pay, requested_by=cashier.id, now=clock() + timedelta(seconds=119))
    with pytest.raises(ApprovalError, match="expired"):
        consume(store, second.id, payment_id=pay, requested_by=cashier.id, now=clock() + timedelta(minutes=2))


def test_ttl_cannot_exceed_two_minutes(store, clock):
    with pytest.raises(ValueError, match="at most 2 minutes"):
        UserService(store, Passwords(os.urandom(32)), clock=clock, approval_ttl=timedelta(minutes=3))
    short = UserService(
        store,
        Passwords(os.urandom(32), PasswordHasher(1, 8, 1)),
        clock=clock,
        approval_ttl=timedelta(seconds=30),
    )
    manager = run(short.add_user("m", Role.MANAGER, "7777", None))
    cashier = run(short.add_user("c", Role.CASHIER, "1111", manager))
    pay = add_payment(store, clock)
    approval = approve(short, pay, cashier, name="m")
    assert approval.expires_at - clock() == timedelta(seconds=30)
    with pytest.raises(ApprovalError, match="expired"):
        consume(
            store, approval.id, payment_id=pay, requested_by=cashier.id, now=clock() + timedelta(seconds=30)
        )


def test_two_threads_consume_at_once_exactly_one_wins(service, store, clock, people):
    _, cashier, _ = people
    pay = add_payment(store, clock)
    approval = approve(service, pay, cashier)
    barrier = threading.Barrier(2)
    outcomes: list[object] = []
    lock = threading.Lock()

    def worker() -> None:
        barrier.wait()
        try:
            result: object = consume(store, approval.id, payment_id=pay, requested_by=cashier.id, now=clock())
        except ApprovalError as exc:
            result = exc
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(outcomes) == 2
    errors = [o for o in outcomes if isinstance(o, ApprovalError)]
    assert len(errors) == 1 and "already used" in errors[0].user_message
    with store.read() as tx:
        assert sum(e.action == "approval.used" for e in tx.audit.entries()) == 1


def test_only_managers_approve_and_not_their_own_request(service, store, clock, people):
    manager, cashier, other = people
    pay = add_payment(store, clock)
    with pytest.raises(PermissionDenied, match="not a manager"):
        approve(service, pay, cashier, name="other", pin="2222")
    with pytest.raises(ApprovalError, match="someone else"):
        approve(service, pay, manager)
    with store.read() as tx:
        refused = [e for e in tx.audit.entries() if e.action == "approval.refused"]
    assert [e.actor_id for e in refused] == [other.id, manager.id]


def test_wrong_manager_pins_in_approvals_never_count_towards_the_login_lockout(service, store, clock, people):
    """Was: ten wrong PINs in a cashier's approval box locked the manager's own login (issue 7, point 3)."""
    manager, cashier, _ = people
    pay = add_payment(store, clock)
    for _ in range(3):  # three pauses' worth of wrong tries: 15, more than the login's 10
        for _ in range(5):
            with pytest.raises((AuthenticationFailed, ApprovalError), match="Wrong manager name or PIN"):
                approve(service, pay, cashier, pin="0000")
            clock.now += timedelta(seconds=1)
        clock.now += timedelta(hours=5)  # every pause is over
    with store.read() as tx:
        stored = tx.users.get(manager.id)
        assert (stored.failed_attempts, stored.locked_until) == (0, None)
        assert tx.session.query(MoneyOpRow).count() == 0
        auth = [e for e in tx.audit.entries() if e.action.startswith("auth.") and e.actor_id == manager.id]
        assert all('"purpose":"approval"' not in e.details for e in auth)
    assert run(service.authenticate("manager", "7777")).id == manager.id
    assert approve(service, pay, cashier).approved_by == manager.id


def test_a_login_locked_manager_cannot_approve_until_unlocked(service, store, clock, people):
    manager, cashier, _ = people
    pay = add_payment(store, clock)
    for _ in range(10):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            run(service.authenticate("manager", "0000"))
    with pytest.raises(AccountLocked, match="until a manager unlocks it"):
        approve(service, pay, cashier)
    with store.read() as tx:
        last = list(tx.audit.entries())[-1]
    assert (last.action, last.actor_id) == ("approval.refused", manager.id)
    assert '"reason":"locked"' in last.details


def test_deactivated_manager_approval_no_longer_counts(service, store, clock, people):
    manager, cashier, _ = people
    pay = add_payment(store, clock)
    approval = approve(service, pay, cashier)
    with store.write() as tx:
        tx.users.set_active(manager.id, False, now=clock())
    with pytest.raises(ApprovalError, match="can no longer approve"):
        consume(store, approval.id, payment_id=pay, requested_by=cashier.id, now=clock())


def test_approval_for_unknown_payment_is_refused(service, people):
    _, cashier, _ = people
    with pytest.raises(NotFoundError):
        approve(service, 424242, cashier)


def test_the_op_may_be_inserted_after_consuming_but_must_exist_at_commit(service, store, clock, people):
    from sqlalchemy.exc import IntegrityError

    _, cashier, _ = people
    pay = add_payment(store, clock)
    approval = approve(service, pay, cashier)
    with pytest.raises(IntegrityError):
        consume(store, approval.id, payment_id=pay, requested_by=cashier.id, now=clock(), insert_op=False)
    # the failed commit rolled the consumption back: the approval is still usable once
    assert consume(store, approval.id, payment_id=pay, requested_by=cashier.id, now=clock())[0]
