"""The layering rules of docs/architecture.md, read from the source with ``ast``.

Every package and top-level module of ``epay_desktop`` has its rule here (a new one fails
:func:`test_every_part_of_the_package_has_a_rule` until it gets one), the front ends (``cli/``,
``demo/``, ``ui/``) reach the store, the HTTP client and the gateway only through services (no
``.store``/``.gateway``/``.http``, decision 0085), and docs/architecture.md's map names exactly
the packages and modules the tree has.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "epay_desktop"
MAP = PACKAGE.parent / "docs" / "architecture.md"
QT = ("PySide6", "qasync", "shiboken6")
WEB = ("httpx", "sqlalchemy", "uvicorn", "starlette")
#: The standard library only (and the named own packages): ``("*", allowed own prefixes...)``.
STDLIB_ONLY = "*"
#: What the front ends (and the leaf modules) never import directly.
INSIDES = ("epay_desktop.store", "epay_desktop.gateway", "epay_desktop.fiscal", "httpx", "sqlalchemy")
FRONT_ENDS = ("cli", "demo", "ui")
#: What the leaves under everything (settings, logging) never import.
UPPER = (
    "epay_desktop.ui",
    "epay_desktop.cli",
    "epay_desktop.store",
    "epay_desktop.services",
    "epay_desktop.app",
)

#: What the clients of outside services (the bank's gateway, the fiscal providers) never import.
OUTSIDE_CALLERS = (
    *QT,
    "epay_desktop.ui",
    "epay_desktop.store",
    "epay_desktop.services",
    "sqlalchemy",
    "epay_desktop.sandbox",
    "epay_desktop.settings",
)

# layer, package or top-level module -> names it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": (STDLIB_ONLY, "epay_desktop.domain"),
    "payform": (STDLIB_ONLY, "epay_desktop.payform"),  # the hosted page's codec: the CLI and sandbox share it
    "gateway": (*OUTSIDE_CALLERS, "epay_desktop.fiscal"),
    # beside the gateway (decision 0122): the fiscal provider adapters; they reuse the gateway's wire,
    # retry, token cache and redaction, and the services above reach them
    "fiscal": (*OUTSIDE_CALLERS, "epay_desktop.app", "epay_desktop.cli", "epay_desktop.receipts"),
    "store": (
        *QT,
        "epay_desktop.ui",
        "epay_desktop.gateway",
        "epay_desktop.fiscal",
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
    "services": (*QT, "epay_desktop.ui", "httpx", "sqlalchemy", "epay_desktop.app", "epay_desktop.cli"),
    "sandbox": (
        *QT,
        "epay_desktop.ui",
        "epay_desktop.gateway",
        "epay_desktop.fiscal",
        "epay_desktop.store",
        "epay_desktop.services",
        "epay_desktop.settings",
        "epay_desktop.app",
    ),
    # the front ends: services (through the AppContext) and settings, never the insides
    "ui": (*INSIDES, "epay_desktop.cli", "epay_desktop.sandbox"),
    "cli": INSIDES,  # Qt: only to start the console (ui.app.main, lazily) and its translations
    "demo": (*QT, "epay_desktop.ui", "epay_desktop.cli", *INSIDES),
    # the top-level modules; the composition root (app.py) keeps the sandbox and the demo out of the
    # real console's start, launch.py brings them in for --demo only (lazily: test_startup_imports)
    "app.py": (*QT, "epay_desktop.ui", "epay_desktop.cli", "epay_desktop.demo", "epay_desktop.sandbox"),
    "launch.py": (*QT, "epay_desktop.ui", "epay_desktop.cli"),
    "settings.py": (
        *QT,
        *WEB,
        "epay_desktop.ui",
        "epay_desktop.store",
        "epay_desktop.services",
        "epay_desktop.app",
    ),
    "logs.py": (
        *QT,
        *WEB,
        "epay_desktop.ui",
        "epay_desktop.store",
        "epay_desktop.services",
        "epay_desktop.app",
    ),
    "safe_files.py": (STDLIB_ONLY, "epay_desktop.domain"),
    "resources.py": (STDLIB_ONLY,),
    "display_check.py": (STDLIB_ONLY, "epay_desktop.domain"),  # runs before Qt loads: no Qt here
    "__init__.py": (STDLIB_ONLY,),
    "__main__.py": (STDLIB_ONLY, "epay_desktop.cli"),
}


@dataclass(frozen=True, slots=True)
class Allowed:
    """Something a front end may import from the store or the gateway after all, and why."""

    module: str
    names: frozenset[str] | None  # None: any name of the module
    files: tuple[str, ...] | None  # under epay_desktop/; None: every front end's file
    reason: str


FRONT_END_MAY_IMPORT: tuple[Allowed, ...] = (
    Allowed(
        "epay_desktop.gateway",
        frozenset({"AuthError", "EpayError", "OutcomeUnknown"}),
        None,
        "exception types: the CLI says a gateway failure in its own words, with its own exit code",
    ),
    Allowed(
        "epay_desktop.gateway.config",
        None,
        None,
        "environments and endpoint URLs are values (no client, no I/O): the demo points the console "
        "at its sandbox",
    ),
    Allowed(
        "epay_desktop.store.db",
        frozenset({"StoreError"}),
        None,
        "an exception type: the CLI's exit code for a database that refuses",
    ),
    *(
        Allowed(
            module,
            None,
            ("cli/database.py",),
            "backup, restore and check-db work on the SQLite FILE, with the console closed or its "
            "database refused at open: no service (and no AppContext) exists then (decision 0067)",
        )
        for module in (
            "epay_desktop.store.backup",
            "epay_desktop.store.faults",
            "epay_desktop.store.integrity",
            "epay_desktop.store.open",
        )
    ),
)

#: Attributes a front end would reach the store, the HTTP client or the gateway through.
SIDE_DOOR_ATTRIBUTES = frozenset({"store", "gateway", "http", "_infra"})
#: ``epay_desktop.app``'s names for tests and benchmarks only.
SIDE_DOOR_NAMES = frozenset({"Infrastructure", "infrastructure", "store_of"})


def _imported(path: Path, root: Path) -> Iterator[tuple[str, str | None]]:
    """(module, name) for everything ``path`` imports: ``import m`` gives (m, None), ``from m
    import a`` gives (m, a); relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = list(path.relative_to(root.parent).parent.parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            elif node.module:
                module = node.module
            else:
                continue
            for alias in node.names:
                yield module, alias.name


def _imports(path: Path, root: Path) -> list[str]:
    """Absolute names of every module ``path`` imports (relative imports resolved)."""
    return sorted({module for module, _name in _imported(path, root)})


def _files(part: str, root: Path) -> list[Path]:
    target = root / part
    return [target] if part.endswith(".py") else sorted(target.rglob("*.py"))


def _allowed(file: str, module: str, name: str | None) -> bool:
    for allowed in FRONT_END_MAY_IMPORT:
        if allowed.files is not None and file not in allowed.files:
            continue
        if module == allowed.module and (allowed.names is None or name in allowed.names):
            return True
        if (
            name is not None and f"{module}.{name}" == allowed.module
        ):  # from epay_desktop.gateway import config
            return True
    return False


def _violations(layer: str, root: Path = PACKAGE) -> list[str]:
    rule = FORBIDDEN[layer]
    bad = []
    for path in _files(layer, root):
        file = path.relative_to(root).as_posix()
        for module, name in _imported(path, root):
            full = f"{module}.{name}" if name is not None else module
            if rule[0] == STDLIB_ONLY:
                own = any(module == p or module.startswith(p + ".") for p in rule[1:])
                if module.split(".")[0] not in sys.stdlib_module_names and not own:
                    bad.append(f"{file} imports {module}")
                continue
            for banned in rule:
                hit = any(n == banned or n.startswith(banned + ".") for n in (module, full))
                if hit and not _allowed(file, module, name):
                    bad.append(f"{file} imports {full}")
    return sorted(set(bad))


def _side_doors(front_end: str, root: Path = PACKAGE) -> list[str]:
    """Every way ``front_end`` reaches past the services: ``x.store``, ``x.gateway``, ``x.http``
    (also as ``getattr(x, "store")``) and the test-only names of ``epay_desktop.app``."""
    bad = []
    for path in _files(front_end, root):
        file = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in SIDE_DOOR_ATTRIBUTES:
                bad.append(f"{file}:{node.lineno} .{node.attr}")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "setattr", "hasattr")
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value in SIDE_DOOR_ATTRIBUTES
            ):
                bad.append(f"{file}:{node.lineno} {node.func.id}(..., {node.args[1].value!r})")
        for module, name in _imported(path, root):
            if module == "epay_desktop.app" and name in SIDE_DOOR_NAMES:
                bad.append(f"{file} imports epay_desktop.app.{name}")
    return sorted(bad)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer):
    assert _violations(layer) == []


