"""The language selector on the real console's login screen (decision 0045): a click switches the lock
screen at once, the main window's menus are in that language after login, the choice is remembered
for the user, and the payment page's language follows.

Most tests use a tiny catalogue compiled here with pyside6-lrelease (the machinery, whatever the
translators' files hold today); the last ones use the shipped ``resources/i18n`` files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt

from epay_desktop.domain import Money
from epay_desktop.ui.checkout.form import NewPaymentForm
from epay_desktop.ui.common import language
from epay_desktop.ui.common.formatting import money_text
from epay_desktop.ui.common.language import current_language
from epay_desktop.ui.common.language import page_language
from epay_desktop.ui.common.language import remember_language
from epay_desktop.ui.common.language import remembered_language
from epay_desktop.ui.common.language import translations
from tests.support.catalogue import compile_catalogue

LEFT = Qt.MouseButton.LeftButton
REAL_MANAGER, REAL_MANAGER_PIN = (
    "Данияр",
    "2222",
)  # the real_console fixture's accounts (tests/ui/conftest.py)
REAL_CASHIER, REAL_CASHIER_PIN = "Айгерим", "1111"

#: (context, English source, "Kazakh" of the test catalogue)
TEST_KK = [
    ("LoginForm", "Log in to the ePay console", "ePay консоліне кіру"),
    ("LoginForm", "Log in", "Кіру"),
    ("LoginForm", "User", "Пайдаланушы"),
    ("LockScreen", "Log in to the ePay console", "ePay консоліне кіру"),
    ("LockScreen", "Log in", "Кіру"),
    ("LockScreen", "Log in as someone else", "Басқа пайдаланушы ретінде кіру"),
    ("ConsoleActions", "&Payment", "&Төлем"),
    ("ConsoleActions", "&Session", "&Сеанс"),
    ("ConsoleActions", "&Help", "&Анықтама"),
    ("ConsoleActions", "&Print receipt", "Чекті &басып шығару"),
    ("ConsoleStatusBar", "{name} · {role}", "{name} · {role} (kk)"),
    ("ConsoleStatusBar", "manager", "менеджер"),
    (
        "users",
        "The role “{actor_role}” may not add “{role}” accounts.",
        "«{actor_role}» рөлі «{role}» қоса алмайды.",
    ),
    ("PaymentDetailView", "What happened", "Не болды"),
    ("ConsoleStatusBar", "SANDBOX", "ОҚУ ОРТАСЫ"),
    ("words", "cashier", "кассир"),
    ("words", "admin", "әкімші"),
]


@pytest.fixture
def test_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "i18n"
    folder.mkdir()
    compile_catalogue(folder, "kk", TEST_KK)
    monkeypatch.setattr(language, "translations_dir", lambda: folder)
    return folder


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    translations().reset()


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_selector_switches_the_lock_screen_at_once_and_the_menus_after_login(
    real_console, qtbot, test_catalogue
):
    lock = real_console.controller.session.lock_screen
    form = lock.form
    qtbot.waitUntil(form.isVisible)
    assert form.title_label.text() == "Log in to the ePay console"
    assert [b.text() for b in form.language_selector.buttons.values()] == ["Қазақша", "Русский", "English"]

    qtbot.mouseClick(form.language_selector.buttons["kk"], LEFT)

    # the lock screen at once: its own texts (set per mode) and the form's
    assert current_language() == "kk"
    assert form.title_label.text() == "ePay консоліне кіру"
    assert form.login_button.text() == "Кіру"
    assert form.name_label.text() == "Пайдаланушы"
    assert form.language_selector.buttons["kk"].isChecked()
    assert QLocale().language() == QLocale.Language.Kazakh  # dates and the calendar follow
    # widgets built before the switch (the main window behind the lock screen) follow too
    assert real_console.window.payments_view.locale().language() == QLocale.Language.Kazakh
    assert money_text(Money(123_456)) == "1\u202f234,56\u00a0₸"  # money does not

    real_console.log_in(REAL_MANAGER, REAL_MANAGER_PIN)
    titles = _menu_titles(real_console.window)
    assert "&Төлем" in titles and "&Сеанс" in titles and "&Анықтама" in titles, titles
    assert "&Payment" not in titles
    assert remembered_language(REAL_MANAGER) == "kk"  # chosen on the login screen: remembered for them
    assert page_language() == "kaz"
    next_sale = NewPaymentForm()
    qtbot.addWidget(next_sale)
    next_sale.set_request(None)
    assert next_sale.language_box.currentData() == "kaz"  # the next sale's payment page


def test_back_to_english_live(real_console, qtbot, test_catalogue):
    form = real_console.controller.session.lock_screen.form
    qtbot.waitUntil(form.isVisible)
    qtbot.mouseClick(form.language_selector.buttons["kk"], LEFT)
    real_console.log_in(REAL_MANAGER, REAL_MANAGER_PIN)
    assert "&Төлем" in _menu_titles(real_console.window)

    real_console.controller.session.switch_user()  # "Log in as someone else" shows the selector again
    qtbot.mouseClick(form.language_selector.buttons["en"], LEFT)
    assert form.title_label.text() == "Log in to the ePay console"
    assert "&Payment" in _menu_titles(real_console.window)  # the open window follows, no restart
    assert page_language() == "eng"
    assert money_text(Money(123_456)) == "1\u202f234,56\u00a0₸"


def test_a_remembered_language_is_used_at_login(real_console, qtbot, test_catalogue):
    remember_language(REAL_CASHIER, "kk")
    form = real_console.controller.session.lock_screen.form
    qtbot.waitUntil(form.isVisible)
    assert current_language() == "en"

    real_console.log_in(REAL_CASHIER, REAL_CASHIER_PIN)  # the selector untouched: their own choice

    assert current_language() == "kk"
    assert "&Төлем" in _menu_titles(real_console.window)
    real_console.controller.session.lock()
    assert (
        real_console.controller.session.lock_screen.switch_button.text() == "Басқа пайдаланушы ретінде кіру"
    )


def test_the_lock_screen_keeps_its_mode_when_switched(real_console, qtbot, test_catalogue):
    """Locked: a switch re-translates the unlock texts, not back to the login form's."""
    session = real_console.controller.session
    real_console.log_in(REAL_CASHIER, REAL_CASHIER_PIN)
    session.lock()
    form = session.lock_screen.form
    qtbot.waitUntil(form.isVisible)
    assert form.login_button.text() == "Unlock"
    qtbot.mouseClick(form.language_selector.buttons["kk"], LEFT)
    assert form.login_button.text() == "Unlock"  # not in the test catalogue: stays English...
    assert form.name_edit.isReadOnly() and form.name_edit.text() == REAL_CASHIER  # ...and still unlock mode
    assert session.lock_screen.switch_button.text() == "Басқа пайдаланушы ретінде кіру"


