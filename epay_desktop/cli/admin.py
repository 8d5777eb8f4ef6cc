"""``reconcile``, ``export`` and ``audit verify``."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from epay_desktop.app import AppContext
from epay_desktop.services.audit import AuditAnchor

from .common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNKNOWN,
    CliError,
    Commands,
    date_arg,
    day_start,
    login,
    require_manager,
)
from .output import emit_json
from .receipts import check_writable

__all__ = ["register"]

_HASH = re.compile(r"^[0-9a-f]{64}$")


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    reconcile = commands.add_parser(
        "reconcile",
        parents=[common],
        help="settle every unresolved operation and pending payment with the gateway",
        description="Ask the gateway (check-status only; nothing is ever re-sent) about every unresolved "
        "money operation and every payment whose status may still change; print what changed. Exit 3 "
        "while some operation is still unresolved.",
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
        description="Recompute the audit chain. Prints the head hash and count: keep them, and pass them "
        "later as --anchor HASH --count N to detect a log that was cut or rewritten.",
    )
    verify.add_argument("--anchor", metavar="HASH", help="a head hash printed earlier")
    verify.add_argument("--count", type=int, metavar="N", help="the entry count printed with it")
    verify.set_defaults(handler=cmd_audit_verify)


async def cmd_reconcile(app: AppContext, args: argparse.Namespace) -> int:
    await login(app, args)
    report = await app.reconciler.reconcile_all()
    unresolved = await app.store.run_read(lambda tx: tx.operations.all_unresolved())
    if args.json:
        emit_json(
            {
                "ops_checked": report.ops_checked,
                "payments_checked": report.payments_checked,
                "changes": [
                    {"subject": c.subject, "before": c.before, "after": c.after, "line": c.line}
                    for c in report.changes
                ],
                "problems": report.problems,
                "unresolved": [op.id for op in unresolved],
            }
        )
    else:
        for line in report.lines:
            print(line)
    if unresolved:
        raise CliError(
            f"{len(unresolved)} operation(s) still unresolved: checking with the bank; "
            "run `epay-desktop reconcile` again later (or a manager reviews them)",
            EXIT_UNKNOWN,
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
    anchor = None
    if (args.anchor is None) != (args.count is None):
        raise CliError("give both --anchor HASH and --count N, or neither")
    if args.anchor is not None:
        if not _HASH.match(args.anchor.strip().lower()) or args.count < 0:
            raise CliError("--anchor must be a 64-character hex hash and --count a whole number")
        anchor = AuditAnchor(args.count, args.anchor.strip().lower())
    user = await login(app, args)
    require_manager(user, "verify the audit log")
    report = await app.audit.verify(anchor)
    if args.json:
        emit_json(
            {
                "ok": report.ok,
                "count": report.count,
                "head_hash": report.head_hash,
                "first_bad_seq": report.first_bad_seq,
                "problem": report.problem or None,
            }
        )
    if not report.ok:
        raise CliError(
            f"the audit log is broken at entry {report.first_bad_seq}: {report.problem}", EXIT_REFUSED
        )
    if not args.json:
        print(f"The audit log is intact: {report.count} entries.")
        print(f"Anchor (keep it): --anchor {report.head_hash} --count {report.count}")
    return EXIT_OK
