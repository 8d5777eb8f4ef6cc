"""The console's tables (SQLAlchemy 2.x typed models).

Money columns are BIGINT minor units (tiyn), named ``*_minor``. Timestamps are UTC and
timezone-aware in Python (``UTCDateTime`` stores them naive-UTC on SQLite and as
``timestamptz`` on PostgreSQL). Card numbers are never stored: only the gateway's mask.
Schema changes go through Alembic (``store/migrations``); a test keeps the two equal.
"""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

from sqlalchemy import BigInteger
from sqlalchemy import Boolean
from sqlalchemy import CheckConstraint
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy import event
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.types import TypeDecorator

from epay_desktop.store.list_keys import card_last4
from epay_desktop.store.list_keys import list_amount_minor
from epay_desktop.store.list_keys import list_refunded_minor
from epay_desktop.store.status_counts import create_statements
from epay_desktop.store.status_counts import seed_statement

__all__ = [
    "ApprovalRow",
    "ApprovalThrottleRow",
    "AuditRow",
    "Base",
    "CounterRow",
    "DiscrepancyRow",
    "FiscalRecordRow",
    "MoneyOpRow",
    "PaymentEventRow",
    "PaymentRow",
    "PaymentStatusCountRow",
    "ReceiptRow",
    "ShiftRow",
    "ShopSettingRow",
    "UTCDateTime",
    "UserRow",
    "unique_where",
]

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UNRESOLVED_OP_STATES = ("SENDING", "UNKNOWN", "NEEDS_REVIEW")


def unique_where(name: str, column: str, condition: str) -> Index:
    """A partial unique index: ``column`` unique among the rows where ``condition`` holds, on SQLite and
    on PostgreSQL alike (the database itself enforces the rule, not only the code that checks first)."""
    return Index(name, column, unique=True, sqlite_where=text(condition), postgresql_where=text(condition))


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use datetime.now(UTC)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    name_key: Mapped[str] = mapped_column(String(64), unique=True)  # casefolded, for lookups
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (CheckConstraint("role IN ('cashier', 'manager', 'admin')", name="role"),)


class CounterRow(Base):
    """Named counters committed before use: the invoice id allocator and receipt numbers per register."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class PaymentRow(Base):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[str] = mapped_column(String(15), unique=True)
    invoice_tail: Mapped[str] = mapped_column(
        String(6), index=True
    )  # last 6 digits: the gateway wants them unique
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="KZT")
    status: Mapped[str] = mapped_column(String(16))  # indexed with created_at, id (0005)
    description: Mapped[str] = mapped_column(String(255), default="")
    email: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(32))
    account_id: Mapped[str | None] = mapped_column(String(64), index=True)
    save_card: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(3), default="rus")
    register_id: Mapped[str] = mapped_column(String(32))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # what the gateway said last (check-status), never card numbers
    transaction_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    gateway_amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    org_amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    payout_amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    card_mask: Mapped[str | None] = mapped_column(String(32))
    card_type: Mapped[str | None] = mapped_column(String(32))
    card_id: Mapped[str | None] = mapped_column(String(64))
    reference: Mapped[str | None] = mapped_column(String(32), index=True)
    approval_code: Mapped[str | None] = mapped_column(String(16), index=True)
    reason: Mapped[str | None] = mapped_column(String(255))
    reason_code: Mapped[int | None] = mapped_column(Integer)
    bank_time: Mapped[datetime | None] = mapped_column(UTCDateTime)  # check-status createdDate (0003)
    # values the console could not read as they are meant (0004): kept and shown, never guessed
    bank_status: Mapped[str | None] = mapped_column(String(32))  # a statusName this console does not know
    reason_code_text: Mapped[str | None] = mapped_column(String(32))  # a reasonCode that is not an integer
    # polling
    token_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_poll_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    last_polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    poll_count: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # the list's sort keys that are not plain columns (0005, store/list_keys.py; decision 0050),
    # written by the events at the end of this module on every insert and update
    list_amount_minor: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    list_refunded_minor: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    card_last4: Mapped[str] = mapped_column(String(4), default="", server_default="")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative API
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        # one index per sort of the list, each ending in id so `(key, id) < (?, ?)` seeks (decision 0051)
        Index("ix_payments_created", "created_at", "id"),
        Index("ix_payments_status_created", "status", "created_at", "id"),
        Index("ix_payments_cashier_created", "created_by", "created_at", "id"),
        Index("ix_payments_list_amount", "list_amount_minor", "id"),
        Index("ix_payments_list_refunded", "list_refunded_minor", "id"),
        Index("ix_payments_card_last4", "card_last4", "id"),
        Index("ix_payments_amount", "amount_minor"),  # search by the asked amount
        Index("ix_payments_register_created", "register_id", "created_at"),  # a shift's payments (0008)
    )


class PaymentStatusCountRow(Base):
    """How many payments have each status: kept by triggers on ``payments`` (migration 0006), so the
    whole list's counts are a read of a few rows (decision 0056). Never written by the console."""

    __tablename__ = "payment_status_counts"

    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    payments: Mapped[int] = mapped_column(BigInteger)


