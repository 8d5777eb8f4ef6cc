"""Help > User guide (Shift+F1): the cashier's and manager's guide, in the console's language, offline.

The guide is a Markdown file shipped with the console (``resources.user_guide_file``: Kazakh, Russian,
English; the English source is docs/user-guide.md), shown in a QTextBrowser from its Markdown: no
browser, no network, no new dependency. Its screenshots stay in the repository's docs (the wheel does
not carry them), so the window shows the words without the pictures, never a broken image. The
sections are listed on the left (a click goes there); Ctrl+F goes to the find field, Enter finds the
next match and Shift+Enter the previous one, every match highlighted. A language switch shows the
guide in the new language at the same section (the three guides keep the same sections, checked by
tests/ui/test_user_guide.py). Not modal: it may stay open beside the list while a person works.
Esc closes it, like the Close button (docs/decisions/0153-the-user-guide-in-the-app.md).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtGui import QShowEvent
from PySide6.QtGui import QTextCursor
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QTextEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.resources import ResourceMissingError
from epay_desktop.resources import user_guide_file
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.language import current_language
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.screen_fit import size_for_screen

__all__ = ["UserGuideWindow", "guide_markdown"]

#: The window's size on a large screen; a counter's 1024x768 screen gets what it has.
PREFERRED_SIZE = QSize(1000, 720)
#: Markdown images (the repository's screenshots: not shipped, so not shown).
_IMAGE = re.compile(r"^[ \t]*!\[[^\]]*\]\([^)]*\)[ \t]*\n?", re.MULTILINE)
#: The headings the contents list shows: the title and the sections.
_LISTED_LEVELS = (1, 2)


def _tr(text: str) -> str:
    return QCoreApplication.translate("UserGuideWindow", text)


def guide_markdown(language: str) -> str:
    """The guide in ``language`` as the window shows it: its Markdown without the screenshots."""
    text = user_guide_file(language).read_text(encoding="utf-8")
    return _IMAGE.sub("", text)


class UserGuideWindow(QDialog):
    """The user guide (see the module doc); non-modal, one per main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_guide_window")
        self.language = ""
        self.contents = named(QListWidget(), "guide_contents")
        self.contents.setWordWrap(True)  # a long section title wraps in the narrow list
        self.contents.itemClicked.connect(lambda _item: self.go_to_section(self.contents.currentRow()))
        self.contents.currentRowChanged.connect(self.go_to_section)
        self.browser = named(QTextBrowser(), "guide_text")
        self.browser.setOpenLinks(False)  # offline: the guide links nowhere
        self.find_label = named(QLabel(), "guide_find_label")
        self.find_edit = named(QLineEdit(), "guide_find")
        self.find_edit.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.find_edit)
        self.find_edit.textChanged.connect(self._find_from_top)
        self.find_edit.returnPressed.connect(self.find_next)
        self.previous_button = named(QPushButton(), "guide_find_previous")
        self.previous_button.setAutoDefault(False)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = named(QPushButton(), "guide_find_next")
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(self.find_next)
        self.found_label = named(QLabel(), "guide_found")
        self.close_button = named(QPushButton(), "guide_close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        finder = QHBoxLayout()
        for widget in (self.find_label, self.find_edit, self.previous_button, self.next_button):
            finder.addWidget(widget)
        finder.addWidget(self.found_label, 1)
        finder.addWidget(self.close_button)
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "guide_splitter")
        self.splitter.addWidget(self.contents)
        self.splitter.addWidget(self.browser)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(finder)
        layout.addWidget(self.splitter, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_find)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, self.find_next)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindPrevious), self, self.find_previous)
        for keys in ("Shift+Return", "Shift+Enter"):  # in the find field: the previous match
            back = QShortcut(QKeySequence(keys), self.find_edit, self.find_previous)
            back.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._headings: list[int] = []  # the listed headings' positions in the document
        self._stale = False  # a language switch while hidden: the guide is loaded again when shown
        on_language_change(self, self._follow_language)
        self.load()
        self.resize(size_for_screen(self, PREFERRED_SIZE))
        side = min(self.contents.sizeHintForColumn(0) + 24, self.width() // 4)
        self.splitter.setSizes([side, self.width() - side])

    # -- the guide -------------------------------------------------------------------------------

    def _follow_language(self) -> None:
        """A language switch: the guide shown is said again in the new language now; a hidden one when
        it is next shown (laying out the whole guide at every switch while nobody sees it is waste)."""
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.load()  # in the language chosen while it was hidden, at the section that was in view
        super().showEvent(event)

    def load(self) -> None:
        """Show the guide in the console's language now, at the section that was in view."""
        section = self.section_in_view()
        self._stale = False
        self.setWindowTitle(_tr("User guide"))
        self.find_label.setText(_tr("&Find:"))
        placeholder = _tr("a word in the guide")
        self.find_edit.setPlaceholderText(placeholder)
        # the placeholder whole beside the clear button, in the words of each language (ru: 138 px)
        self.find_edit.setMinimumWidth(self.find_edit.fontMetrics().horizontalAdvance(placeholder) + 48)
        self.previous_button.setText(_tr("&Previous"))
        self.next_button.setText(_tr("&Next"))
        self.close_button.setText(_tr("Close"))
        self.language = current_language()
        try:
            self.browser.setMarkdown(guide_markdown(self.language))
        except (ResourceMissingError, OSError, UnicodeDecodeError) as error:
            self.browser.setPlainText(_tr("The user guide cannot be shown: {error}").format(error=error))
        self._list_headings()
        self._highlight()  # what the find field holds, in this language's guide
        if section > 0:
            self.go_to_section(min(section, len(self._headings) - 1))

    def _list_headings(self) -> None:
        self._headings = []
        titles: list[str] = []
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level in _LISTED_LEVELS:
                self._headings.append(block.position())
                titles.append(block.text())
            block = block.next()
        self.contents.blockSignals(True)
        self.contents.clear()
        self.contents.addItems(titles)
        self.contents.blockSignals(False)

    def sections(self) -> list[str]:
        """The listed sections' titles, as the contents list shows them."""
        return [self.contents.item(row).text() for row in range(self.contents.count())]

    def go_to_section(self, index: int) -> None:
        """Scroll so that the ``index``-th listed heading is at the top."""
        if not 0 <= index < len(self._headings):
            return
        document = self.browser.document()
        document.size()  # the whole guide laid out now (Qt lays out a long document lazily)
        block = document.findBlock(self._headings[index])
        self.browser.setTextCursor(QTextCursor(block))  # a search goes on from here
        top = document.documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))

    def section_in_view(self) -> int:
        """The listed heading at the top of the view (or the last one above it); 0: the title."""
        scrolled = self.browser.verticalScrollBar().value()
        layout = self.browser.document().documentLayout()
        shown = 0
        for index, position in enumerate(self._headings):
            block = self.browser.document().findBlock(position)
            if layout.blockBoundingRect(block).top() <= scrolled + 1:
                shown = index
        return shown

    # -- find ------------------------------------------------------------------------------------

    def _focus_find(self) -> None:
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def _find_from_top(self) -> None:
        """The words typed so far: every match highlighted, the first one selected."""
        cursor = self.browser.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        self._highlight()
        if self.find_edit.text():
            self._find(QTextDocument.FindFlag(0))

    def find_next(self) -> bool:
        """Select the next match (from the top again after the last one); False: none."""
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        """Select the previous match (from the end again before the first one); False: none."""
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        words = self.find_edit.text()
        if not words:
            self.found_label.clear()
            return False
        found = self.browser.find(words, flags)
        if not found:  # wrap around
            cursor = self.browser.textCursor()
            backward = bool(flags & QTextDocument.FindFlag.FindBackward)
            cursor.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            self.browser.setTextCursor(cursor)
            found = self.browser.find(words, flags)
        self.found_label.setText("" if found else _tr("Not found"))
        return found

    def _highlight(self) -> None:
        """Every match of the find field's words, on a pale amber background."""
        words = self.find_edit.text()
        selections: list[QTextEdit.ExtraSelection] = []
        document = self.browser.document()
        cursor = document.find(words) if words else QTextCursor()
        while words and not cursor.isNull():
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setBackground(theme.color("notice_bg"))
            selections.append(selection)
            cursor = document.find(words, cursor)
        self.browser.setExtraSelections(selections)

    def matches(self) -> int:
        """How many places the find field's words are highlighted at."""
        return len(self.browser.extraSelections())
