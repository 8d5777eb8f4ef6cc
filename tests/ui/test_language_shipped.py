"""The shipped Russian and Kazakh catalogues on the real console (decision 0045): a click on the
login screen's selector puts the lock screen in that language at once, and after login the main
window's menus are in it. Expected texts are read from ``resources/i18n/*.ts`` (not repeated here)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from epay_desktop.domain import Money
from epay_desktop.resources import translations_dir
from epay_desktop.ui.common.formatting import money_text
from epay_desktop.ui.common.language import translations

LEFT = Qt.MouseButton.LeftButton
REAL_MANAGER, REAL_MANAGER_PIN = "Данияр", "2222"  # the real_console fixture's manager (tests/ui/conftest.py)
LOCALE = {"ru": QLocale.Language.Russian, "kk": QLocale.Language.Kazakh}


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    translations().reset()


def _shipped(lang: str, context: str, source: str) -> str:
    ts = translations_dir() / f"epay_desktop_{lang}.ts"
    for ctx in ET.parse(ts).getroot().iter("context"):  # noqa: S314  (our own file)
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                if message.findtext("source") == source:
                    return message.findtext("translation") or ""
    raise AssertionError(f"{ts.name} has no {context}/{source!r}")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_shipped_language_on_the_real_console(real_console, qtbot, lang):
    lock = real_console.controller.session.lock_screen
    form = lock.form
    qtbot.waitUntil(form.isVisible)
    qtbot.mouseClick(form.language_selector.buttons[lang], LEFT)

    title = _shipped(lang, "LockScreen", "Log in to the ePay console")
    assert title and title != "Log in to the ePay console"
    assert form.title_label.text() == title
    assert form.name_label.text() == _shipped(lang, "LoginForm", "User")
    assert form.login_button.text() == _shipped(lang, "LockScreen", "Log in")
    assert QLocale().language() == LOCALE[lang]
    assert money_text(Money(123_456)) == "1\u202f234,56\u00a0₸"

    real_console.log_in(REAL_MANAGER, REAL_MANAGER_PIN)
    titles = [a.text() for a in real_console.window.menuBar().actions()]
    payment = _shipped(lang, "ConsoleActions", "&Payment")
    assert payment in titles and "&Payment" not in titles, titles
    menu = next(m for m in real_console.window.menuBar().findChildren(QMenu) if m.title() == payment)
    new_payment = next(a for a in menu.actions() if a.shortcut().toString() == "F2")
    assert new_payment.text() == _shipped(lang, "ConsoleActions", "&New payment…")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_payment_count_fits_after_a_switch(real_console, qtbot, lang):
    """Seen in the Kazakh walk: the count label kept the width measured in English, so "100" was cut
    off the front of "100 төлем көрсетілді, төменде тағы бар"."""
    bar = real_console.window.payments_view.filters
    form = real_console.controller.session.lock_screen.form
    qtbot.waitUntil(form.isVisible)
    qtbot.mouseClick(form.language_selector.buttons[lang], LEFT)
    label = bar.count_label
    widest = QCoreApplication.translate("PaymentsView", "%n payment(s)", None, 9_999_999)  # the true count
    qtbot.waitUntil(lambda: label.width() >= label.fontMetrics().horizontalAdvance(widest))
