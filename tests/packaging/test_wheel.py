"""Issue 9, points 1 and 6: the built wheel carries every resource, and the wheel ALONE runs.

One module-scoped build (offline: ``pip wheel --no-build-isolation`` with the dev environment's
setuptools, the backend pyproject names) of a copy of the working tree, then:

- every file under ``resources/`` (icon, translations, theme...) and every module of the package is in
  the wheel, and the user guide in every language (the English one copied from docs/, decision 0153);
  the metadata's version is ``epay_desktop.__version__`` (decision 0043);
- the smoke test: the wheel is installed with ``pip install --no-deps --target`` and run with ``python -S``
  and ``PYTHONPATH=<target>:<dev site-packages>``: epay_desktop comes ONLY from the wheel (asserted: no
  ``.pth`` runs, so not even the editable install's finder is there), its dependencies (Qt) are reused.
  The installed ``epay-desktop`` script then says ``--version``, ``epay-desktop sandbox --port 0`` answers a
  token request, and the console (``epay-desktop --demo``) opens offscreen and quits when its window is
  closed, as a person closes it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import site
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from email.parser import HeaderParser
from pathlib import Path
from typing import Any

import httpx
import pytest

from epay_desktop import __version__

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "resources"
#: Not copied for the build: version control, environments, caches and earlier build output.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv*", "__pycache__", "*.pyc", "*.egg-info", "build", "dist", ".*_cache", "tests", "benchmarks"
)
#: docs/sandbox.md: the sandbox's test client
CLIENT_ID, CLIENT_SECRET = "test", "yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG"

#: One worker builds and installs the wheel once (module fixtures): split over two workers, each built
#: its own (``--dist loadgroup`` hands ungrouped tests out one by one).
pytestmark = [pytest.mark.timeout(300), pytest.mark.xdist_group("packaging-wheel")]


def shipped_resources() -> set[str]:
    """Every file under resources/ as the wheel must carry it (relative, '/'-separated)."""
    return {
        p.relative_to(RESOURCES).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file() and p.name != ".gitkeep" and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    out = work / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "-q", "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=240, check=False, cwd=work,
    )  # fmt: skip
    assert done.returncode == 0, f"the wheel did not build:\n{done.stdout}\n{done.stderr}"
    (built,) = out.glob("epay_desktop-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("installed")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--disable-pip-version-check",
         "-q", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"the wheel did not install:\n{done.stdout}\n{done.stderr}"
    return target


def wheel_env(target: Path, home: Path) -> dict[str, str]:
    """The installed wheel first, then the dev environment's packages (dependencies only)."""
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EPAY", "PYTHON"))}
    env.update(
        PYTHONPATH=os.pathsep.join([str(target), *deps]),
        PYTHONNOUSERSITE="1",
        EPAYMENT_HOME=str(home / "data"),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def script(target: Path) -> list[str]:
    """The ``epay-desktop`` console script the wheel installed, run without site (no .pth files)."""
    path = target / "bin" / "epay-desktop"
    assert path.is_file(), f"{path}: the wheel installed no epay-desktop entry point"
    return [sys.executable, "-S", str(path)]


def printed(env: dict[str, str], cwd: Path, code: str, *args: str) -> Any:
    """What ``code`` prints as JSON, run without site in ``env`` (``wheel_env``: the installed wheel)."""
    done = subprocess.run(
        [sys.executable, "-S", "-c", code, *args],
        env=env, capture_output=True, text=True, timeout=60, check=False, cwd=cwd,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# -- what the wheel carries ---------------------------------------------------------------------------


def test_the_wheel_carries_every_resource_and_module(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = HeaderParser().parsestr(zf.read(metadata_name).decode())
        entry_points = zf.read(metadata_name.replace("METADATA", "entry_points.txt")).decode()
    prefix = "epay_desktop/_resources/"
    carried = {n.removeprefix(prefix) for n in names if n.startswith(prefix)}
    expected = shipped_resources()
    assert {"icons/epay-desktop.svg", "icons/epay-desktop-256.png"} <= expected
    missing = sorted(expected - carried)
    assert not missing, f"resources/ files missing from the wheel: {missing}"
    qm = sorted(n for n in expected if n.endswith(".qm"))
    assert all(n in carried for n in qm)  # compiled translations present in the tree ship too
    # Help > User guide: the guide in every language, the English one copied from docs/ (decision 0153)
    guides = {"guide/user-guide.md", "guide/user-guide.ru.md", "guide/user-guide.kk.md"}
    assert guides <= carried, sorted(guides - carried)
    with zipfile.ZipFile(wheel) as zf:
        english = zf.read(prefix + "guide/user-guide.md").decode("utf-8")
    assert english == (REPO / "docs" / "user-guide.md").read_text(encoding="utf-8")
    modules = {
        p.relative_to(REPO).as_posix()
        for p in (REPO / "epay_desktop").rglob("*.py")
        if "__pycache__" not in p.parts and "_resources" not in p.parts
    }
    assert not sorted(modules - names), f"modules missing from the wheel: {sorted(modules - names)}"
    # the word tables kept as data beside their modules (receipts, reports, decline texts; decision 0162)
    word_tables = {
        p.relative_to(REPO).as_posix()
        for p in (REPO / "epay_desktop").rglob("*.json")
        if "_resources" not in p.parts
    }
    assert {
        "epay_desktop/receipts/receipt_words.json",
        "epay_desktop/domain/decline_texts.json",
    } <= word_tables
    assert not sorted(word_tables - names), (
        f"word tables missing from the wheel: {sorted(word_tables - names)}"
    )
    assert metadata["Version"] == __version__
    assert "epay-desktop = epay_desktop.cli:main" in entry_points


# -- the smoke test of the installed wheel -------------------------------------------------------------


def test_installed_wheel_says_its_version(installed: Path, tmp_path: Path) -> None:
    env = wheel_env(installed, tmp_path)
    done = subprocess.run(
        [*script(installed), "--version"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"epay-desktop {__version__}"
    module, resources, translations, version = printed(
        env,
        tmp_path,
        "import json, epay_desktop; from epay_desktop.resources import resources_dir, translations_dir;"
        "from importlib.metadata import version;"
        "print(json.dumps([epay_desktop.__file__, str(resources_dir()), str(translations_dir()),"
        " version('epay-desktop')]))",
    )
    assert Path(module).is_relative_to(installed)  # the package comes from the wheel, not the checkout
    assert Path(resources) == installed / "epay_desktop" / "_resources"
    guides, words = printed(
        env,
        tmp_path,
        "import json; from epay_desktop.resources import user_guide_file;"
        "from epay_desktop.receipts.texts import LABELS; from epay_desktop.domain.decline_reasons import "
        "decline_message;"
        "print(json.dumps([[str(user_guide_file(lang)) for lang in ('kk', 'ru', 'en')],"
        " [LABELS['total']['kk'], decline_message(458, 'ru')]]))",
    )
    assert all(Path(guide).is_relative_to(installed) and Path(guide).is_file() for guide in guides)
    assert words == ["БАРЛЫҒЫ", "Банк не отвечает. Повторите через несколько минут."]  # the word tables
    assert Path(translations).is_dir() and version == __version__
    # every compiled translation in the tree loads from the installed wheel
    languages = sorted(p.stem.removeprefix("epay_desktop_") for p in (RESOURCES / "i18n").glob("*.qm"))
    loaded = printed(
        env,
        tmp_path,
        "import json, sys; from PySide6.QtCore import QTranslator;"
        "from epay_desktop.resources import translations_dir;"
        "ok = {}\nfor lang in sys.argv[1:]:\n    t = QTranslator()\n"
        "    ok[lang] = t.load(f'epay_desktop_{lang}', str(translations_dir())) and not t.isEmpty()\n"
        "print(json.dumps(ok))",
        *languages,
    )
    assert loaded == dict.fromkeys(languages, True)
    # the receipt fonts and the theme are read from the installed wheel too (decisions 0042, 0047)
    names, font_file, error_colour, error_style, style_file = printed(
        env,
        tmp_path,
        "import json; from epay_desktop.receipts.fonts import register_fonts;"
        "from epay_desktop.resources import resource_path; from epay_desktop.ui.common import theme;"
        "print(json.dumps([register_fonts(), str(resource_path('fonts', 'DejaVuSans-Bold.ttf')),"
        " theme.css('error'), theme.style('error_label'), str(resource_path('theme', 'console.qss'))]))",
    )
    assert names == ["EpayDejaVuSans", "EpayDejaVuSans-Bold"]
    assert Path(font_file).is_relative_to(installed) and Path(style_file).is_relative_to(installed)
    assert error_colour in error_style


@pytest.fixture
def sandbox_process(installed: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str, Path]]:
    log = tmp_path / "sandbox.stderr"
    with log.open("w") as stderr, subprocess.Popen(
        [*script(installed), "sandbox", "--port", "0"],
        env=wheel_env(installed, tmp_path), stdout=subprocess.PIPE, stderr=stderr, text=True, cwd=tmp_path,
    ) as process:  # fmt: skip
        try:
            assert process.stdout is not None
            first = process.stdout.readline().strip()  # printed once it listens (docs/sandbox.md)
            assert first.startswith("http://127.0.0.1:"), (first, log.read_text())
            yield process, first, log
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)  # Ctrl+C stops it
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def test_installed_sandbox_answers_a_token_request(
    sandbox_process: tuple[subprocess.Popen[str], str, Path],
) -> None:
    process, base_url, log = sandbox_process
    form = {"grant_type": "client_credentials", "scope": "payment", "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET}  # fmt: skip
    answer = httpx.post(f"{base_url}/oauth2/token", data=form, timeout=20)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["access_token"] and body["token_type"] == "Bearer" and int(body["expires_in"]) > 0
    wrong = httpx.post(f"{base_url}/oauth2/token", data={**form, "client_secret": "wrong"}, timeout=20)
    assert wrong.status_code == 401
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) in (0, 130, -signal.SIGINT)
    assert "Traceback" not in log.read_text()


#: Runs ``epay-desktop --demo`` (the entry point's ``main``, exiting with its code as the console script
#: does) and closes the main window, as a person does, once it is up with the login form on it; prints
#: what it saw as one JSON line before the process exits (a crash at exit shows in the exit status).
DRIVER = r"""
import json, os, sys, time
import epay_desktop.ui  # the Qt package's set-up, before the QApplication, as the console does
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit
from epay_desktop.cli import main


def run():
    qapp = QApplication([sys.argv[0]])  # a local, as in run_gui: gone once the console is
    seen = {}
    deadline = time.monotonic() + 90

    def look():  # polled every 100 ms until the console is up (or the deadline passes)
        win = next((w for w in QApplication.topLevelWidgets()
                    if w.objectName() == "main_window" and w.isVisible()), None)
        name = win.findChild(QLineEdit, "login_name") if win is not None else None
        if name is not None and name.isVisible():  # the console waits for the cashier to log in
            icon = QGuiApplication.windowIcon()
            seen.update(title=win.windowTitle(), icon=not icon.isNull(),
                        icon_sizes=sorted(s.width() for s in icon.availableSizes()),
                        platform=QGuiApplication.platformName())
        elif time.monotonic() > deadline:
            seen["timeout"] = True
        else:
            return
        timer.stop()
        if win is not None:
            win.close()  # as a person closes the window: the console shuts down

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(100)
    rc = main(["--demo", "--demo-home", sys.argv[1]])
    seen.update(rc=rc, module=os.path.dirname(epay_desktop.ui.__file__))
    print("RESULT " + json.dumps(seen), flush=True)
    return rc


sys.exit(run())
"""


def test_installed_console_opens_offscreen_and_quits(installed: Path, tmp_path: Path) -> None:
    env = wheel_env(installed, tmp_path)
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    if os.environ.get("QTWEBENGINE_DISABLE_SANDBOX"):
        env["QTWEBENGINE_DISABLE_SANDBOX"] = os.environ["QTWEBENGINE_DISABLE_SANDBOX"]
    done = subprocess.run(
        [sys.executable, "-S", "-c", DRIVER, str(tmp_path / "demo")],
        env=env, capture_output=True, text=True, timeout=150, check=False, cwd=tmp_path,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"the console did not report (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
    seen = json.loads(lines[-1].removeprefix("RESULT "))
    assert "timeout" not in seen, f"the main window did not come up:\n{done.stderr}"
    assert seen["rc"] == 0, done.stderr
    # the process must also END cleanly: a crash while Qt tears down (rc -11) is a crash for the user
    assert done.returncode == 0, f"the console exited {done.returncode} after closing:\n{done.stderr[-3000:]}"
    assert Path(seen["module"]).is_relative_to(installed)
    assert seen["platform"] == "offscreen"
    assert "ePay" in seen["title"]
    assert seen["icon"] and {16, 32, 256} <= set(seen["icon_sizes"])  # resources found in the wheel
    assert "Traceback" not in done.stderr
