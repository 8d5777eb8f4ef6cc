"""The word tables kept as data (decision 0162): the loader reads a good file as the modules use it and
refuses a broken edit loudly, naming the file and the key, so it never reaches paper as a blank."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.word_tables import WordTableError
from epay_desktop.domain.word_tables import load_word_tables

GOOD = {
    "sentences": {"bank_down": {"kk": "Банк жауап бермейді.", "ru": "Банк не отвечает.", "en": "No answer."}},
    "codes": {
        "458": "bank_down",
        "470": {"en": "Wrong amount {amount}.", "kk": "Сома {amount} қате.", "ru": "Сумма {amount} неверна."},
    },
}


def _file(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "words.json"
    path.write_text(json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data, "utf-8")
    return path


def test_a_good_file_reads_as_tables_with_shared_sentences_resolved(tmp_path: Path) -> None:
    tables = load_word_tables(_file(tmp_path, GOOD), ReceiptLanguage)
    assert list(tables) == ["sentences", "codes"]
    assert tables["codes"]["458"] == tables["sentences"]["bank_down"]
    assert tables["codes"]["458"][ReceiptLanguage.RU] == "Банк не отвечает."
    # each entry's languages in the loader's order (kk, ru, en), keyed as the caller asked
    assert list(tables["codes"]["470"]) == [ReceiptLanguage.KK, ReceiptLanguage.RU, ReceiptLanguage.EN]
    assert all(type(lang) is ReceiptLanguage for lang in tables["codes"]["470"])


def test_a_file_may_name_its_own_languages(tmp_path: Path) -> None:
    notes = {"notes": {"late": {"kk": "{invoice} кешікті", "ru": "{invoice} опоздал"}}}
    tables = load_word_tables(_file(tmp_path, notes), str, languages=("kk", "ru"))
    assert tables == {"notes": {"late": {"kk": "{invoice} кешікті", "ru": "{invoice} опоздал"}}}
    with pytest.raises(WordTableError, match=r"notes\.late: has no en text"):
        load_word_tables(_file(tmp_path, notes), str)


def _broken(**codes: object) -> dict[str, object]:
    return {**GOOD, "codes": {**GOOD["codes"], **codes}}


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (_broken(x1={"kk": "Қате.", "ru": "Ошибка."}), r"codes\.x1: has no en text"),
        (_broken(x1={"kk": "Қате.", "ru": "Ошибка.", "en": "Error.", "kz": "Қате."}), r"codes\.x1: .*kz"),
        (_broken(x1={"kk": "Қате.", "ru": " ", "en": "Error."}), r"codes\.x1: the ru text is empty"),
        (_broken(x1={"kk": "Қате.", "ru": 7, "en": "Error."}), r"codes\.x1: the ru text is empty"),
        (
            _broken(x1={"kk": "{total} ішінен", "ru": "{checked} из {total}", "en": "{checked} of {total}"}),
            r"codes\.x1: the placeholders differ .*kk \{total\}; ru \{checked\} \{total\}",
        ),
        (
            _broken(x1={"kk": "{total", "ru": "{total}", "en": "{total}"}),
            r"codes\.x1: the kk text has a malformed",
        ),
        (
            _broken(x1="call_bank"),
            r"codes\.x1: names the sentence 'call_bank', which 'sentences' does not have",
        ),
        (_broken(x1=["Қате.", "Ошибка.", "Error."]), r"codes\.x1: must be an object of texts by language"),
        ({"codes": ["not", "an", "object"]}, r"must be one object of tables"),
        (
            '{"codes": {"458": {"kk": "а", "ru": "б", "en": "c"},\n "458": {}}}',
            r"the key '458' is given twice",
        ),
        ('{"codes": {"458": {"kk": "а", "ru": "б", "en": "c"},}}', r"not valid JSON \(line 1, column"),
    ],
    ids=[
        "missing-language",
        "unknown-language",
        "blank-text",
        "not-text",
        "placeholders-differ",
        "malformed-placeholder",
        "unknown-sentence",
        "not-an-entry",
        "not-tables",
        "repeated-key",
        "not-json",
    ],
)
def test_a_broken_edit_is_refused_naming_the_file_and_the_key(
    tmp_path: Path, data: object, says: str
) -> None:
    path = _file(tmp_path, data)
    with pytest.raises(WordTableError, match=says) as refused:
        load_word_tables(path, str)
    assert str(refused.value).startswith(f"{path}: ")


def test_a_missing_file_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(WordTableError, match=r"words\.json: cannot be read"):
        load_word_tables(tmp_path / "words.json", str)
