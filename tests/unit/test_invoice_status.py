import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import InvoiceIdError
from epay_desktop.domain import PaymentStatus


@pytest.mark.parametrize("text", ["000001", "123456789012345", "205218074"])
def test_valid_invoice_ids(text):
    assert InvoiceId(text).value == text


@pytest.mark.parametrize(
    "text", ["12345", "1234567890123456", "12345a", "", " 123456", "１２３４５６", "-123456"]
)
def test_invalid_invoice_ids(text):
    with pytest.raises(InvoiceIdError):
        InvoiceId(text)


def test_invoice_parse_strips_and_tail():
    inv = InvoiceId.parse("  000123456789 ")
    assert inv.value == "000123456789"
    assert inv.tail == "456789"


def test_invoice_from_number():
    assert InvoiceId.from_number(42).value == "000000042"
    with pytest.raises(InvoiceIdError):
        InvoiceId.from_number(10**16, width=15)


def test_status_parse_and_unknown():
    assert PaymentStatus.parse("3D") is PaymentStatus.THREE_DS
    assert PaymentStatus.parse("charge") is PaymentStatus.CHARGE
    with pytest.raises(ValueError, match="APPROVED"):
        PaymentStatus.parse("APPROVED")


def test_status_rules():
    s = PaymentStatus
    assert {x for x in s if x.allows_refund} == {s.CHARGE}
    assert {x for x in s if x.allows_charge} == {s.AUTH}
    assert {x for x in s if x.allows_cancel} == {s.AUTH}
    assert {x for x in s if not x.is_final} == {s.NEW, s.FINGERPRINT, s.AUTH}
    assert {x for x in s if x.is_failure} == {s.THREE_DS, s.REJECT, s.FAILED}
    assert s.CANCEL_OLD.is_final and not s.CANCEL_OLD.is_paid
