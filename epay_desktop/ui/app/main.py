"""The desktop console's entry point: one QApplication, one qasync loop, the app's whole life.

``run_gui()`` (``epay-desktop`` without a command) creates the QApplication with the OpenGL contexts
shared (QtWebEngine, the checkout browser, loads at the first sale: decision 0055), then runs
:func:`run_console` with ``qasync.run`` exactly once (stack-notes pitfall 4).
What it runs on comes ready from the composition root (:class:`epay_desktop.launch.Launch`, decision
0086): the settings to open, with ``--demo`` the sandbox and what the demo adds; this module starts
and configures no gateway itself. Inside the loop: the crash handler, ``open_app``, the console's
window, then in the background the start-up reconciliation (shown in the status bar as "Checking
unfinished payments with the bank...", the list following its outcomes; decision 0059) and after it
the poller for the app's lifetime, the console itself (:class:`AppController`), and on the way
out a clean shutdown: poller stopped, web pages deleted before their profile, ``aclose()``; the
launch stops the demo's sandbox after the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sys
import time
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from typing import Any

import qasync
import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop import __version__
from epay_desktop.app import AppContext
from epay_desktop.app import database_checked
from epay_desktop.app import open_app
from epay_desktop.domain import ConsoleError
from epay_desktop.launch import Launch
from epay_desktop.logs import log_failure
from epay_desktop.logs import quiet_without_handlers
from epay_desktop.ui.app.admin_screens import saved_idle_minutes
from epay_desktop.ui.app.controller import AppController
from epay_desktop.ui.app.controller import ConsoleOptions
from epay_desktop.ui.app.crash import CrashHandler
from epay_desktop.ui.app.crash import install_crash_handler
from epay_desktop.ui.app.gc_guard import MainThreadCollector
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import ask_message
from epay_desktop.ui.common.asyncqt import end_live_tasks
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.language import startup_language
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.common.titles import product_name
from epay_desktop.ui.common.titles import window_title
from epay_desktop.ui.window.about import app_icon

if TYPE_CHECKING:  # QtWebEngine loads at the first sale (decision 0055)
    from PySide6.QtWebEngineCore import QWebEngineProfile

__all__ = ["STARTUP_PROBE_ENV", "GuiOptions", "StartupScreen", "run_console", "run_gui", "start_background"]

log = logging.getLogger(__name__)

#: How long the start-up reconciliation may run before the poller takes over (it runs behind the window).
STARTUP_RECONCILE_TIMEOUT = 30.0
#: Unresolved money operations (a lost answer) are checked with the bank this often, locked or not.
RECONCILE_EVERY = 20.0
#: Tests and ``benchmarks/startup.py``: a file to write, when the login form first shows, the time and
#: the modules loaded by then (JSON); the console then closes itself (decision 0055).
STARTUP_PROBE_ENV = "EPAY_DESKTOP_STARTUP_PROBE"


def _tr(text: str) -> str:
    return QCoreApplication.translate("main", text)


@dataclass(frozen=True, slots=True)
class GuiOptions:
    verbose: bool = False


def run_gui(
    *,
    demo: bool = False,
    demo_home: str | None = None,
    verbose: bool = False,
    argv: Sequence[str] = (),
    language: str | None = None,
) -> int:
    """Open the console and return its exit code when the window closes (0 normal, 2 cannot start).

    ``language``: kk/ru/en (``--lang``); default: the last login's on this computer, else the system's.
    """
    refusal = _root_refusal(demo)
    if refusal:
        print(f"epay-desktop: {refusal}", file=sys.stderr)
        return 2
    qapp = make_application(argv)
    configure_application(qapp)
    translations().switch(language or startup_language())  # before any window (decision 0045)
    launch = Launch.start(demo=demo, demo_home=demo_home)  # before the loop (its docstring says why)
    try:
        return run_once(qapp, run_console(qapp, GuiOptions(verbose=verbose), launch))
    except KeyboardInterrupt:
        return 130
    finally:
        translations().uninstall()  # before the QApplication goes: a crash at exit otherwise
        launch.stop()


def make_application(argv: Sequence[str] = ()) -> QApplication:
    """The process's QApplication, ready for QtWebEngine to load later (at the first sale)."""
    os.environ.setdefault("QT_API", "pyside6")
    # Qt's rule for a QtWebEngine loaded after the QApplication (decision 0055): shared GL contexts
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    qapp = QApplication.instance() or QApplication([sys.argv[0] or "epay-desktop", *argv])
    assert isinstance(qapp, QApplication)
    return qapp


