"""P4: a receipt PDF drawn as the console draws it, beside a plain reportlab page (a benchmark, not a test).

What is timed (one figure per receipt language: kk, ru, en): ``epay_desktop.receipts.render_pdf``,
the function ``ReceiptService`` runs in its executor, on the real data of a paid payment: a small
database is generated (``benchmarks.generate``), the shop header is set as the settings dialog sets
it, and ``ReceiptService.preview_receipt`` gathers each receipt's ``ReceiptData`` and the width the
console prints by default (the ``receipt.width`` setting: an 80 mm roll). Every run draws a
DIFFERENT paid payment (its own invoice id, so its own QR code): nothing is reused from one run to
the next that a cashier's next sale could not reuse.

The floor, timed alternately with it on the same payment: a plain reportlab page of the same size
with the same text (the receipt's strings, one ``drawString`` each, no wrapping or measuring), in
the same fonts (registered beforehand, as the console's are after its first receipt), the same
compression and invariant mode, and the same QR content drawn plainly with reportlab's own
``QrCodeWidget`` (level M, 4-module border) through ``renderPDF``.

``text_only_floor`` (an extra field) is that page without the QR code, timed in the same turns:
what the text, the font subsets and the file cost alone. Goal (issue 10): ratio <= 1.5 and
median <= 15 ms. ESC/POS has not landed (issue 13): PDF only,
and each record says so in ``note``.

    python -m benchmarks.bench_receipt [--runs 51] [--size 400] [--smoke]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import itertools
import sys
import tempfile
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from benchmarks import figures
from benchmarks.generate import generate
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Role
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts import ReceiptData
from epay_desktop.receipts import render_pdf
from epay_desktop.receipts.cells import CellLine
from epay_desktop.receipts.cells import layout_cells
from epay_desktop.receipts.escpos_profile import render_profile
from epay_desktop.receipts.fonts import register_fonts
from epay_desktop.receipts.layout import Banner
from epay_desktop.receipts.layout import Pair
from epay_desktop.receipts.layout import Qr
from epay_desktop.receipts.layout import Size
from epay_desktop.receipts.layout import Text
from epay_desktop.receipts.layout import build_blocks
from epay_desktop.receipts.layout import receipt_number
from epay_desktop.receipts.pdf import GEOMETRIES
from epay_desktop.receipts.pdf import LEADING
from epay_desktop.services.receipts import ReceiptService
from epay_desktop.store.db import Store
from epay_desktop.store.db import make_engine
from epay_desktop.store.models import PaymentRow

GOAL = figures.Goal(ratio=1.5, limit=15, stat="median")
NOTE = "the PDF only; the ESC/POS bytes (issue 13) are not timed here yet"
LANGUAGES = (ReceiptLanguage.KK, ReceiptLanguage.RU, ReceiptLanguage.EN)
SHOP = {
    "shop.name": "ТОО «Алма Маркет»",
    "shop.bin": "131240010479",
    "shop.address": "г. Алматы, пр. Абая, 150",
}
#: the moment the receipts are drawn (fixed: the same data every run of the benchmark)
NOW = datetime(2026, 12, 1, 13, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Receipt:
    """One receipt as the console would draw it: its data and its width."""

    data: ReceiptData
    width: ReceiptWidth


def receipts(store: Store, count: int, language: ReceiptLanguage) -> list[Receipt]:
    """``count`` paid payments' sale receipts in ``language``, gathered by ``preview_receipt``
    (the console's own path) with the shop's default width; the drawing itself is captured."""
    with store.read() as tx:
        cashier = next(u for u in tx.users.list() if u.role is Role.CASHIER)
        invoices = tx.session.scalars(
            select(PaymentRow.invoice_id)
            .where(PaymentRow.status == ConsoleStatus.CHARGE.value)
            .order_by(PaymentRow.id.desc())
            .limit(count)
        ).all()
    captured: list[Receipt] = []

    def capture(data: ReceiptData, width: ReceiptWidth) -> bytes:
        captured.append(Receipt(data, width))
        return b""

    service = ReceiptService(store, lambda: NOW, "KASSA-1", render=capture)

    async def gather() -> None:
        for invoice in invoices:
            await service.preview_receipt(cashier, ReceiptRequest(InvoiceId(invoice), language=language))

    asyncio.run(gather())
    if len(captured) < count:
        raise SystemExit(f"bench_receipt: only {len(captured)} paid payments in the database, {count} needed")
    return captured


def _parts(data: ReceiptData, width: ReceiptWidth) -> list[tuple[bool, Size, str]]:
    """The receipt's strings as (bold, size, text), one per block part (a roll: one per printed cell
    line, decision 0104), in reading order."""
    if width is not ReceiptWidth.A4:
        cells = layout_cells(data, render_profile(width).columns, None)
        return [
            (c.bold, Size.LARGE if c.tall else Size.BODY, c.text)
            for c in cells.lines
            if isinstance(c, CellLine)
        ]
    parts: list[tuple[bool, Size, str]] = []
    for block in build_blocks(data):
        match block:
            case Text():
                parts.append((block.bold, block.size, block.text))
            case Pair():
                parts.append((False, block.size, block.label))
                parts.append((block.bold, block.size, block.value))
            case Banner():
                parts.append((True, Size.TITLE, block.text))
                parts.append((True, Size.BODY, block.subtitle))
            case Qr():
                parts.append((False, Size.SMALL, block.caption))
    return parts


def plain_page(receipt: Receipt, fonts: tuple[str, str], *, qr: bool = True) -> Callable[[], bytes]:
    """The floor for one receipt: its strings drawn plainly and (``qr``) its QR by reportlab's widget."""
    data, geometry = receipt.data, GEOMETRIES[receipt.width]
    lines = [(bold, geometry.sizes[size], text) for bold, size, text in _parts(data, receipt.width)]
    qr_payload = data.qr_text
    height = geometry.fixed_height or (
        geometry.margin_top
        + sum(size * LEADING for _, size, _ in lines)
        + geometry.qr_size
        + geometry.margin_bottom
    )
    regular, bold_font = fonts
    title = f"Receipt {data.register_id} {receipt_number(data)}"

    def draw() -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=(geometry.page_width, height), invariant=1, pageCompression=1)
        canvas.setTitle(title)
        y = height - geometry.margin_top
        for bold, size, text in lines:
            y -= size * LEADING
            canvas.setFont(bold_font if bold else regular, size)
            canvas.drawString(geometry.left, y, text)
        if qr:
            side = geometry.qr_size
            drawing = Drawing(side, side)
            drawing.add(QrCodeWidget(qr_payload, barLevel="M", barBorder=4, barWidth=side, barHeight=side))
            renderPDF.draw(drawing, canvas, (geometry.page_width - side) / 2, geometry.margin_bottom)
        canvas.showPage()
        canvas.save()
        return out.getvalue()

    return draw


