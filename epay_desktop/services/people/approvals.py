"""A manager's approval of one operation, and the throttle on wrong PINs typed to give one.

The approval is bound to payment, kind, amount and the requesting user, expires after at
most two minutes and is single use (``tx.users.consume_approval``, called by the money
operation in its own write transaction). Both user ids go into the audit entries.

Wrong PINs typed in a cashier's approval box never count towards the manager's login lockout.
They are throttled per counter (register) and per requesting cashier instead (decision 0020):
``max_failures`` wrong tries within ``window`` pause approvals from that counter, and for that
cashier at any counter, for ``pause`` (doubling with each further pause before a right PIN, at
most ``max_pause``). Every try writes one audit entry: ``approval.given``, ``approval.refused``
(not a manager, own request, paused, locked or deactivated account) or ``approval.failed`` (wrong
name or PIN), plus ``approval.paused`` for each scope a try pauses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime
from datetime import timedelta
from typing import Any

from epay_desktop.domain import ApprovalError
from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import ConsoleError
from epay_desktop.domain import OpKind
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import User
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.services.people.login import KZ_TIME
from epay_desktop.store.repos.users import ThrottleState
from epay_desktop.store.tx import Tx

__all__ = [
    "Approval",
    "ApprovalPaused",
    "ApprovalRequest",
    "ApprovalThrottle",
    "ApprovalThrottlePolicy",
    "WrongApprovalSecret",
    "cashier_scope",
    "record_approval",
    "register_scope",
]


@dataclass(frozen=True, slots=True)
class ApprovalThrottlePolicy:
    """How many wrong manager PINs a counter or a cashier may type, and how long approvals then pause."""

    max_failures: int = 5
    window: timedelta = timedelta(minutes=10)
    pause: timedelta = timedelta(minutes=5)
    max_pause: timedelta = timedelta(hours=4)
    forget_pauses_after: timedelta = timedelta(hours=24)

    def pause_after(self, pauses_before: int) -> timedelta:
        """The length of the next pause: ``pause``, doubled for each earlier one, at most ``max_pause``."""
        doubled: timedelta = self.pause * (2 ** min(pauses_before, 16))
        return min(doubled, self.max_pause)


class WrongApprovalSecret(AuthenticationFailed):
    """A wrong manager name or PIN in an approval box; ``tries_left`` before approvals pause."""

    def __init__(self, user_message: str | Message, tries_left: int, pause: timedelta) -> None:
        super().__init__(user_message)
        self.tries_left = tries_left
        self.pause = pause


class ApprovalPaused(ApprovalError):
    """Approvals from this counter (or for this cashier) are paused after too many wrong PINs."""

    def __init__(self, user_message: str | Message, until: datetime, scope: str) -> None:
        super().__init__(user_message)
        self.until = until
        self.scope = scope


def register_scope(register_id: str) -> str:
    return f"register:{register_id}"


def cashier_scope(user_id: int) -> str:
    return f"cashier:{user_id}"


def _minutes(delta: timedelta) -> int:
    return max(1, math.ceil(delta.total_seconds() / 60))


def _paused(state: ThrottleState, now: datetime) -> bool:
    return state.paused_until is not None and now < state.paused_until


def _clock_text(at: datetime) -> str:
    return f"{at.astimezone(KZ_TIME):%H:%M}"


@dataclass(frozen=True, slots=True)
class Approval:
    """A manager's consent to one operation; pass ``id`` to the money operation within ``expires_at``."""

    id: str
    payment_id: int
    kind: OpKind
    amount_minor: int
    approved_by: int
    requested_by: int
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class ApprovalRequest:
    """What the manager is asked to approve."""

    payment_id: int
    kind: OpKind
    amount_minor: int
    requested_by: User


