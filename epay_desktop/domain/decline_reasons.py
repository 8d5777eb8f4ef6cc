"""The bank's decline codes (``reasonCode``) in plain words, in English, Russian and Kazakh.

Source of the codes: the bank's own SDK (``halyk/EpaySDK``, ``Localizable.strings``), summarised
in epay-api.md section 15: 455-498, 505, 703, 1612, 1636, 1654, 1759 and 2092 (474 is not in the
SDK's list; it gets the general "declined by the card's bank" sentence), plus 499 from another
public integration. Each sentence is short, for a cashier who reads it to the customer, and says
what to do next. A code that is not listed falls back to "Declined by the bank (code N)." in the
same language, so nothing the bank sends is hidden.

The sentences live in ``decline_texts.json`` beside this module (decision 0162), not in Qt
translations, because the customer-facing words must exist in all three languages even before the
translators' files do, and because domain code is standard library only. The file's ``codes`` table
gives each code its sentence in every language, or the name of a sentence in its ``sentences`` table
where codes share one (``bank_down``: 458, 459, 497; ``call_bank``; ``restricted``; ``no_card``;
``expired``; ``lost``); ``general`` holds the words for a code that is not listed. It is read once at
import and checked by :func:`~epay_desktop.domain.word_tables.load_word_tables` (every language, no
empty text, the same ``{placeholders}``). Screens pick the language (ui/common/labels.py);
:func:`decline_message` is pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from typing import Final

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.word_tables import WordTableError
from epay_desktop.domain.word_tables import load_word_tables

__all__ = [
    "ATTEMPTS_EXHAUSTED_CODES",
    "DECLINE_TEXTS",
    "LANGUAGES",
    "PUBLISHED_CODES",
    "attempts_exhausted",
    "decline_message",
    "language_of",
    "unknown_status_message",
]

#: Languages with decline texts; the first is the fallback.
LANGUAGES: Final = ("en", "ru", "kk")

#: ``reasonCode`` 505, "You have exceeded the number of 3 transactions": the invoice has no card
#: attempts left; the customer can only pay on a new invoice.
ATTEMPTS_EXHAUSTED_CODES: Final = frozenset({505})

#: Every code the bank's SDK publishes (epay-api.md section 15), and 499.
PUBLISHED_CODES: Final = frozenset({*range(455, 499), 499, 505, 703, 1612, 1636, 1654, 1759, 2092})


def attempts_exhausted(code: int | None) -> bool:
    """The decline says this invoice can no longer be paid (all card attempts used)."""
    return code in ATTEMPTS_EXHAUSTED_CODES


_SOURCE: Final = files(__package__) / "decline_texts.json"
_TABLES: Final = load_word_tables(_SOURCE, str, languages=LANGUAGES)


def _by_code(codes: Mapping[str, Mapping[str, str]]) -> dict[str, dict[int, str]]:
    """The ``codes`` table turned round: language -> code -> sentence (a code that is not a whole
    number is refused as the loader refuses a broken entry)."""
    texts: dict[str, dict[int, str]] = {lang: {} for lang in LANGUAGES}
    for code, sentence in codes.items():
        if not code.isdigit():
            raise WordTableError(f"{_SOURCE}: codes.{code}: a decline code is a whole number")
        for lang in LANGUAGES:
            texts[lang][int(code)] = sentence[lang]
    return texts


#: Decline sentence per language and code.
DECLINE_TEXTS: Final[Mapping[str, Mapping[int, str]]] = _by_code(_TABLES["codes"])

#: The sentences for a decline without a listed code, per language.
_GENERIC: Final[Mapping[str, Mapping[str, str]]] = {
    lang: {key: words[lang] for key, words in _TABLES["general"].items()} for lang in LANGUAGES
}


def language_of(tag: str | None) -> str:
    """``en``/``ru``/``kk`` from a language tag (``ru-KZ``, ``kk_KZ``, ``KZ``, ``rus``); else ``en``."""
    code = (tag or "").strip().lower().replace("_", "-").split("-")[0]
    if code in ("ru", "rus"):
        return "ru"
    if code in ("kk", "kz", "kaz"):
        return "kk"
    return "en"


def decline_message(
    code: int | None,
    language: str = "en",
    *,
    code_text: str | None = None,
    three_ds: bool = False,
    bank_text: str | None = None,
) -> str:
    """Why a payment was declined, in ``language``'s words. Pure.

    A listed ``code`` gives its sentence. Otherwise: ``three_ds`` (the 3-D Secure step did not
    finish) gives that sentence; else "Declined by the bank (code N)." with the integer code or,
    when the bank sent a code that is not a number, its raw ``code_text``; the bank's own
    ``bank_text`` is added only to these general sentences, where it is the one hint there is.
    """
    lang = language if language in DECLINE_TEXTS else "en"
    listed = DECLINE_TEXTS[lang].get(code) if code is not None else None
    if listed is not None:
        return listed
    words = _GENERIC[lang]
    shown = str(code) if code else (code_text or "").strip()
    if three_ds and not shown:
        return words["three_ds"]
    text = words["code"].format(code=shown) if shown else words["plain"]
    if bank_text and bank_text.strip():
        text += " " + words["says"].format(text=bank_text.strip())
    return text


def unknown_status_message(name: str) -> Message:
    """Plain words for a ``statusName`` this console does not know (decision 0034), translatable."""
    return msg(
        "BankValues",
        QT_TRANSLATE_NOOP(
            "BankValues",
            "The bank sent a status this console does not know ({name}). The console keeps checking "
            "the payment; until it is clear, look it up in the bank's merchant cabinet before giving "
            "goods or money back.",
        ),
        name=name,
    )
