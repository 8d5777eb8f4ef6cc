"""Check a built bundle starts on its own (scripts/package.sh runs this after PyInstaller).

0. ``epay-desktop --version`` prints ``epay-desktop <version>``;
1. ``epay-desktop sandbox --port 0`` prints its URL and answers a token request (docs/sandbox.md's test
   client), and refuses a wrong secret;
2. ``epay-desktop user add`` refuses a user name with a look-alike letter (the confusables data ships);
3. ``epay-desktop --demo`` (offscreen, a throw-away demo folder) gets through start-up (the log says the
   start-up reconciliation is done, which comes after the database and the demo shop) and is still
   running a few seconds later; then it is stopped.

Only the standard library: it runs with any Python, the bundle brings its own.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

FORM = {
    "grant_type": "client_credentials",
    "scope": "payment",
    "client_id": "test",
    "client_secret": "yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG",
}


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "EPAY"))}
    env.update(HOME=str(home), EPAYMENT_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / ".config"))
    return env


def post(url: str, form: dict[str, str]) -> tuple[int, dict[str, object]]:
    data = urllib.parse.urlencode(form).encode()
    try:
        with urllib.request.urlopen(url, data=data, timeout=20) as answer:  # noqa: S310 - loopback
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def stop(process: subprocess.Popen[bytes], sig: int | None = None) -> None:
    """Stop ``process`` with ``sig`` (default: Ctrl+C, CTRL_BREAK on Windows); killed after 20 s."""
    if process.poll() is None:
        process.send_signal(
            sig if sig is not None else signal.SIGINT if os.name != "nt" else signal.CTRL_BREAK_EVENT
        )
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def check_sandbox(exe: str, home: Path) -> None:
    process = subprocess.Popen(  # noqa: S603
        [exe, "sandbox", "--port", "0"],
        env=clean_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert process.stdout is not None
        base = process.stdout.readline().decode().strip()
        if not base.startswith("http://127.0.0.1:"):
            raise SystemExit(f"the bundle's sandbox did not start (first line: {base!r})")
        status, body = post(f"{base}/oauth2/token", FORM)
        if status != 200 or not body.get("access_token"):
            raise SystemExit(f"the bundle's sandbox refused the token request: {status} {body}")
        status, _ = post(f"{base}/oauth2/token", {**FORM, "client_secret": "wrong"})
        if status != 401:
            raise SystemExit(f"the bundle's sandbox accepted a wrong secret: {status}")
        print("bundle: sandbox answers a token request")
    finally:
        if process.stdout is not None:
            process.stdout.close()
        stop(process)


def check_console(exe: str, home: Path) -> None:
    env = clean_env(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    demo = home / "demo"
    err = home / "console.stderr"
    with err.open("wb") as stderr:
        process = subprocess.Popen(  # noqa: S603
            [exe, "--demo", "--demo-home", str(demo)], env=env, stdout=subprocess.DEVNULL, stderr=stderr
        )
        try:
            deadline = time.monotonic() + 120
            started = None
            while time.monotonic() < deadline and process.poll() is None:
                logs = list(demo.rglob("*.log")) if demo.exists() else []
                if any("event=startup_reconciled" in p.read_text(errors="replace") for p in logs):
                    started = started or time.monotonic()
                    if time.monotonic() - started > 5:  # still running 5 s after start-up
                        break
                time.sleep(0.5)  # a separate process: nothing to wait on but its files
            if process.poll() is not None or started is None:
                raise SystemExit(
                    f"the bundle's console did not start (exit {process.poll()}):\n{err.read_text()[-3000:]}"
                )
            if "Traceback" in err.read_text(errors="replace"):
                raise SystemExit(f"the bundle's console printed a traceback:\n{err.read_text()[-3000:]}")
            print("bundle: the console started offscreen (demo) and kept running")
        finally:
            stop(process, signal.SIGTERM)  # the check is over (SIGINT would raise inside a Qt slot)


def check_user_names(exe: str, home: Path) -> None:
    """The confusables table ships (confusable_homoglyphs' JSON data, decision 0073): a user name with a
    Cyrillic look-alike letter is refused with its one line, not a missing-file crash (exit 4)."""
    secret = "bundle-pass-1"  # noqa: S105 - a throw-away account in a throw-away folder
    env = {**clean_env(home), "EPAYMENT_HOME": str(home / "names"), "EPAY_NEW_PASSWORD": secret}

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603
            [exe, *args], env={**env, **extra}, capture_output=True, text=True, timeout=120, check=False
        )

    first = run("user", "add", "boss", "--role", "manager")
    if first.returncode != 0:
        raise SystemExit(f"the bundle could not add a user ({first.returncode}): {first.stderr}")
    look_alike = run("user", "add", "b\u043ess", "--role", "cashier", EPAY_USER="boss", EPAY_PASSWORD=secret)
    if look_alike.returncode != 1 or "looks like the existing user" not in look_alike.stderr:
        raise SystemExit(
            f"the bundle did not refuse a look-alike user name ({look_alike.returncode}): {look_alike.stderr}"
        )
    print("bundle: a look-alike user name is refused (the confusables data is in the bundle)")


def check_version(exe: str, home: Path) -> None:
    done = subprocess.run(  # noqa: S603
        [exe, "--version"], env=clean_env(home), capture_output=True, text=True, timeout=60, check=False
    )
    if done.returncode != 0 or not done.stdout.startswith("epay-desktop "):
        raise SystemExit(f"the bundle's --version failed ({done.returncode}): {done.stdout}{done.stderr}")
    print(f"bundle: {done.stdout.strip()}")


def main() -> int:
    exe = str(Path(sys.argv[1]).resolve())
    with tempfile.TemporaryDirectory(prefix="epay-bundle-") as tmp:
        check_version(exe, Path(tmp))
        check_sandbox(exe, Path(tmp))
        check_user_names(exe, Path(tmp))
        check_console(exe, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
