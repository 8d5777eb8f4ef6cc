"""Issue 9, point 1: the console's colours live in ONE place, resources/theme, read by ui/common/theme.py
(decision 0047). The code names roles, never colours; every role and style block is used; every text
colour meets WCAG AA (4.5:1) on what it is drawn on; and the running console really shows the theme."""

from __future__ import annotations

import ast
import dataclasses
import io
import re
import tokenize
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QLabel

import epay_desktop
from epay_desktop.resources import ResourceMissingError
from epay_desktop.ui.app.main import configure_application
from epay_desktop.ui.checkout import result as result_view
from epay_desktop.ui.checkout.shell import info_page
from epay_desktop.ui.common import theme
from epay_desktop.ui.money import money_dialog
from epay_desktop.ui.settings import settings_pages
from epay_desktop.ui.widgets.status_badge import Tone
from epay_desktop.ui.widgets.status_badge import tone_roles
from epay_desktop.ui.window import status_bar
from tests.support.code_strings import code_strings

PACKAGE = Path(epay_desktop.__file__).parent
UI = PACKAGE / "ui"
SOURCES = [*sorted(path for path in UI.rglob("*.py") if path.name != "theme.py"), PACKAGE / "app.py"]
SLOW = 15_000
AA = 4.5

# -- (a) no colour written outside the theme ---------------------------------------------------------

_HEX = re.compile(r"(?<![\w-])#[0-9a-fA-F]{3,8}\b")  # a colour; QFrame#lock_card is a selector
_CSS_FUNCTION = re.compile(r"\b(?:rgba?|hsla?)\s*\(", re.IGNORECASE)
# a colour property with a written value (an f-string's {theme.css(...)} is a looked-up one)
_CSS_COLOUR = re.compile(r"(?:^|[\s;{])(?:color|background(?:-color)?|border(?:-[a-z]+)?-color)\s*:\s*(?!\{)")
_BORDER_COLOUR = re.compile(r"\bborder(?:-(?:top|right|bottom|left))?\s*:[^;}]*\bsolid\s+[^;}\s]")


def colour_literals(source: str) -> list[str]:
    """Every colour the source writes itself: hex / rgb() / colour properties in strings, QColor(...)
    with arguments, and Qt.GlobalColor other than transparent."""
    found: list[str] = []
    tree = ast.parse(source)
    docstrings = {  # prose ("... in the background: ...") is not a style sheet
        body[0].lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and (body := node.body)
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    }
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.STRING or token.start[0] in docstrings:
            continue
        text = token.string
        for pattern in (_HEX, _CSS_FUNCTION, _CSS_COLOUR, _BORDER_COLOUR):
            found += [f"line {token.start[0]}: {hit.group(0).strip()!r}" for hit in pattern.finditer(text)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (node.args or node.keywords):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "QColor":
                found.append(f"line {node.lineno}: QColor(...)")
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "GlobalColor"
            and node.attr != "transparent"
        ):
            found.append(f"line {node.lineno}: Qt.GlobalColor.{node.attr}")
    return found


def test_the_scan_finds_every_kind_of_written_colour() -> None:
    bad = (
        'a = "QLabel { color: #b71c1c; }"\n'
        'b = "background: white"\n'
        "c = QColor(0, 0, 0)\n"
        "d = Qt.GlobalColor.red\n"
        'e = f"QFrame {{ border: 1px solid {x}; }}"\n'
        'f = "rgb(1, 2, 3)"\n'
    )
    assert len(colour_literals(bad)) >= 6
    fine = 'a = theme.style("error_label")\nb = "QFrame#lock_card"\nc = Qt.GlobalColor.transparent\n'
    assert colour_literals(fine) == []
    prose = 'def f():\n    """In the background: it waits."""\n    return "QLabel { background: red; }"\n'
    assert colour_literals(prose) == ["line 3: 'background:'"]


def test_no_ui_module_writes_a_colour_itself() -> None:
    offences = {
        str(path.relative_to(PACKAGE)): found
        for path in SOURCES
        if (found := colour_literals(path.read_text(encoding="utf-8")))
    }
    assert offences == {}, "name a theme role (epay_desktop/ui/common/theme.py) instead of writing a colour"


