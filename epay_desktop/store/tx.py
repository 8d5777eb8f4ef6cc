"""A unit of work: one database transaction and the repositories that act inside it.

Services never see SQLAlchemy. They run a function on the store's thread that receives a
``Tx`` and calls repository methods; everything it does commits together or not at all::

    def begin_refund(tx: Tx) -> MoneyOp:
        payment = tx.payments.lock(invoice_id)      # row lock / BEGIN IMMEDIATE
        ...
        tx.audit.append(...)
        return op

    op = await store.run_write(begin_refund)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from epay_desktop.store.repos.audit import AuditRepo
    from epay_desktop.store.repos.counters import CounterRepo
    from epay_desktop.store.repos.day import DayRepo
    from epay_desktop.store.repos.discrepancies import DiscrepancyRepo
    from epay_desktop.store.repos.fiscal import FiscalRepo
    from epay_desktop.store.repos.operations import OperationRepo
    from epay_desktop.store.repos.payment_events import PaymentEventRepo
    from epay_desktop.store.repos.payments import PaymentRepo
    from epay_desktop.store.repos.receipts import ReceiptRepo
    from epay_desktop.store.repos.repo import Repo
    from epay_desktop.store.repos.settings import ShopSettingsRepo
    from epay_desktop.store.repos.shifts import ShiftRepo
    from epay_desktop.store.repos.users import UserRepo

__all__ = ["Tx"]


class Tx:
    """Repositories bound to one open transaction. Valid only inside ``Store.read()/write()``."""

    # The repositories: ``tx.<name>`` is the class named here, from ``epay_desktop.store.repos.<name>``
    # (imported on first use: the repositories import the store), made once per transaction.
    payments: PaymentRepo
    operations: OperationRepo
    users: UserRepo
    audit: AuditRepo
    receipts: ReceiptRepo
    counters: CounterRepo
    settings: ShopSettingsRepo
    payment_events: PaymentEventRepo
    discrepancies: DiscrepancyRepo
    shifts: ShiftRepo
    day: DayRepo
    fiscal: FiscalRepo

    def __init__(self, session: Session, *, locking: bool, audit_key: bytes = b"") -> None:
        self.session = session
        self.audit_key = audit_key
        self.locking = locking  # True inside Store.write(): callers may rely on row locks

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    if not TYPE_CHECKING:  # mypy reads the annotations above as the attributes they are

        def __getattr__(self, name: str) -> Repo:
            """``tx.<name>`` the first time: the repository annotated above, kept for the transaction."""
            class_name = Tx.__annotations__.get(name)
            if class_name is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            repo = getattr(import_module(f"epay_desktop.store.repos.{name}"), class_name)(self)
            setattr(self, name, repo)
            return repo
