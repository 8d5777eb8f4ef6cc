"""The Windows bundle's windowed entry (packaging/entry_window.py): a program built without a console has
``sys.stdout``/``sys.stderr`` set to ``None``; the console must still run instead of dying on its first line
of output. Checked here by running the entry with both streams taken away, as Windows does.

Checked on Linux only: whether PyInstaller's windowed build on Windows behaves the same is not verified."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "entry_window.py"

#: Run the entry as ``__main__`` with the standard streams gone, and report through a file.
RUNNER = """
import runpy, sys
report = open(sys.argv[1], "w", encoding="utf-8")
sys.stdout = sys.stderr = None
sys.argv = ["epay-desktopw", *sys.argv[3:]]
try:
    runpy.run_path({entry!r}, run_name="__main__")
except SystemExit as done:
    report.write(f"exit {{done.code}}")
report.close()
"""


def _run_without_streams(tmp_path: Path, *args: str) -> str:
    report = tmp_path / "report.txt"
    script = tmp_path / "runner.py"
    script.write_text(RUNNER.format(entry=str(ENTRY)))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(script), str(report), "-", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return report.read_text(encoding="utf-8")


def test_the_windowed_entry_runs_with_no_standard_streams(tmp_path: Path) -> None:
    assert _run_without_streams(tmp_path, "--version") == "exit 0"


def test_a_failure_is_still_reported_by_its_exit_code_not_a_crash(tmp_path: Path) -> None:
    # an unknown command: argparse writes its usage to stderr (the null device here) and exits 2
    assert _run_without_streams(tmp_path, "no-such-command") == "exit 2"


def test_the_console_writing_to_a_missing_stream_would_be_caught(tmp_path: Path) -> None:
    """The check itself catches a crash: an entry that writes to a stream the hard way fails it."""
    broken = tmp_path / "broken_entry.py"
    broken.write_text("import sys\nsys.stderr.write('x')\n")
    script = tmp_path / "runner.py"
    script.write_text(RUNNER.format(entry=str(broken)))
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "r.txt"), "-"], capture_output=True, timeout=60
    )
    assert done.returncode != 0  # AttributeError: 'NoneType' object has no attribute 'write'
