"""GUI test fixtures: the qasync loop (pattern A of docs/stack-notes.md) and fake services.

Pattern A: tests are plain sync functions. ``aloop`` installs a qasync loop that *claims* to be
running; qtbot's waits (waitUntil / waitSignal) pump it, so ``@asyncSlot``/``action_slot`` tasks
and awaited services run while the test waits on a condition. Never ``loop.stop()`` it (that
calls QApplication.exit() and breaks every later wait), never call qtbot.wait* inside a coroutine.

Fakes: services are replaced by small in-memory objects with the same method names as the real
services (see epay_desktop/ui/ports.py). Copy the style: an ``AsyncStub`` per service method,
whose ``calls`` a test asserts and whose ``gate`` holds the call open to test "still running".
"""

from __future__ import annotations

# QtWebEngineWidgets must be imported before pytest-qt creates the QApplication (stack-notes 14).
import PySide6.QtWebEngineWidgets  # noqa: F401  isort: skip

import asyncio
import itertools
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
import qasync
import shiboken6
from PySide6.QtWidgets import QApplication, QDialog

from epay_desktop.domain import (
    ConsoleStatus,
    InvoiceId,
    Money,
    MoneyOp,
    NotFoundError,
    OpKind,
    OpState,
    Payment,
)
from epay_desktop.services.events import EventBus
from epay_desktop.ui.payments.list_filter import PaymentFilter

# -- the loop (pattern A) ----------------------------------------------------------------------------


@pytest.fixture
def arun(aloop: qasync.QEventLoop, qtbot: Any) -> Callable[..., Any]:
    """``result = arun(coro)``: run a coroutine to completion from a sync test (raises its error)."""

    def run(coro: Coroutine[Any, Any, Any], timeout: int = 5000) -> Any:
        future = asyncio.ensure_future(coro, loop=aloop)
        qtbot.waitUntil(future.done, timeout=timeout)
        return future.result()

    return run


@pytest.fixture
def restore_app(qapp: QApplication) -> Iterator[QApplication]:
    """The QApplication, its start-up settings (what ``configure_application`` sets: names, window
    icon, quit on the last window) put back as they were after the test."""
    names = (qapp.applicationName(), qapp.organizationName(), qapp.applicationDisplayName())
    icon, quit_on_close = qapp.windowIcon(), qapp.quitOnLastWindowClosed()
    yield qapp
    qapp.setApplicationName(names[0])
    qapp.setOrganizationName(names[1])
    qapp.setApplicationDisplayName(names[2])
    qapp.setWindowIcon(icon)
    qapp.setQuitOnLastWindowClosed(quit_on_close)


