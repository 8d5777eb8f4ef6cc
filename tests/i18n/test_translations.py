"""Proof that the shipped translations are complete and safe (issue 9, point 4).

For each ``resources/i18n/epay_desktop_<lang>.ts``: no unfinished or empty translation; the
``{name}`` ``str.format`` fields and the ``%n``/``%1`` placeholders of every translation equal its
source's (a missing ``{amount}`` would drop the money from a sentence, an extra one would fail to
format); the compiled ``.qm`` next to it is exactly what ``pyside6-lrelease`` makes of the ``.ts``
today (no stale ``.qm``); and every string that ``pyside6-lupdate`` plus ``scripts/i18n_sources.py``
find in ``epay_desktop/`` is in the ``.ts`` (a new ``tr()`` string without a translation fails).
"""

from __future__ import annotations

import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from epay_desktop.resources import translations_dir

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("kk", "ru")  # English is the source language: no catalogue
_GONE = {"vanished", "obsolete"}  # lupdate keeps removed sources under these types
_PERCENT = re.compile(r"%L?(?:n|\d)")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or the numerus forms
    kind: str  # the translation's type attribute ("" when finished)
    numerus: bool
    line: str  # where lupdate saw it, for the failure message


def _ts(lang: str) -> Path:
    return translations_dir() / f"epay_desktop_{lang}.ts"


def _entries(path: Path) -> list[Entry]:
    root = ET.parse(path).getroot()  # noqa: S314  (our own file)
    found: list[Entry] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in _GONE:
                continue
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
            elif numerus:
                texts = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            location = message.find("location")
            line = f"{location.get('filename')}:{location.get('line')}" if location is not None else "?"
            found.append(Entry(name, message.findtext("source") or "", texts, kind, numerus, line))
    return found


def _fields(text: str) -> Counter[str]:
    """The ``str.format`` field names and the Qt ``%`` placeholders of ``text``."""
    names: Counter[str] = Counter()
    try:
        for _literal, field, _spec, _conversion in string.Formatter().parse(text):
            if field is not None:
                names["{" + field + "}"] += 1
    except ValueError:
        names["<broken braces>"] += 1
    for match in _PERCENT.findall(text):
        names[match.replace("L", "")] += 1
    return names


