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

from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from epay_desktop.store.repos.audit import AuditRepo
    from epay_desktop.store.repos.counters import CounterRepo
    from epay_desktop.store.repos.discrepancies import DiscrepancyRepo
    from epay_desktop.store.repos.operations import OperationRepo
    from epay_desktop.store.repos.payment_events import PaymentEventRepo
    from epay_desktop.store.repos.payments import PaymentRepo
    from epay_desktop.store.repos.receipts import ReceiptRepo
    from epay_desktop.store.repos.settings import ShopSettingsRepo
    from epay_desktop.store.repos.users import UserRepo

__all__ = ["Tx"]


class Tx:
    """Repositories bound to one open transaction. Valid only inside ``Store.read()/write()``."""

    def __init__(self, session: Session, *, locking: bool, audit_key: bytes = b"") -> None:
        self.session = session
        self.audit_key = audit_key
        self.locking = locking  # True inside Store.write(): callers may rely on row locks

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    @cached_property
    def payments(self) -> PaymentRepo:
        from epay_desktop.store.repos.payments import PaymentRepo

        return PaymentRepo(self)

    @cached_property
    def operations(self) -> OperationRepo:
        from epay_desktop.store.repos.operations import OperationRepo

        return OperationRepo(self)

    @cached_property
    def users(self) -> UserRepo:
        from epay_desktop.store.repos.users import UserRepo

        return UserRepo(self)

    @cached_property
    def audit(self) -> AuditRepo:
        from epay_desktop.store.repos.audit import AuditRepo

        return AuditRepo(self)

    @cached_property
    def receipts(self) -> ReceiptRepo:
        from epay_desktop.store.repos.receipts import ReceiptRepo

        return ReceiptRepo(self)

    @cached_property
    def counters(self) -> CounterRepo:
        from epay_desktop.store.repos.counters import CounterRepo

        return CounterRepo(self)

    @cached_property
    def settings(self) -> ShopSettingsRepo:
        from epay_desktop.store.repos.settings import ShopSettingsRepo

        return ShopSettingsRepo(self)

    @cached_property
    def payment_events(self) -> PaymentEventRepo:
        from epay_desktop.store.repos.payment_events import PaymentEventRepo

        return PaymentEventRepo(self)

    @cached_property
    def discrepancies(self) -> DiscrepancyRepo:
        from epay_desktop.store.repos.discrepancies import DiscrepancyRepo

        return DiscrepancyRepo(self)
