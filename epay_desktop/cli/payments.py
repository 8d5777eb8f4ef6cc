"""``pay``, ``payments``, ``show`` and ``status``: taking a payment and looking at payments.

``show`` tells where each of the payment's fiscal receipts stands too (decision 0128): registered with its
fiscal sign, shift and number and the OFD's page, pending, or what a person must do.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING
from typing import Any

from epay_desktop.cli.commands import INVOICE
from epay_desktop.cli.commands import Arg
from epay_desktop.cli.commands import CommandTable
from epay_desktop.cli.common import EXIT_OK
from epay_desktop.cli.common import EXIT_REFUSED
from epay_desktop.cli.common import EXIT_USAGE
from epay_desktop.cli.common import CliError
from epay_desktop.cli.common import amount_arg
from epay_desktop.cli.common import date_arg
from epay_desktop.cli.common import day_start
from epay_desktop.cli.common import login
from epay_desktop.cli.common import text_arg
from epay_desktop.cli.common import whole_number_arg
from epay_desktop.cli.language import localized
from epay_desktop.cli.output import emit_json
from epay_desktop.cli.output import local_time
from epay_desktop.cli.output import money_json
from epay_desktop.cli.output import money_text
from epay_desktop.cli.output import op_json
from epay_desktop.cli.output import print_pairs
from epay_desktop.cli.output import print_table
from epay_desktop.cli.output import visible
from epay_desktop.cli.output import when_json
from epay_desktop.domain import ConsoleError
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentEvent
from epay_desktop.domain import PaymentEventKind
from epay_desktop.domain.bounds import LIST_LIMIT_MAX
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.decline_reasons import decline_message
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.domain.text import DESCRIPTION_MAX_BYTES
from epay_desktop.domain.text import FIELD_DESCRIPTION
from epay_desktop.gateway import EpayError
from epay_desktop.payform.codec import hosted_page_url
from epay_desktop.services.fiscal.standing import standing_of
from epay_desktop.services.payments.card_attempts import APPROVED
from epay_desktop.services.payments.card_attempts import DECLINED
from epay_desktop.services.payments.card_attempts import MAX_CARD_ATTEMPTS
from epay_desktop.services.payments.card_attempts import CardAttempts

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext
    from epay_desktop.services.payments.queries import PaymentView

__all__ = ["PAYMENTS", "payment_json"]

PAYMENTS = CommandTable()


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0.05 <= value <= 300:
        raise argparse.ArgumentTypeError("must be between 0.05 and 300 seconds")
    return value


def _statuses(raw: list[str] | None) -> list[ConsoleStatus] | None:
    if not raw:
        return None
    wanted = []
    for part in ",".join(raw).split(","):
        name = part.strip().upper()
        if not name:
            continue
        try:
            wanted.append(ConsoleStatus(name))
        except ValueError:
            known = ", ".join(s.value for s in ConsoleStatus)
            raise CliError(f"unknown status {part.strip()!r}; use one of {known}") from None
    return wanted


def payment_json(payment: Payment) -> dict[str, Any]:
    return {
        "invoice_id": payment.invoice_id.value,
        "status": payment.status.value,
        "amount": payment.amount.plain(),
        "currency": payment.amount.currency,
        "gateway_amount": money_json(payment.gateway_amount),
        "refunded_at_gateway": money_json(payment.payout_amount),
        "card_mask": payment.card_mask,
        "card_type": payment.card_type,
        "reference": payment.reference,
        "approval_code": payment.approval_code,
        "reason": payment.reason,
        "reason_code": payment.reason_code,
        "reason_code_text": payment.reason_code_text,  # a reasonCode that is not a number, as sent
        "bank_status": payment.bank_status,  # a statusName this console does not know, as sent
        "transaction_id": payment.transaction_id,
        "description": payment.description,
        "register_id": payment.register_id,
        "created_at": when_json(payment.created_at),
        "token_expires_at": when_json(payment.token_expires_at),
    }


def view_json(view: PaymentView, names: Mapping[int, str]) -> dict[str, Any]:
    return {
        **payment_json(view.payment),
        "refunded": view.refunded.plain(),
        "remaining": view.remaining.plain(),
        "operations": [op_json(op, names) for op in view.operations],
        "events": [event_json(event) for event in view.events],
        "fiscal": [fiscal_json(record) for record in view.fiscal],
    }


def fiscal_json(record: FiscalRecord) -> dict[str, Any]:
    """A fiscal receipt of the payment (its sale's, or a refund's return) where it stands; the sentences
    in English (scripts read them), the receipt's numbers as the register gave them once registered."""
    standing = standing_of(record)
    kept = record.receipt
    return {
        "kind": record.kind.value,
        "state": record.state.value,
        "amount": record.amount.plain(),
        "external_number": record.external_number,
        "attempts": record.attempts,
        "said": standing.headline.text(),
        "to_do": standing.reason.text() if standing.reason is not None else None,
        "fiscal_sign": kept.check_number if kept else None,
        "shift": kept.shift_number if kept else None,
        "number": kept.order_number if kept else None,
        "registered_at": kept.registered_at if kept else None,
        "registration_number": kept.registration_number if kept else None,
        "cashbox": kept.cashbox_number if kept else None,
        "ofd": kept.ofd_name if kept else None,
        "check_url": standing.check_url or None,
        "offline": kept.offline if kept else None,
        "updated_at": when_json(record.updated_at),
    }


