"""Receipt labels in Kazakh, Russian and English.

The words live in ``receipt_words.json`` beside this module (decision 0162), read once at import and
checked by :func:`~epay_desktop.domain.word_tables.load_word_tables`: every key has all three
languages, no text is empty and the ``{placeholders}`` are the same in each, so a broken edit is a
test failure, not a blank on paper. Its tables: ``labels`` (:data:`LABELS`), ``reason_labels``
(:data:`REASON_LABELS`) and ``status_labels`` (:data:`STATUS_LABELS`).

Kazakh wording follows the Webkassa receipt vocabulary quoted in docs/market.md (Кассашы, САТУ,
БАРЛЫҒЫ, ТЕЛНҰСҚА; on a fiscal receipt ФИСКАЛДЫ ЧЕК, ФБ, Ауысым, ФДО, КЗН). The labels come in groups:

- the sale receipt's words, ``sale`` to ``thanks``;
- refund receipts (``refund_id`` to ``refund_note``): what was refunded, why, who approved it; no
  "thank you for your purchase";
- the fiscal receipt (``fiscal_*``, decision 0125): the words of the Webkassa print form
  (docs/market.md 4.2);
- ``not_issued``: a receipt drawn before it is issued (the preview); the number is given when
  printed or saved;
- the banners of payments made on the built-in sandbox or on the bank's test hosts
  (``sandbox_*``, ``test_*``; decision 0023).
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.word_tables import load_word_tables

__all__ = ["LABELS", "REASON_LABELS", "STATUS_LABELS", "label", "reason_label", "status_label"]

_TABLES: Final = load_word_tables(files(__package__) / "receipt_words.json", ReceiptLanguage)

#: The receipt's words by key (:func:`label`).
LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = _TABLES["labels"]

#: Refund reasons as the refund dialog stores them (``ui/common/labels.py``), in the receipt's language.
REASON_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = _TABLES["reason_labels"]

#: A payment's status by :class:`ConsoleStatus` value, and ``PARTIAL_REFUND`` (:func:`status_label`).
STATUS_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = _TABLES["status_labels"]


def label(key: str, language: ReceiptLanguage, **values: object) -> str:
    """The label ``key`` in ``language``, with ``{placeholders}`` filled. ``KeyError`` if unknown."""
    text = LABELS[key][language]
    return text.format(**values) if values else text


def status_label(status: ConsoleStatus, language: ReceiptLanguage, *, partly_refunded: bool = False) -> str:
    """A payment status in words; a CHARGE with refunds reads "partially refunded"."""
    key: str = "PARTIAL_REFUND" if status is ConsoleStatus.CHARGE and partly_refunded else status
    names = STATUS_LABELS.get(key)
    return names[language] if names else status.value


def reason_label(reason: str | None, language: ReceiptLanguage) -> str:
    """A stored refund reason in the receipt's language: ``wrong_amount`` -> "Неверная сумма",
    ``other: torn box`` -> "Другое: torn box" (the typed words as typed). An unknown code is
    printed with spaces for underscores rather than dropped; '' for no reason."""
    reason = (reason or "").strip()
    if not reason:
        return ""
    code, sep, note = reason.partition(":")
    names = REASON_LABELS.get(code.strip())
    if names is None:
        return reason.replace("_", " ")
    if sep and note.strip():
        return f"{names[language]}: {note.strip()}"
    return names[language]