# -- (b) every role and block exists and is used -----------------------------------------------------


def _theme_calls(tree: ast.AST) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "theme"
        and node.func.attr in {"color", "css", "style"}
    ]


def _strings(tree: ast.AST) -> set[str]:
    return {node.value for node in code_strings(tree)}


def test_every_role_and_style_the_code_names_exists_and_every_one_is_used() -> None:
    loaded = theme.load_theme()
    named: set[str] = set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        named |= _strings(tree)
        for call in _theme_calls(tree):
            kind = call.func.attr  # type: ignore[attr-defined]
            if call.args and isinstance(call.args[0], ast.Constant):
                first = call.args[0].value
                assert first in (loaded.blocks if kind == "style" else loaded.roles), (path.name, first)
            for keyword in call.keywords:
                if isinstance(keyword.value, ast.Constant):
                    assert keyword.value.value in loaded.roles, (path.name, keyword.value.value)
    # names kept in tables, looked up by variables: each must be a role / block
    tables = [
        *(role for tone in Tone for role in tone_roles(tone)),
        *result_view._TONE.values(),
        *(role for pair in result_view._PANEL.values() for role in pair),
        *(entry[2] for entry in status_bar._ENVIRONMENTS.values() if entry[2] is not None),
        status_bar._GREEN,
        status_bar._RED,
        status_bar._GREY,
    ]
    assert set(tables) <= set(loaded.roles)
    assert money_dialog._UNKNOWN_STYLE in loaded.blocks
    for name in (settings_pages._NOTE_STYLE, settings_pages._WARN_STYLE):
        assert name in loaded.blocks
    used_blocks = set(loaded.blocks) & named
    assert set(loaded.blocks) - used_blocks == set(), "style blocks no code uses"
    used_roles = (set(loaded.roles) & named) | {
        role for block in used_blocks for role in re.findall(r"@([a-z_]+)", loaded.blocks[block])
    }
    assert set(loaded.roles) - used_roles == set(), "colour roles no code or style uses"


def test_a_missing_role_block_or_file_is_named_in_the_error() -> None:
    with pytest.raises(theme.ThemeError, match="no colour role 'no_such_role'"):
        theme.css("no_such_role")
    with pytest.raises(theme.ThemeError, match="no style 'no_such_style'"):
        theme.style("no_such_style")
    with pytest.raises(theme.ThemeError, match="takes the roles"):
        theme.style("result_panel", bg="panel_approved")  # its $border is missing


def test_a_broken_installation_without_the_theme_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from epay_desktop import resources

    (tmp_path / "icons").mkdir()
    monkeypatch.setattr(resources, "resources_dir", lambda: tmp_path)
    theme.load_theme.cache_clear()
    try:
        with pytest.raises(ResourceMissingError, match=r"theme.colors\.json is missing.*Reinstall"):
            theme.load_theme()
    finally:
        monkeypatch.undo()
        theme.load_theme.cache_clear()
    assert theme.css("error")  # the real theme loads again


# -- (c) contrast ------------------------------------------------------------------------------------


def luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_matches_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-fails grey
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def _rules(block: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, {property: value}) of each rule of a style block."""
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", block):
        props = {
            name.strip(): value.strip()
            for name, value in (part.split(":", 1) for part in body.split(";") if ":" in part)
        }
        rules.append((selector.strip(), props))
    return rules


def _role(value: str) -> str | None:
    match = re.search(r"@([a-z_]+)", value)
    return match[1] if match else None


def test_every_text_and_background_pair_meets_wcag_aa(qapp: Any) -> None:
    loaded = theme.load_theme()
    roles = loaded.roles
    pairs = set(loaded.pairs)
    failing = [(t, b, contrast(roles[t], roles[b])) for t, b in pairs if contrast(roles[t], roles[b]) < AA]
    assert failing == []
    # the status tones (decision 0024): words on their badge
    for tone in Tone:
        background, text = tone_roles(tone)
        assert contrast(roles[text], roles[background]) >= AA, tone
    # the result screen's title on its panel, the SANDBOX / TEST badges under white words
    for outcome, title in result_view._TONE.items():
        assert (title, result_view._PANEL[outcome][0]) in pairs, outcome
    assert ("text_neutral", "panel_neutral") in pairs  # any other outcome
    for entry in status_bar._ENVIRONMENTS.values():
        if entry[2] is not None:
            assert ("on_strong", entry[2]) in pairs
    # the window the plain texts are drawn on: the light palette the console runs with
    theme.apply(qapp)
    palette = qapp.palette()
    grounds = {palette.color(QPalette.ColorRole.Window).name(), palette.color(QPalette.ColorRole.Base).name()}
    on_window = {status_bar._GREEN, status_bar._RED, status_bar._GREY}
    for name, block in loaded.blocks.items():
        rules = _rules(block)
        backgrounds = {_role(props["background"]) for _s, props in rules if "background" in props} - {None}
        for selector, props in rules:
            text = _role(props.get("color", ""))
            if text is None or ":disabled" in selector:  # WCAG exempts inactive controls
                continue
            if "background" in props and "$" in props["background"]:
                continue  # the caller's roles: the tone, outcome and environment tables are checked above
            background = _role(props.get("background", ""))
            if background is not None:
                assert (text, background) in pairs, (name, selector, "list the pair in colors.json")
            elif backgrounds:
                assert any((text, ground) in pairs for ground in backgrounds), (name, selector)
            else:
                on_window.add(text)
    weak = [(role, ground) for role in on_window for ground in grounds if contrast(roles[role], ground) < AA]
    assert weak == [], "text roles too pale for the window"


def test_the_console_stays_light_on_a_dark_system(qapp: Any) -> None:
    saved = QPalette(qapp.palette())
    dark = QPalette(saved)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        dark.setColor(role, QColor(30, 30, 30))
    dark.setColor(QPalette.ColorRole.WindowText, QColor(230, 230, 230))
    qapp.setPalette(dark)  # what a platform that ignores the light request leaves behind
    try:
        theme.apply(qapp)
        window = qapp.palette().color(QPalette.ColorRole.Window)
        assert window.lightness() > 200
        assert contrast(theme.css("error"), window.name()) >= AA
    finally:
        qapp.setPalette(saved)


# -- (d) the running console shows the theme ---------------------------------------------------------


@pytest.fixture
def recoloured(monkeypatch: pytest.MonkeyPatch) -> str:
    """The theme with the error role changed: whatever shows it read the theme, not a copy."""
    real = theme.load_theme()
    changed = dataclasses.replace(real, roles={**real.roles, "error": "#a0105a"})
    monkeypatch.setattr(theme, "load_theme", lambda: changed)
    return "#a0105a"


def test_a_wrong_pin_on_the_real_lock_screen_is_shown_in_the_theme_colour(
    recoloured: str, real_console: Any, qtbot: Any
) -> None:
    form = real_console.controller.session.lock_screen.form
    qtbot.waitUntil(form.isVisible, timeout=SLOW)
    form.name_edit.setText("Айгерим")
    qtbot.keyClicks(form.secret_edit, "9999")  # the cashier's PIN is 1111
    qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
    label: QLabel = form.error_label
    qtbot.waitUntil(lambda: label.isVisible() and bool(label.text()), timeout=SLOW)
    label.ensurePolished()
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == recoloured
    image = label.grab().toImage()
    drawn = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert recoloured in drawn  # the words are painted in it


def test_the_checkout_pages_css_comes_from_the_theme() -> None:
    page = info_page("Paid", "The payment went through.")
    assert f"background:{theme.css('page_bg')}" in page
    assert f"color:{theme.css('text_neutral')}" in page


def test_start_up_applies_the_theme(restore_app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    applied: list[QApplication] = []
    monkeypatch.setattr(theme, "apply", applied.append)
    configure_application(restore_app)  # what run_gui does once
    assert applied == [restore_app]
