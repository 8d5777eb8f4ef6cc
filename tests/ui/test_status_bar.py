"""ConsoleStatusBar: the environment badge, bank health from the poller's events, last check, user."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import PollerHealthChanged
from epay_desktop.ui.app.bridge import EventBridge
from epay_desktop.ui.window.status_bar import ConsoleStatusBar
from epay_desktop.ui.window.status_bar import environment_badge

NOW = datetime(2026, 1, 15, 9, 30, 5, tzinfo=UTC)  # 14:30:05 in Almaty (UTC+5)


def user(role: Role = Role.CASHIER, name: str = "Aigerim") -> User:
    return User(1, name, role, True, 0, None, NOW)


@pytest.mark.parametrize(
    ("environment", "text", "loud"),
    [
        ("sandbox", "SANDBOX", True),
        ("demo", "SANDBOX", True),
        ("test", "TEST", True),
        ("test-homebank", "TEST", True),
        ("prod", "PRODUCTION", False),
        ("staging-7", "STAGING-7", True),  # anything unknown is loud: only production looks calm
    ],
)
def test_environment_badge(qtbot, environment, text, loud):
    bar = ConsoleStatusBar(environment)
    qtbot.addWidget(bar)
    assert bar.environment_label.text() == text
    assert bar.environment_loud is loud
    assert ("background" in bar.environment_label.styleSheet()) is loud
    assert bar.environment_label.toolTip()
    assert environment_badge(environment)[0] == text


def test_user_label(qtbot):
    bar = ConsoleStatusBar("prod")
    qtbot.addWidget(bar)
    assert bar.user_label.text() == "Not logged in"
    bar.set_user(user(Role.MANAGER, "Daniyar"))
    assert bar.user_label.text() == "Daniyar · manager"
    bar.set_user(user(Role.ADMIN, "Root"))
    assert bar.user_label.text() == "Root · administrator"


def test_health_follows_poller_events_through_the_bridge(qtbot):
    bus = EventBus()
    bridge = EventBridge(bus)
    bar = ConsoleStatusBar("sandbox")
    qtbot.addWidget(bar)
    bridge.poller_health_changed.connect(bar.on_poller_health_changed)
    assert bar.health_label.text() == "● Bank: not checked yet"
    assert bar.last_poll_label.text() == "Last check: —"

    with qtbot.waitSignal(bridge.poller_health_changed):
        bus.publish(PollerHealthChanged(False, NOW, "The bank's server does not answer."))
    assert bar.health_label.text() == "● Bank not reachable — retrying"
    assert bar.health_label.toolTip() == "The bank's server does not answer."
    assert bar.last_poll_label.text() == "Last check: 14:30:05"

    with qtbot.waitSignal(bridge.poller_health_changed):
        bus.publish(PollerHealthChanged(True, NOW + timedelta(minutes=2), "The gateway answers again."))
    assert bar.health_label.text() == "● Bank: OK"
    assert bar.last_poll_label.text() == "Last check: 14:32:05"
    bridge.close()


def test_last_check_is_read_from_the_poller(qtbot):
    last = [None]
    bar = ConsoleStatusBar("sandbox", last_poll=lambda: last[0])
    qtbot.addWidget(bar)
    assert bar.last_poll_label.text() == "Last check: —"
    last[0] = NOW
    bar.refresh_last_poll()
    assert bar.last_poll_label.text() == "Last check: 14:30:05"
    assert bar.health_label.text() == "● Bank: OK"  # a successful check proves the bank answers
    bar.set_health(False, None, "")
    bar.refresh_last_poll()  # an old success does not hide an outage
    assert bar.health_label.text() == "● Bank not reachable — retrying"
