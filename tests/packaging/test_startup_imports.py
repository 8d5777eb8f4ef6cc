"""What the console has loaded when its login form shows, and what ``--version``/``--help`` load
(issue 10, P1; decision 0055). Deterministic: module lists, never times.

The console is the real one, started as ``python -m epay_desktop`` in a new process (offscreen); with
``EPAY_DESKTOP_STARTUP_PROBE`` set it writes ``sorted(sys.modules)`` when the login form is shown,
then closes itself (ui/app/main.py ``_StartupProbe``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from epay_desktop.settings import load_store_settings
from epay_desktop.store.migrate_check import schema_at_head
from epay_desktop.store.migrate_check import shipped_head
from epay_desktop.store.migrations import head_revision
from epay_desktop.store.open import open_store
from tests.support.demo_console import child_environ
from tests.support.demo_console import logged_in_demo

#: Never loaded before the login form: each is needed only later.
#:   reportlab (+ PIL, which it pulls in): the first receipt drawn;
#:   alembic: a database whose schema must change (not a database at the newest schema);
#:   uvicorn, starlette: the built-in sandbox gateway (``epay-desktop sandbox``, ``--demo``);
#:   epay_desktop.demo: ``--demo`` only;
#:   QtWebEngine and the checkout screens: the first "New payment" window (F2) or a late payment;
#:   the manager's dialogs (Settings, Users, Export, Needs attention, Day at a glance): when first opened.
LATER = (
    "reportlab",
    "PIL",
    "alembic",
    "uvicorn",
    "starlette",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "epay_desktop.demo",
    "epay_desktop.receipts.pdf",
    *(  # the checkout room but for the late-payment notice, which the main window shows
        f"epay_desktop.ui.checkout.{name}"
        for name in ("window", "screen", "form", "result", "saved_card", "view", "page", "policy", "profile")
    ),
    "epay_desktop.ui.settings.settings_dialog",
    "epay_desktop.ui.users.users_dialog",
    "epay_desktop.ui.payments.export_dialog",
    "epay_desktop.ui.payments.attention_dialog",
    "epay_desktop.ui.dashboard.window",
    "PySide6.QtCharts",  # the day at a glance's charts: when it first opens
)
#: The console's core, loaded before Qt (decision 0062): once PySide6 is loaded, its import hook
#: runs for every later import and reads each new module's source.
CORE = (
    "epay_desktop.app",
    "epay_desktop.store.models",
    "epay_desktop.services.payments.payment_service",
    "sqlalchemy.orm",
)
#: Loaded before the login form, and why:
#:   PySide6.QtWidgets, qasync: the window itself and its event loop;
#:   sqlalchemy: the login checks the name and PIN against the store;
#:   httpx: the app's one HTTP client, made with the app; the start-up reconciliation asks the bank
#:          about unfinished payments before any new work (reliability.md);
#: And not QtWebEngine: the checkout browser (and its profile) is built with the first "New payment"
#: window; the QApplication shares OpenGL contexts so that it may load then (Qt's rule).
NEEDED = ("PySide6.QtWidgets", "qasync", "sqlalchemy", "httpx", "epay_desktop.ui.session.login")
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
    env = child_environ(tmp_path)
    env.update(EPAYMENT_HOME=str(tmp_path / "console"), EPAYMENT_REGISTER="KASSA-1")
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


@pytest.fixture(scope="module")
def at_login(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """What the console had loaded, in order, when its login form showed: ONE start on a database at the
    newest schema, read by the two tests below (their xdist group keeps them on one worker)."""
    home = tmp_path_factory.mktemp("at-login")
    _migrated_home(home)
    return _console_at_login(home)


@pytest.fixture(scope="module")
def first_demo_start(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    """The first ``--demo`` start on a new demo folder (migrated and seeded by it): what it had loaded at
    the login form, and the folder, which later tests copy (a demo folder seeded before, not seeded again)."""
    home = tmp_path_factory.mktemp("demo-start")
    return _console_at_login(home, "--demo-home", str(home / "demo")), home / "demo"


@pytest.mark.xdist_group("console-at-login")
def test_the_login_form_shows_before_receipts_migrations_and_the_sandbox_are_loaded(
    at_login: list[str],
) -> None:
    modules = at_login
    assert _loaded(modules, NEEDED) == list(NEEDED)  # the probe saw the real console's login
    assert _loaded(modules, LATER) == []


@pytest.mark.xdist_group("console-at-login")
def test_the_console_loads_its_core_before_qt(at_login: list[str]) -> None:
    """The probe lists the modules in the order they were loaded: the store, the services and the
    gateway come before PySide6, the UI after it."""
    modules = at_login
    qt = modules.index("PySide6")
    assert [name for name in CORE if modules.index(name) > qt] == []
    assert modules.index("epay_desktop.ui.app.main") > qt


@pytest.mark.xdist_group("demo-start")
def test_the_demo_runs_its_sandbox_but_draws_no_receipt_and_migrates_only_once(
    tmp_path: Path, first_demo_start: tuple[list[str], Path]
) -> None:
    """``--demo``: the sandbox is the demo's bank (its ledger is filled and the start-up reconciliation
    asks it before the login), so uvicorn/starlette load; a new demo database is migrated (alembic);
    the next start finds it current and does not load alembic."""
    first, demo = first_demo_start
    shutil.copytree(demo, tmp_path / "demo")
    assert _loaded(first, ("uvicorn", "starlette", "alembic", "epay_desktop.demo")) == [
        "uvicorn",
        "starlette",
        "alembic",
        "epay_desktop.demo",
    ]
    assert _loaded(first, ("reportlab", "PIL", "epay_desktop.receipts.pdf", "PySide6.QtWebEngineCore")) == []
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


LATE_BROWSER = """
import sys
from PySide6.QtCore import QTimer
from epay_desktop.ui.app.main import _CheckoutProfile, make_application

