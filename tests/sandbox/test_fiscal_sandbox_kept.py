"""The fiscal sandbox's register kept in a file (decision 0138): a register read back from the file its
predecessor wrote holds the same shifts, receipts, fiscal signs, report numbers, offline mode and clock,
and goes on from there (the next fiscal sign, a repeated ExternalCheckNumber, the 24-hour shift). The demo's
rules for its kept register at a start: a shift left open on an earlier day closed that evening (0147), a
register of another database set aside (0148)."""

from __future__ import annotations

import json
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from epay_desktop.demo.fiscal import close_earlier_day
from epay_desktop.demo.fiscal import own_register
from epay_desktop.sandbox.config import KZ_TZ
from epay_desktop.sandbox.fiscal.checks import Fields
from epay_desktop.sandbox.fiscal.checks import read_check
from epay_desktop.sandbox.fiscal.kept import keep_in
from epay_desktop.sandbox.fiscal.kept import state_bytes
from epay_desktop.sandbox.fiscal.register import ErrorCode
from epay_desktop.sandbox.fiscal.register import FiscalError
from epay_desktop.sandbox.fiscal.register import Receipt
from epay_desktop.sandbox.fiscal.register import Register
from epay_desktop.services.demo_shop import DemoDatabase
from tests.support.fiscal_sandbox import card_check


def _check(register: Register, external: str, amount: str, *, basis: Receipt | None = None) -> Receipt:
    """A card sale (or, with ``basis``, a return on it) recorded as ``POST /api/v4/check`` records it."""
    details = None
    if basis is not None:
        details = {
            "CheckNumber": basis.fiscal_sign,
            "DateTime": basis.at.isoformat(),
            "RegistrationNumber": "032600000001",
            "Total": basis.total,
            "IsOffline": basis.offline,
        }
    wanted = read_check(Fields(card_check(external, amount, operation=3 if basis else 2, basis=details)))
    with register.lock:
        register.duplicate(external)
        register.may_register()
        if wanted.basis is not None:
            register.original(wanted.basis, wanted.operation)
        return register.register(wanted.receipt)


def test_a_kept_register_reads_back_as_it_was_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "demo" / "fiscal-sandbox.json"
    first = keep_in(Register(), path)
    assert not path.exists()  # nothing changed yet: no file
    first.authorize("demo@epay-desktop.kz", "demo-pass")
    sale = _check(first, "sale-1", "2500.00")
    _check(first, "ret-1", "1314.00", basis=sale)
    first.report_shift(close=True)  # Z of shift 1
    first.advance(timedelta(hours=2))
    first.set_offline(True, timedelta(minutes=5))
    offline = _check(first, "sale-2", "700.50")  # shift 2, offline: a time-of-day fiscal sign
    first.report_shift(close=False)  # an X report: the report counter moves on
    written = path.read_bytes()
    assert path.stat().st_mode & 0o777 == 0o600 and json.loads(written)["format"] == 1
    assert first.tokens and not [t for t in first.tokens if t in written.decode()]  # tokens: memory only

    again = keep_in(Register(), path)  # the next start
    assert state_bytes(again) == written
    assert [(s.number, s.closed is not None, s.z_number) for s in again.shifts] == [
        (1, True, 1),
        (2, False, 0),
    ]
    assert [r.external for r in again.shift(1).receipts] == ["sale-1", "ret-1"]
    assert again.by_external["sale-2"] == offline and again.offline and again.reports == 2
    assert again.returned_before(again.by_external["sale-1"]) == Decimal("1314.00")
    assert abs(again.now() - first.now()) < timedelta(seconds=5)  # the moved clock continues
    assert not again.tokens and again.authorize("demo@epay-desktop.kz", "demo-pass") not in first.tokens
    with pytest.raises(FiscalError) as repeated:  # a number registered before the restart: error 14
        again.duplicate("sale-1")
    assert repeated.value.code is ErrorCode.DUPLICATE_EXTERNAL_CODE
    again.set_offline(False)
    following = _check(again, "sale-3", "100.00")
    assert int(following.fiscal_sign) == int(sale.fiscal_sign) + 2  # the online counter goes on
    again.advance(timedelta(hours=24, seconds=1))  # shift 2, opened before the restart, is too old now
    with pytest.raises(FiscalError) as late:
        again.may_register()
    assert late.value.code is ErrorCode.SHIFT_OVER_24_HOURS
    assert keep_in(Register(), path).by_external["sale-3"].fiscal_sign == following.fiscal_sign


