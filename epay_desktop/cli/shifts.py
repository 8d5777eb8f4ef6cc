"""``shift open|x|close|list|z``: this register's shift and its X and Z reports (decisions 0107, 0108).

``close`` is a manager's: a cashier adds ``--approved-by MANAGER`` and the manager signs in with their
password/PIN (EPAY_APPROVER_PASSWORD or a prompt). It checks every payment of the shift with the bank
first (progress on stderr; Ctrl+C stops it and the shift stays open), then prints the Z report.
``--csv FILE`` / ``--pdf FILE`` also save the report, ``--print [--printer NAME]`` prints it on the
thermal receipt printer (``x``, ``close``, ``z``), in the report's language: ``--lang`` after the
command, else the command line's own (decision 0114). A printer that is not known is refused before
anything is done; a print that fails loses nothing (``shift z ID --print`` prints a Z report again).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from epay_desktop.cli.commands import Arg
from epay_desktop.cli.commands import CommandTable
from epay_desktop.cli.common import EXIT_OK
from epay_desktop.cli.common import login
from epay_desktop.cli.common import read_secret
from epay_desktop.cli.common import whole_number_arg
from epay_desktop.cli.language import choose_language
from epay_desktop.cli.output import emit_json
from epay_desktop.cli.output import local_time
from epay_desktop.cli.output import print_table
from epay_desktop.cli.output import when_json
from epay_desktop.cli.printers import outcome_exit
from epay_desktop.cli.printers import outcome_json
from epay_desktop.cli.printers import outcome_line
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import User
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import Shift
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.receipts.layout import Pair
from epay_desktop.receipts.layout import Text
from epay_desktop.receipts.printers import Outcome
from epay_desktop.receipts.shift_layout import shift_blocks
from epay_desktop.receipts.shift_texts import note_text
from epay_desktop.safe_files import check_target

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext

__all__ = ["SHIFT"]

SHIFT = CommandTable("shift", doc="this register's shift: open it, X report, close it with a Z report")

_SAVE = (
    Arg("--csv", type=Path, metavar="FILE.csv", help="also save the report as CSV"),
    Arg("--pdf", type=Path, metavar="FILE.pdf", help="also save the report as PDF (A4)"),
    Arg(
        "--print",
        dest="print_report",
        action="store_true",
        help="also print the report on this register's receipt printer",
    ),
    Arg("--printer", metavar="NAME", help="print it on this receipt printer instead (implies --print)"),
    # its own dest: the top-level --lang is the language of the command's messages (decision 0046)
    Arg(
        "--lang",
        dest="report_lang",
        choices=[lang.value for lang in ReceiptLanguage],
        help="the report's language: kk, ru or en (default: the command's --lang or the environment's)",
    ),
)


async def _prepare(app: AppContext, args: argparse.Namespace) -> None:
    """Refuse before anything is done (nothing closed) when a file to save cannot be written (exit 2)
    or the printer to print on is not known (exit 1)."""
    for path in (args.csv, args.pdf):
        if path is not None:
            check_target(path)
    if args.print_report or args.printer is not None:
        await app.printing.printer(args.printer)


def _language(args: argparse.Namespace) -> ReceiptLanguage:
    """The report's language: ``shift ... --lang``, else the command's (``--lang`` or the environment)."""
    return ReceiptLanguage(args.report_lang or choose_language(args.lang))


def report_text(report: ShiftReport, language: ReceiptLanguage) -> list[str]:
    """The report as the terminal shows it: the printer's blocks, labels on the left, values aligned."""
    blocks = shift_blocks(report, language)
    width = max((len(b.label) for b in blocks if isinstance(b, Pair) and b.value), default=0)
    lines = []
    for block in blocks:
        match block:
            case Text():
                lines.append(block.text)
            case Pair():
                lines.append(f"{block.label:{width}}  {block.value}".rstrip() if block.value else block.label)
            case _:  # a rule or a gap: a blank line between the parts
                lines.append("")
    return lines


async def _print_report(app: AppContext, args: argparse.Namespace, report: ShiftReport) -> int:
    """The report in its language (JSON with --json), the files saved, the report printed on the
    receipt printer (--print: the exit code is the print's, 0 printed, 3 not known, 1 failed; the
    report is kept whatever the printer does); each warning also on stderr."""
    language = _language(args)
    saved = []
    if args.csv is not None:
        saved.append(await app.shifts.save_csv(args.csv, report, language=language))
    if args.pdf is not None:
        saved.append(await app.shifts.save_pdf(args.pdf, report, language=language))
    if not args.json:
        print("\n".join(report_text(report, language)))
        for path in saved:
            print(f"Saved {path}")
    outcome = None
    if args.print_report or args.printer is not None:
        outcome = await app.printing.print_shift_report(report, lang=language, name=args.printer)
    if args.json:
        printed = outcome_json(outcome) if outcome is not None else None
        emit_json(
            {
                **json.loads(report.to_json()),
                "language": language.value,
                "files": [str(p) for p in saved],
                "print": printed,
            }
        )
    elif outcome is not None:
        print(f"Report {report.kind.value} {report.shift.label}: {outcome_line(outcome)}")
        if outcome.outcome is not Outcome.PRINTED:
            again = f"shift z {report.shift.id} --print" if report.kind is ReportKind.Z else "shift x --print"
            print(f"It is not lost: `{again}` prints it again.")
    for warning in report.warnings:
        print(f"epay-desktop: warning: {note_text(warning, language)}", file=sys.stderr)
    return outcome_exit(outcome) if outcome is not None else EXIT_OK


