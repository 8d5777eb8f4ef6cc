# ruff: noqa: S603, S607, S108, SIM115  (a developer tool: runs xdotool, import and the demo by name)
"""Screenshots of the running demo, driven with the keyboard and mouse as a cashier and a manager would.

Needs Debian's xvfb, openbox, xdotool and imagemagick, and the dev venv (./scripts/test.sh makes it).
Starts its own Xvfb (1366x800) with openbox unless DISPLAY is set, runs ``epay-desktop --demo`` on a
fresh demo folder for each flow, and saves one PNG per screen (window with its title bar):

    python3 scripts/screenshots.py docs/screenshots            # every flow
    SHOTS=refund python3 scripts/screenshots.py /tmp/shots    # one flow: cashier, declined, retry, refund,
                                                              # manager, books, fiscal, kazakh, russian,
                                                              # shifts

The ``shifts`` flow drives the console in-process and offscreen instead (scripts/shift_screens.py): the
shift reports, the close step, Settings > Shifts and two 58 mm printouts of the printer sandbox.

Look at every picture before committing it: the flows type into the gateway's page by position.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
HOME = os.path.join(tempfile.gettempdir(), "epay-shots-demo")
MAIN = "^(SANDBOX|ОҚУ ОРТАСЫ|УЧЕБНАЯ СРЕДА) — ePay Desktop$"
NEW = "^(New payment|Жаңа төлем|Новый платёж)"
os.makedirs(OUT, exist_ok=True)
env = dict(os.environ)
env.pop("QT_QPA_PLATFORM", None)


def x(*args: str) -> str:
    # xdotool reads its text in the C.UTF-8 locale: under the app's LANG (en_US.UTF-8, often not
    # installed) it cannot decode Cyrillic and types nothing
    tool_env = {**env, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run(["xdotool", *args], env=tool_env, capture_output=True, text=True).stdout.strip()


def typ(text: str) -> None:
    if not text.isascii():  # xdotool drops the first letter after switching to another keymap
        x("type", "--delay", "40", " ")
        x("key", "BackSpace")
    x("type", "--delay", "40", text)


def key(*keys: str) -> None:
    for k in keys:
        x("key", k)
        time.sleep(0.15)


def wait_window(name: str, timeout: float = 60) -> str:
    end = time.time() + timeout
    while time.time() < end:
        ids = x("search", "--onlyvisible", "--name", name).split()
        if ids:
            return ids[-1]
        time.sleep(0.5)
    raise SystemExit(f"no window {name!r}")


def shot(name: str, title: str | None = None) -> None:
    time.sleep(0.8)
    target = wait_window(title) if title else x("getactivewindow")
    subprocess.run(["import", "-frame", "-window", target, f"{OUT}/{name}.png"], env=env, check=True)
    print("shot", name, flush=True)


def main() -> None:
    shutil.rmtree(HOME, ignore_errors=True)
    # a fresh ~/.config for each flow: the console starts in the last login's language (decision 0045)
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="epay-shots-config-")
    env["LANG"] = "en_US.UTF-8"
    app = subprocess.Popen(
        [f"{ROOT}/.venv-dev/bin/python", "-m", "epay_desktop", "--demo", "--demo-home", HOME],
        cwd=ROOT,
        env=env,
        stdout=open(f"{OUT}/app.log", "w"),
        stderr=subprocess.STDOUT,
    )
    try:
        script = os.environ["SHOTS"]
        globals()[f"flow_{script}"]()
    finally:
        app.terminate()
        app.wait(20)


def login(name: str, pin: str) -> str:
    win = wait_window(MAIN)
    time.sleep(3)
    x("windowactivate", "--sync", win)
    typ(name)
    key("Tab")
    typ(pin)
    key("Return")
    time.sleep(4)
    return win


def open_new() -> None:
    for _ in range(3):
        x("windowactivate", "--sync", wait_window(MAIN))
        key("F2")
        try:
            wait_window(NEW, 8)
            return
        except SystemExit:
            pass
    raise SystemExit("F2 opened nothing")


def flow_cashier() -> None:
    win = wait_window(MAIN)
    time.sleep(4)
    shot("login", MAIN)
    login("Айгерим", "1111")
    x("mousemove", "--window", win, "300", "150", "click", "1")
    time.sleep(2)
    shot("main-window", MAIN)
    open_new()
    time.sleep(1)
    typ("2500")
    key("Tab")
    typ("Торт «Наполеон»")
    shot("new-payment", NEW)
    key("Return")
    time.sleep(8)
    shot("checkout", NEW)
    x("mousemove", "--window", wait_window(NEW), "483", "410", "click", "1")
    time.sleep(0.5)
    typ("4405639704015096")
    key("Tab")
    typ("1229")
    key("Tab")
    typ("123")
    key("Tab")
    typ("AIGERIM TESTOVA")
    key("Return")
    time.sleep(10)
    shot("result-approved", NEW)


def menu(title_x: int, item_y: int) -> None:
    win = wait_window(MAIN)
    x("windowactivate", "--sync", win)
    x("mousemove", "--window", win, str(title_x), "12", "click", "1")
    time.sleep(0.8)
    x("mousemove", "--window", win, str(title_x + 30), str(item_y), "click", "1")
    time.sleep(2)


def press_for(keys: str, title: str) -> None:
    for _ in range(3):
        x("windowactivate", "--sync", wait_window(MAIN))
        time.sleep(0.5)
        key(keys)
        try:
            wait_window(title, 8)
            return
        except SystemExit:
            pass
    raise SystemExit(f"{keys} opened no {title}")


def pay_on_page(card: str, name: str) -> None:
    x("mousemove", "--window", wait_window(NEW), "483", "410", "click", "1")
    time.sleep(0.5)
    typ(card)
    key("Tab")
    typ("1229")
    key("Tab")
    typ("123")
    key("Tab")
    if name:
        typ(name)
    key("Return")


def flow_declined() -> None:
    login("Ержан", "3333")
    open_new()
    time.sleep(1)
    typ("4500")
    key("Tab")
    typ("Гүлдер")
    key("Return")
    time.sleep(8)
    pay_on_page("4111111111111111", "")  # no name: the page asks to correct it (HTTP 422)
    time.sleep(5)
    shot("checkout-correction", NEW)
    x("mousemove", "--window", wait_window(NEW), "483", "410", "click", "1")
    time.sleep(0.5)
    key("ctrl+a")
    typ("4003032704547597")
    time.sleep(0.5)
    key("Tab", "Tab")  # the expiry is kept; the page asks for the CVC again
    typ("123")
    key("Tab")
    typ("ERZHAN TESTOV")
    key("Return")
    time.sleep(10)
    shot("checkout-declined-attempts-left", NEW)  # the bank's page offers the form again; the console says so
    x("mousemove", "--window", wait_window(NEW), "490", "561", "click", "1")  # the page's "Finish"
    time.sleep(6)
    shot("result-declined", NEW)


def flow_retry() -> None:
    """Declined, back to the payment form on the same invoice, 3-D Secure at the issuer, paid."""
    login("Ержан", "3333")
    open_new()
    time.sleep(1)
    typ("4500")
    key("Tab")
    typ("Гүлдер")
    key("Return")
    time.sleep(8)
    pay_on_page("4003032704547597", "ERZHAN TESTOV")
    time.sleep(10)
    x("mousemove", "--window", wait_window(NEW), "490", "511", "click", "1")  # "Back to the payment form"
    time.sleep(4)
    typ("4111111111111111")  # the card field has the keyboard on the fresh form
    key("Tab")
    typ("1229")
    key("Tab")
    typ("123")
    key("Tab")
    typ("ERZHAN TESTOV")
    key("Return")
    time.sleep(8)
    shot("checkout-issuer-3ds", NEW)  # the issuer's page on another host, named above the page
    x("mousemove", "--window", wait_window(NEW), "490", "539", "click", "1")
    typ("000000")
    key("Return")
    time.sleep(10)
    key("Escape")
    time.sleep(3)
    shot("timeline-attempts", MAIN)


def flow_refund() -> None:
    win = login("Айгерим", "1111")
    time.sleep(6)
    for _ in range(4):
        x("windowactivate", "--sync", wait_window(MAIN))
        x("mousemove", "--window", win, "300", "96", "click", "1")
        time.sleep(3)
        key("ctrl+r")
        try:
            wait_window("^Refund", 6)
            break
        except SystemExit:
            subprocess.run(["import", "-window", "root", f"{OUT}/debug-refund.png"], env=env)
    time.sleep(1)
    typ("Данияр")
    key("Tab")
    typ("9999")
    key("Return")
    time.sleep(2.5)
    shot("refund", "^Refund")
    typ("2222")
    key("Return")
    time.sleep(4)
    key("Return")  # Print refund receipt
    time.sleep(4)
    shot("receipt-preview", "^Refund receipt")
    key("Escape")


def flow_manager() -> None:
    login("Данияр", "2222")
    press_for("ctrl+comma", "^Settings")
    shot("settings", "^Settings")
    key("Escape")
    menu(200, 62)  # Settings -> Users...
    shot("users", "^Users")
    key("Escape")
    menu(200, 86)  # Settings -> Export payments (CSV)...
    shot("export", "^Export")
    key("Escape")
    time.sleep(1)
    press_for("ctrl+shift+a", "^Needs attention")
    shot("attention", "^Needs attention")
    key("Escape")


def sandbox_url() -> str:
    """The demo's in-process sandbox, from the console's log (``event=app_opening ... api=URL``)."""
    log = os.path.join(HOME, "logs", "epay-desktop.log")
    end = time.time() + 60
    while time.time() < end:
        if os.path.exists(log):
            found = re.search(r"event=app_opening .*?api=(http://\S+)", open(log, encoding="utf-8").read())
            if found:
                return found.group(1)
        time.sleep(0.5)
    raise SystemExit("no sandbox address in the demo's log")


def flow_books() -> None:
    """A refund made in the bank's merchant cabinet: Check with the bank, then Needs attention."""
    login("Данияр", "2222")
    url = sandbox_url()
    listing = subprocess.run(["curl", "-s", f"{url}/sandbox/transactions"], capture_output=True, text=True)
    paid = [t for t in json.loads(listing.stdout) if t["status"] == "CHARGE" and not t["payoutAmount"]]
    invoice = max(paid, key=lambda t: t["createdDate"])["invoiceId"]
    refund = (
        f"{url}/sandbox/invoices/{invoice}/refund?amount=1000"  # in the cabinet: the console sent nothing
    )
    subprocess.run(["curl", "-s", "-X", "POST", refund], capture_output=True, check=True)
    win = wait_window(MAIN)
    x("windowactivate", "--sync", win)
    key("ctrl+f")
    typ(invoice)
    time.sleep(2)
    x("mousemove", "--window", win, "300", "96", "click", "1")  # the one row found
    time.sleep(2)
    key("shift+F5")  # Payment -> Check with the bank
    time.sleep(5)
    shot("check-with-the-bank", MAIN)
    press_for("ctrl+shift+a", "^Needs attention")
    shot("attention-books", "^Needs attention")
    x(
        "mousemove", "--window", wait_window("^Needs attention"), "337", "367", "click", "1"
    )  # "What you found"
    typ("1 000 refunded in the cabinet on request, checked")
    key("Return")
    time.sleep(3)
    shot("attention-books-resolved", "^Needs attention")
    key("Escape")


