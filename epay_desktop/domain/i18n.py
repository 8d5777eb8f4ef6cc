"""Translatable messages for code that never imports Qt (services, domain rules, store, gateway).

A message is written at its raise site as::

    raise RuleViolation(msg("rules", QT_TRANSLATE_NOOP("rules", "Refund of {amount} ..."), amount=a.format()))

``pyside6-lupdate`` recognises ``QT_TRANSLATE_NOOP(context, text)`` in Python sources, so the English
template lands in the translators' ``.ts`` files under ``context``; the GUI translates the template with
``QCoreApplication.translate(context, template)`` and then fills in the (already formatted) arguments.
The context passed to :func:`msg` must equal the one inside ``QT_TRANSLATE_NOOP`` (a test checks this).

Words filled into a template (a role, an operation kind, a status) are :class:`Word` values: the
English word with its own translation context, so the reader's language translates them too
(``ui.asyncqt.user_message_of``, ``cli.language.localized``); the English sentence is unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from types import MappingProxyType

__all__ = ["QT_TRANSLATE_NOOP", "Message", "Word", "msg"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation under ``context``; returns ``text`` unchanged."""
    del context
    return text


class Word(str):
    """An English word for a message argument, translated under ``context`` where it is shown.

    Write the text as ``QT_TRANSLATE_NOOP(context, "refund")`` so lupdate finds it; it is a ``str``
    (the English sentence, logs and comparisons are unchanged).
    """

    context: str

    def __new__(cls, context: str, text: str) -> Word:
        word = super().__new__(cls, text)
        word.context = context
        return word

    def __reduce__(self) -> tuple[type[Word], tuple[str, str]]:
        return (Word, (self.context, str(self)))


@dataclass(frozen=True, slots=True)
class Message:
    """An English ``template`` (``str.format`` fields) with its translation ``context`` and ``args``."""

    context: str
    template: str
    args: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def text(self) -> str:
        """The English sentence: the template with its arguments filled in."""
        return self.template.format(**self.args)

    def __str__(self) -> str:
        return self.text()


def msg(context: str, template: str, /, **args: object) -> Message:
    """A :class:`Message`; write ``template`` as ``QT_TRANSLATE_NOOP(context, "...")`` so lupdate finds it."""
    return Message(context, template, MappingProxyType(dict(args)))