def run_once(qapp: QApplication, main: Coroutine[Any, Any, int]) -> int:
    """Run ``main`` on a qasync loop with exactly ONE Qt ``exec()`` for the process.

    Not ``qasync.run``: asyncio.run's clean-up runs the loop a second time after it stopped, and a
    second run after QtWebEngine tore itself down (on ``aboutToQuit``) segfaults (stack-notes,
    pitfall 4). ``main`` cleans up after itself, so nothing is left to run afterwards.
    """
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    task = loop.create_task(main)
    task.add_done_callback(lambda _task: loop.stop())
    try:
        loop.run_forever()
    finally:
        loop.close()  # joins the loop's worker threads (a QThread alive at exit aborts the process)
        asyncio.set_event_loop(None)
    if not task.done():  # the loop stopped for another reason (e.g. Ctrl+C)
        task.cancel()
        return 130
    return int(task.result())


def _root_refusal(demo: bool) -> str | None:
    """Chromium (the checkout browser) kills the whole process when started as root with its sandbox.

    The real console refuses to run as root. The demo may (docs/decisions/0011-demo-as-root.md): its only
    gateway is the in-process sandbox on loopback, the checkout page may go nowhere else, and no real
    card or money can be involved, so Chromium's sandbox is switched off for that process alone.
    """
    if (
        not hasattr(os, "geteuid")
        or os.geteuid() != 0
        or os.environ.get("QTWEBENGINE_DISABLE_SANDBOX") == "1"
    ):
        return None
    if demo:
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        log.warning("event=demo_as_root chromium_sandbox=off reason=root_user gateway=in-process sandbox")
        print(
            "epay-desktop: running the demo as root: the checkout browser's sandbox is off. "
            "Run the real console as a normal user.",
            file=sys.stderr,
        )
        return None
    return (
        "the console must not run as root: its payment browser refuses to start there. Run it as "
        "a normal user (the demo, --demo, may run as root)."
    )


def configure_application(qapp: QApplication) -> None:
    qapp.setApplicationName("epay-desktop")
    qapp.setOrganizationName("epay-desktop")
    qapp.setApplicationDisplayName(product_name())  # Qt appends it to titles not ending with it
    qapp.setApplicationVersion(__version__)
    qapp.setWindowIcon(app_icon())  # every window's icon (resources/icons)
    theme.apply(qapp)  # light, whatever the system's colour scheme (decision 0047)
    qapp.setQuitOnLastWindowClosed(False)  # the loop ends when run_console returns, not before


class StartupScreen(QWidget):
    """What the cashier sees while the console starts: the name, SANDBOX in demo mode, one line of state."""

    def __init__(self, *, demo: bool) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("startup_screen")
        self.setWindowTitle(window_title(_tr("SANDBOX (demo)")) if demo else window_title())
        title = QLabel(product_name())
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label = QLabel(_tr("Starting…"))
        self.status_label.setObjectName("startup_status")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setWordWrap(True)
        progress = QProgressBar()
        progress.setRange(0, 0)  # busy, not a percentage
        progress.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)
        layout.addWidget(title)
        if demo:
            badge = QLabel(_tr("SANDBOX — demo data, no real money"))
            badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            badge.setStyleSheet(theme.style("startup_badge"))
            layout.addWidget(badge)
        layout.addWidget(self.status_label)
        layout.addWidget(progress)
        self.resize(460, 220)

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)
        log.info("event=startup_step text=%r", text)


