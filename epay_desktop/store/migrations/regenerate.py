"""Regenerate the initial migration from ``models.py`` (a developer tool, not used at run time).

    .venv/bin/python -m epay_desktop.store.migrations.regenerate

Deletes ``versions/0001_*.py``, autogenerates ``versions/0001_initial_schema.py`` against an
empty SQLite database and formats it with ruff. Only valid while no release has shipped
revision 0001; after that, add a new revision instead
(``alembic_config(url=...)`` + ``command.revision(cfg, autogenerate=True, rev_id="0002", ...)``).
Review the result: the partial unique index must carry both ``sqlite_where`` and
``postgresql_where``, and check constraints their ``ck_`` names.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command

from epay_desktop.store.migrations.runner import MIGRATIONS_DIR
from epay_desktop.store.migrations.runner import alembic_config


def main() -> int:
    """Rewrite revision 0001 from the models. Side effects: deletes and writes files in versions/."""
    versions = MIGRATIONS_DIR / "versions"
    for old in versions.glob("0001_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        cfg = alembic_config(url=f"sqlite:///{Path(tmp) / 'empty.db'}")
        command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
    written = sorted(versions.glob("0001_*.py"))
    subprocess.run([sys.executable, "-m", "ruff", "format", *map(str, written)], check=False)  # noqa: S603
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "ruff", "check", "--fix", "-q", *map(str, written)], check=False
    )
    print("\n".join(map(str, written)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
