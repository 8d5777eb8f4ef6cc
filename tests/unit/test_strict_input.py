"""Issue 11 part 4 in the domain: the typed-amount parser, the free-text check, the escapes for output,
the date and number bounds (decisions 0072-0074), and the look-alike user names (services)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from epay_desktop.domain import MAX_MINOR
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyError
from epay_desktop.domain.bounds import BoundsError
from epay_desktop.domain.bounds import parse_date_text
from epay_desktop.domain.bounds import parse_whole_number
from epay_desktop.domain.money import parse_amount_text
from epay_desktop.domain.text import FIELD_REASON
from epay_desktop.domain.text import TextError
from epay_desktop.domain.text import check_text
from epay_desktop.domain.text import visible
from epay_desktop.services.people.look_alike_names import confusable

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("typed", "minor"),
    [
        ("1500", 150_000),
        ("1500.5", 150_050),
        ("1500,50", 150_050),
        ("1 500,50", 150_050),
        (f"1{NBSP}500", 150_000),  # Qt's kk/ru locale
        (f"1{NNBSP}234{NNBSP}567,89{NBSP}₸", 123_456_789),  # as Money.format() writes it
        (" 7 ", 700),
        (",5", 50),
        ("1,", 100),
        ("0", 0),
        ("007", 700),
    ],
)
def test_typed_amounts_taken(typed: str, minor: int) -> None:
    assert parse_amount_text(typed) == minor
    assert Money.from_text(typed) == Money(minor)


@pytest.mark.parametrize(
    "typed",
    ["1e3", "1e-2", "1E3", "1_000", "+5", "-5", "１２３", "١٢٣", "१२३", "²", "1.2.3", "1,2.3", "10.005",
     "1 50", "1500 000", "1 ,5", "", " ", "nan", "inf", "0x10", "1 500 KZT", "₸", "9" * 16, "1\t500",
     "1\u2009500"],
)  # fmt: skip
def test_typed_amounts_refused_with_an_example(typed: str) -> None:
    with pytest.raises(MoneyError) as caught:
        parse_amount_text(typed)
    assert "Write it like 1500, 1500.50, 1 500,50" in caught.value.user_message
    assert caught.value.message is not None and caught.value.message.context == "money"


def test_the_machine_parser_still_reads_the_gateways_decimals() -> None:
    """The gateway's JSON may say 1e2 or 12.220: that parser is not the one for people (decision 0072)."""
    assert Money.parse("1e2").minor == 10_000 and Money.parse("12.220").minor == 1_222
    with pytest.raises(MoneyError):
        Money.from_text("1e2")


@given(st.integers(min_value=0, max_value=MAX_MINOR))
def test_what_the_console_prints_it_reads_back(minor: int) -> None:
    money = Money(minor)
    assert parse_amount_text(money.format()) == minor
    assert parse_amount_text(money.plain()) == minor


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("a\x1bb", "control character (U+001B) at position 2"),
        ("\x07", "control character (U+0007) at position 1"),
        ("tab\there", "control character (U+0009)"),
        ("c1\x9b", "control character (U+009B)"),
        ("del\x7f", "control character (U+007F)"),
        ("x\u202ey", "text-direction character (U+202E)"),
        ("x\u2066y", "text-direction character (U+2066)"),
        ("x\u200fy", "text-direction character (U+200F)"),
        ("x\u061cy", "text-direction character (U+061C)"),
        ("x\u2028y", "control character (U+2028)"),
    ],
)
def test_control_and_bidi_characters_are_refused(text: str, says: str) -> None:
    with pytest.raises(TextError, match=r"The reason contains") as caught:
        check_text(text, FIELD_REASON)
    assert says in caught.value.user_message


def test_lengths_are_refused_never_cut() -> None:
    assert check_text("Т" * 62 + "x", FIELD_REASON, max_chars=None, max_bytes=125) == "Т" * 62 + "x"
    with pytest.raises(TextError, match="127 bytes, the bank takes at most 125"):
        check_text("Т" * 63 + "x", FIELD_REASON, max_chars=None, max_bytes=125)
    with pytest.raises(TextError, match="201 characters, at most 200"):
        check_text("x" * 201, FIELD_REASON)
    assert check_text("Қайтарым: тауар ақаулы 😀", FIELD_REASON) == "Қайтарым: тауар ақаулы 😀"


def test_visible_escapes_what_would_drive_a_terminal() -> None:
    assert visible("a\x1b[31mb\x07\u202ec\x9b\nd") == "a\\x1b[31mb\\x07\\u202ec\\x9b\\x0ad"
    assert visible("Торт №1 \\ ok") == "Торт №1 \\ ok"


def test_dates_and_whole_numbers_within_bounds() -> None:
    assert parse_date_text(" 2000-01-01 ") == date(2000, 1, 1)
    assert parse_date_text("2100-12-31") == date(2100, 12, 31)
    for text in ("0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01"):
        with pytest.raises(BoundsError, match="outside 2000-01-01 to 2100-12-31"):
            parse_date_text(text)
    for text in ("20240531", "2024-W22-5", "２０２４-05-31", "2024-02-30", ""):
        with pytest.raises(BoundsError, match="is not a date"):
            parse_date_text(text)
    assert parse_whole_number("10000", 1, 10_000) == 10_000
    with pytest.raises(BoundsError, match="outside 1 to 10000"):
        parse_whole_number("9" * 25, 1, 10_000)
    for text in ("9" * 26, "1e3", "-1", "１", ""):
        with pytest.raises(BoundsError, match="not a whole number from 1 to 10000"):
            parse_whole_number(text, 1, 10_000)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("boss", "b\u043ess"),
        ("boss", "B\u041eSS"),
        ("anna", "\u0430nn\u0430"),
        ("boss", "ｂｏｓｓ"),
        ("Данияр", "Д\u0061нияр"),
    ],
)
def test_look_alike_names_are_confusable(a: str, b: str) -> None:
    assert confusable(a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("Әлия", "Алия"), ("Данияр", "Айгерим"), ("boss", "bos"), ("Мария", "Марья")]
)
def test_different_names_are_not(a: str, b: str) -> None:
    assert not confusable(a, b)
