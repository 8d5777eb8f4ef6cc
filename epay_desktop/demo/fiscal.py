"""The demo's fiscal register at every start (:func:`prepare_demo_fiscal`, from ``Launch.prepare``), before
anyone logs in and before the console talks to it:

* it is this demo database's (decision 0148): a register kept in the demo folder (decision 0138) that
  served another database (the database deleted, the register's file kept) is set aside
  (``fiscal-sandbox.json.another-database``) and a fresh one starts, said in the log;
* a fiscal shift left open on an earlier day was closed that evening (decision 0147): its Z report dated
  at the end of its last working day, as the shop's manager closes the register at closing time, so a
  trainee who comes back the next day meets a closed shift, not a register refusing receipts;
* the console points at it (:func:`~epay_desktop.demo.use_fiscal_sandbox`), gives it the demo shift's
  fiscal side (:func:`seed_demo_fiscal`, 0126): what the register holds of today's shift, with one mismatch
  of each kind for the three-way close to find (:mod:`epay_desktop.services.demo_fiscal`), each receipt at
  the time of the morning it was made, so the register's shift opens with the first of them; then the
  demo's first fiscal receipt is made sure of (:func:`~epay_desktop.demo.fiscalise_demo_sale`, 0125: the
  sale chosen at the first start, while the fiscal journal was empty; a sale of the shift has it already),
  and a shift so opened on an earlier day is closed that evening (0147)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from datetime import time
from pathlib import Path

from epay_desktop.app import AppContext
from epay_desktop.demo import DEMO_USERS
from epay_desktop.demo import FISCAL_FILE
from epay_desktop.demo import fiscalise_demo_sale
from epay_desktop.demo import use_fiscal_sandbox
from epay_desktop.sandbox.fiscal.kept import start_afresh
from epay_desktop.sandbox.fiscal.register import SHIFT_LIMIT
from epay_desktop.sandbox.fiscal.register import Register
from epay_desktop.sandbox.fiscal.register import Shift
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.services.demo_fiscal import DemoFiscal
from epay_desktop.services.demo_fiscal import demo_fiscal_plan
from epay_desktop.services.demo_fiscal import register_demo_receipts
from epay_desktop.services.demo_shop import KZ_TIME
from epay_desktop.services.demo_shop import DemoDatabase

__all__ = ["ANOTHER_DATABASE", "close_earlier_day", "own_register", "prepare_demo_fiscal", "seed_demo_fiscal"]

log = logging.getLogger(__name__)

#: What the file of a register that served another database is renamed to end with.
ANOTHER_DATABASE = "another-database"


async def prepare_demo_fiscal(app: AppContext, running: RunningFiscalSandbox) -> DemoFiscal | None:
    """The demo's fiscal register made ready for this start (the module's steps, in order); what
    :func:`seed_demo_fiscal` gave it."""
    register = running.sandbox.register
    own_register(register, app.store_settings.home / FISCAL_FILE, await app.demo_shop.database())
    close_earlier_day(register)
    await use_fiscal_sandbox(app, running.base_url)
    first = await app.demo_shop.first_fiscal_sale()  # chosen while the journal is empty (0125)
    # the register's side of the demo shift, mismatches and all (0126), each receipt at its time of the
    # morning: the register's shift opens with the first of them, not when the demo started
    plan = await seed_demo_fiscal(app, register.backdate)
    await fiscalise_demo_sale(app, first)  # a fiscal receipt with its QR from the first minute (0125)
    close_earlier_day(register)  # receipts of a shift opened on an earlier day (a lost register's file)
    return plan


def own_register(register: Register, path: Path, database: DemoDatabase) -> bool:
    """Whether ``register`` (kept in ``path``) is ``database``'s: it was marked with it, or, unmarked (a
    new register, or one kept before 0148), it is empty or the database has fiscal receipts of its own (a
    new database's journal is empty). It is then marked with it; otherwise its file is set aside and it
    starts afresh, marked (False)."""
    with register.lock:
        kept_for = register.database
        if kept_for is not None:
            ours = kept_for == database.mark
        else:
            ours = not register.receipts or database.fiscal_began
        if not ours:
            aside = start_afresh(register, path, ANOTHER_DATABASE)
            log.warning(
                "event=demo_fiscal_register_of_another_database set_aside=%s kept_for=%s database=%s: "
                "a fresh fiscal register starts",
                aside,
                kept_for,
                database.mark,
            )
        if register.database != database.mark:
            register.belong_to(database.mark)
    return ours


def close_earlier_day(register: Register) -> Shift | None:
    """The register's open shift closed with its Z report when its last working day (the day of its last
    receipt, or of its opening) is before the register's today (Almaty), dated at the end of that day but
    no later than its 24 hours; the shift so closed, or None (no shift open, or its day is today)."""
    with register.lock:
        shift = register.open_shift
        if shift is None:
            return None
        last = max([shift.opened, *(receipt.at for receipt in shift.receipts)]).astimezone(KZ_TIME)
        if last.date() >= register.now().astimezone(KZ_TIME).date():
            return None
        evening = datetime.combine(last.date(), time(23, 59, 59), KZ_TIME)
        at = min(evening, shift.opened + SHIFT_LIMIT).astimezone(shift.opened.tzinfo)
        closed = register.report_shift(close=True, at=at)
    log.info(
        "event=demo_fiscal_shift_closed shift=%d opened=%s closed=%s receipts=%d",
        closed.number,
        closed.opened.isoformat(),
        closed.closed.isoformat() if closed.closed else None,
        len(closed.receipts),
    )
    return closed


async def seed_demo_fiscal(
    app: AppContext, dated: Callable[[datetime | None], None] | None = None
) -> DemoFiscal | None:
    """The register's receipts of the open demo shift (and, once, the sale it refused); None without an
    open demo shift. ``dated``: sets the register's clock (:meth:`Register.backdate`), so each receipt
    carries its time of the morning."""
    plan = await app.demo_shop.seed_today(DEMO_USERS, demo_fiscal_plan)
    if plan is not None:
        await register_demo_receipts(app.fiscal, plan, dated)
    return plan