def test_every_part_of_the_package_has_a_rule():
    """A new package or top-level module gets its rule here (and its line in the map) first."""
    parts = {p.name for p in PACKAGE.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()}
    assert parts == set(FORBIDDEN)


@pytest.mark.parametrize("front_end", FRONT_ENDS)
def test_front_ends_reach_the_store_and_gateway_only_through_services(front_end):
    assert _side_doors(front_end) == []


def test_the_side_door_check_sees_a_planted_one(tmp_path):
    """The rule must be able to fail: a CLI command reading the store, a screen reaching the gateway
    through a service, the test-only accessors, a store import; a gateway exception type is allowed."""
    fake = tmp_path / "epay_desktop"
    (fake / "cli").mkdir(parents=True)
    (fake / "cli" / "bad.py").write_text(
        "from epay_desktop.app import store_of\n"
        "from epay_desktop.gateway import EpayClient, EpayError\n"
        "from epay_desktop.store.tx import Tx\n"
        "from epay_desktop.store.integrity import check_file\n"
        "async def names(app):\n"
        "    await app.store.run_read(lambda tx: tx.users.list())\n"
        "    await app.queries.store.run_read(len)\n"
        "    client = getattr(app, 'gateway')\n"
        "    return app.payments.http, app._infra\n"
    )
    doors = _side_doors("cli", fake)
    assert doors == [
        "cli/bad.py imports epay_desktop.app.store_of",
        "cli/bad.py:6 .store",
        "cli/bad.py:7 .store",
        "cli/bad.py:8 getattr(..., 'gateway')",
        "cli/bad.py:9 ._infra",
        "cli/bad.py:9 .http",
    ]
    assert _violations("cli", fake) == [
        "cli/bad.py imports epay_desktop.gateway.EpayClient",
        "cli/bad.py imports epay_desktop.store.integrity.check_file",  # only cli/database.py may
        "cli/bad.py imports epay_desktop.store.tx.Tx",
    ]


