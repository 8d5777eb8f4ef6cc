"""The customer's side: SandboxState.validate_checkout / submit_card / confirm_3ds and /sandbox/pay."""

from __future__ import annotations

import asyncio
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

import pytest

from epay_desktop.sandbox import CardInput
from epay_desktop.sandbox import Checkout
from epay_desktop.sandbox import SandboxError
from epay_desktop.sandbox.cards import TEST_CARD_3DS
from epay_desktop.sandbox.cards import TEST_CARD_DECLINED
from epay_desktop.sandbox.cards import TEST_CARD_MASTERCARD
from epay_desktop.sandbox.cards import TEST_CARD_RESTRICTED
from epay_desktop.sandbox.cards import TEST_CARD_VISA
from epay_desktop.sandbox.models import Order
from epay_desktop.sandbox.models import PostLinks


def checkout(sb, invoice: str, amount: str = "1500.50", **extra) -> Checkout:
    token = sb.payment_token(invoice, amount)["access_token"]
    terminal = sb.credentials["terminal"]
    return Checkout(invoice, token, amount, "KZT", terminal, **extra)


def card(pan: str = TEST_CARD_VISA, expiry: str = "12/30", cvc: str = "123") -> CardInput:
    return CardInput(pan=pan, expiry=expiry, cvc=cvc, name="TEST PAYER")


def submit(sb, co: Checkout, c: CardInput):
    return sb.run(sb.state.submit_card(co, c))


def test_validate_checkout_describes_the_payment(sb) -> None:
    co = checkout(sb, "000000401", order=Order(description="two coffees"))
    info = sb.state.validate_checkout(co)
    assert (info.invoice_id, info.amount, info.currency) == ("000000401", Decimal("1500.5"), "KZT")
    assert info.description == "two coffees"
    assert info.shop_name
    assert info.expires_at > sb.clock()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"access_token": "nope"}, 803),
        ({"amount": "1500.51"}, 834),
        ({"invoice_id": "000000499"}, 834),
        ({"terminal": "other"}, 834),
        ({"amount": "15.005"}, 816),
    ],
)
def test_validate_checkout_rejects_mismatches(sb, change, code) -> None:
    co = checkout(sb, "000000402")
    fields = {**co.__dict__, **change}
    with pytest.raises(SandboxError) as err:
        sb.state.validate_checkout(Checkout(**fields))
    assert err.value.code == code


def test_validate_checkout_rejects_expired_token(sb) -> None:
    co = checkout(sb, "000000403")
    sb.clock.advance(1201)
    with pytest.raises(SandboxError) as err:
        sb.state.validate_checkout(co)
    assert (err.value.code, err.value.http_status) == (804, 401)


@pytest.mark.parametrize("pan", [TEST_CARD_VISA, TEST_CARD_MASTERCARD])
def test_approving_cards(sb, pan) -> None:
    co = checkout(sb, "000000404")
    result = submit(sb, co, card(pan))
    assert (result.outcome, result.status, result.reason_code) == ("approved", "CHARGE", 0)
    assert result.challenge_id is None
    txn = sb.txn("000000404")
    assert txn["id"] == result.transaction_id
    assert txn["cardType"] == ("VISA" if pan.startswith("4") else "MASTERCARD")
    assert txn["issuer"]


@pytest.mark.parametrize(("pan", "code"), [(TEST_CARD_DECLINED, 465), (TEST_CARD_RESTRICTED, 479)])
def test_declining_cards(sb, pan, code) -> None:
    result = submit(sb, checkout(sb, "000000405"), card(pan))
    assert (result.outcome, result.status, result.reason_code) == ("declined", "REJECT", code)
    txn = sb.txn("000000405")
    assert (txn["statusName"], txn["reasonCode"]) == ("REJECT", str(code))


def test_unknown_luhn_valid_card_is_no_such_card(sb) -> None:
    result = submit(sb, checkout(sb, "000000406"), card("4000 0000 0000 0002"))
    assert (result.status, result.reason_code) == ("REJECT", 471)


def test_luhn_failure_raises_and_records_nothing(sb) -> None:
    co = checkout(sb, "000000407")
    with pytest.raises(SandboxError) as err:
        submit(sb, co, card("4405 6397 0401 5097"))
    assert err.value.code == 840
    assert sb.status("000000407")["resultCode"] == "102"
    assert submit(sb, co, card()).outcome == "approved"


def test_expired_card_is_rejected_478(sb) -> None:
    result = submit(sb, checkout(sb, "000000408"), card(expiry="02/26"))
    assert (result.status, result.reason_code) == ("REJECT", 478)


def test_card_valid_through_its_month(sb) -> None:
    assert submit(sb, checkout(sb, "000000409"), card(expiry="03/26")).outcome == "approved"


@pytest.mark.parametrize(
    ("expiry", "cvc", "code"), [("13/30", "123", 841), ("1230", "123", 841), ("12/30", "12", 842)]
)
def test_card_format_errors(sb, expiry, cvc, code) -> None:
    with pytest.raises(SandboxError) as err:
        submit(sb, checkout(sb, "000000410"), card(expiry=expiry, cvc=cvc))
    assert err.value.code == code


