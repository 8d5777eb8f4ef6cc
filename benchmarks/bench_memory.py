"""P5: the console's memory with a big database and the payment list open, beside a bare Qt process.

Each sample is one fresh process that reads its own ``/proc/self/status`` (``VmRSS``: resident now;
``VmHWM``: the most it was resident) once it has reached its state, after a short idle:

  console  the real start path of ``python -m epay_desktop`` (``epay_desktop.cli.main([])``: saved
           settings, ``open_app``, the start-up reconciliation, the ``AppController``) on a home
           whose database is a copy of ``--db``. A driver in the same process then does what a
           person does: types a manager's name and password (``benchmarks.generate``'s users) into
           the login form and presses Enter, waits for the list's true count and first page,
           pages down 12 screens, drags the scrollbar to 25 %, 50 %, 75 % and the end, waits for
           each place's rows, idles 1 s and reads the figures. No payment window is opened, so no
           web view is ever made (the record says whether QtWebEngine was loaded). The gateway URLs
           point at a closed loopback port: nothing answers, as on a counter whose bank is down.
  floor    a bare PySide6 process on the same platform plugin: a QApplication and a shown
           QMainWindow holding an empty QTableView, idle 1 s, the same figures.

The console runs once uncounted on the copy first (a migration the copy needs, the home's files,
the file in the OS cache), then console and floor processes alternate ``--runs`` times. Two figures
(``benchmarks.figures``, unit MB): ``rss_list_open`` (VmRSS) and ``rss_peak`` (VmHWM); goal <= 1.5x.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_memory --db PATH [--runs 3] [--smoke]

``--db`` is only read (copied into a temporary home). ``--smoke``: 300 generated payments, one run, no
uncounted run first (untimed: nothing to warm).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from collections.abc import Sequence
from pathlib import Path
from typing import Any

GOAL_RATIO = 1.5
#: a manager of ``benchmarks.generate`` (sees every payment) and the generator's default password
USER = "Гүлнар Сейітқызы"
PASSWORD = "benchmark-1"  # noqa: S105  (the generated benchmark database's, never a real one)
PAGE_DOWNS = 12
DRAGS = (0.25, 0.5, 0.75, 1.0)
IDLE_S = 1.0
CHILD_TIMEOUT_S = 600
CLOSED_PORT = "http://127.0.0.1:9"
ROOT = Path(__file__).resolve().parents[1]


def _say(text: str) -> None:
    print(f"bench_memory: {text}", file=sys.stderr, flush=True)


def read_status() -> dict[str, int]:
    """This process's memory from /proc/self/status, in kB (VmRSS, VmHWM, RssAnon, RssFile, RssShmem)."""
    wanted = {"VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"}
    found: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in wanted:
                found[key] = int(value.split()[0])
    return found


def _now() -> list[int]:
    status = read_status()
    return [status["VmRSS"], status["VmHWM"]]


# -- the child processes ------------------------------------------------------------------------


def _write(out: str, record: dict[str, Any]) -> None:
    Path(out).write_text(json.dumps(record), encoding="utf-8")


