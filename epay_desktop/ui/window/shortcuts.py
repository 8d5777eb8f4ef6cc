"""Help > Keyboard shortcuts: every key of the main window's commands and what it does, by menu.

The list is read from the window's menu bar (each menu's actions that have a key: their text and
their shortcut), never written down twice, so it cannot drift from the menus. It is read again
each time it is shown and, while it shows, whenever one of those actions changes (a language switch
renames it, a selection enables or disables it) and after every language switch. Every command
with a key is listed; the ones this person cannot use now are greyed, and pointing at one says why,
as its menu item does (docs/decisions/0139-keyboard-shortcuts-window.md). Under the menus, "Other
keys": the keys that are no menu command (Enter opens the selected payment...; decision 0140), so
the window tells the whole story of docs/user-guide.md's key table. Esc closes it, like the Close
button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QMenuBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QTreeWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP

__all__ = ["ShortcutsDialog", "command_text", "key_text", "shortcut_groups"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def command_text(text: str) -> str:
    """A menu item's text as a sentence shows it: no ``&`` mnemonic, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def key_text(action: QAction) -> str:
    """``action``'s keys as this system writes them ("Ctrl+R"; several joined with ", ")."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(key.toString(native) for key in action.shortcuts() if not key.isEmpty())


def _menu_items(menu: QMenu) -> list[QAction]:
    """The commands of ``menu`` in order, those of its submenus included, separators left out."""
    items: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            items.extend(_menu_items(sub))
        elif not action.isSeparator() and action.isVisible():
            items.append(action)
    return items


def shortcut_groups(menubar: QMenuBar) -> list[tuple[QMenu, list[QAction]]]:
    """Each visible menu of ``menubar`` with its commands that have a key, in the menus' order;
    a menu with no key is left out."""
    groups: list[tuple[QMenu, list[QAction]]] = []
    for top in menubar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu) or not top.isVisible():
            continue
        keyed = [action for action in _menu_items(menu) if key_text(action)]
        if keyed:
            groups.append((menu, keyed))
    return groups


#: The keys that are no menu command (what they do, the key), as docs/user-guide.md's key table says.
OTHER_KEYS = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the selected payment"), Qt.Key.Key_Enter),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Print the receipt on a sale's result"), Qt.Key.Key_Enter),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Close the payment window once the sale is settled"),
        Qt.Key.Key_Escape,
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Clear the search (in the search box or the list)"),
        Qt.Key.Key_Escape,
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Show all payments when the filters hide the selected one"),
        Qt.Key.Key_Escape,
    ),
)


def other_keys() -> list[tuple[str, str]]:
    """The "Other keys" rows in the current language: (what it does, the key as this system writes it)."""
    native = QKeySequence.SequenceFormat.NativeText
    return [(_tr(text), QKeySequence(key).toString(native)) for text, key in OTHER_KEYS]


def _group_item(title: str) -> QTreeWidgetItem:
    """A bold title row spanning both columns."""
    group = QTreeWidgetItem([title])
    font = group.font(0)
    font.setBold(True)
    group.setFont(0, font)
    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
    return group


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for child in map(item.child, range(item.childCount())) if child is not None]


class ShortcutsDialog(QDialog):
    """The keys of ``menubar``'s commands (see the module doc); non-modal, one per main window."""

    def __init__(self, menubar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self._menubar = menubar
        self.tree = named(QTreeWidget(), "shortcuts_tree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Esc reaches the dialog, the Close button has focus
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)  # its keys' width and a margin
        self.note = named(QLabel(), "shortcuts_note")
        self.note.setWordWrap(True)
        self.close_button = named(QPushButton(), "shortcuts_close")
        self.close_button.clicked.connect(self.reject)
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self._later = QTimer(self)  # many actions change at once (a selection): read them once after
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.rebuild)
        for top in menubar.actions():
            top.changed.connect(self._changed)  # a menu renamed (its title is its action's text)
            menu = top.menu()
            if isinstance(menu, QMenu):
                for action in _menu_items(menu):
                    action.changed.connect(self._changed)
        on_language_change(self, self._changed)
        self.rebuild()
        rows = sum(1 + len(actions) for _menu, actions in shortcut_groups(menubar)) + 1 + len(OTHER_KEYS)
        self.resize(460, min(640, 150 + rows * max(self.tree.sizeHintForRow(0), 20)))  # every row in view
        self._fit_keys()  # wider when the words need it

    def _changed(self) -> None:
        if self.isVisible():  # hidden, it is read again when shown
            self._later.start()

    def showEvent(self, event: QShowEvent) -> None:
        self.rebuild()
        super().showEvent(event)

    def listed(self) -> list[tuple[str, list[tuple[str, str, bool]]]]:
        """What the window shows now: each menu's title with its rows (command, key, enabled)."""
        return [
            (group.text(0), [(r.text(0), r.text(1), not r.isDisabled()) for r in _children(group)])
            for group in _children(self.tree.invisibleRootItem())
        ]

    def rebuild(self) -> None:
        """Read the menus again: every command with a key, greyed when it cannot be used now."""
        self.setWindowTitle(_tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([_tr("Command"), _tr("Key")])
        self.note.setText(_tr("A greyed command cannot be used now: point at it to read why."))
        self.close_button.setText(_tr("Close"))
        self.tree.clear()
        for menu, actions in shortcut_groups(self._menubar):
            group = self._add_group(command_text(menu.title()))
            for action in actions:
                row = QTreeWidgetItem(group, [command_text(action.text()), key_text(action)])
                row.setDisabled(not action.isEnabled())
                if not action.isEnabled():  # why not, as the menu item says it
                    for column in (0, 1):
                        row.setToolTip(column, action.statusTip())
        group = self._add_group(_tr("Other keys"))
        for text, key in other_keys():
            QTreeWidgetItem(group, [text, key])
        self.tree.expandAll()
        self._fit_keys()

    def _add_group(self, title: str) -> QTreeWidgetItem:
        group = _group_item(title)
        self.tree.addTopLevelItem(group)
        group.setFirstColumnSpanned(True)
        return group

    def _fit_keys(self) -> None:
        """The Keys column: its widest key or header and a margin, never touching the window's edge;
        the window widens when the commands and keys need more than it has."""
        tree, header = self.tree, self.tree.header()
        margin = 2 * tree.fontMetrics().averageCharWidth()
        keys = max(tree.sizeHintForColumn(1), header.sectionSizeFromContents(1).width()) + margin
        tree.setColumnWidth(1, keys)
        need = tree.sizeHintForColumn(0) + keys + tree.verticalScrollBar().sizeHint().width()
        margins = self._layout.contentsMargins()
        need += 2 * tree.frameWidth() + margins.left() + margins.right()
        if self.width() < need and not self.isMaximized():
            self.resize(need, self.height())
