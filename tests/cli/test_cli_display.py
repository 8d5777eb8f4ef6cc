"""A machine that cannot show a window: the CLI entry says so in one line instead of Qt's SIGABRT.

Each test starts ``python -m epay_desktop`` (the console entry point) as a child process with the
display variables removed; nothing here needs an X server or a sandbox. Before these checks, Qt
aborted the process (exit -6, "could not connect to display") when no display was set.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARS and not k.startswith("EPAY")}
    env["EPAYMENT_HOME"] = str(tmp_path / "home")
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=REPO, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("args", [[], ["--demo"]], ids=["console", "demo"])
def test_no_display_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = _run([sys.executable, "-m", "epay_desktop", *args], _env(tmp_path))
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("epay-desktop: no display: "), lines[0]
    assert "run it on a desktop" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert result.stdout == ""


def test_a_missing_xcb_library_is_named_before_qt_starts(tmp_path: Path) -> None:
    """A display, but the xcb plugin's libraries are not all installed (the fresh-Debian abort).

    A copy of the real plugin outside PySide6's tree cannot find ``libQt6XcbQpa.so.6`` (its RUNPATH is
    relative): the same "cannot open shared object file" the loader gives for a missing libxcb-cursor0.
    """
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        pytest.skip("PySide6 without its xcb plugin")
    copy = tmp_path / "elsewhere" / "libqxcb.so"
    copy.parent.mkdir()
    shutil.copy(plugin, copy)
    code = (
        "import sys; from pathlib import Path; import epay_desktop.display_check as d; "
        f"d._pyside_plugin = lambda name: Path({str(copy)!r}); "
        "from epay_desktop.cli import main; raise SystemExit(main(sys.argv[1:]))"
    )
    # DISPLAY names no server: the check must answer before anything connects to it.
    result = _run([sys.executable, "-c", code, "--demo"], _env(tmp_path, DISPLAY=":4242"))
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("epay-desktop: cannot show windows: "), lines[0]
    # the loader's own words: libQt6XcbQpa.so.6 is the plugin's first NEEDED entry, so it is named first
    assert re.search(r"\(libQt6XcbQpa\.so\.6: cannot open shared object file", lines[0]), lines[0]
    assert "docs/fresh-machine.md" in lines[0]


def test_offscreen_is_not_refused() -> None:
    from epay_desktop.display_check import display_problem
    from epay_desktop.display_check import qt_platform

    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "minimal:enable_fonts"}) is None
    assert qt_platform({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == "wayland"
    assert qt_platform({"DISPLAY": ":0"}) == "xcb"
    assert qt_platform({"QT_QPA_PLATFORM": "xcb;wayland", "WAYLAND_DISPLAY": "w"}) == "xcb"
    assert qt_platform({}) is None
    # asked for by name, but nothing of that kind is running: Qt would abort here too
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}) is not None
    assert display_problem({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}) is not None
