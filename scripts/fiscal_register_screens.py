"""The fiscal register's screenshots (decision 0127), taken of the REAL demo console offscreen, in Russian.

Runs the demo console in-process like ``scripts/shift_screens.py`` (whose helpers it uses): Данияр logs
in; the demo's fiscal sandbox has the shift its first sale opened, which the sandbox's control API makes
24 hours old; the status bar's badge says so; Shift > Fiscal register… shows the shift past its 24 hours
and, after X report, its totals. Saves the PNGs into the folder given::

    QT_QPA_PLATFORM=offscreen .venv-dev/bin/python scripts/fiscal_register_screens.py docs/screenshots

Look at every picture before committing it.
"""

from __future__ import annotations

import asyncio

import httpx
import shift_screens as shots  # scripts/: the console driven offscreen, its shots

from epay_desktop.ui.shifts.fiscal_register import FiscalRegisterDialog
from epay_desktop.ui.window.main_window import MainWindow


async def drive() -> None:
    window = await shots.until(lambda: shots.shown(MainWindow), "main window")
    window.resize(1280, 760)
    await shots.log_in(window, "Данияр", "2222")
    controller = shots.CONTROLLERS[0]
    ctx = controller.ctx
    url = (await ctx.fiscal_setup.load()).url
    for _ in range(300):  # the demo registers its first sale's fiscal receipt behind the login
        state = await ctx.fiscal.shift_state()
        if state is not None and state.shift_number is not None and not state.closed:
            break
        await asyncio.sleep(0.3)
    else:
        raise SystemExit("fiscal_register_screens: the demo's fiscal register never opened a shift")
    async with httpx.AsyncClient() as http:
        (await http.post(f"{url}/sandbox/shift/expire")).raise_for_status()
    controller.fiscal.refresh()
    badge = window.status_bar.fiscal_badge
    await shots.until(badge.isVisible, "the fiscal shift's badge")
    await shots.shot(window, "fiscal-shift-badge-ru")
    window.commands.fiscal_register.trigger()
    dialog = await shots.until(lambda: shots.shown(FiscalRegisterDialog), "the fiscal register")
    await shots.until(lambda: dialog.reads and not dialog.busy, "the register's shift read")
    dialog.x_button.click()
    await shots.until(lambda: dialog.report is not None and not dialog.busy, "the X report")
    await shots.shot(dialog, "fiscal-register-ru")
    dialog.accept()
    await shots.settle()
    window.close()


if __name__ == "__main__":
    raise SystemExit(shots.run_demo(drive, "epay-fiscal-shots"))
