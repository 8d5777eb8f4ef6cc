"""Issue 11, deliverable 5: "the audit chain's anchor is printed ... and can be exported" (decision 0076).

Until shift reports (issue 13) print it, a manager opens Settings > Audit log anchor… and presses
Print… (one page: the shop, the time, the anchor in large type, the count, how to check it later) or
Save… (the same file ``epay-desktop audit anchor --out`` writes, mode 0600, through safe_files: a named
pipe at the chosen path is refused in a message box and nothing hangs). A broken log has no anchor:
both buttons are disabled. No printer is installed on the test machine: Print goes to a PDF QPrinter,
as in tests/ui/test_print_from_main_window.py.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import update

from epay_desktop.app import store_of
from epay_desktop.services.audit import AuditAnchor
from epay_desktop.store.models import AuditRow
from epay_desktop.ui.audit.anchor_dialog import AuditAnchorDialog
from tests.support.file_dialogs import print_to_pdf
from tests.support.file_dialogs import refusal
from tests.support.file_dialogs import save_under
from tests.support.file_dialogs import wait_file_dialog
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.pdf import page_count
from tests.support.pdf import pdf_text
from tests.support.windows import SLOW_MS
from tests.support.windows import wait_shown

LEFT = Qt.MouseButton.LeftButton
SHOP = "Дәмді нан"


def _open_from_the_settings_menu(qtbot: Any, console: Any, *, log_in: bool = True) -> AuditAnchorDialog:
    if log_in:
        console.log_in(MANAGER, MANAGER_PIN)
    action = console.window.commands.audit_anchor
    assert action in [a for m in console.window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    action.trigger()
    return wait_shown(qtbot, AuditAnchorDialog)


def test_print_puts_the_anchor_the_shop_and_how_to_check_it_on_one_page(
    qtbot: Any, real_console: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store_of(real_console.ctx).write() as tx:
        tx.settings.set("shop.name", SHOP)
    printed = tmp_path / "anchor.pdf"

    print_to_pdf(monkeypatch, AuditAnchorDialog, printed)
    dialog = _open_from_the_settings_menu(qtbot, real_console)
    line = dialog.anchor_edit.text()
    anchor = AuditAnchor.parse(line)
    qtbot.mouseClick(dialog.print_button, LEFT)
    qtbot.waitUntil(lambda: dialog.output_label.text() == "Sent to the printer.", timeout=SLOW_MS)
    pages, text = page_count(printed.read_bytes()), pdf_text(printed.read_bytes())
    assert pages == 1
    assert line in text and SHOP in text and f"Entries in the audit log: {anchor.count}" in text
    assert "Keep this paper away from the computer" in text and "Settings > Audit log anchor" in text
    assert f"epay-desktop audit verify --anchor '{line}'" in text
    dialog.reject()


def test_save_writes_the_file_audit_anchor_out_writes_owner_only(qtbot: Any, real_console: Any) -> None:
    dialog = _open_from_the_settings_menu(qtbot, real_console)
    anchor = AuditAnchor.parse(dialog.anchor_edit.text())
    qtbot.mouseClick(dialog.save_button, LEFT)
    box = wait_file_dialog(qtbot, dialog, "save_anchor_dialog")
    folder = real_console.home / "kept"
    folder.mkdir()
    box.setDirectory(str(folder))
    box.findChild(QLineEdit, "fileNameEdit").setText("anchor.txt")
    box.accept()
    saved = folder / "anchor.txt"
    qtbot.waitUntil(lambda: "Saved to" in dialog.output_label.text(), timeout=SLOW_MS)
    content = saved.read_text(encoding="utf-8")
    assert content == f"ePay console audit anchor\n{dialog.anchor_edit.text()}\n" == anchor.file_text()
    assert AuditAnchor.parse(content) == anchor  # `audit verify --anchor FILE` reads it back
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    dialog.reject()


def test_save_over_a_named_pipe_is_refused_in_a_message_box_and_nothing_hangs(
    qtbot: Any, real_console: Any
) -> None:
    dialog = _open_from_the_settings_menu(qtbot, real_console)
    target = real_console.home / "anchor.txt"
    os.mkfifo(target)  # opening it for writing would block until someone reads
    qtbot.mouseClick(dialog.save_button, LEFT)
    box = wait_file_dialog(qtbot, dialog, "save_anchor_dialog")
    box.setDirectory(str(real_console.home))
    save_under(box, "anchor.txt")  # the name exists: Qt asks whether to replace it
    qtbot.waitUntil(lambda: refusal(dialog) is not None, timeout=SLOW_MS)
    shown = refusal(dialog)
    assert shown is not None and "is a named pipe" in shown.text() and "nothing was written" in shown.text()
    assert dialog.output_label.text().startswith("Could not save")
    shown.accept()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=SLOW_MS)
    assert stat.S_ISFIFO(os.lstat(target).st_mode)  # left as it was
    dialog.reject()


def test_a_broken_log_has_nothing_to_print_or_save(qtbot: Any, real_console: Any, arun: Any) -> None:
    real_console.log_in(MANAGER, MANAGER_PIN)

    def tamper(tx: Any) -> None:
        tx.session.execute(update(AuditRow).where(AuditRow.seq == 1).values(subject="someone else"))

    arun(store_of(real_console.ctx).run_write(tamper))
    dialog = _open_from_the_settings_menu(qtbot, real_console, log_in=False)
    assert "broken at entry 1" in dialog.status_label.text() and dialog.anchor_edit.text() == ""
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.reject()
