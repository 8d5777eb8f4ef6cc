"""What the console has loaded when its login form shows, and what ``--version``/``--help`` load
(issue 10, P1; decision 0055). Deterministic: module lists, never times.

The console is the real one, started as ``python -m epay_desktop`` in a new process (offscreen); with
``EPAY_DESKTOP_STARTUP_PROBE`` set it writes ``sorted(sys.modules)`` when the login form is shown,
then closes itself (ui/main.py ``_StartupProbe``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from epay_desktop.settings import load_store_settings
from epay_desktop.store.migrate_check import schema_at_head, shipped_head
from epay_desktop.store.migrations import head_revision
from epay_desktop.store.open import open_store

#: Never loaded before the login form: each is needed only later.
#:   reportlab (+ PIL, which it pulls in): the first receipt drawn;
#:   alembic: a database whose schema must change (not a database at the newest schema);
#:   uvicorn, starlette: the built-in sandbox gateway (``epay-desktop sandbox``, ``--demo``);
#:   epay_desktop.demo: ``--demo`` only.
LATER = (
    "reportlab",
    "PIL",
    "alembic",
    "uvicorn",
    "starlette",
    "epay_desktop.demo",
    "epay_desktop.receipts.pdf",
)
#: Loaded before the login form, and why:
#:   PySide6.QtWidgets, qasync: the window itself and its event loop;
#:   sqlalchemy: the login checks the name and PIN against the store;
#:   httpx: the app's one HTTP client, made with the app; the start-up reconciliation asks the bank
#:          about unfinished payments before any new work (reliability.md);
#:   PySide6.QtWebEngineCore/Widgets: imported before the QApplication, Qt's rule for QtWebEngine;
#:          the checkout browser is built with the main window (decision 0055 says why it stays).
NEEDED = ("PySide6.QtWidgets", "qasync", "sqlalchemy", "httpx", "epay_desktop.ui.login")
#: What ``--version`` and ``--help`` must not load: no Qt at all, no store, no receipts, no sandbox.
NOT_FOR_HELP = (
    "PySide6",
    "shiboken6",
    "qasync",
    "sqlalchemy",
    "alembic",
    "reportlab",
    "PIL",
    "uvicorn",
    "starlette",
)

PROBE_ENV = "EPAY_DESKTOP_STARTUP_PROBE"


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [name for name in names if any(m == name or m.startswith(name + ".") for m in modules)]


def _environ(tmp_path: Path, probe: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EPAYMENT_", "EPAY_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_DISABLE_SANDBOX="1",
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        EPAYMENT_HOME=str(tmp_path / "console"),
        EPAYMENT_REGISTER="KASSA-1",
    )
    if probe is not None:
        env[PROBE_ENV] = str(probe)
    return env


def _console_at_login(tmp_path: Path, *args: str) -> list[str]:
    probe = tmp_path / "probe.json"
    probe.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "epay_desktop", *args],
        env=_environ(tmp_path, probe),
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert probe.exists(), f"the login form never showed:\n{done.stderr[-3000:]}"
    modules: list[str] = json.loads(probe.read_text(encoding="utf-8"))["modules"]
    return modules


def _migrated_home(tmp_path: Path) -> None:
    """The console's database as any start after the first finds it: at the newest schema."""
    env = _environ(tmp_path)
    open_store(load_store_settings({k: v for k, v in env.items() if k.startswith("EPAYMENT_")})).close()


def test_the_login_form_shows_before_receipts_migrations_and_the_sandbox_are_loaded(tmp_path: Path) -> None:
    _migrated_home(tmp_path)
    modules = _console_at_login(tmp_path)
    assert _loaded(modules, NEEDED) == list(NEEDED)  # the probe saw the real console's login
    assert _loaded(modules, LATER) == []


def test_the_demo_runs_its_sandbox_but_draws_no_receipt_and_migrates_only_once(tmp_path: Path) -> None:
    """``--demo``: the sandbox is the demo's bank (its ledger is filled and the start-up reconciliation
    asks it before the login), so uvicorn/starlette load; a new demo database is migrated (alembic);
    the next start finds it current and does not load alembic."""
    first = _console_at_login(tmp_path, "--demo-home", str(tmp_path / "demo"))
    assert _loaded(first, ("uvicorn", "starlette", "alembic", "epay_desktop.demo")) == [
        "uvicorn",
        "starlette",
        "alembic",
        "epay_desktop.demo",
    ]
    assert _loaded(first, ("reportlab", "PIL", "epay_desktop.receipts.pdf")) == []
    again = _console_at_login(tmp_path, "--demo-home", str(tmp_path / "demo"))
    assert _loaded(again, ("alembic", "reportlab", "PIL")) == []


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_load_no_qt_store_receipts_or_sandbox(tmp_path: Path, option: str) -> None:
    report = tmp_path / "modules.json"
    runner = (
        "import atexit, json, runpy, sys\n"
        f"atexit.register(lambda: open({str(report)!r}, 'w').write(json.dumps(sorted(sys.modules))))\n"
        f"sys.argv = ['epay-desktop', {option!r}]\n"
        "runpy.run_module('epay_desktop', run_name='__main__')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", runner], env=_environ(tmp_path), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "epay-desktop" in done.stdout
    modules = json.loads(report.read_text(encoding="utf-8"))
    assert "epay_desktop.cli" in modules
    assert _loaded(modules, NOT_FOR_HELP) == []


def test_the_cheap_schema_check_agrees_with_alembic(tmp_path: Path) -> None:
    """The start-up check reads the migration files itself; it must name Alembic's head."""
    assert shipped_head() == head_revision()


def test_an_older_schema_is_still_migrated(tmp_path: Path) -> None:
    """The cheap check says "not current" for a database one revision behind: open_store upgrades it."""
    from alembic import command

    from epay_desktop.store.db import make_engine
    from epay_desktop.store.migrations.runner import alembic_config

    env = {"EPAYMENT_HOME": str(tmp_path / "console"), "EPAYMENT_REGISTER": "KASSA-1"}
    settings = load_store_settings(env)
    open_store(settings).close()  # creates home, key and an up-to-date database
    engine = make_engine(settings.database_url)
    try:
        assert schema_at_head(engine) == head_revision()
        with engine.begin() as conn:
            command.downgrade(alembic_config(connection=conn), "-1")
        assert schema_at_head(engine) is None
    finally:
        engine.dispose()
    store = open_store(settings)
    try:
        check = make_engine(settings.database_url)
        assert schema_at_head(check) == head_revision()
        check.dispose()
    finally:
        store.close()


def test_alembic_loads_only_for_a_database_that_must_change(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from epay_desktop.settings import load_store_settings\n"
        "from epay_desktop.store.open import open_store\n"
        "open_store(load_store_settings()).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    env = _environ(tmp_path)

    def alembic_loaded() -> bool:
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip() == "True"

    assert alembic_loaded()  # a new database: created by the migrations
    assert not alembic_loaded()  # the same database again: already current
