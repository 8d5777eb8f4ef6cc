"""Fixtures for the dialog tests: users of each role, payment views, approvals, an open dialog."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from epay_desktop.domain import Money, MoneyOp, OpKind, OpState, Payment, Role, User
from epay_desktop.services.people.approvals import Approval

_T0 = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


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
def op_result(make_payment: Callable[..., Payment]) -> Callable[..., MoneyOp]:
    """``op_result(kind, amount_minor, state)``: what the money service returns."""

    def make(
        kind: OpKind = OpKind.REFUND, amount: int = 50_000, state: OpState = OpState.SUCCEEDED
    ) -> MoneyOp:
        return MoneyOp(
            id="op-1",
            payment_id=1,
            kind=kind,
            amount=Money(amount),
            state=state,
            expected_remaining=None,
            requested_by=1,
            approved_by=None,
            reason=None,
            gateway_code=None,
            gateway_message=None,
            created_at=_T0,
            sent_at=None,
            resolved_at=None,
        )

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
        found: list[QDialog] = []

        def visible() -> bool:
            found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
            return bool(found)

        qtbot.waitUntil(visible)
        return task, found[0]

    return start
