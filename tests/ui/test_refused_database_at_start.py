"""The console started on a database it refuses (issue 11, deliverable 1): the person sees one message box
with what is wrong and the way out, in the chosen language, and the console ends with code 2; never a
traceback, never an empty console. Through the real start path (``ui.main.run_console``, what
``epay-desktop`` runs), on a data folder made by the real app.

A damaged page is found by the page check that runs behind the window (decision 0066): the window that
had opened closes and the same message box says why.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from epay_desktop.app import open_app
from epay_desktop.domain import Role
from epay_desktop.ui.app.main import GuiOptions
from epay_desktop.ui.app.main import run_console
from epay_desktop.ui.common.language import translations

SLOW_MS = 20_000


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arun: Any) -> Path:
    """A data folder with a database, a manager and a backup, made by the real app."""
    folder = tmp_path / "home"
    monkeypatch.setenv("EPAYMENT_HOME", str(folder))
    monkeypatch.setenv("EPAYMENT_ENV", "sandbox")
    monkeypatch.setenv("EPAYMENT_API_URL", "http://127.0.0.1:9")  # nothing is asked of a gateway here
    monkeypatch.delenv("EPAYMENT_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    ctx = arun(open_app(), timeout=SLOW_MS)
    try:
        arun(ctx.users.add_user("boss", Role.MANAGER, "2468", None))
    finally:
        arun(ctx.aclose())
    return folder


def _message_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            return widget
    return None


def _start_and_read_the_box(qtbot: Any, qapp: QApplication, launch: Any = None) -> tuple[str, str, int]:
    task = asyncio.ensure_future(run_console(qapp, GuiOptions(), launch))
    qtbot.waitUntil(lambda: _message_box() is not None or task.done(), timeout=SLOW_MS)
    assert not task.done(), "the console ended without saying why"
    box = _message_box()
    assert box is not None
    title, text = box.windowTitle(), box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(task.done, timeout=SLOW_MS)
    return title, text, task.result()


def test_an_empty_database_that_had_data_is_refused_with_the_way_out(
    qtbot: Any, qapp: QApplication, aloop: Any, home: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    db = home / "epay-desktop.db"
    db.write_bytes(b"")
    title, text, code = _start_and_read_the_box(qtbot, qapp)
    assert code == 2
    assert title == "The console cannot start"
    assert "is empty (0 bytes)" in text and "No backup was found" in text
    assert "Traceback" not in text
    assert db.stat().st_size == 0  # not rebuilt
    # the app's log never attached (the open failed): the refusal is still in the home's log file, as
    # one line with its sentence, no trace (it is not a bug), and nothing went to stderr
    logged = (home / "logs" / "epay-desktop.log").read_text(encoding="utf-8")
    assert "event=startup_failed error=DatabaseDamaged said=" in logged and "is empty (0 bytes)" in logged
    assert "Traceback" not in logged
    assert "Traceback" not in capfd.readouterr().err


def test_a_damaged_page_found_behind_the_window_closes_it_and_says_so_in_russian(
    qtbot: Any, qapp: QApplication, aloop: Any, home: Path
) -> None:
    db = home / "epay-desktop.db"
    connection = sqlite3.connect(db)
    try:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'discrepancies'"
        ).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    backups = home / "backups"
    backups.mkdir()
    (backups / "daily-2026-01-01.db").write_bytes(b"")  # the newest backup is named, whatever it holds
    with open(db, "r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\xa5" * page_size)
    translations().switch("ru")
    try:
        title, text, code = _start_and_read_the_box(qtbot, qapp)
    finally:
        translations().switch("en")
    assert code == 2
    assert "повреждена" in text and "epay-desktop restore" in text and "daily-2026-01-01.db" in text
    assert "is damaged" not in text  # the sentence itself is translated, not only the title
    assert title != "The console cannot start"
    leftovers = [w for w in QApplication.topLevelWidgets() if shiboken6.isValid(w) and w.isVisible()]
    assert not leftovers  # no empty console stays behind


def test_a_sound_start_makes_the_days_backup_and_a_clean_exit_renews_it(
    qtbot: Any, qapp: QApplication, aloop: Any, home: Path
) -> None:
    from datetime import datetime

    from PySide6.QtWidgets import QMainWindow

    daily = home / "backups" / f"daily-{datetime.now().astimezone().date().isoformat()}.db"
    task = asyncio.ensure_future(run_console(qapp, GuiOptions()))
    qtbot.waitUntil(daily.exists, timeout=SLOW_MS)  # the day's first copy, behind the window
    made_at = daily.stat().st_mtime_ns
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    assert len(windows) == 1
    windows[0].close()  # the cashier closes the console
    qtbot.waitUntil(task.done, timeout=SLOW_MS)
    assert task.result() == 0
    assert daily.stat().st_mtime_ns > made_at  # renewed at the clean end of the day's work
    assert (daily.stat().st_mode & 0o777) == 0o600
    connection = sqlite3.connect(daily)
    try:
        assert connection.execute("SELECT name FROM users").fetchall() == [("boss",)]
    finally:
        connection.close()
    assert not list((home / "epay-desktop.db.running").iterdir())  # the clean end removed its marker


def test_the_login_form_says_a_log_in_waits_for_a_slow_page_check(
    qtbot: Any, qapp: QApplication, aloop: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a million payments the page check takes seconds (the full check after an unclean end ~45 s) and
    a log-in waits for it: the login form says so while it runs, and stops saying it when it is done."""
    from PySide6.QtWidgets import QLabel
    from PySide6.QtWidgets import QMainWindow

    import epay_desktop.ui.app.main as console_main

    real_check = console_main.database_checked
    release = asyncio.Event()

    async def slow_check(ctx: Any) -> None:
        await release.wait()
        await real_check(ctx)

    monkeypatch.setattr(console_main, "database_checked", slow_check)
    monkeypatch.setattr(console_main, "CHECK_NOTICE_AFTER_S", 0.05)
    task = asyncio.ensure_future(run_console(qapp, GuiOptions()))

    def notice() -> QLabel | None:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QMainWindow) and window.isVisible():
                return window.findChild(QLabel, "login_notice")
        return None

    qtbot.waitUntil(lambda: (label := notice()) is not None and label.isVisible(), timeout=SLOW_MS)
    label = notice()
    assert label is not None and "A log-in waits until the check is done" in label.text()
    release.set()
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=SLOW_MS)
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    windows[0].close()
    qtbot.waitUntil(task.done, timeout=SLOW_MS)
    assert task.result() == 0


def test_a_demo_folder_that_cannot_hold_the_demo_is_said_in_the_window(
    qtbot: Any, qapp: QApplication, aloop: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--demo --demo-home`` naming a file (or a folder the console may not read): the demo's fiscal
    register cannot be kept there. The same box says which folder and what to do, code 2, no traceback
    (before, the start died with one before any window)."""
    from epay_desktop.launch import Launch

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    not_a_folder = tmp_path / "demo-home"
    not_a_folder.write_text("a file, not a folder\n", encoding="utf-8")
    launch = Launch.start(demo=True, demo_home=str(not_a_folder))  # as run_gui does, before the loop
    try:
        title, text, code = _start_and_read_the_box(qtbot, qapp, launch)
    finally:
        launch.stop()
    assert code == 2
    assert title == "The console cannot start"
    assert f"The demo folder {not_a_folder} cannot be used" in text and "--demo-home" in text, text
    assert "Traceback" not in text
    assert not_a_folder.read_text(encoding="utf-8") == "a file, not a folder\n"  # nothing written over it
