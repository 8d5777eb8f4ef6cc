"""What a person may type into a free-text field, and how stored text is shown safely (decision 0073).

Every free-text field that is stored or printed (a refund's reason, a payment's description, user and
display names, the shop's texts, notes) goes through :func:`check_text`: it refuses, never cuts, a text
longer than the field's limit, and refuses control characters (C0, DEL, C1: an ESC in a reason would
drive the terminal that prints it) and the invisible text-direction controls (U+202A-U+202E,
U+2066-U+2069, U+200E, U+200F, U+061C: "Trojan Source" reordering) and the line/paragraph separators.
Each refusal says which field, what is wrong and where.

Text stored before these rules may still hold such characters: :func:`visible` writes them as
``\\x1b`` / ``\\u202e`` escapes for output, so printing stored text never moves a cursor, rings a bell
or reorders a line. Standard library only.
"""

from __future__ import annotations

from typing import Final

from epay_desktop.domain.errors import ConsoleError
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Word
from epay_desktop.domain.i18n import msg

__all__ = [
    "BIDI_CONTROLS",
    "DESCRIPTION_MAX_BYTES",
    "FIELD_DESCRIPTION",
    "FIELD_NOTE",
    "FIELD_REASON",
    "FIELD_SHOP_TEXT",
    "TEXT_MAX_CHARS",
    "TextError",
    "check_text",
    "first_bad_character",
    "visible",
]

#: The gateway's limit for a payment's description (docs/epay-api.md §3: "<=125 bytes", a PHP validator
#: checks bytes; an integration truncates at 125). Counted in UTF-8: a Cyrillic letter is 2 bytes.
DESCRIPTION_MAX_BYTES: Final = 125
#: Any other single-line free text (reason, note, a shop text): long enough for a sentence, short enough
#: for a receipt line and a table cell.
TEXT_MAX_CHARS: Final = 200

#: Invisible controls that reorder how a line is displayed (Unicode bidi embedding, override, isolate
#: and mark characters, and the Arabic letter mark).
BIDI_CONTROLS: Final = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"]
)
_LINE_SEPARATORS: Final = frozenset({"\u2028", "\u2029"})

FIELD_DESCRIPTION: Final = Word("fields", QT_TRANSLATE_NOOP("fields", "description"))
FIELD_REASON: Final = Word("fields", QT_TRANSLATE_NOOP("fields", "reason"))
FIELD_NOTE: Final = Word("fields", QT_TRANSLATE_NOOP("fields", "note"))
FIELD_SHOP_TEXT: Final = Word("fields", QT_TRANSLATE_NOOP("fields", "shop name or address"))


class TextError(ConsoleError, ValueError):
    """A typed text is refused: too long, or holding a control or text-direction character."""


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or 0x7F <= code <= 0x9F


def _is_forbidden(ch: str) -> bool:
    return _is_control(ch) or ch in BIDI_CONTROLS or ch in _LINE_SEPARATORS or 0xD800 <= ord(ch) <= 0xDFFF


def first_bad_character(text: str) -> tuple[int, str] | None:
    """(1-based position, character) of the first character :func:`check_text` refuses, or None."""
    for index, ch in enumerate(text):
        if _is_forbidden(ch):
            return index + 1, ch
    return None


def check_text(
    text: str,
    field: Word,
    *,
    max_chars: int | None = TEXT_MAX_CHARS,
    max_bytes: int | None = None,
) -> str:
    """``text`` unchanged when a person may store it in ``field``; else :class:`TextError` saying why.

    ``max_bytes`` counts UTF-8 bytes (the gateway's limits); ``max_chars`` counts characters.
    Nothing is cut: a text over the limit is refused with the limit in the message.
    """
    bad = first_bad_character(text)
    if bad is not None:
        position, ch = bad
        code = f"U+{ord(ch):04X}"
        if ch in BIDI_CONTROLS:
            template = QT_TRANSLATE_NOOP(
                "fields",
                "The {field} contains an invisible text-direction character ({code}) at position {position}; "
                "remove it and type the text again.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "fields",
                "The {field} contains a control character ({code}) at position {position}; "
                "remove it and type the text again.",
            )
        raise TextError(msg("fields", template, field=field, code=code, position=position))
    if max_bytes is not None:
        size = len(text.encode("utf-8"))
        if size > max_bytes:
            raise TextError(
                msg(
                    "fields",
                    QT_TRANSLATE_NOOP(
                        "fields",
                        "The {field} is too long: {size} bytes, the bank takes at most {limit} "
                        "(a Cyrillic letter takes 2 bytes). Shorten it; nothing was cut.",
                    ),
                    field=field,
                    size=size,
                    limit=max_bytes,
                )
            )
    if max_chars is not None and len(text) > max_chars:
        raise TextError(
            msg(
                "fields",
                QT_TRANSLATE_NOOP(
                    "fields", "The {field} is too long: {length} characters, at most {limit}. Shorten it."
                ),
                field=field,
                length=len(text),
                limit=max_chars,
            )
        )
    return text


def visible(text: str) -> str:
    """``text`` for output: control, text-direction and separator characters as visible escapes
    (``\\x1b``, ``\\u202e``); a backslash stays as it is. Everything else is unchanged."""
    if not any(_is_forbidden(ch) for ch in text):
        return text
    out = []
    for ch in text:
        if _is_forbidden(ch):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