def event_json(event: PaymentEvent) -> dict[str, Any]:
    """What the bank did beyond the payment row: a card attempt the console saw, or a refund made
    outside the console (``payment_events``)."""
    return {
        "kind": event.kind.value,
        "seen_at": when_json(event.at),
        "bank_time": when_json(event.bank_time),
        "status": event.status,
        "amount": event.amount.plain() if event.amount is not None else None,
        "reason_code": event.reason_code,
        "reason": event.reason,
        "card_mask": event.card_mask,
    }


@PAYMENTS.command(
    "pay",
    Arg("amount", type=amount_arg, metavar="AMOUNT", help="tenge, e.g. 1500.50"),
    Arg(
        "--description",
        default="",
        type=text_arg(FIELD_DESCRIPTION, max_chars=None, max_bytes=DESCRIPTION_MAX_BYTES),
        help=f"what is paid for, at most {DESCRIPTION_MAX_BYTES} bytes (default: the order number)",
    ),
    Arg("--email", help="customer's e-mail"),
    Arg("--phone", help="customer's phone, e.g. +7 777 123 45 67"),
    Arg("--account-id", help="customer id (needed to save the card)"),
    Arg("--save-card", action="store_true", help="offer to save the card for this customer"),
    Arg("--language", default="rus", choices=["rus", "kaz", "eng"], help="payment page language"),
    Arg(
        "--wait",
        action="store_true",
        help="wait for the customer and print the outcome: exit 0 when paid, 1 when declined for good or "
        "expired. A declined attempt with attempts left is not the end: the customer may try again on "
        "the same page, and the command keeps waiting (Ctrl+C stops waiting; the payment is not cancelled)",
    ),
    Arg(
        "--interval",
        type=_seconds,
        default=3.0,
        metavar="S",
        help="with --wait: ask the gateway every S seconds (default 3)",
    ),
)
async def cmd_pay(app: AppContext, args: argparse.Namespace) -> int:
    """take a card payment

    Create a payment and print the URL where the customer pays it (the gateway's own page, the one
    halyk.pay opens). AMOUNT is in tenge: 1500 or 1500.50.
    """
    if args.wait and args.json:
        raise CliError(
            "--wait prints lines for people; with --json, read the outcome with `status INVOICE --json`",
            EXIT_USAGE,
        )
    actor = await login(app, args)
    request = CheckoutRequest(
        args.amount,
        description=args.description,
        email=args.email,
        phone=args.phone,
        account_id=args.account_id,
        save_card=args.save_card,
        language=args.language,
    )
    session = await app.payments.create_payment(actor, request)
    url = hosted_page_url(session.widget_url, session.payment_object)
    payment = session.payment
    if args.json:
        marker = "@@payment-object@@"
        data = {
            "invoice_id": payment.invoice_id.value,
            "amount": payment.amount.plain(),
            "currency": payment.amount.currency,
            "status": payment.status.value,
            "token_expires_at": when_json(session.token_expires_at),
            "url": url,
            "payment_object": marker,
        }
        text = json.dumps(data, indent=2, ensure_ascii=False)
        print(text.replace(json.dumps(marker), session.payment_object_json()))
        return EXIT_OK
    print_pairs(
        {
            "Invoice": payment.invoice_id.value,
            "Amount": payment.amount.format(),
            "Pay by": f"{local_time(session.token_expires_at)} (Kazakhstan time)",
        }
    )
    print("Open this address in a browser to pay:")
    print(url)
    if not args.wait:
        return EXIT_OK
    print("Waiting for the customer... (Ctrl+C stops waiting; the payment is not cancelled)", flush=True)
    return await _wait_for_outcome(app, payment, args.interval)


