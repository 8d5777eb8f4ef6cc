"""The suite's ``--dist loadgroup`` keeps an ``xdist_group`` on one worker (tests.support.xdist_groups).

Under pytest 9.2 with xdist 3.8 the groups were silently ignored; nothing failed, the suite only took
longer (a group's shared fixture built on each worker). A small suite is run on two workers as
scripts/test.sh runs the real one, with the hook tests/conftest.py installs; every test of the group
must report the same worker, and the group's tests must carry the id suffix the controller groups by.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CONFTEST = """
import pytest

from tests.support.xdist_groups import apply_groups


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    apply_groups(config, items)
"""

TESTS = """
import json, os, pathlib

import pytest

OUT = pathlib.Path(__file__).parent / "workers"


def _note(request):
    OUT.mkdir(exist_ok=True)
    name = request.node.name
    (OUT / name).write_text(json.dumps([os.environ["PYTEST_XDIST_WORKER"], request.node.nodeid]))


@pytest.mark.xdist_group("shared")
@pytest.mark.parametrize("n", range(6))
def test_grouped(request, n):
    _note(request)


@pytest.mark.parametrize("n", range(6))
def test_free(request, n):
    _note(request)
"""


def test_a_groups_tests_run_on_one_worker(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_groups.py").write_text(TESTS)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadgroup",
         "--rootdir", str(tmp_path), str(tmp_path)],
        cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    seen = {p.name: json.loads(p.read_text()) for p in (tmp_path / "workers").iterdir()}
    grouped = {name: worker_id for name, worker_id in seen.items() if name.startswith("test_grouped")}
    assert len(grouped) == 6 and len(seen) == 12
    assert len({worker for worker, _ in grouped.values()}) == 1, grouped
    assert all(nodeid.endswith("@shared") for _, nodeid in grouped.values()), grouped
    free = [nodeid for name, (_, nodeid) in seen.items() if name.startswith("test_free")]
    assert not any("@" in nodeid for nodeid in free), free
