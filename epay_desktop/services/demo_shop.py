"""The demo shop's database side: its accounts and two months of a small shop's card sales, written once.

:class:`DemoShop` is what ``--demo`` (``epay_desktop.demo``) reaches the store through: it adds the
demo accounts (audited like any ``add_user``), then writes the past payments through the store's
repositories in ONE write transaction with back-dated times: invoice ids from the shop's allocator,
payments, what the gateway said (snapshots), refunds and a cancel as SUCCEEDED money operations with
their approver. Today's open shift (:mod:`epay_desktop.services.demo_shift`) is made of the same
steps (:func:`start_sale`, :func:`card_answer`, :func:`hold`, :func:`refund`...), written through
:meth:`DemoShop.seed_today`. It also reads every stored payment with its operations, from which
:mod:`epay_desktop.demo.mirror` rebuilds the sandbox's side. It refuses on a console whose gateway
is not the sandbox: made-up payments never go into a real shop's books.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Callable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import Final
from typing import TypeVar
from zoneinfo import ZoneInfo

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.domain.changes import GatewayAnswer
from epay_desktop.domain.changes import OpIntent
from epay_desktop.domain.changes import StatusChange
from epay_desktop.domain.checkout import CheckoutInput
from epay_desktop.services.people.users import UserService
from epay_desktop.store.db import Store
from epay_desktop.store.repos.payments import PaymentCursor
from epay_desktop.store.tx import Tx

__all__ = [
    "DEMO_REGISTER",
    "DEMO_SHOP",
    "KZ_TIME",
    "PAYMENT_WINDOW",
    "DemoDatabase",
    "DemoShop",
    "DemoUser",
    "all_payments",
    "approved",
    "cancel_hold",
    "card_answer",
    "decline",
    "expire_sale",
    "hold",
    "money_op",
    "refund",
    "seed_payments",
    "start_sale",
]

T = TypeVar("T")

KZ_TIME: Final = ZoneInfo("Asia/Almaty")
DEMO_REGISTER: Final = "demo-1"
DEMO_SHOP: Final = "Дүкен «Береке»"
#: How long a made-up sale's payment token lives (the gateway's payment window).
PAYMENT_WINDOW: Final = timedelta(minutes=20)

_BASKETS: Final = (
    ("Молоко 2,5%, хлеб, яйца", 1_450, 3_900),
    ("Сүт, нан, жұмыртқа", 1_400, 3_800),
    ("Кофе латте и круассан", 1_600, 2_900),
    ("Шай, қант, печенье", 1_200, 4_500),
    ("Продукты: мясо, овощи", 6_500, 24_000),
    ("Ет, көкөніс, жеміс", 5_800, 21_000),
    ("Бытовая химия", 2_300, 9_800),
    ("Детское питание", 3_400, 12_500),
    ("Фрукты: яблоки, бананы", 1_900, 6_200),
    ("Торт «Наполеон» на заказ", 8_500, 16_000),
    ("Подарочный набор", 12_000, 35_000),
    ("Сусын, тоқаш", 700, 2_400),
    ("Вода, сок, снеки", 900, 3_600),
    ("Кондитерские изделия", 2_100, 7_400),
    ("Сыр, колбаса, масло", 4_200, 13_500),
)
#: (status, gateway code, reason) of the declines a made-up payment meets; also the benchmark data set's
DECLINES: Final = (
    (ConsoleStatus.REJECT, 484, "insufficient funds"),
    (ConsoleStatus.REJECT, 465, "card restricted"),
    (ConsoleStatus.REJECT, 471, "no such card"),
    (ConsoleStatus.REJECT, 478, "expired card"),
    (ConsoleStatus.THREE_DS, 473, "3-D Secure authentication failed"),
)
#: the refund reasons a made-up refund gives (the codes the Refund dialog offers)
REFUND_REASONS: Final = ("customer_request", "goods_returned", "wrong_amount", "duplicate_payment")
_BINS: Final = ("440563", "400303", "552204", "557834", "415428", "539545", "427432")


def _amount(rng: random.Random, low: int, high: int) -> Money:
    tenge = rng.randint(low, high)
    tenge = tenge - tenge % 10 if rng.random() < 0.7 else tenge  # most prices end in 0
    return Money(tenge * 100 + (rng.choice((0, 0, 0, 50)) if tenge < 5_000 else 0))


def _card(rng: random.Random) -> tuple[str, str]:
    bin6 = rng.choice(_BINS)
    mask = f"{bin6}...{rng.randint(0, 9999):04d}"
    return mask, "VISA" if bin6.startswith("4") else "MASTERCARD"


def _times(rng: random.Random, now: datetime, count: int, until: datetime) -> list[datetime]:
    """``count`` moments in shop hours (09:00-21:30 Almaty) over the last 60 days before ``until``
    (and 20 minutes before ``now``), oldest first."""
    today = now.astimezone(KZ_TIME).date()
    until = min(until, now - timedelta(minutes=20))
    found: list[datetime] = []
    while len(found) < count:
        day = today - timedelta(days=rng.randint(0, 59))
        minute = rng.randint(9 * 60, 21 * 60 + 30)
        local = datetime.combine(day, time(minute // 60, minute % 60, rng.randint(0, 59)), tzinfo=KZ_TIME)
        moment = local.astimezone(UTC)
        if moment < until:
            found.append(moment)
    return sorted(found)


def seed_payments(
    tx: Tx,
    users: Mapping[Role, list[int]],
    now: datetime,
    rng: random.Random,
    count: int,
    until: datetime | None = None,
) -> int:
    """Write ``count`` past payments (and their refunds/cancels) in the caller's write transaction,
    all before ``until`` (default: 20 minutes ago; the demo passes the opening of today's shift).

    Mix: mostly CHARGE, some refunded in part or in full, about one in ten declined, a few whose
    payment window expired, two recent AUTH holds (for charge/cancel demos) and one cancelled hold.
    Invoice ids come from the shop's allocator, so later payments never collide with them.
    """
    if tx.payments.search(limit=1):
        return 0
    for setting, value in (
        (catalog.SHOP_NAME, DEMO_SHOP),
        (catalog.SHOP_BIN, "123456789012"),
        (catalog.SHOP_ADDRESS, "Алматы, ул. Абая 10"),
    ):
        tx.settings.set(setting.name, setting.parse(value))
    cashiers = users.get(Role.CASHIER) or users[Role.MANAGER]
    manager = users[Role.MANAGER][0]
    moments = _times(rng, now, count, until or now)
    latest = min(until or now, now - timedelta(minutes=2))  # refunds and cancels too: none after it
    holds = {len(moments) - 3, len(moments) - 9}  # recent: still within the 7-day hold
    for i, created in enumerate(moments):
        kind = "hold" if i in holds else ("cancelled" if i == len(moments) - 40 else "")
        _one_payment(tx, rng, (created, latest), rng.choice([*cashiers, manager]), manager, kind)
    tx.audit.append(manager, "demo.seeded", "demo", {"payments": count}, at=now)
    return count


def _one_payment(
    tx: Tx, rng: random.Random, moments: tuple[datetime, datetime], cashier: int, manager: int, kind: str
) -> None:
    created, latest = moments  # the sale, and the latest its refund or cancel may be
    text, low, high = rng.choice(_BASKETS)
    amount = _amount(rng, low, high)
    phone = f"7701{rng.randint(0, 9_999_999):07d}" if rng.random() < 0.15 else None
    payment = start_sale(tx, text, amount, created, cashier, phone)
    roll = rng.random()
    if not kind and roll < 0.03:  # the customer walked away: the payment window expired
        expire_sale(tx, payment)
        return
    paid_at = created + timedelta(seconds=rng.randint(25, 150))
    base = card_answer(rng, paid_at, amount)
    if not kind and roll < 0.13:
        decline(tx, payment, base, rng.choice(DECLINES))
        return
    base = approved(rng, base)
    if kind:
        held = hold(tx, payment, base)
        if kind == "cancelled":
            cancel_hold(tx, held, base, manager, min(latest, paid_at + timedelta(hours=rng.randint(2, 30))))
        return
    paid = tx.payments.apply_snapshot(payment.id, base, next_poll_at=None)
    refund_roll = rng.random()
    if refund_roll > 0.12:
        return
    full = refund_roll < 0.04
    part = amount if full else Money(max(1_000, amount.minor * rng.randint(10, 60) // 10_000 * 100))
    later = min(latest, paid_at + timedelta(hours=rng.randint(1, 72)))
    asker = rng.choice((cashier, manager))
    approver = manager if asker != manager else None
    refund(tx, paid, base, part, (asker, approver), later, rng.choice(REFUND_REASONS))


def start_sale(
    tx: Tx, text: str, amount: Money, created: datetime, cashier: int, phone: str | None = None
) -> Payment:
    """A sale started at the demo register at ``created``: an invoice id from the shop's allocator,
    the payment token issued (PENDING for the 20 minutes of the payment window)."""
    invoice = tx.counters.allocate_invoice_id()
    language = "kaz" if any(ch in text for ch in "әғқңөұүһі") else "rus"
    sale = CheckoutInput(amount, text, phone=phone, language=language)
    payment = tx.payments.insert(
        invoice, sale, description=text, register_id=DEMO_REGISTER, created_by=cashier, now=created
    )
    change = StatusChange(ConsoleStatus.PENDING, token_expires_at=created + PAYMENT_WINDOW)
    return tx.payments.set_status(payment.id, change, now=created)


def expire_sale(tx: Tx, payment: Payment) -> Payment:
    """The payment window ran out and the console's final check found no payment: EXPIRED."""
    when = payment.created_at + PAYMENT_WINDOW + timedelta(minutes=5)
    return tx.payments.set_status(payment.id, StatusChange(ConsoleStatus.EXPIRED), now=when)


def card_answer(rng: random.Random, paid_at: datetime, amount: Money) -> GatewaySnapshot:
    """What check-status says once a made-up card paid ``amount`` at ``paid_at`` (CHARGE; a new
    transaction id, a card mask and brand); :func:`approved` adds the bank's reference."""
    mask, card_type = _card(rng)
    return GatewaySnapshot(
        status=ConsoleStatus.CHARGE, observed_at=paid_at, transaction_id=str(uuid.uuid4()),
        amount=amount, org_amount=amount, payout_amount=Money(0), card_mask=mask, card_type=card_type,
    )  # fmt: skip


def approved(rng: random.Random, answer: GatewaySnapshot) -> GatewaySnapshot:
    """``answer`` with the reference and approval code of an approved attempt."""
    reference, approval = f"{rng.randint(0, 10**12 - 1):012d}", f"{rng.randint(0, 999_999):06d}"
    return replace(answer, reference=reference, approval_code=approval)


def decline(tx: Tx, payment: Payment, answer: GatewaySnapshot, why: tuple[ConsoleStatus, int, str]) -> None:
    """The card was declined (``why``: status, gateway code, reason as in :data:`DECLINES`)."""
    status, code, reason = why
    declined = replace(answer, status=status, amount=Money(0), reason=reason, reason_code=code)
    tx.payments.apply_snapshot(payment.id, declined, next_poll_at=None)


def hold(tx: Tx, payment: Payment, answer: GatewaySnapshot) -> Payment:
    """The bank held the money (AUTH, a two-step sale); the console polls a hold every 15 minutes."""
    held = replace(answer, status=ConsoleStatus.AUTH)
    return tx.payments.apply_snapshot(
        payment.id, held, next_poll_at=answer.observed_at + timedelta(minutes=15)
    )


def cancel_hold(tx: Tx, held: Payment, answer: GatewaySnapshot, manager: int, when: datetime) -> Payment:
    """A manager cancelled the hold in the console at ``when``; the bank released it (CANCEL)."""
    money_op(tx, held, OpKind.CANCEL, held.amount, manager, None, when, None)
    gone = replace(answer, status=ConsoleStatus.CANCEL, observed_at=when)
    return tx.payments.apply_snapshot(held.id, gone, next_poll_at=None)


def refund(
    tx: Tx, paid: Payment, answer: GatewaySnapshot, part: Money, people: tuple[int, int | None],
    when: datetime, reason: str,
) -> Payment:  # fmt: skip
    """A console refund of ``part`` asked by ``people[0]`` (approved by ``people[1]``) that succeeded at
    ``when``, and the bank's answer after it (REFUND when nothing is left)."""
    asker, approver = people
    money_op(tx, paid, OpKind.REFUND, part, asker, approver, when, reason)
    left = (paid.gateway_amount or paid.amount) - part
    status = ConsoleStatus.REFUND if left.minor == 0 else ConsoleStatus.CHARGE
    payout = (paid.payout_amount or Money(0)) + part
    after = replace(answer, status=status, amount=left, payout_amount=payout, observed_at=when)
    return tx.payments.apply_snapshot(paid.id, after, next_poll_at=None)


def money_op(
    tx: Tx, payment: Payment, kind: OpKind, amount: Money, asker: int, approver: int | None,
    when: datetime, reason: str | None,
) -> MoneyOp:  # fmt: skip
    """A console operation on ``payment`` asked at ``when`` that the bank accepted two seconds later."""
    intent = OpIntent(
        kind,
        amount,
        requested_by=asker,
        base_payout=payment.payout_amount or Money(0),
        base_status=payment.status,
        approved_by=approver,
        reason=reason,
        expected_remaining=payment.gateway_amount if kind is OpKind.REFUND else None,
    )
    op = tx.operations.insert_intent(payment, intent, now=when)
    accepted = GatewayAnswer(code=0)
    return tx.operations.mark(op.id, OpState.SUCCEEDED, now=when + timedelta(seconds=2), answer=accepted)


def all_payments(tx: Tx) -> list[tuple[Payment, list[MoneyOp]]]:
    """Every stored payment with its operations, oldest first (pages of 500, one query per page)."""
    found: list[tuple[Payment, list[MoneyOp]]] = []
    after = None
    while True:
        page = tx.payments.search(limit=500, after=after, oldest_first=True)
        operations = tx.operations.list_for_payments([p.id for p in page])  # one query per page
        found.extend((p, operations[p.id]) for p in page)
        if len(page) < 500:
            return found
        after = PaymentCursor(page[-1].created_at, page[-1].id)


@dataclass(frozen=True, slots=True)
class DemoUser:
    name: str
    role: Role
    pin: str


@dataclass(frozen=True, slots=True)
class DemoDatabase:
    """What tells the demo's database from any other (decision 0148): ``mark``, a digest of its audit
    chain's first link (written with its first user, never changed; None while the log is empty), and
    whether its fiscal journal has begun."""

    mark: str | None
    fiscal_began: bool


class DemoShop:
    """The demo's accounts and past payments in the store (see the module's docstring)."""

    def __init__(
        self, store: Store, users: UserService, clock: Callable[[], datetime], *, on_sandbox: bool
    ) -> None:
        self._store = store
        self._users = users
        self._clock = clock
        self._on_sandbox = on_sandbox

    def _require_sandbox(self) -> None:
        if not self._on_sandbox:
            raise RuntimeError("the demo shop's payments are made up: only a console on the sandbox has them")

    async def seed(
        self, accounts: Sequence[DemoUser], rng: random.Random, count: int, until: datetime | None = None
    ) -> int:
        """Add the ``accounts`` that do not exist yet (the first a manager, who adds the others), then
        write ``count`` past payments (before ``until``) unless the store has payments already;
        returns how many."""
        self._require_sandbox()
        users = await self._ensure_users(accounts)
        now = self._clock()
        return await self._store.run_write(lambda tx: seed_payments(tx, users, now, rng, count, until))

    async def seed_today(
        self, accounts: Sequence[DemoUser], write: Callable[[Tx, Mapping[Role, list[int]], datetime], T]
    ) -> T:
        """Run ``write`` (today's made-up data, :func:`epay_desktop.services.demo_shift.seed_shift`)
        in one write transaction with the ``accounts``' ids by role (added when missing) and now."""
        self._require_sandbox()
        users = await self._ensure_users(accounts)
        now = self._clock()
        return await self._store.run_write(lambda tx: write(tx, users, now))

    async def payments(self) -> list[tuple[Payment, list[MoneyOp]]]:
        """Every stored payment with its operations, oldest first (what the sandbox's mirror needs)."""
        self._require_sandbox()
        return await self._store.run_read(all_payments)

    async def first_fiscal_sale(self) -> Payment | None:
        """The sale the demo registers with its fiscal register at its start (decision 0125): the demo
        register's latest sale charged in one step and never refunded, while the fiscal journal is empty
        (None once fiscal receipts have begun, or with no such sale)."""
        self._require_sandbox()

        def find(tx: Tx) -> Payment | None:
            if tx.fiscal.began_at() is not None:
                return None
            return next(
                (
                    payment
                    for payment, ops in reversed(all_payments(tx))
                    if payment.status is ConsoleStatus.CHARGE
                    and payment.register_id == DEMO_REGISTER
                    and not ops
                ),
                None,
            )

        return await self._store.run_read(find)

    async def database(self) -> DemoDatabase:
        """Which database this is, for the demo's fiscal register (decision 0148)."""
        self._require_sandbox()

        def read(tx: Tx) -> DemoDatabase:
            first = next(tx.audit.entries(batch=1), None)
            mark = None if first is None else hashlib.sha256(f"demo:{first.hash}".encode()).hexdigest()[:32]
            return DemoDatabase(mark, tx.fiscal.began_at() is not None)

        return await self._store.run_read(read)

    async def _ensure_users(self, accounts: Sequence[DemoUser]) -> dict[Role, list[int]]:
        existing = await self._store.run_read(lambda tx: {u.name: u for u in tx.users.list()})
        manager = None
        ids: dict[Role, list[int]] = {}
        for account in accounts:
            user = existing.get(account.name)
            if user is None:
                user = await self._users.add_user(account.name, account.role, account.pin, manager)
            if account.role is Role.MANAGER and manager is None:
                manager = user
            ids.setdefault(account.role, []).append(user.id)
        return ids
