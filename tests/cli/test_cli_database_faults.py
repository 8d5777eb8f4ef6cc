"""Issue 11, deliverable 3: every database fault has its exit code and one line, never a stack trace.

Why case: a read-only database, a full disk, a garbled or truncated header, a lock held past the wait and
an unreachable PostgreSQL exited 4 ("a bug"); a full disk while recording a refund's outcome (after the
bank applied it) printed ~60 lines of traceback and exited 4 where 3 (outcome unknown) is the truth; the
lock's message pointed at a log that had nothing in it. Each fault here is made by SQLite itself
(``PRAGMA query_only``, ``PRAGMA max_page_count``, bytes written over the file, a real lock held by
another process) or by a real refused connection, and the command is run as a person runs it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy import event

from epay_desktop import logs
from epay_desktop.services.money_ops import journal
from tests.support.database import write_lock_held_by


def _db(cli: Any) -> Path:
    return Path(cli.home) / "epay-desktop.db"


@contextlib.contextmanager
def every_connection(pragma: str) -> Iterator[None]:
    """Run ``pragma`` on every SQLite connection the console opens meanwhile (SQLite makes the fault)."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(pragma)

    event.listen(Engine, "connect", on_connect)
    try:
        yield
    finally:
        event.remove(Engine, "connect", on_connect)


def test_a_read_only_database_is_exit_2_with_what_to_do(cli: Any, err_line: Any) -> None:
    invoice = cli.charged()
    with every_connection("PRAGMA query_only=ON"):  # SQLITE_READONLY on every write
        result = cli.run("refund", invoice, "--amount", "100")
    assert result.code == 2, result.err
    line = err_line(result)
    assert "is read-only: nothing was changed" in line and str(_db(cli)) in line
    assert cli.gateway_refunds(invoice) == []  # refused before anything was sent


def test_a_full_disk_before_sending_is_exit_2(cli: Any, err_line: Any) -> None:
    invoice = cli.charged()
    with contextlib.closing(sqlite3.connect(_db(cli))) as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    with every_connection(f"PRAGMA max_page_count={pages}"):  # SQLITE_FULL at the next new page
        result = cli.run("pay", "100", "--description", "x" * 100 + "y" * 20)
        # one payment row fits in a page with room: fill pages until SQLite has none
        for _ in range(40):
            if result.code != 0:
                break
            result = cli.run("pay", "100", "--description", "z" * 120)
    assert result.code == 2, result.err
    assert "is full: nothing was changed. Free some space" in err_line(result)
    assert cli.gateway_refunds(invoice) == []


def _fill_the_disk_while_recording(monkeypatch: pytest.MonkeyPatch) -> None:
    """The outcome's transaction hits SQLITE_FULL: the database may grow by no page, and the first
    thing written in that transaction needs more (the disk filled up between intent and outcome)."""
    real = journal.record_outcome

    def full(tx: Any, *args: Any, **kwargs: Any) -> Any:
        raw = tx.session.connection().connection.driver_connection
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
        raw.execute(f"PRAGMA max_page_count={pages}")
        raw.execute("CREATE TABLE IF NOT EXISTS disk_filler (b BLOB)")
        raw.execute("INSERT INTO disk_filler VALUES (zeroblob(65536))")
        return real(tx, *args, **kwargs)

    monkeypatch.setattr(journal, "record_outcome", full)


