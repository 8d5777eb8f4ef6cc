"""Fiscal requests as the console will make them, for the fiscal adapter's tests: a one-line card sale
and a return of a registered sale."""

from __future__ import annotations

from epay_desktop.domain import Money
from epay_desktop.fiscal.models import FiscalReceipt
from epay_desktop.fiscal.models import FiscalReturn
from epay_desktop.fiscal.models import FiscalSale

__all__ = ["POSITION", "card_sale", "return_of"]

POSITION = "Оплата заказа 000123"


def card_sale(external: str, minor: int, *, vat: int | None = 16, order: str = "000123") -> FiscalSale:
    return FiscalSale(
        external_number=external,
        amount=Money(minor),
        position_name=POSITION,
        vat_percent=vat,
        order_number=order,
    )


def return_of(sale: FiscalReceipt, external: str, minor: int, *, vat: int | None = 16) -> FiscalReturn:
    """A return of ``minor`` tiyn of ``sale``, naming it (ReturnBasisDetails)."""
    return FiscalReturn(
        external_number=external,
        amount=Money(minor),
        position_name=POSITION,
        vat_percent=vat,
        basis=sale.return_basis(),
    )
