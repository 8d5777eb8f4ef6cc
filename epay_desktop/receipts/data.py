"""Everything a receipt shows, as one frozen value (built by the receipt service, drawn by ``pdf``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.receipts.qr import payment_qr_payload

__all__ = ["TEST_ENVIRONMENTS", "FiscalPart", "ReceiptData", "card_last4", "masked_card"]

#: Gateway environments whose receipts carry the "not a real payment" banner (decision 0023);
#: the names of ``gateway.config.Environment``. Only production (``prod``) receipts carry none:
#: a name this version does not know counts as a test host.
TEST_ENVIRONMENTS = frozenset({"sandbox", "test", "test-homebank"})
PRODUCTION = "prod"

_LAST4 = re.compile(r"(\d{4})\s*$")
MASK_DOTS = "••••"


def card_last4(card_mask: str | None) -> str | None:
    """The last four digits of a gateway card mask (``440563...5096`` -> ``5096``), else ``None``."""
    if not card_mask:
        return None
    match = _LAST4.search(card_mask)
    return match.group(1) if match else None


def masked_card(card_mask: str | None) -> str | None:
    """What a receipt prints for a card: ``•••• 5096``. Never more than the last four digits."""
    last4 = card_last4(card_mask)
    if last4 is None:
        return MASK_DOTS if card_mask else None
    return f"{MASK_DOTS} {last4}"


@dataclass(frozen=True, slots=True, kw_only=True)
class FiscalPart:
    """What makes a customer's receipt the fiscal one (decision 0125): the online cash register's
    registration of the sale (or of the refund's return) as the fiscal journal keeps it.

    ``fiscal_sign`` is the ФП/ФБ; ``registration_number`` the RNM (Код ККМ КГД), ``cashbox_number`` the
    ZNM; ``order_number`` the receipt's number in the register's ``shift_number``; ``registered_at`` the
    register's time (aware); ``ticket_url`` the OFD's check page, the receipt's QR. ``vat`` is the VAT
    inside the amount at ``vat_percent`` (None: the seller pays no VAT). ``sale_sign``: on a return, the
    fiscal sign of the sale it returns.
    """

    fiscal_sign: str
    registration_number: str
    cashbox_number: str
    shift_number: int
    order_number: int | None
    registered_at: datetime
    ofd_name: str
    ticket_url: str
    offline: bool = False
    vat_percent: int | None = None
    vat: Money | None = None
    sale_sign: str | None = None

    def __post_init__(self) -> None:
        if self.registered_at.utcoffset() is None:
            raise ValueError("the fiscal receipt's time must be timezone-aware")

    @property
    def check_site(self) -> str:
        """Where a customer checks the receipt: the OFD's site, the QR's address without its query
        (``ctest.wofd.kz/consumer``)."""
        address = urlsplit(self.ticket_url)
        return f"{address.netloc}{address.path}".rstrip("/") or self.ticket_url


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """The content of one receipt.

    ``when`` must be timezone-aware; it is printed in Kazakhstan time (``Asia/Almaty``).
    ``card_mask`` is the gateway's mask; only its last four digits are ever printed.
    A ``DUPLICATE`` needs ``original_number`` (and says whether it copies a sale or a refund
    through ``original_kind``). Amount lines that are ``None`` are not printed.
    ``qr_payload`` defaults to :func:`~epay_desktop.receipts.qr.payment_qr_payload`.

    ``number`` is None only for a preview (nothing issued yet; the slip says the number comes on
    printing). ``environment`` is the gateway environment the payment was made on: every one but
    ``prod`` (``sandbox``, ``test``, ``test-homebank``) prints a large "not a real payment" banner.
    Refund receipts name the refund (``refund_id``), its ``refund_reason`` (the stored code) and
    the manager who approved it (``approved_by``).

    ``fiscal`` set: the receipt is the fiscal one (the register's fiscal sign, RNM, ZNM, shift, OFD and
    its check QR instead of the invoice's). None: not a fiscal receipt, and it says so;
    ``fiscal_pending`` adds that the register has not registered it yet (decision 0125).
    """

    shop_name: str
    shop_bin: str
    shop_address: str
    register_id: str
    number: int | None
    kind: ReceiptKind
    cashier: str
    when: datetime
    invoice_id: InvoiceId
    paid: Money
    status: ConsoleStatus
    language: ReceiptLanguage = ReceiptLanguage.RU
    card_mask: str | None = None
    card_type: str | None = None
    approval_code: str | None = None
    rrn: str | None = None
    transaction_id: str | None = None
    refunded: Money | None = None
    this_refund: Money | None = None
    remaining: Money | None = None
    original_number: int | None = None
    original_kind: ReceiptKind | None = None
    qr_payload: str | None = None
    environment: str = "prod"
    refund_id: str | None = None
    refund_reason: str | None = None
    approved_by: str | None = None
    fiscal: FiscalPart | None = None
    fiscal_pending: bool = False

    def __post_init__(self) -> None:
        if self.when.tzinfo is None or self.when.utcoffset() is None:
            raise ValueError("receipt time must be timezone-aware")
        if self.number is not None and self.number < 1:
            raise ValueError("receipt numbers start at 1")
        if self.kind is ReceiptKind.DUPLICATE and self.original_number is None:
            raise ValueError("a duplicate must name the original receipt's number")

    @property
    def qr_text(self) -> str:
        """The text encoded in the receipt's QR code: a fiscal receipt's is the OFD's check page."""
        if self.fiscal is not None:
            return self.fiscal.ticket_url
        return self.qr_payload or payment_qr_payload(self.invoice_id)

    @property
    def is_test(self) -> bool:
        """Whether the payment was made on the sandbox or the bank's test hosts (not real money)."""
        return self.environment.strip().lower() != PRODUCTION

    @property
    def content_kind(self) -> ReceiptKind:
        """SALE or REFUND: what the slip documents (a duplicate documents its original's kind)."""
        if self.kind is ReceiptKind.DUPLICATE:
            return self.original_kind or ReceiptKind.SALE
        return self.kind
