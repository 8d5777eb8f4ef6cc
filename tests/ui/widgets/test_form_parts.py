"""The form pieces the login, the manager's approval and the checkout share: what a person types as
a PIN is never shown, and a label's text is never read as markup (a name or a bank's message)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from epay_desktop.ui.session.login import LoginForm
from epay_desktop.ui.widgets.form_parts import name_and_secret
from epay_desktop.ui.widgets.form_parts import text_label


def test_the_secret_is_masked_and_the_name_is_not(qtbot: Any) -> None:
    name, secret = name_and_secret(("who", "pin"), "Your name", "PIN or password")
    qtbot.addWidget(name)
    qtbot.addWidget(secret)
    assert (name.objectName(), secret.objectName()) == ("who", "pin")
    assert name.echoMode() is QLineEdit.EchoMode.Normal
    assert secret.echoMode() is QLineEdit.EchoMode.Password
    assert (name.placeholderText(), secret.placeholderText()) == ("Your name", "PIN or password")


def test_a_text_label_shows_markup_as_typed_and_hides_until_asked(qtbot: Any) -> None:
    label = text_label("note", "error_label", hidden=True)
    qtbot.addWidget(label)
    label.setText("<b>Aigerim</b>")
    assert label.textFormat() is Qt.TextFormat.PlainText and label.wordWrap()
    assert label.objectName() == "note" and label.isHidden()
    assert label.styleSheet()  # the theme's error_label block
    assert not text_label("plain").styleSheet()


def test_the_login_form_asks_for_the_pin_masked(qtbot: Any) -> None:
    form = LoginForm(users=None)  # the fields only: no log-in is tried
    qtbot.addWidget(form)
    assert form.secret_edit.echoMode() is QLineEdit.EchoMode.Password
    assert form.error_label.isHidden() and form.notice_label.isHidden()
