"""PaymentService against the sandbox on a loopback socket: checkout, refresh_status, events."""

from __future__ import annotations

import asyncio
import json
import os
import socket
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import TypeVar

import pytest

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentEvent
from epay_desktop.domain import PaymentEventKind
from epay_desktop.domain import RuleViolation
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.checkout import cut_utf8
from epay_desktop.domain.decline_reasons import attempts_exhausted
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import RetryPolicy
from epay_desktop.gateway import ServerError
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.services.payments.card_attempts import CardAttempts
from epay_desktop.services.payments.checkout import payment_object_json
from epay_desktop.services.payments.payment_service import PaymentService
from epay_desktop.store.models import AuditRow
from tests.support.merchant import CREDENTIALS
from tests.support.merchant import TERMINAL_ID
from tests.support.payments_world import PaymentsWorld
from tests.support.payments_world import payments_world
from tests.support.sandbox import APPROVED_CARD
from tests.support.sandbox import DECLINED_CARD
from tests.support.sandbox import call_sandbox
from tests.support.sandbox import future_expiry

TERMINAL = TERMINAL_ID
APPROVED = APPROVED_CARD
DECLINED = DECLINED_CARD  # REJECT, reasonCode 465
T = TypeVar("T")


@dataclass
class Env(PaymentsWorld):
    base_url: str = ""

    def run(self, scenario: Callable[[PaymentService], Awaitable[T]]) -> T:
        """Build the service inside a fresh event loop (the http client belongs to it) and run."""

        async def main() -> T:
            client = EpayClient(
                sandbox_endpoints(self.base_url or self.sandbox.base_url),
                CREDENTIALS,
                retry=RetryPolicy(attempts=1),
                timeout=5.0,
            )
            async with client:
                return await scenario(self.payment_service(client))

        return asyncio.run(main())


@pytest.fixture
def env(sandbox: RunningSandbox, db_url: str) -> Iterator[Env]:
    with payments_world(Env, sandbox, db_url, "Aigerim") as world:
        yield world


def _events(env: Env) -> list[PaymentUpdated]:
    seen: list[PaymentUpdated] = []
    env.bus.subscribe(PaymentUpdated, seen.append)
    return seen


# -- create_payment ------------------------------------------------------------------------------


def test_create_payment_gives_pending_payment_and_complete_payment_object(env: Env) -> None:
    seen = _events(env)
    first = env.run(
        lambda s: s.create_payment(env.actor, CheckoutRequest(Money.parse("1500.50"), email="a@b.kz"))
    )
    second = env.run(lambda s: s.create_payment(env.actor, CheckoutRequest(Money.parse("20"))))

    payment = first.payment
    assert payment.status is ConsoleStatus.PENDING
    assert payment.invoice_id != second.payment.invoice_id
    assert payment.invoice_id.tail != second.payment.invoice_id.tail
    assert payment.token_expires_at == env.clock.now + timedelta(seconds=1200) == first.token_expires_at
    assert payment.next_poll_at == env.clock.now + timedelta(seconds=3)
    assert payment.created_by == env.actor.id and payment.register_id == "till-1"
    assert [e.payment.status for e in seen] == [ConsoleStatus.NEW, ConsoleStatus.PENDING] * 2

    obj = first.payment_object
    invoice = payment.invoice_id.value
    assert obj["invoiceId"] == invoice
    assert obj["backLink"] == f"https://console.epay-desktop.invalid/return/ok?invoice={invoice}"
    assert obj["failureBackLink"] == f"https://console.epay-desktop.invalid/return/fail?invoice={invoice}"
    assert obj["postLink"] == ""
    assert obj["terminal"] == TERMINAL and obj["currency"] == "KZT" and obj["language"] == "rus"
    assert obj["description"] == f"Оплата заказа {invoice}"
    assert obj["email"] == "a@b.kz" and "phone" not in obj and obj["cardSave"] is False
    auth = obj["auth"]
    assert set(auth) >= {"access_token", "expires_in", "refresh_token", "scope", "token_type"}
    assert first.widget_url.endswith("/payform/payment-api.js")
    assert "access_token" not in repr(first)

    text = first.payment_object_json()
    assert '"amount": 1500.5,' in text
    assert json.loads(text, parse_float=Decimal)["auth"] == auth
    with env.store.read() as tx:
        audit = tx.session.query(AuditRow).filter_by(action="payment.created").all()
    assert {a.subject for a in audit} == {f"payment:{invoice}", f"payment:{second.payment.invoice_id}"}
    assert auth["access_token"].encode() not in _db_bytes(env)


