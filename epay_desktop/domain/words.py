"""Words filled into service messages, each a :class:`~epay_desktop.domain.i18n.Word` (decision 0013).

The English text is what the messages said before (the role's value, "refund"...), marked for the
translators under the context ``words``; the GUI and the command line translate them with the
sentence around them.
"""

from __future__ import annotations

from typing import Final

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Word
from epay_desktop.domain.records import OpKind
from epay_desktop.domain.records import Role

__all__ = ["KIND_WORDS", "ROLE_WORDS"]

#: An operation's kind as a word in a sentence ("a refund is being sent").
KIND_WORDS: Final[dict[OpKind, Word]] = {
    OpKind.CHARGE: Word("words", QT_TRANSLATE_NOOP("words", "charge")),
    OpKind.CANCEL: Word("words", QT_TRANSLATE_NOOP("words", "cancellation")),
    OpKind.REFUND: Word("words", QT_TRANSLATE_NOOP("words", "refund")),
}

#: A user's role as a word in a sentence ("The role “cashier” may not add “admin” accounts.").
ROLE_WORDS: Final[dict[Role, Word]] = {
    Role.CASHIER: Word("words", QT_TRANSLATE_NOOP("words", "cashier")),
    Role.MANAGER: Word("words", QT_TRANSLATE_NOOP("words", "manager")),
    Role.ADMIN: Word("words", QT_TRANSLATE_NOOP("words", "admin")),
}