def record_approval(
    tx: Tx, manager: User, request: ApprovalRequest, *, now: datetime, ttl: timedelta
) -> Approval | ConsoleError:
    """In ``tx``: create the approval and audit ``approval.given``, or audit ``approval.refused``
    and RETURN (not raise) the refusal so the audit entry still commits.

    Refusals: PermissionDenied if ``manager`` cannot move money, ApprovalError for one's own
    request. Raises NotFoundError for an unknown payment.
    """
    subject = f"payment:{request.payment_id}"
    refusal: ConsoleError | None = None
    if not manager.role.can_move_money:
        refusal = PermissionDenied(
            msg(
                "users",
                QT_TRANSLATE_NOOP(
                    "users", "{manager_name} is not a manager; ask a manager or an administrator."
                ),
                manager_name=manager.name,
            )
        )
    elif manager.id == request.requested_by.id:
        refusal = ApprovalError(
            msg(
                "users",
                QT_TRANSLATE_NOOP("users", "Approve someone else's request; a manager needs no approval."),
            )
        )
    if refusal is not None:
        details = {"kind": request.kind.value, "requested_by": request.requested_by.id}
        tx.audit.append(
            manager.id, "approval.refused", subject, {**details, "reason": type(refusal).__name__}, at=now
        )
        return refusal
    expires_at = now + ttl
    approval_id = tx.users.create_approval(
        payment_id=request.payment_id,
        kind=request.kind,
        amount_minor=request.amount_minor,
        approved_by=manager.id,
        requested_by=request.requested_by.id,
        now=now,
        expires_at=expires_at,
    )
    tx.audit.append(
        manager.id,
        "approval.given",
        subject,
        {
            "approval_id": approval_id,
            "kind": request.kind.value,
            "amount_minor": request.amount_minor,
            "approved_by": manager.id,
            "requested_by": request.requested_by.id,
            "expires_at": expires_at.isoformat(),
        },
        at=now,
    )
    return Approval(
        approval_id,
        request.payment_id,
        request.kind,
        request.amount_minor,
        manager.id,
        request.requested_by.id,
        expires_at,
    )


@dataclass(frozen=True, slots=True)
class _Outcome:
    """One scope's state before and after a wrong try."""

    before: ThrottleState
    after: ThrottleState
    newly_paused: bool


