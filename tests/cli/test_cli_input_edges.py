"""Issue 11, "Strict input, said plainly": the Why cases on the command line, each through ``main([...])``.

Dates and limits out of range, amounts in exponent/underscore/signed/other-script form, a description
over the gateway's 125 bytes, control characters in ``--reason`` (and old rows that already hold them,
printed by ``show``), user names that only differ by a look-alike letter: each is a usage error (exit 2)
or a refusal (exit 1) with one line on stderr that says what is wrong, never an OverflowError (exit 4).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine
from sqlalchemy import text

HUGE = "99999999999999999999999"


def test_dates_outside_2000_to_2100_are_a_usage_error_not_an_overflow(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    for args in (
        ("payments", "--since", "0001-01-01"),
        ("payments", "--until", "9999-12-31"),
        ("payments", "--since", "1999-12-31"),
        ("export", "--csv", "out.csv", "--since", "0001-01-01"),
        ("export", "--csv", "out.csv", "--until", "9999-12-31"),
    ):
        result = cli.run(*args)
        assert result.code == 2, (args, result.err)
        line = err_line(result)
        assert "outside 2000-01-01 to 2100-12-31" in line and "OverflowError" not in line, args


def test_whole_numbers_are_bounded_with_a_clear_message(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    for args, says in (
        (("payments", "--limit", HUGE), "outside 1 to 10000"),
        (("payments", "--limit", "0"), "outside 1 to 10000"),
        (("payments", "--limit", "1e3"), "not a whole number from 1 to 10000"),
        (("reconcile", "--resolve", HUGE, "--note", "x"), "outside 1 to 9223372036854775807"),
        (("audit", "verify", "--anchor", "0" * 64, "--count", HUGE), "outside 0 to 9223372036854775807"),
    ):
        result = cli.run(*args)
        assert result.code == 2, (args, result.err)
        assert says in err_line(result), args


def test_dates_and_limit_within_bounds_still_list(cli: Any) -> None:
    cli.add_manager()
    cli.pay("100")
    result = cli.run(
        "payments", "--since", "2000-01-01", "--until", "2100-12-31", "--limit", "10000", "--json"
    )
    assert result.code == 0, result.err
    assert len(result.json()) == 1


def test_amounts_other_than_plain_digits_are_refused_with_an_example(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    for amount, says in (
        ("1e3", "only digits 0-9"),
        ("1e-2", "only digits 0-9"),
        ("1_000", "only digits 0-9"),
        ("+5", "has a sign"),
        ("\uff11\uff10\uff10", "not 0-9 (U+FF11)"),  # full-width 100
        ("\u0661\u0660\u0660", "not 0-9 (U+0661)"),  # Arabic-Indic 100
        ("\u0967\u0966\u0966", "not 0-9 (U+0967)"),  # Devanagari 100
        ("10.005", "more than 2 decimals"),
        ("1 50", "groups of three digits"),
    ):
        result = cli.run("pay", amount, "--json")
        assert result.code == 2, (amount, result.out)
        line = err_line(result)
        assert says in line and "Write it like 1500, 1500.50, 1 500,50" in line, amount
    assert cli.control.get("/sandbox/transactions").json() == []  # nothing reached the gateway


def test_refund_amount_goes_through_the_same_parser(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("1000")
    result = cli.run("refund", invoice, "--amount", "1e2")
    assert result.code == 2 and "only digits 0-9" in err_line(result)
    assert cli.gateway_refunds(invoice) == []


def test_plain_amounts_with_group_spaces_and_either_mark_are_taken(cli: Any) -> None:
    cli.add_manager()
    for typed, shown in (("1 500,50", "1500.50"), ("1\u00a0500", "1500.00"), ("7.5", "7.50")):
        result = cli.run("pay", typed, "--json")
        assert result.code == 0, result.err
        assert result.json()["amount"] == shown


def test_a_description_over_125_bytes_is_refused_not_cut(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    fits = "Т" * 62 + "x"  # 62 Cyrillic letters (2 bytes each) and one Latin: exactly 125 bytes
    assert len(fits.encode()) == 125
    taken = cli.run("pay", "100", "--description", fits, "--json")
    assert taken.code == 0, taken.err
    invoice = str(taken.json()["invoice_id"])
    assert cli.run("show", invoice, "--json").json()["description"] == fits  # whole, not cut
    too_long = cli.run("pay", "100", "--description", fits + "я", "--json")
    assert too_long.code == 2
    line = err_line(too_long)
    assert "127 bytes" in line and "at most 125" in line and "nothing was cut" in line


def test_refund_reason_with_control_characters_is_refused_before_sending(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("1000")
    for reason, says in (
        ("broken\x1b[2J\x07", "control character (U+001B) at position 7"),
        ("ok\u202etxt.exe", "text-direction character (U+202E) at position 3"),
        ("line\nbreak", "control character (U+000A)"),
        ("x" * 201, "201 characters, at most 200"),
    ):
        result = cli.run("refund", invoice, "--amount", "100", "--reason", reason)
        assert result.code == 2, reason
        assert says in err_line(result), reason
    assert cli.gateway_refunds(invoice) == []


def test_show_escapes_control_characters_already_stored(cli: Any) -> None:
    """A reason stored before the rule (an old database) is printed with visible escapes, never raw."""
    cli.add_manager()
    invoice = cli.pay("1000")
    assert cli.run("status", invoice).code == 0  # the console learns it is paid
    assert cli.run("refund", invoice, "--amount", "100", "--reason", "damaged").code == 0
    engine = create_engine(f"sqlite:///{cli.home / 'epay-desktop.db'}")
    with engine.begin() as db:
        db.execute(text("UPDATE money_ops SET reason = :r"), {"r": "bad\x1b]0;pwned\x07\u202eevil\x9b"})
        db.execute(text("UPDATE payments SET description = :d"), {"d": "cake\x1b[31m"})
    engine.dispose()
    for args in (("show", invoice), ("show", invoice, "--json"), ("payments",), ("payments", "--json")):
        result = cli.run(*args)
        assert result.code == 0, result.err
        raw = [ch for ch in result.out if (ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F]
        assert raw == [] and "\u202e" not in result.out, args
    shown = cli.run("show", invoice).out
    assert "bad\\x1b]0;pwned\\x07\\u202eevil\\x9b" in shown and "cake\\x1b[31m" in shown
    assert "bad\\u001b]0;pwned\\u0007\\u202eevil\\u009b" in cli.run("show", invoice, "--json").out


def test_a_user_name_with_a_cyrillic_look_alike_is_refused(cli: Any, err_line: Any) -> None:
    cli.add_manager()  # "boss"
    new = {"EPAY_NEW_PASSWORD": "another-pass-1"}
    look_alike = cli.run("user", "add", "b\u043ess", "--role", "cashier", **new)  # Cyrillic о
    assert look_alike.code == 1
    assert "looks like the existing user 'boss'" in err_line(look_alike)
    full_width = cli.run("user", "add", "\uff42\uff4f\uff53\uff53", "--role", "cashier", **new)  # NFKC: boss
    assert full_width.code == 1 and "A user named 'boss' already exists" in err_line(full_width)
    hidden = cli.run("user", "add", "an\u202ena", "--role", "cashier", **new)
    assert hidden.code == 1 and "control or invisible" in err_line(hidden)
    for name in ("Әлия", "Алия"):  # Kazakh names that differ by a letter that does not look alike: accepted
        result = cli.run("user", "add", name, "--role", "cashier", **new)
        assert result.code == 0, result.err
    names = {u["name"] for u in cli.run("user", "list", "--json").json()}
    assert names == {"boss", "Әлия", "Алия"}
