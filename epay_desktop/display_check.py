"""Can this process show a window? Asked before Qt is imported, so the answer is one line, not SIGABRT.

Qt aborts the whole process (``qFatal``) when it cannot open its platform plugin: with no display at
all, and on a fresh Debian where a library the xcb plugin links against (libxcb-cursor0 and friends)
is not installed. :func:`display_problem` finds both cases first and says what to do
(docs/fresh-machine.md). It never imports Qt; it only reads the environment and, for the xcb plugin,
asks the dynamic loader to load the plugin's libraries.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg

__all__ = ["display_problem", "qt_platform", "xcb_plugin_problem"]

# Qt platform plugins that need no display server.
HEADLESS_PLATFORMS = frozenset(
    {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}
)


def qt_platform(environ: Mapping[str, str]) -> str | None:
    """The platform plugin Qt will try first on Linux, or None when it has nothing to show windows on.

    ``QT_QPA_PLATFORM`` wins (its first entry, without ``:options``); otherwise Qt 6 takes wayland when
    a Wayland compositor is announced and xcb when an X display is.
    """
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0].strip().lower() or None
    if environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    if environ.get("DISPLAY"):
        return "xcb"
    return None


def _pyside_plugin(name: str) -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        plugin = Path(location) / "Qt" / "plugins" / "platforms" / name
        if plugin.is_file():
            return plugin
    return None


def xcb_plugin_problem(plugin: Path | None = None) -> str | None:
    """The loader's complaint when Qt's xcb plugin cannot be loaded (a missing system library), else None.

    Loading the plugin with ``dlopen`` resolves every library it links against, exactly as Qt would,
    but an error here is an exception instead of an abort. No plugin found (not a pip PySide6): None,
    Qt speaks for itself.
    """
    plugin = plugin or _pyside_plugin("libqxcb.so")
    if plugin is None:
        return None
    try:
        ctypes.CDLL(str(plugin), mode=getattr(os, "RTLD_LAZY", 1) | ctypes.RTLD_LOCAL)
    except OSError as exc:
        return str(exc)
    return None


def display_problem(environ: Mapping[str, str] | None = None) -> Message | None:
    """Why the console cannot open a window here (one sentence, with what to do), or None when it can."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None  # Windows and macOS always have their own platform plugin and a screen
    platform = qt_platform(env)
    # xcb or wayland asked for by name, but no server of that kind announced: Qt would abort as well.
    if (
        platform is None
        or (platform == "xcb" and not env.get("DISPLAY"))
        or (platform == "wayland" and not env.get("WAYLAND_DISPLAY"))
    ):
        return msg(
            "cli",
            QT_TRANSLATE_NOOP(
                "cli",
                "no display: DISPLAY and WAYLAND_DISPLAY are not set, so the console has nowhere to open its "
                "window; run it on a desktop, or set QT_QPA_PLATFORM=offscreen for a headless check",
            ),
        )
    if platform == "xcb":
        problem = xcb_plugin_problem()
        if problem:
            return msg(
                "cli",
                QT_TRANSLATE_NOOP(
                    "cli",
                    "cannot show windows: Qt's xcb plugin needs a system library that is missing "
                    "({problem}); run ./scripts/demo.sh as root to install them, or see "
                    "docs/fresh-machine.md for the apt-get line",
                ),
                problem=problem,
            )
    return None
