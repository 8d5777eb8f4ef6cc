"""A manager's approval of one operation, as recorded once the manager's PIN was checked.

The approval is bound to payment, kind, amount and the requesting user, expires after at
most two minutes and is single use (``tx.users.consume_approval``, called by the money
operation in its own write transaction). Both user ids go into the audit entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from epay_desktop.domain import ApprovalError, ConsoleError, OpKind, PermissionDenied, User
from epay_desktop.store.tx import Tx

from ..domain.i18n import QT_TRANSLATE_NOOP, msg

__all__ = ["Approval", "ApprovalRequest", "record_approval"]


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
