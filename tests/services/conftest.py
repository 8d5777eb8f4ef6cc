"""Fixtures of the service tests."""

from __future__ import annotations

import pytest

from epay_desktop.store.db import Store


@pytest.fixture
def store(db_store: Store) -> Store:
    """The services' store: ``db_store``, a migrated store on SQLite and on PostgreSQL (a module that
    needs rows in it first overrides this fixture)."""
    return db_store
