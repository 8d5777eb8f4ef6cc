"""Words for codes that several screens show: refund reasons and the bank's decline codes.

The refund dialog offers :data:`REFUND_REASONS` and stores the code; the detail panel's timeline
turns a stored code back into the same words with :func:`refund_reason_label`. The labels keep
the "RefundDialog" translation context, where the kk/ru translations of them live. A decline
code (epay-api.md §15) becomes a short sentence a cashier can read to the customer, on the
result screen and in the detail panel alike.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication

from epay_desktop.domain import ConsoleStatus

from .widgets.i18n import QT_TRANSLATE_NOOP

__all__ = ["OTHER_REASON", "REFUND_REASONS", "decline_text", "refund_reason_label"]

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


# The common ePay decline codes (epay-api.md §15), in words a customer understands.
_BANK_DOWN = QT_TRANSLATE_NOOP(
    "DeclineReason", "The card's bank is not responding. Try again in a few minutes."
)
_CALL_BANK = QT_TRANSLATE_NOOP(
    "DeclineReason", "The card's bank declined it. The customer should call their bank."
)
_NO_CARD = QT_TRANSLATE_NOOP("DeclineReason", "There is no such card. Check the card number.")
_LOST = QT_TRANSLATE_NOOP("DeclineReason", "The card is reported lost. Do not accept it.")
_EXPIRED = QT_TRANSLATE_NOOP("DeclineReason", "The card has expired.")
_DECLINES: dict[int, str] = {
    455: QT_TRANSLATE_NOOP("DeclineReason", "No 3-D Secure for this card, or a wrong card number."),
    456: QT_TRANSLATE_NOOP("DeclineReason", "This card cannot be used. Try another card."),
    457: QT_TRANSLATE_NOOP("DeclineReason", "The expiry date was entered wrongly."),
    458: _BANK_DOWN, 459: _BANK_DOWN, 493: _BANK_DOWN,
    461: QT_TRANSLATE_NOOP("DeclineReason", "A system error at the bank. Try again in a few minutes."),
    462: _CALL_BANK, 463: _CALL_BANK, 466: _CALL_BANK, 480: _CALL_BANK,
    465: QT_TRANSLATE_NOOP("DeclineReason", "The card is restricted. Try another card."),
    467: QT_TRANSLATE_NOOP("DeclineReason", "The card is disabled. Try another card."),
    470: QT_TRANSLATE_NOOP("DeclineReason", "The amount is not valid."),
    471: _NO_CARD, 472: _NO_CARD,
    473: QT_TRANSLATE_NOOP("DeclineReason", "The 3-D Secure check failed (wrong or missing code)."),
    476: QT_TRANSLATE_NOOP("DeclineReason", "The bank took no action. Try again in 30 minutes or later."),
    478: _EXPIRED, 485: _EXPIRED,
    481: _LOST, 482: _LOST,
    483: QT_TRANSLATE_NOOP("DeclineReason", "The card is reported stolen. Do not accept it."),
    484: QT_TRANSLATE_NOOP("DeclineReason", "Not enough money on the card."),
    486: QT_TRANSLATE_NOOP("DeclineReason", "Online payments are switched off on this card."),
    488: QT_TRANSLATE_NOOP("DeclineReason", "The amount is over the card's limit."),
    490: QT_TRANSLATE_NOOP("DeclineReason", "Payments are not allowed on this card."),
    491: QT_TRANSLATE_NOOP("DeclineReason", "Too many payments with this card. Try later or another card."),
    492: QT_TRANSLATE_NOOP("DeclineReason", "The card is blocked after wrong PIN attempts."),
    494: QT_TRANSLATE_NOOP("DeclineReason", "The card's bank did not answer in time. Try again."),
    495: QT_TRANSLATE_NOOP("DeclineReason", "This payment is not allowed with this card. Use another card."),
    499: QT_TRANSLATE_NOOP("DeclineReason", "The 3-D Secure code was wrong or not entered."),
    505: QT_TRANSLATE_NOOP("DeclineReason", "The limit of payments for this card was reached."),
}  # fmt: skip


def decline_text(
    reason_code: int | None, status: ConsoleStatus = ConsoleStatus.REJECT, bank_text: str | None = None
) -> str:
    """Why a payment was declined, for people; a generic sentence (with the code) when unknown.

    ``bank_text`` (the gateway's own words) is added only to the generic sentence, where it is
    the one hint there is.
    """
    if reason_code in _DECLINES:
        return QCoreApplication.translate("DeclineReason", _DECLINES[reason_code])
    if status is ConsoleStatus.THREE_DS:
        return QCoreApplication.translate("DeclineReason", "The 3-D Secure check was not completed.")
    text = QCoreApplication.translate("DeclineReason", "The bank declined the payment.")
    if reason_code:
        text += " " + QCoreApplication.translate("DeclineReason", "(code %1)").replace("%1", str(reason_code))
    if bank_text and bank_text.strip():
        text += " " + QCoreApplication.translate("DeclineReason", "The bank says: %1").replace(
            "%1", bank_text.strip()
        )
    return text
