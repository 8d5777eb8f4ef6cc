"""Help > Keyboard shortcuts on the REAL console (decision 0139): opened from the Help menu and by F1,
it lists every key of the main window's commands, grouped by menu, read from the window's own actions
(so the list equals them), greys what this person cannot use now and says why, follows a language
switch while open, and Esc closes it. Under the menus, "Other keys" lists the keys that are no menu
command (Enter, Esc; docs/user-guide.md's key table; decision 0140), and the Keys column keeps a margin
from the window's edge (found walking the demo: "Ctrl+Shift+A" touched it)."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMenu

from epay_desktop.ui.common.language import translations
from epay_desktop.ui.window.shortcuts import ShortcutsDialog
from epay_desktop.ui.window.shortcuts import other_keys
from tests.support.live_console import menu_of

CASHIER, CASHIER_PIN = "Айгерим", "1111"  # tests/ui/conftest.py real_console's cashier
SLOW = 15_000


def _words(text: str) -> str:
    return text.replace("&", "").rstrip("…")


def _expected(window: Any) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    """Each menu of the window with its commands that have a key: (text, key, enabled), in menu order."""
    native = QKeySequence.SequenceFormat.NativeText
    groups = []
    for top in window.menuBar().actions():
        rows = [
            (_words(a.text()), a.shortcut().toString(native), a.isEnabled())
            for a in top.menu().actions()
            if not a.isSeparator() and not a.shortcut().isEmpty()
        ]
        if rows:
            groups.append((_words(top.text()), rows))
    return groups


OTHER_KEYS = (
    "Other keys",
    [
        ("Open the selected payment", "Enter", True),
        ("Print the receipt on a sale's result", "Enter", True),
        ("Close the payment window once the sale is settled", "Esc", True),
        ("Clear the search (in the search box or the list)", "Esc", True),
        ("Show all payments when the filters hide the selected one", "Esc", True),
    ],
)


def _keys_have_room(dialog: ShortcutsDialog) -> bool:
    """Every key shows whole with at least two characters' room before the window's right edge."""
    tree = dialog.tree
    metrics, right = tree.fontMetrics(), tree.header().sectionViewportPosition(1) + tree.columnWidth(1)
    room = 2 * metrics.averageCharWidth()
    widest = max(metrics.horizontalAdvance(key) for _title, rows in dialog.listed() for _t, key, _on in rows)
    return right <= tree.viewport().width() and tree.columnWidth(1) >= widest + room


def _shown(qtbot: Any) -> ShortcutsDialog:
    def found() -> list[ShortcutsDialog]:
        return [
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, ShortcutsDialog) and shiboken6.isValid(w) and w.isVisible()
        ]  # fmt: skip

    qtbot.waitUntil(lambda: bool(found()), timeout=SLOW)
    return found()[0]


def _close_with_esc(qtbot: Any, dialog: ShortcutsDialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=SLOW)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW)


def test_keyboard_shortcuts_from_the_help_menu_and_by_f1(real_console: Any, qtbot: Any) -> None:
    console = real_console
    console.log_in(CASHIER, CASHIER_PIN)
    window = console.window
    action: QAction = window.findChild(QAction, "action_shortcuts")
    assert action.shortcut() == QKeySequence("F1") and action.isEnabled()

    # the Help menu (the last one), its item chosen with the keyboard
    menu = menu_of(window, action)
    assert isinstance(menu, QMenu) and menu.menuAction() is window.menuBar().actions()[-1]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=SLOW)
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible, timeout=SLOW)
    menu.setActiveAction(action)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    dialog = _shown(qtbot)
    assert dialog.windowTitle() == "Keyboard shortcuts"

    listed = dialog.listed()
    assert listed[:-1] == _expected(window)  # exactly the window's keyed commands, by menu
    assert listed[-1] == OTHER_KEYS  # then the keys that are no menu command
    assert _keys_have_room(dialog), [dialog.tree.columnWidth(1), dialog.tree.viewport().width()]
    keyed = {a.objectName() for a in window.commands.all() if not a.shortcut().isEmpty()}
    assert sum(len(rows) for _title, rows in listed[:-1]) == len(
        keyed
    )  # each keyed command once, none missed
    payment = dict(listed)["Payment"]
    assert ("Refund", "Ctrl+R", False) in payment  # nothing selected: greyed, and it says why
    assert ("Refresh", "F5", True) in payment
    refund_row = dialog.tree.topLevelItem(0).child([r[0] for r in payment].index("Refund"))
    assert refund_row.toolTip(0) == window.commands.refund.statusTip() != ""
    assert ("Settings", "Ctrl+,", False) in dict(listed)["Settings"]  # a cashier's: managers only
    shift = dict(listed)["Shift"]  # decision 0146: the Shift menu has keys, so it is listed
    assert [(text, key) for text, key, _on in shift] == [
        ("Open shift", "Ctrl+Shift+O"),
        ("X report", "Ctrl+Shift+X"),
        ("Close shift (Z report)", "Ctrl+Shift+C"),
        ("Shift history", "Ctrl+Shift+H"),
        ("Fiscal register", "Ctrl+Shift+F"),
    ]
    assert ("X report", "Ctrl+Shift+X", False) in shift  # no shift open: greyed, and it says why
    keys = [a.shortcut() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    keys += [s.key() for s in window.findChildren(QShortcut)]
    assert len(keys) == len(set(keys)), keys  # no key serves two commands of the window
    assert ("Keyboard shortcuts", "F1", True) in dict(listed)["Help"]
    _close_with_esc(qtbot, dialog)

    # F1 in the payment list opens the same window again
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=SLOW)
    table = window.payments_view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F1)
    assert _shown(qtbot) is dialog
    assert dialog.listed() == [*_expected(window), OTHER_KEYS]

    # a live language switch renames every row and menu while it is open
    try:
        translations().switch("ru")
        refund_ru = _words(QCoreApplication.translate("ConsoleActions", "&Refund…"))
        payment_ru = _words(QCoreApplication.translate("ConsoleActions", "&Payment"))
        assert refund_ru != "Refund"
        other_ru = (
            QCoreApplication.translate("ShortcutsDialog", "Other keys"),
            [(text, key, True) for text, key in other_keys()],
        )
        qtbot.waitUntil(lambda: dialog.listed() == [*_expected(window), other_ru], timeout=SLOW)
        assert (refund_ru, "Ctrl+R", False) in dict(dialog.listed())[payment_ru]
        assert _keys_have_room(dialog)
    finally:
        translations().reset()
    qtbot.waitUntil(lambda: dict(dialog.listed()).get("Payment") == payment, timeout=SLOW)
    _close_with_esc(qtbot, dialog)
