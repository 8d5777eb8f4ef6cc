"""--status-lag: check-status shows an applied charge/cancel/refund only S seconds later.

The money moves at once (the ledger and the operation rules see it); only check-status
lags, rolled back from the transaction's operation history (lag.py, decision 0032).
"""

from __future__ import annotations

import argparse

from epay_desktop.sandbox.server import add_arguments
from epay_desktop.sandbox.server import config_from_args


def test_refund_shows_only_after_the_lag(make_sandbox) -> None:
    sb = make_sandbox(status_lag=30)
    txn_id = sb.paid("000000701", "1000")
    assert sb.txn("000000701")["statusName"] == "CHARGE"  # the customer's payment shows at once
    assert sb.op(txn_id, "refund", amount="400", externalID="r-1").status_code == 200
    txn = sb.txn("000000701")
    assert (txn["statusName"], txn["amount"], txn["payoutAmount"]) == ("CHARGE", 1000, 0)
    sb.clock.advance(29.9)
    assert sb.txn("000000701")["payoutAmount"] == 0
    sb.clock.advance(0.1)
    txn = sb.txn("000000701")
    assert (txn["statusName"], txn["amount"], txn["payoutAmount"]) == ("CHARGE", 600, 400)


def test_the_money_moves_at_once_under_lag(make_sandbox) -> None:
    sb = make_sandbox(status_lag=30)
    txn_id = sb.paid("000000702", "1000")
    assert sb.op(txn_id, "refund", amount="700").status_code == 200
    # A second refund sees the real remainder (300), although check-status still shows 1000.
    assert sb.txn("000000702")["amount"] == 1000
    too_much = sb.op(txn_id, "refund", amount="400")
    assert (too_much.status_code, too_much.json()["code"]) == (400, 828)
    [entry] = sb.get("/sandbox/transactions").json()
    assert (entry["amount"], entry["payoutAmount"]) == (300, 700)


def test_each_refund_lags_on_its_own(make_sandbox) -> None:
    sb = make_sandbox(status_lag=30)
    txn_id = sb.paid("000000703", "1000")
    sb.op(txn_id, "refund", amount="100")
    sb.clock.advance(20)
    sb.op(txn_id, "refund", amount="900")  # the rest: the ledger says REFUND
    assert [sb.txn("000000703")[k] for k in ("statusName", "amount", "payoutAmount")] == ["CHARGE", 1000, 0]
    sb.clock.advance(10)
    assert [sb.txn("000000703")[k] for k in ("statusName", "amount", "payoutAmount")] == ["CHARGE", 900, 100]
    sb.clock.advance(20)
    assert [sb.txn("000000703")[k] for k in ("statusName", "amount", "payoutAmount")] == ["REFUND", 0, 1000]


def test_charge_and_cancel_lag(make_sandbox) -> None:
    sb = make_sandbox(two_step=True, status_lag=5)
    charged = sb.paid("000000704", "1000")
    assert sb.txn("000000704")["statusName"] == "AUTH"  # the authorisation itself shows at once
    sb.op(charged, "charge", amount="800")
    txn = sb.txn("000000704")
    assert (txn["statusName"], txn["amount"]) == ("AUTH", 1000)
    cancelled = sb.paid("000000705", "500")
    sb.op(cancelled, "cancel")
    assert sb.txn("000000705")["statusName"] == "AUTH"
    # The real state already refuses a second operation.
    assert sb.op(cancelled, "cancel").json()["code"] == 822
    assert sb.op(charged, "charge").json()["code"] == 821
    sb.clock.advance(5)
    txn = sb.txn("000000704")
    assert (txn["statusName"], txn["amount"], txn["orgAmount"]) == ("CHARGE", 800, 1000)
    assert sb.txn("000000705")["statusName"] == "CANCEL"


def test_lag_with_refund_status_after_partial(make_sandbox) -> None:
    sb = make_sandbox(status_lag=10, refund_status_after_partial=True)
    txn_id = sb.paid("000000706", "1000")
    sb.op(txn_id, "refund", amount="100")
    assert sb.txn("000000706")["statusName"] == "CHARGE"
    sb.clock.advance(10)
    assert [sb.txn("000000706")[k] for k in ("statusName", "amount")] == ["REFUND", 900]


def test_no_lag_by_default(sb) -> None:
    txn_id = sb.paid("000000707", "1000")
    sb.op(txn_id, "refund", amount="100")
    assert sb.txn("000000707")["payoutAmount"] == 100


def test_cli_flags_reach_the_config() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    cfg = config_from_args(parser.parse_args(["--status-lag", "30", "--refund-status-after-partial"]))
    assert (cfg.status_lag, cfg.refund_status_after_partial) == (30.0, True)
    cfg = config_from_args(parser.parse_args([]))
    assert (cfg.status_lag, cfg.refund_status_after_partial) == (0.0, False)


def test_options_route_switches_lag_and_refund_status_at_run_time(sb) -> None:
    assert sb.get("/sandbox/options").json() == {"statusLag": 0, "refundStatusAfterPartial": False}
    both = {"statusLag": 30, "refundStatusAfterPartial": True}
    assert sb.request("PATCH", "/sandbox/options", json=both).json() == both
    txn_id = sb.paid("000000708", "1000")
    sb.op(txn_id, "refund", amount="100")
    assert [sb.txn("000000708")[k] for k in ("statusName", "payoutAmount")] == ["CHARGE", 0]
    sb.clock.advance(30)
    assert [sb.txn("000000708")[k] for k in ("statusName", "payoutAmount")] == ["REFUND", 100]
    # Only the lag changes: a partial setting keeps the other option.
    assert sb.post("/sandbox/options", json={"statusLag": 0.5}).json()["refundStatusAfterPartial"] is True
    # Reset brings back the options the sandbox was started with.
    sb.post("/sandbox/reset")
    assert sb.get("/sandbox/options").json() == {"statusLag": 0, "refundStatusAfterPartial": False}


def test_options_route_refuses_bad_values(sb) -> None:
    for bad in (
        {"statusLag": -1},
        {"statusLag": 86401},
        {"statusLag": "30"},
        {"statusLag": True},
        {"refundStatusAfterPartial": "yes"},
        {"maxAttempts": 5},
        [1],
    ):
        response = sb.request("PATCH", "/sandbox/options", json=bad)
        assert (response.status_code, response.json()["code"]) == (400, 852), bad
    assert sb.get("/sandbox/options").json() == {"statusLag": 0, "refundStatusAfterPartial": False}
