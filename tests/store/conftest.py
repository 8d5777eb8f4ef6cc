"""Fixtures of the store tests: migration folders with an extra revision on top of ours."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from epay_desktop.store.db import make_engine
from epay_desktop.store.migrations import head_revision
from epay_desktop.store.migrations.runner import MIGRATIONS_DIR

EXTRA_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "f00d0002"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("extra_test", sa.Column("id", sa.Integer, primary_key=True))
{body}


def downgrade():
    op.drop_table("extra_test")
"""


@pytest.fixture
def newer_migrations(tmp_path: Path) -> Callable[..., Path]:
    """A copy of our migrations plus revision ``f00d0002`` (creates ``extra_test``; may then fail)."""

    def make(*, fail: bool = False) -> Path:
        folder = tmp_path / "migrations"
        shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
        body = '    raise RuntimeError("disk full (simulated)")' if fail else ""
        (folder / "versions" / "f00d0002_extra.py").write_text(
            EXTRA_REVISION.format(down=head_revision(), body=body), encoding="utf-8"
        )
        return folder

    return make


@pytest.fixture
def engine_for() -> Iterator[Callable[[str], Engine]]:
    """``engine_for(url)``: an engine made by ``make_engine``, disposed after the test even if it fails."""
    made: list[Engine] = []

    def make(url: str) -> Engine:
        made.append(make_engine(url))
        return made[-1]

    yield make
    for engine in made:
        engine.dispose()
