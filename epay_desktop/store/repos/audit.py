"""The append-only, hash-chained audit log (``tx.audit``).

Each entry's ``hash`` is ``HMAC-SHA256(audit_key, prev_hash || canonical JSON of
[seq, at, actor_id, action, subject, details])``; the first entry's ``prev_hash`` is 64
zeros. The key lives outside the database (``{home}/audit.key``), so someone who can edit
the database file cannot rebuild a valid chain. Entries are appended inside the CALLER's
write transaction, so an audit row commits atomically with the change it describes.

Appends are serialised: on SQLite the write transaction already holds the database write
lock (``BEGIN IMMEDIATE``); on PostgreSQL a transaction-scoped advisory lock is taken
before the head is read, so two counters never fork the chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
from collections.abc import Iterator
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text

from epay_desktop.store.models import AuditRow
from epay_desktop.store.repos.repo import Repo

__all__ = [
    "ACTIVITY_ACTIONS",
    "GENESIS_HASH",
    "ROLE_ACTIONS",
    "AccountDecision",
    "AuditEntry",
    "AuditRepo",
    "canonical_details",
    "entry_hash",
]

#: The audited decisions that give an account its role (``details.role`` / ``details.after``).
ROLE_ACTIONS = ("user.added", "user.role_changed")
#: The audited decisions that make an account active or not.
ACTIVITY_ACTIONS = ("user.added", "user.activated", "user.deactivated")

GENESIS_HASH = "0" * 64

#: An entry's columns in :class:`AuditEntry`'s order (read without building ORM rows).
_ENTRY_COLUMNS = (
    AuditRow.seq,
    AuditRow.at,
    AuditRow.actor_id,
    AuditRow.action,
    AuditRow.subject,
    AuditRow.details,
    AuditRow.prev_hash,
    AuditRow.hash,
)
# pg_advisory_xact_lock key of the audit head ("epayaudi" as an integer)
_PG_AUDIT_LOCK = 0x6570617961756469

# Key words that must never appear in audit details: secrets and card data.
_FORBIDDEN_WORDS = frozenset(
    {"password", "passwd", "pwd", "pin", "secret", "token", "pan", "cvc", "cvv", "cvv2", "cvc2", "track"}
)
_FORBIDDEN_JOINED = ("password", "secret", "token", "cardnumber", "cvv", "cvc")
_DIGIT_RUN = re.compile(r"\d[\d -]{11,}\d")
# Operation ids and gateway transaction ids are UUIDs; their digit groups joined by hyphens can
# look like a long digit run, but a UUID is an identifier, never card data.
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One stored audit entry, exactly as read from the table (``details`` is its JSON text)."""

    seq: int
    at: datetime
    actor_id: int | None
    action: str
    subject: str
    details: str
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class AccountDecision:
    """What the last audited decisions say about one account (see :meth:`AuditRepo.account_decision`).

    ``role`` is the role value the last role decision gave, ``active`` what the last activity
    decision left; None where no such entry exists. ``tampered`` names the seq of a decisive entry
    whose hash does not match its content (edited in the file), whose values are then not trusted.
    """

    role: str | None
    active: bool | None
    role_seq: int | None = None
    tampered: int | None = None


