"""The values that cross the fiscal provider interface: what to register, and what the register said.

Money is :class:`~epay_desktop.domain.Money` (integer tiyn) throughout; tenge decimals exist only in
the provider adapter's JSON. Every moment is an aware ``datetime``. A :class:`FiscalReceipt` keeps all
a later return needs (:meth:`FiscalReceipt.return_basis`, OFD protocol 2.0.3's ReturnBasisDetails) and
all the customer's receipt must show (fiscal sign, RNM, ZNM, shift and number, OFD, QR/URL, offline).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from enum import IntEnum
from typing import Final

from epay_desktop.domain import Money

__all__ = [
    "MAX_EXTERNAL_NUMBER",
    "SHIFT_LIMIT",
    "FiscalOperation",
    "FiscalReceipt",
    "FiscalReturn",
    "FiscalSale",
    "Ofd",
    "OperationTotals",
    "PaperKind",
    "PrintLine",
    "PrintLineKind",
    "RegisterReceipt",
    "ReturnBasis",
    "ShiftReport",
    "ShiftState",
    "vat_included",
]

#: The longest idempotency key (``ExternalCheckNumber``) a provider accepts (fiscal.md §1.6).
MAX_EXTERNAL_NUMBER: Final = 50
#: A fiscal shift must be closed (Z report) within this time of its opening (fiscal.md §1.10).
SHIFT_LIMIT: Final = timedelta(hours=24)


class FiscalOperation(IntEnum):
    """The receipt's operation, numbered as OFD protocol 2.0.3 (and Webkassa's ``OperationType``)."""

    SALE = 2
    SALE_RETURN = 3


class PaperKind(IntEnum):
    """Layouts of the provider's print form (fiscal.md §1.12)."""

    TAPE_80MM = 0
    TAPE_58MM = 3
    A4 = 12
    A4_LANDSCAPE = 13


class PrintLineKind(IntEnum):
    TEXT = 0
    IMAGE = 1  # base64
    QR = 2  # encode the value


