"""The fiscal sandbox's register kept in a file (decision 0138): like a real cloud register, the demo's
still holds its shifts, receipts, fiscal signs, report numbers, offline mode and clock after the console
restarts, so a trainee sees the same X report before and after.

:func:`keep_in` reads the file into a register (when there is one) and from then on writes it after every
change: JSON, written atomically (a temporary file, fsync, rename; :mod:`epay_desktop.safe_files`), so a
crash leaves the last whole state. Not kept: session tokens (a secret; the console authorises again after
a restart, only the count of tokens issued is kept so new ones differ) and armed faults (a test's). A file
that cannot be read is set aside (``<name>.unreadable``) and the register starts empty, as before 0138;
:func:`start_afresh` sets a readable one aside the same way (the demo's register of another database,
decision 0148). The file also says which demo database the register serves (``database``, 0148; absent
in a file from before it). The tests' sandboxes keep nothing unless a test calls :func:`keep_in`;
``epay-desktop fiscal-sandbox --keep FILE`` keeps its register in ``FILE``.
"""

from __future__ import annotations

import json
import logging
import types
from dataclasses import fields
from dataclasses import is_dataclass
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from typing import Final
from typing import Union
from typing import get_args
from typing import get_origin
from typing import get_type_hints

from epay_desktop.domain.errors import ConsoleError
from epay_desktop.safe_files import write_file_safely
from epay_desktop.sandbox.fiscal.register import Receipt
from epay_desktop.sandbox.fiscal.register import Register
from epay_desktop.sandbox.fiscal.register import Shift

__all__ = ["FORMAT", "keep_in", "start_afresh", "state_bytes"]

log = logging.getLogger(__name__)

#: The file's format; another one is set aside like an unreadable file.
FORMAT: Final = 1
_MICROSECOND: Final = timedelta(microseconds=1)


def _encode(value: object) -> Any:
    """JSON for a register's values: dataclasses as objects (a shift without its receipts, kept once in
    the register's list), Decimal as text, datetimes in ISO 8601, dicts as pairs (their keys are ints)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value) if f.name != "receipts"}
    if isinstance(value, Decimal | datetime):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    if isinstance(value, dict):
        return [[_encode(k), _encode(v)] for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    return value


def _decode(kind: Any, raw: Any) -> Any:
    """The value of type ``kind`` :func:`_encode` wrote as ``raw``; ValueError/TypeError/KeyError when
    ``raw`` is not one."""
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        return None if raw is None else _decode(next(a for a in args if a is not type(None)), raw)
    if origin in (tuple, list):
        return origin(_decode(args[0], item) for item in _listed(raw))
    if origin is dict:
        return {_decode(args[0], k): _decode(args[1], v) for k, v in _listed(raw)}
    if isinstance(kind, type) and is_dataclass(kind):
        hints = get_type_hints(kind)
        if not isinstance(raw, dict):
            raise TypeError(f"{kind.__name__}: {raw!r}")
        wanted = (f for f in fields(kind) if f.name != "receipts")
        return kind(**{f.name: _decode(hints[f.name], raw[f.name]) for f in wanted})
    if kind is Decimal:
        return Decimal(_typed(str, raw))
    if kind is datetime:
        return datetime.fromisoformat(_typed(str, raw))
    return _typed(kind, raw)


def _listed(raw: Any) -> list[Any]:
    return _typed(list, raw)  # type: ignore[no-any-return]


def _typed(kind: type, raw: Any) -> Any:
    if not isinstance(raw, kind) or (kind is int and isinstance(raw, bool)):
        raise TypeError(f"{kind.__name__} expected: {raw!r}")
    return raw


def state_bytes(register: Register) -> bytes:
    """What the file holds for ``register`` (call under its lock)."""
    state = {
        "format": FORMAT,
        "offsetMicroseconds": register.offset // _MICROSECOND,
        "offlineSince": _encode(register.offline_since),
        "reports": register.reports,
        "tokensIssued": register.issued,
        "database": register.database,
        "shifts": _encode(register.shifts),
        "receipts": _encode(register.receipts),
    }
    return json.dumps(state, ensure_ascii=False, indent=1).encode()


def _restore(register: Register, data: bytes) -> None:
    state = json.loads(data)
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        raise ValueError(f"not a fiscal sandbox state of format {FORMAT}")
    receipts: list[Receipt] = _decode(list[Receipt], state["receipts"])
    shifts: list[Shift] = _decode(list[Shift], state["shifts"])
    for shift in shifts:
        shift.receipts = [r for r in receipts if r.shift == shift.number]
    register.reset()
    register.offset = state["offsetMicroseconds"] * _MICROSECOND
    register.offline_since = _decode(datetime | None, state["offlineSince"])
    register.reports = _typed(int, state["reports"])
    register.issued = _typed(int, state["tokensIssued"])
    register.database = _decode(str | None, state.get("database"))  # not in a file from before 0148
    register.shifts = shifts
    register.receipts = receipts
    register.by_external = {r.external: r for r in receipts if r.external}


def keep_in(register: Register, path: Path) -> Register:
    """``register`` as ``path`` left it (empty without the file), written there after every change."""
    with register.lock:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = None
        if data is not None:
            try:
                _restore(register, data)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                aside = _set_aside(path, "unreadable")
                register.reset()
                log.warning(
                    "event=fiscal_sandbox_state_unreadable path=%s set_aside=%s error=%s", path, aside, exc
                )
        register.keep = lambda: _write(register, path)
    log.info("event=fiscal_sandbox_state_kept path=%s receipts=%d", path, len(register.receipts))
    return register


def start_afresh(register: Register, path: Path, why: str) -> Path | None:
    """``register`` emptied (:meth:`Register.reset`), the file it was kept in first moved aside to
    ``<name>.<why>`` (replacing an earlier one of that name), where it was moved; None without a file.
    Raises OSError when the file cannot be moved."""
    with register.lock:
        aside = _set_aside(path, why)
        register.reset()
    return aside


def _set_aside(path: Path, why: str) -> Path | None:
    aside = path.with_name(f"{path.name}.{why}")
    try:
        path.replace(aside)
    except FileNotFoundError:
        return None
    return aside


def _write(register: Register, path: Path) -> None:
    """The file rewritten; when it cannot be (a full disk), the register goes on in memory and says so in
    the log (the demo's receipts are not refused for its file)."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_file_safely(path, state_bytes(register))
    except (OSError, ConsoleError) as exc:
        log.warning("event=fiscal_sandbox_state_not_written path=%s error=%s", path, exc)
