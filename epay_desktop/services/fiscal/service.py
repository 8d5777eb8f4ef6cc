"""Exactly-once fiscal receipts for what the bank confirmed (issue 14, item 3; decision 0124).

A card sale is fiscalised once the bank has charged it (one-step: the payment turns CHARGE; two-step: its
charge SUCCEEDED), a refund once it SUCCEEDED. The triggers are the committed facts the money services
publish (:class:`PaymentUpdated`, :class:`OperationUpdated`): :meth:`FiscalService.attach` turns them into
a follow-up task, after the bank step's commit, never inside it, so a fiscal failure can neither block
nor reverse the bank operation.

Each registration goes through the fiscal journal the way a money operation goes through its own
(docs/reliability.md): the intent, with an ExternalCheckNumber derived from our id, committed first; the
request; the answer recorded. A lost answer (FiscalOutcomeUnknown) leaves the record UNKNOWN and the
next pass asks again with the same number (the provider answers with the receipt it registered then: one
receipt). A refusal only a person can remove (a shift past 24 hours, a blocked register, wrong
credentials) makes it NEEDS_PERSON, listed in Needs attention. :meth:`FiscalService.reconcile` completes
what a crash left: intents never answered, and confirmed sales or refunds with no record at all.
A record keeps the cash register it was first asked at and the VAT rate sent (decisions 0129, 0130): it
is asked again only there; when the settings name another register it waits for a person
(:mod:`.elsewhere`, :meth:`FiscalService.register_here`).
Without a provider (not configured) nothing is written and nothing is asked.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from collections.abc import Awaitable
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from dataclasses import fields
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import TypeVar

from epay_desktop.domain import NotFoundError
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import User
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.fiscal import errors
from epay_desktop.fiscal.errors import FiscalOutcomeUnknown
from epay_desktop.fiscal.errors import FiscalRefused
from epay_desktop.fiscal.errors import FiscalUnavailable
from epay_desktop.fiscal.models import FiscalReceipt
from epay_desktop.fiscal.models import FiscalReturn
from epay_desktop.fiscal.models import FiscalSale
from epay_desktop.fiscal.models import ReturnBasis
from epay_desktop.fiscal.models import ShiftReport
from epay_desktop.fiscal.models import ShiftState
from epay_desktop.fiscal.provider import FiscalProvider
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import FiscalRecordUpdated
from epay_desktop.services.events import OperationUpdated
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.services.fiscal import journal
from epay_desktop.services.fiscal.elsewhere import ASKED_ELSEWHERE
from epay_desktop.services.fiscal.elsewhere import asked_elsewhere
from epay_desktop.services.fiscal.elsewhere import elsewhere_message
from epay_desktop.services.fiscal.held import HeldConnection
from epay_desktop.services.fiscal.setup import FiscalSetup
from epay_desktop.services.fiscal.shift_watch import ShiftClosed
from epay_desktop.services.fiscal.shift_watch import needs_shift_close
from epay_desktop.services.money_ops.crash_points import FaultPoints
from epay_desktop.services.people.login import require_manager
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = [
    "PERSON_RETRY",
    "Connect",
    "FiscalConnection",
    "FiscalService",
    "connect_with",
    "needs_person_message",
]

log = logging.getLogger(__name__)

_K = TypeVar("_K", int, str)
#: A refusal that needs a person is asked again by the periodic reconcile this long after the last try
#: (the person may have closed the shift meanwhile), never sooner.
PERSON_RETRY = timedelta(minutes=15)
_WAITING_FOR_SALE = "waiting for the sale's receipt"
_MANAGERS_CLOSE = msg(
    "fiscal",
    QT_TRANSLATE_NOOP(
        "fiscal", "Only a manager or an administrator can close the fiscal shift (Z report): ask a manager."
    ),
)
_MANAGERS_MOVE = msg(
    "fiscal",
    QT_TRANSLATE_NOOP(
        "fiscal",
        "Only a manager or an administrator can send a receipt to another cash register: ask a manager.",
    ),
)
_NOT_WAITING = QT_TRANSLATE_NOOP(
    "fiscal", "The receipt {number} is not waiting for a person to choose its cash register."
)


@dataclass(frozen=True, slots=True)
class FiscalConnection:
    """The configured provider, the VAT rate its receipts carry (None: the shop pays no VAT) and the cash
    register the settings name (:attr:`FiscalSettings.register`; decision 0129)."""

    provider: FiscalProvider
    vat_percent: int | None
    register: str = ""


#: Builds the configured connection, or None when no provider is configured.
Connect = Callable[[], Awaitable[FiscalConnection | None]]


def connect_with(setup: FiscalSetup) -> Connect:
    """The connection of the saved fiscal settings (:meth:`FiscalSetup.provider`; decision 0123): its
    VAT rate for a VAT payer, none otherwise; None while no provider is configured."""

    async def connect() -> FiscalConnection | None:
        provider = await setup.provider()
        if provider is None:
            return None
        settings = await setup.load()
        vat = settings.vat_percent if settings.vat_payer == "yes" else None
        return FiscalConnection(provider, vat, settings.register)

    return connect


class FiscalService:
    """Registers sales and returns exactly once. Create it inside the running event loop.

    ``connect`` is asked on first need and its provider kept (None: not configured, nothing happens,
    and it is asked again next time, so a provider configured meanwhile is used); ``revision`` reads
    the shop's fiscal settings (:func:`~.setup.settings_revision`) before each use of the kept provider:
    when another counter changed them, the provider is made again (decision 0129);
    ``lookback``: how far back :meth:`reconcile` looks for confirmed sales and refunds with no record
    (72 hours: a register may stay offline that long). Two named crash points of the kill tests
    (services/money_ops/crash_points.py) sit in the flow, inert unless ``EPAY_FAULT_AT`` names one.
    """

    def __init__(
        self,
        store: Store,
        connect: Connect,
        clock: Callable[[], datetime],
        *,
        lookback: timedelta = timedelta(hours=72),
        revision: Callable[[Tx], object] | None = None,
    ) -> None:
        self._store = store
        self._connect = connect
        self._clock = clock
        self._lookback = lookback
        self._revision = revision
        self._seen: object = None  # the settings' revision the kept connection was made under
        self._held: HeldConnection | None = None  # the kept connection and the requests using it
        self._connect_lock = asyncio.Lock()
        self._busy: dict[str, asyncio.Lock] = {}
        self._tasks: set[asyncio.Task[object]] = set()
        self._loop = asyncio.get_running_loop()
        self._bus: EventBus | None = None  # told each record written (attach)
        self._faults = FaultPoints()

    # -- the triggers ----------------------------------------------------------------------------

    def attach(self, bus: EventBus) -> None:
        """Fiscalise what the bus reports confirmed: a charged payment, a SUCCEEDED charge or refund;
        publish on it each fiscal record written (:class:`FiscalRecordUpdated`, after its commit)."""
        self._bus = bus
        bus.subscribe(PaymentUpdated, self._on_payment)
        bus.subscribe(OperationUpdated, self._on_operation)

    def _on_payment(self, event: PaymentUpdated) -> None:
        if event.payment.status in journal.CHARGED and event.previous not in journal.CHARGED:
            self._later(self.fiscalise_sale, event.payment.id)

    def _on_operation(self, event: OperationUpdated) -> None:
        op = event.op
        if op.state is not OpState.SUCCEEDED:
            return
        if op.kind is OpKind.CHARGE:
            self._later(self.fiscalise_sale, op.payment_id)
        elif op.kind is OpKind.REFUND:
            self._later(self.fiscalise_refund, op.id)

    def _later(self, step: Callable[[_K], Awaitable[object]], key: _K) -> None:
        """Run ``step(key)`` as its own task on the loop (the publisher may be on any thread)."""

        def start() -> None:
            task: asyncio.Task[object] = self._loop.create_task(self._guarded(step(key)))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

        self._loop.call_soon_threadsafe(start)

    async def _guarded(self, work: Awaitable[object]) -> object:
        try:
            return await work
        except Exception as exc:  # the journal keeps the intent: the next reconcile completes it
            log.warning("event=fiscal_step_failed error=%s", type(exc).__name__, exc_info=exc)
            return None

    async def drain(self) -> None:
        """Wait for the follow-up tasks started so far (and those they start)."""
        await asyncio.sleep(0)  # let call_soon_threadsafe callbacks of this loop run
        while self._tasks:
            await asyncio.gather(*list(self._tasks))
            await asyncio.sleep(0)

    async def aclose(self, wait: float = 10.0) -> None:
        """Let the follow-up tasks finish for up to ``wait`` seconds (then they are cancelled: their
        intents stay in the journal for the next start's reconcile) and close the provider's connection."""
        try:
            await asyncio.wait_for(self.drain(), wait)
        except TimeoutError:
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
            log.warning("event=fiscal_steps_left_to_reconcile")
        await self.forget()

    async def forget(self) -> None:
        """Drop the kept provider (closed once the requests using it end); the next registration connects
        again (the settings or the secrets changed)."""
        async with self._connect_lock:
            held, self._held = self._held, None
            if held is not None:
                await held.drop()

    # -- the steps -------------------------------------------------------------------------------

    async def connection(self) -> FiscalConnection | None:
        """The configured connection, or None. Kept once made while the shop's fiscal settings stay as
        they were then (``revision``): a change saved at any counter is used from the next receipt."""
        held = await self._kept()
        return held.connection if held is not None else None

    async def _kept(self) -> HeldConnection | None:
        """The kept connection, made again first when the settings' revision changed (the old one is
        dropped: closed once its last request ends)."""
        seen = await self._store.run_read(self._revision) if self._revision is not None else None
        async with self._connect_lock:
            if self._held is not None and seen != self._seen:
                log.info("event=fiscal_settings_changed_elsewhere")
                old, self._held = self._held, None
                await old.drop()
            if self._held is None:
                made = await self._connect()
                self._held, self._seen = (HeldConnection(made) if made is not None else None), seen
            return self._held

    @asynccontextmanager
    async def _lease(self) -> AsyncIterator[FiscalConnection | None]:
        """The connection for one use of the provider: a connection replaced meanwhile (the settings
        changed) is closed only when its last use ends, never under a request."""
        held = await self._kept()
        if held is None:
            yield None
            return
        async with held.use() as connection:
            yield connection

    async def fiscalise_sale(self, payment_id: int) -> FiscalRecord | None:
        """Register the sale receipt of the charged payment ``payment_id`` once; the record as it stands
        (None: no provider, or the bank has not charged it)."""
        return await self._register(lambda tx, now: journal.sale_intent(tx, payment_id, now=now))

    async def fiscalise_refund(self, money_op_id: str) -> FiscalRecord | None:
        """Register the return receipt of the SUCCEEDED refund ``money_op_id`` once (its sale first, when
        that is not registered yet); the record as it stands (None: no provider, or not a confirmed
        refund)."""
        return await self._register(lambda tx, now: journal.return_intent(tx, money_op_id, now=now))

    async def _register(self, intent: Callable[[Tx, datetime], FiscalRecord | None]) -> FiscalRecord | None:
        """Commit ``intent`` (the record, written unless there) and ask the provider about it."""
        connection = await self.connection()
        if connection is None:
            return None
        now = self._clock()
        record = await self._store.run_write(lambda tx: intent(tx, now))
        if record is None:
            return None
        self._told(record)  # pending: a screen shows it before the provider answers
        self._faults.hit("fiscal_after_intent_commit")
        return await self._send(record)

    async def reconcile(self, *, needing_person: bool = False) -> list[FiscalRecord]:
        """Complete what a crash or a lost answer left: confirmed sales and refunds of the last
        ``lookback`` with no record (never from before the journal's first record: sales made before
        fiscal receipts were switched on are not registered afterwards), and every record not
        registered yet; one refused for a person's reason when last tried :data:`PERSON_RETRY` ago
        (with ``needing_person``: now, a person has seen to it, e.g. closed the fiscal shift).
        Returns the records it touched."""
        connection = await self.connection()
        if connection is None:
            return []
        earliest = self._clock() - self._lookback

        def missing(tx: Tx) -> tuple[list[int], list[str]]:
            began = tx.fiscal.began_at()
            if began is None:  # fiscal receipts have not begun: what the bank did before is not ours
                return [], []
            since = max(earliest, began)
            return tx.fiscal.unfiscalised_sales(since), tx.fiscal.unfiscalised_refunds(since)

        sales, refunds = await self._store.run_read(missing)
        touched: list[FiscalRecord | None] = [await self.fiscalise_sale(p) for p in sales]
        touched += [await self.fiscalise_refund(o) for o in refunds]
        tried_before = self._clock() if needing_person else self._clock() - PERSON_RETRY
        records = await self._store.run_read(
            lambda tx: tx.fiscal.open_records(person_tried_before=tried_before)
        )
        touched += [await self._send(record) for record in records]
        return [r for r in touched if r is not None]

    # -- the register's shift -----------------------------------------------------------------------

    async def shift_state(self) -> ShiftState | None:
        """The fiscal register's shift now (its 24-hour limit, offline flag); None: no provider."""
        async with self._lease() as connection:
            return None if connection is None else await connection.provider.shift_state()

    async def x_report(self) -> ShiftReport | None:
        """The fiscal register's X report (the shift so far, or the last closed one); None: no provider."""
        async with self._lease() as connection:
            return None if connection is None else await connection.provider.x_report()

    async def close_shift(self) -> ShiftReport | None:
        """Close the fiscal register's shift with its Z report (ShiftAlreadyClosed when none is open),
        then ask again at once the receipts refused for the shift (a shift past 24 hours): the new shift
        takes them. None: no provider."""
        report = await self._close_register()
        if report is not None:
            self._later(lambda _key: self.reconcile(needing_person=True), 0)
        return report

    async def _close_register(self) -> ShiftReport | None:
        async with self._lease() as connection:
            if connection is None:
                return None
            report = await connection.provider.close_shift()
        log.info("event=fiscal_shift_closed shift=%s", report.shift_number)
        return report

    async def close_shift_as(self, actor: User, *, approved_by: User | None = None) -> ShiftClosed | None:
        """A person's Z (the fiscal register window, ``epay-desktop fiscal z``; decision 0127):
        :meth:`close_shift` once a manager (``actor``, or ``approved_by`` who signed in for a cashier)
        is confirmed, the close written to the audit log, then every receipt not registered yet asked
        again now (here, not in the background: the person sees what became of them), those refused for
        the old shift told apart from those that waited for another reason (decision 0158).
        Raises PermissionDenied before anything is asked of the register, and what :meth:`close_shift`
        raises (ShiftAlreadyClosed: none is open). None: no provider."""
        manager = approved_by if approved_by is not None else actor
        await self._store.run_read(lambda tx: require_manager(tx, manager, _MANAGERS_CLOSE))
        before = self._clock()  # what reconcile(needing_person=True) asks again after the Z, at the latest
        for_shift = await self._store.run_read(lambda tx: _refused_for_the_shift(tx, before))
        report = await self._close_register()
        if report is None:
            return None
        now = self._clock()
        details = {
            "cashbox": report.cashbox_number,
            "shift": report.shift_number,
            "documents": report.documents,
            "sales_minor": report.sales.total.minor,
            "returns_minor": report.returns.total.minor,
            "requested_by": actor.id if manager.id != actor.id else None,
        }
        subject = f"fiscal:{report.cashbox_number}"
        await self._store.run_write(
            lambda tx: tx.audit.append(manager.id, "fiscal.shift_closed", subject, details, at=now)
        )
        return ShiftClosed(report, tuple(await self.reconcile(needing_person=True)), for_shift)

    async def records_of(self, payment_id: int) -> list[FiscalRecord]:
        """The payment's fiscal records (sale first), as they stand."""
        return await self._store.run_read(lambda tx: tx.fiscal.list_for_payment(payment_id))

    async def register_here(
        self, actor: User, external_number: str, *, approved_by: User | None = None
    ) -> FiscalRecord | None:
        """A person's answer to a receipt held back because it was asked at another cash register
        (decision 0129): they found it is not registered there, so it is registered at the register the
        settings name now. A manager's (``actor``, or ``approved_by`` who signed in for a cashier),
        written to the audit log as ``fiscal.register_here``; then asked at once. When the settings name
        the register it was asked at again, it is simply asked there again (same number: one receipt).
        Raises PermissionDenied, NotFoundError (no such receipt, or it waits for nothing of the kind).
        None: no provider."""
        manager = approved_by if approved_by is not None else actor
        now = self._clock()
        async with self._lease() as connection:
            if connection is None:
                return None
            here = connection.register

            def work(tx: Tx) -> FiscalRecord:
                current = require_manager(tx, manager, _MANAGERS_MOVE)
                record = tx.fiscal.get(external_number)
                if record is None or not asked_elsewhere(record):
                    raise NotFoundError(msg("fiscal", _NOT_WAITING, number=external_number))
                if record.asked_at_register == here:  # the settings name that register again
                    return record
                released = tx.fiscal.release(external_number, error=ASKED_ELSEWHERE, now=now)
                if released is None:  # another counter's manager settled it a moment before
                    raise NotFoundError(msg("fiscal", _NOT_WAITING, number=external_number))
                details = {
                    "asked_at": record.asked_at_register,
                    "register": here,
                    "requested_by": actor.id if manager.id != actor.id else None,
                }
                subject = f"fiscal:{external_number}"
                tx.audit.append(current.id, "fiscal.register_here", subject, details, at=now)
                return released

            record = await self._store.run_write(work)
            log.info("event=fiscal_register_here number=%s", external_number)
            return await self._send(self._told(record))

    async def _send(self, record: FiscalRecord) -> FiscalRecord:
        """Ask the provider about ``record`` (one request at a time per number in this process) and
        record the answer; a registered record is returned as it is. The register it is asked at is
        written first; a record asked at another register than the settings name now is not sent
        (decision 0129): it waits for a person."""
        lock = self._busy.setdefault(record.external_number, asyncio.Lock())
        async with lock, self._lease() as connection:
            current = await self._store.run_read(lambda tx: tx.fiscal.get(record.external_number))
            if current is None or current.state is FiscalState.REGISTERED or connection is None:
                return current or record
            basis: ReturnBasis | None = None
            if current.kind is FiscalKind.RETURN:
                sale = await self.fiscalise_sale(current.payment_id)
                basis = journal.return_basis(sale) if sale is not None else None
                if basis is None:  # the return names a registered sale: it waits for it
                    return await self._record(
                        current, current.state, error=_WAITING_FOR_SALE, attempted=False
                    )
            current = await self._bound(connection, current)
            if current.asked_at_register != connection.register:
                log.warning(
                    "event=fiscal_held_for_person number=%s asked_at=%s now=%s",
                    current.external_number,
                    current.asked_at_register,
                    connection.register,
                )
                return await self._record(
                    current, FiscalState.NEEDS_PERSON, error=ASKED_ELSEWHERE, attempted=False
                )
            payment = await self._store.run_read(lambda tx: tx.payments.get(current.payment_id))
            sale_request = _sale(current, payment)
            if basis is None:
                return await self._ask(current, connection.provider.register_sale(sale_request))
            shared: dict[str, Any] = {f.name: getattr(sale_request, f.name) for f in fields(sale_request)}
            ret = FiscalReturn(**shared, basis=basis)
            return await self._ask(current, connection.provider.register_return(ret))

    async def _bound(self, connection: FiscalConnection, record: FiscalRecord) -> FiscalRecord:
        """``record`` with the register it is asked at and the VAT rate sent (written before its first
        request, kept after: every retry goes there with the same rate)."""
        if record.asked_at_register is not None:
            return record
        number, register, vat = record.external_number, connection.register, connection.vat_percent
        bound = await self._store.run_write(lambda tx: tx.fiscal.bind(number, register, vat))
        return bound or record

    async def _ask(self, record: FiscalRecord, request: Awaitable[FiscalReceipt]) -> FiscalRecord:
        try:
            receipt = await request
        except FiscalOutcomeUnknown as exc:  # asked again with the same number by the next pass
            return await self._record(record, FiscalState.UNKNOWN, error=type(exc).__name__)
        except FiscalRefused as exc:
            state = FiscalState.NEEDS_PERSON if exc.needs_person else FiscalState.INTENT
            return await self._record(record, state, error=type(exc).__name__)
        except FiscalUnavailable as exc:  # not sent: nothing registered
            return await self._record(record, record.state, error=type(exc).__name__)
        except Exception as exc:  # anything else may have registered it
            log.warning(
                "event=fiscal_outcome_unknown number=%s error=%s", record.external_number, type(exc).__name__
            )
            return await self._record(record, FiscalState.UNKNOWN, error=type(exc).__name__)
        self._faults.hit("fiscal_after_registered_before_commit")
        log.info(
            "event=fiscal_registered number=%s kind=%s again=%s",
            record.external_number,
            record.kind,
            receipt.already_registered,
        )
        return await self._record(record, FiscalState.REGISTERED, receipt=receipt)

    async def _record(
        self,
        record: FiscalRecord,
        state: FiscalState,
        *,
        receipt: FiscalReceipt | None = None,
        error: str | None = None,
        attempted: bool = True,
    ) -> FiscalRecord:
        if state is not FiscalState.REGISTERED:
            log.warning(
                "event=fiscal_not_registered number=%s state=%s error=%s",
                record.external_number,
                state,
                error,
            )
        now = self._clock()
        number = record.external_number
        kept = journal.kept(receipt) if receipt is not None else None
        stored = await self._store.run_write(
            lambda tx: tx.fiscal.record(
                number, state, now=now, receipt=kept, error=error, attempted=attempted
            )
        )
        return self._told(stored or record)

    def _told(self, record: FiscalRecord) -> FiscalRecord:
        """Publish ``record`` as committed to the attached bus (the payment's detail follows it)."""
        if self._bus is not None:
            self._bus.publish(FiscalRecordUpdated(record))
        return record


