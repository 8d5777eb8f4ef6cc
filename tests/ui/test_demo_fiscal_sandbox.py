"""``epay-desktop --demo`` runs the fiscal sandbox beside the gateway's (decision 0123): the real demo
console in its own process, logged in through its login form, has Webkassa configured at the fiscal
sandbox's address with the sandbox's cash register, and its connection test and provider work with the
sandbox's API key and password, which it holds for the session only (never the keychain, a file of the
demo folder or the database); the register has the fiscal receipt of one demo sale from the start (0125)."""

from __future__ import annotations

from pathlib import Path

from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from tests.support.demo_console import child_environ
from tests.support.demo_console import logged_in_demo

ASK_THE_REGISTER = """
setup = self.ctx.fiscal_setup
settings = await setup.load()
result = await setup.test_connection(settings)
provider = await setup.provider()
state = await provider.shift_state()
await provider.aclose()
kept = await asyncio.to_thread(self.ctx.secrets.load_account, "fiscal-password:" + settings.login)
print("fiscal", settings.provider, settings.url, settings.login, settings.cashbox, flush=True)
print("test", result.ok, result.message.text(), flush=True)
print("shift", state.shift_number, "kept", kept, "documents", state.documents, flush=True)
"""


def test_the_demo_starts_with_the_fiscal_sandbox_configured(tmp_path: Path) -> None:
    home = tmp_path / "demo"
    done = logged_in_demo(home, child_environ(tmp_path), ASK_THE_REGISTER)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = {line.split(" ", 1)[0]: line.split(" ") for line in done.stdout.splitlines()}
    _, provider, url, login, cashbox = lines["fiscal"]
    assert (provider, login, cashbox) == ("webkassa", LOGIN, CASHBOX), done.stdout
    assert url.startswith("http://127.0.0.1:")
    assert lines["test"][1] == "True", done.stdout
    # the demo registered one sale's fiscal receipt at its start (decision 0125): shift 1 is open
    assert " ".join(lines["test"][2:]) == "Connected to Webkassa: shift 1 is open."
    assert lines["shift"][:5] == ["shift", "1", "kept", "None", "documents"]  # no keychain entry
    assert int(lines["shift"][5]) >= 1  # the demo's fiscal sale (and the demo shift's other receipts, 0126)
    leaking = [
        str(p)
        for p in home.rglob("*")
        if p.is_file() and any(s.encode() in p.read_bytes() for s in (API_KEY, PASSWORD))
    ]
    assert leaking == []
