"""What the two money state machines share (tests/services/test_operations_stateful.py, reliability.md
T06, and tests/stress/test_money_machine.py, the same rules with crashes): the payments bundle, the
amounts they pay, and the hold rule they start from -- the customer pays on a two-step terminal (AUTH)
and the hold is maybe captured in full at once.

A machine subclasses :class:`HoldsPayments`, names ``payments = HoldsPayments.payments`` for its own
rules, and sets ``svc``, ``control`` and ``manager`` and defines ``run`` and ``attempt``.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Coroutine
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import Bundle
from hypothesis.stateful import RuleBasedStateMachine
from hypothesis.stateful import initialize

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import User
from tests.support import ops_harness as h
from tests.support.sandbox import SandboxControl

__all__ = ["AMOUNTS", "HoldsPayments"]

#: What a customer pays in the machines' examples (tenge).
AMOUNTS = st.sampled_from(["50", "100", "250.50"])


class HoldsPayments(RuleBasedStateMachine):
    payments = Bundle("payments")
    svc: h.Services
    control: SandboxControl
    manager: User
    #: runs a coroutine on the machine's loop; ``attempt`` does too and swallows a refusal (None)
    run: Callable[[Coroutine[Any, Any, Any]], Any]
    attempt: Callable[[Coroutine[Any, Any, Any]], Any]

    def hold(self, amount: str, *, charge: bool) -> InvoiceId:
        """The customer pays on the two-step terminal (AUTH); ``charge`` captures it in full at once."""
        invoice: InvoiceId = self.run(h.paid_payment(self.svc, self.control, self.manager, amount)).invoice_id
        if charge:
            self.attempt(self.svc.ops.charge(self.manager, invoice))
        return invoice

    @initialize(target=payments)
    def first_payment(self) -> InvoiceId:
        return self.hold("100", charge=True)
