"""No duplicated window title (issue 7, point 6): the product name is shown once in every title.

Qt appends the application display name to a top-level title unless the title ends with it, so
"ePay Desktop — SANDBOX" was shown as "ePay Desktop — SANDBOX — ePay Desktop". ``shown_title``
applies Qt's rule; the walk over every main-window action (tests/e2e/test_console_every_action.py)
checks the title of every dialog it opens the same way.
"""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication

from epay_desktop.ui.app.main import StartupScreen
from epay_desktop.ui.app.main import configure_application
from epay_desktop.ui.common.titles import product_name
from epay_desktop.ui.common.titles import shown_title
from epay_desktop.ui.common.titles import window_title
from epay_desktop.ui.session.login import LoginDialog
from epay_desktop.ui.window.main_window import MainWindow

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


@pytest.fixture
def display_name(restore_app):
    """The application configured as run_gui does (display name set), restored afterwards."""
    configure_application(restore_app)
    return restore_app.applicationDisplayName()


def test_qt_rule():
    assert shown_title("Refund", "ePay Desktop") == "Refund — ePay Desktop"
    assert shown_title("SANDBOX — ePay Desktop", "ePay Desktop") == "SANDBOX — ePay Desktop"
    assert shown_title("ePay Desktop — SANDBOX", "ePay Desktop") == "ePay Desktop — SANDBOX — ePay Desktop"
    assert window_title("New payment", "", "SANDBOX") == "New payment — SANDBOX — ePay Desktop"


@pytest.mark.parametrize(
    ("environment", "title"), [("sandbox", "SANDBOX — ePay Desktop"), ("prod", "ePay Desktop")]
)
def test_the_main_window_names_the_product_once(
    qtbot, aloop, fake_services, display_name, environment, title
):
    assert display_name == product_name() == "ePay Desktop"
    window = MainWindow(fake_services.queries, environment=environment, clock=lambda: NOW)
    qtbot.addWidget(window)
    assert window.windowTitle() == title
    assert shown_title(window.windowTitle(), display_name) == title


def test_startup_and_login_windows_name_the_product_once(qtbot, aloop, fake_services, display_name):
    windows = [StartupScreen(demo=True), StartupScreen(demo=False), LoginDialog(fake_services.users)]
    for window in windows:
        qtbot.addWidget(window)
        shown = shown_title(window.windowTitle(), display_name)
        assert shown.count("ePay") == 1, shown
    assert [shown_title(w.windowTitle(), display_name) for w in windows] == [
        "SANDBOX (demo) — ePay Desktop",
        "ePay Desktop",
        "Log in — ePay Desktop",
    ]
    assert QApplication.applicationDisplayName() == "ePay Desktop"
