"""A real browser engine (QtWebEngine, offscreen) against a loopback sandbox and a throwaway merchant site."""

from __future__ import annotations

# QtWebEngineWidgets must be imported before pytest-qt creates the QApplication.
import PySide6.QtWebEngineWidgets  # noqa: F401  isort: skip

import http.server
from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEngineFrame
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView

from tests.support import card_form
from tests.support.card_form import JS_TIMEOUT_MS
from tests.support.loopback import serving


class MerchantSite:
    """A shop on its own origin: pages registered by tests, any other path is a plain landing page."""

    def __init__(self) -> None:
        pages: dict[str, str] = {}
        self.pages = pages

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                body = pages.get(path, f"<!doctype html><title>shop</title><h1>Shop page {path}</h1>")
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture(scope="session")
def merchant() -> Iterator[MerchantSite]:
    site = MerchantSite()
    with serving(site.server):
        yield site


class RecordingPage(QWebEnginePage):
    """Keeps the console output, so a failing test can say what the page complained about."""

    def __init__(self, profile: QWebEngineProfile) -> None:
        super().__init__(profile)
        self.console: list[tuple[QWebEnginePage.JavaScriptConsoleMessageLevel, str, str]] = []

    def javaScriptConsoleMessage(
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
    ) -> None:
        self.console.append((level, message, f"{source}:{line}"))

    def errors(self) -> list[str]:
        level = QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel
        return [f"{msg} ({where})" for lvl, msg, where in self.console if lvl == level]


class Browser:
    """One view on an off-the-record profile, with helpers that wait on conditions, never on time."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.profile = QWebEngineProfile()  # no storage name: off the record
        self.page = RecordingPage(self.profile)
        self.view = QWebEngineView()
        self.view.setPage(self.page)
        self.view.resize(1000, 900)
        self.view.show()
        self.loads: list[tuple[bool, str]] = []
        self.page.loadFinished.connect(lambda ok: self.loads.append((ok, self.page.url().toString())))

    def open(self, url: str) -> None:
        self.view.load(QUrl(url))

    def url(self) -> str:
        return self.page.url().toString()

    def wait_loaded(self, prefix: str, timeout: int = JS_TIMEOUT_MS) -> None:
        """Until a successful load of a URL starting with ``prefix`` (the current one)."""

        def landed() -> bool:
            return bool(self.loads) and self.loads[-1][0] and self.url().startswith(prefix)

        self.qtbot.waitUntil(landed, timeout=timeout)

    def run_js(self, code: str, frame: Callable[[], QWebEngineFrame | None] | None = None) -> Any:
        """Evaluate in the page (or a frame) and wait for the result."""
        target = frame() if frame is not None else self.page
        assert target is not None
        return card_form.run_js(self.qtbot, target, code)

    def wait_js(
        self,
        code: str,
        frame: Callable[[], QWebEngineFrame | None] | None = None,
        timeout: int = JS_TIMEOUT_MS,
    ) -> None:
        """Re-evaluate ``code`` every 100 ms until it returns true (in the page or a frame)."""
        card_form.wait_js(self.qtbot, frame if frame is not None else self.page, code, timeout)

    def fill_card(self, pan: str, frame: Callable[[], QWebEngineFrame | None] | None = None) -> list[str]:
        """Type a test card into the hosted form (in the page or a frame), event by event."""
        target = frame() if frame is not None else self.page
        assert target is not None
        return card_form.fill_card(self.qtbot, target, pan)

    def child_frame(self) -> QWebEngineFrame | None:
        children = self.page.mainFrame().children()
        return children[0] if children else None

    def close(self) -> None:
        # Order matters: the view, then the page, then the profile that the page still refers to.
        self.view.close()
        shiboken6.delete(self.view)
        shiboken6.delete(self.page)
        shiboken6.delete(self.profile)


@pytest.fixture
def browser(qtbot: Any) -> Iterator[Browser]:
    b = Browser(qtbot)
    yield b
    b.close()
