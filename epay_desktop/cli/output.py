"""Printing results: tidy text tables for people, JSON for scripts.

Text shows money as ``1 500,00 ₸`` and times in Kazakhstan time; JSON shows money as decimal
strings (``"1500.00"``) and times as ISO 8601 UTC.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from epay_desktop.cli.common import EXIT_OK
from epay_desktop.cli.common import KZ_TIME
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain.text import visible

__all__ = [
    "emit_json",
    "local_time",
    "money_json",
    "money_text",
    "op_json",
    "print_pairs",
    "print_result",
    "print_table",
    "visible",
    "when_json",
]


def money_text(value: Money | None) -> str:
    return "" if value is None else value.format()


def money_json(value: Money | None) -> str | None:
    return None if value is None else value.plain()


def local_time(value: datetime | None) -> str:
    """``2024-05-31 14:03`` in Asia/Almaty, or empty."""
    return "" if value is None else value.astimezone(KZ_TIME).strftime("%Y-%m-%d %H:%M")


def when_json(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def emit_json(data: Any) -> None:
    """JSON for scripts; a stored text's control, text-direction or separator characters are written as
    ``\\uXXXX`` escapes (the same string to a JSON reader, nothing raw on a terminal: decision 0073)."""
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)
    print(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text))


#: What json.dumps(ensure_ascii=False) leaves raw that a terminal would act on (C0 is escaped already).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def print_result(as_json: bool, data: Any, *lines: str | None) -> int:
    """What a command did: ``data`` as JSON for scripts (``--json``), else ``lines`` for people (a
    None line is left out). Returns the exit code 0."""
    if as_json:
        emit_json(data)
    else:
        for line in lines:
            if line is not None:
                print(line)
    return EXIT_OK


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: set[int] | None = None
) -> None:
    """Columns padded to their widest cell; ``right`` holds the indexes of right-aligned columns."""
    right = right or set()
    rows = [[visible(cell) for cell in row] for row in rows]  # stored text never drives the terminal
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def print_pairs(pairs: Mapping[str, str]) -> None:
    """``key: value`` lines with the values lined up; empty values are left out."""
    shown = {k: visible(v) for k, v in pairs.items() if v}
    width = max((len(k) for k in shown), default=0)
    for key, value in shown.items():
        print(f"{key + ':':{width + 1}} {value}")


def op_json(op: MoneyOp, names: Mapping[int, str] | None = None) -> dict[str, Any]:
    """A money operation for ``--json``: ids, kind, amount as a decimal string, state, people."""
    names = names or {}
    return {
        "id": op.id,
        "kind": op.kind.value,
        "amount": op.amount.plain(),
        "state": op.state.value,
        "requested_by": names.get(op.requested_by, str(op.requested_by)),
        "approved_by": None if op.approved_by is None else names.get(op.approved_by, str(op.approved_by)),
        "reason": op.reason,
        "gateway_code": op.gateway_code,
        "gateway_message": op.gateway_message,
        "created_at": when_json(op.created_at),
        "resolved_at": when_json(op.resolved_at),
    }


def fail_line(message: str) -> None:
    """The one line on stderr: ``epay-desktop: <message>``."""
    text = visible(" ".join(str(message).split()))
    print(f"epay-desktop: {text}", file=sys.stderr)
