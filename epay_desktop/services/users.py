"""People who use the console: accounts, roles, log-in and manager approvals.

Roles: a cashier takes payments; a manager also moves money (charge, cancel, refund) and
approves a cashier's operation; an admin also manages admins. Who may manage whom: an admin
anyone, a manager cashiers and managers, a cashier nobody. The first user of an empty
database needs no log-in and must be a manager or an admin.

Every change and every authentication attempt writes one audit entry (actions: ``user.added``,
``user.unlocked``, ``user.password_changed``, ``user.password_reset``, ``user.activated``,
``user.deactivated``, ``auth.*`` from ``login.py``, ``approval.given``, ``approval.refused``;
``approval.used`` is written by ``tx.users.consume_approval``).
"""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from epay_desktop.domain import ApprovalError, ConsoleError, OpKind, PermissionDenied, Role, User
from epay_desktop.store.db import Store
from epay_desktop.store.repos.users import MAX_APPROVAL_TTL
from epay_desktop.store.tx import Tx

from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from .approvals import Approval, ApprovalRequest, record_approval
from .login import Credentials, LoginPolicy, user_subject
from .passwords import Passwords, check_secret

__all__ = ["Approval", "UserService", "may_manage"]

MAX_NAME_CHARS = 64


def may_manage(actor: Role, target: Role) -> bool:
    """Whether a user with role ``actor`` may add/unlock/reset/deactivate one with role ``target``."""
    if actor is Role.ADMIN:
        return True
    return actor is Role.MANAGER and target in (Role.CASHIER, Role.MANAGER)


def _clean_name(name: str) -> str:
    name = name.strip()
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


def _fresh_actor(tx: Tx, actor: User) -> User:
    """The actor as stored now: role changes and deactivation take effect at once."""
    current = tx.users.get(actor.id)
    if not current.active:
        raise PermissionDenied(msg("users", QT_TRANSLATE_NOOP("users", "Your account is deactivated.")))
    return current


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
    ) -> None:
        if not timedelta(0) < approval_ttl <= MAX_APPROVAL_TTL:
            raise ValueError("approval_ttl must be more than 0 and at most 2 minutes")
        self._store = store
        self._passwords = passwords
        self._clock = clock
        self._approval_ttl = approval_ttl
        self._credentials = Credentials(store, passwords, clock, policy or LoginPolicy())

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
                    QT_TRANSLATE_NOOP("users", "A {actor_role} cannot add a {role}."),
                    actor_role=actor.role.value,
                    role=role.value,
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
                if not may_manage(current.role, role):
                    raise PermissionDenied(
                        msg(
                            "users",
                            QT_TRANSLATE_NOOP("users", "A {current_role} cannot add a {role}."),
                            current_role=current.role.value,
                            role=role.value,
                        )
                    )
                actor_id = current.id
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

    async def display_names(self) -> dict[int, str]:
        """Every account's id -> name, active or not, for showing who took a payment or asked for
        an operation. Any caller may use it: names only (no role, hash, lock or activity state)."""

        def work(tx: Tx) -> dict[int, str]:
            return {user.id: user.name for user in tx.users.list()}

        return await self._store.run_read(work)

    async def _manage(self, actor: User, name: str, action: str, change: Callable[[Tx, User], None]) -> User:
        now = self._clock()

        def work(tx: Tx) -> User:
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
                            "users", "A {current_role} cannot change a {target_role}'s account."
                        ),
                        current_role=current.role.value,
                        target_role=target.role.value,
                    )
                )
            change(tx, target)
            tx.audit.append(current.id, action, user_subject(target.id), {"role": target.role.value}, at=now)
            return tx.users.get(target.id)

        return await self._store.run_write(work)

    async def unlock(self, actor: User, name: str) -> User:
        """Clear ``name``'s failure count and lock; audits ``user.unlocked``. Raises PermissionDenied."""
        now = self._clock()
        return await self._manage(
            actor, name, "user.unlocked", lambda tx, u: tx.users.reset_failures(u.id, now=now)
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

        The manager's password/PIN is checked like a log-in (failures count towards the lockout).
        The approval is bound to payment, kind, amount and requester, is single use and expires
        after ``approval_ttl`` (at most 2 minutes). Raises AuthenticationFailed, AccountLocked,
        PermissionDenied (not a manager/admin), ApprovalError (own request, bad amount),
        NotFoundError (unknown payment).
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
        verified = await self._credentials.verify(manager_name, manager_password, purpose="approval")
        now = self._clock()

        request = ApprovalRequest(payment_id, kind, amount_minor, requested_by)

        def work(tx: Tx) -> Approval | ConsoleError:
            manager = self._credentials.succeed(tx, verified, now)
            return record_approval(tx, manager, request, now=now, ttl=self._approval_ttl)

        result = await self._store.run_write(work)
        if isinstance(result, ConsoleError):
            raise result
        return result
