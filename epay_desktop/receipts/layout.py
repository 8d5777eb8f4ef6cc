"""What goes on a receipt, top to bottom, independent of paper width.

``build_blocks`` turns :class:`ReceiptData` into a list of simple blocks (centred text,
label/value pairs, rules, a banner, the QR code). ``pdf`` measures and draws them for an
80 mm or 58 mm roll or an A4 sheet, so every width shows the same content in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from zoneinfo import ZoneInfo

from epay_desktop.domain import Money
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.receipts.data import FiscalPart
from epay_desktop.receipts.data import ReceiptData
from epay_desktop.receipts.data import masked_card
from epay_desktop.receipts.texts import label
from epay_desktop.receipts.texts import reason_label
from epay_desktop.receipts.texts import status_label

__all__ = [
    "KZ_TIME",
    "Banner",
    "Block",
    "Gap",
    "Pair",
    "Qr",
    "Rule",
    "Size",
    "Text",
    "build_blocks",
    "local_time",
]

#: Kazakhstan has one zone (UTC+5) since March 2024; tzdata knows it, so no offset is hard-coded.
KZ_TIME = ZoneInfo("Asia/Almaty")
_TIME = "%d.%m.%Y %H:%M:%S"


class Size(Enum):
    SMALL = "small"
    BODY = "body"
    LARGE = "large"
    TITLE = "title"


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    size: Size = Size.BODY
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Pair:
    label: str
    value: str
    size: Size = Size.BODY
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    dashed: bool = False
    heavy: bool = False


@dataclass(frozen=True, slots=True)
class Gap:
    lines: float = 0.5


@dataclass(frozen=True, slots=True)
class Banner:
    """White text on a black bar, in the largest type: DUPLICATE (nobody mistakes a copy for the
    original) and SANDBOX / TEST SERVER (nobody mistakes a test payment for real money)."""

    text: str
    subtitle: str


@dataclass(frozen=True, slots=True)
class Qr:
    payload: str
    caption: str


Block = Text | Pair | Rule | Gap | Banner | Qr


def local_time(data: ReceiptData) -> str:
    """The receipt time in Kazakhstan time: ``02.03.2024 00:30:00``."""
    return data.when.astimezone(KZ_TIME).strftime(_TIME)


def receipt_number(data: ReceiptData) -> str:
    """The number as printed (``000042``), or "on printing" on a preview drawn before issuing."""
    if data.number is None:
        return label("not_issued", data.language)
    return f"{data.number:06d}"


def _test_banner(data: ReceiptData) -> list[Block]:
    """The "not a real payment" bar of sandbox / test-host receipts (decision 0023); none in production."""
    if not data.is_test:
        return []
    lang = data.language
    sandbox = data.environment.strip().lower() == "sandbox"
    text = label("sandbox_banner" if sandbox else "test_banner", lang)
    note = label("sandbox_note" if sandbox else "test_note", lang)
    return [Banner(text, note), Gap(0.4)]


def build_blocks(data: ReceiptData) -> list[Block]:
    """The receipt's content in reading order; pure (no I/O)."""
    lang = data.language
    refund = data.content_kind is ReceiptKind.REFUND
    blocks: list[Block] = [Text(data.shop_name, Size.LARGE, bold=True)]
    if data.shop_bin:
        blocks.append(Text(f"{label('bin', lang)} {data.shop_bin}"))
    if data.shop_address:
        blocks.append(Text(data.shop_address, Size.SMALL))
    blocks += [Gap(0.3), Rule(heavy=True), Gap(0.4)]
    blocks += _test_banner(data)
    if data.kind is ReceiptKind.DUPLICATE:
        copy_of = label("copy_of", lang, number=f"{data.original_number:06d}")
        blocks += [Banner(label("duplicate", lang), copy_of), Gap(0.4)]
    blocks += [Text(label(data.content_kind.value, lang), Size.TITLE, bold=True), Gap(0.4)]
    blocks += [
        Pair(label("receipt_no", lang), receipt_number(data), bold=True),
        Pair(label("register", lang), data.register_id),
        Pair(label("when", lang), local_time(data)),
        Pair(label("cashier", lang), data.cashier),
        Rule(dashed=True),
        Pair(label("invoice", lang), data.invoice_id.value),
        Pair(label("method", lang), label("bank_card", lang)),
    ]
    blocks += _card_lines(data)
    if refund:
        blocks += _refund_lines(data)
    blocks += [Rule(dashed=True), *_amount_lines(data), Rule(heavy=True), Gap(0.3)]
    partly = data.refunded is not None and data.refunded.minor > 0
    status = status_label(data.status, lang, partly_refunded=partly)
    blocks += [Pair(label("status", lang), status, bold=True), Gap(0.6)]
    if data.fiscal is not None:  # the OFD's check QR is the receipt's one QR (decision 0125)
        blocks += _fiscal_lines(data, data.fiscal)
    else:
        blocks += [Qr(data.qr_text, label("scan", lang)), Gap(0.5)]
        blocks.append(Text(label("not_fiscal", lang), Size.SMALL))
        if data.fiscal_pending:
            blocks.append(Text(label("fiscal_pending", lang), Size.SMALL))
    if refund:  # a customer getting money back is not thanked for a purchase
        blocks.append(Text(label("refund_note", lang), Size.SMALL))
    else:
        blocks.append(Text(label("thanks", lang), bold=True))
    if data.is_test:  # again at the foot: a torn-off bottom half says it too
        blocks += [Gap(0.5), *_test_banner(data)[:1]]
    return blocks


