"""The receipt QR payload: always the invoice id, the transaction id when known, and readable back."""

from __future__ import annotations

import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.receipts import QR_PREFIX, payment_qr_payload, read_payment_qr


def test_payload_names_invoice_and_transaction():
    text = payment_qr_payload(InvoiceId("000123456"), "txn-1")
    assert text == "epay-desktop:payment?invoice=000123456&txn=txn-1"
    assert read_payment_qr(text) == (InvoiceId("000123456"), "txn-1")


def test_payload_without_transaction_still_finds_the_payment():
    text = payment_qr_payload(InvoiceId("123456789012345"))
    assert text == QR_PREFIX + "invoice=123456789012345"
    assert read_payment_qr(f"  {text}\n") == (InvoiceId("123456789012345"), None)


def test_odd_transaction_ids_are_escaped_and_survive():
    text = payment_qr_payload(InvoiceId("000123456"), "a b&c=d")
    assert "&c=" not in text
    assert read_payment_qr(text)[1] == "a b&c=d"


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/?invoice=000123456",
        "epay-desktop:payment?txn=abc",
        "epay-desktop:payment?invoice=12ab",
        "epay-desktop:payment?invoice=000123456&invoice=000123457",
    ],
)
def test_foreign_or_broken_codes_are_refused(text):
    with pytest.raises(ValueError):
        read_payment_qr(text)
