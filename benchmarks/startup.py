"""Benchmark P1 (issue 10): process start to the interactive login window, beside its floor.

A benchmark, not a test: nothing here asserts a time. Each run starts a new process.

  console  ``python -m epay_desktop`` (sandbox settings, a home prepared by one uncounted run so no
           migration happens), from just before the process is started to the moment its login
           form is shown (``EPAY_DESKTOP_STARTUP_PROBE``, ui/app/main.py). ``--demo``: the same with
           ``--demo-home`` (its sandbox runs, the demo shop is prepared on the first, uncounted run).
  floor    a bare PySide6 process that imports exactly the third-party modules the console had
           loaded when its login showed, in the order it loaded them (the order matters: once
           PySide6 is loaded its import hook runs for every later import), and makes the same Qt
           classes the console had made by then (PySide6 makes a class and its enums when it is
           first used, not when its module is imported: ``Qt`` alone is ~30 ms), then creates
           the QApplication and shows a QMainWindow with a line edit; timed the same way. Both
           lists come from the console's probe. Also reported: ``floor_modules_only``, the floor
           without those Qt classes (decision 0062 says why the figure uses the first).

Both are timed as installed code runs: with its bytecode compiled (pip compiles a wheel's modules
when it installs it, PyInstaller bundles ``.pyc``). The children get ``PYTHONPYCACHEPREFIX`` in the
run's temporary folder and never ``PYTHONDONTWRITEBYTECODE``, and one uncounted run of each writes
the bytecode; otherwise every run would compile the console's own ~600 modules from source
(0.2-0.3 s) while the floor's libraries come compiled from site-packages (decision 0062).
The console and the floor runs alternate, so a busy moment on the machine falls on both.

Prints one figure line per mode (``benchmarks.figures``: milliseconds, min/median/p95/max, the
ratio of the medians, goal <= 1.3x), with which heavy stacks the console had loaded by then and the
CPU time of both by then (``cpu_ms``: a second view, less disturbed by a busy machine).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.startup [--runs 7] [--demo | --normal] [--smoke]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

try:  # run as ``python -m benchmarks.startup`` or as ``python benchmarks/startup.py``
    from benchmarks.figures import Goal
    from benchmarks.figures import emit
    from benchmarks.figures import figure
    from benchmarks.figures import summary
except ModuleNotFoundError:  # pragma: no cover - the script form, from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.figures import Goal
    from benchmarks.figures import emit
    from benchmarks.figures import figure
    from benchmarks.figures import summary

GOAL = Goal(ratio=1.3)
#: The stacks issue 10 names; which of them were loaded at the login is reported with the figures.
HEAVY = (
    "PySide6.QtWebEngineCore",
    "alembic",
    "reportlab",
    "uvicorn",
    "starlette",
    "sqlalchemy",
    "sqlalchemy.orm",
    "httpx",
    "keyring",
)

FLOOR = r"""
import importlib, json, sys, time
libraries = json.load(open(sys.argv[2], encoding="utf-8"))
for name in libraries["modules"]:
    try:
        importlib.import_module(name)
    except Exception:
        pass
for name, types in libraries["qt_types"].items():  # PySide6 makes a class (and its enums) when first used
    module = sys.modules.get(name) or importlib.import_module(name)
    for type_name in types:
        getattr(module, type_name, None)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show:
            with open(sys.argv[1], "w", encoding="utf-8") as out:
                json.dump({"shown_at": time.time(), "cpu": time.process_time()}, out)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication.instance() or QApplication([])
window = QMainWindow()
window.setCentralWidget(QLineEdit())
probe = Probe()
window.centralWidget().installEventFilter(probe)
window.show()
app.exec()
"""


def _say(text: str) -> None:
    print(f"startup: {text}", file=sys.stderr, flush=True)


def _environ(home: Path, probe: Path, pycache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EPAYMENT_", "EPAY_"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # installed code runs compiled (see the docstring)
    env.update(
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        QTWEBENGINE_DISABLE_SANDBOX="1",
        QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --log-level=3",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        EPAYMENT_HOME=str(home / "console"),
        EPAY_DESKTOP_STARTUP_PROBE=str(probe),
        PYTHONPYCACHEPREFIX=str(pycache),
    )
    return env


def _timed(command: list[str], env: dict[str, str], probe: Path) -> tuple[float, dict[str, Any]]:
    """Milliseconds from just before ``command`` starts to the moment it wrote ``probe``, and the
    probe (``cpu``: the process's CPU seconds by then, all its threads)."""
    probe.unlink(missing_ok=True)
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)  # noqa: S603  (our own)
    if done.returncode != 0 or not probe.exists():
        raise SystemExit(f"run failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-2000:]}")
    report = json.loads(probe.read_text(encoding="utf-8"))
    return (float(report["shown_at"]) - started) * 1000.0, report


