"""The bank's published decline codes in plain words, in English, Russian and Kazakh."""

from __future__ import annotations

import re

import pytest

from epay_desktop.domain.decline_reasons import ATTEMPTS_EXHAUSTED_CODES
from epay_desktop.domain.decline_reasons import DECLINE_TEXTS
from epay_desktop.domain.decline_reasons import LANGUAGES
from epay_desktop.domain.decline_reasons import PUBLISHED_CODES
from epay_desktop.domain.decline_reasons import attempts_exhausted
from epay_desktop.domain.decline_reasons import decline_message
from epay_desktop.domain.decline_reasons import language_of
from epay_desktop.domain.decline_reasons import unknown_status_message

#: epay-api.md section 15 (the bank's SDK): 455-498, 505, 703, 1612, 1636, 1654, 1759, 2092.
SDK_CODES = [*range(455, 499), 505, 703, 1612, 1636, 1654, 1759, 2092]
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def test_every_published_code_is_listed():
    assert set(SDK_CODES) <= PUBLISHED_CODES
    assert set(DECLINE_TEXTS["en"]) == PUBLISHED_CODES


@pytest.mark.parametrize("code", SDK_CODES)
def test_every_published_code_has_words_in_every_language(code):
    texts = {lang: DECLINE_TEXTS[lang][code] for lang in LANGUAGES}
    assert len(set(texts.values())) == 3, texts  # three different languages, not a copy
    for lang, text in texts.items():
        assert text.endswith("."), (lang, text)
        assert 10 < len(text) < 200, (lang, text)  # a short sentence a cashier can read out
        assert decline_message(code, lang) == text
    assert not CYRILLIC.search(texts["en"])
    assert CYRILLIC.search(texts["ru"]) and not KAZAKH_LETTERS & set(texts["ru"])
    assert CYRILLIC.search(texts["kk"])
    assert KAZAKH_LETTERS & set(texts["kk"]), texts["kk"]  # Kazakh, not Russian words


@pytest.mark.parametrize(
    "word",
    # words every Kazakh sentence here uses and that are wrong without Kazakh letters
    ["сұраңыз", "қайталаңыз", "төлем", "қабылдамады", "жеткіліксіз", "бұғатталған", "банкіне"],
)
def test_kazakh_words_are_spelled_with_kazakh_letters(word):
    assert any(word in text.lower() for text in DECLINE_TEXTS["kk"].values())
    plain = word.translate(str.maketrans("әғқңөұүһі", "агкноуухи"))
    assert not any(plain in text.lower() for text in DECLINE_TEXTS["kk"].values())


def test_the_examples_a_cashier_reads_out():
    assert decline_message(484, "en") == "Not enough money on the card. Ask for another card."
    assert decline_message(484, "ru") == "Недостаточно средств на карте. Попросите другую карту."
    assert decline_message(484, "kk") == "Картада қаражат жеткіліксіз. Басқа карта сұраңыз."
    assert "30" in decline_message(476, "ru")
    assert "ПИН" in decline_message(492, "ru") and "PIN" in decline_message(492, "kk")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Declined by the bank (code 9999)."),
        ("ru", "Банк отклонил платёж (код 9999)."),
        ("kk", "Банк төлемді қабылдамады (код 9999)."),
    ],
)
def test_an_unknown_code_falls_back_in_the_same_language(lang, expected):
    assert decline_message(9999, lang) == expected


def test_fallbacks():
    assert decline_message(None, "en") == "Declined by the bank."
    assert decline_message(None, "en", code_text="05A") == "Declined by the bank (code 05A)."
    assert decline_message(None, "ru", code_text=" 05A ") == "Банк отклонил платёж (код 05A)."
    assert decline_message(None, "en", three_ds=True) == "The 3-D Secure check was not completed."
    assert decline_message(473, "en", three_ds=True).startswith("The 3-D Secure check failed")
    assert (
        decline_message(None, "en", bank_text=" Insufficient funds ")
        == "Declined by the bank. The bank says: Insufficient funds"
    )
    assert decline_message(484, "en", bank_text="ignored") == decline_message(484, "en")  # words win
    assert decline_message(484, "de") == decline_message(484, "en")  # no German: English


@pytest.mark.parametrize(
    ("tag", "lang"),
    [("ru-KZ", "ru"), ("ru_RU", "ru"), ("rus", "ru"), ("kk-Cyrl-KZ", "kk"), ("KZ", "kk"), ("kaz", "kk"),
     ("en-US", "en"), ("de", "en"), ("", "en"), (None, "en")],
)  # fmt: skip
def test_language_of(tag, lang):
    assert language_of(tag) == lang


def test_505_means_no_attempts_left():
    assert frozenset({505}) == ATTEMPTS_EXHAUSTED_CODES
    assert attempts_exhausted(505)
    assert not attempts_exhausted(484) and not attempts_exhausted(None)


def test_unknown_status_message_is_translatable():
    message = unknown_status_message("PARTIAL_REFUND")
    assert message.context == "BankValues"
    assert message.text().startswith("The bank sent a status this console does not know (PARTIAL_REFUND).")
