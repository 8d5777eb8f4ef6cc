"""The runner: start_in_thread, add_arguments/run, and the sandbox's import rules."""

from __future__ import annotations

import argparse
import ast
import signal
from pathlib import Path

import httpx
import pytest

from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox import SandboxState
from epay_desktop.sandbox import server as sandbox_server
from epay_desktop.sandbox import start_in_thread
from tests.support.sandbox import sandbox_process

SANDBOX_DIR = Path(sandbox_server.__file__).parent


def test_start_in_thread_serves_on_loopback() -> None:
    with start_in_thread(SandboxConfig(two_step=True)) as running:
        assert running.base_url.startswith("http://127.0.0.1:")
        assert running.state.config.two_step is True
        assert httpx.get(f"{running.base_url}/sandbox/transactions").json() == []
    running.stop()  # idempotent
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{running.base_url}/sandbox/transactions", timeout=1)


def test_start_in_thread_serves_the_acs_on_a_second_origin() -> None:
    with start_in_thread() as running:
        assert running.acs_url.startswith("http://127.0.0.1:") and running.acs_url != running.base_url
        assert running.state.acs_base_url == running.acs_url
        assert httpx.get(f"{running.acs_url}/acs/acs.js").status_code == 200
        assert httpx.get(f"{running.acs_url}/sandbox/transactions").status_code == 404  # only the ACS
        assert httpx.get(f"{running.base_url}/acs/acs.js").status_code == 404  # not on the gateway
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{running.acs_url}/acs/acs.js", timeout=1)


def test_acs_same_origin_has_no_second_listener() -> None:
    with start_in_thread(SandboxConfig(acs_same_origin=True)) as running:
        assert running.acs_url == running.base_url
        assert running.state.acs_base_url == ""
        assert httpx.get(f"{running.base_url}/acs/acs.js").status_code == 200


def test_start_in_thread_shares_a_given_state() -> None:
    state = SandboxState()
    with start_in_thread(state) as running:
        assert running.state is state


def test_add_arguments_defaults() -> None:
    parser = argparse.ArgumentParser()
    sandbox_server.add_arguments(parser)
    args = parser.parse_args([])
    assert (args.host, args.port, args.two_step) == ("127.0.0.1", 8765, False)
    assert args.hold_seconds == 7 * 24 * 3600
    assert args.token_ttl == 7200
    args = parser.parse_args(["--port", "0", "--two-step", "--hold-seconds", "60", "--token-ttl", "30"])
    config = sandbox_server.config_from_args(args)
    assert (config.two_step, config.hold_seconds, config.token_ttl) == (True, 60, 30)


@pytest.mark.parametrize("same_origin", [False, True])
def test_run_prints_url_first_and_stops_on_ctrl_c(same_origin: bool) -> None:
    flags = "['--port', '0', '--acs-same-origin']" if same_origin else "['--port', '0']"
    code = (
        "import argparse, sys\n"
        "from epay_desktop.sandbox import server\n"
        "p = argparse.ArgumentParser(); server.add_arguments(p)\n"
        f"sys.exit(server.run(p.parse_args({flags})))\n"
    )
    with sandbox_process("-c", code) as (proc, url):
        assert proc.stdout is not None
        assert "Ctrl+C" in proc.stdout.readline()
        assert httpx.get(f"{url}/sandbox/transactions").json() == []
        acs_lines = [proc.stdout.readline() for _ in range(6)]
        [acs] = [line.split(" is at ")[1].strip() for line in acs_lines if "(ACS) is at" in line]
        assert acs == f"{url}/acs/" if same_origin else acs.startswith("http://127.0.0.1:") and url not in acs
        assert httpx.get(f"{acs}acs.js").status_code == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
        rest = proc.stdout.read()
        assert "GET /sandbox" not in rest  # no access log on stdout


def test_sandbox_never_imports_qt_or_the_gateway_client() -> None:
    forbidden = ("PySide6", "qasync", "epay_desktop.gateway", "epay_desktop.ui")
    for path in SANDBOX_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(forbidden), f"{path.name} imports {name}"
