"""User management (the Users window): list, add a cashier/manager/admin, unlock, (de)activate.

Unlock is enabled for an account locked after too many wrong log-in passwords/PINs (its lock has
not run out yet); the service clears the lock and audits ``user.unlocked``. Wrong PINs typed in
a cashier's approval box never lock a manager (decision 0020), so a lock always comes from logins.

Who may manage whom is the service's rule (``services.users.may_manage``): the role choice only
offers what the logged-in user may add, and the service checks again. Every action runs once per
click and shows the service's sentence when it refuses.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from epay_desktop.domain import Role, User
from epay_desktop.services.users import may_manage

from ..asyncqt import spawn, user_message_of
from ..login import role_text
from ..models.formatting import local_time_text
from ..models.roles import KeyRole, RecordRole
from . import named

__all__ = ["UserAdminPort", "UsersAdmin", "UsersModel"]

Index = QModelIndex | QPersistentModelIndex


class UserAdminPort(Protocol):
    """``UserService``'s account methods."""

    async def list_users(self, actor: User) -> list[User]: ...

    async def add_user(self, name: str, role: Role, password: str, actor: User | None) -> User: ...

    async def unlock(self, actor: User, name: str) -> User: ...

    async def set_active(self, actor: User, name: str, active: bool) -> User: ...


class UserColumn(IntEnum):
    NAME = 0
    ROLE = 1
    STATE = 2


Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


def is_locked(user: User, now: datetime) -> bool:
    """Whether ``user`` cannot log in now because of too many wrong passwords/PINs."""
    return user.locked_until is not None and now < user.locked_until


