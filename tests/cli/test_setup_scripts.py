"""scripts/_env.sh and scripts/demo.sh on a fresh machine: which system libraries they install or name.

The scripts run for real in bash; only the system's package tools are replaced by small fakes on PATH
(``dpkg-query`` answers from a list of installed packages, ``apt-cache`` knows a list of names,
``apt-get`` and ``id`` record or pretend), so nothing is installed and no root is needed.
docs/fresh-machine.md has the real check in a debootstrap under Xvfb.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="bash scripts for Debian/Ubuntu")

# What a window on X needs beyond the offscreen set (a few of them; the script's list is longer).
XCB_PACKAGES = (
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "fonts-dejavu-core",
)


def _fakes(tmp_path: Path, installed: set[str] | None, known: set[str] | None, uid: int) -> Path:
    """A bin folder with fake dpkg-query, apt-cache, apt-get and id. ``installed=None``: everything is."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (tmp_path / "installed").write_text("\n".join(sorted(installed or ())) + "\n")
    (tmp_path / "known").write_text("\n".join(sorted(known or ())) + "\n")
    everything = "1" if installed is None else ""
    scripts = {
        # dpkg-query -W -f='${db:Status-Abbrev}' NAME
        "dpkg-query": f'name="${{@: -1}}"\n'
        f'if [ -n "{everything}" ] || grep -qxF "$name" {tmp_path}/installed; '
        'then printf "ii "; else echo "dpkg-query: no packages found matching $name" >&2; exit 1; fi\n',
        # apt-cache show --no-all-versions NAME
        "apt-cache": f'name="${{@: -1}}"\n'
        f'grep -qxF "$name" {tmp_path}/known && echo "Package: $name"\nexit 0\n',
        "apt-get": f'echo "$DEBIAN_FRONTEND $*" >> {tmp_path}/apt-get.log\n',
        "id": f'if [ "$1" = -u ]; then echo {uid}; else exec /usr/bin/id "$@"; fi\n',
    }
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text("#!/bin/bash\n" + body)
        path.chmod(0o755)
    return bin_dir


