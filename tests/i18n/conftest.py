"""The walk through every screen (screens.py) lends its fixtures to every test module here. The PINs of
the consoles started here are hashed at Argon2id's smallest cost (tests.support.quick_pins): a walk
signs in again at every language switch, and the PIN check is not what these tests look at."""

from __future__ import annotations

import pytest

from tests.i18n.screens import screens_console
from tests.i18n.screens import screens_sandbox
from tests.support.quick_pins import quick_pin_hashes

__all__ = ["screens_console", "screens_sandbox"]


@pytest.fixture(autouse=True)
def _quick_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_pin_hashes(monkeypatch)
