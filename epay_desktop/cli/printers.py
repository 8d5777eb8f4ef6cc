"""``printer add|list|remove|default|status|test``: the shop's receipt printers (decision 0105), and
``print_receipt``, what ``receipt INVOICE --printer NAME`` runs.

Adding, removing and choosing a register's default need a logged-in manager (the printing service
checks it and audits the change); ``status`` and ``test`` talk to the printer itself. A print's
outcome is its exit code: 0 printed, 3 sent but the printer cannot say (check the slip), 1 failed
(the receipt is kept: printing it again issues a duplicate).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING

from epay_desktop.cli.commands import Arg
from epay_desktop.cli.commands import CommandTable
from epay_desktop.cli.common import EXIT_OK
from epay_desktop.cli.common import EXIT_REFUSED
from epay_desktop.cli.common import EXIT_UNKNOWN
from epay_desktop.cli.common import CliError
from epay_desktop.cli.common import login
from epay_desktop.cli.common import whole_number_arg
from epay_desktop.cli.language import localized
from epay_desktop.cli.output import emit_json
from epay_desktop.cli.output import print_result
from epay_desktop.cli.output import print_table
from epay_desktop.cli.receipts import HYBRID_PAGE
from epay_desktop.cli.receipts import hybrid_page
from epay_desktop.cli.receipts import record_json
from epay_desktop.domain import ConsoleError
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.receipts.escpos_profile import Cutter
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.printers import Outcome
from epay_desktop.receipts.printers import PrinterStatus
from epay_desktop.receipts.printers import PrintOutcome
from epay_desktop.receipts.printers import make_profile

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext

__all__ = ["PRINTER", "outcome_exit", "outcome_json", "outcome_line", "print_receipt"]

PRINTER = CommandTable(
    "printer",
    """add, list, remove or test the receipt printers

    The shop's ESC/POS receipt printers (network, USB, serial, a CUPS raw queue or a device file), each
    register's default printer, the printer's status (paper, cover) and a test print.
    """,
)
_NAME = Arg("name", help="the printer's name")
_MAYBE_NAME = Arg("name", nargs="?", help="the printer's name (default: this register's default printer)")
_EXIT = {Outcome.PRINTED: EXIT_OK, Outcome.UNKNOWN: EXIT_UNKNOWN, Outcome.FAILED: EXIT_REFUSED}


@PRINTER.command(
    "add",
    _NAME,
    Arg(
        "--address",
        required=True,
        metavar="KIND:ADDRESS",
        help="network:HOST:PORT, usb:VENDOR:PRODUCT (hex), serial:PORT@BAUD, cups:QUEUE or file:DEVICE",
    ),
    Arg("--width", choices=["58", "80"], default="80", help="the roll: 58 or 80 mm (default 80)"),
    Arg(
        "--mode",
        choices=[m.value for m in TextMode],
        default=TextMode.RASTER.value,
        help="kz1048 (the printer has KZ-1048), hybrid (text where the page holds it) or raster (always "
        "right; the default)",
    ),
    HYBRID_PAGE,
    Arg(
        "--code-page",
        type=whole_number_arg(0, 255),
        metavar="N",
        help="the ESC t slot of the text page (default: 53 for kz1048, 17 for cp866, 46 for cp1251)",
    ),
    Arg("--columns", type=whole_number_arg(16, 104), metavar="N", help="characters per line (32/42/48)"),
    Arg("--cutter", choices=[c.value for c in Cutter], default=Cutter.PARTIAL.value),
    Arg("--no-status", action="store_true", help="the printer never answers status requests"),
    Arg("--cancel-kanji", action="store_true", help="send FS . (Chinese firmwares that start in GB mode)"),
    Arg("--default", action="store_true", help="make it this register's default printer"),
)
async def cmd_printer_add(app: AppContext, args: argparse.Namespace) -> int:
    """add or change a receipt printer

    Add a printer to the shop's list, or change the one of that name. Managers only.
    """
    printer = make_profile(
        args.name,
        args.address,
        args.width,
        args.mode,
        codec=hybrid_page(args),
        code_page=args.code_page,
        columns=args.columns,
        status=not args.no_status,
        cancel_kanji=args.cancel_kanji,
        cutter=args.cutter,
    )
    actor = await login(app, args)
    await app.printing.save_printer(actor, printer, default=args.default)
    default = f"; the default of register {app.printing.register_id}" if args.default else ""
    return print_result(
        args.json, printer.as_json(), f"Printer {printer.name} ({printer.transport}) saved{default}"
    )


@PRINTER.command("list")
async def cmd_printer_list(app: AppContext, args: argparse.Namespace) -> int:
    """list the receipt printers

    The shop's printers: name, address, roll, mode (hybrid with its code page) and the registers whose
    default each is.
    """
    book = await app.printing.book()
    if args.json:
        emit_json({"printers": [p.as_json() for p in book.printers], "defaults": dict(book.defaults)})
        return EXIT_OK
    rows = [
        [
            p.name,
            str(p.transport),
            f"{p.render.head_dots} dots",
            f"hybrid {p.render.codec}" if p.render.mode is TextMode.HYBRID else p.render.mode.value,
            ", ".join(r for r, n in sorted(book.defaults.items()) if n == p.name),
        ]
        for p in book.printers
    ]
    print_table(["name", "address", "head", "mode", "default of"], rows)
    return EXIT_OK


@PRINTER.command("remove", _NAME)
async def cmd_printer_remove(app: AppContext, args: argparse.Namespace) -> int:
    """remove a receipt printer

    Remove a printer from the shop's list (and as any register's default). Managers only.
    """
    actor = await login(app, args)
    await app.printing.remove_printer(actor, args.name)
    return print_result(args.json, {"removed": args.name}, f"Printer {args.name} removed")


@PRINTER.command("default", _NAME, Arg("--register", help="the register (default: this one)"))
async def cmd_printer_default(app: AppContext, args: argparse.Namespace) -> int:
    """choose a register's default printer

    Make the printer the one a register's receipts go to when no --printer is named. Managers only.
    """
    actor = await login(app, args)
    register = args.register or app.printing.register_id
    await app.printing.set_default(actor, args.name, register)
    return print_result(
        args.json,
        {"register": register, "printer": args.name},
        f"Register {register} prints on {args.name}",
    )


@PRINTER.command("status", _MAYBE_NAME)
async def cmd_printer_status(app: AppContext, args: argparse.Namespace) -> int:
    """ask a printer for its status

    Ask the printer (DLE EOT) whether it is online, has paper and its cover closed. Exit code 0 ready,
    1 a problem, 3 the printer does not answer status requests.
    """
    status = await app.printing.status(args.name)
    code = EXIT_UNKNOWN if not status.answered else EXIT_OK if not status.problems() else EXIT_REFUSED
    if args.json:
        emit_json(_status_json(status))
        return code
    print(_status_line(status))
    return code


@PRINTER.command("test", _MAYBE_NAME)
async def cmd_printer_test(app: AppContext, args: argparse.Namespace) -> int:
    """print a test page

    Print the printer's name, the Kazakh letters in its mode and a ruler of its columns.
    """
    outcome = await app.printing.test_print(args.name)
    if args.json:
        emit_json(outcome_json(outcome))
    else:
        print(outcome_line(outcome))
    return outcome_exit(outcome)


async def print_receipt(app: AppContext, args: argparse.Namespace) -> int:
    """``receipt INVOICE --printer NAME``: issue the receipt and print it; the exit code says the
    outcome (the receipt is issued and kept whatever the printer does)."""
    if args.format != "pdf" or any(v is not None for v in (args.mode, args.hybrid_page, args.width)):
        raise CliError(
            "--printer prints on the printer's roll, in its mode and code page: leave out --format, --mode, "
            "--hybrid-page and --width"
        )
    actor = await login(app, args)
    request = ReceiptRequest.of(args.invoice, args.kind, language=args.receipt_lang, money_op_id=args.op)
    printed = await app.printing.print_receipt(actor, request, printer=args.printer)
    record, outcome = printed.record, printed.outcome
    if args.json:
        emit_json({**record_json(args.invoice, record), **outcome_json(outcome)})
    else:
        print(f"Receipt {record.register_id}-{record.number} ({record.kind.value}): {outcome_line(outcome)}")
    return outcome_exit(outcome)


def _said(outcome: PrintOutcome | PrinterStatus) -> list[str]:
    messages = outcome.said if isinstance(outcome, PrintOutcome) else outcome.problems()
    return [localized(ConsoleError(m)) or m.text() for m in messages]


def outcome_exit(outcome: PrintOutcome) -> int:
    """The exit code a print's outcome gives: 0 printed, 3 sent but not known, 1 failed."""
    return _EXIT[outcome.outcome]


def outcome_line(outcome: PrintOutcome) -> str:
    """``printed on front (1845 of 1845 bytes sent).`` and what the printer said, in the command's
    language."""
    head = f"{outcome.outcome.value} on {outcome.printer} ({outcome.sent} of {outcome.total} bytes sent)"
    return " ".join([f"{head}.", *_said(outcome)])


def outcome_json(outcome: PrintOutcome) -> dict[str, object]:
    return {
        "printer": outcome.printer,
        "outcome": outcome.outcome.value,
        "sent": outcome.sent,
        "total": outcome.total,
        "said": _said(outcome),
    }


def _status_line(status: PrinterStatus) -> str:
    if not status.answered:
        return "status unknown: the printer does not answer status requests"
    return " ".join(_said(status)) or "ready"


def _status_json(status: PrinterStatus) -> dict[str, object]:
    return {**asdict(status), "said": _said(status)}