def _fiscal_lines(data: ReceiptData, fiscal: FiscalPart) -> list[Block]:
    """The fiscal block (decision 0125), as the Webkassa print form words it: ФИСКАЛЬНЫЙ ЧЕК, the
    offline mark, the fiscal sign and time, the register's shift and number, RNM, ZNM, the OFD and its
    site, and the OFD's check QR."""
    lang = data.language
    lines: list[Block] = [Rule(heavy=True), Text(label("fiscal_receipt", lang), Size.LARGE, bold=True)]
    if fiscal.offline:
        lines.append(Text(label("fiscal_offline", lang), bold=True))
    lines += [
        Gap(0.3),
        Pair(label("fiscal_sign", lang), fiscal.fiscal_sign, bold=True),
        Pair(label("fiscal_time", lang), fiscal.registered_at.astimezone(KZ_TIME).strftime(_TIME)),
        Pair(label("fiscal_shift", lang), str(fiscal.shift_number)),
    ]
    if fiscal.order_number is not None:
        lines.append(Pair(label("fiscal_order", lang), str(fiscal.order_number)))
    if fiscal.sale_sign:
        lines.append(Pair(label("fiscal_sale_sign", lang), fiscal.sale_sign))
    lines += [
        Pair(label("fiscal_rnm", lang), fiscal.registration_number),
        Pair(label("fiscal_znm", lang), fiscal.cashbox_number),
        Pair(label("fiscal_ofd", lang), fiscal.ofd_name),
        Gap(0.5),
        Qr(fiscal.ticket_url, label("fiscal_scan", lang)),
        Text(label("fiscal_site", lang, site=fiscal.check_site), Size.SMALL),
        Gap(0.5),
    ]
    return lines


def _vat_line(data: ReceiptData) -> list[Block]:
    """A fiscal receipt's "incl. VAT r %" under its total (a VAT payer's); none otherwise."""
    fiscal = data.fiscal
    if fiscal is None or fiscal.vat is None or fiscal.vat_percent is None:
        return []
    return [Pair(label("fiscal_vat", data.language, percent=fiscal.vat_percent), _money(fiscal.vat))]


def _refund_lines(data: ReceiptData) -> list[Block]:
    """Which refund this is, why, and which manager approved it."""
    lang = data.language
    lines: list[Block] = [Rule(dashed=True)]
    if data.refund_id:
        lines.append(Pair(label("refund_id", lang), data.refund_id, Size.SMALL))
    reason = reason_label(data.refund_reason, lang)
    if reason:
        lines.append(Pair(label("refund_reason", lang), reason))
    if data.approved_by:
        lines.append(Pair(label("approved_by", lang), data.approved_by))
    return lines if len(lines) > 1 else []


def _card_lines(data: ReceiptData) -> list[Block]:
    lang = data.language
    lines: list[Block] = []
    card = masked_card(data.card_mask)
    if card:
        lines.append(Pair(label("card", lang), card))
    if data.card_type:
        lines.append(Pair(label("card_type", lang), data.card_type))
    if data.approval_code:
        lines.append(Pair(label("approval", lang), data.approval_code))
    if data.rrn:
        lines.append(Pair(label("rrn", lang), data.rrn))
    return lines


def _amount_lines(data: ReceiptData) -> list[Block]:
    lang = data.language
    lines: list[Block] = []
    if data.content_kind is ReceiptKind.REFUND:
        lines.append(Pair(label("paid", lang), _money(data.paid)))
        if data.refunded is not None:
            lines.append(Pair(label("refunded", lang), _money(data.refunded)))
        if data.this_refund is not None:
            lines.append(Pair(label("this_refund", lang), _money(data.this_refund)))
        if data.remaining is not None:
            lines.append(Pair(label("remaining", lang), _money(data.remaining)))
        total = data.this_refund if data.this_refund is not None else data.paid
        lines += [Gap(0.3), Pair(label("refund_total", lang), _money(total), Size.LARGE, bold=True)]
        return lines + _vat_line(data)
    lines.append(Pair(label("total", lang), _money(data.paid), Size.LARGE, bold=True))
    lines += _vat_line(data)
    lines.append(Pair(label("paid", lang), _money(data.paid)))
    if data.refunded is not None and data.refunded.minor > 0:
        lines.append(Pair(label("refunded", lang), _money(data.refunded)))
        if data.remaining is not None:
            lines.append(Pair(label("remaining", lang), _money(data.remaining)))
    return lines


def _money(amount: Money) -> str:
    return amount.format()
