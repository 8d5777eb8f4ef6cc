"""Issue 11, deliverable 1 and the first Why case, through the command line as a person runs it:

- a 0-byte database file is not silently rebuilt empty (the first ``user add`` then needed no log-in);
- a database with a malformed page is refused before a refund runs on it;
- ``backup`` / ``restore`` / ``check-db``, and the restore drill: payments, a backup, the database
  damaged, the restore, the payments and the audit chain are back; then the file lost, and restored again.
Every refusal is exit 2 and one line naming the way out (``epay-desktop restore <newest backup>``).
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path
from typing import Any

NEW_PASSWORD = "intruder-pass-1"


def _db(cli: Any) -> Path:
    return Path(cli.home) / "epay-desktop.db"


def _damage_a_page(db: Path, table: str = "discrepancies") -> None:
    """Garbage over the root page of ``table``: a table no refund reads, so only a check sees it."""
    connection = sqlite3.connect(db)
    try:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    with open(db, "r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\xa5" * page_size)


def test_why_a_zero_byte_database_is_refused_not_rebuilt_for_a_user_add_without_log_in(
    cli: Any, err_line: Any
) -> None:
    cli.add_manager()
    db = _db(cli)
    db.write_bytes(b"")  # the file is emptied (a crash of the disk, a bad copy, someone)
    result = cli.run("user", "add", "mallory", "--role", "manager", user=None, EPAY_NEW_PASSWORD=NEW_PASSWORD)
    assert result.code == 2
    line = err_line(result)
    assert "is empty (0 bytes)" in line and str(db) in line
    assert db.stat().st_size == 0  # nothing was made in its place
    # the same for a file that is gone
    db.unlink()
    again = cli.run("user", "add", "mallory", "--role", "manager", user=None, EPAY_NEW_PASSWORD=NEW_PASSWORD)
    assert again.code == 2 and "is missing" in err_line(again)
    assert not db.exists()


def test_why_a_database_with_a_malformed_page_is_refused_before_a_refund(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("1000")
    assert cli.run("status", invoice).code == 0
    _damage_a_page(_db(cli))
    result = cli.run("refund", invoice, "--amount", "100")
    assert result.code == 2
    line = err_line(result)
    assert "is damaged" in line and "Traceback" not in result.err
    assert cli.gateway_refunds(invoice) == []  # no money moved on a damaged database


def test_a_file_that_is_not_sqlite_is_refused_with_the_newest_backup_named(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    made = cli.run("backup", "--json")
    assert made.code == 0, made.err
    backup = Path(made.json()["file"])
    db = _db(cli)
    with open(db, "r+b") as raw:
        raw.write(b"garbled header!!")
    result = cli.run("payments")
    assert result.code == 2
    line = err_line(result)
    assert "is not a SQLite database" in line
    assert f"epay-desktop restore {backup}" in line


def test_backup_is_checked_private_and_needs_a_manager(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    out = Path(cli.home).parent / "copy.db"
    refused = cli.run("backup", "--out", str(out), user=cli.CASHIER)
    assert refused.code == 1 and not out.exists()
    made = cli.run("backup", "--out", str(out))
    assert made.code == 0, made.err
    assert "checked" in made.out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    connection = sqlite3.connect(out)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("SELECT count(*) FROM users").fetchone()[0] == 2
    finally:
        connection.close()
    again = cli.run("backup", "--out", str(out))
    assert again.code == 2 and "already exists" in err_line(again)


def test_check_db_says_intact_or_damaged(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    intact = cli.run("check-db", user=None)
    assert intact.code == 0 and "intact" in intact.out
    _damage_a_page(_db(cli))
    damaged = cli.run("check-db", user=None)
    assert damaged.code == 2 and "is damaged" in err_line(damaged)


def test_restore_drill_payments_back_and_the_audit_chain_verifies(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    invoices = [cli.pay("1500"), cli.pay("2500")]
    for invoice in invoices:
        assert cli.run("status", invoice).code == 0
    made = cli.run("backup", "--json")
    assert made.code == 0, made.err
    backup = Path(made.json()["file"])
    db = _db(cli)
    _damage_a_page(db, "payments")
    refused = cli.run("payments")
    assert refused.code == 2 and f"epay-desktop restore {backup}" in err_line(refused)

    wrong = cli.run("restore", str(backup), password="not-the-password")
    assert wrong.code == 1  # the log-in is a manager's of the backup: refused, nothing replaced
    assert cli.run("check-db", user=None).code == 2
    not_a_backup = Path(cli.home) / "notes.txt"
    not_a_backup.write_text("hello", encoding="utf-8")
    bad = cli.run("restore", str(not_a_backup))
    assert bad.code == 2 and "is not a usable backup" in err_line(bad)

    restored = cli.run("restore", str(backup))
    assert restored.code == 0, restored.err
    kept = [p for p in db.parent.glob("epay-desktop.db.replaced-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].stat().st_size > 0  # the damaged file was kept aside
    listed = cli.run("payments", "--json")
    assert listed.code == 0, listed.err
    assert {row["invoice_id"] for row in listed.json()} >= set(invoices)
    verified = cli.run("audit", "verify")
    assert verified.code == 0, verified.err
    assert cli.run("check-db", user=None).code == 0

    # lost altogether: refused, not made again empty; the same backup brings it back
    db.unlink()
    lost = cli.run("payments")
    assert lost.code == 2 and "is missing" in err_line(lost) and not db.exists()
    assert cli.run("restore", str(backup)).code == 0
    assert cli.run("show", invoices[0]).code == 0


def test_restore_is_refused_while_another_process_has_the_database_open(cli: Any, err_line: Any) -> None:
    from epay_desktop.settings import load_store_settings
    from epay_desktop.store.open import open_store

    cli.add_manager()
    backup = Path(cli.run("backup", "--json").json()["file"])
    store = open_store(load_store_settings(cli.env))  # a console running on it
    try:
        result = cli.run("restore", str(backup))
        assert result.code == 2 and "is open in 1 other" in err_line(result)
    finally:
        store.close()
    assert not list(_db(cli).parent.glob("epay-desktop.db.replaced-*"))
    assert not list(_db(cli).parent.glob(".epay-desktop.db.restoring-*"))  # the staged copy went
    assert cli.run("restore", str(backup)).code == 0


def test_backup_and_restore_on_postgresql_name_pg_dump(cli: Any, err_line: Any) -> None:
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/none"
    result = cli.run("restore", str(Path(cli.home) / "whatever.db"), EPAYMENT_DATABASE_URL=url)
    assert result.code == 2 and "pg_dump" in err_line(result)
    check = cli.run("check-db", user=None, EPAYMENT_DATABASE_URL=url)
    assert check.code == 2 and "pg_dump" in err_line(check)


def _to_the_previous_schema(backup: Path) -> None:
    """Make ``backup`` a copy an older program wrote: revision 0007's index, 0008's shifts, 0011's
    column and 0012's fiscal journal gone, stamped 0006."""
    connection = sqlite3.connect(backup)
    try:
        connection.execute("DROP INDEX ix_audit_log_subject_action")
        for index in ("ix_payments_register_created", "ix_money_ops_created_at"):
            connection.execute(f"DROP INDEX {index}")
        connection.execute("DROP TABLE shifts")
        connection.execute("ALTER TABLE money_ops DROP COLUMN register_id")  # 0011
        connection.execute("DROP TABLE fiscal_records")  # 0012
        connection.execute("UPDATE alembic_version SET version_num = '0006'")
        connection.commit()
    finally:
        connection.close()


