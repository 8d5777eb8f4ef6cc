"""Named counters, and the invoice id allocator built on them.

A counter is advanced inside the caller's write transaction with one atomic upsert
(``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``): on PostgreSQL the UPDATE holds the row
lock until commit (the same lock ``SELECT ... FOR UPDATE`` takes), on SQLite ``Store.write()``
already holds ``BEGIN IMMEDIATE``. So two counters sharing one database never get the same
value, and a value is never handed out twice once its transaction committed.

Invoice ids (docs/decisions/0005-invoice-id-allocator.md): a shop-wide counter, 9 digits,
seeded once at a random offset in 100000000..998999999 so two fresh installs do not start
on the same id and no id has a leading zero (spreadsheets strip them). The gateway wants
the last 6 digits unique, so at most 10^6 ids can ever be issued per shop database.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy import text

from epay_desktop.domain import InvoiceId
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.store.db import StoreError
from epay_desktop.store.models import CounterRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.repos.repo import Repo

__all__ = [
    "INVOICE_COUNTER",
    "INVOICE_COUNTER_BASE",
    "INVOICE_ID_LIMIT",
    "CounterRepo",
    "InvoiceIdsExhausted",
    "random_invoice_base",
]

log = logging.getLogger(__name__)

INVOICE_COUNTER = "invoice_id"
INVOICE_COUNTER_BASE = "invoice_id.base"  # the random first value; fixed forever once written
INVOICE_ID_LIMIT = 1_000_000  # distinct 6-digit tails
INVOICE_WIDTH = 9
_BASE_LOW = 100_000_000
_BASE_HIGH = 10**INVOICE_WIDTH - INVOICE_ID_LIMIT  # exclusive: base + limit - 1 still has 9 digits

_UPSERT_NEXT = text(
    "INSERT INTO counters (name, value) VALUES (:name, :start) "
    "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value"
)
_INSERT_IF_MISSING = text(
    "INSERT INTO counters (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING"
)


class InvoiceIdsExhausted(StoreError):
    """All 10^6 invoice-id tails of this shop's database are used."""


def random_invoice_base() -> int:
    """A random first invoice number, 9 digits, leaving room for 10^6 ids after it."""
    return _BASE_LOW + secrets.randbelow(_BASE_HIGH - _BASE_LOW)


class CounterRepo(Repo):
    """``tx.counters``: gap-free named counters (receipt numbers) and invoice ids."""

    def next(self, name: str, *, start: int = 1) -> int:
        """Advance counter ``name`` and return its new value; the first call returns ``start``.

        Side effect: writes the counters row in the caller's transaction (the value is used
        up only if that transaction commits). Must run inside ``Store.write()``; raises
        RuntimeError otherwise, because outside the write lock two callers could race.
        """
        self._require_lock()
        value = self._s.execute(_UPSERT_NEXT, {"name": name, "start": start}).scalar_one()
        return int(value)

    def current(self, name: str) -> int | None:
        """The last value handed out by counter ``name``, or None if it was never used."""
        value = self._s.execute(select(CounterRow.value).where(CounterRow.name == name)).scalar_one_or_none()
        return None if value is None else int(value)

    def next_receipt_number(self, register_id: str) -> int:
        """The next receipt number of ``register_id`` (1, 2, 3, ... per register, gap-free if committed)."""
        return self.next(f"receipt.{register_id}")

    def allocate_invoice_id(self, *, base: Callable[[], int] = random_invoice_base) -> InvoiceId:
        """A new invoice id (9 digits) whose last 6 digits no payment in this database uses.

        Call it in its OWN ``Store.write()`` transaction and let that commit before the id is
        used anywhere, so an id is never handed out twice even after a crash. ``base`` picks
        the random first number, once per database (injectable for tests).
        Side effects: advances the ``invoice_id`` counter (and creates it on first use); a tail
        already used by a payment (restored or imported data) is skipped and logged.
        Raises :class:`InvoiceIdsExhausted` after 10^6 ids.
        """
        self._require_lock()
        first = self._invoice_base(base)
        while True:
            value = self.next(INVOICE_COUNTER, start=first)
            if value - first >= INVOICE_ID_LIMIT:
                raise InvoiceIdsExhausted(
                    msg(
                        "store",
                        QT_TRANSLATE_NOOP(
                            "store",
                            "This shop has used all {invoice_id_limit} invoice numbers the gateway allows "
                            "(their last 6 digits must be unique). New payments cannot be created; ask "
                            "support to start a new shop database or terminal.",
                        ),
                        invoice_id_limit=format(INVOICE_ID_LIMIT, ","),
                    )
                )
            invoice = InvoiceId.from_number(value, width=INVOICE_WIDTH)
            if not self._tail_used(invoice.tail):
                return invoice
            log.warning("event=invoice_tail_skipped invoice_id=%s reason=tail_in_use", invoice)

    def _require_lock(self) -> None:
        if not self._tx.locking:
            raise RuntimeError("counters are advanced only inside Store.write() (it takes the write lock)")

    def _invoice_base(self, base: Callable[[], int]) -> int:
        found = self.current(INVOICE_COUNTER_BASE)
        if found is not None:
            return found
        offset = base()
        if not _BASE_LOW <= offset < _BASE_HIGH:
            raise ValueError(f"invoice base {offset} outside {_BASE_LOW}..{_BASE_HIGH - 1}")
        # Another counter may be seeding at the same moment: the first committed base wins.
        self._s.execute(_INSERT_IF_MISSING, {"name": INVOICE_COUNTER_BASE, "value": offset})
        stored = self.current(INVOICE_COUNTER_BASE)
        assert stored is not None
        return stored

    def _tail_used(self, tail: str) -> bool:
        query = select(PaymentRow.id).where(PaymentRow.invoice_tail == tail).limit(1)
        return self._s.execute(query).first() is not None