class MoneyOpRow(Base):
    """Charge, cancel or refund: the intent row is committed before the request leaves."""

    __tablename__ = "money_ops"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # uuid; the refund's externalID
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16), index=True)
    expected_remaining_minor: Mapped[int | None] = mapped_column(BigInteger)
    # the gateway's refunded total (payoutAmount) / status when the intent was made; reconciliation
    # compares the gateway's answer against these to tell whether this op was applied
    base_payout_minor: Mapped[int | None] = mapped_column(BigInteger)
    base_status: Mapped[str | None] = mapped_column(String(16))
    requested_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # the register (counter) where it was asked, whose shift counts it; NULL: made before migration
    # 0011 (or not at a counter), counted at the payment's register (decision 0119)
    register_id: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(String(255))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    gateway_code: Mapped[int | None] = mapped_column(Integer)
    gateway_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint("kind IN ('CHARGE', 'CANCEL', 'REFUND')", name="kind"),
        CheckConstraint(
            "state IN ('SENDING', 'SUCCEEDED', 'FAILED', 'UNKNOWN', 'NEEDS_REVIEW')", name="state"
        ),
        CheckConstraint("amount_minor >= 0", name="amount_not_negative"),
        # at most one unresolved operation per payment, enforced by the database itself
        unique_where(
            "uq_money_ops_one_unresolved", "payment_id", "state IN ('SENDING', 'UNKNOWN', 'NEEDS_REVIEW')"
        ),
        Index("ix_money_ops_created_at", "created_at"),  # a shift's operations (0008)
    )


class PaymentEventRow(Base):
    """Something the bank did to a payment that the payment row alone cannot show (migration 0004).

    ``kind``: ``attempt`` (a customer's card attempt the console saw end: declined or approved;
    check-status shows only the latest, so each one is written when it is first seen) or
    ``external_refund`` (money refunded outside this console, e.g. in the bank's merchant cabinet).
    ``at`` is this console's clock when it was seen; ``bank_time`` the bank's own time, if it said one.
    """

    __tablename__ = "payment_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"))
    kind: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    bank_time: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str | None] = mapped_column(String(32))  # the bank's statusName for an attempt
    amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    reason_code: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(String(255))
    card_mask: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(String(255))

    __table_args__ = (Index("ix_payment_events_payment", "payment_id", "id"),)


class DiscrepancyRow(Base):
    """The console's books and the bank's disagree about one payment (migration 0004).

    ``kind``: what disagrees (e.g. ``refunded``, ``charged``). ``console_minor`` / ``bank_minor``: the
    two amounts when last seen. Open until a manager resolves it (``resolved_at``, ``resolved_by``,
    ``resolution``); at most one open discrepancy per payment and kind.
    """

    __tablename__ = "discrepancies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    console_minor: Mapped[int | None] = mapped_column(BigInteger)
    bank_minor: Mapped[int | None] = mapped_column(BigInteger)
    detail: Mapped[str] = mapped_column(String(255), default="")
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolution: Mapped[str | None] = mapped_column(String(255))


class ApprovalRow(Base):
    """A manager's approval of one operation: bound to payment, kind and amount; single use; short-lived."""

    __tablename__ = "approvals"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"))
    kind: Mapped[str] = mapped_column(String(8))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    approved_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # checked at commit: an approval is consumed in the same transaction that inserts its operation,
    # before or after the insert
    used_by_op: Mapped[str | None] = mapped_column(
        ForeignKey("money_ops.id", deferrable=True, initially="DEFERRED")
    )


class ApprovalThrottleRow(Base):
    """Wrong manager PINs typed in cashiers' approval boxes, per counter or per requesting cashier.

    ``scope`` is ``register:<register id>`` or ``cashier:<user id>``. The manager's own login
    lockout (``users.failed_attempts``) is never touched by an approval (decision 0020).
    """

    __tablename__ = "approval_throttle"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # wrong tries in the current window
    window_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pauses: Mapped[int] = mapped_column(Integer, default=0)  # pauses since the last right PIN
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReceiptRow(Base):
    """A printed receipt; numbers are gap-free per register (from ``counters``, in the same transaction)."""

    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_id: Mapped[str] = mapped_column(String(32))
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))  # sale, refund, duplicate
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    money_op_id: Mapped[str | None] = mapped_column(ForeignKey("money_ops.id"))
    original_receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipts.id"))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    language: Mapped[str] = mapped_column(String(2))
    width: Mapped[str] = mapped_column(String(4))  # 80, 58, a4
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("register_id", "number", name="uq_receipts_register_number"),
        CheckConstraint("kind IN ('sale', 'refund', 'duplicate')", name="kind"),
    )


