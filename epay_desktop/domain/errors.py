"""Errors a person can act on. Each carries ``user_message``: what happened and what to do.

Gateway problems are ``epay_desktop.gateway.EpayError``; these are the console's own rules.
"""

from __future__ import annotations

from epay_desktop.domain.i18n import Message

__all__ = [
    "AccountLocked",
    "ApprovalError",
    "AuthenticationFailed",
    "ConsoleError",
    "NotFoundError",
    "OperationInProgress",
    "PermissionDenied",
    "RuleViolation",
    "StaleRemaining",
]


class ConsoleError(Exception):
    """Base of the console's own refusals; never a bug."""

    def __init__(self, user_message: str | Message) -> None:
        #: The template and arguments, when the message is translatable (the GUI translates it).
        self.message: Message | None = user_message if isinstance(user_message, Message) else None
        #: The English sentence (logs, CLI, tests).
        self.user_message: str = user_message.text() if isinstance(user_message, Message) else user_message
        super().__init__(self.user_message)


class RuleViolation(ConsoleError):
    """A money rule refuses the operation (minimum, remainder, status, refund window)."""


class StaleRemaining(RuleViolation):
    """The remaining amount changed since the screen was drawn (someone else refunded)."""

    def __init__(self, user_message: str | Message, current_remaining_minor: int) -> None:
        super().__init__(user_message)
        self.current_remaining_minor = current_remaining_minor


class OperationInProgress(ConsoleError):
    """Another charge/cancel/refund of this payment is unresolved; it must finish first."""


class PermissionDenied(ConsoleError):
    """The user's role does not allow this without a manager's approval."""


class ApprovalError(ConsoleError):
    """A manager approval is missing, expired, used, or made for another payment/amount/operation."""


class AuthenticationFailed(ConsoleError):
    """Wrong user name or password/PIN."""


class AccountLocked(ConsoleError):
    """Too many failed log-ins; locked until a time or until a manager unlocks."""


class NotFoundError(ConsoleError):
    """No payment, user or receipt with that key."""
