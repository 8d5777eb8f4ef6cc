"""The big SANDBOX / TEST badge, for every screen that is not the status bar.

Same words and colour as the status bar's (``status_bar.environment_badge``), so a cashier sees at
a glance, on the login form, the lock screen and the "New payment" window, that no real money moves.
Production (a quiet environment) shows nothing: the badge hides itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from epay_desktop.ui.common import theme
from epay_desktop.ui.window.status_bar import environment_badge  # the one table of environments

__all__ = ["EnvironmentBadge"]


class EnvironmentBadge(QLabel):
    """A bold coloured banner; :meth:`set_environment` fills it (hidden for production)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("environment_badge")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def set_environment(self, environment: str | None) -> None:
        """Show the environment's badge, or hide it (production, or None: not known yet)."""
        if not environment:
            self.clear()
            self.hide()
            return
        text, tip, role = environment_badge(environment)
        if role is None:
            self.clear()
            self.hide()
            return
        self.setText(text)
        self.setToolTip(tip)
        self.setStyleSheet(theme.style("environment_badge", bg=role))
        self.show()

    @property
    def loud(self) -> bool:
        """True when the badge shows (a sandbox/test/custom environment)."""
        return bool(self.text())
