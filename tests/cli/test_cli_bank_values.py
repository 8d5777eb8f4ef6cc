"""The CLI reads odd check-status answers without a traceback and says what the bank sent (decision 0034)."""

from __future__ import annotations

from typing import Any


def _odd(cli: Any, oddity: str) -> None:
    body = {"operation": "status", "kind": "status_oddity", "value": oddity, "times": 1}
    assert cli.control.post("/sandbox/faults", json=body).status_code == 201


def test_status_with_an_unknown_status_name_and_a_text_reason_code(cli: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("700")
    _odd(cli, "unknown_status")
    odd = cli.run("status", invoice, "--json")
    assert "Traceback" not in odd.err
    shown = odd.json()
    assert shown["status"] == "UNKNOWN" and shown["bank_status"] == "CHARGEBACK"
    assert shown["card_mask"].endswith("5096")  # the rest of the answer was read
    _odd(cli, "text_reason_code")
    coded = cli.run("status", invoice, "--json").json()
    assert coded["status"] == "CHARGE" and coded["bank_status"] is None
    assert coded["reason_code_text"] == "A05"
