"""The fiscal values: VAT inside an amount to the tiyn, and what a sale or return may carry."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from datetime import timezone

import pytest

from epay_desktop.domain import Money
from epay_desktop.fiscal.models import FiscalReturn
from epay_desktop.fiscal.models import FiscalSale
from epay_desktop.fiscal.models import ReturnBasis
from epay_desktop.fiscal.models import vat_included

KZ = timezone(timedelta(hours=5))


@pytest.mark.parametrize(
    ("minor", "percent", "vat"),
    [
        (50000, 12, 5357),  # fiscal.md §1.13: 500 at 12 % -> 53.57
        (50000, 16, 6897),  # 500 at 16 % -> 68.97
        (1234567, 16, 170285),  # §1.7's sale: 12 345.67 -> 1 702.85
        (400000, 16, 55172),  # §1.7's return: 4 000 -> 551.72
        (1, 16, 0),
        (50000, 0, 0),
    ],
)
def test_vat_included_is_exact_to_the_tiyn(minor, percent, vat):
    assert vat_included(Money(minor), percent) == Money(vat)


def test_a_negative_vat_rate_is_refused():
    with pytest.raises(ValueError, match="negative"):
        vat_included(Money(100), -1)


def _basis(**changes: object) -> ReturnBasis:
    values: dict[str, object] = {
        "check_number": "367645207",
        "registered_at": datetime(2025, 9, 14, 16, 55, 37, tzinfo=KZ),
        "registration_number": "032600010282",
        "total": Money(1234567),
        "offline": False,
    }
    values.update(changes)
    return ReturnBasis(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("external", ["", "x" * 51, "a\nb"])
def test_the_external_number_is_1_to_50_printable_characters(external):
    with pytest.raises(ValueError, match="1 to 50"):
        FiscalSale(external_number=external, amount=Money(100), position_name="x", vat_percent=16)


def test_a_sale_needs_an_amount_and_a_name():
    with pytest.raises(ValueError, match="above zero"):
        FiscalSale(external_number="a", amount=Money(0), position_name="x", vat_percent=16)
    with pytest.raises(ValueError, match="position name"):
        FiscalSale(external_number="a", amount=Money(1), position_name=" ", vat_percent=16)


def test_a_return_is_at_most_the_original_and_its_time_has_an_offset():
    with pytest.raises(ValueError, match="larger than the original"):
        FiscalReturn(
            external_number="r", amount=Money(1234568), position_name="x", vat_percent=16, basis=_basis()
        )
    with pytest.raises(ValueError, match="UTC offset"):
        _basis(registered_at=datetime(2025, 9, 14, 16, 55, 37))
    ret = FiscalReturn(
        external_number="r", amount=Money(1234567), position_name="x", vat_percent=16, basis=_basis()
    )
    assert ret.basis.total == ret.amount
