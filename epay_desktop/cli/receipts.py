"""``receipt``: print a sale, refund or duplicate receipt to a PDF file (written atomically)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from epay_desktop.cli.common import EXIT_OK, Commands, invoice_arg, login
from epay_desktop.cli.output import emit_json, when_json
from epay_desktop.domain.receipts import ReceiptKind, ReceiptLanguage, ReceiptWidth
from epay_desktop.safe_files import check_target

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext

__all__ = ["check_writable", "register"]


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    receipt = commands.add_parser(
        "receipt",
        parents=[common],
        help="print a receipt to a PDF file",
        description="Issue a receipt (numbered per register) and write it as a PDF. A second sale receipt "
        "for the same payment becomes a duplicate. Width and language default to the shop settings.",
    )
    receipt.add_argument("invoice", type=invoice_arg, metavar="INVOICE")
    receipt.add_argument("--kind", default="sale", choices=[k.value for k in ReceiptKind])
    receipt.add_argument("--width", choices=[w.value for w in ReceiptWidth], help="80 or 58 mm roll, or a4")
    receipt.add_argument("--lang", choices=[lang.value for lang in ReceiptLanguage], help="kk, ru or en")
    receipt.add_argument("--op", metavar="OP_ID", help="the refund operation (default: the latest refund)")
    receipt.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="where to write the PDF")
    receipt.set_defaults(handler=cmd_receipt)


def check_writable(path: Path) -> Path:
    """Refuse (UnsafeFilePath, exit 2) before anything is recorded when ``path`` cannot be written:
    a link, pipe, device or folder there, or no folder to write in (``epay_desktop.safe_files``)."""
    return check_target(path)


async def cmd_receipt(app: AppContext, args: argparse.Namespace) -> int:
    out = check_writable(args.out)
    actor = await login(app, args)
    record, pdf = await app.receipts.issue_receipt(
        actor, args.invoice, args.kind, width=args.width, language=args.lang, money_op_id=args.op
    )
    saved = await app.receipts.save_pdf(out, pdf)
    if args.json:
        emit_json(
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
            }
        )
    else:
        print(f"Receipt {record.register_id}-{record.number} ({record.kind.value}) written to {saved}")
    return EXIT_OK
