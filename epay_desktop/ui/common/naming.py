"""Object names: how tests and style sheets find a widget.

Every dialog's only public entry point is ``async ask(parent, ...) -> Result | None`` (shown with
``open()`` and awaited, never ``exec()``), so callers and tests can stub it; its widgets carry
object names set here.
"""

from typing import TypeVar

from PySide6.QtCore import QObject

__all__ = ["named"]

_W = TypeVar("_W", bound=QObject)


def named(widget: _W, name: str) -> _W:
    """``widget`` with its objectName set (tests and style sheets find widgets by name)."""
    widget.setObjectName(name)
    return widget
