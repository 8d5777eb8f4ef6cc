"""Tests reach their shared helpers one way: ``tests.support`` (issue 12 point 4, decision 0090).

Every Python file under tests/ is read with ``ast`` and none may edit ``sys.path`` (``sys.path.insert``,
``.append``, ``.extend``, ``+=``, an assignment to it or to an item of it) or import a ``conftest``
(``from .conftest import X``, ``from conftest import X``, ``import tests.ui.conftest``): pytest's
``pythonpath = ["."]`` puts the project on the path, helpers live in ``tests.support`` (or beside their
one folder, imported as ``tests.<folder>.<module>``), fixtures reach tests through pytest, and constants
a test needs come from the support module that owns them.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Final

import pytest

TESTS: Final = Path(__file__).resolve().parents[1]


def _is_sys_path(node: ast.expr) -> bool:
    """``sys.path`` or an item/slice of it."""
    if isinstance(node, ast.Subscript):
        node = node.value
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "path"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    )


def findings(source: str, path: str = "<test>") -> list[str]:
    """Each ``sys.path`` edit and each import of a conftest in ``source``, as ``path:line: what``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in {"insert", "append", "extend", "remove"} and _is_sys_path(node.func.value):
                found.append(f"{path}:{node.lineno}: sys.path.{node.func.attr}()")
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(_is_sys_path(t) for t in targets):
                found.append(f"{path}:{node.lineno}: assignment to sys.path")
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.split(".")[-1] == "conftest" or any(a.name == "conftest" for a in node.names):
                found.append(f"{path}:{node.lineno}: import from a conftest ({'.' * node.level}{module})")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[-1] == "conftest":
                    found.append(f"{path}:{node.lineno}: import of a conftest ({alias.name})")
    return found


def test_no_test_edits_sys_path_or_imports_a_conftest() -> None:
    found: list[str] = []
    for file in sorted(TESTS.rglob("*.py")):
        relative = file.relative_to(TESTS.parent).as_posix()
        found += findings(file.read_text(encoding="utf-8"), relative)
    assert found == [], "use tests.support (decision 0090):\n" + "\n".join(found)


@pytest.mark.parametrize(
    "planted",
    [
        "import sys\nsys.path.insert(0, 'drivers')\n",
        "import sys\nsys.path.append('x')\n",
        "import sys\nsys.path[:0] = ['x']\n",
        "import sys\nsys.path += ['x']\n",
        "from .conftest import REAL_MANAGER\n",
        "from conftest import SLOW\n",
        "from tests.ui.conftest import FakePayments\n",
        "from tests.ui import conftest\n",
        "import tests.e2e.conftest\n",
    ],
)
def test_the_scan_finds_a_planted_case(planted: str) -> None:
    assert len(findings(planted)) == 1


def test_the_scan_leaves_the_ways_that_are_fine_alone() -> None:
    fine = (
        "import sys\n"
        "from tests.support.card_form import fill_card\n"
        "from tests.i18n.screens import every_screen\n"
        "print(sys.path)\n"
        "paths = list(sys.path)\n"
        "env = {'PYTHONPATH': ':'.join(sys.path)}\n"
    )
    assert findings(fine) == []
