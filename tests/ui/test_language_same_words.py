"""One English word said differently in two places follows a live switch in each place (decision 0160).

A shown text's source is looked up by its words on the first switch: "Name" shown by a shop form and by a
person's form was translated from whichever form asked for "Name" last, so one of them showed the other's
word (the i18n walk met it as 'Close' in a window made while another "Close" was untranslated). The
source is now the one whose context is a class of the widget or of its nearest parent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QLabel, QWidget

from epay_desktop.ui.common import language
from epay_desktop.ui.common.language import translations

WORDS = {("_ShopForm", "Name"): "Атауы", ("_PersonForm", "Name"): "Аты"}


class _Words(QTranslator):
    """A Kazakh catalogue in which "Name" is said two ways, by context."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return WORDS.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


class _ShopForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self.tr("Name"), self)


class _PersonForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self.tr("Name"), self)


@pytest.fixture
def kazakh_words(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    catalogue = _Words()
    monkeypatch.setattr(language, "_load_catalogue", lambda lang: catalogue if lang == "kk" else None)
    yield
    translations().switch("en")


@pytest.mark.usefixtures("kazakh_words")
def test_the_same_english_word_said_two_ways_follows_the_switch_in_each_place(qtbot: Any) -> None:
    translations().switch("en")
    shop, person = _ShopForm(), _PersonForm()  # the person's form asked for "Name" last
    for form in (shop, person):
        qtbot.addWidget(form)
        form.show()
    assert shop.label.text() == person.label.text() == "Name"
    translations().switch("kk")
    assert (shop.label.text(), person.label.text()) == ("Атауы", "Аты")
    translations().switch("en")
    assert (shop.label.text(), person.label.text()) == ("Name", "Name")
    translations().switch("kk")
    assert (shop.label.text(), person.label.text()) == ("Атауы", "Аты")
