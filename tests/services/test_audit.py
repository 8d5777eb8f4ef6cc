"""The audit hash chain (T28): appends, verification, each tampering, anchors; SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import itertools
import os
import threading
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import delete
from sqlalchemy import text
from sqlalchemy import update

from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import Role
from epay_desktop.services.audit import AnchorError
from epay_desktop.services.audit import AuditAnchor
from epay_desktop.services.audit import AuditService
from epay_desktop.services.audit import verify_chain
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.services.people.users import UserService
from epay_desktop.store.db import Store
from epay_desktop.store.db import make_engine
from epay_desktop.store.models import AuditRow
from epay_desktop.store.models import Base
from epay_desktop.store.repos.audit import GENESIS_HASH

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    Base.metadata.create_all(engine)
    return engine


@pytest.fixture
def store(engine):
    s = Store(engine, audit_key=os.urandom(32))
    yield s
    s.close()


def run(coro):
    return asyncio.run(coro)


def append_many(store, n, start=0):
    for i in range(start, start + n):
        with store.write() as tx:
            tx.audit.append(
                None,
                "refund.requested",
                f"payment:{i}",
                {"amount_minor": 1000 + i},
                at=T0 + timedelta(seconds=i),
            )


def report(store, anchor=None):
    return run(AuditService(store).verify(anchor))


def tamper(store, stmt):
    with store.write() as tx:
        tx.session.execute(stmt)


def test_workflow_log_verifies_and_head_is_the_anchor(store):
    users = UserService(store, Passwords(os.urandom(32), PasswordHasher(1, 8, 1)), clock=lambda: T0)
    boss = run(users.add_user("boss", Role.MANAGER, "7777", None))
    run(users.add_user("kassa", Role.CASHIER, "1111", boss))
    run(users.authenticate("kassa", "1111"))
    with pytest.raises(AuthenticationFailed):
        run(users.authenticate("kassa", "0000"))
    result = report(store)
    assert result.ok and result.first_bad_seq is None and result.count == 4
    anchor = run(AuditService(store).head())
    assert anchor == AuditAnchor(4, result.head_hash)
    h = result.head_hash
    assert anchor.text() == f"audit 4 {h[0:4]}-{h[4:8]}-{h[8:12]}-{h[12:16]}"  # short, copyable by hand
    with store.read() as tx:
        entries = list(tx.audit.entries())
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    assert entries[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    assert report(store, anchor).ok


def test_empty_log_verifies(store):
    assert report(store) == report(store, AuditAnchor(0, GENESIS_HASH))
    assert report(store).ok and report(store).count == 0


def test_entries_commit_and_roll_back_with_the_callers_transaction(store):
    with pytest.raises(RuntimeError, match="boom"), store.write() as tx:
        tx.audit.append(None, "refund.requested", "payment:1", {})
        raise RuntimeError("boom")
    assert report(store).count == 0
    with pytest.raises(RuntimeError, match=r"Store\.write"), store.read() as tx:
        tx.audit.append(None, "x", "y", {})


def test_missing_audit_key_is_a_clear_error(engine):
    keyless = Store(engine)
    try:
        with pytest.raises(RuntimeError, match="audit key is missing"), keyless.write() as tx:
            tx.audit.append(None, "x", "y", {})
    finally:
        keyless.close()


def test_edited_entry_is_reported_with_its_seq(store):
    append_many(store, 6)
    tamper(store, update(AuditRow).where(AuditRow.seq == 4).values(details='{"amount_minor":1}'))
    result = report(store)
    assert (result.ok, result.first_bad_seq, result.count) == (False, 4, 3)
    assert "changed" in result.problem


def test_edited_actor_or_time_is_detected(store):
    append_many(store, 3)
    tamper(store, update(AuditRow).where(AuditRow.seq == 2).values(at=T0 - timedelta(days=1)))
    assert report(store).first_bad_seq == 2


def test_edited_hash_is_detected(store):
    append_many(store, 5)
    tamper(store, update(AuditRow).where(AuditRow.seq == 3).values(hash="f" * 64))
    assert report(store).first_bad_seq == 3


@pytest.mark.parametrize("k", [1, 3, 5])
def test_deleted_entry_is_reported_with_its_seq(store, k):
    append_many(store, 6)
    tamper(store, delete(AuditRow).where(AuditRow.seq == k))
    result = report(store)
    assert (result.ok, result.first_bad_seq) == (False, k)
    assert "missing" in result.problem


def test_swapped_entries_are_reported_at_the_first(store):
    append_many(store, 6)
    with store.write() as tx:
        for old, new in ((3, -3), (4, 3), (-3, 4)):
            tx.session.execute(
                text("UPDATE audit_log SET seq = :new WHERE seq = :old"), {"new": new, "old": old}
            )
    result = report(store)
    assert (result.ok, result.first_bad_seq) == (False, 3)


def test_tail_truncation_needs_the_anchor(store):
    append_many(store, 6)
    anchor = run(AuditService(store).head())
    tamper(store, delete(AuditRow).where(AuditRow.seq >= 5))
    assert report(store).ok  # a shorter chain is still a valid chain...
    result = report(store, anchor)  # ...but not the one anchored on the end-of-day report
    assert (result.ok, result.first_bad_seq, result.count) == (False, 5, 4)
    assert "cut" in result.problem


def test_truncation_with_reappend_is_detected_against_the_anchor(store):
    append_many(store, 6)
    anchor = run(AuditService(store).head())
    tamper(store, delete(AuditRow).where(AuditRow.seq >= 4))
    append_many(store, 5, start=100)  # a rewritten tail with valid HMACs, longer than before
    assert report(store).ok
    result = report(store, anchor)
    assert (result.ok, result.first_bad_seq) == (False, 6)
    assert "differs from the anchor" in result.problem


def test_the_printed_short_anchor_finds_a_cut_and_a_rewrite(store):
    """The anchor kept on paper holds 16 hex digits of the head hash (decision 0076)."""
    append_many(store, 6)
    printed = run(AuditService(store).head()).text()
    kept = AuditAnchor.parse(f"  {printed.upper()}  ")  # as typed back from paper
    assert kept.count == 6 and len(kept.head_hash) == 16
    assert AuditAnchor.parse(f"ePay console audit anchor\n{printed}\n") == kept  # an exported file
    assert report(store, kept).ok
    tamper(store, delete(AuditRow).where(AuditRow.seq >= 4))
    cut = report(store, kept)
    assert (cut.ok, cut.first_bad_seq) == (False, 4) and "cut" in cut.problem
    append_many(store, 3, start=100)  # same length again, other content, valid HMACs
    rewritten = report(store, kept)
    assert (rewritten.ok, rewritten.first_bad_seq) == (
        False,
        6,
    ) and "differs from the anchor" in rewritten.problem


@pytest.mark.parametrize(
    "text", ["", "audit", "audit 12", "audit 12 3f2a", "audit x 3f2a9c0177be0d4c", "12 zz" * 8]
)
def test_text_that_is_not_an_anchor_is_refused(text):
    with pytest.raises(AnchorError):
        AuditAnchor.parse(text)


def test_shift_check_gives_the_new_anchor_and_the_account_decisions_since_the_last(store):
    users = UserService(store, Passwords(os.urandom(32), PasswordHasher(1, 8, 1)), clock=lambda: T0)
    boss = run(users.add_user("boss", Role.MANAGER, "7777", None))
    run(users.add_user("kassa", Role.CASHIER, "1111", boss))
    first = run(AuditService(store).shift_check(None))
    assert first.report.ok and first.anchor is not None
    assert [c.action for c in first.account_changes] == ["user.added", "user.added"]
    run(users.set_role(boss, "kassa", Role.MANAGER))
    run(users.authenticate("kassa", "1111"))
    later = run(AuditService(store).shift_check(AuditAnchor.parse(first.anchor.text())))
    assert later.report.ok and later.anchor is not None and later.anchor.count == first.anchor.count + 2
    [change] = later.account_changes  # the promotion, printed beside the new anchor
    assert change.line() == f"#{change.seq} user.role_changed user:2 -> manager (by user:1)"
    tamper(store, delete(AuditRow).where(AuditRow.seq > first.anchor.count - 1))
    broken = run(AuditService(store).shift_check(later.anchor))
    assert not broken.report.ok and broken.anchor is None  # a broken log gets no new anchor


def test_a_different_key_fails_at_the_first_entry(engine, store):
    append_many(store, 2)
    other = Store(engine, audit_key=os.urandom(32))
    try:
        with other.read() as tx:
            assert verify_chain(tx).first_bad_seq == 1
    finally:
        other.close()


@pytest.mark.parametrize(
    "details",
    [
        {"password": "x"},
        {"new_pin": "1234"},
        {"client_secret": "x"},
        {"accessToken": "x"},
        {"cardNumber": "x"},
        {"pan": "x"},
        {"CVC": "123"},
        {"outer": {"cvv2": "123"}},
        {"items": [{"secret_key": "x"}]},
        {"note": "card 4405 6397 0401 5096"},  # Luhn-valid test card
        {"note": "card 4405-6397-0401-5096 and op 757c6794-e076-4373-b86f-1aac2e61f96e"},
        {"amount": 12.5},
        {"when": datetime(2025, 1, 1, tzinfo=UTC)},
    ],
)
def test_secrets_card_numbers_and_floats_are_refused(store, details):
    with pytest.raises(ValueError, match="audit details"), store.write() as tx:
        tx.audit.append(None, "x", "y", details)
    assert report(store).count == 0


def test_ordinary_details_are_accepted(store):
    with store.write() as tx:
        tx.audit.append(
            None,
            "refund.requested",
            "payment:000000123456",
            {
                "invoice": "123456789012345",
                # digit groups of a UUID joined by hyphens form a Luhn-valid 16+ digit run
                "op_id": "abcdef12-3456-4789-8012-0007abcdefab",
                "card_mask": "440563...5096",
                "amount_minor": 150_050,
                "reference": "123456789012",
                "ok": True,
                "nothing": None,
                "kazakh": "Қайтару",
            },
        )
    assert report(store).ok


def test_concurrent_appenders_never_fork_the_chain(store):
    threads, per_thread = 4, 10
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        barrier.wait()
        try:
            for i in range(per_thread):
                with store.write() as tx:
                    tx.audit.append(None, "test.append", f"t{n}", {"i": i})
        except BaseException as exc:
            errors.append(exc)

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=60)
    assert errors == []
    result = report(store)
    assert result.ok and result.count == threads * per_thread
