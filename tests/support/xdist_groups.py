"""``xdist_group`` marks honoured again under pytest 9.2 (scripts/test.sh runs ``-n auto --dist loadgroup``).

pytest-xdist's loadgroup keeps the tests of one ``xdist_group`` on one worker: on each worker it appends
``@<group>`` to a marked test's node id, and the controller hands out the ids with one suffix as one
unit. pytest 9.2 keeps a node's id in ``Node._id`` (a ``NodeId``); xdist 3.8 still writes
``item._nodeid``, which nothing reads any more. Every group was silently ignored: a group's tests were
spread over both workers, and what they share was built on each (the benchmark runner's smoke run, a
wheel, a module's console start). :func:`apply_groups` (tests/conftest.py, after every other
``pytest_collection_modifyitems``) writes the suffix where this pytest reads it, for a marked test whose
id lacks it; it does nothing when xdist's own suffix took (an older pytest) or without ``--dist
loadgroup``. tests/unit/test_xdist_groups.py runs a small suite on two workers to prove it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

__all__ = ["apply_groups", "group_of"]


def group_of(item: pytest.Item) -> str | None:
    """The work unit xdist's loadgroup makes of ``item``'s ``xdist_group`` marks (their names, sorted
    and joined by ``_``, as xdist does), or None for an unmarked test."""
    names = {
        str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
        for mark in item.iter_markers("xdist_group")
    }
    return "_".join(sorted(names)) if names else None


def _suffixed(nodeid: str) -> bool:
    """The test of xdist's controller (``LoadGroupScheduling._split_scope``): an ``@`` after any ``]``."""
    return nodeid.rfind("@") > nodeid.rfind("]")


def apply_groups(config: pytest.Config, items: Sequence[pytest.Item]) -> int:
    """Give each grouped test of this xdist worker the ``@<group>`` id suffix; returns how many needed it."""
    if not getattr(config.option, "loadgroup", False):  # set on the workers of ``--dist loadgroup``
        return 0
    fixed = 0
    for item in items:
        group = group_of(item)
        if group is None or _suffixed(item.nodeid) or not hasattr(item, "_id"):
            continue
        from _pytest.nodeid import NodeId  # pytest >= 9.2, where ``_id`` holds the id

        item._id = NodeId.parse(f"{item.nodeid}@{group}")
        fixed += 1
    return fixed