def child_floor(out: str) -> int:
    """A bare PySide6 process: a QMainWindow with an empty QTableView, shown, then idle."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from PySide6.QtWidgets import QMainWindow
    from PySide6.QtWidgets import QTableView

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1280, 800)
    window.show()

    def measure() -> None:
        _write(out, {"status": read_status(), "webengine": "PySide6.QtWebEngineCore" in sys.modules})
        app.quit()

    QTimer.singleShot(int(IDLE_S * 1000), measure)
    return app.exec()


class _Driver:
    """Drives the console like a person, from a timer on the GUI thread (see the module docstring)."""

    def __init__(self, out: str, name: str, password: str) -> None:
        from PySide6.QtCore import QTimer

        self.out, self.name, self.password = out, name, password
        self.started = time.monotonic()
        self.steps: list[Callable[[], bool]] = [self._log_in, self._listed]
        self.window: Any = None
        #: [VmRSS, VmHWM] (kB) at each stage on the way: where the console's memory comes from
        self.report: dict[str, Any] = {"stages_kb": {"qapplication": _now()}}
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        try:
            if time.monotonic() - self.started > CHILD_TIMEOUT_S - 30:
                raise TimeoutError(f"the console did not get there: {len(self.steps)} steps left")
            while self.steps and self.steps[0]():
                self.steps.pop(0)
            if not self.steps:
                self.timer.stop()
        except Exception as exc:  # the parent reads the failure from the file
            self.timer.stop()
            _write(self.out, {"error": f"{type(exc).__name__}: {exc}"})
            self._close()

    @staticmethod
    def _widget(name: str) -> Any:
        from PySide6.QtWidgets import QApplication
        from PySide6.QtWidgets import QWidget

        for top in QApplication.topLevelWidgets():
            found = top if top.objectName() == name else top.findChild(QWidget, name)
            if found is not None and found.isVisible():
                return found
        return None

    def _log_in(self) -> bool:
        from PySide6.QtCore import QEvent
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        name, secret = self._widget("login_name"), self._widget("login_secret")
        if name is None or secret is None:
            return False
        self.report["stages_kb"]["login_form"] = _now()
        name.setText(self.name)
        secret.setText(self.password)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(secret, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
        return True

    def _listed(self) -> bool:
        window = self._widget("main_window")
        if window is None or not self._rows_shown(window):
            return False
        self.window = window
        self.report["stages_kb"]["list_first_page"] = _now()
        table = window.payments_view.table
        bar = table.verticalScrollBar()
        self.report["rows"] = window.payments_view.model.rowCount()

        def page_down() -> None:
            bar.triggerAction(bar.SliderAction.SliderPageStepAdd)

        def drag(fraction: float) -> Callable[[], None]:
            return lambda: bar.setValue(int(bar.maximum() * fraction))

        actions = [page_down] * PAGE_DOWNS + [drag(f) for f in DRAGS]
        self.steps += [functools.partial(self._act, action) for action in actions]
        self.steps.append(self._idle)
        return True

    def _rows_shown(self, window: Any) -> bool:
        """The list has its count and every row in the viewport is loaded."""
        view = window.payments_view
        model, table = view.model, view.table
        if not model.counted or model.is_loading:
            return False
        rows = model.rowCount()
        if rows == 0:
            return True
        top = max(table.rowAt(0), 0)
        bottom = table.rowAt(table.viewport().height() - 1)
        bottom = rows - 1 if bottom < 0 else bottom
        return all(model.payment_at(r) is not None for r in (top, (top + bottom) // 2, bottom))

    def _act(self, action: Callable[[], object]) -> bool:
        """Do ``action`` once, then wait (ticks) until its rows show."""
        if not getattr(self, "_acted", False):
            action()
            self._acted = True
            return False
        if not self._rows_shown(self.window):
            return False
        self._acted = False
        return True

    def _idle(self) -> bool:
        if not hasattr(self, "_idle_until"):
            self._idle_until = time.monotonic() + IDLE_S
        if time.monotonic() < self._idle_until:
            return False
        model = self.window.payments_view.model
        self.report.update(
            status=read_status(),
            webengine="PySide6.QtWebEngineCore" in sys.modules,
            loaded_rows=model.loaded_rows,
            seconds=round(time.monotonic() - self.started, 1),
        )
        _write(self.out, self.report)
        self._close()
        return True

    def _close(self) -> None:
        from PySide6.QtCore import QTimer

        window = self.window or self._widget("main_window")
        if window is not None:
            QTimer.singleShot(0, window.close)  # the console shuts down as when the cashier closes it
        QTimer.singleShot(30_000, lambda: os._exit(3))  # never hang the benchmark


def child_console(out: str) -> int:
    """``python -m epay_desktop`` (``cli.main([])``) with the driver attached to its QApplication."""
    from epay_desktop import cli
    from epay_desktop.ui.app import main as gui

    make_application = gui.make_application
    drivers: list[_Driver] = []

    def with_driver(argv: Sequence[str] = ()) -> Any:
        qapp = make_application(argv)
        drivers.append(_Driver(out, USER, PASSWORD))
        return qapp

    gui.make_application = with_driver  # the one change: a driver, too
    return cli.main([])


# -- the parent ---------------------------------------------------------------------------------


def _environ(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EPAYMENT_", "EPAY_"))}
    env.update(
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        QTWEBENGINE_DISABLE_SANDBOX="1",  # as benchmarks/startup.py: the console refuses root without it
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        EPAYMENT_HOME=str(home / "console"),
        EPAYMENT_ENV="sandbox",
        EPAYMENT_OAUTH_URL=CLOSED_PORT,
        EPAYMENT_API_URL=CLOSED_PORT,
        EPAYMENT_WIDGET_URL=CLOSED_PORT,
        PYTHONPATH=os.pathsep.join(
            filter(None, [str(Path(__file__).resolve().parents[1]), env.get("PYTHONPATH")])
        ),
    )
    return env


def _child(kind: str, env: dict[str, str], out: Path) -> dict[str, Any]:
    out.unlink(missing_ok=True)
    done = subprocess.run(  # noqa: S603  (this module)
        [sys.executable, "-m", "benchmarks.bench_memory", "--child", kind, "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, check=False,
    )  # fmt: skip
    record = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    if "status" not in record:
        raise SystemExit(
            f"bench_memory: the {kind} process failed (exit {done.returncode}): "
            f"{record.get('error', '')}\n{done.stderr[-3000:]}"
        )
    return record


def _home(folder: Path, db: Path) -> Path:
    """A console home holding a copy of ``db`` (and its pepper.key: the users' passwords)."""
    home = folder / "home"
    console = home / "console"
    console.mkdir(parents=True)
    _say(f"copying {db} ({db.stat().st_size / 2**20:,.0f} MB)")
    for suffix in ("", "-wal"):  # the file as it stands (a -wal holds its latest pages); never written
        source = Path(f"{db}{suffix}")
        if source.exists():
            shutil.copyfile(source, console / f"epay-desktop.db{suffix}")
    for key in ("pepper.key", "audit.key"):  # the users' passwords; the log their roles are checked against
        if (db.parent / key).exists():
            shutil.copy2(db.parent / key, console / key)
    return home


def _now_of(record: dict[str, Any]) -> list[int]:
    return [record["status"]["VmRSS"], record["status"]["VmHWM"]]


def _mb(kb: int) -> float:
    return kb / 1024.0


def run(db: Path, runs: int, *, warm_up: bool = True) -> list[dict[str, Any]]:
    """The P5 figures: ``runs`` console and floor processes on a copy of ``db``, after one uncounted
    console run unless ``warm_up`` is False (``--smoke``, untimed: the same child, nothing to warm)."""
    # imported here, not at the top: the child processes load only what they measure
    from benchmarks.figures import Goal
    from benchmarks.figures import figure

    with tempfile.TemporaryDirectory(prefix="bench-memory-") as name:
        folder = Path(name)
        home = _home(folder, db)
        size = _size(home / "console" / "epay-desktop.db")
        env = _environ(home)
        out = folder / "child.json"
        if warm_up:
            _say("console: one uncounted run (migrations, the home's files, the OS cache)")
            first = _child("console", env, out)
            _say(f"console: {first.get('rows')} rows listed in {first.get('seconds')} s")
        consoles: list[dict[str, Any]] = []
        floors: list[dict[str, Any]] = []
        for i in range(runs):
            _say(f"run {i + 1}/{runs}")
            consoles.append(_child("console", env, out))
            floors.append(_child("floor", env, out))
    rows = consoles[0]["rows"]
    extra = {
        "via": "console",
        "backend": "sqlite",
        "size": size,
        "rows": rows,
        "loaded_rows": consoles[0]["loaded_rows"],
        "webengine_loaded": any(c["webengine"] for c in consoles),
        "scrolled": {"page_downs": PAGE_DOWNS, "drags": list(DRAGS)},
        "stages_kb": {**consoles[-1]["stages_kb"], "list_scrolled": _now_of(consoles[-1])},
    }
    records = []
    for name, key in (("rss_list_open", "VmRSS"), ("rss_peak", "VmHWM")):
        record = figure(
            "P5",
            name,
            [_mb(c["status"][key]) for c in consoles],
            [_mb(f["status"][key]) for f in floors],
            goal=Goal(ratio=GOAL_RATIO),
            unit="MB",
            **extra,
        )
        if key == "VmHWM":
            record["note"] = "the login's password check (argon2id, 64 MiB) is in the peak (decision 0061)"
        if key == "VmRSS":  # where the console's resident memory is: anonymous (heap) or mapped files
            record["console_kb"] = {k: consoles[-1]["status"][k] for k in ("RssAnon", "RssFile", "RssShmem")}
            record["floor_kb"] = {k: floors[-1]["status"][k] for k in ("RssAnon", "RssFile", "RssShmem")}
        records.append(record)
    return records


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_memory",
        description="P5: RSS with the list open beside a bare Qt process",
    )
    parser.add_argument("--db", type=Path, help="a generated SQLite database (read only: it is copied)")
    parser.add_argument("--runs", type=int, default=3, help="console and floor processes each (default 3)")
    parser.add_argument("--smoke", action="store_true", help="300 generated payments, one run (CI: untimed)")
    parser.add_argument("--child", choices=("console", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_console(args.out) if args.child == "console" else child_floor(args.out)
    from benchmarks.figures import emit

    if args.smoke or args.db is None:
        if not args.smoke:
            parser.error("--db is required (or --smoke)")
        from benchmarks.generate import generate

        with tempfile.TemporaryDirectory(prefix="bench-memory-db-") as name:
            db = Path(name) / "epay-desktop.db"
            generate(f"sqlite:///{db}", 300, seed=5)
            for record in run(db, 1, warm_up=False):
                emit(record)
        return 0
    for record in run(args.db, args.runs):
        emit(record)
    return 0


def _size(db: Path) -> int:
    """Payments in the copy (the source is never opened: even a reader may write beside it)."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM payments").fetchone()[0])
    finally:
        conn.close()


if __name__ == "__main__":
    raise SystemExit(main())
