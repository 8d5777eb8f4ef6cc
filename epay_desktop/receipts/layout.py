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

from .data import ReceiptData, masked_card
from .texts import label, status_label

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
    """White text on a black bar: used for DUPLICATE so nobody mistakes a copy for the original."""

    text: str
    subtitle: str


@dataclass(frozen=True, slots=True)
class Qr:
    payload: str
    caption: str


Block = Text | Pair | Rule | Gap | Banner | Qr


def local_time(data: ReceiptData) -> str:
    """The receipt time in Kazakhstan time: ``02.03.2024 00:30:00``."""
    return data.when.astimezone(KZ_TIME).strftime("%d.%m.%Y %H:%M:%S")


def build_blocks(data: ReceiptData) -> list[Block]:
    """The receipt's content in reading order; pure (no I/O)."""
    lang = data.language
    blocks: list[Block] = [Text(data.shop_name, Size.LARGE, bold=True)]
    if data.shop_bin:
        blocks.append(Text(f"{label('bin', lang)} {data.shop_bin}"))
    if data.shop_address:
        blocks.append(Text(data.shop_address, Size.SMALL))
    blocks += [Gap(0.3), Rule(heavy=True), Gap(0.4)]
    if data.kind is ReceiptKind.DUPLICATE:
        copy_of = label("copy_of", lang, number=f"{data.original_number:06d}")
        blocks += [Banner(label("duplicate", lang), copy_of), Gap(0.4)]
    blocks += [Text(label(data.content_kind.value, lang), Size.TITLE, bold=True), Gap(0.4)]
    blocks += [
        Pair(label("receipt_no", lang), f"{data.number:06d}", bold=True),
        Pair(label("register", lang), data.register_id),
        Pair(label("when", lang), local_time(data)),
        Pair(label("cashier", lang), data.cashier),
        Rule(dashed=True),
        Pair(label("invoice", lang), data.invoice_id.value),
        Pair(label("method", lang), label("bank_card", lang)),
    ]
    blocks += _card_lines(data)
    blocks += [Rule(dashed=True), *_amount_lines(data), Rule(heavy=True), Gap(0.3)]
    partly = data.refunded is not None and data.refunded.minor > 0
    status = status_label(data.status, lang, partly_refunded=partly)
    blocks += [Pair(label("status", lang), status, bold=True), Gap(0.6)]
    blocks += [Qr(data.qr_text, label("scan", lang)), Gap(0.5)]
    blocks += [Text(label("not_fiscal", lang), Size.SMALL), Text(label("thanks", lang), bold=True)]
    return blocks


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
        return lines
    lines.append(Pair(label("total", lang), _money(data.paid), Size.LARGE, bold=True))
    lines.append(Pair(label("paid", lang), _money(data.paid)))
    if data.refunded is not None and data.refunded.minor > 0:
        lines.append(Pair(label("refunded", lang), _money(data.refunded)))
        if data.remaining is not None:
            lines.append(Pair(label("remaining", lang), _money(data.remaining)))
    return lines


def _money(amount: Money) -> str:
    return amount.format()