def _refused_for_the_shift(tx: Tx, now: datetime) -> frozenset[str]:
    """The numbers of the receipts refused because the fiscal shift was past its 24 hours, before a Z
    (:meth:`FiscalService.close_shift_as` tells them from those that waited for another reason)."""
    return frozenset(
        r.external_number for r in tx.fiscal.open_records(person_tried_before=now) if needs_shift_close(r)
    )


def _sale(record: FiscalRecord, payment: Payment) -> FiscalSale:
    """The receipt's request (a return adds its basis): the number, the amount, one line named by the
    payment's description (else its invoice number), paid by card, at the VAT rate kept with it."""
    name = payment.description.strip() or f"№ {payment.invoice_id.value}"
    return FiscalSale(
        external_number=record.external_number,
        amount=record.amount,
        position_name=name[:250],
        vat_percent=record.vat_percent,
        order_number=payment.invoice_id.value,
    )


def needs_person_message(record: FiscalRecord) -> Message | None:
    """What a person must do about ``record``, refused for a reason only a person can remove (the
    provider's refusal in plain words, context "fiscal"); None when it needs no one."""
    if record.state is not FiscalState.NEEDS_PERSON:
        return None
    if asked_elsewhere(record):
        return elsewhere_message(record)
    refusal = getattr(errors, record.last_error or "", None)
    if isinstance(refusal, type) and issubclass(refusal, FiscalRefused):
        return msg("fiscal", refusal.default_user_message)
    return msg(
        "fiscal",
        QT_TRANSLATE_NOOP(
            "fiscal",
            "The fiscal provider refused the receipt. Check the fiscal settings and the cash register.",
        ),
    )