async def _wait_for_outcome(app: AppContext, payment: Payment, interval: float) -> int:
    """Ask check-status every ``interval`` s until the payment is settled (decision 0036).

    Paid/authorised: exit 0. A declined attempt whose invoice takes another (attempts left, token alive,
    decision 0035) is said once per attempt and the wait goes on; a final decline or an expired payment:
    exit 1. Gateway errors are said once each and the wait goes on (nothing is ever re-sent: check-status
    only).
    """
    invoice = payment.invoice_id
    told: set[object] = set()
    while True:
        await asyncio.sleep(interval)
        try:
            payment = await app.payments.refresh_status(invoice)
        except EpayError as exc:
            if exc.user_message not in told:
                told.add(exc.user_message)
                print(f"The gateway did not answer ({exc.user_message}); still asking...", flush=True)
            continue
        status = payment.status
        if status in APPROVED:
            held = " (held: charge or cancel it later)" if status is ConsoleStatus.AUTH else ""
            card = " ".join(x for x in (payment.card_type or "", payment.card_mask or "") if x)
            approval = payment.approval_code or "-"
            print(f"Paid{held}: {payment.amount.format()}, card {card or '-'}, approval {approval}")
            return EXIT_OK
        if status in DECLINED or status is ConsoleStatus.FAILED:
            attempts = await app.payments.card_attempts(invoice)
            reason = _decline_words(payment)
            if attempts.open:
                key = ("declined", attempts.seen, payment.reason_code, payment.card_mask)
                if key not in told:
                    told.add(key)
                    left = f"{attempts.left} attempt{'s' if attempts.left != 1 else ''} left"
                    print(
                        f"Declined: {reason}. Not final: the customer may try again on the same page "
                        f"({left}). Still waiting...",
                        flush=True,
                    )
                continue
            print(f"Declined: {reason}. This invoice cannot be paid any more; start a new payment.")
            return EXIT_REFUSED
        if status is ConsoleStatus.EXPIRED:
            print("The payment time is over and the customer did not pay. Nothing was charged.")
            return EXIT_REFUSED
        if not status.needs_polling and status not in _STILL_OPEN:  # refunded, cancelled, verified...
            print(f"The payment ended as {status.value}.")
            return EXIT_REFUSED


#: Statuses the wait keeps asking about although the store does not poll them by themselves.
_STILL_OPEN = frozenset({ConsoleStatus.NEW, ConsoleStatus.PENDING, ConsoleStatus.UNKNOWN})


def _decline_words(payment: Payment) -> str:
    words = decline_message(
        payment.reason_code,
        "en",
        code_text=payment.reason_code_text,
        three_ds=payment.status is ConsoleStatus.THREE_DS,
        bank_text=payment.reason,
    )
    return words.rstrip(". ")


@PAYMENTS.command(
    "payments",
    Arg("--status", action="append", help="only these statuses (repeat or comma-separate)"),
    Arg("--since", type=date_arg, help="from this date, YYYY-MM-DD"),
    Arg("--until", type=date_arg, help="up to and including this date, YYYY-MM-DD"),
    Arg("--search", help="invoice id prefix, last 4 card digits, amount, RRN or approval code"),
    Arg(
        "--limit",
        type=whole_number_arg(1, LIST_LIMIT_MAX),
        default=50,
        help=f"at most N payments, 1 to {LIST_LIMIT_MAX} (default 50)",
    ),
)
async def cmd_payments(app: AppContext, args: argparse.Namespace) -> int:
    """list payments

    List payments, newest first. Dates are Kazakhstan dates (Asia/Almaty); --until is inclusive.
    """
    await login(app, args)
    wanted = PaymentFilter.of(
        _statuses(args.status), day_start(args.since), day_start(args.until, next_day=True), args.search
    )
    page = await app.queries.list_payments(wanted, limit=args.limit)
    if args.json:
        emit_json([payment_json(p) for p in page.payments])
        return EXIT_OK
    if not page.payments:
        print("No payments found.")
        return EXIT_OK
    rows = [
        [
            p.invoice_id.value,
            local_time(p.created_at),
            p.status.value,
            p.amount.format(),
            money_text(p.payout_amount) if p.payout_amount else "",
            p.card_mask or "",
            p.description,
        ]
        for p in page.payments
    ]
    print_table(
        ["INVOICE", "CREATED", "STATUS", "AMOUNT", "REFUNDED", "CARD", "DESCRIPTION"], rows, right={3, 4}
    )
    if page.next_cursor is not None:
        print(f"(first {args.limit} shown; use --limit or narrow the dates for more)")
    return EXIT_OK


