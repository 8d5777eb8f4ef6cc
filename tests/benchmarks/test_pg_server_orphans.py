"""A killed run leaves no PostgreSQL server behind (benchmarks/pg_server.py, the tests' server too).

pg_ctl daemonised the server, so a test run killed by its timeout (SIGKILL of pytest) left servers
running and their folders (``/tmp/epay-bench-pg-*``) full. The server is now ``postgres`` itself, a
child that gets its stop signal when its starter dies; the folder such a run leaves is removed by the
next start (``remove_orphaned_folders``), never while its starter or its server lives.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import pg_server

ROOT = Path(__file__).resolve().parents[2]

#: The starter: a server on a temporary folder; says where and which process, then waits on its stdin.
STARTER = """
import json, sys
from pathlib import Path

from sqlalchemy import create_engine, text

from benchmarks.pg_server import pg_server

with pg_server(stop_mode=sys.argv[1]) as url:
    engine = create_engine(url)
    with engine.connect() as conn:
        data = Path(conn.execute(text("SHOW data_directory")).scalar_one())
    engine.dispose()
    postmaster = int((data / "postmaster.pid").read_text().split()[0])
    print(json.dumps({"server": postmaster, "root": str(data.parent)}), flush=True)
    sys.stdin.read()
"""


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="the parent-death signal and pidfd are Linux's")
def test_the_server_of_a_starter_killed_by_sigkill_stops_and_its_folder_is_removed_next_time(
    pg_binaries: Path,
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    starter = subprocess.Popen(
        [sys.executable, "-c", STARTER, "immediate"],  # the tests' server's stop mode
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert starter.stdout is not None and starter.stdin is not None
    server = -1
    try:
        started = json.loads(starter.stdout.readline())
        server, root = int(started["server"]), Path(started["root"])
        watch = os.pidfd_open(server)  # readable once the server's process has ended
        try:
            assert root not in pg_server.remove_orphaned_folders()  # its starter lives: kept
            starter.send_signal(signal.SIGKILL)
            assert starter.wait(timeout=60) == -signal.SIGKILL
            ended, _, _ = select.select([watch], [], [], 60)
            assert ended, f"the server (pid {server}) still runs 60 s after its starter was killed"
        finally:
            os.close(watch)
        assert root.is_dir()  # nobody was left to remove it
        assert root in pg_server.remove_orphaned_folders()
        assert not root.exists()
    finally:
        if starter.poll() is None:
            starter.kill()
            starter.wait()
        starter.stdout.close()
        starter.stdin.close()
