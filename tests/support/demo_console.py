"""The real demo console (``run_gui(demo=True)``) in a child process, logged in through its login form.

Used by tests/ui/test_demo_mirror_behind_login.py and tests/packaging/test_startup_imports.py, which
must see the console as it starts for a person (its own process, its own QApplication and event loop):
:func:`logged_in_demo` builds the child's script, in which the controller's run step shows the window,
waits for the login form, types the cashier's name and PIN, presses Log in, waits until the session
has the cashier, then runs the test's lines and closes the window (the console then exits as it does
when a person closes it). What the test wants to know, the child prints (flush it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Final

__all__ = ["CASHIER", "CASHIER_PIN", "child_environ", "logged_in_demo", "script"]

#: The demo's cashier (``epay_desktop.demo``), who logs in.
CASHIER: Final = "Айгерим"
CASHIER_PIN: Final = "1111"

_SCRIPT: Final = """
import asyncio, sys
from epay_desktop.ui.app import controller as app_controller
from epay_desktop.ui.app import main
{prelude}

def signalled(signal, accept):  # a future: the first emission of signal whose arguments accept takes
    future = asyncio.get_event_loop().create_future()
    signal.connect(lambda *args: accept(*args) and not future.done() and future.set_result(args))
    return future


async def run(self):
    self.window.show()
    covered = signalled(self.session.lock_changed, lambda on: on)  # the login form covers the window
    login = asyncio.ensure_future(self.session.log_in())  # ends with whoever logs in
    form = self.session.lock_screen.form
    await asyncio.wait_for(covered, 60)
    assert form.isVisible()
{at_login_form}
    form.name_edit.setText({name!r})
    form.secret_edit.setText({pin!r})
    form.login_button.click()
    await asyncio.wait_for(asyncio.shield(login), 60)
{logged_in}
    login.cancel()
    self.window.close()
    await self._closed


app_controller.AppController.run = run
sys.exit(main.run_gui(demo=True, demo_home=sys.argv[1]))
"""


def child_environ(home: Path) -> dict[str, str]:
    """This process's environment for a console child: no ``EPAYMENT_*``/``EPAY_*`` setting of the test run,
    offscreen Qt, QtWebEngine without its sandbox (root), and ``HOME``/XDG folders under ``home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EPAYMENT_", "EPAY_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_DISABLE_SANDBOX="1",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    return env


def script(logged_in: str, *, at_login_form: str = "", prelude: str = "") -> str:
    """The child's source: ``prelude`` (module level, after the imports of ``asyncio``, ``sys`` and
    ``epay_desktop.ui.app``'s ``controller`` as ``app_controller`` and ``main``), ``at_login_form`` (in
    the run step once the login form shows) and ``logged_in`` (once the cashier is in; ``self`` is
    the AppController)."""
    return _SCRIPT.format(
        prelude=textwrap.dedent(prelude),
        at_login_form=textwrap.indent(textwrap.dedent(at_login_form), "    "),
        logged_in=textwrap.indent(textwrap.dedent(logged_in), "    "),
        name=CASHIER,
        pin=CASHIER_PIN,
    )


def logged_in_demo(
    home: Path,
    env: Mapping[str, str],
    logged_in: str,
    *,
    at_login_form: str = "",
    prelude: str = "",
    timeout: float = 240,
) -> subprocess.CompletedProcess[str]:
    """Run the demo console on ``home`` in a child process with ``env`` (see :func:`script` for the
    lines); its exit code, stdout and stderr (text)."""
    source = script(logged_in, at_login_form=at_login_form, prelude=prelude)
    return subprocess.run(
        [sys.executable, "-c", source, str(home)],
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
