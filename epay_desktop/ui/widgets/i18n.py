"""``QT_TRANSLATE_NOOP`` typed as returning ``str``.

Marks a literal for pyside6-lupdate (it matches the call by name) without translating it yet;
translate at display time with ``QCoreApplication.translate(context, text)``.
"""

from __future__ import annotations

__all__ = ["QT_TRANSLATE_NOOP"]


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    del context
    return source_text