def test_four_digit_cvc_accepted(sb) -> None:
    assert submit(sb, checkout(sb, "000000411"), card(cvc="1234")).outcome == "approved"


def test_3ds_passes_with_000000(sb) -> None:
    result = submit(sb, checkout(sb, "000000412"), card(TEST_CARD_3DS))
    assert (result.outcome, result.status) == ("needs_3ds", "NEW")
    assert result.challenge_id
    done = sb.run(sb.state.confirm_3ds(result.challenge_id, "000000"))
    assert (done.outcome, done.status) == ("approved", "CHARGE")
    assert sb.txn("000000412")["secure"] is True


def test_3ds_fails_with_other_code(sb) -> None:
    result = submit(sb, checkout(sb, "000000413"), card(TEST_CARD_3DS))
    done = sb.run(sb.state.confirm_3ds(result.challenge_id, "123456"))
    assert (done.outcome, done.status, done.reason_code) == ("declined", "3D", 473)
    txn = sb.txn("000000413")
    assert (txn["statusName"], txn["reasonCode"]) == ("3D", "473")


def test_3ds_challenge_used_once(sb) -> None:
    result = submit(sb, checkout(sb, "000000414"), card(TEST_CARD_3DS))
    sb.run(sb.state.confirm_3ds(result.challenge_id, "000000"))
    with pytest.raises(SandboxError) as err:
        sb.run(sb.state.confirm_3ds(result.challenge_id, "000000"))
    assert err.value.code == 843


def test_no_attempt_after_an_approved_one(sb) -> None:
    co = checkout(sb, "000000415")
    submit(sb, co, card())
    with pytest.raises(SandboxError) as err:
        sb.state.validate_checkout(co)
    assert err.value.code == 815


def test_declined_attempt_leaves_the_invoice_open_until_attempts_run_out(sb) -> None:
    co = checkout(sb, "000000435")
    results = []
    for _ in range(3):
        txn = sb.state.ledger.by_invoice(co.terminal, co.invoice_id)
        assert txn is None or not txn.is_final_attempt
        results.append(submit(sb, co, card(TEST_CARD_DECLINED)))
    assert sb.state.ledger.by_invoice(co.terminal, co.invoice_id).is_final_attempt
    assert [r.attempts_left for r in results] == [2, 1, 0]
    assert {r.transaction_id for r in results} == {results[0].transaction_id}  # one transaction per invoice
    with pytest.raises(SandboxError) as err:
        sb.state.validate_checkout(co)
    assert (err.value.code, err.value.message) == (505, "You have exceeded the number of 3 transactions")
    with pytest.raises(SandboxError) as err:
        submit(sb, co, card())
    assert err.value.code == 505
    assert sb.txn("000000435")["statusName"] == "REJECT"


def test_max_attempts_is_configurable(make_sandbox) -> None:
    sb = make_sandbox(max_attempts=1)
    co = checkout(sb, "000000436")
    assert submit(sb, co, card(TEST_CARD_DECLINED)).attempts_left == 0
    with pytest.raises(SandboxError) as err:
        sb.state.validate_checkout(co)
    assert err.value.message == "You have exceeded the number of 1 transactions"


def test_expired_token_leaves_no_attempt(sb) -> None:
    co = checkout(sb, "000000437")
    sb.clock.advance(1000)
    assert submit(sb, co, card(TEST_CARD_DECLINED)).attempts_left == 2
    sb.clock.advance(201)  # the payment token (1200 s) has expired
    with pytest.raises(SandboxError) as err:
        submit(sb, co, card())
    assert err.value.code == 804


def test_decline_reports_no_attempt_left_once_the_token_is_gone(sb) -> None:
    co = checkout(sb, "000000438")
    pending = submit(sb, co, card(TEST_CARD_3DS))
    sb.clock.advance(1201)
    done = sb.run(sb.state.confirm_3ds(pending.challenge_id, "111111"))
    assert (done.status, done.attempts_left) == ("3D", 0)


def test_check_status_shows_the_latest_attempt(sb) -> None:
    co = checkout(sb, "000000439")
    submit(sb, co, card(TEST_CARD_DECLINED))
    first = sb.txn("000000439")
    assert (first["statusName"], first["reasonCode"], first["cardMask"]) == ("REJECT", "465", "400303...7597")
    pending = submit(sb, co, card(TEST_CARD_3DS))
    assert (sb.txn("000000439")["statusName"], sb.txn("000000439")["reasonCode"]) == ("NEW", "0")
    sb.run(sb.state.confirm_3ds(pending.challenge_id, "123456"))
    second = sb.txn("000000439")
    assert (second["statusName"], second["reasonCode"], second["secure"]) == ("3D", "473", True)
    assert second["cardMask"] == "411111...1111"
    sb.clock.advance(60)
    submit(sb, co, card(TEST_CARD_MASTERCARD))
    last = sb.txn("000000439")
    assert datetime.fromisoformat(last["createdDate"]) == sb.clock()  # the latest attempt's start
    assert datetime.fromisoformat(first["createdDate"]) == sb.clock() - timedelta(seconds=60)
    assert (last["statusName"], last["reasonCode"], last["reason"]) == ("CHARGE", "0", "success")
    assert (last["cardMask"], last["secure"], last["id"]) == ("552204...6736", False, first["id"])


