"""Users and log-in from the command line: first user, roles, passwords, clear errors."""

from __future__ import annotations

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
    assert "cashier cannot add" in err_line(by_cashier)


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
