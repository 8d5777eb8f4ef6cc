"""Translatable messages for code that never imports Qt (services, domain rules, store, gateway).

A message is written at its raise site as::

    raise RuleViolation(msg("rules", QT_TRANSLATE_NOOP("rules", "Refund of {amount} ..."), amount=a.format()))

``pyside6-lupdate`` recognises ``QT_TRANSLATE_NOOP(context, text)`` in Python sources, so the English
template lands in the translators' ``.ts`` files under ``context``; the GUI translates the template with
``QCoreApplication.translate(context, template)`` and then fills in the (already formatted) arguments.
The context passed to :func:`msg` must equal the one inside ``QT_TRANSLATE_NOOP`` (a test checks this).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["QT_TRANSLATE_NOOP", "Message", "msg"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation under ``context``; returns ``text`` unchanged."""
    del context
    return text


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
