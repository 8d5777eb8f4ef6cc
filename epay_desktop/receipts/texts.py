"""Receipt labels in Kazakh, Russian and English.

Kept as data (one dict per key) so a missing translation is a test failure, not a blank on
paper. Kazakh wording follows the Webkassa receipt vocabulary quoted in docs/market.md
(Кассашы, САТУ, БАРЛЫҒЫ, ТЕЛНҰСҚА; on a fiscal receipt ФИСКАЛДЫ ЧЕК, ФБ, Ауысым, ФДО, КЗН).
"""

from __future__ import annotations

from typing import Final

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain.receipts import ReceiptLanguage

__all__ = ["LABELS", "REASON_LABELS", "STATUS_LABELS", "label", "reason_label", "status_label"]

_KK, _RU, _EN = ReceiptLanguage.KK, ReceiptLanguage.RU, ReceiptLanguage.EN

LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = {
    "sale": {_KK: "САТУ", _RU: "ПРОДАЖА", _EN: "SALE"},
    "refund": {_KK: "ҚАЙТАРУ", _RU: "ВОЗВРАТ", _EN: "REFUND"},
    "duplicate": {_KK: "ТЕЛНҰСҚА", _RU: "ДУБЛИКАТ", _EN: "DUPLICATE"},
    "copy_of": {
        _KK: "№ {number} чектің көшірмесі",
        _RU: "Копия чека № {number}",
        _EN: "Copy of receipt No. {number}",
    },
    "bin": {_KK: "БСН", _RU: "БИН", _EN: "BIN"},
    "receipt_no": {_KK: "Чек №", _RU: "Чек №", _EN: "Receipt No."},
    "register": {_KK: "Касса", _RU: "Касса", _EN: "Register"},
    "when": {_KK: "Күні мен уақыты", _RU: "Дата и время", _EN: "Date and time"},
    "cashier": {_KK: "Кассашы", _RU: "Кассир", _EN: "Cashier"},
    "invoice": {_KK: "Тапсырыс нөмірі", _RU: "Номер заказа", _EN: "Invoice No."},
    "method": {_KK: "Төлем әдісі", _RU: "Способ оплаты", _EN: "Payment method"},
    "bank_card": {_KK: "Банк картасы", _RU: "Банковская карта", _EN: "Bank card"},
    "card": {_KK: "Карта", _RU: "Карта", _EN: "Card"},
    "card_type": {_KK: "Карта түрі", _RU: "Тип карты", _EN: "Card type"},
    "approval": {_KK: "Авторизация коды", _RU: "Код авторизации", _EN: "Approval code"},
    "rrn": {_KK: "RRN", _RU: "RRN", _EN: "RRN"},
    "total": {_KK: "БАРЛЫҒЫ", _RU: "ИТОГО", _EN: "TOTAL"},
    "refund_total": {_KK: "ҚАЙТАРУ СОМАСЫ", _RU: "СУММА ВОЗВРАТА", _EN: "REFUND TOTAL"},
    "paid": {_KK: "Төленді", _RU: "Оплачено", _EN: "Paid"},
    "refunded": {_KK: "Барлығы қайтарылды", _RU: "Всего возвращено", _EN: "Refunded in total"},
    "this_refund": {_KK: "Осы қайтару", _RU: "Этот возврат", _EN: "This refund"},
    "remaining": {_KK: "Қалдық", _RU: "Остаток", _EN: "Remaining"},
    "status": {_KK: "Күйі", _RU: "Статус", _EN: "Status"},
    "scan": {
        _KK: "Төлемді табу үшін QR кодты сканерлеңіз",
        _RU: "Отсканируйте QR-код, чтобы найти платёж",
        _EN: "Scan the QR code to find this payment",
    },
    "not_fiscal": {
        _KK: "Фискалдық чек емес",
        _RU: "Не является фискальным чеком",
        _EN: "Not a fiscal receipt",
    },
    "thanks": {
        _KK: "Сатып алғаныңызға рахмет!",
        _RU: "Спасибо за покупку!",
        _EN: "Thank you for your purchase!",
    },
    # refund receipts: what was refunded, why, who approved it; no "thank you for your purchase"
    "refund_id": {_KK: "Қайтару ID", _RU: "ID возврата", _EN: "Refund ID"},
    "refund_reason": {_KK: "Қайтару себебі", _RU: "Причина возврата", _EN: "Reason for refund"},
    "approved_by": {_KK: "Мақұлдаған менеджер", _RU: "Одобрил менеджер", _EN: "Approved by manager"},
    "refund_note": {
        _KK: "Ақша төлем жасалған картаға қайтарылады. Түсу мерзімі карта банкіне байланысты.",
        _RU: "Деньги возвращаются на карту, которой оплатили. Срок зачисления зависит от банка карты.",
        _EN: "The money goes back to the card that paid. When it arrives depends on the card's bank.",
    },
    # the fiscal receipt (decision 0125): the words of the Webkassa print form (docs/market.md 4.2)
    "fiscal_receipt": {_KK: "ФИСКАЛДЫ ЧЕК", _RU: "ФИСКАЛЬНЫЙ ЧЕК", _EN: "FISCAL RECEIPT"},
    "fiscal_offline": {_KK: "АВТОНОМДЫ РЕЖИМ", _RU: "АВТОНОМНЫЙ РЕЖИМ", _EN: "OFFLINE MODE"},
    "fiscal_sign": {_KK: "ФБ", _RU: "ФП", _EN: "Fiscal sign"},
    "fiscal_time": {_KK: "Уақыты", _RU: "Время", _EN: "Time"},
    "fiscal_shift": {_KK: "Ауысым", _RU: "Смена", _EN: "Shift"},
    "fiscal_order": {_KK: "Чектің реттік нөмірі", _RU: "Порядковый номер чека", _EN: "No. in shift"},
    "fiscal_rnm": {_KK: "КТН (МКК БКМ коды)", _RU: "Код ККМ КГД (РНМ)", _EN: "KGD code (RNM)"},
    "fiscal_znm": {_KK: "КЗН", _RU: "ЗНМ", _EN: "Serial No. (ZNM)"},
    "fiscal_ofd": {_KK: "ФДО", _RU: "ОФД", _EN: "OFD"},
    "fiscal_site": {
        _KK: "Чекті тексеру үшін сайтқа кіріңіз: {site}",
        _RU: "Для проверки чека зайдите на сайт: {site}",
        _EN: "Check the receipt at {site}",
    },
    "fiscal_scan": {
        _KK: "Чекті тексеру үшін QR кодты сканерлеңіз",
        _RU: "Отсканируйте QR-код, чтобы проверить чек",
        _EN: "Scan the QR code to check the receipt",
    },
    "fiscal_vat": {
        _KK: "оның ішінде ҚҚС {percent}%",
        _RU: "в т.ч. НДС {percent}%",
        _EN: "incl. VAT {percent}%",
    },
    "fiscal_sale_sign": {_KK: "Сату чегінің ФБ", _RU: "ФП чека продажи", _EN: "Sale's fiscal sign"},
    "fiscal_pending": {
        _KK: "Фискалдық чек әлі тіркелген жоқ: касса тіркегенде беріледі.",
        _RU: "Фискальный чек ещё не зарегистрирован: он будет выдан после регистрации в кассе.",
        _EN: "The fiscal receipt is not registered yet: it is given once the cash register registers it.",
    },
    # a receipt drawn before it is issued (the preview): the number is given when printed or saved
    "not_issued": {_KK: "басып шығарғанда", _RU: "при печати", _EN: "on printing"},
    # payments made on the built-in sandbox or on the bank's test hosts (decision 0023)
    "sandbox_banner": {
        _KK: "SANDBOX (ТЕСТ) — НАҚТЫ ТӨЛЕМ ЕМЕС",
        _RU: "SANDBOX (ТЕСТ) — НЕ НАСТОЯЩИЙ ПЛАТЁЖ",
        _EN: "SANDBOX — NOT A REAL PAYMENT",
    },
    "sandbox_note": {
        _KK: "Ақша қозғалған жоқ: төлем консольдің оқу ортасында (sandbox) жасалды.",
        _RU: "Деньги не списывались: платёж сделан в учебной среде консоли (sandbox).",
        _EN: "No money moved: the payment was made on the console's built-in sandbox.",
    },
    "test_banner": {
        _KK: "БАНКТІҢ ТЕСТ СЕРВЕРІ — НАҚТЫ ТӨЛЕМ ЕМЕС",
        _RU: "ТЕСТОВЫЙ СЕРВЕР БАНКА — НЕ НАСТОЯЩИЙ ПЛАТЁЖ",
        _EN: "BANK TEST SERVER — NOT A REAL PAYMENT",
    },
    "test_note": {
        _KK: "Ақша қозғалған жоқ: төлем банктің тест серверінде жасалды.",
        _RU: "Деньги не списывались: платёж сделан на тестовом сервере банка.",
        _EN: "No money moved: the payment was made on the bank's test server.",
    },
}

