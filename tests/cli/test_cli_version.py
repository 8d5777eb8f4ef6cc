"""Issue 9, point 7: ``epay-desktop --version`` through the installed entry point prints the version
the package metadata carries (pyproject reads it from ``epay_desktop.__version__``) and exits 0."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from epay_desktop import __version__
from epay_desktop.cli import main


def test_version_from_the_entry_point_script() -> None:
    script = Path(sys.executable).with_name("epay-desktop")  # the console script pip installed
    assert script.is_file(), f"{script}: the epay-desktop entry point is not installed"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"epay-desktop {__version__}"
    assert done.stderr == ""
    assert version("epay-desktop") == __version__  # the metadata and the code say the same


def test_version_in_process(capsys) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"epay-desktop {__version__}"