@PAYMENTS.command("show", INVOICE)
async def cmd_show(app: AppContext, args: argparse.Namespace) -> int:
    """show one payment and its operations"""
    await login(app, args)
    view = await app.queries.get_view(args.invoice)
    names = await app.users.display_names()  # who asked and who approved
    if args.json:
        emit_json(view_json(view, names))
        return EXIT_OK
    _print_view(view, names)
    return EXIT_OK


def _print_view(view: PaymentView, names: Mapping[int, str]) -> None:
    p = view.payment
    print_pairs(
        {
            "Invoice": p.invoice_id.value,
            "Status": p.status.value,
            "Amount": p.amount.format(),
            "Refunded": view.refunded.format(),
            "Remaining": view.remaining.format(),
            "Card": " ".join(x for x in (p.card_type or "", p.card_mask or "") if x),
            "RRN": p.reference or "",
            "Approval code": p.approval_code or "",
            "Reason": f"{p.reason} ({p.reason_code})" if p.reason_code else (p.reason or ""),
            "Bank status": f"{p.bank_status} (not known to this console)" if p.bank_status else "",
            "Bank's reason code": p.reason_code_text or "",
            "Description": p.description,
            "Created": local_time(p.created_at),
            "Transaction": p.transaction_id or "",
        }
    )
    if view.events:
        print()
        _print_events(view.events)
    if view.fiscal:
        print()
        _print_fiscal(view.fiscal)
    if not view.operations:
        return
    print()
    rows = [
        [
            op.id,
            op.kind.value,
            op.amount.format(),
            op.state.value,
            names.get(op.requested_by, str(op.requested_by)),
            "" if op.approved_by is None else names.get(op.approved_by, str(op.approved_by)),
            local_time(op.created_at),
            op.reason or "",
        ]
        for op in view.operations
    ]
    print_table(
        ["OPERATION", "KIND", "AMOUNT", "STATE", "BY", "APPROVED BY", "CREATED", "REASON"], rows, right={2}
    )


def _print_events(events: list[PaymentEvent]) -> None:
    """Card attempts the console saw and refunds made outside it, oldest first."""
    rows = [
        [
            "attempt" if e.kind is PaymentEventKind.ATTEMPT else "refund outside the console",
            local_time(e.bank_time or e.at),
            e.status or "",
            e.amount.format() if e.amount is not None else "",
            f"{e.reason} ({e.reason_code})" if e.reason_code else (e.reason or ""),
            e.card_mask or "",
        ]
        for e in events
    ]
    print_table(["BANK EVENT", "TIME", "STATUS", "AMOUNT", "REASON", "CARD"], rows, right={3})


def _print_fiscal(records: list[FiscalRecord]) -> None:
    """Each fiscal receipt: when, where it stands and its amount; under it what to do, or its OFD page."""
    for record in records:
        standing = standing_of(record)
        print(visible(f"{local_time(standing.when)}  {_said(standing.headline)}  {record.amount.format()}"))
        for more in (standing.note, standing.reason):
            if more is not None:
                print(visible(f"  {_said(more)}"))
        if standing.check_url:
            print(visible(f"  {standing.check_url}"))


def _said(message: Message) -> str:
    """``message`` in the command line's language (--lang; decision 0046)."""
    return localized(ConsoleError(message)) or message.text()


@PAYMENTS.command("status", INVOICE)
async def cmd_status(app: AppContext, args: argparse.Namespace) -> int:
    """ask the gateway for a payment's status now"""
    await login(app, args)
    payment = await app.payments.refresh_status(args.invoice)
    attempts = await app.payments.card_attempts(args.invoice)
    if args.json:
        emit_json(
            {
                **payment_json(payment),
                "attempts_seen": attempts.seen,
                "attempts_left": attempts.left,
                "may_be_paid_again": attempts.open,
            }
        )
        return EXIT_OK
    print_pairs(
        {
            "Invoice": payment.invoice_id.value,
            "Status": payment.status.value,
            "Amount": payment.amount.format(),
            "At the gateway": money_text(payment.gateway_amount),
            "Refunded": money_text(payment.payout_amount) if payment.payout_amount else "",
            "Card": payment.card_mask or "",
            "Reason": f"{payment.reason} ({payment.reason_code})" if payment.reason_code else "",
            "Final": _final_text(payment, attempts),
        }
    )
    return EXIT_OK


def _final_text(payment: Payment, attempts: CardAttempts) -> str:
    """Whether a decline is the end of this invoice (decision 0035); '' for other statuses."""
    if payment.status not in DECLINED:
        return ""
    if attempts.open:
        return (
            f"no: the customer may try again on the same page ({attempts.left} of "
            f"{MAX_CARD_ATTEMPTS} attempts left while the payment time lasts)"
        )
    return "yes: this invoice cannot be paid any more"
