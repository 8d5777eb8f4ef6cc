"""Issue 11, roles that files cannot forge: an account's role and status as stored must be the ones
the last audited decision gave; one SQL UPDATE that makes a cashier a manager is refused at log-in,
at a manager approval and when a service re-reads the acting user (decision 0075). SQLite and
PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import logging
import os
from datetime import UTC
from datetime import datetime

import pytest
from argon2 import PasswordHasher
from argon2.low_level import Type
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update

from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import OpKind
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.services.audit import AuditService
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.services.people.users import UserService
from epay_desktop.store.db import make_engine
from epay_desktop.store.models import AuditRow
from epay_desktop.store.models import UserRow

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def passwords():
    return Passwords(os.urandom(32), PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID))


@pytest.fixture
def users(store, passwords):
    service = UserService(store, passwords, clock=lambda: T0)
    boss = run(service.add_user("boss", Role.MANAGER, "7777", None))
    run(service.add_user("kassa", Role.CASHIER, "1111", boss))
    return service


def run(coro):
    return asyncio.run(coro)


def sql(store, stmt) -> None:
    """What anyone who can write the data folder can do: change the file outside the console."""
    with store.write() as tx:
        tx.session.execute(stmt)


def refusals(store) -> list[dict]:
    with store.read() as tx:
        return [json.loads(e.details) for e in tx.audit.entries() if e.action == "auth.login_refused"]


def test_one_sql_update_making_a_cashier_a_manager_is_refused_at_log_in(store, users, caplog) -> None:
    sql(store, update(UserRow).where(UserRow.name == "kassa").values(role="manager"))
    with caplog.at_level(logging.WARNING), pytest.raises(AuthenticationFailed) as refused:
        run(users.authenticate("kassa", "1111"))
    assert "not the one a manager gave it" in str(refused.value)
    [entry] = refusals(store)
    assert entry["reason"] == "account_not_audited"
    assert (entry["stored_role"], entry["audited_role"]) == ("manager", "cashier")
    line = next(r.getMessage() for r in caplog.records if "account_not_audited" in r.getMessage())
    assert "stored_role=manager audited_role=cashier" in line and "1111" not in line
    # the chain itself is intact: the HMAC alone never noticed the UPDATE
    assert run(AuditService(store).verify()).ok
    # putting the role back as the log says lets the cashier in again
    sql(store, update(UserRow).where(UserRow.name == "kassa").values(role="cashier"))
    assert run(users.authenticate("kassa", "1111")).role is Role.CASHIER


def test_a_role_given_by_a_manager_is_audited_and_logs_in(store, users) -> None:
    boss = run(users.authenticate("boss", "7777"))
    run(users.set_role(boss, "kassa", Role.MANAGER))
    assert run(users.authenticate("kassa", "1111")).role is Role.MANAGER
    run(users.set_role(boss, "kassa", Role.CASHIER))
    assert run(users.authenticate("kassa", "1111")).role is Role.CASHIER
    with store.read() as tx:
        changes = [json.loads(e.details) for e in tx.audit.entries() if e.action == "user.role_changed"]
    assert [(c["before"], c["after"]) for c in changes] == [("cashier", "manager"), ("manager", "cashier")]


def test_a_deactivated_account_brought_back_in_the_file_is_refused(store, users) -> None:
    boss = run(users.authenticate("boss", "7777"))
    run(users.set_active(boss, "kassa", False))
    sql(store, update(UserRow).where(UserRow.name == "kassa").values(active=True))
    with pytest.raises(AuthenticationFailed, match="not the one a manager gave it"):
        run(users.authenticate("kassa", "1111"))
    assert refusals(store)[-1]["audited_active"] is False


def test_editing_the_role_decision_in_the_log_too_does_not_help_without_the_key(store, users) -> None:
    with store.read() as tx:
        added = next(e for e in tx.audit.entries() if e.action == "user.added" and '"kassa"' in e.details)
    forged = added.details.replace('"role":"cashier"', '"role":"manager"')
    sql(store, update(AuditRow).where(AuditRow.seq == added.seq).values(details=forged))
    sql(store, update(UserRow).where(UserRow.name == "kassa").values(role="manager"))
    with pytest.raises(AuthenticationFailed, match="not the one a manager gave it"):
        run(users.authenticate("kassa", "1111"))
    assert refusals(store)[-1]["edited_entry"] == added.seq


def test_an_account_inserted_in_the_file_neither_logs_in_nor_approves(store, users, passwords) -> None:
    encoded = passwords.hash("5555")
    sql(
        store,
        insert(UserRow).values(
            name="ghost",
            name_key="ghost",
            role="manager",
            password_hash=encoded,
            active=True,
            created_at=T0,
            updated_at=T0,
        ),
    )
    with pytest.raises(AuthenticationFailed, match="not the one a manager gave it"):
        run(users.authenticate("ghost", "5555"))
    kassa = run(users.authenticate("kassa", "1111"))
    with pytest.raises(AuthenticationFailed, match="not the one a manager gave it"):
        run(
            users.approve(
                "ghost", "5555", payment_id=1, kind=OpKind.REFUND, amount_minor=1000, requested_by=kassa
            )
        )
    assert refusals(store)[-1]["purpose"] == "approval"


def test_a_role_changed_in_the_file_mid_session_gives_no_power(store, users) -> None:
    kassa = run(users.authenticate("kassa", "1111"))
    sql(store, update(UserRow).where(UserRow.name == "kassa").values(role="admin"))
    with pytest.raises(PermissionDenied, match="not the one a manager gave it"):
        run(users.list_users(kassa))
    with pytest.raises(PermissionDenied, match="not the one a manager gave it"):
        run(users.set_role(kassa, "boss", Role.CASHIER))
    with store.read() as tx:
        assert tx.session.scalar(select(UserRow.role).where(UserRow.name == "boss")) == "manager"


def test_the_role_check_reads_the_index_not_the_whole_log(tmp_path) -> None:
    """Two indexed reads per log-in, whatever the log's length (migration 0007): the query plan."""
    from sqlalchemy import text

    from epay_desktop.store.migrations import migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    migrate(engine)
    with engine.connect() as conn:
        plan = conn.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT seq FROM audit_log WHERE subject = 'user:1' "
                "AND action IN ('user.added', 'user.role_changed') ORDER BY seq DESC LIMIT 1"
            )
        ).all()
    details = " ".join(str(row[-1]) for row in plan)
    assert "ix_audit_log_subject_action" in details and "SCAN audit_log" not in details, details
    engine.dispose()
