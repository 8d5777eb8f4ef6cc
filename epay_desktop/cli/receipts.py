"""``receipt``: print a sale, refund or duplicate receipt to a file (written atomically): a PDF, or with
``--format escpos`` the ESC/POS bytes a 58 or 80 mm thermal printer prints (``--mode``: decision 0103;
``--hybrid-page``: hybrid's text page, shared with ``printer add``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from epay_desktop.cli.commands import INVOICE
from epay_desktop.cli.commands import Arg
from epay_desktop.cli.commands import CommandTable
from epay_desktop.cli.commands import OneOf
from epay_desktop.cli.common import CliError
from epay_desktop.cli.common import login
from epay_desktop.cli.output import print_result
from epay_desktop.cli.output import when_json
from epay_desktop.domain import InvoiceId
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRecord
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts.escpos_profile import HYBRID_PAGES
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.safe_files import check_target

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from collections.abc import Callable

    from epay_desktop.app import AppContext
    from epay_desktop.receipts.data import ReceiptData

__all__ = ["HYBRID_PAGE", "RECEIPTS", "check_writable", "hybrid_page", "record_json"]

RECEIPTS = CommandTable()

#: Hybrid's text page, the words the printers window and its calibration use (cp866, cp1251).
HYBRID_PAGE = Arg(
    "--hybrid-page",
    choices=HYBRID_PAGES,
    help="with --mode hybrid: the code page of its text, cp866 (the default) or cp1251 (the line the "
    "calibration page printed right); lines it cannot hold print as images",
)


def hybrid_page(args: argparse.Namespace) -> str | None:
    """``--hybrid-page`` when given with ``--mode hybrid`` (None: not given); CliError (exit 2) with
    another mode, whose text has no such page to choose."""
    if args.hybrid_page is not None and args.mode != TextMode.HYBRID.value:
        raise CliError(
            f"--hybrid-page goes with --mode hybrid (kz1048 prints its text in KZ-1048, raster prints "
            f"no text): add --mode hybrid or leave out --hybrid-page {args.hybrid_page}"
        )
    return str(args.hybrid_page) if args.hybrid_page is not None else None


def check_writable(path: Path) -> Path:
    """Refuse (UnsafeFilePath, exit 2) before anything is recorded when ``path`` cannot be written:
    a link, pipe, device or folder there, or no folder to write in (``epay_desktop.safe_files``)."""
    return check_target(path)


@RECEIPTS.command(
    "receipt",
    INVOICE,
    Arg("--kind", default="sale", choices=[k.value for k in ReceiptKind]),
    Arg("--width", choices=[w.value for w in ReceiptWidth], help="80 or 58 mm roll, or a4"),
    # its own dest: the top-level --lang is the language of the command's messages (decision 0046), and a
    # subcommand option with the same dest would overwrite it (a Kazakh receipt made the messages Kazakh)
    Arg("--lang", dest="receipt_lang", choices=[lang.value for lang in ReceiptLanguage], help="kk, ru or en"),
    Arg("--op", metavar="OP_ID", help="the refund operation (default: the latest refund)"),
    Arg(
        "--format",
        default="pdf",
        choices=["pdf", "escpos"],
        help="a PDF, or ESC/POS bytes for a thermal printer",
    ),
    Arg(
        "--mode",
        choices=[m.value for m in TextMode],
        help="escpos: kz1048 text, hybrid (cp866 or cp1251 text, Kazakh lines as images) or raster (default)",
    ),
    HYBRID_PAGE,
    OneOf(
        Arg("--out", type=Path, metavar="FILE", help="where to write the receipt"),
        Arg("--printer", metavar="NAME", help="send it to this receipt printer (epay-desktop printer list)"),
        required=True,
    ),
)
async def cmd_receipt(app: AppContext, args: argparse.Namespace) -> int:
    """print a receipt to a PDF or ESC/POS file

    Issue a receipt (numbered per register) and write it as a PDF, or with --format escpos as the bytes
    a 58 or 80 mm thermal printer prints. A second sale receipt for the same payment becomes a
    duplicate. Width and language default to the shop settings. With --printer it is sent to the printer
    instead (its profile sets the roll and mode); the exit code says whether it printed.
    """
    if args.printer is not None:
        from epay_desktop.cli.printers import print_receipt  # cli/printers shares record_json from here

        return await print_receipt(app, args)
    out = check_writable(args.out)
    escpos = args.format == "escpos"
    if args.mode is not None and not escpos:
        raise CliError("--mode goes with --format escpos")
    page = hybrid_page(args)
    if escpos and args.width is None:  # refused before a number is used, not after
        args.width = (await app.shop_settings.load()).receipt_width
    if escpos and args.width == ReceiptWidth.A4:
        raise CliError("ESC/POS prints on a 58 or 80 mm roll, not A4: give --width 58 or --width 80")
    actor = await login(app, args)
    record, pdf = await app.receipts.issue_receipt(
        actor,
        ReceiptRequest.of(args.invoice, args.kind, args.width, args.receipt_lang, args.op),
        render=_escpos_render(args.mode or TextMode.RASTER, page) if escpos else None,
    )
    saved = await app.receipts.save_pdf(out, pdf)
    shown = {"format": "escpos", "mode": args.mode or TextMode.RASTER.value} if escpos else {}
    if args.mode == TextMode.HYBRID.value:
        shown["hybrid_page"] = page or HYBRID_PAGES[0]
    return print_result(
        args.json,
        {**shown, **record_json(args.invoice, record), "file": str(saved)},
        f"Receipt {record.register_id}-{record.number} ({record.kind.value}) written to {saved}",
    )


def record_json(invoice: InvoiceId, record: ReceiptRecord) -> dict[str, object]:
    """An issued receipt as the receipt commands print it with ``--json``."""
    return {
        "invoice_id": invoice.value,
        "register_id": record.register_id,
        "number": record.number,
        "kind": record.kind.value,
        "amount": record.amount.plain(),
        "width": record.width.value,
        "language": record.language.value,
        "created_at": when_json(record.created_at),
    }


def _escpos_render(mode: str, page: str | None) -> Callable[[ReceiptData, ReceiptWidth], bytes]:
    """The receipt drawn as ESC/POS in ``mode`` (hybrid on ``page``, cp866 when None) for the default
    profile of its roll (decision 0103)."""
    from epay_desktop.receipts.escpos import escpos_renderer  # Pillow loads when a receipt is drawn
    from epay_desktop.receipts.escpos_profile import render_profile

    return escpos_renderer(lambda width: render_profile(width, mode, codec=page))
