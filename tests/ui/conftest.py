"""GUI test fixtures: the qasync loop (pattern A of docs/stack-notes.md) and fake services.

Pattern A: tests are plain sync functions. ``aloop`` installs a qasync loop that *claims* to be
running; qtbot's waits (waitUntil / waitSignal) pump it, so ``@asyncSlot``/``action_slot`` tasks
and awaited services run while the test waits on a condition. Never ``loop.stop()`` it (that
calls QApplication.exit() and breaks every later wait), never call qtbot.wait* inside a coroutine.

Fakes: services are replaced by small in-memory objects with the same method names as the real
services (the widgets are typed against the service classes; a fake implements only the methods
its screen calls). Copy the style: an ``AsyncStub`` per service method,
whose ``calls`` a test asserts and whose ``gate`` holds the call open to test "still running".
"""

from __future__ import annotations

# QtWebEngineWidgets must be imported before pytest-qt creates the QApplication (stack-notes 14).
import PySide6.QtWebEngineWidgets  # noqa: F401  isort: skip

import asyncio
import itertools
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import NotFoundError
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.payment_filter import EVERY_PAYMENT
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.services.events import EventBus
from epay_desktop.services.people.approvals import Approval
from epay_desktop.ui.app.bridge import EventBridge
from tests.support import windows
from tests.support.live_console import add_people
from tests.support.live_console import controller_running
from tests.support.quick_pins import quick_pin_hashes
from tests.support.windows import SLOW_MS
from tests.support.windows import dismiss_dialogs

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
def _quick_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real console started here hashes PINs at Argon2id's smallest cost (decision 0134)."""
    quick_pin_hashes(monkeypatch)


@pytest.fixture(autouse=True)
def _close_dialogs(qapp: QApplication) -> Iterator[None]:
    """Message boxes and dialogs a test left open must not sit over the next test's widgets."""
    yield
    dismiss_dialogs()


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

    async def list_payments(
        self, wanted: PaymentFilter = EVERY_PAYMENT, *, limit: int = 50, after: Any = None
    ) -> SimpleNamespace:
        self.list_calls.append({"filter": wanted, "limit": limit, "after": after})
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        rows = sorted(self._matching(wanted), key=lambda p: (p.created_at, p.id), reverse=True)
        start = int(after or 0)
        page = rows[start : start + limit]
        more = start + limit < len(rows)
        return SimpleNamespace(payments=page, next_cursor=start + limit if more else None)

    # -- the sorted list (PaymentQueries.list_counts / list_page / list_page_at / list_row_of) -----------
    # In memory, in the store's orders (decision 0050): cursors are row positions.

    def _matching(self, wanted: PaymentFilter) -> list[Payment]:
        return [p for p in self.payments if wanted.matches(p, open_operation=self.open_of(p) is not None)]

    def _listed(self, query: Any) -> list[Payment]:
        rows = self._matching(query.filter)
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
            require_shift=AsyncStub(),
        ),
        users=SimpleNamespace(authenticate=AsyncStub(), approve=AsyncStub(), list_users=AsyncStub(result=[])),
        receipts=SimpleNamespace(
            issue_receipt=AsyncStub(), receipts_for=AsyncStub(result=[]), save_pdf=AsyncStub()
        ),
    )


@pytest.fixture
def bridge(fake_services: SimpleNamespace) -> Iterator[EventBridge]:
    """The main window's EventBridge over ``fake_services.events``, closed after the test."""
    b = EventBridge(fake_services.events)
    yield b
    b.close()


@pytest.fixture
def open_main_window(qtbot: Any, aloop: Any, fake_services: SimpleNamespace) -> Callable[..., Any]:
    """``open_main_window(rows, queries=None, **options)``: the MainWindow over the fake services (its list
    from ``queries``, else ``fake_services.queries``) in the sandbox environment with ``options`` (user,
    clock, bridge...), shown and active, once its list has loaded ``rows`` rows."""
    from epay_desktop.ui.window.main_window import MainWindow

    def open_window(rows: int, queries: Any = None, **options: Any) -> MainWindow:
        w = MainWindow(
            queries or fake_services.queries, fake_services.receipts, environment="sandbox", **options
        )
        qtbot.addWidget(w)
        windows.show_active(qtbot, w)
        model = w.payments_view.model
        qtbot.waitUntil(lambda: model.rowCount() == rows and not model.is_loading)
        return w

    return open_window


