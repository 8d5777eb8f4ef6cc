"""The gateway's hosted card form inside a QtWebEngine page, driven as a customer drives it.

Used by the checkout view tests (tests/ui/checkout), the console's end-to-end tests (tests/e2e) and the
browser tests (tests/browser): one way to evaluate JavaScript and wait for its answer, one way to wait
until the page shows something, one way to type a test card. Every wait is on a condition, never on time.

* :func:`run_js` ``(qtbot, target, code)``: evaluate ``code`` in a page or frame, wait for its value.
* :func:`wait_js` ``(qtbot, target, code)``: re-evaluate ``code`` every 100 ms until it returns true.
* :func:`fill_card` ``(qtbot, target, pan)``: type a card into the form field by field, event by event.
* :data:`FORM_READY`, :data:`SUBMIT`: the form is there and loaded; press its Pay button.
* :data:`APPROVED_CARD` (and :data:`MASTERCARD`), :data:`DECLINED_CARD`, :data:`THREE_DS_CARD`: the
  sandbox's published test cards as digits (``tests.support.sandbox``, ``epay_desktop.sandbox.cards``);
  :data:`FUTURE_EXPIRY` typed, :data:`SHOWN_EXPIRY` shown.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any
from typing import Final

from PySide6.QtCore import QTimer
from PySide6.QtWebEngineCore import QWebEngineFrame
from PySide6.QtWebEngineCore import QWebEnginePage

from epay_desktop.sandbox.cards import TEST_CARD_MASTERCARD
from tests.support.sandbox import APPROVED_CARD
from tests.support.sandbox import DECLINED_CARD
from tests.support.sandbox import THREE_DS_CARD

__all__ = [
    "APPROVED_CARD",
    "DECLINED_CARD",
    "FORM_READY",
    "FUTURE_EXPIRY",
    "JS_TIMEOUT_MS",
    "MASTERCARD",
    "SHOWN_EXPIRY",
    "SUBMIT",
    "THREE_DS_CARD",
    "Target",
    "fill_card",
    "run_js",
    "wait_js",
]

JS_TIMEOUT_MS: Final = 20_000

MASTERCARD: Final = TEST_CARD_MASTERCARD.replace(" ", "")  # approved, like APPROVED_CARD
#: December three years on, typed as digits (the page inserts the slash), and as the page shows it
FUTURE_EXPIRY: Final = f"12{(date.today().year + 3) % 100:02d}"
SHOWN_EXPIRY: Final = f"{FUTURE_EXPIRY[:2]}/{FUTURE_EXPIRY[2:]}"

FORM_READY: Final = "!!document.querySelector('form.pay-form') && document.readyState === 'complete'"
SUBMIT: Final = "document.querySelector('form.pay-form button[type=submit]').click(); true"

# Arrays do not come back through runJavaScript in PySide6 6.12 (they arrive as ''), so JSON it is.
_FILL: Final = """
(function (card) {
  function type(id, value) {
    var input = document.getElementById(id);
    input.focus();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return input.value;
  }
  var typed = ["pan", "expiry", "cvc", "name"].map(function (id) { return type(id, card[id]); });
  document.activeElement.blur();
  return JSON.stringify(typed);
})(%s)
"""

Target = QWebEnginePage | QWebEngineFrame


def run_js(qtbot: Any, target: Target, code: str, timeout: int = JS_TIMEOUT_MS) -> Any:
    """Evaluate ``code`` in the page or frame and wait for its value."""
    box: list[Any] = []
    target.runJavaScript(code, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    return box[0]


def wait_js(
    qtbot: Any, target: Target | Callable[[], Target | None], code: str, timeout: int = JS_TIMEOUT_MS
) -> None:
    """Re-evaluate ``code`` every 100 ms until it returns true. ``target``: a page or frame, or a callable
    giving whatever page or frame it is by then (None or a frame that is gone: not yet)."""
    done: list[bool] = []

    def kick() -> None:
        where = target() if callable(target) else target
        if where is not None and (not isinstance(where, QWebEngineFrame) or where.isValid()):
            where.runJavaScript(code, lambda value: done.append(True) if value is True else None)

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(kick)
    timer.start()
    kick()
    try:
        qtbot.waitUntil(lambda: bool(done), timeout=timeout)
    finally:
        timer.stop()


def fill_card(
    qtbot: Any, target: Target, pan: str, *, name: str = "test buyer", expiry: str = FUTURE_EXPIRY
) -> list[str]:
    """Type a card into the hosted form (number, expiry, CVC 321, cardholder ``name``; an empty name is
    the mistake the sandbox answers with 422) field by field, as a person would; the values the fields
    then hold (the page groups the number, inserts the expiry's slash, upper-cases the name)."""
    card = {"pan": pan, "expiry": expiry, "cvc": "321", "name": name}
    typed: list[str] = json.loads(run_js(qtbot, target, _FILL % json.dumps(card)))
    return typed