class _StartupProbe(QObject):
    """Writes ``{"shown_at": time.time(), "cpu": time.process_time(), "modules": [...],
    "qt_types": {...}}`` to ``path`` when the login form is first shown, then closes ``window``
    (see :data:`STARTUP_PROBE_ENV`). The modules are in the order they were loaded;
    ``qt_types``: the names each PySide6 module had made by then (it makes a class and its enums
    when first used, not at its import). ``benchmarks/startup.py``'s floor loads the same."""

    def __init__(self, login_form: QWidget, window: QWidget, path: str) -> None:
        super().__init__(login_form)
        self._window = window
        self._path = path
        self._done = False
        login_form.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and not self._done:
            self._done = True
            shown_at = time.time()
            report = {
                "shown_at": shown_at,
                "cpu": time.process_time(),
                "modules": list(sys.modules),
                "qt_types": {
                    name: [key for key in vars(module) if not key.startswith("_")]
                    for name, module in list(sys.modules.items())
                    if name.startswith("PySide6.Qt") and module is not None
                },
            }
            with open(self._path, "w", encoding="utf-8") as out:
                json.dump(report, out)
            QTimer.singleShot(0, self._window.close)  # after this event: the login form is on screen
        return False


class _CheckoutProfile:
    """The checkout browser's one profile, made on first use: QtWebEngine loads then (decision 0055)."""

    def __init__(self, qapp: QApplication) -> None:
        self._qapp = qapp
        self._profile: QWebEngineProfile | None = None

    def get(self) -> QWebEngineProfile:
        if self._profile is None:
            # QtWebEngine: at the first sale, not at start-up
            from epay_desktop.ui.checkout.profile import make_checkout_profile

            self._profile = make_checkout_profile(self._qapp)
        return self._profile

    def delete(self) -> None:
        if self._profile is not None and shiboken6.isValid(self._profile):
            shiboken6.delete(self._profile)
        self._profile = None


async def reconcile_at_startup(ctx: AppContext, show: Callable[[str], None] | None = None) -> None:
    """Settle unfinished operations and payments with the bank (bounded in time), saying so through
    ``show`` (the status bar) while it runs and clearing it after.

    It runs behind the window (decision 0059): an operation in doubt still blocks any new one on its
    payment meanwhile (the store allows one unresolved operation per payment, reliability.md rule 3)."""
    if show is not None:
        show(_tr("Checking unfinished payments with the bank…"))
    try:
        report = await asyncio.wait_for(ctx.reconciler.reconcile_all(), STARTUP_RECONCILE_TIMEOUT)
    except TimeoutError:
        log.warning("event=startup_reconcile_timeout seconds=%s", STARTUP_RECONCILE_TIMEOUT)
        return
    finally:
        if show is not None:
            show("")
    log.info("event=startup_reconciled changes=%d problems=%d", len(report.changes), len(report.problems))
    if report.payments_checked and not report.problems and ctx.poller.last_success_at is None:
        ctx.poller.last_success_at = ctx.clock()  # the bank answered: the status bar may say so


