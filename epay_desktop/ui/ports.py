"""What the GUI needs from the services, as structural types (``typing.Protocol``).

Names and signatures match ``epay_desktop/services`` (PaymentQueries, PaymentService,
MoneyOperations, UserService, ReceiptService, EventBus), so the real objects satisfy these
protocols as they are, and a test's fake only has to implement the methods its screen calls.
Widgets take these ports in their constructors; only ``app.py`` passes the real services.

Result types that carry more than domain records are described structurally too
(:class:`PaymentPageLike`, :class:`PaymentViewLike`), so a fake can return any object with
those attributes. The cursor of a page is opaque to the GUI: pass it back as ``after``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar, runtime_checkable

from epay_desktop.domain import ConsoleStatus, InvoiceId, Money, MoneyOp, OpKind, Payment, Role, User

if TYPE_CHECKING:  # typing only: keeps the GUI's import graph free of the store
    from epay_desktop.domain.receipts import ReceiptDraft, ReceiptRecord
    from epay_desktop.services.payments.checkout import CheckoutSession
    from epay_desktop.services.payments.queries import ListQuery
    from epay_desktop.services.people.users import Approval

__all__ = [
    "EventSource",
    "MoneyOperationsPort",
    "PaymentDetailSource",
    "PaymentListSource",
    "PaymentPageLike",
    "PaymentTableSource",
    "PaymentTaker",
    "PaymentViewLike",
    "ReceiptPort",
    "UserPort",
]

E = TypeVar("E")


class PaymentPageLike(Protocol):
    """One newest-first page: ``payments`` plus ``next_cursor`` (None: no more pages)."""

    @property
    def payments(self) -> Sequence[Payment]: ...

    @property
    def next_cursor(self) -> object | None: ...


class PaymentViewLike(Protocol):
    """A payment with its money operations (oldest first) and refund totals."""

    @property
    def payment(self) -> Payment: ...

    @property
    def operations(self) -> Sequence[MoneyOp]: ...

    @property
    def refunded(self) -> Money: ...

    @property
    def remaining(self) -> Money: ...

    @property
    def status(self) -> ConsoleStatus: ...


@runtime_checkable
class PaymentListSource(Protocol):
    """``PaymentQueries.list_payments``: keyset pages, newest first (since inclusive, until exclusive)."""

    async def list_payments(
        self,
        *,
        status: Collection[ConsoleStatus] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        search: str | None = None,
        limit: int = 50,
        after: Any = None,
        needs_attention: bool = False,
    ) -> PaymentPageLike: ...


class ListPageLike(Protocol):
    """A page of the sorted list: ``payments`` in list order, ``last`` (an opaque cursor: pass it as
    ``after`` for the page below), ``open_operations`` (payment id -> its unresolved operation)."""

    @property
    def payments(self) -> Sequence[Payment]: ...

    @property
    def last(self) -> object | None: ...


class ListCountsLike(Protocol):
    @property
    def total(self) -> int: ...


class PaymentTableSource(Protocol):
    """``PaymentQueries``' calls for the payment table (issue 10): the true count, a page below a
    cursor, the page at any row, and the row of a payment, for a list sorted and filtered in SQL."""

    async def list_counts(self, query: ListQuery) -> ListCountsLike: ...

    async def list_page(self, query: ListQuery, *, limit: int = 100, after: Any = None) -> ListPageLike: ...

    async def list_page_at(self, query: ListQuery, offset: int, *, limit: int = 100) -> ListPageLike: ...

    async def list_row_of(self, query: ListQuery, payment_id: int) -> int | None: ...


@runtime_checkable
class PaymentDetailSource(Protocol):
    """``PaymentQueries.get_view``; raises NotFoundError (a ConsoleError) for an unknown invoice."""

    async def get_view(self, invoice_id: InvoiceId) -> PaymentViewLike: ...


@runtime_checkable
class EventSource(Protocol):
    """``EventBus.subscribe``: callbacks for PaymentUpdated / OperationUpdated / GatewayHealthChanged."""

    def subscribe(self, event_type: type[E], callback: Callable[[E], None]) -> Callable[[], None]: ...


class PaymentTaker(Protocol):
    """``PaymentService``: start a checkout, refresh one payment from check-status."""

    async def create_payment(
        self,
        actor: User,
        amount: Money,
        *,
        description: str = "",
        email: str | None = None,
        phone: str | None = None,
        account_id: str | None = None,
        save_card: bool = False,
        language: str = "rus",
        name: str | None = None,
    ) -> CheckoutSession: ...

    async def refresh_status(self, invoice_id: InvoiceId) -> Payment: ...


class MoneyOperationsPort(Protocol):
    """``MoneyOperations``: each returns the operation as it stands (SUCCEEDED, FAILED, UNKNOWN...)."""

    async def refund(
        self,
        actor: User,
        invoice_id: InvoiceId,
        amount: Money | None = None,
        *,
        reason: str,
        expected_remaining: Money | None = None,
        approval_id: str | None = None,
    ) -> MoneyOp: ...

    async def charge(
        self,
        actor: User,
        invoice_id: InvoiceId,
        amount: Money | None = None,
        *,
        approval_id: str | None = None,
    ) -> MoneyOp: ...

    async def cancel(
        self, actor: User, invoice_id: InvoiceId, *, approval_id: str | None = None
    ) -> MoneyOp: ...

    async def resolve(self, op_id: str) -> MoneyOp: ...

    async def review(
        self, actor: User, op_id: str, decision: Literal["retry", "abandon", "applied"]
    ) -> MoneyOp: ...


class UserPort(Protocol):
    """``UserService``: log-in, manager approval in place, user management."""

    async def authenticate(self, name: str, password: str) -> User: ...

    async def approve(
        self,
        manager_name: str,
        manager_password: str,
        *,
        payment_id: int,
        kind: OpKind,
        amount_minor: int,
        requested_by: User,
    ) -> Approval: ...

    async def list_users(self, actor: User) -> list[User]: ...

    async def add_user(self, name: str, role: Role, password: str, actor: User | None) -> User: ...


class ReceiptPort(Protocol):
    """``ReceiptService``: preview (nothing recorded), issue (the record and its PDF bytes), list, save."""

    async def issue_receipt(
        self,
        actor: User,
        invoice_id: InvoiceId,
        kind: str,
        width: str | None = None,
        language: str | None = None,
        money_op_id: str | None = None,
    ) -> tuple[ReceiptRecord, bytes]: ...

    async def preview_receipt(
        self,
        actor: User,
        invoice_id: InvoiceId,
        kind: str,
        width: str | None = None,
        language: str | None = None,
        money_op_id: str | None = None,
    ) -> ReceiptDraft: ...

    async def receipts_for(self, invoice_id: InvoiceId) -> list[ReceiptRecord]: ...

    async def save_pdf(self, path: str | Path, pdf: bytes) -> Path: ...
