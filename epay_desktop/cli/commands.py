"""Each command declared once, on the function that runs it (decision 0092).

A command module keeps one :class:`CommandTable`. ``@TABLE.command("refund", Arg(...), ...)`` on a
handler declares the command and its arguments; the handler's docstring is the command's help: its
first paragraph is the line ``epay-desktop --help`` lists, the rest the description the command's
own ``--help`` shows (none without a rest). :meth:`CommandTable.add_to` makes the parsers in the
order declared, each with the options every database command takes (``--user``, ``--json``,
``-v``) and its handler for ``cli/__init__`` to run. A table with a ``group`` (``user``, ``audit``)
makes its commands that group's actions (``epay-desktop user add``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING
from typing import Any
from typing import TypeVar

from epay_desktop.cli.common import Handler
from epay_desktop.cli.common import invoice_arg

__all__ = ["INVOICE", "Arg", "CommandTable", "OneOf", "Standalone"]

#: What ``add_subparsers`` returns; a table adds its commands to it.
if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[Any]
else:
    Commands = argparse._SubParsersAction

#: A command that opens the database its own way (``restore``, ``check-db``): gets only the arguments.
Standalone = Callable[[argparse.Namespace], Coroutine[Any, Any, int]]

_H = TypeVar("_H", bound=Handler)
_S = TypeVar("_S", bound=Standalone)


class Arg:
    """One ``add_argument`` call, kept until the command's parser is made."""

    def __init__(self, *flags: str, **options: Any) -> None:
        self.flags = flags
        self.options = options

    def add_to(self, parser: argparse._ActionsContainer) -> None:
        parser.add_argument(*self.flags, **self.options)


class OneOf:
    """Arguments of which at most one (``required``: exactly one) may be given."""

    def __init__(self, *arguments: Arg, required: bool = False) -> None:
        self.arguments = arguments
        self.required = required

    def add_to(self, parser: argparse._ActionsContainer) -> None:
        group = parser.add_mutually_exclusive_group(required=self.required)
        for argument in self.arguments:
            argument.add_to(group)


#: The payment a command is about (``show``, ``status``, ``charge``, ``cancel``, ``refund``, ``receipt``).
INVOICE = Arg("invoice", type=invoice_arg, metavar="INVOICE")


def help_texts(doc: str | None) -> tuple[str, str | None]:
    """(help, description) from a docstring: its first paragraph, and the rest (None when empty)."""
    first, _, rest = (doc or "").strip().partition("\n\n")
    return " ".join(first.split()), " ".join(rest.split()) or None


@dataclass(frozen=True)
class _Command:
    name: str
    arguments: tuple[Arg | OneOf, ...]
    doc: str | None
    defaults: dict[str, Any]  # handler= (or standalone=) and what else the handler reads


class CommandTable:
    """The commands one module declares, in order; ``group`` and ``doc`` name and describe their group."""

    def __init__(self, group: str | None = None, doc: str | None = None) -> None:
        self.group = group
        self.doc = doc
        self._commands: list[_Command] = []

    def command(
        self, name: str, *arguments: Arg | OneOf, doc: str | None = None, **defaults: Any
    ) -> Callable[[_H], _H]:
        """Declare ``name``, run with the open app (``cli/__init__``); ``doc`` stands for the handler's
        docstring, ``defaults`` are more values the handler reads from its arguments."""

        def declare(handler: _H) -> _H:
            self._add(name, arguments, doc or handler.__doc__, {"handler": handler, **defaults})
            return handler

        return declare

    def standalone(self, name: str, *arguments: Arg | OneOf) -> Callable[[_S], _S]:
        """Declare ``name``, run without the app: it opens the database its own way (cli/database.py)."""

        def declare(handler: _S) -> _S:
            self._add(name, arguments, handler.__doc__, {"standalone": handler})
            return handler

        return declare

    def _add(
        self, name: str, arguments: tuple[Arg | OneOf, ...], doc: str | None, defaults: dict[str, Any]
    ) -> None:
        self._commands.append(_Command(name, arguments, doc, defaults))

    def add_to(self, commands: Commands, common: argparse.ArgumentParser) -> None:
        """Add the table's commands (in a group's parser when it has one), each with ``common``'s options."""
        if self.group is not None:
            help_text, description = help_texts(self.doc)
            parser = commands.add_parser(self.group, help=help_text, description=description)
            commands = parser.add_subparsers(dest=f"{self.group}_command", metavar="ACTION", required=True)
        for command in self._commands:
            help_text, description = help_texts(command.doc)
            parser = commands.add_parser(
                command.name, parents=[common], help=help_text, description=description
            )
            for argument in command.arguments:
                argument.add_to(parser)
            parser.set_defaults(**command.defaults)