def _bash(tmp_path: Path, bin_dir: Path, script: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {
        k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    full_env["PATH"] = f"{bin_dir}:{full_env.get('PATH', '/usr/bin:/bin')}"
    full_env.update(env)
    return subprocess.run(
        ["bash", "-c", script], cwd=REPO, env=full_env, capture_output=True, text=True, timeout=60
    )


def _apt_calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "apt-get.log"
    return log.read_text().splitlines() if log.exists() else []


def test_a_normal_user_gets_one_sudo_line_naming_the_missing_xcb_libraries(tmp_path: Path) -> None:
    # A desktop Debian with the offscreen set only: everything but the display set is installed.
    installed = {"libegl1", "libgl1", "libx11-6", "libnss3", "libglib2.0-0", "libasound2", "libxkbfile1"}
    installed |= {"libdbus-1-3", "libfontconfig1", "libfreetype6", "libxkbcommon0", "libxcomposite1"}
    installed |= {"libxdamage1", "libxrandr2", "libxtst6"}
    known = installed | set(XCB_PACKAGES) | {"libcups2", "libxcb1", "libgbm1"}
    bin_dir = _fakes(tmp_path, installed, known, uid=1000)
    result = _bash(tmp_path, bin_dir, ". scripts/_env.sh; ensure_system_libs --display")
    assert result.returncode == 1, result.stderr
    sudo = [line for line in result.stderr.splitlines() if "sudo apt-get install" in line]
    assert len(sudo) == 1, result.stderr
    names = sudo[0].split("--no-install-recommends", 1)[1].split()
    assert set(XCB_PACKAGES) <= set(names)
    assert not set(names) & installed  # nothing already there is named
    assert "libcups2" in names and "libcups2t64" not in names  # Debian: the name apt knows
    assert _apt_calls(tmp_path) == []


def test_root_installs_exactly_the_missing_ones_non_interactively(tmp_path: Path) -> None:
    bin_dir = _fakes(
        tmp_path, installed=set(), known={"libasound2t64", "libcups2t64", "libglib2.0-0t64"}, uid=0
    )
    result = _bash(tmp_path, bin_dir, ". scripts/_env.sh; ensure_system_libs --display")
    assert result.returncode == 0, result.stderr
    calls = _apt_calls(tmp_path)
    assert calls[0] == "noninteractive update -qq"
    assert calls[1].startswith("noninteractive install -y -qq --no-install-recommends ")
    names = calls[1].split()[5:]
    assert set(XCB_PACKAGES) <= set(names)
    # Ubuntu 24.04 renamed these (t64); the script asks for the name this apt knows.
    assert {"libasound2t64", "libcups2t64", "libglib2.0-0t64"} <= set(names)
    assert not {"libasound2", "libcups2", "libglib2.0-0"} & set(names)
    assert len(calls) == 2


def test_a_machine_that_has_everything_installs_nothing(tmp_path: Path) -> None:
    bin_dir = _fakes(tmp_path, installed=None, known=set(), uid=0)
    result = _bash(tmp_path, bin_dir, ". scripts/_env.sh; ensure_system_libs --display; echo rc=$?")
    assert result.stdout.strip() == "rc=0", result.stderr
    assert result.stderr == ""
    assert _apt_calls(tmp_path) == []


def test_the_renamed_package_counts_as_installed(tmp_path: Path) -> None:
    """Ubuntu 24.04 has libasound2t64, never libasound2: that is not a missing library."""
    bin_dir = _fakes(tmp_path, installed=None, known=set(), uid=1000)
    (tmp_path / "bin" / "dpkg-query").write_text(
        '#!/bin/bash\nname="${@: -1}"\n'
        'case "$name" in libasound2|libcups2|libglib2.0-0) exit 1;; esac\nprintf "ii "\n'
    )
    result = _bash(tmp_path, bin_dir, '. scripts/_env.sh; echo "[$(missing_debs --display)]"')
    assert result.stdout.strip() == "[]", (result.stdout, result.stderr)


def test_the_tests_set_does_not_ask_for_the_display_libraries(tmp_path: Path) -> None:
    """scripts/test.sh (CI, offscreen) stays lean: only --display adds the xcb set."""
    bin_dir = _fakes(tmp_path, installed=set(), known=set(), uid=1000)
    result = _bash(tmp_path, bin_dir, ". scripts/_env.sh; missing_debs")
    names = result.stdout.split()
    assert "libnss3" in names
    assert not set(XCB_PACKAGES) & set(names)


def test_demo_sh_without_a_display_says_so_in_one_line(tmp_path: Path) -> None:
    bin_dir = _fakes(tmp_path, installed=set(), known=set(), uid=0)
    result = _bash(tmp_path, bin_dir, "./scripts/demo.sh")
    assert result.returncode == 2
    assert result.stderr.startswith("epay-desktop: no display: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert _apt_calls(tmp_path) == []  # nothing installed for a machine that cannot show the console


# In every Debian/Ubuntu base system (debootstrap --variant=minbase has them): not in the script's list.
BASE_SYSTEM = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2"}
BASE_SYSTEM |= {"libstdc++.so.6", "libgcc_s.so.1", "libz.so.1", "libzstd.so.1", "libudev.so.1"}
BASE_SYSTEM |= {"libexpat.so.1", "libgssapi_krb5.so.2"}
# Shipped in the same Debian package as a soname the list names.
SAME_PACKAGE = {"libgthread-2.0.so.0": "libglib-2.0.so.0", "libnssutil3.so": "libnss3.so"}
SAME_PACKAGE |= {"libsmime3.so": "libnss3.so", "libbrotlicommon.so.1": "libbrotlidec.so.1"}


def _needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a little-endian ELF64 file (what ``readelf -d`` lists as NEEDED)."""
    import struct

    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strtab = sections[link][4]
        for pos in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, pos)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strtab + value)
                names.append(data[strtab + value : end].decode())
    return names


def test_the_list_covers_what_qt_links_against() -> None:
    """Every system library that Qt's xcb plugin, QtWebEngine and the modules the console imports link
    against is in scripts/_env.sh's lists (or in every base system): fails when a PySide6 upgrade needs
    a new one, which on a fresh machine would be the next SIGABRT."""
    import PySide6

    package = Path(PySide6.__file__).parent
    qt = package / "Qt"
    if not (qt / "plugins" / "platforms" / "libqxcb.so").is_file():
        pytest.skip("PySide6 without its xcb plugin")
    roots = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "libexec" / "QtWebEngineProcess"]
    for folder in ("xcbglintegrations", "imageformats", "iconengines", "tls"):
        roots += sorted((qt / "plugins" / folder).glob("*.so"))
    roots += [qt / "plugins" / "printsupport" / "libcupsprintersupport.so"]
    roots += [qt / "plugins" / "platforminputcontexts" / "libcomposeplatforminputcontextplugin.so"]
    modules = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtWebEngineCore")
    roots += [package / f"{name}.abi3.so" for name in (*modules, "QtWebEngineWidgets")]
    bundled_dirs = [qt / "lib", package, package.parent / "shiboken6"]
    seen: set[Path] = set()
    system: dict[str, str] = {}
    todo = [root for root in roots if root.is_file()]
    assert len(todo) > 10, todo
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name in _needed(current):
            bundled = next((d / name for d in bundled_dirs if (d / name).is_file()), None)
            if bundled is not None:
                todo.append(bundled)
            else:
                system.setdefault(name, current.name)
    assert "libxcb-cursor.so.0" in system  # the fresh-Debian abort of issue 9
    listed = subprocess.run(
        ["bash", "-c", '. scripts/_env.sh; echo "$QT_LIBS $QT_DISPLAY_LIBS"'],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    sonames = {pair.split(":", 1)[0] for pair in listed}
    missing = {
        name: user
        for name, user in system.items()
        if SAME_PACKAGE.get(name, name) not in sonames
        and name not in BASE_SYSTEM
        and not name.startswith("ld-linux")
    }
    assert missing == {}, f"add these (soname -> the Qt file that needs it) to scripts/_env.sh: {missing}"
