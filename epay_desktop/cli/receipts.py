"""``receipt``: print a sale, refund or duplicate receipt to a PDF file (written atomically)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from epay_desktop.cli.commands import INVOICE, Arg, CommandTable
from epay_desktop.cli.common import login
from epay_desktop.cli.output import print_result, when_json
from epay_desktop.domain.receipts import ReceiptKind, ReceiptLanguage, ReceiptWidth
from epay_desktop.safe_files import check_target

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext

__all__ = ["RECEIPTS", "check_writable"]

RECEIPTS = CommandTable()


def check_writable(path: Path) -> Path:
    """Refuse (UnsafeFilePath, exit 2) before anything is recorded when ``path`` cannot be written:
    a link, pipe, device or folder there, or no folder to write in (``epay_desktop.safe_files``)."""
    return check_target(path)


@RECEIPTS.command(
    "receipt",
    INVOICE,
    Arg("--kind", default="sale", choices=[k.value for k in ReceiptKind]),
    Arg("--width", choices=[w.value for w in ReceiptWidth], help="80 or 58 mm roll, or a4"),
    Arg("--lang", choices=[lang.value for lang in ReceiptLanguage], help="kk, ru or en"),
    Arg("--op", metavar="OP_ID", help="the refund operation (default: the latest refund)"),
    Arg("--out", required=True, type=Path, metavar="FILE.pdf", help="where to write the PDF"),
)
async def cmd_receipt(app: AppContext, args: argparse.Namespace) -> int:
    """print a receipt to a PDF file

    Issue a receipt (numbered per register) and write it as a PDF. A second sale receipt for the same
    payment becomes a duplicate. Width and language default to the shop settings.
    """
    out = check_writable(args.out)
    actor = await login(app, args)
    record, pdf = await app.receipts.issue_receipt(
        actor, args.invoice, args.kind, width=args.width, language=args.lang, money_op_id=args.op
    )
    saved = await app.receipts.save_pdf(out, pdf)
    return print_result(
        args.json,
        {
            "invoice_id": args.invoice.value,
            "register_id": record.register_id,
            "number": record.number,
            "kind": record.kind.value,
            "amount": record.amount.plain(),
            "width": record.width.value,
            "language": record.language.value,
            "created_at": when_json(record.created_at),
            "file": str(saved),
        },
        f"Receipt {record.register_id}-{record.number} ({record.kind.value}) written to {saved}",
    )