def in_turn(items: Sequence[Receipt], make: Callable[[Receipt], Callable[[], bytes]]) -> Callable[[], bytes]:
    """A callable drawing the next receipt of ``items`` each time (round robin)."""
    actions = itertools.cycle([make(item) for item in items])
    return lambda: next(actions)()


def database(folder: Path, size: int) -> Store:
    """A generated database of ``size`` payments with the shop's receipt header set."""
    path = folder / "epay-desktop.db"
    generate(f"sqlite:///{path}", size, seed=4)
    store = Store(make_engine(f"sqlite:///{path}"))
    with store.write() as tx:
        for key, value in SHOP.items():
            tx.settings.set(key, value)
    return store


def run(runs: int, size: int) -> Iterator[dict[str, object]]:
    fonts = register_fonts()  # the console's first receipt registered them; the floor gets them too
    with tempfile.TemporaryDirectory(prefix="bench-receipt-") as folder:
        store = database(Path(folder), size)
        try:
            for language in LANGUAGES:
                print(f"bench_receipt: {language.value}: {runs} receipts", file=sys.stderr)
                items = receipts(store, runs, language)
                ours = in_turn(items, lambda r: lambda: render_pdf(r.data, r.width))
                floor = in_turn(items, lambda r: plain_page(r, fonts))
                text_only = in_turn(items, lambda r: plain_page(r, fonts, qr=False))
                values, floors, texts = [], [], []
                for _ in range(2):  # warm-up, uncounted
                    ours(), floor(), text_only()
                for _ in items:  # in turn, so a noisy moment falls on all three
                    values.append(figures.time_ms(ours))
                    floors.append(figures.time_ms(floor))
                    texts.append(figures.time_ms(text_only))
                yield figures.figure(
                    "P4",
                    f"receipt_pdf_{language.value}",
                    values,
                    floors,
                    goal=GOAL,
                    via="render_pdf",
                    width=items[0].width.value,
                    language=language.value,
                    size=size,
                    note=NOTE,
                    # the floor's page without its QR code: what the text, fonts and file cost alone
                    text_only_floor=figures.summary(texts),
                )
        finally:
            store.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_receipt", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--runs", type=int, default=51, help="receipts drawn per language (default 51)")
    parser.add_argument(
        "--size", type=int, default=400, help="payments in the generated database (default 400)"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="3 runs on 60 payments (CI: the code path, untimed)"
    )
    args = parser.parse_args(argv)
    runs, size = (3, 60) if args.smoke else (args.runs, args.size)
    for record in run(runs, size):
        figures.emit(record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
