"""Every command says what it does: its handler's docstring is its help (decision 0092), the first
paragraph the line ``epay-desktop --help`` lists, the rest the description of its own ``--help``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from epay_desktop.cli import build_parser

Texts = tuple[str | None, str | None]


def _commands(parser: argparse.ArgumentParser, path: str = "") -> Iterator[tuple[str, Texts]]:
    """(``user add``, (its help line, its description)) for every command and group, depth first."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            lines = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                yield f"{path} {name}".strip(), (lines.get(name), sub.description)
                yield from _commands(sub, f"{path} {name}")


def test_every_command_has_a_one_line_help() -> None:
    commands = dict(_commands(build_parser()))
    assert {"user add", "user activate", "audit verify", "audit anchor", "check-db"} <= set(commands)
    no_line = [name for name, (line, _) in commands.items() if not line or line != " ".join(line.split())]
    assert no_line == []


def test_the_docstring_after_its_first_paragraph_is_the_description() -> None:
    commands = dict(_commands(build_parser()))
    assert commands["refund"] == (
        "refund a charged payment, fully or in part",
        "Refund a charged payment. Without --amount, all that remains is refunded.",
    )
    assert commands["status"] == ("ask the gateway for a payment's status now", None)
    assert commands["user deactivate"][1] == (
        "Deactivate a user: they can no longer log in or approve (managers). Nobody deactivates their own "
        "account. Audited."
    )
