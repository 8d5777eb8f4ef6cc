"""Issue 11, deliverable 2: ``receipt --out`` and ``export --csv`` never replace what is not a file.

Why case: both commands replaced what was at the path, a FIFO, a symlink, even a device node (as root,
``--out /dev/full`` replaced the device with a PDF, exit 0). Each case here puts one of those at the path
(a device node made with ``os.mknod`` in the test's folder, never a real one in /dev), runs the command
the way a person does, and checks the one line, exit 2, that the thing at the path is untouched and that
no receipt number was used up. A new path or an ordinary file is written via a temporary file, mode 0600.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _symlink(path: Path) -> Path:
    victim = path.with_name("victim.txt")
    if not victim.exists():
        victim.write_text("keep me", encoding="utf-8")
    path.symlink_to(victim)
    return path


def _device(path: Path) -> Path:
    """A character device node like /dev/full (1, 7), made in the test's own folder."""
    os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 7))  # PermissionError unless root: left out
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


KINDS: dict[str, tuple[Callable[[Path], Path], Callable[[int], bool], str]] = {
    "fifo": (_fifo, stat.S_ISFIFO, "is a named pipe"),
    "symlink": (_symlink, stat.S_ISLNK, "is a symbolic link"),
    "device": (_device, stat.S_ISCHR, "is a device"),
    "folder": (_folder, stat.S_ISDIR, "is a folder"),
}


def _receipts_issued(cli: Any) -> int:
    with contextlib.closing(sqlite3.connect(cli.home / "epay-desktop.db")) as db:
        return int(db.execute("SELECT count(*) FROM receipts").fetchone()[0])


def test_receipt_out_and_export_csv_refuse_a_fifo_a_symlink_a_device_or_a_folder(
    cli: Any, tmp_path: Path, err_line: Any
) -> None:
    invoice = cli.charged()
    for kind, (make, still, said) in sorted(KINDS.items()):
        for command in (["receipt", invoice, "--out"], ["export", "--csv"]):
            try:
                target = make(tmp_path / f"{kind}-{command[0]}.out")
            except PermissionError:  # a device node needs root; the other kinds are still tried
                continue
            result = cli.run(*command, str(target))
            assert result.code == 2, (kind, command, result.err)
            line = err_line(result)
            assert said in line and str(target) in line and "nothing was written" in line, line
            assert still(os.lstat(target).st_mode), (kind, command)  # untouched
    assert (tmp_path / "victim.txt").read_text(encoding="utf-8") == "keep me"  # behind the links
    assert _receipts_issued(cli) == 0  # refused before a receipt number was used
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_receipt_and_export_replace_an_ordinary_file_with_a_private_one(cli: Any, tmp_path: Path) -> None:
    invoice = cli.charged()
    pdf, table = tmp_path / "r.pdf", tmp_path / "p.csv"
    for old in (pdf, table):
        old.write_text("old", encoding="utf-8")
        old.chmod(0o644)
    assert cli.run("receipt", invoice, "--out", str(pdf)).code == 0
    assert cli.run("export", "--csv", str(table)).code == 0
    assert pdf.read_bytes().startswith(b"%PDF") and table.read_text(encoding="utf-8").startswith("invoice_id")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600 and stat.S_IMODE(table.stat().st_mode) == 0o600
    assert {p.name for p in tmp_path.iterdir()} == {"home", "p.csv", "r.pdf"}  # no temporary file left
