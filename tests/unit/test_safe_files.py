"""``epay_desktop.safe_files``: what a person's file may replace, and how it is written (issue 11, part 2)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from epay_desktop import safe_files
from epay_desktop.safe_files import UnsafeFilePath
from epay_desktop.safe_files import check_target
from epay_desktop.safe_files import write_file_safely


def test_a_new_path_is_written_private_and_whole(tmp_path: Path) -> None:
    out = write_file_safely(tmp_path / "new.pdf", b"%PDF-1.7 data")
    assert out == tmp_path / "new.pdf" and out.read_bytes() == b"%PDF-1.7 data"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["new.pdf"]


def test_an_ordinary_file_is_replaced_and_becomes_private(tmp_path: Path) -> None:
    old = tmp_path / "p.csv"
    old.write_text("old", encoding="utf-8")
    old.chmod(0o644)
    write_file_safely(old, b"new")
    assert old.read_bytes() == b"new" and stat.S_IMODE(old.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("kind", "said"),
    [("fifo", "a named pipe"), ("symlink", "a symbolic link"), ("dangling", "a symbolic link"),
     ("folder", "a folder"), ("device", "a device")],
)  # fmt: skip
def test_what_is_not_an_ordinary_file_is_refused_and_untouched(tmp_path: Path, kind: str, said: str) -> None:
    target = tmp_path / "out.pdf"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "victim").write_bytes(b"keep")
        target.symlink_to(tmp_path / "victim")
    elif kind == "dangling":  # a link to where a file would be created: refused as well
        target.symlink_to(tmp_path / "elsewhere.pdf")
    elif kind == "folder":
        target.mkdir()
    else:
        try:  # like /dev/full (1, 7), made in the test's folder, never in /dev
            os.mknod(target, 0o600 | stat.S_IFCHR, os.makedev(1, 7))
        except PermissionError:
            pytest.skip("cannot make a device node here (needs root)")
    before = os.lstat(target)
    with pytest.raises(UnsafeFilePath) as refused:
        write_file_safely(target, b"%PDF")
    assert f"{target} is {said}, not an ordinary file: nothing was written" in refused.value.user_message
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert not (tmp_path / "elsewhere.pdf").exists()
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    if kind == "symlink":
        assert (tmp_path / "victim").read_bytes() == b"keep"


def test_a_missing_or_unwritable_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnsafeFilePath, match="does not exist"):
        check_target(tmp_path / "nowhere" / "x.pdf")
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(UnsafeFilePath, match="does not exist"):
        check_target(tmp_path / "file" / "x.pdf")


def test_a_pipe_put_at_the_path_while_writing_is_refused_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path is looked at again just before the rename: a FIFO that appeared meanwhile stays."""
    target = tmp_path / "race.pdf"
    real_fsync = os.fsync

    def fsync_then_a_pipe_appears(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            os.mkfifo(target)

    monkeypatch.setattr(safe_files.os, "fsync", fsync_then_a_pipe_appears)
    with pytest.raises(UnsafeFilePath, match="a named pipe"):
        write_file_safely(target, b"%PDF")
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "r.pdf"
    old.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_files.os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_file_safely(old, b"new")
    assert old.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["r.pdf"]
