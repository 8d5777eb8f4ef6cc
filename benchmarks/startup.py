"""Benchmark P1 (issue 10): process start to the interactive login window, beside its floor.

A benchmark, not a test: nothing here asserts a time. Each run starts a new process.

  console  ``python -m epay_desktop`` (normal mode, sandbox settings, a home prepared by one
           uncounted run so no migration happens), from just before the process is started to
           the moment its login form is shown (``EPAY_DESKTOP_STARTUP_PROBE``, ui/main.py).
  floor    a bare PySide6 process that imports exactly the third-party modules the console had
           loaded when its login showed (read from the probe: the same heavy libraries), creates
           the QApplication and shows a QMainWindow with a line edit; timed the same way.

Prints one JSON object: seconds min/median/max of both over ``--runs`` runs, the ratio of the
medians and the goal (<= 1.3), plus which heavy stacks the console had loaded by then.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [--runs 7] [--demo]
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

GOAL = 1.3
#: The stacks issue 10 names; which of them were loaded at the login is reported with the figures.
HEAVY = ("PySide6.QtWebEngineCore", "alembic", "reportlab", "uvicorn", "starlette", "sqlalchemy", "httpx")

FLOOR = r"""
import importlib, json, sys, time
for name in json.load(open(sys.argv[2], encoding="utf-8")):
    try:
        importlib.import_module(name)
    except Exception:
        pass
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show:
            with open(sys.argv[1], "w", encoding="utf-8") as out:
                json.dump({"shown_at": time.time()}, out)
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


def _environ(home: Path, probe: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EPAYMENT_")}
    env.update(
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        QTWEBENGINE_DISABLE_SANDBOX="1",
        QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --log-level=3",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        EPAYMENT_HOME=str(home / "console"),
        EPAY_DESKTOP_STARTUP_PROBE=str(probe),
    )
    return env


def _timed(command: list[str], env: dict[str, str], probe: Path) -> tuple[float, dict[str, object]]:
    probe.unlink(missing_ok=True)
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)  # noqa: S603  (our own)
    if done.returncode != 0 or not probe.exists():
        raise SystemExit(f"run failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-2000:]}")
    report = json.loads(probe.read_text(encoding="utf-8"))
    return float(report["shown_at"]) - started, report


def _summary(seconds: list[float]) -> dict[str, float]:
    return {
        "min": round(min(seconds), 3),
        "median": round(statistics.median(seconds), 3),
        "max": round(max(seconds), 3),
    }


def _third_party(modules: list[str]) -> list[str]:
    return [
        name
        for name in modules
        if name.split(".")[0] not in sys.stdlib_module_names
        and not name.startswith(("epay_desktop", "_", "__"))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--demo", action="store_true", help="time `--demo` (its sandbox, demo data) instead")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="epay-startup-") as folder:
        home = Path(folder)
        probe = home / "probe.json"
        env = _environ(home, probe)
        console = [
            sys.executable,
            "-m",
            "epay_desktop",
            *(["--demo-home", str(home / "demo")] if args.demo else []),
        ]
        _timed(console, env, probe)  # uncounted: creates and migrates the database (and seeds the demo)
        runs, report = [], {}
        for _ in range(args.runs):
            seconds, report = _timed(console, env, probe)
            runs.append(seconds)
        loaded = sorted(report.get("modules", []))  # type: ignore[call-overload]
        libraries = home / "libraries.json"
        libraries.write_text(json.dumps(_third_party(loaded)), encoding="utf-8")
        script = home / "floor.py"
        script.write_text(FLOOR, encoding="utf-8")
        floor = [
            _timed([sys.executable, str(script), str(probe), str(libraries)], env, probe)[0]
            for _ in range(args.runs)
        ]
    result = {
        "id": "P1",
        "name": "start_to_login_demo" if args.demo else "start_to_login",
        "runs": args.runs,
        "seconds": _summary(runs),
        "floor": _summary(floor),
        "ratio": round(statistics.median(runs) / statistics.median(floor), 2),
        "goal": GOAL,
        "loaded_at_login": {name: name in loaded for name in HEAVY},
        "modules_at_login": len(loaded),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