def test_the_words_in_a_service_message_are_translated_too(real_console, arun, qtbot, test_catalogue):
    """Decision 0013's next step: the role names filled into a refusal follow the language."""
    from epay_desktop.domain import Role
    from epay_desktop.ui.common.asyncqt import user_message_of

    ctx = real_console.ctx
    cashier = arun(ctx.users.authenticate(REAL_CASHIER, REAL_CASHIER_PIN))
    with pytest.raises(Exception) as refused:
        arun(ctx.users.add_user("Олжас", Role.ADMIN, "9876", cashier))
    assert user_message_of(refused.value) == "The role “cashier” may not add “admin” accounts."
    translations().switch("kk")
    assert user_message_of(refused.value) == "«кассир» рөлі «әкімші» қоса алмайды."


def test_texts_the_window_composes_follow_a_switch_too(real_console, qtbot, test_catalogue):
    """The actions' texts set per state (not just at construction) are made again on a switch."""
    session = real_console.controller.session
    real_console.log_in(REAL_MANAGER, REAL_MANAGER_PIN)
    actions = real_console.window.commands
    assert actions.print_receipt.text() == "&Print receipt"
    assert real_console.window.status_bar.user_label.text() == f"{REAL_MANAGER} · manager"
    session.switch_user()
    form = session.lock_screen.form
    qtbot.waitUntil(form.isVisible)
    qtbot.mouseClick(form.language_selector.buttons["kk"], LEFT)
    assert actions.print_receipt.text() == "Чекті &басып шығару"
    # composed with .format (the generic pass cannot know it): made again by the controller
    assert real_console.window.status_bar.user_label.text() == f"{REAL_MANAGER} · менеджер (kk)"


def test_column_headers_of_open_windows_follow_a_switch(real_console, qtbot, test_catalogue):
    """Seen in the Kazakh walk: the detail's timeline kept "Time / What happened" after a live switch."""
    timeline = real_console.window.detail_view.timeline
    assert timeline.headerItem().text(1) == "What happened"
    form = real_console.controller.session.lock_screen.form
    qtbot.waitUntil(form.isVisible)
    qtbot.mouseClick(form.language_selector.buttons["kk"], LEFT)
    qtbot.waitUntil(lambda: timeline.headerItem().text(1) == "Не болды")
    assert real_console.window.windowTitle().startswith("ОҚУ ОРТАСЫ")  # the composed titles too
    assert real_console.controller.checkout_window.windowTitle().endswith("ОҚУ ОРТАСЫ")
