"""Word tables kept as data: JSON files of texts per key and language, checked as they are read.

The customer-facing words of the receipts, the X/Z reports and the bank's decline codes exist in
Kazakh, Russian and English whatever the translators' files hold, so they are data shipped inside the
package beside the module that uses them (``receipts/receipt_words.json``, ``receipts/shift_words.json``,
``receipts/shift_notes.json``, ``domain/decline_texts.json``; decision 0162). A file is one JSON object
of tables; a table maps a key to its texts, one per language::

    {"labels": {"sale": {"kk": "САТУ", "ru": "ПРОДАЖА", "en": "SALE"}, ...}, ...}

An entry may instead be the name of a sentence in the file's ``"sentences"`` table, where several keys
share the same words (the decline codes that say "call your bank").

:func:`load_word_tables` refuses a file a person could have broken by editing it, naming the file and
the key: not JSON, a key given twice, a language missing or unknown, an empty text, a ``{placeholder}``
that is not the same in every language (or not well formed), a sentence name that is not in
``"sentences"``. Its modules read their file once, at import, so a broken edit fails every test that
imports them, never leaves a blank on a receipt.
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable
from collections.abc import Sequence
from importlib.resources.abc import Traversable
from typing import Final
from typing import TypeVar

__all__ = ["LANGUAGES", "SENTENCES", "WordTableError", "load_word_tables"]

#: The languages every text has unless a file says otherwise: Kazakh, Russian, English.
LANGUAGES: Final = ("kk", "ru", "en")
#: The table whose sentences other entries may name instead of repeating them.
SENTENCES: Final = "sentences"

L = TypeVar("L", bound=str)


class WordTableError(ValueError):
    """A word table file that cannot be used as it is; the message names the file and the key."""


def load_word_tables(
    source: Traversable,
    language: Callable[[str], L],
    *,
    languages: Sequence[str] = LANGUAGES,
) -> dict[str, dict[str, dict[L, str]]]:
    """The tables of the JSON file ``source``: table name -> key -> language -> text, in the file's
    order, each entry's languages in ``languages`` order and made with ``language`` (``str``, or an
    enum such as ``ReceiptLanguage``). Sentence names are resolved. :class:`WordTableError` if the
    file breaks a rule (see the module's docstring)."""
    where = str(source)
    try:
        data = json.loads(source.read_text(encoding="utf-8"), object_pairs_hook=_no_repeated_keys)
    except (OSError, UnicodeDecodeError) as exc:
        raise WordTableError(f"{where}: cannot be read ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise WordTableError(
            f"{where}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except _RepeatedKey as exc:
        raise WordTableError(f"{where}: the key {exc} is given twice in one object") from exc
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        raise WordTableError(f"{where}: must be one object of tables, each an object of keys")
    sentences = {
        key: _texts(where, f"{SENTENCES}.{key}", entry, languages)
        for key, entry in data.get(SENTENCES, {}).items()
    }
    tables: dict[str, dict[str, dict[L, str]]] = {}
    for name, table in data.items():
        rows: dict[str, dict[L, str]] = {}
        for key, entry in table.items():
            if name == SENTENCES:
                texts = sentences[key]
            elif isinstance(entry, str):
                texts = _named_sentence(where, f"{name}.{key}", entry, sentences)
            else:
                texts = _texts(where, f"{name}.{key}", entry, languages)
            rows[key] = {language(lang): texts[lang] for lang in languages}
        tables[name] = rows
    return tables


def _texts(where: str, key: str, entry: object, languages: Sequence[str]) -> dict[str, str]:
    """``entry`` checked as one text per language of ``languages``."""
    if not isinstance(entry, dict):
        raise WordTableError(
            f"{where}: {key}: must be an object of texts by language ({', '.join(languages)})"
        )
    missing = [lang for lang in languages if lang not in entry]
    if missing:
        raise WordTableError(f"{where}: {key}: has no {'/'.join(missing)} text")
    unknown = sorted(set(entry) - set(languages))
    if unknown:
        raise WordTableError(
            f"{where}: {key}: has texts in {', '.join(unknown)}, expected {', '.join(languages)}"
        )
    fields: dict[str, frozenset[str]] = {}
    for lang in languages:
        text = entry[lang]
        if not isinstance(text, str) or not text.strip():
            raise WordTableError(f"{where}: {key}: the {lang} text is empty")
        try:
            fields[lang] = frozenset(
                name for _, name, _, _ in string.Formatter().parse(text) if name is not None
            )
        except ValueError as exc:
            raise WordTableError(
                f"{where}: {key}: the {lang} text has a malformed placeholder ({exc})"
            ) from exc
    if len(set(fields.values())) > 1:
        found = "; ".join(f"{lang} {_listed(names)}" for lang, names in fields.items())
        raise WordTableError(f"{where}: {key}: the placeholders differ between the languages ({found})")
    return dict(entry)


def _named_sentence(where: str, key: str, name: str, sentences: dict[str, dict[str, str]]) -> dict[str, str]:
    """The sentence ``name`` an entry refers to instead of giving its own texts."""
    if name not in sentences:
        raise WordTableError(
            f"{where}: {key}: names the sentence {name!r}, which {SENTENCES!r} does not have"
        )
    return sentences[name]


def _listed(fields: frozenset[str]) -> str:
    """``{a} {b}``, or ``no placeholder``."""
    return " ".join("{" + name + "}" for name in sorted(fields)) or "no placeholder"


class _RepeatedKey(Exception):
    pass


def _no_repeated_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: dict[str, object] = {}
    for key, value in pairs:
        if key in seen:
            raise _RepeatedKey(repr(key))
        seen[key] = value
    return seen
