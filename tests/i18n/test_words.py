"""Words filled into service messages are Words: English as before, translated where shown (0013)."""

from __future__ import annotations

import copy

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Word
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.rules import op_state_words
from epay_desktop.domain.rules import status_words
from epay_desktop.domain.words import KIND_WORDS
from epay_desktop.domain.words import ROLE_WORDS


def test_every_role_and_kind_has_a_word_in_the_words_context() -> None:
    assert set(ROLE_WORDS) == set(Role) and set(KIND_WORDS) == set(OpKind)
    assert {r: str(w) for r, w in ROLE_WORDS.items()} == {r: r.value for r in Role}  # English unchanged
    assert [str(KIND_WORDS[k]) for k in (OpKind.CHARGE, OpKind.CANCEL, OpKind.REFUND)] == [
        "charge",
        "cancellation",
        "refund",
    ]
    assert all(w.context == "words" for w in (*ROLE_WORDS.values(), *KIND_WORDS.values()))


def test_status_and_state_words_carry_their_context() -> None:
    for status in ConsoleStatus:
        word = status_words(status)
        assert isinstance(word, Word) and word.context == "rules" and word
    for state in OpState:
        assert op_state_words(state).context == "rules"


def test_the_english_sentence_is_unchanged_and_a_word_survives_a_copy() -> None:
    word = ROLE_WORDS[Role.CASHIER]
    message = msg("users", QT_TRANSLATE_NOOP("users", "The role “{role}” may not."), role=word)
    assert message.text() == "The role “cashier” may not."
    copied = copy.deepcopy(word)
    assert copied == "cashier" and isinstance(copied, Word) and copied.context == "words"
