"""``fiscal status|x|z``: the fiscal register's shift (its 24 hours), its X report, and its Z (issue 14;
decision 0127); ``fiscal register-here``: a receipt held because it was asked at another cash register
than the settings name now, registered at the current one by a manager who found it is not at the other
(decision 0129).

``status`` and ``x`` are anyone's; ``z`` is a manager's: a cashier adds ``--approved-by MANAGER`` and the
manager signs in with their password/PIN (EPAY_APPROVER_PASSWORD or a prompt), as for ``shift close``.
After the Z the receipts the register had refused for the old shift (a shift past 24 hours) are asked
again at once, and what became of each is printed. Without a fiscal register set up each command says
where a manager sets it up (exit 2). ``reconcile`` runs the fiscal pass too (:func:`fiscal_pass`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from typing import Any

from epay_desktop.cli.commands import Arg
from epay_desktop.cli.commands import CommandTable
from epay_desktop.cli.common import EXIT_BUG
from epay_desktop.cli.common import EXIT_OK
from epay_desktop.cli.common import EXIT_REFUSED
from epay_desktop.cli.common import EXIT_UNKNOWN
from epay_desktop.cli.common import EXIT_USAGE
from epay_desktop.cli.common import CliError
from epay_desktop.cli.common import login
from epay_desktop.cli.common import read_secret
from epay_desktop.cli.errors import describe_failure
from epay_desktop.cli.language import localized_message
from epay_desktop.cli.output import emit_json
from epay_desktop.cli.output import local_time
from epay_desktop.cli.output import money_json
from epay_desktop.cli.output import print_pairs
from epay_desktop.cli.output import print_table
from epay_desktop.cli.output import visible
from epay_desktop.cli.output import when_json
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import User
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.services.fiscal.shift_watch import Deadline
from epay_desktop.services.fiscal.shift_watch import deadline_of

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext

__all__ = ["FISCAL", "FiscalPass", "fiscal_pass", "record_json", "record_line"]

FISCAL = CommandTable("fiscal", doc="the fiscal register (online cash register): its shift, X and Z reports")

NOT_SET_UP = (
    "no fiscal register is set up, so receipts are not fiscal: a manager sets it up in the console's "
    "Settings, on the Fiscal register tab"
)


async def _provider(app: AppContext) -> tuple[str, str]:
    """(the provider's name, the cash register's number); CliError (exit 2) when none is set up."""
    settings = await app.fiscal_setup.load()
    connection = await app.fiscal.connection() if settings.configured else None
    if connection is None:
        raise CliError(NOT_SET_UP, EXIT_USAGE)
    return connection.provider.name, settings.cashbox


@FISCAL.command("status")
async def cmd_status(app: AppContext, args: argparse.Namespace) -> int:
    """the fiscal register's shift: open since, must be closed by (24 hours), documents, offline

    A warning on stderr when the shift must be closed within the hour, or is past its 24 hours (the
    register then refuses every receipt until `epay-desktop fiscal z`).
    """
    await login(app, args)
    provider, cashbox = await _provider(app)
    state = await app.fiscal.shift_state()
    if state is None:
        raise CliError(NOT_SET_UP, EXIT_USAGE)
    is_open = state.shift_number is not None and not state.closed
    deadline = deadline_of(state, app.clock())
    if args.json:
        emit_json(
            {
                "provider": provider,
                "cashbox": cashbox,
                "shift_number": state.shift_number,
                "open": is_open,
                "opened_at": when_json(state.opened_at if is_open else None),
                "close_by": when_json(state.close_by),
                "deadline": deadline.value,
                "documents": state.documents,
                "offline": state.cashbox_offline,
            }
        )
    else:
        if state.shift_number is None:
            shift = "none open (the next receipt opens one)"
        else:
            shift = f"{state.shift_number}, {'open' if is_open else 'closed'}"
        print_pairs(
            {
                "Fiscal register": f"{provider}, cash register {cashbox}",
                "Shift": shift,
                "Open since": local_time(state.opened_at) if is_open else "",
                "Must be closed by": local_time(state.close_by),
                "Documents": str(state.documents),
                "Connection": "offline (receipts are sent when it is back)"
                if state.cashbox_offline
                else "online",
            }
        )
    if deadline is Deadline.OVER:
        _warn(
            "the fiscal shift is over 24 hours: the register refuses every receipt until a manager closes "
            "it with `epay-desktop fiscal z`"
        )
    elif deadline is Deadline.SOON:
        _warn(f"the fiscal shift must be closed by {local_time(state.close_by)}: `epay-desktop fiscal z`")
    return EXIT_OK


@FISCAL.command("x")
async def cmd_x(app: AppContext, args: argparse.Namespace) -> int:
    """the fiscal register's X report: the shift's totals so far (changes nothing)"""
    await login(app, args)
    await _provider(app)
    report = await app.fiscal.x_report()
    if report is None:
        raise CliError(NOT_SET_UP, EXIT_USAGE)
    if args.json:
        emit_json(_report_json(report))
    else:
        print(f"X report: fiscal shift {report.shift_number} so far (nothing was changed)")
        _print_totals(report)
    return EXIT_OK


_APPROVED_BY = Arg(
    "--approved-by",
    metavar="MANAGER",
    help="for a cashier: the manager who does it (password: EPAY_APPROVER_PASSWORD or a prompt)",
)


@FISCAL.command("z", _APPROVED_BY)
async def cmd_z(app: AppContext, args: argparse.Namespace) -> int:
    """close the fiscal register's shift with its Z report (managers)

    The register opens the next shift with the next receipt. The receipts it had refused for the old
    shift (a shift past 24 hours) are asked again at once; each is listed with what became of it. The
    close is written to the audit log.
    """
    actor = await login(app, args)
    await _provider(app)
    approver = await _approver(app, args, actor)
    closed = await app.fiscal.close_shift_as(actor, approved_by=approver)
    if closed is None:
        raise CliError(NOT_SET_UP, EXIT_USAGE)
    report = closed.report
    retried = await _with_invoices(app, closed.retried)
    if args.json:
        emit_json(
            {
                **_report_json(report),
                "retried": [record_json(record, invoice) for record, invoice in retried],
            }
        )
        return EXIT_OK
    print(f"Fiscal shift {report.shift_number} closed at {local_time(report.closed_at)}. Z report:")
    _print_totals(report)
    if retried:
        print("Receipts not registered before the Z report, asked again:")
    for record, invoice in retried:
        print(visible(record_line(record, invoice)))
    return EXIT_OK


_Z_ALONE = QT_TRANSLATE_NOOP(
    "cli", "A cashier closes the fiscal shift with a manager: add --approved-by MANAGER."
)
_MOVE_ALONE = QT_TRANSLATE_NOOP(
    "cli", "A cashier sends a receipt to another cash register with a manager: add --approved-by MANAGER."
)


@FISCAL.command(
    "register-here",
    Arg("number", metavar="NUMBER", help="the receipt's number, e.g. epd-sale-000123456 (see reconcile)"),
    _APPROVED_BY,
)
async def cmd_register_here(app: AppContext, args: argparse.Namespace) -> int:
    """register at the current cash register a receipt asked at another one (managers)

    For a receipt held because it was sent to the cash register the settings named before and no answer
    came: first look for it (its NUMBER) in that register's journal. Only when it is not there, this
    registers it at the register the settings name now. If it is there, set the fiscal settings back to
    that register instead: the console then gets its receipt from it. Written to the audit log.
    """
    actor = await login(app, args)
    await _provider(app)
    approver = await _approver(app, args, actor, _MOVE_ALONE)
    record = await app.fiscal.register_here(actor, args.number.strip(), approved_by=approver)
    if record is None:
        raise CliError(NOT_SET_UP, EXIT_USAGE)
    (listed,) = await _with_invoices(app, [record])
    if args.json:
        emit_json(record_json(*listed))
    else:
        print(visible(record_line(*listed)))
    if record.state is FiscalState.REGISTERED:
        return EXIT_OK
    return EXIT_REFUSED if record.state is FiscalState.NEEDS_PERSON else EXIT_UNKNOWN  # reconcile asks again


async def _approver(
    app: AppContext, args: argparse.Namespace, actor: User, refusal: str = _Z_ALONE
) -> User | None:
    """The manager who signs in for a cashier (``--approved-by``); None when ``actor`` is a manager."""
    if actor.role.can_move_money:
        return None
    name = (args.approved_by or "").strip()
    if not name:
        raise PermissionDenied(msg("cli", refusal))
    return await app.users.authenticate(
        name, read_secret("EPAY_APPROVER_PASSWORD", f"Password or PIN of {name}: ")
    )


def _report_json(report: Any) -> dict[str, object]:
    return {
        "kind": "Z" if report.closed_at is not None else "X",
        "report_number": report.report_number,
        "shift_number": report.shift_number,
        "opened_at": when_json(report.opened_at),
        "reported_at": when_json(report.reported_at),
        "closed_at": when_json(report.closed_at),
        "documents": report.documents,
        "offline": report.cashbox_offline,
        "cashbox": report.cashbox_number,
        "registration_number": report.registration_number,
        "ofd": report.ofd.name,
        **{
            name: {
                "count": totals.count,
                "total": money_json(totals.total),
                "card": money_json(totals.card),
                "vat": money_json(totals.vat),
            }
            for name, totals in (("sales", report.sales), ("returns", report.returns))
        },
    }


def _print_totals(report: Any) -> None:
    rows = [
        [name, str(t.count), t.total.format(), t.card.format(), t.vat.format()]
        for name, t in (("Sales", report.sales), ("Returns", report.returns))
    ]
    print_table(["", "Receipts", "Total", "By card", "VAT"], rows, right={1, 2, 3, 4})
    register = f"cash register {report.cashbox_number} (RNM {report.registration_number})"
    print(f"Documents {report.documents}; {register}")


async def _with_invoices(
    app: AppContext, records: Sequence[FiscalRecord]
) -> tuple[tuple[FiscalRecord, str], ...]:
    return tuple([(record, str(await app.queries.invoice_of(record.payment_id))) for record in records])


def _kind(record: FiscalRecord) -> str:
    return "sale receipt" if record.kind is FiscalKind.SALE else "return receipt"


def record_line(record: FiscalRecord, invoice: str) -> str:
    """One fiscal record for people: what, how much, which invoice, and where it stands."""
    what = f"{_kind(record)} of {record.amount.format()} for invoice {invoice}"
    if record.state is FiscalState.REGISTERED and record.receipt is not None:
        kept = record.receipt
        return f"{what}: registered, fiscal sign {kept.check_number} (shift {kept.shift_number})"
    from epay_desktop.services.fiscal.service import needs_person_message

    needed = needs_person_message(record)
    if needed is not None:
        return f"{what}: not registered: {localized_message(needed)}"
    return f"{what}: not registered yet; asked again by the next `epay-desktop reconcile`"


def record_json(record: FiscalRecord, invoice: str) -> dict[str, object]:
    kept = record.receipt
    return {
        "invoice_id": invoice,
        "kind": record.kind.value,
        "amount": money_json(record.amount),
        "state": record.state.value,
        "external_number": record.external_number,
        "fiscal_sign": kept.check_number if kept is not None else None,
        "shift_number": kept.shift_number if kept is not None else None,
        "error": record.last_error,
    }


@dataclass(frozen=True)
class FiscalPass:
    """What ``reconcile``'s fiscal pass did: ``records`` (with their invoices) it touched; ``problem``:
    why it could not run (the bank's reconciliation before it stands)."""

    configured: bool
    records: tuple[tuple[FiscalRecord, str], ...] = ()
    problem: str | None = None

    def json(self) -> dict[str, object]:
        return {
            "configured": self.configured,
            "records": [record_json(record, invoice) for record, invoice in self.records],
            "problem": self.problem,
        }

    def lines(self) -> list[str]:
        return [f"fiscal {record_line(record, invoice)}" for record, invoice in self.records]


async def fiscal_pass(app: AppContext) -> FiscalPass:
    """``reconcile``'s fiscal pass (:meth:`FiscalService.reconcile`, when a fiscal register is set up):
    the receipts a crash or a lost answer left, registered now. A receipt still not registered is a
    warning on stderr, and so is a pass that could not run."""
    if await app.fiscal.connection() is None:
        return FiscalPass(configured=False)
    try:
        records = await app.fiscal.reconcile()
    except Exception as exc:
        code, said = describe_failure(exc)
        if code == EXIT_BUG:  # a bug: the command's own handling (the log file)
            raise
        _warn(f"the fiscal pass did not run: {said}")
        return FiscalPass(configured=True, problem=said)
    listed = await _with_invoices(app, records)
    for record, invoice in listed:
        if record.state is not FiscalState.REGISTERED:
            _warn(record_line(record, invoice))
    return FiscalPass(configured=True, records=listed)


def _warn(text: str) -> None:
    print(f"epay-desktop: warning: {visible(text)}", file=sys.stderr)