def _key_parts(key: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", key)
    return [p for p in re.split(r"[^A-Za-z0-9]+", spaced.lower()) if p]


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _check_value(path: str, value: Any) -> None:
    if isinstance(value, Mapping):
        for k, v in value.items():
            if not isinstance(k, str):
                raise ValueError(f"audit details: key {k!r} at {path or 'top'} is not a string")
            parts = _key_parts(k)
            joined = "".join(parts)
            if _FORBIDDEN_WORDS.intersection(parts) or any(w in joined for w in _FORBIDDEN_JOINED):
                raise ValueError(f"audit details must not hold secrets or card data (key {k!r})")
            _check_value(f"{path}.{k}", v)
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _check_value(f"{path}[{i}]", v)
    elif isinstance(value, str):
        for run in _DIGIT_RUN.findall(_UUID.sub(" ", value)):
            digits = re.sub(r"\D", "", run)
            # 16-19 digits: invoice ids (<= 15 digits) and RRNs (12) must stay allowed
            if 16 <= len(digits) <= 19 and _luhn_ok(digits):
                raise ValueError(f"audit details: {path or 'value'} looks like a card number")
    elif value is None or isinstance(value, int):  # bool is an int
        return
    elif isinstance(value, float) and math.isfinite(value):
        raise ValueError(f"audit details: {path} is a float; use integer minor units or text")
    else:
        raise ValueError(f"audit details: {path} has unsupported type {type(value).__name__}")


def canonical_details(details: Mapping[str, Any]) -> str:
    """``details`` as canonical JSON text, after refusing secrets, card numbers and floats.

    Raises ValueError naming the offending key or value.
    """
    if not isinstance(details, Mapping):
        raise ValueError("audit details must be a dict")
    _check_value("", details)
    return json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def entry_hash(key: bytes, prev_hash: str, entry: AuditEntry | AuditRow) -> str:
    """The chain hash of one entry (hex): its seq, time, actor, action, subject and details on top of
    ``prev_hash`` (an entry read back, or the row about to be written). Raises ValueError if the
    entry's details are not JSON."""
    body = json.dumps(
        [
            entry.seq,
            entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
            entry.actor_id,
            entry.action,
            entry.subject,
            json.loads(entry.details),
        ],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    )
    return hmac.new(key, prev_hash.encode("ascii") + body.encode("utf-8"), hashlib.sha256).hexdigest()


class AuditRepo(Repo):
    """Append to and read the audit chain, inside one transaction."""

    def _key(self) -> bytes:
        if not self._tx.audit_key:
            raise RuntimeError("the audit key is missing: open the store with Store(engine, audit_key=...)")
        return self._tx.audit_key

    def append(
        self,
        actor_id: int | None,
        action: str,
        subject: str,
        details: Mapping[str, Any],
        *,
        at: datetime | None = None,
    ) -> int:
        """Append one entry in the caller's write transaction and return its ``seq``.

        ``at`` defaults to ``datetime.now(UTC)``; pass the service clock's time. Side effect: one
        INSERT (and on PostgreSQL an advisory lock held until the transaction ends). Raises
        ValueError if ``details`` holds a secret-looking key (password, pin, token, pan, cvc...),
        a card-number-like value or a float; RuntimeError outside ``Store.write()`` or without an
        audit key.
        """
        key = self._key()
        if not self._tx.locking:
            raise RuntimeError("audit entries are appended only inside Store.write()")
        if not action:
            raise ValueError("audit action is required")
        details_json = canonical_details(details)
        when = (at or datetime.now(UTC)).astimezone(UTC)
        session = self._tx.session
        if self._tx.dialect == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
        head = session.execute(
            select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)
        ).first()
        seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS_HASH)
        row = AuditRow(
            seq=seq,
            at=when,
            actor_id=actor_id,
            action=action,
            subject=subject,
            details=details_json,
            prev_hash=prev,
        )
        row.hash = entry_hash(key, prev, row)
        session.add(row)
        session.flush()
        return seq

    def head(self) -> tuple[int, str]:
        """``(seq of the last entry, its hash)``; ``(0, GENESIS_HASH)`` when the log is empty."""
        row = self._tx.session.execute(
            select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)
        ).first()
        return (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)

    def count(self) -> int:
        return int(self._tx.session.scalar(select(func.count()).select_from(AuditRow)) or 0)

    def entries(self, *, after_seq: int = 0, batch: int = 1000) -> Iterator[AuditEntry]:
        """Every entry with ``seq > after_seq`` in seq order, streamed in batches."""
        last = after_seq
        while True:
            rows = self._tx.session.execute(
                select(*_ENTRY_COLUMNS).where(AuditRow.seq > last).order_by(AuditRow.seq).limit(batch)
            ).all()
            if not rows:
                return
            for r in rows:
                yield AuditEntry(*r)
            last = rows[-1][0]

    def about(self, subject: str, action: str) -> list[AuditEntry]:
        """Every ``action`` entry about ``subject``, oldest first (``ix_audit_log_subject_action``)."""
        rows = self._tx.session.execute(
            select(*_ENTRY_COLUMNS)
            .where(AuditRow.subject == subject, AuditRow.action == action)
            .order_by(AuditRow.seq)
        ).all()
        return [AuditEntry(*r) for r in rows]

    def _last(self, subject: str, actions: tuple[str, ...]) -> AuditEntry | None:
        row = self._tx.session.execute(
            select(*_ENTRY_COLUMNS)
            .where(AuditRow.subject == subject, AuditRow.action.in_(actions))
            .order_by(AuditRow.seq.desc())
            .limit(1)
        ).first()
        return AuditEntry(*row) if row is not None else None

    def _intact(self, entry: AuditEntry) -> bool:
        try:
            return hmac.compare_digest(self.hash_of(entry, entry.prev_hash), entry.hash)
        except ValueError:
            return False

    def account_decision(self, subject: str) -> AccountDecision:
        """The role and activity the last audited decisions about ``subject`` (``user:<id>``) gave.

        Two indexed reads (``ix_audit_log_subject_action``) and at most two HMACs, whatever the
        log's length: the decisive entries' hashes are recomputed with the key, so an entry edited
        in the file without the key counts as no decision (``tampered``). Raises RuntimeError
        without an audit key.
        """
        role_entry = self._last(subject, ROLE_ACTIONS)
        active_entry = self._last(subject, ACTIVITY_ACTIONS)
        role: str | None = None
        active: bool | None = None
        tampered: int | None = None
        if role_entry is not None:
            if self._intact(role_entry):
                details = json.loads(role_entry.details)
                key = "after" if role_entry.action == "user.role_changed" else "role"
                value = details.get(key) if isinstance(details, dict) else None
                role = value if isinstance(value, str) else None
            else:
                tampered = role_entry.seq
        if active_entry is not None:
            if self._intact(active_entry):
                active = active_entry.action != "user.deactivated"
            else:
                tampered = tampered or active_entry.seq
        return AccountDecision(role, active, role_entry.seq if role_entry is not None else None, tampered)

    def decisions_after(self, after_seq: int) -> list[AuditEntry]:
        """Every role and activity decision (and account creation) with ``seq > after_seq``, oldest first."""
        actions = tuple(dict.fromkeys((*ROLE_ACTIONS, *ACTIVITY_ACTIONS)))
        rows = self._tx.session.execute(
            select(*_ENTRY_COLUMNS)
            .where(AuditRow.seq > after_seq, AuditRow.action.in_(actions))
            .order_by(AuditRow.seq)
        ).all()
        return [AuditEntry(*r) for r in rows]

    def hash_of(self, entry: AuditEntry, prev_hash: str) -> str:
        """Recompute ``entry``'s hash on top of ``prev_hash`` with this store's key.

        Raises ValueError if the entry's details are not valid JSON.
        """
        return entry_hash(self._key(), prev_hash, entry)