class UsersModel(QAbstractTableModel):
    """Users as rows; ``KeyRole`` is the name, ``RecordRole`` the User."""

    def __init__(self, parent: Any = None, *, clock: Clock = _now) -> None:
        super().__init__(parent)
        self._users: list[User] = []
        self._clock = clock

    def set_users(self, users: list[User]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user_at(self, row: int) -> User:
        return self._users[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(UserColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = {
            UserColumn.NAME: self.tr("Name"),
            UserColumn.ROLE: self.tr("Role"),
            UserColumn.STATE: self.tr("State"),
        }
        return names.get(UserColumn(section)) if 0 <= section < len(UserColumn) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._users):
            return None
        user = self._users[index.row()]
        if role == KeyRole:
            return user.name
        if role == RecordRole:
            return user
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = UserColumn(index.column())
        if column is UserColumn.NAME:
            return user.name
        if column is UserColumn.ROLE:
            return role_text(user.role)
        if not user.active:
            return self.tr("deactivated")
        if user.locked_until is not None and is_locked(user, self._clock()):
            return self.tr("locked until {time}").format(time=local_time_text(user.locked_until))
        return self.tr("active")


class UsersAdmin(QWidget):
    """The users tab. Call :meth:`reload` once shown (the dialog does)."""

    def __init__(
        self, users: UserAdminPort, actor: User, parent: QWidget | None = None, *, clock: Clock = _now
    ) -> None:
        super().__init__(parent)
        self._users = users
        self._actor = actor
        self._clock = clock
        self._task: asyncio.Task[None] | None = None
        self.model = UsersModel(self, clock=clock)
        self.table = named(QTableView(), "users_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.unlock_button = named(QPushButton(self.tr("Unlock")), "unlock_button")
        self.active_button = named(QPushButton(self.tr("Deactivate")), "active_button")
        self.name_edit = named(QLineEdit(), "new_name_edit")
        self.role_combo = named(QComboBox(), "new_role_combo")
        for role in (Role.CASHIER, Role.MANAGER, Role.ADMIN):
            if may_manage(actor.role, role):
                self.role_combo.addItem(role_text(role), role.value)
        self.pin_edit = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "new_pin_edit")
        self.pin_again_edit = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "new_pin_again_edit")
        self.add_button = named(QPushButton(self.tr("Add user")), "add_button")
        self.message_label = named(QLabel(wordWrap=True), "users_message")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        add_box = QGroupBox(self.tr("Add a user"))
        add_form = QFormLayout(add_box)
        add_form.addRow(self.tr("Name"), self.name_edit)
        add_form.addRow(self.tr("Role"), self.role_combo)
        add_form.addRow(self.tr("PIN or password"), self.pin_edit)
        add_form.addRow(self.tr("Repeat it"), self.pin_again_edit)
        add_form.addRow("", self.add_button)
        row = QHBoxLayout()
        row.addWidget(self.unlock_button)
        row.addWidget(self.active_button)
        row.addStretch(1)
        note = QLabel(
            self.tr("Changes to users take effect at once; Save is not needed for them."), wordWrap=True
        )
        note.setStyleSheet("QLabel { color: #5d4037; }")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(add_box)
        layout.addWidget(self.message_label)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        for edit in (self.name_edit, self.pin_edit, self.pin_again_edit):
            edit.textChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.unlock_button.clicked.connect(self.on_unlock_button_clicked)
        self.active_button.clicked.connect(self.on_active_button_clicked)
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def _add_problem(self) -> str:
        if not self.name_edit.text().strip() or not self.pin_edit.text():
            return self.tr("Type the new user's name and PIN or password.")
        if self.pin_edit.text() != self.pin_again_edit.text():
            return self.tr("The two PINs or passwords are not the same.")
        return ""

    def _update_buttons(self) -> None:
        user = self.selected()
        manageable = user is not None and may_manage(self._actor.role, user.role) and not self.busy
        locked = user is not None and is_locked(user, self._clock())
        self.unlock_button.setEnabled(manageable and locked)
        self.unlock_button.setToolTip(self._unlock_problem(user, locked))
        self.active_button.setEnabled(manageable and user is not None and user.id != self._actor.id)
        self.active_button.setText(
            self.tr("Activate") if user is not None and not user.active else self.tr("Deactivate")
        )
        problem = self._add_problem()
        self.add_button.setEnabled(not problem and not self.busy and self.role_combo.count() > 0)
        self.add_button.setToolTip(problem)

    def _unlock_problem(self, user: User | None, locked: bool) -> str:
        """Why Unlock is disabled ('' when it is enabled)."""
        if user is None:
            return self.tr("Select a user in the list.")
        if not may_manage(self._actor.role, user.role):
            return self.tr("Only an administrator can unlock an administrator.")
        if not locked:
            return self.tr("This account is not locked.")
        return ""

    def _run(self, make: Callable[[], Awaitable[str]]) -> None:
        if self.busy:
            return
        self._task = spawn(self._guard(make), busy=self)
        self._update_buttons()

    async def _guard(self, make: Callable[[], Awaitable[str]]) -> None:
        message = ""
        try:
            message = await make()
            self.model.set_users(await self._users.list_users(self._actor))
        except Exception as exc:
            message = user_message_of(exc) or ""
            if not message:
                raise
        finally:
            if shiboken6.isValid(self):
                self._task = None
                self.message_label.setText(message)
                self._update_buttons()

    async def _nothing(self) -> str:
        return ""

    def reload(self) -> None:
        self._run(self._nothing)

    def on_add_button_clicked(self) -> None:
        name, role, secret = (
            self.name_edit.text().strip(),
            Role(self.role_combo.currentData()),
            self.pin_edit.text(),
        )
        self.pin_edit.clear()
        self.pin_again_edit.clear()

        async def add() -> str:
            user = await self._users.add_user(name, role, secret, self._actor)
            self.name_edit.clear()
            return self.tr("Added {name} ({role}).").format(name=user.name, role=role_text(user.role))

        self._run(add)

    def on_unlock_button_clicked(self) -> None:
        user = self.selected()
        if user is not None:
            name = user.name

            async def unlock() -> str:
                await self._users.unlock(self._actor, name)
                return self.tr("{name} is unlocked and can log in again.").format(name=name)

            self._run(unlock)

    def on_active_button_clicked(self) -> None:
        user = self.selected()
        if user is not None:
            name, active = user.name, not user.active

            async def toggle() -> str:
                await self._users.set_active(self._actor, name, active)
                done = (
                    self.tr("{name} is active again.") if active else self.tr("{name} can no longer log in.")
                )
                return done.format(name=name)

            self._run(toggle)
