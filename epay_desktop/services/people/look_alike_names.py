"""User names that look alike: Unicode confusables (decision 0073).

Two user names are confusable when they look the same on a screen, though their letters differ: ``bоss``
with a Cyrillic ``о`` next to ``boss``, ``Аnna`` with a Cyrillic ``А``. The approval box, the audit log
and every list show names, so a look-alike account could pass for another person. :func:`skeleton`
maps a name to what it looks like: NFKC, then every character to its look-alike in the Unicode
confusables data (the ``confusable-homoglyphs`` package's copy of Unicode's confusables.txt), the
Latin one where there is one, then casefolded, twice, so capitals of either script meet. Names whose
skeletons are equal are confusable; Kazakh or Russian names that only share a script are not.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

__all__ = ["confusable", "skeleton"]


@cache
def _data() -> dict[str, list[dict[str, Any]]]:
    """The confusables table (loaded on first use: about 1 MB of JSON, not needed at start-up)."""
    from confusable_homoglyphs.confusables import confusables_data

    return confusables_data  # type: ignore[no-any-return]


@cache
def _look_alike(ch: str) -> str:
    """The one character ``ch`` stands for: itself if ASCII, else its ASCII look-alike, else the
    smallest single-character look-alike (or itself when it has none)."""
    if ch.isascii():
        return ch
    entries = _data().get(ch) or []
    singles = [str(e["c"]) for e in entries if len(str(e["c"])) == 1]
    ascii_ones = sorted(c for c in singles if c.isascii())
    if ascii_ones:
        return ascii_ones[0]
    return min([ch, *singles])


def _map(text: str) -> str:
    return "".join(_look_alike(ch) for ch in text)


def skeleton(name: str) -> str:
    """What ``name`` looks like, for comparison only (never stored or shown)."""
    text = unicodedata.normalize("NFKC", name.strip())
    return _map(_map(text).casefold()).casefold()


def confusable(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` look alike (equal skeletons)."""
    return skeleton(a) == skeleton(b)
