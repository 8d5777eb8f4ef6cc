"""Injected faults: the control API arms them, the API routes consume them one call at a time.

A fault belongs to one operation and fires on its next ``times`` calls (first armed, first
used). ``delay`` and ``drop_after_apply`` let the call take effect; ``http_status`` and
``drop_before_apply`` do not; ``result_code`` only makes sense for check-status and
``expire_token`` not for the token endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from .errors import Code, SandboxError

__all__ = ["KINDS", "OPERATIONS", "Fault", "FaultBook"]

OPERATIONS: Final = ("token", "status", "charge", "cancel", "refund", "cards", "card_pay")
KINDS: Final = (
    "delay",
    "http_status",
    "drop_after_apply",
    "drop_before_apply",
    "result_code",
    "expire_token",
)


@dataclass(slots=True)
class Fault:
    operation: str
    kind: str
    value: Decimal
    times: int

    def to_json(self) -> dict[str, object]:
        return {"operation": self.operation, "kind": self.kind, "value": self.value, "times": self.times}


def parse_fault(body: object) -> Fault:
    """A fault from the control API's JSON; SandboxError 850 explains what is wrong."""
    if not isinstance(body, dict):
        raise SandboxError(Code.BAD_FAULT, "fault must be a JSON object")
    operation, kind = body.get("operation"), body.get("kind")
    if operation not in OPERATIONS:
        raise SandboxError(Code.BAD_FAULT, f"operation must be one of {', '.join(OPERATIONS)}")
    if kind not in KINDS:
        raise SandboxError(Code.BAD_FAULT, f"kind must be one of {', '.join(KINDS)}")
    if kind == "result_code" and operation != "status":
        raise SandboxError(Code.BAD_FAULT, "result_code applies to the status operation only")
    if kind == "expire_token" and operation == "token":
        raise SandboxError(Code.BAD_FAULT, "expire_token does not apply to the token endpoint")
    raw_value = body.get("value", 0)
    times = body.get("times", 1)
    if isinstance(raw_value, bool) or not isinstance(raw_value, int | Decimal) or raw_value < 0:
        raise SandboxError(Code.BAD_FAULT, "value must be a non-negative number")
    if isinstance(times, bool) or not isinstance(times, int) or times < 1:
        raise SandboxError(Code.BAD_FAULT, "times must be a positive integer")
    value = Decimal(raw_value)
    if kind == "http_status" and not (value == int(value) and 400 <= value <= 599):
        raise SandboxError(Code.BAD_FAULT, "http_status value must be an HTTP error status 400-599")
    if kind == "result_code" and value != int(value):
        raise SandboxError(Code.BAD_FAULT, "result_code value must be an integer")
    return Fault(operation, kind, value, times)


class FaultBook:
    def __init__(self) -> None:
        self._faults: list[Fault] = []

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
        self._faults.clear()