#: Refund reasons as the refund dialog stores them (``ui/common/labels.py``), in the receipt's language.
REASON_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = {
    "customer_request": {_KK: "Тұтынушының өтініші", _RU: "Просьба покупателя", _EN: "Customer request"},
    "goods_returned": {_KK: "Тауар қайтарылды", _RU: "Возврат товара", _EN: "Goods returned"},
    "duplicate_payment": {_KK: "Қайталанған төлем", _RU: "Двойная оплата", _EN: "Duplicate payment"},
    "wrong_amount": {_KK: "Қате сома", _RU: "Неверная сумма", _EN: "Wrong amount"},
    "other": {_KK: "Басқа", _RU: "Другое", _EN: "Other"},
}

STATUS_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = {
    ConsoleStatus.AUTH: {
        _KK: "Мақұлданды, сома бұғатталды",
        _RU: "Одобрено, сумма заблокирована",
        _EN: "Approved, amount on hold",
    },
    ConsoleStatus.CHARGE: {_KK: "Мақұлданды", _RU: "Одобрено", _EN: "Approved"},
    "PARTIAL_REFUND": {_KK: "Ішінара қайтарылды", _RU: "Частично возвращено", _EN: "Partially refunded"},
    ConsoleStatus.REFUND: {_KK: "Қайтарылды", _RU: "Возвращено", _EN: "Refunded"},
    ConsoleStatus.CANCEL: {_KK: "Күші жойылды", _RU: "Отменено", _EN: "Cancelled"},
    ConsoleStatus.CANCEL_OLD: {_KK: "Күші жойылды", _RU: "Отменено", _EN: "Cancelled"},
}


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
