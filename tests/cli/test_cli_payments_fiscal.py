"""``epay-desktop show`` tells where the payment's fiscal receipts stand (decision 0128), plain and
``--json``: the sale's receipt registered at a fiscal sandbox (its fiscal sign, shift, number and the
OFD's page), a refund's return refused for a shift past 24 hours (the reason and what to do). A payment
with no fiscal record (no provider configured) shows nothing of the kind, as before."""

from __future__ import annotations

import asyncio
from datetime import UTC
from datetime import datetime
from typing import Any

import httpx

from epay_desktop.domain import InvoiceId
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.server import start_in_thread
from epay_desktop.services.fiscal.service import FiscalConnection
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.services.fiscal.setup import FiscalSecrets
from epay_desktop.services.fiscal.setup import FiscalSettings
from epay_desktop.services.fiscal.setup import build_provider
from epay_desktop.settings import load_store_settings
from epay_desktop.store.open import open_store


def _fiscalise(
    env: dict[str, str], url: str, invoice: str, refund_id: str | None = None
) -> list[FiscalRecord]:
    """What the console's fiscal service does once the bank confirmed the sale (or the refund ``refund_id``),
    on the command line's database and the fiscal sandbox at ``url``."""
    store = open_store(load_store_settings(env))

    async def connect() -> FiscalConnection:
        settings = FiscalSettings("webkassa", url, LOGIN, CASHBOX, "16", "yes")
        provider = build_provider(settings, FiscalSecrets(API_KEY, PASSWORD))
        assert provider is not None
        return FiscalConnection(provider, 16)

    async def run() -> list[FiscalRecord]:
        service = FiscalService(store, connect, lambda: datetime.now(UTC))
        try:
            payment = await store.run_read(lambda tx: tx.payments.get_by_invoice(InvoiceId(invoice)))
            assert payment is not None
            if refund_id is None:
                await service.fiscalise_sale(payment.id)
            else:
                await service.fiscalise_refund(refund_id)
            return await service.records_of(payment.id)
        finally:
            await service.aclose()

    try:
        return asyncio.run(run())
    finally:
        store.close()


def test_show_prints_the_fiscal_receipts_plain_and_json(cli: Any) -> None:
    invoice = cli.charged("1000.00")
    assert cli.run("show", invoice, "--json").json()["fiscal"] == []  # no provider: nothing, as before
    with start_in_thread() as register:
        [sale] = _fiscalise(cli.env, register.base_url, invoice)
        httpx.post(f"{register.base_url}/sandbox/shift/expire", timeout=10).raise_for_status()
        assert cli.run("refund", invoice, "--amount", "300", "--reason", "broken cup").code == 0
        [refund] = cli.run("show", invoice, "--json").json()["operations"]
        _fiscalise(cli.env, register.base_url, invoice, refund["id"])

    kept = sale.receipt
    assert kept is not None
    shown = cli.run("show", invoice, "--json").json()
    first, second = shown["fiscal"]
    assert first["kind"] == "sale" and first["state"] == "registered" and first["amount"] == "1000.00"
    assert (first["fiscal_sign"], first["shift"], first["number"]) == (
        kept.check_number,
        kept.shift_number,
        kept.order_number,
    )
    assert first["said"] == (
        f"Fiscal receipt registered: fiscal sign {kept.check_number}, shift {kept.shift_number}, "
        f"No. {kept.order_number}"
    )
    assert first["check_url"] == kept.ticket_url and first["to_do"] is None
    assert second["kind"] == "return" and second["state"] == "needs_person" and second["amount"] == "300.00"
    assert second["said"] == "Fiscal return receipt not registered" and second["fiscal_sign"] is None
    assert "close the shift (Z report)" in second["to_do"]

    lines = cli.run("show", invoice).out.splitlines()
    registered = next(i for i, line in enumerate(lines) if first["said"] in line)
    assert lines[registered + 1].strip() == kept.ticket_url
    refused = next(i for i, line in enumerate(lines) if "Fiscal return receipt not registered" in line)
    assert "more than 24 hours" in lines[refused + 1]
