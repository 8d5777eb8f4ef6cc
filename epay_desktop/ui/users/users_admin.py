"""User management (the Users window): list, add a cashier/manager/admin, unlock, reset a PIN,
change a role, deactivate and activate again.

Unlock is enabled for an account locked after too many wrong log-in passwords/PINs (its lock has
not run out yet); the service clears the lock and audits ``user.unlocked``. Wrong PINs typed in
a cashier's approval box never lock a manager (decision 0020), so a lock always comes from logins.

Who may manage whom is the service's rule (``services.users.may_manage``): the role choice only
offers what the logged-in user may add, and each account button is enabled only when the logged-in
user may do it to the selected account (its tooltip says why not); the service checks again. Nobody
changes their own role or deactivates themselves, so the shop always keeps a manager (decision 0028).
Every action runs once per click, with the busy indicator while the service works, and shows the
service's sentence when it refuses.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Coroutine
from datetime import UTC
from datetime import datetime
from enum import IntEnum
from typing import Any
from typing import Protocol

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.services.people.users import may_manage
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.roles import KeyRole
from epay_desktop.ui.common.roles import RecordRole
from epay_desktop.ui.common.table_model import ColumnsModel
from epay_desktop.ui.common.table_model import Index
from epay_desktop.ui.session.login import role_text
from epay_desktop.ui.users.account_dialogs import ResetPinDialog
from epay_desktop.ui.users.account_dialogs import RoleDialog
from epay_desktop.ui.users.account_dialogs import say_problem
from epay_desktop.ui.users.account_dialogs import secret_problem
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.widgets.read_only_table import read_only

__all__ = ["UserAdminPort", "UsersAdmin", "UsersModel"]


class UserAdminPort(Protocol):
    """``UserService``'s account methods."""

    async def list_users(self, actor: User) -> list[User]: ...

    async def add_user(self, name: str, role: Role, password: str, actor: User | None) -> User: ...

    async def unlock(self, actor: User, name: str) -> User: ...

    async def set_active(self, actor: User, name: str, active: bool) -> User: ...

    async def reset_password(self, actor: User, name: str, new_password: str) -> User: ...

    async def set_role(self, actor: User, name: str, role: Role) -> User: ...


class UserColumn(IntEnum):
    NAME = 0
    ROLE = 1
    STATE = 2


Clock = Callable[[], datetime]
#: What a change says when it is done or refused: a function when composed (said again after a switch).
Said = str | Callable[[], str]


def _now() -> datetime:
    return datetime.now(UTC)


def is_locked(user: User, now: datetime) -> bool:
    """Whether ``user`` cannot log in now because of too many wrong passwords/PINs."""
    return user.locked_until is not None and now < user.locked_until


