#!/usr/bin/env bash
# Run the whole test suite: ruff, mypy and pytest (headless). Creates/refreshes .venv-dev first.
# Exits non-zero on any failure; the last line is pytest's summary.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/_env.sh
# PostgreSQL: the store and service tests also run on a throwaway server (started by the tests).
ensure_system_libs postgresql || exit 1
make_venv .venv-dev "dev" || exit 1
export QT_QPA_PLATFORM=offscreen QT_API=pyside6
# Tests only: Chromium refuses to run as root without this. The shipped app never sets it.
export QTWEBENGINE_DISABLE_SANDBOX=1
export QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --log-level=3"
status=0
echo "== ruff"
.venv-dev/bin/ruff check epay_desktop tests benchmarks || status=1
.venv-dev/bin/ruff format --check -q epay_desktop tests benchmarks || { echo "ruff format: files need formatting (run .venv-dev/bin/ruff format)"; status=1; }
echo "== mypy"
.venv-dev/bin/mypy || status=1
echo "== pytest"
# One pytest worker per core (EPAY_TEST_WORKERS=0 runs in this process); each worker starts its own
# PostgreSQL server. loadgroup keeps a module marked xdist_group on one worker (a session fixture
# that is costly to build, like the benchmark runner's smoke run, is built once).
timeout -s KILL "${EPAY_TEST_TIMEOUT:-2700}" .venv-dev/bin/python -m pytest -q -p no:cacheprovider \
    -n "${EPAY_TEST_WORKERS:-auto}" --dist loadgroup "$@"
rc=$?
if [ $rc -eq 137 ]; then echo "pytest was killed after ${EPAY_TEST_TIMEOUT:-2700} s (a hang?)"; fi
[ $rc -eq 0 ] || status=1
if [ $status -ne 0 ] && [ $rc -eq 0 ]; then echo "tests passed, but ruff or mypy failed (see above)"; fi
exit $status