def test_a_full_disk_while_recording_a_refunds_outcome_is_exit_3_and_reconcile_settles_it_once(
    cli: Any, err_line: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoice = cli.charged()
    with monkeypatch.context() as m:
        _fill_the_disk_while_recording(m)
        result = cli.run("refund", invoice, "--amount", "250")
    assert result.code == 3, result.err  # the bank applied it; the books could not say so
    line = err_line(result)
    assert "may have reached the bank" in line and "the disk is full" in line
    assert "epay-desktop reconcile" in line
    assert [r["amount"] for r in cli.gateway_refunds(invoice)] == [250]
    with contextlib.closing(sqlite3.connect(_db(cli))) as db:
        assert db.execute("SELECT state FROM money_ops WHERE kind = 'REFUND'").fetchall() == [("SENDING",)]
    log_text = (Path(cli.home) / "logs" / "epay-desktop.log").read_text(encoding="utf-8")
    assert "event=money_op_outcome_not_recorded" in log_text and "Traceback" in log_text

    settled = cli.run("reconcile")
    assert settled.code == 0, settled.err
    assert "SENDING -> SUCCEEDED" in settled.out or "-> SUCCEEDED" in settled.out, settled.out
    with contextlib.closing(sqlite3.connect(_db(cli))) as db:
        assert db.execute("SELECT state FROM money_ops WHERE kind = 'REFUND'").fetchall() == [("SUCCEEDED",)]
    again = cli.run("reconcile")
    assert again.code == 0 and "->" not in again.out, again.out  # nothing more to settle
    assert len(cli.gateway_refunds(invoice)) == 1  # exactly once: nothing was sent again
    shown = cli.run("show", invoice, "--json")
    assert shown.code == 0 and shown.json()["refunded"] == "250.00"


def test_no_stack_trace_on_the_screen_even_when_the_log_file_cannot_be_written(
    cli: Any, err_line: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk that is full holds the log too: Python's "--- Logging error ---" trace went to stderr."""
    invoice = cli.charged()
    with monkeypatch.context() as m:
        _fill_the_disk_while_recording(m)
        m.setattr(logs._LogFile, "_open", lambda self: open("/dev/full", "a", encoding="utf-8"))  # noqa: SIM115
        result = cli.run("refund", invoice, "--amount", "100")
    assert result.code == 3
    assert "Traceback" not in result.err and "Logging error" not in result.err
    assert err_line(result).startswith("epay-desktop: The refund of")


@pytest.mark.parametrize("damage", ["garbled header", "truncated"])
def test_a_damaged_database_is_exit_2_with_the_way_out(cli: Any, err_line: Any, damage: str) -> None:
    cli.charged()
    path = _db(cli)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if damage == "garbled header":
        with path.open("r+b") as f:
            f.write(b"this is not a database at all!!!")
    else:
        with path.open("r+b") as f:
            f.truncate(path.stat().st_size // 2)
    result = cli.run("payments")
    assert result.code == 2, result.err
    line = err_line(result)
    assert str(path) in line and ("backup" in line or "restore" in line)


def test_a_lock_held_past_the_wait_is_exit_2_and_says_which_process_holds_it(cli: Any, err_line: Any) -> None:
    cli.charged()
    with write_lock_held_by(_db(cli), "epay-desktop") as holder:
        started = time.monotonic()
        result = cli.run("pay", "100", EPAYMENT_DB_LOCK_WAIT="5")
        waited = time.monotonic() - started
    assert result.code == 2, result.err
    line = err_line(result)
    assert f"another epay-desktop process (pid {holder.pid})" in line
    assert "longer than 5 s (EPAYMENT_DB_LOCK_WAIT)" in line and "log" not in line
    assert waited >= 5  # it did wait the setting's seconds (not a timing of speed)


def test_the_lock_wait_setting_is_checked(cli: Any, err_line: Any) -> None:
    result = cli.run("payments", EPAYMENT_DB_LOCK_WAIT="1")
    assert result.code == 2 and "EPAYMENT_DB_LOCK_WAIT" in err_line(result) and "from 5 to 600" in result.err


def test_an_unreachable_postgresql_is_exit_2_without_its_password(cli: Any, err_line: Any) -> None:
    result = cli.run(
        "payments", EPAYMENT_DATABASE_URL="postgresql+psycopg://cashier:s3cret-pw@127.0.0.1:9/epay"
    )
    assert result.code == 2, result.err
    line = err_line(result)
    assert "cannot be reached" in line and "127.0.0.1:9" in line and "s3cret-pw" not in line


def test_a_bug_while_opening_points_at_a_log_that_has_it(
    cli: Any, err_line: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.add_manager()

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom while opening")

    monkeypatch.setattr("epay_desktop.app.open_store", broken)
    result = cli.run("payments")
    assert result.code == 4
    line = err_line(result)
    log_file = Path(cli.home) / "logs" / "epay-desktop.log"
    assert str(log_file) in line
    text = log_file.read_text(encoding="utf-8")
    assert "event=cli_open_failed command=payments" in text and "boom while opening" in text
