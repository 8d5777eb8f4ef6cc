"""The command line's entry points that exist without a database: sandbox and config."""

import json
import signal

import httpx

from epay_desktop.cli import main
from tests.support.merchant import CLIENT_SECRET
from tests.support.merchant import TERMINAL_ID
from tests.support.sandbox import sandbox_process


def test_python_m_sandbox_prints_its_url_first():
    with sandbox_process("-m", "epay_desktop", "sandbox", "--port", "0") as (proc, url):
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
