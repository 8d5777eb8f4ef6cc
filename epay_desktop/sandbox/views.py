"""The JSON shapes the sandbox answers with, field names and casing exactly as the gateway's."""

from __future__ import annotations

from typing import Final

from epay_desktop.domain import PaymentStatus
from epay_desktop.sandbox.amounts import to_decimal
from epay_desktop.sandbox.cards import SavedCard
from epay_desktop.sandbox.config import KZ_TZ
from epay_desktop.sandbox.config import SandboxConfig
from epay_desktop.sandbox.ledger import Transaction
from epay_desktop.sandbox.state import AttemptResult

__all__ = [
    "ODD_FIELDS_DROPPED",
    "ODD_REASON_CODE",
    "ODD_STATUS_NAME",
    "UNKNOWN_REASON_CODE",
    "attempt_json",
    "card_json",
    "card_pay_json",
    "control_json",
    "reported_status",
    "status_json",
]

#: The payment object says ``rus``/``kaz``/``eng``; status answers say ``RU``/``KZ``/``EN``.
_LANGUAGES = {"rus": "RU", "ru": "RU", "kaz": "KZ", "kz": "KZ", "eng": "EN", "en": "EN"}

#: ``status_oddity`` answers (faults.ODDITIES): values the console must keep and show, not crash on.
ODD_STATUS_NAME: Final = "CHARGEBACK"
ODD_REASON_CODE: Final = "A05"
UNKNOWN_REASON_CODE: Final = "9999"
#: ``missing_fields`` leaves out every descriptive field; ids, money, status and time stay.
ODD_FIELDS_DROPPED: Final = (
    "amountBonus", "approvalCode", "data", "accountID", "description", "language", "cardType",
    "issuer", "intReference", "secureDetails", "statusID", "name", "email", "phone", "cardID",
    "xlsRRN", "ip", "ipCountry", "ipCity", "ipRegion", "ipDistrict", "ipLatitude", "ipLongitude",
)  # fmt: skip


def _time(txn: Transaction) -> str:
    return txn.created.isoformat(timespec="microseconds")


def reported_status(txn: Transaction, cfg: SandboxConfig) -> str:
    """The statusName check-status gives: with ``refund_status_after_partial`` a partly
    refunded CHARGE already says REFUND (its ``amount`` stays > 0 and stays refundable)."""
    if cfg.refund_status_after_partial and txn.status is PaymentStatus.CHARGE and txn.payout_amount > 0:
        return PaymentStatus.REFUND.value
    return txn.status.value


def status_json(txn: Transaction, cfg: SandboxConfig, oddity: str = "") -> dict[str, object]:
    """check-status answer with resultCode 100 (epay-api.md section 5.1).

    ``txn`` is the transaction as check-status may show it (see lag.as_reported); ``oddity``
    is one of faults.ODDITIES, armed by a ``status_oddity`` fault.
    """
    transaction: dict[str, object] = {
        "id": txn.id,
        # the latest attempt's start (one attempt: the transaction's creation, as before)
        "createdDate": (txn.attempts[-1].started if txn.attempts else txn.created).isoformat(
            timespec="microseconds"
        ),
        "invoiceID": txn.invoice_id,
        "amount": to_decimal(txn.amount),
        "amountBonus": 0,
        "payoutAmount": to_decimal(txn.payout_amount),
        "orgAmount": to_decimal(txn.org_amount),
        "approvalCode": txn.approval_code,
        "data": txn.order.data,
        "currency": txn.currency,
        "terminal": cfg.pos_terminal,
        "terminalID": txn.terminal_id,
        "accountID": txn.order.account_id,
        "description": txn.order.description,
        "language": _LANGUAGES.get(txn.order.language.strip().lower(), "RU"),
        "cardMask": txn.card.mask,
        "cardType": txn.card.type,
        "issuer": txn.card.issuer,
        "reference": txn.reference,
        "reason": txn.reason,
        "reasonCode": str(txn.reason_code),
        "intReference": txn.int_reference,
        "secure": txn.secure,
        "secureDetails": "",
        "statusID": "",
        "statusName": reported_status(txn, cfg),
        "name": txn.order.name,
        "email": txn.order.email,
        "phone": txn.order.phone,
        "cardID": txn.card_id,
        "xlsRRN": "",
        "ip": "127.0.0.1",
        "ipCountry": "KZ",
        "ipCity": "",
        "ipRegion": "",
        "ipDistrict": "",
        "ipLatitude": 0,
        "ipLongitude": 0,
    }
    _apply_oddity(transaction, txn, oddity)
    return {"resultCode": "100", "resultMessage": "SUCCESS", "transaction": transaction}