@pytest.fixture(autouse=True)
def _close_dialogs(qapp: QApplication) -> Iterator[None]:
    """Message boxes and dialogs a test left open must not sit over the next test's widgets."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and shiboken6.isValid(widget) and widget.isVisible():
            widget.reject()


# -- records -----------------------------------------------------------------------------------------

_T0 = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


@pytest.fixture
def make_payment() -> Callable[..., Payment]:
    """``make_payment(**fields)``: a Payment; each call is one minute newer, with the next id."""
    ids = itertools.count(1)

    def make(**overrides: Any) -> Payment:
        n = next(ids)
        created = overrides.pop("created_at", _T0 + timedelta(minutes=n))
        values: dict[str, Any] = {
            "id": n,
            "invoice_id": InvoiceId(f"{100000 + n:09d}"),
            "amount": Money(150_000),
            "status": ConsoleStatus.CHARGE,
            "description": f"Order {n}",
            "email": None,
            "phone": None,
            "account_id": None,
            "save_card": False,
            "language": "rus",
            "register_id": "R1",
            "created_by": 1,
            "created_at": created,
            "updated_at": created,
            "transaction_id": f"txn-{n}",
            "gateway_amount": Money(150_000),
            "org_amount": Money(150_000),
            "payout_amount": None,
            "card_mask": "440563...5096",
            "card_type": "VISA",
            "card_id": None,
            "reference": f"RRN{n:09d}",
            "approval_code": f"A{n:05d}",
            "reason": None,
            "reason_code": None,
            "token_expires_at": None,
            "next_poll_at": None,
            "last_polled_at": None,
            "version": 1,
        }
        values.update(overrides)
        return Payment(**values)

    return make


@pytest.fixture
def make_op() -> Callable[..., MoneyOp]:
    """``make_op(payment, **fields)``: a SUCCEEDED refund of 500 ₸ by user 1, unless overridden."""
    ids = itertools.count(1)

    def make(payment: Payment, **overrides: Any) -> MoneyOp:
        n = next(ids)
        values: dict[str, Any] = {
            "id": f"op-{n:04d}",
            "payment_id": payment.id,
            "kind": OpKind.REFUND,
            "amount": Money(50_000),
            "state": OpState.SUCCEEDED,
            "expected_remaining": None,
            "requested_by": 1,
            "approved_by": None,
            "reason": "requested_by_customer",
            "gateway_code": None,
            "gateway_message": None,
            "created_at": payment.created_at + timedelta(minutes=n),
            "sent_at": None,
            "resolved_at": None,
        }
        values.update(overrides)
        return MoneyOp(**values)

    return make


# -- fakes -------------------------------------------------------------------------------------------


@dataclass
class AsyncStub:
    """An async service method: records ``calls``; returns ``result`` or raises ``error``.

    ``hold()`` makes calls wait until ``release()``, to see a widget while the call is running.
    """

    result: Any = None
    error: BaseException | None = None
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = field(default_factory=list)
    gate: asyncio.Event | None = None

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append((args, kwargs))
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        return self.result

    def hold(self) -> None:
        self.gate = asyncio.Event()

    def release(self) -> None:
        if self.gate is not None:
            self.gate.set()


@dataclass
class FakePayments:
    """PaymentListSource + PaymentDetailSource over a list. The cursor is the index of the next row."""

    payments: list[Payment] = field(default_factory=list)
    list_calls: list[dict[str, Any]] = field(default_factory=list)
    error: BaseException | None = None
    gate: asyncio.Event | None = None
    #: a payment's UNKNOWN / NEEDS_REVIEW operation, for the sorted list's pages (None: none)
    open_of: Callable[[Payment], MoneyOp | None] = lambda _p: None

    def add(self, *payments: Payment) -> None:
        self.payments.extend(payments)

    def update(self, payment: Payment) -> None:
        self.payments = [payment if p.id == payment.id else p for p in self.payments]

    async def list_payments(self, *, limit: int = 50, after: Any = None, **filters: Any) -> SimpleNamespace:
        self.list_calls.append({"limit": limit, "after": after, **filters})
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        wanted = PaymentFilter.of(
            filters.get("status"), filters.get("since"), filters.get("until"), filters.get("search")
        )
        rows = sorted(
            (p for p in self.payments if wanted.matches(p)), key=lambda p: (p.created_at, p.id), reverse=True
        )
        start = int(after or 0)
        page = rows[start : start + limit]
        more = start + limit < len(rows)
        return SimpleNamespace(payments=page, next_cursor=start + limit if more else None)

    # -- the sorted list (PaymentQueries.list_counts / list_page / list_page_at / list_row_of) -----------
    # In memory, in the store's orders (decision 0050): cursors are row positions.

    def _listed(self, query: Any) -> list[Payment]:
        wanted = PaymentFilter.of(query.statuses, query.since, query.until, query.search)
        rows = [p for p in self.payments if wanted.matches(p)]
        if query.needs_attention:
            rows = [p for p in rows if p.status is ConsoleStatus.UNKNOWN]
        return sorted(rows, key=lambda p: list_sort_key(query.sort, p), reverse=query.descending)

    async def _answer(self, call: str, query: Any, **args: Any) -> list[Payment]:
        self.list_calls.append({"call": call, "query": query, **args})
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        return self._listed(query)

    async def list_counts(self, query: Any) -> SimpleNamespace:
        rows = await self._answer("list_counts", query)
        return SimpleNamespace(total=len(rows))

    async def list_page(self, query: Any, *, limit: int = 100, after: Any = None) -> SimpleNamespace:
        rows = await self._answer("list_page", query, limit=limit, after=after)
        start = int(after or 0)
        return self._page(rows, start, limit)

    async def list_page_at(self, query: Any, offset: int, *, limit: int = 100) -> SimpleNamespace:
        rows = await self._answer("list_page_at", query, offset=offset, limit=limit)
        return self._page(rows, offset, limit)

    async def list_row_of(self, query: Any, payment_id: int) -> int | None:
        rows = await self._answer("list_row_of", query, payment_id=payment_id)
        return next((i for i, p in enumerate(rows) if p.id == payment_id), None)

    def _page(self, rows: list[Payment], start: int, limit: int) -> SimpleNamespace:
        page = rows[start : start + limit]
        opens = {p.id: op for p in page if (op := self.open_of(p)) is not None}
        return SimpleNamespace(
            payments=page, more=start + limit < len(rows), last=start + len(page), open_operations=opens
        )

    async def get_view(self, invoice_id: InvoiceId) -> SimpleNamespace:
        for p in self.payments:
            if p.invoice_id == invoice_id:
                zero = Money(0)
                return SimpleNamespace(
                    payment=p, operations=[], refunded=zero, remaining=zero, status=p.status
                )
        raise NotFoundError(f"There is no payment with invoice number {invoice_id}.")

    def hold(self) -> None:
        self.gate = asyncio.Event()

    def release(self) -> None:
        if self.gate is not None:
            self.gate.set()


def list_sort_key(sort: Any, p: Payment) -> tuple[Any, ...]:
    """A payment's place in a list sort, ascending, as the store orders it (cashiers by user id here)."""
    from epay_desktop.store.list_keys import list_keys_of

    amount, refunded, last4 = list_keys_of(p)
    order = list(ConsoleStatus)
    keys: dict[str, tuple[Any, ...]] = {
        "time": (p.created_at, p.id),
        "invoice": (p.invoice_id.value,),
        "amount": (amount, p.id),
        "refunded": (refunded, p.id),
        "card": (last4, p.id),
        "status": (order.index(p.status), p.created_at, p.id),
        "cashier": (p.created_by is None, p.created_by or 0, p.created_at, p.id),
    }
    return keys[str(sort.value)]


