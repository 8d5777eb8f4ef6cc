"""Small local secret files (the PIN pepper): 32 random bytes, readable only by their owner.

The pepper is mixed into every password/PIN hash (see ``passwords.py``); it lives in a file
next to the audit key, never in the database, so a stolen database alone does not let
anyone brute-force four-digit PINs. The file handling is the store's (:mod:`..store.keyfile`).
"""

from __future__ import annotations

from pathlib import Path

from epay_desktop.store.keyfile import KEY_BYTES
from epay_desktop.store.keyfile import load_or_create_key_file

__all__ = ["SECRET_BYTES", "load_or_create_secret_file"]

SECRET_BYTES = KEY_BYTES


def load_or_create_secret_file(path: Path) -> bytes:
    """Return the 32-byte secret stored at ``path``, creating it (mode 0600) on first use.

    Raises StoreError (a ConsoleError) if the file is readable by the group or others, is not a
    regular file, or has the wrong length.
    """
    return load_or_create_key_file(
        path, name="PIN pepper", if_lost="without it no password or PIN can be checked"
    )
