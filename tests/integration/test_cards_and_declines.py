"""Saved cards, declined and 3-D Secure payments, and an invoice nobody has paid yet."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import ApiError
from epay_desktop.gateway import CardPaymentResult
from epay_desktop.gateway import Declined
from epay_desktop.gateway import OperationResult
from epay_desktop.gateway import SavedCard
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import StatusNotFound
from epay_desktop.gateway import StatusResult


def test_saved_card_lifecycle(h: Any) -> None:
    account = "customer-42"
    first, _ = h.paid("1000", cardSave=True, accountId=account)
    card_id = h.ledger_entry(first)["cardId"]
    assert card_id
    second, third = h.new_invoice(), h.new_invoice()
    amount = Money.parse("250.75")

    async def go() -> tuple[
        list[SavedCard], CardPaymentResult, StatusResult, OperationResult, list[SavedCard]
    ]:
        async with h.client() as client:
            cards = await client.list_cards(account)
            token = await client.get_payment_token(second, amount)
            paid = await client.pay_with_saved_card(
                token, second, amount, cards[0].id, account, description="Repeat order"
            )
            status = await client.check_status(second)
            deactivated = await client.deactivate_card(cards[0].id)
            left = await client.list_cards(account)

            again = await client.get_payment_token(third, amount)
            with pytest.raises(ApiError) as refused:
                await client.pay_with_saved_card(again, third, amount, cards[0].id, account, description="x")
            assert isinstance(refused.value, Declined)
            assert refused.value.http_status == 400
            assert refused.value.user_message
            return cards, paid, status, deactivated, left

    cards, paid, status, deactivated, left = asyncio.run(go())

    assert len(cards) == 1
    card = cards[0]
    assert card.id == card_id
    assert card.account_id == account
    assert card.card_mask.startswith("440563") and card.card_mask.endswith("5096")
    assert card.payer_name == "TEST BUYER"
    assert card.payment_available is True
    assert card.token  # PascalCase "Token" was read

    assert paid.status is PaymentStatus.CHARGE
    assert paid.invoice_id == second.value
    assert paid.amount == amount
    assert isinstance(status, StatusFound)
    assert status.transaction.status is PaymentStatus.CHARGE
    assert status.transaction.amount == amount
    assert status.transaction.card_id == card_id

    assert deactivated.message == "card successfully deactivated"
    assert left == []  # {"code": 1373} means "no cards"
    assert [t["invoiceId"] for t in h.ledger()] == [first.value, second.value]  # nothing for the third


def _status(h: Any, invoice: InvoiceId) -> StatusResult:
    """What check-status answers for ``invoice`` now."""

    async def go() -> StatusResult:
        async with h.client() as client:
            return await client.check_status(invoice)

    return asyncio.run(go())


def test_declined_card_shows_reject_with_reason(h: Any) -> None:
    invoice, _ = h.paid("990.50", pan=h.DECLINED_CARD)

    status = _status(h, invoice)
    assert isinstance(status, StatusFound)
    assert status.transaction.status is PaymentStatus.REJECT
    assert status.transaction.reason_code == 465
    assert status.transaction.org_amount == Money.parse("990.50")


def test_failed_three_ds_shows_3d_with_reason(h: Any) -> None:
    invoice, _ = h.paid("1500", pan=h.THREE_DS_CARD, threeDSCode="123456")

    status = _status(h, invoice)
    assert isinstance(status, StatusFound)
    assert status.transaction.status is PaymentStatus.THREE_DS
    assert status.transaction.reason_code == 473
    assert status.transaction.secure is True


def test_status_before_any_attempt_is_not_found(h: Any) -> None:
    invoice = h.new_invoice()
    never_tokened = h.new_invoice()

    async def go() -> tuple[StatusResult, StatusResult]:
        async with h.client() as client:
            await client.get_payment_token(invoice, Money.parse("1500"))
            return await client.check_status(invoice), await client.check_status(never_tokened)

    tokened, unknown = asyncio.run(go())
    assert tokened == StatusNotFound(invoice_id=invoice.value, result_message=tokened.result_message)
    assert isinstance(unknown, StatusNotFound)
    assert h.ledger() == []
