"""A ``POST /api/v4/check`` body read and validated (fiscal.md §1.4, §1.7, §1.13, §1.14): error 9 names
the field that is wrong and why.

Keys are matched case-insensitively, as the provider does (its own examples mix ``cashboxUniqueNumber``
and ``CashboxUniqueNumber``). Numbers arrive as Decimal (never float).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields
from datetime import datetime
from decimal import ROUND_HALF_UP
from decimal import Decimal
from typing import Any
from typing import Final

from epay_desktop.sandbox.config import KZ_TZ
from epay_desktop.sandbox.fiscal.register import OPERATION_RETURNED
from epay_desktop.sandbox.fiscal.register import Basis
from epay_desktop.sandbox.fiscal.register import Line
from epay_desktop.sandbox.fiscal.register import Receipt
from epay_desktop.sandbox.fiscal.register import Shift
from epay_desktop.sandbox.fiscal.register import validation_error

__all__ = ["CheckRequest", "Fields", "read_check"]

_CENT: Final = Decimal("0.01")
_TENGE: Final = Decimal(1)
_MAX_COUNT: Final = Decimal("4294967.295")
_MAX_PRICE: Final = Decimal(999_999_999)
_PAYMENT_TYPES: Final = (0, 1, 2, 3, 4)  # cash, bank card, credit, tare, mobile
_ROUND_TYPES: Final = (0, 1, 2, 3)  # none, total, every item (default), total only
_PAPER_KINDS: Final = tuple(range(15))
_MAX_EXTERNAL: Final = 50
_MAX_NAME: Final = 255


class Fields:
    """A JSON object read with case-insensitive keys; ``where`` names it in error texts."""

    def __init__(self, raw: object, where: str = "") -> None:
        if not isinstance(raw, dict):
            raise validation_error(f"{where or 'тело запроса'}: ожидается JSON-объект")
        self._values = {str(key).lower(): value for key, value in raw.items()}
        self._where = where

    def name(self, key: str) -> str:
        return f"{self._where}.{key}" if self._where else key

    def get(self, key: str) -> Any:
        return self._values.get(key.lower())

    def text(self, key: str, *, required: bool = True, longest: int = 0) -> str:
        value = self.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise validation_error(f"{self.name(key)}: обязательная строка")
        if longest and len(value) > longest:
            raise validation_error(f"{self.name(key)}: не длиннее {longest} символов")
        return value

    def whole(self, key: str, allowed: tuple[int, ...] | None = None, default: int | None = None) -> int:
        value = self.get(key)
        if value is None and default is not None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | Decimal) or value != int(value):
            raise validation_error(f"{self.name(key)}: обязательное целое число")
        if allowed is not None and int(value) not in allowed:
            raise validation_error(f"{self.name(key)}: допустимо {', '.join(map(str, allowed))}")
        return int(value)

    def number(
        self, key: str, *, places: int = 2, most: Decimal | None = None, default: Decimal | None = None
    ) -> Decimal:
        value = self.get(key)
        if value is None and default is not None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise validation_error(f"{self.name(key)}: обязательное число")
        amount = Decimal(value)
        if not amount.is_finite() or amount < 0:
            raise validation_error(f"{self.name(key)}: число не меньше 0")
        if most is not None and amount > most:
            raise validation_error(f"{self.name(key)}: не больше {most}")
        if amount != amount.quantize(Decimal(1).scaleb(-places)):
            raise validation_error(f"{self.name(key)}: не более {places} знаков после запятой")
        return amount

    def flag(self, key: str) -> bool:
        value = self.get(key)
        if not isinstance(value, bool):
            raise validation_error(f"{self.name(key)}: обязательно true или false")
        return value

    def items(self, key: str) -> list[Fields]:
        value = self.get(key)
        if not isinstance(value, list) or not value:
            raise validation_error(f"{self.name(key)}: непустой массив")
        return [Fields(item, f"{self.name(key)}[{n}]") for n, item in enumerate(value)]


@dataclass(frozen=True)
class CheckRequest:
    """What a valid ``check`` asks the register to record."""

    operation: int
    external: str
    lines: tuple[Line, ...]
    payments: dict[int, Decimal]
    total: Decimal
    change: Decimal
    round_type: int
    paper_kind: int
    basis: Basis | None

    def receipt(self, shift: Shift, order: int, fiscal_sign: str, at: datetime, offline: bool) -> Receipt:
        """The receipt the register records for this request (``Register.register`` numbers it)."""
        asked = {name.name: getattr(self, name.name) for name in fields(self)}
        return Receipt(
            **asked, fiscal_sign=fiscal_sign, at=at, offline=offline, shift=shift.number, order=order
        )


def _rounded(amount: Decimal, step: Decimal) -> Decimal:
    return amount.quantize(step, rounding=ROUND_HALF_UP)


def _line(item: Fields, round_type: int) -> Line:
    count = item.number("Count", places=3, most=_MAX_COUNT)
    price = item.number("Price", most=_MAX_PRICE)
    discount = item.number("Discount", default=Decimal(0))
    markup = item.number("Markup", default=Decimal(0))
    tax_type = item.whole("TaxType", (0, 100))
    tax_percent = item.number("TaxPercent", most=Decimal(100))
    tax = item.number("Tax")
    total = count * price - discount + markup
    if total < 0:
        raise validation_error(f"{item.name('Discount')}: скидка больше стоимости позиции")
    total = _rounded(total, _TENGE if round_type in (1, 2) else _CENT)
    if tax_type == 100:
        expected = _rounded(total * tax_percent / (100 + tax_percent), _CENT)
        if abs(tax - expected) > _CENT:
            raise validation_error(
                f"{item.name('Tax')} {tax}: НДС {tax_percent}% в сумме {total} составляет {expected}"
            )
    elif tax_percent or tax:
        raise validation_error(f"{item.name('TaxType')} 0 (без НДС): TaxPercent и Tax должны быть 0")
    return Line(
        name=item.text("PositionName", longest=_MAX_NAME),
        count=count,
        price=price,
        total=total,
        tax=tax,
        tax_percent=tax_percent,
        tax_type=tax_type,
        unit_code=item.whole("UnitCode"),
        discount=discount,
        markup=markup,
    )


def _payments(body: Fields, total: Decimal) -> tuple[dict[int, Decimal], Decimal]:
    """The payments by type and the change; error 9 when they do not pay ``total`` exactly (change
    only from cash)."""
    payments: dict[int, Decimal] = {}
    for item in body.items("Payments"):
        kind = item.whole("PaymentType", _PAYMENT_TYPES)
        if kind in payments:
            raise validation_error(f"{item.name('PaymentType')} {kind}: тип оплаты повторяется")
        payments[kind] = item.number("Sum")
    paid = sum(payments.values(), Decimal(0))
    if paid < total:
        raise validation_error(f"Payments: оплачено {paid}, итог чека {total}")
    change = paid - total
    if change > payments.get(0, Decimal(0)):
        raise validation_error(
            f"Payments: безналичная оплата {paid - payments.get(0, Decimal(0))} больше итога {total}"
        )
    return payments, change


def _instant(raw: object, where: str) -> datetime:
    """An ISO 8601 date-time (``Z`` or an offset; without one: Kazakhstan's time), to the second."""
    try:
        if not isinstance(raw, str):
            raise ValueError(raw)
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise validation_error(f"{where}: дата-время ISO 8601, например 2026-03-02T11:55:37+05:00") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=KZ_TZ)
    return parsed.astimezone(KZ_TZ).replace(microsecond=0)


