"""Pieces the console's forms repeat: a label for the text they compose (an error, a note, a reason),
and the name + PIN/password pair a person types to log in or to approve.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit

from epay_desktop.ui.common import theme

__all__ = ["name_and_secret", "text_label"]


def text_label(name: str, style: str = "", *, hidden: bool = False) -> QLabel:
    """An empty wrapping label named ``name`` whose text is plain (a name or a bank's message in it
    is never markup), in the theme's ``style`` ("": none), ``hidden`` until there is something to say."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(theme.style(style))
    if hidden:
        label.hide()
    return label


def name_and_secret(names: tuple[str, str], name_hint: str, secret_hint: str) -> tuple[QLineEdit, QLineEdit]:
    """A person's name and their PIN or password (masked as typed); ``names``: the two object names,
    the hints are the fields' placeholders (translated by the caller, in its own context)."""
    name_edit = QLineEdit()
    name_edit.setObjectName(names[0])
    name_edit.setPlaceholderText(name_hint)
    secret_edit = QLineEdit()
    secret_edit.setObjectName(names[1])
    secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
    secret_edit.setPlaceholderText(secret_hint)
    return name_edit, secret_edit