def _files(home: Path) -> set[str]:
    return {str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()}


def test_restoring_an_older_schema_leaves_only_the_replaced_copy_and_records_who_restored(
    cli: Any, err_line: Any
) -> None:
    cli.add_manager()
    invoice = cli.pay("1200")
    backup = Path(cli.run("backup", "--json").json()["file"])
    _to_the_previous_schema(backup)
    home, db = Path(cli.home), _db(cli)
    before = _files(home)

    restored = cli.run("restore", str(backup))

    assert restored.code == 0, restored.err
    new = {name for name in _files(home) - before if not name.startswith("epay-desktop.db.replaced-")}
    assert new == set()  # no .restoring-* copy, no pre-migration copy of the staged file, nothing else
    aside = [p for p in home.glob("epay-desktop.db.replaced-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1
    assert cli.run("show", invoice).code == 0
    verified = cli.run("audit", "verify")
    assert verified.code == 0, verified.err
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT u.name, a.subject, a.details FROM audit_log a JOIN users u ON u.id = a.actor_id "
            "WHERE a.action = 'database.restored'"
        ).fetchall()
    finally:
        connection.close()
    assert len(rows) == 1
    name, subject, details = rows[0]
    assert (name, subject) == (cli.MANAGER, "database")
    assert backup.name in details and aside[0].name in details


def test_check_db_and_restore_say_a_locked_database_in_one_line(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    backup = Path(cli.run("backup", "--json").json()["file"])
    db = _db(cli)
    holder = sqlite3.connect(db, isolation_level=None)  # another program keeps it locked
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("DELETE FROM discrepancies")
        check = cli.run("check-db", user=None, EPAYMENT_DB_LOCK_WAIT="5")
        assert check.code == 2
        assert "is busy" in err_line(check) and "damaged" not in err_line(check)
        restore = cli.run("restore", str(backup), EPAYMENT_DB_LOCK_WAIT="5")
        assert restore.code == 2
        assert "is busy" in err_line(restore)
    finally:
        holder.close()
    assert not list(db.parent.glob("epay-desktop.db.replaced-*"))  # nothing was replaced
    assert not list(db.parent.glob(".epay-desktop.db.restoring-*"))


def test_check_db_and_restore_with_a_garbled_header_say_it_in_one_line(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    backup = Path(cli.run("backup", "--json").json()["file"])
    db = _db(cli)
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(db, "r+b") as raw:  # SQLite's magic stays; the page size and the rest of the header do not
        raw.seek(16)
        raw.write(b"\xff" * 84)
    check = cli.run("check-db", user=None)
    assert check.code == 2 and f"epay-desktop restore {backup}" in err_line(check)
    garbled_backup = Path(cli.home) / "garbled.db"
    garbled_backup.write_bytes(db.read_bytes())
    refused = cli.run("restore", str(garbled_backup))
    assert refused.code == 2 and "is not a usable backup: not a database of epay-desktop" in err_line(refused)
    restored = cli.run("restore", str(backup))  # the garbled database is what a restore replaces
    assert restored.code == 0, restored.err
    assert cli.run("check-db", user=None).code == 0


def test_a_backup_refusal_is_said_in_russian(cli: Any, err_line: Any) -> None:
    notes = Path(cli.home).parent / "notes.db"
    notes.write_text("hello", encoding="utf-8")
    refused = cli.run("--lang", "ru", "restore", str(notes))
    assert refused.code == 2
    line = err_line(refused)
    assert "not a SQLite database" not in line and "Nothing was changed" not in line
    assert "не база данных SQLite" in line