class UsersModel(ColumnsModel):
    """Users as rows; ``KeyRole`` is the name, ``RecordRole`` the User."""

    columns = UserColumn
    row_numbers = False

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

    def row_total(self) -> int:
        return len(self._users)

    def header_text(self, section: int) -> str:
        names = {
            UserColumn.NAME: self.tr("Name"),
            UserColumn.ROLE: self.tr("Role"),
            UserColumn.STATE: self.tr("State"),
        }
        return names[UserColumn(section)]

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
        self._question: asyncio.Task[None] | None = None  # a Reset PIN / Change role question open
        self._said: Said = ""  # the message under the list, made again after a language switch
        on_language_change(self, self._retranslate)
        self.model = UsersModel(self, clock=clock)
        self.table = read_only(named(QTableView(), "users_table"))  # the heads are the model's
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.unlock_button = named(QPushButton(self.tr("Unlock")), "unlock_button")
        self.reset_button = named(QPushButton(self.tr("Reset PIN…")), "reset_pin_button")
        self.role_button = named(QPushButton(self.tr("Change role…")), "change_role_button")
        self.active_button = named(QPushButton(self.tr("Deactivate")), "active_button")
        self.name_edit = named(QLineEdit(), "new_name_edit")
        self.role_combo = named(QComboBox(), "new_role_combo")
        for role in (Role.CASHIER, Role.MANAGER, Role.ADMIN):
            if may_manage(actor.role, role):
                self.role_combo.addItem(role_text(role), role.value)
        self.pin_edit = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "new_pin_edit")
        self.pin_again_edit = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "new_pin_again_edit")
        self.add_button = named(QPushButton(self.tr("Add user")), "add_button")
        # why Add is greyed, said under it once a PIN is typed (as Reset PIN does): not in a tooltip only
        self.add_problem_label = text_label("add_user_problem", "error_text")
        self.message_label = text_label("users_message")
        add_box = QGroupBox(self.tr("Add a user"))
        add_form = QFormLayout(add_box)
        add_form.addRow(self.tr("Name"), self.name_edit)
        add_form.addRow(self.tr("Role"), self.role_combo)
        add_form.addRow(self.tr("PIN or password"), self.pin_edit)
        add_form.addRow(self.tr("Repeat it"), self.pin_again_edit)
        add_form.addRow("", self.add_button)
        add_form.addRow("", self.add_problem_label)
        row = QHBoxLayout()
        row.addWidget(self.unlock_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.role_button)
        row.addWidget(self.active_button)
        row.addStretch(1)
        note = QLabel(
            self.tr(
                "Select a user, then choose what to do. Each change is saved as soon as you make it, "
                "also for a user who is logged in now."
            ),
            wordWrap=True,
        )
        note.setStyleSheet(theme.style("note_text"))
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
        self.reset_button.clicked.connect(self.on_reset_pin_button_clicked)
        self.role_button.clicked.connect(self.on_role_button_clicked)
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
        return secret_problem(self.pin_edit.text(), self.pin_again_edit.text())

    def _givable_roles(self, user: User) -> list[Role]:
        """The roles the logged-in user may give ``user`` instead of the one it has."""
        return [r for r in Role if r is not user.role and may_manage(self._actor.role, r)]

    def _account_problem(self, user: User | None, not_yours: str = "") -> str:
        """Why no account button works on ``user`` ('' when the logged-in user may manage it);
        ``not_yours``: what to say when it is an account only an administrator may change."""
        if self.busy:
            return self.tr("Wait until the change being saved is done.")
        if user is None:
            return self.tr("Select a user in the list.")
        if not may_manage(self._actor.role, user.role):
            return not_yours or self.tr("Only an administrator can change an administrator's account.")
        return ""

    def _role_problem(self, user: User | None) -> str:
        problem = self._account_problem(user)
        if problem or user is None:
            return problem
        if user.id == self._actor.id:
            return self.tr("You cannot change your own role; ask another manager or an administrator.")
        if not self._givable_roles(user):
            return self.tr("There is no other role you may give this user.")
        return ""

    def _active_problem(self, user: User | None) -> str:
        problem = self._account_problem(user)
        if problem or user is None:
            return problem
        if user.id == self._actor.id and user.active:
            return self.tr("You cannot deactivate your own account; ask another manager or an administrator.")
        return ""

    def _update_buttons(self) -> None:
        user = self.selected()
        for button, why_not in (
            (self.unlock_button, self._unlock_problem(user)),
            (self.reset_button, self._account_problem(user)),
            (self.role_button, self._role_problem(user)),
            (self.active_button, self._active_problem(user)),
        ):
            button.setEnabled(not why_not)
            button.setToolTip(why_not)
        self.active_button.setText(
            self.tr("Activate") if user is not None and not user.active else self.tr("Deactivate")
        )
        problem = self._add_problem()
        self.add_button.setEnabled(not problem and not self.busy and self.role_combo.count() > 0)
        self.add_button.setToolTip(problem)
        say_problem(self.add_problem_label, problem, self.pin_edit, self.pin_again_edit)

    def _unlock_problem(self, user: User | None) -> str:
        """Why Unlock is disabled ('' when it is enabled)."""
        problem = self._account_problem(user, self.tr("Only an administrator can unlock an administrator."))
        if problem or user is None:
            return problem
        if not is_locked(user, self._clock()):
            return self.tr("This account is not locked.")
        return ""

    def _run(self, make: Callable[[], Awaitable[Said]]) -> None:
        if self.busy:
            return
        self._task = spawn(self._guard(make), busy=self)
        self._update_buttons()

    async def _guard(self, make: Callable[[], Awaitable[Said]]) -> None:
        message: Said = ""
        chosen = self.selected()
        try:
            message = await make()
            users = await self._users.list_users(self._actor)
            self.model.set_users(users)
            for row, user in enumerate(users):
                if user.id == self._actor.id:
                    self._actor = user  # buttons follow the stored role (the service checks it too)
                if chosen is not None and user.id == chosen.id and shiboken6.isValid(self):
                    self.table.selectRow(row)  # the account just changed stays selected
        except Exception as exc:
            said = user_message_of(exc) or ""
            if not said:
                raise
            refused = exc
            message = lambda: user_message_of(refused) or said  # noqa: E731  (said again after a switch)
        finally:
            if shiboken6.isValid(self):
                self._task = None
                self._said = message
                self.message_label.setText(message() if callable(message) else message)
                self._update_buttons()

    def _retranslate(self) -> None:
        """After a language switch: the last change's sentence (names, roles) in the new words."""
        if callable(self._said) and self.message_label.text():
            self.message_label.setText(self._said())
        self._update_buttons()  # the reasons under Add and in the tooltips, in the new words

    async def _nothing(self) -> Said:
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

        async def add() -> Said:
            user = await self._users.add_user(name, role, secret, self._actor)
            self.name_edit.clear()
            return lambda: self.tr("Added {name} ({role}).").format(name=user.name, role=role_text(user.role))

        self._run(add)

    def on_unlock_button_clicked(self) -> None:
        user = self.selected()
        if user is not None:
            name = user.name

            async def unlock() -> Said:
                await self._users.unlock(self._actor, name)
                return lambda: self.tr("{name} is unlocked and can log in again.").format(name=name)

            self._run(unlock)

    def on_active_button_clicked(self) -> None:
        user = self.selected()
        if user is not None:
            name, active = user.name, not user.active

            async def toggle() -> Said:
                await self._users.set_active(self._actor, name, active)
                return lambda: (
                    self.tr("{name} is active again.") if active else self.tr("{name} can no longer log in.")
                ).format(name=name)

            self._run(toggle)

    def _ask(self, question: Coroutine[Any, Any, None]) -> None:
        if self._question is None or self._question.done():
            self._question = spawn(question)

    def hideEvent(self, event: QHideEvent) -> None:
        """The window closes (Close, or the console locks; not a minimise): a question still open goes
        with it."""
        if not event.spontaneous() and self._question is not None and not self._question.done():
            self._question.cancel()  # run_dialog rejects the question; nothing is changed
        super().hideEvent(event)

    def on_reset_pin_button_clicked(self) -> None:
        user = self.selected()
        if user is not None and not self._account_problem(user):
            self._ask(self._reset_pin(user.name))

    async def _reset_pin(self, name: str) -> None:
        secret = await ResetPinDialog.ask(self, name)
        if secret is None or not shiboken6.isValid(self):
            return

        async def reset() -> Said:
            await self._users.reset_password(self._actor, name, secret)
            return lambda: self.tr("{name} has a new PIN and can log in with it now.").format(name=name)

        self._run(reset)

    def on_role_button_clicked(self) -> None:
        user = self.selected()
        if user is not None and not self._role_problem(user):
            self._ask(self._change_role(user))

    async def _change_role(self, user: User) -> None:
        role = await RoleDialog.ask(self, user, self._givable_roles(user))
        if role is None or not shiboken6.isValid(self):
            return
        name = user.name

        async def change() -> Said:
            changed = await self._users.set_role(self._actor, name, role)
            return lambda: self.tr("{name} is now a {role}.").format(name=name, role=role_text(changed.role))

        self._run(change)
