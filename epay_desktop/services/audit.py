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
"""

from __future__ import annotations

from dataclasses import dataclass

from epay_desktop.store.db import Store
from epay_desktop.store.repos.audit import GENESIS_HASH
from epay_desktop.store.tx import Tx

__all__ = ["AuditAnchor", "AuditReport", "AuditService", "verify_chain"]


@dataclass(frozen=True, slots=True)
class AuditAnchor:
    """The chain's length and head hash at one moment; print or export it (end-of-day report)."""

    count: int
    head_hash: str

    def text(self) -> str:
        """One line for the Z-report: ``audit 1234 <64 hex>``."""
        return f"audit {self.count} {self.head_hash}"


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

    Raises RuntimeError when the store has no audit key. Reads every entry once.
    """
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
        if hash_at_anchor != anchor.head_hash:
            return bad(
                anchor.count,
                f"entry {anchor.count} differs from the anchor: the log was cut and rewritten "
                f"at or before entry {anchor.count}",
            )
    return AuditReport(True, count, prev)


class AuditService:
    """Verification and anchors of the audit log. Appending is ``tx.audit.append`` in the store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def verify(self, anchor: AuditAnchor | None = None) -> AuditReport:
        """Verify the chain on the DB thread (see :func:`verify_chain`); never raises for tampering."""
        return await self._store.run_read(lambda tx: verify_chain(tx, anchor))

    async def head(self) -> AuditAnchor:
        """The current anchor: entry count and head hash, to print on the end-of-day report."""
        count, head_hash = await self._store.run_read(lambda tx: tx.audit.head())
        return AuditAnchor(count, head_hash)
