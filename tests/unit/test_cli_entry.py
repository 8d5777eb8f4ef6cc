"""The command line's entry points that exist without a database: sandbox and config."""

import json
import os
import signal
import subprocess
import sys

import httpx

from epay_desktop.cli import main
from tests.support.merchant import CLIENT_SECRET, TERMINAL_ID


def test_python_m_sandbox_prints_its_url_first():
    proc = subprocess.Popen(
        [sys.executable, "-m", "epay_desktop", "sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        token = httpx.post(
            f"{url}/oauth2/token",
            data={
                "grant_type": "client_credentials",
                "scope": "webapi",
                "client_id": "test",
                "client_secret": CLIENT_SECRET,
                "terminal": TERMINAL_ID,
            },
        )
        assert token.status_code == 200
        assert isinstance(token.json()["expires_in"], str)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


def test_config_shows_settings_without_the_secret(monkeypatch, capsys):
    monkeypatch.setenv("EPAYMENT_ENV", "test")
    monkeypatch.setenv("EPAYMENT_CLIENT_SECRET", "very-secret-value")
    assert main(["config", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["environment"] == "test"
    assert shown["api_url"] == "https://test-epay-api.epayment.kz"
    assert shown["client_secret"] == "set"
    assert "very-secret-value" not in json.dumps(shown)


def test_config_error_is_one_clear_line(monkeypatch, capsys):
    monkeypatch.setenv("EPAYMENT_ENV", "production")
    assert main(["config"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "EPAYMENT_ENV" in err[0] and "prod, test, test-homebank, sandbox" in err[0]
