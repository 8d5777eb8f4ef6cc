"""The fiscal sandbox's one cashbox and who may use it (docs/fiscal-sandbox.md).

The register accepts only these: the integrator's API key (header ``x-api-key``), the cashier's login
and password (``/api/v4/Authorize``) and the cashbox's factory number (``CashboxUniqueNumber``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Final

__all__ = [
    "API_KEY",
    "CASHBOX",
    "CASHIER_NAME",
    "DEFAULT_PORT",
    "IDENTITY_NUMBER",
    "LOGIN",
    "OFD",
    "PASSWORD",
    "REGISTRATION_NUMBER",
    "SELLER",
    "add_arguments",
]

#: What the register lets in: the integrator's API key (header ``x-api-key``), the cashier's login and
#: password (``Authorize``; the cashier's name on receipts is the login).
API_KEY, LOGIN, PASSWORD = "demo-api-key", "demo@epay-desktop.kz", "demo-pass"
CASHIER_NAME: Final = LOGIN
#: The cashbox: its factory number (ЗНМ, ``CashboxUniqueNumber``), its registration number at the tax
#: office (РНМ, "Код ККМ КГД", 12 digits) and its number at the OFD (ИНК/КСН).
CASHBOX, REGISTRATION_NUMBER, IDENTITY_NUMBER = "SWK00000001", "032600000001", "1001"
#: The seller (``Organization``) and where the cashbox is used.
SELLER: Final = {
    "TaxPayerName": 'ТОО "ePay Desktop Demo"',
    "TaxPayerIN": "990140000017",
    "TaxPayerVATSeria": "60001",
    "TaxPayerVATNumber": "1234567",
    "Address": "г. Алматы, пр. Абая, 1",
    "AddressKz": "Алматы қ., Абай даң., 1",
    "CashboxName": "ePay Desktop касса 1",
}
#: The OFD the cashbox reports to: Smartcontract (WOFD), code 4, its test check site.
OFD: Final = {
    "Name": 'ТОО "Smartcontract" (WOFD)',
    "NameKz": '"Smartcontract" ЖШС (WOFD)',
    "NameEn": "Smartcontract LLP (WOFD)",
    "Host": "ctest.wofd.kz/consumer",
    "Code": 4,
}

DEFAULT_PORT: Final = 8766


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``epay-desktop fiscal-sandbox``'s options (no web stack loaded to build the parser)."""
    from epay_desktop.sandbox.options import add_listen_arguments

    add_listen_arguments(parser, DEFAULT_PORT)
    parser.add_argument(
        "--keep",
        metavar="FILE",
        type=Path,
        help="keep the register (shifts, receipts, report numbers, offline mode, clock; never session "
        "tokens) in FILE: read at the start when it is there, written after every change (default: in "
        "memory only)",
    )
