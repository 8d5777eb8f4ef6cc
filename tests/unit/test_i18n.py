"""Service, rule, store and gateway messages are translatable (issue 4, point 7)."""

from __future__ import annotations

import ast
import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from epay_desktop.domain.errors import ConsoleError
from epay_desktop.domain.errors import RuleViolation
from epay_desktop.domain.errors import StaleRemaining
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.gateway.errors import Declined
from epay_desktop.gateway.errors import GatewayUnavailable
from epay_desktop.gateway.errors import OutcomeUnknown
from epay_desktop.store.db import StoreError

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "epay_desktop"
BIN = Path(sys.executable).parent
REFUND_TEMPLATE = "Refund of {amount} is more than what remains ({remaining})."


def _tool(name: str) -> Path | None:
    path = BIN / name
    if path.exists():
        return path
    found = shutil.which(name)
    return Path(found) if found else None


def test_noop_returns_the_text() -> None:
    assert QT_TRANSLATE_NOOP("rules", "Hello") == "Hello"


def test_message_formats_its_args() -> None:
    message = msg("rules", REFUND_TEMPLATE, amount="10,00 ₸", remaining="5,00 ₸")
    assert message.context == "rules"
    assert message.template == REFUND_TEMPLATE
    assert dict(message.args) == {"amount": "10,00 ₸", "remaining": "5,00 ₸"}
    assert message.text() == "Refund of 10,00 ₸ is more than what remains (5,00 ₸)."
    assert str(message) == message.text()
    assert Message("gateway", "No arguments.").text() == "No arguments."


def test_message_is_frozen() -> None:
    message = msg("rules", "Hi {x}", x="1")
    with pytest.raises(AttributeError):
        message.template = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        message.args["x"] = "2"  # type: ignore[index]


def test_console_error_with_a_message_keeps_english_user_message() -> None:
    message = msg("rules", REFUND_TEMPLATE, amount="10 ₸", remaining="5 ₸")
    exc = RuleViolation(message)
    assert exc.user_message == "Refund of 10 ₸ is more than what remains (5 ₸)."
    assert str(exc) == exc.user_message
    assert exc.message is message
    stale = StaleRemaining(message, 500)
    assert stale.user_message == exc.user_message and stale.current_remaining_minor == 500
    assert StoreError(msg("store", "Broken {x}.", x="key")).user_message == "Broken key."


def test_console_error_with_a_str_has_no_message() -> None:
    exc = ConsoleError("Plain.")
    assert exc.user_message == "Plain." and exc.message is None


def test_gateway_errors_carry_messages() -> None:
    default = GatewayUnavailable("connect failed", operation="refund")
    assert default.message is not None and default.message.context == "gateway"
    assert default.user_message == GatewayUnavailable.default_user_message
    custom = OutcomeUnknown("x", operation="refund", user_message=msg("gateway", "Custom {n}.", n="1"))
    assert custom.user_message == "Custom 1."
    plain = OutcomeUnknown("x", operation="refund", user_message="Plain.")
    assert plain.user_message == "Plain." and plain.message is None
    declined = Declined("no", operation="charge", reason_code=None)
    assert declined.message is not None
    assert declined.user_message == declined.message.text()


@functools.cache
def _calls_by_name(path: Path) -> dict[str, list[ast.Call]]:
    """Every call of a plain name in ``path`` (``name(...)``), by that name, in ``ast.walk`` order: each
    file parsed and walked once for all of this module's scans."""
    found: dict[str, list[ast.Call]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            found.setdefault(node.func.id, []).append(node)
    return found


def _calls(path: Path, name: str) -> list[ast.Call]:
    return _calls_by_name(path).get(name, [])


def test_msg_contexts_match_their_translate_noop() -> None:
    """``msg("x", QT_TRANSLATE_NOOP("y", ...))`` would be translated under the wrong context."""
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        for call in _calls(path, "msg"):
            if len(call.args) < 2:
                continue
            context, template = call.args[0], call.args[1]
            if (
                isinstance(template, ast.Call)
                and isinstance(template.func, ast.Name)
                and template.func.id == "QT_TRANSLATE_NOOP"
            ):
                inner = template.args[0]
                if not (
                    isinstance(context, ast.Constant)
                    and isinstance(inner, ast.Constant)
                    and context.value == inner.value
                ):
                    wrong.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not wrong


def test_no_raise_site_passes_an_f_string() -> None:
    """Console errors take a translatable msg(...), not an English f-string (outside ui/)."""
    names = {"RuleViolation", "StaleRemaining", "OperationInProgress", "PermissionDenied", "ApprovalError"}
    names |= {"AuthenticationFailed", "AccountLocked", "NotFoundError", "ConsoleError", "StoreError"}
    names |= {"WeakSecret", "InvalidShopSetting", "KeychainUnavailable", "InvoiceIdsExhausted"}
    found = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        for name in names:
            for call in _calls(path, name):
                if call.args and isinstance(call.args[0], ast.Constant | ast.JoinedStr):
                    found.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not found


def _lupdate(tmp_path: Path) -> Path:
    tool = _tool("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path / "epay_ru.ts"
    files = sorted(str(p) for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts)
    result = subprocess.run(
        [str(tool), *files, "-ts", str(ts)], capture_output=True, text=True, timeout=300, check=False
    )
    if result.returncode != 0:
        pytest.skip(f"pyside6-lupdate cannot run here: {result.stderr.strip()[:200]}")
    return ts


def _sources(ts: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    root = ElementTree.parse(ts).getroot()  # noqa: S314 - our own lupdate output
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        found.setdefault(name, set()).update(m.findtext("source") or "" for m in context.iter("message"))
    return found


def test_lupdate_extracts_service_templates(tmp_path: Path) -> None:
    sources = _sources(_lupdate(tmp_path))
    assert REFUND_TEMPLATE in sources["rules"]
    assert GatewayUnavailable.default_user_message in sources["gateway"]
    assert "Wrong user name or password/PIN." in sources["users"]


def test_user_message_of_shows_the_russian_translation(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtCore import QTranslator

    from epay_desktop.domain.money import Money
    from epay_desktop.ui.common.asyncqt import user_message_of

    release = _tool("pyside6-lrelease")
    if release is None:
        pytest.skip("pyside6-lrelease is not installed")
    ts = tmp_path / "ru.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ru_RU">\n'
        "<context><name>rules</name><message>"
        f"<source>{REFUND_TEMPLATE}</source>"
        "<translation>Возврат {amount} больше остатка ({remaining}).</translation>"
        "</message></context>\n</TS>\n",
        encoding="utf-8",
    )
    qm = tmp_path / "ru.qm"
    subprocess.run([str(release), str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=120)
    translator = QTranslator()
    assert translator.load(str(qm))
    exc = RuleViolation(msg("rules", REFUND_TEMPLATE, amount=Money(1000).format(), remaining="5 ₸"))
    assert user_message_of(exc) == exc.user_message  # no translator yet: English
    QCoreApplication.installTranslator(translator)
    try:
        shown = user_message_of(exc)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert shown == f"Возврат {Money(1000).format()} больше остатка (5 ₸)."
    assert exc.user_message.startswith("Refund of")  # logs and CLI stay English
    assert user_message_of(ConsoleError("Plain.")) == "Plain."