def _db_bytes(env: Env) -> bytes:
    if env.store.engine.dialect.name != "sqlite":
        return b""  # the server's files are not ours to read; the SQLite run checks the bytes
    path = str(env.store.engine.url.database)
    data = b""
    for suffix in ("", "-wal"):
        if os.path.exists(path + suffix):
            with open(path + suffix, "rb") as handle:
                data += handle.read()
    return data


@pytest.mark.parametrize(
    ("language", "expected"),
    [("kaz", "{} тапсырысы үшін төлем"), ("rus", "Оплата заказа {}"), ("eng", "Payment for order {}")],
)
def test_a_sale_without_a_description_gets_one_in_the_pages_language(env: Env, language, expected) -> None:
    """Issue 9 point 3: the customer reads the default description on a page in their language."""
    session = env.run(
        lambda s: s.create_payment(env.actor, CheckoutRequest(Money.parse("100"), language=language))
    )
    invoice = session.payment.invoice_id.value
    assert session.payment.description == expected.format(invoice)
    assert session.payment_object["description"] == expected.format(invoice)
    assert session.payment_object["language"] == language


def test_a_description_over_125_bytes_is_refused_not_cut(env: Env) -> None:
    """Issue 11: the description was silently cut at the gateway's 125 bytes; now it is refused
    (decision 0073) and one of exactly 125 bytes goes to the bank whole."""
    with pytest.raises(ConsoleError) as info:
        env.run(
            lambda s: s.create_payment(env.actor, CheckoutRequest(Money.parse("100"), description="Ф" * 70))
        )
    assert "140 bytes, the bank takes at most 125" in info.value.user_message
    with env.store.read() as tx:
        assert tx.payments.search() == []
    fits = "Ф" * 62 + "x"  # 125 bytes of UTF-8
    session = env.run(
        lambda s: s.create_payment(env.actor, CheckoutRequest(Money.parse("100"), description=fits))
    )
    assert session.payment.description == fits and session.payment_object["description"] == fits
    assert cut_utf8("ab" + "Ф" * 100, 125) == "ab" + "Ф" * 61  # still cuts the default text safely


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"amount": Money(0)}, RuleViolation, "above zero"),
        ({"amount": Money.parse("10000000.01")}, RuleViolation, "more than"),
        ({"email": "not-an-email"}, ConsoleError, "e-mail"),
        ({"phone": "12345"}, ConsoleError, "phone"),
        ({"account_id": "bad id!"}, ConsoleError, "customer id"),
        ({"save_card": True}, RuleViolation, "customer id"),
        ({"language": "de"}, ConsoleError, "rus, kaz or eng"),
        ({"description": "cake\x1b[2J"}, ConsoleError, "control character (U+001B)"),
        ({"description": "cake\u202etxt"}, ConsoleError, "text-direction character (U+202E)"),
    ],
)
def test_bad_input_is_refused_before_anything_is_allocated(env: Env, kwargs, error, words) -> None:
    kwargs = dict(kwargs)  # the parameter dict is shared by the sqlite and postgresql runs
    amount = kwargs.pop("amount", Money.parse("100"))
    with pytest.raises(error) as info:
        env.run(lambda s: s.create_payment(env.actor, CheckoutRequest(amount, **kwargs)))
    assert words in info.value.user_message
    with env.store.read() as tx:
        assert tx.counters.current("invoice_id") is None
        assert tx.payments.search() == []


