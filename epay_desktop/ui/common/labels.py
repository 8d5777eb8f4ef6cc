"""Words for codes that several screens show: refund reasons and the bank's decline codes.

The refund dialog offers :data:`REFUND_REASONS` and stores the code; the detail panel's timeline
turns a stored code back into the same words with :func:`refund_reason_label`. The labels keep
the "RefundDialog" translation context, where the kk/ru translations of them live. A decline
code (epay-api.md §15) becomes a short sentence a cashier can read to the customer, on the
result screen and in the detail panel alike, in English, Russian or Kazakh
(domain/decline_reasons.py).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLocale

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Payment
from epay_desktop.domain.decline_reasons import decline_message
from epay_desktop.domain.decline_reasons import language_of
from epay_desktop.domain.decline_reasons import unknown_status_message
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP
from epay_desktop.ui.widgets.status_badge import Tone
from epay_desktop.ui.widgets.status_badge import status_badge

__all__ = [
    "OTHER_REASON",
    "REFUND_REASONS",
    "bank_reason_text",
    "decline_text",
    "refund_reason_label",
    "ui_language",
]

_CONTEXT = "RefundDialog"

#: The code of "other": the reason is stored as ``other: <the words typed>``.
OTHER_REASON: Final = "other"

#: (code sent to the service and stored, label), in the order the refund dialog offers them.
REFUND_REASONS: Final[tuple[tuple[str, str], ...]] = (
    ("customer_request", QT_TRANSLATE_NOOP("RefundDialog", "Customer request")),
    ("goods_returned", QT_TRANSLATE_NOOP("RefundDialog", "Goods returned")),
    ("duplicate_payment", QT_TRANSLATE_NOOP("RefundDialog", "Duplicate payment")),
    ("wrong_amount", QT_TRANSLATE_NOOP("RefundDialog", "Wrong amount")),
    (OTHER_REASON, QT_TRANSLATE_NOOP("RefundDialog", "Other (describe)")),
)
_LABELS: Final = dict(REFUND_REASONS)


def refund_reason_label(reason: str | None) -> str:
    """A stored refund reason in words: "wrong_amount" -> "Wrong amount", "other: torn" -> "Other: torn".

    A code this version does not know (older data, another console) is shown with spaces for
    underscores rather than hidden; '' for no reason.
    """
    reason = (reason or "").strip()
    if not reason:
        return ""
    code, sep, note = reason.partition(":")
    if code.strip() == OTHER_REASON and sep:
        return QCoreApplication.translate("RefundDialog", "Other: {note}").format(note=note.strip())
    label = _LABELS.get(reason)
    if label is not None:
        if reason == OTHER_REASON:
            return QCoreApplication.translate("RefundDialog", "Other")
        return QCoreApplication.translate(_CONTEXT, label)
    return reason.replace("_", " ")


def ui_language() -> str:
    """``en``, ``ru`` or ``kk``: the language the decline sentences are shown in.

    The loaded translation says which language it is (its translation of the marker below);
    without one, the first of the system's UI languages that has decline texts, else English.
    (The app has no language setting yet; when it gets one, its translator answers first.)
    """
    # Translators: write the code of your language here: ru or kk.
    marker = QCoreApplication.translate("Language", "en")
    if marker != "en":
        return language_of(marker)
    for tag in QLocale().uiLanguages():
        lang = language_of(tag)
        if lang != "en" or tag.lower().startswith("en"):
            return lang
    return "en"


def decline_text(
    reason_code: int | None,
    status: ConsoleStatus = ConsoleStatus.REJECT,
    bank_text: str | None = None,
    *,
    code_text: str | None = None,
    language: str | None = None,
) -> str:
    """Why a payment was declined, for people: the bank's published code in plain words.

    In ``language`` (default: :func:`ui_language`). A code without words becomes "Declined by the
    bank (code N)", with the raw ``code_text`` when the bank's code is not a number; ``bank_text``
    (the gateway's own words) is added only to that general sentence, where it is the one hint.
    """
    return decline_message(
        reason_code,
        language or ui_language(),
        code_text=code_text,
        three_ds=status is ConsoleStatus.THREE_DS,
        bank_text=bank_text,
    )


def bank_reason_text(payment: Payment) -> str:
    """The detail panel's "Bank's reason": why a failed payment failed, in plain words, or what an
    unknown bank status means for the cashier; '' when there is nothing to explain."""
    if status_badge(payment.status).tone is Tone.RED:
        return decline_text(
            payment.reason_code, payment.status, payment.reason, code_text=payment.reason_code_text
        )
    if payment.bank_status:
        message = unknown_status_message(payment.bank_status)
        return QCoreApplication.translate(message.context, message.template).format(**message.args)
    return ""
