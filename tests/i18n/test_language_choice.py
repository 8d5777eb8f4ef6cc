"""Which language the console starts in and what a login remembers (decision 0045)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from epay_desktop.domain import Money
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.formatting import money_text
from epay_desktop.ui.common.language import DEFAULT_LANGUAGE
from epay_desktop.ui.common.language import language_of_locale
from epay_desktop.ui.common.language import last_language
from epay_desktop.ui.common.language import remember_language
from epay_desktop.ui.common.language import remembered_language
from epay_desktop.ui.common.language import settle_language_after_login
from epay_desktop.ui.common.language import startup_language
from epay_desktop.ui.common.language import system_language
from epay_desktop.ui.common.language import translations


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    translations().reset()


def test_the_locales_the_console_speaks() -> None:
    assert language_of_locale(QLocale("kk_KZ")) == "kk"
    assert language_of_locale(QLocale("ru_KZ")) == "ru"
    assert language_of_locale(QLocale("en_US")) == "en"
    assert language_of_locale(QLocale("de_DE")) is None
    assert DEFAULT_LANGUAGE == "ru"
    assert system_language() in ("kk", "ru", "en")


def test_start_in_the_last_logins_language_else_the_systems() -> None:
    assert last_language() is None
    assert startup_language() == system_language()
    remember_language("Айгерим", "kk")
    assert startup_language() == "kk"
    assert remembered_language("айгерим") == "kk"  # names are unique ignoring case
    assert remembered_language("Данияр") is None


def test_a_login_remembers_a_choice_made_on_the_login_screen() -> None:
    remember_language("Данияр", "kk")
    translations().switch("ru")
    settle_language_after_login("Данияр", chosen_here=True)
    assert remembered_language("Данияр") == "ru" and translations().language == "ru"


def test_a_login_without_a_choice_brings_the_users_own_language() -> None:
    remember_language("Данияр", "kk")
    translations().switch("ru")
    settle_language_after_login("Данияр", chosen_here=False)
    assert translations().language == "kk" and last_language() == "kk"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_money_and_list_times_do_not_follow_the_default_locale(lang: str) -> None:
    from datetime import UTC
    from datetime import datetime

    translations().switch(lang)
    assert money_text(Money(123_456)) == "1\u202f234,56\u00a0₸"
    assert money_text(Money(5)) == "0,05\u00a0₸"
    assert local_time_text(datetime(2026, 1, 15, 9, 30, tzinfo=UTC)) == "15.01.2026 14:30"
