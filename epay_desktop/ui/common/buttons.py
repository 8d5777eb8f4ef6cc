"""The row of buttons under a dialog: Qt's standard ones and the dialog's own default button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QPushButton

from epay_desktop.ui.common.naming import named

__all__ = ["dialog_buttons"]


def dialog_buttons(
    dialog: QDialog,
    standard: QDialogButtonBox.StandardButton,
    text: str,
    name: str,
    on_accept: Callable[[], object],
) -> tuple[QDialogButtonBox, QPushButton]:
    """The ``standard`` buttons (Cancel, Close: they reject ``dialog``) and the default button ``text``
    (object name ``name``), which calls ``on_accept``; the box and that button.

    The box is made inside ``dialog``: a button made the default before it is in its dialog is not the
    dialog's default, and on show Qt makes the first button (Cancel) the default, so Enter cancelled."""
    buttons = QDialogButtonBox(standard, dialog)
    button = named(buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole), name)
    button.setDefault(True)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, button
