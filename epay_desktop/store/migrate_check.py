"""Is the database's schema already the newest this program ships? Answered without Alembic.

Alembic (about a tenth of a second to import) is needed only when a migration is: a new database
or an older schema. On every other start :func:`schema_at_head` reads the one row of
``alembic_version`` and compares it with :data:`SHIPPED_HEAD`, the newest revision written down
beside the migrations, and the console opens without loading it (decision 0055). The constant is
used only while the folder holds :data:`SHIPPED_FILES` migration files (one directory listing); a
migration added without updating it changes that count and the files' ``revision``/
``down_revision`` lines are read instead, as they were at every start before (decision 0062).
tests/store/test_migrations.py checks both constants against Alembic's own head and the files.
Anything unusual (no table, several rows, files it cannot read) answers ``None`` and
:func:`epay_desktop.store.migrations.migrate` decides, with all its checks.
"""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

__all__ = ["SHIPPED_FILES", "SHIPPED_HEAD", "VERSIONS_DIR", "current_head", "schema_at_head", "shipped_head"]

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"

#: The newest revision in ``migrations/versions`` and how many migration files it holds. Update
#: both with every new migration (tests/store/test_migrations.py fails until they are).
SHIPPED_HEAD = "0013"
SHIPPED_FILES = 11


def current_head(versions: Path = VERSIONS_DIR) -> str | None:
    """The shipped head without parsing a file: :data:`SHIPPED_HEAD` while the folder holds exactly
    :data:`SHIPPED_FILES` migrations, else (a migration added, the constants not) :func:`shipped_head`."""
    try:
        count = sum(1 for _ in versions.glob("*.py"))
    except OSError:
        return None
    return SHIPPED_HEAD if count == SHIPPED_FILES else shipped_head(versions)


def shipped_head(versions: Path = VERSIONS_DIR) -> str | None:
    """The newest revision among the migration files (each parsed), or None unless there is exactly
    one head."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        files = sorted(versions.glob("*.py"))
        for path in files:
            values = _constants(path)
            revision, down = values.get("revision"), values.get("down_revision")
            if not isinstance(revision, str):
                return None
            revisions.add(revision)
            if isinstance(down, str):
                parents.add(down)
            elif isinstance(down, tuple | list):
                parents.update(str(d) for d in down)
            elif down is not None:
                return None
    except (OSError, SyntaxError, ValueError):
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def schema_at_head(engine: Engine) -> str | None:
    """The database's revision when it is exactly the shipped head, else None (then migrate)."""
    head = current_head()
    if head is None:
        return None
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:  # no such table: a new database
        return None
    return head if list(rows) == [head] else None


def _constants(path: Path) -> dict[str, object]:
    """Module-level ``name = <literal>`` / ``name: T = <literal>`` assignments of a migration file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, value = node.target.id, node.value
        elif (
            isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        ):
            name, value = node.targets[0].id, node.value
        else:
            continue
        if name in ("revision", "down_revision"):
            found[name] = ast.literal_eval(value)
    return found
