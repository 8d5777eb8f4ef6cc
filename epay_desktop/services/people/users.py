"""People who use the console: accounts, roles, log-in and manager approvals.

Roles: a cashier takes payments; a manager also moves money (charge, cancel, refund) and
approves a cashier's operation; an admin also manages admins. Who may manage whom: an admin
anyone, a manager cashiers and managers, a cashier nobody. The first user of an empty
database needs no log-in and must be a manager or an admin.

Nobody changes their own role or deactivates their own account, and every account change re-reads
the acting user under one lock (``tx.users.lock_accounts``): the actor is an active manager or
admin who stays so, hence the shop is never left without one, even when two managers change each
other's accounts at the same moment at two counters (decision 0028).

Every change and every authentication attempt writes one audit entry (actions: ``user.added``,
``user.unlocked``, ``user.password_changed``, ``user.password_reset``, ``user.activated``,
``user.deactivated``, ``user.role_changed`` (``before``/``after``), ``auth.*`` from ``login.py``,
``approval.given``, ``approval.refused``, ``approval.failed``, ``approval.paused`` (see
``approvals.py``); ``approval.used`` is written by ``tx.users.consume_approval``).
"""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

from epay_desktop.domain import AccountLocked
from epay_desktop.domain import ApprovalError
from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import ConsoleError
from epay_desktop.domain import OpKind
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.words import ROLE_WORDS
from epay_desktop.services.people.approvals import Approval
from epay_desktop.services.people.approvals import ApprovalRequest
from epay_desktop.services.people.approvals import ApprovalThrottle
from epay_desktop.services.people.approvals import ApprovalThrottlePolicy
from epay_desktop.services.people.approvals import record_approval
from epay_desktop.services.people.login import Credentials
from epay_desktop.services.people.login import LoginPolicy
from epay_desktop.services.people.login import account_problem
from epay_desktop.services.people.login import locked_message
from epay_desktop.services.people.login import not_audited_message
from epay_desktop.services.people.login import report_not_audited
from epay_desktop.services.people.login import require_audited
from epay_desktop.services.people.login import user_subject
from epay_desktop.services.people.look_alike_names import confusable
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.services.people.passwords import check_secret
from epay_desktop.store.db import Store
from epay_desktop.store.repos.users import MAX_APPROVAL_TTL
from epay_desktop.store.repos.users import name_key
from epay_desktop.store.tx import Tx

__all__ = ["Approval", "UserService", "may_manage"]

MAX_NAME_CHARS = 64


def may_manage(actor: Role, target: Role) -> bool:
    """Whether a user with role ``actor`` may add/unlock/reset/deactivate one with role ``target``
    (and, for a role change, give that role)."""
    if actor is Role.ADMIN:
        return True
    return actor is Role.MANAGER and target in (Role.CASHIER, Role.MANAGER)


def _clean_name(name: str) -> str:
    """The name as stored: trimmed and NFKC-normalised (full-width ``ｂｏｓｓ`` is ``boss``)."""
    name = unicodedata.normalize("NFKC", name.strip())
    if not name:
        raise ConsoleError(msg("users", QT_TRANSLATE_NOOP("users", "Enter a user name.")))
    if len(name) > MAX_NAME_CHARS:
        raise ConsoleError(
            msg(
                "users",
                QT_TRANSLATE_NOOP("users", "A user name has at most {max_name_chars} characters."),
                max_name_chars=MAX_NAME_CHARS,
            )
        )
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise ConsoleError(
            msg(
                "users",
                QT_TRANSLATE_NOOP("users", "A user name cannot contain control or invisible characters."),
            )
        )
    return name


