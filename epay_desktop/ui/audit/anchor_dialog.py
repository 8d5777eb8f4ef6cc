"""The "Audit log anchor…" window (managers and admins, decision 0076).

Verifies the whole audit chain and shows its anchor (``audit 1234 3f2a-9c01-77be-0d4c``), to copy,
print (one page: the shop, the time, the anchor, how to check it) or save (the file ``audit anchor
--out`` writes) and keep off this PC; a kept anchor typed or pasted back is checked against the
log (cut or rewritten since?). The same as ``epay-desktop audit anchor`` / ``audit verify --anchor``.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Sequence
from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QMarginsF
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QPageLayout
from PySide6.QtGui import QPainter
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.safe_files import UnsafeFilePath
from epay_desktop.safe_files import write_file_safely
from epay_desktop.services.audit import AnchorError
from epay_desktop.services.audit import AuditAnchor
from epay_desktop.services.audit import AuditReport
from epay_desktop.services.audit import AuditService
from epay_desktop.services.audit import ShiftAuditCheck
from epay_desktop.services.audit import UnbackedAccount
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import action_slot
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import show_error
from epay_desktop.ui.common.save_dialog import ask_save_path
from epay_desktop.ui.common.save_dialog import save_file
from epay_desktop.ui.common.save_dialog import why_not_saved
from epay_desktop.ui.receipts.preview import SystemPrintDialog
from epay_desktop.ui.session.login import role_text
from epay_desktop.ui.widgets.form_parts import text_label

__all__ = ["AuditAnchorDialog", "print_anchor_page"]

log = logging.getLogger(__name__)

_EXAMPLE = "audit 1234 3f2a-9c01-77be-0d4c"  # the printed form (not a word to translate)
_SAVE_KIND = "audit_anchor"  # the folder a saved anchor went to last (file_places)
_Place = TypeVar("_Place")  # where an anchor goes: a printer or a file


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditAnchorDialog", text)


def _role(value: str | None) -> str:
    if value is None:
        return _tr("none")
    try:
        return role_text(Role(value))
    except ValueError:
        return value


def _unbacked(accounts: Sequence[UnbackedAccount]) -> str:
    """What ``audit verify`` says of accounts the log does not back (decision 0075), for a manager."""
    head = _tr(
        "These accounts have a role or status that no audited decision gave: the database was changed "
        "outside the console, and their log-in is refused. An administrator must check them."
    )
    lines = [
        _tr("{name}: {stored} in the database, audited {audited}").format(
            name=a.name, stored=_role(a.stored_role), audited=_role(a.audited_role)
        )
        for a in accounts
    ]
    return "\n".join([head, *lines])


def _broken(report: AuditReport) -> str:
    return _tr(
        "The audit log is broken at entry {seq}: an entry was changed, deleted or moved. No anchor is "
        "given for a broken log; an administrator must check it."
    ).format(seq=report.first_bad_seq)


def _against(anchor: AuditAnchor, report: AuditReport) -> str:
    if report.ok:
        return _tr("The log matches the anchor: nothing up to entry {count} was cut or rewritten.").format(
            count=anchor.count
        )
    if report.count < anchor.count and report.first_bad_seq == report.count + 1:
        return _tr("The log was cut: the anchor has {anchor} entries, the log only {count}.").format(
            anchor=anchor.count, count=report.count
        )
    if report.first_bad_seq == anchor.count:
        return _tr("The log was rewritten: entry {seq} is not the one the anchor was printed for.").format(
            seq=anchor.count
        )
    return _broken(report)


def anchor_page_html(shop_name: str, when: datetime, anchor: AuditAnchor) -> str:
    """The printed page: the shop, the time, the anchor in large monospace, the count, how to check."""
    line = html.escape(anchor.text())
    command = html.escape(f"epay-desktop audit verify --anchor '{anchor.text()}'")
    parts = [f"<p style='font-size:16pt'><b>{html.escape(shop_name)}</b></p>"] if shop_name.strip() else []
    parts += [
        f"<p style='font-size:13pt'><b>{html.escape(_tr('Audit log anchor'))}</b></p>",
        f"<p>{html.escape(_tr('Printed {when}').format(when=when.strftime('%d.%m.%Y %H:%M')))}</p>",
        f"<p style='font-family:monospace; font-size:22pt'><b>{line}</b></p>",
        f"<p>{html.escape(_tr('Entries in the audit log: {count}').format(count=anchor.count))}</p>",
        "<p>"
        + html.escape(
            _tr(
                "Keep this paper away from the computer. To check later that the log was not cut or "
                "rewritten, type the anchor in Settings > Audit log anchor and press Check, or run:"
            )
        )
        + "</p>",
        f"<p style='font-family:monospace'>{command}</p>",
    ]
    return "<div style='font-size:11pt'>" + "".join(parts) + "</div>"


def print_anchor_page(printer: QPrinter, page_html: str) -> None:
    """Lay ``page_html`` out at the printer's resolution and paint it on one page."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)  # sizes in points at the printer's resolution
    document.setDocumentMargin(0)
    document.setHtml(page_html)
    document.setTextWidth(printer.pageLayout().paintRectPixels(printer.resolution()).width())
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        document.drawContents(painter)
    finally:
        painter.end()


