"""Where the product's data files live at run time: icons, translations, theme, fonts, the user guide.

The files are kept in the top-level ``resources/`` folder of the source tree. A built wheel (and the
PyInstaller bundle) carries the same tree as package data under ``epay_desktop/_resources/``; see
decision 0042. This module is the only place that knows either location: callers ask for
``resource_path("icons", "epay-desktop.svg")`` and get a path that exists, or a clear error.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
# An installed wheel / bundle: site-packages/epay_desktop/_resources/
INSTALLED_DIR = _PACKAGE_DIR / "_resources"
# A source checkout (also an editable install): <checkout>/resources/
SOURCE_DIR = _PACKAGE_DIR.parent / "resources"


class ResourceMissingError(FileNotFoundError):
    """A file the console ships with is not where it should be: the installation is incomplete."""


@cache
def resources_dir() -> Path:
    """The folder holding the product's resources; the installed copy wins over a source checkout."""
    for candidate in (INSTALLED_DIR, SOURCE_DIR):
        if candidate.is_dir():
            return candidate
    raise ResourceMissingError(
        f"The console's resource folder is missing: looked in {INSTALLED_DIR} and {SOURCE_DIR}. "
        "Reinstall epay-desktop (the installation is incomplete)."
    )


def resource_path(*parts: str) -> Path:
    """The path of one resource file or folder, e.g. ``resource_path("icons", "epay-desktop.svg")``.

    Raises ResourceMissingError naming the missing file when it is not there.
    """
    if not parts:
        return resources_dir()
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise ResourceMissingError(
            f"The console's resource file {path} is missing. Reinstall epay-desktop "
            "(the installation is incomplete)."
        )
    return path


def translations_dir() -> Path:
    """Folder with the compiled translations ``epay_desktop_<lang>.qm`` (and their ``.ts`` sources)."""
    return resource_path("i18n")


#: The user guide's English source in a source checkout. A wheel or bundle carries it as
#: ``guide/user-guide.md``, beside the Russian and Kazakh guides of ``resources/guide/`` (decision 0153).
GUIDE_SOURCE = _PACKAGE_DIR.parent / "docs" / "user-guide.md"


def user_guide_file(language: str) -> Path:
    """The cashier's and manager's guide in ``language`` (kk, ru, en), a Markdown file.

    Raises ResourceMissingError naming the missing file when it is not there."""
    name = "user-guide.md" if language == "en" else f"user-guide.{language}.md"
    shipped = resources_dir() / "guide" / name
    if shipped.is_file():
        return shipped
    if language == "en" and GUIDE_SOURCE.is_file():
        return GUIDE_SOURCE  # a checkout: the English source itself
    raise ResourceMissingError(
        f"The console's user guide {shipped} is missing. Reinstall epay-desktop "
        "(the installation is incomplete)."
    )


def icons_dir() -> Path:
    """Folder with the application icon: ``epay-desktop.svg`` and ``epay-desktop-<size>.png``."""
    return resource_path("icons")


ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon_files() -> list[Path]:
    """The application icon's files, the SVG first, then every PNG size."""
    icons = icons_dir()
    files = [icons / "epay-desktop.svg"] + [icons / f"epay-desktop-{size}.png" for size in ICON_SIZES]
    for file in files:
        if not file.is_file():
            raise ResourceMissingError(
                f"The application icon {file} is missing. Reinstall epay-desktop "
                "(the installation is incomplete)."
            )
    return files