@pytest.fixture
def fake_payments() -> FakePayments:
    """An empty in-memory payment source; ``fake_payments.add(make_payment(...))``."""
    return FakePayments()


@pytest.fixture
def fake_services(fake_payments: FakePayments) -> SimpleNamespace:
    """The services a screen talks to, faked: ``queries`` (list/get_view), ``events`` (a real EventBus),
    ``payments``/``operations``/``users``/``receipts`` with AsyncStub methods named like the real ones.
    """
    return SimpleNamespace(
        queries=fake_payments,
        events=EventBus(),
        payments=SimpleNamespace(create_payment=AsyncStub(), refresh_status=AsyncStub()),
        operations=SimpleNamespace(
            refund=AsyncStub(),
            charge=AsyncStub(),
            cancel=AsyncStub(),
            resolve=AsyncStub(),
            review=AsyncStub(),
        ),
        users=SimpleNamespace(authenticate=AsyncStub(), approve=AsyncStub(), list_users=AsyncStub(result=[])),
        receipts=SimpleNamespace(
            issue_receipt=AsyncStub(), receipts_for=AsyncStub(result=[]), save_pdf=AsyncStub()
        ),
    )


@pytest.fixture
def async_stub() -> type[AsyncStub]:
    """The AsyncStub class, for a test's own fake methods: ``stub = async_stub(result=...)``."""
    return AsyncStub


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread(gui_thread_gc: None) -> None:
    """Every UI test runs with the collector on the GUI thread only (tests/conftest.py)."""


# -- the real console (AppController + MainWindow over real services), no gateway ------------------------

REAL_MANAGER, REAL_MANAGER_PIN = "Данияр", "2222"
REAL_CASHIER, REAL_CASHIER_PIN = "Айгерим", "1111"
REAL_SLOW_MS = 15_000


@pytest.fixture
def real_console(
    qtbot: Any,
    aloop: Any,
    arun: Any,
    tmp_path: Any,
    profile: Any,
    memory: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Any]:
    """The real console on a fresh database with a manager and a cashier; nobody logged in yet.

    No gateway answers (a closed loopback port): for the screens a person opens from the menus.
    ``log_in(name, pin)`` types into the lock screen as a person does. Remembered UI choices go to
    ``tmp_path/.config`` and the keychain is the in-memory one (``memory``).
    """
    from PySide6.QtCore import Qt

    from epay_desktop.app import open_app
    from epay_desktop.demo import demo_environ
    from epay_desktop.domain import Role
    from epay_desktop.ui.app.controller import AppController, ConsoleOptions

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))  # ui.ini (remembered choices)
    ctx = arun(open_app(demo_environ(tmp_path / "home", "http://127.0.0.1:9")), timeout=REAL_SLOW_MS)
    manager = arun(ctx.users.add_user(REAL_MANAGER, Role.MANAGER, REAL_MANAGER_PIN, None))
    arun(ctx.users.add_user(REAL_CASHIER, Role.CASHIER, REAL_CASHIER_PIN, manager))
    controller = AppController(ctx, profile, ConsoleOptions(idle_minutes=0))
    running = asyncio.ensure_future(controller.run())

    def log_in(name: str, pin: str) -> None:
        form = controller.session.lock_screen.form
        qtbot.waitUntil(form.isVisible, timeout=REAL_SLOW_MS)
        form.name_edit.setText(name)
        form.secret_edit.clear()
        qtbot.keyClicks(form.secret_edit, pin)
        qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: controller.session.user is not None and controller.session.user.name == name)

    try:
        yield SimpleNamespace(
            ctx=ctx, controller=controller, window=controller.window, log_in=log_in, manager=manager,
            home=tmp_path,
        )  # fmt: skip
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and shiboken6.isValid(widget) and widget.isVisible():
                widget.reject()
        controller.close()
        qtbot.waitUntil(running.done, timeout=REAL_SLOW_MS)
        arun(ctx.aclose(), timeout=REAL_SLOW_MS)
