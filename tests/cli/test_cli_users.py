"""Users and log-in from the command line: first user, roles, passwords, clear errors."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from typing import Any


def test_first_user_needs_no_login_but_must_be_a_manager_or_admin(cli: Any, err_line: Any) -> None:
    refused = cli.run("user", "add", "kate", "--role", "cashier", user=None, EPAY_NEW_PASSWORD="1234")
    assert refused.code == 1
    assert "first user must be a manager or an admin" in err_line(refused)

    added = cli.run(
        "user", "add", "boss", "--role", "manager", "--json", user=None, EPAY_NEW_PASSWORD="manager-pass-1"
    )
    assert added.code == 0, added.err
    assert added.json()["role"] == "manager" and added.json()["name"] == "boss"


def test_second_user_needs_a_manager_login(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    anonymous = cli.run("user", "add", "anna", "--role", "cashier", user=None, EPAY_NEW_PASSWORD="4321")
    assert anonymous.code == 2
    assert "--user NAME" in err_line(anonymous)

    cli.add_cashier()
    by_cashier = cli.run(
        "user", "add", "olga", "--role", "cashier", user=cli.CASHIER, EPAY_NEW_PASSWORD="5555"
    )
    assert by_cashier.code == 1
    assert "role “cashier” may not add" in err_line(by_cashier)


def test_user_list_text_and_json(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    text = cli.run("user", "list")
    assert text.code == 0
    assert "NAME" in text.out and "anna" in text.out and "cashier" in text.out
    shown = cli.run("user", "list", "--json").json()
    assert [(u["name"], u["role"]) for u in shown] == [("boss", "manager"), ("anna", "cashier")]
    refused = cli.run("user", "list", user=cli.CASHIER)
    assert refused.code == 1
    assert "manager" in err_line(refused)


def test_wrong_password_is_refused_in_one_line(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    result = cli.run("payments", password="not-the-password")
    assert result.code == 1
    assert err_line(result) == "epay-desktop: Wrong user name or password/PIN."
    unknown = cli.run("payments", user="nobody", password="whatever-1")
    assert err_line(unknown) == "epay-desktop: Wrong user name or password/PIN."


def test_weak_new_password_is_refused(cli: Any, err_line: Any) -> None:
    result = cli.run("user", "add", "boss", "--role", "manager", user=None, EPAY_NEW_PASSWORD="12")
    assert result.code == 1
    assert "PIN needs at least 4 digits" in err_line(result)


def test_password_is_asked_on_the_terminal_when_not_in_the_environment(
    cli: Any, monkeypatch: Any, err_line: Any
) -> None:
    cli.add_manager()
    asked: list[str] = []

    def fake_prompt(prompt: str) -> str:
        asked.append(prompt)
        return cli.MANAGER_PASSWORD

    monkeypatch.setattr("epay_desktop.cli.common.prompt_secret", fake_prompt)
    result = cli.run("payments", "--user", cli.MANAGER, user=None)
    assert result.code == 0, result.err
    assert asked == ["Password or PIN for boss: "]


def test_new_password_asked_twice_must_match(cli: Any, monkeypatch: Any, err_line: Any) -> None:
    answers = iter(["manager-pass-1", "manager-pass-2"])
    monkeypatch.setattr("epay_desktop.cli.common.prompt_secret", lambda prompt: next(answers))
    result = cli.run("user", "add", "boss", "--role", "manager", user=None)
    assert result.code == 1
    assert "differ" in err_line(result)
    assert (
        cli.run(
            "user", "add", "boss", "--role", "manager", user=None, EPAY_NEW_PASSWORD="manager-pass-1"
        ).code
        == 0
    )


def test_no_password_and_no_terminal_is_a_usage_error(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    result = cli.sub("payments", EPAY_PASSWORD="")
    assert result.code == 2
    assert "set EPAY_PASSWORD" in err_line(result)


def test_user_unlock_lets_a_locked_user_log_in_again_and_is_audited(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    for _ in range(10):  # the login policy: 10 wrong passwords lock the account for 30 minutes
        assert cli.run("payments", user=cli.CASHIER, password="0000").code == 1
    locked = cli.run("payments", user=cli.CASHIER)
    assert locked.code == 1 and "locked until" in err_line(locked)
    assert cli.run("user", "list", "--json").json()[1]["locked_until"] is not None

    by_cashier = cli.run("user", "unlock", cli.MANAGER, user=cli.CASHIER)
    assert by_cashier.code == 1 and "locked until" in err_line(by_cashier)  # a locked user cannot act
    unknown = cli.run("user", "unlock", "nobody")
    assert unknown.code == 1 and "no user named 'nobody'" in err_line(unknown)

    done = cli.run("user", "unlock", cli.CASHIER)
    assert done.code == 0, done.err
    assert done.out.startswith(f"Unlocked {cli.CASHIER} (was locked until ")
    assert cli.run("payments", user=cli.CASHIER).code == 0
    again = cli.run("user", "unlock", cli.CASHIER, "--json")
    assert again.code == 0 and again.json()["locked_until"] is None
    with contextlib.closing(sqlite3.connect(cli.home / "epay-desktop.db")) as db:
        rows = db.execute(
            "SELECT a.actor_id, a.subject FROM audit_log a WHERE a.action = 'user.unlocked' ORDER BY a.seq"
        ).fetchall()
        boss = db.execute("SELECT id FROM users WHERE name = ?", (cli.MANAGER,)).fetchone()[0]
        anna = db.execute("SELECT id FROM users WHERE name = ?", (cli.CASHIER,)).fetchone()[0]
    assert rows == [(boss, f"user:{anna}")] * 2


def test_a_cashier_cannot_unlock_anyone(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    refused = cli.run("user", "unlock", cli.MANAGER, user=cli.CASHIER)
    assert refused.code == 1
    assert "role “cashier” may not change “manager” accounts" in err_line(refused)


def test_wrong_approver_pins_from_the_cli_never_lock_the_managers_login(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    invoice = cli.pay("1000.00")
    messages = []
    for _ in range(12):  # more than the login lockout's 10
        wrong = cli.run(
            "refund", invoice, "--approved-by", cli.MANAGER, user=cli.CASHIER, EPAY_APPROVER_PASSWORD="0000"
        )
        assert wrong.code == 1
        messages.append(err_line(wrong))
    assert messages[0] == (
        "epay-desktop: Wrong manager name or PIN. 4 tries left before approvals pause for 5 minutes."
    )
    assert "approvals at this counter are paused for 5 min" in messages[4]
    assert "paused for 5 more min" in messages[5]
    assert cli.run("payments").code == 0  # the manager still logs in
    assert cli.run("user", "list", "--json").json()[0]["locked_until"] is None


def _audit(cli: Any, action: str) -> list[tuple[int, str, str]]:
    with contextlib.closing(sqlite3.connect(cli.home / "epay-desktop.db")) as db:
        return db.execute(
            "SELECT actor_id, subject, details FROM audit_log WHERE action = ? ORDER BY seq", (action,)
        ).fetchall()


def test_user_reset_pin_asks_twice_without_echo_and_the_new_pin_logs_in(
    cli: Any, monkeypatch: Any, err_line: Any
) -> None:
    cli.add_manager()
    cli.add_cashier()
    asked: list[str] = []
    answers = iter(["8765", "8765"])

    def fake_prompt(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("epay_desktop.cli.common.prompt_secret", fake_prompt)
    done = cli.run("user", "reset-pin", cli.CASHIER, password=cli.MANAGER_PASSWORD)
    assert done.code == 0, done.err
    assert done.out == f"{cli.CASHIER} has a new password/PIN and can log in with it now.\n"
    assert "8765" not in done.out + done.err
    assert asked == [
        f"New password or PIN for {cli.CASHIER}: ",
        f"Repeat the password or PIN for {cli.CASHIER}: ",
    ]
    assert cli.run("payments", user=cli.CASHIER, password="8765").code == 0
    assert cli.run("payments", user=cli.CASHIER, password=cli.CASHIER_PASSWORD).code == 1

    differ = iter(["1111", "2222"])
    monkeypatch.setattr("epay_desktop.cli.common.prompt_secret", lambda prompt: next(differ))
    mismatch = cli.run("user", "reset-pin", cli.CASHIER, password=cli.MANAGER_PASSWORD)
    assert mismatch.code == 1 and "differ; nothing was changed" in err_line(mismatch)
    weak = cli.run("user", "reset-pin", cli.CASHIER, EPAY_NEW_PASSWORD="12")
    assert weak.code == 1 and "PIN needs at least 4 digits" in err_line(weak)
    by_cashier = cli.run(
        "user", "reset-pin", cli.MANAGER, user=cli.CASHIER, password="8765", EPAY_NEW_PASSWORD="5555"
    )
    assert by_cashier.code == 1 and "role “cashier” may not change “manager” accounts" in err_line(by_cashier)
    unknown = cli.run("user", "reset-pin", "nobody", EPAY_NEW_PASSWORD="5555")
    assert unknown.code == 1 and "no user named 'nobody'" in err_line(unknown)
    assert len(_audit(cli, "user.password_reset")) == 1


def test_user_role_changes_the_role_at_once_and_is_audited(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    assert cli.run("user", "list", user=cli.CASHIER).code == 1
    done = cli.run("user", "role", cli.CASHIER, "manager")
    assert done.code == 0, done.err
    assert done.out == f"{cli.CASHIER} is now a manager.\n"
    assert cli.run("user", "list", user=cli.CASHIER).code == 0  # a manager now
    back = cli.run("user", "role", cli.CASHIER, "cashier", "--json")
    assert back.code == 0 and back.json()["role"] == "cashier"
    own = cli.run("user", "role", cli.MANAGER, "cashier")
    assert own.code == 1 and "cannot change your own role" in err_line(own)
    to_admin = cli.run("user", "role", cli.CASHIER, "admin")
    assert to_admin.code == 1 and "role “manager” may not give the role “admin”" in err_line(to_admin)
    same = cli.run("user", "role", cli.CASHIER, "cashier")
    assert same.code == 1 and "already has the role “cashier”" in err_line(same)
    bad = cli.run("user", "role", cli.CASHIER, "boss")
    assert bad.code == 2 and "invalid choice" in bad.err
    rows = _audit(cli, "user.role_changed")
    assert [(json.loads(d)["before"], json.loads(d)["after"]) for _, _, d in rows] == [
        ("cashier", "manager"),
        ("manager", "cashier"),
    ]


def test_user_deactivate_and_activate(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    cli.add_cashier()
    off = cli.run("user", "deactivate", cli.CASHIER)
    assert off.code == 0, off.err
    assert off.out == f"{cli.CASHIER} is deactivated and can no longer log in or approve.\n"
    refused = cli.run("payments", user=cli.CASHIER)
    assert refused.code == 1 and "deactivated" in err_line(refused)
    assert cli.run("user", "list", "--json").json()[1]["active"] is False
    own = cli.run("user", "deactivate", cli.MANAGER)
    assert own.code == 1 and "cannot deactivate your own account" in err_line(own)
    on = cli.run("user", "activate", cli.CASHIER, "--json")
    assert on.code == 0 and on.json()["active"] is True
    assert cli.run("payments", user=cli.CASHIER).code == 0
    assert len(_audit(cli, "user.deactivated")) == 1 and len(_audit(cli, "user.activated")) == 1
