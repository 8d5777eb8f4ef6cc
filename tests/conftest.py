"""Test-wide set-up: headless Qt, QtWebEngine allowed as root (tests only), no real gateway."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests run as root in CI; Chromium refuses to start there without this. Never set in the shipped app.
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --log-level=3")
os.environ.setdefault("QT_API", "pyside6")
# Nothing in the suite may talk to the real gateway: clear any EPAYMENT_* the caller exported.
for _name in list(os.environ):
    if _name.startswith("EPAYMENT_"):
        del os.environ[_name]