def start_background(
    ctx: AppContext,
    *,
    reconcile_every: float = RECONCILE_EVERY,
    startup: Callable[[str], None] | None = None,
    first: Callable[[], Awaitable[object]] | None = None,
) -> tuple[asyncio.Event, asyncio.Future[Any]]:
    """The poller and a periodic reconciliation (operations whose answer was lost get settled, then the
    fiscal receipts left unregistered; also while the screen is locked), running until the returned
    event is set; await the future after.
    ``startup``: run the start-up reconciliation first, behind the window, its line shown through it
    (the status bar; decision 0059); the poller starts when it has ended. ``first``: work that must
    end before anything here talks to the gateway (the demo mirrors its ledger into the sandbox,
    decision 0062); the reconciliations and the poller wait for it, and go on even if it fails.

    Safe while a refund, charge or cancel is being sent: the reconciler leaves the operations this
    process has in flight to their sender (``MoneyOperations.in_flight``).
    """
    stop = asyncio.Event()
    ready = asyncio.Event()

    async def reconcile_loop() -> None:
        await ready.wait()
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), reconcile_every)
            if stop.is_set():
                return
            try:
                await ctx.reconciler.reconcile_all()
            except Exception:  # never stop settling because one round failed
                log.exception("event=background_reconcile_failed")
            try:  # then the fiscal receipts a crash or a lost answer left (decision 0124)
                await ctx.fiscal.reconcile()
            except Exception:
                log.exception("event=background_fiscal_reconcile_failed")

    async def poll() -> None:
        if first is not None:
            try:
                await first()
            except Exception:
                log.exception("event=startup_first_failed")
        ready.set()
        if startup is not None:  # the start-up reconciliation first: the poller would ask the same
            try:
                await reconcile_at_startup(ctx, startup)
            except Exception:  # the poller and the periodic reconcile carry on regardless
                log.exception("event=startup_reconcile_failed")
        await ctx.poller.run_forever(stop)

    return stop, asyncio.gather(poll(), reconcile_loop())


async def run_console(qapp: QApplication, options: GuiOptions, launch: Launch | None = None) -> int:
    """Everything between the loop starting and the window closing; returns the exit code.

    ``launch``: what the console runs on, the demo's sandbox already running (see :func:`run_gui`);
    default: the real console on the saved settings.
    """
    launch = launch or Launch()
    controller: AppController | None = None
    crash = install_crash_handler(lambda: controller.window if controller is not None else None)
    collector = MainThreadCollector(qapp)
    collector.start()
    screen = StartupScreen(demo=launch.demo)
    screen.show()
    ctx: AppContext | None = None
    background: tuple[asyncio.Event, asyncio.Future[Any]] | None = None
    profile = _CheckoutProfile(qapp)  # made with the first "New payment" window, not before the login
    damage: list[ConsoleError] = []
    watch: asyncio.Future[None] | None = None
    clean_end = False
    environ: Mapping[str, str] | None = None
    quiet_without_handlers()  # nothing reaches stderr while no log file is attached (decision 0070)
    try:
        environ = await launch.environ()
        screen.set_status(_tr("Opening the database…"))
        # the page check runs behind the window; every write waits for it (decision 0066)
        ctx = await open_app(environ, verbose=options.verbose, check_in_background=True)
        crash.log_path = ctx.log_file
        console = ConsoleOptions(idle_minutes=await saved_idle_minutes(ctx))
        first: Callable[[], Awaitable[object]] | None = None
        if launch.demo:
            screen.set_status(_tr("Preparing the demo shop…"))
        demo = await launch.prepare(ctx)  # a new demo folder: its payments in the list at the first login
        if demo is not None:
            console = ConsoleOptions(
                demo_users=demo.users, environment=demo.environment, idle_minutes=console.idle_minutes
            )
            first = demo.behind_login  # the sandbox's side, behind the login
        controller = AppController(ctx, profile.get, console)
        backups = launch.keeps_backups
        watch = asyncio.ensure_future(_watch_database(ctx, controller, damage, backups=backups))
        background = start_background(ctx, startup=_status_line(controller), first=first)
        screen.close()
        probe = os.environ.get(STARTUP_PROBE_ENV)
        if probe:
            _StartupProbe(controller.session.lock_screen, controller.window, probe)
        await controller.run()
        if damage:  # the page check failed behind the window: the console closed itself
            screen.show()
            return await _cannot_start(screen, damage[0])
        clean_end = backups  # the demo's data is made afresh: no copies of it
        return 0
    except (ConsoleError, ValueError, OSError) as exc:  # SettingsError is a ValueError
        return await _cannot_start(screen, exc, environ if ctx is None else None)
    finally:
        if watch is not None:
            watch.cancel()
            with contextlib.suppress(BaseException):
                await watch
        await _shutdown(controller, background, ctx, crash)
        if clean_end and ctx is not None:  # the end of the day's work (decision 0067)
            screen.set_status(_tr("Backing up the database…"))
            screen.show()
            await _backup_of_the_day(ctx, only_if_missing=False)
            screen.close()
        collector.stop()
        screen.close()
        profile.delete()  # after every checkout page (the controller deleted its views)


