"""``user add``, ``user list``, ``user unlock``, ``user reset-pin``, ``user role``, ``user deactivate``
and ``user activate``. Every change needs a logged-in manager or admin (``services.users.may_manage``)
and is audited by the user service."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from epay_desktop.cli.commands import Arg
from epay_desktop.cli.commands import CommandTable
from epay_desktop.cli.common import EXIT_OK
from epay_desktop.cli.common import CliError
from epay_desktop.cli.common import login
from epay_desktop.cli.common import read_new_secret
from epay_desktop.cli.output import emit_json
from epay_desktop.cli.output import local_time
from epay_desktop.cli.output import print_result
from epay_desktop.cli.output import print_table
from epay_desktop.cli.output import visible
from epay_desktop.cli.output import when_json
from epay_desktop.domain import Role
from epay_desktop.domain import User

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext

__all__ = ["USER"]

USER = CommandTable(
    "user",
    """add, list, unlock or change users

    Add, list, unlock, reset the PIN of, change the role of, deactivate or activate the console's users.
    """,
)
_NAME = Arg("name", help="the user's name")
_ROLES = [r.value for r in Role]


def _user_json(user: User) -> dict[str, object]:
    return {
        "id": user.id,
        "name": user.name,
        "role": user.role.value,
        "active": user.active,
        "locked_until": when_json(user.locked_until),
        "created_at": when_json(user.created_at),
    }


@USER.command(
    "add",
    Arg("name", help="the new user's name"),
    Arg("--role", required=True, choices=_ROLES, help="cashier, manager or admin"),
)
async def cmd_user_add(app: AppContext, args: argparse.Namespace) -> int:
    """add a user

    Add a user. The first user of an empty database needs no log-in and must be a manager or an admin.
    The new password/PIN is asked twice, or read from EPAY_NEW_PASSWORD.
    """
    empty = not await app.users.has_accounts()
    actor = None if empty else await login(app, args)
    role = Role(args.role)
    if empty and role is Role.CASHIER:
        raise CliError(
            "the first user must be a manager or an admin (--role manager), who then adds the cashiers", 1
        )
    password = read_new_secret("EPAY_NEW_PASSWORD", args.name)
    user = await app.users.add_user(args.name, role, password, actor)
    return print_result(
        args.json, _user_json(user), f"Added {user.role.value} {visible(user.name)} (user {user.id})."
    )


@USER.command("list")
async def cmd_user_list(app: AppContext, args: argparse.Namespace) -> int:
    """list users (managers)

    List the users.
    """
    actor = await login(app, args)
    users = await app.users.list_users(actor)
    if args.json:
        emit_json([_user_json(u) for u in users])
        return EXIT_OK
    rows = [
        [
            str(u.id),
            u.name,
            u.role.value,
            "yes" if u.active else "no",
            local_time(u.locked_until),
            local_time(u.created_at),
        ]
        for u in users
    ]
    print_table(["ID", "NAME", "ROLE", "ACTIVE", "LOCKED UNTIL", "CREATED"], rows, right={0})
    return EXIT_OK


@USER.command("unlock", Arg("name", help="the locked user's name"))
async def cmd_user_unlock(app: AppContext, args: argparse.Namespace) -> int:
    """unlock a user locked after wrong passwords/PINs (managers)

    Clear a user's failed log-ins and lock, so they can log in again at once. Needs a manager (cashiers
    and managers) or an admin (anyone); the unlock is audited.
    """
    actor = await login(app, args)
    # what the lock was, for the sentence below: through the service (a cashier is refused by unlock)
    before = await app.users.list_users(actor) if actor.role.can_move_money else []
    user = await app.users.unlock(actor, args.name)
    if args.json:
        emit_json(_user_json(user))
        return EXIT_OK
    locked_until = next((u.locked_until for u in before if u.id == user.id), None)
    if locked_until is not None:
        print(
            f"Unlocked {visible(user.name)} (was locked until {local_time(locked_until)}); "
            "they can log in again."
        )
    else:
        print(f"{visible(user.name)} was not locked; their failed log-ins are cleared.")
    return EXIT_OK


@USER.command("reset-pin", _NAME)
async def cmd_user_reset_pin(app: AppContext, args: argparse.Namespace) -> int:
    """give a user a new password/PIN (managers)

    Set a new password/PIN for a user who forgot theirs; it also clears a lock. The new password/PIN is
    asked twice without echo, or read from EPAY_NEW_PASSWORD. Audited.
    """
    actor = await login(app, args)
    password = read_new_secret("EPAY_NEW_PASSWORD", args.name)
    user = await app.users.reset_password(actor, args.name, password)
    return print_result(
        args.json,
        _user_json(user),
        f"{visible(user.name)} has a new password/PIN and can log in with it now.",
    )


@USER.command("role", _NAME, Arg("role", choices=_ROLES, help="cashier, manager or admin"))
async def cmd_user_role(app: AppContext, args: argparse.Namespace) -> int:
    """change a user's role (managers)

    Give a user another role; it takes effect at once. A manager may make cashiers and managers, only an
    admin makes or changes admins; nobody changes their own role. Audited.
    """
    actor = await login(app, args)
    user = await app.users.set_role(actor, args.name, Role(args.role))
    return print_result(args.json, _user_json(user), f"{visible(user.name)} is now a {user.role.value}.")


async def cmd_user_set_active(app: AppContext, args: argparse.Namespace) -> int:
    actor = await login(app, args)
    user = await app.users.set_active(actor, args.name, args.active)
    if user.active:
        line = f"{visible(user.name)} is active again and can log in."
    else:
        line = f"{visible(user.name)} is deactivated and can no longer log in or approve."
    return print_result(args.json, _user_json(user), line)


for _action, _active, _help in (
    ("deactivate", False, "deactivate a user: they can no longer log in or approve (managers)"),
    ("activate", True, "activate a deactivated user again (managers)"),
):
    _doc = f"{_help}\n\n{_help[0].upper()}{_help[1:]}. Nobody deactivates their own account. Audited."
    USER.command(_action, _NAME, doc=_doc, active=_active)(cmd_user_set_active)
