"""Free text a person types into the console's fields, checked before it is sent (decision 0073).

The services refuse the same text again (:func:`epay_desktop.domain.text.check_text`); checking in the
field first lets the form say what is wrong while the person is still typing, in their language.
"""

from __future__ import annotations

from epay_desktop.domain.i18n import Word
from epay_desktop.domain.text import TEXT_MAX_CHARS
from epay_desktop.domain.text import TextError
from epay_desktop.domain.text import check_text
from epay_desktop.ui.common.asyncqt import user_message_of

__all__ = ["text_problem"]


def text_problem(
    text: str, field: Word, *, max_chars: int | None = TEXT_MAX_CHARS, max_bytes: int | None = None
) -> str:
    """Why ``text`` may not be stored in ``field``, translated; empty when it may."""
    try:
        check_text(text, field, max_chars=max_chars, max_bytes=max_bytes)
    except TextError as exc:
        return user_message_of(exc) or exc.user_message
    return ""
