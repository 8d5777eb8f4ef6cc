"""Window titles: what the window is first, the product name last, once (decision 0014).

Qt appends the application display name to every top-level window title, unless the title already
ends with it (``QPlatformWindow::formatWindowTitle``): "ePay Desktop — SANDBOX" was shown as
"ePay Desktop — SANDBOX — ePay Desktop". So the console's own windows are titled
``window_title(...)``, which ends with the product name (Qt then adds nothing), and dialogs carry
only what they are ("Refund — invoice 123, 1 500 ₸"); Qt adds the name after it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["SEPARATOR", "product_name", "shown_title", "window_title"]

#: The separator Qt itself puts before the application name (xcb, Windows).
SEPARATOR = " \u2014 "


def product_name() -> str:
    """The product's name; ``configure_application`` makes it the application display name."""
    return QCoreApplication.translate("WindowTitle", "ePay Desktop")


def window_title(*parts: str) -> str:
    """``window_title("New payment", "SANDBOX")`` -> "New payment — SANDBOX — ePay Desktop"."""
    return SEPARATOR.join([*(p for p in parts if p), product_name()])


def shown_title(title: str, display_name: str | None = None) -> str:
    """The title a desktop shows for a top-level window titled ``title`` (Qt's own rule)."""
    name = product_name() if display_name is None else display_name
    if not name or title.endswith(name):
        return title or name
    return f"{title}{SEPARATOR}{name}" if title else name
