"""Injected faults: the control API arms them, the API routes consume them one call at a time.

A fault belongs to one operation and fires on its next ``times`` calls (first armed, first
used). ``delay``, ``hold``, ``drop_after_apply`` and ``code_in_200_applied`` let the call take effect;
``http_status``, ``drop_before_apply`` and ``code_in_200`` do not. ``result_code`` and
``status_oddity`` only make sense for check-status, ``code_in_200*`` only for the money
operations (charge, cancel, refund, card_pay) and ``expire_token`` not for the token endpoint.

Values are bounded and anything else is refused (400/850): a delay is 0 to
:data:`MAX_FAULT_DELAY` seconds, a code at most :data:`MAX_FAULT_CODE`, ``times`` at most
:data:`MAX_FAULT_TIMES`; NaN and infinities are not numbers. The bounds are checked before any
integer is made of a value, so ``1E+999999999`` costs nothing.

``hold`` keeps the applied call's answer back until a test releases it (holds.py, decision 0089); its
value is the most seconds to hold, 0 (or none) meaning :data:`MAX_FAULT_HOLD`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.holds import Holds

__all__ = [
    "KINDS",
    "MAX_FAULT_CODE",
    "MAX_FAULT_DELAY",
    "MAX_FAULT_HOLD",
    "MAX_FAULT_TIMES",
    "MONEY_OPERATIONS",
    "ODDITIES",
    "OPERATIONS",
    "Fault",
    "FaultBook",
]

#: The longest ``delay`` fault, in seconds (below the sandbox's request time limit, limits.py).
MAX_FAULT_DELAY: Final = 60
#: The longest a ``hold`` fault keeps an answer back unreleased, in seconds (the same bound as a delay).
MAX_FAULT_HOLD: Final = MAX_FAULT_DELAY
#: The largest number any other fault's value may be (codes; the gateway's codes have 3-4 digits).
MAX_FAULT_CODE: Final = 999_999
#: The most calls one fault may fire on.
MAX_FAULT_TIMES: Final = 1_000_000

OPERATIONS: Final = ("token", "status", "charge", "cancel", "refund", "cards", "card_pay")
KINDS: Final = (
    "delay",
    "hold",
    "http_status",
    "drop_after_apply",
    "drop_before_apply",
    "result_code",
    "expire_token",
    "code_in_200",
    "code_in_200_applied",
    "status_oddity",
)
#: Operations that move money; only they can answer a non-zero ``code`` inside an HTTP 200.
MONEY_OPERATIONS: Final = ("charge", "cancel", "refund", "card_pay")
#: What a ``status_oddity`` fault does to the next check-status answer (value names, see views.py).
ODDITIES: Final = (
    "unknown_status",
    "naive_time",
    "text_reason_code",
    "unknown_reason_code",
    "missing_fields",
)


@dataclass(slots=True)
class Fault:
    operation: str
    kind: str
    value: Decimal
    times: int
    #: The value when it is a name (``status_oddity``); empty for numeric values.
    name: str = ""

    def to_json(self) -> dict[str, object]:
        value: object = self.name or self.value
        return {"operation": self.operation, "kind": self.kind, "value": value, "times": self.times}


def parse_fault(
    body: object, operations: tuple[str, ...] = OPERATIONS, kinds: tuple[str, ...] = KINDS
) -> Fault:
    """A fault from the control API's JSON; SandboxError 850 explains what is wrong. ``operations``
    and ``kinds``: what this sandbox knows (the gateway's by default; the fiscal register has its own)."""
    if not isinstance(body, dict):
        raise SandboxError(Code.BAD_FAULT, "fault must be a JSON object")
    operation, kind = body.get("operation"), body.get("kind")
    if operation not in operations:
        raise SandboxError(Code.BAD_FAULT, f"operation must be one of {', '.join(operations)}")
    if kind not in kinds:
        raise SandboxError(Code.BAD_FAULT, f"kind must be one of {', '.join(kinds)}")
    if kind == "result_code" and operation != "status":
        raise SandboxError(Code.BAD_FAULT, "result_code applies to the status operation only")
    if kind == "expire_token" and operation == "token":
        raise SandboxError(Code.BAD_FAULT, "expire_token does not apply to the token endpoint")
    if kind in ("code_in_200", "code_in_200_applied") and operation not in MONEY_OPERATIONS:
        raise SandboxError(Code.BAD_FAULT, f"{kind} applies to {', '.join(MONEY_OPERATIONS)} only")
    if kind == "status_oddity" and operation != "status":
        raise SandboxError(Code.BAD_FAULT, "status_oddity applies to the status operation only")
    raw_value = body.get("value", 0)
    times = body.get("times", 1)
    if isinstance(times, bool) or not isinstance(times, int) or not 1 <= times <= MAX_FAULT_TIMES:
        raise SandboxError(Code.BAD_FAULT, f"times must be a whole number from 1 to {MAX_FAULT_TIMES}")
    if kind == "status_oddity":
        if raw_value not in ODDITIES:
            raise SandboxError(Code.BAD_FAULT, f"status_oddity value must be one of {', '.join(ODDITIES)}")
        return Fault(operation, kind, Decimal(0), times, str(raw_value))
    if isinstance(raw_value, bool) or not isinstance(raw_value, int | Decimal):
        raise SandboxError(Code.BAD_FAULT, "value must be a non-negative number")
    value = Decimal(raw_value)
    if not value.is_finite() or value < 0:
        raise SandboxError(Code.BAD_FAULT, "value must be a non-negative finite number")
    if kind == "delay" and value > MAX_FAULT_DELAY:
        raise SandboxError(Code.BAD_FAULT, f"delay value must be seconds from 0 to {MAX_FAULT_DELAY}")
    if kind == "hold":
        if value > MAX_FAULT_HOLD:
            raise SandboxError(
                Code.BAD_FAULT, f"hold value must be seconds up to {MAX_FAULT_HOLD} (0: {MAX_FAULT_HOLD})"
            )
        return Fault(operation, kind, value or Decimal(MAX_FAULT_HOLD), times)
    if value > MAX_FAULT_CODE:
        raise SandboxError(Code.BAD_FAULT, f"value must be at most {MAX_FAULT_CODE}")
    if kind == "http_status" and not (value == int(value) and 400 <= value <= 599):
        raise SandboxError(Code.BAD_FAULT, "http_status value must be an HTTP error status 400-599")
    if kind == "result_code" and value != int(value):
        raise SandboxError(Code.BAD_FAULT, "result_code value must be an integer")
    if kind in ("code_in_200", "code_in_200_applied") and not (value == int(value) and value > 0):
        raise SandboxError(Code.BAD_FAULT, f"{kind} value must be a non-zero integer code, e.g. 100")
    return Fault(operation, kind, value, times)


class FaultBook:
    """The armed faults, and (``holds``) the answers ``hold`` faults keep back now."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self.holds = Holds()

    def add(self, fault: Fault) -> None:
        self._faults.append(fault)

    def take(self, operation: str) -> Fault | None:
        """The next fault armed for this operation, counted as used once."""
        for fault in self._faults:
            if fault.operation == operation:
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def active(self) -> list[Fault]:
        return list(self._faults)

    def clear(self) -> None:
        """Disarm every fault and release every held answer."""
        self._faults.clear()
        self.holds.release()
