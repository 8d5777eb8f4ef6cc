"""``user add``, ``user list`` and ``user unlock``."""

from __future__ import annotations

import argparse

from epay_desktop.app import AppContext
from epay_desktop.domain import Role, User

from .common import EXIT_OK, CliError, Commands, login, read_new_secret
from .output import emit_json, local_time, print_table, when_json

__all__ = ["register"]


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    user = commands.add_parser(
        "user",
        help="add, list or unlock users",
        description="Add, list or unlock the console's users.",
    )
    sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = sub.add_parser(
        "add",
        parents=[common],
        help="add a user",
        description="Add a user. The first user of an empty database needs no log-in and must be a "
        "manager or an admin. The new password/PIN is asked twice, or read from EPAY_NEW_PASSWORD.",
    )
    add.add_argument("name", help="the new user's name")
    add.add_argument(
        "--role", required=True, choices=[r.value for r in Role], help="cashier, manager or admin"
    )
    add.set_defaults(handler=cmd_user_add)
    lst = sub.add_parser(
        "list", parents=[common], help="list users (managers)", description="List the users."
    )
    lst.set_defaults(handler=cmd_user_list)
    unlock = sub.add_parser(
        "unlock",
        parents=[common],
        help="unlock a user locked after wrong passwords/PINs (managers)",
        description="Clear a user's failed log-ins and lock, so they can log in again at once. Needs a "
        "manager (cashiers and managers) or an admin (anyone); the unlock is audited.",
    )
    unlock.add_argument("name", help="the locked user's name")
    unlock.set_defaults(handler=cmd_user_unlock)


def _user_json(user: User) -> dict[str, object]:
    return {
        "id": user.id,
        "name": user.name,
        "role": user.role.value,
        "active": user.active,
        "locked_until": when_json(user.locked_until),
        "created_at": when_json(user.created_at),
    }


async def cmd_user_add(app: AppContext, args: argparse.Namespace) -> int:
    empty = await app.store.run_read(lambda tx: tx.users.count() == 0)
    actor = None if empty else await login(app, args)
    role = Role(args.role)
    if empty and role is Role.CASHIER:
        raise CliError(
            "the first user must be a manager or an admin (--role manager), who then adds the cashiers", 1
        )
    password = read_new_secret("EPAY_NEW_PASSWORD", args.name)
    user = await app.users.add_user(args.name, role, password, actor)
    if args.json:
        emit_json(_user_json(user))
    else:
        print(f"Added {user.role.value} {user.name} (user {user.id}).")
    return EXIT_OK


async def cmd_user_list(app: AppContext, args: argparse.Namespace) -> int:
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


async def cmd_user_unlock(app: AppContext, args: argparse.Namespace) -> int:
    actor = await login(app, args)
    was = await app.store.run_read(lambda tx: tx.users.by_name(args.name))
    user = await app.users.unlock(actor, args.name)
    if args.json:
        emit_json(_user_json(user))
        return EXIT_OK
    locked_until = was[0].locked_until if was is not None else None
    if locked_until is not None:
        print(f"Unlocked {user.name} (was locked until {local_time(locked_until)}); they can log in again.")
    else:
        print(f"{user.name} was not locked; their failed log-ins are cleared.")
    return EXIT_OK