def flow_fiscal() -> None:
    """The demo's fiscal sale (registered with its fiscal sandbox at the start): its receipt previewed,
    the fiscal block and the OFD's QR at its foot (decision 0125)."""
    win = login("Айгерим", "1111")
    log = os.path.join(HOME, "logs", "epay-desktop.log")
    found = re.search(r"event=demo_fiscal_sale invoice_id=(\d+)", open(log, encoding="utf-8").read())
    if found is None:
        raise SystemExit("the demo registered no fiscal receipt at its start (see its log)")
    x("windowactivate", "--sync", win)
    key("ctrl+f")
    typ(found.group(1))
    time.sleep(2)
    x("mousemove", "--window", win, "300", "96", "click", "1")  # the one row found
    time.sleep(2)
    key("ctrl+p")
    preview = wait_window("^Sale receipt")
    time.sleep(3)
    x("mousemove", "--window", preview, "280", "400", "click", "1")  # into the receipt, then to its foot
    key("End")
    shot("receipt-fiscal", "^Sale receipt")
    key("Escape")


def choose_language(button_x: str) -> str:
    """Click a language on the login screen (Қазақша at x=691, Русский at 765 of the English layout)."""
    win = wait_window(MAIN)
    time.sleep(4)
    x("windowactivate", "--sync", win)
    x("mousemove", "--window", win, button_x, "147", "click", "1")
    time.sleep(2)
    return win


