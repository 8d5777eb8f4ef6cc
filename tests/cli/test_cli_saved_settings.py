"""The CLI uses what the GUI's Settings saved (console.json, the keychain's secret), under the real
environment, which wins: a counter configured in Settings is the same counter for `epay-desktop` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from epay_desktop.cli import main
from epay_desktop.services.shop_settings import LocalConfig
from epay_desktop.services.shop_settings import LocalConfigStore
from tests.support.merchant import TERMINAL_ID

TERMINAL = TERMINAL_ID


def test_config_shows_the_saved_settings_and_the_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("EPAYMENT_ENV", "EPAYMENT_CLIENT_ID", "EPAYMENT_TERMINAL", "EPAYMENT_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EPAYMENT_HOME", str(tmp_path))
    LocalConfigStore(tmp_path).write(LocalConfig(environment="test", client_id="merchant", terminal=TERMINAL))
    assert main(["config", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["environment"], shown["client_id"], shown["terminal"]) == ("test", "merchant", TERMINAL)
    monkeypatch.setenv("EPAYMENT_ENV", "sandbox")
    assert main(["config", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["environment"] == "sandbox"
