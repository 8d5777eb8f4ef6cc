"""``audit verify`` and ``audit anchor``: the audit chain checked, and the anchor kept off the PC (0076).

The anchor is the audit log's entry count and the first 16 hex digits of its head hash, printed as
one short line (``audit 1234 3f2a-9c01-77be-0d4c``) a manager copies onto paper or keeps in a file
off the counter PC. ``audit verify --anchor`` takes that line, a file holding it, or (as before) a
64-digit hash with ``--count N``, and says whether the log was cut or rewritten since.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from epay_desktop.cli.commands import Arg
from epay_desktop.cli.commands import CommandTable
from epay_desktop.cli.common import EXIT_OK
from epay_desktop.cli.common import EXIT_REFUSED
from epay_desktop.cli.common import CliError
from epay_desktop.cli.common import login_manager
from epay_desktop.cli.common import whole_number_arg
from epay_desktop.cli.output import emit_json
from epay_desktop.cli.output import print_result
from epay_desktop.cli.receipts import check_writable
from epay_desktop.domain.bounds import MAX_ID

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext
    from epay_desktop.services.audit import AuditAnchor

__all__ = ["AUDIT"]

AUDIT = CommandTable("audit", "check the audit log")

#: The longest anchor file read (an exported anchor is one short line and a heading).
_MAX_ANCHOR_FILE = 4096


def anchor_from_args(anchor_arg: str | None, count: int | None) -> AuditAnchor | None:
    """The anchor ``audit verify`` was given: the printed line, a file holding it, or HASH + --count."""
    from epay_desktop.services.audit import AnchorError  # loaded when the command runs
    from epay_desktop.services.audit import AuditAnchor  # loaded when the command runs

    if anchor_arg is None:
        if count is not None:
            raise CliError("give both --anchor HASH and --count N, or the anchor as printed")
        return None
    text = anchor_arg.strip()
    path = Path(text)
    if count is None and not text[:1].isdigit() and not text.lower().startswith("audit") and path.exists():
        text = _read_anchor_file(path)
    elif count is not None:
        text = f"{count} {text}"
    elif len(text) == 64 and " " not in text:
        raise CliError("give both --anchor HASH and --count N, or the anchor as printed (audit N XXXX-...)")
    try:
        return AuditAnchor.parse(text)
    except AnchorError as exc:
        raise CliError(f"--anchor: {exc}") from None


def _read_anchor_file(path: Path) -> str:
    if not path.is_file():
        raise CliError(f"--anchor {path}: not a regular file")
    with path.open("rb") as handle:
        data = handle.read(_MAX_ANCHOR_FILE + 1)
    if len(data) > _MAX_ANCHOR_FILE:
        raise CliError(f"--anchor {path}: too long for an anchor file")
    return data.decode("utf-8", errors="replace")


@AUDIT.command(
    "verify",
    Arg("--anchor", metavar="ANCHOR", help="an anchor printed earlier (audit anchor), or a file holding it"),
    Arg("--count", type=whole_number_arg(0, MAX_ID), metavar="N", help="the entry count printed with it"),
)
async def cmd_audit_verify(app: AppContext, args: argparse.Namespace) -> int:
    """verify the audit chain (managers)

    Recompute the audit chain and print its anchor. Keep the anchor off this PC and pass it later as
    --anchor 'audit N XXXX-XXXX-XXXX-XXXX' (or --anchor FILE, or --anchor HASH --count N) to detect a
    log that was cut or rewritten since.
    """
    anchor = anchor_from_args(args.anchor, args.count)
    await login_manager(app, args, "verify the audit log")
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


@AUDIT.command("anchor", Arg("--out", type=Path, metavar="FILE", help="also save the anchor to this file"))
async def cmd_audit_anchor(app: AppContext, args: argparse.Namespace) -> int:
    """print (or save) the audit log's anchor to keep off this PC (managers)

    Verify the audit chain and print its anchor: the entry count and the start of the head hash, e.g.
    `audit 1234 3f2a-9c01-77be-0d4c`. Keep it on paper or off this PC; later `epay-desktop audit verify
    --anchor 'audit 1234 3f2a-9c01-77be-0d4c'` (or --anchor FILE) finds a log cut or rewritten since.
    Someone who can write the data folder can rewrite the log on this PC, but not the anchor you kept
    (docs/security.md).
    """
    from epay_desktop.safe_files import write_file_safely  # loaded when the command runs

    out = check_writable(args.out) if args.out is not None else None
    await login_manager(app, args, "print the audit log's anchor")
    check = await app.audit.anchor()
    report = check.report
    if not report.ok or check.anchor is None:
        raise CliError(
            f"the audit log is broken at entry {report.first_bad_seq}: {report.problem}; "
            "no anchor is given for a broken log",
            EXIT_REFUSED,
        )
    line = check.anchor.text()
    if out is not None:
        write_file_safely(out, check.anchor.file_text().encode())
    return print_result(
        args.json,
        {
            "anchor": line,
            "count": check.anchor.count,
            "head_hash": check.anchor.head_hash,
            "file": str(out) if out is not None else None,
        },
        line,
        None if out is None else f"Saved to {out}: keep a copy off this PC.",
    )
