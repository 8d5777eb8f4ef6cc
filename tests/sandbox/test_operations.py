"""Charge, cancel, refund and the AUTH hold (epay-api.md section 6)."""

from __future__ import annotations

from decimal import Decimal


def test_one_step_terminal_ends_in_charge(sb) -> None:
    sb.paid("000000201", "1000")
    txn = sb.txn("000000201")
    assert txn["statusName"] == "CHARGE"
    assert (txn["amount"], txn["orgAmount"], txn["payoutAmount"]) == (1000, 1000, 0)


def test_two_step_terminal_ends_in_auth(sb2) -> None:
    sb2.paid("000000202", "1000")
    assert sb2.txn("000000202")["statusName"] == "AUTH"


def test_full_charge_of_auth(sb2) -> None:
    txn_id = sb2.paid("000000203", "1000")
    response = sb2.op(txn_id, "charge")
    assert response.status_code == 200, response.text
    txn = sb2.txn("000000203")
    assert (txn["statusName"], txn["amount"], txn["orgAmount"]) == ("CHARGE", 1000, 1000)


def test_partial_charge(sb2) -> None:
    txn_id = sb2.paid("000000204", "1000")
    assert sb2.op(txn_id, "charge", amount="600.25").status_code == 200
    txn = sb2.txn("000000204")
    assert txn["statusName"] == "CHARGE"
    assert txn["amount"] == Decimal("600.25")
    assert txn["orgAmount"] == 1000


def test_charge_with_json_body(sb2) -> None:
    txn_id = sb2.paid("000000205", "1000")
    response = sb2.post(f"/operation/{txn_id}/charge", json={"amount": 300}, headers=sb2.auth())
    assert response.status_code == 200
    assert sb2.txn("000000205")["amount"] == 300


def test_charge_query_and_body_must_agree(sb2) -> None:
    txn_id = sb2.paid("000000206", "1000")
    path = f"/operation/{txn_id}/charge"
    differ = sb2.post(path, params={"amount": "300"}, json={"amount": 400}, headers=sb2.auth())
    assert (differ.status_code, differ.json()["code"]) == (400, 826)
    same = sb2.post(path, params={"amount": "300"}, json={"amount": 300.0}, headers=sb2.auth())
    assert same.status_code == 200


def test_charge_more_than_authorised_rejected(sb2) -> None:
    txn_id = sb2.paid("000000207", "1000")
    response = sb2.op(txn_id, "charge", amount="1000.01")
    assert (response.status_code, response.json()["code"]) == (400, 825)


def test_charge_only_from_auth(sb) -> None:
    txn_id = sb.paid("000000208")
    assert sb.op(txn_id, "charge").json()["code"] == 821


def test_cancel_auth(sb2) -> None:
    txn_id = sb2.paid("000000209", "1000")
    assert sb2.op(txn_id, "cancel").status_code == 200
    assert sb2.txn("000000209")["statusName"] == "CANCEL"
    assert sb2.op(txn_id, "charge").json()["code"] == 821


def test_cancel_only_from_auth(sb) -> None:
    txn_id = sb.paid("000000210")
    response = sb.op(txn_id, "cancel")
    assert (response.status_code, response.json()["code"]) == (400, 822)


def test_auth_becomes_cancel_old_after_hold(sb2) -> None:
    txn_id = sb2.paid("000000211", "1000")
    sb2.clock.advance(3599)
    assert sb2.txn("000000211")["statusName"] == "AUTH"
    sb2.clock.advance(1)
    assert sb2.txn("000000211")["statusName"] == "CANCEL_OLD"
    assert sb2.op(txn_id, "charge").json()["code"] == 821


def test_hold_expiry_is_applied_before_a_mutation(sb2) -> None:
    txn_id = sb2.paid("000000212", "1000")
    sb2.clock.advance(7200)
    assert sb2.op(txn_id, "cancel").json()["code"] == 822


def test_unknown_transaction_is_404(sb) -> None:
    response = sb.op("6f1c1f0e-0000-4000-8000-000000000000", "refund")
    assert (response.status_code, response.json()["code"]) == (404, 820)


def test_operation_id_is_the_transaction_id_not_the_invoice(sb) -> None:
    sb.paid("000000213")
    assert sb.op("000000213", "refund").status_code == 404


def test_refund_only_from_charge(sb2) -> None:
    txn_id = sb2.paid("000000214", "1000")
    response = sb2.op(txn_id, "refund", amount="100")
    assert (response.status_code, response.json()["code"]) == (400, 823)


def test_partial_refund_lowers_amount_and_raises_payout(sb) -> None:
    txn_id = sb.paid("000000215", "1000")
    assert sb.op(txn_id, "refund", amount="250.50", externalID="r-1").status_code == 200
    txn = sb.txn("000000215")
    assert txn["statusName"] == "CHARGE"
    assert txn["amount"] == Decimal("749.50")
    assert txn["payoutAmount"] == Decimal("250.5")
    assert txn["orgAmount"] == 1000


def test_full_refund_ends_in_refund(sb) -> None:
    txn_id = sb.paid("000000216", "1000")
    assert sb.op(txn_id, "refund").status_code == 200
    txn = sb.txn("000000216")
    assert (txn["statusName"], txn["amount"], txn["payoutAmount"]) == ("REFUND", 0, 1000)