def _apply_oddity(transaction: dict[str, object], txn: Transaction, oddity: str) -> None:
    if oddity == "unknown_status":
        transaction["statusName"] = ODD_STATUS_NAME
    elif oddity == "naive_time":
        local = txn.created.astimezone(KZ_TZ).replace(tzinfo=None)
        transaction["createdDate"] = local.isoformat(timespec="microseconds")
    elif oddity == "text_reason_code":
        transaction["reasonCode"] = ODD_REASON_CODE
    elif oddity == "unknown_reason_code":
        transaction["reasonCode"] = UNKNOWN_REASON_CODE
    elif oddity == "missing_fields":
        for name in ODD_FIELDS_DROPPED:
            transaction.pop(name, None)


def card_pay_json(txn: Transaction) -> dict[str, object]:
    """``/payments/cards/auth`` answer, shaped like the cryptopay response (section 8.4)."""
    return {
        "id": txn.id,
        "accountId": txn.order.account_id,
        "amount": to_decimal(txn.org_amount),
        "amountBonus": 0,
        "currency": txn.currency,
        "description": txn.order.description,
        "email": txn.order.email,
        "invoiceID": txn.invoice_id,
        "invoiceIdAlt": "",
        "language": txn.order.language,
        "phone": txn.order.phone,
        "reference": txn.reference,
        "approvalCode": txn.approval_code,
        "intReference": txn.int_reference,
        "secure3D": None,
        "cardID": txn.card_id,
        "cardMask": txn.card.mask,
        "code": 0,
        "status": txn.status.value,
        "fee": 0,
    }


def card_json(card: SavedCard, cfg: SandboxConfig) -> dict[str, object]:
    """One entry of ``GET /cards/{accountId}`` (PascalCase, as the gateway writes it)."""
    return {
        "ID": card.id,
        "TransactionId": card.transaction_id,
        "MerchantID": cfg.client_id,
        "CardHash": card.card_hash,
        "CardMask": card.mask,
        "PayerName": card.payer_name,
        "Reference": card.reference,
        "IntReference": card.int_reference,
        "Token": card.card_hash[:32],
        "Terminal": card.terminal_id,
        "CreatedDate": card.created.isoformat(timespec="microseconds"),
        "PaymentAvailable": True,
        "AccountID": card.account_id,
    }


def control_json(txn: Transaction) -> dict[str, object]:
    """One entry of ``GET /sandbox/transactions``."""
    return {
        "invoiceId": txn.invoice_id,
        "id": txn.id,
        "status": txn.status.value,
        "amount": to_decimal(txn.amount),
        "orgAmount": to_decimal(txn.org_amount),
        "payoutAmount": to_decimal(txn.payout_amount),
        "currency": txn.currency,
        "createdDate": _time(txn),
        "reasonCode": txn.reason_code,
        "reason": txn.reason,
        "cardMask": txn.card.mask,
        "cardId": txn.card_id,
        "accountId": txn.order.account_id,
        "secure": txn.secure,
        "operations": [
            {
                "kind": op.kind,
                "amount": to_decimal(op.amount),
                "externalID": op.external_id,
                "time": op.time.isoformat(timespec="microseconds"),
            }
            for op in txn.operations
        ],
        "postLinks": list(txn.postlinks),
        # every card attempt on the invoice, oldest first (check-status shows only the latest)
        "attempts": [
            {
                "number": a.number,
                "time": a.started.isoformat(timespec="microseconds"),
                "status": a.status.value,
                "reasonCode": a.reason_code,
                "reason": a.reason,
                "cardMask": a.card.mask,
                "cardType": a.card.type,
                "secure": a.secure,
                "reference": a.reference,
            }
            for a in txn.attempts
        ],
        "attemptsLeft": txn.attempts_left,
    }


def attempt_json(result: AttemptResult) -> dict[str, object]:
    return {
        "outcome": result.outcome,
        "invoiceId": result.invoice_id,
        "transactionId": result.transaction_id,
        "status": result.status,
        "reasonCode": result.reason_code,
        "reason": result.reason,
        "challengeId": result.challenge_id,
        "cardId": result.card_id,
        # declined: card attempts this invoice still allows on its payment token (0 = cannot be paid)
        "attemptsLeft": result.attempts_left,
    }
