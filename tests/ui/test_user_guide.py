"""Help > User guide (Shift+F1) on the REAL console (decision 0153), and the three guides kept in step.

- The guides: docs/user-guide.md (the English source) and resources/guide/user-guide.{ru,kk}.md keep the
  same sections in the same order and, in each section, the same number of table rows, list items and
  numbered steps: a language that gains or loses a section, a step or a row fails here. Their images are
  screenshots in their own language that exist (the English guide's: any that exist); the window shows
  none of them (the wheel carries no screenshots), so no image is ever broken.
- The window: opened from the Help menu in Russian it shows the Russian guide; a live switch to Kazakh
  shows the Kazakh guide at the same section; Ctrl+F goes to its find field and the words found are
  highlighted; closed with Esc and switched to Russian meanwhile (the hidden guide is not laid out again
  at the switch), Shift+F1 in the payment list brings the same window back, in Russian, at its section.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence

from epay_desktop.resources import GUIDE_SOURCE
from epay_desktop.resources import ResourceMissingError
from epay_desktop.resources import resources_dir
from epay_desktop.resources import user_guide_file
from epay_desktop.ui.common.language import LANGUAGES
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.window import user_guide as guide_module
from epay_desktop.ui.window.user_guide import UserGuideWindow
from epay_desktop.ui.window.user_guide import guide_markdown
from tests.support.live_console import menu_of
from tests.support.live_console import menu_opened_at
from tests.support.windows import wait_shown

CASHIER, CASHIER_PIN = "Айгерим", "1111"  # tests/ui/conftest.py real_console's cashier
SLOW = 15_000
HEADING = re.compile(r"^(#{1,6})\s+(\d+\.)?")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


def _outline(text: str) -> list[tuple[str, int, int, int, int]]:
    """Each heading of a Markdown guide (its level and number, e.g. "## 3.") with what its section
    holds: table rows, list items, numbered steps, and list items nested one level in."""
    sections: list[tuple[str, int, int, int, int]] = []
    rows = items = steps = nested = 0
    head = ""
    for line in text.splitlines():
        found = HEADING.match(line)
        if found:
            if head:
                sections.append((head, rows, items, steps, nested))
            head, rows, items, steps, nested = f"{found.group(1)} {found.group(2) or ''}".strip(), 0, 0, 0, 0
        elif line.startswith("|"):
            rows += 1
        elif line.startswith("- "):
            items += 1
        elif line.startswith("  - "):
            nested += 1
        elif re.match(r"\d+\. ", line):
            steps += 1
    sections.append((head, rows, items, steps, nested))
    return sections


def _headings(text: str) -> list[str]:
    """The titles the window lists: the guide's title and its sections (levels 1 and 2)."""
    return [line.lstrip("#").strip() for line in text.splitlines() if re.match(r"#{1,2}\s", line)]


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_each_translation_keeps_the_english_guides_sections(language: str) -> None:
    english = _outline(GUIDE_SOURCE.read_text(encoding="utf-8"))
    assert len(english) >= 10 and english[0][0] == "#"
    translated = _outline(user_guide_file(language).read_text(encoding="utf-8"))
    assert [s[0] for s in translated] == [s[0] for s in english], "the sections differ from the English"
    assert translated == english  # and in each one the same table rows, list items and steps


def test_the_guides_show_their_own_screenshots_or_none() -> None:
    for language in LANGUAGES:
        path = user_guide_file(language)
        text = path.read_text(encoding="utf-8")
        for link in IMAGE.findall(text):
            assert (path.parent / link).is_file(), f"{path.name}: {link} does not exist"
            if language != "en":
                assert link.endswith(f"-{language}.png"), f"{path.name}: {link} is not in its language"
        shown = guide_markdown(language)
        assert "![" not in shown and _headings(shown) == _headings(text)


def test_a_missing_guide_is_said_in_the_window(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ResourceMissingError, match="Reinstall epay-desktop"):
        user_guide_file("xx")
    monkeypatch.setattr(guide_module, "user_guide_file", lambda _language: user_guide_file("xx"))
    window = UserGuideWindow()
    qtbot.addWidget(window)
    shown = window.browser.toPlainText()
    assert shown.startswith("The user guide cannot be shown:") and "Reinstall epay-desktop" in shown
    assert window.sections() == []


