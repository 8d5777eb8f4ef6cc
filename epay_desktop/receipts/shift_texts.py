"""The X and Z reports' words in Kazakh, Russian and English (decision 0114).

The words live beside this module as data (decision 0162), read once at import and checked as the
receipts' labels are (:mod:`~epay_desktop.receipts.texts`; the loader is
:func:`~epay_desktop.domain.word_tables.load_word_tables`): ``shift_words.json`` holds
:data:`SHIFT_LABELS` and every other table here under its name in lower case, each key in all three
languages with the same ``{placeholders}``; ``shift_notes.json`` holds :data:`NOTES` in Kazakh and
Russian. A missing translation is a test failure and not a blank on paper, and a report is worded
in the language asked for whatever the console's own language is (a Kazakh report printed from a
Russian console). Terms follow resources/i18n/GLOSSARY.md (ауысым / смена, X-есеп / X-отчёт,
бақылау белгісі / контрольная метка).

:data:`NOTES` words the report's :class:`~epay_desktop.domain.shifts.Note` sentences by their key;
English is the note's own text (what the services wrote, the same words the logs carry), so the
notes file has no English.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.shifts import Note
from epay_desktop.domain.word_tables import load_word_tables

__all__ = [
    "DIFFERENCE_LABELS",
    "FIGURE_LABELS",
    "MISMATCH_LABELS",
    "NOTES",
    "OPERATION_WORDS",
    "SHIFT_LABELS",
    "STATUS_WORDS",
    "note_text",
    "shift_label",
]

_WORDS: Final = files(__package__)
_TABLES: Final = load_word_tables(_WORDS / "shift_words.json", ReceiptLanguage)

#: The report's headings and line names by key (:func:`shift_label`).
SHIFT_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = _TABLES["shift_labels"]

#: What a report counts (:class:`~epay_desktop.domain.shifts.FigureKind` values) and the net, as the
#: report names them.
FIGURE_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = _TABLES["figure_labels"]

#: What a difference is about (``BankDifference.what``: the check's own and the books' kinds).
DIFFERENCE_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = _TABLES["difference_labels"]

#: What the three-way check found wrong with a receipt (``FiscalMismatch.kind``, decision 0126).
MISMATCH_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = _TABLES["mismatch_labels"]

#: A receipt's operation (``FiscalMismatch.operation``), and a money operation's kind (``OpKind`` value:
#: ``OutsideOperation.kind``, decision 0145).
OPERATION_WORDS: Final[dict[str, dict[ReceiptLanguage, str]]] = _TABLES["operation_words"]

#: Statuses a bank difference may show that the receipts' words (``receipts.texts.STATUS_LABELS``) do
#: not name, worded as the console's status badges (decision 0118: a sale the console called expired).
STATUS_WORDS: Final[dict[str, dict[ReceiptLanguage, str]]] = _TABLES["status_words"]

#: The report's sentences by :class:`Note` key (``{placeholders}``: the note's values), in Kazakh and
#: Russian; English is the note's own text.
NOTES: Final[dict[str, dict[ReceiptLanguage, str]]] = load_word_tables(
    _WORDS / "shift_notes.json", ReceiptLanguage, languages=(ReceiptLanguage.KK, ReceiptLanguage.RU)
)["notes"]


def shift_label(key: str, language: ReceiptLanguage, **values: object) -> str:
    """The label ``key`` in ``language``, with ``{placeholders}`` filled. ``KeyError`` if unknown."""
    text = SHIFT_LABELS[key][language]
    return text.format(**values) if values else text


def note_text(note: Note, language: ReceiptLanguage) -> str:
    """``note`` in ``language``: its key's wording with its values; English, and a note without a
    known key (kept by an older version), as written."""
    wording = NOTES.get(note.key, {}).get(language)
    if wording is None:
        return str(note)
    try:
        return wording.format(**note.values)
    except (KeyError, IndexError, ValueError):  # values of another version: the words as written
        return str(note)
