"""The gateway's transaction statuses (``statusName`` in check-status) and what each allows.

``AUTH`` holds money on a two-step terminal: it can be charged (captured) in full or in
part, or cancelled. ``CHARGE`` is money taken: it can be refunded, fully or in parts.
``REFUND`` is what a full refund ends in; partial refunds keep ``CHARGE`` with a lower
``amount``. Everything else either is still moving (``NEW``, ``FINGERPRINT``) or is final.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["PaymentStatus"]


class PaymentStatus(StrEnum):
    NEW = "NEW"
    FINGERPRINT = "FINGERPRINT"
    THREE_DS = "3D"
    AUTH = "AUTH"
    CHARGE = "CHARGE"
    CANCEL = "CANCEL"
    CANCEL_OLD = "CANCEL_OLD"
    REFUND = "REFUND"
    REJECT = "REJECT"
    FAILED = "FAILED"
    VERIFIED = "VERIFIED"

    @classmethod
    def parse(cls, name: str) -> PaymentStatus:
        """Status from the gateway's ``statusName``; raises ``ValueError`` on anything unknown."""
        try:
            return cls(name.strip().upper())
        except ValueError:
            raise ValueError(f"unknown payment status {name!r}") from None

    @property
    def is_final(self) -> bool:
        """No further change will come from the customer or the bank by itself.

        ``AUTH`` is not final: it becomes ``CHARGE``, ``CANCEL`` or ``CANCEL_OLD``.
        ``CHARGE`` is final for polling purposes, though a merchant may still refund it.
        """
        return self not in _IN_PROGRESS and self is not PaymentStatus.AUTH

    @property
    def is_in_progress(self) -> bool:
        """The customer has started but not finished (form open, 3-D Secure running)."""
        return self in _IN_PROGRESS

    @property
    def is_paid(self) -> bool:
        """Money was taken or held for the shop (possibly refunded later)."""
        return self in (PaymentStatus.AUTH, PaymentStatus.CHARGE, PaymentStatus.REFUND)

    @property
    def is_failure(self) -> bool:
        return self in (PaymentStatus.THREE_DS, PaymentStatus.REJECT, PaymentStatus.FAILED)

    @property
    def allows_charge(self) -> bool:
        return self is PaymentStatus.AUTH

    @property
    def allows_cancel(self) -> bool:
        return self is PaymentStatus.AUTH

    @property
    def allows_refund(self) -> bool:
        return self is PaymentStatus.CHARGE


_IN_PROGRESS = frozenset({PaymentStatus.NEW, PaymentStatus.FINGERPRINT})
