"""No test sleeps to synchronise (issue 12 point 4, decision 0089).

A test that waits a fixed time for something to happen is slow when the machine is fast and wrong when
it is slow. Tests wait on a condition instead (``qtbot.waitUntil``, an event, a pipe, a process's end,
the sandbox's ``hold`` fault with ``GET /sandbox/held?wait=S`` and ``POST /sandbox/release``). This scan
reads every Python file under tests/ with ``ast`` (comments and prose do not count; a string that is itself
Python, such as a child process's script, is read too) and finds:

- ``time.sleep(x)``, ``asyncio.sleep(x)``, a ``sleep(x)`` imported from either, ``qtbot.wait(x)`` and
  ``QTest.qWait(x)`` where ``x`` is not the constant 0 (``asyncio.sleep(0)`` is a turn of the loop, no clock);
- a sandbox ``delay`` fault longer than :data:`MAX_DELAY_FAULT` seconds, armed as a dict
  (``{"kind": "delay", "value": 1.5}``) or as arguments (``fault("refund", "delay", 1.5)``,
  ``Fault("refund", "delay", Decimal(3), 1)``).

Anything else that must stay is in :data:`ALLOWED` (file and enclosing function) or
:data:`DELAY_FAULT_FILES`, each with its reason; an allowance nothing needs any more fails too.
"""

from __future__ import annotations

import ast
import functools
import re
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from decimal import InvalidOperation
from pathlib import Path
from typing import Final

import pytest

TESTS: Final = Path(__file__).resolve().parents[1]
#: A ``delay`` fault up to this many seconds is a slow answer the code under test waits through, not a
#: wait of the test's own; anything longer is a test waiting on a clock (use ``hold``).
MAX_DELAY_FAULT: Final = Decimal("0.5")

#: (file under tests/, enclosing function) -> why its sleep is not synchronisation.
ALLOWED: Final[dict[tuple[str, str], str]] = {
    ("ui/test_bridge_slices.py", "slow_screen"): (
        "the work of a slow screen (1 ms per change) the bridge must slice around; nothing waits on it"
    ),
    ("store/test_db.py", "worker"): (
        "invites the other thread into the critical section (a thread switch); the lock under test "
        "must keep it out, the test's result does not depend on the time"
    ),
}
#: Files whose ``delay`` faults are the subject (the fault itself, the limits around it).
DELAY_FAULT_FILES: Final[dict[str, str]] = {
    "sandbox/test_control.py": "arms and lists delay faults through the control API; none fires",
    "sandbox/test_hostile_requests.py": "the bounds of a delay value and the request time limit",
}


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    function: str
    what: str

    def __str__(self) -> str:
        return f"tests/{self.path}:{self.line} in {self.function}(): {self.what}"


def _number(node: ast.expr) -> Decimal | None:
    """The value of ``1.5``, ``"1.5"`` or ``Decimal(3)``/``Decimal("3")``; None if it is not a constant."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Decimal":
        return _number(node.args[0]) if len(node.args) == 1 else None
    if isinstance(node, ast.Constant) and not isinstance(node.value, bool):
        try:
            number = Decimal(str(node.value))
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


_SLEEPY: Final = re.compile(r"sleep\(|qWait\(|\.wait\(|delay")


class _Scan(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self.found: list[Finding] = []
        self.function = "<module>"
        self.sleep_names: set[str] = set()  # ``from time import sleep`` (as ...)

    def _add(self, node: ast.AST, what: str) -> None:
        self.found.append(Finding(self.path, getattr(node, "lineno", 0), self.function, what))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module in ("time", "asyncio"):
            self.sleep_names |= {a.asname or a.name for a in node.names if a.name == "sleep"}

    def _in_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    visit_FunctionDef = _in_function
    visit_AsyncFunctionDef = _in_function

    def visit_Constant(self, node: ast.Constant) -> None:
        """A child process's script in a string: scanned as code when it parses (``{...}`` lines left out)."""
        if not isinstance(node.value, str) or not _SLEEPY.search(node.value):
            return
        source = re.sub(r"(?m)^\s*\{\w+\}\s*$", "", textwrap.dedent(node.value))  # a placeholder line
        source = re.sub(r"\{\w+(![rsa])?\}", "None", source)  # a placeholder in a line
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return
        inner = _Scan(self.path)
        inner.visit(tree)
        for finding in inner.found:
            self._add(node, f"{finding.what} in a script")

    def visit_Call(self, node: ast.Call) -> None:
        self._sleep(node)
        self._delay_arguments(node)
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        pairs = {
            k.value: v for k, v in zip(node.keys, node.values, strict=True) if isinstance(k, ast.Constant)
        }
        kind = pairs.get("kind")
        if isinstance(kind, ast.Constant) and kind.value == "delay" and "value" in pairs:
            self._delay(node, pairs["value"])
        self.generic_visit(node)

    def _sleep(self, node: ast.Call) -> None:
        func = node.func
        name = ""
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            owner, attr = func.value.id, func.attr
            if (owner, attr) in (
                ("time", "sleep"),
                ("asyncio", "sleep"),
                ("qtbot", "wait"),
                ("QTest", "qWait"),
            ):
                name = f"{owner}.{attr}"
        elif isinstance(func, ast.Name) and func.id in self.sleep_names | {"qWait"}:
            name = func.id
        if not name or not node.args:
            return
        seconds = _number(node.args[0])
        if seconds != 0:
            self._add(node, f"{name}({ast.unparse(node.args[0])})")

    def _delay_arguments(self, node: ast.Call) -> None:
        args = node.args
        for i, arg in enumerate(args):
            if isinstance(arg, ast.Constant) and arg.value == "delay":
                value = args[i + 1] if i + 1 < len(args) else None
                value = value or next((k.value for k in node.keywords if k.arg == "value"), None)
                if value is not None:
                    self._delay(node, value)

    def _delay(self, node: ast.AST, value: ast.expr) -> None:
        seconds = _number(value)
        if seconds is None or seconds > MAX_DELAY_FAULT:
            self._add(node, f'a "delay" fault of {ast.unparse(value)} s (hold the answer instead)')


