"""The strings a Python module uses in code, not in its docstrings: for the tests that check every key,
role or style the code names is declared (tests/ui/test_theme.py, tests/unit/test_settings_catalog.py).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

__all__ = ["code_strings"]


def code_strings(tree: ast.AST) -> Iterator[ast.Constant]:
    """Every string constant of ``tree`` except the docstrings of its module, classes and functions."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node
