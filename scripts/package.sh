#!/usr/bin/env bash
# Build the one-folder bundle of the console: dist/epay-desktop/ (with epay-desktop[.exe] in it), then
# check that it starts (--version, the sandbox answers a token request). Linux; on Windows run the same
# script in Git Bash (docs/install.md says what was not verified there). Not part of the test suite.
#
#   ./scripts/package.sh            # about 5-10 minutes the first time; the bundle is about 600 MB
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'package: %s\n' "$*" >&2; }

. scripts/_env.sh
py="$(find_python)"
venv=.venv-package
if [ ! -d "$venv" ]; then
    say "creating $venv (the console and PyInstaller, not editable)"
    "$py" -m venv "$venv"
fi
bin="$venv/bin"
[ -d "$venv/Scripts" ] && bin="$venv/Scripts"  # Windows
"$bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
# setuptools reuses build/lib and never removes what is gone from the tree (seen: the receipt fonts'
# old folder rode along after their move to resources/): start the package build clean
rm -rf build/lib build/bdist.*
# the console as a user gets it (a real install, resources copied in), and PyInstaller
"$bin/python" -m pip install -q --disable-pip-version-check . "pyinstaller>=6.10,<7" "pyinstaller-hooks-contrib>=2024.8"
"$bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps .  # this tree's code

say "building dist/epay-desktop/ (PyInstaller)"
"$bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/epay-desktop.spec

exe=dist/epay-desktop/epay-desktop
[ -f "$exe.exe" ] && exe="$exe.exe"
say "checking the bundle: $exe"
version="$(env -u PYTHONPATH -u PYTHONHOME "$exe" --version)"
[ "$version" = "epay-desktop $("$bin/python" -c 'import epay_desktop; print(epay_desktop.__version__)')" ] ||
    { say "unexpected --version: $version"; exit 1; }
"$bin/python" packaging/check_bundle.py "$exe"
say "done: $(du -sh dist/epay-desktop | cut -f1) in dist/epay-desktop/ ($version)"