class ApprovalThrottle:
    """Wrong-PIN bookkeeping of one counter (``register_id``); every method runs inside a Tx."""

    def __init__(self, policy: ApprovalThrottlePolicy, register_id: str) -> None:
        if policy.max_failures < 1:
            raise ValueError("max_failures must be at least 1")
        self.policy = policy
        self.register_id = register_id

    def scopes(self, requester: User) -> tuple[str, str]:
        return register_scope(self.register_id), cashier_scope(requester.id)

    def active_pause(
        self, tx: Tx, requester: User, now: datetime, *, for_update: bool = False
    ) -> tuple[str, datetime] | None:
        """``(scope, until)`` of the pause that ends last, or None when approvals may be asked."""
        states = tx.users.throttle_states(self.scopes(requester), for_update=for_update)
        paused = [
            (s.paused_until, s.scope) for s in states.values() if s.paused_until and now < s.paused_until
        ]
        if not paused:
            return None
        until, scope = max(paused)
        return scope, until

    def paused_error(
        self, scope: str, until: datetime, now: datetime, requester: User, *, just_paused: bool = False
    ) -> ApprovalPaused:
        """The refusal of a try made while approvals are paused, or of the try that paused them
        (``just_paused``), with the time left."""
        at_counter = scope.startswith("register:")
        if just_paused and at_counter:
            template = QT_TRANSLATE_NOOP(
                "users",
                "Wrong manager name or PIN, too many times: approvals at this counter are paused "
                "for {minutes} min (until {time}, Kazakhstan time). Meanwhile a manager can log "
                "in and do it without an approval.",
            )
        elif just_paused:
            template = QT_TRANSLATE_NOOP(
                "users",
                "Wrong manager name or PIN, too many times: approvals for {cashier}'s requests are "
                "paused for {minutes} min (until {time}, Kazakhstan time). Meanwhile a manager can "
                "log in and do it without an approval.",
            )
        elif at_counter:
            template = QT_TRANSLATE_NOOP(
                "users",
                "Too many wrong manager PINs at this counter: approvals here are paused for "
                "{minutes} more min (until {time}, Kazakhstan time). Meanwhile a manager can log in "
                "and do it without an approval.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "users",
                "Too many wrong manager PINs for {cashier}'s requests: approvals for them are paused "
                "for {minutes} more min (until {time}, Kazakhstan time). Meanwhile a manager can log "
                "in and do it without an approval.",
            )
        who: dict[str, object] = {} if at_counter else {"cashier": requester.name}
        text = msg("users", template, minutes=_minutes(until - now), time=_clock_text(until), **who)
        return ApprovalPaused(text, until, scope)

    def _count(self, state: ThrottleState, now: datetime) -> _Outcome:
        policy = self.policy
        if state.paused_until is not None and now < state.paused_until:
            return _Outcome(state, state, False)  # a try that raced with the one that paused it
        pauses = state.pauses
        if state.paused_until is not None and now - state.paused_until >= policy.forget_pauses_after:
            pauses = 0
        failures, started = state.failures, state.window_started_at
        if started is None or now - started >= policy.window:
            failures, started = 0, now
        failures += 1
        if failures >= policy.max_failures:
            until = now + policy.pause_after(pauses)
            return _Outcome(state, ThrottleState(state.scope, 0, None, until, pauses + 1), True)
        return _Outcome(
            state, replace(state, failures=failures, window_started_at=started, pauses=pauses), False
        )

    def record_failure(
        self,
        tx: Tx,
        request: ApprovalRequest,
        now: datetime,
        *,
        manager_id: int | None,
    ) -> ConsoleError:
        """Count one wrong name/PIN on both scopes, audit it, and return the error to raise."""
        requester = request.requested_by
        states = tx.users.throttle_states(self.scopes(requester), for_update=True)
        outcomes = [self._count(state, now) for state in states.values()]
        for outcome in outcomes:
            tx.users.save_throttle(outcome.after, now=now)
        paused = [
            (o.after.paused_until, o.after.scope)
            for o in outcomes
            if o.after.paused_until and now < o.after.paused_until
        ]
        tries_left = min(
            (self.policy.max_failures - o.after.failures for o in outcomes), default=self.policy.max_failures
        )
        subject = f"payment:{request.payment_id}"
        details: dict[str, Any] = {
            "kind": request.kind.value,
            "amount_minor": request.amount_minor,
            "requested_by": requester.id,
            "register": self.register_id,
            "manager_id": manager_id,
            "known_name": manager_id is not None,
            "tries_left": 0 if paused else tries_left,
        }
        tx.audit.append(requester.id, "approval.failed", subject, details, at=now)
        for outcome in outcomes:
            if outcome.newly_paused and outcome.after.paused_until is not None:
                tx.audit.append(
                    requester.id,
                    "approval.paused",
                    outcome.after.scope,
                    {
                        "until": outcome.after.paused_until.isoformat(),
                        "pause_number": outcome.after.pauses,
                        "register": self.register_id,
                        "requested_by": requester.id,
                    },
                    at=now,
                )
        if paused:
            until, scope = max(paused)
            return self.paused_error(scope, until, now, requester, just_paused=True)
        pause = max(
            (
                self.policy.pause_after(o.after.pauses)
                for o in outcomes
                if o.after.failures == self.policy.max_failures - tries_left
            ),
            default=self.policy.pause,
        )
        if tries_left == 1:
            template = QT_TRANSLATE_NOOP(
                "users", "Wrong manager name or PIN. 1 try left before approvals pause for {minutes} minutes."
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "users",
                "Wrong manager name or PIN. {tries} tries left before approvals pause for {minutes} minutes.",
            )
        text = msg("users", template, tries=tries_left, minutes=_minutes(pause))
        return WrongApprovalSecret(text, tries_left, pause)

    def clear(self, tx: Tx, requester: User, now: datetime) -> None:
        """A right PIN: both scopes start afresh (failures and pause escalation forgotten)."""
        states = tx.users.throttle_states(self.scopes(requester), for_update=True)
        for scope in states:
            tx.users.save_throttle(ThrottleState(scope), now=now)
