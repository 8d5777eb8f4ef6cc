"""Issue 9, point 7: Help > About on the REAL console (open_app + AppController + MainWindow) shows the
version, the Qt, PySide6 and Python versions and the data folder; and the application icon is the one
in resources/icons, set once for every window at start-up (ui/app/main.py ``configure_application``)."""

from __future__ import annotations

import platform
from typing import Any

import PySide6
import shiboken6
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QMessageBox

from epay_desktop import __version__
from epay_desktop.resources import ICON_SIZES
from epay_desktop.ui.app.main import configure_application
from epay_desktop.ui.window.about import about_lines
from epay_desktop.ui.window.about import app_icon

CASHIER, CASHIER_PIN = "Айгерим", "1111"  # tests/ui/conftest.py real_console's cashier
SLOW = 15_000


def test_about_from_the_help_menu_names_versions_and_data_folder(real_console: Any, qtbot: Any) -> None:
    console = real_console
    console.log_in(CASHIER, CASHIER_PIN)  # not only managers: anyone may ask which version runs
    window = console.window
    menus = [m for m in window.menuBar().findChildren(QMenu) if m.menuAction().isVisible()]
    help_menu = next(m for m in menus if any(a.objectName() == "action_about" for a in m.actions()))
    assert help_menu.menuAction() is window.menuBar().actions()[-1]  # Help is the last menu
    about = next(a for a in help_menu.actions() if a.objectName() == "action_about")
    assert about.isEnabled()
    about.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "about_box") is not None, timeout=SLOW)
    box = window.findChild(QMessageBox, "about_box")
    qtbot.waitUntil(box.isVisible, timeout=SLOW)
    text = box.text()
    home = console.ctx.store_settings.home
    assert f"ePay Desktop {__version__}" in text
    assert f"Qt {qVersion()}" in text
    assert f"PySide6 {PySide6.__version__}" in text
    assert f"Python {platform.python_version()}" in text
    assert f"Data folder: {home}" in text
    assert home.is_dir()  # the folder the console really uses, not a guess
    assert box.textFormat() == Qt.TextFormat.PlainText  # a folder name is never read as markup
    assert box.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse  # copy for support
    assert not box.iconPixmap().isNull()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(box) or not box.isVisible(), timeout=SLOW)


def test_about_before_a_database_is_open_says_so(qtbot: Any) -> None:
    lines = about_lines(None)
    assert lines[0] == f"ePay Desktop {__version__}"
    assert lines[-1] == "Data folder: (not opened)"


def test_the_application_icon_is_set_for_every_window_in_every_size(
    qtbot: Any, restore_app: QApplication
) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert set(ICON_SIZES) <= sizes
    configure_application(restore_app)  # what run_gui does once at start-up
    assert {s.width() for s in restore_app.windowIcon().availableSizes()} >= set(ICON_SIZES)
    pixmap = restore_app.windowIcon().pixmap(QSize(32, 32))
    assert pixmap.width() == 32 and not pixmap.isNull()
