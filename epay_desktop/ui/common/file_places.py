"""Where a "Save as" dialog starts: the folder the user last saved that kind of file in, else Documents.

Never the program's folder (the working directory of a shortcut is often the install folder,
which a cashier cannot find again and may not be allowed to write). The last folder is kept per
kind of file (``receipts``, ``exports``...) in ``<config>/epay-desktop/ui.ini`` (the system's
per-user config folder, ``QStandardPaths.GenericConfigLocation``), so it survives a restart; it
holds folder names only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtCore import QStandardPaths

__all__ = ["documents_folder", "remember_folder", "start_folder", "ui_settings"]

_Location = QStandardPaths.StandardLocation


def _settings() -> QSettings:
    # resolved on every call (not cached): the config folder follows $XDG_CONFIG_HOME / the profile
    config = QStandardPaths.writableLocation(_Location.GenericConfigLocation) or str(Path.home() / ".config")
    return QSettings(str(Path(config) / "epay-desktop" / "ui.ini"), QSettings.Format.IniFormat)


def ui_settings() -> QSettings:
    """The same ``ui.ini``, for other remembered screen choices (e.g. the export's columns)."""
    return _settings()


def documents_folder() -> Path:
    """The user's Documents folder; their home folder when the system has no Documents folder."""
    for location in (_Location.DocumentsLocation, _Location.HomeLocation):
        text = QStandardPaths.writableLocation(location)
        if text and Path(text).is_dir():
            return Path(text)
    return Path.home()


def start_folder(kind: str) -> Path:
    """Where a save dialog for ``kind`` opens: the last folder used if it still exists, else Documents."""
    value = _settings().value(f"last_folder/{kind}", "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return documents_folder()


def remember_folder(kind: str, folder: Path) -> None:
    """Remember ``folder`` as where ``kind`` files were saved last (best effort: a read-only
    config folder only means the next dialog starts in Documents again)."""
    settings = _settings()
    settings.setValue(f"last_folder/{kind}", str(folder))
    settings.sync()
