"""Shifts at this register: open, X report, close with the bank check and the Z report (decisions
0107, 0108). What the console's shift window and the CLI's ``shift`` commands call.

* :meth:`ShiftService.open`: anyone signed in (cashier, manager); one open shift per register.
* :meth:`ShiftService.x_report`: the open shift's figures so far; changes nothing.
* :meth:`ShiftService.rules`: the shop's shift rules (:class:`~epay_desktop.domain.shifts.ShiftRules`,
  Settings → Shifts, decision 0117): when to warn, whether a cashier may close with a manager, whether
  the bank check may be skipped, whether a payment needs an open shift.
* :meth:`ShiftService.close`: a manager, or a cashier with a manager who signed in to close it
  (``approved_by``) when the rules allow it. Runs the bank check first (unless the rules let the one
  closing skip it: ``check_bank=False``) (progress callback; cancel the awaiting task to stop:
  the shift stays open), then in one transaction: the figures up to now, ``shift.closed`` written to
  the audit chain, the chain verified against the last Z report's anchor and its new anchor, the Z
  report kept with the shift. Two counters closing at once: the second finds the shift closed.
* :meth:`ShiftService.report`: a closed shift's Z report as stored (to print it again).

Every X and Z report also carries what moved at the register while it had no shift open, from its
previous shift's close to this shift's opening (``ShiftReport.outside``, decision 0145).

With a fiscal register configured (``fiscal``: ``ctx.fiscal``), the X report and the close also set the
shift's confirmed sales and refunds against the register's receipts, and the close closes the register's
shift with its Z report when it is the last counter open (:mod:`.fiscal_check`, decision 0126).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Final

from epay_desktop.domain import Payment
from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import RuleViolation
from epay_desktop.domain import User
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.shifts import BankCheck
from epay_desktop.domain.shifts import FiscalCheck
from epay_desktop.domain.shifts import NoOpenShift
from epay_desktop.domain.shifts import Note
from epay_desktop.domain.shifts import OutsideShifts
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import Shift
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.domain.shifts import ShiftRules
from epay_desktop.domain.shifts import Totals
from epay_desktop.domain.shifts import chain_note
from epay_desktop.domain.shifts import group_totals
from epay_desktop.domain.shifts import overdue_warning
from epay_desktop.safe_files import write_file_safely
from epay_desktop.services.audit import AuditAnchor
from epay_desktop.services.audit import shift_check
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.services.payments.reconcile import Reconciler
from epay_desktop.services.people.login import require_audited
from epay_desktop.services.people.login import require_manager
from epay_desktop.services.shifts.bank_check import Progress
from epay_desktop.services.shifts.bank_check import check_with_bank
from epay_desktop.services.shifts.export import report_csv
from epay_desktop.services.shifts.fiscal_check import fiscal_check
from epay_desktop.services.shifts.found import found_earlier
from epay_desktop.services.shifts.found import keep_found
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = ["RECENT_SHIFTS", "ShiftService", "write_close"]

log = logging.getLogger(__name__)

#: How many shifts :meth:`ShiftService.recent` lists unless told.
RECENT_SHIFTS: Final = 20


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _closing_refusal() -> Message:
    return msg(
        "shifts",
        QT_TRANSLATE_NOOP(
            "shifts", "Only a manager can close a shift: ask a manager to sign in to close it."
        ),
    )


def _manager_only() -> Message:
    return msg(
        "shifts",
        QT_TRANSLATE_NOOP(
            "shifts",
            "This shop's rules let only a manager close a shift: a manager signs in at this counter and "
            "closes it.",
        ),
    )


def _check_required() -> RuleViolation:
    return RuleViolation(
        msg(
            "shifts",
            QT_TRANSLATE_NOOP(
                "shifts",
                "This shop's rules require the bank check at every close: close the shift with the check "
                "(a manager may change the rule in Settings, Shifts).",
            ),
        )
    )


class ShiftService:
    """The shifts of one register (``register_id``, this counter's)."""

    def __init__(
        self,
        store: Store,
        reconciler: Reconciler,
        register_id: str,
        clock: Callable[[], datetime] = _utcnow,
        fiscal: FiscalService | None = None,
    ) -> None:
        self._store = store
        self._reconciler = reconciler
        self.register_id = register_id
        self._clock = clock
        self._fiscal = fiscal  # the fiscal register's side of the reports (decision 0126)

    async def current(self) -> Shift | None:
        """This register's open shift, or None."""
        return await self._store.run_read(lambda tx: tx.shifts.current(self.register_id))

    async def rules(self) -> ShiftRules:
        """The shop's shift rules as stored now (the declared defaults where none are stored)."""
        return await self._store.run_read(lambda tx: ShiftRules.read_from(tx.settings))

    async def warning(self, shift: Shift) -> Note | None:
        """The warning to show for ``shift`` now (open the rules' hours or longer), or None."""
        rules = await self.rules()
        return overdue_warning(shift, self._clock(), rules.warn_after)

    async def open(self, actor: User) -> Shift:
        """Open the register's next shift; audits ``shift.opened``. Raises ShiftAlreadyOpen (one is
        open here, perhaps opened by another counter a moment ago), PermissionDenied (the account
        is deactivated or its role is not backed by the audit log)."""
        now = self._clock()

        def work(tx: Tx) -> Shift:
            require_audited(tx, tx.users.get(actor.id))
            shift = tx.shifts.open(self.register_id, actor.id, now)
            tx.audit.append(
                actor.id,
                "shift.opened",
                f"shift:{shift.id}",
                {"register": shift.register_id, "number": shift.number},
                at=now,
            )
            return shift

        shift = await self._store.run_write(work)
        log.info(
            "event=shift_opened register=%s number=%s user_id=%s", shift.register_id, shift.number, actor.id
        )
        return shift

    async def x_report(self, *, check_bank: bool = False, progress: Progress | None = None) -> ShiftReport:
        """The open shift's report so far (nothing is changed but what the bank check learns and the
        differences it found, kept for the shift's later reports); with ``check_bank`` the bank's
        figures beside the console's (:meth:`bank_check`). Raises NoOpenShift."""
        shift = await self._open_shift()
        bank = await self.bank_check(shift, progress) if check_bank else None
        fiscal = await self._fiscal_check(shift, close=False)
        now = self._clock()
        report = await self._store.run_read(lambda tx: _figures(tx, ReportKind.X, shift, now, bank))
        return replace(report, fiscal=fiscal)

    async def has_fiscal_register(self) -> bool:
        """Whether a fiscal register is set up: the reports then check it, and the close takes its Z
        report when no other counter has a shift open (decision 0126)."""
        return self._fiscal is not None and await self._fiscal.connection() is not None

    async def _fiscal_check(self, shift: Shift, *, close: bool) -> FiscalCheck | None:
        """The fiscal register's side (decision 0126); None without a fiscal register configured."""
        if self._fiscal is None:
            return None
        return await fiscal_check(self._store, self._fiscal, shift, self._clock(), close=close)

    async def bank_check(
        self, shift: Shift, progress: Progress | None = None, *, by: ReportKind = ReportKind.X
    ) -> BankCheck:
        """Check-status for every payment of ``shift`` so far, every difference listed and kept in
        the audit log as found by ``by``'s check (:func:`keep_found`), the bank's totals for the
        shift (:func:`~epay_desktop.services.shifts.bank_check.check_with_bank`). Cancellable."""
        payments = await self._payments_of(shift)
        return await self._check(shift, payments, progress, by)

    async def _check(
        self, shift: Shift, payments: list[Payment], progress: Progress | None, by: ReportKind
    ) -> BankCheck:
        found = partial(keep_found, shift, by, self._clock)
        return await check_with_bank(
            self._store,
            self._reconciler,
            payments,
            progress,
            since=shift.opened_at,
            found=found,
            register_id=shift.register_id,
        )

    async def close(
        self,
        actor: User,
        *,
        approved_by: User | None = None,
        check_bank: bool = True,
        progress: Progress | None = None,
    ) -> ShiftReport:
        """Close the open shift with its Z report (see the module docstring). ``approved_by``: the
        manager who signed in to close a cashier's shift (refused when the rules let only a manager
        close); ``check_bank=False`` skips the bank check when the rules allow it (the Z report then
        says the payments were not checked with the bank). Raises PermissionDenied (no manager, or
        a cashier's close the rules do not allow), RuleViolation (the rules require the bank check),
        NoOpenShift (none open, or another counter closed it meanwhile); a cancelled bank check
        raises CancelledError and leaves the shift open."""
        closer = approved_by if approved_by is not None else actor
        shift, _ = await self._store.run_read(lambda tx: self._may_close(tx, actor, closer, check_bank))
        payments = await self._payments_of(shift) if check_bank else []
        checked = await self._check(shift, payments, progress, ReportKind.Z) if check_bank else None
        asked = {p.id for p in payments}
        fiscal = await self._fiscal_check(shift, close=True)

        def work(tx: Tx) -> ShiftReport:
            current = tx.shifts.current(self.register_id, for_update=True)
            if current is None or current.id != shift.id:
                raise NoOpenShift.at(self.register_id)
            _, manager = self._may_close(tx, actor, closer, check_bank)
            now = self._clock()
            bank = None
            if checked is not None:
                payments_now = tx.shifts.payments(shift.register_id, shift.opened_at, now)
                bank = _with_late(checked, [p for p in payments_now if p.id not in asked])
            return write_close(tx, current, manager, now, requested_by=actor, bank=bank, fiscal=fiscal)

        report = await self._store.run_write(work)
        bank = report.bank or checked or BankCheck(0, 0)
        log.info(
            "event=shift_closed register=%s number=%s closed_by=%s net_minor=%s bank_check=%s checked=%s "
            "differences=%s not_checked=%s open_in_books=%s",
            shift.register_id,
            shift.number,
            report.shift.closed_by,
            report.totals.net_minor,
            "done" if checked is not None else "skipped",
            bank.checked,
            len(bank.differences),
            len(bank.unchecked),
            len(bank.open_in_books),
        )
        return report

    async def report(self, shift_id: int) -> ShiftReport:
        """The Z report kept with a closed shift. Raises NotFoundError (no such shift), RuleViolation
        when the shift is still open (it has no Z report yet: see :meth:`x_report`)."""
        stored = await self._store.run_read(lambda tx: tx.shifts.z_report(shift_id))
        if stored is None:
            raise RuleViolation(
                msg(
                    "shifts",
                    QT_TRANSLATE_NOOP(
                        "shifts", "Shift {shift_id} is still open: it has no Z report yet (shift x)."
                    ),
                    shift_id=shift_id,
                )
            )
        return ShiftReport.from_json(stored)

    async def recent(self, limit: int = RECENT_SHIFTS, *, all_registers: bool = False) -> list[Shift]:
        """The newest shifts of this register (or of every register), newest first."""
        register = None if all_registers else self.register_id
        return await self._store.run_read(lambda tx: tx.shifts.recent(register, limit))

    async def save_csv(
        self, path: str | os.PathLike[str], report: ShiftReport, *, language: ReceiptLanguage | str = "en"
    ) -> Path:
        """Write the report as CSV (UTF-8; its people's columns in ``language``: decision 0114) to
        ``path`` atomically, off the event loop. Raises UnsafeFilePath (nothing written) or OSError."""
        data = report_csv(report, language).encode("utf-8")
        return await asyncio.get_running_loop().run_in_executor(None, write_file_safely, path, data)

    async def save_pdf(
        self, path: str | os.PathLike[str], report: ShiftReport, *, language: ReceiptLanguage | str = "en"
    ) -> Path:
        """Draw the report as an A4 PDF in ``language`` (in an executor; reportlab loads now) and write
        it to ``path`` atomically. Raises UnsafeFilePath (nothing written) or OSError."""
        return await asyncio.get_running_loop().run_in_executor(None, _write_pdf, path, report, language)

    async def _payments_of(self, shift: Shift) -> list[Payment]:
        """The shift's payments so far (all of them, for a closed shift)."""
        until = shift.closed_at or self._clock()
        return await self._store.run_read(
            lambda tx: tx.shifts.payments(shift.register_id, shift.opened_at, until)
        )

    # -- inside a transaction -------------------------------------------------------------------

    async def _open_shift(self) -> Shift:
        shift = await self.current()
        if shift is None:
            raise NoOpenShift.at(self.register_id)
        return shift

    def _may_close(self, tx: Tx, actor: User, closer: User, check_bank: bool) -> tuple[Shift, User]:
        """The open shift and ``closer`` as stored now, when ``closer`` may close it (an active
        manager or administrator the audit log backs, the actor themself when the shop's rules let
        only a manager close) and the rules allow ``check_bank``; else the refusal."""
        rules = ShiftRules.read_from(tx.settings)
        require_audited(tx, tx.users.get(actor.id))
        if closer.id != actor.id and not rules.cashier_may_close:  # a manager signed in for someone
            raise PermissionDenied(_manager_only())
        manager = require_manager(
            tx, closer, _closing_refusal() if rules.cashier_may_close else _manager_only()
        )
        if not check_bank and rules.bank_check_required:
            raise _check_required()
        shift = tx.shifts.current(self.register_id)
        if shift is None:
            raise NoOpenShift.at(self.register_id)
        return shift, manager


def write_close(
    tx: Tx,
    shift: Shift,
    manager: User,
    now: datetime,
    *,
    requested_by: User | None = None,
    bank: BankCheck | None = None,
    fiscal: FiscalCheck | None = None,
) -> ShiftReport:
    """Close the open ``shift`` in ``tx`` at ``now`` by ``manager`` (for ``requested_by``, a cashier a manager
    signed in for; None: the manager's own close): the Z report's figures up to ``now`` with ``bank``'s check
    (None: not checked with the bank) and ``fiscal``'s, ``shift.closed`` audited, the audit chain verified
    against the last Z report's anchor and its new anchor, the Z report kept with the shift. Who may close
    and what the shop's rules allow are the caller's to have checked (:meth:`ShiftService.close`; the demo's
    close of a shift left open on an earlier day, decision 0167)."""
    asker = requested_by.id if requested_by is not None and requested_by.id != manager.id else None
    closed = replace(shift, closed_at=now, closed_by=manager.id, close_requested_by=asker)
    figures = replace(_figures(tx, ReportKind.Z, closed, now, bank), fiscal=fiscal)
    tx.audit.append(
        manager.id,
        "shift.closed",
        f"shift:{shift.id}",
        {
            "register": shift.register_id,
            "number": shift.number,
            "requested_by": asker,
            "net_minor": figures.totals.net_minor,
            "payments_checked": bank.checked if bank is not None else None,  # None: skipped
            "differences": len(bank.differences) if bank is not None else None,
            **_fiscal_details(fiscal),
        },
        at=now,
    )
    last = tx.shifts.last_anchor()
    check = shift_check(tx, AuditAnchor(*last) if last is not None else None)
    anchor = check.anchor
    report = _with_anchor(figures, anchor, chain_note(check.report.problem, check.report.first_bad_seq))
    tx.shifts.close(
        shift.id,
        closed_by=manager.id,
        requested_by=asker,
        now=now,
        anchor=(anchor.count, anchor.head_hash) if anchor is not None else None,
        z_report=report.to_json(),
    )
    return report


def _figures(tx: Tx, kind: ReportKind, shift: Shift, now: datetime, bank: BankCheck | None) -> ShiftReport:
    """The figures of ``shift`` from its opening until ``now``, summed by the database."""
    lines = tx.shifts.lines(shift.register_id, shift.opened_at, now)
    people = {line.cashier_id for line in lines} | {shift.opened_by, shift.closed_by}
    names = {uid: tx.users.get(uid).name for uid in people if uid is not None}
    brands = {line.brand: line.brand or "—" for line in lines}
    warn_after = ShiftRules.read_from(tx.settings).warn_after
    warning = overdue_warning(shift, now, warn_after) if kind is ReportKind.X else None
    return ShiftReport(
        kind=kind,
        shift=shift,
        made_at=now,
        until=now,
        totals=Totals.of(lines),
        by_cashier=group_totals(lines, "cashier_id", {None: "—", **names}),  # None: made by no account
        by_brand=group_totals(lines, "brand", brands),
        unresolved=tx.shifts.unresolved_ops(shift.register_id, shift.opened_at, now),
        opened_by_name=names[shift.opened_by],
        closed_by_name=names.get(shift.closed_by) if shift.closed_by is not None else None,
        bank=bank,
        warnings=(warning,) if warning else (),
        found_earlier=found_earlier(tx, shift, bank),
        outside=_outside(tx, shift),
    )


def _outside(tx: Tx, shift: Shift) -> OutsideShifts | None:
    """What moved at the shift's register while it had no shift open, just before ``shift`` opened
    (decision 0145); None when nothing did (or the shop worked in no shift before)."""
    since = tx.shifts.outside_since(shift)
    if since is None:
        return None
    register, until = shift.register_id, shift.opened_at
    outside = OutsideShifts(
        since,
        until,
        Totals.of(tx.shifts.lines(register, since, until)),
        tuple(tx.shifts.outside_operations(register, since, until)),
    )
    return None if outside.empty else outside


def _write_pdf(path: str | os.PathLike[str], report: ShiftReport, language: ReceiptLanguage | str) -> Path:
    from epay_desktop.receipts.shift_pdf import render_shift_pdf  # reportlab: at the first report

    return write_file_safely(path, render_shift_pdf(report, language))


def _with_late(bank: BankCheck, late: list[Payment]) -> BankCheck:
    """``bank`` with the payments taken at the register while it ran: in the figures, not checked."""
    if not late:
        return bank
    lines = tuple(
        Note.of(
            "late",
            "payment {invoice}: taken during the bank check; check it with the bank",
            invoice=p.invoice_id,
        )
        for p in late
    )
    return replace(bank, total=bank.total + len(late), unchecked=bank.unchecked + lines)


def _fiscal_details(fiscal: FiscalCheck | None) -> dict[str, object]:
    """What the audit entry of a close says of the fiscal side (nothing without a fiscal register)."""
    if fiscal is None:
        return {}
    register = fiscal.register
    return {
        "fiscal_checked": fiscal.checked,
        "fiscal_mismatches": len(fiscal.mismatches),
        "fiscal_shift_closed": register.shift_number if register is not None and register.closed else None,
    }


def _with_anchor(report: ShiftReport, anchor: AuditAnchor | None, problem: Note) -> ShiftReport:
    if anchor is not None:
        return replace(report, anchor=anchor.text())
    return replace(report, anchor_problem=problem)
