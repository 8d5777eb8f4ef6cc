"""The answers' ``Data`` in the provider's PascalCase (fiscal.md §1.5, §1.8, §1.11, §1.12): a receipt,
an X/Z report, a receipt's print form in two languages."""

from __future__ import annotations

import hashlib
from datetime import datetime
from decimal import Decimal
from typing import Final

from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import CASHIER_NAME
from epay_desktop.sandbox.fiscal.account import IDENTITY_NUMBER
from epay_desktop.sandbox.fiscal.account import OFD
from epay_desktop.sandbox.fiscal.account import REGISTRATION_NUMBER
from epay_desktop.sandbox.fiscal.account import SELLER
from epay_desktop.sandbox.fiscal.register import Receipt
from epay_desktop.sandbox.fiscal.register import Register
from epay_desktop.sandbox.fiscal.register import Shift

__all__ = [
    "LANGUAGES",
    "cashbox_state_json",
    "history_json",
    "print_lines",
    "receipt_json",
    "report_json",
    "stamp",
    "ticket_url",
]

LANGUAGES: Final = ("kk-KZ", "ru-RU", "en-US")
_WORDS: Final = {  # key: (kk, ru, en)
    "shift": ("Ауысым", "Смена", "Shift"),
    "check": ("Чек", "Чек", "Receipt"),
    "cashier": ("Кассир", "Кассир", "Cashier"),
    "op0": ("САТЫП АЛУ", "ПОКУПКА", "PURCHASE"),
    "op1": ("САТЫП АЛУДЫ ҚАЙТАРУ", "ВОЗВРАТ ПОКУПКИ", "PURCHASE RETURN"),
    "op2": ("САТУ", "ПРОДАЖА", "SALE"),
    "op3": ("САТУДЫ ҚАЙТАРУ", "ВОЗВРАТ ПРОДАЖИ", "SALE RETURN"),
    "cost": ("Құны", "Стоимость", "Cost"),
    "pay0": ("Қолма-қол ақша", "Наличные", "Cash"),
    "pay1": ("Банк картасы", "Банковская карта", "Bank card"),
    "pay2": ("Несие", "Кредит", "Credit"),
    "pay3": ("Ыдыс", "Тара", "Tare"),
    "pay4": ("Мобильді төлем", "Мобильный платеж", "Mobile payment"),
    "change": ("Қайтарым", "Сдача", "Change"),
    "total": ("БАРЛЫҒЫ", "ИТОГО", "TOTAL"),
    "vat": ("ҚҚС", "НДС", "VAT"),
    "sign": ("ФБ", "ФП", "FS"),
    "time": ("Уақыты", "Время", "Time"),
    "ofd": ("ФДО", "ОФД", "OFD"),
    "site": (
        "Чекті тексеру үшін сайтқа кіріңіз",
        "Для проверки чека зайдите на сайт",
        "Check the receipt at",
    ),
    "fiscal": ("ФИСКАЛДЫ ЧЕК", "ФИСКАЛЬНЫЙ ЧЕК", "FISCAL RECEIPT"),
    "offline": ("АВТОНОМДЫ РЕЖИМ", "АВТОНОМНЫЙ РЕЖИМ", "OFFLINE MODE"),
    "ink": ("КСН", "ИНК", "IN"),
    "rnm": ("ККМ КГД коды (ТНМ)", "Код ККМ КГД (РНМ)", "KGD KKM code (RN)"),
    "znm": ("КЗН", "ЗНМ", "SN"),
    "bin": ("БСН/ЖСН", "БИН/ИИН", "BIN/IIN"),
}


def stamp(at: datetime) -> str:
    """``dd.MM.yyyy HH:mm:ss``, the provider's local time."""
    return at.strftime("%d.%m.%Y %H:%M:%S")


