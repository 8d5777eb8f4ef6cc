"""Test-wide set-up: headless Qt, QtWebEngine allowed as root (tests only), no real gateway."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests run as root in CI; Chromium refuses to start there without this. Never set in the shipped app.
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --log-level=3")
os.environ.setdefault("QT_API", "pyside6")
# Nothing in the suite may talk to the real gateway: clear any EPAYMENT_* the caller exported.
for _name in list(os.environ):
    if _name.startswith("EPAYMENT_"):
        del os.environ[_name]

# QtWebEngineWidgets must be imported before pytest-qt creates the QApplication (stack-notes 14).
import PySide6.QtWebEngineWidgets  # noqa: E402, F401  isort: skip
import qasync  # noqa: E402  (reads QT_API when imported)
import shiboken6  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from epay_desktop import app as app_module  # noqa: E402
from epay_desktop.sandbox import RunningSandbox  # noqa: E402
from epay_desktop.sandbox import SandboxConfig  # noqa: E402
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox  # noqa: E402
from epay_desktop.store.db import Store  # noqa: E402
from tests.support.database import open_store  # noqa: E402
from tests.support.fiscal_sandbox import emptied  # noqa: E402
from tests.support.fiscal_sandbox import start_in_thread  # noqa: E402
from tests.support.keychain import MemoryKeyring  # noqa: E402
from tests.support.keychain import installed  # noqa: E402
from tests.support.postgres import DATABASE  # noqa: E402
from tests.support.postgres import PgServer  # noqa: E402
from tests.support.sandbox import SharedSandbox  # noqa: E402
from tests.support.sandbox import shared_sandbox as start_shared_sandbox  # noqa: E402
from tests.support.xdist_groups import apply_groups  # noqa: E402

# --- xdist groups: one worker for the tests of an ``xdist_group`` (tests.support.xdist_groups) -------


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under ``--dist loadgroup``, the tests of one ``xdist_group`` go to one worker on pytest 9.2 too
    (xdist 3.8's own id suffix no longer takes there); after every other hook, so added marks count."""
    apply_groups(config, items)


# --- databases for store and service tests ------------------------------------------------------------
# ``db_url`` runs a test on SQLite (a fresh file) and on PostgreSQL (a fresh database on a throwaway
# server started once per session). ``db_store`` is a migrated Store on it. Without PostgreSQL binaries
# the postgresql cases are skipped locally and fail in CI (CI=true), where both must run.


def _pg_unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """Start PostgreSQL (initdb + postgres in a temp dir, fsync off: ``benchmarks.pg_server``, the same
    throwaway server the benchmarks use, gone with this process even when it is killed) for the
    session; stop it at the end."""
    from sqlalchemy.engine import make_url

    from benchmarks import pg_server as throwaway

    try:
        throwaway.bindir()
    except RuntimeError as exc:
        _pg_unavailable(str(exc))
    if os.geteuid() == 0:  # initdb refuses root: the server runs as Debian's postgres system user
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            _pg_unavailable("running as root and there is no 'postgres' system user to run the server as")
    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(
                throwaway.pg_server(
                    database=DATABASE, settings=("max_connections=200",), stop_mode="immediate"
                )
            )
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            pytest.fail(f"PostgreSQL did not start: {exc}", pytrace=False)
        yield PgServer(port=int(make_url(url).port or 0))


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """SQLAlchemy URL of a fresh, empty PostgreSQL schema (one per test; use
    ``pg_server.create_database()`` when a test needs a whole database of its own). A store opened on
    it first gets the migration to head this process recorded once, replayed (``tests.support.postgres``)."""
    return pg_server.create_schema()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """SQLAlchemy URL of a fresh SQLite file in the test's tmp_path."""
    return f"sqlite:///{tmp_path / 'epay-desktop.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """A fresh, empty database URL; the test runs once on SQLite and once on PostgreSQL."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


@pytest.fixture
def db_store(db_url: str) -> Iterator[Store]:
    """A ``Store`` on ``db_url`` migrated to head with the tests' audit key (``tests.support.database``);
    closed afterwards. A second store on the same database: ``open_store(db_url)``."""
    store = open_store(db_url)
    try:
        yield store
    finally:
        store.close()


# --- the sandbox: one per session (per xdist worker), fresh for every test (tests.support.sandbox) ------


@pytest.fixture(scope="session")
def shared_sandbox() -> Iterator[SharedSandbox]:
    """The session's loopback sandbox; tests take it through ``sandbox``/``two_step_sandbox`` (or
    ``shared_sandbox.fresh(SandboxConfig(...))`` in a fixture of their own)."""
    with start_shared_sandbox() as shared:
        yield shared


