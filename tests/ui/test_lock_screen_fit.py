"""The lock screen's card grows with its word-wrapped texts (a Kazakh hint, a long error): the
buttons under them keep their full height instead of being squeezed and cut off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Role
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.session.lock_screen import LockScreen
from epay_desktop.ui.session.login import DemoLogin

DEMO = [DemoLogin("Айгерим", "1111", Role.CASHIER), DemoLogin("Данияр", "2222", Role.MANAGER)]
LONG = "The name or the PIN is wrong. " * 6


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    translations().reset()
    _windows.clear()


_windows: list[QWidget] = []  # kept alive for the test (qtbot closes them)


def _lock_screen(qtbot) -> LockScreen:
    window = QWidget()
    _windows.append(window)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    lock = LockScreen(window, users=None, demo_users=DEMO)  # type: ignore[arg-type]  (no login here)
    window.show()
    lock.show_login()
    return lock


def _whole(lock: LockScreen) -> bool:
    buttons = [*lock.form.findChildren(QPushButton, "demo_user"), lock.form.login_button]
    return all(b.height() >= b.sizeHint().height() for b in buttons)


def test_a_long_error_does_not_squeeze_the_buttons(qtbot):
    lock = _lock_screen(qtbot)
    qtbot.waitUntil(lambda: _whole(lock))
    lock.form.show_error(LONG)
    qtbot.waitUntil(
        lambda: (
            lock.form.error_label.height()
            >= lock.form.error_label.heightForWidth(lock.form.error_label.width())
        )
    )
    qtbot.waitUntil(lambda: _whole(lock))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_shipped_languages_fit(qtbot, lang):
    lock = _lock_screen(qtbot)
    qtbot.mouseClick(lock.form.language_selector.buttons[lang], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _whole(lock))
    hint = lock.form.hint_label
    qtbot.waitUntil(lambda: hint.height() >= hint.heightForWidth(hint.width()))