def test_refunds_add_up_to_refund_status(sb) -> None:
    txn_id = sb.paid("000000217", "100")
    assert sb.op(txn_id, "refund", amount="40").status_code == 200
    assert sb.op(txn_id, "refund", amount="60").status_code == 200
    assert sb.txn("000000217")["statusName"] == "REFUND"
    assert sb.op(txn_id, "refund", amount="10").json()["code"] == 823


def test_refund_minimum_10_kzt(sb) -> None:
    txn_id = sb.paid("000000218", "1000")
    response = sb.op(txn_id, "refund", amount="9.99")
    assert (response.status_code, response.json()["code"]) == (400, 827)
    assert sb.op(txn_id, "refund", amount="10").status_code == 200


def test_implicit_full_refund_of_small_remainder_rejected(sb) -> None:
    txn_id = sb.paid("000000219", "100")
    assert sb.op(txn_id, "refund", amount="95").status_code == 200
    assert sb.op(txn_id, "refund").json()["code"] == 827


def test_refund_never_past_remainder(sb) -> None:
    txn_id = sb.paid("000000220", "100")
    assert sb.op(txn_id, "refund", amount="60").status_code == 200
    response = sb.op(txn_id, "refund", amount="40.01")
    assert (response.status_code, response.json()["code"]) == (400, 828)


def test_refund_of_partially_charged_auth_is_bounded_by_charge(sb2) -> None:
    txn_id = sb2.paid("000000221", "1000")
    sb2.op(txn_id, "charge", amount="600")
    assert sb2.op(txn_id, "refund", amount="600.01").json()["code"] == 828
    assert sb2.op(txn_id, "refund").status_code == 200
    txn = sb2.txn("000000221")
    assert (txn["statusName"], txn["payoutAmount"], txn["orgAmount"]) == ("REFUND", 600, 1000)


def test_more_than_two_decimals_rejected(sb) -> None:
    txn_id = sb.paid("000000222", "1000")
    assert sb.op(txn_id, "refund", amount="10.001").json()["code"] == 816


def test_operations_list_per_transaction(sb2) -> None:
    txn_id = sb2.paid("000000223", "1000")
    sb2.op(txn_id, "charge", amount="800")
    sb2.op(txn_id, "refund", amount="100", externalID="refund-77")
    [entry] = sb2.get("/sandbox/transactions").json()
    kinds = [(op["kind"], op["amount"], op["externalID"]) for op in entry["operations"]]
    assert kinds == [("auth", 1000, ""), ("charge", 800, ""), ("refund", 100, "refund-77")]
    assert all(op["time"] for op in entry["operations"])


def test_api_prefix_serves_operations(sb) -> None:
    txn_id = sb.paid("000000224", "1000")
    response = sb.post(f"/api/operation/{txn_id}/refund", params={"amount": "10"}, headers=sb.auth())
    assert response.status_code == 200


# -- refund_status_after_partial (issue 8 point 4) -------------------------------------------


def test_refund_status_after_partial_refund_keeps_the_rest_refundable(make_sandbox) -> None:
    sb = make_sandbox(refund_status_after_partial=True)
    txn_id = sb.paid("000000231", "1000")
    assert sb.txn("000000231")["statusName"] == "CHARGE"
    assert sb.op(txn_id, "refund", amount="400", externalID="r-1").status_code == 200
    txn = sb.txn("000000231")
    assert (txn["statusName"], txn["amount"], txn["payoutAmount"], txn["orgAmount"]) == (
        "REFUND",
        600,
        400,
        1000,
    )
    # A status of REFUND does not stop the rest: refundable is decided by amounts.
    assert sb.op(txn_id, "refund", amount="250", externalID="r-2").status_code == 200
    txn = sb.txn("000000231")
    assert (txn["statusName"], txn["amount"], txn["payoutAmount"]) == ("REFUND", 350, 650)
    too_much = sb.op(txn_id, "refund", amount="351")
    assert (too_much.status_code, too_much.json()["code"]) == (400, 828)
    assert sb.op(txn_id, "refund").status_code == 200  # the remaining 350
    txn = sb.txn("000000231")
    assert (txn["statusName"], txn["amount"], txn["payoutAmount"]) == ("REFUND", 0, 1000)
    assert sb.op(txn_id, "refund", amount="10").json()["code"] == 823


def test_refund_status_after_partial_is_off_by_default(sb) -> None:
    txn_id = sb.paid("000000232", "1000")
    sb.op(txn_id, "refund", amount="400")
    assert sb.txn("000000232")["statusName"] == "CHARGE"


def test_refund_status_after_partial_leaves_auth_and_charge_alone(make_sandbox) -> None:
    sb = make_sandbox(two_step=True, refund_status_after_partial=True)
    txn_id = sb.paid("000000233", "1000")
    assert sb.txn("000000233")["statusName"] == "AUTH"
    sb.op(txn_id, "charge", amount="800")
    assert sb.txn("000000233")["statusName"] == "CHARGE"
    sb.op(txn_id, "refund", amount="100")
    txn = sb.txn("000000233")
    assert (txn["statusName"], txn["amount"], txn["payoutAmount"], txn["orgAmount"]) == (
        "REFUND",
        700,
        100,
        1000,
    )