@pytest.fixture
def sandbox(shared_sandbox: SharedSandbox, request: pytest.FixtureRequest) -> RunningSandbox:
    """A fresh one-step sandbox (payments end in CHARGE): empty ledger, no faults, no tokens."""
    return shared_sandbox.fresh(holder=request.node.nodeid)


@pytest.fixture
def two_step_sandbox(shared_sandbox: SharedSandbox, request: pytest.FixtureRequest) -> RunningSandbox:
    """A fresh two-step sandbox (payments end in AUTH and need a charge)."""
    return shared_sandbox.fresh(SandboxConfig(two_step=True), holder=request.node.nodeid)


# --- the fiscal sandbox: one per session (per xdist worker), emptied for every test -----------------


@pytest.fixture(scope="session")
def shared_fiscal_sandbox() -> Iterator[RunningFiscalSandbox]:
    """The session's loopback fiscal sandbox (the Webkassa emulator); tests take it through
    ``fiscal_sandbox``."""
    with start_in_thread() as running:
        yield running


@pytest.fixture
def fiscal_sandbox(shared_fiscal_sandbox: RunningFiscalSandbox) -> RunningFiscalSandbox:
    """The fiscal sandbox emptied: no receipts, shifts, tokens or faults, its clock the real time."""
    return emptied(shared_fiscal_sandbox)


# --- the qasync loop for Qt tests (pattern A of docs/stack-notes.md) ------------------------------------
# Used by tests/ui and tests/e2e: sync tests; the loop claims to be running and qtbot's waits pump it.


@pytest.fixture
def aloop(qapp: QApplication, qtbot: Any) -> Iterator[qasync.QEventLoop]:
    """A qasync loop marked as running; qtbot's waits drive it. Cleared (not stopped) afterwards."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    # qtbot closes the test's widgets only after this teardown, when no loop is set any more: a
    # debounce timer (search, detail) firing then would start a coroutine with no loop. Stop the
    # windows' timers and close them now, while the loop still runs.
    for widget in QApplication.topLevelWidgets():
        for timer in widget.findChildren(QTimer):
            timer.stop()
        widget.close()
    qapp.processEvents()
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        qtbot.waitUntil(lambda: all(t.done() for t in pending), timeout=10_000)
    # asyncio.to_thread runs on the loop's default executor, whose QThreads must be stopped: a QThread
    # still running when the process exits aborts it ("QThread: Destroyed while thread is still running").
    executor = getattr(loop, "_QEventLoop__default_executor", None)
    if executor is not None:
        executor.shutdown(wait=True)
        loop.set_default_executor(None)
    # no loop.stop()/close(): stop() calls QApplication.exit() and breaks later loops (pitfall 7)
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def gui_thread_gc() -> Iterator[None]:
    """No automatic collection during a Qt test: it runs on whichever thread allocates, and a cycle
    holding Qt objects collected on a store/executor worker thread destroys them off the GUI thread
    (the app does the same with ui.gc_guard.MainThreadCollector). Qt test folders make it autouse."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.fixture(scope="module")
def profile(qapp: QApplication) -> Iterator[Any]:
    """One off-the-record checkout browser profile per test module (the console's, from
    ``ui.checkout.make_checkout_profile``), deleted after the module: every page of the module is gone
    by then (the fixtures that show one delete their window per test)."""
    from epay_desktop.ui.checkout.profile import make_checkout_profile

    prof = make_checkout_profile(qapp)
    yield prof
    shiboken6.delete(prof)


# -- the system keychain, in memory ---------------------------------------------------------------------


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    """The process's keychain replaced by a ``tests.support.keychain.MemoryKeyring`` for one test
    (``memory.items``)."""
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


# -- the HTTP client's TLS context, made once per test process ------------------------------------------

#: The app's own TLS context (httpx's default: certifi's CAs, hostnames checked), made at the first use and
#: kept: the app makes one per ``open_app`` (one per process outside the tests), about 40 ms of CPU each,
#: and the tests open the app hundreds of times (every in-process CLI command, every console).
_shared_tls_context = functools.cache(app_module._tls_context)


@pytest.fixture(autouse=True)
def _one_tls_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """``open_app`` takes the process's one TLS context (the same CAs and checks) instead of reading the
    CA bundle again. tests/services/test_app_context.py overrides this: there the app makes its own."""
    monkeypatch.setattr(app_module, "_tls_context", _shared_tls_context)


@pytest.fixture(autouse=True)
def _own_config_folder(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Remembered screen choices (ui.ini: a login remembers its language) never go to the real
    ~/.config of whoever runs the tests; and the command line's language (--lang, else LANG) is
    English whatever the runner's locale, unless a test sets it."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