def _label(name: str) -> QLabel:
    label = text_label(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AuditAnchorDialog(QDialog):
    """Shows the anchor of a verified chain and checks a kept one; :meth:`ask` is the entry point."""

    def __init__(
        self,
        parent: QWidget | None,
        check: ShiftAuditCheck,
        audit: AuditService,
        shop_name: str = "",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        unbacked: Sequence[UnbackedAccount] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_anchor_dialog")
        self.setWindowTitle(_tr("Audit log anchor"))
        self._audit = audit
        self.anchor = check.anchor
        self._shop_name, self._clock = shop_name, clock
        self.printer: QPrinter | None = None  # kept: a collected QPrinter crashes its dialog (stack-notes 10)
        report = check.report
        self.status_label = _label("anchor_status")
        self.anchor_edit = QLineEdit()
        self.anchor_edit.setObjectName("anchor_line")
        self.anchor_edit.setReadOnly(True)
        self.copy_button = QPushButton(_tr("&Copy"))
        self.copy_button.setObjectName("anchor_copy")
        self.print_button = QPushButton(_tr("&Print…"))
        self.print_button.setObjectName("anchor_print")
        self.save_button = QPushButton(_tr("&Save…"))
        self.save_button.setObjectName("anchor_save")
        if check.anchor is not None:
            self.status_label.setText(
                _tr(
                    "The audit log is intact: {count} entries. Write this anchor down or save it off "
                    "this PC; checked later, it shows whether the log was cut or rewritten since."
                ).format(count=report.count)
            )
            self.anchor_edit.setText(check.anchor.text())
        else:
            self.status_label.setText(_broken(report))
            for button in (self.copy_button, self.print_button, self.save_button):
                button.setEnabled(False)  # a broken log has no anchor to keep
        self.copy_button.clicked.connect(self._copy)
        self.print_button.clicked.connect(self.on_print_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)
        shown = QHBoxLayout()
        shown.addWidget(self.anchor_edit, 1)
        shown.addWidget(self.copy_button)
        shown.addWidget(self.print_button)
        shown.addWidget(self.save_button)
        self.output_label = _label("anchor_output")  # what Print / Save did
        self.accounts_label = _label("anchor_accounts")  # accounts the log does not back (0075)
        self.accounts_label.setStyleSheet(theme.style("error_label"))
        self.accounts_label.setText(_unbacked(unbacked) if unbacked else "")
        self.accounts_label.setVisible(bool(unbacked))
        self.kept_edit = QLineEdit()
        self.kept_edit.setObjectName("anchor_kept")
        self.kept_edit.setPlaceholderText(_tr("A kept anchor, e.g. {example}").format(example=_EXAMPLE))
        self.check_button = QPushButton(_tr("C&heck"))
        self.check_button.setObjectName("anchor_check")
        self.check_button.clicked.connect(self.on_check_clicked)
        self.kept_edit.returnPressed.connect(self.check_button.click)  # Enter checks the anchor typed
        kept = QHBoxLayout()
        kept.addWidget(self.kept_edit, 1)
        kept.addWidget(self.check_button)
        self.result_label = _label("anchor_result")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.accounts_label)
        layout.addLayout(shown)
        layout.addWidget(self.output_label)
        layout.addWidget(QLabel(_tr("Check an anchor kept earlier:")))
        layout.addLayout(kept)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):  # Enter in the kept-anchor field checks it; it never
            button.setAutoDefault(False)  # presses Copy, Print… or Close (which would drop what was typed)
            button.setDefault(False)
        self.setMinimumWidth(520)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.anchor_edit.text())

    # -- what Print and Save ask (tests replace these two, as for receipts) ------------------------

    async def choose_printer(self) -> QPrinter | None:
        """The system print dialog (any printer: this is an office page, not a receipt slip)."""
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName("audit-anchor")
        self.printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        result = await run_dialog_once(SystemPrintDialog(self.printer, self))
        return self.printer if result == QDialog.DialogCode.Accepted else None

    async def choose_save_path(self) -> Path | None:
        """Qt's save dialog, starting in the folder an anchor was last saved to, else Documents."""
        if self.anchor is None:
            return None
        return await ask_save_path(
            self,
            title=_tr("Save the audit log anchor"),
            name="save_anchor_dialog",
            name_filter=_tr("Text files (*.txt)"),
            suffix="txt",
            kind=_SAVE_KIND,
            file_name=f"audit-anchor-{self.anchor.count}.txt",
        )

    async def _anchor_to(
        self, choose: Callable[[], Awaitable[_Place | None]]
    ) -> tuple[AuditAnchor, _Place] | None:
        """The anchor shown and where it goes (``choose``: the printer or the file the manager picks);
        None without an anchor, when they cancelled, or when the window went meanwhile."""
        anchor = self.anchor
        if anchor is None:
            return None
        place = await choose()
        if place is None or not shiboken6.isValid(self):
            return None
        return anchor, place

    # -- slots -------------------------------------------------------------------------------------

    @action_slot(busy=("save_button",))
    async def on_print_clicked(self) -> None:
        chosen = await self._anchor_to(self.choose_printer)
        if chosen is None:
            return
        anchor, printer = chosen
        when = self._clock().astimezone()  # the shop's local time, as on a receipt
        print_anchor_page(printer, anchor_page_html(self._shop_name, when, anchor))
        log.info("event=audit_anchor_printed count=%d", anchor.count)
        self.output_label.setText(_tr("Sent to the printer."))

    @action_slot(busy=("print_button",))
    async def on_save_clicked(self) -> None:
        chosen = await self._anchor_to(self.choose_save_path)
        if chosen is None:
            return
        anchor, path = chosen
        data = anchor.file_text().encode()  # the path is checked before anything is opened (0069)
        saved = await save_file(self, asyncio.to_thread(write_file_safely, path, data), self._not_saved)
        if saved is None:
            return
        log.info("event=audit_anchor_saved count=%d", anchor.count)
        if shiboken6.isValid(self):
            self.output_label.setText(
                _tr("Saved to {path}: keep a copy off this PC.").format(path=str(saved))
            )

    def _not_saved(self, exc: UnsafeFilePath | OSError) -> None:
        self.output_label.setText(_tr("Could not save: {why}").format(why=why_not_saved(exc)))

    @action_slot(busy=("kept_edit",))
    async def on_check_clicked(self) -> None:
        try:
            anchor = AuditAnchor.parse(self.kept_edit.text())
        except AnchorError:
            self.result_label.setText(
                _tr("That is not an anchor: write it as printed, e.g. {example}.").format(example=_EXAMPLE)
            )
            return
        report = await self._audit.verify(anchor)
        if not shiboken6.isValid(self):
            return
        self.result_label.setText(_against(anchor, report))

    @classmethod
    async def ask(
        cls,
        parent: QWidget | None,
        actor: User,
        audit: AuditService,
        shop_name: str = "",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """Verify the chain, then show its anchor to ``actor`` until they close the window; a printed
        page is headed with ``shop_name`` and dated by ``clock``."""
        if not actor.role.can_move_money:
            show_error(parent, _tr("Only a manager or an administrator can see the audit log's anchor."))
            return
        check = await audit.anchor()
        unbacked = await audit.accounts_not_backed()
        if parent is not None and not shiboken6.isValid(parent):
            return
        await run_dialog_once(cls(parent, check, audit, shop_name, clock, unbacked))
