"""Webkassa v4 JSON (OFD protocol 2.0.3) both ways: request bodies out, typed values in (fiscal.md §1).

Keys are sent in PascalCase as the vendor's examples; money leaves as JSON numbers in tenge with two
decimals (``12345.67``), written from the integer tiyn without any float; answers are read with
``Decimal`` (:func:`~epay_desktop.gateway._parse.decode_json`). Anything the documented API does not
send raises :class:`~epay_desktop.gateway._parse.BodyError`; the client turns it into a FiscalError.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Final

from epay_desktop.domain import Money
from epay_desktop.fiscal.models import FiscalOperation
from epay_desktop.fiscal.models import FiscalReceipt
from epay_desktop.fiscal.models import FiscalReturn
from epay_desktop.fiscal.models import FiscalSale
from epay_desktop.fiscal.models import Ofd
from epay_desktop.fiscal.models import OperationTotals
from epay_desktop.fiscal.models import PrintLine
from epay_desktop.fiscal.models import PrintLineKind
from epay_desktop.fiscal.models import RegisterReceipt
from epay_desktop.fiscal.models import ReturnBasis
from epay_desktop.fiscal.models import ShiftReport
from epay_desktop.fiscal.models import vat_included
from epay_desktop.gateway._parse import BodyError
from epay_desktop.gateway._parse import almaty_time
from epay_desktop.gateway._parse import get_bool
from epay_desktop.gateway._parse import get_int
from epay_desktop.gateway._parse import get_money
from epay_desktop.gateway._parse import get_text
from epay_desktop.gateway._parse import require_mapping

__all__ = [
    "CARD_PAYMENT",
    "NO_ROUNDING",
    "ONE_SERVICE",
    "VAT",
    "check_fields",
    "dump",
    "envelope",
    "history_item",
    "history_receipts",
    "parse_print_lines",
    "parse_receipt",
    "parse_report",
]

#: ``Payments[].PaymentType`` of a bank card; ``Positions[].TaxType`` of VAT; ``UnitCode`` "one service".
CARD_PAYMENT: Final = 1
VAT: Final = 100
NO_TAX: Final = 0
ONE_SERVICE: Final = 5114
#: ``RoundType`` 0: card sums are exact to the tiyn (fiscal.md §1.14).
NO_ROUNDING: Final = 0
_LOCAL_FORMAT: Final = "%d.%m.%Y %H:%M:%S"


def tenge(amount: Money) -> Decimal:
    """The amount as the API's decimal tenge (``Decimal('12345.67')``), exact."""
    return amount.to_decimal()


def dump(value: object) -> bytes:
    """UTF-8 JSON of ``value``; a ``Decimal`` is written as the number it is (no float on the way)."""
    return _json(value).encode("utf-8")