def test_phone_and_card_saving_are_normalised_into_the_payment_object(env: Env) -> None:
    session = env.run(
        lambda s: s.create_payment(
            env.actor,
            CheckoutRequest(
                Money.parse("99.99"), phone="8 (777) 123-45-67", account_id="C-42", save_card=True
            ),
        )
    )
    assert session.payment.phone == "77771234567"
    obj = session.payment_object
    assert obj["phone"] == "77771234567" and obj["accountId"] == "C-42" and obj["cardSave"] is True
    assert payment_object_json(obj).count('"amount": 99.99') == 1


def test_gateway_down_on_create_payment_expires_it_with_a_reason(env: Env) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env.base_url = f"http://127.0.0.1:{port}"
    seen = _events(env)
    with pytest.raises(GatewayUnavailable) as info:
        env.run(lambda s: s.create_payment(env.actor, CheckoutRequest(Money.parse("100"))))
    assert "safe to try again" in info.value.user_message
    payment = seen[-1].payment
    assert payment.status is ConsoleStatus.EXPIRED and payment.next_poll_at is None
    assert payment.reason == f"payment token not issued: {info.value.user_message}"[:255]
    with env.store.read() as tx:
        assert tx.payments.get(payment.id).status is ConsoleStatus.EXPIRED
        assert tx.session.query(AuditRow).filter_by(action="payment.token_failed").count() == 1


# -- refresh_status ------------------------------------------------------------------------------


def _checkout(env: Env, amount: str = "1500") -> InvoiceId:
    return env.run(
        lambda s: s.create_payment(env.actor, CheckoutRequest(Money.parse(amount)))
    ).payment.invoice_id


def test_paid_payment_refreshes_to_charge_with_amounts_mask_and_rrn(env: Env) -> None:
    invoice = _checkout(env, "1500.50")
    answer = env.pay(invoice)
    seen = _events(env)
    env.clock.advance(seconds=5)
    payment = env.run(lambda s: s.refresh_status(invoice))
    assert payment.status is ConsoleStatus.CHARGE
    assert payment.transaction_id == answer["transactionId"]
    assert payment.gateway_amount == payment.org_amount == Money.parse("1500.50")
    assert payment.payout_amount == Money(0)
    assert payment.card_mask is not None and payment.card_mask.endswith("5096")
    assert payment.reference and len(payment.reference) == 12 and payment.approval_code
    assert payment.last_polled_at == env.clock.now and payment.next_poll_at is None
    assert [e.payment for e in seen] == [payment]


def test_declined_card_refreshes_to_reject_with_reason_code(env: Env) -> None:
    invoice = _checkout(env)
    env.pay(invoice, DECLINED)
    payment = env.run(lambda s: s.refresh_status(invoice))
    assert payment.status is ConsoleStatus.REJECT
    assert payment.reason_code == 465 and payment.reason
    # not final: the customer may try another card on the same invoice (decision 0035)
    assert payment.next_poll_at == env.clock.now + timedelta(seconds=3)


def test_no_attempt_yet_stays_pending_and_is_polled_again(env: Env) -> None:
    invoice = _checkout(env)
    env.clock.advance(seconds=3)
    payment = env.run(lambda s: s.refresh_status(invoice))
    assert payment.status is ConsoleStatus.PENDING
    assert payment.next_poll_at == env.clock.now + timedelta(seconds=3)


def test_expired_token_and_no_attempt_becomes_expired(env: Env) -> None:
    invoice = _checkout(env)
    env.clock.advance(seconds=1200 + 59)  # expired, but within the grace period
    assert env.run(lambda s: s.refresh_status(invoice)).status is ConsoleStatus.PENDING
    env.clock.advance(seconds=1)
    payment = env.run(lambda s: s.refresh_status(invoice))
    assert payment.status is ConsoleStatus.EXPIRED and payment.next_poll_at is None


