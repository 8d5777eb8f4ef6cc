"""UserService and UserRepo (T27): roles, first user, log-in, lockout, unlock, rehash; SQLite + PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import os
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from argon2 import Type

from epay_desktop.domain import AccountLocked
from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import ConsoleError
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.services.people.passwords import WeakSecret
from epay_desktop.services.people.users import UserService
from epay_desktop.services.people.users import may_manage
from epay_desktop.store.db import Store
from epay_desktop.store.db import make_engine
from epay_desktop.store.models import Base
from tests.support.clock import Clock


def cheap_hasher(time_cost: int = 1) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=8, parallelism=1, type=Type.ID)


@pytest.fixture
def clock():
    return Clock(datetime(2025, 3, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def passwords():
    return Passwords(os.urandom(32), cheap_hasher())


@pytest.fixture
def service(store, passwords, clock):
    return UserService(store, passwords, clock=clock)


def run(coro):
    return asyncio.run(coro)


def audit_actions(store):
    with store.read() as tx:
        return [(e.action, e.actor_id, e.subject) for e in tx.audit.entries()]


# -- first user and the role x action matrix --------------------------------------------------


def test_first_user_needs_no_actor_but_must_be_manager_or_admin(service, store):
    with pytest.raises(PermissionDenied, match="first user must be a manager or an administrator"):
        run(service.add_user("Aigerim", Role.CASHIER, "1234", None))
    boss = run(service.add_user("Aigerim", Role.MANAGER, "1234", None))
    assert boss.role is Role.MANAGER and boss.active
    # once someone exists, nobody may add users without logging in
    with pytest.raises(PermissionDenied, match="Log in"):
        run(service.add_user("Bolat", Role.MANAGER, "5678", None))
    assert audit_actions(store) == [("user.added", None, f"user:{boss.id}")]


def test_first_user_may_be_admin(service):
    assert run(service.add_user("root", Role.ADMIN, "long enough pw", None)).role is Role.ADMIN


@pytest.mark.parametrize("actor_role", list(Role))
def test_role_by_role_matrix_for_add_user(service, store, actor_role):
    admin = run(service.add_user("admin", Role.ADMIN, "9999", None))
    actor = admin if actor_role is Role.ADMIN else run(service.add_user("actor", actor_role, "1111", admin))
    expected = {
        Role.ADMIN: {Role.ADMIN, Role.MANAGER, Role.CASHIER},
        Role.MANAGER: {Role.MANAGER, Role.CASHIER},
        Role.CASHIER: set(),
    }[actor_role]
    for target in Role:
        assert may_manage(actor_role, target) == (target in expected)
        name = f"new-{target.value}"
        if target in expected:
            user = run(service.add_user(name, target, "2222", actor))
            assert user.role is target
            with store.read() as tx:
                last = list(tx.audit.entries())[-1]
            assert (last.action, last.actor_id, last.subject) == ("user.added", actor.id, f"user:{user.id}")
        else:
            with pytest.raises(PermissionDenied, match=f"may not add “{target.value}” accounts"):
                run(service.add_user(name, target, "2222", actor))
            with store.read() as tx:
                assert tx.users.by_name(name) is None


def test_the_stored_role_counts_not_the_callers_snapshot(service):
    admin = run(service.add_user("admin", Role.ADMIN, "9999", None))
    manager = run(service.add_user("m", Role.MANAGER, "1111", admin))
    run(service.set_active(admin, "m", False))
    with pytest.raises(PermissionDenied, match="deactivated"):
        run(service.add_user("c", Role.CASHIER, "2222", manager))


def test_names_are_unique_case_insensitively(service, store):
    admin = run(service.add_user("Dana", Role.ADMIN, "9999", None))
    with pytest.raises(ConsoleError, match="already exists"):
        run(service.add_user("  DANA ", Role.MANAGER, "1111", admin))
    with store.read() as tx:
        assert tx.users.count() == 1
        assert tx.users.by_name("dAnA")[0].id == admin.id


def test_weak_secrets_are_refused_with_a_reason(service):
    with pytest.raises(WeakSecret, match="PIN needs at least 4 digits"):
        run(service.add_user("a", Role.ADMIN, "123", None))
    with pytest.raises(WeakSecret, match="password needs at least 8 characters"):
        run(service.add_user("a", Role.ADMIN, "abc1234", None))
    assert run(service.add_user("a", Role.ADMIN, "abcd1234", None)).name == "a"


def test_list_users_is_for_managers(service):
    admin = run(service.add_user("admin", Role.ADMIN, "9999", None))
    cashier = run(service.add_user("c", Role.CASHIER, "1111", admin))
    assert [u.name for u in run(service.list_users(admin))] == ["admin", "c"]
    with pytest.raises(PermissionDenied):
        run(service.list_users(cashier))


# -- authentication and lockout ----------------------------------------------------------------


def test_authenticate_same_message_for_unknown_user_and_wrong_password(service, store):
    admin = run(service.add_user("admin", Role.ADMIN, "9999", None))
    assert run(service.authenticate("ADMIN", "9999")).id == admin.id
    with pytest.raises(AuthenticationFailed) as unknown:
        run(service.authenticate("nobody", "9999"))
    with pytest.raises(AuthenticationFailed) as wrong:
        run(service.authenticate("admin", "0000"))
    assert unknown.value.user_message == wrong.value.user_message
    actions = audit_actions(store)
    assert actions[1:] == [
        ("auth.login", admin.id, f"user:{admin.id}"),
        ("auth.login_failed", None, "user:?"),
        ("auth.login_failed", admin.id, f"user:{admin.id}"),
    ]


def test_ten_failures_lock_for_thirty_minutes_and_success_resets(service, store, clock):
    run(service.add_user("admin", Role.ADMIN, "9999", None))
    for _ in range(9):
        with pytest.raises(AuthenticationFailed):
            run(service.authenticate("admin", "0000"))
    assert run(service.authenticate("admin", "9999")).failed_attempts == 0  # success resets
    for _ in range(9):
        with pytest.raises(AuthenticationFailed):
            run(service.authenticate("admin", "0000"))
    with pytest.raises(AccountLocked) as locked:
        run(service.authenticate("admin", "0000"))
    # 09:00 UTC + 30 min is 14:30 in Almaty (UTC+5 since 2024-03-01)
    assert "01.03.2025 14:30 (Kazakhstan time, UTC+5)" in locked.value.user_message
    clock.advance(timedelta(minutes=29, seconds=59))
    with pytest.raises(AccountLocked):
        run(service.authenticate("admin", "9999"))  # even the right password
    clock.advance(timedelta(seconds=1))
    user = run(service.authenticate("admin", "9999"))
    assert user.failed_attempts == 0 and user.locked_until is None
    actions = [a for a, _, _ in audit_actions(store)]
    assert actions.count("auth.locked") == 1
    assert actions.count("auth.login_failed") == 18  # exactly one entry per attempt
    assert actions.count("auth.login_refused") == 1


def test_failures_after_an_expired_lock_count_afresh(service, clock):
    run(service.add_user("admin", Role.ADMIN, "9999", None))
    for _ in range(10):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            run(service.authenticate("admin", "0000"))
    clock.advance(timedelta(minutes=31))
    with pytest.raises(AuthenticationFailed):  # one failure, not an instant re-lock
        run(service.authenticate("admin", "0000"))


def test_manager_unlocks_a_locked_cashier(service, store):
    manager = run(service.add_user("m", Role.MANAGER, "9999", None))
    run(service.add_user("c", Role.CASHIER, "1111", manager))
    for _ in range(10):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            run(service.authenticate("c", "0000"))
    with pytest.raises(AccountLocked):
        run(service.authenticate("c", "1111"))
    cashier = run(service.authenticate("m", "9999"))
    with pytest.raises(PermissionDenied):
        run(service.unlock(run(service.add_user("c2", Role.CASHIER, "2222", manager)), "c"))
    unlocked = run(service.unlock(cashier, "c"))
    assert unlocked.locked_until is None and unlocked.failed_attempts == 0
    assert run(service.authenticate("c", "1111")).name == "c"
    assert ("user.unlocked", manager.id, f"user:{unlocked.id}") in audit_actions(store)
    with store.read() as tx:
        entry = next(e for e in tx.audit.entries() if e.action == "user.unlocked")
    assert '"failed_attempts":10' in entry.details
    assert '"locked_until":"2025-03-01T09:30:00+00:00"' in entry.details


def test_deactivated_users_cannot_log_in(service):
    admin = run(service.add_user("admin", Role.ADMIN, "9999", None))
    run(service.add_user("c", Role.CASHIER, "1111", admin))
    run(service.set_active(admin, "c", False))
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        run(service.authenticate("c", "1111"))
    with pytest.raises(PermissionDenied, match="your own"):
        run(service.set_active(admin, "admin", False))
    run(service.set_active(admin, "c", True))
    assert run(service.authenticate("c", "1111")).active


def test_change_and_reset_password(service, store):
    admin = run(service.add_user("admin", Role.ADMIN, "9999", None))
    run(service.add_user("c", Role.CASHIER, "1111", admin))
    with pytest.raises(AuthenticationFailed):
        run(service.change_password("c", "0000", "4321"))
    run(service.change_password("c", "1111", "4321"))
    with pytest.raises(AuthenticationFailed):
        run(service.authenticate("c", "1111"))
    run(service.reset_password(admin, "c", "8765"))
    assert run(service.authenticate("c", "8765")).failed_attempts == 0
    actions = [a for a, _, _ in audit_actions(store)]
    assert "user.password_changed" in actions and "user.password_reset" in actions


def test_rehash_on_login_when_parameters_change(store, clock):
    pepper = os.urandom(32)
    old = UserService(store, Passwords(pepper, cheap_hasher(time_cost=1)), clock=clock)
    run(old.add_user("admin", Role.ADMIN, "9999", None))
    with store.read() as tx:
        before = tx.users.by_name("admin")[1]
    assert "t=1," in before
    new = UserService(store, Passwords(pepper, cheap_hasher(time_cost=2)), clock=clock)
    run(new.authenticate("admin", "9999"))
    with store.read() as tx:
        after = tx.users.by_name("admin")[1]
        last = list(tx.audit.entries())[-1]
    assert "t=2," in after and after != before
    assert last.action == "auth.login" and '"rehashed":true' in last.details
    run(new.authenticate("admin", "9999"))  # still the same password
    with store.read() as tx:
        assert tx.users.by_name("admin")[1] == after  # no second rehash


def test_no_password_or_hash_reaches_the_audit_log(service, store):
    admin = run(service.add_user("admin", Role.ADMIN, "S3cret-Passw0rd", None))
    run(service.add_user("c", Role.CASHIER, "424242", admin))
    with pytest.raises(AuthenticationFailed):
        run(service.authenticate("c", "987654"))
    run(service.reset_password(admin, "c", "13572468"))
    with store.read() as tx:
        hashes = [tx.users.by_name(n)[1] for n in ("admin", "c")]
        dump = "\n".join(f"{e.subject} {e.details}" for e in tx.audit.entries())
    for secret in ("S3cret-Passw0rd", "424242", "987654", "13572468", *hashes, "$argon2"):
        assert secret not in dump


def test_display_names_serves_anyone_names_only_active_and_inactive(service, store):
    boss = run(service.add_user("Aigerim", Role.MANAGER, "1234", None))
    cashier = run(service.add_user("Bolat", Role.CASHIER, "5678", boss))
    gone = run(service.add_user("Dana", Role.CASHIER, "9012", boss))
    run(service.set_active(boss, "Dana", False))
    before = audit_actions(store)
    with pytest.raises(PermissionDenied):  # the full list stays with managers ...
        run(service.list_users(cashier))
    names = run(service.display_names())  # ... but names are for everyone, no actor needed
    assert names == {boss.id: "Aigerim", cashier.id: "Bolat", gone.id: "Dana"}
    assert all(type(k) is int and type(v) is str for k, v in names.items())  # no User records leak
    assert audit_actions(store) == before  # a read: nothing audited


# -- roles, reset PIN, (re)activation: who may change whom (decision 0028) ---------------------


def audit_details(store, action):
    with store.read() as tx:
        return [json.loads(e.details) for e in tx.audit.entries() if e.action == action]


def test_set_role_promotes_and_demotes_at_once_and_is_audited(service, store):
    boss = run(service.add_user("boss", Role.MANAGER, "9999", None))
    anna = run(service.add_user("anna", Role.CASHIER, "1111", boss))
    promoted = run(service.set_role(boss, "ANNA", Role.MANAGER))
    assert promoted.role is Role.MANAGER and promoted.id == anna.id
    # the new manager may manage at once (her stale snapshot says cashier; the stored role counts)
    assert [u.name for u in run(service.list_users(anna))] == ["boss", "anna"]
    run(service.set_role(boss, "anna", Role.CASHIER))
    with pytest.raises(PermissionDenied):
        run(service.list_users(anna))  # demoted: takes effect at once
    assert ("user.role_changed", boss.id, f"user:{anna.id}") in audit_actions(store)
    assert [(d["before"], d["after"]) for d in audit_details(store, "user.role_changed")] == [
        ("cashier", "manager"),
        ("manager", "cashier"),
    ]
    with pytest.raises(ConsoleError, match="anna already has the role “cashier”"):
        run(service.set_role(boss, "anna", Role.CASHIER))
    with pytest.raises(ConsoleError, match="no user named 'nobody'"):
        run(service.set_role(boss, "nobody", Role.MANAGER))
    assert len(audit_details(store, "user.role_changed")) == 2  # refusals change and audit nothing


@pytest.mark.parametrize("actor_role", list(Role))
def test_role_by_role_matrix_for_set_role(service, store, actor_role):
    admin = run(service.add_user("admin", Role.ADMIN, "9999", None))
    actor = admin if actor_role is Role.ADMIN else run(service.add_user("actor", actor_role, "1111", admin))
    for before in Role:
        for after in Role:
            if before is after:
                continue
            name = f"{before.value}-to-{after.value}"
            run(service.add_user(name, before, "2222", admin))
            allowed = may_manage(actor_role, before) and may_manage(actor_role, after)
            if allowed:
                assert run(service.set_role(actor, name, after)).role is after
            else:
                with pytest.raises(PermissionDenied, match="may not"):
                    run(service.set_role(actor, name, after))
                with store.read() as tx:
                    assert tx.users.by_name(name)[0].role is before
    # a manager may promote to manager but never to admin, nor touch an admin
    if actor_role is Role.MANAGER:
        with pytest.raises(PermissionDenied, match="The role “manager” may not give the role “admin”"):
            run(service.set_role(actor, "cashier-to-admin", Role.ADMIN))


def test_nobody_changes_their_own_role_or_deactivates_themselves(service, store):
    boss = run(service.add_user("boss", Role.MANAGER, "9999", None))
    with pytest.raises(PermissionDenied, match="your own role"):
        run(service.set_role(boss, "boss", Role.CASHIER))
    with pytest.raises(PermissionDenied, match="your own account"):
        run(service.set_active(boss, "boss", False))
    # so the only manager stays a manager and active: the shop is never left without one
    with store.read() as tx:
        only = tx.users.by_name("boss")[0]
    assert only.role is Role.MANAGER and only.active
    assert audit_details(store, "user.role_changed") == [] and audit_details(store, "user.deactivated") == []


def test_a_demoted_or_deactivated_manager_can_no_longer_change_accounts(service):
    admin = run(service.add_user("admin", Role.ADMIN, "99999999", None))
    boss = run(service.add_user("boss", Role.MANAGER, "9999", admin))
    run(service.add_user("anna", Role.CASHIER, "1111", admin))
    run(service.set_role(admin, "boss", Role.CASHIER))
    with pytest.raises(PermissionDenied, match="The role “cashier” may not change “cashier” accounts"):
        run(service.set_role(boss, "anna", Role.MANAGER))
    with pytest.raises(PermissionDenied):
        run(service.reset_password(boss, "anna", "4321"))
    run(service.set_role(admin, "boss", Role.MANAGER))
    run(service.set_active(admin, "boss", False))
    with pytest.raises(PermissionDenied, match="Your account is deactivated"):
        run(service.set_active(boss, "anna", False))
    run(service.set_active(admin, "boss", True))
    assert not run(service.set_active(boss, "anna", False)).active
    assert run(service.set_active(boss, "anna", True)).active
    actions = [a for a, _, _ in audit_actions(service._store)]
    assert actions.count("user.activated") == 2 and actions.count("user.deactivated") == 2


def test_reset_password_follows_who_may_manage_whom(service):
    admin = run(service.add_user("admin", Role.ADMIN, "99999999", None))
    boss = run(service.add_user("boss", Role.MANAGER, "9999", admin))
    with pytest.raises(PermissionDenied, match="The role “manager” may not change “admin” accounts"):
        run(service.reset_password(boss, "admin", "12345678"))
    with pytest.raises(WeakSecret, match="PIN needs at least 4 digits"):
        run(service.reset_password(admin, "boss", "12"))
    run(service.reset_password(admin, "boss", "5555"))
    assert run(service.authenticate("boss", "5555")).id == boss.id


def test_two_managers_deactivating_each_other_at_two_counters_leave_one_in_charge(db_url, passwords, clock):
    """Each change re-reads the actor after taking the accounts lock, so the second of two crossing
    deactivations finds its actor deactivated and is refused (SQLite and PostgreSQL)."""
    key = os.urandom(32)
    engine_a, engine_b = make_engine(db_url), make_engine(db_url)
    Base.metadata.create_all(engine_a)
    store_a, store_b = Store(engine_a, audit_key=key), Store(engine_b, audit_key=key)
    try:
        counter_a = UserService(store_a, passwords, clock=clock)
        counter_b = UserService(store_b, passwords, clock=clock)
        admin = run(counter_a.add_user("admin", Role.ADMIN, "99999999", None))
        aigul = run(counter_a.add_user("aigul", Role.MANAGER, "1111", admin))
        bolat = run(counter_a.add_user("bolat", Role.MANAGER, "2222", admin))

        async def cross() -> list[object]:
            return await asyncio.gather(
                counter_a.set_active(aigul, "bolat", False),
                counter_b.set_active(bolat, "aigul", False),
                return_exceptions=True,
            )

        for _ in range(5):
            results = run(cross())
            refused = [r for r in results if isinstance(r, PermissionDenied)]
            assert len(refused) == 1, results
            assert "Your account is deactivated" in refused[0].user_message
            users = {u.name: u for u in run(counter_a.list_users(admin))}
            assert users["aigul"].active != users["bolat"].active  # exactly one still in charge
            gone = "aigul" if not users["aigul"].active else "bolat"
            run(counter_a.set_active(admin, gone, True))
    finally:
        store_a.close()
        store_b.close()
