"""``audit anchor`` and the anchor ``audit verify`` checks against (decision 0076).

The anchor is the audit log's entry count and the first 16 hex digits of its head hash, printed as
one short line (``audit 1234 3f2a-9c01-77be-0d4c``) a manager copies onto paper or keeps in a file
off the counter PC. ``audit verify --anchor`` takes that line, a file holding it, or (as before) a
64-digit hash with ``--count N``, and says whether the log was cut or rewritten since.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from epay_desktop.cli.common import EXIT_OK, EXIT_REFUSED, CliError, Commands, login, require_manager
from epay_desktop.cli.output import emit_json
from epay_desktop.cli.receipts import check_writable

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext
    from epay_desktop.services.audit import AuditAnchor

__all__ = ["anchor_from_args", "register_anchor"]

#: The longest anchor file read (an exported anchor is one short line and a heading).
_MAX_ANCHOR_FILE = 4096


def register_anchor(sub: Commands, common: argparse.ArgumentParser) -> None:
    anchor = sub.add_parser(
        "anchor",
        parents=[common],
        help="print (or save) the audit log's anchor to keep off this PC (managers)",
        description="Verify the audit chain and print its anchor: the entry count and the start of the "
        "head hash, e.g. `audit 1234 3f2a-9c01-77be-0d4c`. Keep it on paper or off this PC; later "
        "`epay-desktop audit verify --anchor 'audit 1234 3f2a-9c01-77be-0d4c'` (or --anchor FILE) finds "
        "a log cut or rewritten since. Someone who can write the data folder can rewrite the log on "
        "this PC, but not the anchor you kept (docs/security.md).",
    )
    anchor.add_argument("--out", type=Path, metavar="FILE", help="also save the anchor to this file")
    anchor.set_defaults(handler=cmd_audit_anchor)


def anchor_from_args(anchor_arg: str | None, count: int | None) -> AuditAnchor | None:
    """The anchor ``audit verify`` was given: the printed line, a file holding it, or HASH + --count."""
    from epay_desktop.services.audit import AnchorError, AuditAnchor  # loaded when the command runs

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


async def cmd_audit_anchor(app: AppContext, args: argparse.Namespace) -> int:
    from epay_desktop.safe_files import write_file_safely  # loaded when the command runs

    out = check_writable(args.out) if args.out is not None else None
    user = await login(app, args)
    require_manager(user, "print the audit log's anchor")
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
    if args.json:
        emit_json(
            {
                "anchor": line,
                "count": check.anchor.count,
                "head_hash": check.anchor.head_hash,
                "file": str(out) if out is not None else None,
            }
        )
    else:
        print(line)
        if out is not None:
            print(f"Saved to {out}: keep a copy off this PC.")
    return EXIT_OK
