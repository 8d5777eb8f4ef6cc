"""The main window's money actions say why they are disabled in words for every payment status.

``payment_availability`` gives the tooltip/status tip of Refund, Charge and Cancel; for each
ConsoleStatus (CASHIER_CANCEL and PAGE_FAILED included, decision 0018) a refusal names the status
with its label ("Cashier cancelled"), never its code.
"""

from __future__ import annotations

import re

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.widgets.status_badge import status_label
from epay_desktop.ui.window.actions import payment_availability
from tests.support.builders import NOW
from tests.support.builders import payment

CODES = {s.value for s in ConsoleStatus} | {s.value for s in OpState}
MANAGER = User(
    id=1, name="Данияр", role=Role.MANAGER, active=True, failed_attempts=0, locked_until=None, created_at=NOW
)


@pytest.mark.parametrize("status", list(ConsoleStatus))
def test_every_refusal_of_refund_charge_and_cancel_names_the_status_in_words(qapp, status) -> None:
    label = status_label(status)
    assert label != status.value and not re.fullmatch(r"[A-Z0-9_]+", label)
    states = payment_availability(MANAGER, payment(status))
    refused = [states[name].note for name in ("refund", "charge", "cancel") if not states[name].enabled]
    assert refused  # every status refuses a refund, or a charge and a cancel
    for note in refused:
        codes = {word for word in re.findall(r"[A-Z0-9_]{2,}", note) if word in CODES}
        assert not codes, note
        assert "“" not in note or f"“{label}”" in note or "“Authorised”" in note, note


def test_a_sale_stopped_at_the_counter_says_so(qapp) -> None:
    for status, label in (
        (ConsoleStatus.CASHIER_CANCEL, "Cashier cancelled"),
        (ConsoleStatus.PAGE_FAILED, "Page failed"),
    ):
        states = payment_availability(MANAGER, payment(status))
        assert states["refund"].note == f"Only a paid payment can be refunded; this one is “{label}”."
        assert states["charge"].note == (
            f"Only a held payment (“Authorised”) can be charged or cancelled; this one is “{label}”."
        )