@pytest.fixture
def async_stub() -> type[AsyncStub]:
    """The AsyncStub class, for a test's own fake methods: ``stub = async_stub(result=...)``."""
    return AsyncStub


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread(gui_thread_gc: None) -> None:
    """Every UI test runs with the collector on the GUI thread only (tests/conftest.py)."""


# -- the dialogs' people, views and answers (the money, export, settings and users dialogs) -------------


def _user(uid: int, name: str, role: Role) -> User:
    return User(uid, name, role, True, 0, None, _T0)


@pytest.fixture
def cashier() -> User:
    return _user(1, "Айгерим", Role.CASHIER)


@pytest.fixture
def manager() -> User:
    return _user(2, "Данияр", Role.MANAGER)


@pytest.fixture
def admin() -> User:
    return _user(3, "Admin", Role.ADMIN)


@pytest.fixture
def make_view(make_payment: Callable[..., Payment]) -> Callable[..., SimpleNamespace]:
    """``make_view(payment=None, operations=(), refunded=0, remaining=None, **payment_fields)``."""

    def make(
        payment: Payment | None = None,
        operations: tuple[MoneyOp, ...] = (),
        refunded: int = 0,
        remaining: int | None = None,
        **fields: Any,
    ) -> SimpleNamespace:
        p = payment or make_payment(**fields)
        left = p.amount.minor - refunded if remaining is None else remaining
        return SimpleNamespace(
            payment=p,
            operations=list(operations),
            refunded=Money(refunded),
            remaining=Money(left),
            status=p.status,
        )

    return make


@pytest.fixture
def op_result(make_op: Callable[..., MoneyOp]) -> Callable[..., MoneyOp]:
    """``op_result(kind, amount_minor, state)``: what the money service returns (``make_op``'s operation on
    payment 1, asked for by user 1, without a reason)."""
    payment_1 = SimpleNamespace(id=1, created_at=_T0)

    def make(
        kind: OpKind = OpKind.REFUND, amount: int = 50_000, state: OpState = OpState.SUCCEEDED
    ) -> MoneyOp:
        return make_op(payment_1, kind=kind, amount=Money(amount), state=state, reason=None)

    return make


@pytest.fixture
def approval() -> Approval:
    return Approval("appr-1", 1, OpKind.REFUND, 150_000, 2, 1, _T0 + timedelta(minutes=2))


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    widget.resize(800, 600)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def open_dialog(qtbot: Any, aloop: Any) -> Callable[..., tuple[asyncio.Task[Any], Any]]:
    """``task, dialog = open_dialog(SomeDialog.ask(...), SomeDialog)``: start ask() and find its dialog."""

    def start(coro: Any, cls: type[QDialog]) -> tuple[asyncio.Task[Any], Any]:
        task = asyncio.ensure_future(coro, loop=aloop)
        return task, windows.wait_shown(qtbot, cls)

    return start


# -- the real console (AppController + MainWindow over real services), no gateway ------------------------


@pytest.fixture
def real_console_clock() -> Any:
    """The services' clock in ``real_console``: None is the real time; a test module that needs to set the
    time overrides this fixture with a ``tests.support.clock.Clock``."""
    return None


@pytest.fixture
def real_console(
    qtbot: Any,
    aloop: Any,
    arun: Any,
    tmp_path: Any,
    profile: Any,
    memory: Any,
    monkeypatch: pytest.MonkeyPatch,
    real_console_clock: Any,
) -> Iterator[Any]:
    """The real console on a fresh database with a manager and a cashier; nobody logged in yet.

    No gateway answers (a closed loopback port): for the screens a person opens from the menus.
    ``log_in(name, pin)`` types into the lock screen as a person does. Remembered UI choices go to
    ``tmp_path/.config`` and the keychain is the in-memory one (``memory``).
    """
    from epay_desktop.app import open_app
    from epay_desktop.demo import demo_environ
    from epay_desktop.ui.app.controller import ConsoleOptions

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))  # ui.ini (remembered choices)
    environ = demo_environ(tmp_path / "home", "http://127.0.0.1:9")
    ctx = arun(open_app(environ, clock=real_console_clock), timeout=SLOW_MS)
    manager, _cashier = add_people(arun, ctx)
    options = ConsoleOptions(idle_minutes=0)
    with controller_running(arun, qtbot, ctx, profile, options, timeout=SLOW_MS) as controller:

        def log_in(name: str, pin: str) -> None:
            windows.log_in(qtbot, controller, name, pin)

        yield SimpleNamespace(
            ctx=ctx, controller=controller, window=controller.window, log_in=log_in, manager=manager,
            home=tmp_path,
        )  # fmt: skip
