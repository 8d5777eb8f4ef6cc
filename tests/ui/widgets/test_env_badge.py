"""SANDBOX / TEST on every screen: the login form, the lock screen and the "New payment" window
carry the status bar's badge in demo, sandbox and test environments; production shows nothing."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.checkout.screen import CheckoutScreen
from epay_desktop.ui.checkout.window import CheckoutWindow
from epay_desktop.ui.session.lock_screen import LockScreen
from epay_desktop.ui.session.login import LoginForm
from epay_desktop.ui.widgets.env_badge import EnvironmentBadge

SHOTS = Path(os.environ.get("EPAY_SCREENSHOTS") or tempfile.gettempdir())
CASHIER = User(7, "Aigerim", Role.CASHIER, True, 0, None, datetime(2026, 1, 1))

EXPECTED = [
    ("demo", "SANDBOX"),
    ("sandbox", "SANDBOX"),
    ("test", "TEST"),
    ("test-homebank", "TEST"),
    ("prod", ""),
]


class FakePage(QWidget):
    customer_finished = Signal(str, bool)
    load_failed = Signal(str)
    expired = Signal()
    cancelled = Signal()

    def start(self, *args: Any) -> None: ...

    def stop(self, *args: Any) -> None: ...


def _shown(badge: EnvironmentBadge) -> str:
    return badge.text() if badge.isVisible() else ""


@pytest.mark.parametrize(("environment", "text"), EXPECTED)
def test_the_login_and_lock_screens_show_the_badge(qtbot, aloop, fake_services, environment, text):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(900, 640)
    window.show()
    lock = LockScreen(window, fake_services.users)
    lock.set_environment(environment)
    lock.show_login()
    badge = lock.form.environment_badge
    assert _shown(badge) == text  # on the login form itself
    assert badge.isVisible() is bool(text)
    lock.show_unlock(CASHIER)
    assert _shown(badge) == text
    if environment == "demo":
        lock.show_login()
        assert window.grab().save(str(SHOTS / "login-sandbox.png"))


@pytest.mark.parametrize(("environment", "text"), EXPECTED)
def test_a_login_form_alone_and_the_badge_colour(qtbot, fake_services, environment, text):
    form = LoginForm(fake_services.users)
    qtbot.addWidget(form)
    form.set_environment(environment)
    form.show()
    assert _shown(form.environment_badge) == text
    if text:
        assert "background" in form.environment_badge.styleSheet()
        assert form.environment_badge.toolTip()


@pytest.mark.parametrize(("environment", "text"), EXPECTED)
def test_the_new_payment_window_shows_the_badge_inside(qtbot, aloop, fake_services, environment, text):
    parent = QMainWindow()
    qtbot.addWidget(parent)
    screen = CheckoutScreen(fake_services.payments, fake_services.receipts, lambda: CASHIER, FakePage())
    window = CheckoutWindow(screen, parent, environment=environment)
    window.start_sale()
    qtbot.waitUntil(window.isVisible)
    assert _shown(window.environment_badge) == text
    if environment == "sandbox":
        assert window.grab().save(str(SHOTS / "checkout-sandbox.png"))
    window.hide()


def test_an_unknown_environment_is_loud_and_none_is_quiet(qtbot):
    badge = EnvironmentBadge()
    qtbot.addWidget(badge)
    badge.set_environment("staging")
    badge.show()
    assert badge.text() == "STAGING" and badge.loud
    badge.set_environment(None)
    assert not badge.isVisible() and not badge.loud