def _map_mismatch(text: str, root: Path = PACKAGE) -> tuple[list[str], list[str]]:
    """(rows of the map's table the tree does not have, packages and top-level modules it has no
    row for); migrations/ is the store's (Alembic's) and has no row of its own."""
    section = text.split("## The map", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE))  # the table's first column
    packages = {
        f"{p.parent.relative_to(root).as_posix()}/"
        for p in root.rglob("__init__.py")
        if p.parent != root and "__pycache__" not in p.parts and "migrations" not in p.parts
    }
    modules = {p.name for p in root.glob("*.py") if p.name not in ("__init__.py", "__main__.py")}
    return sorted(listed - packages - modules), sorted((packages | modules) - listed)


def test_the_map_names_every_package_and_module():
    """docs/architecture.md's map (its table) has a row for each package (``services/payments/``)
    and top-level module (``app.py``) of epay_desktop, and none for what the tree does not have."""
    assert _map_mismatch(MAP.read_text(encoding="utf-8")) == ([], [])


def test_the_map_check_sees_a_stale_and_a_missing_row(tmp_path):
    fake = tmp_path / "epay_desktop"
    for package in ("domain", "services/payments"):
        (fake / package).mkdir(parents=True)
        (fake / package / "__init__.py").write_text("")
    (fake / "app.py").write_text("")
    text = "# x\n\n## The map\n\n| `domain/` | domain | values |\n| `services/refunds/` | services | gone |\n"
    assert _map_mismatch(text, fake) == (["services/refunds/"], ["app.py", "services/payments/"])


def test_the_map_says_what_the_import_rules_check():
    """The layers the map's arrows name are the ones this test has rules for."""
    text = MAP.read_text(encoding="utf-8")
    section = text.split("## Which way imports point", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`([a-z_]+(?:\.py)?)`", section))
    assert named <= set(FORBIDDEN), sorted(named - set(FORBIDDEN))
    assert {"domain", "gateway", "fiscal", "store", "services", "ui", "cli", "demo", "app.py"} <= named


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
    for layer in ("domain", "gateway", "fiscal", "services"):
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
