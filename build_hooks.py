"""setuptools hook: ship the top-level ``resources/`` folder inside the package (decision 0042).

The source tree keeps the product's data files (icon, translations, theme, receipt fonts) in ``resources/``
at the top level; a wheel carries the same tree as ``epay_desktop/_resources/``, where
``epay_desktop/resources.py`` looks first. Every file under ``resources/`` is copied, whatever its type.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py as _build_py

SOURCE = Path(__file__).resolve().parent / "resources"
TARGET = Path("epay_desktop") / "_resources"


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
