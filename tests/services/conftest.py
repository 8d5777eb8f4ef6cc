"""Fixtures of the service tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from epay_desktop.sandbox import RunningSandbox
from epay_desktop.store.db import Store
from tests.support import ops_harness as h


@pytest.fixture
def store(db_store: Store) -> Store:
    """The services' store: ``db_store``, a migrated store on SQLite and on PostgreSQL (a module that
    needs rows in it first overrides this fixture)."""
    return db_store


@pytest.fixture
def world(sandbox: RunningSandbox, db_url: str) -> Iterator[h.World]:
    """A fresh store with a manager and a cashier, the fresh sandbox's control client and a clock
    (``tests.support.ops_harness.World``): what a money-operation scenario drives."""
    with h.world_parts(sandbox.base_url, db_url) as (store, control, manager, cashier):
        yield h.World(store, control, h.Clock(), manager, cashier)
