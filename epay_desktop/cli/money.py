"""``charge``, ``cancel``, ``refund`` and ``review``: moving money, exactly once.

A cashier adds ``--approved-by MANAGER``: the manager's password/PIN (EPAY_APPROVER_PASSWORD or a
prompt) makes a single-use approval bound to this payment, kind and amount, consumed by the
operation in the same transaction that records its intent. Where the shop works in shifts, a
register with no open shift is refused first (decision 0132).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from epay_desktop.cli.commands import INVOICE
from epay_desktop.cli.commands import Arg
from epay_desktop.cli.commands import CommandTable
from epay_desktop.cli.commands import OneOf
from epay_desktop.cli.common import EXIT_OK
from epay_desktop.cli.common import EXIT_REFUSED
from epay_desktop.cli.common import EXIT_UNKNOWN
from epay_desktop.cli.common import CliError
from epay_desktop.cli.common import amount_arg
from epay_desktop.cli.common import login
from epay_desktop.cli.common import read_secret
from epay_desktop.cli.common import text_arg
from epay_desktop.cli.output import emit_json
from epay_desktop.cli.output import op_json
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import User
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.rules import held_amount
from epay_desktop.domain.rules import refund_remaining
from epay_desktop.domain.text import FIELD_REASON
from epay_desktop.domain.text import TEXT_MAX_CHARS
from epay_desktop.domain.words import KIND_WORDS

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext

__all__ = ["MONEY"]

MONEY = CommandTable()

_WORD = KIND_WORDS  # "charge", "cancellation", "refund" (translated with --lang)
_DONE = {OpKind.CHARGE: "Charged", OpKind.CANCEL: "Cancelled (hold released)", OpKind.REFUND: "Refunded"}
_APPROVED_BY = Arg(
    "--approved-by",
    metavar="MANAGER",
    help="for a cashier: the approving manager (password: EPAY_APPROVER_PASSWORD or a prompt)",
)


async def _approval(
    app: AppContext, args: argparse.Namespace, actor: User, kind: OpKind, amount: Money | None
) -> str | None:
    """The approval id for a cashier (``--approved-by``); None for a manager. Raises PermissionDenied,
    ShiftRequired (asked before the manager's password: no approval for an operation the shop's shift
    rule refuses, decision 0132)."""
    if actor.role.can_move_money:
        return None  # the operation's own transaction checks the shift
    await app.operations.require_shift(args.invoice, kind)
    manager = (args.approved_by or "").strip()
    if not manager:
        raise PermissionDenied(
            msg(
                "cli",
                QT_TRANSLATE_NOOP(
                    "cli", "A cashier's {word_kind} needs a manager's approval: add --approved-by MANAGER."
                ),
                word_kind=_WORD[kind],
            )
        )
    invoice: InvoiceId = args.invoice
    view = await app.queries.get_view(invoice)
    if amount is None:  # what the rules will choose, so the approval is bound to the real amount
        if kind is OpKind.REFUND:
            amount = refund_remaining(view.payment, view.operations)
        else:
            amount = held_amount(view.payment)
    password = read_secret("EPAY_APPROVER_PASSWORD", f"Password or PIN of manager {manager}: ")
    approval = await app.users.approve(
        manager,
        password,
        payment_id=view.payment.id,
        kind=kind,
        amount_minor=amount.minor,
        requested_by=actor,
    )
    return approval.id


def _report(op: MoneyOp, invoice: InvoiceId, as_json: bool) -> int:
    """Print the operation; exit 0 done, 1 refused, 3 unknown (the error line goes to stderr)."""
    if as_json:
        emit_json({"invoice_id": invoice.value, **op_json(op)})
    word = _WORD[op.kind]
    if op.state is OpState.SUCCEEDED:
        if not as_json:
            print(f"{_DONE[op.kind]} {op.amount.format()} on invoice {invoice} (operation {op.id}).")
        return EXIT_OK
    if op.state is OpState.FAILED:
        why = op.gateway_message or "the gateway refused it"
        raise CliError(f"the {word} was refused: {why}", EXIT_REFUSED)
    if op.state is OpState.NEEDS_REVIEW:
        raise CliError(
            f"the {word}'s outcome is unclear and needs a manager's review: "
            f"epay-desktop review {op.id} --retry|--abandon",
            EXIT_UNKNOWN,
        )
    raise CliError(
        f"the {word}'s outcome is unknown (operation {op.id}): checking with the bank; "
        "run `epay-desktop reconcile`",
        EXIT_UNKNOWN,
    )


@MONEY.command(
    "charge",
    _APPROVED_BY,
    INVOICE,
    Arg("--amount", type=amount_arg, help="tenge to charge (default: all that is held)"),
)
async def cmd_charge(app: AppContext, args: argparse.Namespace) -> int:
    """charge a held (AUTH) payment, fully or in part"""
    actor = await login(app, args)
    approval_id = await _approval(app, args, actor, OpKind.CHARGE, args.amount)
    op = await app.operations.charge(actor, args.invoice, args.amount, approval_id=approval_id)
    return _report(op, args.invoice, args.json)


@MONEY.command("cancel", _APPROVED_BY, INVOICE)
async def cmd_cancel(app: AppContext, args: argparse.Namespace) -> int:
    """release a held (AUTH) payment"""
    actor = await login(app, args)
    approval_id = await _approval(app, args, actor, OpKind.CANCEL, None)
    op = await app.operations.cancel(actor, args.invoice, approval_id=approval_id)
    return _report(op, args.invoice, args.json)


@MONEY.command(
    "refund",
    _APPROVED_BY,
    INVOICE,
    Arg("--amount", type=amount_arg, help="tenge to refund (default: all that remains)"),
    Arg(
        "--reason",
        default="",
        type=text_arg(FIELD_REASON),
        help=f"why (kept in the journal; at most {TEXT_MAX_CHARS} characters, no control characters)",
    ),
    Arg(
        "--expected-remaining",
        type=amount_arg,
        metavar="A",
        help="refuse unless this is still what remains (protects against someone refunding meanwhile)",
    ),
)
async def cmd_refund(app: AppContext, args: argparse.Namespace) -> int:
    """refund a charged payment, fully or in part

    Refund a charged payment. Without --amount, all that remains is refunded.
    """
    actor = await login(app, args)
    approval_id = await _approval(app, args, actor, OpKind.REFUND, args.amount)
    op = await app.operations.refund(
        actor,
        args.invoice,
        args.amount,
        reason=args.reason,
        expected_remaining=args.expected_remaining,
        approval_id=approval_id,
    )
    return _report(op, args.invoice, args.json)


@MONEY.command(
    "review",
    Arg("op_id", metavar="OP_ID", help="the operation id (see `show INVOICE`)"),
    OneOf(
        Arg("--retry", action="store_const", dest="decision", const="retry"),
        Arg("--abandon", action="store_const", dest="decision", const="abandon"),
        Arg("--applied", action="store_const", dest="decision", const="applied"),
        required=True,
    ),
)
async def cmd_review(app: AppContext, args: argparse.Namespace) -> int:
    """decide about an operation that needs review (managers)

    For an operation in NEEDS_REVIEW: --retry re-sends it with the same id, only when the gateway proves
    it was not applied and the bank's status lag has passed; --abandon marks it failed, only while the
    gateway answers and shows nothing that may be it; --applied marks it done when the bank's merchant
    cabinet lists it and the gateway shows an effect that may be it.
    """
    actor = await login(app, args)
    op = await app.operations.review(actor, args.op_id, args.decision)
    invoice = await app.queries.invoice_of(op.payment_id)
    if op.state is OpState.FAILED and args.decision == "abandon":
        if args.json:
            emit_json({"invoice_id": invoice.value, **op_json(op)})
        else:
            print(f"Abandoned the {_WORD[op.kind]} {op.id} on invoice {invoice}: nothing was moved.")
        return EXIT_OK
    return _report(op, invoice, args.json)
