"""The "Audit log anchor…" window (managers and admins, decision 0076).

Verifies the whole audit chain and shows its anchor (``audit 1234 3f2a-9c01-77be-0d4c``), to copy
onto paper or a file kept off this PC; a kept anchor typed or pasted back is checked against the
log (cut or rewritten since?). The same as ``epay-desktop audit anchor`` / ``audit verify --anchor``.
"""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from epay_desktop.domain import User
from epay_desktop.services.audit import AnchorError, AuditAnchor, AuditReport, ShiftAuditCheck

from ..asyncqt import action_slot, run_dialog, show_error

__all__ = ["AuditAnchorDialog", "AuditPort"]

_EXAMPLE = "audit 1234 3f2a-9c01-77be-0d4c"  # the printed form (not a word to translate)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditAnchorDialog", text)


class AuditPort(Protocol):
    async def anchor(self) -> ShiftAuditCheck: ...

    async def verify(self, anchor: AuditAnchor | None = None) -> AuditReport: ...


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


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AuditAnchorDialog(QDialog):
    """Shows the anchor of a verified chain and checks a kept one; :meth:`ask` is the entry point."""

    def __init__(self, parent: QWidget | None, check: ShiftAuditCheck, audit: AuditPort) -> None:
        super().__init__(parent)
        self.setObjectName("audit_anchor_dialog")
        self.setWindowTitle(_tr("Audit log anchor"))
        self._audit = audit
        report = check.report
        self.status_label = _label("anchor_status")
        self.anchor_edit = QLineEdit()
        self.anchor_edit.setObjectName("anchor_line")
        self.anchor_edit.setReadOnly(True)
        self.copy_button = QPushButton(_tr("&Copy"))
        self.copy_button.setObjectName("anchor_copy")
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
            self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self._copy)
        shown = QHBoxLayout()
        shown.addWidget(self.anchor_edit, 1)
        shown.addWidget(self.copy_button)
        self.kept_edit = QLineEdit()
        self.kept_edit.setObjectName("anchor_kept")
        self.kept_edit.setPlaceholderText(_tr("A kept anchor, e.g. {example}").format(example=_EXAMPLE))
        self.check_button = QPushButton(_tr("C&heck"))
        self.check_button.setObjectName("anchor_check")
        self.check_button.clicked.connect(self.on_check_clicked)
        kept = QHBoxLayout()
        kept.addWidget(self.kept_edit, 1)
        kept.addWidget(self.check_button)
        self.result_label = _label("anchor_result")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(shown)
        layout.addWidget(QLabel(_tr("Check an anchor kept earlier:")))
        layout.addLayout(kept)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.anchor_edit.text())

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
    async def ask(cls, parent: QWidget | None, actor: User, audit: AuditPort) -> None:
        """Verify the chain, then show its anchor to ``actor`` until they close the window."""
        if not actor.role.can_move_money:
            show_error(parent, _tr("Only a manager or an administrator can see the audit log's anchor."))
            return
        check = await audit.anchor()
        if parent is not None and not shiboken6.isValid(parent):
            return
        dialog = cls(parent, check, audit)
        try:
            await run_dialog(dialog)
        finally:
            if shiboken6.isValid(dialog):
                dialog.deleteLater()