class AuditRow(Base):
    """Append-only audit log; each entry's ``hash`` is an HMAC over the previous hash and its own content."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(128), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    # the last audited decision about one account (its role, whether it is active), read at every
    # log-in without walking the log (migration 0007, decision 0075)
    __table_args__ = (Index("ix_audit_log_subject_action", "subject", "action", "seq"),)


class ShiftRow(Base):
    """A shift of one register (migration 0008, decision 0107): numbers gap-free per register (from
    ``counters``, in the same transaction); at most one open per register, enforced by the database.
    A closed shift keeps its Z report (JSON) and the audit anchor printed on it."""

    __tablename__ = "shifts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_id: Mapped[str] = mapped_column(String(32))
    number: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    close_requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    audit_count: Mapped[int | None] = mapped_column(BigInteger)
    audit_hash: Mapped[str | None] = mapped_column(String(64))
    z_report: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("register_id", "number", name="uq_shifts_register_number"),
        CheckConstraint("closed_at IS NULL OR closed_by IS NOT NULL", name="closed_by_someone"),
        unique_where("uq_shifts_one_open", "register_id", "closed_at IS NULL"),
        Index("ix_shifts_closed_at", "closed_at"),
    )


class FiscalRecordRow(Base):
    """One fiscal registration of a card sale or of a refund's return (issue 14; decision 0124).

    The intent row is committed before the request leaves, like a money operation's. Its
    ``external_number`` (Webkassa's ExternalCheckNumber, the provider's idempotency key) is derived from
    our own id, so a second counter deriving it again meets the UNIQUE index instead of a second receipt.
    The receipt fields are what a customer's receipt and a later return need; no card data, no secrets.
    """

    __tablename__ = "fiscal_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    money_op_id: Mapped[str | None] = mapped_column(ForeignKey("money_ops.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # sale, return
    external_number: Mapped[str] = mapped_column(String(50), unique=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    check_number: Mapped[str | None] = mapped_column(String(64))  # the fiscal sign
    registered_at: Mapped[str | None] = mapped_column(String(40))  # ISO 8601 with the register's offset
    registration_number: Mapped[str | None] = mapped_column(String(32))  # RNM
    cashbox_number: Mapped[str | None] = mapped_column(String(32))  # ZNM
    shift_number: Mapped[int | None] = mapped_column(Integer)
    order_number: Mapped[int | None] = mapped_column(Integer)
    ofd_name: Mapped[str | None] = mapped_column(String(128))
    ticket_url: Mapped[str | None] = mapped_column(Text)  # the QR code's URL
    offline: Mapped[bool | None] = mapped_column(Boolean)
    # the register it was asked at (provider:cashbox; decision 0129) and the VAT rate sent to it (0130);
    # NULL: not asked yet, or a row from before migration 0013
    asked_at_register: Mapped[str | None] = mapped_column(String(80))
    vat_percent: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint("kind IN ('sale', 'return')", name="kind"),
        CheckConstraint("state IN ('intent', 'registered', 'unknown', 'needs_person')", name="state"),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("(kind = 'sale') = (money_op_id IS NULL)", name="return_names_its_refund"),
        # one sale receipt per payment, enforced by the database itself (two counters)
        unique_where("uq_fiscal_records_one_sale", "payment_id", "kind = 'sale'"),
        Index("ix_fiscal_records_state", "state"),
    )


class ShopSettingRow(Base):
    """Settings that belong to the shop, shared by every counter (receipt header, refund window, ...)."""

    __tablename__ = "shop_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def _fill_list_keys(_mapper: object, _connection: object, row: PaymentRow) -> None:
    row.list_amount_minor = list_amount_minor(
        row.status, row.amount_minor, row.gateway_amount_minor, row.org_amount_minor, row.payout_amount_minor
    )
    row.list_refunded_minor = list_refunded_minor(row.payout_amount_minor)
    row.card_last4 = card_last4(row.card_mask)


event.listen(PaymentRow, "before_insert", _fill_list_keys)
event.listen(PaymentRow, "before_update", _fill_list_keys)


@event.listens_for(Base.metadata, "after_create")
def _status_count_triggers(_metadata: object, connection: Connection, **_kw: object) -> None:
    """A schema made by ``create_all`` (tests) keeps ``payment_status_counts`` as migration 0006 does."""
    connection.exec_driver_sql(seed_statement())
    for statement in create_statements(connection.dialect.name):
        connection.exec_driver_sql(statement)
