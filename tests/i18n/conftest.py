"""The walk through every screen (screens.py) lends its fixtures to every test module here."""

from __future__ import annotations

from tests.i18n.screens import screens_console, screens_sandbox

__all__ = ["screens_console", "screens_sandbox"]