def test_in_progress_answer_keeps_status_and_polls_sooner(env: Env) -> None:
    invoice = _checkout(env)
    env.clock.advance(minutes=5)
    call_sandbox(
        env.sandbox.base_url,
        "POST",
        "/sandbox/faults",
        json={"operation": "status", "kind": "result_code", "value": 107},
    )
    payment = env.run(lambda s: s.refresh_status(invoice))
    assert payment.status is ConsoleStatus.PENDING
    assert payment.next_poll_at == env.clock.now + timedelta(seconds=3)  # 10 s after 2 minutes otherwise


def test_gateway_error_on_refresh_is_raised_and_payment_unchanged(env: Env) -> None:
    invoice = _checkout(env)
    with env.store.read() as tx:
        before = tx.payments.get_by_invoice(invoice)
    call_sandbox(
        env.sandbox.base_url,
        "POST",
        "/sandbox/faults",
        json={"operation": "status", "kind": "http_status", "value": 503},
    )
    seen = _events(env)
    with pytest.raises(ServerError):
        env.run(lambda s: s.refresh_status(invoice))
    with env.store.read() as tx:
        assert tx.payments.get_by_invoice(invoice) == before
    assert seen == []


# -- several card attempts on one invoice (issue 8, decision 0035) -------------------------------


OTHER_DECLINED = "5578342710750560"  # REJECT, reasonCode 479


def _attempts(env: Env, invoice: InvoiceId) -> list[PaymentEvent]:
    with env.store.read() as tx:
        payment = tx.payments.get_by_invoice(invoice)
        assert payment is not None
        return tx.payment_events.for_payment(payment.id, PaymentEventKind.ATTEMPT)


def test_declined_then_approved_on_the_same_invoice_ends_paid_with_both_attempts(env: Env) -> None:
    invoice = _checkout(env, "1500")
    declined = env.pay(invoice, DECLINED)
    assert declined["status"] == "REJECT"
    env.clock.advance(seconds=3)
    first = env.run(lambda s: s.refresh_status(invoice))
    assert first.status is ConsoleStatus.REJECT and first.next_poll_at is not None
    assert env.run(lambda s: s.card_attempts(invoice)) == CardAttempts(seen=1, left=2, open=True)
    again = env.run(lambda s: s.refresh_status(invoice))  # the same answer is not a second attempt
    assert again.status is ConsoleStatus.REJECT and len(_attempts(env, invoice)) == 1

    env.pay(invoice)  # the customer pressed "Back to the payment form" and paid with another card
    seen = _events(env)
    env.clock.advance(seconds=3)
    paid = env.run(lambda s: s.refresh_status(invoice))
    assert paid.status is ConsoleStatus.CHARGE and paid.next_poll_at is None
    assert paid.card_mask is not None and paid.card_mask.endswith("5096")
    assert paid.reason != "card restricted" and paid.reason_code == 0  # the decline's words are gone
    assert [(e.previous, e.payment.status) for e in seen] == [(ConsoleStatus.REJECT, ConsoleStatus.CHARGE)]
    one, two = _attempts(env, invoice)
    assert (one.status, one.reason_code) == ("REJECT", 465) and one.reason
    assert one.card_mask is not None and one.card_mask.endswith("7597")
    assert (two.status, two.reason_code, two.reason) == ("CHARGE", None, None)
    assert two.card_mask is not None and two.card_mask.endswith("5096")
    assert one.at < two.at and one.bank_time is not None
    assert env.run(lambda s: s.card_attempts(invoice)).open is False


def test_the_same_card_declined_twice_is_two_attempts_by_the_banks_time(env: Env) -> None:
    invoice = _checkout(env)
    env.pay(invoice, DECLINED)
    env.run(lambda s: s.refresh_status(invoice))
    env.pay(
        invoice, DECLINED
    )  # the same card, the same words: only createdDate (the attempt's start) differs
    env.run(lambda s: s.refresh_status(invoice))
    one, two = _attempts(env, invoice)
    assert (one.reason_code, one.card_mask) == (two.reason_code, two.card_mask)
    assert one.bank_time is not None and two.bank_time is not None and one.bank_time < two.bank_time
    assert env.run(lambda s: s.card_attempts(invoice)) == CardAttempts(seen=2, left=1, open=True)