qapp = make_application()
print("webengine before:", "PySide6.QtWebEngineCore" in sys.modules)
profile = _CheckoutProfile(qapp)
from PySide6.QtWebEngineCore import QWebEnginePage  # noqa: E402  (after the QApplication, as at a sale)
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402

view = QWebEngineView()
page = QWebEnginePage(profile.get(), view)
view.setPage(page)


def loaded(ok):
    page.runJavaScript("document.title", 0, lambda title: (print("loaded:", ok, title), qapp.quit()))


page.loadFinished.connect(loaded)
view.setHtml("<html><head><title>checkout-ready</title></head><body>x</body></html>")
view.show()
QTimer.singleShot(60000, qapp.quit)
qapp.exec()
del page, view
profile.delete()
"""


def test_the_checkout_browser_loads_after_the_qapplication(tmp_path: Path) -> None:
    """The console's QApplication (``make_application``) lets QtWebEngine load later, at the first
    sale: the profile is made then and a page loads; Qt does not complain that it was initialised
    from a plugin (the shared OpenGL contexts are set)."""
    done = subprocess.run(
        [sys.executable, "-c", LATE_BROWSER],
        env={**_environ(tmp_path), "QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu --log-level=3"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "webengine before: False" in done.stdout
    assert "loaded: True checkout-ready" in done.stdout, done.stderr[-3000:]
    assert "initialized from a plugin" not in done.stderr


#: The real console (``run_gui``, ``--demo``) with its run step driven (``tests.support.demo_console``):
#: at the login form, and once logged in: press F2 (``start_sale``), open the gateway's page for a new
#: payment in the checkout.
AT_THE_LOGIN_FORM = """
print("webengine at login:", "PySide6.QtWebEngineCore" in sys.modules, flush=True)
"""
FIRST_SALE = """
from epay_desktop.domain import Money
from epay_desktop.domain.checkout import CheckoutRequest

self.start_sale()
print("webengine after F2:", "PySide6.QtWebEngineCore" in sys.modules, flush=True)
request = CheckoutRequest(Money.parse("1500"), description="x")
sale = await self.ctx.payments.create_payment(self.session.user, request)
loaded = asyncio.get_event_loop().create_future()
self.checkout_view.page.loadFinished.connect(lambda ok: loaded.done() or loaded.set_result(ok))
self.checkout_view.start(sale.payment_object, sale.widget_url, sale.token_expires_at)
print("page loaded:", await asyncio.wait_for(loaded, 60), flush=True)
"""


@pytest.mark.xdist_group("demo-start")
def test_the_first_sale_loads_the_checkout_browser_in_the_real_console(
    tmp_path: Path, first_demo_start: tuple[list[str], Path]
) -> None:
    """QtWebEngine is not loaded at the login; F2 builds the "New payment" window with its browser
    and the gateway's page loads in it (the demo, logged in through the login form; on a copy of the
    folder the first demo start seeded)."""
    shutil.copytree(first_demo_start[1], tmp_path / "demo")
    env = {**_environ(tmp_path), "QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu --log-level=3"}
    done = logged_in_demo(tmp_path / "demo", env, FIRST_SALE, at_login_form=AT_THE_LOGIN_FORM)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines == ["webengine at login: False", "webengine after F2: True", "page loaded: True"], (
        done.stdout + done.stderr[-3000:]
    )