def test_an_unreadable_file_is_set_aside_and_a_register_in_memory_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "fiscal-sandbox.json"
    path.write_text('{"format": 1, "receipts": [{"operation": "two"}]}')
    register = keep_in(Register(), path)
    assert not register.receipts and not path.exists()
    assert (tmp_path / "fiscal-sandbox.json.unreadable").read_text().startswith('{"format": 1')
    _check(register, "sale-1", "10.00")
    assert json.loads(path.read_bytes())["receipts"][0]["external"] == "sale-1"
    path.unlink()
    path.mkdir()  # a folder where the file goes: the register goes on in memory, the receipt registered
    assert _check(register, "sale-2", "20.00").external in register.by_external and path.is_dir()
    path.rmdir()
    _check(register, "sale-3", "30.00")  # the next change writes the whole register again
    assert [r["external"] for r in json.loads(path.read_bytes())["receipts"]] == [
        "sale-1",
        "sale-2",
        "sale-3",
    ]
    in_memory = Register()
    _check(in_memory, "sale-1", "10.00")
    assert in_memory.keep is None and sorted(p.name for p in tmp_path.iterdir()) == [
        "fiscal-sandbox.json",
        "fiscal-sandbox.json.unreadable",
    ]


def test_the_demo_closes_a_shift_left_open_on_an_earlier_day_at_its_end(tmp_path: Path) -> None:
    """Decision 0147: at the demo's start, a shift whose last receipt is from an earlier day (Almaty) is
    closed with its Z at the end of that day, never later than its 24 hours; today's shift stays open."""
    now = [datetime(2026, 12, 7, 9, 0, tzinfo=KZ_TZ)]
    register = keep_in(Register(clock=lambda: now[0]), tmp_path / "fiscal-sandbox.json")
    _check(register, "sale-1", "100.00")
    now[0] = now[0].replace(hour=22)
    _check(register, "sale-2", "200.00")
    now[0] = now[0].replace(hour=23, minute=30)
    assert close_earlier_day(register) is None  # the same day: open
    now[0] += timedelta(hours=9)  # 08:30 the next morning
    closed = close_earlier_day(register)
    assert closed is not None and closed.closed == datetime(2026, 12, 7, 23, 59, 59, tzinfo=KZ_TZ)
    assert keep_in(Register(), tmp_path / "fiscal-sandbox.json").shift(1).z_number == closed.z_number == 1
    now[0] = datetime(2026, 12, 8, 23, 0, tzinfo=KZ_TZ)
    _check(register, "sale-3", "300.00")  # shift 2 opens late in the evening...
    now[0] += timedelta(hours=1, minutes=30)
    _check(register, "sale-4", "400.00")  # ...and works past midnight
    now[0] = datetime(2026, 12, 9, 10, 0, tzinfo=KZ_TZ)
    assert close_earlier_day(register) is None  # its last receipt is today's
    now[0] += timedelta(days=1)
    late = close_earlier_day(register)
    assert late is not None and late.number == 2 and late.closed == late.opened + timedelta(hours=24)
    assert close_earlier_day(register) is None and register.open_shift is None


def test_the_demo_register_belongs_to_its_database(tmp_path: Path) -> None:
    """Decision 0148: a register marked with another database's mark, or unmarked with receipts while the
    database has no fiscal receipts (a new database), is set aside and starts afresh, marked; an empty or
    an unmarked one the database has used is kept and marked."""
    path = tmp_path / "fiscal-sandbox.json"
    register = keep_in(Register(), path)
    assert own_register(register, path, DemoDatabase("db-1", fiscal_began=False))  # empty: ours
    _check(register, "sale-1", "10.00")
    assert json.loads(path.read_bytes())["database"] == "db-1"
    assert own_register(register, path, DemoDatabase("db-1", fiscal_began=True)) and register.receipts
    assert not own_register(register, path, DemoDatabase("db-2", fiscal_began=False))
    aside = tmp_path / "fiscal-sandbox.json.another-database"
    assert json.loads(aside.read_bytes())["receipts"][0]["external"] == "sale-1"
    assert not register.receipts and json.loads(path.read_bytes())["database"] == "db-2"

    state = json.loads(aside.read_bytes())
    del state["database"]  # a register kept before 0148
    path.write_text(json.dumps(state))
    legacy = keep_in(Register(), path)
    assert legacy.database is None and legacy.receipts
    assert own_register(legacy, path, DemoDatabase("db-3", fiscal_began=True))  # its database's journal
    assert legacy.receipts and keep_in(Register(), path).database == "db-3"
    legacy.belong_to(None)
    assert not own_register(legacy, path, DemoDatabase("db-4", fiscal_began=False))  # a new database
    assert not legacy.receipts and legacy.database == "db-4"
