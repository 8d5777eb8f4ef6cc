"""The application icon and Help > About: version, Qt/PySide6/Python versions and the data folder.

What support asks a cashier first is "which version, and where are its files"; the About box answers
both, with the text selectable so it can be copied into a message (decision 0043).
"""

from __future__ import annotations

import logging
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget

from epay_desktop import __version__
from epay_desktop.resources import ICON_SIZES
from epay_desktop.resources import ResourceMissingError
from epay_desktop.resources import app_icon_files
from epay_desktop.ui.common.language import on_language_change

__all__ = ["about_lines", "app_icon", "open_about_box"]

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AboutBox", text)


def app_icon() -> QIcon:
    """The window icon (every PNG size plus the SVG); an empty icon, logged, if the files are missing."""
    icon = QIcon()
    try:
        files = app_icon_files()
    except ResourceMissingError as exc:
        log.warning("event=app_icon_missing error=%s", exc)  # a missing icon must not stop the console
        return icon
    svg, *pngs = files
    for size, png in zip(ICON_SIZES, pngs, strict=True):
        icon.addFile(str(png), QSize(size, size))  # drawn for that size: crisp in menus and task bars
    icon.addFile(str(svg))  # any other size
    return icon


def about_lines(data_folder: Path | None) -> list[str]:
    """The About box's lines, translated; ``data_folder`` is where the console keeps its files."""
    folder = str(data_folder) if data_folder is not None else _tr("(not opened)")
    return [
        _tr("ePay Desktop {version}").format(version=__version__),
        _tr("A counter console for Halyk Bank's ePay card payments."),
        "",
        _tr("Qt {version}").format(version=qVersion()),
        _tr("PySide6 {version}").format(version=PySide6.__version__),
        _tr("Python {version}").format(version=platform.python_version()),
        _tr("Data folder: {folder}").format(folder=folder),
    ]


def open_about_box(parent: QWidget, data_folder: Path | None) -> QMessageBox:
    """Open Help > About over ``parent`` without blocking (``open()``, never ``exec()``)."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _tr("About ePay Desktop"),
        "\n".join(about_lines(data_folder)),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("about_box")
    on_language_change(box, lambda: box.setText("\n".join(about_lines(data_folder))))  # a switch while open
    box.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is text, never markup
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copy it for support
    pixmap = app_icon().pixmap(ICON_SIZES[3])  # 64 px
    if not pixmap.isNull():
        box.setIconPixmap(pixmap)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