def test_control_listing_shows_every_attempt(sb) -> None:
    co = checkout(sb, "000000440", post_links=PostLinks("http://127.0.0.1:9/ok", "http://127.0.0.1:9/fail"))
    submit(sb, co, card(TEST_CARD_DECLINED))
    submit(sb, co, card(TEST_CARD_RESTRICTED))
    submit(sb, co, card())
    [entry] = sb.get("/sandbox/transactions").json()
    attempts = entry["attempts"]
    assert [(a["number"], a["status"], a["reasonCode"], a["cardMask"]) for a in attempts] == [
        (1, "REJECT", 465, "400303...7597"),
        (2, "REJECT", 479, "557834...0560"),
        (3, "CHARGE", 0, "440563...5096"),
    ]
    assert attempts[2]["reference"] and entry["attemptsLeft"] == 0
    # a failure postLink per declined attempt, the success postLink on approval
    assert [p["url"] for p in entry["postLinks"]] == [
        "http://127.0.0.1:9/fail",
        "http://127.0.0.1:9/fail",
        "http://127.0.0.1:9/ok",
    ]


def test_no_new_token_for_an_invoice_with_a_declined_attempt(sb) -> None:
    """Decision 0029: attempts left or not, a new payment token is refused once an attempt has ended."""
    co = checkout(sb, "000000441")
    submit(sb, co, card(TEST_CARD_DECLINED))
    response = sb.token(invoiceID="000000441", amount="1500.50", currency="KZT")
    assert (response.status_code, response.json()["code"]) == (400, 815)
    assert submit(sb, co, card()).outcome == "approved"  # the token already issued still pays


def test_sandbox_pay_fourth_attempt_is_505(sb) -> None:
    sb.payment_token("000000442")
    for _ in range(3):
        assert sb.pay("000000442", TEST_CARD_DECLINED).json()["status"] == "REJECT"
    response = sb.pay("000000442")
    assert response.status_code == 400
    assert response.json() == {"code": 505, "message": "You have exceeded the number of 3 transactions"}


def test_three_ds_failure_counts_as_an_attempt(sb) -> None:
    sb.payment_token("000000443")
    for _ in range(3):
        assert sb.pay("000000443", TEST_CARD_3DS, threeDSCode="1").json()["status"] == "3D"
    assert sb.pay("000000443").json()["code"] == 505


def test_checkout_post_links_win_over_token(sb) -> None:
    sb.payment_token("000000416", postLink="http://127.0.0.1:9/token")
    token = sb.state.tokens.latest_payment(sb.credentials["terminal"], "000000416")
    terminal = sb.credentials["terminal"]
    co = Checkout(
        "000000416", token.access_token, "1500.50", "KZT", terminal, post_links=PostLinks("http://10.0.0.1/x")
    )
    submit(sb, co, card())
    [entry] = sb.get("/sandbox/transactions").json()
    assert entry["postLinks"][0]["url"] == "http://10.0.0.1/x"


def test_sandbox_pay_approves(sb) -> None:
    sb.payment_token("000000417")
    body = sb.pay("000000417").json()
    assert (body["outcome"], body["status"], body["invoiceId"]) == ("approved", "CHARGE", "000000417")


def test_sandbox_pay_uses_three_ds_code(sb) -> None:
    sb.payment_token("000000418")
    assert sb.pay("000000418", TEST_CARD_3DS, threeDSCode="000000").json()["status"] == "CHARGE"
    sb.payment_token("000000419")
    assert sb.pay("000000419", TEST_CARD_3DS, threeDSCode="1").json()["status"] == "3D"


def test_sandbox_pay_3ds_follow_up(sb) -> None:
    sb.payment_token("000000420")
    first = sb.pay("000000420", TEST_CARD_3DS).json()
    assert first["outcome"] == "needs_3ds"
    done = sb.post("/sandbox/pay/3ds", json={"challengeId": first["challengeId"], "code": "000000"})
    assert done.json()["status"] == "CHARGE"


def test_sandbox_pay_needs_a_payment_token(sb) -> None:
    response = sb.pay("000000421")
    assert (response.status_code, response.json()["code"]) == (409, 844)


def test_sandbox_pay_format_error_is_400(sb) -> None:
    sb.payment_token("000000422")
    response = sb.pay("000000422", "1234")
    assert (response.status_code, response.json()["code"]) == (400, 840)


def test_submit_card_runs_on_any_loop(sb) -> None:
    co = checkout(sb, "000000423")
    assert asyncio.run(sb.state.submit_card(co, card())).outcome == "approved"