def _money(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"))


def ticket_url(receipt: Receipt) -> str:
    """The OFD's check page, the QR's content: ``http://{host}?i=&f=&s=&t=`` (fiscal.md §1.11)."""
    return (
        f"http://{OFD['Host']}?i={receipt.fiscal_sign}&f={REGISTRATION_NUMBER}"
        f"&s={_money(receipt.total)}&t={receipt.at.strftime('%Y%m%dT%H%M%S')}"
    )


def print_url(origin: str, receipt: Receipt) -> str:
    """The printable page this sandbox serves (``/spa-ui/ticket``)."""
    key = f"extnum={receipt.external}" if receipt.external else f"num={receipt.fiscal_sign}"
    return f"{origin}/spa-ui/ticket?chb={CASHBOX}&sh={receipt.shift}&{key}"


def _cashbox_json() -> dict[str, object]:
    return {
        "UniqueNumber": CASHBOX,
        "RegistrationNumber": REGISTRATION_NUMBER,
        "IdentityNumber": IDENTITY_NUMBER,
        "Address": SELLER["Address"],
        "AddressKz": SELLER["AddressKz"],
        "Ofd": dict(OFD),
    }


def receipt_json(receipt: Receipt, register: Register, origin: str) -> dict[str, object]:
    """A ``check`` answer's ``Data`` (also the error-14 answer's), the keys of fiscal.md §1.5."""
    return {
        "CheckNumber": receipt.fiscal_sign,
        "DateTime": stamp(receipt.at),
        "DateTimeUTC": f"{stamp(receipt.at)} +05:00",
        "OfflineMode": receipt.offline,
        "CashboxOfflineMode": register.offline,
        "Cashbox": _cashbox_json(),
        "Organization": {"TaxPayerName": SELLER["TaxPayerName"], "TaxPayerIN": SELLER["TaxPayerIN"]},
        "CheckOrderNumber": receipt.order,
        "ShiftNumber": receipt.shift,
        "EmployeeName": CASHIER_NAME,
        "TicketUrl": ticket_url(receipt),
        "TicketPrintUrl": print_url(origin, receipt),
        "TicketPrintFormat": print_lines(receipt, ("kk-KZ", "ru-RU")),
    }


def history_json(receipt: Receipt, register: Register, origin: str) -> dict[str, object]:
    """A ``Check/History`` item (and ``GET /sandbox/checks``): the receipt with what identifies it."""
    return {
        **receipt_json(receipt, register, origin),
        "ExternalCheckNumber": receipt.external,
        "OperationType": receipt.operation,
        "Total": _money(receipt.total),
        "IsOffline": receipt.offline,
    }


def _operation_json(shift: Shift, operation: int, register: Register) -> dict[str, object]:
    receipts = [r for r in shift.receipts if r.operation == operation]
    by_type: dict[int, Decimal] = {}
    for receipt in receipts:
        for kind, paid in receipt.payments.items():
            by_type[kind] = by_type.get(kind, Decimal(0)) + paid - (receipt.change if kind == 0 else 0)
    return {
        "PaymentsByTypesApiModel": [{"Sum": _money(by_type[kind]), "Type": kind} for kind in sorted(by_type)],
        "Discount": _money(sum((r.discount for r in receipts), Decimal(0))),
        "Markup": _money(sum((r.markup for r in receipts), Decimal(0))),
        "Taken": _money(sum((sum(r.payments.values(), Decimal(0)) for r in receipts), Decimal(0))),
        "Change": _money(sum((r.change for r in receipts), Decimal(0))),
        "Count": len(receipts),
        "TotalCount": sum(r.operation == operation for r in register.receipts),
        "VAT": _money(sum((r.vat for r in receipts), Decimal(0))),
    }


def _non_nullable(totals: dict[int, Decimal]) -> dict[str, object]:
    return {name: _money(totals[n]) for n, name in enumerate(("Buy", "ReturnBuy", "Sell", "ReturnSell"))}


def report_json(shift: Shift, register: Register, number: int) -> dict[str, object]:
    """An X report (shift open) or Z report (shift closed) of ``shift`` (fiscal.md §1.8)."""
    end_totals = dict(shift.start_totals)
    cash = Decimal(0)
    for receipt in shift.receipts:
        end_totals[receipt.operation] += receipt.total
        cash_in = receipt.payments.get(0, Decimal(0)) - receipt.change
        cash += cash_in if receipt.operation in (2, 1) else -cash_in
    operations = {
        name: _operation_json(shift, n, register)
        for n, name in enumerate(("Buy", "ReturnBuy", "Sell", "ReturnSell"))
    }
    control = hashlib.sha256(
        f"{shift.number}|{number}|{'|'.join(r.fiscal_sign for r in shift.receipts)}".encode()
    ).digest()
    report: dict[str, object] = {
        "TaxPayerName": SELLER["TaxPayerName"],
        "TaxPayerIN": SELLER["TaxPayerIN"],
        "TaxPayerVAT": True,
        "TaxPayerVATSeria": SELLER["TaxPayerVATSeria"],
        "TaxPayerVATNumber": SELLER["TaxPayerVATNumber"],
        "ReportNumber": number,
        "CashboxSN": CASHBOX,
        "CashboxIN": int(IDENTITY_NUMBER),
        "CashboxRN": REGISTRATION_NUMBER,
        "StartOn": stamp(shift.opened),
        "ReportOn": stamp(register.now()),
        "CashierCode": 1,
        "CashierName": CASHIER_NAME,
        "ShiftNumber": shift.number,
        "DocumentCount": len(shift.receipts),
        "PutMoneySum": _money(Decimal(0)),
        "TakeMoneySum": _money(Decimal(0)),
        "ControlSum": int.from_bytes(control[:4], "big") % 1_000_000_000,
        "OfflineMode": register.offline,
        "CashboxOfflineMode": register.offline,
        "SumInCashbox": _money(cash),
        **operations,
        "StartNonNullable": _non_nullable(shift.start_totals),
        "EndNonNullable": _non_nullable(end_totals),
        "Ofd": dict(OFD),
    }
    if shift.closed is not None:
        report["CloseOn"] = stamp(shift.closed)
    return report


def _pair(key: str, languages: tuple[str, ...]) -> str:
    words = _WORDS[key]
    return "/".join(dict.fromkeys(words[LANGUAGES.index(language)] for language in languages))


def print_lines(receipt: Receipt, languages: tuple[str, ...]) -> list[dict[str, object]]:
    """The print form: ``{Order, Type (0 text, 2 QR), Value, Style (0 normal, 1 bold)}`` in the order of
    the provider's sample (fiscal.md §1.5), each label in the two ``languages``."""
    width = 32 if receipt.paper_kind in (1, 2, 3, 4) else 48
    rows: list[tuple[int, str, int]] = []

    def text(value: str, style: int = 0) -> None:
        rows.append((0, value, style))

    def two_sided(left: str, right: str, style: int = 0) -> None:
        gap = max(1, width - len(left) - len(right))
        text(f"{left}{' ' * gap}{right}", style)

    def words(key: str) -> str:
        return _pair(key, languages)

    text(SELLER["TaxPayerName"])
    text(f"{words('bin')}: {SELLER['TaxPayerIN']}")
    text(SELLER["CashboxName"])
    text(f"{words('shift')} {receipt.shift}")
    text(f"{words('check')} №{receipt.fiscal_sign}")
    text(f"{words('cashier')} {CASHIER_NAME}")
    text(f"{words(f'op{receipt.operation}')} №{receipt.order}", 1)
    for line in receipt.lines:
        text(line.name)
        text(f"{line.count.normalize():f} x {_money(line.price)}")
        two_sided(words("cost"), str(_money(line.total)))
    for kind, paid in sorted(receipt.payments.items()):
        two_sided(f"{words(f'pay{kind}')}:", str(_money(paid)))
    if receipt.change:
        two_sided(f"{words('change')}:", str(_money(receipt.change)))
    two_sided(f"{words('total')}:", str(_money(receipt.total)), 1)
    for percent in sorted({line.tax_percent for line in receipt.lines if line.tax_type == 100}):
        vat = sum(
            (ln.tax for ln in receipt.lines if ln.tax_type == 100 and ln.tax_percent == percent), Decimal(0)
        )
        two_sided(f"{words('vat')} {percent.normalize():f}%:", str(_money(vat)))
    text(f"{words('sign')}: {receipt.fiscal_sign}")
    text(f"{words('time')}: {stamp(receipt.at)}")
    text(SELLER["AddressKz"])
    text(SELLER["Address"])
    text(f"{words('ofd')}: {OFD['Name']}")
    text(f"{words('site')}: {OFD['Host']}")
    if receipt.offline:
        text(words("offline"), 1)
    text(words("fiscal"), 1)
    rows.append((2, ticket_url(receipt), 0))
    text(f"{words('ink')}: {IDENTITY_NUMBER}")
    text(f"{words('rnm')}: {REGISTRATION_NUMBER}")
    text(f"{words('znm')}: {CASHBOX}")
    text("FISCAL SANDBOX (WEBKASSA v4)")
    return [
        {"Order": n, "Type": kind, "Value": value, "Style": style}
        for n, (kind, value, style) in enumerate(rows, 1)
    ]


def cashbox_state_json(register: Register) -> dict[str, object]:
    """``/api-portal/cashbox/state``'s ``Data`` (fiscal.md §1.3, seen in the Delphi driver): the shift now."""
    last = register.shifts[-1] if register.shifts else None
    current: dict[str, object] = {
        "ShiftNumber": last.number if last else 0,
        "ShiftClosed": last is None or last.closed is not None,
        "ShiftOpenedAt": stamp(last.opened) if last else None,
        "LastOperationDate": stamp(register.receipts[-1].at) if register.receipts else None,
        "DocumentsCount": len(last.receipts) if last else 0,
    }
    if last is not None:
        current["ReportState"] = report_json(last, register, register.reports)
    return {"OfdProtocolVersion": 203, "AllLicenseExpiring": False, "CurrentState": current}
