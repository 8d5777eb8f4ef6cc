"""A tiny translation catalogue compiled for a test with pyside6-lrelease: the language machinery with
the words a test chooses, whatever the translators' files hold today.

* :func:`compile_catalogue` ``(folder, lang, entries)``: ``entries`` (context, source, translation)
  compiled to ``folder/epay_desktop_<lang>.qm`` (monkeypatch ``language.translations_dir`` to ``folder``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape


def _lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    assert Path(found).exists(), "pyside6-lrelease is part of the dev environment (PySide6)"
    return found


def compile_catalogue(folder: Path, lang: str, entries: list[tuple[str, str, str]]) -> None:
    contexts: dict[str, list[tuple[str, str]]] = {}
    for context, source, text in entries:
        contexts.setdefault(context, []).append((source, text))
    body = "".join(
        f"<context><name>{escape(name)}</name>"
        + "".join(
            f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation></message>"
            for s, t in messages
        )
        + "</context>"
        for name, messages in contexts.items()
    )
    ts = folder / f"epay_desktop_{lang}.ts"
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="{lang}">{body}</TS>'
    )
    subprocess.run(
        [_lrelease(), "-silent", str(ts), "-qm", str(folder / f"epay_desktop_{lang}.qm")], check=True
    )
