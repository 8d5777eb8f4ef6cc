"""Fixtures of the store tests: migration folders with an extra revision on top of ours; the list's
generated databases (SQLite and PostgreSQL), built once per session for the tests that only read them."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from epay_desktop.store.db import make_engine
from epay_desktop.store.migrations import head_revision
from epay_desktop.store.migrations.runner import MIGRATIONS_DIR
from tests.store.list_db import build_list_db

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


@pytest.fixture(scope="session")
def list_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file with 2,000 generated payments (seed 11) and the cases of ``list_db.build_list_db``."""
    folder = tmp_path_factory.mktemp("list-db")
    url = f"sqlite:///{folder / 'epay-desktop.db'}"
    build_list_db(url, 2_000, 11, folder)
    return url


def _pg_list_db(pg_server: Any, tmp_path_factory: pytest.TempPathFactory, size: int, seed: int) -> str:
    """A PostgreSQL schema of the session's server with ``build_list_db(size, seed)``: built once for
    the tests that only read it (skipped with the reason when no server binaries are installed)."""
    url = str(pg_server.create_schema())
    build_list_db(url, size, seed, tmp_path_factory.mktemp("pg-list-db"))
    return url


@pytest.fixture(scope="session")
def pg_list_db_url(pg_server: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """600 generated payments (seed 12) on PostgreSQL: the list's paging, jumps and records read it."""
    return _pg_list_db(pg_server, tmp_path_factory, 600, 12)


@pytest.fixture(scope="session")
def pg_plans_db_url(pg_server: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """400 generated payments (seed 13) on PostgreSQL: the list's and the shift's plans explain on it."""
    return _pg_list_db(pg_server, tmp_path_factory, 400, 13)
