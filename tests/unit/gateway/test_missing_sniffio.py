"""httpcore's ``import sniffio`` fails at once when sniffio is not installed (issue 10, P3; decision 0063).

httpcore asks for sniffio six times per request; a failed import searched ``sys.path`` every time.
The gateway records the module as absent once, which leaves httpcore's answer (asyncio) the same.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from importlib.machinery import ModuleSpec
from typing import Any

import httpcore._synchronization as sync
import pytest

import epay_desktop.gateway._transport as transport


class Finder:
    """A meta path finder that counts the searches for ``sniffio`` (and finds nothing itself)."""

    def __init__(self) -> None:
        self.asked = 0

    def find_spec(self, name: str, *_args: Any) -> None:
        if name == "sniffio":
            self.asked += 1


@pytest.mark.skipif(importlib.util.find_spec("sniffio") is not None, reason="sniffio is installed here")
def test_httpcore_takes_asyncio_without_searching_for_sniffio(monkeypatch: pytest.MonkeyPatch) -> None:
    finder = Finder()
    monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])

    async def library() -> str:
        return sync.current_async_library()

    assert sys.modules.get("sniffio", "absent") is None  # recorded when the gateway was imported
    assert asyncio.run(library()) == "asyncio"  # httpcore's answer, as after a failed import
    with pytest.raises(ImportError):
        import sniffio  # noqa: F401
    assert finder.asked == 0  # no search of sys.path


def test_recorded_only_when_sniffio_cannot_be_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "sniffio", raising=False)
    found = ModuleSpec("sniffio", None)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: found if name == "sniffio" else None)
    assert transport.record_missing_sniffio() is False
    assert "sniffio" not in sys.modules  # installed: left to the import system

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert transport.record_missing_sniffio() is True
    assert sys.modules["sniffio"] is None
    assert transport.record_missing_sniffio() is False  # once
