"""PySide6's import hook reads each new module's source; the console keeps none of it in linecache
(issue 10, P5; decision 0061: 25 MB with the list open). Each case runs in a fresh interpreter, as
the hook sees only imports that come after PySide6."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

REPORT = """
import json, linecache, sys
feature = sys.modules["shibokensupport.feature"]
verdicts = {name: feature.pyside_feature_dict.get(name) for name in ("qasync", "csv")}
files = sorted(name for name in linecache.cache if not name.startswith("<"))
print(json.dumps({"verdicts": verdicts, "files": files}))
"""


def _run(code: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code) + REPORT],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def _named(files: list[str], *tails: str) -> list[str]:
    return [f for f in files if f.replace(os.sep, "/").endswith(tails)]


def test_pyside_alone_keeps_the_source_of_every_later_import() -> None:
    """What the fix is for (if a PySide6 upgrade stops doing this, pyside_sources.py can go)."""
    upstream = _run("import PySide6\nimport qasync, json.tool, csv\n")
    assert _named(upstream["files"], "/qasync/__init__.py", "/json/tool.py", "/csv.py")
    assert upstream["verdicts"] == {"qasync": 0, "csv": -1}  # 0: uses PySide6


def test_the_console_keeps_none_and_pyside_decides_as_before() -> None:
    ours = _run(
        """
        import linecache, os
        import epay_desktop.ui
        import epay_desktop.ui.app.main  # the console's Qt face, imported after the hook is wrapped
        import qasync, json.tool
        import csv as _csv_probe  # noqa: F401
        """
    )
    assert ours["verdicts"] == {"qasync": 0, "csv": -1}
    assert not _named(ours["files"], "/qasync/__init__.py", "/json/tool.py", "/csv.py", "/ui/main.py")
    assert not [f for f in ours["files"] if "/epay_desktop/" in f.replace(os.sep, "/")]


def test_a_source_cached_before_stays_cached() -> None:
    ours = _run(
        """
        import linecache, os, sysconfig
        import epay_desktop.ui
        linecache.getlines(os.path.join(sysconfig.get_paths()["stdlib"], "csv.py"))  # a traceback did
        import csv, json.tool
        """
    )
    assert _named(ours["files"], "/csv.py") and not _named(ours["files"], "/json/tool.py")


def test_wrapping_twice_wraps_once() -> None:
    from epay_desktop.ui.app.pyside_sources import forget_module_sources

    assert forget_module_sources() is True
    check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert forget_module_sources() is True
    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is check
