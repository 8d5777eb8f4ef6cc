"""Issue 11, roles that files cannot forge, from the command line: one SQL UPDATE making a cashier a
manager is refused at log-in (exit 1, one line, no traceback), and the audit anchor printed and kept
off the PC finds a log that was cut or rewritten (decisions 0075, 0076)."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from typing import Any


def _sql(cli: Any, statement: str, *params: object) -> None:
    with contextlib.closing(sqlite3.connect(cli.home / "epay-desktop.db")) as db, db:
        db.execute(statement, params)


def _last_account_decision(cli: Any) -> int:
    with contextlib.closing(sqlite3.connect(cli.home / "epay-desktop.db")) as db:
        [(seq,)] = db.execute("SELECT max(seq) FROM audit_log WHERE action LIKE 'user.%'").fetchall()
    return int(seq)


def test_one_sql_update_making_a_cashier_a_manager_is_refused_at_log_in(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    assert cli.run("audit", "verify").code == 0
    _sql(cli, "UPDATE users SET role = 'manager' WHERE name = ?", cli.CASHIER)
    refused = cli.run("user", "list", user=cli.CASHIER)
    assert refused.code == 1
    line = err_line(refused)  # exactly one line, no traceback
    assert "not the one a manager gave it" in line and "Traceback" not in refused.err
    # reported in the log the shop's manager checks, without the password
    with contextlib.closing(sqlite3.connect(cli.home / "epay-desktop.db")) as db:
        [(details,)] = db.execute(
            "SELECT details FROM audit_log WHERE action = 'auth.login_refused'"
        ).fetchall()
    assert '"reason":"account_not_audited"' in details and '"stored_role":"manager"' in details
    assert cli.CASHIER_PASSWORD not in details
    # the same refusal in Russian and Kazakh
    ru = cli.run("--lang", "ru", "user", "list", user=cli.CASHIER)
    kk = cli.run("--lang", "kk", "user", "list", user=cli.CASHIER)
    assert ru.code == kk.code == 1
    assert "базу данных изменили в обход консоли" in err_line(ru)
    assert "дерекқор консольді айналып өзгертілген" in err_line(kk)
    # the manager's `audit verify` no longer says "intact" and nothing else: it names the account
    verified = cli.run("audit", "verify")
    assert verified.code == 1
    said = err_line(verified)
    assert "the audit log is intact, but 1 account(s) have a role or status no audited decision gave" in said
    assert f"{cli.CASHIER} (user " in said and "role manager in the database, audited cashier" in said
    as_json = cli.run("audit", "verify", "--json")
    assert as_json.code == 1
    document = json.loads(as_json.out)
    assert document["ok"] is False
    [account] = document["accounts_not_audited"]
    assert (account["name"], account["stored_role"], account["audited_role"]) == (
        cli.CASHIER,
        "manager",
        "cashier",
    )


def test_the_anchor_is_printed_saved_and_finds_a_cut_log(cli: Any, err_line: Any, tmp_path: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    saved = tmp_path / "anchor.txt"
    printed = cli.run("audit", "anchor", "--out", str(saved))
    assert printed.code == 0, printed.err
    line = printed.out.splitlines()[0]
    assert line.startswith("audit ") and len(line.split()) == 3  # audit N XXXX-XXXX-XXXX-XXXX
    assert saved.read_text() == f"ePay console audit anchor\n{line}\n"  # as the GUI's Save… writes it
    as_json = cli.run("audit", "anchor", "--json").json()
    assert as_json["anchor"].split()[1] == str(as_json["count"])
    assert cli.run("audit", "anchor", user=cli.CASHIER).code == 1  # managers only

    for kept in (line, str(saved)):
        ok = cli.run("audit", "verify", "--anchor", kept)
        assert ok.code == 0, ok.err
        assert "matches the anchor" in ok.out
    # cut the log's end after the last account decision: the chain left is valid and every account is
    # still backed by its decision, so only the anchor notices (cutting a decision is named without one)
    _sql(cli, "DELETE FROM audit_log WHERE seq > ?", _last_account_decision(cli))
    assert cli.run("audit", "verify").code == 0
    cut = cli.run("audit", "verify", "--anchor", line)
    assert cut.code == 1
    assert "the log was cut" in err_line(cut)


def test_a_rewritten_log_with_the_key_is_found_by_the_anchor(cli: Any, err_line: Any) -> None:
    """Someone who can read audit.key can rebuild a valid chain; the anchor kept off the PC says so."""
    from epay_desktop.services.audit import AuditAnchor
    from epay_desktop.store.db import Store
    from epay_desktop.store.db import make_engine

    cli.add_manager()
    cli.add_cashier()
    line = cli.run("audit", "anchor").out.splitlines()[0]
    key = (cli.home / "audit.key").read_bytes()
    _sql(cli, "DELETE FROM audit_log WHERE seq > ?", _last_account_decision(cli))
    store = Store(make_engine(f"sqlite:///{cli.home / 'epay-desktop.db'}"), audit_key=key)
    try:  # the attacker re-appends a chain of the same length with other content
        while True:
            with store.write() as tx:
                tx.audit.append(None, "user.note", "user:2", {"what": "rewritten"})
                if tx.audit.head()[0] >= AuditAnchor.parse(line).count:
                    break
    finally:
        store.close()
    assert cli.run("audit", "verify").code == 0  # the HMAC alone sees nothing wrong
    rewritten = cli.run("audit", "verify", "--anchor", line)
    assert rewritten.code == 1 and "rewritten" in err_line(rewritten)


def test_an_anchor_that_is_not_one_is_a_usage_error(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    bad = cli.run("audit", "verify", "--anchor", "audit 12 zz")
    assert bad.code == 2 and "not an audit anchor" in err_line(bad)
