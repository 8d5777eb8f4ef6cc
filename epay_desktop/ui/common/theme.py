"""The console's colours: named roles read once from ``resources/theme`` (decision 0047).

Like Anki's ``aqt/theme.py``, callers name a role, never a colour:

- ``color("error")`` -> ``QColor`` for painting (badges, dots);
- ``css("page_bg")`` -> ``"#f4f6fa"`` for HTML the console writes itself (the checkout's small pages);
- ``style("error_label")`` -> a ready Qt style sheet, a named block of ``console.qss``; a block with
  ``$slots`` takes the roles from the caller: ``style("result_panel", bg="panel_approved", ...)``.

``resources/theme/colors.json`` holds every role (``role -> [#rrggbb, what it is for]``) and the text /
background pairs tests/ui/test_theme.py holds to WCAG AA contrast. The theme is light only; :func:`apply`
asks Qt for a light colour scheme so a dark system does not put these colours on a dark window.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from epay_desktop.resources import resource_path

__all__ = ["Theme", "ThemeError", "apply", "color", "css", "load_theme", "role_names", "style"]

COLORS_FILE = "colors.json"
STYLE_FILE = "console.qss"

_HEX = re.compile(r"#[0-9a-f]{6}")
_ANY_HEX = re.compile(r"(?<!\w)#[0-9a-f]{3,8}\b")  # a colour, not a selector (QFrame#lock_card)
_BLOCK_HEADER = re.compile(r"/\*\s*@(?P<name>[a-z_]+):[^*]*\*/")
_ROLE = re.compile(r"@(?P<name>[a-z_]+)")
_SLOT = re.compile(r"\$(?P<name>[a-z_]+)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


class ThemeError(LookupError):
    """The theme has no such role or style block, or its files are malformed: a broken installation."""


@dataclass(frozen=True, slots=True)
class Theme:
    """The loaded theme: role -> ``#rrggbb``, block name -> style sheet text (roles not yet filled in)."""

    roles: dict[str, str]
    purposes: dict[str, str]
    blocks: dict[str, str]
    pairs: tuple[tuple[str, str], ...]

    def css(self, role: str) -> str:
        try:
            return self.roles[role]
        except KeyError:
            raise ThemeError(
                f"The theme has no colour role {role!r} (resources/theme/{COLORS_FILE}). "
                "Reinstall epay-desktop (the installation is incomplete)."
            ) from None

    def style(self, name: str, **slots: str) -> str:
        try:
            block = self.blocks[name]
        except KeyError:
            raise ThemeError(
                f"The theme has no style {name!r} (resources/theme/{STYLE_FILE}). "
                "Reinstall epay-desktop (the installation is incomplete)."
            ) from None
        wanted = set(_SLOT.findall(block))
        if wanted != set(slots):
            raise ThemeError(f"The style {name!r} takes the roles {sorted(wanted)}, not {sorted(slots)}.")
        filled = _SLOT.sub(lambda match: self.css(slots[match["name"]]), block)
        return _ROLE.sub(lambda match: self.css(match["name"]), filled)


def _parse_blocks(text: str) -> dict[str, str]:
    headers = list(_BLOCK_HEADER.finditer(text))
    blocks: dict[str, str] = {}
    for index, header in enumerate(headers):
        end = headers[index + 1].start() if index + 1 < len(headers) else len(text)
        body = " ".join(_COMMENT.sub("", text[header.end() : end]).split())
        if header["name"] in blocks:
            raise ThemeError(f"The style {header['name']!r} is written twice in {STYLE_FILE}.")
        if _ANY_HEX.search(body.lower()):
            raise ThemeError(f"The style {header['name']!r} writes a colour; name a role (@role) instead.")
        blocks[header["name"]] = body
    return blocks


@cache
def load_theme() -> Theme:
    """Read ``resources/theme`` once; a missing file raises ResourceMissingError, a broken one ThemeError."""
    colors_path = resource_path("theme", COLORS_FILE)
    style_path = resource_path("theme", STYLE_FILE)
    try:
        data = json.loads(colors_path.read_text(encoding="utf-8"))
        entries = data["roles"]
        roles = {str(role): str(entry[0]).lower() for role, entry in entries.items()}
        purposes = {str(role): str(entry[1]) for role, entry in entries.items()}
        pairs = tuple((str(text), str(background)) for text, background in data["pairs"])
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise ThemeError(
            f"The theme file {colors_path} cannot be read ({exc}). Reinstall epay-desktop."
        ) from exc
    for role, value in roles.items():
        if not _HEX.fullmatch(value):
            raise ThemeError(f"The colour role {role!r} in {colors_path} is {value!r}, not #rrggbb.")
    theme = Theme(roles, purposes, _parse_blocks(style_path.read_text(encoding="utf-8")), pairs)
    for name, block in theme.blocks.items():
        for role in _ROLE.findall(block):
            if role not in roles:
                raise ThemeError(f"The style {name!r} names the role {role!r}, which {colors_path} lacks.")
    return theme


def role_names() -> frozenset[str]:
    return frozenset(load_theme().roles)


def css(role: str) -> str:
    """The role's colour as ``#rrggbb`` (for HTML and style sheets the console writes itself)."""
    return load_theme().css(role)


def color(role: str) -> QColor:
    """The role's colour for painting."""
    return QColor(load_theme().css(role))


def style(name: str, **slots: str) -> str:
    """The named block of ``console.qss`` with its roles filled in; ``slots``: slot name -> role."""
    return load_theme().style(name, **slots)


def apply(app: QApplication) -> None:
    """Fit the application to the theme: light, whatever the system's colour scheme (decision 0047).

    Asks Qt for the light scheme (Windows, macOS and GNOME/KDE honour it); where the platform keeps a
    dark palette anyway, the style's own light palette replaces it, so the role colours, chosen for a
    light window, never land on a dark one. Also loads the theme now: a broken installation is
    reported at start-up, not on a later screen.
    """
    load_theme()
    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    if app.palette().color(QPalette.ColorRole.Window).lightness() < 128:  # still dark
        app.setPalette(app.style().standardPalette())
