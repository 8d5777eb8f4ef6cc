"""Checking the audit chain, and the anchor that proves nothing was cut off its end.

:func:`verify_chain` walks the log in ``seq`` order and recomputes every HMAC. It finds an
edited entry (its hash no longer matches), a deleted entry (a gap in ``seq``, and the next
entry's ``prev_hash`` no longer matches), swapped entries (the content no longer fits its
``seq``). Deleting entries from the END leaves a valid, shorter chain; only an anchor kept
outside the database -- the entry count and head hash printed on the end-of-day report or
exported -- reveals that, and also a tail that was cut and re-appended.

With an anchor, a truncated log is reported with ``first_bad_seq`` = the first missing entry;
a rewritten tail with ``first_bad_seq`` = the anchored entry (the rewrite started there or
earlier: the anchor holds only the head hash, so the exact point cannot be known).

The anchor a person keeps is short (decision 0076): ``audit 1234 3f2a-9c01-77be-0d4c``, the entry
count and the first 16 hex digits (64 bits) of the head hash, copyable by hand from paper.
:meth:`AuditAnchor.parse` reads that form, the full 64-digit hash, or a file holding either.
:meth:`AuditService.shift_check` is what a shift close calls (issue 13): verify against the last
printed anchor, get the new one to print and the account decisions made since, to print beside it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from pathlib import Path
from typing import Final

from epay_desktop.domain import User
from epay_desktop.services.restores import record_restore
from epay_desktop.store.db import Store
from epay_desktop.store.repos.audit import GENESIS_HASH
from epay_desktop.store.tx import Tx

__all__ = [
    "ANCHOR_HEX",
    "AccountChange",
    "AnchorError",
    "AuditAnchor",
    "AuditReport",
    "AuditService",
    "ShiftAuditCheck",
    "verify_chain",
]

#: Hex digits of the head hash a printed anchor keeps (64 bits: no rewrite of the log matches it
#: by chance, even by someone who holds the audit key).
ANCHOR_HEX: Final = 16
_ANCHOR = re.compile(r"^\s*(?:audit\s+)?(\d{1,19})\s+([0-9a-f][0-9a-f\s-]*)$", re.IGNORECASE)


class AnchorError(ValueError):
    """Text that is not an anchor as printed (``audit N XXXX-XXXX-XXXX-XXXX``)."""


@dataclass(frozen=True, slots=True)
class AuditAnchor:
    """The chain's length and head hash at one moment; print or export it (end-of-day report).

    ``head_hash`` is the full hash, or at least :data:`ANCHOR_HEX` of its first hex digits (an
    anchor read back from paper); :func:`verify_chain` compares that many.
    """

    count: int
    head_hash: str

    def text(self) -> str:
        """The short line to print and keep: ``audit 1234 3f2a-9c01-77be-0d4c``."""
        short = self.head_hash[:ANCHOR_HEX]
        return f"audit {self.count} " + "-".join(short[i : i + 4] for i in range(0, len(short), 4))

    def file_text(self) -> str:
        """What a saved anchor file holds (``audit anchor --out``, the GUI's Save…): a heading, then
        :meth:`text`; :meth:`parse` reads it back."""
        return f"ePay console audit anchor\n{self.text()}\n"

    @classmethod
    def parse(cls, text: str) -> AuditAnchor:
        """An anchor from its printed line (``audit N XXXX-...``, ``N HEX``; dashes and spaces in the
        hash ignored, 16 to 64 hex digits). The first line that is an anchor counts, so an exported
        file may hold a heading. Raises AnchorError."""
        for line in text.splitlines() or [text]:
            found = _ANCHOR.match(line)
            if found is None:
                continue
            digits = re.sub(r"[\s-]", "", found.group(2)).lower()
            if not ANCHOR_HEX <= len(digits) <= 64 or not re.fullmatch(r"[0-9a-f]+", digits):
                break
            return cls(int(found.group(1)), digits)
        raise AnchorError(
            f"not an audit anchor: write it as printed, e.g. audit 1234 3f2a-9c01-77be-0d4c "
            f"(the count, then at least {ANCHOR_HEX} hex digits of the hash)"
        )


@dataclass(frozen=True, slots=True)
class AuditReport:
    """Outcome of a verification. ``first_bad_seq`` is the first entry found wrong or missing."""

    ok: bool
    count: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: str = ""


def verify_chain(tx: Tx, anchor: AuditAnchor | None = None) -> AuditReport:
    """Verify the whole chain inside ``tx`` (read-only), optionally against an earlier anchor.

    Raises RuntimeError when the store has no audit key, ValueError for an anchor hash shorter
    than :data:`ANCHOR_HEX` digits. Reads every entry once.
    """
    if anchor is not None and anchor.count > 0 and len(anchor.head_hash) < ANCHOR_HEX:
        raise ValueError(f"an anchor keeps at least {ANCHOR_HEX} hex digits of the hash")
    prev = GENESIS_HASH
    expected = 1
    count = 0
    hash_at_anchor: str | None = None

    def bad(seq: int, problem: str) -> AuditReport:
        return AuditReport(False, count, prev, seq, problem)

    for entry in tx.audit.entries():
        if entry.seq != expected:
            if entry.seq > expected:
                return bad(expected, f"entry {expected} is missing (deleted): the log jumps to {entry.seq}")
            return bad(entry.seq, f"entry {entry.seq} is out of order")
        if entry.prev_hash != prev:
            return bad(entry.seq, f"entry {entry.seq} does not follow entry {entry.seq - 1} (link broken)")
        try:
            recomputed = tx.audit.hash_of(entry, prev)
        except ValueError:
            return bad(entry.seq, f"entry {entry.seq} has unreadable details (edited)")
        if recomputed != entry.hash:
            return bad(entry.seq, f"entry {entry.seq} was changed after it was written")
        prev, count, expected = entry.hash, entry.seq, entry.seq + 1
        if anchor is not None and entry.seq == anchor.count:
            hash_at_anchor = entry.hash
    if anchor is not None and anchor.count > 0:
        if count < anchor.count:
            return bad(
                count + 1,
                f"the log was cut: the anchor has {anchor.count} entries, the log only {count}",
            )
        if hash_at_anchor is None or not hash_at_anchor.startswith(anchor.head_hash[:64]):
            return bad(
                anchor.count,
                f"entry {anchor.count} differs from the anchor: the log was cut and rewritten "
                f"at or before entry {anchor.count}",
            )
    return AuditReport(True, count, prev)


@dataclass(frozen=True)
class UnbackedAccount:
    """An account the audit log does not back: its stored role/status beside the audited one."""

    user_id: int
    name: str
    stored_role: str
    audited_role: str | None
    stored_active: bool
    audited_active: bool | None

    def line(self) -> str:
        audited = self.audited_role or "none"
        status = (
            ", active though not audited as active" if self.stored_active and not self.audited_active else ""
        )
        who = f"{self.name} (user {self.user_id})"
        return f"{who}: role {self.stored_role} in the database, audited {audited}{status}"


def _accounts_not_backed(tx: Tx) -> list[UnbackedAccount]:
    from epay_desktop.services.people.login import (
        account_problem,  # the log-in's own rule, so the two never disagree
    )

    found = []
    for user in tx.users.list():
        problem = account_problem(tx, user)
        if problem is not None:
            audited_role = problem["audited_role"]
            audited_active = problem["audited_active"]
            found.append(
                UnbackedAccount(
                    user_id=user.id,
                    name=user.name,
                    stored_role=user.role.value,
                    audited_role=audited_role if isinstance(audited_role, str) else None,
                    stored_active=user.active,
                    audited_active=audited_active if isinstance(audited_active, bool) else None,
                )
            )
    return found


class AuditService:
    """Verification and anchors of the audit log. Appending is ``tx.audit.append`` in the store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def verify(self, anchor: AuditAnchor | None = None) -> AuditReport:
        """Verify the chain on the DB thread (see :func:`verify_chain`); never raises for tampering."""
        return await self._store.run_read(lambda tx: verify_chain(tx, anchor))

    async def shift_check(self, last_printed: AuditAnchor | None) -> ShiftAuditCheck:
        """For a shift close (issue 13): verify against the last printed anchor and get the new one to
        print with the account decisions made since (see :func:`shift_check`). Reads only."""
        return await self._store.run_read(lambda tx: shift_check(tx, last_printed))

    async def anchor(self) -> ShiftAuditCheck:
        """The anchor to print or export now, after verifying the whole chain (no earlier anchor)."""
        return await self.shift_check(None)

    async def accounts_not_backed(self) -> list[UnbackedAccount]:
        """Every account whose stored role or status no audited decision gave (decision 0075): what the
        log-in would refuse, found for all accounts at once (``audit verify``). Reads only."""
        return await self._store.run_read(_accounts_not_backed)

    async def record_restore(
        self, manager: User, *, backup: Path, replaced: Path | None, at: datetime
    ) -> int:
        """The restored database's own record of the restore (``database.restored``, decision 0067;
        :func:`epay_desktop.services.restores.record_restore`); returns its ``seq``."""
        return await record_restore(self._store, manager, backup=backup, replaced=replaced, at=at)

    async def head(self) -> AuditAnchor:
        """The current anchor: entry count and head hash, to print on the end-of-day report."""
        count, head_hash = await self._store.run_read(lambda tx: tx.audit.head())
        return AuditAnchor(count, head_hash)


@dataclass(frozen=True, slots=True)
class AccountChange:
    """One audited decision about an account (created, role changed, (de)activated), for the report."""

    seq: int
    at: datetime
    actor_id: int | None
    action: str
    subject: str
    role: str | None

    def line(self) -> str:
        """``#57 user.role_changed user:4 -> manager (by user:1)``: what a shift report prints."""
        by = f" (by user:{self.actor_id})" if self.actor_id is not None else ""
        role = f" -> {self.role}" if self.role else ""
        return f"#{self.seq} {self.action} {self.subject}{role}{by}"


@dataclass(frozen=True, slots=True)
class ShiftAuditCheck:
    """What a shift close prints and keeps: the check against the last printed anchor, the new
    anchor, and every account decision since that anchor (a promotion appended by someone holding
    the audit key is not found by the hash check, but shows here on paper)."""

    report: AuditReport
    anchor: AuditAnchor | None
    account_changes: list[AccountChange] = field(default_factory=list)


def _changes_after(tx: Tx, seq: int) -> list[AccountChange]:
    changes = []
    for entry in tx.audit.decisions_after(seq):
        details = json.loads(entry.details)
        role = details.get("after", details.get("role")) if isinstance(details, dict) else None
        changes.append(
            AccountChange(
                entry.seq,
                entry.at,
                entry.actor_id,
                entry.action,
                entry.subject,
                role if isinstance(role, str) else None,
            )
        )
    return changes


def shift_check(tx: Tx, last_printed: AuditAnchor | None) -> ShiftAuditCheck:
    """Verify the chain against ``last_printed`` (None: the first shift), in ``tx``; the new anchor
    only when the chain is intact (an anchor of a broken log would bless it)."""
    report = verify_chain(tx, last_printed)
    if not report.ok:
        return ShiftAuditCheck(report, None)
    since = last_printed.count if last_printed is not None else 0
    return ShiftAuditCheck(report, AuditAnchor(report.count, report.head_hash), _changes_after(tx, since))