def _json(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def check_fields(cashbox: str, request: FiscalSale) -> dict[str, object]:
    """The ``POST /api/v4/check`` body without ``Token``: one service line, paid by card, VAT included."""
    price = tenge(request.amount)
    if request.vat_percent is None:
        tax_type, tax_percent, tax = NO_TAX, 0, Decimal(0)
    else:
        tax_type, tax_percent = VAT, request.vat_percent
        tax = tenge(vat_included(request.amount, request.vat_percent))
    operation = FiscalOperation.SALE_RETURN if isinstance(request, FiscalReturn) else FiscalOperation.SALE
    fields: dict[str, object] = {
        "CashboxUniqueNumber": cashbox,
        "OperationType": int(operation),
        "Positions": [
            {
                "Count": 1,
                "Price": price,
                "TaxPercent": tax_percent,
                "Tax": tax,
                "TaxType": tax_type,
                "PositionName": request.position_name,
                "UnitCode": ONE_SERVICE,
            }
        ],
        "Payments": [{"Sum": price, "PaymentType": CARD_PAYMENT}],
        "RoundType": NO_ROUNDING,
        "ExternalCheckNumber": request.external_number,
        "PaperKind": int(request.paper),
    }
    if request.order_number:
        fields["ExternalOrderNumber"] = request.order_number
    if isinstance(request, FiscalReturn):
        fields["ReturnBasisDetails"] = _return_basis(request.basis)
    return fields


def _return_basis(basis: ReturnBasis) -> dict[str, object]:
    return {
        "CheckNumber": basis.check_number,
        "DateTime": basis.registered_at.isoformat(timespec="seconds"),
        "RegistrationNumber": basis.registration_number,
        "Total": tenge(basis.total),
        "IsOffline": basis.offline,
    }


def envelope(body: object) -> tuple[object, list[tuple[int, str]]]:
    """``(Data, [(Code, Text), ...])`` of an answer; ``Errors`` may come together with ``Data``."""
    root = require_mapping(body, "answer")
    errors = []
    raw_errors = root.get("Errors")
    if raw_errors is not None:
        if not isinstance(raw_errors, list):
            raise BodyError("Errors is not a list")
        for item in raw_errors:
            entry = require_mapping(item, "Errors[]")
            code = get_int(entry, "Code")
            if code is None:
                raise BodyError("Errors[] has no Code")
            errors.append((code, get_text(entry, "Text")))
    return root.get("Data"), errors


def _local_time(obj: Mapping[str, object], key: str) -> datetime | None:
    """``dd.MM.yyyy HH:mm:ss`` (Kazakhstan wall clock) as an aware datetime; absent is None."""
    text = get_text(obj, key).strip()
    if not text:
        return None
    try:
        return almaty_time(datetime.strptime(text, _LOCAL_FORMAT))
    except ValueError:
        raise BodyError(f"{key} {text!r} is not dd.MM.yyyy HH:mm:ss") from None


def _receipt_time(data: Mapping[str, object]) -> datetime:
    """``DateTimeUTC`` (``14.09.2025 16:55:37 +05:00``), else ``DateTime`` read as Kazakhstan time."""
    text = get_text(data, "DateTimeUTC").strip()
    if text:
        try:
            return datetime.strptime(text, f"{_LOCAL_FORMAT} %z")
        except ValueError:
            raise BodyError(f"DateTimeUTC {text!r} is not dd.MM.yyyy HH:mm:ss +hh:mm") from None
    moment = _local_time(data, "DateTime")
    if moment is None:
        raise BodyError("DateTime is missing")
    return moment


def _ofd(value: object) -> Ofd:
    if value is None:
        return Ofd("")
    ofd = require_mapping(value, "Ofd")
    return Ofd(
        name=get_text(ofd, "Name"),
        name_kk=get_text(ofd, "NameKz"),
        name_en=get_text(ofd, "NameEn"),
        host=get_text(ofd, "Host"),
        code=get_int(ofd, "Code"),
    )


def _section(data: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = data.get(key)
    return {} if value is None else require_mapping(value, key)


def _required_int(obj: Mapping[str, object], key: str) -> int:
    value = get_int(obj, key)
    if value is None:
        raise BodyError(f"{key} is missing")
    return value


def parse_print_lines(value: object) -> tuple[PrintLine, ...]:
    """``[{Order, Type, Value, Style}]`` in print order; an unknown Type prints as text, Style 1 is bold."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise BodyError("the print form is not a list")
    lines = []
    for item in value:
        entry = require_mapping(item, "print line")
        try:
            kind = PrintLineKind(get_int(entry, "Type") or 0)
        except ValueError:  # 3 (a rule), 4 (two-sided text) and later kinds: their text is printed
            kind = PrintLineKind.TEXT
        lines.append(
            PrintLine(
                order=get_int(entry, "Order") or 0,
                kind=kind,
                value=get_text(entry, "Value"),
                bold=get_int(entry, "Style") == 1,
            )
        )
    return tuple(sorted(lines, key=lambda line: line.order))


def parse_receipt(
    body: object, request: FiscalSale, *, already_registered: bool, ofd: Ofd | None = None
) -> FiscalReceipt:
    """The receipt from a ``check`` answer's ``Data`` (fiscal.md §1.5), for ``request``; a history item
    (``IsOffline``, the OFD named once for the page: ``ofd``) reads the same way."""
    data = require_mapping(body, "Data")
    check_number = get_text(data, "CheckNumber", required=True)
    cashbox = _section(data, "Cashbox")
    organisation = _section(data, "Organization")
    operation = FiscalOperation.SALE_RETURN if isinstance(request, FiscalReturn) else FiscalOperation.SALE
    return FiscalReceipt(
        external_number=request.external_number,
        operation=operation,
        total=request.amount,
        check_number=check_number,
        registered_at=_receipt_time(data),
        offline=get_bool(data, "OfflineMode") or get_bool(data, "IsOffline"),
        cashbox_offline=get_bool(data, "CashboxOfflineMode"),
        cashbox_number=get_text(cashbox, "UniqueNumber"),
        registration_number=get_text(cashbox, "RegistrationNumber"),
        identity_number=get_text(cashbox, "IdentityNumber"),
        shift_number=_required_int(data, "ShiftNumber"),
        order_number=get_int(data, "CheckOrderNumber"),
        ofd=_ofd(cashbox.get("Ofd")) if ofd is None or "Ofd" in cashbox else ofd,
        ticket_url=get_text(data, "TicketUrl"),
        print_url=get_text(data, "TicketPrintUrl"),
        seller_name=get_text(organisation, "TaxPayerName"),
        seller_bin=get_text(organisation, "TaxPayerIN"),
        address=get_text(cashbox, "Address"),
        address_kk=get_text(cashbox, "AddressKz"),
        cashier=get_text(data, "EmployeeName"),
        print_lines=parse_print_lines(data.get("TicketPrintFormat")),
        already_registered=already_registered,
    )


def _history_items(body: object) -> tuple[Mapping[str, object], list[Mapping[str, object]]]:
    """A ``Check/History`` page's ``Data`` and its ``Items``."""
    data = require_mapping(body, "Data")
    items = data.get("Items") or []
    if not isinstance(items, list):
        raise BodyError("Items is not a list")
    return data, [require_mapping(item, "Items[]") for item in items]


def history_item(body: object, request: FiscalSale) -> tuple[FiscalReceipt | None, int, int]:
    """In a ``Check/History`` page: (the receipt with the request's ``ExternalCheckNumber`` or None,
    items on the page, ``Total``)."""
    data, items = _history_items(body)
    ofd = _ofd(data.get("Ofd"))
    for entry in items:
        if get_text(entry, "ExternalCheckNumber") == request.external_number:
            return parse_receipt(entry, request, already_registered=True, ofd=ofd), len(items), 0
    return None, len(items), get_int(data, "Total") or 0


def history_receipts(body: object) -> tuple[tuple[RegisterReceipt, ...], int]:
    """A ``Check/History`` page as the register holds its receipts (each item's own ``Total`` and
    ``OperationType``, docs/fiscal-sandbox.md), and the page's ``Total``."""
    data, items = _history_items(body)
    receipts = []
    for entry in items:
        code = _required_int(entry, "OperationType")
        operation = FiscalOperation(code) if code in set(FiscalOperation) else code
        receipts.append(
            RegisterReceipt(
                external_number=get_text(entry, "ExternalCheckNumber"),
                operation=operation,
                total=get_money(entry, "Total", "KZT"),
                check_number=get_text(entry, "CheckNumber", required=True),
                registered_at=_receipt_time(entry),
                shift_number=_required_int(entry, "ShiftNumber"),
            )
        )
    return tuple(receipts), get_int(data, "Total") or 0


def _payments(value: object) -> Iterable[Mapping[str, object]]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise BodyError("PaymentsByTypesApiModel is not a list")
    return [require_mapping(item, "PaymentsByTypesApiModel[]") for item in value]


def _totals(data: Mapping[str, object], key: str) -> OperationTotals:
    section = _section(data, key)
    total = card = Money.zero()
    for payment in _payments(section.get("PaymentsByTypesApiModel")):
        amount = get_money(payment, "Sum", "KZT")
        total += amount
        if get_int(payment, "Type") == CARD_PAYMENT:
            card += amount
    return OperationTotals(
        total=total,
        card=card,
        count=get_int(section, "Count") or 0,
        vat=get_money(section, "VAT", "KZT", required=False),
    )


def parse_report(body: object) -> ShiftReport:
    """An X or Z report's ``Data`` (fiscal.md §1.8)."""
    data = require_mapping(body, "Data")
    return ShiftReport(
        report_number=get_int(data, "ReportNumber"),
        shift_number=_required_int(data, "ShiftNumber"),
        opened_at=_local_time(data, "StartOn"),
        reported_at=_local_time(data, "ReportOn"),
        closed_at=_local_time(data, "CloseOn"),
        documents=get_int(data, "DocumentCount") or 0,
        sales=_totals(data, "Sell"),
        returns=_totals(data, "ReturnSell"),
        offline=get_bool(data, "OfflineMode"),
        cashbox_offline=get_bool(data, "CashboxOfflineMode"),
        cashbox_number=get_text(data, "CashboxSN"),
        registration_number=get_text(data, "CashboxRN"),
        ofd=_ofd(data.get("Ofd")),
    )
