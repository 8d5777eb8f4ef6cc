"""The receipt QR payload is the invoice id (what the console's search finds); old codes still read."""

from __future__ import annotations

import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.receipts import LEGACY_QR_PREFIX
from epay_desktop.receipts import payment_qr_payload
from epay_desktop.receipts import read_payment_qr


def test_payload_is_the_invoice_id_and_reads_back():
    text = payment_qr_payload(InvoiceId("000123456"))
    assert text == "000123456"
    assert read_payment_qr(f"  {text}\n") == (InvoiceId("000123456"), None)


def test_receipts_of_earlier_versions_are_still_read():
    old = LEGACY_QR_PREFIX + "invoice=123456789012345&txn=a+b%26c%3Dd"
    assert read_payment_qr(old) == (InvoiceId("123456789012345"), "a b&c=d")
    assert read_payment_qr(LEGACY_QR_PREFIX + "invoice=000123456") == (InvoiceId("000123456"), None)


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/?invoice=000123456",
        "12345",  # too short for an invoice id
        "0001234567890123",  # too long
        "epay-desktop:payment?txn=abc",
        "epay-desktop:payment?invoice=12ab",
        "epay-desktop:payment?invoice=000123456&invoice=000123457",
    ],
)
def test_foreign_or_broken_codes_are_refused(text):
    with pytest.raises(ValueError):
        read_payment_qr(text)