def _basis(body: Fields, operation: int) -> Basis | None:
    raw = body.get("ReturnBasisDetails")
    if operation not in OPERATION_RETURNED:
        return None
    if raw is None:
        raise validation_error("ReturnBasisDetails: обязателен для возврата (протокол ОФД 2.0.3)")
    basis = Fields(raw, "ReturnBasisDetails")
    return Basis(
        fiscal_sign=basis.text("CheckNumber"),
        registration_number=basis.text("RegistrationNumber"),
        at=_instant(basis.get("DateTime"), basis.name("DateTime")),
        total=basis.number("Total"),
        offline=basis.flag("IsOffline"),
    )


def read_check(body: Fields) -> CheckRequest:
    """The request's receipt, or error 9."""
    operation = body.whole("OperationType", (0, 1, 2, 3))
    round_type = body.whole("RoundType", _ROUND_TYPES, default=2)
    lines = tuple(_line(item, round_type) for item in body.items("Positions"))
    total = sum((line.total for line in lines), Decimal(0))
    if round_type in (1, 3):
        total = _rounded(total, _TENGE)
    if total <= 0:
        raise validation_error("Positions: итог чека должен быть больше 0")
    if any(line.tax_type == 100 for line in lines) and sum(line.tax for line in lines) <= 0:
        raise validation_error("Positions: сумма налогов должна быть положительной")
    payments, change = _payments(body, total)
    if body.get("Change") is not None:
        body.number("Change")  # only checked (a number >= 0): the register works the change out itself
    return CheckRequest(
        operation=operation,
        external=body.text("ExternalCheckNumber", required=False, longest=_MAX_EXTERNAL),
        lines=lines,
        payments=payments,
        total=total,
        change=change,
        round_type=round_type,
        paper_kind=body.whole("PaperKind", _PAPER_KINDS, default=0),
        basis=_basis(body, operation),
    )