def test_three_declined_attempts_make_the_decline_final_and_a_fourth_gets_505(env: Env) -> None:
    invoice = _checkout(env)
    for pan in (DECLINED, OTHER_DECLINED, DECLINED):
        env.pay(invoice, pan)
        env.clock.advance(seconds=3)
        payment = env.run(lambda s: s.refresh_status(invoice))
        assert payment.status is ConsoleStatus.REJECT
    assert [e.reason_code for e in _attempts(env, invoice)] == [465, 479, 465]
    assert payment.next_poll_at is None  # attempts used up: final, never polled again
    assert env.run(lambda s: s.card_attempts(invoice)) == CardAttempts(seen=3, left=0, open=False)
    body = {
        "invoiceId": invoice.value,
        "pan": APPROVED,
        "expiry": future_expiry(),
        "cvc": "123",
        "name": "TEST BUYER",
    }
    fourth = call_sandbox(env.sandbox.base_url, "POST", "/sandbox/pay", json=body)
    assert fourth.status_code >= 400 and attempts_exhausted(fourth.json()["code"])
    env.clock.advance(seconds=3)
    after = env.run(lambda s: s.refresh_status(invoice))
    assert after.status is ConsoleStatus.REJECT and after.next_poll_at is None
    assert len(_attempts(env, invoice)) == 3


def test_a_decline_is_final_once_the_token_expired(env: Env) -> None:
    invoice = _checkout(env)
    env.pay(invoice, DECLINED)
    env.clock.advance(seconds=1200 + 59)  # the token expired, the grace not yet over
    assert env.run(lambda s: s.refresh_status(invoice)).next_poll_at == env.clock.now + timedelta(seconds=1)
    assert env.run(lambda s: s.card_attempts(invoice)).open is True
    env.clock.advance(seconds=1)
    final = env.run(lambda s: s.refresh_status(invoice))
    assert final.status is ConsoleStatus.REJECT and final.next_poll_at is None
    assert env.run(lambda s: s.card_attempts(invoice)) == CardAttempts(seen=1, left=0, open=False)


def test_a_sale_cancelled_after_a_decline_keeps_its_mark_until_a_late_approval(env: Env) -> None:
    invoice = _checkout(env)
    env.pay(invoice, DECLINED)
    env.run(lambda s: s.refresh_status(invoice))
    marked = env.run(lambda s: s.stop_at_counter(env.actor, invoice, ConsoleStatus.CASHIER_CANCEL))
    assert marked.status is ConsoleStatus.CASHIER_CANCEL and marked.next_poll_at is not None
    env.clock.advance(seconds=3)
    kept = env.run(lambda s: s.refresh_status(invoice))  # the bank still shows the same decline
    assert kept.status is ConsoleStatus.CASHIER_CANCEL and "counter" in (kept.reason or "")
    env.pay(invoice)  # the customer paid on the page after all
    seen = _events(env)
    env.clock.advance(seconds=3)
    paid = env.run(lambda s: s.refresh_status(invoice))
    assert paid.status is ConsoleStatus.CHARGE
    assert [e.previous for e in seen] == [ConsoleStatus.CASHIER_CANCEL]  # the late-payment notice (0026)
    assert [e.status for e in _attempts(env, invoice)] == ["REJECT", "CHARGE"]


def test_a_final_decline_is_not_marked_by_the_counter(env: Env) -> None:
    invoice = _checkout(env)
    env.pay(invoice, DECLINED)
    env.clock.advance(seconds=1260)
    env.run(lambda s: s.refresh_status(invoice))
    same = env.run(lambda s: s.stop_at_counter(env.actor, invoice, ConsoleStatus.CASHIER_CANCEL))
    assert same.status is ConsoleStatus.REJECT and same.next_poll_at is None
