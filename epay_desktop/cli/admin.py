"""``reconcile`` (and resolving discrepancies) and ``export``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Final

from epay_desktop.cli.commands import Arg
from epay_desktop.cli.commands import CommandTable
from epay_desktop.cli.common import EXIT_OK
from epay_desktop.cli.common import EXIT_UNKNOWN
from epay_desktop.cli.common import CliError
from epay_desktop.cli.common import date_arg
from epay_desktop.cli.common import day_start
from epay_desktop.cli.common import login
from epay_desktop.cli.common import login_manager
from epay_desktop.cli.common import text_arg
from epay_desktop.cli.common import whole_number_arg
from epay_desktop.cli.fiscal import fiscal_pass
from epay_desktop.cli.output import emit_json
from epay_desktop.cli.output import local_time
from epay_desktop.cli.output import money_json
from epay_desktop.cli.output import print_result
from epay_desktop.cli.output import visible
from epay_desktop.cli.output import when_json
from epay_desktop.cli.receipts import check_writable
from epay_desktop.domain.bounds import MAX_ID
from epay_desktop.domain.text import FIELD_NOTE

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext
    from epay_desktop.services.payments.books import OpenDiscrepancy

__all__ = ["ADMIN", "EXIT_DISCREPANCY"]

ADMIN = CommandTable()

#: ``reconcile``'s exit code while a discrepancy between the books and the bank is open (decision 0037).
EXIT_DISCREPANCY: Final = 5


@ADMIN.command(
    "reconcile",
    Arg(
        "--resolve",
        type=whole_number_arg(1, MAX_ID),
        metavar="ID",
        help="(managers) close the open discrepancy ID (see the list) instead of reconciling; needs --note",
    ),
    Arg(
        "--note",
        default="",
        type=text_arg(FIELD_NOTE),
        metavar="TEXT",
        help="what was found, e.g. what the bank's merchant cabinet shows",
    ),
)
async def cmd_reconcile(app: AppContext, args: argparse.Namespace) -> int:
    """settle unresolved operations and compare the books with the bank (discrepancies)

    Ask the gateway (check-status only; nothing is ever re-sent) about every unresolved money operation
    and every payment whose status may still change, and compare the console's charged/refunded totals
    with the bank's for every payment with an open operation or discrepancy and for up to 100 payments
    of the last 7 days (least recently checked first); print what changed and every open discrepancy.
    Exit 0 when all agree; 3 while some operation is still unresolved; 5 while a discrepancy between
    the books and the bank is open (a manager resolves it: reconcile --resolve ID --note TEXT).
    With a fiscal register set up, the fiscal receipts a crash or a lost answer left are then
    registered (each listed; one still refused is a warning on stderr, e.g. a shift past 24 hours:
    `epay-desktop fiscal z`).
    """
    if args.resolve is not None:
        return await _resolve_discrepancy(app, args)
    if args.note:
        raise CliError("--note goes with --resolve ID")
    await login(app, args)
    report = await app.reconciler.reconcile_all()
    unresolved = await app.reconciler.unresolved_operations()
    disputed = await app.reconciler.books.open_discrepancies()
    fiscal = await fiscal_pass(app)  # after the bank's: the sales it confirmed now are fiscalised too
    if args.json:
        emit_json(
            {
                "ops_checked": report.ops_checked,
                "payments_checked": report.payments_checked,
                "books_checked": report.books_checked,
                "changes": [
                    {"subject": c.subject, "before": c.before, "after": c.after, "line": c.line}
                    for c in report.changes
                ],
                "books": report.books,
                "problems": report.problems,
                "unresolved": [op.id for op in unresolved],
                "discrepancies": [_discrepancy_json(item) for item in disputed],
                "fiscal": fiscal.json(),
            }
        )
    else:
        for line in report.lines:
            print(visible(line))
        for item in disputed:
            print(visible(_discrepancy_line(item)))
        for line in fiscal.lines():
            print(visible(line))
    if disputed:
        raise CliError(
            f"{len(disputed)} discrepancy(ies) between the books and the bank are open: a manager checks "
            "each with the bank and runs `epay-desktop reconcile --resolve ID --note TEXT`",
            EXIT_DISCREPANCY,
        )
    if unresolved:
        raise CliError(
            f"{len(unresolved)} operation(s) still unresolved: checking with the bank; "
            "run `epay-desktop reconcile` again later (or a manager reviews them)",
            EXIT_UNKNOWN,
        )
    return EXIT_OK


def _discrepancy_line(item: OpenDiscrepancy) -> str:
    d = item.discrepancy
    amounts = []
    if d.console is not None:
        amounts.append(f"console {d.console.format()}")
    if d.bank is not None:
        amounts.append(f"bank {d.bank.format()}")
    since = local_time(d.detected_at)
    return (
        f"discrepancy {d.id} on invoice {item.invoice_id} ({d.kind}; {', '.join(amounts)}; since {since}): "
        f"{d.detail}"
    )


def _discrepancy_json(item: OpenDiscrepancy) -> dict[str, object]:
    d = item.discrepancy
    return {
        "id": d.id,
        "invoice_id": item.invoice_id.value,
        "kind": d.kind,
        "console": money_json(d.console),
        "bank": money_json(d.bank),
        "detail": d.detail,
        "detected_at": when_json(d.detected_at),
        "last_seen_at": when_json(d.last_seen_at),
    }


async def _resolve_discrepancy(app: AppContext, args: argparse.Namespace) -> int:
    if not args.note.strip():
        raise CliError("say what was found: --resolve ID --note TEXT")
    user = await login_manager(app, args, "resolve a discrepancy between the books and the bank")
    resolved = await app.reconciler.books.resolve(user, args.resolve, args.note)
    invoice = await app.queries.invoice_of(resolved.payment_id)
    return print_result(
        args.json,
        {
            "id": resolved.id,
            "invoice_id": invoice.value,
            "kind": resolved.kind,
            "resolution": resolved.resolution,
            "resolved_at": when_json(resolved.resolved_at),
        },
        f"Resolved discrepancy {resolved.id} on invoice {invoice}: {visible(resolved.resolution or '')}",
    )


@ADMIN.command(
    "export",
    Arg("--csv", dest="csv_path", required=True, type=Path, metavar="FILE", help="the CSV file"),
    Arg("--since", type=date_arg, help="from this date, YYYY-MM-DD"),
    Arg("--until", type=date_arg, help="up to and including this date, YYYY-MM-DD"),
)
async def cmd_export(app: AppContext, args: argparse.Namespace) -> int:
    """export payments to CSV (managers)

    Export payments created in a period (Kazakhstan dates; --until inclusive) to a CSV file, written
    atomically.
    """
    out = check_writable(args.csv_path)
    await login_manager(app, args, "export payments")
    count = await app.queries.export_csv(
        out, since=day_start(args.since), until=day_start(args.until, next_day=True)
    )
    return print_result(args.json, {"file": str(out), "rows": count}, f"Exported {count} payment(s) to {out}")