def _refuse_look_alike(tx: Tx, name: str) -> None:
    """ConsoleError when ``name`` looks like an existing user's name but is not it (``bоss`` with a
    Cyrillic ``о`` next to ``boss``); the same name is left to the store's "taken" refusal."""
    key = name_key(name)
    for user in tx.users.list():
        if name_key(user.name) != key and confusable(user.name, name):
            raise ConsoleError(
                msg(
                    "users",
                    QT_TRANSLATE_NOOP(
                        "users",
                        "The name {name} looks like the existing user {existing} (letters of another "
                        "alphabet that look the same); choose a name that is clearly different.",
                    ),
                    name=repr(name),
                    existing=repr(user.name),
                )
            )


def _fresh_actor(tx: Tx, actor: User) -> User:
    """The actor as stored now: role changes and deactivation take effect at once."""
    current = tx.users.get(actor.id)
    if not current.active:
        raise PermissionDenied(msg("users", QT_TRANSLATE_NOOP("users", "Your account is deactivated.")))
    return require_audited(tx, current)  # a role changed in the file gives no power (decision 0075)


def _require_may_manage(current: User, role: Role, refusal: str) -> None:
    """PermissionDenied saying ``refusal`` (``{current_role}``, ``{role}``) unless ``current`` may
    manage ``role`` accounts."""
    if not may_manage(current.role, role):
        raise PermissionDenied(
            msg("users", refusal, current_role=ROLE_WORDS[current.role], role=ROLE_WORDS[role])
        )