async def _watch_database(
    ctx: AppContext, controller: AppController, damage: list[ConsoleError], *, backups: bool
) -> None:
    """Wait for the database's page check (started at open, decision 0066); if it fails, close the
    console (run_console then says why, with the way out). When it passes, the day's first copy of
    the database is made if the day has none yet (decision 0067)."""
    checked = asyncio.ensure_future(database_checked(ctx))
    form = controller.session.lock_screen.form
    try:
        done, _ = await asyncio.wait({checked}, timeout=CHECK_NOTICE_AFTER_S)
        if not done:  # a big file, or the full check after an unclean end: say why a log-in waits
            form.show_notice(_checking_notice)
        await checked
    except ConsoleError as exc:
        log.error("event=database_refused_after_open error=%s", type(exc).__name__)
        damage.append(exc)
        controller.close()
        return
    finally:
        if not checked.done():
            checked.cancel()
        if shiboken6.isValid(form):
            form.show_notice("")
    if backups:
        await _backup_of_the_day(ctx, only_if_missing=True)


#: How long the page check may take before the login form says a log-in waits for it (decision 0066).
CHECK_NOTICE_AFTER_S = 1.0


def _checking_notice() -> str:
    return _tr("Checking the database for damage… A log-in waits until the check is done.")


async def _backup_of_the_day(ctx: AppContext, *, only_if_missing: bool) -> None:
    try:
        await ctx.backups.of_the_day(only_if_missing=only_if_missing)
    except Exception:  # a copy that cannot be made is logged; it never stops the console or its exit
        log.exception("event=daily_backup_failed")


def _status_line(controller: AppController) -> Callable[[str], None]:
    """Shows a line in the main window's status bar ("" clears it), while the window lives."""

    def show(text: str) -> None:
        if shiboken6.isValid(controller.window):
            controller.window.statusBar().showMessage(text)

    return show


async def _cannot_start(
    screen: StartupScreen, exc: BaseException, unopened: Mapping[str, str] | None = None
) -> int:
    """Say why the console cannot start, and write it to the log file. ``unopened``: the settings of an
    app that never opened, so its log is not attached: the failure goes to that home's log file. A
    refusal with a sentence for the person (a damaged or missing database) is logged without a trace."""
    said = user_message_of(exc)
    message = said or str(exc)
    event = f"event=startup_failed error={type(exc).__name__}"
    if unopened is not None:
        _log_unopened(unopened, event, exc, trace=said is None)
    else:
        log.error("%s", event, exc_info=exc if said is None else None)
    screen.set_status(_tr("The console cannot start."))
    await ask_message(
        screen,
        _tr("The console cannot start"),
        message,
        icon=QMessageBox.Icon.Critical,
    )
    return 2


def _log_unopened(environ: Mapping[str, str], event: str, exc: BaseException, *, trace: bool) -> None:
    from epay_desktop.settings import SettingsError
    from epay_desktop.settings import load_store_settings

    try:
        home = load_store_settings(environ).home
    except SettingsError:
        return
    log_failure(home, event if trace else f"{event} said={exc}", exc if trace else None)


async def _shutdown(
    controller: AppController | None,
    background: tuple[asyncio.Event, asyncio.Future[Any]] | None,
    ctx: AppContext | None,
    crash: CrashHandler,
) -> None:
    if controller is not None:
        controller.close()
    await end_live_tasks()  # a detail or a count still reading: it ends before the store closes
    if background is not None:
        stop, task = background
        stop.set()
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await asyncio.wait_for(task, 5.0)
    if ctx is not None:
        await ctx.aclose()
    crash.uninstall()