def findings(source: str, path: str = "planted.py") -> list[Finding]:
    scan = _Scan(path)
    scan.visit(ast.parse(source))
    return scan.found


@functools.cache
def _all_findings() -> tuple[Finding, ...]:
    """Every finding under tests/ (scanned once for the two tests that read them)."""
    found: list[Finding] = []
    for file in sorted(TESTS.rglob("*.py")):
        if file == Path(__file__).resolve():  # its planted cases are strings it means to find
            continue
        found += findings(file.read_text(encoding="utf-8"), file.relative_to(TESTS).as_posix())
    return tuple(found)


def _allowed(finding: Finding) -> bool:
    if (finding.path, finding.function) in ALLOWED:
        return True
    return finding.path in DELAY_FAULT_FILES and '"delay" fault' in finding.what


def test_no_test_sleeps_to_synchronise() -> None:
    offending = [str(f) for f in _all_findings() if not _allowed(f)]
    assert offending == [], "wait on a condition, not on a clock (decision 0089):\n" + "\n".join(offending)


def test_every_allowance_is_still_needed() -> None:
    found = _all_findings()
    unused = [
        f"{path}: {function}"
        for path, function in ALLOWED
        if (path, function) not in {(f.path, f.function) for f in found}
    ]
    unused += [path for path in DELAY_FAULT_FILES if not any(f.path == path for f in found)]
    assert unused == [], "drop these allowances: nothing needs them any more"


@pytest.mark.parametrize(
    "planted",
    [
        "import time\ndef test_x():\n    time.sleep(0.5)\n",
        "import asyncio\nasync def go():\n    await asyncio.sleep(0.01)\n",
        "from time import sleep as nap\ndef test_x():\n    nap(1)\n",
        "import time\ndef test_x(seconds):\n    time.sleep(seconds)\n",
        "def test_x(qtbot):\n    qtbot.wait(50)\n",
        "def test_x(env):\n    env.control.fault('refund', 'delay', 1.5)\n",
        "def test_x(env):\n    env.control.fault('refund', 'delay', value=2)\n",
        "BODY = {'operation': 'status', 'kind': 'delay', 'value': 1.0, 'times': 8}\n",
        "def test_x(state):\n    state.faults.add(Fault('refund', 'delay', Decimal(3), 1))\n",
        'CHILD = """\nimport asyncio\nasync def until(c):\n    while not c():\n'
        '        await asyncio.sleep(0.01)\n"""\n',
        'CHILD = """\nimport time\n{prelude}\ntime.sleep(60)\nprint({name!r})\n"""\n',
    ],
)
def test_a_planted_sleep_is_found(planted: str) -> None:
    [found] = findings(planted)
    assert found.line >= 1


@pytest.mark.parametrize(
    "fine",
    [
        "import asyncio\nasync def go():\n    await asyncio.sleep(0)\n",
        "def test_x(qtbot, w):\n    qtbot.waitUntil(w.isVisible, timeout=5000)\n",
        "def test_x(env):\n    env.control.fault('refund', 'hold')\n",
        "def test_x(env):\n    env.control.fault('status', 'delay', 0.3)\n",
        "def test_x(env):\n    env.control.fault('refund', 'delay')\n",
        "SAID = 'time.sleep(60) in a string is not a call'\n",
    ],
)
def test_waiting_on_a_condition_is_not_a_finding(fine: str) -> None:
    assert findings(fine) == []