def _describe(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_unfinished_or_empty_translation(lang: str) -> None:
    entries = _entries(_ts(lang))
    assert entries, f"{_ts(lang).name} has no messages"
    problems = [
        f"{e.line} [{e.context}] {e.source!r}: {e.kind or 'empty'}"
        for e in entries
        if e.kind == "unfinished" or not e.translations or not all(t.strip() for t in e.translations)
    ]
    assert not problems, _describe(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_equal_the_sources(lang: str) -> None:
    problems = []
    for e in _entries(_ts(lang)):
        expected = _fields(e.source)
        for text in e.translations:
            if not text.strip():
                continue  # reported by the test above
            got = _fields(text)
            if got != expected:  # every numerus form too: "%n" in each, as the source has it
                problems.append(
                    f"{e.line} [{e.context}] {e.source!r} -> {text!r}: {dict(got)} != {dict(expected)}"
                )
    assert not problems, _describe(problems)


#: Latin-letter words a Kazakh or Russian text may carry as they are: names (of the bank, the product, other
#: software), abbreviations a cashier reads in Latin letters (PIN, RRN, ID, PDF, CSV), the ePay cabinet's own
#: field name "Client ID", keys on the keyboard, and the gateway's page-language codes. Everything else in
#: Latin letters is English left in a translation (seen: "sandbox шлюзі" on the Kazakh login screen, where
#: GLOSSARY.md says "оқу ортасы").
_LATIN_ALLOWED = {
    # names: the bank, the product, software the texts mention
    *["ePay", "EPAYMENT", "epayment", "homebank", "Halyk", "Bank", "Desktop", "Client", "Qt", "PySide6"],
    *["Python", "SQLite", "PostgreSQL", "WAL", "GNOME", "Keyring", "KWallet", "Windows", "Credential"],
    *["Manager", "macOS", "Keychain", "Secure"],
    # abbreviations read in Latin letters, keys, paper sizes, the page-language codes
    *["PIN", "ID", "UUID", "RRN", "PDF", "pdf", "CSV", "csv", "URL", "API", "UTC", "KZT", "AUTH", "A4"],
    "txt",
    *["Enter", "Esc", "Ctrl", "E-mail", "e-mail", "rus", "kaz", "eng", "kk", "ru", "en", "kz"],
    # environment variables and system words in the set-up messages
    *["DATABASE", "CLIENT", "SECRET", "MANAGER", "DISPLAY", "WAYLAND", "QT", "QPA", "PLATFORM", "offscreen"],
    *["xcb", "root"],
    # receipt printers and shifts: connections, the Kazakh code page, a tool, the X and Z reports
    *["TCP", "USB", "COM", "COM3", "CUPS", "raw", "IP", "KZ-1048", "lsusb", "X", "Z"],
}
#: What is not a word of the text: format fields, placeholders, entities, addresses, paths, commands, ids,
#: function keys, Ctrl(+Shift)+letter keys and "3-D Secure".
_NOT_WORDS = re.compile(
    r"\{[a-z_]+\}|%L?\w|&\w+;|https?://\S*|\S+@\S+|\S*/\S+|\S+\.(?:md|sh)\b|(?<![^\s(])--?[a-z][\w-]*"
    r"|\b(?:apt-get|chmod|epay-desktop|approved-by)\b|\b[0-9a-f]{8}-[0-9a-f-]{27}\b"
    r"|\b(?:Ctrl\+)?F\d{0,2}\b|\bCtrl\+(?:Shift\+)?[A-Z]\b|\b3-D\b"
    r"|\b(?:printer (?:add|default NAME)|shift (?:open|x)|fiscal (?:register-here|status|x|z))\b"
    r"|\b(?:network|usb|cups|file):\S+"
)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*[A-Za-z0-9]|[A-Za-z]")


def _latin_words(text: str) -> set[str]:
    return {w for w in _LATIN_WORD.findall(_NOT_WORDS.sub(" ", text)) if w not in _LATIN_ALLOWED}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_english_word_is_left_in_a_translation(lang: str) -> None:
    problems = [
        f"{e.line}: {e.context} | {e.source!r} -> {t!r}: {sorted(words)}"
        for e in _entries(_ts(lang))
        for t in e.translations
        if (words := _latin_words(t))
    ]
    assert not problems, _describe(problems)


def test_the_english_word_check_sees_one() -> None:
    assert _latin_words("Демо режимі: sandbox шлюзі, нақты ақша жоқ.") == {"sandbox"}
    assert not _latin_words("PIN-кодты енгізіңіз: {name}, https://epay.kz/a, scripts/demo.sh (F2, Ctrl+F)")
    assert not _latin_words("UUID: 67e34d63-102f-4bd1-898e-370781d0074d, 3-D Secure, E-mail")
    assert _latin_words("Нажмите Refund или --lang") == {"Refund"}


def _tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    assert path.exists(), f"{name} comes with PySide6 in the dev environment"
    return str(path)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_qm_is_compiled_from_the_ts_as_it_is_now(lang: str, tmp_path: Path) -> None:
    shipped = translations_dir() / f"epay_desktop_{lang}.qm"
    assert shipped.is_file(), f"{shipped.name} is missing: run pyside6-lrelease {_ts(lang)}"
    fresh = tmp_path / shipped.name
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(_ts(lang)), "-qm", str(fresh)], check=True)
    same = fresh.read_bytes() == shipped.read_bytes()
    assert same, (
        f"{shipped.name} is not the compiled {_ts(lang).name}: run pyside6-lrelease {_ts(lang)} -qm {shipped}"
    )


@pytest.fixture(scope="module")
def source_strings(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """(context, source) of every translatable string in epay_desktop/ today, found the way the
    translators' files are made: pyside6-lupdate, then scripts/i18n_sources.py's own scan."""
    ts = tmp_path_factory.mktemp("lupdate") / "all.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1"></TS>\n')
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n_sources.py"), str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    found = {(e.context, e.source) for e in _entries(ts)}
    assert len(found) > 300, "the scan found suspiciously few strings"
    return found


@pytest.mark.xdist_group("i18n-source-strings")  # one worker scans the sources once (module fixture)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_source_string_is_in_the_ts(lang: str, source_strings: set[tuple[str, str]]) -> None:
    present = {(e.context, e.source) for e in _entries(_ts(lang))}
    missing = sorted(source_strings - present)
    assert not missing, (
        f"{len(missing)} string(s) of epay_desktop/ are not in {_ts(lang).name} "
        f"(run: python scripts/i18n_sources.py {_ts(lang)}, then translate):\n"
        + "\n".join(f"[{c}] {s!r}" for c, s in missing[:40])
    )


def test_the_field_check_sees_a_dropped_field() -> None:
    """The placeholder comparison itself: a dropped ``{amount}`` or ``%1`` is a difference."""
    assert _fields("Refund {amount} of {invoice}?") != _fields("Возврат {invoice}?")
    assert _fields("%n payment(s)") == _fields("%n платежей")
    assert _fields("Pay with a saved card (%1)…") != _fields("Оплатить сохранённой картой…")
    assert _fields("{name}, enter your PIN") == _fields("{name}, введите PIN")
