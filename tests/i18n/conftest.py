"""The walk through every screen (screens.py) lends its fixtures to every test module here."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from screens import screens_console, screens_sandbox

__all__ = ["screens_console", "screens_sandbox"]
