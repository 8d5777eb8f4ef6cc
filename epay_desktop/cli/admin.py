"""``reconcile`` (and resolving discrepancies), ``export`` and ``audit verify``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Final

from epay_desktop.cli.audit_anchor import anchor_from_args, register_anchor
from epay_desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNKNOWN,
    CliError,
    Commands,
    date_arg,
    day_start,
    login,
    require_manager,
    text_arg,
    whole_number_arg,
)
from epay_desktop.cli.output import emit_json, local_time, money_json, visible, when_json
from epay_desktop.cli.receipts import check_writable
from epay_desktop.domain.bounds import MAX_ID
from epay_desktop.domain.text import FIELD_NOTE

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext
    from epay_desktop.services.payments.books import OpenDiscrepancy

__all__ = ["EXIT_DISCREPANCY", "register"]

#: ``reconcile``'s exit code while a discrepancy between the books and the bank is open (decision 0037).
EXIT_DISCREPANCY: Final = 5


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    reconcile = commands.add_parser(
        "reconcile",
        parents=[common],
        help="settle unresolved operations and compare the books with the bank (discrepancies)",
        description="Ask the gateway (check-status only; nothing is ever re-sent) about every unresolved "
        "money operation and every payment whose status may still change, and compare the console's "
        "charged/refunded totals with the bank's for every payment with an open operation or "
        "discrepancy and for up to 100 payments of the last 7 days (least recently checked first); "
        "print what changed and every open discrepancy. Exit 0 when all agree; 3 while some operation "
        "is still unresolved; 5 while a discrepancy between the books and the bank is open (a manager "
        "resolves it: reconcile --resolve ID --note TEXT).",
    )
    reconcile.add_argument(
        "--resolve",
        type=whole_number_arg(1, MAX_ID),
        metavar="ID",
        help="(managers) close the open discrepancy ID (see the list) instead of reconciling; needs --note",
    )
    reconcile.add_argument(
        "--note",
        default="",
        type=text_arg(FIELD_NOTE),
        metavar="TEXT",
        help="what was found, e.g. what the bank's merchant cabinet shows",
    )
    reconcile.set_defaults(handler=cmd_reconcile)

    export = commands.add_parser(
        "export",
        parents=[common],
        help="export payments to CSV (managers)",
        description="Export payments "
        "created in a period (Kazakhstan dates; --until inclusive) to a CSV file, written atomically.",
    )
    export.add_argument(
        "--csv", dest="csv_path", required=True, type=Path, metavar="FILE", help="the CSV file"
    )
    export.add_argument("--since", type=date_arg, help="from this date, YYYY-MM-DD")
    export.add_argument("--until", type=date_arg, help="up to and including this date, YYYY-MM-DD")
    export.set_defaults(handler=cmd_export)

    audit = commands.add_parser("audit", help="check the audit log")
    sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser(
        "verify",
        parents=[common],
        help="verify the audit chain (managers)",
        description="Recompute the audit chain and print its anchor. Keep the anchor off this PC and pass "
        "it later as --anchor 'audit N XXXX-XXXX-XXXX-XXXX' (or --anchor FILE, or --anchor HASH "
        "--count N) to detect a log that was cut or rewritten since.",
    )
    verify.add_argument(
        "--anchor", metavar="ANCHOR", help="an anchor printed earlier (audit anchor), or a file holding it"
    )
    verify.add_argument(
        "--count", type=whole_number_arg(0, MAX_ID), metavar="N", help="the entry count printed with it"
    )
    verify.set_defaults(handler=cmd_audit_verify)
    register_anchor(sub, common)


async def cmd_reconcile(app: AppContext, args: argparse.Namespace) -> int:
    """Reconcile and list open discrepancies, or (``--resolve``) close one as a manager."""
    if args.resolve is not None:
        return await _resolve_discrepancy(app, args)
    if args.note:
        raise CliError("--note goes with --resolve ID")
    await login(app, args)
    report = await app.reconciler.reconcile_all()
    unresolved = await app.reconciler.unresolved_operations()
    disputed = await app.reconciler.books.open_discrepancies()
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
            }
        )
    else:
        for line in report.lines:
            print(visible(line))
        for item in disputed:
            print(visible(_discrepancy_line(item)))
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
    user = await login(app, args)
    require_manager(user, "resolve a discrepancy between the books and the bank")
    resolved = await app.reconciler.books.resolve(user, args.resolve, args.note)
    invoice = await app.queries.invoice_of(resolved.payment_id)
    if args.json:
        emit_json(
            {
                "id": resolved.id,
                "invoice_id": invoice.value,
                "kind": resolved.kind,
                "resolution": resolved.resolution,
                "resolved_at": when_json(resolved.resolved_at),
            }
        )
    else:
        print(
            f"Resolved discrepancy {resolved.id} on invoice {invoice}: {visible(resolved.resolution or '')}"
        )
    return EXIT_OK


async def cmd_export(app: AppContext, args: argparse.Namespace) -> int:
    out = check_writable(args.csv_path)
    user = await login(app, args)
    require_manager(user, "export payments")
    count = await app.queries.export_csv(
        out, since=day_start(args.since), until=day_start(args.until, next_day=True)
    )
    if args.json:
        emit_json({"file": str(out), "rows": count})
    else:
        print(f"Exported {count} payment(s) to {out}")
    return EXIT_OK


async def cmd_audit_verify(app: AppContext, args: argparse.Namespace) -> int:
    anchor = anchor_from_args(args.anchor, args.count)
    user = await login(app, args)
    require_manager(user, "verify the audit log")
    report = await app.audit.verify(anchor)
    # a role or status set in the file (one SQL UPDATE) leaves the chain intact: say so here too
    unbacked = await app.audit.accounts_not_backed()
    if args.json:
        emit_json(
            {
                "ok": report.ok and not unbacked,
                "count": report.count,
                "head_hash": report.head_hash,
                "first_bad_seq": report.first_bad_seq,
                "problem": report.problem or None,
                "accounts_not_audited": [
                    {"user_id": a.user_id, "name": a.name, "stored_role": a.stored_role,
                     "audited_role": a.audited_role, "stored_active": a.stored_active,
                     "audited_active": a.audited_active}
                    for a in unbacked
                ],
            }
        )  # fmt: skip
    if not report.ok:
        raise CliError(
            f"the audit log is broken at entry {report.first_bad_seq}: {report.problem}", EXIT_REFUSED
        )
    if unbacked:
        accounts = "; ".join(a.line() for a in unbacked)
        raise CliError(
            f"the audit log is intact, but {len(unbacked)} account(s) have a role or status no audited "
            f"decision gave (changed in the database outside the console; their log-in is refused): "
            f"{accounts}",
            EXIT_REFUSED,
        )
    if not args.json:
        from epay_desktop.services.audit import AuditAnchor  # the store's stack: only when the command runs

        if anchor is not None:
            print(f"The audit log is intact and matches the anchor {anchor.text()}.")
        print(f"The audit log is intact: {report.count} entries.")
        print(f"Anchor (keep it off this PC): {AuditAnchor(report.count, report.head_hash).text()}")
    return EXIT_OK
