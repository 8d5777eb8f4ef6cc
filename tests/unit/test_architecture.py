"""The layering rules of docs/architecture.md, read from the source with ``ast``."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "epay_desktop"
QT = ("PySide6", "qasync", "shiboken6")

# layer -> top-level names it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("*",),  # standard library only, see below
    "gateway": (
        *QT,
        "epay_desktop.ui",
        "epay_desktop.store",
        "epay_desktop.services",
        "sqlalchemy",
        "epay_desktop.sandbox",
        "epay_desktop.settings",
    ),
    "store": (
        *QT,
        "epay_desktop.ui",
        "epay_desktop.gateway",
        "epay_desktop.services",
        "httpx",
        "epay_desktop.settings",
    ),
    "receipts": (
        *QT,
        "epay_desktop.ui",
        "epay_desktop.gateway",
        "epay_desktop.store",
        "epay_desktop.settings",
    ),
    "services": (*QT, "epay_desktop.ui", "httpx", "sqlalchemy"),
    "sandbox": (
        *QT,
        "epay_desktop.ui",
        "epay_desktop.gateway",
        "epay_desktop.store",
        "epay_desktop.services",
        "epay_desktop.settings",
    ),
    "ui": ("epay_desktop.gateway", "epay_desktop.store", "httpx", "sqlalchemy"),
}


def _imports(path: Path, root: Path) -> list[str]:
    """Absolute names of everything ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = list(path.relative_to(root.parent).parent.parts)
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                names.append(".".join([*base, node.module] if node.module else base))
            elif node.module:
                names.append(node.module)
    return names


def _violations(layer: str, root: Path = PACKAGE) -> list[str]:
    bad = []
    for path in sorted((root / layer).rglob("*.py")):
        for name in _imports(path, root):
            top = name.split(".")[0]
            if FORBIDDEN[layer] == ("*",):
                allowed = top in sys.stdlib_module_names or name.startswith("epay_desktop.domain")
                if not allowed:
                    bad.append(f"{path.relative_to(root)} imports {name}")
                continue
            bad.extend(
                f"{path.relative_to(root)} imports {name}"
                for banned in FORBIDDEN[layer]
                if name == banned or name.startswith(banned + ".")
            )
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer):
    assert _violations(layer) == []


def test_checker_sees_violations(tmp_path):
    """The rule test must be able to fail: a domain module importing httpx or the gateway is caught."""
    fake = tmp_path / "epay_desktop"
    (fake / "domain").mkdir(parents=True)
    (fake / "domain" / "bad.py").write_text(
        "import httpx\nfrom ..gateway import client\nfrom . import money\n"
    )
    found = _violations("domain", fake)
    assert any(v.endswith("imports httpx") for v in found)
    assert any(v.endswith("imports epay_desktop.gateway") for v in found)
    assert not any("epay_desktop.domain" in v for v in found)


def test_no_floats_in_money_code():
    """Money is integer minor units: no float() calls or float literals in money code paths."""
    offenders = []
    for layer in ("domain", "gateway", "services"):
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "float":
                    offenders.append(f"{path.name}:{node.lineno} float()")
    assert offenders == []


def test_no_tls_verification_disabled():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "verify=False" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