def _shift_json(shift: Shift) -> dict[str, object]:
    return {
        "id": shift.id,
        "register_id": shift.register_id,
        "number": shift.number,
        "opened_at": when_json(shift.opened_at),
        "opened_by": shift.opened_by,
        "closed_at": when_json(shift.closed_at),
        "closed_by": shift.closed_by,
        "close_requested_by": shift.close_requested_by,
    }


@SHIFT.command("open")
async def cmd_open(app: AppContext, args: argparse.Namespace) -> int:
    """open a shift at this register (one at a time)"""
    actor = await login(app, args)
    shift = await app.shifts.open(actor)
    if args.json:
        emit_json(_shift_json(shift))
    else:
        print(f"Shift {shift.label} opened at {local_time(shift.opened_at)} by {actor.name}.")
    return EXIT_OK


@SHIFT.command("x", *_SAVE, Arg("--bank", action="store_true", help="also check every payment with the bank"))
async def cmd_x(app: AppContext, args: argparse.Namespace) -> int:
    """the open shift's X report (changes nothing)"""
    await _prepare(app, args)
    await login(app, args)
    report = await app.shifts.x_report(check_bank=args.bank, progress=_progress if args.bank else None)
    return await _print_report(app, args, report)


async def _closer(app: AppContext, args: argparse.Namespace, actor: User) -> User | None:
    """The manager who signs in to close a cashier's shift (``--approved-by``), or None."""
    manager = (args.approved_by or "").strip()
    if actor.role.can_move_money or not (await app.shifts.rules()).cashier_may_close:
        return None  # a manager closes; or only a manager may (decision 0117): the close says so, no prompt
    if not manager:
        raise PermissionDenied(
            msg(
                "cli",
                QT_TRANSLATE_NOOP(
                    "cli", "A cashier closes a shift with a manager: add --approved-by MANAGER."
                ),
            )
        )
    password = read_secret("EPAY_APPROVER_PASSWORD", f"Password or PIN of manager {manager}: ")
    return await app.users.authenticate(manager, password)


@SHIFT.command(
    "close",
    *_SAVE,
    Arg(
        "--approved-by",
        metavar="MANAGER",
        help="for a cashier: the manager who closes it (password: EPAY_APPROVER_PASSWORD or a prompt)",
    ),
    Arg(
        "--no-bank-check",
        action="store_true",
        help="close without checking the payments with the bank, when the shop's rules allow it "
        "(the Z report says they were not checked)",
    ),
)
async def cmd_close(app: AppContext, args: argparse.Namespace) -> int:
    """close the open shift: check with the bank, print the Z report (managers)

    Every payment of the shift is checked with the bank (progress on stderr; Ctrl+C stops the check
    and the shift stays open), then the shift is closed, the close written to the audit log, and the
    Z report printed with the bank's differences and the audit anchor. It is kept: `shift z ID`
    prints it again.
    """
    await _prepare(app, args)
    actor = await login(app, args)
    approver = await _closer(app, args, actor)
    report = await app.shifts.close(
        actor, approved_by=approver, check_bank=not args.no_bank_check, progress=_progress
    )
    return await _print_report(app, args, report)


@SHIFT.command("z", Arg("shift_id", type=whole_number_arg(1, 2**31 - 1), metavar="ID"), *_SAVE)
async def cmd_z(app: AppContext, args: argparse.Namespace) -> int:
    """print a closed shift's Z report again (see `shift list` for the ids)"""
    await _prepare(app, args)
    await login(app, args)
    report = await app.shifts.report(args.shift_id)
    return await _print_report(app, args, report)


@SHIFT.command(
    "list",
    Arg("--all", action="store_true", help="every register's shifts, not only this one's"),
    Arg("--limit", type=whole_number_arg(1, 1000), default=20, help="how many (newest first; default 20)"),
)
async def cmd_list(app: AppContext, args: argparse.Namespace) -> int:
    """the newest shifts of this register"""
    await login(app, args)
    shifts = await app.shifts.recent(args.limit, all_registers=args.all)
    language = ReceiptLanguage(choose_language(args.lang))  # the warnings in the command's language
    if args.json:
        emit_json([_shift_json(s) for s in shifts])
        return EXIT_OK
    if not shifts:
        print(f"No shifts at register {app.shifts.register_id} yet.")
        return EXIT_OK
    rows = [[str(s.id), s.label, local_time(s.opened_at), local_time(s.closed_at) or "open"] for s in shifts]
    print_table(["ID", "Shift", "Opened", "Closed"], rows, right={0})
    for shift in shifts:
        warning = await app.shifts.warning(shift)
        if warning is not None:
            print(f"epay-desktop: warning: {note_text(warning, language)}", file=sys.stderr)
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    """The bank check's progress on stderr: one updating line on a terminal, else start and end."""
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(f"\rChecking with the bank: {done} of {total} payments", end=end, file=sys.stderr, flush=True)
    elif done == 0:
        print(
            f"Checking {total} payments with the bank (Ctrl+C stops; the shift stays open)", file=sys.stderr
        )
    elif done == total:
        print(f"Checked {total} payments with the bank", file=sys.stderr)