def flow_kazakh() -> None:
    """The login screen and the main window in Kazakh (chosen on the login screen)."""
    win = choose_language("691")
    shot("login-kk", MAIN)
    x("mousemove", "--window", win, "606", "467", "click", "1")  # the demo link fills in Айгерим, 1111
    key("Return")
    time.sleep(4)
    x("mousemove", "--window", win, "300", "126", "click", "1")  # the first row (two-row filter bar)
    time.sleep(2)
    shot("main-window-kk", MAIN)


def flow_russian() -> None:
    """The main window and a sale's page in Russian (chosen on the login screen)."""
    win = choose_language("765")
    x("mousemove", "--window", win, "600", "487", "click", "1")  # the demo link fills in Ержан, 3333
    key("Return")
    time.sleep(4)
    x("mousemove", "--window", win, "300", "126", "click", "1")  # the first row (two-row filter bar)
    time.sleep(2)
    shot("main-window-ru", MAIN)
    open_new()
    time.sleep(1)
    typ("1500")
    key("Return")
    time.sleep(8)
    shot("checkout-ru", NEW)


def with_display() -> list[subprocess.Popen[bytes]]:
    """Xvfb and openbox of our own, unless a display is already there."""
    if env.get("DISPLAY"):
        return []
    env["DISPLAY"] = ":97"
    xvfb = subprocess.Popen(["Xvfb", ":97", "-screen", "0", "1366x800x24"], stderr=subprocess.DEVNULL)
    time.sleep(2)
    wm = subprocess.Popen(["openbox"], env=env, stderr=subprocess.DEVNULL)
    time.sleep(2)
    return [wm, xvfb]


if __name__ == "__main__":
    helpers = with_display()
    try:
        flows = (
            [os.environ["SHOTS"]]
            if os.environ.get("SHOTS")
            else [
                "cashier",
                "declined",
                "retry",
                "refund",
                "manager",
                "books",
                "fiscal",
                "kazakh",
                "russian",
                "shifts",
            ]
        )
        for flow in flows:
            if flow == "shifts":
                subprocess.run(
                    [f"{ROOT}/.venv-dev/bin/python", f"{ROOT}/scripts/shift_screens.py", OUT],
                    cwd=ROOT,
                    env={**env, "QT_QPA_PLATFORM": "offscreen"},
                    check=True,
                )
                continue
            os.environ["SHOTS"] = flow
            main()
    finally:
        for proc in helpers:
            proc.terminate()
