"""Users and manager approvals (``tx.users``).

User names are unique case-insensitively (``name_key`` = NFKC + casefold). Password hashes
are opaque strings made by the services layer; this module never sees a password.

An approval is a manager's consent to ONE operation: bound to payment, kind, amount and the
requesting user, valid for at most two minutes, and single use. ``consume_approval`` marks it
used inside the caller's write transaction, after locking its row, so two concurrent
consumers cannot both succeed.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import update
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import IntegrityError

from epay_desktop.domain.errors import ApprovalError
from epay_desktop.domain.errors import ConsoleError
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.records import OpKind
from epay_desktop.domain.records import Role
from epay_desktop.domain.records import User
from epay_desktop.store.models import ApprovalRow
from epay_desktop.store.models import ApprovalThrottleRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.models import UserRow
from epay_desktop.store.repos.repo import Repo
from epay_desktop.store.repos.repo import not_found
from epay_desktop.store.repos.repo import record_of

__all__ = ["MAX_APPROVAL_TTL", "ThrottleState", "UserRepo", "name_key"]

MAX_APPROVAL_TTL = timedelta(minutes=2)
_PG_USERS_LOCK = 0x6570617975736572  # "epayuser": serialises user creation on PostgreSQL
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # placeholder updated_at of a throttle row about to be saved


def name_key(name: str) -> str:
    """The lookup key of a user name: trimmed, NFKC-normalised, casefolded."""
    return unicodedata.normalize("NFKC", name.strip()).casefold()


@dataclass(frozen=True, slots=True)
class ThrottleState:
    """Wrong manager PINs typed in approval boxes for one scope (``register:<id>``/``cashier:<id>``)."""

    scope: str
    failures: int = 0
    window_started_at: datetime | None = None
    paused_until: datetime | None = None
    pauses: int = 0


def _user(row: UserRow) -> User:
    return record_of(User, row)


class UserRepo(Repo):
    """Reads and writes users and approvals inside one transaction."""

    # -- users -------------------------------------------------------------------------------

    def _row(self, user_id: int, *, for_update: bool = False) -> UserRow:
        stmt = select(UserRow).where(UserRow.id == user_id)
        if for_update and self._tx.dialect == "postgresql":
            stmt = stmt.with_for_update()
        row = self._tx.session.scalars(stmt).one_or_none()
        if row is None:
            raise not_found(
                QT_TRANSLATE_NOOP("store", "There is no user with id {user_id}."), user_id=user_id
            )
        return row

    def add(self, name: str, role: Role, password_hash: str, now: datetime) -> User:
        """Insert a user. Raises ConsoleError if the name (case-insensitively) is taken."""
        key = name_key(name)
        if self._tx.session.scalar(select(UserRow.id).where(UserRow.name_key == key)) is not None:
            raise _name_taken(name)
        row = UserRow(
            name=name.strip(),
            name_key=key,
            role=Role(role).value,
            password_hash=password_hash,
            active=True,
            failed_attempts=0,
            locked_until=None,
            created_at=now,
            updated_at=now,
        )
        self._tx.session.add(row)
        try:
            self._tx.session.flush()
        except IntegrityError as exc:  # another counter added the same name a moment ago
            raise _name_taken(name) from exc
        return _user(row)

    def get(self, user_id: int, *, for_update: bool = False) -> User:
        """The user with this id (row-locked on PostgreSQL if ``for_update``). Raises NotFoundError."""
        return _user(self._row(user_id, for_update=for_update))

    def by_name(self, name: str) -> tuple[User, str] | None:
        """``(user, password_hash)`` for a name (case-insensitive), or None."""
        row = self._tx.session.scalars(
            select(UserRow).where(UserRow.name_key == name_key(name))
        ).one_or_none()
        return (_user(row), row.password_hash) if row else None

    def list(self) -> list[User]:
        """All users, oldest first."""
        return [_user(r) for r in self._tx.session.scalars(select(UserRow).order_by(UserRow.id))]

    def count(self) -> int:
        """How many users exist. In a PostgreSQL write transaction this first takes an advisory
        lock, so two counters cannot both create "the first user"."""
        if self._tx.locking and self._tx.dialect == "postgresql":
            self._tx.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_USERS_LOCK})
        return int(self._tx.session.scalar(select(func.count()).select_from(UserRow)) or 0)

    def lock_accounts(self) -> None:
        """Serialise changes to accounts (role, active) with each other and with user creation: on
        PostgreSQL a write transaction takes the same advisory lock as :meth:`count`; SQLite's write
        transactions are serial already. Call it before reading the rows the change depends on."""
        if self._tx.locking and self._tx.dialect == "postgresql":
            self._tx.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_USERS_LOCK})

    def record_failure(self, user_id: int, *, now: datetime, lock_until: datetime | None = None) -> int:
        """Add one failed log-in (atomically in SQL) and return the new count; lock if ``lock_until``."""
        values: dict[str, object] = {"failed_attempts": UserRow.failed_attempts + 1, "updated_at": now}
        if lock_until is not None:
            values["locked_until"] = lock_until
        self._tx.session.execute(
            update(UserRow)
            .where(UserRow.id == user_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return int(self._tx.session.scalar(select(UserRow.failed_attempts).where(UserRow.id == user_id)) or 0)

    def reset_failures(self, user_id: int, *, now: datetime) -> None:
        """Clear the failure counter and any lock (successful log-in or a manager's unlock)."""
        row = self._row(user_id)
        row.failed_attempts, row.locked_until, row.updated_at = 0, None, now
        self._tx.session.flush()

    def set_password_hash(self, user_id: int, password_hash: str, *, now: datetime) -> None:
        """Replace the stored hash (password change or rehash with new parameters)."""
        row = self._row(user_id)
        row.password_hash, row.updated_at = password_hash, now
        self._tx.session.flush()

    def set_active(self, user_id: int, active: bool, *, now: datetime) -> None:
        """Activate or deactivate a user; deactivated users cannot log in or approve."""
        row = self._row(user_id)
        row.active, row.updated_at = active, now
        self._tx.session.flush()

    def set_role(self, user_id: int, role: Role, *, now: datetime) -> None:
        """Give a user another role (cashier, manager, admin)."""
        row = self._row(user_id)
        row.role, row.updated_at = Role(role).value, now
        self._tx.session.flush()

    # -- approvals ---------------------------------------------------------------------------

    def create_approval(
        self,
        *,
        payment_id: int,
        kind: OpKind,
        amount_minor: int,
        approved_by: int,
        requested_by: int,
        now: datetime,
        expires_at: datetime,
    ) -> str:
        """Record a manager approval and return its id. Raises NotFoundError for an unknown
        payment, ValueError if it would live longer than two minutes."""
        if not now < expires_at <= now + MAX_APPROVAL_TTL:
            raise ValueError("an approval lives more than 0 and at most 2 minutes")
        self._get(
            PaymentRow,
            payment_id,
            QT_TRANSLATE_NOOP("store", "There is no payment with id {payment_id}."),
            payment_id=payment_id,
        )
        approval_id = str(uuid.uuid4())
        self._tx.session.add(
            ApprovalRow(
                id=approval_id,
                payment_id=payment_id,
                kind=OpKind(kind).value,
                amount_minor=amount_minor,
                approved_by=approved_by,
                requested_by=requested_by,
                created_at=now,
                expires_at=expires_at,
            )
        )
        self._tx.session.flush()
        return approval_id

    def consume_approval(
        self,
        approval_id: str,
        *,
        payment_id: int,
        kind: OpKind,
        amount_minor: int,
        requested_by: int,
        now: datetime,
        op_id: str,
    ) -> int:
        """Use an approval for operation ``op_id`` and return the approving manager's id.

        Must run inside ``Store.write()``: the row is locked (``BEGIN IMMEDIATE`` on SQLite,
        ``FOR UPDATE`` on PostgreSQL) and marked used by ``op_id`` in the caller's transaction, so it
        commits or rolls back with the operation. ``op_id`` may be inserted later in the same
        transaction (the reference is checked at commit). Raises ApprovalError (plain words) if the
        approval is unknown, expired, already used, made for another payment, kind, amount or
        requesting user, or its manager can no longer approve.
        """
        if not self._tx.locking:
            raise RuntimeError("approvals are consumed only inside Store.write()")
        stmt = select(ApprovalRow).where(ApprovalRow.id == approval_id)
        if self._tx.dialect == "postgresql":
            stmt = stmt.with_for_update()
        row = self._tx.session.scalars(stmt.execution_options(populate_existing=True)).one_or_none()
        if row is None:
            raise ApprovalError(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store", "This manager approval is not known. Ask the manager to approve again."
                    ),
                )
            )
        if row.used_at is not None:
            raise _approval_used()
        if now >= row.expires_at:
            raise ApprovalError(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store", "The manager approval has expired (it lasts 2 minutes). Ask again."
                    ),
                )
            )
        if (row.payment_id, row.kind, row.amount_minor) != (payment_id, OpKind(kind).value, amount_minor):
            raise ApprovalError(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store",
                        "The manager approved a different payment, operation or amount. Ask for a new "
                        "approval.",
                    ),
                )
            )
        if row.requested_by != requested_by:
            raise ApprovalError(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store", "The manager approved this for another cashier. Ask for a new approval."
                    ),
                )
            )
        manager = self._row(row.approved_by)
        if not manager.active or not Role(manager.role).can_move_money:
            raise ApprovalError(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store", "The approving manager can no longer approve. Ask another manager."
                    ),
                )
            )
        done = self._tx.session.execute(
            update(ApprovalRow)
            .where(ApprovalRow.id == approval_id, ApprovalRow.used_at.is_(None))
            .values(used_at=now, used_by_op=op_id)
            .execution_options(synchronize_session=False)
        )
        if getattr(done, "rowcount", 0) != 1:  # belt and braces: someone else got there first
            raise _approval_used()
        self._tx.audit.append(
            requested_by,
            "approval.used",
            f"payment:{payment_id}",
            {
                "approval_id": approval_id,
                "op_id": op_id,
                "kind": row.kind,
                "amount_minor": amount_minor,
                "requested_by": requested_by,
                "approved_by": row.approved_by,
            },
            at=now,
        )
        return row.approved_by

    # -- approval throttle (wrong manager PINs per counter / per cashier) ----------------------

    def throttle_states(self, scopes: Iterable[str], *, for_update: bool = False) -> dict[str, ThrottleState]:
        """The state of each scope (a fresh zero state for a scope never seen).

        With ``for_update`` (inside ``Store.write()`` only) missing rows are created first and all rows
        are locked (``FOR UPDATE`` on PostgreSQL; SQLite's write transaction holds the database lock),
        so two counters recording a wrong PIN at once never lose a count.
        """
        wanted = sorted(set(scopes))
        session = self._tx.session
        if for_update:
            if not self._tx.locking:
                raise RuntimeError("the approval throttle is updated only inside Store.write()")
            rows = [{"scope": scope, "failures": 0, "pauses": 0, "updated_at": _EPOCH} for scope in wanted]
            dialect_insert = postgresql.insert if self._tx.dialect == "postgresql" else sqlite.insert
            session.execute(
                dialect_insert(ApprovalThrottleRow)
                .values(rows)
                .on_conflict_do_nothing(index_elements=["scope"])
            )
        stmt = select(ApprovalThrottleRow).where(ApprovalThrottleRow.scope.in_(wanted))
        if for_update and self._tx.dialect == "postgresql":
            stmt = stmt.order_by(ApprovalThrottleRow.scope).with_for_update()
        found = {
            row.scope: ThrottleState(
                row.scope, row.failures, row.window_started_at, row.paused_until, row.pauses
            )
            for row in session.scalars(stmt.execution_options(populate_existing=True))
        }
        return {scope: found.get(scope, ThrottleState(scope)) for scope in wanted}

    def save_throttle(self, state: ThrottleState, *, now: datetime) -> None:
        """Store ``state`` (its row must exist: read it with ``throttle_states(for_update=True)`` first)."""
        self._tx.session.execute(
            update(ApprovalThrottleRow)
            .where(ApprovalThrottleRow.scope == state.scope)
            .values(
                failures=state.failures,
                window_started_at=state.window_started_at,
                paused_until=state.paused_until,
                pauses=state.pauses,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )


def _name_taken(name: str) -> ConsoleError:
    return ConsoleError(
        msg(
            "store",
            QT_TRANSLATE_NOOP("store", "A user named {name_strip} already exists; choose another name."),
            name_strip=repr(name.strip()),
        )
    )


def _approval_used() -> ApprovalError:
    return ApprovalError(
        msg(
            "store",
            QT_TRANSLATE_NOOP(
                "store", "This manager approval was already used. Each approval is good for one operation."
            ),
        )
    )