def test_the_english_guide_is_the_docs_source_in_a_checkout() -> None:
    assert user_guide_file("en") == GUIDE_SOURCE == Path(resources_dir()).parent / "docs" / "user-guide.md"
    assert "Shift+F1" in GUIDE_SOURCE.read_text(encoding="utf-8")  # the key table names the key


def _expected_sections(language: str) -> list[str]:
    return _headings(user_guide_file(language).read_text(encoding="utf-8"))


def test_user_guide_from_the_help_menu_and_by_shift_f1_in_the_consoles_language(
    real_console: Any, qtbot: Any
) -> None:
    console = real_console
    console.log_in(CASHIER, CASHIER_PIN)
    window = console.window
    action: QAction = window.findChild(QAction, "action_user_guide")
    assert action.shortcut() == QKeySequence("Shift+F1") and action.isEnabled()
    assert menu_of(window, action) is window.menuBar().actions()[-1].menu()  # Help, the last menu
    try:
        translations().switch("ru")
        # the Help menu, its item chosen with the keyboard
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=SLOW)
        qtbot.keyClick(menu_opened_at(qtbot, window, action), Qt.Key.Key_Return)
        guide = wait_shown(qtbot, UserGuideWindow)
        assert guide.language == "ru" and not guide.isModal()
        assert guide.windowTitle() == QCoreApplication.translate("UserGuideWindow", "User guide")
        assert guide.sections() == _expected_sections("ru") and guide.sections()[1] == "Клавиши"
        assert "Shift+F1" in guide.browser.toPlainText()
        assert guide.browser.document().toMarkdown().count("![") == 0  # no image, so none is broken

        # a section chosen in the contents, then the language switched live: the same section, in Kazakh
        guide.contents.setCurrentRow(4)
        qtbot.waitUntil(lambda: guide.section_in_view() == 4, timeout=SLOW)
        translations().switch("kk")
        qtbot.waitUntil(lambda: guide.language == "kk", timeout=SLOW)
        assert guide.sections() == _expected_sections("kk") and guide.sections()[1] == "Пернелер"
        qtbot.waitUntil(lambda: guide.section_in_view() == 4, timeout=SLOW)

        # Ctrl+F goes to the find field; what is typed there is found and highlighted
        guide.activateWindow()
        qtbot.waitUntil(guide.isActiveWindow, timeout=SLOW)
        qtbot.keyClick(guide.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(guide.find_edit.hasFocus, timeout=SLOW)
        qtbot.keyClicks(guide.find_edit, "Ctrl+R")
        qtbot.waitUntil(lambda: guide.matches() >= 2, timeout=SLOW)
        assert guide.browser.textCursor().selectedText() == "Ctrl+R"
        first = guide.browser.textCursor().position()
        qtbot.keyClick(guide.find_edit, Qt.Key.Key_Return)  # the next one
        assert guide.browser.textCursor().position() > first
        qtbot.keyClick(guide.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # back
        assert guide.browser.textCursor().position() == first
        guide.find_edit.clear()
        qtbot.keyClicks(guide.find_edit, "zzzqqq")
        assert guide.matches() == 0
        assert guide.found_label.text() == QCoreApplication.translate("UserGuideWindow", "Not found")

        # Esc closes it; a switch to Russian while it is closed does not lay the hidden guide out again,
        # and Shift+F1 in the payment list brings the same window back, in Russian, at the same section
        guide.contents.setCurrentRow(5)
        qtbot.waitUntil(lambda: guide.section_in_view() == 5, timeout=SLOW)
        qtbot.keyClick(guide.find_edit, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not guide.isVisible(), timeout=SLOW)
        translations().switch("ru")
        assert guide.language == "kk"  # not loaded while nobody sees it
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=SLOW)
        table = window.payments_view.table
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
        assert wait_shown(qtbot, UserGuideWindow) is guide and guide.language == "ru"
        assert guide.sections() == _expected_sections("ru")
        assert guide.windowTitle() == QCoreApplication.translate("UserGuideWindow", "User guide")
        assert guide.find_label.text() == QCoreApplication.translate("UserGuideWindow", "&Find:")
        qtbot.waitUntil(lambda: guide.section_in_view() == 5, timeout=SLOW)
    finally:
        translations().reset()
    qtbot.waitUntil(lambda: guide.language == "en", timeout=SLOW)
    assert guide.sections() == _expected_sections("en")
    guide.reject()
