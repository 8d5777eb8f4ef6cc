"""Wrong manager PINs in approval boxes: throttled per counter and per cashier, never the manager's
login lockout; every try audited; two counters at once (decision 0020). SQLite + PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from argon2 import PasswordHasher

from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import OpKind
from epay_desktop.domain import Role
from epay_desktop.services.people.approvals import ApprovalPaused
from epay_desktop.services.people.approvals import ApprovalThrottlePolicy
from epay_desktop.services.people.approvals import WrongApprovalSecret
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.services.people.users import UserService
from epay_desktop.store.db import Store
from epay_desktop.store.models import PaymentRow
from tests.support.clock import Clock
from tests.support.database import open_store

AUDIT_KEY = b"\x05" * 32
PEPPER = b"\x09" * 32


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def clock():
    return Clock(datetime(2025, 3, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def counters(db_url, clock):
    """``counters(register_id)``: the UserService of one counter, each on its own engine (as two
    console processes would be) over the same migrated database."""
    stores: list[Store] = []

    def counter(register_id: str) -> UserService:
        # the first one migrates the database (open_store: the copy or replay at head made once per process)
        stores.append(open_store(db_url, create=not stores, audit_key=AUDIT_KEY))
        passwords = Passwords(PEPPER, PasswordHasher(1, 8, 1))
        return UserService(stores[-1], passwords, clock=clock, register_id=register_id)

    yield counter
    for store in stores:
        store.close()


@pytest.fixture
def shop(counters, clock):
    till1 = counters("till-1")
    store = till1._store
    manager = run(till1.add_user("Daniyar", Role.MANAGER, "7777", None))
    aigerim = run(till1.add_user("Aigerim", Role.CASHIER, "1111", manager))
    bolat = run(till1.add_user("Bolat", Role.CASHIER, "2222", manager))
    with store.write() as tx:
        row = PaymentRow(
            invoice_id="000000123456", invoice_tail="123456", amount_minor=10_000, status="CHARGE",
            register_id="till-1", created_at=clock(), updated_at=clock(),
        )  # fmt: skip
        tx.session.add(row)
        tx.session.flush()
        payment_id = row.id
    return till1, store, manager, aigerim, bolat, payment_id


def approve(service, payment_id, cashier, pin="7777", name="Daniyar"):
    return run(
        service.approve(
            name, pin, payment_id=payment_id, kind=OpKind.REFUND, amount_minor=5_000, requested_by=cashier
        )
    )


def entries(store, *actions):
    with store.read() as tx:
        return [e for e in tx.audit.entries() if not actions or e.action in actions]


def test_five_wrong_tries_pause_the_counter_saying_tries_left_and_time(shop, clock):
    till1, store, manager, aigerim, _, pay = shop
    seen = []
    for _ in range(4):
        with pytest.raises(WrongApprovalSecret) as wrong:
            approve(till1, pay, aigerim, pin="0000")
        seen.append((wrong.value.tries_left, wrong.value.user_message))
        clock.advance(seconds=10)
    assert [left for left, _ in seen] == [4, 3, 2, 1]
    assert seen[2][1] == "Wrong manager name or PIN. 2 tries left before approvals pause for 5 minutes."
    assert seen[3][1] == "Wrong manager name or PIN. 1 try left before approvals pause for 5 minutes."
    with pytest.raises(ApprovalPaused, match=r"paused for 5 min \(until 14:05, Kazakhstan time\)"):
        approve(till1, pay, aigerim, pin="0000")
    clock.advance(minutes=2)
    with pytest.raises(ApprovalPaused, match=r"paused for 3 more min \(until 14:05"):
        approve(till1, pay, aigerim)  # the right PIN is not even checked while paused
    clock.advance(minutes=3)
    approval = approve(till1, pay, aigerim)
    assert approval.approved_by == manager.id
    actions = [e.action for e in entries(store) if e.action.startswith("approval.")]
    expected = ["approval.failed"] * 5 + ["approval.paused"] * 2 + ["approval.refused", "approval.given"]
    assert actions == expected
    failed = [json.loads(e.details) for e in entries(store, "approval.failed")]
    assert [d["tries_left"] for d in failed] == [4, 3, 2, 1, 0]
    assert all(d["register"] == "till-1" and d["requested_by"] == aigerim.id for d in failed)
    assert all(d["manager_id"] == manager.id and d["known_name"] for d in failed)
    paused = entries(store, "approval.paused")
    assert sorted(e.subject for e in paused) == [f"cashier:{aigerim.id}", "register:till-1"]
    refused = json.loads(entries(store, "approval.refused")[0].details)
    assert refused["reason"] == "paused"
    with store.read() as tx:
        assert tx.users.get(manager.id).failed_attempts == 0


def test_an_unknown_manager_name_counts_as_a_wrong_try_and_is_audited(shop):
    till1, store, _, aigerim, _, pay = shop
    with pytest.raises(WrongApprovalSecret, match="4 tries left"):
        approve(till1, pay, aigerim, name="Nobody")
    (entry,) = entries(store, "approval.failed")
    details = json.loads(entry.details)
    assert (entry.actor_id, details["manager_id"], details["known_name"]) == (aigerim.id, None, False)


def test_the_window_is_ten_minutes_and_a_right_pin_starts_afresh(shop, clock):
    till1, _, _, aigerim, _, pay = shop
    for _ in range(4):
        with pytest.raises(WrongApprovalSecret):
            approve(till1, pay, aigerim, pin="0000")
    clock.advance(minutes=10)  # the window is over: the count starts again
    for expected in (4, 3, 2):
        with pytest.raises(WrongApprovalSecret) as wrong:
            approve(till1, pay, aigerim, pin="0000")
        assert wrong.value.tries_left == expected
    approve(till1, pay, aigerim)  # right: both scopes are forgiven
    with pytest.raises(WrongApprovalSecret) as wrong:
        approve(till1, pay, aigerim, pin="0000")
    assert wrong.value.tries_left == 4


def test_pauses_double_until_a_right_pin(shop, clock):
    till1, _, _, aigerim, _, pay = shop
    for minutes in (5, 10, 20):
        for _ in range(4):
            with pytest.raises(WrongApprovalSecret):
                approve(till1, pay, aigerim, pin="0000")
        with pytest.raises(ApprovalPaused, match=f"paused for {minutes} min"):
            approve(till1, pay, aigerim, pin="0000")
        clock.advance(minutes=minutes)
    with pytest.raises(WrongApprovalSecret, match="pause for 40 minutes"):
        approve(till1, pay, aigerim, pin="0000")
    approve(till1, pay, aigerim)
    for _ in range(4):
        with pytest.raises(WrongApprovalSecret, match="pause for 5 minutes"):
            approve(till1, pay, aigerim, pin="0000")


def test_two_counters_pause_per_counter_and_per_cashier(shop, counters, clock):
    till1, _store, _, aigerim, bolat, pay = shop
    till2 = counters("till-2")
    for _ in range(5):
        with pytest.raises((AuthenticationFailed, ApprovalPaused)):
            approve(till1, pay, aigerim, pin="0000")
    # the same counter, another cashier: the counter is paused
    with pytest.raises(ApprovalPaused, match="at this counter") as at_counter:
        approve(till1, pay, bolat)
    assert at_counter.value.scope == "register:till-1"
    # the same cashier at another counter: paused for her requests
    with pytest.raises(ApprovalPaused, match="Aigerim's requests") as for_cashier:
        approve(till2, pay, aigerim)
    assert for_cashier.value.scope == f"cashier:{aigerim.id}"
    # another cashier at another counter: not affected
    assert approve(till2, pay, bolat).requested_by == bolat.id
    clock.advance(minutes=5)
    assert approve(till1, pay, bolat).requested_by == bolat.id


def test_two_counters_typing_wrong_pins_at_once_lose_no_count(shop, counters):
    till1, store, manager, aigerim, _, pay = shop
    till2 = counters("till-2")
    barrier = threading.Barrier(2)
    outcomes: list[BaseException] = []
    lock = threading.Lock()

    def counter(service: UserService) -> None:
        barrier.wait()
        for _ in range(2):
            try:
                approve(service, pay, aigerim, pin="0000")
            except BaseException as exc:
                with lock:
                    outcomes.append(exc)

    threads = [threading.Thread(target=counter, args=(s,)) for s in (till1, till2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(outcomes) == 4 and all(isinstance(o, WrongApprovalSecret) for o in outcomes), outcomes
    scope = f"cashier:{aigerim.id}"
    with store.read() as tx:
        states = tx.users.throttle_states([scope, "register:till-1", "register:till-2"])
    # every one of the four wrong tries counted for her, whatever the interleaving
    assert [states[s].failures for s in (scope, "register:till-1", "register:till-2")] == [4, 2, 2]
    assert sorted(o.tries_left for o in outcomes) == [1, 2, 3, 4]
    with pytest.raises(ApprovalPaused, match="Aigerim's requests"):  # her 5th, at either counter
        approve(till2, pay, aigerim, pin="0000")
    assert len(entries(store, "approval.failed")) == 5
    with store.read() as tx:
        assert tx.users.get(manager.id).failed_attempts == 0


def test_policy_is_configurable(counters, clock, shop):
    _, store, _, aigerim, _, pay = shop
    strict = UserService(
        store,
        Passwords(PEPPER, PasswordHasher(1, 8, 1)),
        clock=clock,
        register_id="till-9",
        approval_policy=ApprovalThrottlePolicy(max_failures=2, pause=timedelta(minutes=1)),
    )
    with pytest.raises(WrongApprovalSecret, match="1 try left before approvals pause for 1 minutes"):
        approve(strict, pay, aigerim, pin="0000")
    with pytest.raises(ApprovalPaused, match="1 min"):
        approve(strict, pay, aigerim, pin="0000")
