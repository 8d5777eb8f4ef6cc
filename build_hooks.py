"""setuptools hook: ship the top-level ``resources/`` folder inside the package (decision 0042).

The source tree keeps the product's data files (icon, translations, theme, receipt fonts) in ``resources/``
at the top level; a wheel carries the same tree as ``epay_desktop/_resources/``, where
``epay_desktop/resources.py`` looks first. Every file under ``resources/`` is copied, whatever its type,
and the user guide's English source ``docs/user-guide.md`` joins its translations in ``guide/`` (0153).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py as _build_py

SOURCE = Path(__file__).resolve().parent / "resources"
TARGET = Path("epay_desktop") / "_resources"
#: The user guide's English source, shipped beside its Russian and Kazakh versions (decision 0153).
GUIDE = Path(__file__).resolve().parent / "docs" / "user-guide.md"


class build_py(_build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads resources/ from the checkout itself
        if not SOURCE.is_dir():
            raise RuntimeError(
                f"{SOURCE} is missing: the wheel would have no icon, translations, theme or receipt fonts"
            )
        target = Path(self.build_lib) / TARGET
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(SOURCE, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".gitkeep"))
        if not GUIDE.is_file():
            raise RuntimeError(f"{GUIDE} is missing: Help > User guide would have no English guide")
        shutil.copy2(GUIDE, target / "guide" / "user-guide.md")
