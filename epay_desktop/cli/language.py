"""The command line's language (docs/decisions/0046): ``--lang kk|ru|en``, else the environment's.

The service messages a command prints (refusals, errors: the ``Message`` templates of decision 0013)
are translated with the same ``resources/i18n/epay_desktop_<lang>.qm`` the console uses, read by a
``QTranslator`` without any application object (QtCore only, no display). The command line's own
fixed words (help, column headers, JSON keys, "done") stay English: scripts read them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import Word

__all__ = ["LANGUAGES", "choose_language", "localized", "localized_message", "set_language"]

log = logging.getLogger(__name__)

LANGUAGES = ("kk", "ru", "en")
#: POSIX order: the first one set decides (LANGUAGE may list several, "ru:en").
_ENV_ORDER = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translator: Any = None  # a loaded QTranslator, or None (English)


def choose_language(given: str | None, environ: Mapping[str, str] | None = None) -> str:
    """``given`` (``--lang``) when set; else the environment's language if kk/ru; else English.

    ``LANG=C`` or a language the console does not speak means English (a server's log reader).
    """
    if given:
        return given
    env = os.environ if environ is None else environ
    for name in _ENV_ORDER:
        value = env.get(name, "")
        if not value:
            continue
        for part in value.split(":"):
            code = part.split(".")[0].split("_")[0].split("@")[0].lower()
            if code in LANGUAGES:
                return code
        if name != "LANGUAGE":  # LC_ALL/LC_MESSAGES/LANG set to something else: that is the choice
            return "en"
    return "en"


def set_language(language: str) -> bool:
    """Translate service messages into ``language`` from now on; False (English) when its
    catalogue cannot be read (then the messages are English, and the log says why)."""
    global _translator
    _translator = None
    if language == "en":
        return True
    try:
        from PySide6.QtCore import QTranslator

        from epay_desktop.resources import ResourceMissingError
        from epay_desktop.resources import translations_dir
    except ImportError as exc:  # Qt's core library missing on this machine
        log.warning("event=cli_translation_unavailable language=%s error=%s", language, exc)
        return False
    try:
        folder = translations_dir()
    except ResourceMissingError as exc:
        log.warning("event=cli_translation_unavailable language=%s error=%s", language, exc)
        return False
    translator = QTranslator()
    if not translator.load(f"epay_desktop_{language}", str(folder)):
        log.warning("event=cli_translation_unavailable language=%s folder=%s", language, folder)
        return False
    _translator = translator
    return True


def _tr(context: str, text: str) -> str:
    if _translator is None:
        return text
    return str(_translator.translate(context, text)) or text


def localized(exc: BaseException) -> str | None:
    """The sentence ``exc`` carries for a person, in the chosen language; None when it has none."""
    english = getattr(exc, "user_message", None)
    if not (isinstance(english, str) and english.strip()):
        return None
    message = getattr(exc, "message", None)
    if not isinstance(message, Message):
        return english
    return localized_message(message, english)


def localized_message(message: Message, english: str | None = None) -> str:
    """``message`` in the chosen language (``english``, else its own English, when not translated)."""
    english = english if english is not None else message.text()
    if _translator is None:
        return english
    args = {k: _tr(v.context, v) if isinstance(v, Word) else v for k, v in message.args.items()}
    try:
        return _tr(message.context, message.template).format(**args)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
        log.warning("event=bad_translation context=%s", message.context)
        return english