def _third_party(modules: list[str]) -> list[str]:
    return [
        name
        for name in modules
        if name.split(".")[0] not in sys.stdlib_module_names
        and not name.startswith(("epay_desktop", "_", "__"))
    ]


def _loaded(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def measure(demo: bool, runs: int, folder: Path, *, warm_floors: bool = True) -> dict[str, Any]:
    """The P1 figure of one mode: ``runs`` console starts and ``runs`` floor starts, alternating.
    ``warm_floors=False`` (``--smoke``, untimed) leaves out the floors' uncounted runs, which only
    write their bytecode so the counted ones are timed as installed code runs."""
    home = folder / ("demo" if demo else "normal")
    home.mkdir()
    probe = home / "probe.json"
    env = _environ(home, probe, folder / "pycache")  # one bytecode tree: the second mode compiles nothing
    console = [sys.executable, "-m", "epay_desktop", *(["--demo-home", str(home / "demo")] if demo else [])]
    _say(f"{'demo' if demo else 'normal'}: preparing the home (uncounted run: database, bytecode)")
    _timed(console, env, probe)
    # the first counted start, a start that migrates nothing: the modules the floors import come from it
    first = _timed(console, env, probe)
    report = first[1]
    loaded = list(report.get("modules", []))  # in the order the console loaded them
    qt_types = report.get("qt_types", {})
    script = home / "floor.py"
    script.write_text(FLOOR, encoding="utf-8")
    floors_of: dict[str, list[str]] = {}
    for kind, types in (("floor", qt_types), ("modules_only", {})):
        libraries = home / f"libraries-{kind}.json"
        libraries.write_text(
            json.dumps({"modules": _third_party(loaded), "qt_types": types}), encoding="utf-8"
        )
        floors_of[kind] = [sys.executable, str(script), str(probe), str(libraries)]
        if warm_floors:
            _timed(floors_of[kind], env, probe)  # uncounted: its bytecode
    values: list[float] = []
    cpu: list[float] = []
    floors: dict[str, list[float]] = {kind: [] for kind in floors_of}
    floor_cpu: dict[str, list[float]] = {kind: [] for kind in floors_of}
    for run in range(runs):
        seconds, report = first if run == 0 else _timed(console, env, probe)
        values.append(seconds)
        cpu.append(float(report["cpu"]) * 1000.0)
        for kind, command in floors_of.items():
            seconds, report = _timed(command, env, probe)
            floors[kind].append(seconds)
            floor_cpu[kind].append(float(report["cpu"]) * 1000.0)
        _say(
            f"run {run + 1}/{runs}: console {values[-1]:.0f} ms (cpu {cpu[-1]:.0f}), "
            f"floor {floors['floor'][-1]:.0f} ms (cpu {floor_cpu['floor'][-1]:.0f}), "
            f"modules only {floors['modules_only'][-1]:.0f} ms"
        )
    only = summary(floors["modules_only"])
    return figure(
        "P1",
        "start_to_login_demo" if demo else "start_to_login",
        values,
        floors["floor"],
        goal=GOAL,
        mode="demo" if demo else "normal",
        loaded_at_login={name: _loaded(loaded, name) for name in HEAVY},
        modules_at_login=len(loaded),
        # CPU time by the login (all threads), less disturbed by a busy machine than the wall clock
        cpu_ms={"value": summary(cpu), "floor": summary(floor_cpu["floor"])},
        qt_types_at_login=sum(len(names) for names in qt_types.values()),
        # the floor as first defined: the same modules imported, no Qt class made beyond its window's
        floor_modules_only={**only, "ratio": round(statistics.median(values) / only["median"], 2)},
        third_party_at_login=len(_third_party(loaded)),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed starts of each (default 7)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--demo", action="store_true", help="only `--demo` (its sandbox, demo data)")
    which.add_argument("--normal", action="store_true", help="only the normal start")
    parser.add_argument("--smoke", action="store_true", help="one run of each: that it still works (CI)")
    args = parser.parse_args(argv)
    runs = 1 if args.smoke else max(1, args.runs)
    modes = [True] if args.demo else [False] if args.normal else [False, True]
    with tempfile.TemporaryDirectory(prefix="epay-startup-") as folder:
        for demo in modes:
            emit(measure(demo, runs, Path(folder), warm_floors=not args.smoke))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
