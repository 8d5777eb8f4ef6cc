"""The sandbox's books: invoices, transactions and the money state machine.

Amounts are integer tiyn. ``org_amount`` is what the customer authorised, ``amount`` what
the shop currently holds (charged minus refunded), ``payout_amount`` the total refunded.
One-step terminals end a payment in CHARGE, two-step ones in AUTH, which is charged (fully
or partly), cancelled (fully), or turns into CANCEL_OLD once its hold expires. Expiry is
checked lazily: every read and write calls :meth:`Ledger.sweep` first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta

from epay_desktop.domain import PaymentStatus
from epay_desktop.sandbox.amounts import MIN_REFUND
from epay_desktop.sandbox.amounts import amount_text
from epay_desktop.sandbox.cards import MaskedCard
from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.models import Order

__all__ = ["Attempt", "Invoice", "Ledger", "Operation", "Transaction"]

_INVOICE = re.compile(r"^[0-9]{6,15}$")
#: Statuses an approved attempt leads to (money held, charged, released or refunded).
_APPROVED = frozenset(
    {
        PaymentStatus.AUTH,
        PaymentStatus.CHARGE,
        PaymentStatus.CANCEL,
        PaymentStatus.CANCEL_OLD,
        PaymentStatus.REFUND,
    }
)


@dataclass(frozen=True, slots=True)
class Operation:
    kind: str  # auth, charge, cancel, refund, cancel_old
    amount: int
    external_id: str
    time: datetime


@dataclass(slots=True)
class Attempt:
    """One card attempt on an invoice; check-status shows the latest, the control API all of them."""

    number: int
    started: datetime
    card: MaskedCard
    status: PaymentStatus = PaymentStatus.NEW  # NEW while 3-D Secure is pending
    reason_code: int = 0
    reason: str = ""
    secure: bool = False
    reference: str = ""


@dataclass(slots=True)
class Invoice:
    invoice_id: str
    terminal_id: str
    amount: int
    currency: str


@dataclass(slots=True)
class Transaction:
    id: str
    invoice_id: str
    terminal_id: str
    currency: str
    org_amount: int
    created: datetime
    status: PaymentStatus = PaymentStatus.NEW
    amount: int = 0
    payout_amount: int = 0
    reason: str = ""
    reason_code: int = 0
    reference: str = ""
    approval_code: str = ""
    int_reference: str = ""
    card: MaskedCard = field(default_factory=MaskedCard)
    card_id: str = ""
    secure: bool = False
    #: The order and payer of the latest attempt (its name is the cardholder's).
    order: Order = field(default_factory=Order)
    auth_time: datetime | None = None
    operations: list[Operation] = field(default_factory=list)
    postlinks: list[dict[str, object]] = field(default_factory=list)
    #: Every card attempt on this invoice, oldest first; the fields above describe the latest.
    attempts: list[Attempt] = field(default_factory=list)
    #: Card attempts the invoice allows while its payment token lives (config.max_attempts).
    max_attempts: int = 3

    @property
    def approved(self) -> bool:
        """An attempt was approved: the invoice is paid (whatever happened to the money since)."""
        return self.status in _APPROVED

    @property
    def has_finished_attempt(self) -> bool:
        """At least one attempt ended (approved or declined), so no new payment token is issued."""
        return any(a.status is not PaymentStatus.NEW for a in self.attempts) or self.approved

    @property
    def attempts_left(self) -> int:
        return 0 if self.approved else max(0, self.max_attempts - len(self.attempts))

    @property
    def is_final_attempt(self) -> bool:
        """No further card attempt can pay this invoice: one was approved, or every attempt was used
        and the last one has ended. (An expired payment token ends it too; the token store knows that.)"""
        if self.approved:
            return True
        return self.attempts_left == 0 and self.status is not PaymentStatus.NEW

    def record(self, kind: str, amount: int, when: datetime, external_id: str = "") -> None:
        self.operations.append(Operation(kind, amount, external_id, when))


def check_invoice_id(invoice_id: str) -> None:
    if not _INVOICE.match(invoice_id):
        raise SandboxError(Code.BAD_INVOICE_ID, f"invoiceID {invoice_id!r} must be 6 to 15 digits")


class Ledger:
    def __init__(self, hold_seconds: float) -> None:
        self.hold = timedelta(seconds=hold_seconds)
        self._invoices: dict[tuple[str, str], Invoice] = {}
        self._tails: dict[tuple[str, str], str] = {}
        self._by_id: dict[str, Transaction] = {}
        self._by_invoice: dict[tuple[str, str], Transaction] = {}

    # -- invoices -------------------------------------------------------------------------

    def register_invoice(self, terminal_id: str, invoice_id: str, amount: int, currency: str) -> Invoice:
        """Accept an invoice for a payment token (token endpoint rules 813-815, 817)."""
        check_invoice_id(invoice_id)
        tail_key = (terminal_id, invoice_id[-6:])
        owner = self._tails.get(tail_key)
        if owner is not None and owner != invoice_id:
            raise SandboxError(
                Code.INVOICE_TAIL_TAKEN,
                f"invoiceID {invoice_id} ends in the same 6 digits as invoice {owner}",
            )
        txn = self.by_invoice(terminal_id, invoice_id)
        # decision 0029: no new payment token once any attempt has ended, even with attempts left
        if txn is not None and txn.has_finished_attempt:
            raise SandboxError(Code.INVOICE_FINAL, f"invoice {invoice_id} was already paid or declined")
        known = self._invoices.get((terminal_id, invoice_id))
        if known is not None and (known.amount, known.currency) != (amount, currency):
            raise SandboxError(
                Code.AMOUNT_MISMATCH,
                f"invoice {invoice_id} was issued for {amount_text(known.amount)} {known.currency}",
            )
        invoice = Invoice(invoice_id, terminal_id, amount, currency)
        self._invoices[(terminal_id, invoice_id)] = invoice
        self._tails[tail_key] = invoice_id
        return invoice

    # -- transactions ---------------------------------------------------------------------

    def add(self, txn: Transaction) -> Transaction:
        self._by_id[txn.id] = txn
        self._by_invoice[(txn.terminal_id, txn.invoice_id)] = txn
        return txn

    def by_invoice(self, terminal_id: str, invoice_id: str) -> Transaction | None:
        return self._by_invoice.get((terminal_id, invoice_id))

    def get(self, txn_id: str, terminal_id: str) -> Transaction:
        txn = self._by_id.get(txn_id)
        if txn is None or txn.terminal_id != terminal_id:
            raise SandboxError(Code.NO_TRANSACTION, f"no transaction {txn_id!r}", 404)
        return txn

    def all(self) -> list[Transaction]:
        return sorted(self._by_id.values(), key=lambda t: t.created)

    def clear(self) -> None:
        self._invoices.clear()
        self._tails.clear()
        self._by_id.clear()
        self._by_invoice.clear()

    def sweep(self, now: datetime) -> None:
        """Turn every AUTH older than the hold period into CANCEL_OLD."""
        for txn in self._by_id.values():
            if txn.status is PaymentStatus.AUTH and txn.auth_time is not None:
                deadline = txn.auth_time + self.hold
                if now >= deadline:
                    txn.status = PaymentStatus.CANCEL_OLD
                    txn.record("cancel_old", txn.amount, deadline)

    # -- money operations -----------------------------------------------------------------

    @staticmethod
    def charge(txn: Transaction, amount: int | None, now: datetime) -> None:
        """Capture an AUTH fully (``amount`` None) or partly; the rest of the hold is released."""
        if txn.status is not PaymentStatus.AUTH:
            raise SandboxError(Code.CHARGE_NOT_AUTH, f"charge needs status AUTH, not {txn.status.value}")
        value = txn.amount if amount is None else amount
        if value <= 0:
            raise SandboxError(Code.BAD_AMOUNT, "charge amount must be positive")
        if value > txn.amount:
            raise SandboxError(
                Code.CHARGE_TOO_MUCH,
                f"charge {amount_text(value)} exceeds the authorised {amount_text(txn.amount)}",
            )
        txn.amount = value
        txn.status = PaymentStatus.CHARGE
        txn.record("charge", value, now)

    @staticmethod
    def cancel(txn: Transaction, now: datetime) -> None:
        if txn.status is not PaymentStatus.AUTH:
            raise SandboxError(Code.CANCEL_NOT_AUTH, f"cancel needs status AUTH, not {txn.status.value}")
        txn.status = PaymentStatus.CANCEL
        txn.record("cancel", txn.amount, now)

    @staticmethod
    def refund(txn: Transaction, amount: int | None, external_id: str, now: datetime) -> None:
        """Refund part or (``amount`` None) all of what remains; each refund is at least 10 KZT."""
        if txn.status is not PaymentStatus.CHARGE:
            raise SandboxError(Code.REFUND_NOT_CHARGE, f"refund needs status CHARGE, not {txn.status.value}")
        value = txn.amount if amount is None else amount
        if value > txn.amount:
            raise SandboxError(
                Code.REFUND_TOO_MUCH,
                f"refund {amount_text(value)} exceeds the remaining {amount_text(txn.amount)}",
            )
        if value < MIN_REFUND:
            raise SandboxError(
                Code.REFUND_TOO_SMALL, f"refund {amount_text(value)} is below the 10 KZT minimum"
            )
        txn.amount -= value
        txn.payout_amount += value
        if txn.amount == 0:
            txn.status = PaymentStatus.REFUND
        txn.record("refund", value, now, external_id)
