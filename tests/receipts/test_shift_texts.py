"""The shift reports' words (decision 0114): every label in Kazakh, Russian and English with the same
placeholders, every sentence a report can carry (a Note key the services make) worded in Kazakh and
Russian, and a note without a known key (from an older report) printed as it was written."""

from __future__ import annotations

import re
import string
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import Note
from epay_desktop.domain.shifts import Shift
from epay_desktop.domain.shifts import chain_note
from epay_desktop.domain.shifts import overdue_warning
from epay_desktop.receipts.shift_texts import DIFFERENCE_LABELS
from epay_desktop.receipts.shift_texts import FIGURE_LABELS
from epay_desktop.receipts.shift_texts import MISMATCH_LABELS
from epay_desktop.receipts.shift_texts import NOTES
from epay_desktop.receipts.shift_texts import OPERATION_WORDS
from epay_desktop.receipts.shift_texts import SHIFT_LABELS
from epay_desktop.receipts.shift_texts import note_text
from epay_desktop.receipts.shift_texts import shift_label

SOURCES = Path(__file__).resolve().parents[2] / "epay_desktop"
KAZAKH = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize(
    "table",
    [SHIFT_LABELS, FIGURE_LABELS, DIFFERENCE_LABELS, MISMATCH_LABELS, OPERATION_WORDS],
    ids=["labels", "figures", "diff", "fiscal", "operations"],
)
def test_every_label_has_three_languages_with_the_same_placeholders(table) -> None:
    for key, words in table.items():
        assert set(words) == set(ReceiptLanguage), key
        assert all(w.strip() for w in words.values()), key
        assert len({frozenset(_fields(w)) for w in words.values()}) == 1, key


def test_every_figure_kind_and_the_net_are_named() -> None:
    assert set(FIGURE_LABELS) == {*FigureKind, "net"}
    assert [FIGURE_LABELS[kind][ReceiptLanguage.KK] for kind in FigureKind][:2] == [
        "Сатулар",
        "Бұғатталғандар",
    ]


def test_the_kazakh_words_use_kazakh_letters_where_the_russian_ones_would_be_wrong() -> None:
    kazakh = [words[ReceiptLanguage.KK] for words in (*SHIFT_LABELS.values(), *NOTES.values())]
    assert sum(1 for text in kazakh if KAZAKH & set(text)) >= len(kazakh) // 2
    assert shift_label("checked_of", ReceiptLanguage.KK, checked=4, total=6) == "6 ішінен 4"


def test_every_note_key_the_console_makes_is_worded_in_kazakh_and_russian() -> None:
    made = set()
    for path in SOURCES.rglob("*.py"):
        made |= set(re.findall(r'Note\.of\(\s*"(\w+)"', path.read_text(encoding="utf-8")))
    made |= {"overdue", "chain_broken"}  # overdue_warning and chain_note build theirs directly
    assert made == set(NOTES)
    for key, words in NOTES.items():
        assert set(words) == {ReceiptLanguage.KK, ReceiptLanguage.RU}, key


def test_notes_are_worded_in_the_language_and_english_is_their_own_text() -> None:
    opened = datetime(2026, 3, 1, 4, 0, tzinfo=UTC)
    shift = Shift(1, "till-1", 3, opened, 1, None, None, None)
    overdue = overdue_warning(shift, opened + timedelta(hours=30), timedelta(hours=24))
    assert overdue is not None and overdue.key == "overdue"
    assert (
        note_text(overdue, ReceiptLanguage.EN)
        == str(overdue)
        == ("Shift till-1/3 has been open for 30 hours: close it with a Z report.")
    )
    assert note_text(overdue, ReceiptLanguage.RU) == "Смена till-1/3 открыта уже 30 ч: закройте её Z-отчётом."
    assert (
        note_text(overdue, ReceiptLanguage.KK)
        == "till-1/3 ауысымы 30 сағат бойы ашық: оны Z-есеппен жабыңыз."
    )
    broken = chain_note("entry 7 was changed after it was written", 7)
    assert note_text(broken, ReceiptLanguage.EN) == "entry 7 was changed after it was written"
    assert (
        note_text(broken, ReceiptLanguage.KK)
        == "Журнал 7 жазбасында бүлінген: әкімшіге хабарлаңыз (audit verify)"
    )


def test_a_note_without_a_known_key_or_with_other_values_is_printed_as_written() -> None:
    old = Note("payment 1: taken during the bank check; check it with the bank")  # an older report's
    assert note_text(old, ReceiptLanguage.KK) == str(old)
    odd = Note("payment 1: not checked", "not_checked", {"payment": "1"})  # values of another version
    assert note_text(odd, ReceiptLanguage.RU) == "payment 1: not checked"