class UserService:
    """Accounts and authentication. All methods are coroutines; DB work runs on the store's thread."""

    def __init__(
        self,
        store: Store,
        passwords: Passwords,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        policy: LoginPolicy | None = None,
        approval_ttl: timedelta = MAX_APPROVAL_TTL,
        register_id: str = "local",
        approval_policy: ApprovalThrottlePolicy | None = None,
    ) -> None:
        if not timedelta(0) < approval_ttl <= MAX_APPROVAL_TTL:
            raise ValueError("approval_ttl must be more than 0 and at most 2 minutes")
        self._store = store
        self._passwords = passwords
        self._clock = clock
        self._approval_ttl = approval_ttl
        self._credentials = Credentials(store, passwords, clock, policy or LoginPolicy())
        #: wrong manager PINs typed at this counter (``register_id``) -- never the manager's login lockout
        self._throttle = ApprovalThrottle(approval_policy or ApprovalThrottlePolicy(), register_id)

    # -- accounts ----------------------------------------------------------------------------

    async def add_user(self, name: str, role: Role, password: str, actor: User | None) -> User:
        """Create an account and audit ``user.added``.

        The first user of an empty database needs no actor and must be a manager or admin; later
        users need an active actor allowed by :func:`may_manage`. Raises PermissionDenied,
        WeakSecret (password/PIN too short), ConsoleError (bad or taken name).
        """
        name, role = _clean_name(name), Role(role)
        check_secret(password)
        if actor is not None and not may_manage(actor.role, role):
            raise PermissionDenied(
                msg(
                    "users",
                    QT_TRANSLATE_NOOP("users", "The role “{actor_role}” may not add “{role}” accounts."),
                    actor_role=ROLE_WORDS[actor.role],
                    role=ROLE_WORDS[role],
                )
            )
        encoded = await asyncio.to_thread(self._passwords.hash, password)
        now = self._clock()

        def work(tx: Tx) -> User:
            first = tx.users.count() == 0
            if first and role is Role.CASHIER:
                raise PermissionDenied(
                    msg(
                        "users",
                        QT_TRANSLATE_NOOP(
                            "users",
                            "The first user must be a manager or an administrator, who then adds the "
                            "cashiers.",
                        ),
                    )
                )
            actor_id = None  # the first user is created before anyone can log in
            if not first:
                if actor is None:
                    raise PermissionDenied(
                        msg(
                            "users",
                            QT_TRANSLATE_NOOP(
                                "users", "Log in as a manager or an administrator to add users."
                            ),
                        )
                    )
                current = _fresh_actor(tx, actor)
                refusal = QT_TRANSLATE_NOOP(
                    "users", "The role “{current_role}” may not add “{role}” accounts."
                )
                _require_may_manage(current, role, refusal)
                actor_id = current.id
            _refuse_look_alike(tx, name)
            user = tx.users.add(name, role, encoded, now)
            tx.audit.append(
                actor_id,
                "user.added",
                user_subject(user.id),
                {"name": user.name, "role": role.value, "first_user": first},
                at=now,
            )
            return user

        return await self._store.run_write(work)

    async def list_users(self, actor: User) -> list[User]:
        """All accounts, oldest first. Managers and admins only; raises PermissionDenied."""

        def work(tx: Tx) -> list[User]:
            if not _fresh_actor(tx, actor).role.can_move_money:
                raise PermissionDenied(
                    msg(
                        "users",
                        QT_TRANSLATE_NOOP(
                            "users", "Only a manager or an administrator can see the list of users."
                        ),
                    )
                )
            return tx.users.list()

        return await self._store.run_read(work)

    async def has_accounts(self) -> bool:
        """Whether any account exists: the first one (a manager or an admin) is added without a log-in."""
        return await self._store.run_read(lambda tx: tx.users.count() > 0)

    async def display_names(self) -> dict[int, str]:
        """Every account's id -> name, active or not, for showing who took a payment or asked for
        an operation. Any caller may use it: names only (no role, hash, lock or activity state)."""

        def work(tx: Tx) -> dict[int, str]:
            return {user.id: user.name for user in tx.users.list()}

        return await self._store.run_read(work)

    async def _manage(
        self,
        actor: User,
        name: str,
        action: str,
        change: Callable[[Tx, User], None],
        *,
        details: Callable[[User], dict[str, Any]] | None = None,
    ) -> User:
        now = self._clock()

        def work(tx: Tx) -> User:
            tx.users.lock_accounts()  # one account change at a time; what follows is read after it
            current = _fresh_actor(tx, actor)
            found = tx.users.by_name(name)
            if found is None:
                raise ConsoleError(
                    msg(
                        "users",
                        QT_TRANSLATE_NOOP("users", "There is no user named {name_strip}."),
                        name_strip=repr(name.strip()),
                    )
                )
            target = found[0]
            if not may_manage(current.role, target.role):
                raise PermissionDenied(
                    msg(
                        "users",
                        QT_TRANSLATE_NOOP(
                            "users", "The role “{current_role}” may not change “{target_role}” accounts."
                        ),
                        current_role=ROLE_WORDS[current.role],
                        target_role=ROLE_WORDS[target.role],
                    )
                )
            extra = details(target) if details is not None else {}
            change(tx, target)
            tx.audit.append(
                current.id, action, user_subject(target.id), {"role": target.role.value, **extra}, at=now
            )
            return tx.users.get(target.id)

        return await self._store.run_write(work)

    async def unlock(self, actor: User, name: str) -> User:
        """Clear ``name``'s failure count and lock; audits ``user.unlocked`` with what was cleared
        (``locked_until``, ``failed_attempts``). Raises PermissionDenied, ConsoleError (no such user)."""
        now = self._clock()

        def was(target: User) -> dict[str, Any]:
            until = target.locked_until
            return {
                "locked_until": until.isoformat() if until is not None else None,
                "failed_attempts": target.failed_attempts,
            }

        return await self._manage(
            actor, name, "user.unlocked", lambda tx, u: tx.users.reset_failures(u.id, now=now), details=was
        )

    async def set_active(self, actor: User, name: str, active: bool) -> User:
        """(De)activate ``name``; a deactivated user can neither log in nor approve. Audits
        ``user.activated``/``user.deactivated``. Raises PermissionDenied (also for oneself)."""
        now = self._clock()

        def change(tx: Tx, target: User) -> None:
            if target.id == actor.id and not active:
                raise PermissionDenied(
                    msg("users", QT_TRANSLATE_NOOP("users", "You cannot deactivate your own account."))
                )
            tx.users.set_active(target.id, active, now=now)

        return await self._manage(actor, name, "user.activated" if active else "user.deactivated", change)

    async def set_role(self, actor: User, name: str, role: Role) -> User:
        """Give ``name`` another role; takes effect at once (every service re-reads the role).

        The actor must be allowed to manage both the account's present role and the new one
        (:func:`may_manage`: only an admin makes or unmakes admins), and nobody changes their own
        role. Audits ``user.role_changed`` with ``before``/``after``. Raises PermissionDenied,
        ConsoleError (no such user, or it has that role already).
        """
        role = Role(role)
        now = self._clock()

        def change(tx: Tx, target: User) -> None:
            current = tx.users.get(actor.id)
            if target.id == current.id:
                raise PermissionDenied(
                    msg(
                        "users",
                        QT_TRANSLATE_NOOP(
                            "users",
                            "You cannot change your own role; ask another manager or an administrator.",
                        ),
                    )
                )
            refusal = QT_TRANSLATE_NOOP("users", "The role “{current_role}” may not give the role “{role}”.")
            _require_may_manage(current, role, refusal)
            if target.role is role:
                raise ConsoleError(
                    msg(
                        "users",
                        QT_TRANSLATE_NOOP(
                            "users", "{name} already has the role “{role}”; nothing was changed."
                        ),
                        name=target.name,
                        role=ROLE_WORDS[role],
                    )
                )
            tx.users.set_role(target.id, role, now=now)

        return await self._manage(
            actor,
            name,
            "user.role_changed",
            change,
            details=lambda target: {"before": target.role.value, "after": role.value},
        )

    async def reset_password(self, actor: User, name: str, new_password: str) -> User:
        """Set a new password/PIN for ``name`` (forgotten PIN) and clear its lock; audits
        ``user.password_reset``. Raises PermissionDenied or WeakSecret."""
        check_secret(new_password)
        encoded = await asyncio.to_thread(self._passwords.hash, new_password)
        now = self._clock()

        def change(tx: Tx, target: User) -> None:
            tx.users.set_password_hash(target.id, encoded, now=now)
            tx.users.reset_failures(target.id, now=now)

        return await self._manage(actor, name, "user.password_reset", change)

    # -- authentication ----------------------------------------------------------------------

    async def authenticate(self, name: str, password: str) -> User:
        """Log in: returns the user, after clearing the failure count and upgrading an outdated hash.

        Audits ``auth.login`` (or a failure entry, see ``login.py``). Raises AuthenticationFailed or
        AccountLocked (after ``policy.max_failures`` consecutive failures, for ``policy.lockout``).
        """
        verified = await self._credentials.verify(name, password, purpose="login")
        now = self._clock()

        def work(tx: Tx) -> User:
            user = self._credentials.succeed(tx, verified, now)
            tx.audit.append(
                user.id,
                "auth.login",
                user_subject(user.id),
                {"rehashed": verified.new_hash is not None},
                at=now,
            )
            return user

        return await self._store.run_write(work)

    async def change_password(self, name: str, current_password: str, new_password: str) -> User:
        """Change one's own password/PIN after checking the current one; audits
        ``user.password_changed``. Raises AuthenticationFailed, AccountLocked or WeakSecret."""
        check_secret(new_password)
        verified = await self._credentials.verify(name, current_password, purpose="password_change")
        encoded = await asyncio.to_thread(self._passwords.hash, new_password)
        now = self._clock()

        def work(tx: Tx) -> User:
            user = self._credentials.succeed(tx, verified, now)
            tx.users.set_password_hash(user.id, encoded, now=now)
            tx.audit.append(user.id, "user.password_changed", user_subject(user.id), {}, at=now)
            return user

        return await self._store.run_write(work)

    # -- manager approvals -------------------------------------------------------------------

    async def approve(
        self,
        manager_name: str,
        manager_password: str,
        *,
        payment_id: int,
        kind: OpKind,
        amount_minor: int,
        requested_by: User,
    ) -> Approval:
        """A manager approves one operation requested by another user; audits ``approval.given``.

        The approval is bound to payment, kind, amount and requester, is single use and expires
        after ``approval_ttl`` (at most 2 minutes). Wrong names/PINs never count towards the
        manager's login lockout: they are throttled per counter and per requesting cashier
        (``approvals.ApprovalThrottle``, decision 0020), and every try is audited.

        Raises WrongApprovalSecret (an AuthenticationFailed saying the tries left), ApprovalPaused
        (too many wrong tries here; says until when), AccountLocked / AuthenticationFailed (the
        manager's account is locked or deactivated), PermissionDenied (not a manager/admin),
        ApprovalError (own request, bad amount), NotFoundError (unknown payment).
        """
        kind = OpKind(kind)
        if isinstance(amount_minor, bool) or not isinstance(amount_minor, int) or amount_minor < 0:
            raise ApprovalError(
                msg(
                    "users",
                    QT_TRANSLATE_NOOP(
                        "users", "The amount to approve must be a whole number of tiyn, not negative."
                    ),
                )
            )
        request = ApprovalRequest(payment_id, kind, amount_minor, requested_by)
        throttle = self._throttle
        now = self._clock()

        def refuse(manager_id: int | None, reason: str, **extra: Any) -> Callable[[Tx], None]:
            def work(tx: Tx) -> None:
                details = {
                    "kind": kind.value,
                    "requested_by": requested_by.id,
                    "register": throttle.register_id,
                    "reason": reason,
                    **extra,
                }
                tx.audit.append(
                    manager_id if manager_id is not None else requested_by.id,
                    "approval.refused",
                    f"payment:{payment_id}",
                    details,
                    at=now,
                )

            return work

        pause = await self._store.run_read(lambda tx: throttle.active_pause(tx, requested_by, now))
        if pause is not None:  # the PIN is not even checked while paused
            scope, until = pause
            await self._store.run_write(refuse(None, "paused", scope=scope, until=until.isoformat()))
            raise throttle.paused_error(scope, until, now, requested_by)
        found = await self._credentials.lookup(manager_name)
        manager = found[0] if found else None
        if manager is not None and manager.locked_until is not None and now < manager.locked_until:
            await self._store.run_write(refuse(manager.id, "locked"))
            raise AccountLocked(locked_message(manager.locked_until))
        if not await self._credentials.matches(found[1] if found else None, manager_password):
            manager_id = manager.id if manager else None
            error = await self._store.run_write(
                lambda tx: throttle.record_failure(tx, request, now, manager_id=manager_id)
            )
            raise error
        assert manager is not None
        if not manager.active:
            await self._store.run_write(refuse(manager.id, "deactivated"))
            raise AuthenticationFailed(
                msg(
                    "users",
                    QT_TRANSLATE_NOOP(
                        "users", "This account is deactivated. Ask a manager to reactivate it."
                    ),
                )
            )
        checked = manager
        problem = await self._store.run_read(lambda tx: account_problem(tx, checked))
        if problem is not None:  # a manager made in the file approves nothing (decision 0075)
            await self._store.run_write(lambda tx: report_not_audited(tx, checked, problem, "approval", now))
            raise AuthenticationFailed(not_audited_message())

        def work(tx: Tx) -> Approval | ConsoleError:
            raced = throttle.active_pause(tx, requested_by, now, for_update=True)
            if raced is not None:  # another counter's wrong try paused approvals meanwhile
                scope, until = raced
                refuse(checked.id, "paused", scope=scope, until=until.isoformat())(tx)
                return throttle.paused_error(scope, until, now, requested_by)
            current = tx.users.get(checked.id)
            result = record_approval(tx, current, request, now=now, ttl=self._approval_ttl)
            if isinstance(result, Approval):
                throttle.clear(tx, requested_by, now)
            return result

        result = await self._store.run_write(work)
        if isinstance(result, ConsoleError):
            raise result
        return result
