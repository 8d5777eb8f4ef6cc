"""Receipts as the console records them: kind, paper width, language and the issued record.

A receipt number is gap-free per register (cash desk): the store takes it from a counter
in the same transaction that inserts the receipt, so a rolled-back receipt leaves no hole.
A receipt printed again for the same sale or refund is a *duplicate* that names the
original's number; it gets its own number too, because every printed slip is accounted for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from epay_desktop.domain.errors import NotFoundError
from epay_desktop.domain.errors import RuleViolation
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.invoice import InvoiceId
from epay_desktop.domain.money import Money
from epay_desktop.domain.records import ConsoleStatus
from epay_desktop.domain.records import MoneyOp
from epay_desktop.domain.records import OpKind
from epay_desktop.domain.records import OpState
from epay_desktop.domain.records import Payment
from epay_desktop.domain.rules import op_state_words
from epay_desktop.domain.rules import status_words

__all__ = [
    "RECEIPT_PAID_STATUSES",
    "ReceiptDraft",
    "ReceiptKind",
    "ReceiptLanguage",
    "ReceiptPlan",
    "ReceiptRecord",
    "ReceiptRequest",
    "ReceiptWidth",
    "plan_receipt",
]

#: A sale receipt needs money taken or held for the shop (a refunded sale was paid too).
RECEIPT_PAID_STATUSES = frozenset({ConsoleStatus.AUTH, ConsoleStatus.CHARGE, ConsoleStatus.REFUND})


class ReceiptKind(StrEnum):
    SALE = "sale"
    REFUND = "refund"
    DUPLICATE = "duplicate"


class ReceiptWidth(StrEnum):
    """Paper: 80 mm and 58 mm thermal rolls (height follows the content) or an A4 sheet."""

    MM80 = "80"
    MM58 = "58"
    A4 = "a4"


class ReceiptLanguage(StrEnum):
    """Receipt language: Kazakh, Russian or English (ISO 639-1, not the widget's kaz/rus/eng)."""

    KK = "kk"
    RU = "ru"
    EN = "en"

    @classmethod
    def from_widget(cls, code: str) -> ReceiptLanguage:
        """Receipt language from a payment's widget language (``kaz``/``rus``/``eng``); Russian otherwise."""
        return {"kaz": cls.KK, "eng": cls.EN}.get(code, cls.RU)


@dataclass(frozen=True, slots=True)
class ReceiptRequest:
    """Which receipt a person asks for: of payment ``invoice_id``, of ``kind`` (a refund receipt is of
    the refund ``money_op_id``, else of the latest), on ``width`` paper, in ``language`` (None: the shop
    settings ``receipt.width`` / ``receipt.language``). The preview, the issue and the thermal print
    of a receipt take it; the receipt dialog keeps it."""

    invoice_id: InvoiceId
    kind: ReceiptKind = ReceiptKind.SALE
    width: ReceiptWidth | None = None
    language: ReceiptLanguage | None = None
    money_op_id: str | None = None

    @classmethod
    def of(
        cls,
        invoice_id: InvoiceId,
        kind: ReceiptKind | str,
        width: ReceiptWidth | str | None = None,
        language: ReceiptLanguage | str | None = None,
        money_op_id: str | None = None,
    ) -> ReceiptRequest:
        """The request in the words it was given in (the CLI's, the dialog's); ValueError for a kind,
        width or language that is none."""
        return cls(
            invoice_id,
            ReceiptKind(kind),
            ReceiptWidth(width) if width is not None else None,
            ReceiptLanguage(language) if language is not None else None,
            money_op_id,
        )


@dataclass(frozen=True, slots=True)
class ReceiptRecord:
    """One issued receipt.

    ``amount`` is what the receipt is about: the paid sum for a sale, the refunded sum for a
    refund, and the original's amount for a duplicate. ``original_receipt_id`` is set only on
    duplicates; ``money_op_id`` on refund receipts (and duplicates of them).
    """

    id: int
    register_id: str
    number: int
    kind: ReceiptKind
    payment_id: int
    money_op_id: str | None
    original_receipt_id: int | None
    amount: Money
    language: ReceiptLanguage
    width: ReceiptWidth
    created_by: int | None
    created_at: datetime

    @property
    def display_number(self) -> str:
        """The number as printed: six digits, zero-padded (``000042``)."""
        return f"{self.number:06d}"


@dataclass(frozen=True, slots=True)
class ReceiptDraft:
    """A receipt as it would be printed now, shown before anything is recorded (no number yet).

    ``kind`` is the final kind (DUPLICATE when an original exists), ``amount`` what the slip is
    about (the refund's amount for a refund receipt), ``pdf`` the preview drawn with the
    number left blank. Issuing it later may still turn out differently (another counter printed
    the original meanwhile): what is printed is always the issued PDF, never this one.
    """

    invoice_id: InvoiceId
    kind: ReceiptKind
    content_kind: ReceiptKind
    amount: Money
    language: ReceiptLanguage
    width: ReceiptWidth
    original_number: int | None
    pdf: bytes


@dataclass(frozen=True, slots=True)
class ReceiptPlan:
    """What a requested receipt will be: its final kind, what it is about and its amount lines.

    ``operation`` is the refund a refund receipt (or its duplicate) documents; ``original`` the
    receipt a duplicate copies. ``refunded`` counts succeeded refunds up to and including
    ``operation`` (all of them for a sale), so reprinting an old refund shows the same lines.
    """

    kind: ReceiptKind
    operation: MoneyOp | None
    original: ReceiptRecord | None
    paid: Money
    refunded: Money
    remaining: Money
    status: ConsoleStatus

    @property
    def amount(self) -> Money:
        """The receipt row's amount: the original's, else the refund's, else the paid sum."""
        if self.original is not None:
            return self.original.amount
        return self.operation.amount if self.operation is not None else self.paid

    @property
    def shows_refunds(self) -> bool:
        """Whether refunded/remaining lines belong on the slip (refunds, and sales with refunds)."""
        return self.operation is not None or self.refunded.minor > 0


def plan_receipt(
    payment: Payment,
    ops: list[MoneyOp],
    earlier: list[ReceiptRecord],
    kind: ReceiptKind,
    money_op_id: str | None = None,
) -> ReceiptPlan:
    """Decide what receipt to print for ``payment`` given its operations and earlier receipts.

    Pure. A second sale (or refund) receipt for the same sale (or refund) becomes a DUPLICATE
    of the first. Raises RuleViolation when a sale receipt is asked for an unpaid payment, a
    refund receipt without a succeeded refund, or a duplicate with no original; NotFoundError
    when ``money_op_id`` is not one of this payment's refunds.
    """
    originals = [r for r in earlier if r.kind is not ReceiptKind.DUPLICATE]
    op: MoneyOp | None = None
    if kind is ReceiptKind.SALE or (kind is ReceiptKind.DUPLICATE and money_op_id is None):
        original = next((r for r in originals if r.kind is ReceiptKind.SALE), None)
        if original is None and kind is ReceiptKind.DUPLICATE:
            raise RuleViolation(
                msg(
                    "receipts",
                    QT_TRANSLATE_NOOP(
                        "receipts",
                        "No sale receipt was printed for this payment yet, so there is nothing to copy.",
                    ),
                )
            )
        if original is None and payment.status not in RECEIPT_PAID_STATUSES:
            raise RuleViolation(
                msg(
                    "receipts",
                    QT_TRANSLATE_NOOP(
                        "receipts",
                        "A sale receipt can be printed only for a paid payment; this one is "
                        "{payment_status}.",
                    ),
                    payment_status=status_words(payment.status),
                )
            )
    else:
        op = _refund_op(ops, money_op_id)
        original = next(
            (r for r in originals if r.kind is ReceiptKind.REFUND and r.money_op_id == op.id), None
        )
        if original is None and kind is ReceiptKind.DUPLICATE:
            raise RuleViolation(
                msg(
                    "receipts",
                    QT_TRANSLATE_NOOP(
                        "receipts", "No receipt was printed for this refund yet, so there is nothing to copy."
                    ),
                )
            )
    paid = _captured(payment, ops)
    refunded = _refunded(ops, paid.currency, through=op)
    remaining = Money(max(0, paid.minor - refunded.minor), paid.currency)
    if op is None:
        status = payment.status
    else:  # the payment as that refund left it
        status = ConsoleStatus.REFUND if remaining.minor == 0 else ConsoleStatus.CHARGE
    final_kind = ReceiptKind.DUPLICATE if original is not None else kind
    return ReceiptPlan(final_kind, op, original, paid, refunded, remaining, status)


def _refund_op(ops: list[MoneyOp], money_op_id: str | None) -> MoneyOp:
    refunds = [o for o in ops if o.kind is OpKind.REFUND]
    if money_op_id is None:
        done = [o for o in refunds if o.state is OpState.SUCCEEDED]
        if not done:
            raise RuleViolation(
                msg(
                    "receipts",
                    QT_TRANSLATE_NOOP(
                        "receipts",
                        "This payment has no completed refund, so there is no refund receipt to print.",
                    ),
                )
            )
        return done[-1]
    op = next((o for o in refunds if o.id == money_op_id), None)
    if op is None:
        raise NotFoundError(
            msg("receipts", QT_TRANSLATE_NOOP("receipts", "That refund does not belong to this payment."))
        )
    if op.state is not OpState.SUCCEEDED:
        raise RuleViolation(
            msg(
                "receipts",
                QT_TRANSLATE_NOOP(
                    "receipts",
                    "A refund receipt can be printed only after the refund succeeded; this one is "
                    "{op_state}.",
                ),
                op_state=op_state_words(op.state),
            )
        )
    return op


def _captured(payment: Payment, ops: list[MoneyOp]) -> Money:
    """What the customer paid: a two-step charge's amount, else the authorised amount."""
    charges = [o for o in ops if o.kind is OpKind.CHARGE and o.state is OpState.SUCCEEDED and o.amount]
    if charges:
        return charges[-1].amount
    return payment.org_amount or payment.amount


def _refunded(ops: list[MoneyOp], currency: str, *, through: MoneyOp | None) -> Money:
    total = 0
    for op in ops:
        if op.kind is OpKind.REFUND and op.state is OpState.SUCCEEDED:
            total += op.amount.minor
        if through is not None and op.id == through.id:
            break
    return Money(total, currency)
