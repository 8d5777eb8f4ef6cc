"""reliability.md T25 in the CLI's form: after a full workflow, no secret, token, password or card number
is anywhere in the console's home folder (database with its WAL and SHM, logs, receipts, exports, keys)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.merchant import CLIENT_SECRET

SECRET = CLIENT_SECRET
TEST_PAN = "4405639704015096"


def _all_bytes(home: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(home.rglob("*")) if p.is_file()]


def test_no_secret_token_password_or_card_number_at_rest(cli: Any, tmp_path: Path) -> None:
    """reliability.md T25."""
    cli.add_manager()
    invoice = cli.pay("2500.00")
    assert cli.run("status", invoice).code == 0
    assert cli.run("refund", invoice, "--amount", "500", "--reason", "returned").code == 0
    receipts = cli.home / "receipts"
    receipts.mkdir()
    assert cli.run("receipt", invoice, "--out", str(receipts / "sale.pdf")).code == 0
    assert cli.run("export", "--csv", str(cli.home / "export.csv")).code == 0
    assert cli.run("reconcile").code == 0

    tokens = list(cli.sandbox.state.tokens._tokens)  # every token the gateway ever issued
    assert len(tokens) >= 2  # a service token and the payment token, at least
    files = _all_bytes(cli.home)
    names = {p.name for p, _ in files}
    assert "epay-desktop.db" in names and "epay-desktop.log" in names and "sale.pdf" in names
    needles = {
        "client secret": SECRET.encode(),
        "card number": TEST_PAN.encode(),
        "manager password": cli.MANAGER_PASSWORD.encode(),
        **{f"token {t[:4]}…": t.encode() for t in tokens},
    }
    hits = [
        (str(p.relative_to(cli.home)), what) for p, data in files for what, n in needles.items() if n in data
    ]
    assert hits == []