def vat_included(amount: Money, percent: int) -> Money:
    """The VAT inside ``amount`` at ``percent`` %: ``amount * r / (100 + r)``, half up to the tiyn.

    ``vat_included(Money(50000), 12)`` is 53.57 ₸; at 16 % it is 68.97 ₸ (fiscal.md §1.13).
    """
    if percent < 0:
        raise ValueError("a VAT rate cannot be negative")
    divisor = 100 + percent
    return Money((2 * amount.minor * percent + divisor) // (2 * divisor), amount.currency)


def _check_external_number(value: str) -> None:
    if not value or len(value) > MAX_EXTERNAL_NUMBER or not value.isprintable():
        raise ValueError(f"an external check number is 1 to {MAX_EXTERNAL_NUMBER} printable characters")


@dataclass(frozen=True, slots=True, kw_only=True)
class FiscalSale:
    """One card sale to register: one service line for the whole amount, paid by card.

    ``external_number`` is the idempotency key: the caller derives it from its own operation and
    stores it before the first attempt; every retry sends the same one. ``vat_percent`` None: the
    seller is not a VAT payer.
    """

    external_number: str
    amount: Money
    position_name: str
    vat_percent: int | None
    order_number: str = ""
    paper: PaperKind = PaperKind.TAPE_80MM

    def __post_init__(self) -> None:
        _check_external_number(self.external_number)
        if not self.amount:
            raise ValueError("a fiscal receipt needs an amount above zero")
        if not self.position_name.strip():
            raise ValueError("a fiscal receipt needs a position name")


@dataclass(frozen=True, slots=True)
class ReturnBasis:
    """The original sale a return refers to (protocol 2.0.3 ReturnBasisDetails), kept from its receipt."""

    check_number: str
    registered_at: datetime
    registration_number: str
    total: Money
    offline: bool

    def __post_init__(self) -> None:
        if self.registered_at.utcoffset() is None:
            raise ValueError("the original receipt's time must carry its UTC offset")


@dataclass(frozen=True, slots=True, kw_only=True)
class FiscalReturn(FiscalSale):
    """A return (full or partial) of a card sale: ``amount`` is what is returned now."""

    basis: ReturnBasis

    def __post_init__(self) -> None:
        FiscalSale.__post_init__(self)
        if self.amount > self.basis.total:
            raise ValueError("a return cannot be larger than the original receipt")


@dataclass(frozen=True, slots=True)
class Ofd:
    """The fiscal data operator that got the receipt: its names to print and its check site."""

    name: str
    name_kk: str = ""
    name_en: str = ""
    host: str = ""
    code: int | None = None


@dataclass(frozen=True, slots=True)
class PrintLine:
    """One line of the provider's print form, printed in ``order``, unmodified."""

    order: int
    kind: PrintLineKind
    value: str
    bold: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class FiscalReceipt:
    """A registered fiscal receipt.

    ``check_number`` is the fiscal sign (ФП/ФБ); ``registration_number`` the RNM (КГД code),
    ``cashbox_number`` the ZNM; ``order_number`` the receipt's number in ``shift_number``.
    ``already_registered``: the provider had this ``external_number`` already and gave back the
    receipt it registered then (a repeated request after a lost answer).
    """

    external_number: str
    operation: FiscalOperation
    total: Money
    check_number: str
    registered_at: datetime
    offline: bool
    cashbox_offline: bool
    cashbox_number: str
    registration_number: str
    identity_number: str
    shift_number: int
    order_number: int | None
    ofd: Ofd
    ticket_url: str
    print_url: str
    seller_name: str = ""
    seller_bin: str = ""
    address: str = ""
    address_kk: str = ""
    cashier: str = ""
    print_lines: tuple[PrintLine, ...] = field(default=(), repr=False)
    already_registered: bool = False

    def return_basis(self) -> ReturnBasis:
        """What a return of this sale must name."""
        return ReturnBasis(
            check_number=self.check_number,
            registered_at=self.registered_at,
            registration_number=self.registration_number,
            total=self.total,
            offline=self.offline,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class RegisterReceipt:
    """A receipt as the register holds it in a shift's history (``Check/History``): whoever made it (this
    console, another program, a cashier at the register), with its own total and operation, for the
    shift's three-way check (decision 0126). ``external_number`` is empty for a receipt made without one."""

    external_number: str
    operation: FiscalOperation | int  # another operation (a buy, 0/1) keeps its number
    total: Money
    check_number: str
    registered_at: datetime
    shift_number: int


@dataclass(frozen=True, slots=True)
class OperationTotals:
    """One operation type's line of an X/Z report: ``card`` is the part paid by bank card."""

    total: Money
    card: Money
    count: int
    vat: Money


@dataclass(frozen=True, slots=True, kw_only=True)
class ShiftReport:
    """An X report (the shift so far) or a Z report (the shift closed, ``closed_at`` set)."""

    report_number: int | None
    shift_number: int
    opened_at: datetime | None
    reported_at: datetime | None
    closed_at: datetime | None
    documents: int
    sales: OperationTotals
    returns: OperationTotals
    offline: bool
    cashbox_offline: bool
    cashbox_number: str
    registration_number: str
    ofd: Ofd

    @property
    def state(self) -> ShiftState:
        return ShiftState(
            shift_number=self.shift_number,
            opened_at=self.opened_at,
            closed=self.closed_at is not None,
            cashbox_offline=self.cashbox_offline,
            documents=self.documents,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ShiftState:
    """The register's shift and connection now: what the manager watches (24 h shift, offline mode).

    ``shift_number`` None: no shift is open (the next receipt opens one).
    """

    shift_number: int | None
    opened_at: datetime | None
    closed: bool
    cashbox_offline: bool
    documents: int

    @property
    def close_by(self) -> datetime | None:
        """When the provider starts refusing receipts until a Z report (24 h after opening)."""
        return None if self.opened_at is None or self.closed else self.opened_at + SHIFT_LIMIT

    def over_limit(self, now: datetime) -> bool:
        """Whether the open shift is past its 24 hours at ``now`` (aware)."""
        close_by = self.close_by
        return close_by is not None and now >= close_by
