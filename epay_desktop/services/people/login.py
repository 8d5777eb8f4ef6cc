"""Checking a name and password/PIN: lockout after repeated failures, rehash, audit.

Used by :class:`~epay_desktop.services.people.users.UserService` for log-in and password change. Manager
approvals only use :meth:`Credentials.lookup`/:meth:`Credentials.matches`, which count nothing:
their wrong PINs are throttled per counter and per cashier instead (``approvals.py``, decision
0020). Every log-in attempt writes exactly one audit entry: ``auth.login`` (success; written by
the caller so it can share the caller's transaction), ``auth.login_failed``,
``auth.locked`` (the failure that locks the account) or ``auth.login_refused`` (locked or
deactivated account, or an account the audit log does not back). A failed attempt's entry is
committed before the error is raised.

Roles that files cannot forge (issue 11, decision 0075): after the password is right, the account's
role and active flag as stored are compared with the last audited decisions about it
(``user.added``/``user.role_changed``/``user.(de)activated``, :func:`account_problem`). One SQL
UPDATE that makes a cashier a manager, or brings back a deactivated account, is refused here
(``auth.login_refused`` with ``reason: account_not_audited`` and a warning in the log), at manager
approvals and whenever a service re-reads the acting user (:func:`require_audited`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from functools import partial
from zoneinfo import ZoneInfo

from epay_desktop.domain import AccountLocked
from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import ConsoleError
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import User
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = [
    "BAD_CREDENTIALS",
    "KZ_TIME",
    "Credentials",
    "LoginPolicy",
    "Verified",
    "account_problem",
    "locked_message",
    "not_audited_message",
    "require_audited",
    "require_manager",
    "user_subject",
]

log = logging.getLogger(__name__)

KZ_TIME = ZoneInfo("Asia/Almaty")
BAD_CREDENTIALS = QT_TRANSLATE_NOOP("users", "Wrong user name or password/PIN.")


def user_subject(user_id: int) -> str:
    return f"user:{user_id}"


@dataclass(frozen=True, slots=True)
class LoginPolicy:
    """How many consecutive failures lock an account, and for how long."""

    max_failures: int = 10
    lockout: timedelta = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class Verified:
    """A user whose password was right; ``new_hash`` is set when the stored hash needs upgrading."""

    user: User
    new_hash: str | None


def locked_message(until: datetime) -> Message:
    local = until.astimezone(KZ_TIME)
    offset = local.utcoffset() or timedelta(0)
    hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
    zone = f"UTC{hours:+d}" + (f":{minutes:02d}" if minutes else "")
    return msg(
        "users",
        QT_TRANSLATE_NOOP(
            "users",
            "Too many wrong passwords/PINs: this account is locked until "
            "{time} (Kazakhstan time, {zone}) or until a manager unlocks it.",
        ),
        time=f"{local:%d.%m.%Y %H:%M}",
        zone=zone,
    )


def account_problem(tx: Tx, user: User) -> dict[str, object] | None:
    """What in ``user`` (as stored now) no audited decision gave, or None when the log backs it.

    The role must be the one the last ``user.added``/``user.role_changed`` entry gave, and an
    active account must not have been deactivated last. The answer (audit details, no secrets):
    ``stored_role``, ``audited_role``, ``stored_active``, ``audited_active`` and ``edited_entry``
    (the seq of a decisive entry whose hash does not fit its content). Two indexed reads.
    """
    decision = tx.audit.account_decision(user_subject(user.id))
    role_ok = decision.role == user.role.value
    active_ok = not user.active or decision.active is True
    if role_ok and active_ok:
        return None
    return {
        "stored_role": user.role.value,
        "audited_role": decision.role,
        "stored_active": user.active,
        "audited_active": decision.active,
        "edited_entry": decision.tampered,
    }


def not_audited_message() -> Message:
    return msg(
        "users",
        QT_TRANSLATE_NOOP(
            "users",
            "This account's role or status in the database is not the one a manager gave it: the "
            "database was changed outside the console. Log-in refused; an administrator must check "
            "the audit log.",
        ),
    )


def report_not_audited(tx: Tx, user: User, problem: dict[str, object], purpose: str, now: datetime) -> None:
    """Audit and log a refusal of an account the audit log does not back (in ``tx``)."""
    log.warning(
        "event=account_not_audited user_id=%s purpose=%s stored_role=%s audited_role=%s "
        "stored_active=%s audited_active=%s edited_entry=%s",
        user.id,
        purpose,
        problem["stored_role"],
        problem["audited_role"],
        problem["stored_active"],
        problem["audited_active"],
        problem["edited_entry"],
    )
    tx.audit.append(
        user.id,
        "auth.login_refused",
        user_subject(user.id),
        {"reason": "account_not_audited", "purpose": purpose, **problem},
        at=now,
    )


def require_audited(tx: Tx, user: User) -> User:
    """``user`` when the audit log backs its role and status; else PermissionDenied (and a log line).

    For services that re-read the acting user mid-session: a role changed in the file while the
    console is open gives no power. Writes nothing (the caller's transaction may be rolled back).
    """
    problem = account_problem(tx, user)
    if problem is None:
        return user
    log.warning(
        "event=account_not_audited user_id=%s purpose=action stored_role=%s audited_role=%s "
        "stored_active=%s audited_active=%s edited_entry=%s",
        user.id,
        problem["stored_role"],
        problem["audited_role"],
        problem["stored_active"],
        problem["audited_active"],
        problem["edited_entry"],
    )
    raise PermissionDenied(not_audited_message())


def require_manager(tx: Tx, actor: User, refusal: Message) -> User:
    """``actor`` as stored now, when the audit log backs it (:func:`require_audited`) and it is an
    active manager or administrator; else PermissionDenied with ``refusal``."""
    current = require_audited(tx, tx.users.get(actor.id))  # decision 0075
    if not current.active or not current.role.can_move_money:
        raise PermissionDenied(refusal)
    return current


class Credentials:
    """Verifies passwords against the store, counting failures. Hashing runs off the event loop."""

    def __init__(
        self, store: Store, passwords: Passwords, clock: Callable[[], datetime], policy: LoginPolicy
    ) -> None:
        self._store = store
        self._passwords = passwords
        self._clock = clock
        self._policy = policy
        self._dummy: str | None = None

    async def verify(self, name: str, password: str, *, purpose: str) -> Verified:
        """Check ``password`` for ``name`` without recording success (see :meth:`succeed`).

        Side effects: on failure commits the failure count (and a lock after the last allowed
        failure) and one audit entry. Raises AuthenticationFailed (same message for an unknown
        name and a wrong password; another for a deactivated account) or AccountLocked naming
        the time it unlocks in Kazakhstan time.
        """
        now = self._clock()
        found = await self._store.run_read(lambda tx: tx.users.by_name(name))
        if found is None:
            await asyncio.to_thread(lambda: self._passwords.verify(self._dummy_hash(), password))  # timing
            await self._store.run_write(
                lambda tx: tx.audit.append(
                    None, "auth.login_failed", "user:?", {"known": False, "purpose": purpose}, at=now
                )
            )
            raise AuthenticationFailed(msg("users", BAD_CREDENTIALS))
        user, encoded = found
        if user.locked_until is not None and now < user.locked_until:
            await self._refuse(user, now, purpose, "locked")
            raise AccountLocked(locked_message(user.locked_until))
        if not await asyncio.to_thread(self._passwords.verify, encoded, password):
            raise await self._store.run_write(partial(self._record_failure, user.id, now, purpose))
        if not user.active:
            await self._refuse(user, now, purpose, "deactivated")
            raise AuthenticationFailed(
                msg(
                    "users",
                    QT_TRANSLATE_NOOP(
                        "users", "This account is deactivated. Ask a manager to reactivate it."
                    ),
                )
            )
        problem = await self._store.run_read(lambda tx: account_problem(tx, user))
        if problem is not None:
            await self._store.run_write(lambda tx: report_not_audited(tx, user, problem, purpose, now))
            raise AuthenticationFailed(not_audited_message())
        new_hash = None
        if self._passwords.needs_rehash(encoded):
            new_hash = await asyncio.to_thread(self._passwords.hash, password)
        return Verified(user, new_hash)

    async def lookup(self, name: str) -> tuple[User, str] | None:
        """``(user, stored hash)`` for ``name``, or None. Reads only."""
        return await self._store.run_read(lambda tx: tx.users.by_name(name))

    async def matches(self, encoded: str | None, password: str) -> bool:
        """Whether ``password`` fits ``encoded`` (None: an unknown name, checked against a dummy hash so
        both take as long). Counts nothing and writes nothing: manager approvals use it with their own
        throttle (``approvals.ApprovalThrottle``), so wrong PINs there never lock the manager's login."""
        if encoded is None:
            await asyncio.to_thread(lambda: self._passwords.verify(self._dummy_hash(), password))
            return False
        return await asyncio.to_thread(self._passwords.verify, encoded, password)

    def succeed(self, tx: Tx, verified: Verified, now: datetime) -> User:
        """Record a successful check in ``tx``: clear failures, store an upgraded hash.

        The caller writes the audit entry describing what the success was for.
        """
        uid = verified.user.id
        tx.users.reset_failures(uid, now=now)
        if verified.new_hash is not None:
            tx.users.set_password_hash(uid, verified.new_hash, now=now)
        return tx.users.get(uid)

    def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = self._passwords.hash("not a real password")
        return self._dummy

    async def _refuse(self, user: User, now: datetime, purpose: str, reason: str) -> None:
        await self._store.run_write(
            lambda tx: tx.audit.append(
                user.id,
                "auth.login_refused",
                user_subject(user.id),
                {"reason": reason, "purpose": purpose},
                at=now,
            )
        )

    def _record_failure(self, user_id: int, now: datetime, purpose: str, tx: Tx) -> ConsoleError:
        user = tx.users.get(user_id, for_update=True)
        if user.locked_until is not None and user.locked_until <= now:
            tx.users.reset_failures(user_id, now=now)  # the old lock ran out: count afresh
            user = tx.users.get(user_id)
        if user.failed_attempts + 1 >= self._policy.max_failures:
            until = now + self._policy.lockout
            attempts = tx.users.record_failure(user_id, now=now, lock_until=until)
            tx.audit.append(
                user_id,
                "auth.locked",
                user_subject(user_id),
                {"attempts": attempts, "until": until.isoformat(), "purpose": purpose},
                at=now,
            )
            return AccountLocked(locked_message(until))
        attempts = tx.users.record_failure(user_id, now=now)
        tx.audit.append(
            user_id,
            "auth.login_failed",
            user_subject(user_id),
            {"known": True, "attempts": attempts, "purpose": purpose},
            at=now,
        )
        return AuthenticationFailed(msg("users", BAD_CREDENTIALS))
